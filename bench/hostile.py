"""Time the hostile inputs of tests/test_hostile_parsers.py: the unit tests assert what each input
gives and the work done; this says how long each takes, and flags any over the budget.

    python bench/hostile.py [--budget SECONDS]

CPU time of this process (steadier than wall time on a shared machine), best of three.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import test_hostile_parsers as hostile  # noqa: E402  (after the path is set)

from modelicense.discover import classify  # noqa: E402
from modelicense.knowledge import load  # noqa: E402
from modelicense.model import Declaration, FileKind, Location  # noqa: E402
from modelicense.resolve import Resolver  # noqa: E402


def _cases():
    resolver = Resolver(load())
    for relpath, data in hostile.PACKAGING_INPUTS:
        yield f"{relpath} {len(data)}B", lambda k=classify(relpath), r=relpath, d=data: hostile._extract(k, r, d)
    for data in hostile.CARD_INPUTS:
        def card(d=data):
            for declaration in hostile._extract(FileKind.CARD, "README.md", d).declarations:
                resolver.resolve(declaration)
        yield f"card {data[:12]!r}… {len(data)}B", card
    for data in hostile.SPDX_HEADER_INPUTS:
        yield f"a.py {len(data)}B", lambda d=data: hostile._extract(FileKind.SOURCE, "a.py", d)
    for data in hostile.LICENCE_FILE_INPUTS:
        yield f"LICENSE {len(data)}B", lambda d=data: hostile._extract(FileKind.LICENCE_FILE, "LICENSE", d)
    for raw in hostile.EXPRESSIONS:
        yield f"expression {raw[:16]!r}…", lambda r=raw: resolver.resolve(Declaration(r, "code", Location("x"), "license"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of CPU time per input (default 2)")
    budget = parser.parse_args().budget
    slow = 0
    for name, run in _cases():
        times = []
        for _ in range(3):
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        best = min(times)
        slow += best > budget
        print(f"{best * 1000:9.1f} ms  {'SLOW ' if best > budget else ''}{name}")
    print(f"{slow} input(s) over the {budget:g} s budget")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
