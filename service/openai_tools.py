"""citeqa as an OpenAI-style function tool: the schema of ``ask`` and a call handler.

The JSON Schema of the parameters is generated from :class:`~citeqa.service.schemas.AskRequest`,
the same model ``POST /ask`` validates, so the two cannot drift.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from citeqa.service.engine import Engine
from citeqa.service.errors import BadRequestError
from citeqa.service.mcp_server import ASK_DESCRIPTION, render_answer
from citeqa.service.schemas import AskRequest, AskResponse


class ToolCall(BaseModel):
    """A function call as OpenAI sends it: ``arguments`` is a JSON string.

    Accepted as the flat ``{"name", "arguments", "id"}``, as a Chat Completions ``tool_calls`` item
    (``{"id", "type": "function", "function": {"name", "arguments"}}``) or as a Responses API
    ``function_call`` item (``{"call_id", "name", "arguments"}``).
    """

    name: str
    arguments: str = Field(description='JSON object as a string, e.g. "{\\"question\\": \\"...\\"}"')
    id: str | None = Field(default=None, description="tool_call id, echoed back")

    @field_validator("name", "id")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        # Echoed back in the result: a lone surrogate (valid JSON) could not be written out.
        if value is not None and any("\ud800" <= c <= "\udfff" for c in value):
            raise ValueError("holds a lone surrogate (a UTF-16 half), which is no text")
        return value

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, data: Any) -> Any:
        if isinstance(data, dict):
            if isinstance(data.get("function"), dict):  # Chat Completions tool_calls item
                data = {**data["function"], "id": data.get("id")}
            elif "call_id" in data and "id" not in data:  # Responses API function_call item
                data = {**data, "id": data["call_id"]}
            data = {k: v for k, v in data.items() if k in ("name", "arguments", "id")}
        return data


class ToolCallResult(BaseModel):
    """What to send back to the model as the ``tool`` message (``content``), plus the structured
    result for programs."""

    tool_call_id: str | None
    name: str
    content: str = Field(description="the answer rendered with inline citations [doc_id:start-end]")
    result: AskResponse


def openai_tools() -> list[dict[str, Any]]:
    """The ``tools`` list for OpenAI function calling (one function, ``ask``)."""
    parameters = AskRequest.model_json_schema()
    parameters.pop("title", None)
    return [{"type": "function", "function": {"name": "ask", "description": ASK_DESCRIPTION,
                                              "parameters": parameters}}]


def call_tool(engine: Engine, call: ToolCall) -> ToolCallResult:
    """Run a tool call.

    Raises:
        BadRequestError: unknown function, arguments not a JSON object, or invalid arguments.
    """
    if call.name != "ask":
        raise BadRequestError(f"unknown tool {call.name!r}; the only tool is 'ask'")
    try:
        request = AskRequest.model_validate(json.loads(call.arguments))
    except json.JSONDecodeError as exc:
        raise BadRequestError(f"arguments are not valid JSON: {exc.msg} at {exc.pos}") from exc
    except ValidationError as exc:
        detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'arguments'}: {e['msg']}" for e in exc.errors())
        raise BadRequestError(f"invalid arguments: {detail}") from exc
    response = engine.ask(request.question, request.k, request.abstain, request.filter)
    return ToolCallResult(tool_call_id=call.id, name="ask", content=render_answer(response), result=response)
