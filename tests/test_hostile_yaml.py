"""Hostile YAML in card front matter: bombs, deep nesting, huge documents, python tags.

Each must end as a finding (or harmless), never a crash or a hang, with bounded work: the tests
count values read, not seconds (a wall-clock assertion fails on a loaded machine).
"""

from __future__ import annotations

import pytest

from modelicense.extract import card, frontmatter
from modelicense.model import FileKind

def _extract(front_matter: str, body: str = "# Model\n"):
    data = f"---\n{front_matter}\n---\n{body}".encode()
    return card.extract("README.md", data, len(data))


def _billion_laughs(levels: int = 10, fan_out: int = 10) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * fan_out)
        lines.append(f"a{level}: &a{level} [{refs}]")
    last = f"*a{levels - 1}"
    lines += [f"license: {last}", f"datasets: {last}", f"base_model: {last}", f"license_name: {last}"]
    return "\n".join(lines)


def test_billion_laughs_costs_nothing_and_reads_a_bounded_number_of_values():
    extraction = _extract(_billion_laughs())
    # 10^10 'lol's if expanded; the walk visits only the top-level items of each value.
    assert len(extraction.declarations) <= frontmatter.MAX_SCALARS_PER_VALUE
    assert len(extraction.references) <= 2 * frontmatter.MAX_SCALARS_PER_VALUE


def test_alias_of_a_scalar_list_is_read_once_per_use():
    extraction = _extract("base: &ids [mit, apache-2.0]\nlicense: *ids")
    assert [d.raw for d in extraction.declarations] == ["mit", "apache-2.0"]


@pytest.mark.parametrize(
    "nested",
    [
        "a: " + "[" * 400_000,  # unclosed flow sequences: crashed libyaml's composer (segfault)
        "a: " + "[" * 200_000 + "]" * 200_000,  # closed ones too
        "a: " + "{a: " * 100_000,  # flow mappings
        "a:\n" + "- " * 200_000 + "x",  # block sequences on one line
        "? " * 200_000 + "x",  # complex keys
    ],
    ids=["flow-open", "flow-closed", "flow-map", "block-dash", "complex-key"],
)
def test_deep_nesting_is_a_finding_not_a_crash(nested):
    extraction = _extract(nested)
    assert extraction.kind is FileKind.CARD
    (problem,) = extraction.problems
    assert problem.code == "malformed"
    assert "levels deep" in problem.message or "not valid YAML" in problem.message
    assert problem.location.line is not None and problem.location.line >= 2


def test_reasonable_nesting_still_parses():
    # (under a key modelicense does not read: a `model-index:` of this shape is one the Hub's
    # client refuses, its models having no `name`; test_cards_as_the_hub_reads_them.py)
    nested = "widget:\n" + "".join("  " * i + "- a:\n" for i in range(1, 20)) + "  " * 20 + "- x\nlicense: mit"
    extraction = _extract(nested)
    assert [d.raw for d in extraction.declarations] == ["mit"]
    assert extraction.problems == ()


def test_front_matter_as_large_as_a_card_may_be_is_read_whole():
    """One size limit: a card is read up to its read limit, and so is its front matter (a large
    `dataset_info` above or below the licence no longer hides it)."""
    big = "\n".join(f"k{i}: {'x' * 100}" for i in range(6000)) + "\nlicense: mit"  # about 640 KiB
    extraction = _extract(big)
    assert extraction.problems == ()
    assert [d.raw for d in extraction.declarations if d.confidence == "high"] == ["mit"]


@pytest.mark.parametrize(
    ("tagged", "rejected"),
    [
        ("license: !!python/object/apply:os.system ['touch /tmp/modelicense-pwned']", True),
        ("license: !!python/name:os.system", True),
        ("license: !!binary aGVsbG8=", False),  # a safe type: yaml.safe_load builds bytes
        ("license: !custom {a: 1}", True),
    ],
)
def test_tags_are_never_constructed_and_those_the_client_rejects_are_reported(tagged, rejected, tmp_path):
    extraction = _extract(tagged)
    assert not (tmp_path / "modelicense-pwned").exists()
    assert {p.location.line for p in extraction.problems} == ({2} if rejected else set())
    assert any("yaml.safe_load" in p.message for p in extraction.problems) is rejected
    assert len(extraction.declarations) <= 1  # the scalar's text at most, never an object


@pytest.mark.parametrize(
    "front_matter",
    [
        "license: [mit",  # unclosed
        "license: mit\n  bad indent: x",
        "- just\n- a list",  # not a mapping
        "'just a string'",
        "license: *undefined_alias",
        "&a license: mit\n&a other: x",
        "license: mit\nlicense: apache-2.0",  # duplicate keys: the last wins, no crash
        "? [a, b]\n: c\nlicense: mit",  # a sequence as key
        "license: \x00",
        "license: \t\tmit",
        "%YAML 1.1\n---\nlicense: mit",
        "license: mit\n---\nsecond: doc",
    ],
)
def test_malformed_front_matter_is_a_finding_or_harmless(front_matter):
    extraction = _extract(front_matter)
    assert all(p.code == "malformed" for p in extraction.problems)
    for problem in extraction.problems:
        assert problem.location.path == "README.md"


def test_front_matter_never_closed_is_reported_on_line_1():
    data = b"---\nlicense: mit\n" + b"x: y\n" * 10_000
    extraction = card.extract("README.md", data, len(data))
    assert [(p.message, p.location.line) for p in extraction.problems] == [
        ("front matter opened with '---' on line 1 is never closed (no later '---' line), so the Hub reads no "
         "metadata from this card", 1)
    ]
