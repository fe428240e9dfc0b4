"""The dev-gold scorer as a floor: the build fails when extraction quality drops below what it reached."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

# Reached on the dev gold when these floors were set (see the issue note); raise them, never lower.
FLOORS = {"events": 0.93, "actors": 0.96, "places": 0.96}
LINKS_FLOOR = 0.74


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the checkout")
def test_dev_gold_scores_stay_above_the_floor():
    command = f"{sys.executable} -m graph_service.cli extract --format jsonl"
    result = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(SCORER.parent / "dev"), "--cmd", command, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    for kind, floor in FLOORS.items():
        assert scores[kind]["f"] >= floor, f"{kind} F1 {scores[kind]['f']:.3f} fell below {floor}"
    assert scores["arguments"]["links"] >= LINKS_FLOOR
