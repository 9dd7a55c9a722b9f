"""Coverage-guided fuzzing with atheris (libFuzzer) of the byte-level parsers, started by hand:

    python fuzz/atheris_targets.py cards -runs=100000
    python fuzz/atheris_targets.py weights -runs=100000 -max_len=4096 -dict=fuzz/modelicense.dict

Targets: cards, licence, source, packaging, dataset, weights, expression, config. An unhandled
exception is a crash: atheris prints it, writes the input to crash-<hash> and stops.
Complements fuzz/run.py (hypothesis, structure-aware) with mutation of raw bytes guided by
coverage of modelicense's own code.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("MODELICENSE_NO_SCANCODE", "1")
os.environ.setdefault("MODELICENSE_CACHE_DIR", tempfile.mkdtemp(prefix="modelicense-atheris-cache-"))

import atheris

with atheris.instrument_imports(include=["modelicense"]):
    from modelicense.config import ConfigError, parse_file
    from modelicense.extract import card, dataset_metadata, licence_file, packaging, source, weights
    from modelicense.knowledge import load as load_knowledge
    from modelicense.model import Declaration, Location
    from modelicense.resolve import Resolver

RESOLVER = Resolver(load_knowledge())
CONFIG = Path(tempfile.mkdtemp(prefix="modelicense-atheris-config-")) / "pyproject.toml"


def _resolve_all(extraction) -> None:
    for declaration in extraction.declarations:
        RESOLVER.resolve(declaration)


def _packaging(data: bytes) -> None:
    for name in ("pyproject.toml", "setup.cfg", "package.json"):
        _resolve_all(packaging.extract(name, data, len(data)))


def _weights(data: bytes) -> None:
    for name in ("model.safetensors", "model.gguf", "model.onnx", "pytorch_model.bin"):
        weights.extract(name, io.BytesIO(data), len(data))
    # The same bytes behind a valid magic, so mutations reach past the first check.
    for name, head in (("model.gguf", b"GGUF\x03\x00\x00\x00"), ("model.safetensors", len(data).to_bytes(8, "little"))):
        weights.extract(name, io.BytesIO(head + data), len(data) + len(head))


def _expression(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    RESOLVER.resolve_id(text)
    RESOLVER.resolve(Declaration(text, "repo", Location("x"), "licence", "low"))


def _config(data: bytes) -> None:
    CONFIG.write_bytes(data)
    for is_pyproject in (True, False):
        try:
            parse_file(CONFIG, is_pyproject)
        except ConfigError:
            pass


TARGETS = {
    "cards": lambda data: _resolve_all(card.extract("README.md", data, len(data))),
    "licence": lambda data: _resolve_all(licence_file.extract("LICENSE", data, len(data))),
    "source": lambda data: _resolve_all(source.extract("a.py", data, len(data))),
    "packaging": _packaging,
    "dataset": lambda data: _resolve_all(dataset_metadata.extract("datapackage.json", data, len(data))),
    "weights": _weights,
    "expression": _expression,
    "config": _config,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
