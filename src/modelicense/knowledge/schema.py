"""The shape of what modelicense knows: the vocabulary of licence properties and the frozen
Licence, Dataset and Model entries (one line of a data file each)."""

from __future__ import annotations

from modelicense.fastclass import dataclass

KINDS = ("software", "content", "data", "model", "public-domain", "proprietary", "family", "ignorance", "exception")
COPYLEFT = ("none", "weak", "strong", "network", "unknown")
BASIS = ("copyright", "contract", "both", "none", "unknown")
# Ids that declare ignorance rather than a licence (Hugging Face `unknown` and `other`).
IGNORANCE_IDS = ("unknown", "other")
# What a derived model owes its base (Model.duties).
DUTIES = ("licence-copy", "notice", "naming", "use-policy", "same-licence", "non-commercial")


@dataclass(frozen=True)
class Licence:
    """Properties of one licence. None means "not known" (families such as `cc` or `bsd`)."""

    id: str
    name: str
    kind: str
    source: str
    spdx: bool = False
    aliases: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # regexes matched against the opening of a licence text
    copyleft: str = "none"
    attribution: bool | None = None
    share_alike: bool | None = None
    non_commercial: bool | None = None
    no_derivatives: bool | None = None
    research_only: bool | None = None
    use_restrictions: bool | None = None
    user_threshold: bool | None = None
    naming: bool | None = None
    basis: str = "copyright"
    osi: bool | None = None
    fsf_libre: bool | None = None
    osaid: bool | None = None
    notes: str = ""

    @property
    def restricts_use(self) -> bool:
        """Takes away freedom 0 by its own terms (if the terms bind)."""
        return bool(self.non_commercial or self.research_only)

    @property
    def is_copyleft(self) -> bool:
        return self.copyleft in ("weak", "strong", "network")


@dataclass(frozen=True)
class Dataset:
    id: str
    licence: str | None
    source: str
    aliases: tuple[str, ...] = ()
    non_commercial: bool = False
    research_only: bool = False
    no_derivatives: bool = False
    third_party_content: bool = False  # its point is works taken without the authors' permission
    web_crawl: bool = False  # Common Crawl and derivatives: unsettled for everyone
    provider_terms: str | None = None  # e.g. "openai-terms": synthetic data under a model provider's terms
    notes: str = ""


@dataclass(frozen=True)
class Model:
    id: str
    licence: str
    source: str
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # glob-like Hub id patterns for families (meta-llama/Llama-2-*)
    duties: tuple[str, ...] = ()  # what derivatives owe: notice, naming, use-policy, licence-copy
    notes: str = ""


class KnowledgeError(ValueError):
    """A data file or a configuration entry that does not fit the schema; names file and entry."""
