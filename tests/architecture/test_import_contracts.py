"""The import contracts of pyproject.toml hold, and each one fails on a planted back-edge.

``scripts/test.sh`` runs ``lint-imports`` on the repository. Here the packages
are copied to a temporary directory, one forbidden import is added to the
copy, and ``lint-imports`` (the real tool, on the copy) must report exactly
that contract broken: a contract that cannot fail is no contract.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run import-linter on the copy: drop the editable install's finder so that
# ``edgekit`` and ``cloud_gateway`` resolve to the copied sources.
_RUNNER = """
import sys
sys.meta_path[:] = [f for f in sys.meta_path if "Redirect" not in type(f).__name__]
sys.path.insert(0, sys.argv[1])
import edgekit
assert edgekit.__file__.startswith(sys.argv[1]), edgekit.__file__
from importlinter.cli import lint_imports
only = tuple(sys.argv[3:])
sys.exit(lint_imports(config_filename=sys.argv[2], limit_to_contracts=only, no_cache=True,
                      no_logo=True))
"""


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages' Python sources and pyproject.toml, copied."""
    base = tmp_path_factory.mktemp("house")
    for package in ("edgekit", "cloud_gateway"):
        shutil.copytree(
            ROOT / package,
            base / package,
            ignore=lambda d, names: [n for n in names if _not_source(Path(d) / n)],
        )
    shutil.copy(ROOT / "pyproject.toml", base / "pyproject.toml")
    return base


def _not_source(path: Path) -> bool:
    return path.name == "__pycache__" or (path.is_file() and path.suffix != ".py")


def lint(tree: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on ``tree`` (only ``contracts``, by id, when given)."""
    return subprocess.run(
        [sys.executable, "-c", _RUNNER, str(tree), str(tree / "pyproject.toml"), *contracts],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tree,
    )


def test_the_repository_keeps_every_contract(pristine: Path) -> None:
    run = lint(pristine)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout
    assert "5 kept" in run.stdout  # every contract of pyproject.toml ran


PLANTS = [
    # (file in the copy, planted line, id of the contract that must break)
    ("edgekit/errors.py", "import edgekit.client", "floors"),
    ("edgekit/secure/hpke.py", "from edgekit.local import engine", "floors"),
    ("edgekit/local/types.py", "import cloud_gateway.app", "device-without-server"),
    ("cloud_gateway/inner.py", "import edgekit.config", "fenced-gateway"),
    ("cloud_gateway/kvstate.py", "from edgekit.local import _llama", "fenced-gateway"),
    ("edgekit/routing/decision.py", "import aiohttp", "pure-routing"),
    ("edgekit/routing/decision.py", "from edgekit.transport import CloudClient", "pure-routing"),
    ("edgekit/codec/_format.py", "import edgekit.transport", "kernel-without-io"),
]


@pytest.mark.parametrize(
    ("path", "line", "contract"), PLANTS, ids=[f"{p[2]}:{p[0]}" for p in PLANTS]
)
def test_a_planted_back_edge_breaks_its_contract(
    pristine: Path, tmp_path: Path, path: str, line: str, contract: str
) -> None:
    tree = tmp_path / "house"
    shutil.copytree(pristine, tree)
    target = tree / path
    target.write_text(target.read_text() + f"\n{line}  # planted\n")
    run = lint(tree, contract)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 broken" in run.stdout
    assert "# planted" not in run.stderr  # the report names the import, not a crash
