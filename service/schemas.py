"""Request and response models of the HTTP API (also the source of the chat tools' JSON Schema)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AskRequest(BaseModel):
    """``POST /ask`` body."""

    model_config = ConfigDict(strict=True, extra="forbid")
    question: str = Field(description="the question, in plain language", examples=["Is China a party to the 1951 Refugee Convention?"])
    k: int | None = Field(default=None, description="how many passages to return, 1..max_k (default 5)")
    abstain: bool = Field(
        default=True,
        description="when true (default) return no passage if nothing in the corpus answers; "
        "false returns the top k anyway (evaluation, debugging)",
    )


class QuoteSpan(BaseModel):
    """The sentence of a passage that best answers the question, as its own span of the original
    file: ``original_text[start:end] == text`` for .txt/.md files."""

    start: int
    end: int
    text: str


class Passage(BaseModel):
    """A cited passage: ``original_text[start:end] == text`` (code points) for .txt/.md files; for
    HTML, ``text`` is the visible text of that slice of the raw file."""

    doc_id: str = Field(description="path of the document relative to the corpus folder")
    start: int = Field(description="start offset in the original file, Unicode code points, inclusive")
    end: int = Field(description="end offset, exclusive")
    text: str
    score: float = Field(description="ranking score, higher is better (hybrid: fused score in [0, 1])")
    quote: QuoteSpan


class IndexInfo(BaseModel):
    """Which index answered."""

    built_at: str = Field(description="UTC build time, ISO 8601")
    documents: int
    chunks: int


class AskResponse(BaseModel):
    """``POST /ask`` answer: passages best first, or none when ``answered`` is false."""

    question: str
    answered: bool
    confidence: float = Field(description="the score abstention is decided on (higher: more confident)")
    passages: list[Passage]
    index: IndexInfo


class DocumentSlice(BaseModel):
    """``GET /documents/{doc_id}``: the original text, or the slice ``[start, end)`` of it."""

    doc_id: str
    start: int
    end: int
    length: int = Field(description="length of the whole document in code points")
    text: str


class ErrorBody(BaseModel):
    """Every error response."""

    error: str = Field(description="exception type name, e.g. BadRequestError")
    detail: str


class Readiness(BaseModel):
    """``GET /readyz``."""

    ready: bool
    status: str
