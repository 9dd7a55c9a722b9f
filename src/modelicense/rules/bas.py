"""BAS — base models: a derived model whose declared licence drops or contradicts its base's terms.

A model's bases come from every file of its folder that names them (`lineage.bases`: the card's
`base_model` with `base_model_relation`, adapter_config.json, config.json, a mergekit
configuration, GGUF metadata) and are resolved through the knowledge base (`Knowledge.model`),
which knows each base's licence and the duties it puts on derivatives. What is compared are
licence PROPERTIES (non-commercial, use restrictions, ...), never licence names.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from modelicense import lineage
from modelicense.discover import classify
from modelicense.extract.hub_ids import hub_model_id
from modelicense.inventory.build import inventory_of
from modelicense.inventory.coverage import code_licence_covering, in_folder, is_licence_file
from modelicense.knowledge import Knowledge, Licence, Model
from modelicense.knowledge.duties import LazyDutyEvidence
from modelicense.knowledge.expressions import effective_licences, licences, same_terms, stands_for_licence_name
from modelicense.knowledge.kinds import TermKind, duty_kinds, labels, licence_kinds, reported_by
from modelicense.lazyre import lazy_compile
from modelicense.model import Artefact, FileKind, Location, Repository, Resolution, ResolvedDeclaration, Severity
from modelicense.rules import Hit, rule

# Terms a base can impose that a derivative's licence must carry on (knowledge/kinds.py: the kinds
# BAS001 reports). A derivative may add restrictions to a permissive base (Apache-2.0 -> CC-BY-NC
# is allowed), never drop one.
CARRIED = reported_by("BAS001")
QUANTISATION = "quantized"
# Terms of a model loaded at run time that reach whoever runs the code (BAS004).
RUNTIME_TERMS = reported_by("BAS004")


def declared(card: Artefact, knowledge: Knowledge) -> tuple[list[ResolvedDeclaration], list[Licence]] | None:
    """The model's own licence declarations (a card's `license:`, a weight file's licence
    metadata) and the licences they name, or None when it declares none the knowledge base knows
    (DEC001 / DEC002 / DEC003 report those)."""
    items = [d for d in card.declarations
             if d.declaration.confidence == "high"
             and (card.kind is FileKind.WEIGHTS or d.declaration.field in ("license", "licenses"))]
    found: list[Licence] = []
    for item in items:
        if item.resolution.ignorance == "other" and not stands_for_licence_name(item):
            continue  # `other` without a card's license_name to stand for: DEC002's business
        found.extend(effective_licences(card, item, knowledge))
    if not items or not found or any(lic.kind in ("family", "ignorance") for lic in found):
        return None
    return items, found


def _same(first: list[Licence], second: Licence) -> bool:
    return same_terms(Resolution(None, keys=tuple(lic.id for lic in first)), Resolution(None, keys=(second.id,)))


def _carried(base: Licence, model: Model | None, among: tuple[TermKind, ...] = CARRIED) -> list[TermKind]:
    """What the base puts on derivatives: its licence's properties, and the duties its entry
    records (`non-commercial`, `same-licence`) — those hold even where the licence's entry is silent."""
    kinds = licence_kinds(base, among) + (duty_kinds(model.duties, among) if model else [])
    return [kind for kind in among if kind in kinds]


def _dropped_kinds(base: Licence, model: Model | None, derived: list[Licence],
                   among: tuple[TermKind, ...] = CARRIED) -> list[TermKind]:
    """Terms of the base that no licence of `derived` carries."""
    return [kind for kind in _carried(base, model, among)
            if not any(getattr(lic, kind.licence_property or "", None) for lic in derived)]


def _dropped(base: Licence, model: Model | None, derived: list[Licence]) -> list[str]:
    return [kind.label for kind in _dropped_kinds(base, model, derived)]


def _bases(card: Artefact, knowledge: Knowledge, folders: lineage.FolderIndex) -> Iterator[tuple[lineage.Base, Model | None]]:
    for base in lineage.bases(card, folders):
        yield base, knowledge.model(base.id)


@rule("BAS001", "base-licence-dropped", Severity.ERROR)
def base_licence_dropped(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A derived model's licence drops or contradicts the terms of its base model.

    ## What it finds
    A model (its card, or a weight file that declares a licence) whose base the knowledge base
    knows — named by the card's `base_model`, a PEFT `adapter_config.json`
    (`base_model_name_or_path`), `config.json` (`_name_or_path`), a mergekit configuration or
    GGUF metadata in the same folder — and whose own licence
    - drops a term the base's licence carries to derivatives — non-commercial, research-only,
      no-derivatives, use restrictions, share-alike (a Llama 2 fine-tune declared `apache-2.0`, a
      Gemma derivative declared `mit`, a CC-BY-NC base relicensed `cc-by-4.0`): error;
    - is a quantisation (`base_model_relation: quantized`, a `quantization_config`, a quantised
      GGUF converted from the base) under any other licence than its base: the quantised weights
      are the base's weights, so their licence cannot change: error;
    - differs from the base's licence while keeping all its restrictions (a Llama 2 fine-tune
      declared `creativeml-openrail-m`): warning, since the base's own terms still apply to what it is built on.

    A merge is made of all its bases, so every base's terms bind it: a merge of an Apache-2.0
    and a CC-BY-NC model declared `apache-2.0` drops the non-commercial terms. Adding
    restrictions to a permissive base (Apache-2.0 -> CC-BY-NC-4.0) is allowed and not reported.
    `license: other` counts with its `license_name` when the knowledge base knows it.

    ## Why it matters
    A derivative is bound by its base's licence. A card that declares looser terms invites users
    to do what the base's licence forbids, and the model's publisher answers for it.

    ## Example
    ```yaml
    base_model: meta-llama/Llama-2-7b-hf
    license: apache-2.0
    ```

    ## How to fix
    Declare the base's licence (`license: llama2`), or a licence that keeps every term the base
    imposes. Teach modelicense a base it does not know under `[tool.modelicense.models."<id>"]`.
    """
    folders = lineage.index(repository)
    for card in lineage.models(repository):
        own = declared(card, knowledge)
        if own is None:
            continue
        items, derived = own
        found = list(_bases(card, knowledge, folders))
        merge = lineage.is_merge([b for b, _ in found])
        for reference, model in found:
            base = knowledge.licence(model.licence) if model else None
            if base is None or base.kind in ("family", "ignorance") or _same(derived, base):
                continue
            shown = ", ".join(lic.id for lic in derived)
            dropped = _dropped(base, model, derived)
            where, related = items[0].declaration.location, (reference.location,)
            if dropped and merge:
                yield Hit(f"declared {shown}, but this merge is made of {reference.id}, under {base.id}, whose terms "
                          f"({', '.join(dropped)}) bind the merge as every base's do; {shown} drops them",
                          where, related, subject=f"{reference.id}:{base.id}")
            elif dropped:
                yield Hit(f"declared {shown}, but base model {reference.id} is under {base.id}, whose terms "
                          f"({', '.join(dropped)}) bind derivatives; {shown} drops them",
                          where, related, subject=f"{reference.id}:{base.id}")
            elif (reference.relation or "").lower() == QUANTISATION and base.kind != "public-domain":
                yield Hit(f"declared {shown}, but this is a quantisation of {reference.id}, whose weights are under "
                          f"{base.id}; quantising does not change their licence", where, related,
                          subject=f"{reference.id}:{base.id}")
            elif base.kind == "model" or base.use_restrictions:
                yield Hit(f"declared {shown}, but base model {reference.id} is under {base.id}, whose terms still "
                          "apply to what this model is built on", where, related,
                          subject=f"{reference.id}:{base.id}", severity=Severity.WARNING)


# Duties a base model's licence puts on derivatives (Knowledge Model.duties), with what shows
# that the derivative meets them (knowledge/data/duties.json): files of a kind, or words in a
# card's licence section or a NOTICE, a licence's own prescribed wording first.
_DUTY_EVIDENCE = LazyDutyEvidence()


def _licence_files_for(card: Artefact, repository: Repository) -> list[tuple[Artefact, ResolvedDeclaration]]:
    """Licence files (and NOTICEs, use policies) in the card's folder or above it."""
    return [(a, d) for a, d in repository.declarations()
            if a.kind is FileKind.LICENCE_FILE and in_folder(card.directory, a.directory)]


def _named(resolution: Resolution) -> str:
    return " AND ".join(resolution.keys) if not resolution.alternatives else " OR ".join(resolution.keys)


def _link_target(card: Artefact, link: str) -> str | None:
    """The root-relative path a local `license_link` names; None for a URL."""
    return None if "://" in link else posixpath.normpath(posixpath.join(card.directory, link.removeprefix("./")))


def _link_refused(link: str, card: Artefact, base: Licence, repository: Repository, knowledge: Knowledge) -> str | None:
    """Why the card's `license_link` is not a copy of the base's licence, or None when it is one
    or may be one. Only a link known to lead to another licence is refused: an unknown URL, or a
    file whose text modelicense does not recognise, is given the benefit of the doubt."""
    wanted = Resolution(base.id, keys=(base.id,))
    target = _link_target(card, link)
    if target is None:
        known = knowledge.licence_id(link)
        if known is not None:
            return None if same_terms(Resolution(known, keys=(known,)), wanted) else f"`license_link` {link} is {known}"
        hub = hub_model_id(link)
        model = knowledge.model(hub) if hub else None
        if model is None or same_terms(Resolution(model.licence, keys=(model.licence,)), wanted):
            return None
        return f"`license_link` {link} leads to {hub}, under {model.licence}"
    texts = [d for a, d in repository.declarations() if a.path == target and is_licence_file(a, d)]
    if not texts:
        return f"`license_link` names {link}, which is not among the files scanned" if classify(target) is FileKind.LICENCE_FILE \
            else None
    if any(same_terms(d.resolution, wanted) or not d.resolution.keys for d in texts):
        return None
    return f"`license_link` {link} is {_named(texts[0].resolution)}"


def _licence_copy_missing(card: Artefact, base: Licence, repository: Repository, knowledge: Knowledge) -> str | None:
    """None when a copy of the base's licence is shown — a licence file beside the card or above
    it with the base's licence, or a `license_link` to it — else what stands in its place."""
    wanted = Resolution(base.id, keys=(base.id,))
    texts = [(a, d) for a, d in _licence_files_for(card, repository) if is_licence_file(a, d)]
    if any(same_terms(d.resolution, wanted) for _a, d in texts):
        return None
    link = (card.meta("license_link") or "").strip()
    refused = _link_refused(link, card, base, repository, knowledge) if link else "no `license_link`"
    if refused is None:
        return None
    linked = _link_target(card, link) if link else None
    present = [f"{a.path} is {_named(d.resolution)}" for a, d in texts if d.resolution.keys and a.path != linked]
    if not present and linked not in {a.path for a, _d in texts}:
        present = ["no licence file here has its text"]
    return "; ".join([*present, refused])


def _duty_shown(duty: str, card: Artefact, base: Licence, repository: Repository) -> bool:
    evidence = _DUTY_EVIDENCE[duty]
    files = _licence_files_for(card, repository)
    if any(d.declaration.field in evidence.fields for _, d in files):
        return True
    words = evidence.words(base.id)
    prose = " ".join(d.declaration.raw for d in card.declarations if d.declaration.confidence == "low")
    notices = [d.declaration.raw[:4000] for _, d in files if d.declaration.field == "notice"]
    return any(w.search(prose) or any(w.search(text) for text in notices) for w in words)


@rule("BAS002", "base-duties-not-shown", Severity.WARNING)
def base_duties_not_shown(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A derived model does not show the duties its base model's licence imposes.

    ## What it finds
    For a model whose base the knowledge base knows (named by its card, adapter, merge or GGUF
    metadata; see BAS001), each duty the base's licence puts on derivatives that nothing in the
    repository shows:
    - `licence-copy`: a copy of the base's licence — a licence file (in the card's folder or
      above) with the base's licence text, or the card's `license_link` to it (a file with its
      text, the licence's own page, or the base model's repository on the Hub). The finding names
      the licence whose copy is missing and what stands in its place ("LICENSE is MIT"); a link
      is refused only when it is known to lead to another licence (a file or page modelicense
      does not recognise is given the benefit of the doubt);
    - `use-policy`: the acceptable use policy — a USE_POLICY / ACCEPTABLE_USE file, or a mention
      in the card's licence section;
    - `notice`: the attribution notice — a NOTICE file, or the notice in the licence section;
    - `naming`: the name or display the licence requires ("Built with Llama") in the licence section.
    The rule reads files and the card's licence section, not the whole card: a duty met only
    elsewhere in the card is reported; suppress it with a reason. Bases under an OSI-approved
    licence are not checked: their duties (keep the copyright and NOTICE) are met the usual way.

    ## Why it matters
    These are conditions of the base's licence: a derivative distributed without them is
    distributed in breach of it, whatever licence its card declares.

    ## Example
    A Llama 3 fine-tune whose repository has a card with `license: llama3` and no LICENSE file,
    no USE_POLICY and no "Built with Llama" in its licence section.

    ## How to fix
    Ship the base's licence (its text, in a licence file beside the card, or `license_link` to
    it) and use policy beside the card, and state the required notice and naming in the card's
    License section.
    """
    folders = lineage.index(repository)
    seen: set[tuple[Location, str]] = set()  # a card and a GGUF beside it name the same base once
    for card in lineage.models(repository):
        for reference, model in _bases(card, knowledge, folders):
            base = knowledge.licence(model.licence) if model else None
            if model is None or base is None or not model.duties or base.osi or (reference.location, reference.id) in seen:
                continue  # an OSI licence's duties (Apache's NOTICE) are met the usual way; no alarm on clean repos
            seen.add((reference.location, reference.id))
            copy = _licence_copy_missing(card, base, repository, knowledge) if "licence-copy" in model.duties else None
            missing = [duty for duty in model.duties if duty in _DUTY_EVIDENCE and (
                copy is not None if duty == "licence-copy" else not _duty_shown(duty, card, base, repository))]
            if missing:
                wanted = "; ".join(f"a copy of the base's licence, the {base.name} ({copy})" if duty == "licence-copy"
                                   else _DUTY_EVIDENCE[duty].wanted for duty in missing)
                yield Hit(f"base model {reference.id} ({base.id}) requires derivatives to carry {wanted}; "
                          "nothing in the repository shows it", reference.location,
                          subject=f"{reference.id}:{','.join(missing)}")


_LOCAL = lazy_compile(r"^(\.{0,2}/|[a-zA-Z]:\\|~)")


@rule("BAS003", "unknown-base-model", Severity.INFO)
def unknown_base_model(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A `base_model` the knowledge base does not know, so its licence cannot be checked.

    ## What it finds
    A base model id (Hub id such as `org/name`) named by a model card's `base_model`, an
    adapter's `adapter_config.json`, a mergekit configuration or GGUF metadata, with no entry in
    modelicense's knowledge of base models. Local paths (`./checkpoints/base`) are not reported,
    nor a `config.json` `_name_or_path` alone (it may be the model's own id).

    ## Why it matters
    BAS001 and BAS002 cannot tell whether this model's licence keeps its base's terms.

    ## Example
    ```yaml
    base_model: someone/some-private-base
    ```

    ## How to fix
    Nothing is wrong. To have the base checked, describe it in the configuration:
    ```toml
    [tool.modelicense.models."someone/some-private-base"]
    license = "apache-2.0"
    reason = "licence read from https://huggingface.co/someone/some-private-base"
    ```
    """
    seen: set[tuple[str, str]] = set()
    folders = lineage.index(repository)
    for card in lineage.models(repository):
        for reference, model in _bases(card, knowledge, folders):
            ident = reference.id.strip()
            where = (reference.location.path, ident)
            if model is not None or not ident or _LOCAL.match(ident) or reference.inferred or where in seen:
                continue
            seen.add(where)
            yield Hit(f"base model {ident} is not in modelicense's knowledge; its licence terms were not checked",
                      reference.location, subject=ident)


CodeLicences = tuple[list[tuple[Artefact, ResolvedDeclaration]], list[Licence]]


def _code_licences(repository: Repository, source: Artefact, knowledge: Knowledge) -> CodeLicences | None:
    """(the statements, the licences) the code of `source` is under, or None when nothing
    says, or something says it in a way the knowledge base cannot read (no judgement then)."""
    pairs = code_licence_covering(repository, source)
    found: list[Licence] = []
    for _artefact, item in pairs:
        known = licences(item.resolution, knowledge)
        if not item.resolution.recognised or item.resolution.ignorance or not known:
            return None
        found.extend(known)
    if not found or any(lic.kind in ("family", "ignorance") for lic in found):
        return None
    return pairs, found


@rule("BAS004", "runtime-model-terms", Severity.WARNING)
def runtime_model_terms(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Code loads a model at run time whose terms its own licence does not carry.

    ## What it finds
    A string literal naming a model the knowledge base knows, passed to a call that loads it
    from the Hugging Face Hub — `from_pretrained("org/name")`, `hf_hub_download(repo_id=…)`,
    `snapshot_download(…)`, `pipeline(model=…)`, `SentenceTransformer(…)` (the list is
    `knowledge/data/loaders.json`) — in a `.py` file or a notebook's code cell, when the model's
    licence has terms the code's own licence (the file's SPDX header, the nearest LICENSE above
    it, or the project's packaging metadata) does not carry:
    - non-commercial or research-only terms: warning;
    - use restrictions (acceptable-use policies, Llama, Gemma, OpenRAIL): info.
    The finding stands at the id in the call. An id held in a variable, an f-string or a
    command-line argument is not read: it is skipped, not guessed. Code with no licence, or one
    modelicense cannot read, is not judged (DEC001, DEC003 report those).

    ## Why it matters
    The step from a model to the application that downloads it is where licence terms are most
    often lost: the repository says MIT, whoever runs it fetches a model under a non-commercial
    or use-restricted licence, and nothing tells them. The model's terms bind them all the same.

    ## Example
    ```python
    # SPDX-License-Identifier: MIT
    from transformers import AutoModelForCausalLM
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")
    ```

    ## How to fix
    Pass the terms through: say in the README that the code downloads the model under its
    licence and that using it means accepting that licence, and record it on the call's line
    (`# modelicense: ignore[BAS004] the README states the Llama 2 licence`). Or choose another
    model, one whose licence carries no such terms.
    """
    # What each loaded model's terms are is the inventory's (its runtime-model artefacts); what
    # the loading file's code is under is the coverage's, file by file.
    loaded = {a.name.lower(): a for a in inventory_of(repository, knowledge).of_kind("runtime-model")}
    seen: set[tuple[str, str]] = set()
    judged: dict[str, CodeLicences | None] = {}  # per file: several models loaded by one file
    for source, reference in lineage.runtime_loads(repository):
        if (source.path, reference.id.lower()) in seen:
            continue
        seen.add((source.path, reference.id.lower()))
        artefact = loaded.get(reference.id.lower())
        base = knowledge.licence(artefact.licence) if artefact and artefact.licence else None
        if artefact is None or base is None or base.kind in ("family", "ignorance"):
            continue
        if source.path not in judged:
            judged[source.path] = _code_licences(repository, source, knowledge)
        code = judged[source.path]
        if code is None:
            continue
        pairs, own = code
        dropped = [kind for kind in RUNTIME_TERMS if artefact.has_term(kind.id)
                   and not any(getattr(lic, kind.licence_property or "", None) for lic in own)]
        if not dropped:
            continue
        shown = ", ".join(dict.fromkeys(lic.id for lic in own))
        yield Hit(f"loads {reference.id} at run time, a model under {base.id}, whose terms ({labels(dropped)}) bind "
                  f"whoever runs this code; the code is under {shown}, which does not carry them",
                  reference.location, tuple(item.declaration.location for _a, item in pairs[:1]),
                  subject=f"{reference.id}:{base.id}",
                  severity=None if any(kind.restricts_use for kind in dropped) else Severity.INFO)
