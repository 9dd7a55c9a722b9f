"""DEC009: a licence text no detector recognises — never silence (issue 10).

What its words say is reported by the rules of the terms' families (WGT002, DAT001, USE001,
USE003 read `inventory.read_terms`); this rule says that the text is unknown and lists them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from modelicense.inventory.coverage import LICENCE_FIELDS
from modelicense.inventory.read_terms import UNKNOWN, quoted, read_terms, unrecognised_text
from modelicense.knowledge import Knowledge
from modelicense.lazyre import lazy_compile
from modelicense.model import FileKind, Location, Repository, Severity
from modelicense.rules import Hit, rule

MAX_FIRST_LINE = 100
MAX_POINTER_WORDS = 60
# "Please refer to license: https://…", "licensed under the terms described in the LICENSE file"
_POINTS_ELSEWHERE = lazy_compile(
    r"\b(?:refer to|see|described in|found in|available at|can be found)\b[^\n]{0,80}?(?:licen[cs]e|https?://)", re.I)


def _first_line(text: str, origin: Location) -> tuple[str, Location]:
    """The first non-empty line of a text, cut to MAX_FIRST_LINE characters, and where it stands."""
    for index, line in enumerate(text.splitlines()):
        if line.strip():
            words = " ".join(line.split())
            shown = words if len(words) <= MAX_FIRST_LINE else words[:MAX_FIRST_LINE - 1] + "…"
            return shown, Location(origin.path, (origin.line or 1) + index, len(line) - len(line.lstrip()) + 1)
    return "", origin


@rule("DEC009", "unknown-licence-text", Severity.WARNING)
def unknown_licence_text(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A licence text that modelicense does not recognise.

    ## What it finds
    A licence file (LICENSE, LICENSE-MODEL, DATA_LICENSE, model_licenses/*…) whose text none of
    the detectors (fast path, scancode when installed, titles) recognises as a licence it knows.
    The finding quotes the text's first line and lists the terms read from its words
    (non-commercial, research-only, territory exclusions, user or revenue thresholds,
    registration…, each with the words quoted); those terms are also reported by the rules of
    their families (WGT002, DAT001, USE001, USE003), "read from the text, not a licence
    modelicense knows". A warning, or info when the only terms read are notice or attribution
    duties (a BSD or MIT variant modelicense does not know reads that way) or when the text is a
    few words pointing to a licence elsewhere ("Please refer to license: https://…").

    ## Why it matters
    Bespoke model and data licences appear every month. A gate that judges only the licences it
    knows would let every new research-only or territory-limited licence pass in silence; a
    reviewer must read this one.

    ## Example
    A `LICENSE` that begins `Example Model Licence` and says "You may use the Model only for
    non-commercial research purposes."

    ## How to fix
    Read the licence and check the terms listed. If it is a licence you can name, declare it by
    id in the card (`license: other` with `license_name` and `license_link` for one the Hub does
    not list); if you have reviewed it and accept its terms, record that in the configuration:
    `[tool.modelicense.per-file-ignores]` with `"LICENSE" = ["DEC009"]` (reports say what it hid).
    """
    for artefact in repository.of_kind(FileKind.LICENCE_FILE):
        if artefact.lfs_pointer:
            continue  # DEC010: a pointer, not a text
        for item in artefact.declarations:
            if not unrecognised_text(item) or item.declaration.field not in LICENCE_FIELDS:
                continue  # a NOTICE, a use policy or a PATENTS grant is not a licence: unknown is normal
            from modelicense.terms import restrictive  # only when a text is unknown

            found = read_terms(artefact, item, knowledge)
            first, where = _first_line(item.declaration.raw, item.declaration.location)
            terms = found.terms if found is not None and found.basis == UNKNOWN else ()
            said = (f"; read from its text: {quoted(terms)}" if terms
                    else "; none of the terms modelicense reads (non-commercial, research-only, use restrictions, "
                         "territory, thresholds…) were found in it: read it yourself")
            # Only duties (notices, attribution) read: it reads as a permissive licence (a BSD or MIT
            # variant the light install does not know), worth a look, not a warning. A few words
            # that point to a licence elsewhere are a pointer: what it points to is the licence.
            raw = item.declaration.raw
            pointer = len(raw.split()) <= MAX_POINTER_WORDS and bool(_POINTS_ELSEWHERE.search(raw))
            mild = (bool(terms) and not restrictive(terms)) or (pointer and not restrictive(terms))
            if pointer:
                said = "; it points to a licence elsewhere: read that one" + (said if terms else "")
            elif mild:
                said += " — no restrictive term was found (it reads as a permissive licence)"
            yield Hit(f"{artefact.path} is a licence text modelicense does not recognise, beginning '{first}'{said}",
                      where, subject=f"unknown-text:{first}", severity=Severity.INFO if mild else None)
