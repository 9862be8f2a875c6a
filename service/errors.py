"""Errors raised by the service layer (the core's own errors live in corpus/ and index/).

Exception tree::

    ServiceError
    ├── BadRequestError       the request is malformed or out of range     -> HTTP 422
    ├── DocumentNotFoundError no such document id in the corpus            -> HTTP 404
    └── NotReadyError         model or index still loading, or failed       -> HTTP 503
"""

from __future__ import annotations


class ServiceError(Exception):
    """Base of the service's errors."""


class BadRequestError(ServiceError):
    """A request value is out of range (empty question, k too large, span outside the document)."""


class DocumentNotFoundError(ServiceError):
    """The document id is not one of the corpus's documents."""


class NotReadyError(ServiceError):
    """The model or the index is not loaded (yet)."""


class OpenBindError(ServiceError):
    """``citeqa serve`` asked to bind beyond loopback without API keys."""
