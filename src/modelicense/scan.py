"""The pipeline: discover → extract → resolve → evaluate. Formatting is the caller's business."""

from __future__ import annotations

import fnmatch
from dataclasses import replace
from pathlib import Path

from modelicense import extract, progress, suppress
from modelicense.config import Config, ConfigError
from modelicense.inventory.build import inventory_of
from modelicense.discover import FoundFile, discover
from modelicense.knowledge import Knowledge, KnowledgeError
from modelicense.knowledge import load as load_knowledge
from modelicense.model import (
    Artefact,
    Extraction,
    FileKind,
    Finding,
    HiddenFinding,
    Location,
    Override,
    Problem,
    Repository,
    ResolvedDeclaration,
    ScanResult,
    Silenced,
    Suppression,
)
from modelicense.resolve import Resolver
from modelicense.safe_io import UnsafeFile, open_regular
from modelicense.rules import all_rules
from modelicense.source_lines import lines_for

_HASH_COMMENT_KINDS = (FileKind.REQUIREMENTS, FileKind.CONDA_ENVIRONMENT, FileKind.DOCKERFILE)
_CARD_KIND = {"model": FileKind.MODEL_CARD, "dataset": FileKind.DATASET_CARD}


def knowledge_for(config: Config) -> Knowledge:
    """The shipped knowledge with the configuration's overrides; a bad override or an allow-list
    naming a licence nobody knows is a configuration error (exit 2), not a silent miss."""
    knowledge = load_knowledge()
    if config.licences or config.datasets or config.models:
        try:
            knowledge = knowledge.with_overrides(config.licences, config.datasets, config.models,
                                                 config.source or "configuration")
        except KnowledgeError as exc:
            raise ConfigError(str(exc)) from None
    for scope, ids in config.allow.items():
        for ident in ids:
            if knowledge.licence_id(ident) is None:
                raise ConfigError(f"{config.source or 'configuration'}: allow.{scope}: {ident!r} is not a licence id "
                                  "modelicense knows (define it under [tool.modelicense.licenses] with a reason)")
    return knowledge


def allow_lists(config: Config, knowledge: Knowledge) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Allow-lists with every entry turned into the knowledge base's canonical id."""
    return tuple(
        (scope, tuple(knowledge.licence_id(ident) or ident for ident in ids)) for scope, ids in sorted(config.allow.items())
    )


def suppressions_in(relpath: str, kind: FileKind, has_declarations: bool, data: bytes) -> list[Suppression]:
    """Inline suppression comments in bytes the scan has already read: Markdown cards, TOML, and
    source files with an SPDX header, and the runtime manifests (only those can have a finding
    to suppress)."""
    if kind in _HASH_COMMENT_KINDS:
        return list(suppress.parse_hash(relpath, data.decode("utf-8", "replace"))) if b"modelicense:" in data else []
    if kind is FileKind.SOURCE:
        if not has_declarations:
            return []
    elif not relpath.lower().endswith(suppress.MARKDOWN_SUFFIXES + suppress.TOML_SUFFIXES):
        return []
    if b"modelicense:" not in data:
        return []
    text = data.decode("utf-8", "replace")
    return suppress.parse_source(relpath, text) if kind is FileKind.SOURCE else suppress.parse(relpath, text)


class CodeBudget:
    """How much Python source and notebook text one repository's scan reads and tokenizes for
    model ids (extract/model_ids.py): reading is the cost every file pays, tokenizing the cost of
    the few that name a loader. Past either, files are read for their SPDX header only, and the
    first of them is reported (DEC006), so the limit never hides a finding unseen."""

    READ = 128 * 1024 * 1024  # a 5,300-file site-packages holds 66 MB of Python: read and searched in 0.3 s
    TOKENIZED = 8 * 1024 * 1024

    def __init__(self) -> None:
        self.read_left, self.tokenized_left = self.READ, self.TOKENIZED
        self.skipped: list[str] = []

    def read(self, found: FoundFile) -> int | None:
        """The bytes to read from a file for model ids, or None when it is not read for them."""
        from modelicense.extract import model_ids

        if found.kind is not FileKind.SOURCE or not model_ids.reads(found.relpath):
            return None
        limit = model_ids.read_limit(found.relpath)
        wanted = min(found.size, limit)
        if wanted > self.read_left:
            self.skipped.append(found.relpath)
            return None
        self.read_left -= wanted
        return limit

    def tokenize(self, relpath: str, data: bytes) -> bool:
        if len(data) > self.tokenized_left:
            self.skipped.append(relpath)
            return False
        self.tokenized_left -= len(data)
        return True

    def problems(self) -> list[Problem]:
        if not self.skipped:
            return []
        return [Problem("skipped", f"not read for the models its code loads: a scan reads at most "
                        f"{self.READ // 2**20} MiB of Python source and notebooks per repository and tokenizes at most "
                        f"{self.TOKENIZED // 2**20} MiB of it; {len(self.skipped)} file(s) past that, this the first, "
                        "were read for their SPDX header only (`exclude` generated or vendored code to bring the "
                        "rest under it)", Location(self.skipped[0]))]


def read_file(found: FoundFile) -> Extraction:
    """Read what the kind needs (bounded) and extract. I/O errors become problems, never raise."""
    return read_and_extract(found)[0]


def read_and_extract(found: FoundFile, budget: CodeBudget | None = None) -> tuple[Extraction, bytes]:
    """The extraction and the bytes it was made from (empty for weights, read by header only).
    With a budget, Python files and notebooks are also read for the models they load."""
    try:
        if found.kind is FileKind.WEIGHTS:
            with open_regular(found.abspath) as handle:
                return extract.extract_weights(found.relpath, handle, found.size), b""
        code_limit = budget.read(found) if budget is not None else None
        limit = max(extract.READ_LIMITS.get(found.kind, 1024 * 1024), code_limit or 0)
        if limit == 0:
            return Extraction(), b""
        with open_regular(found.abspath) as handle:
            # As many bytes as discovery saw, and one more: `read(limit)` allocates `limit` bytes
            # first (1 MiB for a card, whatever its size). A file that grew since is read on, up
            # to the limit.
            data = handle.read(min(limit, found.size + 1))
            if len(data) > found.size and len(data) < limit:
                data += handle.read(limit - len(data))
    except FileNotFoundError:
        return Extraction(problems=(Problem("unreadable", "file vanished during the scan", Location(found.relpath)),)), b""
    except OSError as exc:
        problem = Problem("unreadable", f"cannot read: {exc.strerror or exc}", Location(found.relpath))
        return Extraction(problems=(problem,)), b""
    except UnsafeFile as exc:  # became a FIFO, device or folder after discovery listed it
        return Extraction(problems=(Problem("unreadable", f"cannot read: {exc}", Location(found.relpath)),)), b""
    if _is_lfs_pointer(data, found.size):  # a card or licence text left in LFS declares nothing (DEC010)
        return Extraction(metadata=(("lfs_pointer", "yes"),)), b""
    extraction = extract.extract_bytes(found.kind, found.relpath, data, found.size)
    if code_limit is not None and budget is not None and extract.may_load_models(data) and budget.tokenize(found.relpath, data):
        extraction = extract.with_models_loaded(extraction, found.relpath, data)
    if found.size > limit and found.kind is not FileKind.SOURCE:
        note = Problem("malformed", f"file is larger than the {limit // 1024} KiB read limit; only the start was read",
                       Location(found.relpath))
        extraction = replace(extraction, problems=extraction.problems + (note,))
    return extraction, data


def _is_lfs_pointer(data: bytes, size: int) -> bool:
    if not data.startswith(b"version "):  # the common case, without importing the weights reader
        return False
    from modelicense.extract.weights import LFS_POINTER_MAX, is_lfs_pointer

    return size <= LFS_POINTER_MAX and is_lfs_pointer(data)


def budget_problems(resolved: tuple[ResolvedDeclaration, ...]) -> list[Problem]:
    """A licence text whose detection stopped at its time budget is a finding on that file."""
    from modelicense.detect import STOPPED_LABEL

    return [
        Problem("malformed", f"licence text detection {STOPPED_LABEL.split('(', 1)[1].rstrip(')')}",
                Location(r.declaration.location.path))
        for r in resolved
        if r.resolution.method == STOPPED_LABEL
    ]


def build_repository(root: Path, config: Config, knowledge: Knowledge,
                     named: frozenset[str] = frozenset(), only_named: bool = False,
                     inline: bool = True) -> Repository:
    """`inline`: read inline suppression comments (False under --isolated)."""
    return _build(root, config, knowledge, named, only_named, inline)[0]


def _build(root: Path, config: Config, knowledge: Knowledge, named: frozenset[str], only_named: bool,
           inline: bool, texts: dict[str, bytes] | None = None) -> tuple[Repository, tuple[str, ...]]:
    """The repository, and the files `exclude` kept out. `texts`, when given, receives the bytes
    read from each file read as text (weights are read by header and never kept), for the lines
    the text format shows."""
    found = discover(root, config.exclude, named, only_named)
    resolver = Resolver(knowledge)
    artefacts: list[Artefact] = []
    problems: list[Problem] = list(found.problems)
    suppressions: list[Suppression] = []
    skipped: list[tuple[str, str]] = []
    budget = CodeBudget()
    progress.note_files(len(found.files))
    for item in found.files:
        extraction, data = read_and_extract(item, budget)
        progress.note_file_read()
        if texts is not None and data and item.kind is not FileKind.WEIGHTS:
            # source files are read whole for model ids; their lines matter only where findings stand
            keep = item.kind is not FileKind.SOURCE or extraction.references
            texts[item.relpath] = data if keep else data[:extract.READ_LIMITS[FileKind.SOURCE]]
        if inline:
            suppressions.extend(suppressions_in(item.relpath, item.kind, bool(extraction.declarations), data))
            suppressions.extend(extraction.suppressions)
        problems.extend(extraction.problems)
        reason = extraction.meta("skipped")
        if reason is not None:  # its name said licence, its content did not: not an artefact
            skipped.append((item.relpath, reason))
            continue
        kind = extraction.kind or item.kind
        if item.relpath in config.card_kinds and kind in (FileKind.CARD, FileKind.MODEL_CARD, FileKind.DATASET_CARD):
            kind = _CARD_KIND[config.card_kinds[item.relpath]]
            scope = "data" if kind is FileKind.DATASET_CARD else "weights"
            extraction = replace(extraction, declarations=tuple(replace(d, scope=scope) for d in extraction.declarations))
        resolved = tuple(ResolvedDeclaration(d, resolver.resolve(d)) for d in extraction.declarations)
        problems.extend(budget_problems(resolved))
        artefacts.append(
            Artefact(
                path=item.relpath,
                kind=kind,
                declarations=resolved,
                references=extraction.references,
                metadata=extraction.metadata,
                size=item.size,
                dependencies=extraction.dependencies,
                lfs_pointer=extraction.meta("lfs_pointer") == "yes",
            )
        )
    problems.extend(budget.problems())
    artefacts = promote_cards(artefacts, config)
    repository = Repository(str(root), tuple(artefacts), tuple(problems), allow_lists(config, knowledge),
                            tuple(dict.fromkeys(suppressions)),  # a comment both readers saw counts once
                            tuple(skipped))
    return repository, found.excluded


def promote_cards(artefacts: list[Artefact], config: Config) -> list[Artefact]:
    """Markdown whose front matter has no Hugging Face card key (a Jekyll page) is a card only
    when weights or data files stand in its folder or below it, or the configuration says it is
    one: then it is their card, and says nothing is as much a statement as a licence."""
    from modelicense.inventory.coverage import in_folder, is_test_weight

    candidates = [i for i, a in enumerate(artefacts) if a.meta("front_matter") == "not-a-card"]
    if not candidates:
        return artefacts
    weights = [a.path for a in artefacts if a.kind is FileKind.WEIGHTS and not is_test_weight(a.path)]
    data = [a.path for a in artefacts if a.kind in (FileKind.DATA_FILE, FileKind.DATASET_METADATA)]
    for index in candidates:
        artefact = artefacts[index]
        if artefact.path in config.card_kinds:
            kind = _CARD_KIND[config.card_kinds[artefact.path]]
        elif any(in_folder(path, artefact.directory) for path in weights):
            kind = FileKind.MODEL_CARD
        elif any(in_folder(path, artefact.directory) for path in data):
            kind = FileKind.DATASET_CARD
        else:
            continue
        scope = "data" if kind is FileKind.DATASET_CARD else "weights"
        declarations = tuple(replace(d, declaration=replace(d.declaration, scope=scope)) for d in artefact.declarations)
        metadata = tuple((k, "yes" if k == "front_matter" else v) for k, v in artefact.metadata)
        artefacts[index] = replace(artefact, kind=kind, declarations=declarations, metadata=metadata)
    return artefacts


def evaluate(repository: Repository, config: Config, knowledge: Knowledge) -> tuple[Finding, ...]:
    """Every enabled rule, then the filters in order: per-file ignores, inline suppressions.
    (The baseline is applied by `scan`, so that --write-baseline can record what is left.)"""
    return evaluate_with_hidden(repository, config, knowledge)[0]


def evaluate_with_hidden(repository: Repository, config: Config,
                         knowledge: Knowledge) -> tuple[tuple[Finding, ...], tuple[HiddenFinding, ...]]:
    """`evaluate`, and the findings per-file ignores and inline comments hid."""
    findings: list[Finding] = []
    hidden: list[HiddenFinding] = []
    for rule in all_rules():
        if not config.enabled(rule.id):
            continue
        for finding in rule.run(repository, knowledge, severity_for(rule.id, config)):
            pattern = _ignored_for_path(finding, config)
            if pattern is not None:
                hidden.append(HiddenFinding(finding, "per-file-ignore", pattern))
                continue
            findings.append(finding)
    findings, inline = suppress.partition(findings, repository.suppressions)
    hidden += [HiddenFinding(f, "inline", str(s.location), s.reason) for f, s in inline]
    unique = {h.finding: h for h in hidden}
    return (tuple(sorted(set(findings), key=Finding.sort_key)),
            tuple(sorted(unique.values(), key=lambda h: h.finding.sort_key())))


def severity_for(rule_id: str, config: Config):
    """The configured severity for a rule: its own id wins over the longest matching prefix."""
    matches = [prefix for prefix in config.severity if rule_id.startswith(prefix)]
    return config.severity[max(matches, key=len)] if matches else None


def _ignored_for_path(finding: Finding, config: Config) -> str | None:
    """The per-file-ignores pattern that hides this finding, or None."""
    for pattern, rules in config.per_file_ignores.items():
        matched = fnmatch.fnmatch(finding.location.path, pattern) or finding.location.path.startswith(pattern.rstrip("/") + "/")
        if matched and any(finding.rule.startswith(r) for r in rules):
            return pattern
    return None


def scan(root: Path, config: Config, display_root: str | None = None,
         named: frozenset[str] = frozenset(), only_named: bool = False, isolated: bool = False) -> ScanResult:
    """Scan one repository root. `named`: root-relative files the user gave on the command line;
    with `only_named`, those files alone are read (`scan FILE`), nothing around them.
    `isolated`: inline suppression comments are not read (--isolated; the caller leaves the
    repository's configuration and baseline out)."""
    isolated = isolated or config.isolated
    knowledge = knowledge_for(config)
    texts: dict[str, bytes] = {}
    repository, excluded = _build(root, config, knowledge, named, only_named, inline=not isolated, texts=texts)
    findings, hidden = evaluate_with_hidden(repository, config, knowledge)
    if config.baseline:
        from modelicense import baseline as baselines  # only when a baseline is configured

        try:
            known = baselines.load(Path(config.baseline), None if config.baseline_named else root)
        except baselines.BaselineError as exc:
            raise ConfigError(str(exc)) from None
        kept = known.filter(findings)
        hidden += tuple(HiddenFinding(f, "baseline", config.baseline) for f in findings if f not in kept)
        findings = kept
    shown = display_root or str(root)
    findings = tuple(replace(f, root=shown) for f in findings)
    hidden = tuple(replace(h, finding=replace(h.finding, root=shown)) for h in hidden)
    silenced = silenced_by(config, excluded, hidden, isolated)
    inventory = replace(inventory_of(repository, knowledge), root=shown)
    return ScanResult(shown, replace(repository, root=shown), findings, silenced, lines=lines_for(findings, texts),
                      inventory=inventory)


def silenced_by(config: Config, excluded: tuple[str, ...], hidden: tuple[HiddenFinding, ...],
                isolated: bool) -> Silenced:
    """What this configuration turned off, for the report (see model.Silenced)."""
    rules = all_rules()
    defaults = {rule.id: rule.severity for rule in rules}
    lowered = tuple(
        (selector, level.value) for selector, level in sorted(config.severity.items())
        if any(rule_id.startswith(selector) and level.rank < default.rank for rule_id, default in defaults.items())
    )
    overrides = tuple(
        Override(table, str(ident), str(entry.get("reason", "")).strip())
        for table, entries in (("licenses", config.licences), ("datasets", config.datasets), ("models", config.models))
        for ident, entry in sorted(entries.items())
    )
    return Silenced(
        source=config.source,
        rules_off=tuple(rule.id for rule in rules if not config.enabled(rule.id)),
        severities=lowered,
        fail_on=config.fail_on if config.fail_on in ("error", "never") else None,  # less strict than the default
        excluded=excluded,
        card_kinds=tuple(sorted(config.card_kinds.items())),
        overrides=overrides,
        hidden=hidden,
        isolated=isolated,
    )
