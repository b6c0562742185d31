"""The fuzz targets still build and pass their committed seeds: `make fuzz` is not part of `make test`,
so a parser that starts to need another source file (or a seed that starts to crash) shows here.

Run with: python3 -m pytest -q Tests/deployment -k fuzz
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {"request": ROOT / "Tests/Fuzz/corpus", "response": ROOT / "Tests/Fuzz/ResponseParser/corpus",
           "json": ROOT / "Tests/Fuzz/JSONParser/corpus"}


@pytest.mark.parametrize("target", sorted(CORPORA))
def test_fuzz_target_builds_and_passes_its_seeds(target):
    seeds = sorted(str(path) for path in CORPORA[target].iterdir() if path.is_file())
    assert seeds, f"no seeds in {CORPORA[target]}"
    result = subprocess.run(["scripts/fuzz", *seeds], cwd=ROOT, env={**os.environ, "FUZZ_TARGETS": target},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
