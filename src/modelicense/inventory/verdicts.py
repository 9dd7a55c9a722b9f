"""The answers users ask of an artefact, from its effective terms: may I use it commercially, and
may I redistribute modified weights — each `yes`, `conditional` (the conditions listed), `no` or
`unknown`, with the chain of reasons, the deciding one first.

Which term kind decides what is a table here (by the kinds of knowledge/kinds.py), not an
if-chain per licence:
- `no`: non-commercial, research-only or academic-only terms (own, inherited or imposed);
- `conditional`: a user or revenue threshold, a territory, registration or permission, use
  restrictions, restrictions on outputs — use is allowed only to some users, places or purposes;
  the duties that come with it (naming, notice) are listed among the conditions;
- `unknown`: nothing declared, a declaration nothing recognises, or a licence whose terms the
  knowledge base does not know (`unknown`, `other`, `cc` without a version, `proprietary`:
  licences.json leaves their properties null; a family whose members all share them, such as
  `openrail`, is known);
- `yes` otherwise (duties such as keeping a notice stay duties: they do not gate use).
"""

from __future__ import annotations

from collections.abc import Iterable

from modelicense.inventory.model import (
    CONDITIONAL,
    NO,
    UNKNOWN,
    YES,
    Artefact,
    EffectiveTerm,
    Reason,
    Verdict,
    first_of_each,
)

FORBID = ("non-commercial", "research-only", "academic-only")
GATE = ("user-threshold", "revenue-threshold", "territory", "registration", "permission-required",
        "use-restriction", "output-restriction")
DUTY_KINDS = ("naming", "notice")
# Terms that condition redistributing modified weights.
_REDISTRIBUTION = ("share-alike", "copyleft", "use-restriction", "naming", "notice", "non-commercial",
                   "research-only", "academic-only", "output-restriction")
_ORDER = {NO: 0, UNKNOWN: 1, CONDITIONAL: 2, YES: 3}


def _say(term: EffectiveTerm) -> str:
    """"non-commercial (own: licence property of cc-by-nc-4.0)"."""
    return f"{term.label} ({term.origin_text}: {term.evidence})"


def _condition(term: EffectiveTerm) -> str:
    """How a condition is listed: its wording (the evidence after a licence id) or its label."""
    words = term.evidence.split(": ", 1)[1] if ": " in term.evidence and not term.evidence.startswith(("says", "reads")) else ""
    text = words or term.label
    return text if term.origin == "own" else f"{text} ({term.origin_text})"


def _unknown_reasons(artefact: Artefact) -> list[Reason]:
    """Why an artefact's terms cannot be known, or [] when they can."""
    if artefact.kind in ("base-model", "runtime-model", "dataset") and not artefact.declared:
        if artefact.licence is None:
            return [Reason(f"{artefact.name}: the knowledge base does not know its licence", artefact.location)]
        return []
    structured = [d for d in artefact.declared if d.confidence != "prose"]
    if not structured:
        return [Reason(f"{artefact.name}: no licence is declared for it")]
    unresolved = [d for d in structured if d.expression is None or d.found_by == "none"]
    if len(unresolved) == len(structured):
        return [Reason(f"{artefact.name}: nothing recognises {d.raw!r}", d.location) for d in unresolved[:2]]
    return []


def _declared_reasons(artefact: Artefact) -> list[Reason]:
    return [Reason(f"{artefact.name}: declared {d.expression or repr(d.raw)} in {d.location.path}", d.location)
            for d in artefact.declared if d.confidence != "prose"][:3]


def commercial(artefact: Artefact, terms_unknown: bool = False) -> Verdict:
    """May the artefact be used commercially, by its effective terms. `terms_unknown`: its licence
    is one whose terms the knowledge base does not know (the builder asks it: `unknown`, `other`,
    `cc` without a version, `proprietary`, a LicenseRef nothing knows)."""
    terms = artefact.terms
    forbid = [t for t in terms if t.kind in FORBID]
    gates = sorted((t for t in terms if t.kind in GATE), key=lambda t: GATE.index(t.kind))
    if forbid:
        return Verdict(NO, (), tuple(Reason(f"{artefact.name}: {_say(t)}", t.location)
                                     for t in _first_each(forbid) + _first_each(gates))
                       + tuple(_declared_reasons(artefact)))
    unknown = _unknown_reasons(artefact)
    if unknown or (artefact.licence is not None and terms_unknown):
        reasons = unknown or [Reason(f"{artefact.name}: {artefact.licence} does not say whether commercial use is allowed")]
        return Verdict(UNKNOWN, (), tuple(reasons) + tuple(_declared_reasons(artefact)))
    if gates:
        duties = [t for t in terms if t.kind in DUTY_KINDS and (": " in t.evidence)]
        conditions = tuple(dict.fromkeys(_condition(t) for t in gates + duties))
        return Verdict(CONDITIONAL, conditions,
                       tuple(Reason(f"{artefact.name}: {_say(t)}", t.location) for t in gates)
                       + tuple(_declared_reasons(artefact)))
    return Verdict(YES, (), tuple(_declared_reasons(artefact))
                   or (Reason(f"{artefact.name}: under {artefact.licence}"),))


def _first_each(terms: Iterable[EffectiveTerm]) -> list[EffectiveTerm]:
    """One term per (kind, source): a licence stated in three files is one reason."""
    return first_of_each(terms, lambda term: (term.kind, term.source))


def worst(verdicts: list[Verdict]) -> Verdict:
    """The answer for several artefacts together: the strictest, with every one's conditions and
    the reasons of those that decide it."""
    if not verdicts:
        return Verdict(UNKNOWN, (), (Reason("nothing in the repository says what it is licensed under"),))
    answer = min((v.answer for v in verdicts), key=lambda a: _ORDER[a])
    conditions = tuple(dict.fromkeys(c for v in verdicts for c in v.conditions)) if answer == CONDITIONAL else ()
    reasons = tuple(dict.fromkeys(r for v in verdicts if v.answer == answer for r in v.reasons))
    return Verdict(answer, conditions, reasons)


def system_commercial(artefacts: tuple[Artefact, ...], is_model: bool) -> Verdict:
    """For a model: its weights' answer (terms of its bases and data included); for software: the
    code's. Either way with the answers of the models the code loads at run time whose licence is
    known: their terms bind whoever runs the code. One whose licence nobody knows is listed as
    `unknown` in the inventory but does not make the whole system unknown."""
    wanted = "weights" if is_model else "code"
    own = [a.commercial for a in artefacts if a.kind == wanted]
    loaded = [a.commercial for a in artefacts if a.kind == "runtime-model" and a.commercial.answer != UNKNOWN]
    return worst(own + loaded) if own else worst(own)


def redistribution(artefacts: tuple[Artefact, ...], is_model: bool) -> Verdict:
    """May modified weights be shared: `no` under no-derivatives terms, `conditional` with what
    sharing asks (the same licence, the use restrictions passed on, naming, notices, only
    non-commercially), `unknown` when the weights' terms are unknown."""
    if not is_model:
        return Verdict(UNKNOWN, (), (Reason("the repository holds no model weights"),))
    weights = [a for a in artefacts if a.kind == "weights"]
    verdicts: list[Verdict] = []
    for artefact in weights:
        nd = [t for t in artefact.terms if t.kind == "no-derivatives"]
        if nd:
            verdicts.append(Verdict(NO, (), tuple(Reason(f"{artefact.name}: {_say(t)}", t.location) for t in _first_each(nd))))
            continue
        if artefact.commercial.answer == UNKNOWN:
            verdicts.append(artefact.commercial)
            continue
        asks = [t for t in artefact.terms if t.kind in _REDISTRIBUTION]
        if not asks:
            verdicts.append(Verdict(YES, (), artefact.commercial.reasons))
            continue
        conditions = tuple(dict.fromkeys(_redistribution_condition(t) for t in asks))
        verdicts.append(Verdict(CONDITIONAL, conditions,
                                tuple(Reason(f"{artefact.name}: {_say(t)}", t.location) for t in _first_each(asks))))
    return worst(verdicts)


def _redistribution_condition(term: EffectiveTerm) -> str:
    suffix = "" if term.origin == "own" else f" ({term.origin_text})"
    wording = {
        "share-alike": "under the same licence",
        "copyleft": "under the same licence, with its source",
        "use-restriction": "with the use restrictions passed on",
        "naming": "named or credited as the licence requires",
        "notice": "with the licence and its notices",
        "non-commercial": "only for non-commercial use",
        "research-only": "only for research",
        "academic-only": "only for academic use",
        "output-restriction": "with the restriction on outputs passed on",
    }[term.kind]
    return wording + suffix
