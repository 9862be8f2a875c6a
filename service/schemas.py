"""Request and response models of the HTTP API (also the source of the chat tools' JSON Schema)."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from citeqa.corpus.reader import DocumentFormat


def integral(value: Any) -> Any:
    """``18.0`` -> ``18``: JSON Schema counts a number with a zero fraction as an integer (2020-12,
    section 6.3 of the validation vocabulary), so a strict model must take it too."""
    # Up to 2**53, where every float is exact: beyond, 1e308 would become a 309-digit integer.
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53 else value


# Integers as JSON Schema defines them (``3`` or ``3.0``, never ``"3"`` or ``true``), for strict
# models. A bound comes before the validator so that the schema shows it as ``minimum``.
#: An integer whose bounds the engine checks (with the message every entry point shares).
JsonInt = Annotated[int, BeforeValidator(integral)]
#: An offset into a document's text layer, in code points: >= 0.
Offset = Annotated[int, Field(ge=0), BeforeValidator(integral)]

#: Whitespace as ECMA-262 defines ``\s`` (WhiteSpace and LineTerminator). A question of nothing
#: else is empty. Python's ``str.isspace`` differs (U+001C-U+001F and U+0085 in, U+FEFF out), and
#: regex engines read ``\s`` each their own way (Python's ``re.ASCII``: six characters), so the
#: schema spells the set out instead of writing ``\S``: every engine then reads the same pattern.
ECMA_WHITESPACE = frozenset("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                            "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
#: Control, format and other default-ignorable characters of the Basic Multilingual Plane (Unicode
#: categories Cc and Cf: NUL, escapes, zero-width spaces and joiners, direction marks, soft hyphens): a
#: question of only these and whitespace is empty too (``"\u200b\u200b\ufeff"`` had been answered).
#: Astral format characters stay out: a pattern without ECMA-262's ``u`` flag reads them as two
#: surrogates, and the set must read the same in every engine.
INVISIBLE = frozenset(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in ("Cc", "Cf")) | frozenset(
    # and the BMP's other Default_Ignorable_Code_Points (Unicode's DerivedCoreProperties.txt):
    # the combining grapheme joiner, Hangul fillers, Mongolian and other variation selectors
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06"
    "\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\uffa0\ufff0\ufff1\ufff2\ufff3\ufff4\ufff5\ufff6\ufff7\ufff8")
#: What a blank text holds nothing but.
BLANK = ECMA_WHITESPACE | INVISIBLE


def _char_class(chars: frozenset[str]) -> str:
    """A regex character class body of ``chars`` as ``\\uXXXX`` escapes, consecutive ones as ranges."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            parts.append(f"\\u{start:04x}" if start == prev else f"\\u{start:04x}-\\u{prev:04x}")
            start = code
        prev = code
    return "".join(parts)


#: JSON Schema ``pattern`` of a text that is not blank: one character outside :data:`BLANK`.
NOT_BLANK = "[^" + _char_class(BLANK) + "]"

#: A glob on document ids: 1 to 1000 characters.
DocIdPattern = Annotated[str, Field(min_length=1, max_length=1000)]


class AskFilter(BaseModel):
    """Which documents an answer may come from; a document must match every field given."""

    model_config = ConfigDict(strict=True, extra="forbid")
    doc_ids: list[DocIdPattern] | None = Field(
        default=None, max_length=100,
        description="glob patterns on document ids (fnmatch: * matches across folders too), e.g. "
        "[\"reports/2024/*\", \"*.pdf\"]; any one must match",
        examples=[["reports/2024/*", "*.pdf"]],
    )
    formats: list[DocumentFormat] | None = Field(
        default=None, max_length=20, description="document formats; any one must match",
    )


class AskRequest(BaseModel):
    """``POST /ask`` body."""

    model_config = ConfigDict(strict=True, extra="forbid")
    # The bounds that depend on settings (longest question, largest k) are written into the
    # served OpenAPI schema by ``with_limits``; the engine checks them with a clearer message than a
    # pattern error would give, so they are not validators here.
    question: str = Field(
        description="the question, in plain language (at least one character that is not a space)",
        examples=["Is China a party to the 1951 Refugee Convention?"],
        json_schema_extra={"pattern": NOT_BLANK, "minLength": 1},
    )
    k: JsonInt | None = Field(default=None, description="how many passages to return, 1..max_k (default 5)")
    abstain: bool = Field(
        default=True,
        description="when true (default) return no passage if nothing in the corpus answers; "
        "false returns the top k anyway (evaluation, debugging)",
    )
    filter: AskFilter | None = Field(
        default=None, description="search only the documents that match (k passages come from them)"
    )


class QuoteSpan(BaseModel):
    """The sentence of a passage that best answers the question, as its own span of the
    document's text layer: ``GET /documents/{doc_id}`` ``.text[start:end] == text``."""

    start: int
    end: int
    text: str


class Passage(BaseModel):
    """A cited passage: ``text_layer[start:end] == text`` (code points), where the text layer is
    ``GET /documents/{doc_id}``'s ``text``: the file itself for plain text and Markdown, the text
    extracted from it for HTML, PDF, DOCX, PPTX and EPUB."""

    doc_id: str = Field(description="path of the document relative to the corpus folder")
    title: str = Field(description="the document's title (its own, else the file name)")
    page: int | None = Field(default=None, description="1-based page (PDF) or slide (PPTX) the passage starts on")
    headings: list[str] = Field(default_factory=list, description="heading path at the passage's start, outermost first")
    start: int = Field(description="start offset in the document's text layer, Unicode code points, inclusive")
    end: int = Field(description="end offset, exclusive")
    text: str
    score: float = Field(description="ranking score, higher is better (hybrid: fused score in [0, 1])")
    weak: bool = Field(
        description="far below the best passage (score under weak_ratio x the best): probably filler, "
        "shown collapsed on the page (its document is a weak source unless a stronger passage cites it)"
    )
    quote: QuoteSpan


class Source(BaseModel):
    """One cited document and what it says: its best passage's quote. Sources that disagree are
    shown side by side; citeqa does not judge agreement."""

    doc_id: str
    title: str
    page: int | None = Field(default=None, description="page (PDF) or slide (PPTX) of the quote's passage")
    passage: int = Field(description="0-based position in passages of the document's best passage")
    weak: bool = Field(
        default=False,
        description="every passage citing the document is weak: a source that may only be filler, listed "
        "after the others and shown collapsed on the page",
    )
    quote: QuoteSpan


class IndexInfo(BaseModel):
    """Which index answered."""

    version: str = Field(description="the index version (its folder's name, unique per build): two answers "
                         "come from the same index exactly when their versions are equal")
    built_at: str = Field(description="UTC build time, ISO 8601, to the second (two builds may share it)")
    documents: int
    chunks: int


class AskResponse(BaseModel):
    """``POST /ask`` answer: passages best first, or none when ``answered`` is false."""

    question: str
    answered: bool
    confidence: float = Field(description="the score abstention is decided on (higher: more confident)")
    passages: list[Passage]
    sources: list[Source] = Field(
        description="each cited document once, in rank order (weak ones last, flagged), with its best quote"
    )
    index: IndexInfo


class DocumentSlice(BaseModel):
    """``GET /documents/{doc_id}``: the text layer citations point into, or its slice ``[start, end)``."""

    doc_id: str
    title: str
    format: str = Field(description="text, markdown, rst, csv, html, pdf, docx, pptx or epub")
    encoding: str | None = Field(description="how a text file was decoded; null for PDF, DOCX, PPTX, EPUB")
    pages: list[int] = Field(
        description="start offset of each page (PDF) or slide (PPTX) in the whole text; page n starts at pages[n-1]"
    )
    start: int
    end: int
    length: int = Field(description="length of the whole document in code points")
    text: str
    version: str = Field(description="the index version serving this text: an answer's `index.version`; when "
                         "the two differ, the document may have changed since it was cited")
    built_at: str = Field(description="UTC build time of that version, ISO 8601, to the second")


class DocumentInfo(BaseModel):
    """One indexed document in ``GET /documents``."""

    doc_id: str
    title: str
    format: str
    pages: int | None = Field(description="number of pages or slides; null for formats without pages")
    chunks: int = Field(description="passages indexed from it (0: nothing but boilerplate)")
    encoding: str | None
    size: int = Field(description="file size in bytes")


class SkippedInfo(BaseModel):
    """A file of the corpus folder that was not indexed, and why."""

    doc_id: str
    reason: str


class DocumentList(BaseModel):
    """``GET /documents``: every file of the corpus folder, indexed or skipped with a reason."""

    corpus_dir: str
    version: str = Field(description="the index version listed (as an answer's `index.version`)")
    built_at: str
    documents: list[DocumentInfo]
    skipped: list[SkippedInfo]


class DocumentWrite(BaseModel):
    """``PUT``, ``DELETE /documents/{doc_id}`` or its ``restore``: what was done, and the index version serving now."""

    doc_id: str
    action: str = Field(description="created, replaced, deleted or restored")
    chunks: int = Field(description="passages indexed from the document now (0 after a delete)")
    version: str = Field(description="the index version folder now serving")
    index: IndexInfo


def _iso_text(value: Any) -> Any:
    """A time is ISO 8601 text (or null): pydantic would also take a number as a Unix time, which
    the schema (``format: date-time``) does not admit."""
    if value is not None and not isinstance(value, (str, datetime)):
        raise ValueError("a time is ISO 8601 text, e.g. 2026-12-07T10:00:00Z")
    return value


class SavedVersion(BaseModel):
    """An earlier version of a document, saved before a write displaced it (the history)."""

    sha256: str = Field(description="the bytes' SHA-256 (hex); restore takes a prefix of 6 or more digits")
    size: int = Field(description="bytes")
    saved_at: str = Field(description="when it was displaced: ISO 8601, UTC, microseconds")
    action: Literal["replace", "delete", "restore"] = Field(description="what displaced it")
    key: str | None = Field(description="the name of the API key that wrote (never the key); null without keys")


class DocumentHistory(BaseModel):
    """``GET /documents/{doc_id}/history``: the saved versions of a document, oldest first."""

    doc_id: str
    versions: list[SavedVersion]


class RestoreRequest(BaseModel):
    """``POST /documents/{doc_id}/restore``: which saved version; neither field: the newest."""

    model_config = ConfigDict(extra="forbid")
    at: Annotated[datetime | None, BeforeValidator(_iso_text)] = Field(default=None, description="the version that was in the corpus at this ISO 8601 "
                                                          "time (no zone: the server's local time)")
    sha256: str | None = Field(default=None, pattern="^[0-9a-fA-F]{6,64}$",
                               description="the version whose sha256 starts with these hex digits (6 or more); "
                               "given with `at`, this decides")


class ErrorBody(BaseModel):
    """Every error response."""

    error: str = Field(description="exception type name, e.g. BadRequestError")
    detail: str


class Readiness(BaseModel):
    """``GET /readyz``."""

    ready: bool
    status: str


def with_limits(schema: dict[str, Any], max_question_chars: int, max_k: int) -> dict[str, Any]:
    """Write the bounds the engine enforces into a JSON Schema of :class:`AskRequest` (in place):
    the question's ``maxLength`` and k's ``minimum`` and ``maximum`` (the model leaves them to the
    engine, so that every entry point refuses them with the same message).

    Returns:
        ``schema``, for chaining.
    """
    properties = schema["properties"]
    properties["question"]["maxLength"] = max_question_chars
    for branch in properties["k"].get("anyOf", [properties["k"]]):
        if branch.get("type") == "integer":
            branch["minimum"], branch["maximum"] = 1, max_k
    return schema


def is_blank(text: str) -> bool:
    """Whether a text holds nothing but whitespace and invisible characters (:data:`BLANK`), as
    :data:`NOT_BLANK` spells it out."""
    return all(c in BLANK for c in text)


def _digits_only(value: Any) -> Any:
    """A query-string integer as the schema writes it: digits only (not ``+3``, ``3_0``, `` 3`` or
    ``3.0``, which Python's ``int()`` would take)."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("write it with the digits 0-9 only, e.g. 120")
    return value


#: An optional offset in a query string: digits only, >= 0 (the bound inside the integer branch,
#: so that the schema shows ``minimum: 0`` there).
QueryOffset = Annotated[Annotated[int, Field(ge=0)] | None, BeforeValidator(_digits_only)]


def describe_errors(errors: Sequence[Mapping[str, Any]], whole: str = "body") -> str:
    """Pydantic's validation errors as one line: ``"k: Input should be a valid integer; ..."``.

    Args:
        errors: ``ValidationError.errors()`` (or FastAPI's ``RequestValidationError.errors()``,
            whose locations start with ``"body"``, which is left out).
        whole: the name for an error about the whole input (an empty location).
    """
    errors = _nearest_union_member(errors)
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or whole
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def _nearest_union_member(errors: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """For an input that matched no member of a union of models (pydantic then reports every
    member's errors, located under the member's class name), only the errors of the member it is
    nearest to (most fields present but wrong, then fewest errors), without the class name: a tool call
    with an unknown name is told ``name: Input should be 'ask' or 'get_document'``, not every
    field the two other shapes of a call would need. Other errors are returned as they are."""
    by_member: dict[str, list[Mapping[str, Any]]] = {}
    for err in errors:
        loc = [p for p in err.get("loc", ()) if p != "body"]
        if not loc or not isinstance(loc[0], str) or not loc[0][:1].isupper():
            return list(errors)  # not (only) a union of models' errors
        by_member.setdefault(loc[0], []).append(err)
    if len(by_member) < 2:
        return list(errors)
    # The member that knows most of the input's fields (it finds values of them wrong, not
    # missing: {"name": "nope"} is a flat call with a wrong name, not a chat call missing its
    # "function"), then the fewest errors, then the last member tried (the plainest shape, tried
    # last: {"name": "ask"} lacks the flat call's "arguments", not a chat call's "function").
    members = list(by_member.values())
    nearest = min(reversed(members), key=lambda errs: (-sum(e.get("type") != "missing" for e in errs), len(errs)))
    return [{**err, "loc": tuple(p for p in err["loc"] if p != "body")[1:]} for err in nearest]
