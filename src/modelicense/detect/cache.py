"""A content-addressed cache of detection results, so a hook run pays for detection once per text.

One small JSON file per entry, `<dir>/<version>/<key[:2]>/<key>.json`, written to a temporary
file in the same folder and moved into place with os.replace, so concurrent hooks never see a
half-written entry (the last writer wins with an identical result). The folder is bounded: on
one write in sixteen, the oldest entries (by modification time, refreshed on use) beyond
MAX_ENTRIES are removed, so it overshoots by a few dozen entries at most. Any error reading or writing the cache is a miss, never a failure.

Location: $MODELICENSE_CACHE_DIR, else the platform's user cache folder ($XDG_CACHE_HOME or
~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows) + `modelicense`.
Set MODELICENSE_NO_CACHE=1 (or pass --no-cache) to bypass it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ENV_DIR = "MODELICENSE_CACHE_DIR"
ENV_DISABLE = "MODELICENSE_NO_CACHE"
LAYOUT = "detect-v1"
MAX_ENTRIES = 4096  # a few hundred KB: entries are a few hundred bytes each
TOUCH_AFTER = 24 * 3600  # refresh an entry's age at most once a day: warm runs stay read-only


def default_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "modelicense" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "modelicense"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "modelicense"


class Cache:
    def __init__(self, root: Path | None = None, enabled: bool = True, max_entries: int = MAX_ENTRIES):
        self.root = (root or default_dir()) / LAYOUT
        self.enabled = enabled and not os.environ.get(ENV_DISABLE)
        self.max_entries = max_entries

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                value = json.loads(handle.read())
            if time.time() - os.stat(path).st_mtime > TOUCH_AFTER:
                os.utime(path)
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only when writing: a warm run reads (start-up speed of the hook)

            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(value, handle, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                _unlink(tmp)
                raise
            if int(key[-2:], 16) < 16:  # prune on one write in sixteen: listing the folder costs more than a write
                self.prune()
        except (OSError, ValueError):
            return  # a read-only or full disk costs a re-detection next time, nothing more

    def entries(self) -> list[tuple[float, Path]]:
        found: list[tuple[float, Path]] = []
        try:
            shards = list(os.scandir(self.root))
        except OSError:
            return found
        for shard in shards:
            if not shard.is_dir(follow_symlinks=False):
                continue
            try:
                for entry in os.scandir(shard.path):
                    if entry.name.endswith(".json") and not entry.name.startswith(".tmp-"):
                        try:
                            found.append((entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)))
                        except OSError:
                            continue
            except OSError:
                continue
        return found

    def prune(self) -> int:
        """Remove the least recently used entries beyond max_entries; how many were removed."""
        found = self.entries()
        excess = len(found) - self.max_entries
        if excess <= 0:
            return 0
        for _mtime, path in sorted(found)[:excess]:
            _unlink(path)
        return excess

    def clear(self) -> int:
        """Remove every entry (and the layout folder). Returns how many entries there were."""
        count = len(self.entries())
        import shutil

        shutil.rmtree(self.root, ignore_errors=True)
        return count


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
