"""CMP — code compatibility: licences combined in one distributable that cannot be.

The project's licence (root licence files, packaging metadata) is compared with the licences
of what it contains: SPDX-License-Identifier headers in source files and licence files of
vendored folders. Which pairs conflict is DATA (rules/data/compatibility.json, each pair with
its source); whether a licence is copyleft or restricts use comes from the knowledge base.

Why the pairs live beside this rule and not in the knowledge base: a conflict is a fact about
two licences together, not a property of one, and only this family asks it; the knowledge base
keeps one entry per licence. The table is loaded once, and only when a repository has both a
project licence and a component with its own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache

from modelicense.knowledge import Knowledge
from modelicense.model import FileKind, Repository, Resolution, Severity
from modelicense.rules import Hit, rule
from modelicense.inventory.coverage import Pair, is_licence_file, structured
from modelicense.knowledge.expressions import holds, licences
from modelicense.rules.phrasing import names

# Licence kinds that can govern code. A model or data licence in a nested folder
# (models/llama2/LICENSE) covers weights, not code, and is not combined with the project's code.
CODE_KINDS = ("software", "public-domain")


@lru_cache(maxsize=1)
def incompatible_pairs() -> dict[frozenset[str], tuple[str, str]]:
    """{frozenset({a, b}): (reason, source)} from the data file."""
    # A plain file read: importlib.resources costs more to import than the read itself.
    with open(os.path.join(os.path.dirname(__file__), "data", "compatibility.json"), encoding="utf-8") as handle:
        text = handle.read()
    table: dict[frozenset[str], tuple[str, str]] = {}
    for entry in json.loads(text)["incompatible"]:
        first, second = entry["licences"]
        table[frozenset((first.lower(), second.lower()))] = (entry["reason"], entry["source"])
    return table


def project_licences(repository: Repository) -> list[Pair]:
    """What the project as a whole is declared under: root licence files for the repository or
    its code, and root packaging metadata. (Three rules ask: computed once per scan.)"""
    return list(repository.memo("project_licences", lambda: tuple(_project_licences(repository))))


def _project_licences(repository: Repository) -> list[Pair]:
    found: list[Pair] = []
    for artefact, item in structured(repository.declarations("repo", "code")):
        if "/" in artefact.path or not item.resolution.recognised or item.resolution.ignorance:
            continue
        if is_licence_file(artefact, item) or artefact.kind is FileKind.PACKAGING:
            found.append((artefact, item))
    return found


def components(repository: Repository, knowledge: Knowledge) -> list[Pair]:
    """Parts with a licence of their own: SPDX headers, and licence files of nested folders
    when they are code licences. (Computed once per scan and knowledge base.)"""
    return list(repository.memo(("components", id(knowledge)), lambda: tuple(_components(repository, knowledge))))


def _components(repository: Repository, knowledge: Knowledge) -> list[Pair]:
    found: list[Pair] = []
    for artefact, item in repository.declarations("repo", "code"):
        resolution = item.resolution
        if not resolution.recognised or resolution.ignorance:
            continue
        if artefact.kind is FileKind.SOURCE:
            found.append((artefact, item))
        elif "/" in artefact.path and is_licence_file(artefact, item):
            if all(lic.kind in CODE_KINDS for lic in licences(resolution, knowledge)):
                found.append((artefact, item))
    return found


def _choices(keys: tuple[str, ...], alternatives: bool) -> list[tuple[str, ...]]:
    """Each set of licences a user may end up bound by: one per alternative for A OR B."""
    keys = tuple(k.lower() for k in keys)
    return [(k,) for k in keys] if alternatives else [keys]


def conflict(first: Resolution, second: Resolution) -> tuple[str, str, str, str] | None:
    """(licence a, licence b, reason, source) when every choice of the two conflicts, else None."""
    # A repository of 100,000 SPDX headers asks this of a handful of distinct licence pairs.
    return _conflict(first.keys, first.alternatives, second.keys, second.alternatives)


@lru_cache(maxsize=4096)
def _conflict(first_keys: tuple[str, ...], first_alternatives: bool, second_keys: tuple[str, ...],
              second_alternatives: bool) -> tuple[str, str, str, str] | None:
    table = incompatible_pairs()
    found: tuple[str, str, str, str] | None = None
    for one in _choices(first_keys, first_alternatives):
        for other in _choices(second_keys, second_alternatives):
            hit = next(((a, b, *table[frozenset((a, b))]) for a in one for b in other if frozenset((a, b)) in table), None)
            if hit is None:
                return None  # this combination of choices works
            found = found or hit
    return found


def _certain(pair: Pair, key: str, other: Resolution) -> bool:
    """A licence TEXT cannot say "-only": a GPL-2.0-only read from a text may be -or-later.
    Certain when the -or-later reading conflicts too, or the licence was an explicit id."""
    if not pair[1].declaration.is_text or not key.endswith("-only"):
        return True
    later = Resolution(None, keys=(key[: -len("-only")] + "-or-later",))
    return conflict(later, other) is not None


@rule("CMP001", "incompatible-licences", Severity.ERROR)
def incompatible_licences(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Code under licences that cannot be combined in one distributable.

    ## What it finds
    A source file's SPDX-License-Identifier, or the licence file of a vendored folder, whose
    licence conflicts with the project's (root licence file, packaging metadata) according to
    modelicense's compatibility table: GPL-2.0-only with Apache-2.0 or with GPL-3.0, GPL with
    CDDL, EPL 1.0, MPL 1.1, the 4-clause BSD licence or the JSON licence, GPL with
    non-commercial terms. Each pair in the table cites the FSF's licence list or the GPL FAQ.
    With a choice (A OR B), only a conflict with every choice is reported.

    Severity: error; warning when one side is a licence text that cannot tell GPL-2.0-only from
    GPL-2.0-or-later and only the -only reading conflicts.

    ## Why it matters
    Nobody can distribute the combination: each licence requires conditions the other forbids.
    The project as published is not licensable as a whole.

    ## Example
    An Apache-2.0 project (LICENSE) containing a file that starts with
    `# SPDX-License-Identifier: GPL-2.0-only`.

    ## How to fix
    Replace or remove the component, obtain it under a compatible licence (GPL-2.0-or-later
    works with Apache-2.0), or keep it out of the distributed work (a separate program).
    """
    project = project_licences(repository)
    for component in components(repository, knowledge):
        for whole in project:
            if whole[0].path == component[0].path:
                continue
            found = conflict(component[1].resolution, whole[1].resolution)
            if found is None:
                continue
            a, b, reason, source = found
            certain = _certain(component, a, whole[1].resolution) and _certain(whole, b, component[1].resolution)
            yield Hit(f"{component[0].path} is under {names(component[1].resolution)}, which cannot be combined with "
                      f"the project's {names(whole[1].resolution)} ({whole[0].path}): {reason} ({source})",
                      component[1].declaration.location, related=(whole[1].declaration.location,),
                      subject=f"{names(component[1].resolution)}:{names(whole[1].resolution)}",
                      severity=None if certain else Severity.WARNING)


def _permissive(resolution: Resolution, knowledge: Knowledge) -> bool:
    known = licences(resolution, knowledge)
    return bool(known) and all(lic.kind in CODE_KINDS and lic.copyleft == "none" for lic in known)


@rule("CMP002", "copyleft-in-permissive-project", Severity.WARNING)
def copyleft_in_permissive_project(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Strong or network copyleft code inside a project declared under a permissive licence.

    ## What it finds
    A source file's SPDX header or a vendored folder's licence file under a strong (GPL) or
    network (AGPL) copyleft licence, in a project whose every declared licence is permissive
    (MIT, Apache-2.0, BSD ...). Weak copyleft (LGPL, MPL) works file by file and is not reported;
    neither is a choice that offers a permissive alternative (GPL-2.0-only OR MIT).

    ## Why it matters
    Whoever distributes the project with that code must distribute the whole under the copyleft
    licence; users who trust the permissive licence at the root will not.

    ## Example
    An MIT project with `third_party/parser/LICENSE` containing the GPL v3 text.

    ## How to fix
    Declare the project's real terms (the copyleft licence for the combined work), replace the
    component, or keep it a separate, optional program.
    """
    project = [pair for pair in project_licences(repository) if _permissive(pair[1].resolution, knowledge)]
    if not project or len(project) != len(project_licences(repository)):
        return
    shown = ", ".join(sorted({names(item.resolution) for _, item in project}))
    for artefact, item in components(repository, knowledge):
        strong = holds(item.resolution, knowledge, lambda lic: lic.copyleft in ("strong", "network") and lic.kind in CODE_KINDS)
        if not strong or any(conflict(item.resolution, whole.resolution) for _, whole in project):
            continue  # CMP001 reports pairs that cannot be combined at all
        yield Hit(f"{artefact.path} is under {names(item.resolution)} ({strong[0].copyleft} copyleft) in a project declared "
                  f"{shown}: distributing them together puts the whole under {strong[0].id}",
                  item.declaration.location, related=tuple(i.declaration.location for _, i in project[:2]),
                  subject=f"{names(item.resolution)}:{shown}")


@rule("CMP003", "restricted-code-in-open-project", Severity.WARNING)
def restricted_code_in_open_project(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Code under non-commercial, research-only or no-derivatives terms in an open-source project.

    ## What it finds
    A source file's SPDX header, or a vendored code folder's licence file, whose licence restricts
    use (non-commercial, research-only) or forbids derivatives, in a project whose declared
    licence is OSI-approved.

    ## Why it matters
    The project cannot be used for any purpose, as its open-source licence promises, while it
    contains that code: the restriction travels with it.

    ## Example
    An Apache-2.0 project with a file headed `SPDX-License-Identifier: CC-BY-NC-4.0`.

    ## How to fix
    Replace the component or move it out of the distributed project, or declare the project's
    real terms.
    """
    project = project_licences(repository)
    if not project or not all(all(lic.osi for lic in licences(i.resolution, knowledge)) for _, i in project):
        return
    shown = ", ".join(sorted({names(item.resolution) for _, item in project}))
    for artefact, item in components(repository, knowledge):
        restricted = holds(item.resolution, knowledge, lambda lic: bool(lic.restricts_use or lic.no_derivatives))
        if not restricted or any(conflict(item.resolution, whole.resolution) for _, whole in project):
            continue
        yield Hit(f"{artefact.path} is under {names(item.resolution)}, which restricts use or derivatives, in a project "
                  f"declared {shown}", item.declaration.location, related=(project[0][1].declaration.location,),
                  subject=f"{names(item.resolution)}:{shown}")

