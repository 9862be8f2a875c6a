"""Errors raised while reading a corpus.

Exception tree::

    CorpusError
    ├── CorpusNotFoundError     the corpus folder does not exist or is not a folder
    └── EmptyCorpusError        no readable .txt/.md/.html/.htm file in the folder
"""

from __future__ import annotations


class CorpusError(Exception):
    """Base of every error raised by ``citeqa.corpus``."""


class CorpusNotFoundError(CorpusError):
    """The corpus folder does not exist or is not a directory."""


class EmptyCorpusError(CorpusError):
    """The corpus folder holds no document that could be indexed."""
