"""The data every stage passes to the next: plain frozen dataclasses, no behaviour beyond helpers.

discover → ScannedFile; extract → Declaration / Reference / Problem; resolve → Resolution;
scan → Repository; rules → Finding.
"""

from __future__ import annotations

from dataclasses import field
from enum import Enum
from typing import Callable, Literal, Mapping, TypeVar

from modelicense.fastclass import dataclass

T = TypeVar("T")

Scope = Literal["code", "weights", "data", "docs", "repo"]


class Severity(str, Enum):
    """Ordered: ERROR > WARNING > INFO. `never` exists only as a --fail-on threshold."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self.value]


_RANK = {"info": 1, "warning": 2, "error": 3}


class FileKind(str, Enum):
    LICENCE_FILE = "licence-file"
    MODEL_CARD = "model-card"
    DATASET_CARD = "dataset-card"
    # Markdown with a card's name but no front matter that says which kind it is.
    CARD = "card"
    PACKAGING = "packaging"
    SOURCE = "source"
    WEIGHTS = "weights"
    DATASET_METADATA = "dataset-metadata"
    DATA_FILE = "data-file"
    # Lineage files: what a model was made from (extract/peft_adapter, model_config, mergekit).
    ADAPTER_CONFIG = "adapter-config"
    MODEL_CONFIG = "model-config"
    MERGE_CONFIG = "merge-config"
    # Runtime manifests: what the system installs to run (extract/runtime.py; RUN rules).
    REQUIREMENTS = "requirements"
    CONDA_ENVIRONMENT = "conda-environment"
    DOCKERFILE = "dockerfile"


def first_value(pairs: tuple[tuple[str, str], ...], key: str) -> str | None:
    """The first value stored under `key` in a tuple of (key, value) pairs (metadata keeps order
    and repeats, so it is not a dict)."""
    return next((value for name, value in pairs if name == key), None)


@dataclass(frozen=True, order=True)
class Location:
    """Where something stands. `path` is relative to the scanned root and `/`-separated."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Declaration:
    """One licence statement, exactly as written.

    raw:        the text the user wrote (an id, an expression, a licence name, or a whole text).
    scope:      which artefact it covers.
    field:      where in the file it came from (`license`, `licenses`, `project.license`, ...).
    confidence: `high` for structured metadata, `low` for prose that only mentions terms.
    is_text:    True when `raw` is a full licence text (a LICENSE file) rather than an id or name.
    raw_at:     where `raw` starts when that is not `location` (a prose section's body, below the
                heading the declaration stands at): where the terms read from it are located.
    """

    raw: str
    scope: Scope
    location: Location
    field: str
    confidence: Literal["high", "low"] = "high"
    is_text: bool = False
    raw_at: Location | None = None


@dataclass(frozen=True)
class Reference:
    """A pointer to something whose licence matters: a training dataset, a base model, or a model
    the code loads at run time.

    kind:     `dataset`, `base_model` (what this model was made from), or `model` (a model the
              repository's code loads at run time: `from_pretrained("org/name")`).
    relation: for a base model, how this model derives from it — `finetune`, `adapter`,
              `quantized`, `merge` (the card's base_model_relation vocabulary), or None when the
              file does not say; `runtime` for a model loaded at run time; for a dataset None
              (trained on it: a card's `datasets:`, a weight file's metadata) or `evaluated-on`
              (a card's `model-index:` results name it).
    """

    kind: Literal["dataset", "base_model", "model"]
    id: str
    location: Location
    relation: str | None = None


RUNTIME = "runtime"  # Reference.relation of a model loaded by the code at run time
EVALUATED_ON = "evaluated-on"  # Reference.relation of a dataset a model card's model-index evaluates on


@dataclass(frozen=True)
class Dependency:
    """A runtime dependency as a manifest declares it (extract/runtime.py); read, never installed.

    ecosystem: `pypi` (a requirement), `conda` (a conda package), `image` (a container base
               image), `index` (a package index or find-links URL the manifest installs from).
    name:      normalised: PEP 503 for PyPI (lower case, runs of `-_.` as `-`), lower case for
               conda, the image repository without registry `docker.io/` or `library/`, the URL
               without a trailing `/` for an index.
    local:     a PyPI pin's local version label (`cu121` in `torch==2.1.0+cu121`), or an image's tag.
    extras:    PyPI extras (`cuda12` in `jax[cuda12]`), lower case.
    group:     where it stands when not in the main list: an optional extra or dependency group
               (`extra:gpu`), a conda environment's pip section (`pip`), a Dockerfile's RUN line (`run`).
    raw:       the text as written, on one line.
    """

    ecosystem: Literal["pypi", "conda", "image", "index"]
    name: str
    location: Location
    raw: str
    local: str = ""
    extras: tuple[str, ...] = ()
    group: str = ""


@dataclass(frozen=True)
class Problem:
    """Something that could not be read or parsed. Becomes a DEC005 / DEC006 finding."""

    code: Literal["malformed", "unreadable", "skipped"]
    message: str
    location: Location


@dataclass(frozen=True)
class Extraction:
    """What an extractor found in one file."""

    declarations: tuple[Declaration, ...] = ()
    references: tuple[Reference, ...] = ()
    problems: tuple[Problem, ...] = ()
    # Structured metadata worth keeping for the rules (e.g. license_name, license_link, card kind keys).
    metadata: tuple[tuple[str, str], ...] = ()
    # The file turned out to be another kind than its name said (a README that is a dataset card).
    kind: FileKind | None = None
    # Inline suppression comments the extractor found itself (beside a model-loading call in code).
    suppressions: tuple[Suppression, ...] = ()
    # Runtime dependencies a manifest declares (extract/runtime.py; RUN rules).
    dependencies: tuple[Dependency, ...] = ()

    def meta(self, key: str) -> str | None:
        return first_value(self.metadata, key)


@dataclass(frozen=True)
class Resolution:
    """What a declaration means.

    expression:   normalised licence expression (SPDX ids, or knowledge-base ids for the rest).
    keys:         every licence id in it that the knowledge base knows.
    unrecognised: parts nothing knows (raw tokens), kept so the user sees what they wrote.
    alternatives: True when the expression offers a choice (only OR between licences).
    method:       how it was resolved: spdx, id, alias, name, url, title, scancode, or none.
    ignorance:    `unknown` or `other` — a declaration that there is no known licence.
    coverage:     for full texts, how much of the text matched (percent), when known.
    confidence:   how sure the identity is (detect/answer.py): `exact` (an id, or a text word for
                  word), `whole-text` (a whole licence text plus a few words, kept in `leftover`),
                  `partial` (part of a text: see coverage), `title` (only its title: a guess).
    leftover:     for full texts, [start, end) character spans of the text that the match did
                  not account for (added terms, notes): the terms reader reads them.
    """

    expression: str | None
    keys: tuple[str, ...] = ()
    unrecognised: tuple[str, ...] = ()
    alternatives: bool = False
    method: str = "none"
    ignorance: str | None = None
    coverage: float | None = None
    confidence: str = "exact"
    leftover: tuple[tuple[int, int], ...] = ()

    @property
    def recognised(self) -> bool:
        return bool(self.keys) and not self.unrecognised

    @property
    def certain(self) -> bool:
        """The identity can be trusted (exact or whole text); a partial or title match is a guess
        that never makes an error (DEC004) on its own."""
        return self.confidence in ("exact", "whole-text")

    def how_sure(self) -> str:
        """How the answer is shown to users when it is a guess: "partial match, 45 % of the
        text" or "title only"; "" when certain."""
        if self.confidence == "partial":
            return f"partial match, {self.coverage:g} % of the text" if self.coverage is not None else "partial match"
        if self.confidence == "title":
            return "recognised by its title only"
        return ""


@dataclass(frozen=True)
class Term:
    """One term read from the words of a licence text, card section or licence field, with its
    evidence, so a reviewer sees the basis of a finding (the terms reader, `modelicense.terms`).

    kind:     one of `knowledge.kinds.TERM_KINDS` ("non-commercial", "territory", ...).
    pattern:  the id of the pattern (in the terms data file) that matched.
    quote:    the words quoted, on one line.
    location: the file, and the line and column where the quote starts.
    values:   what the term names, as written: numbers ("700 million"), regions ("European Union").
    """

    kind: str
    pattern: str
    quote: str
    location: Location
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedDeclaration:
    """A declaration, what it resolved to, and the terms read from its words (empty when not read)."""

    declaration: Declaration
    resolution: Resolution
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Artefact:
    """One file that says something about licences, with what it says, resolved."""

    path: str
    kind: FileKind
    declarations: tuple[ResolvedDeclaration, ...] = ()
    references: tuple[Reference, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    size: int | None = None
    lfs_pointer: bool = False
    dependencies: tuple[Dependency, ...] = ()  # runtime dependencies the file declares (RUN)

    @property
    def directory(self) -> str:
        return self.path.rpartition("/")[0]

    def meta(self, key: str) -> str | None:
        return first_value(self.metadata, key)


@dataclass(frozen=True)
class Suppression:
    """An inline `modelicense: ignore[RULE, ...] reason` comment.

    rules:      rule ids or prefixes, upper-cased, as written.
    whole_file: `ignore-file[...]` applies to the whole file, not one line.
    next_line:  the comment stands alone on its line, so it is about the line below; a trailing
                comment is about its own line only.
    """

    rules: tuple[str, ...]
    reason: str
    location: Location
    whole_file: bool = False
    next_line: bool = True


@dataclass(frozen=True)
class Repository:
    """The resolved view of one scanned root that rules judge. Rules do no I/O.

    allow:        the configuration's allow-lists, scope -> licence ids (DEC007).
    suppressions: inline suppression comments (DEC008 reports those without a reason).
    skipped:      files not read as the kind their name says, with the reason (`--format json`).
    """

    root: str
    artefacts: tuple[Artefact, ...]
    problems: tuple[Problem, ...] = ()
    allow: tuple[tuple[str, tuple[str, ...]], ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    # Files whose name said what they are and whose content did not (a `licenses.csv`): (path, why).
    skipped: tuple[tuple[str, str], ...] = ()
    # Views computed once and shared by every rule (which files of a kind, which declarations of
    # a scope, what covers the model): twenty rules ask the same questions, some once per finding,
    # so recomputing them made a scan quadratic in the repository. Not part of equality.
    _views: dict = field(default_factory=dict, init=False, compare=False, repr=False, hash=False)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """`compute()` once per repository and key; the repository is frozen, so it stays true."""
        try:
            return self._views[key]
        except KeyError:
            value = self._views[key] = compute()
            return value

    def of_kind(self, *kinds: FileKind) -> tuple[Artefact, ...]:
        return self.memo(("of_kind", kinds), lambda: tuple(a for a in self.artefacts if a.kind in kinds))

    @property
    def weight_files(self) -> tuple[Artefact, ...]:
        return self.of_kind(FileKind.WEIGHTS)

    def declarations(self, *scopes: Scope) -> tuple[tuple[Artefact, ResolvedDeclaration], ...]:
        return self.memo(("declarations", scopes), lambda: tuple(
            (a, d) for a in self.artefacts for d in a.declarations if not scopes or d.declaration.scope in scopes
        ))


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    # Stable identity for baselines and SARIF: rule + path + what the finding is about, not the line.
    fingerprint: str = ""
    root: str = "."

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line or 0, self.location.column or 0, self.rule, self.message)


@dataclass(frozen=True)
class HiddenFinding:
    """A finding the scan made and then did not report.

    by:     "per-file-ignore", "inline" or "baseline" (`SILENCED_KINDS`).
    where:  what hid it: the per-file-ignores pattern, the comment's `path:line`, the baseline file.
    reason: the inline comment's reason (empty for the other kinds).
    """

    finding: Finding
    by: str
    where: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Override:
    """A knowledge entry the configuration replaced or added: `[tool.modelicense.models."x"]`."""

    table: str  # "licences", "datasets" or "models"
    ident: str
    reason: str


# Every way a scanned repository can turn its own gate down, in the order reports list them.
SILENCED_KINDS = ("rules", "severity", "fail-on", "paths", "card-kinds", "overrides", "per-file-ignore", "inline",
                  "baseline")


@dataclass(frozen=True)
class Silenced:
    """What configuration, baseline and inline comments turned off in one scan, so that a report
    can always say it (a repository must not be able to silence its own gate unseen).

    source:     the configuration file it came from (None: defaults or the command line only).
    rules_off:  ids of rules that did not run (`select` / `ignore`, file or command line).
    severities: (rule or prefix, configured severity) where the configuration lowered a rule's
                default severity.
    fail_on:    the configuration's `fail-on` when it is not the default `warning`.
    excluded:   root-relative files the scan would have read that `exclude` kept out.
    card_kinds: (path, kind) where the configuration fixed a card's kind (a model card declared a
                dataset card is judged by other rules).
    overrides:  knowledge entries the configuration replaced or added, with their reasons.
    hidden:     findings made and then hidden by per-file ignores, inline comments or a baseline.
    isolated:   the scan ran with `--isolated` (the repository's configuration, baseline and
                inline comments were not read, so nothing above comes from the repository).
    """

    source: str | None = None
    rules_off: tuple[str, ...] = ()
    severities: tuple[tuple[str, str], ...] = ()
    fail_on: str | None = None
    excluded: tuple[str, ...] = ()
    card_kinds: tuple[tuple[str, str], ...] = ()
    overrides: tuple[Override, ...] = ()
    hidden: tuple[HiddenFinding, ...] = ()
    isolated: bool = False

    def counts(self) -> dict[str, int]:
        """How many of each kind (`SILENCED_KINDS`), zeros included."""
        tally = {
            "rules": len(self.rules_off),
            "severity": len(self.severities),
            "fail-on": 1 if self.fail_on else 0,
            "paths": len(self.excluded),
            "card-kinds": len(self.card_kinds),
            "overrides": len(self.overrides),
        }
        for kind in ("per-file-ignore", "inline", "baseline"):
            tally[kind] = sum(1 for h in self.hidden if h.by == kind)
        return {kind: tally[kind] for kind in SILENCED_KINDS}

    def __bool__(self) -> bool:
        return any(self.counts().values())


@dataclass(frozen=True)
class ScanResult:
    """One scanned root. `lines`: (path, line) -> the text of the line a finding points at, cut
    from the bytes the scan read (the text format shows it; empty when nothing was kept)."""

    root: str
    repository: Repository
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    # What configuration, baseline and inline comments turned off (every report says it).
    silenced: Silenced = field(default_factory=Silenced)
    lines: Mapping[tuple[str, int], str] = field(default_factory=dict, compare=False)
    # The inventory of the root (modelicense.inventory.model.Inventory): the reports open with it.
    inventory: object | None = field(default=None, compare=False)
