"""Where a card's YAML front matter is, found exactly where the Hugging Face Hub finds it.

The pattern is huggingface_hub's `REGEX_YAML_BLOCK` (huggingface_hub 2.4.0,
`src/huggingface_hub/repocard.py`; the client's docstring says it mirrors the Hub's own parsing):

    ^(\\s*---(?:\\r\\n|\\r|\\n))([\\S\\s]*?)((?:\\r\\n|\\r|\\n)---[ \\t]*(\\r\\n|\\n|$))

so blank lines or spaces may stand before the opening `---`, the opening line has nothing after
its dashes, and the block ends at the first line that is `---` (trailing blanks allowed). `...`
does not close it. Copied rather than imported: huggingface_hub is not a dependency, and this
module must not import YAML (a README without front matter never pays for PyYAML).

Cards that come close without matching (`--- ` with a trailing space, `...` as the closing line,
an opening never closed) are told apart from a Markdown horizontal rule on line 1 by what follows
the dashes: a `key:` line is front matter the Hub does not see; prose is a rule.
"""

from __future__ import annotations

from modelicense.lazyre import lazy_compile

HUB_BLOCK = lazy_compile(r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")

# Line breaks as YAML counts them (its marks' line numbers): CRLF is one.
_BREAK = lazy_compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_KEY_LINE = lazy_compile(r"[a-z_][a-z0-9_.-]*[ \t]*:(?:[ \t]|$)")  # card keys are lower case; "Note: …" is prose
_OPENING = lazy_compile(r"^((?:[ \t]*(?:\r\n|\r|\n))*)([ \t]*---[ \t]*)(\r\n|\r|\n|$)")


class Block:
    """The YAML text between the two dashed lines, and where it stands. (A plain class: this
    module is on every hook run's path, where a dataclass costs its generated methods' exec.)"""

    __slots__ = ("yaml", "offset", "end_line")

    def __init__(self, yaml: str, offset: int, end_line: int) -> None:
        self.yaml = yaml
        self.offset = offset  # line breaks before the YAML text: a YAML mark's line + offset + 1 is the file's line
        self.end_line = end_line  # 1-based line of the closing '---'


def lines_in(text: str) -> int:
    """How many line breaks `text` holds, counted as YAML counts them."""
    return sum(1 for _ in _BREAK.finditer(text))


def find(text: str) -> Block | None:
    """The front matter the Hub reads, or None when the card has none."""
    match = HUB_BLOCK.match(text)
    if match is None:
        return None
    offset = lines_in(match.group(1))
    return Block(match.group(2), offset, offset + lines_in(match.group(2)) + 2)


def near_miss(text: str) -> tuple[str, int] | None:
    """(why, line) when the card opens like front matter that the Hub does not read; None when it
    has none, or opens with a horizontal rule followed by prose. Call only when `find` is None."""
    opening = _OPENING.match(text[:4096])
    if opening is None:
        return None
    line = lines_in(opening.group(1)) + 1
    rest = text[opening.end():]
    first = next((candidate for candidate in _BREAK.split(rest[:4096]) if candidate.strip()), "")
    if not _KEY_LINE.match(first.strip()):
        return None  # a horizontal rule, then prose
    if opening.group(2) != opening.group(2).rstrip():
        return (f"the opening '---' on line {line} has trailing blanks, so the Hub does not read this front matter "
                "(its metadata, licence included, is not shown)", line)
    for number, candidate in enumerate(_BREAK.split(rest), start=line + 1):
        if candidate.rstrip() == "---":  # only a lone CR after it keeps the Hub's pattern from matching
            return (f"front matter opened on line {line} is closed on line {number} by '---' and a lone carriage return "
                    "(old Mac line endings), which the Hub does not accept, so it reads no metadata from this card "
                    "(save it with LF or CRLF line endings)", number)
        if candidate.rstrip() == "...":
            return (f"front matter opened on line {line} is closed by '...' on line {number}; the Hub closes it only "
                    "with '---', so it reads no metadata from this card", number)
    return (f"front matter opened with '---' on line {line} is never closed (no later '---' line), so the Hub reads "
            "no metadata from this card", line)
