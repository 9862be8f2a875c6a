"""Helpers for the index tests."""

from __future__ import annotations

import pytest

from citeqa.index import build as build_module


def record_embeds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make index builds note every text they embed (then embed it for real); returns the list,
    which the builds extend."""
    embedded: list[str] = []
    real_embed = build_module.embed

    def recording_embed(model, texts, **kwargs):  # type: ignore[no-untyped-def]
        embedded.extend(texts)
        return real_embed(model, texts, **kwargs)

    monkeypatch.setattr(build_module, "embed", recording_embed)
    return embedded
