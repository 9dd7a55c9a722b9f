"""What a card or README says about openness, one line at a time: which Model Openness Framework
components it says are published (a paper on arXiv, intermediate checkpoints, training code…)
and where it calls the model "open source". Patterns are data (knowledge/data/openness.json).

The results are metadata of the card's Extraction — ("signal", "<component>@<line>") for the first
line that states each component, ("claim", "<line>:<column>:<quote>") for each line that calls the
model open source — so the inventory (openness) and OPN001 judge them without reading files.
"""

from __future__ import annotations

import re
from functools import lru_cache

from modelicense.knowledge.files import read_document

_MAX_LINE = 2000  # characters of a line matched: the patterns look for phrases, not paragraphs
_MAX_CLAIMS = 5
_QUOTE = 120


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str] | None, re.Pattern[str] | None]:
    document = read_document("openness.json")
    signals = tuple((component, re.compile("|".join(f"(?:{p})" for p in patterns), re.I))
                    for component, patterns in document.get("signals", {}).get("patterns", {}).items())
    claims = document.get("claims", {})
    claim = re.compile("|".join(f"(?:{p})" for p in claims["patterns"]), re.I) if claims.get("patterns") else None
    negation = re.compile("|".join(f"(?:{p})" for p in claims["not_claims"]), re.I) if claims.get("not_claims") else None
    return signals, claim, negation


def signals(text: str) -> tuple[tuple[str, str], ...]:
    component_patterns, claim, negation = _patterns()
    found: dict[str, int] = {}
    claims: list[str] = []
    in_fence = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw[:_MAX_LINE]
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        for component, pattern in component_patterns:
            if component not in found and pattern.search(line):
                found[component] = number
        if claim is None or in_fence or len(claims) >= _MAX_CLAIMS:
            continue
        match = claim.search(line)
        if match and not (negation and negation.search(line)):
            start = max(0, match.start() - 40)
            quote = " ".join(line[start:start + _QUOTE].split())
            claims.append(f"{number}:{match.start() + 1}:{quote}")
    return tuple(("signal", f"{c}@{n}") for c, n in found.items()) + tuple(("claim", c) for c in claims)
