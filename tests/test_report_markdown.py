"""--format markdown: artefacts with their licences and scopes, findings by severity linked to the
rule documentation page generated from the registry."""

from __future__ import annotations

import re

from conftest import PROJECT, card, run_cli

from modelicense.model import (
    Artefact,
    Declaration,
    FileKind,
    Finding,
    Location,
    Repository,
    Resolution,
    ResolvedDeclaration,
    ScanResult,
    Severity,
)
from modelicense.report import ReportOptions
from modelicense.report.markdown import RULES_DOC, RULES_URL, anchor, render, rules_document, text
from modelicense.rules import all_rules


def test_scan_lists_artefacts_then_findings_by_severity(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0\nlibrary_name: transformers"),
                      "LICENSE": (PROJECT / "fixtures/clean-model/LICENSE").read_text()})
    proc = run_cli("scan", ".", "--format", "markdown", cwd=root)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert out.startswith("## modelicense\n\n**1 finding**: 1 warning.")
    table = out[out.index("### Artefacts"):out.index("### 🟠 Warnings")]
    assert "| LICENSE | licence-file | MIT, line 1 | repo |" in table
    assert "| README.md | model-card | apache-3.0 ⚠ not recognised, line 2 | weights |" in table
    link = f"[DEC003]({RULES_URL}#dec003-unrecognised-licence) unrecognised-licence"
    assert f"| {link} | README.md:2:10 |" in out


def _result(findings: tuple[Finding, ...], artefacts: tuple[Artefact, ...] = ()) -> list[ScanResult]:
    return [ScanResult(".", Repository(".", artefacts), findings)]


def test_groups_in_severity_order_with_counts():
    findings = tuple(Finding(rule, severity, "m", Location("README.md", n)) for n, (rule, severity) in enumerate(
        [("DEC003", Severity.INFO), ("DEC005", Severity.ERROR), ("DEC006", Severity.WARNING),
         ("DEC003", Severity.ERROR)], start=1))
    out = render(_result(findings), ReportOptions())
    headings = re.findall(r"^### \S+ (\w+) \((\d+)\)$", out, re.MULTILINE)
    assert headings == [("Errors", "2"), ("Warnings", "1"), ("Info", "1")]


def test_what_a_repository_wrote_cannot_break_the_table_or_inject_markup():
    raw = "MIT | <script>alert(1)</script> [click](https://evil.example)\nsecond line"
    declaration = Declaration(raw, "weights", Location("we|ird.md", 2, 10), "license")
    artefact = Artefact("we|ird.md", FileKind.MODEL_CARD,
                        (ResolvedDeclaration(declaration, Resolution(None, unrecognised=(raw,))),))
    finding = Finding("DEC003", Severity.WARNING, f"licence '{raw}' is odd", Location("we|ird.md", 2, 10))
    out = render(_result((finding,), (artefact,)), ReportOptions())
    for line in out.splitlines():
        if line.startswith(("| we", "| [DEC003]")):
            # Four columns in the artefact table, three in the findings table: every other pipe is escaped.
            assert len(re.findall(r"(?<!\\)\|", line)) in (4, 5), line
    assert "<script>" not in out and "](https://evil" not in out
    assert "second line" in out and "\nsecond line" not in out


def test_text_escapes_markup_and_control_characters():
    assert text("a_b*c`d|e<f>\n[x](y)") == r"a\_b\*c\`d\|e\<f\><br>\[x\]\(y\)"
    assert text("bell\x07") == "bell\ufffd"


def test_no_findings_and_no_artefacts():
    out = render(_result(()), ReportOptions())
    assert "**No findings.**" in out and "No files that declare licences were found." in out


def test_rules_page_is_generated_from_the_registry_and_up_to_date():
    page = (PROJECT / RULES_DOC).read_text(encoding="utf-8")
    assert page == rules_document(), (
        f"{RULES_DOC} is stale: regenerate it with `python -m modelicense.report.markdown > {RULES_DOC}`")


def test_every_rule_link_lands_on_a_heading_of_the_rules_page():
    headings = re.findall(r"^## (.+)$", rules_document(), re.MULTILINE)
    github_anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    for rule in all_rules():
        assert anchor(rule.id, rule.name) in github_anchors


def test_rules_page_carries_the_same_text_explain_prints():
    from click.testing import CliRunner

    from modelicense.cli import cli

    page = rules_document()
    for rule in all_rules():
        explained = CliRunner().invoke(cli, ["explain", rule.id]).output
        section = page.split(f"## {rule.id} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
        # Same words; the page only demotes the docstring's headings under the rule's own.
        assert re.sub(r"^#+ ", "", section.lstrip("\n").split("\n\n", 1)[1], flags=re.MULTILINE).strip() == \
            re.sub(r"^#+ ", "", explained.split("\n\n", 1)[1], flags=re.MULTILINE).strip()
