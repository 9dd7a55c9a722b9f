"""The rule registry: one id per rule, and no rule without its documentation's four sections."""

from __future__ import annotations

import pytest

from modelicense.model import Severity
from modelicense.rules import REGISTRY, SECTIONS, all_rules, rule


def _documented(*sections: str) -> str:
    return "A summary line.\n\n" + "\n\n".join(f"{s}\nText." for s in sections)


@pytest.mark.parametrize("left_out", SECTIONS)
def test_a_rule_without_one_of_the_four_sections_is_refused(left_out):
    def check(repository, knowledge):
        return iter(())

    check.__doc__ = _documented(*(s for s in SECTIONS if s != left_out))
    with pytest.raises(ValueError, match=left_out):
        rule("TST901", "test-rule", Severity.INFO)(check)
    assert "TST901" not in REGISTRY


def test_a_rule_with_the_four_sections_is_registered():
    def check(repository, knowledge):
        return iter(())

    check.__doc__ = _documented(*SECTIONS)
    try:
        rule("TST902", "test-rule", Severity.INFO)(check)
        assert REGISTRY["TST902"].summary == "A summary line."
    finally:
        REGISTRY.pop("TST902", None)


def test_every_shipped_rule_has_the_sections_in_order():
    for registered in all_rules():
        lines = registered.body.splitlines()
        assert [lines.index(s) for s in SECTIONS] == sorted(lines.index(s) for s in SECTIONS), registered.id
