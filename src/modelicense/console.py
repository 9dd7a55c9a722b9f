"""What the command line needs besides its options: whether to colour, close-match suggestions,
and errors that are not usage errors (so they carry no "Usage: … Try --help" banner)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import IO, Any

import click

COLOR_CHOICES = ("auto", "always", "never")


def use_colour(choice: str, stream: IO[str], to_file: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """`--color always|never` wins; then NO_COLOR (https://no-color.org) and FORCE_COLOR
    (https://force-color.org), each when set to a non-empty value, NO_COLOR first as CPython's
    own colouring does; otherwise colour only on a terminal that is not `TERM=dumb`, and never
    in a file written with --output."""
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """` (did you mean 'warning'?)`, or "" when nothing is close. Case-insensitive."""
    import difflib  # only on an error: the warm hook path imports nothing it does not use

    options = list(choices)
    lowered = {choice.lower(): choice for choice in options}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    if not close:
        # A prefix of exactly one choice ("warn" for "warning") is what was meant.
        starts = [choice for low, choice in lowered.items() if value and low.startswith(value.lower())]
        close = [starts[0].lower()] if len(starts) == 1 else []
    return f"did you mean '{lowered[close[0]]}'?" if close else ""


class SuggestingChoice(click.Choice):
    """click.Choice whose error message also suggests the closest choice."""

    def fail(self, message: str, param: click.Parameter | None = None, ctx: click.Context | None = None) -> Any:
        value = getattr(self, "_failed_value", None)
        hint = did_you_mean(value, self.choices) if isinstance(value, str) else ""
        super().fail(f"{message} {hint[0].upper()}{hint[1:]}" if hint else message, param, ctx)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        self._failed_value = value
        return super().convert(value, param, ctx)


class Failure(click.ClickException):
    """A configuration, input or output problem: the message alone and exit code 2, without the
    usage banner that belongs to a command line that was mistyped."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)
