"""Long fuzz run, started by hand: the property tests of tests/test_fuzz.py with a large budget.

    python fuzz/run.py --cases 10000                 # every target
    python fuzz/run.py --cases 50000 --targets cards,weight
    python fuzz/run.py --cases 2000 --targets command --scancode

Prints, per target, the number of generated inputs it ran, the CPU time, and the crash (the
falsifying input, shrunk by hypothesis) if there was one; exit status 1 when any target crashed.
Licence texts use the fast path alone unless --scancode (its index costs seconds and a gigabyte
per process, and its own time budget is tested in tests/test_hostile_parsers.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="generated inputs per target (default 10000)")
    parser.add_argument("--targets", default="", help="comma-separated substrings of target names (default: all)")
    parser.add_argument("--scancode", action="store_true", help="detect licence texts with scancode too")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)

    # The budget is read when the test module is imported.
    os.environ["MODELICENSE_FUZZ_EXAMPLES"] = str(args.cases)
    os.environ["MODELICENSE_CACHE_DIR"] = tempfile.mkdtemp(prefix="modelicense-fuzz-cache-")
    if not args.scancode:
        os.environ["MODELICENSE_NO_SCANCODE"] = "1"
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
    import test_fuzz

    wanted = [w.strip() for w in args.targets.split(",") if w.strip()]
    results = []
    for target in test_fuzz.TARGETS:
        name = target.__name__.removeprefix("test_fuzz_")
        if wanted and not any(w in name for w in wanted):
            continue
        test_fuzz.CALLS.clear()
        start = time.process_time()
        crash = None
        try:
            target()
        except Exception:  # noqa: BLE001 - any exception is a crash to count; hypothesis re-raises it shrunk
            crash = traceback.format_exc(limit=-3)
        seconds = time.process_time() - start
        inputs = sum(test_fuzz.CALLS.values())
        results.append({"target": name, "inputs": inputs, "cpu_seconds": round(seconds, 1), "crashed": bool(crash),
                        "crash": crash})
        status = "CRASH" if crash else "ok"
        print(f"{name:<36} {inputs:>8} inputs  {seconds:>7.1f} s CPU  {status}", flush=True)
        if crash:
            print(crash, file=sys.stderr)
    total = sum(r["inputs"] for r in results)
    crashes = sum(r["crashed"] for r in results)
    print(f"{'total':<36} {total:>8} inputs  {sum(r['cpu_seconds'] for r in results):>7.1f} s CPU  "
          f"{crashes} crash(es)")
    if args.json:
        args.json.write_text(json.dumps({"cases": args.cases, "results": results}, indent=2) + "\n")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
