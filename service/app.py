"""The FastAPI app: ``POST /ask``, ``GET /documents/{doc_id}``, ``/healthz``, ``/readyz``.

The model and index are loaded once per process, in a thread started by the lifespan, so that
``/healthz`` answers at once and ``/readyz`` reports progress (503 with the reason) while a build runs.
"""

from __future__ import annotations

import email.message
import logging
import re
import threading
from pathlib import Path
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

import swagger_ui_bundle
from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.concurrency import run_in_threadpool
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mcp.server.transport_security import TransportSecuritySettings

from citeqa.corpus.reader import is_junk
from citeqa.index.retrieval import ShardsOf
from citeqa.service.engine import Engine, refuse_if_unusable
from citeqa.service.mcp_server import build_mcp_server
from citeqa.service.limits import BodySizeLimit, BodyTooLargeError
from citeqa.service.page import STATIC_DIR, render_source
from citeqa.service.openai_tools import AnyToolCall, ToolCallResult, call_tool, openai_tools
from citeqa.service.access import Access
from citeqa.service.access import Scope as KeyScope  # (Scope is also ASGI's, above)
from citeqa.service.history import aware
from citeqa.service.errors import BadRequestError, DocumentNotFoundError, NotReadyError, ReadOnlyError, ServiceError, http_status
from citeqa.service.security import PUBLIC_PATHS, Guard, access_of
from citeqa.service.schemas import (
    AskRequest,
    AskResponse,
    DocumentHistory,
    DocumentList,
    DocumentSlice,
    DocumentWrite,
    ErrorBody,
    Readiness,
    QueryOffset,
    RestoreRequest,
    SavedVersion,
    describe_errors,
    with_limits,
)
from citeqa.service.writes import delete_document, history_of, is_text_document, put_document, restore_document
from citeqa.service.settings import Settings, check_write_mode, corpus_ids

log = logging.getLogger("citeqa")


class _AnyPathConvertor(PathConvertor):
    """``{doc_id:anypath}``: like ``path`` but also across line breaks (``path`` is ``.*``), so an
    id holding a newline reaches the route and gets its reason (404 to read, 403 to write)
    instead of the router's bare 404."""

    regex = r"[\s\S]*"


register_url_convertor("anypath", _AnyPathConvertor())


@dataclass
class AppState:
    """What the routes need: the engine once loaded, and the loading status until then.

    ``engine`` is replaced, never changed in place, when a new index version is picked up: a
    request holds the engine it started with until it finishes, so it never mixes two versions.
    """

    settings: Settings
    engine: Engine | None = None
    status: str = "starting"
    #: remote shards that hold the vectors (``citeqa serve --ray --shards N``); None: this process
    remote_shards: ShardsOf | None = None
    #: serialises the service's own index builds (document writes, --watch)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)

    def swap(self, engine: Engine) -> None:
        """Serve ``engine`` from now on (one reference assignment: atomic for every request)."""
        if self.engine is not engine:
            self.engine = engine
            log.info("citeqa: serving index version %s (built %s)", engine.index.path.name,
                     engine.index.manifest.built_at)

    def watch_corpus(self) -> None:
        """Re-index when files in the corpus folder change (``--watch``), after
        ``watch_debounce_ms`` of quiet, until :attr:`stop` is set (run in a thread). Hidden and
        junk files (editors' swap files, this service's own upload temporaries) and the index
        folder are not watched; a failed build is logged and the current version keeps serving."""
        from watchfiles import watch  # only when --watch is on

        index_dir = self.settings.index_dir.resolve()

        def relevant(_: object, path: str) -> bool:
            where = Path(path)
            return not is_junk(where.name) and index_dir not in where.parents and where != index_dir

        # watchfiles' ``step`` is the quiet period (changes are yielded once none came for that
        # long); its ``debounce`` only caps how long changes are grouped, so a folder that never
        # goes quiet (a file being copied in slowly) is still re-indexed every ten quiet periods.
        quiet = self.settings.watch_debounce_ms
        for _ in watch(self.settings.corpus_dir, watch_filter=relevant, step=quiet, debounce=10 * quiet,
                       stop_event=self.stop, ignore_permission_denied=True):
            if self.engine is None:
                continue
            with self.write_lock:
                try:
                    self.swap(self.engine.reindex())
                except Exception as exc:
                    log.warning("citeqa: re-index after a corpus change failed: %s: %s", type(exc).__name__, exc)

    def follow_index(self) -> None:
        """Pick up new index versions written by anyone (``citeqa index``, another server): poll
        ``CURRENT`` every ``reload_interval`` seconds until :attr:`stop` is set (run in a thread).
        A version that cannot be loaded, or was built with another model or chunking, is logged
        and the current one keeps serving."""
        interval = self.settings.reload_interval
        refused: Path | None = None  # a version already reported as unusable: not retried
        while not self.stop.wait(interval):
            if self.engine is None:
                continue
            with self.write_lock:  # not while this server itself is building
                engine, refused = self.engine.refresh(refused)  # what serves now: a write may have swapped
                self.swap(engine)

    def load(self) -> None:
        """Start the engine (run in a background thread); record failure instead of raising."""
        def set_status(status: str) -> None:
            self.status = status
            log.info("citeqa: %s", status)

        try:
            engine = Engine.start(self.settings, on_status=set_status, remote_shards=self.remote_shards)
            engine.warm_up()
            self.engine = engine
            self.status = "ready"
        except Exception as exc:  # reported by /readyz and the log; the process stays up for it
            self.status = f"failed: {type(exc).__name__}: {exc}"
            log.error("citeqa: %s", self.status)


async def get_state(request: Request) -> AppState:
    """The app's state (dependency). ``async`` because it does no I/O: FastAPI runs a plain
    ``def`` dependency in its thread pool, a thread hop per request for nothing."""
    state: AppState = request.app.state.citeqa
    return state


def engine_of(state: AppState) -> Engine:
    """The loaded engine.

    Raises:
        NotReadyError: still loading, or loading failed.
    """
    if state.engine is None:
        raise NotReadyError(f"index not ready: {state.status}")
    return state.engine


async def get_engine(state: Annotated[AppState, Depends(get_state)]) -> Engine:
    """The loaded engine (dependency; ``async`` for the reason given at :func:`get_state`).

    Raises:
        NotReadyError: still loading, or loading failed.
    """
    return engine_of(state)


async def get_access(request: Request) -> Access:
    """The request's :class:`~citeqa.service.access.Access`, as the guard found its key
    (dependency; ``async`` for the reason given at :func:`get_state`)."""
    return access_of(request.scope)


async def get_reader(access: Annotated[Access, Depends(get_access)]) -> Access:
    """The request's access, which must hold the ``read`` scope (dependency).

    Raises:
        ScopeError: it does not (HTTP 403).
    """
    access.require("read")
    return access


StateDep = Annotated[AppState, Depends(get_state)]
EngineDep = Annotated[Engine, Depends(get_engine)]
AccessDep = Annotated[Access, Depends(get_access)]
ReaderDep = Annotated[Access, Depends(get_reader)]

_ERRORS = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 422: "Unprocessable"}

#: What each error status means, as the OpenAPI schema says it. Every route lists the ones it can
#: return (``_errors``); all carry an :class:`ErrorBody`. 400, 421: the Host check (and malformed
#: JSON), for every route; 401: a missing key, when keys are set; 403: a foreign Origin on a
#: state-changing method, or a write outside the corpus; 413: a body over the limit.
_ERROR_MEANINGS = {
    400: "malformed request: unreadable JSON body or a malformed Host header",
    401: "missing or wrong API key (Authorization: Bearer <key>)",
    403: "refused: a foreign Origin, a key without the scope this needs, a write to a read-only server, or "
         "a document id no file may be written under",
    404: "no such document (or no indexed document matches the filter)",
    409: "the corpus cannot take this write: a file that cannot be indexed, or the last document",
    413: "request body over the limit",
    421: "Host header names a host this service does not answer to",
    422: "a request value is invalid; detail says which and why",
    500: "the corpus folder could not be written",
    503: "the model or the index is still loading (or failed to load); GET /readyz says which",
}


def _errors(*statuses: int, keyed: bool, unsafe: bool = False) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entries for a route's error statuses: ``statuses`` plus 400, 413
    and 421 (every route: the Host check and the body limit come first), 401 and 403 when ``keyed``
    (keys set, not a public route: a missing key, a key without the scope) and 403 when ``unsafe``
    (a state-changing method, checked for its Origin). Always ``application/json`` (also for
    routes whose success is HTML)."""
    codes = {400, 413, 421, *statuses} | ({401, 403} if keyed else set()) | ({403} if unsafe else set())
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    return {code: {"description": _ERROR_MEANINGS[code], "content": body} for code in sorted(codes)}


#: The operations that change the corpus folder: (path, method) in the OpenAPI document.
WRITE_OPERATIONS = (("/documents/{doc_id}", "put"), ("/documents/{doc_id}", "delete"),
                    ("/documents/{doc_id}/restore", "post"))


def _read_only_writes(schema: dict[str, Any], keyed: bool) -> None:
    """Rewrite a read-only server's write operations in its OpenAPI document: their only answer
    is the 403 that says how to enable writes (besides the checks every route has), so nothing
    reading the document takes them for usable."""
    for path, method in WRITE_OPERATIONS:
        operation = schema["paths"].get(path, {}).get(method)
        if operation is None:
            continue
        operation["summary"] = f"(read-only server: 403) {operation.get('summary', '')}"
        operation["description"] = ("This server is read-only: this operation answers 403 ReadOnlyError. Start "
                                    "it with `citeqa serve --writable` to add, replace, delete or restore documents.")
        responses = _errors(422, keyed=keyed, unsafe=True)  # a malformed body is refused before
        responses[403] = {**responses[403], "description": "read-only server (the default): start it with --writable"}
        operation["responses"] = {str(code): entry for code, entry in responses.items()}


def _allowed_methods(app: FastAPI, path: str) -> str:
    """The ``Allow`` header of a 405 (RFC 9110 section 15.5.6): every method of the routes whose
    path matches (one path has a route per method, e.g. GET, PUT and DELETE on /documents/{doc_id}),
    of the most literal template where several match (``/documents/{doc_id}/history`` over
    ``/documents/{doc_id}``, as the OpenAPI document lists them); HEAD wherever GET is
    (:class:`HeadAsGet`); GET and HEAD under the static mounts."""
    methods: set[str] = set()
    matching: list[tuple[int, set[str]]] = []
    for route in app.router.routes:
        if isinstance(route, Mount):
            if path.startswith(route.path.rstrip("/") + "/"):
                methods |= {"GET", "HEAD"}
            continue
        regex, route_methods = getattr(route, "path_regex", None), getattr(route, "methods", None)
        if regex is not None and route_methods and regex.match(path):
            # How literal the template is: /documents/x.txt/history is the history route's path
            # (GET), though /documents/{doc_id:anypath} matches it too.
            matching.append((len(re.sub(r"\{[^}]*\}", "", getattr(route, "path", ""))), set(route_methods)))
    if matching:
        best = max(literal for literal, _ in matching)
        methods |= {m for literal, route_methods in matching if literal == best for m in route_methods}
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


class HeadAsGet:
    """Answer HEAD wherever GET is answered, as RFC 9110 section 9.3.2 asks: the GET response's
    status and headers, no body. FastAPI's routes take only the methods they declare (Starlette's
    own routes and mounts already do this)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run a HEAD request as a GET and drop the body it sends."""
        # Not /mcp: a GET there opens the MCP server's event stream, which has no end to wait for.
        if scope["type"] != "http" or scope["method"] != "HEAD" or scope["path"].startswith("/mcp"):
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _error(status: int, exc: Exception | str, name: str | None = None) -> JSONResponse:
    kind = name or type(exc).__name__
    return JSONResponse(status_code=status, content={"error": kind, "detail": str(exc)})


def _written(engine: Engine, doc_id: str, action: str, access: Access) -> DocumentWrite:
    entry = engine.index.manifest.documents.get(doc_id)
    return DocumentWrite(doc_id=doc_id, action=action, chunks=entry.chunks if entry else 0, version=engine.index.path.name,
                         index=engine.index_info(access))


#: The routes under a document's id (``/documents/{doc_id}/history``, ``.../restore``). No document
#: id ends so (an id has a suffix), so ``/documents/{doc_id}`` answers a method these lack with 405.
SUB_ROUTES = ("/history", "/restore")


def _not_a_sub_route(doc_id: str) -> None:
    """Answer 405 (with ``Allow``) for a method a document's sub-route does not take, which the
    router would hand to ``/documents/{doc_id}`` (its path matches every id).

    Raises:
        StarletteHTTPException: 405.
    """
    if doc_id.endswith(SUB_ROUTES):
        raise StarletteHTTPException(405)


def _writer(settings: Settings, access: Access, doc_id: str, scope: KeyScope = "write") -> None:
    """Refuse a write this request may not make: a read-only server (403), a key without the
    scope (403), a document outside the key's globs (404, as a missing one: ids do not leak).

    Raises:
        ReadOnlyError, ScopeError, DocumentNotFoundError: as above.
    """
    _not_a_sub_route(doc_id)
    if not settings.writable:
        raise ReadOnlyError("this server is read-only (the default): restart it with `citeqa serve --writable` "
                            "(CITEQA_WRITABLE=true) to add, replace, delete or restore documents")
    access.require(scope)
    access.check(doc_id)


def _charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, or None."""
    if not content_type:
        return None
    header = email.message.Message()
    header["content-type"] = content_type
    return header.get_content_charset()


async def _upload_bytes(request: Request, doc_id: str) -> tuple[bytes, str | None]:
    """The uploaded file and the charset it was sent with: the field ``file`` of a multipart form
    (its part's Content-Type), else the whole body (the request's Content-Type).

    Raises:
        BadRequestError: a multipart form without one ``file`` field, or a binary format sent in
            a field without a file name (Starlette decodes such a field as text: its bytes are lost).
    """
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        # max_part_size: a field sent without a file name is held in memory, 1 MB by default
        async with request.form(max_part_size=request.app.state.citeqa.settings.max_upload_bytes) as form:
            uploads = form.getlist("file")
            if len(uploads) != 1:
                raise BadRequestError("a multipart upload needs the file in one field named 'file' "
                                      f"(got {len(uploads)})")
            upload = uploads[0]
            if isinstance(upload, str):  # a field sent without a file name (curl -F 'file=<x.txt'): text
                if not is_text_document(doc_id):
                    raise BadRequestError("send a binary document as a file in the multipart field 'file' (curl -F "
                                          "'file=@x.pdf'): a field without a file name arrives as text")
                return upload.encode("utf-8"), None
            return await upload.read(), _charset(upload.headers.get("content-type"))
    return await request.body(), _charset(request.headers.get("content-type"))


def create_app(
    settings: Settings | None = None, *, engine: Engine | None = None, check_index: bool = True,
    remote_shards: ShardsOf | None = None, mcp_stateless: bool = False,
) -> FastAPI:
    """Build the app.

    Args:
        settings: the configuration; ``Settings()`` (environment, ``.env``) when None.
        engine: an engine already started (``citeqa serve`` builds before it listens); when None
            the lifespan starts one in a background thread.
        check_index: refuse to start, before serving anything, when ``rebuild == "never"`` and the
            index is missing or stale (the message names the command that rebuilds).
        remote_shards: shards that hold the vectors when the lifespan starts the engine (Ray
            shards under ``citeqa serve --ray --shards N``); None: this process holds them.
        mcp_stateless: serve MCP without sessions (the SDK's ``stateless_http``), for replicas
            behind a load balancer: a session lives in one process, and the next request of its
            client may reach another. citeqa's tools keep no state between calls.

    Raises:
        IndexMismatchError: from the lifespan, as described for ``check_index``.
    """
    settings = settings or Settings()
    settings.apply_environment()
    keys = settings.key_ring(corpus_ids(settings) if settings.keys_file is not None else None)
    check_write_mode(settings, keys)
    mcp_server = build_mcp_server(lambda: engine_of(app.state.citeqa), settings)
    # Streamable HTTP at /mcp: the SDK's routes join ours; its session manager runs in our lifespan.
    # Host and Origin are checked for every route, /mcp included, by Guard (service/security.py),
    # with one set of rules; the SDK's own check would refuse what the README allows.
    mcp_routes = mcp_server.streamable_http_app(
        streamable_http_path="/mcp", host=settings.host, stateless_http=mcp_stateless,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    ).routes

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = AppState(settings, remote_shards=remote_shards)
        app.state.citeqa = state
        if engine is not None:
            state.engine, state.status = engine, "ready"
        else:
            if check_index and settings.rebuild == "never":
                refuse_if_unusable(settings)
            threading.Thread(target=state.load, name="citeqa-load", daemon=True).start()
        if settings.reload_interval > 0:
            threading.Thread(target=state.follow_index, name="citeqa-follow-index", daemon=True).start()
        if settings.watch:
            threading.Thread(target=state.watch_corpus, name="citeqa-watch-corpus", daemon=True).start()
        try:
            async with mcp_server.session_manager.run():
                yield
        finally:
            state.stop.set()

    app = FastAPI(
        title="citeqa",
        summary="Answers questions with passages of a document collection, each with an exact citation.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served below from swagger-ui-bundle: FastAPI's default loads it from a CDN
        redoc_url=None,
    )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="citeqa API",
                                   swagger_js_url="/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/swagger-ui/favicon-32x32.png")

    @app.exception_handler(RequestValidationError)
    async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        broken = [e for e in exc.errors() if e.get("type") == "json_invalid"]
        if broken:  # an unreadable body is a 400, as the spec says; a readable but invalid one is a 422
            where = broken[0].get("ctx", {}).get("error", "")
            return _error(400, f"the body is not valid JSON{': ' + where if where else ''}", "BadRequest")
        return _error(422, describe_errors(exc.errors()), "ValidationError")

    @app.exception_handler(ServiceError)
    async def _on_service_error(request: Request, exc: ServiceError) -> JSONResponse:
        status = http_status(exc)
        if status >= 500 and status != 503:
            log.error("citeqa: %s: %s", type(exc).__name__, exc)
        return _error(status, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, BodyTooLargeError):  # a chunked body ran over the limit mid-parse
            return _error(413, f"request body over {settings.max_body_bytes} bytes", "RequestTooLarge")
        detail = str(exc.detail)
        cause = exc.__cause__
        if exc.status_code == 400 and cause is not None:  # FastAPI's "error parsing the body": say which
            if isinstance(cause, UnicodeDecodeError):
                detail = f"the body is not valid UTF-8 (byte {cause.start}: {cause.reason}); send JSON in UTF-8"
            elif isinstance(cause, RecursionError):
                detail = "the body's JSON is nested too deeply"
        response = _error(exc.status_code, detail, _ERRORS.get(exc.status_code, "HTTPError").replace(" ", ""))
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:
            response.headers["Allow"] = _allowed_methods(app, request.url.path)
        return response

    @app.exception_handler(Exception)
    async def _on_any(request: Request, exc: Exception) -> JSONResponse:
        log.exception("citeqa: unhandled error on %s", request.url.path)
        return _error(500, "internal error; see the server log", "InternalError")

    keyed = bool(keys)  # 401 is a possible answer of every non-public route
    # A read-only server lists its write routes with one answer, 403 saying how to enable writes
    # (openapi() below): a client or fuzzer reading the schema finds no way to write.

    @app.get("/healthz", summary="The process is up", responses=_errors(keyed=False))
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", response_model=Readiness, summary="Model and index are loaded",
             responses={**_errors(keyed=False), 503: {"model": Readiness, "description": "still loading, or failed"}})
    def readyz(state: StateDep) -> JSONResponse:
        body = Readiness(ready=state.engine is not None, status=state.status)
        return JSONResponse(status_code=200 if body.ready else 503, content=body.model_dump())

    @app.post("/ask", response_model=AskResponse, summary="Answer a question with cited passages",
              responses=_errors(404, 413, 422, 503, keyed=keyed, unsafe=True))
    def ask(body: AskRequest, engine: EngineDep, access: ReaderDep) -> Response:
        # Serialised here, once: returned as a model, FastAPI would validate it again against
        # the response model and convert it twice (about a third of the HTTP overhead of /ask).
        answer = engine.ask(body.question, body.k, body.abstain, body.filter, access=access)
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/view/{doc_id:anypath}", response_class=HTMLResponse,
             summary="The original document as a page, the span [start, end) highlighted",
             responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}},
                        **_errors(404, 422, 503, keyed=keyed)})
    def view(
        doc_id: str,
        engine: EngineDep,
        access: ReaderDep,
        start: Annotated[QueryOffset, Query(description="highlight start, code points (default 0 when end is given)")] = None,
        end: Annotated[QueryOffset, Query(description="highlight end, exclusive (default the end when start is given); "
                                                           "cut to the document's length")] = None,
        raw: Annotated[bool, Query(description="Markdown documents: show the text as it is, not rendered")] = False,
    ) -> HTMLResponse:
        whole = engine.document(doc_id, access=access)  # 404 for ids outside the index (or the key's globs)
        if start is None and end is None:
            return HTMLResponse(render_source(whole, None, None, raw))
        cited = engine.document(doc_id, start, end, access=access)  # the offsets a slice takes (cut to the length)
        return HTMLResponse(render_source(whole, cited.start, cited.end, raw))

    @app.get("/tools/openai", summary="OpenAI function-calling schemas of the tools (ask, get_document)",
             responses=_errors(keyed=keyed))
    def tools_openai() -> list[dict[str, Any]]:
        return openai_tools(settings.max_question_chars, settings.max_k)

    @app.post("/tools/openai/call", response_model=ToolCallResult,
              summary="Run a tool call as OpenAI sends it ({name, arguments: JSON string}); wrong arguments "
              "come back as is_error results for the model to correct",
              responses=_errors(413, 422, 503, keyed=keyed, unsafe=True))
    def tools_openai_call(call: Annotated[AnyToolCall, Body()], engine: EngineDep, access: ReaderDep) -> ToolCallResult:
        return call_tool(engine, call, access)

    @app.get("/documents", response_model=DocumentList,
             summary="Every file of the corpus folder: indexed documents and skipped files with the reason",
             responses=_errors(503, keyed=keyed))
    def documents(engine: EngineDep, access: ReaderDep) -> DocumentList:
        return engine.documents(access)

    @app.get("/documents/{doc_id:anypath}/history", response_model=DocumentHistory,
             summary="The earlier versions of a document kept in the history, oldest first (admin scope)",
             responses=_errors(404, 503, keyed=keyed))
    def document_history(doc_id: str, engine: EngineDep, access: AccessDep) -> DocumentHistory:
        # (a document id has a suffix, so none ends in "/history": this route shadows none)
        access.require("admin")
        access.check(doc_id)
        versions = history_of(engine).versions(doc_id)
        if not versions and doc_id not in engine.index.documents:
            raise DocumentNotFoundError(f"no document {doc_id!r} in the index and no earlier version stored")
        return DocumentHistory(doc_id=doc_id, versions=[SavedVersion(
            sha256=v.sha256, size=v.size, saved_at=v.saved_at, action=v.action, key=v.key) for v in versions])

    @app.get("/documents/{doc_id:anypath}", response_model=DocumentSlice,
             summary="The text layer of a document (what citations point into), or a slice [start, end) of it",
             responses=_errors(404, 422, 503, keyed=keyed))
    def document(
        doc_id: str,
        engine: EngineDep,
        access: ReaderDep,
        start: Annotated[QueryOffset, Query(description="slice start, code points")] = None,
        end: Annotated[QueryOffset, Query(description="slice end, exclusive; cut to the document's length "
                                                           "(as Python's text[start:end])")] = None,
    ) -> DocumentSlice:
        _not_a_sub_route(doc_id)
        return engine.document(doc_id, start, end, access=access)

    upload_body = {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        "text/plain": {"schema": {"type": "string"}},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                                           "properties": {"file": {"type": "string", "format": "binary"}}}},
    }}

    @app.put("/documents/{doc_id:anypath}", response_model=DocumentWrite, openapi_extra={"requestBody": upload_body},
             responses={201: {"model": DocumentWrite, "description": "created"},
                        **_errors(404, 409, 413, 422, 500, 503, keyed=keyed, unsafe=True)},
             summary="Add or replace a document (the body is the file; or a multipart field `file`), then re-index "
             "(a --writable server; the previous bytes are kept in the history)")
    async def put_document_route(doc_id: str, request: Request, state: StateDep, access: AccessDep) -> JSONResponse:
        _writer(settings, access, doc_id)
        engine_of(state)  # 503 while loading
        data, charset = await _upload_bytes(request, doc_id)

        def write() -> tuple[Engine, bool]:
            with state.write_lock:
                assert state.engine is not None
                updated, created = put_document(state.engine, doc_id, data, charset, key=access.name)
                state.swap(updated)
                return updated, created

        updated, created = await run_in_threadpool(write)
        return JSONResponse(status_code=201 if created else 200,
                            content=_written(updated, doc_id, "created" if created else "replaced", access).model_dump())

    @app.delete("/documents/{doc_id:anypath}", response_model=DocumentWrite,
                summary="Remove a document from the corpus folder, then re-index (a --writable server; its bytes "
                "are kept in the history)",
                responses=_errors(404, 409, 500, 503, keyed=keyed, unsafe=True))
    def delete_document_route(doc_id: str, state: StateDep, access: AccessDep) -> DocumentWrite:
        _writer(settings, access, doc_id)
        engine_of(state)
        with state.write_lock:
            assert state.engine is not None
            updated = delete_document(state.engine, doc_id, key=access.name)
            state.swap(updated)
        return _written(updated, doc_id, "deleted", access)

    @app.post("/documents/{doc_id:anypath}/restore", response_model=DocumentWrite,
              summary="Put an earlier version of a document back (the newest saved, or the one at a time or "
              "with a sha256), then re-index (a --writable server, admin scope)",
              responses=_errors(404, 409, 422, 500, 503, keyed=keyed, unsafe=True))
    def restore_document_route(doc_id: str, state: StateDep, access: AccessDep,
                               body: Annotated[RestoreRequest | None, Body()] = None) -> DocumentWrite:
        _writer(settings, access, doc_id, "admin")
        engine_of(state)
        body = body or RestoreRequest()
        at = aware(body.at) if body.at is not None else None
        with state.write_lock:
            assert state.engine is not None
            updated, _ = restore_document(state.engine, doc_id, at, body.sha256, key=access.name)
            state.swap(updated)
        return _written(updated, doc_id, "restored", access)

    def openapi() -> dict[str, Any]:
        """FastAPI's schema, plus what it cannot know: the settings' bounds on a question and k,
        and the bearer scheme when keys are set."""
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            components = schema["components"]["schemas"]
            components["ErrorBody"] = ErrorBody.model_json_schema()  # referenced by every error response
            with_limits(components["AskRequest"], settings.max_question_chars, settings.max_k)
            if keyed:
                schema["components"]["securitySchemes"] = {"apiKey": {"type": "http", "scheme": "bearer"}}
                for path, operations in schema["paths"].items():
                    if path not in PUBLIC_PATHS:
                        for operation in operations.values():
                            operation["security"] = [{"apiKey": []}]
            if not settings.writable:
                _read_only_writes(schema, keyed)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    app.add_middleware(HeadAsGet)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, upload_max_bytes=settings.max_upload_bytes)
    # Added last = outermost: Guard (Host, Origin, key) sees every request first, then CORS
    # answers preflights for the configured origins only (no "*").
    if settings.origins():
        app.add_middleware(CORSMiddleware, allow_origins=settings.origins(), allow_credentials=False,
                           allow_methods=["GET", "POST", "PUT", "DELETE"],
                           allow_headers=["Authorization", "Content-Type"], max_age=600)
    app.add_middleware(Guard, hosts=settings.host_names(), keys=keys, cors_origins=settings.origins())
    app.router.routes.extend(mcp_routes)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/swagger-ui", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger-ui")
    return app
