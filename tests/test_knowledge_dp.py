"""Our use classes against the Data Provenance Initiative's (license_classes.json).

Data Provenance sorts each licence name into a use class: All (any use), NC (non-commercial) or
Acad (academic / research only). Ours follow from the licence properties: research_only -> Acad,
non_commercial -> NC, otherwise All. For every name both know, the classes must agree in at least
AGREEMENT_THRESHOLD of cases, and every disagreement must be one listed here with the reason ours
is right (a new disagreement fails the test: either the data is wrong or the list needs a reason).
"""

from __future__ import annotations

import json

from modelicense.knowledge import Licence, load
from modelicense.resolve import Resolver

CLASSES = "data-provenance/constants/license_classes.json"
AGREEMENT_THRESHOLD = 0.9
DISAGREEMENTS = {
    "OpenAI": "OpenAI's terms bind whoever generated the data (a contract with OpenAI) and forbid "
              "building competing models; they do not forbid commercial use of the output, and do not "
              "bind later users who never agreed to them. Data Provenance files them under NC.",
    "Anthropic": "Same as OpenAI: a no-competing-models clause in the service terms, not a non-commercial "
                 "licence on the output.",
}


def use_class(licence: Licence) -> str:
    if licence.research_only:
        return "Acad"
    if licence.non_commercial:
        return "NC"
    return "All"


def test_use_classes_agree_with_data_provenance(corpus):
    table = json.loads((corpus / CLASSES).read_text("utf-8"))
    knowledge = load()
    resolver = Resolver(knowledge)
    compared, disagreements = 0, {}
    for name, (their_class, _attribution, _share_alike) in table.items():
        resolution = resolver.resolve_id(name)
        if len(resolution.keys) != 1:
            continue  # a description ("Non Commercial", "Unspecified") or a licence we do not know
        licence = knowledge.licence(resolution.keys[0])
        compared += 1
        ours = use_class(licence)
        if ours != their_class:
            disagreements[name] = (licence.id, their_class, ours)
    assert compared >= 45
    assert 1 - len(disagreements) / compared >= AGREEMENT_THRESHOLD
    assert set(disagreements) == set(DISAGREEMENTS), disagreements
