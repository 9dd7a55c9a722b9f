"""--format github: workflow-command annotations the runner decodes back to what was found, in
severity order, and the job summary written beside them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, card

from modelicense.model import Finding, Location, Repository, ScanResult, Severity
from modelicense.report import ReportOptions
from modelicense.report.github import (
    SUMMARY_LIMIT,
    escape_data,
    escape_property,
    fit_summary,
    render,
    write_step_summary,
)

# --- the runner's side, after actions/runner ActionCommand.TryParseV2 and its Unescape* ----------

def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """`::name k=v,k=v::data` as the runner reads it: properties end at the first `::`."""
    assert line.startswith("::"), line
    end = line.index("::", 2)
    head, data = line[2:end], line[end + 2:]
    name, _, props = head.partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, _, value = pair.partition("=")
        properties[key] = unescape_property(value)
    return name, properties, unescape_data(data)


def result_with(*findings: Finding) -> list[ScanResult]:
    return [ScanResult(".", Repository(".", ()), tuple(findings))]


def finding(rule: str, severity: Severity, message: str, path: str, line: int | None = None,
            column: int | None = None, related: tuple[Location, ...] = ()) -> Finding:
    return Finding(rule, severity, message, Location(path, line, column), related, fingerprint="f" * 16)


# --- escaping --------------------------------------------------------------------------------

def test_escaping_matches_the_toolkit():
    assert escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert escape_property("dir:one,two/50%\nx") == "dir%3Aone%2Ctwo/50%25%0Ax"
    # `%` first, so an already escaped-looking text survives the round trip.
    assert unescape_data(escape_data("literal %0A here")) == "literal %0A here"
    assert unescape_property(escape_property("a%3Ab")) == "a%3Ab"
    # Terminal escapes in a file name or message are shown, never passed to the log.
    assert escape_data("a\x1b[2Jb\tc") == "a\\x1b[2Jb\tc"


def test_message_and_path_with_percent_colon_comma_newline_round_trip():
    path = "models/v1:final,50%/README.md"
    message = "licence 'GPL-3.0' at 100%:\nweights, data\r\nand %0A literally :: here"
    lines = render(result_with(finding("DEC003", Severity.WARNING, message, path, 4, 10)), ReportOptions())
    first = lines.splitlines()[0]
    assert "\n" not in first and "\r" not in first
    name, props, data = parse_command(first)
    assert name == "warning"
    assert props == {"file": path, "line": "4", "col": "10", "title": "DEC003 unrecognised-licence"}
    assert data == message


def test_whole_file_finding_has_no_line_or_column():
    out = render(result_with(finding("DEC006", Severity.WARNING, "cannot read", "LICENSE")), ReportOptions())
    _, props, _ = parse_command(out.splitlines()[0])
    assert props == {"file": "LICENSE", "title": "DEC006 file-not-read"}


def test_related_locations_are_named_in_the_message():
    related = (Location("LICENSE", 1), Location("pyproject.toml", 7, 11))
    out = render(result_with(finding("DEC003", Severity.ERROR, "contradiction", "README.md", 3, 10, related)),
                 ReportOptions())
    _, _, data = parse_command(out.splitlines()[0])
    assert data == "contradiction\nSee also: LICENSE:1, pyproject.toml:7:11"


def test_errors_first_then_warnings_then_notices_and_a_count():
    findings = [finding("DEC003", Severity.INFO, "i", "a.md", 1), finding("DEC005", Severity.WARNING, "w", "a.md", 2),
                finding("DEC006", Severity.ERROR, "e", "z.md", 9)]
    lines = render(result_with(*findings), ReportOptions()).splitlines()
    assert [parse_command(line)[0] for line in lines[:3]] == ["error", "warning", "notice"]
    assert lines[3] == "modelicense: 3 findings (1 error, 1 warning, 1 info)"


def test_at_most_ten_of_a_type_and_a_notice_that_says_how_many_more_and_where():
    findings = ([finding("DEC006", Severity.ERROR, f"e{n}", "a.md", n) for n in range(1, 4)]
                + [finding("DEC003", Severity.WARNING, f"w{n}", "README.md", n) for n in range(1, 13)]
                + [finding("DAT006", Severity.INFO, f"i{n}", "README.md", n) for n in range(1, 13)])
    lines = render(result_with(*findings), ReportOptions()).splitlines()
    commands = [parse_command(line) for line in lines if line.startswith("::")]
    kinds = [name for name, _, _ in commands]
    # GitHub drops the 11th of a type: 10 warnings, 9 notices and the notice that says so.
    assert kinds == ["error"] * 3 + ["warning"] * 10 + ["notice"] * 10
    assert [data for _, _, data in commands[3:13]] == [f"w{n}" for n in range(1, 11)]  # in order of place
    name, props, data = commands[-1]
    assert props == {"title": "modelicense"}
    assert data.startswith("5 more findings (2 warnings, 3 info) not annotated")
    assert "job summary" in data and "SARIF" in data
    assert lines[-1] == "modelicense: 27 findings (3 errors, 12 warnings, 12 info)"


def test_ten_of_each_need_no_notice():
    findings = [finding("DAT006", Severity.INFO, f"i{n}", "README.md", n) for n in range(1, 11)]
    lines = render(result_with(*findings), ReportOptions()).splitlines()
    assert sum(line.startswith("::notice") for line in lines) == 10
    assert not any("title=modelicense" in line for line in lines)


def test_paths_in_messages_are_written_as_in_the_location(make_repo):
    workspace = make_repo({"models/a/README.md": card("license: gpl-3.0\nlibrary_name: x"),
                           "models/a/LICENSE": (FIXTURES / "clean-model" / "LICENSE").read_text(encoding="utf-8"),
                           "models/a/model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"})
    proc = run(workspace, "models/a", "--fail-on", "never")
    [dec004] = [parse_command(line) for line in proc.stdout.splitlines() if "title=DEC004" in line]
    _, props, data = dec004
    assert props["file"] == "models/a/README.md"
    assert "in models/a/README.md, but models/a/LICENSE is the MIT text" in data
    assert "See also: models/a/LICENSE:1:1" in data


def test_several_roots_prefix_paths_so_annotations_land_in_the_workspace():
    results = [ScanResult("models/a", Repository("models/a", ()),
                          (Finding("DEC003", Severity.WARNING, "m", Location("README.md", 2, 10), root="models/a"),))]
    _, props, _ = parse_command(render(results, ReportOptions()).splitlines()[0])
    assert props["file"] == "models/a/README.md"


def test_quiet_and_clean_prints_nothing():
    assert render(result_with(), ReportOptions(quiet=True)) == ""
    assert render(result_with(), ReportOptions()) == "modelicense: 0 findings\n"


# --- end to end through the CLI --------------------------------------------------------------

def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "modelicense", "scan", "--format", "github", *args], cwd=root,
                          capture_output=True, text=True, env=environment, timeout=120, check=False)


DECLARED_LINE = 4  # the line of `license:` in the card below


@pytest.fixture
def declared_repo(make_repo):
    return make_repo({"README.md": card("language: en\npipeline_tag: text-generation\nlicense: gpl-3.0"),
                      "model.safetensors": b"\x08\x00\x00\x00\x00\x00\x00\x00{}      "})


def test_annotation_stands_on_the_exact_line_that_declares_the_licence(declared_repo):
    proc = run(declared_repo, ".")
    assert proc.returncode == 1, proc.stderr
    annotations = [parse_command(line) for line in proc.stdout.splitlines() if line.startswith("::")]
    assert ("warning", {"file": "README.md", "line": str(DECLARED_LINE), "col": "10",
                        "title": "WGT001 copyleft-weights"}) in [(n, p) for n, p, _ in annotations]
    lines = (declared_repo / "README.md").read_text().splitlines()
    assert lines[DECLARED_LINE - 1].startswith("license:")


def test_step_summary_is_appended_when_running_in_actions(declared_repo, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    proc = run(declared_repo, ".", "--fail-on", "error", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 0, proc.stderr
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# Earlier step\n## modelicense")
    assert "### 🟠 Warnings (1)" in written and "README.md:4:10" in written


def test_no_summary_outside_actions_and_an_unwritable_one_is_reported_not_fatal(declared_repo, tmp_path):
    proc = run(declared_repo, ".", env={"GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such" / "dir" / "s.md")})
    assert proc.returncode == 1
    assert "cannot write the job summary" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- the 1 MiB bound -------------------------------------------------------------------------

def test_fit_summary_cuts_at_a_line_and_says_so():
    report = "".join(f"| row {n} | é |\n" for n in range(1000))
    fitted = fit_summary(report, 2000)
    assert len(fitted.encode("utf-8")) <= 2000
    assert "Truncated" in fitted
    body = fitted.split("\n\n> **Truncated**")[0]
    assert report.startswith(body + "\n")


def test_summary_file_never_grows_past_the_limit(tmp_path):
    path = tmp_path / "summary.md"
    path.write_bytes(b"x" * (SUMMARY_LIMIT - 5000) + b"\n")
    report = "".join(f"| finding {n} |\n" for n in range(10000))
    assert write_step_summary(report, str(path)) is None
    size = path.stat().st_size
    assert SUMMARY_LIMIT - 5000 < size < SUMMARY_LIMIT
    assert path.read_text(encoding="utf-8").rstrip().endswith("for the full report.")
    assert re.search(r"\| finding 0 \|", path.read_text(encoding="utf-8"))
