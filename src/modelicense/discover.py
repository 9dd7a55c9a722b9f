"""Which files to read, and what kind each one is.

Inside a git work tree the file list is git's (tracked plus untracked-not-ignored), so ignored
checkpoints and caches stay out; elsewhere a walk with default excludes. A symlink is read only
when it resolves inside the root (or, in a Hugging Face cache, inside the cache repository the
root lies in: its snapshots link into its blobs/); otherwise it is reported, never followed.
Kinds come from name tables (licensee-style), not if-chains.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from pathlib import Path

from modelicense import gitfiles
from modelicense.fastclass import dataclass
from modelicense.lazyre import lazy_compile
from modelicense.model import FileKind, Location, Problem

# --- name tables -----------------------------------------------------------------------------

# Licence files: a stem from this list, optionally followed by a separator and a qualifier
# (LICENSE-MODEL, LICENSE_weights, COPYING.LESSER), optionally with an extension.
_LICENCE_STEMS = r"(?:licen[cs]e[sd]?|copying|notice|patents|unlicen[cs]e|copyright|eula|(?:use|usage)[_-]?policy|acceptable[_-]?use[_-]?policy)"
_LICENCE_NAME = lazy_compile(
    rf"^(?:[\w. -]+[_ -])?{_LICENCE_STEMS}(?:[_.\- ][\w.\- ]*)?(?:\.(?:md|markdown|txt|rst|html?|pdf))?$",
    re.IGNORECASE,
)
# Files inside these folders are licence texts whatever their name (REUSE, model_licenses/ in FLUX).
_LICENCE_DIRS = ("LICENSES", "licenses", "model_licenses", "LICENSE", "licence", "licences")
# Names that contain "license" but are something else.
_NOT_LICENCE = lazy_compile(r"\.(py|js|ts|json|ya?ml|toml|cfg|ini|sh|go|rs|c|h|cpp|java)$", re.IGNORECASE)

# Cards: Markdown files with card names. README.md is a card only if its front matter says so
# (decided at extraction: a README without front matter is just a README).
_CARD_NAMES = lazy_compile(
    r"^(?:readme(?:[_.-][\w-]+)?|(?:[\w.-]+[_-])?(?:model|dataset|data)[_-]?card(?:[_-][\w-]+)?)\.(?:md|markdown)$",
    re.IGNORECASE,
)

_PACKAGING_NAMES = {"pyproject.toml", "setup.cfg", "package.json"}

# Lineage files: what a model was made from (PEFT, transformers, mergekit write these names).
_LINEAGE_NAMES = {
    "adapter_config.json": FileKind.ADAPTER_CONFIG,
    "config.json": FileKind.MODEL_CONFIG,
    "mergekit_config.yml": FileKind.MERGE_CONFIG,
    "mergekit_config.yaml": FileKind.MERGE_CONFIG,
    "merge_config.yml": FileKind.MERGE_CONFIG,
    "merge_config.yaml": FileKind.MERGE_CONFIG,
}

# Runtime manifests (extract/runtime.py): what the system installs to run, read for the hardware
# stack it ties the system to (RUN001). requirements-cuda.txt, dev_requirements.in,
# requirements/gpu.txt; environment.yml, environment-gpu.yaml, conda.yaml (MLflow);
# Dockerfile, Dockerfile.cuda, gpu.Dockerfile, Containerfile.
_REQUIREMENTS_NAME = lazy_compile(r"^(?:[\w.-]*[_.-])?requirements(?:[_.-][\w.-]*)?\.(?:txt|in)$", re.IGNORECASE)
_REQUIREMENTS_DIRS = ("requirements",)
_CONDA_NAME = lazy_compile(r"^(?:environment|conda)(?:[_.-][\w.-]*)?\.ya?ml$", re.IGNORECASE)
_DOCKERFILE_NAME = lazy_compile(r"^(?:(?:docker|container)file(?:\.[\w.-]+)?|[\w.-]+\.(?:docker|container)file)$",
                                re.IGNORECASE)

_DATASET_METADATA_NAMES = {
    "datapackage.json",
    "dataset_infos.json",
    "dataset_info.json",
    "croissant.json",
    "metadata.json",  # only when it is Croissant JSON-LD; the extractor decides
}
_DATASET_METADATA_SUFFIXES = (".croissant.json", "-croissant.json", "_croissant.json")

WEIGHT_SUFFIXES = (
    ".safetensors", ".gguf", ".ggml", ".onnx", ".bin", ".pt", ".pth", ".ckpt", ".h5", ".keras",
    ".pb", ".tflite", ".msgpack", ".npz", ".pkl", ".pickle", ".joblib", ".mlmodel", ".nemo",
)
DATA_SUFFIXES = (".csv", ".tsv", ".jsonl", ".parquet", ".arrow", ".feather", ".avro", ".tfrecord", ".webdataset")

# Source files whose first lines may carry an SPDX-License-Identifier (Python files and notebooks
# are also read for the models their code loads).
SOURCE_SUFFIXES = (
    ".py", ".pyi", ".pyx", ".c", ".h", ".cc", ".cpp", ".hpp", ".cu", ".cuh", ".js", ".mjs", ".ts", ".tsx",
    ".go", ".rs", ".java", ".kt", ".scala", ".swift", ".m", ".mm", ".rb", ".php", ".sh", ".bash", ".pl",
    ".lua", ".r", ".jl", ".cs", ".proto", ".sql", ".cmake", ".zig", ".pyw",
    ".ipynb",  # Jupyter notebooks: their code cells are read for model ids (extract/model_ids.py)
)

# Walk excludes (git already leaves ignored files out).
DEFAULT_EXCLUDED_DIRS = {
    ".git", ".hg", ".svn", ".venv", "venv", "env", ".env", "node_modules", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".tox", ".nox", ".eggs", "build", "dist", ".cache", ".idea", ".vscode",
    "site-packages", ".ipynb_checkpoints", "wandb", "mlruns",
}


# Folders whose Markdown files are cards whatever their name (InternLM's model_cards/).
_CARD_DIRS = ("model_cards", "dataset_cards", "modelcards")


def classify(relpath: str) -> FileKind | None:
    """The kind a file's name says it is, or None for files that say nothing about licences."""
    parts = relpath.split("/")
    name = parts[-1]
    lower = name.lower()
    if len(parts) > 1 and parts[-2] in _LICENCE_DIRS and not _NOT_LICENCE.search(name):
        return FileKind.LICENCE_FILE
    if _LICENCE_NAME.match(name) and not _NOT_LICENCE.search(name):
        return FileKind.LICENCE_FILE
    if _CARD_NAMES.match(name) or (len(parts) > 1 and parts[-2] in _CARD_DIRS and lower.endswith((".md", ".markdown"))):
        return FileKind.CARD
    if lower in _PACKAGING_NAMES:
        return FileKind.PACKAGING
    if lower in _LINEAGE_NAMES:
        return _LINEAGE_NAMES[lower]
    if _REQUIREMENTS_NAME.match(name) or (len(parts) > 1 and parts[-2] in _REQUIREMENTS_DIRS
                                          and lower.endswith((".txt", ".in"))):
        return FileKind.REQUIREMENTS
    if _CONDA_NAME.match(name):
        return FileKind.CONDA_ENVIRONMENT
    if _DOCKERFILE_NAME.match(name):
        return FileKind.DOCKERFILE
    if lower in _DATASET_METADATA_NAMES or lower.endswith(_DATASET_METADATA_SUFFIXES):
        return FileKind.DATASET_METADATA
    if lower.endswith(WEIGHT_SUFFIXES):
        return FileKind.WEIGHTS
    if lower.endswith(DATA_SUFFIXES):
        return FileKind.DATA_FILE
    if lower.endswith(SOURCE_SUFFIXES):
        return FileKind.SOURCE
    return None


# --- listing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundFile:
    relpath: str  # '/'-separated, relative to the root
    abspath: str
    kind: FileKind
    size: int


@dataclass(frozen=True)
class Discovery:
    files: tuple[FoundFile, ...]
    problems: tuple[Problem, ...]
    # Files that would have been read but that `exclude` patterns kept out (reports count them).
    excluded: tuple[str, ...] = ()


def find_root(path: Path) -> Path:
    """The repository root for a file or directory: git's top level, else the directory itself."""
    start = path if path.is_dir() else path.parent
    top, _refused = gitfiles.work_tree(start)  # a refused answer is reported by discover()
    return top if top is not None else start


# What the first bytes of a named file whose name says nothing show it to be.
_WEIGHT_MAGICS = (b"GGUF", b"version https://git-lfs.github.com/spec/")
_SNIFF_BYTES = 512
# Plain text named on the command line is read as a licence text ("" : no suffix at all).
_TEXT_SUFFIXES = frozenset({"", "txt", "text", "rst", "html", "htm"})


def classify_named(relpath: str, abspath: str | None = None) -> FileKind | None:
    """A file the user named on the command line is read whatever its name: as its name says,
    else by its content (`modelicense scan my_card.md`, `scan terms.txt`, `scan model.q4`):
    Markdown or front matter is a card, a weight magic a weight file, other text a licence text."""
    kind = classify(relpath)
    if kind is not None:
        return kind
    if relpath.lower().endswith((".md", ".markdown")):
        return FileKind.CARD
    if abspath is None:
        return None
    from modelicense.safe_io import read_head

    try:
        head = read_head(abspath, _SNIFF_BYTES)  # non-blocking: a FIFO swapped in is refused, never read
    except (OSError, ValueError):
        return None  # _inspect reports what cannot be read
    if head.startswith(_WEIGHT_MAGICS) or head[8:10] == b'{"':  # GGUF, LFS pointer, safetensors header
        return FileKind.WEIGHTS
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"---"):  # blanks may come first, as on the Hub
        return FileKind.CARD
    suffix = relpath.rpartition("/")[2].rpartition(".")[2].lower() if "." in relpath.rpartition("/")[2] else ""
    if suffix in _TEXT_SUFFIXES and head.strip() and b"\0" not in head:
        return FileKind.LICENCE_FILE
    return None


def discover(root: Path, exclude: tuple[str, ...] = (), named: frozenset[str] = frozenset(),
             only_named: bool = False) -> Discovery:
    """The files under root worth reading. `named` are root-relative paths the user gave
    explicitly: they are read even when their name alone would not be. With `only_named` they
    are all that is read (`scan FILE`)."""
    root = root.resolve()
    problems: list[Problem] = []
    if only_named:
        names: list[str] = []
    else:
        names = _git_files(root, problems)
        if names is None:
            names = _walk(root, problems)
    names = [*names, *named]
    files: list[FoundFile] = []
    excluded: list[str] = []
    boundary = link_boundary(root)
    real_folders: dict[str, bool] = {}
    for rel in sorted(set(names)):
        kind = classify_named(rel, _contained(root, rel, boundary)) if rel in named else classify(rel)
        if kind is None:
            if rel in named:
                problems.append(Problem("skipped", "named file is not a kind modelicense reads (card, licence text, "
                                        "packaging, weights, metadata, source); not read", Location(rel)))
            continue
        if _excluded(rel, exclude):
            excluded.append(rel)
            continue
        found = _inspect(root, rel, kind, problems, boundary, real_folders)
        if found is not None:
            files.append(found)
    return Discovery(tuple(files), tuple(problems), tuple(excluded))


# A cache repository as huggingface_hub writes it (huggingface_hub.constants.REPO_ID_SEPARATOR
# is "--"): models--org--name/{blobs,snapshots,refs}; snapshots/<rev>/<file> links to ../../blobs/<hash>.
_CACHE_REPO = lazy_compile(r"^(?:models|datasets|spaces)--.")


def link_boundary(root: Path) -> Path:
    """Where a symlink under `root` may resolve to be read: the root itself, or — when the root
    lies inside a Hugging Face cache repository (`models--org--name` holding `blobs/` and
    `snapshots/`) — that cache repository, never wider. `root` is resolved."""
    for folder in (root, *root.parents):
        if _CACHE_REPO.match(folder.name):
            if (folder / "blobs").is_dir() and (folder / "snapshots").is_dir():
                return folder
            break
    return root


def _folder_is_real(root: Path, rel: str, known: dict[str, bool]) -> bool:
    """The folder holding `rel` is where its path says, with no link on the way (one realpath
    per folder, remembered in `known`, instead of one per file)."""
    folder = rel.rpartition("/")[0]
    if folder not in known:
        path = os.path.join(str(root), folder) if folder else str(root)
        known[folder] = os.path.realpath(path) == os.path.abspath(path)
    return known[folder]


def _inspect(root: Path, rel: str, kind: FileKind, problems: list[Problem], boundary: Path | None = None,
             real_folders: dict[str, bool] | None = None) -> FoundFile | None:
    path = os.path.join(root, rel)  # a str: pathlib's `/` per file was a tenth of a large scan
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None  # tracked but deleted in the work tree: nothing to read
    except OSError as exc:
        problems.append(Problem("unreadable", f"cannot stat: {exc.strerror}", Location(rel)))
        return None
    # Resolve every path whose folder is not where it says, not only links themselves: git's
    # index may list sub/LICENSE while the work tree has `sub` as a link to elsewhere, and
    # following it there would read a file from outside the root.
    if stat.S_ISLNK(st.st_mode) or not _folder_is_real(root, rel, {} if real_folders is None else real_folders):
        try:
            target = Path(path).resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append(Problem("skipped", "symlink is broken or loops; not read", Location(rel)))
            return None
        if not _inside(target, boundary or root):
            # Never name the target: nothing from outside the root appears in output.
            problems.append(Problem("skipped", "symlink points outside the scanned root; not followed", Location(rel)))
            return None
        try:
            st = os.stat(target)
        except OSError as exc:
            problems.append(Problem("unreadable", f"cannot stat: {exc.strerror}", Location(rel)))
            return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return FoundFile(rel, path, kind, st.st_size)


def _contained(root: Path, rel: str, boundary: Path) -> str | None:
    """The file's path when it resolves inside the link boundary (so sniffing a named file's
    content never reads through a link out of it); None otherwise."""
    try:
        target = (root / rel).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return str(target) if _inside(target, boundary) else None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or rel.startswith(pat + "/") or fnmatch.fnmatch(rel, pat + "/*"):
            return True
    return False


def _git_files(root: Path, problems: list[Problem]) -> list[str] | None:
    """git's view of the files under root, or None when root is not in a work tree git can be
    trusted for (modelicense.gitfiles; a refused answer is a finding, and the folder is walked)."""
    top, refused = gitfiles.work_tree(root)
    if refused:
        problems.append(Problem("skipped", f"{refused}; the folder was walked instead", Location(".")))
    if top is None:
        return None
    return gitfiles.list_files(root)


def _walk(root: Path, problems: list[Problem]) -> list[str]:
    names: list[str] = []

    def cannot_enter(error: OSError) -> None:
        # A folder the walk cannot enter (permissions, a path too long) could hide a licence.
        where = os.path.relpath(error.filename, root).replace(os.sep, "/") if error.filename else "."
        problems.append(Problem("unreadable", f"cannot enter this folder: {error.strerror or error}; "
                                              "nothing below it was read", Location(where)))

    # os.walk does not descend into symlinked directories by default (followlinks=False): no loops.
    for dirpath, dirnames, filenames in os.walk(root, onerror=cannot_enter):
        dirnames[:] = sorted(d for d in dirnames if d not in DEFAULT_EXCLUDED_DIRS)
        rel_dir = os.path.relpath(dirpath, root)
        for name in filenames:
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            names.append(rel.replace(os.sep, "/"))
    return names
