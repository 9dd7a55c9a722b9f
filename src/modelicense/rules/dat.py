"""DAT — data: terms of the data a model was trained on, and of dataset cards in the repository,
that undermine the freedom to run the model.

Where data terms come from (dataset cards, data licence files, dataset metadata, the datasets a
model card lists) and which restrictions each carries is `modelicense.inventory.data`; the
wording of the messages is `rules.phrasing`. This module holds the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from modelicense.inventory.data import (
    ORDER,
    PROPERTY,
    USE_KINDS,
    LocalData,
    data_sources,
    described_datasets,
    dataset_terms,
    effective_terms,
    metadata_names_terms,
    metadata_terms,
    prose_terms,
)
from modelicense.knowledge import Dataset, Knowledge
from modelicense.knowledge.expressions import licences
from modelicense.knowledge.kinds import reported_by
from modelicense.model import Location, Reference, Repository, Resolution, ResolvedDeclaration, Severity
from modelicense.rules import Hit, rule
from modelicense.rules.common import adds_use_terms
from modelicense.rules.phrasing import commercial_note, kinds_text, said, said_known, this_data, users_text

# --- DAT008: prose stricter than metadata, and where DEC004 takes over --------------------------


def _clear(resolution: Resolution, knowledge: Knowledge) -> list[str]:
    """The licence ids a resolution names when every one is a known, specific licence, else []."""
    known = licences(resolution, knowledge)
    if resolution.unrecognised or resolution.ignorance or not known or len(known) != len(resolution.keys):
        return []
    if any(licence.kind in ("family", "ignorance") for licence in known):
        return []
    return [re.sub(r"(-only|-or-later|\+)$", "", licence.id.lower()) for licence in known]


def _names_another_licence(section: ResolvedDeclaration, item: LocalData, knowledge: Knowledge) -> bool:
    """The prose names a licence the metadata does not (CC BY-NC in the text, CC BY in the YAML):
    DEC004 reports that contradiction, with both licences named; DAT008 keeps to prose that
    states its restrictions in words, so that one disagreement is one finding."""
    named = _clear(section.resolution, knowledge)
    declared = [_clear(d.resolution, knowledge) for d in item.metadata]
    if not named or not declared or not all(declared):
        return False
    if adds_use_terms(section.resolution, (d.resolution for d in item.metadata), knowledge):
        return False  # stricter terms by name (CC BY-NC-SA in prose, CC BY-SA in YAML) are this rule's
    return not set(named) & {ident for ids in declared for ident in ids}


# --- DAT001 / DAT002: restrictions of local and known data ------------------------------------

_NO_DERIVATIVES = tuple(kind.id for kind in reported_by("DAT002"))


def _restriction_hits(repository: Repository, knowledge: Knowledge, wanted: tuple[str, ...],
                      states: Callable[[list[str]], str], consequence: Callable[[list[str]], str],
                      relate_metadata: bool = False) -> Iterator[Hit]:
    """One finding per piece of local data and per listed known dataset with some of the `wanted`
    restrictions: "<this data> <states> (<where it says so>): <consequence>"."""
    sources = data_sources(repository, knowledge)
    for item in sources.local:
        terms = effective_terms(item, knowledge)
        kinds = [k for k in wanted if k in terms]
        if not kinds:
            continue
        evidence, location, from_prose = terms[kinds[0]]
        related = tuple(d.declaration.location for d in item.metadata if d.declaration.location != location) \
            if relate_metadata else ()
        yield Hit(
            f"{this_data(item, from_prose)} {states(kinds)} ({said(item, evidence, from_prose)}){users_text(item.users)}: "
            f"{consequence(kinds)}",
            location,
            related + tuple(u.location for u in item.users),
            subject=f"{item.name}:{'+'.join(kinds)}",
        )
    for reference, dataset in sources.known:
        terms = dataset_terms(dataset, knowledge)
        kinds = [k for k in wanted if k in terms]
        if kinds:
            yield Hit(f"training dataset '{reference.id}' {states(kinds)} ({said_known(terms[kinds[0]])}): {consequence(kinds)}",
                      reference.location, subject=f"{dataset.id}:{'+'.join(kinds)}")


# --- DAT003-DAT007: facts the knowledge base records of a listed dataset -----------------------


def _listed_hits(repository: Repository, knowledge: Knowledge, says: Callable[[Reference, Dataset], str | None],
                 suffix: str = "") -> Iterator[Hit]:
    """One finding per dataset a model card lists that the knowledge base knows, at its
    `datasets:` line, for each one `says` has a message for (None: nothing to report)."""
    for reference, dataset in data_sources(repository, knowledge).known:
        message = says(reference, dataset)
        if message is not None:
            yield Hit(message, reference.location, subject=dataset.id + suffix)


def _note(dataset: Dataset) -> str:
    return f" ({dataset.notes})" if dataset.notes else ""


# --- rules -----------------------------------------------------------------------------------


@rule("DAT001", "restricted-data", Severity.WARNING)
def restricted_data(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training or repository data under non-commercial, research-only or academic-only terms.

    ## What it finds
    A dataset a model card lists as training data (`datasets:`), a dataset card, a data licence file
    (DATA_LICENSE, LICENSE_DATA) or dataset metadata whose terms forbid commercial use or limit
    use to research or academia — from its licence (CC BY-NC, research licences), a legacy
    `other-non-commercial` id, a dataset entry in the knowledge base, or, when the card's
    metadata names no real licence, the card's own "Licensing Information" prose. A dataset the
    card's `model-index:` only evaluates the model on is not training data, and not reported.

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
    def consequence(kinds: list[str]) -> str:
        return f"users may not be free to run a model trained on it for any purpose{commercial_note(repository, knowledge, kinds)}"

    yield from _restriction_hits(repository, knowledge, USE_KINDS, lambda kinds: f"is {kinds_text(kinds)}", consequence,
                                 relate_metadata=True)


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
    yield from _restriction_hits(
        repository, knowledge, _NO_DERIVATIVES, lambda _kinds: "forbids derivatives",
        lambda _kinds: "if a trained model is an adaptation of its data, the model may not be shared")


@rule("DAT003", "third-party-content", Severity.WARNING)
def third_party_content(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Training dataset made of third-party works taken without their authors' permission.

    ## What it finds
    A dataset a model card lists that the knowledge base records as consisting of copyrighted
    works collected without permission (Books3, BookCorpus and the like), whatever licence the
    dataset's distributor put on it; and a dataset card that describes such a dataset (its
    `pretty_name`, its folder or the repository's name is the dataset's id or alias), whatever
    licence the card declares: a corpus of pirated books declared MIT is still one.

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
    for item, dataset, named in described_datasets(repository, knowledge):
        if dataset.third_party_content:
            licence = ", ".join(d.resolution.expression or d.declaration.raw for d in item.metadata)
            under = f" ({licence})" if licence else ""
            note = f" ({dataset.notes})" if dataset.notes else ""
            location = item.metadata[0].declaration.location if item.metadata else Location(item.artefact.path, 1, 1)
            yield Hit(
                f"this dataset card describes '{dataset.id}' ({named}), which consists of third-party works taken "
                f"without their authors' permission{note}: its licence{under} cannot grant rights to them, and "
                f"users of a model trained on it may face the authors' claims",
                location,
                subject=f"card:{dataset.id}",
            )
    yield from _listed_hits(repository, knowledge, lambda reference, dataset: (
        f"training dataset '{reference.id}' consists of third-party works taken without their authors' "
        f"permission{_note(dataset)}: its licence cannot grant rights to them, and users of the model may face the "
        f"authors' claims") if dataset.third_party_content else None)


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
    Name the provider's terms in the model card's License section, so that users see them
    ("The training data was generated with OpenAI's models and carries the OpenAI Terms of
    Use."), or train on data generated by a model whose licence allows it. Record a different
    judgement with a knowledge override and a `reason`.
    """
    def says(reference: Reference, dataset: Dataset) -> str | None:
        if not dataset.provider_terms or _card_names(repository, reference.location.path, dataset.provider_terms):
            return None
        terms = knowledge.licence(dataset.provider_terms)
        named = terms.name if terms is not None else dataset.provider_terms
        return (f"training dataset '{reference.id}' was generated with a model whose provider's terms ({named}) come "
                f"with its outputs: they may restrict what a model trained on it may be used for; name the {named} "
                f"in the card's License section")

    yield from _listed_hits(repository, knowledge, says)


def _card_names(repository: Repository, path: str, licence_id: str) -> bool:
    """The card at `path` names the licence (or terms) somewhere it declares licences, prose
    included ("… carries the OpenAI Terms of Use" in its License section)."""
    return any(licence_id in d.resolution.keys for a in repository.artefacts if a.path == path for d in a.declarations)


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
    Nothing is required. Say in the card how opt-outs were honoured, and record that the crawl is
    known with a reason on its line (`- allenai/c4  # modelicense: ignore[DAT005] opt-outs honoured`).
    """
    yield from _listed_hits(repository, knowledge, lambda reference, dataset: (
        f"training dataset '{reference.id}' is built from a web crawl: the rights in crawled pages are "
        f"unsettled for every model trained on them; nothing to fix: say in the card how opt-outs were "
        f"honoured, and accept this with `# modelicense: ignore[DAT005] <reason>` on the line") if dataset.web_crawl else None)


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
    license = "cc-by-4.0"
    reason = "our own data, licensed by us"
    ```
    """
    for reference in data_sources(repository, knowledge).unknown:
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
    sources = data_sources(repository, knowledge)
    for item in sources.local:
        if not item.metadata or any(d.resolution.ignorance != "unknown" for d in item.metadata):
            continue
        stated = prose_terms(item, knowledge)
        if any(kind in PROPERTY for kind in stated) or any(d.resolution.keys for d in item.prose):
            continue  # the prose states terms: DAT001 / DAT002 judge them
        permission = f", and its Licensing Information {stated['permission-required'][0]}" \
            if "permission-required" in stated else ""
        first = item.metadata[0].declaration.location
        yield Hit(
            f"{this_data(item)} has its licence declared 'unknown'{permission}{users_text(item.users)}: nobody can tell whether it "
            f"may be copied or whether a model trained on it may be used; find and declare its terms",
            first,
            tuple(u.location for u in item.users),
            subject=f"{item.name}:unknown",
        )
    # No licence in the knowledge base (null) means "no single licence" (a crawl, a mixture), judged
    # by the dataset's flags; only a recorded `unknown` means nobody knows.
    yield from _listed_hits(repository, knowledge, lambda reference, dataset: (
        f"training dataset '{reference.id}' has no known licence: nobody can tell whether a model trained on "
        f"it may be used") if dataset.licence == "unknown" else None, suffix=":unknown")


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
    for item in data_sources(repository, knowledge).local:
        if not metadata_names_terms(item, knowledge):
            continue
        declared = metadata_terms(item, knowledge)
        sections = [d for d in item.prose if not _names_another_licence(d, item, knowledge)]
        stricter: dict[str, tuple[str, Location]] = {}
        for kind, (evidence, location) in prose_terms(item, knowledge, sections).items():
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
        kinds = sorted(stricter, key=ORDER.index)
        evidence, location = stricter[kinds[0]]
        name = item.artefact.meta("license_name")
        yaml = ", ".join(
            d.resolution.expression or d.declaration.raw if d.resolution.keys else f"other ({name})"
            for d in item.metadata if d.resolution.keys or (d.resolution.ignorance == "other" and name)
        )
        yield Hit(
            f"this dataset's metadata declares {yaml}, but the Licensing Information is stricter — "
            f"{kinds_text(kinds)} (it {evidence}){users_text(item.users)}{commercial_note(repository, knowledge, kinds)}; "
            f"make the metadata say what the terms are",
            location,
            tuple(d.declaration.location for d in item.metadata) + tuple(u.location for u in item.users),
            subject=f"{item.name}:{'+'.join(kinds)}",
        )
