"""Model cards and dataset cards: Hugging Face style Markdown with YAML front matter.

Front matter keys read (https://huggingface.co/docs/hub/model-cards, .../datasets-cards):
license (string or list), license_name, license_link, legacy `licenses`, license_details,
datasets, base_model (string or list), base_model_relation, and in a model card the datasets its
`model-index:` evaluation results name (`model_index.py`: relation `evaluated-on`). The prose "License" /
"Licensing Information" section is kept as a low-confidence declaration of its own, so rules can
compare it with the metadata; other licence prose (usage notices, licence sentences) is read by
`licence_prose.py`.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from modelicense.extract import hub_block, licence_prose
from modelicense.extract.text import decode, looks_binary
from modelicense.lazyre import lazy_compile
from modelicense.model import EVALUATED_ON, Declaration, Extraction, FileKind, Location, Problem, Reference

@lru_cache(maxsize=1)
def card_keys() -> dict[str, str]:
    """Hugging Face card keys -> which card uses them (model, dataset, any), from the card specs
    (knowledge/data/card-keys.json). Read only once a file has front matter."""
    from modelicense.knowledge.files import read_entries

    return {entry["key"]: entry["card"] for entry in read_entries("card-keys.json")}


LICENCE_KEYS = ("license", "licenses")  # legacy dataset cards used `licenses`
PROSE_HEADING = lazy_compile(r"^(#{1,6})\s*(?:\d+(?:\.\d+)*\.?\s*)?(licen[cs](?:e|es|ing)(?:\s+information)?|terms of use)\b[^\n]*$", re.I)
MAX_PROSE_CHARS = 4000


def card_kind(name: str, keys: set[str]) -> FileKind:
    """Dataset or model card, from its metadata keys (a card is a dataset card when it has more
    keys only dataset cards use than keys only model cards use); its file name breaks ties."""
    known = card_keys()
    dataset_votes = sum(1 for key in keys if known.get(key) == "dataset")
    model_votes = sum(1 for key in keys if known.get(key) == "model")
    if dataset_votes > model_votes:
        return FileKind.DATASET_CARD
    if model_votes > dataset_votes:
        return FileKind.MODEL_CARD
    lowered = name.lower()
    if "dataset" in lowered or "data_card" in lowered or "data-card" in lowered:
        return FileKind.DATASET_CARD
    return FileKind.MODEL_CARD


def is_card(keys: set[str]) -> bool:
    """Front matter with at least one Hugging Face card key is a card's; other front matter
    (a Jekyll page's `layout`, `title`, `permalink`) is some other tool's."""
    known = card_keys()
    return any(key in known for key in keys)


# Keys whose values modelicense reads: a second occurrence of one hides the first (DEC005).
READ_KEYS = ("license", "licenses", "license_name", "license_link", "license_details", "datasets", "base_model",
             "base_model_relation", "model-index")


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    """The card's declarations and references, and what its words say about openness (signals.py)."""
    extraction = _extract(relpath, data, size)
    if not data.strip() or looks_binary(data):
        return extraction
    from dataclasses import replace

    from modelicense.extract.signals import signals

    found = signals(decode(data)[0])
    return replace(extraction, metadata=extraction.metadata + found) if found else extraction


def _extract(relpath: str, data: bytes, size: int) -> Extraction:
    if not data.strip():
        return Extraction(kind=FileKind.CARD, problems=_empty(relpath))
    if looks_binary(data):
        return Extraction(
            kind=FileKind.CARD,
            problems=(Problem("malformed", "card contains NUL bytes (binary content); not read", Location(relpath, 1, 1)),),
        )
    text, note = decode(data)
    problems: list[Problem] = []
    if note is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        note = "UTF-16; read as such, but the Hub reads cards as UTF-8 and shows no metadata from this one"
    if note:
        problems.append(Problem("malformed", f"card is {note}", Location(relpath, 1, 1)))
    block = hub_block.find(text)
    if block is None:
        miss = hub_block.near_miss(text)
        if miss is not None:
            problems.append(Problem("malformed", miss[0], Location(relpath, miss[1], 1)))
        return Extraction(kind=FileKind.CARD, problems=tuple(problems), declarations=_prose(relpath, text, "repo"))
    from modelicense.extract import frontmatter  # PyYAML only for files with front matter

    try:
        fm = frontmatter.parse(block.yaml, block.offset)
    except frontmatter.FrontMatterError as exc:
        problems.append(Problem("malformed", exc.message, Location(relpath, exc.line, exc.column)))
        # Without metadata we cannot tell the card's kind; its prose may still say something.
        return Extraction(kind=FileKind.CARD, problems=tuple(problems), declarations=_prose(relpath, text, "repo"))
    # What the client rejects is reported whatever the keys: on the Hub this file would be the card.
    problems.extend(Problem("malformed", issue.message, Location(relpath, issue.line, issue.column)) for issue in fm.issues)
    kind = card_kind(relpath.rsplit("/", 1)[-1], set(fm.mapping))
    if not is_card(set(fm.mapping)):
        # Some other tool's front matter (a Jekyll page's): a card only if the repository ships
        # weights or data beside it (scan.promote_cards decides, with the whole file list in hand).
        return Extraction(kind=FileKind.CARD, problems=tuple(problems), declarations=_prose(relpath, text, "repo"),
                          metadata=(("front_matter", "not-a-card"), ("card_kind", kind.value)))
    for key in READ_KEYS:
        if key in fm.repeated:
            *hidden, kept = fm.repeated[key]
            problems.append(Problem("malformed", f"`{key}:` is written {len(hidden) + 1} times (lines "
                                    f"{', '.join(map(str, fm.repeated[key]))}); the Hub reads only the last one, "
                                    f"on line {kept}", Location(relpath, hidden[0], 1)))
    for key in LICENCE_KEYS:
        for what, line, column in fm.structure(key):
            problems.append(Problem("malformed", f"`{key}:` holds {what}, not a licence id or a list of ids: "
                                    "the Hub shows no licence from it", Location(relpath, line, column)))

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
    if kind is FileKind.MODEL_CARD and "model-index" in fm.mapping:  # only ModelCardData reads it
        from modelicense.extract.model_index import evaluation_datasets

        evaluated, refused = evaluation_datasets(fm.mapping["model-index"], fm.offset)
        if refused is not None:
            problems.append(Problem("malformed", refused.message, Location(relpath, refused.line, refused.column)))
        references.extend(Reference("dataset", value.text, Location(relpath, value.line, value.column), EVALUATED_ON)
                          for value in evaluated)
    metadata: list[tuple[str, str]] = []
    for key in ("license_name", "license_link", "license_details", "pretty_name"):
        for value in fm.values(key):
            metadata.append((key, value.text))
            metadata.append((f"{key}@line", str(value.line)))
            metadata.append((f"{key}@column", str(value.column)))
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
        line = lines[index].strip()
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
        # Only a line that starts with "#" can be a heading: the regex runs on those alone (it
        # ran on every line of every card, the most of a 5,000-card scan's extraction).
        match = None if in_fence or not line.startswith("#") else PROSE_HEADING.match(line)
        if not match:
            index += 1
            continue
        level = len(match.group(1))
        body: list[str] = []
        cursor = index + 1
        while cursor < len(lines):
            following = lines[cursor].strip()
            heading = _HEADING.match(following) if following.startswith("#") else None
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
                    raw_at=licence_prose.body_start(relpath, lines, index + 1, cursor, content),
                )
            )
        index = cursor
    # Licence prose elsewhere: other headings about terms, bold labels, licence sentences.
    found.extend(licence_prose.declarations(relpath, text, scope, PROSE_HEADING))
    return tuple(found)


_HEADING = lazy_compile(r"^(#{1,6})\s")
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
