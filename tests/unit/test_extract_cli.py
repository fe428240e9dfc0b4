"""`ckg extract` as a user runs it: JSON that keeps the contract, bad inputs reported, the rest printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


def run_extract(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "graph_service.cli", "extract", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


def test_output_conforms_to_the_extraction_schema(tmp_path):
    schema_file = SHARED / "spec" / "extraction.schema.json"
    if not schema_file.exists():
        pytest.skip("../shared is not beside the checkout")
    schema = json.loads(schema_file.read_text())
    result = run_extract(str(EXAMPLES))
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) >= 6
    for record in records:
        jsonschema.validate(record, schema)
        ids = {a["id"] for a in record["actors"]} | {p["id"] for p in record["places"]}
        event_ids = {e["id"] for e in record["events"]}
        for event in record["events"]:
            assert set(event["agents"] + event["targets"] + event["locations"] + event["claimed_by"]) <= ids
            assert set(event["denies"] + event["about"]) <= event_ids


def test_bad_inputs_are_reported_and_the_rest_still_extracted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Shelling hits Mykolaiv\n\nRussian forces shelled the city of Mykolaiv on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00binary")
    broken = tmp_path / "batch.jsonl"
    broken.write_text('{"text": "Troops shelled the town of Izium on Friday."}\n{"text": broken\n')
    result = run_extract(str(empty), str(good), str(binary), str(broken))
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert f"{empty}:" in errors and f"{binary}:" in errors and f"{broken}:2" in errors
    printed = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(printed) == 2  # good.txt and the first JSONL line, in input order
    assert printed[0]["article"]["title"] == "Shelling hits Mykolaiv"


def test_json_format_and_stdin(tmp_path):
    result = run_extract("--format", "json", "-", stdin=b"Rebels seized the town of Goma on Sunday.\n")
    assert result.returncode == 0, result.stderr.decode()
    [record] = json.loads(result.stdout)
    assert record["schema_version"] == "1"
