"""Inline suppression: where a comment applies, what counts as one, and that it needs a reason."""

from __future__ import annotations

from pathlib import Path

from conftest import card

from modelicense.config import Config
from modelicense.model import Finding, Location, Severity, Suppression
from modelicense.scan import scan
from modelicense.suppress import apply, covers, parse


def finding(rule: str, path: str, line: int | None) -> Finding:
    return Finding(rule, Severity.WARNING, "m", Location(path, line))


def rules_found(root: Path) -> list[str]:
    return sorted(f.rule for f in scan(root, Config()).findings)


def test_parse_front_matter_hash_comment_with_reason():
    text = "---\n# modelicense: ignore[dec002, WGT] reviewed by legal, see ticket 12\nlicense: other\n---\n# Card\n"
    [s] = parse("README.md", text)
    assert s == Suppression(("DEC002", "WGT"), "reviewed by legal, see ticket 12", Location("README.md", 2, 1), next_line=True)


def test_parse_markdown_html_comment_applies_to_the_whole_card():
    text = "---\nlicense: mit\n---\n\nIntro\n<!-- modelicense: ignore[DAT001] we hold a licence from the owner -->\n"
    [s] = parse("card.md", text)
    assert s.whole_file and s.rules == ("DAT001",) and s.reason == "we hold a licence from the owner"
    assert s.location == Location("card.md", 6, 1)


def test_parse_ignores_examples_in_fenced_code_and_other_file_types():
    text = "# Docs\n\n```markdown\n<!-- modelicense: ignore[DAT001] example -->\n```\n"
    assert parse("README.md", text) == ()
    assert parse("train.py", "# modelicense: ignore[CMP001] nope\n") == ()


def test_parse_toml_and_empty_reason():
    [s] = parse("pyproject.toml", '[project]\nlicense = "GPL-2.0-only"  # modelicense: ignore[CMP001]\n')
    assert s.location.line == 2 and s.reason == "" and s.rules == ("CMP001",) and not s.next_line


def test_line_semantics_own_line_and_the_next_only():
    s = Suppression(("DEC",), "because", Location("README.md", 5))
    assert covers(s, finding("DEC004", "README.md", 5))
    assert covers(s, finding("DEC004", "README.md", 6))
    assert not covers(s, finding("DEC004", "README.md", 7))
    assert not covers(s, finding("DEC004", "README.md", 4))
    assert not covers(s, finding("DEC004", "other.md", 6))
    assert not covers(s, finding("WGT001", "README.md", 6))
    assert not covers(s, finding("DEC004", "README.md", None))
    trailing = Suppression(("DEC",), "because", Location("README.md", 5, 20), next_line=False)
    assert covers(trailing, finding("DEC004", "README.md", 5)) and not covers(trailing, finding("DEC004", "README.md", 6))


def test_ignore_file_and_missing_reason():
    whole = Suppression(("DEC001",), "template", Location("README.md", 9), whole_file=True)
    assert covers(whole, finding("DEC001", "README.md", 1)) and covers(whole, finding("DEC001", "README.md", None))
    unreasoned = Suppression(("DEC001",), "", Location("README.md", 1))
    assert apply([finding("DEC001", "README.md", 1)], [unreasoned]) == [finding("DEC001", "README.md", 1)]


def test_end_to_end_comment_above_the_key(make_repo):
    fm = "library_name: x\n# modelicense: ignore[DEC002] terms sent to each customer under NDA\nlicense: other"
    assert rules_found(make_repo({"README.md": card(fm)})) == []


def test_end_to_end_comment_two_lines_above_does_not_apply(make_repo):
    fm = "# modelicense: ignore[DEC002] terms sent to each customer under NDA\nlibrary_name: x\nlicense: other"
    assert rules_found(make_repo({"README.md": card(fm)})) == ["DEC002"]


def test_end_to_end_html_comment_in_body(make_repo):
    body = "# Model\n\n<!-- modelicense: ignore[DEC002] terms sent to each customer under NDA -->\n"
    assert rules_found(make_repo({"README.md": card("license: other\nlibrary_name: x", body)})) == []


def test_end_to_end_trailing_comment_in_toml(make_repo, corpus):
    licence = (corpus / "model-repos/EleutherAI__pythia/LICENSE").read_text("utf-8")
    toml = '[project]\nname = "x"\nlicense = "MIT"  # modelicense: ignore[DEC004] relicensing in progress, see #42\n'
    assert rules_found(make_repo({"pyproject.toml": toml, "LICENSE": licence})) == []
    toml_no_reason = '[project]\nname = "x"\nlicense = "MIT"  # modelicense: ignore[DEC004]\n'
    assert rules_found(make_repo({"pyproject.toml": toml_no_reason, "LICENSE": licence})) == ["DEC004", "DEC008"]


def test_source_file_suppression_at_the_spdx_header(make_repo, corpus):
    licence = (corpus / "model-repos/lllyasviel__ControlNet/LICENSE").read_text("utf-8")
    reasoned = "# modelicense: ignore[CMP001] kept out of the wheel; a separate tool\n# SPDX-License-Identifier: GPL-2.0-only\n"
    assert rules_found(make_repo({"LICENSE": licence, "tools/gen.py": reasoned})) == []
    c_style = "/* SPDX-License-Identifier: GPL-2.0-only */ /* modelicense: ignore[CMP] vendored, built separately */\n"
    assert rules_found(make_repo({"LICENSE": licence, "ext/x.c": c_style})) == []
    unreasoned = "# modelicense: ignore[CMP001]\n# SPDX-License-Identifier: GPL-2.0-only\n"
    assert rules_found(make_repo({"LICENSE": licence, "tools/gen.py": unreasoned})) == ["CMP001", "DEC008"]


def test_list_items_take_a_comment_above_or_trailing(make_repo):
    fm = ("library_name: x\nlicense:\n# modelicense: ignore[DEC003] our own id, defined in LICENSE\n- acme-1\n"
          "- acme-2  # modelicense: ignore[DEC003] same\n- acme-3")
    assert rules_found(make_repo({"README.md": card(fm)})) == ["DEC003"]  # acme-3 has no suppression
    fm = fm.removesuffix("\n- acme-3")
    assert rules_found(make_repo({"README.md": card(fm)})) == []
