"""Errors raised while reading a corpus.

Exception tree::

    CorpusError
    ├── CorpusNotFoundError         the corpus folder does not exist or is not a folder
    ├── EmptyCorpusError            no readable document in the folder
    │   └── NoIndexableTextError    documents were read, but every line is boilerplate: nothing to index
    └── UnreadableFileError         one file cannot be read as its format (the reason it is skipped)
        ├── BinaryFileError         NUL bytes or mostly control characters: not text
        ├── EncodingError           bytes invalid in the encoding a BOM or the user declared, or
        │                           an encoding that cannot be detected
        ├── EmptyDocumentError      nothing but whitespace, no page, no text found
        ├── DamagedFileError        not a readable PDF/DOCX/PPTX/EPUB (damaged, truncated,
        │                           password-protected, a legacy format under a new suffix)
        ├── NoTextLayerError        a PDF whose pages hold no extractable text (a scan)
        └── ZipBombError            a DOCX/PPTX/EPUB whose parts would expand past the limits

:func:`citeqa.corpus.reader.read_corpus` never raises an :class:`UnreadableFileError`: it lists the
file in ``Corpus.skipped`` with the message as its reason. Only the per-file readers
(:func:`~citeqa.corpus.reader.read_layer`, :func:`~citeqa.corpus.decoding.decode_text`, the format
modules) raise them.
"""

from __future__ import annotations


class CorpusError(Exception):
    """Base of every error raised by ``citeqa.corpus``."""


class CorpusNotFoundError(CorpusError):
    """The corpus folder does not exist or is not a directory."""


class EmptyCorpusError(CorpusError):
    """The corpus folder holds no document that could be indexed."""


class NoIndexableTextError(EmptyCorpusError):
    """Raised by the index build when documents were read but cleaning left no passage: every line
    of every document looks like boilerplate (navigation, cookie banners, running headers)."""


class UnreadableFileError(CorpusError):
    """One file cannot be read as the format its suffix names; the message is the reason the
    reader reports for the skipped file. Subclasses say why."""


class BinaryFileError(UnreadableFileError):
    """A text-format file holds binary content: a NUL byte without a UTF-16/32 byte-order mark, or
    more than a tenth control characters."""


class EncodingError(UnreadableFileError):
    """A text-format file's bytes are invalid in the encoding its byte-order mark or the user
    (``CITEQA_ENCODING``) declared, or are not UTF-8 and their encoding cannot be detected."""


class EmptyDocumentError(UnreadableFileError):
    """A file holds no text: empty or whitespace only, a PDF with no page, or a DOCX/PPTX/EPUB
    whose text layer is empty."""


class DamagedFileError(UnreadableFileError):
    """A PDF, DOCX, PPTX or EPUB its library cannot open: damaged or truncated, encrypted with a
    password, not a zip (a legacy ``.doc`` renamed), or missing a part the format requires."""


class NoTextLayerError(UnreadableFileError):
    """A PDF has pages but no extractable text (a scanned document); OCR is not supported."""


class ZipBombError(UnreadableFileError):
    """A zip-based document (DOCX, PPTX, EPUB) declares parts that would expand past the limits of
    :mod:`citeqa.corpus.text_layer`, refused before any part is read."""
