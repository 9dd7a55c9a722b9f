"""Several roots in one call (`--jobs`): the same report, in the same order, as a serial run."""

from __future__ import annotations

import json

import pytest

from conftest import card, run_cli, safetensors_file


@pytest.fixture
def roots(make_repo):
    """Six repositories with different findings, named out of alphabetical order."""
    made = []
    for n, licence in enumerate(["gpl-3.0", "mit", "cc-by-nc-4.0", "apache-2.0", "agpl-3.0", "llama2"]):
        made.append(make_repo({"README.md": card(f"license: {licence}\nlibrary_name: transformers"),
                               "model.safetensors": safetensors_file()}, git=n % 2 == 0))
    return [made[i] for i in (3, 0, 5, 1, 4, 2)]


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "markdown"])
def test_parallel_report_is_the_serial_report(roots, output_format):
    names = [str(r) for r in roots]
    serial = run_cli("scan", "--jobs", "1", "--format", output_format, *names)
    parallel = run_cli("scan", "--jobs", "3", "--format", output_format, *names)
    assert serial.returncode == parallel.returncode == 1, serial.stderr + parallel.stderr
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr


def test_results_keep_the_order_the_roots_were_given(roots):
    report = json.loads(run_cli("scan", "--jobs", "2", "--format", "json", *map(str, roots)).stdout)
    prefixes = []
    for finding in report["findings"]:
        root = next(str(r) for r in roots if finding["path"].startswith(str(r)))
        if root not in prefixes:
            prefixes.append(root)
    # every root with a finding, in the order given on the command line
    assert prefixes == [str(r) for r in roots if str(r) in prefixes]
    assert len(prefixes) >= 4  # gpl, nc, llama2 and agpl roots all have findings


def test_a_configuration_error_in_one_root_is_exit_2_in_parallel_too(roots):
    (roots[2] / ".modelicense.toml").write_text('fail-on = "fatal"\n')
    proc = run_cli("scan", "--jobs", "2", *map(str, roots))
    assert proc.returncode == 2
    assert "fail-on" in proc.stderr and "Traceback" not in proc.stderr


def test_jobs_must_be_positive(roots):
    proc = run_cli("scan", "--jobs", "0", str(roots[0]))
    assert proc.returncode == 2
