"""citeqa as OpenAI-style function tools: ``ask`` and ``get_document``, their schemas and a call handler.

The JSON Schemas of the parameters are generated from pydantic models: ``ask``'s from
:class:`~citeqa.service.schemas.AskRequest`, the model ``POST /ask`` validates, and
``get_document``'s from :class:`GetDocumentArguments`, which checks what the MCP tool of the same
name checks; so the tools cannot drift from the HTTP API or from MCP.

A call whose *arguments* are wrong (not JSON, a missing question, a negative offset, an unknown
document) is answered like an MCP tool error: HTTP 200 with ``is_error: true`` and a ``content``
that says what was wrong, which goes back to the model as the tool message so it can correct
itself. Only an envelope that is not a tool call at all (no ``name``, an unknown tool) is an HTTP 422.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from citeqa.service.access import OPEN, Access
from citeqa.service.engine import Engine
from citeqa.service.errors import ServiceError
from citeqa.service.mcp_server import ASK_DESCRIPTION, GET_DOCUMENT_DESCRIPTION, render_answer, render_document
from citeqa.service.schemas import AskRequest, AskResponse, DocumentSlice, Offset, describe_errors, with_limits

ToolName = Literal["ask", "get_document"]


class GetDocumentArguments(BaseModel):
    """Arguments of the ``get_document`` tool (the same fields and bounds as the MCP tool)."""

    model_config = ConfigDict(strict=True, extra="forbid")
    doc_id: str = Field(description="document id as cited by ask")
    start: Offset | None = Field(default=None, description="span start, characters (code points)")
    end: Offset | None = Field(default=None, description="span end, exclusive")


def _encodable(value: str | None) -> str | None:
    # Echoed back in the result: a lone surrogate (valid JSON) could not be written out.
    if value is not None and any("\ud800" <= c <= "\udfff" for c in value):
        raise ValueError("holds a lone surrogate (a UTF-16 half), which is no text")
    return value


#: A tool call id, echoed back in the result.
CallId = Annotated[str, AfterValidator(_encodable)]
ARGUMENTS = Field(description='the arguments as a JSON object in a string (as OpenAI sends them), '
                              'e.g. "{\\"question\\": \\"...\\"}"')


class ToolCall(BaseModel):
    """A function call in the flat shape ``{"name", "arguments", "id"}``; the other shapes
    OpenAI's APIs send are turned into this one (:func:`flat_call`)."""

    name: ToolName = Field(description="the function called: ask or get_document")
    arguments: str = ARGUMENTS
    id: CallId | None = Field(default=None, description="tool_call id, echoed back")


class FunctionCall(BaseModel):
    """The ``function`` of a Chat Completions tool call."""

    name: ToolName
    arguments: str = ARGUMENTS


class ChatToolCall(BaseModel):
    """A Chat Completions ``tool_calls`` item: ``{"id", "type": "function", "function": {"name", "arguments"}}``."""

    id: CallId | None = Field(default=None, description="tool_call id, echoed back")
    type: Literal["function"] = "function"
    function: FunctionCall


class ResponsesFunctionCall(BaseModel):
    """A Responses API ``function_call`` item: ``{"type": "function_call", "call_id", "name",
    "arguments", "id"}``; ``call_id`` is echoed back (what a ``function_call_output`` names), not
    the item's own ``id``."""

    type: Literal["function_call"]
    call_id: CallId
    name: ToolName
    arguments: str = ARGUMENTS
    id: str | None = Field(default=None, description="the item's own id (fc_...), not echoed")


#: Any of the three shapes; tried in this order, so the one whose distinctive field is present wins.
AnyToolCall = Annotated[ResponsesFunctionCall | ChatToolCall | ToolCall, Field(union_mode="left_to_right")]


def flat_call(call: ResponsesFunctionCall | ChatToolCall | ToolCall) -> ToolCall:
    """The flat shape of any accepted tool call."""
    if isinstance(call, ResponsesFunctionCall):
        return ToolCall(name=call.name, arguments=call.arguments, id=call.call_id)
    if isinstance(call, ChatToolCall):
        return ToolCall(name=call.function.name, arguments=call.function.arguments, id=call.id)
    return call


class ToolCallResult(BaseModel):
    """What to send back to the model as the ``tool`` message (``content``), plus the structured
    result for programs."""

    tool_call_id: str | None
    name: ToolName
    is_error: bool = Field(description="the arguments were wrong; content says why, for the model to correct")
    content: str = Field(description="ask: the answer with inline citations [doc_id:start-end]; get_document: "
                                     "the text; on error: what was wrong")
    result: AskResponse | DocumentSlice | None = Field(description="ask: the answer; get_document: the slice; "
                                                                   "null on error")


def _parameters(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema.pop("title", None)
    return schema


def openai_tools(max_question_chars: int = 2000, max_k: int = 50) -> list[dict[str, Any]]:
    """The ``tools`` list for OpenAI function calling: ``ask`` and ``get_document``.

    Args:
        max_question_chars: the longest question accepted (``Settings.max_question_chars``).
        max_k: the largest k accepted (``Settings.max_k``).
    """
    return [
        {"type": "function", "function": {"name": "ask", "description": ASK_DESCRIPTION,
                                          "parameters": with_limits(_parameters(AskRequest), max_question_chars, max_k)}},
        {"type": "function", "function": {"name": "get_document", "description": GET_DOCUMENT_DESCRIPTION,
                                          "parameters": _parameters(GetDocumentArguments)}},
    ]


def _arguments(call: ToolCall, model: type[BaseModel]) -> Any:
    """The call's arguments validated by ``model``.

    Raises:
        ValueError: not a JSON object, or not valid for the model (the message says what is wrong).
    """
    try:
        return model.model_validate(json.loads(call.arguments))
    except json.JSONDecodeError as exc:
        raise ValueError(f"arguments are not valid JSON: {exc.msg} at {exc.pos}") from exc
    except RecursionError as exc:  # json.loads of nesting deeper than the interpreter's stack
        raise ValueError("arguments are nested too deeply to read") from exc
    except ValidationError as exc:
        raise ValueError(f"invalid arguments: {describe_errors(exc.errors(), whole='arguments')}") from exc


def call_tool(engine: Engine, call: ToolCall | ChatToolCall | ResponsesFunctionCall,
              access: Access = OPEN) -> ToolCallResult:
    """Run a tool call, in any of the accepted shapes, with the documents ``access`` sees. Never
    raises for bad arguments: they come back as ``is_error`` results (a document outside the
    key's globs is one not found).

    Raises:
        NotReadyError: only from callers that pass an engine still loading (the app checks first).
    """
    call = flat_call(call)
    try:
        if call.name == "ask":
            request = _arguments(call, AskRequest)
            response = engine.ask(request.question, request.k, request.abstain, request.filter, access=access)
            return ToolCallResult(tool_call_id=call.id, name="ask", is_error=False,
                                  content=render_answer(response), result=response)
        arguments = _arguments(call, GetDocumentArguments)
        document = engine.document(arguments.doc_id, arguments.start, arguments.end, access=access)
        return ToolCallResult(tool_call_id=call.id, name="get_document", is_error=False,
                              content=render_document(document), result=document)
    except (ValueError, ServiceError) as exc:
        kind = type(exc).__name__ if isinstance(exc, ServiceError) else "InvalidArguments"
        return ToolCallResult(tool_call_id=call.id, name=call.name, is_error=True, content=f"{kind}: {exc}",
                              result=None)
