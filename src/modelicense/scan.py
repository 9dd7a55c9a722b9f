"""The pipeline: discover → extract → resolve → evaluate. Formatting is the caller's business."""

from __future__ import annotations

import fnmatch
from dataclasses import replace
from pathlib import Path

from modelicense import extract
from modelicense.config import Config
from modelicense.discover import FoundFile, discover
from modelicense.knowledge import Knowledge
from modelicense.knowledge import load as load_knowledge
from modelicense.model import (
    Artefact,
    Extraction,
    FileKind,
    Finding,
    Location,
    Problem,
    Repository,
    ResolvedDeclaration,
    ScanResult,
)
from modelicense.resolve import Resolver
from modelicense.rules import all_rules

_CARD_KIND = {"model": FileKind.MODEL_CARD, "dataset": FileKind.DATASET_CARD}


def knowledge_for(config: Config) -> Knowledge:
    base = load_knowledge()
    if not (config.licences or config.datasets or config.models):
        return base
    return base.with_overrides(config.licences, config.datasets, config.models, config.source or "configuration")


def read_file(found: FoundFile) -> Extraction:
    """Read what the kind needs (bounded) and extract. I/O errors become problems, never raise."""
    try:
        if found.kind is FileKind.WEIGHTS:
            with open(found.abspath, "rb") as handle:
                return extract.extract_weights(found.relpath, handle, found.size)
        limit = extract.READ_LIMITS.get(found.kind, 1024 * 1024)
        if limit == 0:
            return Extraction()
        with open(found.abspath, "rb") as handle:
            data = handle.read(limit)
    except FileNotFoundError:
        return Extraction(problems=(Problem("unreadable", "file vanished during the scan", Location(found.relpath)),))
    except OSError as exc:
        return Extraction(problems=(Problem("unreadable", f"cannot read: {exc.strerror or exc}", Location(found.relpath)),))
    extraction = extract.extract_bytes(found.kind, found.relpath, data, found.size)
    if found.size > limit and found.kind is not FileKind.SOURCE:
        note = Problem("malformed", f"file is larger than the {limit // 1024} KiB read limit; only the start was read",
                       Location(found.relpath))
        extraction = replace(extraction, problems=extraction.problems + (note,))
    return extraction


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
                     named: frozenset[str] = frozenset()) -> Repository:
    found = discover(root, config.exclude, named)
    resolver = Resolver(knowledge)
    artefacts: list[Artefact] = []
    problems: list[Problem] = list(found.problems)
    for item in found.files:
        extraction = read_file(item)
        problems.extend(extraction.problems)
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
                lfs_pointer=extraction.meta("lfs_pointer") == "yes",
            )
        )
    return Repository(str(root), tuple(artefacts), tuple(problems))


def evaluate(repository: Repository, config: Config, knowledge: Knowledge) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for rule in all_rules():
        if not config.enabled(rule.id):
            continue
        for finding in rule.run(repository, knowledge, config.severity.get(rule.id)):
            if _ignored_for_path(finding, config):
                continue
            findings.append(finding)
    return tuple(sorted(set(findings), key=Finding.sort_key))


def _ignored_for_path(finding: Finding, config: Config) -> bool:
    for pattern, rules in config.per_file_ignores.items():
        if fnmatch.fnmatch(finding.location.path, pattern) and any(finding.rule.startswith(r) for r in rules):
            return True
    return False


def scan(root: Path, config: Config, display_root: str | None = None,
         named: frozenset[str] = frozenset()) -> ScanResult:
    """Scan one repository root. `named`: root-relative files the user gave on the command line."""
    knowledge = knowledge_for(config)
    repository = build_repository(root, config, knowledge, named)
    findings = evaluate(repository, config, knowledge)
    shown = display_root or str(root)
    findings = tuple(replace(f, root=shown) for f in findings)
    return ScanResult(shown, replace(repository, root=shown), findings)
