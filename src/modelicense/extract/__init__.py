"""One extractor per file kind: bytes in, an Extraction out. Extractors do no I/O of their own
(the weights extractor is the one exception: it is given an open file and reads a bounded header,
so an 8 GiB checkpoint costs what its header costs)."""

from __future__ import annotations

from importlib import import_module
from typing import BinaryIO, Callable

from modelicense.model import Extraction, FileKind

# How many bytes each kind may read. Licence texts and cards rarely pass 100 KiB; what lies
# beyond the limit cannot change a licence declaration in a way a linter should rely on.
READ_LIMITS: dict[FileKind, int] = {
    FileKind.LICENCE_FILE: 512 * 1024,
    FileKind.CARD: 1024 * 1024,
    FileKind.MODEL_CARD: 1024 * 1024,
    FileKind.DATASET_CARD: 1024 * 1024,
    FileKind.PACKAGING: 1024 * 1024,
    FileKind.SOURCE: 4 * 1024,  # SPDX headers stand in the first lines
    FileKind.DATASET_METADATA: 4 * 1024 * 1024,
    FileKind.DATA_FILE: 0,  # present is all we need to know
    FileKind.ADAPTER_CONFIG: 256 * 1024,
    FileKind.MODEL_CONFIG: 1024 * 1024,  # id2label tables of image classifiers run to tens of KiB
    FileKind.MERGE_CONFIG: 256 * 1024,
    FileKind.REQUIREMENTS: 1024 * 1024,
    FileKind.CONDA_ENVIRONMENT: 512 * 1024,
    FileKind.DOCKERFILE: 1024 * 1024,
}

BytesExtractor = Callable[[str, bytes, int], Extraction]


def _lazy(module: str) -> BytesExtractor:
    """The module's `extract`, imported on first use: a hook run on a repository without
    packaging files never pays for tomllib and configparser, one without cards for YAML."""

    def run(relpath: str, data: bytes, size: int) -> Extraction:
        return import_module(f"modelicense.extract.{module}").extract(relpath, data, size)

    run.__name__ = f"{module}.extract"
    return run


def _runtime(kind: FileKind) -> BytesExtractor:
    """extract/runtime.py's reader for one kind of runtime manifest, imported on first use."""

    def run(relpath: str, data: bytes, size: int) -> Extraction:
        return import_module("modelicense.extract.runtime").extract_kind(kind, relpath, data)

    run.__name__ = f"runtime.{kind.value}"
    return run


EXTRACTORS: dict[FileKind, BytesExtractor] = {
    FileKind.LICENCE_FILE: _lazy("licence_file"),
    FileKind.CARD: _lazy("card"),
    FileKind.MODEL_CARD: _lazy("card"),
    FileKind.DATASET_CARD: _lazy("card"),
    FileKind.PACKAGING: _lazy("packaging"),
    FileKind.SOURCE: _lazy("source"),
    FileKind.DATASET_METADATA: _lazy("dataset_metadata"),
    FileKind.DATA_FILE: lambda path, data, size: Extraction(),
    FileKind.ADAPTER_CONFIG: _lazy("peft_adapter"),
    FileKind.MODEL_CONFIG: _lazy("model_config"),
    FileKind.MERGE_CONFIG: _lazy("mergekit"),
    FileKind.REQUIREMENTS: _runtime(FileKind.REQUIREMENTS),
    FileKind.CONDA_ENVIRONMENT: _runtime(FileKind.CONDA_ENVIRONMENT),
    FileKind.DOCKERFILE: _runtime(FileKind.DOCKERFILE),
}


def extract_bytes(kind: FileKind, relpath: str, data: bytes, size: int) -> Extraction:
    return EXTRACTORS[kind](relpath, data, size)


def may_load_models(data: bytes) -> bool:
    """Python source or a notebook that names a model-loading call (a byte search; most do not)."""
    from modelicense.extract import model_ids

    return model_ids.may_load(data)


def with_models_loaded(extraction: Extraction, relpath: str, data: bytes) -> Extraction:
    """The extraction of a Python file or notebook, with the models its code loads at run time."""
    from dataclasses import replace

    from modelicense.extract import model_ids

    found = model_ids.extract(relpath, data)
    return replace(extraction, references=extraction.references + found.references,
                   suppressions=extraction.suppressions + found.suppressions)


def extract_weights(relpath: str, handle: BinaryIO, size: int) -> Extraction:
    from modelicense.extract import weights

    return weights.extract(relpath, handle, size)
