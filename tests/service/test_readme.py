"""The README's examples are real: its settings table and its curl example's output."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from citeqa.service.settings import Settings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_settings_table_lists_every_setting() -> None:
    documented = set(re.findall(r"^\| `CITEQA_([A-Z_]+)` \|", README, flags=re.MULTILINE))
    assert documented == {name.upper() for name in Settings.model_fields}


def test_curl_example_output_is_what_the_service_returns(client: httpx.Client) -> None:
    request = json.loads(re.search(r"-d '(\{.*?\})'", README, flags=re.DOTALL).group(1))  # type: ignore[union-attr]
    shown = json.loads(re.search(r"```json\n(.*?)\n```", README, flags=re.DOTALL).group(1))  # type: ignore[union-attr]
    live = client.post("/ask", json=request).json()
    assert live["answered"] == shown["answered"] and live["question"] == shown["question"]
    assert live["index"]["chunks"] == shown["index"]["chunks"]
    # Spans, texts and quotes exactly; scores approximately (float kernels differ between CPUs).
    exact = lambda p: {k: v for k, v in p.items() if k != "score"}  # noqa: E731
    assert [exact(p) for p in live["passages"]] == [exact(p) for p in shown["passages"]]
    assert [p["score"] for p in live["passages"]] == pytest.approx([p["score"] for p in shown["passages"]], abs=2e-3)
