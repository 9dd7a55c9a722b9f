"""DEC010: a card or licence file committed as a Git LFS pointer declares and covers nothing."""

from __future__ import annotations

from conftest import card, safetensors_file, scan_json

POINTER = ("version https://git-lfs.github.com/spec/v1\n"
           "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 11357\n")
APACHE = "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n"


def _rules(report: dict) -> list[tuple[str, str]]:
    return sorted((f["rule"], f["path"]) for f in report["findings"])


def test_licence_model_and_card_as_lfs_pointers_fire_and_cover_nothing(make_repo):
    root = make_repo({"LICENSE-MODEL": POINTER, "README.md": POINTER, "model.safetensors": safetensors_file()})
    report = scan_json(str(root))
    assert ("DEC010", "LICENSE-MODEL") in _rules(report) and ("DEC010", "README.md") in _rules(report)
    # The pointer does not count as covering the weights: they have no licence.
    assert any(rule == "DEC001" for rule, _ in _rules(report)), _rules(report)
    (finding,) = [f for f in report["findings"] if f["rule"] == "DEC010" and f["path"] == "LICENSE-MODEL"]
    assert finding["line"] == 1 and "Git LFS pointer" in finding["message"]


def test_real_texts_are_quiet(make_repo):
    root = make_repo({"LICENSE-MODEL": APACHE, "README.md": card("license: apache-2.0"),
                      "model.safetensors": safetensors_file()})
    rules = {rule for rule, _ in _rules(scan_json(str(root)))}
    assert "DEC010" not in rules and "DEC001" not in rules


def test_a_weight_file_as_pointer_is_not_dec010(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0"), "model.safetensors": POINTER})
    assert "DEC010" not in {rule for rule, _ in _rules(scan_json(str(root)))}
