"""The `modelicense` command as installed (console script and `python -m modelicense`).

A hook run is a short process, so two costs of an ordinary Python exit are skipped:
- the cyclic garbage collector is off for the run: modelicense builds frozen dataclasses and
  tuples, nothing cyclic worth collecting, and collection passes during start-up cost milliseconds;
- interpreter teardown (freeing every object one by one) is skipped with `os._exit` once the
  report is written, standard streams flushed and every file closed (outputs are written whole,
  the cache by `os.replace`, worker pools are joined before the report).
`modelicense.cli.main` stays the entry point for tests and library use: it returns normally.
"""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    gc.disable()
    from modelicense.cli import main

    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away (`| head`): nothing left to say
        code = code or 0
    os._exit(code)
