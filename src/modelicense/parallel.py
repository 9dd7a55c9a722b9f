"""Several repository roots in one call, on all cores: `modelicense scan A B C … --jobs N`.

Each root is scanned on its own (nothing is shared between roots but the read-only knowledge), so
roots are handed to worker processes and their results collected in the order the roots were
given: the report is byte-identical to a serial run. Processes, not threads: the work is Python
code that holds the GIL. Imported only when there are enough roots to be worth a pool.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from modelicense.config import Config
from modelicense.model import ScanResult

# A pool costs a few tens of milliseconds to start; below this many roots a serial run wins.
MIN_ROOTS_FOR_POOL = 4

Task = tuple[Path, Config, str, frozenset[str], bool]  # scan.scan arguments: root, config, shown, named, only_named


def available_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs(roots: int) -> int:
    return available_cores() if roots >= MIN_ROOTS_FOR_POOL else 1


def _scan_one(task: Task) -> ScanResult:
    from modelicense.scan import scan

    return scan(*task)


def scan_all(tasks: Sequence[Task], jobs: int, use_cache: bool = True) -> list[ScanResult]:
    """Scan every task, `jobs` at a time; results in the order of `tasks`. An error in one root
    (a configuration error) is raised here as it would be in a serial run. `use_cache` is
    --no-cache, set again in each worker (a spawned worker does not inherit the parent's setting)."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        return [_scan_one(task) for task in tasks]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where it exists: workers inherit the loaded modules instead of importing them again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    from modelicense import detect

    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=detect.configure,
                             initargs=(use_cache,)) as pool:
        return list(pool.map(_scan_one, tasks, chunksize=max(1, len(tasks) // (jobs * 4))))
