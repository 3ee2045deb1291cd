"""`python -m benchmarks` runs every benchmarks/*.py module that has main(); `python -m benchmarks NAME` one."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def available() -> list[str]:
    """Module names in this folder, in alphabetical order (private and dunder modules skipped)."""
    return sorted(path.stem for path in Path(__file__).parent.glob("*.py") if not path.stem.startswith("_"))


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [name for name in names if name not in available()]
    if unknown:
        print(
            f"no benchmark named {', '.join(unknown)}; choose from: {', '.join(available())}", file=sys.stderr
        )
        return 2
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        if hasattr(module, "main"):
            print(f"== benchmarks/{name}.py")
            module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
