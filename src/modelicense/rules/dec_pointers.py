"""DEC010: a Git LFS pointer where a card or a licence text should be (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator

from modelicense.knowledge import Knowledge
from modelicense.model import FileKind, Location, Repository, Severity
from modelicense.rules import Hit, rule

# Files whose words are what they declare: as a pointer, they declare nothing.
_TEXT_KINDS = frozenset({FileKind.LICENCE_FILE, FileKind.CARD, FileKind.MODEL_CARD, FileKind.DATASET_CARD,
                         FileKind.PACKAGING, FileKind.DATASET_METADATA})


@rule("DEC010", "licence-text-is-lfs-pointer", Severity.WARNING)
def licence_text_is_lfs_pointer(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """A card or licence file is committed as a Git LFS pointer, so it declares nothing.

    ## What it finds
    A `LICENSE`, `LICENSE-MODEL`, model or dataset card, packaging or dataset metadata file
    whose content is a Git LFS pointer (`version https://git-lfs.github.com/spec/v1` and an
    object id) instead of its text: `.gitattributes` tracks it with LFS, or the checkout did not
    fetch LFS objects.

    ## Why it matters
    Whoever clones the repository without LFS, and every tool that reads the committed file (the
    Hub's licence field, scanners, this one), sees the pointer, not the licence. modelicense does
    not let a pointer count as covering the weights: what it would say is unknown.

    ## Example
    ```text
    version https://git-lfs.github.com/spec/v1
    oid sha256:4d7a2146…
    size 11357
    ```
    committed as `LICENSE-MODEL`.

    ## How to fix
    Keep licence texts and cards out of LFS: remove their patterns from `.gitattributes`
    (`git lfs untrack LICENSE-MODEL`), then `git add --renormalize .` and commit. If the CI
    checkout is what leaves them as pointers, fetch LFS objects (`lfs: true` in actions/checkout).
    """
    for artefact in repository.artefacts:
        if artefact.lfs_pointer and artefact.kind in _TEXT_KINDS:
            yield Hit(f"{artefact.path} is a Git LFS pointer, not the text it stands for: it declares nothing "
                      "and covers nothing", Location(artefact.path, 1, 1), subject="lfs-pointer")
