"""The Docker route: compose resolves as a user runs it, the image installs the service."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from dotenv import dotenv_values

from graph_service.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
DOCKERFILE = REPO_ROOT / "Dockerfile"
DOCKERIGNORE = REPO_ROOT / ".dockerignore"
ENV_EXAMPLE = REPO_ROOT / ".env.example"
PASSWORD = "compose-test-pw"


@pytest.fixture(scope="module")
def docker_compose() -> str:
    """Path of the docker-compose 1.29 executable, which validates compose files without an engine."""
    executable = shutil.which("docker-compose")
    if executable is None:
        pytest.fail("docker-compose is not installed: run scripts/system-packages.sh (CI runs it)")
    return executable


@pytest.fixture(scope="module")
def empty_env_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty env file, so a developer's own .env does not leak into the resolved config."""
    path = tmp_path_factory.mktemp("compose") / "empty.env"
    path.write_text("")
    return path


def compose_config(executable: str, env_file: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """Run `docker-compose config` on the repository's compose file with exactly `environment`."""
    return subprocess.run(
        [executable, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config"],
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def resolved_services(executable: str, env_file: Path, **environment: str) -> dict[str, Any]:
    """The services of the resolved compose file; fails the test with compose's message on error."""
    result = compose_config(executable, env_file, **environment)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)["services"]


@pytest.fixture(scope="module")
def services(docker_compose: str, empty_env_file: Path) -> dict[str, Any]:
    """The services as a user with only NEO4J_PASSWORD and CKG_API_KEY set would get them."""
    return resolved_services(
        docker_compose, empty_env_file, NEO4J_PASSWORD=PASSWORD, CKG_API_KEY="compose-test-key"
    )


def test_compose_defines_neo4j_and_api(services: dict[str, Any]) -> None:
    assert set(services) == {"neo4j", "api"}
    assert services["neo4j"]["image"] == "neo4j:5.26-community"
    assert services["api"]["build"]["context"] == str(REPO_ROOT)
    assert services["api"]["command"] == ["ckg", "serve", "--host", "0.0.0.0", "--port", "8000"]


def test_password_is_interpolated_into_neo4j_auth_and_api(services: dict[str, Any]) -> None:
    assert services["neo4j"]["environment"]["NEO4J_AUTH"] == f"neo4j/{PASSWORD}"
    api_env = services["api"]["environment"]
    assert api_env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert api_env["NEO4J_USER"] == "neo4j"
    assert api_env["NEO4J_PASSWORD"] == PASSWORD
    assert api_env["NEO4J_DATABASE"] == "neo4j"
    assert api_env["CKG_API_KEY"] == "compose-test-key"


def test_api_starts_only_after_neo4j_is_healthy(services: dict[str, Any]) -> None:
    assert services["api"]["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    neo4j_probe = " ".join(services["neo4j"]["healthcheck"]["test"])
    api_probe = " ".join(services["api"]["healthcheck"]["test"])
    assert "http://localhost:7474" in neo4j_probe
    assert "http://127.0.0.1:8000/health" in api_probe


def test_neo4j_keeps_data_and_logs_in_named_volumes(services: dict[str, Any]) -> None:
    assert set(services["neo4j"]["volumes"]) == {"neo4j-data:/data:rw", "neo4j-logs:/logs:rw"}


def test_ports_are_published_on_loopback_by_default(services: dict[str, Any]) -> None:
    assert services["neo4j"]["ports"] == ["127.0.0.1:7474:7474/tcp", "127.0.0.1:7687:7687/tcp"]
    assert services["api"]["ports"] == ["127.0.0.1:8000:8000/tcp"]


def test_publish_address_ports_and_memory_follow_the_environment(
    docker_compose: str, empty_env_file: Path
) -> None:
    services = resolved_services(
        docker_compose,
        empty_env_file,
        NEO4J_PASSWORD=PASSWORD,
        CKG_PUBLISH_HOST="0.0.0.0",
        API_PORT="18000",
        NEO4J_BOLT_PORT="17687",
        NEO4J_HEAP="512m",
        NEO4J_PAGECACHE="256m",
    )
    assert services["api"]["ports"] == ["0.0.0.0:18000:8000/tcp"]
    assert "0.0.0.0:17687:7687/tcp" in services["neo4j"]["ports"]
    neo4j_env = services["neo4j"]["environment"]
    assert neo4j_env["NEO4J_server_memory_heap_max__size"] == "512m"
    assert neo4j_env["NEO4J_server_memory_pagecache_size"] == "256m"


def test_unset_api_key_is_not_set_in_the_container(docker_compose: str, empty_env_file: Path) -> None:
    services = resolved_services(docker_compose, empty_env_file, NEO4J_PASSWORD=PASSWORD)
    # None means compose leaves the variable out, so the service sees its own default.
    assert services["api"]["environment"]["CKG_API_KEY"] is None


def test_missing_password_is_an_error(docker_compose: str, empty_env_file: Path) -> None:
    result = compose_config(docker_compose, empty_env_file)
    assert result.returncode != 0
    assert "set NEO4J_PASSWORD" in result.stderr


def test_env_example_works_as_the_compose_env_file(docker_compose: str) -> None:
    services = resolved_services(docker_compose, ENV_EXAMPLE)
    example = dotenv_values(ENV_EXAMPLE)
    assert services["neo4j"]["environment"]["NEO4J_AUTH"] == f"neo4j/{example['NEO4J_PASSWORD']}"
    assert services["api"]["environment"]["CKG_API_KEY"] == example["CKG_API_KEY"]


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), flags=re.MULTILINE))
    settings = {name.upper() for name in Settings.model_fields}
    assert settings - documented == set()


def test_env_example_is_a_valid_configuration_with_a_usable_password() -> None:
    fields = set(Settings.model_fields)
    values = {
        key.lower(): value for key, value in dotenv_values(ENV_EXAMPLE).items() if key.lower() in fields
    }
    # model_validate reads only these values, not the process environment or a local .env.
    settings = Settings.model_validate(values)
    password = settings.neo4j_password.get_secret_value()
    assert password != "neo4j"
    assert len(password) >= 8


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs of the Dockerfile, continuation lines joined, comments dropped."""
    lines = [line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    instructions = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def test_dockerfile_installs_the_package_with_its_cypher_files() -> None:
    instructions = dockerfile_instructions()
    assert instructions[0] == ("FROM", "python:3.11-slim")
    copied = {arguments.split()[0] for keyword, arguments in instructions if keyword == "COPY"}
    assert {"pyproject.toml", "graph_service/", "loaders/", "cypher/"} <= copied
    runs = [arguments for keyword, arguments in instructions if keyword == "RUN"]
    install = next(run for run in runs if "pip install ." in run)
    # After a non-editable install the code looks for cypher/ beside the packages, in site-packages.
    assert re.search(r"cp -r cypher .*purelib.*/cypher", install)


def test_the_installed_packages_ship_their_data_files() -> None:
    # `pip install .` in the image copies only files matched by package-data besides the modules.
    setuptools_config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = [pattern for globs in setuptools_config.get("package-data", {}).values() for pattern in globs]
    package_dirs = [REPO_ROOT / "graph_service", REPO_ROOT / "loaders"]
    data_files = {
        path
        for package in package_dirs
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    shipped = {
        path
        for package in package_dirs
        for directory in [package, *(d for d in package.rglob("*") if d.is_dir())]
        for pattern in patterns
        for path in directory.glob(pattern)
    }
    assert data_files - shipped == set()


def test_dockerfile_runs_ckg_serve_as_a_non_root_user() -> None:
    instructions = dockerfile_instructions()
    users = [arguments for keyword, arguments in instructions if keyword == "USER"]
    assert users
    assert users[-1] not in {"root", "0"}
    assert instructions[-1] == ("CMD", '["ckg", "serve", "--host", "0.0.0.0", "--port", "8000"]')


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image() -> None:
    patterns = [
        line.strip() for line in DOCKERIGNORE.read_text().splitlines() if line.strip() and line[0] != "#"
    ]
    assert patterns[0] == "*"
    allowed = {pattern[1:].rstrip("/") for pattern in patterns if pattern.startswith("!")}
    assert allowed.isdisjoint({".env", ".venv", ".git", ".ckg"})
    assert {"pyproject.toml", "graph_service", "loaders", "cypher"} <= allowed
