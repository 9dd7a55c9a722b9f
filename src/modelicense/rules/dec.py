"""DEC — declarations: missing, unparseable, unrecognised, `other` without a name, contradicting."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from modelicense.knowledge import Knowledge
from modelicense.lazyre import lazy_compile
from modelicense.model import (
    EVALUATED_ON,
    Artefact,
    FileKind,
    Location,
    Repository,
    Resolution,
    ResolvedDeclaration,
    Severity,
)
from modelicense.rules import Hit, rule
from modelicense.inventory.coverage import (
    Pair,
    explicit_subject,
    in_folder,
    is_licence_file,
    licence_files_covering,
    plain_licence_subject,
    scope_declarations,
    ships_weights,
    structured,
    weights_declarations,
)
from modelicense.knowledge.expressions import licences, named_licence, same_terms, usable
from modelicense.rules.common import adds_use_terms
from modelicense.rules.phrasing import and_more, names


@rule("DEC003", "unrecognised-licence", Severity.WARNING)
def unrecognised_licence(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Licence id or expression that nothing recognises.

    ## What it finds
    A licence id in a card's `license:` field, an SPDX-License-Identifier header or packaging
    metadata that is neither an SPDX id, a Hugging Face Hub licence id, nor a name the knowledge
    base knows, or an SPDX expression that cannot be parsed.

    ## Why it matters
    Tools (the Hub, SPDX SBOMs, licence scanners) and people cannot tell what terms apply. A typo
    such as `apache-3.0` silently leaves the artefact without a usable licence.

    ## Example
    ```yaml
    license: apache-3.0
    ```

    ## How to fix
    Use an id from https://huggingface.co/docs/hub/repositories-licenses or https://spdx.org/licenses/.
    For a licence that has none, write `license: other` with `license_name` and `license_link`, or
    teach modelicense the licence in `[tool.modelicense.licenses."<id>"]` with a reason.
    """
    for artefact, item in repository.declarations():
        declaration, resolution = item.declaration, item.resolution
        if declaration.is_text or declaration.confidence == "low" or resolution.method == "legacy-other":
            continue
        if not resolution.unrecognised:
            continue
        names = ", ".join(f"'{u}'" for u in resolution.unrecognised)
        yield Hit(
            f"{declaration.field}: licence {names} is not an SPDX id, a Hugging Face licence id, or a licence modelicense knows",
            declaration.location,
            subject=declaration.raw,
        )


@rule("DEC005", "malformed-metadata", Severity.WARNING)
def malformed_metadata(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Metadata that cannot be read: broken front matter, TOML or JSON, or an odd encoding.

    ## What it finds
    A card whose YAML front matter does not parse, or that the Hub's client (`huggingface_hub`)
    rejects: a tag it cannot construct (`!spdx MIT`, `!!python/name:`), a key that is a list, a
    mapping, a number or null, a template's `{{ card_data }}`, front matter that is not a mapping;
    front matter the Hub does not see (an opening `--- ` with a trailing blank, `...` as the
    closing line, an opening never closed); `license:` holding a mapping or a nested list, or
    written twice (the Hub keeps the last); a `model-index:` the client cannot read (a result
    without `dataset`, `task` or `metrics`, a dataset without its `type`: the client refuses the
    card, and no evaluation datasets are taken from it); a pyproject.toml, setup.cfg, package.json or dataset
    metadata file that is not valid; a card that is empty, binary, UTF-16 or not UTF-8. The
    finding stands at the line of the problem; the card's licence is still read where it can be.

    ## Why it matters
    Whatever licence the file declares is invisible to the Hub and to every other tool, so the
    artefact is, in practice, unlicensed.

    ## Example
    ```yaml
    ---
    license: [mit
    ---
    ```

    ## How to fix
    Fix the syntax at the reported line. Save cards as UTF-8.
    """
    for problem in repository.problems:
        if problem.code == "malformed":
            yield Hit(problem.message, problem.location)


@rule("DEC006", "file-not-read", Severity.WARNING)
def file_not_read(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A file that may declare a licence could not be read.

    ## What it finds
    A licence file, card, packaging file or weight file that is a symlink pointing outside the
    scanned root (never followed), a broken or looping symlink, a file that cannot be opened
    (permissions) or one that vanished during the scan; a folder the walk cannot enter (too deep,
    permissions), so nothing below it was read; a git work tree whose configuration sends git
    elsewhere (`core.worktree`, a `.git` file copied from another work tree), which is not used:
    the folder is walked instead; Python files and notebooks past the per-repository budget for
    reading the models code loads (128 MiB read, 8 MiB tokenized), read for their SPDX header only.

    ## Why it matters
    What it declares is not part of the repository others receive, so it cannot be relied on.

    ## Example
    A `LICENSE` that is a symbolic link to `../shared/LICENSE`, outside the repository.

    ## How to fix
    Commit the file itself instead of a link, or fix its permissions.
    """
    for problem in repository.problems:
        if problem.code in ("unreadable", "skipped"):
            yield Hit(problem.message, problem.location)


# --- DEC001 -------------------------------------------------------------------------------------

CARD_KINDS = (FileKind.MODEL_CARD, FileKind.DATASET_CARD)


def _card_licences(card: Artefact) -> list[ResolvedDeclaration]:
    return [d for d in card.declarations if d.declaration.confidence == "high" and d.declaration.field in ("license", "licenses")]


@rule("DEC001", "no-licence", Severity.WARNING)
def no_licence(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """An artefact that needs a licence has none.

    ## What it finds
    - a model card or dataset card (Markdown with YAML front matter) with no `license:` key,
      when no licence file stands in its folder or a folder above it;
    - weight files that nothing covers: no weight-file metadata, no model card licence, no
      LICENSE-MODEL-style file and no root licence file.

    A README without front matter is not a model card, nor is Markdown whose front matter has no
    Hugging Face card key (a Jekyll page's `layout`, `title`, `permalink`), and a plain software
    repository is not asked for a model licence; but when weights or data stand in its folder or
    below, a README is their card.

    ## Why it matters
    Without a licence nobody but the author may use, copy or build on the artefact, whatever
    its author meant; the Hub shows such a repository as having no licence.

    ## Example
    ```yaml
    ---
    library_name: transformers
    pipeline_tag: text-generation
    ---
    ```

    ## How to fix
    Add `license:` with an id from https://huggingface.co/docs/hub/repositories-licenses (or
    `license: other` with `license_name` and `license_link`), or add a licence file.
    """
    for card in repository.of_kind(*CARD_KINDS):
        if card.meta("front_matter") != "yes" or _card_licences(card):
            continue
        if card.meta("license_key@line"):
            continue  # a `license:` key whose value is not a licence (a template's {license}): not "none"
        if licence_files_covering(repository, card.path):
            continue
        what = "dataset card" if card.kind is FileKind.DATASET_CARD else "model card"
        yield Hit(f"{what} declares no licence: its front matter has no `license:` and no licence file covers its folder",
                  Location(card.path, 1, 1), subject="card")
    if ships_weights(repository) and not weights_declarations(repository):
        weights = [a.path for a in repository.weight_files]
        shown = and_more(weights)
        readme = next((a for a in repository.of_kind(FileKind.CARD, *CARD_KINDS) if a.directory == ""), None)
        where = Location(readme.path, 1, 1) if readme else Location(weights[0])
        yield Hit(f"nothing declares a licence for the weights ({shown}): no card licence, weight licence file "
                  "or root licence file covers them", where,
                  related=tuple(Location(p) for p in weights[:5] if p != where.path), subject="weights")


# --- DEC002 -------------------------------------------------------------------------------------

# What is left of a template's "[More Information Needed](…CONTRIBUTING.md…)" once the
# extractor has taken the bracket text away: a link to the contribution guide, not terms.
_TEMPLATE_LINK = lazy_compile(r"\(https?://[^)\s]*contributing[^)\s]*\)", re.I)


def _states_terms(item: ResolvedDeclaration) -> bool:
    """A licence section that names a licence, or says something (a sentence, a link)."""
    if item.resolution.keys:
        return True
    text = _TEMPLATE_LINK.sub("", item.declaration.raw).strip()
    return len(text) >= 12 or "http" in text


@rule("DEC002", "other-without-name-or-link", Severity.WARNING)
def other_without_name(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """`license: other` (or a custom `other-*` name) that does not say which licence, or where its text is.

    ## What it finds
    A card declaring `license: other` without `license_name`, or without a way to read the
    terms: a `license_link`, a licence file in its folder (or above), or a licence section in
    the card that states or links them. Legacy dataset cards' `other-<name>` values carry a name
    and need only the terms.

    ## Why it matters
    `other` says only that the licence is not in the Hub's list. Users, the Hub and licence
    scanners cannot tell what they may do with the artefact until they can read the terms.

    ## Example
    ```yaml
    license: other
    ```

    ## How to fix
    ```yaml
    license: other
    license_name: my-model-licence-1.0
    license_link: LICENSE
    ```
    """
    by_card: dict[str, list[ResolvedDeclaration]] = {}
    cards: dict[str, Artefact] = {}
    for artefact, item in structured(repository.declarations()):
        if item.resolution.ignorance == "other" and artefact.kind in CARD_KINDS:
            by_card.setdefault(artefact.path, []).append(item)
            cards[artefact.path] = artefact
    for path, items in by_card.items():
        artefact = cards[path]
        # Legacy `other-<name>` values carry their name; plain `other` needs `license_name`.
        named = all(item.resolution.method == "legacy-other" for item in items) or bool(artefact.meta("license_name"))
        terms = bool(artefact.meta("license_link")) or bool(licence_files_covering(repository, path)) or any(
            d.declaration.confidence == "low" and _states_terms(d) for d in artefact.declarations
        )
        missing = [what for what, ok in (("`license_name`", named), ("`license_link` (or a licence file)", terms)) if not ok]
        if not missing:
            continue
        first = items[0].declaration
        values = and_more([repr(item.declaration.raw) for item in items], limit=4)
        yield Hit(f"{first.field}: {values} without {' and '.join(missing)}: nobody can tell which terms apply",
                  first.location, subject="other")


# --- DEC004 -------------------------------------------------------------------------------------


def _equivalent(first: Resolution, second: Resolution, knowledge: Knowledge) -> bool:
    """Same licence (modulo -only / -or-later), or both only public-domain instruments (CC0 and
    the Public Domain Mark say the same thing to a user)."""
    if same_terms(first, second):
        return True
    both = licences(first, knowledge) + licences(second, knowledge)
    return bool(both) and all(lic.kind == "public-domain" for lic in both)


def _contradiction(first: Pair, second: Pair, certain: bool) -> Hit:
    level = None if certain else Severity.WARNING
    return Hit(
        f"{_described(*first)}, but {_described(*second)}: different licences for the same artefact",
        first[1].declaration.location,
        related=(second[1].declaration.location,),
        subject=f"{second[0].path}:{names(first[1].resolution)}:{names(second[1].resolution)}",
        severity=level,
    )


def _described(artefact: Artefact, item: ResolvedDeclaration) -> str:
    declaration, resolved = item.declaration, names(item.resolution)
    if declaration.confidence == "low":
        return f"the '{declaration.field}' section of {artefact.path} names {resolved}"
    if declaration.is_text:
        how = item.resolution.how_sure()
        return f"{artefact.path} is the {resolved} text" + (f" ({how})" if how else "")
    raw = declaration.raw.strip()
    shown = repr(raw) if raw.lower() == resolved.lower() else f"{raw!r} ({resolved})"
    return f"{declaration.field}: {shown} in {artefact.path}"


def _named_other(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> Pair:
    """`license: other` with a `license_name` the knowledge base knows (llama3) stands for that
    licence; the raw text the user wrote is kept."""
    named = named_licence(artefact, item, knowledge)
    if named is None:
        return artefact, item
    return artefact, replace(item, resolution=Resolution(named.id, keys=(named.id,), method="license_name"))


# Which of two contradicting declarations the finding stands at: the one people edit.
_PRIMARY = {FileKind.MODEL_CARD: 0, FileKind.DATASET_CARD: 0, FileKind.PACKAGING: 0, FileKind.LICENCE_FILE: 1,
            FileKind.WEIGHTS: 2}


@rule("DEC004", "contradicting-declarations", Severity.ERROR)
def contradicting_declarations(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Two declarations name different licences for the same artefact.

    ## What it finds
    Declarations about the same artefact that share no licence:
    - a card's `license:` and a weight licence file (LICENSE-MODEL, LICENSE_weights) in its folder,
      or weight-file metadata (GGUF, safetensors) under it;
    - a dataset card's `license:` and a data licence file (DATA_LICENSE) in its folder;
    - packaging metadata (pyproject.toml, setup.cfg, package.json) and the licence file beside it,
      or its own `license` and classifiers;
    - a card's `license:` and the plain LICENSE beside it, when the repository ships weights and
      no code (the LICENSE can cover nothing else);
    - a card's prose licence section that names only other licences than its `license:` — warning
      (on dataset cards, prose that adds non-commercial, research-only or no-derivatives terms is
      DAT008's finding, not this one's).

    Severity: error when both declarations are certainly about the same artefact and both
    licences are certain; warning otherwise (prose, or a licence text recognised only in part or
    by its title: the message says which, with the coverage). Not a contradiction: CC0 against the Public Domain Mark; a card and a
    LICENSE in a repository with neither code nor weights (the LICENSE may cover the card's
    text); a LICENSE for the code and a card licence for the weights in a repository with code;
    a nested LICENSE in a vendored folder (it covers only that folder); a NOTICE or a use policy
    (neither is a licence); GPL-3.0-only against a GPL v3 text (a text cannot say "only"); two
    licence files side by side (model_licenses/ holds one per model); `other` and `unknown`
    (DEC002 and DEC001 judge those).

    ## Why it matters
    Users cannot tell which terms apply, and will pick the one they like. The Hub shows one
    licence while the file that binds says another.

    ## Example
    A card with `license: apache-2.0` in a weights-only repository whose LICENSE is the MIT text.

    ## How to fix
    Decide which licence applies and make every declaration say it. If code and weights really
    are under different licences, say so with separate files (LICENSE-CODE, LICENSE-MODEL) and
    keep the card's `license:` for the weights.
    """
    reported: set[tuple[str, str]] = set()
    for first, second, certain in _candidate_pairs(repository, knowledge):
        key = tuple(sorted((str(first[1].declaration.location), str(second[1].declaration.location))))
        if key in reported or _equivalent(first[1].resolution, second[1].resolution, knowledge):
            continue
        reported.add(key)  # type: ignore[arg-type]
        # a partial or title-only match is a guess: at most a warning, which says so
        guessed = not (first[1].resolution.certain and second[1].resolution.certain)
        yield _contradiction(first, second, certain and not guessed)


Candidate = tuple[Pair, Pair, bool]  # (where the finding stands, what it contradicts, certainly the same artefact)


def _candidate_pairs(repository: Repository, knowledge: Knowledge) -> Iterator[Candidate]:
    """Every pair of declarations DEC004 compares, in order of precedence (the first report of a
    pair wins): explicit declarations in one folder, weight metadata under them, a plain LICENSE
    against what it must cover, a card's prose against its metadata."""
    pairs = [
        (a, d) for a, d in (_named_other(a, d, knowledge) for a, d in structured(repository.declarations()))
        if usable(d.resolution, knowledge) and d.declaration.field not in ("notice", "use-policy", "reuse", "patents")
    ]
    explicit = [(p, s) for p in pairs if (s := explicit_subject(*p)) is not None]
    groups = _by_subject_and_folder(explicit)
    yield from _same_folder_pairs(groups)
    yield from _weight_metadata_pairs(explicit, groups)
    yield from _plain_licence_pairs(repository, pairs, explicit)
    yield from _prose_pairs(repository, knowledge)


def _by_subject_and_folder(explicit: list[tuple[Pair, str]]) -> dict[tuple[str, str], list[Pair]]:
    """Explicit declarations other than weight metadata, grouped by subject and folder: a
    repository of 500 dataset cards must not compare every declaration with every other."""
    groups: dict[tuple[str, str], list[Pair]] = {}
    for pair, subject in explicit:
        if pair[0].kind is not FileKind.WEIGHTS:
            groups.setdefault((subject, pair[0].directory), []).append(pair)
    return groups


def _same_folder_pairs(groups: dict[tuple[str, str], list[Pair]]) -> Iterator[Candidate]:
    """Explicit declarations about the same artefact in the same folder."""
    for group in groups.values():
        for index, first in enumerate(group):
            for second in group[index + 1:]:
                if first[0].path == second[0].path and first[0].kind is not FileKind.PACKAGING:
                    continue
                if first[0].kind is FileKind.LICENCE_FILE and second[0].kind is FileKind.LICENCE_FILE:
                    continue  # model_licenses/LICENSE-SDXL and LICENSE-SVD: one file per model, not two claims about one
                a, b = sorted((first, second), key=lambda pair: _PRIMARY.get(pair[0].kind, 3))
                yield a, b, True


def _weight_metadata_pairs(explicit: list[tuple[Pair, str]], groups: dict[tuple[str, str], list[Pair]]) -> Iterator[Candidate]:
    """Weight-file metadata against the explicit declarations about weights in a folder above it."""
    for weights, subject in explicit:
        if weights[0].kind is not FileKind.WEIGHTS:
            continue
        for (group_subject, _folder), group in groups.items():
            for declaration in group:
                if group_subject == subject and in_folder(weights[0].path, declaration[0].directory):
                    yield declaration, weights, True


def _plain_licence_pairs(repository: Repository, pairs: list[Pair], explicit: list[tuple[Pair, str]]) -> Iterator[Candidate]:
    """A plain LICENSE against the explicit declaration, beside it, of what it must be covering."""
    plain_subject = plain_licence_subject(repository)
    beside: dict[str, list[Pair]] = {}  # explicit declarations of that subject, by folder
    for other, subject in explicit:
        if subject == plain_subject:
            beside.setdefault(other[0].directory, []).append(other)
    for licence in (p for p in pairs if is_licence_file(*p) and p[1].declaration.scope == "repo"):
        for other in beside.get(licence[0].directory, ()):
            yield other, licence, True


def _prose_pairs(repository: Repository, knowledge: Knowledge) -> Iterator[Candidate]:
    """A card's prose licence section against its own metadata: one per card, at its first
    disagreeing section."""
    for card in repository.of_kind(*CARD_KINDS):
        metadata = [(card, d) for d in _card_licences(card) if usable(d.resolution, knowledge)]
        if not metadata or len(metadata) != len(_card_licences(card)):
            continue  # part of the metadata is `other` or unknown: the prose may be what it means
        # prose about the same artefact as the metadata: "the code is MIT" in a model card is not the weights'
        scope = metadata[0][1].declaration.scope
        prose = [(card, d) for d in card.declarations if d.declaration.confidence == "low"
                 and d.declaration.scope == scope and usable(d.resolution, knowledge)]
        for section in prose:
            if any(_equivalent(section[1].resolution, m[1].resolution, knowledge) for m in metadata):
                continue
            if card.kind is FileKind.DATASET_CARD and adds_use_terms(section[1].resolution, (d.resolution for _, d in metadata), knowledge):
                continue
            yield section, metadata[0], False
            break


# --- DEC007 -------------------------------------------------------------------------------------


def _allowed(item: ResolvedDeclaration, allowed: set[str], knowledge: Knowledge) -> bool:
    """With a choice (A OR B) one allowed alternative is enough; otherwise every licence must be."""
    keys = [knowledge.licence_id(k) or k for k in item.resolution.keys]
    if item.resolution.alternatives:
        return any(k in allowed for k in keys)
    return all(k in allowed for k in keys)


@rule("DEC007", "licence-not-allowed", Severity.ERROR)
def licence_not_allowed(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A declared licence is not on the configuration's allow-list for its artefact.

    ## What it finds
    With `[tool.modelicense.allow]` set (like cargo-deny's `allow`), every declaration covering
    that kind of artefact whose licence is not listed:
    - `code`: SPDX headers, packaging metadata, code licence files and plain licence files;
    - `weights`: whatever covers the weights (weight metadata, model card, LICENSE-MODEL, or the
      root licence when it is all there is);
    - `data`: dataset cards, data licence files, and the datasets a model card lists when the
      knowledge base knows their licence.
    An expression with a choice (A OR B) passes when one alternative is allowed.
    Declarations nobody recognises are DEC003's business, not this rule's.

    ## Why it matters
    An organisation's policy says which terms its repositories may carry or depend on; a
    licence outside it needs a decision before it lands.

    ## Example
    ```toml
    [tool.modelicense.allow]
    weights = ["Apache-2.0", "MIT"]
    ```
    and a card with `license: cc-by-nc-4.0`.

    ## How to fix
    Use an allowed licence, or add the licence to the allow-list after review.
    """
    for scope, ids in repository.allow:
        allowed = set(ids)
        for artefact, item in scope_declarations(scope, repository, knowledge):
            resolution = item.resolution
            if not resolution.recognised or resolution.ignorance or _allowed(item, allowed, knowledge):
                continue
            yield Hit(f"{scope} licence {names(resolution)} ({artefact.path}) is not in allow.{scope} ({', '.join(ids)})",
                      item.declaration.location, subject=f"{scope}:{names(resolution)}")
        if scope != "data":
            continue
        for card in repository.of_kind(FileKind.MODEL_CARD):
            for reference in card.references:
                if reference.kind != "dataset" or reference.relation == EVALUATED_ON:
                    continue  # allow.data judges training data; evaluation data binds nothing
                dataset = knowledge.dataset(reference.id)
                if dataset is None or not dataset.licence:
                    continue
                ident = knowledge.licence_id(dataset.licence) or dataset.licence
                if ident not in allowed:
                    yield Hit(f"training dataset {reference.id} is under {ident}, which is not in allow.data ({', '.join(ids)})",
                              reference.location, subject=f"data:{reference.id}")


# --- DEC008 -------------------------------------------------------------------------------------


@rule("DEC008", "suppression-without-reason", Severity.WARNING)
def suppression_without_reason(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """An inline suppression that gives no reason or names no known rule; it is not applied.

    ## What it finds
    `modelicense: ignore[...]` comments with nothing after the `]`, with empty brackets, or
    naming a rule id or prefix that does not exist.

    Where suppressions go: in YAML front matter and TOML, `# modelicense: ignore[RULE] reason`
    after the value the finding points at (a trailing comment: that line only), or alone on the
    line directly above it (a key or a list item);
    `# modelicense: ignore-file[RULE] reason` anywhere in the file for findings about the whole
    file. In a Markdown card, `<!-- modelicense: ignore[RULE] reason -->` anywhere in the body
    applies to the whole card. In a source file with an SPDX-License-Identifier, a line comment
    (`#`, `//`, `/* */`) on the header's line or above it. Comments inside fenced code blocks
    are examples, not suppressions. Files that cannot hold comments (LICENSE texts, weights) are
    silenced with `per-file-ignores` or a baseline instead.

    ## Why it matters
    A silenced finding must say why, so that a reviewer can check the reason still holds.

    ## Example
    ```yaml
    license: gpl-3.0  # modelicense: ignore[WGT001]
    ```

    ## How to fix
    ```yaml
    license: gpl-3.0  # modelicense: ignore[WGT001] weights released as a GPL'd part of the program
    ```
    """
    from modelicense.rules import all_rules

    known = [r.id for r in all_rules()]
    for suppression in repository.suppressions:
        unknown = [r for r in suppression.rules if not any(k.startswith(r) for k in known)]
        if not suppression.rules:
            problem = "names no rule"
        elif unknown:
            problem = f"names no known rule ({', '.join(unknown)})"
        elif not suppression.reason:
            problem = f"of {', '.join(suppression.rules)} gives no reason"
        else:
            continue
        yield Hit(f"suppression {problem}; it is not applied", suppression.location,
                  subject=",".join(suppression.rules))
