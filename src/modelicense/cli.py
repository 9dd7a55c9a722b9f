"""Command line: wiring only. Parse options, call scan(), pick a formatter, choose the exit code.

Exit codes (README.md, "Exit codes"): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage or configuration error.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Sequence

import click

from modelicense import __version__
from modelicense.config import FAIL_ON, Config, ConfigError
from modelicense.config import load as load_config
from modelicense.console import COLOR_CHOICES, Failure, SuggestingChoice, did_you_mean, use_colour
from modelicense.discover import find_root
from modelicense.knowledge import KnowledgeError
from modelicense.model import ScanResult, Severity
from modelicense.report import FORMAT_NAMES, ReportOptions, formatter, printable
from modelicense.report.inventory_formats import INVENTORY_FORMAT_NAMES
from modelicense.rules import all_rules, get

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_COLOURED = ("text", "concise")  # machine formats are never coloured


def _split_rules(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip().upper() for value in values for part in value.split(",") if part.strip())


def roots_for(paths: Sequence[Path]) -> list[tuple[Path, str, frozenset[str], bool]]:
    """Each PATH to (repository root, root as shown, files named in it, whether only those are
    read). A folder is read whole; a named FILE is that file and nothing around it (pre-commit's
    hook passes no file names). The root of a file is its git top level, else its folder, so
    paths stay repository-relative and the repository's configuration applies."""
    from modelicense.safe_io import within_as_written

    roots: dict[Path, str] = {}
    named: dict[Path, set[str]] = {}
    whole: set[Path] = set()
    for path in paths:
        # `models` that a pull request turned into a link to /etc is not scanned (a file's own
        # link is discovery's business: reported, never followed out of the root).
        if not within_as_written(path if path.is_dir() else path.parent):
            raise click.UsageError(f"{_quoted(path)}: leads out of the current folder through a symlink; not scanned")
        if path.is_dir():
            root = path.resolve()
            roots.setdefault(root, str(path))
            named.setdefault(root, set())
            whole.add(root)
        else:
            # Resolve the folder, not the file: a symlinked file is judged where it stands.
            absolute = path.absolute().parent.resolve() / path.name
            root = find_root(absolute)
            roots.setdefault(root, _shown(root))
            named.setdefault(root, set()).add(absolute.relative_to(root).as_posix())
    return [(root, shown, frozenset(named[root]), root not in whole) for root, shown in roots.items()]


def _quoted(path: Path) -> str:
    """A path from the command line or the repository in a message: quoted when it holds
    anything that is not printable (a line break must not start a line of its own)."""
    text = str(path)
    return text if text.isprintable() else repr(text)


def _shown(root: Path) -> str:
    try:
        rel = root.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(root)
    return str(rel) if str(rel) != "." else "."


def exit_code(results: Sequence[ScanResult], fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    if any(f.severity.rank >= threshold for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="modelicense")
def cli() -> None:
    """Licence-compatibility linter for machine-learning repositories."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=SuggestingChoice(FORMAT_NAMES), default="text", show_default=True,
              help="Output format (concise: one line per finding).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=SuggestingChoice(FAIL_ON), default=None,
              help="Lowest severity that makes the exit code 1.  [default: warning]")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (default: [tool.modelicense] in pyproject.toml, or .modelicense.toml).")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Hide the findings recorded in this baseline file (matched by rule, path and fingerprint).")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Record every current finding in FILE, then report only what it does not hold (nothing).")
@click.option("--quiet", "-q", is_flag=True,
              help="One line per finding and no summary; nothing at all when there are no findings.")
@click.option("--color", "colour", type=SuggestingChoice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour the text output: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR asks), "
                   "always, never.")
@click.option("--no-color", "no_colour", is_flag=True, hidden=True, help="Same as --color never.")
@click.option("--no-cache", is_flag=True, help="Detect licence texts afresh; neither read nor write the cache.")
@click.option("--isolated", is_flag=True,
              help="Ignore the scanned repository's own configuration, baseline and inline suppression comments "
                   "(for gates on pull requests from forks); --config and --baseline still apply.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Repositories scanned at once (default: every core when there are four or more roots).")
@click.option("--only-changed", is_flag=True,
              help="Report only findings on files the pull request changes (base from --diff-base or "
                   "$GITHUB_EVENT_PATH); without a pull request, everything.")
@click.option("--diff-base", metavar="REF", help="With --only-changed: the commit to compare HEAD with.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress on stderr when a scan takes more than two seconds (default: on a terminal; "
                   "never with machine formats).")
def scan(paths: tuple[Path, ...], output_format: str, output: Path | None, fail_on: str | None,
         config_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], baseline_path: Path | None,
         write_baseline_path: Path | None, quiet: bool, colour: str, no_colour: bool, no_cache: bool,
         jobs: int | None, isolated: bool, only_changed: bool, diff_base: str | None,
         show_progress: bool | None) -> None:
    """Scan repositories (directories) or files for licence problems.

    A folder PATH is read whole; a file PATH is read alone (as a card, licence file, weight file
    or packaging file, by its name or content), nothing around it.
    """
    from modelicense import detect  # already imported by the resolver

    detect.configure(use_cache=not no_cache)

    renderer = formatter(output_format)
    if renderer is None:
        raise click.UsageError(f"format '{output_format}' is not available in this installation")
    effective_fail_on = fail_on or "warning"
    tasks = []
    for root, shown, named, only_named in roots_for(paths or (Path("."),)):
        try:
            # --isolated: the repository's own configuration is not read; a --config FILE is the caller's.
            config = load_config(config_path, root) if config_path is not None or not isolated else Config()
        except ConfigError as exc:
            raise Failure(str(exc)) from None
        config = _with_cli(config, select, ignore, baseline_path, write_baseline_path)
        config = dataclasses.replace(config, isolated=isolated)
        if fail_on is None and config.fail_on:
            effective_fail_on = config.fail_on
        tasks.append((root, config, shown, named, only_named))
    watched = _progress_wanted(show_progress, output_format, quiet)
    try:
        results = _scan_tasks(tasks, jobs, use_cache=not no_cache, watched=watched)
    except (ConfigError, KnowledgeError) as exc:  # bad allow-list, baseline, or knowledge override
        raise Failure(str(exc)) from None
    if fail_on is not None:  # the command line decided the gate, not the configuration
        results = [dataclasses.replace(r, silenced=dataclasses.replace(r.silenced, fail_on=None)) for r in results]
    if write_baseline_path is not None:
        results = _write_baseline(results, write_baseline_path)
    if only_changed or diff_base:
        results = _only_changed(results, diff_base)
    coloured = use_colour("never" if no_colour else colour, sys.stdout, to_file=output is not None)
    text = renderer(results, ReportOptions(colour=coloured and output_format in _COLOURED, quiet=quiet))
    _write(text, output, workflow_commands=output_format == "github")
    if output_format == "github":  # in GitHub Actions, the full list also goes to the job summary
        from modelicense.report.github import step_summary_from_environment

        problem = step_summary_from_environment(results, ReportOptions())
        if problem:
            _note(f"modelicense: {problem}")
    click.get_current_context().exit(exit_code(results, effective_fail_on))


def _progress_wanted(asked: bool | None, output_format: str, quiet: bool) -> bool:
    """Only for people: text formats, not --quiet, on a terminal unless asked either way."""
    if output_format not in _COLOURED or asked is False or (quiet and asked is None):
        return False
    return bool(asked) or sys.stderr.isatty()


def _scan_tasks(tasks: list, jobs: int | None, use_cache: bool, watched: bool = False) -> list[ScanResult]:
    """One root in this process (the hook's case: no pool to start); several on all cores."""
    if len(tasks) == 1 or jobs == 1:
        from modelicense import progress
        from modelicense.scan import scan as run_scan  # heavy imports only when scanning

        if watched:
            progress.begin(sys.stderr, terminal=sys.stderr.isatty())
        try:
            return [run_scan(*task) for task in tasks]
        finally:
            progress.end()
    from modelicense import parallel

    return parallel.scan_all(tasks, jobs or parallel.default_jobs(len(tasks)), use_cache)


def _only_changed(results: list[ScanResult], diff_base: str | None) -> list[ScanResult]:
    from modelicense import changed

    cwd = Path.cwd().resolve()
    try:
        found = changed.changes(diff_base, cwd)
    except changed.ChangedFilesError as exc:
        raise Failure(f"--only-changed: {exc}") from None
    if found is None:
        _note("modelicense: --only-changed: not a pull request (no --diff-base, no pull_request event); "
              "reporting every file")
        return results
    kept, left_out = changed.only_changed(results, found.files, cwd)
    if left_out:
        _note(f"modelicense: --only-changed: {left_out} finding{'s' if left_out != 1 else ''} on files "
              f"unchanged since {found.base[:12]} not reported")
    return kept


def _with_cli(config: Config, select: tuple[str, ...], ignore: tuple[str, ...], baseline: Path | None = None,
              write_baseline: Path | None = None) -> Config:
    from dataclasses import replace

    from modelicense.config import is_rule_selector

    selected, ignored = _split_rules(select), _split_rules(ignore)
    for option, values in (("--select", selected), ("--ignore", ignored)):
        unknown = [value for value in values if not is_rule_selector(value)]
        if unknown:
            hint = did_you_mean(unknown[0], _rule_names())
            raise click.UsageError(f"{option}: {', '.join(unknown)} names no rule"
                                   + (f"; {hint}" if hint else " (`modelicense rules` lists them)"))
    config = replace(config, select=selected or config.select, ignore=config.ignore + ignored)
    if write_baseline is not None:  # record everything there is now, whatever the old baseline held
        return replace(config, baseline=None)
    if baseline is not None:
        return replace(config, baseline=str(baseline), baseline_named=True)
    return config


def _write_baseline(results: list[ScanResult], path: Path) -> list[ScanResult]:
    """Record every finding, then report what the new baseline does not hold (nothing)."""
    from dataclasses import replace

    from modelicense import baseline

    findings = [f for r in results for f in r.findings]
    try:
        baseline.write(path, findings)
    except baseline.BaselineError as exc:
        raise Failure(str(exc)) from None
    _note(f"modelicense: wrote {len(findings)} finding(s) to baseline {path}")
    return [replace(r, findings=()) for r in results]


def _note(message: str) -> None:
    """A message on stderr that a GitHub runner cannot take for a workflow command."""
    from modelicense.runner import guard

    text = guard(message)
    click.echo(text, err=True, nl=not text.endswith("\n"))


def _write(text: str, output: Path | None, workflow_commands: bool = False) -> None:
    # Undecodable bytes in file names arrive as lone surrogates: shown as \xNN, so every report
    # is valid UTF-8. JSON formats escape their strings before dumping (report.printable_tree),
    # so for them this is a no-op.
    data = printable(text).encode("utf-8")
    if output is None:
        if not workflow_commands:  # --format github's lines are commands, escaped by report/github.py
            from modelicense.runner import guard

            data = printable(guard(text)).encode("utf-8")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from modelicense.safe_io import UnsafeFile, write_replacing

    try:
        write_replacing(output, data)
    except (OSError, UnsafeFile) as exc:
        raise Failure(f"cannot write {output}: {getattr(exc, 'strerror', None) or exc}") from None


@cli.command("inventory")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=SuggestingChoice(INVENTORY_FORMAT_NAMES), default="text",
              show_default=True, help="cyclonedx: CycloneDX 1.6 ML-BOM (JSON); spdx3: SPDX 3.0.1 JSON-LD; "
                                      "text, json or markdown: the inventory with every answer.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the inventory to FILE instead of standard output.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (default: [tool.modelicense] in pyproject.toml, or .modelicense.toml).")
@click.option("--isolated", is_flag=True, help="Ignore the scanned repository's own configuration.")
def inventory_command(paths: tuple[Path, ...], output_format: str, output: Path | None, config_path: Path | None,
                      isolated: bool) -> None:
    """The AI system each repository holds — code, weights, datasets, base models, docs, runtime —
    with each artefact's licence, effective terms, duties and commercial use, or as a bill of
    materials. Exit 0, or 2 on a usage or configuration error (findings do not change it:
    `modelicense scan` is the gate)."""
    from modelicense.report.cyclonedx import MissingLibrary
    from modelicense.report.inventory_formats import INVENTORY_FORMATS
    from modelicense.scan import knowledge_for
    from modelicense.scan import scan as run_scan

    scanned = []
    try:
        for root, shown, named, only_named in roots_for(paths or (Path("."),)):
            config = load_config(config_path, root) if config_path is not None or not isolated else Config()
            config = dataclasses.replace(config, isolated=isolated)
            result = run_scan(root, config, shown, named, only_named)
            scanned.append((result, knowledge_for(config), root.name or "repository"))
        text = INVENTORY_FORMATS[output_format](scanned)
    except (ConfigError, KnowledgeError, MissingLibrary) as exc:
        raise Failure(str(exc)) from None
    _write(text, output)


@cli.command()
@click.argument("ident")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration whose licence, dataset and model entries apply (default: as for scan, in .).")
def show(ident: str, output_format: str, config_path: Path | None) -> None:
    """Print what modelicense knows about a licence, dataset or model id, with its source."""
    from modelicense.scan import knowledge_for
    from modelicense.show import lookup, render_json, render_text

    try:
        knowledge = knowledge_for(load_config(config_path, Path.cwd()))
    except (ConfigError, KnowledgeError) as exc:
        raise Failure(str(exc)) from None
    found = lookup(ident, knowledge)
    from modelicense.runner import guard  # the configuration's knowledge is the repository's words

    click.echo(guard(render_json(ident, found) if output_format == "json" else render_text(ident, found, knowledge)),
               nl=False)
    click.get_current_context().exit(EXIT_OK if found else EXIT_FINDINGS)


@cli.command("rules")
@click.option("--format", "output_format", type=SuggestingChoice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
def rules_command(output_format: str) -> None:
    """List every rule: id, default severity, name and summary."""
    if output_format == "json":
        import json

        from modelicense.report.text import how_to_fix

        listed = [{"id": r.id, "name": r.name, "family": r.family, "severity": r.severity.value,
                   "summary": r.summary, "fix": how_to_fix(r), "documentation": r.body} for r in all_rules()]
        click.echo(json.dumps({"version": 1, "rules": listed}, indent=2))
        return
    for rule in all_rules():
        click.echo(f"{rule.id}  {rule.severity.value:<7}  {rule.name:<32}  {rule.summary}")


@cli.command()
@click.argument("rule_id", metavar="RULE")
def explain(rule_id: str) -> None:
    """Print a rule's documentation; a family prefix (DEC, WGT, …) lists the family's rules."""
    rule = get(rule_id)
    if rule is None:
        family = [r for r in all_rules() if r.id.startswith(rule_id.strip().upper())] if rule_id.strip() else []
        if family and rule_id.strip().isalpha():
            for member in family:
                click.echo(f"{member.id}  {member.severity.value:<7}  {member.name:<32}  {member.summary}")
            click.echo(f"\n`modelicense explain {family[0].id}` prints one rule's documentation.")
            return
        hint = did_you_mean(rule_id, _rule_names())
        raise click.UsageError(f"unknown rule '{rule_id}'; " + (hint or "`modelicense rules` lists them"))
    click.echo(f"{rule.id} ({rule.name}) — default severity: {rule.severity.value}\n")
    click.echo(rule.summary)
    if rule.body:
        click.echo("\n" + rule.body)


def _rule_names() -> list[str]:
    """Rule ids and family prefixes, for suggestions."""
    rules = all_rules()
    return [r.id for r in rules] + sorted({r.family for r in rules})


@cli.group("cache")
def cache_group() -> None:
    """The cache of licence-text detections (in the user cache folder, or $MODELICENSE_CACHE_DIR)."""


@cache_group.command("dir")
def cache_dir() -> None:
    """Print where the cache is."""
    from modelicense import detect

    click.echo(str(detect.open_cache().root))


@cache_group.command("clear")
def cache_clear() -> None:
    """Remove every cached detection."""
    from modelicense import detect

    store = detect.open_cache()
    removed = store.clear()
    click.echo(f"removed {removed} cached detection(s) from {store.root}")


def _show_error(exc: click.ClickException) -> None:
    """Under GitHub Actions an error is one `::error` annotation that says why (escaped, so a
    TOML key holding `\n::add-mask::` stays inside it); elsewhere as click shows it."""
    from modelicense.runner import error_line

    line = error_line(exc.format_message())
    if line is None:
        exc.show()
    else:
        sys.stderr.write(printable(line))
        sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point. Returns the exit code instead of exiting, for tests and `python -m`."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="modelicense", standalone_mode=False)
    except click.ClickException as exc:  # bad option, unknown value, missing path, bad configuration
        _show_error(exc)
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK
