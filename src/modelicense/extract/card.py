"""Model cards and dataset cards: Hugging Face style Markdown with YAML front matter.

Front matter keys read (https://huggingface.co/docs/hub/model-cards, .../datasets-cards):
license (string or list), license_name, license_link, legacy `licenses`, license_details,
datasets, base_model (string or list), base_model_relation. The prose "License" /
"Licensing Information" section is kept as a low-confidence declaration of its own, so rules can
compare it with the metadata.
"""

from __future__ import annotations

import re

from modelicense.extract import frontmatter, licence_prose
from modelicense.extract.text import decode, looks_binary
from modelicense.lazyre import lazy_compile
from modelicense.model import Declaration, Extraction, FileKind, Location, Problem, Reference

# Keys that only one kind of card uses. A card is a dataset card when it has more dataset keys
# than model keys (HF's own DatasetCardData / ModelCardData fields).
DATASET_KEYS = frozenset(
    {
        "task_categories", "task_ids", "size_categories", "source_datasets", "dataset_info", "configs",
        "annotations_creators", "language_creators", "multilinguality", "paperswithcode_id",
        "pretty_name", "train-eval-index", "viewer",
    }
)
MODEL_KEYS = frozenset(
    {"library_name", "pipeline_tag", "base_model", "base_model_relation", "model-index", "model_name", "inference", "widget"}
)

LICENCE_KEYS = ("license", "licenses")  # legacy dataset cards used `licenses`
PROSE_HEADING = lazy_compile(r"^(#{1,6})\s*(?:\d+(?:\.\d+)*\.?\s*)?(licen[cs](?:e|es|ing)(?:\s+information)?|terms of use)\b[^\n]*$", re.I)
MAX_PROSE_CHARS = 4000


def card_kind(name: str, keys: set[str]) -> FileKind:
    """Dataset or model card, from its metadata keys; its file name breaks ties."""
    dataset_votes = len(keys & DATASET_KEYS)
    model_votes = len(keys & MODEL_KEYS)
    if dataset_votes > model_votes:
        return FileKind.DATASET_CARD
    if model_votes > dataset_votes:
        return FileKind.MODEL_CARD
    lowered = name.lower()
    if "dataset" in lowered or "data_card" in lowered or "data-card" in lowered:
        return FileKind.DATASET_CARD
    return FileKind.MODEL_CARD


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    if not data.strip():
        return Extraction(kind=FileKind.CARD, problems=_empty(relpath))
    if looks_binary(data):
        return Extraction(
            kind=FileKind.CARD,
            problems=(Problem("malformed", "card contains NUL bytes (binary content); not read", Location(relpath, 1, 1)),),
        )
    text, note = decode(data)
    problems: list[Problem] = []
    if note:
        problems.append(Problem("malformed", f"card is {note}", Location(relpath, 1, 1)))
    try:
        fm = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        problems.append(Problem("malformed", exc.message, Location(relpath, exc.line, exc.column)))
        # Without metadata we cannot tell the card's kind; its prose may still say something.
        return Extraction(kind=FileKind.CARD, problems=tuple(problems), declarations=_prose(relpath, text, "repo"))
    if fm is None:
        return Extraction(kind=FileKind.CARD, problems=tuple(problems), declarations=_prose(relpath, text, "repo"))

    kind = card_kind(relpath.rsplit("/", 1)[-1], set(fm.mapping))
    scope = "data" if kind is FileKind.DATASET_CARD else "weights"
    declarations: list[Declaration] = []
    for key in LICENCE_KEYS:
        for value in fm.values(key):
            declarations.append(Declaration(value.text, scope, Location(relpath, value.line, value.column), key))
    references: list[Reference] = []
    relation = next((v.text for v in fm.values("base_model_relation")), None)
    for value in fm.values("base_model"):
        references.append(Reference("base_model", value.text, Location(relpath, value.line, value.column), relation))
    for value in fm.values("datasets"):
        references.append(Reference("dataset", value.text, Location(relpath, value.line, value.column)))
    metadata: list[tuple[str, str]] = []
    for key in ("license_name", "license_link", "license_details", "pretty_name"):
        for value in fm.values(key):
            metadata.append((key, value.text))
            metadata.append((f"{key}@line", str(value.line)))
    for key in sorted(fm.key_lines):
        if key in LICENCE_KEYS:
            metadata.append(("license_key@line", str(fm.key_lines[key])))
    metadata.append(("front_matter", "yes"))
    declarations.extend(_prose(relpath, text, scope))
    return Extraction(
        declarations=tuple(declarations),
        references=tuple(references),
        problems=tuple(problems),
        metadata=tuple(metadata),
        kind=kind,
    )


def _empty(relpath: str) -> tuple[Problem, ...]:
    return (Problem("malformed", "card is empty", Location(relpath, None, None)),)


def _prose(relpath: str, text: str, scope: str) -> tuple[Declaration, ...]:
    """The body of each licence heading, up to the next heading of the same or higher level."""
    lines = text.splitlines()
    found: list[Declaration] = []
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else PROSE_HEADING.match(line.strip())
        if not match:
            index += 1
            continue
        level = len(match.group(1))
        body: list[str] = []
        cursor = index + 1
        while cursor < len(lines):
            heading = re.match(r"^(#{1,6})\s", lines[cursor].strip())
            if heading and len(heading.group(1)) <= level:
                break
            body.append(lines[cursor])
            cursor += 1
        content = _strip_template_noise("\n".join(body))
        if content:
            found.append(
                Declaration(
                    content[:MAX_PROSE_CHARS],
                    scope,  # type: ignore[arg-type]
                    Location(relpath, index + 1, 1),
                    match.group(2).strip(),
                    confidence="low",
                )
            )
        index = cursor
    # Licence prose elsewhere: other headings about terms, bold labels, licence sentences.
    found.extend(licence_prose.declarations(relpath, text, scope, PROSE_HEADING))
    return tuple(found)


_TEMPLATE_NOISE = lazy_compile(r"\[(?:More Information Needed|Needs More Information)\]", re.I)


def _strip_template_noise(text: str) -> str:
    return _TEMPLATE_NOISE.sub("", _strip_comments(text)).strip()


def _strip_comments(text: str) -> str:
    """HTML comments removed in one pass. A regex (`<!--.*?-->`) rescans to the end of the text
    from every unclosed `<!--`: quadratic, 40 s for 240 KB of them. An unclosed comment hides
    the rest of the text, as it does when Markdown is rendered."""
    kept: list[str] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            kept.append(text[position:])
            break
        kept.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        position = end + 3
    return "".join(kept)
