#!/usr/bin/env bash
# System (apt) packages the tests and tools need; idempotent, and offline when all are present.
set -euo pipefail

packages=(
    docker-compose # validates docker-compose.yml (`docker-compose config`) without a Docker engine
    openjdk-17-jre-headless # runs the local Neo4j 5.26 server (the last Neo4j line on Java 17)
    maven                   # resolves the Neo4j jars from Maven Central into ~/.m2 (neo4j-server/pom.xml)
    python3-venv            # `make venv`
    make
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query --show --showformat='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "system packages: all present (${packages[*]})"
    exit 0
fi

sudo=""
if ((EUID != 0)); then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
