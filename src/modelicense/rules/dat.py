"""DAT — data: terms of the data a model was trained on, and of dataset cards in the repository,
that undermine the freedom to run the model.

Two sources of data terms:
- data in the repository: dataset cards, data licence files (DATA_LICENSE, LICENSE_DATA) and
  dataset metadata (Croissant, datapackage.json) — their structured licence, and for dataset
  cards the prose "Licensing Information", which real cards often make stricter than the YAML;
- datasets a model card lists (`datasets:`), resolved through a dataset card in the repository
  when one matches, else through the knowledge base (which includes configuration overrides).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from modelicense.knowledge import Dataset, Knowledge, Licence, prose
from modelicense.lazyre import lazy_compile
from modelicense.model import (
    Artefact,
    FileKind,
    Location,
    Reference,
    Repository,
    Resolution,
    ResolvedDeclaration,
    Severity,
)
from modelicense.rules import Hit, rule
from modelicense.rules.common import (
    holds_declared,
    licences,
    model_cards,
    model_declarations,
)

# --- restrictions stated in prose ------------------------------------------------------------
# What a "Licensing Information" section (or a legacy `other-<name>` id) says about how the data
# may be used: the restriction phrases of knowledge.prose, and the properties of the licences the
# prose names (resolved like any declaration).

_PROPERTY = {"non-commercial": "non_commercial", "research-only": "research_only", "academic-only": "research_only",
             "no-derivatives": "no_derivatives"}
USE_KINDS = ("non-commercial", "research-only", "academic-only")
_ORDER = (*USE_KINDS, "no-derivatives", "permission-required")
_LICENCE_KINDS = (("non-commercial", "non_commercial"), ("research-only", "research_only"),
                  ("no-derivatives", "no_derivatives"))
_SENTENCE_END = lazy_compile(r"[.!?](?=\s)|\n\s*\n")


def _evidence(text: str, start: int, end: int, width: int = 60) -> str:
    """The words around a phrase, within its sentence and about `width` characters each side, cut
    at word boundaries, on one line."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - width), start)]
    left = before[-1] if before else max(0, start - width)
    if left > 0 and not text[left - 1].isspace() and text[left - 1] not in ".!?" and " " in text[left:start]:
        left = text.index(" ", left) + 1  # do not start mid-word
    after = _SENTENCE_END.search(text, end, end + width)
    right = after.start() + (1 if text[after.start()] in ".!?" else 0) if after else min(len(text), end + width)
    if not after and right < len(text) and not text[right - 1].isspace() and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    snippet = re.sub(r"\s+", " ", text[left:right]).strip()
    opened = "…" if left > 0 and not before else ""
    closed = "…" if not after and right < len(text) else ""
    return opened + snippet + closed


def _stated(text: str) -> dict[str, str]:
    """Restriction -> `says '…'` for the restriction phrases in a text, first one of each kind."""
    found: dict[str, str] = {}
    for phrase in prose.find(text):
        found.setdefault(phrase.restriction, f"says {_evidence(text, phrase.start, phrase.end)!r}")
    return found


def _section_terms(section: ResolvedDeclaration, knowledge: Knowledge) -> dict[str, str]:
    """Restriction -> how a prose section states it: in words, or by naming a licence that has it."""
    terms = _stated(section.declaration.raw)
    for licence in licences(section.resolution, knowledge):
        for kind, prop in _LICENCE_KINDS:
            if getattr(licence, prop):
                terms.setdefault(kind, f"names {licence.id}")
    return terms


# --- data sources ----------------------------------------------------------------------------


@dataclass
class _Local:
    """Data in the repository: one artefact with data-scope declarations."""

    artefact: Artefact
    metadata: list[ResolvedDeclaration]  # structured licence declarations
    prose: list[ResolvedDeclaration]  # "Licensing Information" sections
    users: list[Reference] = field(default_factory=list)  # model-card `datasets:` entries naming it

    @property
    def name(self) -> str:
        return self.artefact.path


def _local_data(repository: Repository) -> list[_Local]:
    found: list[_Local] = []
    for artefact in repository.artefacts:
        data = [d for d in artefact.declarations if d.declaration.scope == "data"]
        metadata = [d for d in data if d.declaration.confidence == "high" and d.declaration.field != "use-policy"]
        prose = [d for d in data if d.declaration.confidence == "low"] if artefact.kind is FileKind.DATASET_CARD else []
        if metadata or prose or artefact.kind is FileKind.DATASET_CARD:
            found.append(_Local(artefact, metadata, prose))
    return found


def _last_segment(ident: str) -> str:
    return ident.strip().rstrip("/").rpartition("/")[2].lower()


def _match_local(reference: Reference, local: list[_Local]) -> _Local | None:
    """A dataset card in the repository whose folder has the dataset's name (`data/alpaca/README.md`
    for `tatsu-lab/alpaca`)."""
    wanted = _last_segment(reference.id)
    for item in local:
        if item.artefact.kind is FileKind.DATASET_CARD and item.artefact.directory and \
                _last_segment(item.artefact.directory) == wanted:
            return item
    return None


@dataclass
class _Sources:
    local: list[_Local]
    known: list[tuple[Reference, Dataset]]
    unknown: list[Reference]


def _sources(repository: Repository, knowledge: Knowledge) -> _Sources:
    local = _local_data(repository)
    known: list[tuple[Reference, Dataset]] = []
    unknown: list[Reference] = []
    for card in model_cards(repository):
        for reference in card.references:
            if reference.kind != "dataset":
                continue
            match = _match_local(reference, local)
            if match is not None:
                match.users.append(reference)
                continue
            dataset = knowledge.dataset(reference.id)
            if dataset is None:
                unknown.append(reference)
            else:
                known.append((reference, dataset))
    return _Sources(local, known, unknown)


# --- what the terms say ----------------------------------------------------------------------


def _dataset_licences(dataset: Dataset, knowledge: Knowledge) -> list[Licence]:
    if not dataset.licence:
        return []
    direct = knowledge.licence(dataset.licence)
    if direct is not None:
        return [direct]
    # Pure, and needed only for the few dataset entries whose licence is an expression.
    from modelicense.resolve import Resolver

    return licences(Resolver(knowledge).resolve_id(dataset.licence), knowledge)


def _dataset_terms(dataset: Dataset, knowledge: Knowledge) -> dict[str, str]:
    """Restriction kind -> where it comes from (a licence id, or "its terms" for the entry's own
    flags), for a dataset the knowledge base knows."""
    terms: dict[str, str] = {}
    for licence in _dataset_licences(dataset, knowledge):
        for kind, prop in _LICENCE_KINDS:
            if getattr(licence, prop):
                terms.setdefault(kind, licence.id)
    for kind, flag in (("non-commercial", dataset.non_commercial), ("research-only", dataset.research_only),
                       ("no-derivatives", dataset.no_derivatives)):
        if flag:
            terms.setdefault(kind, "its terms")
    return terms


def _metadata_terms(item: _Local, knowledge: Knowledge) -> dict[str, tuple[str, Location]]:
    """Restriction kind -> (licence label, location) from the structured declarations."""
    terms: dict[str, tuple[str, Location]] = {}
    for decl in item.metadata:
        for kind, prop in _LICENCE_KINDS:
            for licence in holds_declared(item.artefact, decl, knowledge, lambda lic, p=prop: bool(getattr(lic, p))):
                terms.setdefault(kind, (licence.id, decl.declaration.location))
        if decl.resolution.method == "legacy-other" and decl.resolution.unrecognised:
            # `other-non-commercial-research`: the legacy id's name states the terms.
            for kind in prose.restrictions(decl.resolution.unrecognised[0]):
                if kind in _PROPERTY:
                    terms.setdefault(kind, (f"'{decl.declaration.raw}'", decl.declaration.location))
    return terms


def _metadata_names_terms(item: _Local, knowledge: Knowledge) -> bool:
    """The structured licence names at least one real licence (not unknown, unrecognised, or
    `other` without a `license_name` the knowledge base knows)."""
    return any(
        (d.resolution.keys and not d.resolution.ignorance) or holds_declared(item.artefact, d, knowledge, lambda _l: True)
        for d in item.metadata
    )


def _prose_terms(item: _Local, knowledge: Knowledge,
                 sections: list[ResolvedDeclaration] | None = None) -> dict[str, tuple[str, Location]]:
    """Restriction kind -> (`says '…'` or `names X`, location) from the card's licence prose."""
    terms: dict[str, tuple[str, Location]] = {}
    for section in item.prose if sections is None else sections:
        for kind, clause in _section_terms(section, knowledge).items():
            terms.setdefault(kind, (clause, section.declaration.location))
    return terms


def _clear(resolution: Resolution, knowledge: Knowledge) -> list[str]:
    """The licence ids a resolution names when every one is a known, specific licence, else []."""
    known = licences(resolution, knowledge)
    if resolution.unrecognised or resolution.ignorance or not known or len(known) != len(resolution.keys):
        return []
    if any(licence.kind in ("family", "ignorance") for licence in known):
        return []
    return [re.sub(r"(-only|-or-later|\+)$", "", licence.id.lower()) for licence in known]


def _names_another_licence(section: ResolvedDeclaration, item: _Local, knowledge: Knowledge) -> bool:
    """The prose names a licence the metadata does not (CC BY-NC in the text, CC BY in the YAML):
    DEC004 reports that contradiction, with both licences named; DAT008 keeps to prose that
    states its restrictions in words, so that one disagreement is one finding."""
    named = _clear(section.resolution, knowledge)
    declared = [_clear(d.resolution, knowledge) for d in item.metadata]
    if not named or not declared or not all(declared):
        return False
    if _adds_use_terms(section, item, knowledge):
        return False  # stricter terms by name (CC BY-NC-SA in prose, CC BY-SA in YAML) are this rule's
    return not set(named) & {ident for ids in declared for ident in ids}


_USE_TERMS = ("non_commercial", "research_only", "no_derivatives")


def _adds_use_terms(section: ResolvedDeclaration, item: _Local, knowledge: Knowledge) -> bool:
    """The licence the prose names carries a use term none of the metadata licences has. DEC004
    leaves exactly this case to DAT008 (see its documentation), so the two never both stay quiet."""
    declared = [lic for d in item.metadata for lic in licences(d.resolution, knowledge)]
    return any(getattr(lic, term) and not any(getattr(m, term) for m in declared)
               for lic in licences(section.resolution, knowledge) for term in _USE_TERMS)


def _effective_terms(item: _Local, knowledge: Knowledge) -> dict[str, tuple[str, Location, bool]]:
    """Restriction kind -> (evidence, location, from_prose). Prose counts when the metadata names no
    real licence (it is then the only statement of terms); a real licence with stricter prose is
    DAT008's business."""
    terms = {k: (label, loc, False) for k, (label, loc) in _metadata_terms(item, knowledge).items()}
    if not _metadata_names_terms(item, knowledge):
        for kind, (evidence, loc) in _prose_terms(item, knowledge).items():
            if kind in _PROPERTY:
                terms.setdefault(kind, (evidence, loc, True))
    return terms


def _model_allows_commercial(repository: Repository, knowledge: Knowledge) -> str | None:
    """The model's own licence ids when every one of them allows commercial use, else None."""
    ids: list[str] = []
    for artefact, item in model_declarations(repository, knowledge):
        known = holds_declared(artefact, item, knowledge, lambda _licence: True)
        if not known or item.resolution.unrecognised:
            return None
        if any(licence.restricts_use or licence.kind == "ignorance" for licence in known):
            return None
        ids.extend(licence.id for licence in known if licence.id not in ids)
    return ", ".join(ids) or None


def _commercial_note(repository: Repository, knowledge: Knowledge, kinds: list[str]) -> str:
    if "non-commercial" not in kinds and "research-only" not in kinds and "academic-only" not in kinds:
        return ""
    allowed = _model_allows_commercial(repository, knowledge)
    return f" (the model's own licence, {allowed}, allows commercial use, but this data does not)" if allowed else ""


def _kinds_text(kinds: list[str]) -> str:
    if "research-only" in kinds and "academic-only" in kinds:
        kinds = [k for k in kinds if k != "academic-only"]
    return " and ".join(kinds)


def _this(item: _Local, from_prose: bool = True) -> str:
    """How a message names local data: the file the finding stands in says which; a card that
    lists several licences (one per part or source) has the restriction in part of its data."""
    if item.artefact.kind is FileKind.LICENCE_FILE:
        return f"the data under {item.artefact.path.rpartition('/')[2]}"
    return "part of this dataset" if not from_prose and len(item.metadata) > 1 else "this dataset"


def _said(item: _Local, evidence: str, from_prose: bool) -> str:
    if from_prose:
        return f"its Licensing Information {evidence}"
    return f"one of its licences is {evidence}" if len(item.metadata) > 1 else f"its licence is {evidence}"


def _said_known(source: str) -> str:
    """Where a known dataset's restriction comes from: a licence id, or the entry's own flags."""
    return f"under {source}" if source != "its terms" else "by its terms"


def _users_text(users: list[Reference]) -> str:
    if not users:
        return ""
    where = ", ".join(f"{u.location.path}:{u.location.line}" for u in users[:3])
    return f", and the model card lists it as training data ({where})"


# --- rules -----------------------------------------------------------------------------------


@rule("DAT001", "restricted-data", Severity.WARNING)
def restricted_data(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training or repository data under non-commercial, research-only or academic-only terms.

    ## What it finds
    A dataset a model card lists (`datasets:`), a dataset card, a data licence file
    (DATA_LICENSE, LICENSE_DATA) or dataset metadata whose terms forbid commercial use or limit
    use to research or academia — from its licence (CC BY-NC, research licences), a legacy
    `other-non-commercial` id, a dataset entry in the knowledge base, or, when the card's
    metadata names no real licence, the card's own "Licensing Information" prose.

    ## Why it matters
    Whether a model trained on such data may be used commercially is not settled; if the terms
    reach the model, its users are not free to run it for any purpose — even when the model's own
    licence says they are.

    ## Example
    ```yaml
    ---
    license: apache-2.0
    datasets:
    - some-org/non-commercial-instructions
    ---
    ```

    ## How to fix
    Train on data whose terms allow the uses you intend, or state the restriction in the model
    card (and licence the weights to match). If you have a separate agreement with the data's
    owner, record it with a knowledge override: `[tool.modelicense.datasets."org/name"]` with the
    terms and a `reason`.
    """
    sources = _sources(repository, knowledge)
    for item in sources.local:
        terms = _effective_terms(item, knowledge)
        kinds = [k for k in USE_KINDS if k in terms]
        if not kinds:
            continue
        evidence, location, from_prose = terms[kinds[0]]
        said = _said(item, evidence, from_prose)
        related = tuple(d.declaration.location for d in item.metadata if d.declaration.location != location)
        yield Hit(
            f"{_this(item, from_prose)} is {_kinds_text(kinds)} ({said}){_users_text(item.users)}: users may not be free to "
            f"run a model trained on it for any purpose{_commercial_note(repository, knowledge, kinds)}",
            location,
            related + tuple(u.location for u in item.users),
            subject=f"{item.name}:{'+'.join(kinds)}",
        )
    for reference, dataset in sources.known:
        terms = _dataset_terms(dataset, knowledge)
        kinds = [k for k in USE_KINDS if k in terms]
        if not kinds:
            continue
        yield Hit(
            f"training dataset '{reference.id}' is {_kinds_text(kinds)} ({_said_known(terms[kinds[0]])}): users may not be free to run a model "
            f"trained on it for any purpose{_commercial_note(repository, knowledge, kinds)}",
            reference.location,
            subject=f"{dataset.id}:{'+'.join(kinds)}",
        )


@rule("DAT002", "no-derivatives-data", Severity.WARNING)
def no_derivatives_data(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training or repository data whose terms forbid derivatives.

    ## What it finds
    A dataset a model card lists, a dataset card, a data licence file or dataset metadata under
    no-derivatives terms (CC BY-ND, CC BY-NC-ND, "modification prohibited"), from its licence,
    the knowledge base, or — when the metadata names no real licence — the card's prose.

    ## Why it matters
    If a trained model is an adaptation of its training data, no-derivatives terms forbid sharing
    it at all; whether it is, is unsettled. Either way the terms do not fit training data for a
    model meant to be shared.

    ## Example
    ```yaml
    ---
    license: cc-by-nd-4.0
    task_categories:
    - summarization
    ---
    ```

    ## How to fix
    Use data whose terms allow adaptations, or obtain permission from the data's owner and record
    it with a knowledge override (`[tool.modelicense.datasets."org/name"]` with a `reason`).
    """
    sources = _sources(repository, knowledge)
    for item in sources.local:
        terms = _effective_terms(item, knowledge)
        if "no-derivatives" not in terms:
            continue
        evidence, location, from_prose = terms["no-derivatives"]
        said = _said(item, evidence, from_prose)
        yield Hit(
            f"{_this(item, from_prose)} forbids derivatives ({said}){_users_text(item.users)}: if a trained model is an "
            f"adaptation of its data, the model may not be shared",
            location,
            tuple(u.location for u in item.users),
            subject=f"{item.name}:no-derivatives",
        )
    for reference, dataset in sources.known:
        terms = _dataset_terms(dataset, knowledge)
        if "no-derivatives" not in terms:
            continue
        yield Hit(
            f"training dataset '{reference.id}' forbids derivatives ({_said_known(terms['no-derivatives'])}): "
            f"if a trained model is an adaptation of its data, the model may not be shared",
            reference.location,
            subject=f"{dataset.id}:no-derivatives",
        )


@rule("DAT003", "third-party-content", Severity.WARNING)
def third_party_content(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training dataset made of third-party works taken without their authors' permission.

    ## What it finds
    A dataset a model card lists that the knowledge base records as consisting of copyrighted
    works collected without permission (Books3, BookCorpus and the like), whatever licence the
    dataset's distributor put on it.

    ## Why it matters
    The distributor's licence cannot grant rights it never had. Authors have sued over such
    datasets; users of a model trained on them may be exposed to the same claims, and may not be
    free to run the model.

    ## Example
    ```yaml
    ---
    license: mit
    datasets:
    - bookcorpus
    ---
    ```

    ## How to fix
    Train without the dataset, or say in the model card that it was used and what that means
    for users. If you have rights the knowledge base does not know of, record them with a
    knowledge override and a `reason`.
    """
    for reference, dataset in _sources(repository, knowledge).known:
        if dataset.third_party_content:
            note = f" ({dataset.notes})" if dataset.notes else ""
            yield Hit(
                f"training dataset '{reference.id}' consists of third-party works taken without their authors' "
                f"permission{note}: its licence cannot grant rights to them, and users of the model may face the "
                f"authors' claims",
                reference.location,
                subject=dataset.id,
            )


@rule("DAT004", "provider-terms", Severity.WARNING)
def provider_terms(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training dataset generated by a model whose provider's terms restrict its outputs.

    ## What it finds
    A dataset a model card lists that the knowledge base records as generated with a commercial
    model (for example with OpenAI's models, whose terms forbid using outputs to develop competing
    models), so that the provider's terms come with it.

    ## Why it matters
    The terms of service bind whoever generated the data, and those who reuse it may be asked to
    stop; a model trained on it may not be free to use for any purpose, whatever its licence says.

    ## Example
    ```yaml
    ---
    license: apache-2.0
    datasets:
    - tatsu-lab/alpaca
    ---
    ```

    ## How to fix
    Say in the model card which provider's terms the training data carries, or train on data
    generated by a model whose licence allows it. Record a different judgement with a knowledge
    override and a `reason`.
    """
    for reference, dataset in _sources(repository, knowledge).known:
        if dataset.provider_terms:
            terms = knowledge.licence(dataset.provider_terms)
            named = terms.name if terms is not None else dataset.provider_terms
            yield Hit(
                f"training dataset '{reference.id}' was generated with a model whose provider's terms ({named}) come "
                f"with its outputs: they may restrict what a model trained on it may be used for; say so in the card",
                reference.location,
                subject=dataset.id,
            )


@rule("DAT005", "web-crawl", Severity.INFO)
def web_crawl(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training dataset built from a web crawl.

    ## What it finds
    A dataset a model card lists that the knowledge base records as a web crawl or derived from one
    (Common Crawl, C4, RefinedWeb, FineWeb, The Pile's web parts).

    ## Why it matters
    Crawled pages belong to their authors; whether training on them needs permission is
    unsettled everywhere, and opt-outs (robots.txt, TDM reservations) vary. It is worth knowing,
    not a defect of this repository: nearly every large model shares it.

    ## Example
    ```yaml
    ---
    license: apache-2.0
    datasets:
    - allenai/c4
    ---
    ```

    ## How to fix
    Nothing is required. Consider saying in the card how opt-outs were honoured.
    """
    for reference, dataset in _sources(repository, knowledge).known:
        if dataset.web_crawl:
            yield Hit(
                f"training dataset '{reference.id}' is built from a web crawl: the rights in crawled pages are "
                f"unsettled for every model trained on them; consider saying in the card how opt-outs were honoured",
                reference.location,
                subject=dataset.id,
            )


@rule("DAT006", "unknown-dataset", Severity.INFO)
def unknown_dataset(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training dataset whose terms modelicense cannot resolve.

    ## What it finds
    A dataset id in a model card's `datasets:` that neither a dataset card in the repository nor
    the knowledge base (including your configuration) knows.

    ## Why it matters
    Nothing can be said about whether its terms let users run the model: it may be fine, it may
    be non-commercial.

    ## Example
    ```yaml
    ---
    datasets:
    - my-org/internal-crawl-2024
    ---
    ```

    ## How to fix
    Record the dataset's terms in your configuration:
    ```toml
    [tool.modelicense.datasets."my-org/internal-crawl-2024"]
    licence = "cc-by-4.0"
    reason = "our own data, licensed by us"
    ```
    """
    for reference in _sources(repository, knowledge).unknown:
        yield Hit(
            f"training dataset '{reference.id}' is not known to modelicense: its terms cannot be checked; add "
            f"[tool.modelicense.datasets.\"{reference.id}\"] with its licence and a reason",
            reference.location,
            subject=reference.id,
        )


@rule("DAT007", "unusable-data-licence", Severity.WARNING)
def unusable_data_licence(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Data whose licence is declared `unknown`.

    ## What it finds
    A dataset card or dataset metadata whose only licence is `unknown`, with no Licensing
    Information that states terms, and datasets a model card lists that the knowledge base
    records as having no licence. (A card with no licence at all is DEC001; `other` without a
    name is DEC002.)

    ## Why it matters
    Without terms, nobody may copy the data, and nobody can tell whether a model trained on it may
    be used: the default of copyright is "all rights reserved".

    ## Example
    ```yaml
    ---
    license: unknown
    task_categories:
    - text-classification
    ---
    ```

    ## How to fix
    Find the data's terms (its source, its authors) and declare them; if it has none, say where it
    comes from in the card and treat it as all rights reserved.
    """
    sources = _sources(repository, knowledge)
    for item in sources.local:
        if not item.metadata or any(d.resolution.ignorance != "unknown" for d in item.metadata):
            continue
        stated = _prose_terms(item, knowledge)
        if any(kind in _PROPERTY for kind in stated) or any(d.resolution.keys for d in item.prose):
            continue  # the prose states terms: DAT001 / DAT002 judge them
        permission = f", and its Licensing Information {stated['permission-required'][0]}" \
            if "permission-required" in stated else ""
        first = item.metadata[0].declaration.location
        yield Hit(
            f"{_this(item)} has its licence declared 'unknown'{permission}{_users_text(item.users)}: nobody can tell whether it "
            f"may be copied or whether a model trained on it may be used; find and declare its terms",
            first,
            tuple(u.location for u in item.users),
            subject=f"{item.name}:unknown",
        )
    for reference, dataset in sources.known:
        # No licence in the knowledge base (null) means "no single licence" (a crawl, a mixture),
        # judged by the dataset's flags; only a recorded `unknown` means nobody knows.
        if dataset.licence == "unknown":
            yield Hit(
                f"training dataset '{reference.id}' has no known licence: nobody can tell whether a model trained on "
                f"it may be used",
                reference.location,
                subject=f"{dataset.id}:unknown",
            )


@rule("DAT008", "prose-stricter-than-metadata", Severity.WARNING)
def prose_stricter(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Dataset card whose Licensing Information is stricter than its YAML licence.

    ## What it finds
    A dataset card whose metadata declares a licence (say `cc-by-4.0`) while its own "Licensing
    Information" section says the data is for non-commercial or research use only, forbids
    modification, or needs permission. Real cards do this often, and tools that read metadata
    only miss it.

    ## Why it matters
    The Hub, dataset search and licence scanners show the permissive YAML value; users who train
    on the data believe they may use the result commercially, while the data's owners say they
    may not.

    ## Example
    ```markdown
    ---
    license: cc-by-4.0
    ---
    ### Licensing Information
    The dataset may be used for non-commercial research purposes only.
    ```

    ## How to fix
    Make the metadata say what the terms are (`license: cc-by-nc-4.0`, or `other` with
    `license_name` and `license_link`), or correct the prose if the YAML is right.
    """
    for item in _sources(repository, knowledge).local:
        if not _metadata_names_terms(item, knowledge):
            continue
        declared = _metadata_terms(item, knowledge)
        sections = [d for d in item.prose if not _names_another_licence(d, item, knowledge)]
        stricter: dict[str, tuple[str, Location]] = {}
        for kind, (evidence, location) in _prose_terms(item, knowledge, sections).items():
            # Non-commercial, research-only and academic-only all take away commercial use: once the
            # metadata shows one of them, prose naming another adds nothing users would act on.
            if kind in USE_KINDS and any(k in USE_KINDS for k in declared):
                continue
            if kind == "no-derivatives" and "no-derivatives" in declared:
                continue
            if kind == "permission-required" and (stricter or declared):
                continue  # the restriction it goes with already says it
            stricter.setdefault(kind, (evidence, location))
        if not stricter:
            continue
        kinds = sorted(stricter, key=_ORDER.index)
        evidence, location = stricter[kinds[0]]
        name = item.artefact.meta("license_name")
        yaml = ", ".join(
            d.resolution.expression or d.declaration.raw if d.resolution.keys else f"other ({name})"
            for d in item.metadata if d.resolution.keys or (d.resolution.ignorance == "other" and name)
        )
        yield Hit(
            f"this dataset's metadata declares {yaml}, but the Licensing Information is stricter — "
            f"{_kinds_text(kinds)} (it {evidence}){_users_text(item.users)}{_commercial_note(repository, knowledge, kinds)}; "
            f"make the metadata say what the terms are",
            location,
            tuple(d.declaration.location for d in item.metadata) + tuple(u.location for u in item.users),
            subject=f"{item.name}:{'+'.join(kinds)}",
        )
