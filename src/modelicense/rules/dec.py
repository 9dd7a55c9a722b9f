"""DEC — declarations: missing, unparseable, unrecognised, `other` without a name, contradicting."""

from __future__ import annotations

from typing import Iterator

from modelicense.knowledge import Knowledge
from modelicense.model import Repository, Severity
from modelicense.rules import Hit, rule


@rule("DEC003", "unrecognised-licence", Severity.WARNING)
def unrecognised_licence(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Licence id or expression that nothing recognises.

    ## What it finds
    A licence id in a card's `license:` field, an SPDX-License-Identifier header or packaging
    metadata that is neither an SPDX id, a Hugging Face Hub licence id, nor a name the knowledge
    base knows, or an SPDX expression that cannot be parsed.

    ## Why it matters
    Tools (the Hub, SPDX SBOMs, licence scanners) and people cannot tell what terms apply. A typo
    such as `apache-3.0` silently leaves the artefact without a usable licence.

    ## Example
    ```yaml
    license: apache-3.0
    ```

    ## How to fix
    Use an id from https://huggingface.co/docs/hub/repositories-licenses or https://spdx.org/licenses/.
    For a licence that has none, write `license: other` with `license_name` and `license_link`, or
    teach modelicense the licence in `[tool.modelicense.licences."<id>"]` with a reason.
    """
    for artefact, item in repository.declarations():
        declaration, resolution = item.declaration, item.resolution
        if declaration.is_text or declaration.confidence == "low" or resolution.method == "legacy-other":
            continue
        if not resolution.unrecognised:
            continue
        names = ", ".join(f"'{u}'" for u in resolution.unrecognised)
        yield Hit(
            f"{declaration.field}: licence {names} is not an SPDX id, a Hugging Face licence id, or a licence modelicense knows",
            declaration.location,
            subject=declaration.raw,
        )


@rule("DEC005", "malformed-metadata", Severity.WARNING)
def malformed_metadata(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Metadata that cannot be read: broken front matter, TOML or JSON, or an odd encoding.

    ## What it finds
    A card whose YAML front matter does not parse, a pyproject.toml, setup.cfg, package.json or
    dataset metadata file that is not valid, a card that is empty, binary or not UTF-8. The
    finding stands at the line where parsing failed.

    ## Why it matters
    Whatever licence the file declares is invisible to the Hub and to every other tool, so the
    artefact is, in practice, unlicensed.

    ## Example
    ```yaml
    ---
    license: [mit
    ---
    ```

    ## How to fix
    Fix the syntax at the reported line. Save cards as UTF-8.
    """
    for problem in repository.problems:
        if problem.code == "malformed":
            yield Hit(problem.message, problem.location)


@rule("DEC006", "file-not-read", Severity.WARNING)
def file_not_read(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A file that may declare a licence could not be read.

    ## What it finds
    A licence file, card, packaging file or weight file that is a symlink pointing outside the
    scanned root (never followed), a broken or looping symlink, a file that cannot be opened
    (permissions) or one that vanished during the scan.

    ## Why it matters
    What it declares is not part of the repository others receive, so it cannot be relied on.

    ## How to fix
    Commit the file itself instead of a link, or fix its permissions.
    """
    for problem in repository.problems:
        if problem.code in ("unreadable", "skipped"):
            yield Hit(problem.message, problem.location)
