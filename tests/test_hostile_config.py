"""Hostile configuration: the scanned root's pyproject.toml and .modelicense.toml come from the
repository, so they may be huge, deeply nested, of the wrong types or not text at all. Each is a
configuration error (exit 2, one line naming the file) or is ignored, never a traceback."""

from __future__ import annotations

import pytest
from conftest import card

from modelicense.cli import main
from modelicense.config import ConfigError, from_mapping

EIGHT_GIB = 8 * 1024**3


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize(
    "text",
    [
        'tool = "not a table"\n',
        "[tool]\nmodelicense = 5\n",
        "[tool.modelicense]\nseverity = [1, 2]\n",
        "[tool.modelicense]\nper-file-ignores = \"DEC\"\n",
        "[tool.modelicense]\nallow = [\"MIT\"]\n",
        "[tool.modelicense]\ncard-kinds = [\"README.md\"]\n",
        "[tool.modelicense]\nlicences = 5\n",
        "[tool.modelicense]\nfail-on = {a = 1}\n",
        "[tool.modelicense]\nselect = [[\"DEC\"]]\n",
        "[tool.modelicense]\nexclude = \"vendor\"\n",
        "[tool.modelicense]\nunknown-key = 1\n",
        "[tool.modelicense]\nfail-on = \"x\"\na = " + "[" * 100_000 + "\n",
        "\n" * 500_000 + 'tool.modelicense.fail-on = "nope"\n',  # _where's line search stays linear
    ],
    ids=["tool-str", "table-int", "severity-list", "pfi-str", "allow-list", "card-kinds-list", "licences-int",
         "fail-on-table", "select-nested", "exclude-str", "unknown", "deep", "blank-lines"],
)
@pytest.mark.parametrize("name", ["pyproject.toml", ".modelicense.toml"])
def test_bad_configuration_in_the_scanned_root_is_exit_2_with_a_message(make_repo, capsys, text, name):
    if name == ".modelicense.toml":
        text = text.replace("[tool.modelicense]\n", "").replace("tool.modelicense.", "")
    root = make_repo({"README.md": card("license: mit"), name: text})
    code, _out, err = _run(capsys, "scan", str(root))
    if code != 2:  # `tool = 5` in pyproject.toml without [tool.modelicense]: not our configuration
        assert name == "pyproject.toml" and code in (0, 1)
        return
    last = err.strip().splitlines()[-1]
    assert last.startswith("Error: ") and name in last


def test_an_8_gib_sparse_pyproject_is_not_read_whole(make_repo, capsys):
    root = make_repo({"README.md": card("license: mit")})
    with open(root / "pyproject.toml", "wb") as handle:
        handle.write(b"[tool.modelicense]\nfail-on = 'never'\n")
        handle.truncate(EIGHT_GIB)  # sparse: costs no disk, but reading it all would cost 8 GiB
    code, out, _err = _run(capsys, "scan", "--format", "json", str(root))
    # Too big to be a configuration: ignored as one, reported by the scan as a file read in part.
    assert code == 1
    assert "pyproject.toml" in out and "read limit" in out


def test_an_8_gib_sparse_config_named_on_the_command_line_is_a_config_error(tmp_path, make_repo, capsys):
    config = tmp_path / "big.toml"
    with open(config, "wb") as handle:
        handle.truncate(EIGHT_GIB)
    root = make_repo({"README.md": card("license: mit")})
    code, _out, err = _run(capsys, "scan", "--config", str(config), str(root))
    assert code == 2 and "larger than 1024 KiB" in err


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\x00", b"\x00" * 100, "fail-on = 'never'\n".encode("utf-16")])
def test_config_that_is_not_utf8_text_is_exit_2(tmp_path, make_repo, capsys, data):
    config = tmp_path / "odd.toml"
    config.write_bytes(data)
    root = make_repo({"README.md": card("license: mit")})
    code, _out, err = _run(capsys, "scan", "--config", str(config), str(root))
    assert code == 2 and "odd.toml" in err


def test_config_that_is_a_directory_or_missing_is_exit_2(tmp_path, make_repo, capsys):
    root = make_repo({"README.md": card("license: mit")})
    for path in (tmp_path, tmp_path / "missing.toml"):
        code, _out, err = _run(capsys, "scan", "--config", str(path), str(root))
        assert code == 2 and "Error" in err


@pytest.mark.parametrize("key", ["severity", "per-file-ignores", "allow", "card-kinds"])
@pytest.mark.parametrize("value", [[1], "x", 5, True, 1.5])
def test_from_mapping_rejects_non_tables_by_name(key, value):
    with pytest.raises(ConfigError, match=key):
        from_mapping({key: value}, "cfg.toml")
