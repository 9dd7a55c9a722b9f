"""Progress on stderr for scans that take a while (a cold scancode run takes minutes): how many
files were read and how many licence texts were sent to scancode.

Shown only when the scan has run for `SHOW_AFTER` seconds, and only where someone watches: on a
terminal (one line, redrawn in place and erased at the end) or when asked with `--progress`
(a line every few seconds). The CLI never starts it for machine formats. Nothing is printed on
stdout, and a scan that ends in time prints nothing at all.

The pipeline reports events through `note_*`, which cost nothing when no progress is shown; a
daemon thread redraws, so that a long scancode call still shows time passing.
"""

from __future__ import annotations

import os
import time
from typing import IO

# Seconds before anything is shown; MODELICENSE_PROGRESS_AFTER overrides it (tests set 0).
SHOW_AFTER = 2.0
_REDRAW = {True: 0.25, False: 5.0}  # seconds between updates: terminal, log


class Progress:
    def __init__(self, stream: IO[str], terminal: bool, show_after: float = SHOW_AFTER):
        self.stream = stream
        self.terminal = terminal
        self.show_after = show_after
        self.started = time.monotonic()
        self.files_total = 0
        self.files_read = 0
        self.scancode = 0
        self.shown = False
        self._last = ""
        self._stop = None

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        files = f"{self.files_read}/{self.files_total} files read" if self.files_total else f"{self.files_read} files read"
        texts = f", {self.scancode} licence text{'s' if self.scancode != 1 else ''} sent to scancode" if self.scancode else ""
        return f"modelicense: {files}{texts} ({elapsed:.0f} s)"

    def draw(self, final: bool = False) -> None:
        if time.monotonic() - self.started < self.show_after and not (final and self.shown):
            return
        text = self.line()
        if text == self._last and not final:
            return
        self._last = text
        self.shown = True
        try:
            if self.terminal:
                self.stream.write(f"\r\x1b[K{text}")
            else:
                self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass

    def start(self) -> None:
        import threading  # only when progress can be shown

        self._stop = threading.Event()
        interval = _REDRAW[self.terminal]

        def tick() -> None:
            if self._stop.wait(self.show_after):
                return
            while True:
                self.draw()
                if self._stop.wait(interval):
                    return

        threading.Thread(target=tick, name="modelicense-progress", daemon=True).start()

    def finish(self) -> None:
        if self._stop is not None:
            self._stop.set()
        if not self.shown:
            return
        try:
            if self.terminal:
                self.stream.write("\r\x1b[K")  # the report follows on a clean line
            else:
                self.stream.write(self.line() + ", done\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass


_current: Progress | None = None


def begin(stream: IO[str], terminal: bool) -> Progress:
    global _current
    after = os.environ.get("MODELICENSE_PROGRESS_AFTER")
    try:
        show_after = float(after) if after else SHOW_AFTER
    except ValueError:
        show_after = SHOW_AFTER
    _current = Progress(stream, terminal, show_after)
    _current.start()
    return _current


def end() -> None:
    global _current
    if _current is not None:
        _current.finish()
    _current = None


def note_files(total: int) -> None:
    if _current is not None:
        _current.files_total += total


def note_file_read() -> None:
    if _current is not None:
        _current.files_read += 1


def note_scancode() -> None:
    if _current is not None:
        _current.scancode += 1
        _current.draw()
