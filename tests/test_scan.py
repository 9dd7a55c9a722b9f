"""The pipeline as a whole: files to artefacts with kinds, scopes and resolved licences."""

from __future__ import annotations

from conftest import card
from modelicense.config import Config, from_mapping
from modelicense.model import FileKind
from modelicense.scan import scan


def kinds(result) -> dict[str, FileKind]:
    return {a.path: a.kind for a in result.repository.artefacts}


def test_card_kind_from_metadata_keys(make_repo):
    root = make_repo({
        "README.md": card("license: mit\ntask_categories:\n- translation\nsize_categories:\n- 1K<n<10K"),
        "models/MODEL_CARD.md": card("license: mit\npipeline_tag: translation"),
        "docs/README.md": "# Docs\n\nNo front matter: just a README.\n",
    })
    assert kinds(scan(root, Config())) == {
        "README.md": FileKind.DATASET_CARD,
        "models/MODEL_CARD.md": FileKind.MODEL_CARD,
        "docs/README.md": FileKind.CARD,
    }


def test_card_kind_override_in_configuration(make_repo):
    root = make_repo({"README.md": card("license: cc-by-4.0")})
    result = scan(root, from_mapping({"card-kinds": {"README.md": "dataset"}}, "test"))
    [artefact] = result.repository.artefacts
    assert artefact.kind is FileKind.DATASET_CARD
    assert artefact.declarations[0].declaration.scope == "data"


def test_declarations_are_resolved_and_raw_text_is_kept(make_repo):
    root = make_repo({
        "README.md": card("license: CC-BY-NC-4.0\nlibrary_name: diffusers"),
        "pyproject.toml": '[project]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n',
        "LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n",
    })
    result = scan(root, Config())
    resolved = {(a.path, d.declaration.raw.splitlines()[0]): d.resolution for a in result.repository.artefacts
                for d in a.declarations}
    assert resolved[("README.md", "CC-BY-NC-4.0")].keys == ("CC-BY-NC-4.0",)
    expression = resolved[("pyproject.toml", "MIT OR Apache-2.0")]
    assert (expression.keys, expression.alternatives) == (("MIT", "Apache-2.0"), True)
    assert resolved[("LICENSE", "MIT License")].keys == ("MIT",)


def test_exclude_from_configuration(make_repo):
    root = make_repo({"README.md": card("license: mit"), "third_party/x/README.md": card("license: nope-1.0")})
    result = scan(root, from_mapping({"exclude": ["third_party/"]}, "test"))
    assert [a.path for a in result.repository.artefacts] == ["README.md"]
    assert result.findings == ()
