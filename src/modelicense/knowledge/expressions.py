"""What a resolved licence expression names, and which of its licences' properties bind the user.

Pure lookups over a `Resolution` and the knowledge base: `licences` (the known licences it
names), `holds` (those a property binds, counting a choice `A OR B` as binding only when every
alternative has it), `usable` (safe to compare with another), `same_terms` / `identity`
(comparison modulo -only / -or-later)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from modelicense.knowledge.schema import Licence

if TYPE_CHECKING:
    from modelicense.knowledge.store import Knowledge
    from modelicense.model import Artefact, Resolution, ResolvedDeclaration


def licences(resolution: Resolution, knowledge: Knowledge) -> list[Licence]:
    found = (knowledge.licence(key) for key in resolution.keys)
    return [licence for licence in found if licence is not None]


def holds(resolution: Resolution, knowledge: Knowledge, predicate: Callable[[Licence], bool]) -> list[Licence]:
    """The licences for which predicate holds, counting only what binds the user: with a choice
    (A OR B) the user can pick an alternative, so it holds only if it holds for every
    alternative; otherwise (A AND B, or a single licence) any licence that has it binds."""
    known = licences(resolution, knowledge)
    matching = [licence for licence in known if predicate(licence)]
    if resolution.alternatives and len(matching) < len(known):
        return []
    return matching


def stands_for_licence_name(item: ResolvedDeclaration) -> bool:
    """A card's `license: other`, which Hub cards complete with `license_name` (`tongyi-qianwen`).
    A legacy `other-<name>` value carries its own name instead."""
    return (item.resolution.ignorance == "other" and item.resolution.method != "legacy-other"
            and item.declaration.field in ("license", "licenses"))


def named_licence(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> Licence | None:
    """The licence a card's `license: other` stands for: the one its `license_name` names, when the
    knowledge base knows it; None for any other declaration."""
    if not stands_for_licence_name(item):
        return None
    name = artefact.meta("license_name")
    return knowledge.licence(knowledge.licence_id(name)) if name else None


def effective_licences(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> list[Licence]:
    """The known licences a declaration stands for: those its resolution names, or for a card's
    `license: other` the one its `license_name` names. Every rule and report asks this, not
    `licences()`, of a declaration in an artefact."""
    if stands_for_licence_name(item):
        named = named_licence(artefact, item, knowledge)
        return [named] if named is not None else []
    return licences(item.resolution, knowledge)


def holds_declared(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge,
                   predicate: Callable[[Licence], bool]) -> list[Licence]:
    """`holds` over the declaration's effective licences (`license: other` counts as the licence
    its `license_name` names)."""
    if stands_for_licence_name(item):
        return [lic for lic in effective_licences(artefact, item, knowledge) if predicate(lic)]
    return holds(item.resolution, knowledge, predicate)


def usable(resolution: Resolution, knowledge: Knowledge) -> bool:
    """Names only licences the knowledge base knows, none of them a vague family (`openrail`,
    `cc`) or a statement of ignorance (`other`, `unknown`): safe to compare with another."""
    if not resolution.recognised or resolution.ignorance:
        return False
    known = licences(resolution, knowledge)
    return len(known) == len(resolution.keys) and all(lic.kind not in ("family", "ignorance") for lic in known)


def identity(key: str) -> str:
    """A licence id without its version-choice suffix: a licence TEXT cannot tell GPL-3.0-only
    from GPL-3.0-or-later, so comparisons must not either."""
    lowered = key.lower()
    for suffix in ("-or-later", "-only", "+"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)]
    return lowered


def same_terms(first: Resolution, second: Resolution) -> bool:
    """The two name at least one licence in common (modulo -only / -or-later)."""
    return bool({identity(k) for k in first.keys} & {identity(k) for k in second.keys})
