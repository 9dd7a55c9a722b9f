"""WGT — weights: licences whose conditions rest on copyright, applied to weights of uncertain IP
status. Which declaration covers the weights is `inventory.coverage.model_declarations`; what a licence
demands is read from its properties in the knowledge base."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from modelicense.knowledge import Knowledge, Licence
from modelicense.knowledge.kinds import licence_kinds, reported_by
from modelicense.model import Repository, Severity
from modelicense.rules import Hit, rule
from modelicense.rules.common import model_licence_groups, read_term_hits
from modelicense.rules.phrasing import weights_subject


def _copyleft(licence: Licence) -> bool:
    return licence.is_copyleft or bool(licence.share_alike)


def _strength(licence: Licence) -> str:
    if licence.copyleft == "network":
        return "network copyleft"
    if licence.copyleft == "weak":
        return "weak copyleft"
    if licence.copyleft == "strong":
        return "copyleft"
    return "share-alike"


@rule("WGT001", "copyleft-weights", Severity.WARNING)
def copyleft_weights(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Copyleft or share-alike licence on model weights.

    ## What it finds
    Weights covered by a copyleft licence of any strength — the GPL family, AGPL, LGPL, MPL, EUPL,
    OSL, CC BY-SA, ODbL, CDLA-Sharing — through weight-file metadata, a model card's `license:`,
    a LICENSE-MODEL-style file, or the root LICENSE of a repository that ships weights and says
    nothing more specific about them; and copyleft or share-alike terms read from the words of a
    licence text modelicense does not know.

    ## Why it matters
    Copyleft conditions rest on copyright. Whether trained parameters carry copyright at all is
    unsettled, so the conditions may bind no one; and "source code" or "the preferred form for
    making modifications" has no agreed meaning for weights (the training data? the code? the
    checkpoint itself?), so neither the publisher nor users can tell what compliance requires.

    ## Example
    ```yaml
    ---
    license: gpl-3.0
    library_name: transformers
    ---
    ```

    ## How to fix
    Licence the weights under terms written for models or data (Apache-2.0, OpenMDW,
    CDLA-Permissive-2.0, or a model licence whose conditions you mean), and keep copyleft for the
    code if you want it: declare code and weights separately (a LICENSE for the code and the
    card's `license:` or a LICENSE-MODEL file for the weights).
    """
    advice = "use a licence written for models or data, or licence code and weights separately"
    yield from _weights_hits(
        repository, knowledge, "WGT001", lambda licence: f"a {_strength(licence)} licence" if _copyleft(licence) else "",
        f"its conditions rest on copyright in the weights, which may not exist, and 'source' has no agreed meaning "
        f"for weights; {advice}",
        f"conditions that rest on copyright in the weights, which may not exist; {advice}")


_RESTRICTED = reported_by("WGT002")  # non-commercial, research-only, no-derivatives (knowledge/kinds.py)


def _restrictions(licence: Licence) -> list[str]:
    return [kind.label for kind in licence_kinds(licence, _RESTRICTED)]


@rule("WGT002", "restricted-weights", Severity.WARNING)
def restricted_weights(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Non-commercial, research-only or no-derivatives terms on model weights.

    ## What it finds
    Weights covered by a licence that forbids commercial use (CC BY-NC, non-commercial model
    licences), limits use to research, or forbids derivatives (CC BY-ND, so no fine-tuning or
    quantisation may be shared) — through the same declarations WGT001 reads, by the licence's
    known properties or, for a licence text modelicense does not know (or words a known text or a
    `license:` sentence adds, "cc-by 4.0 (no commercial use)"), by the terms read from its words,
    quoted in the message; and a model card's licence prose ("Usage and License Notices: for
    research use only") that restricts the licence its metadata declares, or a README without card
    metadata whose licence prose says more than the licences covering the weights beside it ("The
    weights are released for non-commercial research use only" above an Apache-2.0 LICENSE; info,
    since prose is the least certain statement of terms). Licences with only
    behavioural-use clauses (OpenRAIL, Llama, Gemma) are USE findings, not this one.

    ## Why it matters
    If the terms bind, they take away the freedom to run the model for any purpose (freedom 0):
    a product, a paid service or an internal business tool may not use it, and a fine-tune may
    not be published. If the weights carry no copyright, terms that rest on copyright alone may
    not bind at all — either way, users cannot rely on the model being open.

    ## Example
    ```yaml
    ---
    license: cc-by-nc-4.0
    ---
    ```

    ## How to fix
    If you mean the model to be open, use a licence without these conditions (Apache-2.0,
    OpenMDW, CC BY). If you mean the restriction, keep it, say so plainly in the card, and
    silence this rule for the repository (`ignore = ["WGT002"]`) so that reviewers know it is
    deliberate.
    """
    consequence = ("if they bind, users are not free to run the model for any purpose; use a licence without these "
                   "conditions if the model is meant to be open, or ignore WGT002 if the restriction is deliberate")
    yield from _weights_hits(
        repository, knowledge, "WGT002",
        lambda licence: f"whose terms are {' and '.join(_restrictions(licence))}" if _restrictions(licence) else "",
        consequence, consequence)


def _weights_hits(repository: Repository, knowledge: Knowledge, rule_id: str, has: Callable[[Licence], str],
                  consequence: str, read_consequence: str) -> Iterator[Hit]:
    """A WGT rule's findings: "<the weights> are under <licence>, <has(licence)>: <consequence>" for
    each licence covering the model that `has` describes (an empty string: nothing to report),
    then the terms `rule_id` reports read from words no known licence accounts for, each
    followed by `read_consequence`."""
    for group in model_licence_groups(repository, knowledge, lambda licence: bool(has(licence))):
        yield group.hit(f"{weights_subject(group.files)} are under {group.label}, {has(group.licence)}: {consequence}")
    yield from read_term_hits(repository, knowledge, rule_id, lambda _kinds: read_consequence)
