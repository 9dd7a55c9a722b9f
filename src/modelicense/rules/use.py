"""USE — use restrictions: behavioural-use, field-of-use and user-threshold clauses in the terms
that cover a model (OpenRAIL family, Llama, Gemma and other model licences, acceptable use
policies). Lawful and often deliberate, so `info`: worth knowing, not wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator

from modelicense.knowledge import Knowledge
from modelicense.lazyre import lazy_compile
from modelicense.model import Artefact, FileKind, Location, Repository, Severity
from modelicense.rules import Hit, rule
from modelicense.inventory.build import inventory_of
from modelicense.rules.common import model_licence_groups, read_term_hits
from modelicense.rules.phrasing import weights_subject


def _use_policies(repository: Repository) -> list[tuple[Artefact, Location]]:
    return [(a, d.declaration.location) for a, d in repository.declarations("weights") if d.declaration.field == "use-policy"]


# A card named as a model's (MODEL_CARD.md, model-card.md), or in a folder of model cards, even
# without front matter. A source file named models.py says nothing: web apps have them too.
_MODEL_CARD_NAME = lazy_compile(r"^model[_-]?card\b", re.I)
_MODEL_CARD_FOLDERS = ("model_cards", "modelcards")


def _about_a_model(repository: Repository, knowledge: Knowledge) -> bool:
    """The inventory holds a model (weight files that are not test inputs, a model card, a
    licence that covers weights or is written for models), or a card is named as a model's."""
    if inventory_of(repository, knowledge).is_model:
        return True
    return any(_MODEL_CARD_NAME.match(a.path.rpartition("/")[2]) or a.directory.rpartition("/")[2] in _MODEL_CARD_FOLDERS
               for a in repository.of_kind(FileKind.CARD))


@rule("USE001", "use-restrictions", Severity.INFO)
def use_restrictions(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Behavioural-use or field-of-use restrictions on the model.

    ## What it finds
    A licence covering the model whose terms forbid uses or fields of use — the OpenRAIL family
    (BigScience, CreativeML, BigCode), the Llama and Gemma licences with their prohibited-use
    policies, and other model licences with use restrictions — and acceptable use policy files
    (USE_POLICY.md, ACCEPTABLE_USE_POLICY) shipped with a model.

    ## Why it matters
    Such terms are lawful and often deliberate, but they withhold the freedom to use the model for
    any purpose (freedom 0), so the model is not open source in the OSI sense. Users must pass the
    restrictions on to anyone they share the model or a derivative with, and a policy the licence
    incorporates by reference can change after release.

    ## Example
    ```yaml
    ---
    license: openrail
    ---
    ```

    ## How to fix
    Nothing is wrong. Make sure the card names the licence and links the use policy so that
    users see the terms before they download, then accept the finding with a reason on the
    licence line (`license: openrail  # modelicense: ignore[USE001] restrictions intended`). If
    you want the model to be open source, use a licence without use restrictions (Apache-2.0,
    OpenMDW) and publish a separate, non-binding responsible-use guide.
    """
    yield from read_term_hits(repository, knowledge, "USE001", lambda _kinds: (
        "they restrict how and for what the model may be used: not open source in the OSI sense; nothing to fix: "
        "make sure users see the terms, and accept this with a per-file ignore of USE001 in the configuration"))
    groups = model_licence_groups(repository, knowledge, lambda licence: bool(licence.use_restrictions))
    policies = _use_policies(repository)
    attached: set[str] = set()
    for group in groups:
        related = list(group.locations[1:])
        own = [(a, loc) for a, loc in policies if a.directory in group.folders]
        related.extend(loc for _a, loc in own)
        attached.update(a.path for a, _loc in own)
        policy_note = f" (with the acceptable use policy in {', '.join(a.path for a, _ in own)})" if own else ""
        yield group.hit(
            f"{weights_subject(group.files)} are under {group.label}, whose terms restrict how and for what the "
            f"model may be used{policy_note}: lawful, but not open source in the OSI sense, because use for any purpose is "
            f"withheld; nothing to fix: make sure users see the terms, and accept this with "
            f"`# modelicense: ignore[USE001] <reason>` on the licence line",
            related,
        )
    if not groups and not _about_a_model(repository, knowledge):
        return  # a web service's acceptable use policy in a software repository is not a model's
    for artefact, location in policies:
        if artefact.path in attached:
            continue
        yield Hit(
            f"{artefact.path} is an acceptable use policy for the model: it restricts the purposes the model may be "
            f"used for, so the model is not open source in the OSI sense; nothing to fix: make sure the model's "
            f"licence incorporates it and that users see it, and accept this with "
            f"`<!-- modelicense: ignore[USE001] <reason> -->` in the policy",
            location,
            subject=f"use-policy:{artefact.path}",
        )


@rule("USE002", "user-threshold", Severity.INFO)
def user_threshold(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """User or revenue threshold above which the model's licence stops applying.

    ## What it finds
    A licence covering the model that grants its rights only below a number of users or an amount
    of revenue — the Llama licences (700 million monthly active users), and other model licences
    with commercial thresholds.

    ## Why it matters
    Above the threshold, users need a separate licence the publisher may refuse: the model is free
    to use only for some users, which open-source licences never do. Derivatives inherit the
    threshold.

    ## Example
    ```yaml
    ---
    license: llama2
    ---
    ```

    ## How to fix
    Nothing is wrong. Say in the card that the threshold applies, so that large users know they
    need a separate licence, and accept the finding with a reason on the licence line
    (`license: llama2  # modelicense: ignore[USE002] threshold stated in the card`).
    """
    for group in model_licence_groups(repository, knowledge, lambda licence: bool(licence.user_threshold)):
        yield group.hit(
            f"{weights_subject(group.files)} are under {group.label}, which grants its rights only below a user or "
            f"revenue threshold: larger users need a separate licence from the publisher; nothing to fix: say so "
            f"in the card, and accept this with `# modelicense: ignore[USE002] <reason>` on the licence line"
        )


@rule("USE003", "territory-threshold-registration", Severity.INFO)
def territory_threshold_registration(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Territory exclusions, user or revenue thresholds, or registration before commercial use,
    read from licence words modelicense does not know.

    ## What it finds
    A licence text covering the model that modelicense does not recognise (or words a recognised
    text or a `license:` sentence adds to its licence) which excludes regions ("does not apply in
    the European Union"), grants its rights only below a number of users or an amount of revenue
    ("more than 100 million monthly active users", "annual revenue of less than US $1,000,000"),
    or requires registration or approval before commercial use. The message quotes the words,
    the regions and the numbers. The text of a model licence modelicense knows is read for the
    territory exclusions and registration its knowledge-base entry does not record (Tencent
    Hunyuan's "does not apply in the European Union, United Kingdom and South Korea", Yi's
    registration form); known thresholds are USE002's.

    ## Why it matters
    Such a licence grants different rights to different users: someone in an excluded region, a
    large company, or anyone using the model commercially without registering has no licence at
    all. That is lawful, but not open source, and a reviewer must see which terms apply.

    ## Example
    A `LICENSE` beside the weights that says "This licence does not apply in the European Union."

    ## How to fix
    Nothing is wrong. Say in the card which regions, thresholds or registration apply, so that
    users see them before they download, and accept the finding in the configuration:
    `[tool.modelicense.per-file-ignores]` with `"LICENSE" = ["USE003"]`.
    """
    yield from read_term_hits(repository, knowledge, "USE003", lambda _kinds: (
        "the licence does not grant its rights to everyone: users outside it need a separate licence or none is "
        "available; nothing to fix: say so in the card, and accept this with a per-file ignore of USE003 in the "
        "configuration"))
