"""What shows that a derived model meets a duty its base model puts on it, as data
(data/duties.json): the files that meet it and the words that state it, with a licence's own
prescribed wording ("Built with Meta Llama 3") where it has one. Read once, when BAS002 asks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import field
from functools import lru_cache

from modelicense.fastclass import dataclass
from modelicense.knowledge.files import read_document
from modelicense.knowledge.schema import DUTIES, KnowledgeError


@dataclass(frozen=True)
class DutyEvidence:
    id: str
    wanted: str  # how a message names what is missing
    fields: tuple[str, ...]  # declaration fields of files that meet it (notice, use-policy)
    patterns: tuple[re.Pattern[str], ...]  # words that state it
    by_licence: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)

    def words(self, licence_id: str) -> tuple[re.Pattern[str], ...]:
        """The wording that shows the duty for a base under `licence_id`: its licence's own, else the general."""
        return self.by_licence.get(licence_id, self.patterns)


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@lru_cache(maxsize=1)
def duty_evidence() -> dict[str, DutyEvidence]:
    """Duty id -> its evidence, for the duties that are shown (not the terms BAS001 reads)."""
    found: dict[str, DutyEvidence] = {}
    for raw in read_document("duties.json").get("entries", []):
        ident = raw.get("id")
        if ident not in DUTIES or not raw.get("source") or not raw.get("wanted"):
            raise KnowledgeError(f"duties.json: {ident}: needs an id from {DUTIES}, `wanted` and a `source`")
        by_licence = {lic: _compile(patterns) for lic, patterns in raw.get("by_licence", {}).items()}
        if set(by_licence) - set(raw.get("by_licence_sources", {})):
            raise KnowledgeError(f"duties.json: {ident}: every `by_licence` wording needs its source")
        found[ident] = DutyEvidence(ident, raw["wanted"], tuple(raw.get("fields", ())), _compile(raw.get("patterns", [])),
                                    by_licence)
    return found


class LazyDutyEvidence(Mapping[str, DutyEvidence]):
    """duty_evidence(), read on first use: a hook run on a repository without base models never
    reads the file or compiles its patterns."""

    def __getitem__(self, duty: str) -> DutyEvidence:
        return duty_evidence()[duty]

    def __iter__(self) -> Iterator[str]:
        return iter(duty_evidence())

    def __len__(self) -> int:
        return len(duty_evidence())
