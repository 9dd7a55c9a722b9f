"""Build the inventory from a resolved Repository: once per scan (`inventory_of` is memoised on
the repository), pure, no I/O beyond the knowledge base's data files.

What covers what comes from `inventory.coverage` (the weights' and the code's declarations),
datasets from `inventory.data`, base models from `lineage` (never re-derived here); what a licence
asks comes from its properties (licences.json), its conditions in its own words
(conditions.json) and the terms read from the repository's texts (`ResolvedDeclaration.terms`).
The verdicts are in `inventory.verdicts`, openness in `inventory.openness`.
"""

from __future__ import annotations

from collections.abc import Iterable

from modelicense import lineage
from modelicense.inventory import verdicts
from modelicense.inventory.coverage import (
    LICENCE_FOLDERS,
    Pair,
    has_code,
    is_test_weight,
    model_cards,
    model_declarations,
    scope_declarations,
)
from modelicense.inventory.data import DataSources, LocalData, data_sources, dataset_licences, dataset_terms, effective_terms
from modelicense.inventory.read_terms import FROM_PROSE, README, covering_read_terms, name_terms
from modelicense.inventory.model import (
    IMPOSED,
    INHERITED,
    OWN,
    UNKNOWN,
    Artefact,
    DeclaredLicence,
    Duty,
    EffectiveTerm,
    Inventory,
    Reason,
    Verdict,
    first_of_each,
)
from modelicense.knowledge import Dataset, Knowledge, Licence, Model
from modelicense.knowledge.conditions import conditions_of
from modelicense.knowledge.expressions import effective_licences, holds_declared, named_licence
from modelicense.knowledge.kinds import BY_ID, TERM_KINDS, by_property, duty_kinds
from modelicense.model import Artefact as FileArtefact
from modelicense.model import EVALUATED_ON, Location, Reference, Repository, ResolvedDeclaration, Term

_RAW_LIMIT = 160  # characters of a declaration shown as written
# A dataset's relation to the model: trained on it (a card's `datasets:`, a weight file's
# metadata), evaluated on it (a card's `model-index:` results), or only in the repository.
TRAINED_ON, SHIPPED = "trained-on", "shipped"
# Terms of training data that bind a model trained on it (freedom 0: knowledge/kinds.py).
_DATA_BINDS = tuple(kind.id for kind in TERM_KINDS if kind.restricts_use)


def inventory_of(repository: Repository, knowledge: Knowledge) -> Inventory:
    """The repository's inventory, built once per repository and knowledge base."""
    return repository.memo(("inventory", id(knowledge)), lambda: build(repository, knowledge))


def build(repository: Repository, knowledge: Knowledge) -> Inventory:
    weights = _weights(repository, knowledge)
    is_model = bool(weights)
    extra: dict[str, list[EffectiveTerm]] = {w.name: [] for w in weights}
    duties: dict[str, list[Duty]] = {w.name: [] for w in weights}
    folders = _folders_of(weights)
    bases = _base_models(repository, knowledge, folders, extra, duties)
    datasets = _datasets(data_sources(repository, knowledge), knowledge, folders, extra)
    weights = [_finish(w, extra[w.name], duties[w.name], knowledge) for w in weights]
    code = _code(repository, knowledge)
    docs = _docs(repository, knowledge)
    loaded = _runtime_models(repository, knowledge)
    artefacts = tuple(code + weights + datasets + bases + loaded + docs + list(_runtime(repository)))
    inventory = Inventory(
        root=repository.root,
        is_model=is_model,
        artefacts=artefacts,
        commercial=verdicts.system_commercial(artefacts, is_model),
        redistribution=verdicts.redistribution(artefacts, is_model),
    )
    from modelicense.inventory.openness import assess  # noqa: PLC0415  (a leaf with its own data file)

    return _with_openness(inventory, assess(inventory, repository, knowledge))


def _with_openness(inventory: Inventory, openness) -> Inventory:
    from dataclasses import replace

    return replace(inventory, openness=openness)


# --- declarations and terms -------------------------------------------------------------------


def declared(item: ResolvedDeclaration) -> DeclaredLicence:
    decl, resolution = item.declaration, item.resolution
    raw = decl.raw.strip()
    if decl.is_text:
        raw = next((line.strip() for line in raw.splitlines() if line.strip()), "")
    raw = " ".join(raw.split())
    if len(raw) > _RAW_LIMIT:
        raw = raw[:_RAW_LIMIT - 1] + "…"
    confidence = "prose" if decl.confidence == "low" else resolution.confidence
    return DeclaredLicence(resolution.expression, raw, decl.location, decl.field, resolution.method, confidence)


def licence_terms(licence: Licence, origin: str, source: str, location: Location | None = None,
                  kinds: Iterable[str] | None = None) -> list[EffectiveTerm]:
    """The terms a known licence has: by its properties, each told in the licence's own words
    when conditions.json has them, and the conditions no property records (territory,
    registration, output restrictions)."""
    wanted = set(kinds) if kinds is not None else None
    worded = {}
    for condition in conditions_of(licence.id):
        worded.setdefault(condition.kind, []).append(condition)
    found: list[EffectiveTerm] = []
    have = [kind.id for kind in by_property() if getattr(licence, kind.licence_property or "", None)]
    if licence.is_copyleft:
        have.append("copyleft")
    have += [kind for kind in worded if kind not in have]
    for kind_id in have:
        if wanted is not None and kind_id not in wanted:
            continue
        kind = BY_ID[kind_id]
        for condition in worded.get(kind_id, ()) or (None,):
            if condition is None:
                evidence = f"licence property of {licence.id}"
                if kind_id == "copyleft":
                    evidence = f"{licence.id} is {licence.copyleft} copyleft"
                found.append(EffectiveTerm(kind_id, kind.label, origin, source, evidence, (), location))
            else:
                found.append(EffectiveTerm(kind_id, kind.label, origin, source, f"{licence.id}: {condition.wording}",
                                           condition.values, location))
    return found


def _read_terms(item: ResolvedDeclaration, source: str) -> list[EffectiveTerm]:
    """The terms the terms reader (modelicense.terms) reads in a declaration's words, with their
    quotes: the whole words of a text nothing recognised for sure, only what a recognised text
    adds to its licence (the match's leftover), and a short value or prose section whole."""
    from modelicense.terms import read_spans, terms_of

    resolution = item.resolution
    if item.terms:
        terms = item.terms
    elif item.declaration.is_text and resolution.keys and resolution.certain:
        terms = read_spans(item.declaration.raw, resolution.leftover, item.declaration.location)
    else:
        terms = terms_of(item.declaration)
    return [_own_words(term, source, f"reads {term.quote!r}") for term in terms]


def _own_words(term: Term, source: str, evidence: str) -> EffectiveTerm:
    """A term read in the artefact's own declarations (a text, a license_name, licence prose)."""
    label = BY_ID[term.kind].label if term.kind in BY_ID else term.kind
    return EffectiveTerm(term.kind, label, OWN, source, evidence, term.values, term.location)


def _own_terms(pairs: list[Pair], knowledge: Knowledge) -> list[EffectiveTerm]:
    """The terms a set of declarations puts on what they cover: each property a declaration binds
    (a choice `A OR B` binds only what every alternative has: `holds_declared`), the conditions
    and copyleft of a licence declared without a choice, and the words read from them."""
    found: list[EffectiveTerm] = []
    for artefact, item in pairs:
        if item.declaration.confidence != "high":
            continue
        location = item.declaration.location
        for kind in by_property():
            prop = kind.licence_property or ""
            for licence in holds_declared(artefact, item, knowledge, lambda lic, p=prop: bool(getattr(lic, p, None))):
                found += licence_terms(licence, OWN, licence.id, location, {kind.id})
        if not item.resolution.alternatives:
            for licence in effective_licences(artefact, item, knowledge):
                unpropertied = {"copyleft"} | {c.kind for c in conditions_of(licence.id)
                                               if not BY_ID[c.kind].licence_property}
                found += licence_terms(licence, OWN, licence.id, location, unpropertied)
        known = {t.kind for t in found if t.location == location}
        # Words read that a known licence's entry already states are its evidence, not new terms.
        found += [t for t in _read_terms(item, item.resolution.expression or artefact.path) if t.kind not in known]
        named = name_terms(artefact, item, knowledge)  # `license: other` + a license_name nobody knows
        found += [_own_words(t, artefact.path, f"license_name says {t.quote!r}")
                  for t in (named.terms if named is not None else ())]
    return _unique(found)


def _unique(terms: list[EffectiveTerm]) -> list[EffectiveTerm]:
    seen: set[tuple] = set()
    kept = []
    for term in terms:
        key = (term.kind, term.origin, term.source, term.evidence)
        if key not in seen:
            seen.add(key)
            kept.append(term)
    return kept


def _expression(pairs: list[Pair], knowledge: Knowledge) -> str | None:
    """The artefact's licence as one expression: each distinct declared expression, ANDed
    (several files that all cover it all bind); a card's `license: other` is the licence its
    `license_name` names when the knowledge base knows it (`qwen`), as every rule reads it."""
    found = list(dict.fromkeys(_declared_expression(a, d, knowledge) for a, d in pairs
                               if d.resolution.expression and d.declaration.confidence == "high"))
    if not found:
        return None
    return found[0] if len(found) == 1 else " AND ".join(f"({e})" if " " in e else e for e in found)


def _declared_expression(artefact: FileArtefact, item: ResolvedDeclaration, knowledge: Knowledge) -> str:
    named = named_licence(artefact, item, knowledge)
    return named.id if named is not None else item.resolution.expression or ""


def licence_duties(licence: Licence, owed_to: str, terms: list[EffectiveTerm] | None = None) -> list[Duty]:
    """What a licence asks users to do, in its words: naming, notice, the use policy to pass on."""
    duties: list[Duty] = []
    worded = {c.kind: c for c in conditions_of(licence.id)}
    if "naming" in worded or licence.naming:
        condition = worded.get("naming")
        duties.append(Duty("naming", condition.wording if condition else "name or credit it as the licence requires",
                           owed_to, condition.source if condition else licence.source))
    if "notice" in worded or licence.attribution:
        condition = worded.get("notice")
        duties.append(Duty("notice", condition.wording if condition else
                           "keep the copyright and licence notices (and a copy of the licence) with every copy",
                           owed_to, condition.source if condition else licence.source))
    if licence.use_restrictions:
        duties.append(Duty("use-policy", "pass the use restrictions on to anyone you give the model or a derivative "
                           "(the licence or its use policy says so)", owed_to, licence.source))
    if licence.share_alike or licence.is_copyleft:
        duties.append(Duty("same-licence", f"share modified versions under {licence.id}", owed_to, licence.source))
    return duties


# --- weights ----------------------------------------------------------------------------------


def _model_folder(artefact: FileArtefact) -> str:
    """The folder a declaring file speaks for: its own, or the one above a folder of licence texts."""
    folder = artefact.directory
    if folder.rpartition("/")[2].lower() in LICENCE_FOLDERS:
        folder = folder.rpartition("/")[0]
    return folder


def _weights(repository: Repository, knowledge: Knowledge) -> list[Artefact]:
    """One weights artefact per model folder: a folder with a model card, weight files (not test
    inputs) or declarations that cover a model. A folder with none of its own declarations below
    another model folder is part of it (its weights are covered from above)."""
    declarations = model_declarations(repository, knowledge)
    own: dict[str, list[Pair]] = {}
    for artefact, item in declarations:
        own.setdefault(_model_folder(artefact), []).append((artefact, item))
    candidates = set(own)
    candidates |= {card.directory for card in model_cards(repository)}
    shipped = [w for w in repository.weight_files if not is_test_weight(w.path)]
    candidates |= {w.directory for w in shipped}
    # Folders above a folder, walked upwards (depth, not the number of folders: a scan stays linear).
    kept = sorted(f for f in candidates if f in own or not any(g in candidates for g in _above(f)))
    kept_set = set(kept)
    files: dict[str, list[str]] = {}
    for weight in shipped:  # each weight file belongs to the deepest kept folder that holds it
        holder = next((g for g in (weight.directory, *_above(weight.directory)) if g in kept_set), None)
        if holder is not None:
            files.setdefault(holder, []).append(weight.path)
    prose = _prose_terms(repository, knowledge, kept_set)
    found: list[Artefact] = []
    for folder in kept:
        pairs = own.get(folder, [])
        paths = tuple(files.get(folder, ()))
        name = "weights" if not folder else f"weights ({folder}/)"
        stated, said_by = prose.get(folder, ([], []))
        found.append(Artefact(
            kind="weights", name=name, paths=paths, declared=tuple(declared(d) for _a, d in pairs) + tuple(said_by),
            licence=_expression(pairs, knowledge), terms=tuple(_unique(_own_terms(pairs, knowledge) + stated)),
            properties=(("folder", folder or "."),),
        ))
        # known-licence duties of the weights' own licences
        own_duties = []
        for artefact, item in pairs:
            if item.declaration.confidence == "high":
                for licence in effective_licences(artefact, item, knowledge):
                    own_duties += licence_duties(licence, licence.id)
        found[-1] = _replace(found[-1], duties=tuple(_unique_duties(own_duties)))
    return found


def _prose_terms(repository: Repository, knowledge: Knowledge,
                 folders: set[str]) -> dict[str, tuple[list[EffectiveTerm], list[DeclaredLicence]]]:
    """Per model folder, the terms licence prose states beyond the licences declared for the
    weights (a card's "## License: for non-commercial research use only" under `license:
    apache-2.0`; a README without card metadata naming CC BY-NC beside the weights), and the prose
    declarations that state them. The same terms WGT002 and USE001 report: prose is the weakest
    statement of terms, but it is the publisher's, so the answers users read count it."""
    found: dict[str, tuple[list[EffectiveTerm], list[DeclaredLicence]]] = {}
    for read, _files in covering_read_terms(repository, knowledge):
        if read.basis not in FROM_PROSE:
            continue
        folder = _model_folder(read.artefact)
        holder = next((g for g in (folder, *_above(folder)) if g in folders), None)
        if holder is None:
            continue
        terms, said_by = found.setdefault(holder, ([], []))
        how = "licence prose without card metadata" if read.basis == README else "licence prose"
        terms += [_own_words(t, read.artefact.path, f"reads {t.quote!r} ({how})") for t in read.terms]
        if declared(read.item) not in said_by:
            said_by.append(declared(read.item))
    return found


def _judged(artefact: Artefact, knowledge: Knowledge) -> Artefact:
    """The artefact with its commercial-use answer (inventory.verdicts)."""
    return _replace(artefact, commercial=verdicts.commercial(artefact, _terms_unknown(artefact.licence, knowledge)))


def _terms_unknown(expression: str | None, knowledge: Knowledge) -> bool:
    """Every licence the expression names is one whose terms are not known: unknown to the
    knowledge base, or an entry that leaves `non_commercial` null (licences.json: `unknown`,
    `other`, `cc` without a version, `proprietary`). A family whose every member has the same
    properties (`openrail`, `bsd`, `gpl`) is known."""
    if not expression:
        return False
    names = [p for p in expression.replace("(", " ").replace(")", " ").split() if p not in ("AND", "OR", "WITH")]
    known = [knowledge.licence(name) for name in names]
    return bool(names) and all(licence is None or licence.non_commercial is None for licence in known)


def _replace(artefact: Artefact, **changes) -> Artefact:
    from dataclasses import replace

    return replace(artefact, **changes)


def _unique_duties(duties: Iterable[Duty]) -> list[Duty]:
    return first_of_each(duties, lambda duty: (duty.id, duty.wording))


def _folders_of(weights: list[Artefact]) -> dict[str, str]:
    """The model folder each weights artefact stands for ("" for the root) -> its name."""
    return {"" if dict(w.properties)["folder"] == "." else dict(w.properties)["folder"]: w.name for w in weights}


def _weights_for(path_folder: str, folders: dict[str, str]) -> str | None:
    """The weights artefact (by name) that a file in `path_folder` speaks for: the deepest model
    folder that holds it."""
    return next((folders[g] for g in (path_folder, *_above(path_folder)) if g in folders), None)


def _above(folder: str) -> list[str]:
    """The folders above `folder`, nearest first, the root ("") last; [] for the root."""
    if not folder:
        return []
    parts = folder.split("/")
    return ["/".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)] + [""]


def _finish(weights: Artefact, extra: list[EffectiveTerm], duties: list[Duty], knowledge: Knowledge) -> Artefact:
    terms = list(weights.terms) + _unique(extra)
    all_duties = _unique_duties(list(weights.duties) + duties)
    finished = _replace(weights, terms=tuple(terms), duties=tuple(all_duties))
    return _replace(_judged(finished, knowledge), own_commercial=_judged(weights, knowledge).commercial)


# --- base models ------------------------------------------------------------------------------


def _base_models(repository: Repository, knowledge: Knowledge, folders: dict[str, str],
                 extra: dict[str, list[EffectiveTerm]], duties: dict[str, list[Duty]]) -> list[Artefact]:
    index = lineage.index(repository)
    found: dict[tuple[str, str], Artefact] = {}
    for model in lineage.models(repository):
        owner = _weights_for(model.directory, folders)
        for base in lineage.bases(model, index):
            key = (base.id.lower(), owner or "")
            if key in found:
                continue
            entry = knowledge.model(base.id)
            licence = knowledge.licence(entry.licence) if entry else None
            terms = _known_model_terms(entry, licence)
            base_duties = _base_duties(entry, licence, base.id)
            artefact = Artefact(kind="base-model", name=base.id, relation=base.relation, of=owner,
                                location=base.location, licence=_known_id(entry, licence),
                                terms=tuple(terms), duties=tuple(base_duties),
                                known_as=entry.source if entry else None,
                                properties=(("stated-by", base.source.value),))
            found[key] = _judged(artefact, knowledge)
            if owner is not None and licence is not None:
                extra[owner] += licence_terms(licence, INHERITED, base.id, base.location)
                duties[owner] += base_duties
    return list(found.values())


def _known_id(entry: Model | None, licence: Licence | None) -> str | None:
    """A known model's licence as the knowledge base names it (an override's `cc-by-nc-4.0` is
    CC-BY-NC-4.0), or as its entry writes it when the licence itself is unknown."""
    return licence.id if licence else (entry.licence if entry else None)


def _known_model_terms(entry: Model | None, licence: Licence | None,
                       location: Location | None = None) -> list[EffectiveTerm]:
    """A known model's own terms: its licence's, and those its models.json entry records as
    duties on derivatives (`non-commercial`) where the licence's entry is silent; `location`:
    where the repository names the model, when its terms are to stand there."""
    if entry is None or licence is None:
        return []
    terms = licence_terms(licence, OWN, licence.id, location)
    for kind in duty_kinds(entry.duties):
        if not any(t.kind == kind.id for t in terms):
            terms.append(EffectiveTerm(kind.id, kind.label, OWN, entry.id, f"the knowledge base's entry for {entry.id}",
                                       (), location))
    return terms


def _runtime_models(repository: Repository, knowledge: Knowledge) -> list[Artefact]:
    """The models the code loads at run time (lineage.runtime_models), each once, with the files
    that load it and what the knowledge base knows of its licence and terms. They are not the
    weights' bases: their terms bind whoever runs the code, not the weights
    (verdicts.system_commercial weighs the known ones). No duties: the code downloads the model,
    it does not redistribute it, and a derivative's duties (licence copy, notice) bind only that."""
    loaders: dict[str, list[str]] = {}
    for source, reference in lineage.runtime_loads(repository):
        files = loaders.setdefault(reference.id.lower(), [])
        if source.path not in files:
            files.append(source.path)
    found: list[Artefact] = []
    for model in lineage.runtime_models(repository):
        entry = knowledge.model(model.id)
        licence = knowledge.licence(entry.licence) if entry else None
        artefact = Artefact(kind="runtime-model", name=model.id, paths=tuple(loaders.get(model.id.lower(), ())),
                            relation=model.relation, of="code", location=model.location,
                            licence=_known_id(entry, licence), terms=tuple(_known_model_terms(entry, licence, model.location)),
                            known_as=entry.source if entry else None)
        found.append(_judged(artefact, knowledge))
    return found


def _base_duties(entry: Model | None, licence: Licence | None, base_id: str) -> list[Duty]:
    """What a derivative owes its base: the duties its models.json entry records, worded by its
    licence where conditions.json words them, else by duties.json."""
    if entry is None:
        return []
    from modelicense.knowledge.duties import duty_evidence

    worded = {c.kind: c for c in conditions_of(licence.id)} if licence else {}
    evidence = duty_evidence()
    found: list[Duty] = []
    for duty in entry.duties:
        condition = worded.get(duty)
        if condition is not None:
            found.append(Duty(duty, condition.wording, base_id, condition.source))
        elif duty in evidence:
            found.append(Duty(duty, evidence[duty].wanted, base_id, entry.source))
    return found


# --- datasets ---------------------------------------------------------------------------------


def _datasets(sources: DataSources, knowledge: Knowledge, folders: dict[str, str],
              extra: dict[str, list[EffectiveTerm]]) -> list[Artefact]:
    found: list[Artefact] = []
    seen: set[tuple[str, str | None]] = set()
    for reference, dataset in sources.known:
        owner = _weights_for(reference.location.path.rpartition("/")[0], folders)
        if (dataset.id.lower(), owner) in seen:
            continue
        seen.add((dataset.id.lower(), owner))
        terms = _known_dataset_terms(dataset, knowledge, reference)
        artefact = _dataset(reference, owner, dataset.licence, terms, dataset.source, _dataset_facts(dataset), knowledge)
        found.append(artefact)
        _impose(artefact, owner, extra)
    for reference in sources.unknown:
        owner = _weights_for(reference.location.path.rpartition("/")[0], folders)
        if (reference.id.lower(), owner) in seen:
            continue
        seen.add((reference.id.lower(), owner))
        found.append(_dataset(reference, owner, None, [], None, (), knowledge))
    for item in sources.local:
        found.append(_local_dataset(item, knowledge, folders, extra))
    for reference, dataset in sources.evaluated:  # after the training data: trained-on wins
        owner = _weights_for(reference.location.path.rpartition("/")[0], folders)
        keys = {(reference.id.lower(), owner)} | ({(dataset.id.lower(), owner)} if dataset is not None else set())
        if keys & seen:
            continue
        seen |= keys
        # Its terms are its own: evaluating on data does not pass them to the model (no _impose).
        if dataset is None:
            found.append(_dataset(reference, owner, None, [], None, (), knowledge, EVALUATED_ON))
        else:
            found.append(_dataset(reference, owner, dataset.licence, _known_dataset_terms(dataset, knowledge, reference),
                                  dataset.source, _dataset_facts(dataset), knowledge, EVALUATED_ON))
    return found


def _dataset(reference: Reference, owner: str | None, licence: str | None, terms: list[EffectiveTerm],
             known_as: str | None, facts: tuple[tuple[str, str], ...], knowledge: Knowledge,
             relation: str = TRAINED_ON) -> Artefact:
    artefact = Artefact(kind="dataset", name=reference.id, relation=relation, of=owner, location=reference.location,
                        licence=licence, terms=tuple(terms), known_as=known_as, properties=facts)
    return _judged(artefact, knowledge)


def _dataset_facts(dataset: Dataset) -> tuple[tuple[str, str], ...]:
    facts = []
    if dataset.web_crawl:
        facts.append(("web-crawl", "yes"))
    if dataset.third_party_content:
        facts.append(("third-party-content", "yes"))
    if dataset.provider_terms:
        facts.append(("provider-terms", dataset.provider_terms))
    return tuple(facts)


def _known_dataset_terms(dataset: Dataset, knowledge: Knowledge, reference: Reference) -> list[EffectiveTerm]:
    found: list[EffectiveTerm] = []
    for licence in dataset_licences(dataset, knowledge):
        found += licence_terms(licence, OWN, licence.id)
    for kind, source in dataset_terms(dataset, knowledge).items():
        if not any(t.kind == kind for t in found):
            label = BY_ID[kind].label if kind in BY_ID else kind
            found.append(EffectiveTerm(kind, label, OWN, dataset.id,
                                       "the knowledge base's entry for it" if source == "its terms"
                                       else f"licence property of {source}"))
    return found


def _local_dataset(item: LocalData, knowledge: Knowledge, folders: dict[str, str],
                   extra: dict[str, list[EffectiveTerm]]) -> Artefact:
    pairs = [(item.artefact, d) for d in item.metadata]
    terms = _own_terms(pairs, knowledge)
    for kind, (evidence, location, _from_prose) in effective_terms(item, knowledge).items():
        if not any(t.kind == kind for t in terms):
            label = BY_ID[kind].label if kind in BY_ID else kind
            terms.append(EffectiveTerm(kind, label, OWN, item.name, evidence, (), location))
    user = item.users[0] if item.users else None
    naming = user or (item.evaluators[0] if item.evaluators else None)
    owner = _weights_for(naming.location.path.rpartition("/")[0], folders) if naming else None
    name = item.artefact.directory or item.artefact.path
    relation = TRAINED_ON if user else EVALUATED_ON if naming else SHIPPED
    artefact = Artefact(kind="dataset", name=name, paths=(item.artefact.path,),
                        relation=relation, of=owner,
                        location=naming.location if naming else None,
                        declared=tuple(declared(d) for d in item.metadata + item.prose),
                        licence=_expression(pairs, knowledge), terms=tuple(terms))
    artefact = _judged(artefact, knowledge)
    if user:  # only training data binds the model
        _impose(artefact, owner, extra)
    return artefact


def _impose(dataset: Artefact, owner: str | None, extra: dict[str, list[EffectiveTerm]]) -> None:
    """Training data's restrictions on use bind the model trained on it (if its terms bind at all:
    DAT001 says so); the model's effective terms list them as imposed by that dataset."""
    if owner is None:
        return
    for term in dataset.terms:
        if term.kind in _DATA_BINDS:
            extra[owner].append(EffectiveTerm(term.kind, term.label, IMPOSED, dataset.name,
                                              term.evidence, term.values, dataset.location))


# --- code and docs ----------------------------------------------------------------------------


def _code(repository: Repository, knowledge: Knowledge) -> list[Artefact]:
    if not has_code(repository):
        return []
    pairs = scope_declarations("code", repository, knowledge)
    duties = [duty for a, d in pairs if d.declaration.confidence == "high"
              for licence in effective_licences(a, d, knowledge) for duty in licence_duties(licence, licence.id)]
    artefact = Artefact(kind="code", name="code", declared=tuple(declared(d) for _a, d in pairs),
                        licence=_expression(pairs, knowledge), terms=tuple(_own_terms(pairs, knowledge)),
                        duties=tuple(_unique_duties(duties)))
    return [_judged(artefact, knowledge)]


def _docs(repository: Repository, knowledge: Knowledge) -> list[Artefact]:
    pairs = [(a, d) for a, d in repository.declarations("docs") if d.declaration.confidence == "high"]
    if not pairs:
        return []
    artefact = Artefact(kind="docs", name="docs", paths=tuple(dict.fromkeys(a.path for a, _d in pairs)),
                        declared=tuple(declared(d) for _a, d in pairs), licence=_expression(pairs, knowledge),
                        terms=tuple(_own_terms(pairs, knowledge)))
    return [_judged(artefact, knowledge)]


def _runtime(repository: Repository) -> Iterable[Artefact]:
    """The runtime and hardware stack (inventory/runtime.py): one artefact per kind of dependency
    that needs a stack — the CUDA ties first, then the ROCm and CPU alternatives — named as the
    manifest names it, at its first place. Its own terms are the vendor's (NVIDIA's licence
    agreements for the closed ones), which modelicense does not judge: commercial use `unknown`."""
    from modelicense.inventory.runtime import runtime_stack  # noqa: PLC0415  (only when built)

    stack = runtime_stack(repository)
    for use in stack.first(stack.ties) + stack.first(stack.alternatives):
        dependency, entry = use.dependency, use.entry
        closed = {True: "yes", False: "no", None: "unknown"}[entry.closed]
        yield Artefact(
            kind="runtime", name=dependency.name, paths=(dependency.location.path,), relation=entry.stack,
            location=dependency.location, known_as=entry.source,
            commercial=Verdict(UNKNOWN, (), (Reason(f"{dependency.name}: its vendor's terms ({entry.licence}) are not "
                                                    "judged by modelicense", dependency.location),)),
            properties=(("ecosystem", dependency.ecosystem), ("written", dependency.raw), ("stack", entry.stack),
                        ("closed-source", closed), ("kind", entry.label), ("licence-as-stated", entry.licence)),
        )
