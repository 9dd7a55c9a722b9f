"""Shared by the WGT and USE families: the licences covering the model for which a property holds,
grouped per licence and model, each group one finding.

What covers what is decided in `modelicense.inventory.coverage`, what a licence expression names
in `modelicense.knowledge.expressions`, and how messages name things in `rules.phrasing`; the
names below are re-exported from there for code written before the move."""

from __future__ import annotations

from dataclasses import field
from typing import Callable, Iterable

from modelicense.fastclass import dataclass
from modelicense.inventory.coverage import (  # noqa: F401  (re-exported)
    LICENCE_FIELDS,
    Pair,
    covered_weight_files,
    group_key,
    has_code,
    in_folder,
    is_licence_file,
    is_test_weight,
    licence_files_covering,
    model_cards,
    model_declarations,
    root_licences,
    ships_weights,
    structured,
    weights_declarations,
)
from modelicense.inventory.read_terms import README, covering_read_terms, quoted
from modelicense.knowledge import Knowledge, Licence
from modelicense.knowledge.expressions import (  # noqa: F401  (re-exported)
    effective_licences,
    holds,
    holds_declared,
    identity,
    licences,
    same_terms,
    usable,
)
from modelicense.knowledge.kinds import by_property, reported_by
from modelicense.model import FileKind, Location, Repository, Resolution, Severity
from modelicense.rules.phrasing import describe_files, licence_label, names, weights_subject  # noqa: F401


# Restrictions a licence can carry that make prose stricter than metadata (DAT008's kinds with a
# licence property: non-commercial, research-only, no-derivatives).
_STRICTER = by_property(reported_by("DAT008"))


def adds_use_terms(named: Resolution, declared: Iterable[Resolution], knowledge: Knowledge) -> bool:
    """The licences `named` names carry a restriction none of the `declared` licences has. DEC004
    leaves exactly this case (prose stricter than metadata, by naming a licence) to DAT008, so the
    two rules neither both report it nor both stay quiet."""
    held = [lic for resolution in declared for lic in licences(resolution, knowledge)]
    return any(getattr(lic, prop) and not any(getattr(m, prop) for m in held)
               for lic in licences(named, knowledge) for prop in (k.licence_property or "" for k in _STRICTER))


@dataclass
class LicenceGroup:
    """Every declaration that puts one licence on one model: one finding, many locations."""

    licence: Licence
    label: str  # how the message names it
    locations: list[Location] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # where the declaring files stand
    files: list[str] = field(default_factory=list)  # the weight files covered (none: the model)

    def hit(self, message: str, related: Iterable[Location] | None = None):
        """The group's finding: at its first declaration, the others related, about its licence."""
        from modelicense.rules import Hit  # the registry module; imported here to keep common.py a leaf

        extra = tuple(self.locations[1:]) if related is None else tuple(related)
        return Hit(message, self.locations[0], extra, subject=self.licence.id)


def model_licence_groups(repository: Repository, knowledge: Knowledge,
                         predicate: Callable[[Licence], bool]) -> list[LicenceGroup]:
    """The licences covering the model for which predicate holds, grouped per licence and model."""
    groups: dict[tuple[str, str], LicenceGroup] = {}
    for artefact, item in model_declarations(repository, knowledge):
        files = covered_weight_files(repository, artefact)
        if item.declaration.scope == "repo" and artefact.kind is FileKind.LICENCE_FILE:
            # A plain LICENSE speaks for the weights only through the weights it stands beside; a
            # software repository's test checkpoints (tests/data/tiny.pt) do not make it a model.
            files = [f for f in files if not is_test_weight(f)]
            if not files and not any(lic.kind == "model" for lic in licences(item.resolution, knowledge)):
                continue
        for licence in holds_declared(artefact, item, knowledge, predicate):
            group = groups.setdefault(group_key(artefact, licence), LicenceGroup(licence, licence_label(item, licence)))
            group.locations.append(item.declaration.location)
            group.folders.append(artefact.directory)
            group.files.extend(f for f in files if f not in group.files)
    return list(groups.values())


def read_term_hits(repository: Repository, knowledge: Knowledge, rule_id: str, says: Callable[[str], str]):
    """One hit per declaration covering the model whose words state terms `rule_id` reports:
    "<the weights> are under terms <read from …>: <terms quoted>: <says(labels)>", at the first
    term's words, the declaration related."""
    from modelicense.rules import Hit  # the registry module; imported here to keep common.py a leaf

    for read, files in covering_read_terms(repository, knowledge):
        terms = read.of_rule(rule_id)
        if not terms:
            continue
        kinds = "+".join(term.kind for term in terms)
        # A README's prose is the least certain statement of terms (no metadata says it): worth
        # knowing, not a reason to block a commit.
        yield Hit(f"{weights_subject(files)} are under terms {read.basis_text()}: {quoted(terms)}: "
                  f"{says(kinds)}", terms[0].location, (read.item.declaration.location,),
                  subject=f"read:{read.artefact.path}:{kinds}" if read.basis != README
                  else f"read:{read.artefact.path}:{read.item.declaration.field}:{kinds}",  # one per section
                  severity=Severity.INFO if read.basis == README else None)
