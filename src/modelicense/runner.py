"""Output that is safe for a GitHub Actions runner, whatever the scanned repository wrote.

The runner reads every line a step prints, on stdout and stderr, for workflow commands: a line
that starts with `::` (`::error file=…::`, `::add-mask::`, `::stop-commands::`) or holds `##[`
(the older syntax). A file name, a licence string or a TOML key quoted in a report or an error
message must not be able to start one. Under `GITHUB_ACTIONS=true`:

- a report on stdout (any format but `github`, whose lines are workflow commands built and
  escaped by report/github.py) that holds such a line is wrapped in `::stop-commands::TOKEN` …
  `::TOKEN::` with a random token, so the runner shows it as text (GitHub's documented way to
  print untrusted output); a report with no such line is printed as it is, so output stays
  byte-identical from run to run;
- an error message (exit 2) becomes one `::error title=modelicense::…` annotation, escaped as the
  runner decodes it (line breaks become `%0A`, so the message cannot start a line of its own);
- any other message on stderr is wrapped like a report.

Outside GitHub Actions nothing changes.
"""

from __future__ import annotations

import os
import re

_COMMAND_LINE = re.compile(r"^\s*::|##\[", re.MULTILINE)


def in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def could_command(text: str) -> bool:
    """Whether some line of `text` would be read by the runner as a workflow command."""
    return _COMMAND_LINE.search(text) is not None


def guard(text: str) -> str:
    """`text` as it may be printed in this environment (see the module docstring)."""
    if not in_actions() or not could_command(text):
        return text
    import secrets

    token = f"modelicense-{secrets.token_hex(16)}"
    while token in text:  # pragma: no cover - 128 random bits
        token = f"modelicense-{secrets.token_hex(16)}"
    body = text if text.endswith("\n") else text + "\n"
    return f"::stop-commands::{token}\n{body}::{token}::\n"


def error_line(message: str) -> str | None:
    """The annotation an error message becomes under GitHub Actions, or None elsewhere."""
    if not in_actions():
        return None
    from modelicense.report.github import escape_data

    return f"::error title=modelicense::{escape_data(message.rstrip())}\n"
