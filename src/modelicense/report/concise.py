"""One line per finding (`path:line:col: RULE [severity] message`) and the counts: for scripts,
grep and editors' problem matchers. The text format's own concise mode."""

from __future__ import annotations

from modelicense.report.text import render_concise as render

__all__ = ["render"]
