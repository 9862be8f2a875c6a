"""citeqa: answers questions with passages of a document collection, each with an exact citation.

This is the top-level ``citeqa`` package (pyproject.toml maps it to this folder; the layers live
in ``citeqa.corpus``, ``citeqa.index``, ``citeqa.service`` and ``citeqa.eval``). It holds the
Python API::

    import citeqa

    qa = citeqa.open("my-documents/")          # builds the index on first use
    answer = qa.ask("Is China a party to the 1951 Refugee Convention?", k=5)
    for p in answer.passages:
        print(p.doc_id, p.start, p.end, p.quote.text)

Importing ``citeqa`` loads nothing heavy; :func:`open` loads the engine.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citeqa.service.api import Citeqa

try:
    __version__ = metadata.version("citeqa")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["Citeqa", "__version__", "open"]


def open(corpus_dir: str | Path | None = None, index_dir: str | Path | None = None,  # noqa: A001
         **settings: Any) -> Citeqa:
    """Open a folder of documents for questions; see :func:`citeqa.service.api.open`."""
    from citeqa.service.api import open as open_

    return open_(corpus_dir, index_dir, **settings)


def __getattr__(name: str) -> Any:
    if name == "Citeqa":
        from citeqa.service.api import Citeqa

        return Citeqa
    raise AttributeError(f"module 'citeqa' has no attribute {name!r}")
