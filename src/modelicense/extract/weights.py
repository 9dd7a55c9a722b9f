"""Weight files, read by header only. Nothing is ever unpickled, loaded or executed.

- safetensors: 8-byte little-endian header length, then a JSON header whose `__metadata__`
  (str → str) may carry `license` or `modelspec.license`. Headers over 100 MB are rejected, as
  the reference reader does (https://github.com/huggingface/safetensors, `MAX_HEADER_SIZE`).
- GGUF v2/v3 (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): key/value pairs
  after the magic; `general.license*`, `general.base_model.N.*`, `general.dataset.N.*`.
  Every count and length is checked against bounds and the file size before anything is read,
  so a header claiming 2^60 keys costs nothing.
- ONNX: `ModelProto.metadata_props` (field 14) by a walk over the top-level protobuf fields that
  seeks past the graph. The onnx package would parse the whole ModelProto (graph and initialisers
  included) just to reach the metadata and pulls in protobuf and numpy; the walk below reads a
  few bytes per top-level field.
- pickle-based formats (.bin, .pt, .pth, .ckpt, .pkl…): never unpickled; a torch zip archive is
  recognised by its magic and at most its listing is read.
- A Git LFS pointer is recognised as weights that are not present and is never parsed as weights.

Parsing is hand-written because the reference readers load or map the whole file and pull in
heavy dependencies; each format needs a few dozen lines. Reads are bounded: a safetensors header
by the reference limit (100 MB), GGUF key/values by GGUF_MAX_HEADER_BYTES, ONNX by reading only
top-level tags and the keys of metadata entries; only licence keys' values are read (at most
ONNX_MAX_ENTRY each, ONNX_MAX_KEPT of them), so memory does not grow with the file.
"""

from __future__ import annotations

import json
import re
import struct
from typing import BinaryIO, Callable

from modelicense.lazyre import lazy_compile
from modelicense.model import Declaration, Extraction, Location, Problem, Reference

LFS_PREFIX = b"version https://git-lfs.github.com/spec/v1"
LFS_POINTER_MAX = 1024

SAFETENSORS_MAX_HEADER = 100_000_000  # the reference reader's limit
# GGUF: every key/value pair is read (keys are not sorted); tokenizer vocabularies dominate.
GGUF_MAX_HEADER_BYTES = 64 * 1024 * 1024
GGUF_MAX_KV = 1_000_000
GGUF_MAX_ARRAY = 1 << 24
GGUF_MAX_STRING = 16 * 1024 * 1024
KEEP_STRING = 4096  # longest value kept for a declaration (a licence id or a URL, not a text)
ONNX_MAX_FIELDS = 100_000
ONNX_MAX_ENTRY = 1024 * 1024  # a licence value (a whole licence text fits)
ONNX_MAX_KEY = 256  # longer keys are no key the reader needs: skipped unread
ONNX_MAX_KEPT = 16  # licence entries kept per file; more only repeat themselves

# Which metadata keys declare the weights' licence, per format (field names as written).
SAFETENSORS_LICENCE_KEYS = ("license", "licence", "modelspec.license")
ONNX_LICENCE_KEYS = ("model_license", "license", "licence")
GGUF_LICENCE_KEYS = ("general.license",)
# general.file_type values that are not quantised: ALL_F32, MOSTLY_F16, MOSTLY_BF16 (llama.cpp's
# llama_ftype, gguf-py's LlamaFileType); absent counts as not quantised too.
GGUF_UNQUANTISED_FILE_TYPES = (None, "0", "1", "32")
GGUF_META_KEYS = {"general.license.name": "license_name", "general.license.link": "license_link"}


class HeaderError(ValueError):
    """The header is not what the format says it must be."""


def is_lfs_pointer(head: bytes) -> bool:
    return head.startswith(LFS_PREFIX)


def extract(relpath: str, handle: BinaryIO, size: int) -> Extraction:
    head = handle.read(min(size, LFS_POINTER_MAX))
    if size <= LFS_POINTER_MAX and is_lfs_pointer(head):
        return Extraction(metadata=(("lfs_pointer", "yes"),))
    reader = _reader_for(relpath, head)
    if reader is None:
        return Extraction(metadata=(("format", _format_by_magic(relpath, head)),))
    fmt, read = reader
    try:
        handle.seek(0)
        extraction = read(relpath, handle, size)
    except HeaderError as exc:
        return Extraction(problems=(Problem("malformed", f"{fmt} header: {exc}", Location(relpath)),),
                          metadata=(("format", fmt),))
    except (OSError, EOFError) as exc:  # the file changed under us, or a device error
        return Extraction(problems=(Problem("unreadable", f"cannot read {fmt} header: {exc}", Location(relpath)),))
    return Extraction(extraction.declarations, extraction.references, extraction.problems,
                      (("format", fmt), *extraction.metadata))


Reader = Callable[[str, BinaryIO, int], Extraction]


def _reader_for(relpath: str, head: bytes) -> tuple[str, Reader] | None:
    lower = relpath.lower()
    if head.startswith(b"GGUF"):
        return "gguf", read_gguf
    if lower.endswith(".safetensors"):
        return "safetensors", read_safetensors
    if lower.endswith(".gguf"):
        return "gguf", read_gguf  # wrong magic: the reader says so
    if lower.endswith(".onnx"):
        return "onnx", read_onnx
    if head[8:10] == b'{"':  # a safetensors header under another name (a file named on the command line)
        return "safetensors", read_safetensors
    return None


def _format_by_magic(relpath: str, head: bytes) -> str:
    """The format's name, by magic. A pickle is never unpickled; a zip's listing is not needed
    for licences, so only the magic is looked at."""
    if head.startswith(b"PK\x03\x04"):
        return "torch-zip" if relpath.lower().endswith((".bin", ".pt", ".pth", ".ckpt")) else "zip"
    if head[:1] == b"\x80" and len(head) > 1 and 2 <= head[1] <= 5:
        return "pickle"
    return relpath.rsplit(".", 1)[-1].lower() if "." in relpath else "unknown"


def _read_exact(handle: BinaryIO, count: int) -> bytes:
    data = handle.read(count)
    if len(data) != count:
        raise HeaderError(f"file ends inside the header (wanted {count} bytes, got {len(data)})")
    return data


def _text(value: str) -> str:
    return value[:KEEP_STRING].strip()


# --- safetensors -------------------------------------------------------------------------------


def read_safetensors(relpath: str, handle: BinaryIO, size: int) -> Extraction:
    if size < 8:
        raise HeaderError("file is shorter than the 8-byte header length")
    (length,) = struct.unpack("<Q", _read_exact(handle, 8))
    if length > SAFETENSORS_MAX_HEADER:
        raise HeaderError(f"header length {length} exceeds the 100 MB limit of the reference reader")
    if length > size - 8:
        raise HeaderError(f"header length {length} is larger than the file")
    raw = _read_exact(handle, length)
    try:
        header = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise HeaderError("header is not UTF-8") from None
    except ValueError as exc:
        raise HeaderError(f"header is not valid JSON ({exc})") from None
    except RecursionError:  # json raises it for arrays or objects nested too deeply
        raise HeaderError("header is not valid JSON (nested too deeply)") from None
    if not isinstance(header, dict):
        raise HeaderError("header is not a JSON object")
    metadata = header.get("__metadata__")
    if metadata is None:
        return Extraction()
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise HeaderError("__metadata__ is not a mapping of strings to strings")
    where = Location(relpath)
    declarations = tuple(
        Declaration(_text(metadata[key]), "weights", where, f"safetensors:__metadata__.{key}")
        for key in SAFETENSORS_LICENCE_KEYS
        if key in metadata and metadata[key].strip()
    )
    return Extraction(declarations=declarations)


# --- GGUF --------------------------------------------------------------------------------------

_GGUF_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_GGUF_STRING, _GGUF_ARRAY = 8, 9
_INDEXED = lazy_compile(r"^general\.(base_model|dataset)\.(\d+)\.(\w+)$")


class _Stream:
    """A forward-only reader over a file with a byte budget: refuses to read or skip past the
    file's end or the budget, so no claimed length can make it allocate or loop."""

    def __init__(self, handle: BinaryIO, size: int, budget: int):
        self.handle = handle
        self.limit = min(size, budget)
        self.budget = budget if budget < size else None
        self.pos = 0
        self.buffer = b""
        self.offset = 0  # position of buffer[0] in the file

    def _ensure(self, count: int) -> None:
        if self.pos + count > self.limit:
            if self.budget is None:
                raise HeaderError("header claims more data than the file holds")
            raise HeaderError(f"header is larger than the {self.budget // (1024 * 1024)} MiB read limit")

    def read(self, count: int) -> bytes:
        self._ensure(count)
        start = self.pos - self.offset
        if start < 0 or start + count > len(self.buffer):
            self._refill(count)
            start = 0
        self.pos += count
        return self.buffer[start:start + count]

    def skip(self, count: int) -> None:
        self._ensure(count)
        self.pos += count

    def skip_strings(self, count: int) -> None:
        """Skip `count` length-prefixed strings in one tight loop over buffered chunks."""
        length_at = struct.Struct("<Q").unpack_from
        while count:
            self.read(0)  # position the buffer at self.pos
            buffer, start = self.buffer, self.pos - self.offset
            if start + 8 > len(buffer):
                self._refill(8, 1 << 20)
                buffer, start = self.buffer, 0
            cursor, end = start, len(buffer)
            while count and cursor + 8 <= end:
                (length,) = length_at(buffer, cursor)
                if length > GGUF_MAX_STRING:
                    raise HeaderError(f"string of {length} bytes")
                cursor += 8 + length
                count -= 1
            self.skip(cursor - start)

    def _refill(self, count: int, chunk: int = 65536) -> None:
        self._ensure(count)
        self.handle.seek(self.pos)
        self.buffer = _read_exact(self.handle, max(count, min(chunk, self.limit - self.pos)))
        self.offset = self.pos

    def unpack(self, fmt: str):
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def string(self, keep: bool = True) -> str:
        length = self.unpack("<Q")
        if length > GGUF_MAX_STRING:
            raise HeaderError(f"string of {length} bytes")
        if not keep:
            self.skip(length)
            return ""
        return self.read(length).decode("utf-8", "replace")


def read_gguf(relpath: str, handle: BinaryIO, size: int) -> Extraction:
    stream = _Stream(handle, size, GGUF_MAX_HEADER_BYTES)
    if stream.read(4) != b"GGUF":
        raise HeaderError("no GGUF magic")
    version = stream.unpack("<I")
    if version not in (2, 3):
        raise HeaderError(f"version {version} is not supported (2 and 3 are)")
    stream.unpack("<Q")  # tensor count: the tensors are never read
    kv_count = stream.unpack("<Q")
    if kv_count > GGUF_MAX_KV:
        raise HeaderError(f"header claims {kv_count} key/value pairs")
    values: dict[str, list[str]] = {}
    for _ in range(kv_count):
        key = stream.string()
        wanted = key.startswith("general.")
        found = _gguf_value(stream, stream.unpack("<I"), wanted)
        if wanted and found:
            values[key] = found
    return _gguf_extraction(relpath, values)


def _gguf_value(stream: _Stream, kind: int, keep: bool) -> list[str]:
    """The value as strings when kept (arrays flattened one level), else skipped unread."""
    if kind in _GGUF_SCALARS:
        value = stream.unpack(_GGUF_SCALARS[kind])
        return [str(value)] if keep else []
    if kind == _GGUF_STRING:
        if keep:
            return [_text(stream.string())]
        stream.string(keep=False)
        return []
    if kind == _GGUF_ARRAY:
        item_kind = stream.unpack("<I")
        count = stream.unpack("<Q")
        if count > GGUF_MAX_ARRAY:
            raise HeaderError(f"array of {count} items")
        if item_kind in _GGUF_SCALARS and not keep:
            stream.skip(count * struct.calcsize(_GGUF_SCALARS[item_kind]))
            return []
        if item_kind == _GGUF_STRING and not keep:
            stream.skip_strings(count)  # tokenizer vocabularies: hundreds of thousands of strings
            return []
        if item_kind == _GGUF_ARRAY:
            raise HeaderError("nested arrays are not read")
        # Keep the first items of a wanted array and skip the rest in bulk: one Python call per
        # item made a 16 MB `general.*` array of bytes cost 12 s.
        kept = min(count, 64)
        items: list[str] = []
        for _ in range(kept):
            items.extend(_gguf_value(stream, item_kind, True))
        if item_kind in _GGUF_SCALARS:
            stream.skip((count - kept) * struct.calcsize(_GGUF_SCALARS[item_kind]))
        elif item_kind == _GGUF_STRING:
            stream.skip_strings(count - kept)
        return items
    raise HeaderError(f"unknown value type {kind}")


def _gguf_extraction(relpath: str, values: dict[str, list[str]]) -> Extraction:
    where = Location(relpath)
    declarations = [
        Declaration(value, "weights", where, f"gguf:{key}")
        for key in GGUF_LICENCE_KEYS
        for value in values.get(key, ())
        if value
    ]
    metadata = [(name, values[key][0]) for key, name in GGUF_META_KEYS.items() if values.get(key)]
    # general.base_model.N.* and general.dataset.N.*: one reference per N, named by its Hub repo
    # when it has one, otherwise by its name.
    indexed: dict[tuple[str, int], dict[str, str]] = {}
    for key, found in values.items():
        match = _INDEXED.match(key)
        if match and found:
            indexed.setdefault((match.group(1), int(match.group(2))), {})[match.group(3)] = found[0]
    references = []
    adapter = _first(values, "general.type") == "adapter"
    # What the file was converted from (general.source.*): its weights are that model's weights,
    # quantised or not, so the relation is `quantized` when the file type says so.
    source = _hub_id(_first(values, "general.source.repo_url") or "", "base_model") or \
        _first(values, "general.source.huggingface.repository")
    if source:
        quantised = _first(values, "general.file_type") not in GGUF_UNQUANTISED_FILE_TYPES
        references.append(Reference("base_model", source, where, "quantized" if quantised and not adapter else None))
    for (group, _index), fields in sorted(indexed.items()):
        ident = _hub_id(fields.get("repo_url", ""), group) or fields.get("name")
        if ident:
            kind = "base_model" if group == "base_model" else "dataset"
            # general.base_model.N: the bases of what was converted; of an adapter, what it applies to.
            relation = "adapter" if adapter and kind == "base_model" else None
            references.append(Reference(kind, ident, where, relation))  # type: ignore[arg-type]
    return Extraction(declarations=tuple(declarations), references=tuple(references), metadata=tuple(metadata))


def _first(values: dict[str, list[str]], key: str) -> str | None:
    found = values.get(key)
    return found[0] if found else None


def _hub_id(url: str, group: str) -> str | None:
    match = re.match(r"^https?://huggingface\.co/(?:datasets/)?([\w.-]+/[\w.-]+)/?$", url.strip())
    return match.group(1) if match else None


# --- ONNX --------------------------------------------------------------------------------------

_ONNX_METADATA_PROPS = 14


def _varint(stream: _Stream) -> int:
    result = shift = 0
    while True:
        byte = stream.read(1)[0]
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result
        shift += 7
        if shift > 63:
            raise HeaderError("varint longer than 10 bytes")


def read_onnx(relpath: str, handle: BinaryIO, size: int) -> Extraction:
    # The budget is the file itself: the walk only reads tags and seeks past values.
    stream = _Stream(handle, size, max(size, 1))
    props: list[tuple[str, str]] = []
    fields = 0
    while stream.pos < stream.limit:
        fields += 1
        if fields > ONNX_MAX_FIELDS:
            raise HeaderError(f"more than {ONNX_MAX_FIELDS} top-level fields")
        tag = _varint(stream)
        number, wire = tag >> 3, tag & 7
        if number == 0:
            raise HeaderError("field number 0: not a protobuf ModelProto")
        if wire == 0:
            _varint(stream)
        elif wire == 1:
            stream.skip(8)
        elif wire == 5:
            stream.skip(4)
        elif wire == 2:
            length = _varint(stream)
            if number == _ONNX_METADATA_PROPS:
                entry = _onnx_entry(stream, length)
                if entry is not None and len(props) < ONNX_MAX_KEPT:
                    props.append(entry)
            else:
                stream.skip(length)
        else:
            raise HeaderError(f"wire type {wire} is not used by ONNX: not a ModelProto")
    where = Location(relpath)
    declarations = tuple(
        Declaration(_text(value), "weights", where, f"onnx:metadata_props.{key}")
        for key, value in props
        if key in ONNX_LICENCE_KEYS and value.strip()
    )
    return Extraction(declarations=declarations)


def _onnx_entry(stream: _Stream, length: int) -> tuple[str, str] | None:
    """One StringStringEntryProto (1 key, 2 value) of `length` bytes at the stream's position:
    (key, value) when the key is a licence key, else None. Only the key is read (at most
    ONNX_MAX_KEY bytes); the value is read only for a licence key, so a file of large entries
    under other keys (descriptions, embedded configs) costs neither memory nor reads."""
    end = stream.pos + length
    key: str | None = None
    value_at: tuple[int, int] | None = None
    while stream.pos < end:
        tag = _varint(stream)
        if tag & 7 != 2:
            raise HeaderError("metadata entry is not a pair of strings")
        size = _varint(stream)
        if stream.pos + size > end:
            raise HeaderError("metadata entry field runs past its entry")
        field = tag >> 3
        if field == 1 and size <= ONNX_MAX_KEY:
            key = stream.read(size).decode("utf-8", "replace")
        elif field == 2:
            value_at = (stream.pos, size)  # protobuf allows the value before the key
            stream.skip(size)
        else:
            stream.skip(size)
    if key not in ONNX_LICENCE_KEYS or value_at is None:
        return None
    position, size = value_at
    if size > ONNX_MAX_ENTRY:
        raise HeaderError(f"metadata entry {key!r} of {size} bytes")
    after, stream.pos = stream.pos, position
    value = stream.read(size).decode("utf-8", "replace")
    stream.pos = after
    return key, value
