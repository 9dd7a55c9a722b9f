"""Restriction phrases in prose: knowledge.prose.restrictions / find."""

from __future__ import annotations

import re

import pytest

from modelicense.knowledge.prose import find, restrictions


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


def test_phrases_point_at_the_original_words():
    text = "Data:\n  for non-commercial\n  research   purposes only."
    spans = {(p.restriction, p.start, p.end) for p in find(text)}
    # The words as written, odd spacing and all: offsets into the original text, not the flattened one.
    research = ("research-only", text.index("research"), text.index("only.") + len("only"))
    assert research in spans
    assert any(kind == "non-commercial" and start <= text.index("non-commercial") < end for kind, start, end in spans)
    assert {kind for kind, _, _ in spans} == {"non-commercial", "research-only"}


def test_card_licensing_sections(corpus):
    """Real cards whose 'Licensing Information' states restrictions their `license:` value may not."""
    expected = {"dialog_re": {"non-commercial", "research-only"}, "race": {"non-commercial", "research-only"},
                "swedish_reviews": {"research-only"}, "germaner": set(), "multi_nli": set()}
    for name, wanted in expected.items():
        card = (corpus / "hf-dataset-cards" / name / "README.md").read_text("utf-8")
        section = re.search(r"#+\s*Licensing Information\s*\n(.*?)(?=\n#+\s|\Z)", card, re.DOTALL).group(1)
        assert restrictions(section) == wanted, name
