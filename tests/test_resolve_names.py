"""Free-text licence names, URLs, legacy `other-*` values and prose, as people write them."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from modelicense.knowledge import load
from modelicense.knowledge.names import cc_id, url_key
from modelicense.model import Declaration, Location
from modelicense.resolve import Resolver

PARAPHRASES = "data-provenance/constants/license_paraphrases.json"

# Where the Data Provenance paraphrase list files a wording under a licence it does not name.
# Each is a judgement of theirs we do not copy; the reason is what the wording says.
PARAPHRASE_DISAGREEMENTS = {
    "The project is licenced under CC-by-NC": "no version given: the version-less CC BY-NC family, same use terms",
    "GNU Affero General Public License v3.0": "AGPL-3.0 is not GPL-3.0: network copyleft",
    "agpl-3.0": "AGPL-3.0 is not GPL-3.0: network copyleft",
    "GNU GENERAL PUBLIC LICENSE": "no version given: the GPL family",
    "gpl": "no version given: the GPL family",
    "cc-by-2.0": "CC BY 2.0 is its own licence, not CC BY 3.0",
    "## creative commons": "'Creative Commons' names no licence: the CC family, properties unknown",
    "Creative Commons": "'Creative Commons' names no licence: the CC family, properties unknown",
    "Creative Commons Legal Code": "heading of every CC 3.0 text, not CC0 in particular",
    "Creative Commons Public License (CCPL)": "'CCPL' names no particular CC licence",
    "cc": "the Hugging Face id of the CC family, not CC0",
    "Public Domain Mark 1.0": "the Public Domain Mark labels public-domain works; it is not the CC0 waiver",
    "Public domain": "a public-domain statement, not the CC0 instrument",
    "BSD License": "clause count not given: the BSD family",
    "bsd": "the Hugging Face id of the BSD family",
    "Apache License": "version not given; left unrecognised so the user says which",
    "CC-BY": "no version given: the version-less CC BY family, same use terms",
    "Modified MIT License": "a modified MIT licence is not MIT",
    "Permission is hereby granted, free of charge, to any person obtaining a copy ...":
        "the opening sentence of MIT, X11, JSON and dozens of MIT variants: not an identity",
    "CC BY-SA (Creative Commons / Attribution-ShareAlike)": "no version given: the version-less CC BY-SA family",
    "Creative Commons Attribution-ShareAlike 3.0 and the GNU Free Documentation License":
        "names two licences (Wikipedia's dual licence); left for the user to write as an expression",
}
# Classes that are descriptions, not licences: their wordings are restrictions found in prose.
RESTRICTION_CLASSES = {"Non Commercial": "non-commercial", "Academic Research Purposes Only": None}


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load())


@pytest.mark.parametrize("raw,expected", [
    ("Creative Commons Attribution-NonCommercial 4.0 International", "CC-BY-NC-4.0"),
    ("Creative Commons Attribution-NonCommercial 4.0 International Public License", "CC-BY-NC-4.0"),
    ("CC BY-NC 4.0", "CC-BY-NC-4.0"), ("cc by nc sa 4.0", "CC-BY-NC-SA-4.0"), ("CC BY- SA 4.0", "CC-BY-SA-4.0"),
    ("Attribution-NonCommercial-NoDerivatives 4.0 International", "CC-BY-NC-ND-4.0"),
    ("Creative Commons Attribution-NoDerivs 3.0 Unported", "CC-BY-ND-3.0"),
    ("apache 2.0", "Apache-2.0"), ("Apache License, Version 2.0", "Apache-2.0"), ("The MIT License (MIT)", "MIT"),
    ("GNU GPLv3", "GPL-3.0-only"), ("GNU LGPLv2.1", "LGPL-2.1-only"), ("BSD 2-Clause License", "BSD-2-Clause"),
    ("https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode", "CC-BY-NC-SA-4.0"),
    ("https://creativecommons.org/licenses/by/4.0/deed.en", "CC-BY-4.0"),
    ("http://creativecommons.org/licenses/by-sa/3.0", "CC-BY-SA-3.0"),
    ("https://opensource.org/licenses/MIT", "MIT"), ("https://opensource.org/license/bsd-3-clause", "BSD-3-Clause"),
    ("https://spdx.org/licenses/Apache-2.0.html", "Apache-2.0"), ("https://www.gnu.org/licenses/gpl-3.0.en.html", "GPL-3.0-only"),
    ("https://huggingface.co/datasets/choosealicense/licenses/blob/main/markdown/mit.md", "MIT"),
    ("https://opendatacommons.org/licenses/by/1-0/", "ODC-By-1.0"),
    ("License :: OSI Approved :: MIT License", "MIT"), ("License :: OSI Approved :: Apache Software License", "Apache-2.0"),
    ("Licensed under the Apache License, Version 2.0", "Apache-2.0"),
    ("Llama 3.1 Community License", "llama3.1"), ("Meta Llama 3 Community License Agreement", "llama3"),
    ("other-C-UDA", "C-UDA-1.0"), ("other-Creative Commons Attribution 2.5 South Africa License", "CC-BY-2.5"),
    ("other-Public Domain Mark 1.0", "pdm-1.0"), ("gnu-gpl-v3.0", "GPL-3.0-only"), ("CC-BY", "cc-by"),
    # "or later" is a different licence id from "only"
    ("License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later"),
    ("GPLv3+", "GPL-3.0-or-later"), ("GNU GPL v2 or later", "GPL-2.0-or-later"), ("LGPL v2.1 or later", "LGPL-2.1-or-later"),
    ("Licensed under the GNU General Public License v3, or any later version", "GPL-3.0-or-later"),
    ("GNU General Public License v3", "GPL-3.0-only"),
])
def test_names_people_write_resolve(resolver, raw, expected):
    resolution = resolver.resolve_id(raw)
    assert resolution.keys == (expected,), resolution


@pytest.mark.parametrize("raw", ["apache-3.0", "cc-by-5.0", "Creative Commons 3.0", "Modified MIT License",
                                 "Copyright 2017 Google Inc.", "for research"])
def test_what_names_no_licence_stays_unrecognised(resolver, raw):
    resolution = resolver.resolve_id(raw)
    assert not resolution.keys and resolution.unrecognised == (raw,)


def test_expressions_are_not_mistaken_for_names(resolver):
    assert resolver.resolve_id("apache-2.0 AND cc-by-4.0").keys == ("Apache-2.0", "CC-BY-4.0")
    assert resolver.resolve_id("MIT/Apache-2.0").alternatives
    sentence = "For non-commercial research and educational purposes only"
    assert resolver.resolve_id(sentence).unrecognised == (sentence,)  # a sentence, not "A AND B"


def test_legacy_other_values_keep_what_they_say(resolver):
    resolution = resolver.resolve_id("other-research-only")
    assert resolution.ignorance == "other" and resolution.unrecognised == ("research-only",)


def test_cc_and_url_helpers():
    assert cc_id("CC BY-NC-SA 2.0") == "CC-BY-NC-SA-2.0"
    assert cc_id("creative commons attribution no derivatives") == "cc-by-nd"
    assert cc_id("CC BY-ND-SA 4.0") is None  # no such licence
    assert url_key("https://creativecommons.org/licenses/by-nc/4.0/legalcode.de") == "creativecommons.org/licenses/by-nc/4.0"
    assert url_key("https://example.com/LICENSE") is None


# The licence each of Data Provenance's canonical names stands for, read off the SPDX licence list
# (https://spdx.org/licenses/); OpenAI's terms have no SPDX id and use ours. Names that are not one
# licence ("Custom", "Various", "Non Commercial", "Request Form"...) are left out.
DATA_PROVENANCE_CANONICAL = {
    "CC BY-NC 4.0": "CC-BY-NC-4.0", "CC BY-NC-SA 4.0": "CC-BY-NC-SA-4.0", "CC BY 2.5": "CC-BY-2.5",
    "GNU General Public License v3.0": "GPL-3.0-only", "CC BY-NC-ND 4.0": "CC-BY-NC-ND-4.0", "CC BY 3.0": "CC-BY-3.0",
    "BSD 2-Clause License": "BSD-2-Clause", "CC BY 2.0": "CC-BY-2.0", "C-UDA": "C-UDA-1.0", "CC BY-NC 3.0": "CC-BY-NC-3.0",
    "CC BY-NC-SA 3.0": "CC-BY-NC-SA-3.0", "CC0 1.0": "CC0-1.0", "BSD 3-Clause License": "BSD-3-Clause",
    "Apache License 2.0": "Apache-2.0", "CC BY 4.0": "CC-BY-4.0", "CDLA Permissive 2.0": "CDLA-Permissive-2.0",
    "CDLA Sharing 1.0": "CDLA-Sharing-1.0", "MIT License": "MIT", "CC BY-SA 4.0": "CC-BY-SA-4.0",
    "CC BY-SA 3.0": "CC-BY-SA-3.0", "Academic Free License v3.0": "AFL-3.0", "CC BY-NC 2.0": "CC-BY-NC-2.0",
    "OpenAI": "openai-terms",
}


def test_data_provenance_paraphrases_resolve_to_the_licence_they_name(corpus, resolver):
    """Every wording in the Data Provenance paraphrase list resolves to the licence its canonical
    name stands for (by the SPDX list, not by this resolver), except the listed disagreements
    (each with the reason ours is right)."""
    table = json.loads((corpus / PARAPHRASES).read_text("utf-8"))
    checked, disagreements = 0, set()
    for canonical, expected in DATA_PROVENANCE_CANONICAL.items():
        assert resolver.resolve_id(canonical).keys == (expected,), canonical
        for wording in table[canonical]:
            checked += 1
            if resolver.resolve_id(wording).keys != (expected,):
                disagreements.add(wording)
    assert checked > 90
    assert disagreements == set(PARAPHRASE_DISAGREEMENTS)


def test_data_provenance_restriction_wordings_are_found_in_prose(corpus):
    from test_terms_prose import restrictions

    table = json.loads((corpus / PARAPHRASES).read_text("utf-8"))
    for wording in table["Non Commercial"]:
        assert "non-commercial" in restrictions(wording), wording
    for wording in table["Academic Research Purposes Only"]:
        if wording.endswith("..."):  # truncated in the source: the restriction is in the cut part
            continue
        assert restrictions(wording) & {"research-only", "academic-only", "non-commercial"}, wording


def _licence_values(card: str):
    match = re.match(r"---\n(.*?)\n---", card, re.DOTALL)
    doc = yaml.safe_load(match.group(1)) if match else None
    if not isinstance(doc, dict):
        return []
    value = doc.get("licenses", doc.get("license"))
    if isinstance(value, dict):
        value = [v for values in value.values() for v in (values if isinstance(values, list) else [values])]
    return [str(v) for v in (value if isinstance(value, list) else [value]) if v is not None]


def test_legacy_card_values_resolve_or_declare_other(corpus, resolver):
    """Every `licenses:` value in the pre-2022 cards is a licence, an `other`/`unknown`
    declaration, or kept verbatim as unrecognised: never dropped, never a crash."""
    cards = sorted((corpus / "hf-dataset-cards-legacy").glob("*/README.md"))
    assert len(cards) > 50
    resolved = total = 0
    unresolved: set[str] = set()
    for path in cards:
        for value in _licence_values(path.read_text("utf-8")):
            total += 1
            resolution = resolver.resolve_id(value)
            if not resolution.keys and not resolution.ignorance:  # not dropped: kept as written
                assert resolution.unrecognised and all(part in value for part in resolution.unrecognised), value
            resolved += bool(resolution.keys)
            if not resolution.keys and not resolution.ignorance:
                unresolved.add(value)
    assert resolved / total > 0.5, (resolved, total)  # most of the rest are `other-<custom terms>`
    # Neither a licence nor an other/unknown declaration: a proprietary agreement the tool does not
    # know, a value that names nothing, and a CC name without its terms. (`other-` and `unknown-`
    # are the legacy spelling of `other` / `unknown`.)
    assert unresolved == {"Microsoft Research Data License Agreement", "custom", "Creative Commons 3.0"}


def test_prose_sections_name_their_licences(resolver):
    prose = ("## Licensing Information\n\nThe dataset is released under the Creative Commons "
             "Attribution-ShareAlike 4.0 International License (https://creativecommons.org/licenses/by-sa/4.0/). "
             "The code is MIT licensed under the MIT License.")
    declaration = Declaration(prose, "data", Location("README.md", 1), "Licensing Information", confidence="low")
    resolution = resolver.resolve(declaration)
    assert resolution.keys == ("CC-BY-SA-4.0", "MIT")
    assert resolver.resolve_prose("Nothing about licences here, version 2.0 of the data.").keys == ()
    assert resolver.resolve_prose("Licensed CC BY-NC 4.0; see cc-by-nc for details").keys == ("CC-BY-NC-4.0",)


def test_full_texts_by_title(resolver, corpus):
    text = (corpus / "model-repos/meta-llama__llama-models/models/llama3_2/LICENSE").read_text("utf-8")
    assert resolver.resolve_text(text).keys == ("llama3.2",)
    text = (corpus / "model-repos/tatsu-lab__stanford_alpaca/DATA_LICENSE").read_text("utf-8")
    assert resolver.resolve_text(text).keys == ("CC-BY-NC-4.0",)


@pytest.mark.parametrize("prose,expected", [
    ("MIT", ("MIT",)),  # a section that is only an id
    ("Creative Commons [Attribution-NonCommercial 4.0 International](https://creativecommons.org/licenses/by-nc/4.0/)",
     ("CC-BY-NC-4.0",)),  # the family named next to its member adds nothing
    ("The licensing status of the datasets is [GNU GPLv3](https://choosealicense.com/licenses/gpl-3.0/).", ("GPL-3.0-only",)),
    ("The books are licensed under the [CC Public Domain Mark 1.0](https://creativecommons.org/publicdomain/mark/1.0/)",
     ("pdm-1.0",)),
    ("[More Information Needed]", ()),
    ("MIT, BSD and Apache", ()),  # no versions: too vague to name licences
])
def test_prose_sections_as_cards_write_them(resolver, prose, expected):
    assert resolver.resolve_prose(prose).keys == expected


# SPDX ids deprecated in favour of WITH expressions (GPL-2.0-with-classpath-exception ->
# GPL-2.0-only WITH Classpath-exception-2.0) and two retired ids: ScanCode no longer lists them.
DEPRECATED_SPDX = {"ecos-2.0", "wxwindows", "gpl-2.0-with-autoconf-exception", "gpl-2.0-with-bison-exception",
                   "gpl-2.0-with-classpath-exception", "gpl-2.0-with-font-exception", "gpl-2.0-with-gcc-exception",
                   "gpl-3.0-with-autoconf-exception", "gpl-3.0-with-gcc-exception"}


def test_old_hub_dataset_licence_list_resolves(corpus, resolver):
    """The 450 ids the `datasets` library once allowed in cards."""
    ids = json.loads((corpus / "hf-docs/huggingface__datasets/src/datasets/utils/resources/licenses.json").read_text())
    missing = {i for i in ids if not resolver.resolve_id(i).keys and i not in ("other", "unknown")}
    assert missing == DEPRECATED_SPDX


def test_licence_names_suggested_for_hub_models_resolve(corpus, resolver):
    import csv

    folder = corpus / "hf-docs/huggingface__hub-docs/hacktoberfest_challenges"
    names = {row["suggested_license_name"] for path in folder.glob("*.csv")
             for row in csv.DictReader(path.open(encoding="utf-8")) if row["suggested_license_name"]}
    assert {name: resolver.resolve_id(name).keys for name in names} == {
        "llama-2-community-license": ("llama2",), "llama-license": ("llama1",)}


@pytest.mark.parametrize(("raw", "ignorance"), [("other-", "other"), ("unknown-", "unknown"), ("Unknown", "unknown")])
def test_legacy_values_with_an_empty_suffix_are_declarations_of_ignorance(raw, ignorance):
    """huggingface/datasets legacy cards (the_pile, norwegian_ner) wrote `other-` and `unknown-`."""
    from modelicense.knowledge import load
    from modelicense.resolve import Resolver

    resolution = Resolver(load()).resolve_id(raw)
    assert (resolution.ignorance, resolution.unrecognised) == (ignorance, ())
