"""citeqa as an MCP server (official ``mcp`` SDK, 2.x): tools ``ask`` and ``get_document`` and the
documents as resources, over stdio (``citeqa mcp``) or Streamable HTTP (mounted at ``/mcp`` by the
FastAPI app). Both call the same :class:`~citeqa.service.engine.Engine` as ``POST /ask``.

Over HTTP, each tool call and resource read runs with the API key of the request that carried it
(:class:`~citeqa.service.access.Access`, left in the request's scope by the guard): a key sees only
the documents its globs match. Over stdio (``citeqa mcp``), the user's own process, every
document is seen. Neither transport has a tool that writes.

Errors a model can fix (empty question, k out of range, unknown document, index still building)
come back as tool errors whose text says what was wrong, never as a dead session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ToolError
from mcp_types import CallToolResult, TextContent
from pydantic import BeforeValidator, Field

from citeqa.service.access import OPEN, Access
from citeqa.service.engine import Engine
from citeqa.service.errors import ServiceError
from citeqa.service.schemas import AskFilter, AskResponse, DocumentSlice, integral
from citeqa.service.security import access_of
from citeqa.service.settings import Settings

EngineProvider = Callable[[], Engine]

# The tools' arguments are as strict as POST /ask's: an integer is 3 or 3.0, never true; a flag is
# a JSON boolean, never "no". (The SDK reads a string holding JSON, "3", as that JSON first.)
#: The largest k of a server built without settings: ``Settings.max_k``'s default.
MAX_K: int = Settings.model_fields["max_k"].default

ASK_DESCRIPTION = (
    "Search the document collection for passages that answer a question, and get them with exact "
    "citations. Use it to find evidence before answering from the collection. Returns up to k "
    "passages, best first, each with doc_id, title, page (PDF/PPTX), a character span [start, end) of "
    "the document's text (what get_document returns), "
    "its text and a quote (the sentence that best answers). Cite a passage inline as "
    "[doc_id:start-end]. When sources disagree, several are returned: cite each. If nothing in the "
    "collection answers, it abstains: answered is false and no passage is returned, so say the "
    "collection does not cover it rather than guessing."
)
GET_DOCUMENT_DESCRIPTION = (
    "Read a document of the collection, or the span [start, end) of it (character offsets as cited "
    "by ask), to check a citation or read around it."
)


def render_answer(response: AskResponse) -> str:
    """A text an assistant can quote: one block per passage headed by its inline citation.

    Returns:
        ``"[doc_id:start-end] (score 0.93)\\n<quote>\\n<passage>"`` blocks, or an abstention sentence;
        passages shown although nothing answered (``abstain`` false) follow a sentence saying so.
    """
    if not response.passages:
        return (f"No passage in the collection answers this question (confidence {response.confidence:.3f}); "
                "the collection does not cover it.")
    blocks = []
    if not response.answered:  # abstain=false: the closest passages, which must not read as evidence
        blocks.append(f"None of these passages was judged to answer the question (confidence "
                      f"{response.confidence:.3f}); they are only the closest in the collection.")
    for passage in response.passages:
        citation = f"[{passage.doc_id}:{passage.start}-{passage.end}]"
        where = f"{passage.title}" + (f", page {passage.page}" if passage.page else "")
        weak = ", weak: far below the best passage" if passage.weak else ""
        blocks.append(f"{citation} {where} (score {passage.score:.3f}{weak})\nQuote: {passage.quote.text}\nPassage: {passage.text}")
    return "\n\n".join(blocks)


def render_document(document: DocumentSlice) -> str:
    """The slice a ``get_document`` call returns, headed by its citation:
    ``"[doc_id:start-end] Title (of N characters)\n<text>"``."""
    return (f"[{document.doc_id}:{document.start}-{document.end}] {document.title} "
            f"(of {document.length} characters)\n{document.text}")


def build_mcp_server(engine: EngineProvider, settings: Settings | None = None) -> MCPServer[EngineProvider]:
    """Build the MCP server.

    Args:
        engine: returns the loaded engine; raises :class:`~citeqa.service.errors.NotReadyError`
            while it is loading. Tools reach it through the MCP lifespan context.
        settings: the limits the ``ask`` tool declares (``max_k``, ``default_k``), as ``POST
            /ask`` does; None: the settings' defaults.
    """
    max_k = settings.max_k if settings is not None else MAX_K
    default_k = settings.default_k if settings is not None else Settings.model_fields["default_k"].default

    @asynccontextmanager
    async def lifespan(server: MCPServer[EngineProvider]) -> AsyncIterator[EngineProvider]:
        yield engine

    server: MCPServer[EngineProvider] = MCPServer(
        name="citeqa",
        instructions="Question answering over a document collection with exact, checkable citations. "
        "Call ask with the user's question; cite passages as [doc_id:start-end].",
        lifespan=lifespan,
    )

    def _access(ctx: Context) -> Access:  # type: ignore[type-arg]
        """The calling request's access (HTTP), or everything (stdio: no request).

        Raises:
            ToolError: the key lacks the read scope.
        """
        request = ctx.request_context.request
        scope = getattr(request, "scope", None)
        access = access_of(scope) if scope is not None else OPEN
        try:
            access.require("read")
        except ServiceError as exc:
            raise ToolError(f"{type(exc).__name__}: {exc}") from exc
        return access

    def _engine(ctx: Context) -> Engine:  # type: ignore[type-arg]
        provider: EngineProvider = ctx.request_context.lifespan_context
        try:
            return provider()
        except ServiceError as exc:
            raise ToolError(f"{type(exc).__name__}: {exc}") from exc

    # This server's own bounds on k: the SDK reads the annotations by name in this module's
    # globals (they are strings here, PEP 563), so the one that names local values is set below.
    k_argument = Annotated[int, Field(ge=1, le=max_k, strict=True, description=f"how many passages to return (1-{max_k})"),
                           BeforeValidator(integral)]

    def ask(
        question: Annotated[str, Field(description="the question, in plain language")],
        ctx: Context,  # type: ignore[type-arg]
        k: int = default_k,
        filter: Annotated[AskFilter | None, Field(
            description="search only these documents: {\"doc_ids\": [glob, ...], \"formats\": [...]}")] = None,
        abstain: Annotated[bool, Field(
            strict=True, description="false: return the closest passages even when none is judged to answer")] = True,
    ) -> CallToolResult:
        try:
            response = _engine(ctx).ask(question, k, abstain=abstain, filter=filter, access=_access(ctx))
        except ServiceError as exc:
            raise ToolError(f"{type(exc).__name__}: {exc}") from exc
        return CallToolResult(
            content=[TextContent(type="text", text=render_answer(response))],
            structured_content=response.model_dump(mode="json"),
        )

    ask.__annotations__["k"] = k_argument
    server.tool(name="ask", description=ASK_DESCRIPTION)(ask)

    @server.tool(name="get_document", description=GET_DOCUMENT_DESCRIPTION)
    def get_document(
        doc_id: Annotated[str, Field(description="document id as cited by ask")],
        ctx: Context,  # type: ignore[type-arg]
        start: Annotated[int | None, Field(ge=0, strict=True, description="span start, characters (code points)"),
                         BeforeValidator(integral)] = None,
        end: Annotated[int | None, Field(ge=0, strict=True, description="span end, exclusive"),
                       BeforeValidator(integral)] = None,
    ) -> DocumentSlice:
        try:
            return _engine(ctx).document(doc_id, start, end, access=_access(ctx))
        except ServiceError as exc:
            raise ToolError(f"{type(exc).__name__}: {exc}") from exc

    @server.resource("citeqa://documents/{+doc_id}", name="document", mime_type="text/plain",
                     description="The original text of a document of the collection (doc_id as cited).")
    def document_resource(doc_id: str, ctx: Context) -> str:  # type: ignore[type-arg]
        try:
            return _engine(ctx).document(doc_id, access=_access(ctx)).text
        except (ServiceError, ToolError) as exc:
            raise ResourceError(str(exc)) from exc

    return server
