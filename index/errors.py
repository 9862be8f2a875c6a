"""Errors raised while building, loading or searching an index.

Exception tree::

    IndexStoreError
    ├── IndexNotFoundError      no index has been built in the folder yet
    ├── IndexCorruptError       a file missing, malformed or inconsistent; the message names it
    ├── IndexMismatchError      the index does not match the corpus or the configured model (stale)
    └── ModelLoadError          the embedding model could not be loaded
"""

from __future__ import annotations


class IndexStoreError(Exception):
    """Base of every error raised by ``citeqa.index``."""


class IndexNotFoundError(IndexStoreError):
    """No index has been built in the index folder."""


class IndexCorruptError(IndexStoreError):
    """A file of the index folder is missing, unreadable, malformed or inconsistent with the others
    (counts, format version, a ``CURRENT`` that names no version folder inside the index folder).

    The message names the offending file and the command that rebuilds the index.
    """


class IndexMismatchError(IndexStoreError):
    """The index was built from another corpus state, model or chunking (it is stale).

    Attributes:
        reasons: one human-readable line per difference, e.g. ``"changed: a.txt"``.
    """

    def __init__(self, message: str, reasons: list[str]) -> None:
        super().__init__(message)
        self.reasons = reasons


class ModelLoadError(IndexStoreError):
    """The embedding model named in the settings could not be loaded."""


class RayUnavailableError(IndexStoreError):
    """Ray is not installed (``pip install 'citeqa[ray]'``), or citeqa cannot join the cluster
    the way it was asked to (see :func:`citeqa.service.ray_cluster.connect`)."""
