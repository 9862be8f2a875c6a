"""Checks of the files of an index version before anything in them is used.

Nothing in an index folder is trusted: the manifest's schema and format version, the FAISS headers
against the manifest before FAISS reads the files (FAISS allocates whatever sizes a file claims), and
every chunk record's types, span and sentence spans. Each refusal is an :class:`IndexCorruptError` naming the file.
"""

from __future__ import annotations

import json
import os
import stat
import struct
from collections import Counter
from pathlib import Path
from typing import Any

import faiss
from pydantic import BaseModel, ConfigDict, ValidationError

from citeqa.corpus.reader import Document
from citeqa.corpus.text_layer import Heading, TextLayer
from citeqa.index.chunking import Chunk
from citeqa.index.errors import IndexCorruptError
from citeqa.index.manifest import FORMAT_VERSION, Manifest

_MANIFEST = "manifest.json"
#: The sentence vectors' file; its index type and row count are the manifest's sentence_* fields.
SENTENCES_FILE = "sentences.faiss"

#: The FAISS index types an index may hold, by the manifest's name for them (up to any
#: ``"(nlist=...)"``), with their class and the fourcc faiss.write_index starts their file with.
_INDEX_TYPES: dict[str, tuple[type, bytes]] = {
    "IndexFlatIP": (faiss.IndexFlatIP, b"IxFI"),
    "IndexIVFFlat": (faiss.IndexIVFFlat, b"IwFl"),
}
_CHUNK_KEYS = frozenset({"doc_id", "start", "end", "text", "context", "page", "headings", "sentences"})
#: How faiss.write_index starts every index file (faiss/impl/index_write.cpp: the fourcc, then
#: write_index_header: d int32, ntotal int64, two dummy int64, is_trained bool, metric_type int32; no
#: metric_arg for inner product), native byte order; an ``IndexFlat`` goes on with its codes vector
#: (float count uint64, then the floats) and nothing else. Checked before FAISS reads the file:
#: FAISS allocates whatever sizes the file claims.
_INDEX_HEADER = struct.Struct("=4siqqq?i")
_FLAT_CODES = struct.Struct("=Q")

def require_regular_file(path: Path) -> None:
    """Refuse a missing file, a symlink, a FIFO or a device (reading one could hang or leave the
    folder)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError as exc:
        raise IndexCorruptError(f"{path} is missing") from exc
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {path}: {exc}") from exc
    if not stat.S_ISREG(mode):
        raise IndexCorruptError(f"{path} is not a regular file")


def _summary(exc: ValidationError, limit: int = 3) -> str:
    """The first few problems pydantic found, one short clause each (its own text runs to lines)."""
    errors = exc.errors(include_url=False, include_input=False)
    parts = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" if e["loc"] else e["msg"] for e in errors[:limit]]
    if len(errors) > limit:
        parts.append(f"and {len(errors) - limit} more")
    return "; ".join(parts)


def read_manifest_file(version: Path) -> Manifest:
    """Read and check the manifest of one version folder."""
    path = version / _MANIFEST
    fix = f"rebuild with `citeqa index --index {version.parent}`"
    try:
        require_regular_file(path)
        manifest = Manifest.model_validate_json(path.read_bytes())
    except IndexCorruptError as exc:
        raise IndexCorruptError(f"{exc}; {fix}") from exc
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {path}: {exc}; {fix}") from exc
    except ValidationError as exc:
        raise IndexCorruptError(f"{path} is not a valid citeqa manifest ({_summary(exc)}); {fix}") from exc
    except ValueError as exc:
        raise IndexCorruptError(f"{path} is not a valid citeqa manifest ({exc}); {fix}") from exc
    if manifest.format_version != FORMAT_VERSION:
        raise IndexCorruptError(
            f"{path} has format version {manifest.format_version}, this citeqa reads {FORMAT_VERSION}; {fix}"
        )
    if _base_type(manifest.index_type) not in _INDEX_TYPES or manifest.dim < 1 or manifest.n_chunks < 1:
        raise IndexCorruptError(
            f"{path} describes index type {manifest.index_type!r} with dim {manifest.dim} and "
            f"{manifest.n_chunks} chunks; this citeqa reads {' or '.join(_INDEX_TYPES)} with dim >= 1 "
            f"and at least one chunk; {fix}"
        )
    return manifest


def _base_type(index_type: str) -> str:
    """``"IndexIVFFlat(nlist=8,nprobe=16)"`` -> ``"IndexIVFFlat"``."""
    return index_type.split("(", 1)[0]


def _shape(path: Path, manifest: Manifest) -> tuple[str, int]:
    """The index type and row count the manifest gives the FAISS file ``path``: the passages'
    (``index.faiss``) or the sentences' (``sentences.faiss``)."""
    if path.name == SENTENCES_FILE:
        return _base_type(manifest.sentence_index_type), manifest.n_sentences
    return _base_type(manifest.index_type), manifest.n_chunks


def check_faiss_header(path: Path, manifest: Manifest) -> None:
    """Check that ``path`` starts as a FAISS file of the manifest's index type, dimension and row
    count, with inner product, and is as long as that needs (exactly, for a flat index)."""
    require_regular_file(path)
    index_type, n_rows = _shape(path, manifest)
    if index_type not in _INDEX_TYPES:
        raise IndexCorruptError(f"{path.parent / _MANIFEST} names an unknown FAISS index type {index_type!r}")
    dim = manifest.dim
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(_INDEX_HEADER.size + _FLAT_CODES.size)
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {path}: {exc}") from exc
    if len(head) < _INDEX_HEADER.size:
        raise IndexCorruptError(f"{path} is truncated: {size} bytes, too short for a FAISS header")
    magic, d, ntotal, _, _, _, metric = _INDEX_HEADER.unpack_from(head)
    if magic != _INDEX_TYPES[index_type][1] or metric != faiss.METRIC_INNER_PRODUCT:
        raise IndexCorruptError(
            f"{path} is not a FAISS {index_type} file with inner product (starts with {head[:4]!r})"
        )
    if d != dim or ntotal != n_rows:
        raise IndexCorruptError(
            f"{path} holds {ntotal} vectors of dim {d}, {path.parent / _MANIFEST} says {n_rows} of dim {dim}"
        )
    vector_bytes = 4 * n_rows * dim
    if index_type == "IndexFlatIP":
        if len(head) < _INDEX_HEADER.size + _FLAT_CODES.size:
            raise IndexCorruptError(f"{path} is truncated: {size} bytes, too short for a FAISS header")
        (count,) = _FLAT_CODES.unpack_from(head, _INDEX_HEADER.size)
        expected = _INDEX_HEADER.size + _FLAT_CODES.size + vector_bytes
        if count != n_rows * dim or size != expected:
            raise IndexCorruptError(f"{path} is truncated or padded: {size} bytes, expected {expected}")
    elif size < _INDEX_HEADER.size + vector_bytes:  # an IVF file holds every vector and more
        raise IndexCorruptError(f"{path} is truncated: {size} bytes for {n_rows} vectors of dim {dim}")


def read_faiss(path: Path, manifest: Manifest) -> faiss.Index:
    """Read a FAISS file whose header :func:`check_faiss_header` passed, and check what FAISS
    made of it."""
    index_type, n_rows = _shape(path, manifest)
    try:
        index = faiss.read_index(str(path))
    except (RuntimeError, MemoryError) as exc:  # FAISS reports a bad file as RuntimeError
        raise IndexCorruptError(f"FAISS cannot read {path}: {str(exc).splitlines()[0]}") from exc
    if (not isinstance(index, _INDEX_TYPES[index_type][0]) or index.metric_type != faiss.METRIC_INNER_PRODUCT
            or index.ntotal != n_rows or index.d != manifest.dim):
        raise IndexCorruptError(
            f"{path} is not an {index_type} of {n_rows} vectors of dim {manifest.dim} "
            f"with inner product, as {path.parent / _MANIFEST} says"
        )
    return index


class _BadRecord(Exception):
    """A ``chunks.jsonl`` record that is not a chunk; :func:`read_chunks` names the file and line.
    Its own type, not ValueError, so that a bug in the parsing is not reported as a corrupt index."""


def _parse_chunk(line: str) -> Chunk:
    """One ``chunks.jsonl`` record, checked field by field (no coercion: ``"12"`` is not a span).

    Raises:
        _BadRecord: what is wrong with the record.
    """
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadRecord(f"not a JSON record ({exc.msg})") from exc
    except ValueError as exc:  # json's other refusal: an integer over sys.get_int_max_str_digits() digits
        raise _BadRecord(f"not a JSON record ({exc})") from exc
    if not isinstance(record, dict):
        raise _BadRecord(f"a {type(record).__name__}, not a JSON object")
    if set(record) != _CHUNK_KEYS:
        raise _BadRecord(f"keys {sorted(record)}, expected {sorted(_CHUNK_KEYS)}")
    for key in ("doc_id", "text", "context"):
        if not isinstance(record[key], str):
            raise _BadRecord(f"{key} is {record[key]!r}, not a string")
    for key in ("start", "end"):
        if type(record[key]) is not int:  # bool is an int subclass, and is no offset
            raise _BadRecord(f"{key} is {record[key]!r}, not an integer")
    if not 0 <= record["start"] <= record["end"]:
        raise _BadRecord(f"span [{record['start']}, {record['end']}) is not a span of a file")
    page = record["page"]
    if page is not None and (type(page) is not int or page < 1):
        raise _BadRecord(f"page is {page!r}, not a page number or null")
    headings = record["headings"]
    if not isinstance(headings, list) or not all(isinstance(h, str) for h in headings):
        raise _BadRecord(f"headings is {headings!r}, not a list of strings")
    sentences = record["sentences"]
    if (not isinstance(sentences, list) or not sentences
            or not all(isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) for s in sentences)):
        raise _BadRecord(f"sentences is {str(sentences)[:80]}, not a non-empty list of [start, end] pairs")
    previous_end = 0
    for start, end in sentences:
        if not previous_end <= start < end <= len(record["text"]):
            raise _BadRecord(f"sentence [{start}, {end}) is not an ordered span of the chunk's text")
        previous_end = end
    return Chunk(record["doc_id"], record["start"], record["end"], record["text"], record["context"],
                 page, tuple(headings), tuple((s, e) for s, e in sentences))


def read_chunks(path: Path, manifest: Manifest) -> tuple[Chunk, ...]:
    """Read ``chunks.jsonl`` and check it against the manifest (total and per-document counts)."""
    require_regular_file(path)
    chunks: list[Chunk] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    chunk = _parse_chunk(line)
                except _BadRecord as exc:
                    raise IndexCorruptError(f"{path} line {number}: {exc}") from exc
                if chunk.doc_id not in manifest.documents:
                    raise IndexCorruptError(
                        f"{path} line {number}: doc_id {chunk.doc_id!r} is not in {path.parent / _MANIFEST}"
                    )
                chunks.append(chunk)
    except UnicodeDecodeError as exc:
        raise IndexCorruptError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {path}: {exc}") from exc
    if len(chunks) != manifest.n_chunks:
        raise IndexCorruptError(
            f"{path} has {len(chunks)} chunk records, {path.parent / _MANIFEST} says {manifest.n_chunks} "
            f"(one per FAISS row: {manifest.n_chunks} vectors)"
        )
    n_sentences = sum(len(c.sentences) for c in chunks)
    if n_sentences != manifest.n_sentences:
        raise IndexCorruptError(
            f"{path} has {n_sentences} sentences, {path.parent / _MANIFEST} says {manifest.n_sentences} "
            f"(one per row of {SENTENCES_FILE})"
        )
    counts = Counter(c.doc_id for c in chunks)
    for doc_id, entry in manifest.documents.items():
        if counts[doc_id] != entry.chunks:
            raise IndexCorruptError(
                f"{path} has {counts[doc_id]} chunks of {doc_id!r}, {path.parent / _MANIFEST} says {entry.chunks}"
            )
    return tuple(chunks)


class _DocumentRecord(BaseModel):
    """One ``documents.jsonl`` record: a document's text layer as it was indexed."""

    model_config = ConfigDict(strict=True, extra="forbid")
    doc_id: str
    format: str
    title: str | None
    encoding: str | None
    pages: list[int]
    headings: list[tuple[int, int, str]]
    text: str


def document_record(document: Document) -> str:
    """The ``documents.jsonl`` line of a document (no newline)."""
    layer = document.layer
    return _DocumentRecord(
        doc_id=document.doc_id, format=document.format, title=layer.title, encoding=document.encoding,
        pages=list(layer.pages), headings=[(h.offset, h.level, h.text) for h in layer.headings],
        text=layer.text,
    ).model_dump_json()


def read_documents(path: Path, manifest: Manifest) -> dict[str, Document]:
    """Read ``documents.jsonl`` (the indexed text layers) and check it against the manifest.

    Returns:
        doc_id -> the document as indexed (its text layer, title, pages, headings, encoding).

    Raises:
        IndexCorruptError: a record is malformed, a document is missing or unknown to the
            manifest, or its pages or headings point outside its text.
    """
    require_regular_file(path)
    documents: dict[str, Document] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    record = _DocumentRecord.model_validate_json(line)
                except ValidationError as exc:
                    raise IndexCorruptError(f"{path} line {number}: not a document record ({_summary(exc)})") from exc
                entry = manifest.documents.get(record.doc_id)
                length = len(record.text)
                if entry is None or record.doc_id in documents or record.format != entry.format:
                    raise IndexCorruptError(
                        f"{path} line {number}: document {record.doc_id!r} ({record.format}) is not "
                        f"listed once with that format in {path.parent / _MANIFEST}"
                    )
                if (record.pages != sorted(record.pages) or any(not 0 <= p <= length for p in record.pages)
                        or any(not 0 <= h[0] <= length or h[1] < 1 for h in record.headings)):
                    raise IndexCorruptError(f"{path} line {number}: pages or headings outside the text of {record.doc_id!r}")
                layer = TextLayer(text=record.text, title=record.title, pages=tuple(record.pages),
                                  headings=tuple(Heading(*h) for h in record.headings))
                documents[record.doc_id] = Document(
                    record.doc_id, record.format, layer, entry.sha256, entry.size, record.encoding,  # type: ignore[arg-type]
                )
    except UnicodeDecodeError as exc:
        raise IndexCorruptError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {path}: {exc}") from exc
    missing = sorted(set(manifest.documents) - set(documents))
    if missing:
        raise IndexCorruptError(f"{path} lacks the text of {len(missing)} document(s), e.g. {missing[0]!r}")
    return documents


def check_spans(chunks: tuple[Chunk, ...], documents: dict[str, Document], version: Path) -> None:
    """Check that every chunk's text is the slice of its document's text layer that it cites.

    Raises:
        IndexCorruptError: naming the first chunk whose citation does not hold, and both files.
    """
    for row, chunk in enumerate(chunks):
        if documents[chunk.doc_id].text[chunk.start:chunk.end] != chunk.text:
            raise IndexCorruptError(
                f"{version / 'chunks.jsonl'} line {row + 1} and {version / 'documents.jsonl'} disagree: the "
                f"text of {chunk.doc_id!r} [{chunk.start}, {chunk.end}) is not the chunk's text"
            )
