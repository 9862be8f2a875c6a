"""Errors raised by the service layer (the core's own errors live in corpus/ and index/).

Exception tree::

    ServiceError
    ├── BadRequestError       the request is malformed or out of range     -> HTTP 422
    ├── DocumentNotFoundError no such document id in the corpus, or none
    │                         matches a filter                             -> HTTP 404
    ├── ForbiddenPathError    a document id no file may be written under   -> HTTP 403
    ├── ReadOnlyError         a write to a server started without --writable -> HTTP 403
    ├── ScopeError            the API key lacks the scope the route needs  -> HTTP 403
    ├── ConflictError         a write the corpus cannot take (a file that
    │                         cannot be indexed, deleting the last one)    -> HTTP 409
    ├── StorageError          the corpus folder could not be written       -> HTTP 500
    ├── NotReadyError         model or index still loading, or failed       -> HTTP 503
    ├── SettingsError         settings or flags that cannot work together   (start-up: CLI exit 1)
    │   └── KeysFileError     the API keys cannot be read or are malformed
    ├── PortInUseError        the address to serve on is taken              (start-up: CLI exit 1)
    ├── OpenBindError         binding beyond loopback without API keys      (start-up: CLI exit 1)
    └── ClusterBusyError      the Ray cluster already serves citeqa, or its
                              Serve proxy listens elsewhere                 (start-up: CLI exit 1)

A ``ValueError`` is not among them: the CLI and the service report citeqa's own errors as
``TypeName: message``, and anything else (a ``ValueError`` included) as the bug it is, with its
traceback (HTTP 500 ``InternalError``).

Why 403 and 409 rather than 422 for writes: the request itself is well formed (the OpenAPI schema
accepts it); what is refused is writing *there* (403) or *this file* (409). RFC 9110 section 9.3.4
names 409 for a PUT whose representation is inconsistent with the target resource.
"""

from __future__ import annotations


class ServiceError(Exception):
    """Base of the service's errors."""


class BadRequestError(ServiceError):
    """A request value is out of range (empty question, k too large, span outside the document)."""


class DocumentNotFoundError(ServiceError):
    """The document id is not one of the corpus's documents."""


class ForbiddenPathError(ServiceError):
    """A document id that names no writable file of the corpus folder (absolute, traversal, hidden
    part, symlink, unsupported suffix, control characters, too long)."""


class ReadOnlyError(ServiceError):
    """A write (PUT, DELETE, restore) to a server that serves read-only, its default."""


class ScopeError(ServiceError):
    """The request's API key does not hold the scope the route needs (``read``, ``write``, ``admin``)."""


class ConflictError(ServiceError):
    """A write the corpus cannot take: the file cannot be indexed (empty, binary, unreadable) or
    deleting it would leave nothing to index."""


class StorageError(ServiceError):
    """The corpus folder could not be written (permissions, full disk)."""


class PortInUseError(ServiceError):
    """``citeqa serve`` cannot bind its address (checked before anything is loaded)."""


class NotReadyError(ServiceError):
    """The model or the index is not loaded (yet)."""


class OpenBindError(ServiceError):
    """``citeqa serve`` asked to bind beyond loopback without API keys."""


class SettingsError(ServiceError):
    """Settings or command-line flags that each pass validation but cannot be used: an index
    folder that is a file or the corpus folder, an unreadable keys file or key settings that hold
    no key, flags that exclude each other (``--workers`` with ``--ray``), a malformed Ray address.
    Found at start-up, before anything is loaded. (A single out-of-range value is pydantic's
    ``ValidationError``, which the CLI reports under the same name.)"""


class KeysFileError(SettingsError):
    """The API keys cannot be used: a keys file that cannot be read or parsed, a key without
    scopes, a glob that matches no document (the message names the line), key settings that hold
    no key."""


class ClusterBusyError(ServiceError):
    """``citeqa serve --ray`` cannot deploy: a citeqa application already runs on the cluster,
    or the cluster's Serve proxy already listens on another address (it has one per cluster)."""


#: The HTTP status of each error, as in the tree above.
HTTP_STATUS: dict[type[ServiceError], int] = {
    BadRequestError: 422, DocumentNotFoundError: 404, ForbiddenPathError: 403, ReadOnlyError: 403, ScopeError: 403,
    ConflictError: 409,
    StorageError: 500, NotReadyError: 503,
}


def http_status(exc: ServiceError) -> int:
    """The HTTP status of a service error (of its nearest class in :data:`HTTP_STATUS`; 500 for others)."""
    return next((HTTP_STATUS[cls] for cls in type(exc).__mro__ if cls in HTTP_STATUS), 500)
