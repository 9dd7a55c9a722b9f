"""SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif).

One rule descriptor per registered rule, documented from the same docstring `modelicense explain`
prints; one result per finding. Locations are relative URIs against `%SRCROOT%` (the directory the
scan ran from), each with a region: GitHub code scanning places a result only by
`region.startLine` (the SARIF multitool's GH1003), so a finding about a whole file (a weight
file, a file that could not be read) stands at line 1.

Fingerprints: every result carries `partialFingerprints["modelicense/v1"]` (Finding.fingerprint:
rule + path + what it is about, never the line), so an alert survives unrelated lines moving.
upload-sarif computes `primaryLocationLineHash` by reading the file around `region.startLine`
for results that lack one; results on weight files and whole-file results carry that key
themselves, so nothing ever reads a multi-GB binary (or any file the line 1 stands in for).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import replace
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from modelicense import __version__
from modelicense.model import FileKind, Finding, HiddenFinding, Location, ScanResult, Severity
from modelicense.report import ReportOptions, display_path, paths_in_message, silenced
from modelicense.report.markdown import PROJECT_URL, rule_url

if TYPE_CHECKING:
    from modelicense.rules import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "modelicense/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def uri(root: str, path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for a root-relative path: relative to %SRCROOT% when the root was given
    relative to the working directory, an absolute file: URI otherwise."""
    joined = posixpath.normpath(display_path(root, path, several_roots=True))
    encoded = quote(joined.encode("utf-8", "surrogateescape"), safe="/")
    if joined.startswith("/"):
        return "file://" + encoded, None
    return encoded, SRCROOT


def physical_location(root: str, location: Location, binary: bool) -> dict[str, Any]:
    address, base = uri(root, location.path)
    artifact: dict[str, Any] = {"uri": address}
    if base:
        artifact["uriBaseId"] = base
    # A line in a binary weight file means nothing to a viewer: the file as a whole, at line 1.
    region: dict[str, Any] = {"startLine": 1}
    if location.line is not None and not binary:
        region["startLine"] = location.line
        if location.column is not None:
            region["startColumn"] = location.column
    return {"artifactLocation": artifact, "region": region}


def is_whole_file(location: Location, binary: bool) -> bool:
    """A result whose line 1 stands for the whole file: it brings its own line hash."""
    return binary or location.line is None


def full_description(summary: str, body: str) -> str:
    """The first paragraph of prose under the summary (rule docs open with `## What it finds`)."""
    for paragraph in re.split(r"\n\s*\n", body):
        prose = "\n".join(line for line in paragraph.splitlines() if not line.lstrip().startswith("#")).strip()
        if prose and not prose.startswith("```"):
            return prose
    return summary


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    documentation = rule.summary + (f"\n\n{rule.body}" if rule.body else "")
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full_description(rule.summary, rule.body)},
        "help": {"text": documentation, "markdown": documentation},
        "helpUri": rule_url(rule.id, rule.name),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["licensing", rule.family.lower()]},
    }


def _escape_brackets(text: str) -> str:
    # SARIF §3.11.6: in a message with embedded links, literal brackets are backslash-escaped.
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def result(finding: Finding, index: dict[str, int], weight_paths: frozenset[str],
           paths: Sequence[str] = ()) -> dict[str, Any]:
    binary = finding.location.path in weight_paths
    # Paths in the message as in the location: relative to %SRCROOT%, not to the scanned root.
    # Brackets always escaped: a card's `[click](https://…)` quoted in a message must stay text
    # (SARIF §3.11.6 embedded links), never a link a reviewer may click.
    message = _escape_brackets(paths_in_message(finding.message, finding.root, paths, several_roots=True))
    entry: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    entry["level"] = LEVELS[finding.severity]
    related = []
    if finding.related:
        links = []
        for number, location in enumerate(finding.related, start=1):
            shown = str(replace(location, path=posixpath.normpath(display_path(finding.root, location.path, True))))
            related.append({
                "id": number,
                "physicalLocation": physical_location(finding.root, location, location.path in weight_paths),
                "message": {"text": shown},
            })
            links.append(f"[{_escape_brackets(shown)}]({number})")
        message += "\nSee also: " + ", ".join(links)
    entry["message"] = {"text": message}
    entry["locations"] = [{"physicalLocation": physical_location(finding.root, finding.location, binary)}]
    if related:
        entry["relatedLocations"] = related
    fingerprints = {FINGERPRINT_KEY: finding.fingerprint}
    if is_whole_file(finding.location, binary):
        fingerprints["primaryLocationLineHash"] = f"{finding.fingerprint}:1"
    entry["partialFingerprints"] = fingerprints
    return entry


def suppressed_result(hidden: HiddenFinding, index: dict[str, int], weight_paths: frozenset[str]) -> dict[str, Any]:
    """A finding a comment, per-file-ignores or a baseline hid, with a SARIF suppression."""
    entry = result(hidden.finding, index, weight_paths)
    kind = "inSource" if hidden.by == "inline" else "external"
    justification = f"{hidden.by} {hidden.where}" + (f": {hidden.reason}" if hidden.reason else "")
    entry["suppressions"] = [{"kind": kind, "status": "accepted", "justification": justification}]
    return entry


def build(results: Sequence[ScanResult]) -> dict[str, Any]:
    from modelicense.rules import all_rules

    rules = all_rules()
    index = {rule.id: number for number, rule in enumerate(rules)}
    sarif_results = []
    notifications = []
    for scanned in results:
        weights = frozenset(a.path for a in scanned.repository.artefacts if a.kind is FileKind.WEIGHTS)
        paths = [a.path for a in scanned.repository.artefacts]
        sarif_results += [result(f, index, weights, paths) for f in scanned.findings]
        # Hidden findings stay in the log as suppressed results (SARIF §3.27.23), so code scanning
        # shows them as closed with the reason instead of not at all.
        sarif_results += [suppressed_result(h, index, weights) for h in scanned.silenced.hidden]
        notifications += [{"level": "note", "message": {"text": _escape_brackets(line)}}
                          for line in silenced.details(scanned.silenced)]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:  # what the configuration turned off (SARIF §3.20.22)
        invocation["toolConfigurationNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "modelicense",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": PROJECT_URL,
                        "rules": [rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {
                    SRCROOT: {"description": {"text": "The directory modelicense was run from."}}
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": sarif_results,
                "properties": {"silenced": silenced.total_counts(results)},
            }
        ],
    }


def render(results: Sequence[ScanResult], options: ReportOptions) -> str:
    return json.dumps(build(results), indent=2) + "\n"
