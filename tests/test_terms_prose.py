"""Restrictions stated in card prose, licence fields and legacy ids: the terms reader asked for
the data kinds (what DAT001, DAT002, DAT007 and DAT008 read; knowledge/data/terms.json holds the
wordings that restrictions.json used to)."""

from __future__ import annotations

import re

import pytest

from modelicense.inventory.data import ORDER
from modelicense.model import Location
from modelicense.terms import read


def restrictions(text: str) -> set[str]:
    return {term.kind for term in read(text, Location("README.md", 1, 1), ORDER)}


@pytest.mark.parametrize("text,expected", [
    ("DialogRE dataset is intended for non-commercial research purpose only", {"non-commercial", "research-only"}),
    ("Custom (research-only, non-commercial)", {"research-only", "non-commercial"}),
    ("other-for-non-commercial-research-and-educational-purposes-only", {"non-commercial", "research-only"}),
    ("The University of Washington academic license", {"academic-only"}),
    ("for academic use only", {"academic-only"}),
    ("may not be redistributed without prior written permission", {"permission-required"}),
    ("Commercial use requires a separate license; you must first obtain permission.", {"permission-required"}),
    ("You may not modify the data or build upon it.", {"no-derivatives"}),
    ("Commercial use is prohibited.", {"non-commercial"}),
])
def test_restrictions_are_found(text, expected):
    assert restrictions(text) == expected


@pytest.mark.parametrize("text", [
    "The dataset may be freely used for any purpose, including commercial use.",
    "Available for both commercial and non-commercial use.",
    "There are no restrictions on commercial use.",
    "The contents of the NOTICE file are for informational purposes only and do not modify the License.",
    "with the explicit permission of the author, two stories are included",
    "This dataset is licensed under CC BY 4.0.",
])
def test_permissions_and_unrelated_text_are_quiet(text):
    assert restrictions(text) == set()


def test_terms_point_at_the_original_words():
    text = "Data:\n  for non-commercial\n  research   purposes only."
    found = {term.kind: term for term in read(text, Location("README.md", 10, 1), ORDER)}
    assert set(found) == {"non-commercial", "research-only"}
    # The words as written, odd spacing and all, at the line they stand on in the file.
    assert found["non-commercial"].location == Location("README.md", 11, 3)  # "for non-commercial research"
    assert found["research-only"].quote == "Data: for non-commercial research purposes only."


def test_permission_required_is_read_only_when_asked_for():
    """'without permission' means something else in licence texts (the GPL's definition of
    propagating): the term is prose-only, read from card prose by kind, never by terms_of."""
    text = "The corpus may not be redistributed without prior written permission."
    assert restrictions(text) == {"permission-required"}
    assert read(text, Location("LICENSE", 1, 1)) == ()


def test_card_licensing_sections(corpus):
    """Real cards whose 'Licensing Information' states restrictions their `license:` value may not."""
    expected = {"dialog_re": {"non-commercial", "research-only"}, "race": {"non-commercial", "research-only"},
                "swedish_reviews": {"research-only"}, "germaner": set(), "multi_nli": set()}
    for name, wanted in expected.items():
        card = (corpus / "hf-dataset-cards" / name / "README.md").read_text("utf-8")
        section = re.search(r"#+\s*Licensing Information\s*\n(.*?)(?=\n#+\s|\Z)", card, re.DOTALL).group(1)
        assert restrictions(section) == wanted, name


def test_a_card_naming_a_non_commercial_licence_in_its_licensing_information_is_non_commercial():
    """acronym_identification's YAML says MIT, its Licensing Information "licensed under CC BY-NC-SA
    4.0": the generated dataset entry (scripts/datasets_from_cards.py, which reads the section with
    the terms reader) records what the card's words say."""
    from modelicense.knowledge import load

    dataset = load().dataset("acronym_identification")
    assert dataset.licence == "MIT" and dataset.non_commercial
    assert "CC BY-NC" in dataset.notes
