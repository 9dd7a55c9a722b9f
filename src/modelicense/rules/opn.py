"""OPN — openness claims: a card or README that calls the model "open source" while the inventory
shows it fails OSI's Open Source AI Definition 1.0 (inventory/openness.py). "Open weights" is not
an OSAID claim and is never reported. The words are found by extract/signals.py (patterns in
knowledge/data/openness.json); this rule only compares them with the inventory."""

from __future__ import annotations

from collections.abc import Iterator

from modelicense.inventory.build import inventory_of
from modelicense.knowledge import Knowledge
from modelicense.model import FileKind, Location, Repository, Severity
from modelicense.rules import Hit, rule

_CARD_KINDS = (FileKind.CARD, FileKind.MODEL_CARD, FileKind.DATASET_CARD)


def _claims(repository: Repository) -> Iterator[tuple[Location, str]]:
    for artefact in repository.of_kind(*_CARD_KINDS):
        for key, value in artefact.metadata:
            if key != "claim":
                continue
            line, column, quote = value.split(":", 2)
            yield Location(artefact.path, int(line), int(column)), quote


@rule("OPN001", "open-washing", Severity.WARNING)
def open_washing(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A card calls the model "open source" while it fails the Open Source AI Definition.

    ## What it finds
    A model card or README that calls the model "open source" or "open-source AI" while the
    inventory shows that the model fails OSI's Open Source AI Definition 1.0: its parameters
    under use restrictions or non-commercial terms (or no licence at all), its code not under an
    OSI-approved licence, or no information about its training data. Each failed component is
    named. "Open weights", and sentences about other open-source models or software, are not
    claims about this model and are not reported.

    ## Why it matters
    "Open source" promises users the freedoms to use, study, modify and share the system for any
    purpose. A model whose licence withholds one of them is not open source, whatever its card
    says, and users who rely on the word may break its terms (open-washing).

    ## Example
    ```markdown
    ---
    license: llama3
    ---
    # An open-source model
    ```

    ## How to fix
    Say what the model is instead: "open weights" or "openly available under the <licence>", and
    name the restrictions. If you want the claim to hold, release the parameters under
    OSI-approved terms (Apache-2.0, MIT), the code under an OSI-approved licence, and describe the
    training data (a dataset card, or `datasets:` in the model card).
    """
    claims = list(_claims(repository))
    if not claims:
        return
    openness = inventory_of(repository, knowledge).openness
    if openness is None or openness.osaid is not False:
        return
    failed = "; ".join(f"{c.name}: {c.evidence}" for c in openness.osaid_failures)
    for location, quote in claims:
        yield Hit(
            f"the card says {quote!r}, but the model fails the Open Source AI Definition 1.0 — {failed}; "
            f"call it \"open weights\" or name its licence, or release what OSAID asks for",
            location,
            subject=f"open-source-claim:{location.path}",
        )
