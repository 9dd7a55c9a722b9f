"""Terms read from words no known licence accounts for: the whole text of a licence nobody
recognises, the words a recognised text adds to its licence (`Resolution.leftover`), a
`license:` value written as a sentence ("cc-by 4.0 (no commercial use)"), the `license_name` of a
card's `license: other` that names no licence modelicense knows ("acme-non-commercial-license"), a
model card's licence prose beyond its metadata, and what a known model licence's text states that
its entry does not record (territory, registration).

A known licence's properties come from the knowledge base; what is read here is what they do not
say. A term the declared licence already has (non-commercial in CC BY-NC) is not read again, so a
rule never reports the same terms twice, once by the licence and once by its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from modelicense.inventory.coverage import covered_weight_files, is_test_weight, model_cards, model_declarations
from modelicense.knowledge import Knowledge
from modelicense.knowledge.expressions import effective_licences, licences, named_licence, stands_for_licence_name
from modelicense.knowledge.kinds import BY_ID
from modelicense.model import Artefact, FileKind, Location, Repository, ResolvedDeclaration, Term

# modelicense.terms is imported where it is used: a hook run on known licences never needs it.

UNKNOWN = "unknown"  # the words are a licence modelicense does not know
ADDED = "added"  # the words add to a licence it knows
PROSE = "prose"  # a card's licence prose adds to the licence its metadata declares
README = "readme"  # a README without card metadata states terms the licences covering the weights do not
KNOWN = "known"  # a known model licence's own text: what its properties do not record
NAME = "name"  # the license_name of a card's `license: other`, a name modelicense does not know
# Bases whose words are prose (a low-confidence declaration): the inventory adds their terms to
# the weights' own; the others are read from the structured declaration itself.
FROM_PROSE = (PROSE, README)

# What a licence's name can say for sure: a name is a few words, so only the terms whose wording
# is the name itself ("non-commercial", "research-only", "academic licence", "no-derivatives");
# use restrictions, territories or thresholds read from a name ("eu-harmless-license") are guesses.
NAME_KINDS = ("non-commercial", "research-only", "academic-only", "no-derivatives")

# Declarations that are not licences: a NOTICE, a use policy (USE001 reports it as one), a
# PATENTS grant, the REUSE library of licence texts.
_NOT_LICENCES = ("notice", "use-policy", "patents")


@dataclass(frozen=True)
class ReadTerms:
    artefact: Artefact
    item: ResolvedDeclaration
    basis: str  # UNKNOWN, ADDED, PROSE, README, NAME or KNOWN
    terms: tuple[Term, ...]
    beside: str = ""  # README: the licences covering the weights, as a message names them

    @property
    def name(self) -> str:
        return self.artefact.path.rpartition("/")[2]

    def of_rule(self, rule_id: str) -> tuple[Term, ...]:
        """The terms `rule_id` reports (terms.json `rules`), one per kind, in text order."""
        from modelicense.terms import rules_of

        seen: dict[str, Term] = {}
        for term in self.terms:
            if rule_id in rules_of(term.kind):
                seen.setdefault(term.kind, term)
        return tuple(seen.values())

    def basis_text(self) -> str:
        """What a message says the terms were read from."""
        declaration = self.item.declaration
        if self.basis == UNKNOWN:
            what = f"the text of {self.name}" if declaration.is_text else f"{declaration.field}: '{declaration.raw.strip()}'"
            return f"read from {what}, not a licence modelicense knows"
        if self.basis == KNOWN:
            return f"read from the text of {self.name} ({self.item.resolution.expression})"
        if self.basis == NAME:
            return "that its license_name says, not a licence modelicense knows"
        if self.basis == README:
            where = (f"a sentence of {self.name}" if declaration.field == "licence sentence"
                     else f"the '{declaration.field}' section of {self.name}")
            beside = f", beyond {self.beside}" if self.beside else ""
            return f"read from {where} (prose in a README without card metadata){beside}"
        if self.basis == PROSE:
            if declaration.field == "licence sentence":
                return f"read from a sentence of {self.name}, beyond the licence its metadata declares"
            return f"read from the '{declaration.field}' section of {self.name}, beyond the licence its metadata declares"
        licence = self.item.resolution.expression or "?"
        if declaration.is_text:
            return f"read from words of {self.name} that {licence} does not contain"
        return f"read from the words '{declaration.raw.strip()}' beside {licence}"


def unrecognised_text(item: ResolvedDeclaration) -> bool:
    """A licence text no detector recognises (no licence, no `unknown`/`other` declared)."""
    resolution = item.resolution
    return item.declaration.is_text and not resolution.keys and resolution.ignorance is None


def read_terms(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> ReadTerms | None:
    """The terms a structured declaration's words state beyond its known licence, or None."""
    declaration, resolution = item.declaration, item.resolution
    if declaration.confidence != "high" or declaration.field in _NOT_LICENCES:
        return None
    if stands_for_licence_name(item):
        return name_terms(artefact, item, knowledge)
    if resolution.ignorance:
        return None
    if unrecognised_text(item) or (not declaration.is_text and resolution.unrecognised and not resolution.keys):
        from modelicense.terms import terms_of

        return ReadTerms(artefact, item, UNKNOWN, terms_of(declaration))
    if declaration.is_text and not resolution.leftover:
        return None
    if not declaration.is_text and len(declaration.raw.split()) <= 1:  # an id is one word
        return None
    from modelicense.terms import read_spans, restrictive, terms_of  # words beside a known licence

    found = (read_spans(declaration.raw, resolution.leftover, declaration.location) if declaration.is_text
             else terms_of(declaration))
    held = licences(resolution, knowledge)
    added = tuple(term for term in restrictive(found) if not _held(term, held))
    return ReadTerms(artefact, item, ADDED, added) if added else None


def name_terms(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> ReadTerms | None:
    """The terms the words of a card's `license_name` state (NAME_KINDS only), for a `license:
    other` whose name the knowledge base does not know. A known name is the stronger match: its
    licence's properties are the terms (`named_licence`), and its words are not read."""
    name = artefact.meta("license_name")
    if not name or not stands_for_licence_name(item) or named_licence(artefact, item, knowledge) is not None:
        return None
    from modelicense.terms import read

    line, column = artefact.meta("license_name@line"), artefact.meta("license_name@column")
    origin = Location(artefact.path, int(line), int(column) if column else None) if line else Location(artefact.path)
    found = read(name, origin, NAME_KINDS)
    return ReadTerms(artefact, item, NAME, found) if found else None


def prose_terms(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> ReadTerms | None:
    """The restrictive terms a card's licence prose states that neither the licences its metadata
    declares nor the licences the prose itself names have (a prose section naming CC BY-NC beside
    `license: apache-2.0` is DEC004's contradiction, not this)."""
    if item.declaration.confidence != "low":
        return None
    held = [licence for other in artefact.declarations if other.declaration.confidence == "high"
            for licence in licences(other.resolution, knowledge)]
    added = _added_by_prose(item, held, knowledge)
    return ReadTerms(artefact, item, PROSE, added) if added else None


def readme_terms(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge, held: list,
                 beside: str) -> ReadTerms | None:
    """The restrictive terms the licence prose of a README without card metadata states about
    what it covers that none of `held` (the licences covering the weights beside it, `beside`
    as a message names them) has: "the weights are released for non-commercial research use
    only" above an Apache-2.0 LICENSE. Terms stated by naming a licence count too ("published
    under CC BY-NC 4.0" above an AGPL LICENSE): without card metadata, DEC004 has nothing to
    compare the prose with, and this is the only place the disagreement shows."""
    if item.declaration.confidence != "low" or item.declaration.scope not in ("weights", "repo"):
        return None
    added = _added_by_prose(item, held, knowledge, count_named=False)
    return ReadTerms(artefact, item, README, added, beside) if added else None


def _added_by_prose(item: ResolvedDeclaration, held: list, knowledge: Knowledge,
                    count_named: bool = True) -> tuple[Term, ...]:
    from modelicense.terms import restrictive, terms_of

    held = held + (licences(item.resolution, knowledge) if count_named else [])
    return tuple(term for term in restrictive(terms_of(item.declaration)) if not _held(term, held))


# Terms the knowledge base has no property for, read from a known model licence's own text
# (Hunyuan's territory, Yi's registration); a known threshold is USE002's, so thresholds are read
# only when the licence records none.
_UNRECORDED = ("territory", "registration")
_THRESHOLDS = ("user-threshold", "revenue-threshold")


def known_text_terms(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> ReadTerms | None:
    """Territory exclusions and registration (and thresholds the licence does not record) read
    from the text of a model licence modelicense recognises (a title-only guess too: the words
    are the text's own)."""
    declaration, resolution = item.declaration, item.resolution
    if not declaration.is_text or declaration.field in _NOT_LICENCES:
        return None
    known = licences(resolution, knowledge)
    if not known or not any(licence.kind == "model" for licence in known):
        return None
    from modelicense.terms import read

    wanted = _UNRECORDED + (() if any(licence.user_threshold for licence in known) else _THRESHOLDS)
    found = read(declaration.raw, declaration.location, wanted)  # only these: a hook reads this text every run
    return ReadTerms(artefact, item, KNOWN, found) if found else None


def _held(term: Term, held: list) -> bool:
    prop = BY_ID[term.kind].licence_property
    return bool(prop) and any(getattr(licence, prop, None) for licence in held)


def quoted(terms: tuple[Term, ...], limit: int = 4) -> str:
    """`non-commercial and research-only ('…', line 3); territory exclusion: European Union ('…',
    line 4)`: the terms with the words that state them, terms stated by the same words together."""
    groups: list[tuple[list[str], Term]] = []
    for term in terms[:limit]:
        named = f": {', '.join(term.values)}" if term.values else ""
        label = BY_ID[term.kind].label + named
        if groups and groups[-1][1].quote == term.quote and groups[-1][1].location.line == term.location.line:
            groups[-1][0].append(label)
        else:
            groups.append(([label], term))
    parts = [f"{' and '.join(labels)} ('{term.quote}', line {term.location.line})" for labels, term in groups]
    more = f" and {len(terms) - limit} more" if len(terms) > limit else ""
    return "; ".join(parts) + more


# --- what covers the model, read once per scan ---------------------------------------------------


def covering_read_terms(repository: Repository, knowledge: Knowledge) -> list[tuple[ReadTerms, list[str]]]:
    """For each declaration covering the model whose words state terms its known licence does
    not, those terms and the weight files it covers: the structured declarations (`read_terms`,
    `known_text_terms`), a model card's licence prose (`prose_terms`) and a README's without
    card metadata (`readme_terms`). Computed once; the WGT and USE rules report them, the
    inventory adds the prose ones to the weights' terms."""
    return list(repository.memo(("covering_read_terms", id(knowledge)),
                                lambda: tuple(_covering_read_terms(repository, knowledge))))


def _covering_read_terms(repository: Repository, knowledge: Knowledge) -> list[tuple[ReadTerms, list[str]]]:
    found: list[tuple[ReadTerms, list[str]]] = []
    for artefact, item in model_declarations(repository, knowledge):
        files = covered_weight_files(repository, artefact)
        if item.declaration.scope == "repo" and artefact.kind is FileKind.LICENCE_FILE:
            # A plain LICENSE speaks for the weights only through the weights beside it; a
            # software repository's test checkpoints (tests/data/tiny.pt) do not make it a model.
            files = [f for f in files if not is_test_weight(f)]
            if not files:
                continue
        read = read_terms(artefact, item, knowledge) or known_text_terms(artefact, item, knowledge)
        if read is not None and read.terms:
            found.append((read, files))
    for card in model_cards(repository):  # what a model card's licence prose adds to its metadata
        for item in card.declarations:
            if item.declaration.scope == "weights":
                read = prose_terms(card, item, knowledge)
                if read is not None:
                    found.append((read, covered_weight_files(repository, card)))
    found.extend(_readme_read_terms(repository, knowledge))
    return found


def _readme_read_terms(repository: Repository, knowledge: Knowledge) -> list[tuple[ReadTerms, list[str]]]:
    """What the licence prose of a README without card metadata says of the weights beside it
    beyond the licences that cover them. A README that covers no weights (a software project)
    is not read: its prose is about code."""
    found: list[tuple[ReadTerms, list[str]]] = []
    for readme in repository.of_kind(FileKind.CARD):
        files = covered_weight_files(repository, readme)
        if not files:
            continue
        covering = [(a, d) for a, d in model_declarations(repository, knowledge)
                    if set(covered_weight_files(repository, a)) & set(files)]
        held = [lic for a, d in covering for lic in effective_licences(a, d, knowledge)]
        beside = ", ".join(dict.fromkeys(f"{d.resolution.expression or ', '.join(d.resolution.keys)} ({a.path})"
                                         for a, d in covering if d.resolution.keys))
        for item in readme.declarations:
            read = readme_terms(readme, item, knowledge, held, beside)
            if read is not None:
                found.append((read, files))
    return found
