"""A folder like the one users have, served by a real HTTP server: every supported file indexed,
the rest listed with a reason, and every fact answered with an exact, page-numbered citation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from citeqa.service.engine import Engine
from citeqa.service.settings import Settings
from tests.mixed_folder import FACTS, JUNK, SKIPPED, Fact, make_mixed_folder
from tests.service.conftest import serving


@pytest.fixture(scope="module")
def mixed(model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Path, Settings]]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("mixed")
    corpus = make_mixed_folder(root / "corpus")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    engine = Engine.start(settings, model=model)
    with serving(settings, engine) as url, httpx.Client(base_url=url, timeout=30) as http:
        yield http, corpus, settings


def test_every_file_is_indexed_or_listed_with_a_reason(mixed: tuple[httpx.Client, Path, Settings]) -> None:
    http, corpus, _ = mixed
    listing = http.get("/documents").json()
    indexed = {d["doc_id"]: d for d in listing["documents"]}
    skipped = {s["doc_id"]: s["reason"] for s in listing["skipped"]}
    expected_indexed = {f.doc_id for f in FACTS}
    assert set(indexed) == expected_indexed
    assert set(skipped) == set(SKIPPED)
    for doc_id, word in SKIPPED.items():
        assert word in skipped[doc_id]
    for junk in JUNK:
        assert (corpus / junk).exists() and junk not in indexed and junk not in skipped
    assert all(d["chunks"] >= 1 for d in indexed.values())
    assert indexed["reports/annual.pdf"]["pages"] == 3 and indexed["slides/kickoff.pptx"]["pages"] == 3
    assert indexed["reports/annual.pdf"]["format"] == "pdf"
    assert indexed["reports/annual.pdf"]["title"] == "Cooperative Annual Report 2024"
    assert indexed["reports/policy.docx"]["title"] == "Expense policy"
    assert indexed["manual/pump.md"]["title"] == "Pump manual"
    assert indexed["web/museum.html"]["title"] == "Linden Museum — Visit"
    assert indexed["notes/ferry.txt"]["title"] == "Harbor Ferry Notes"
    assert indexed["notes/clinic.txt"]["title"] == "clinic.txt"  # no heading line: the file name
    assert indexed["notes/cafe-cp1252.txt"]["encoding"] == "cp1252 (detected)"
    assert indexed["notes/observatory-utf16.txt"]["encoding"] == "utf-16-le (BOM)"
    assert indexed["reports/policy.docx"]["encoding"] is None


def _cited(http: httpx.Client, fact: Fact) -> dict[str, Any]:
    """The passage of the fact's document that holds its answer, checked against the text layer."""
    body = http.post("/ask", json={"question": fact.question, "k": 5}).json()
    assert body["answered"], (fact.question, body["confidence"])
    for passage in body["passages"]:
        layer = http.get(f"/documents/{passage['doc_id']}").json()
        assert layer["text"][passage["start"]:passage["end"]] == passage["text"]
        assert layer["text"][passage["quote"]["start"]:passage["quote"]["end"]] == passage["quote"]["text"]
    found = [p for p in body["passages"] if p["doc_id"] == fact.doc_id and fact.answer in p["text"]]
    assert found, (fact.question, [(p["doc_id"], p["text"][:60]) for p in body["passages"]])
    return found[0]


@pytest.mark.parametrize("fact", FACTS, ids=[f.doc_id + ":" + f.answer[:20] for f in FACTS])
def test_every_fact_is_answered_with_an_exact_citation(mixed: tuple[httpx.Client, Path, Settings], fact: Fact) -> None:
    http, _, _ = mixed
    passage = _cited(http, fact)
    assert passage["page"] == fact.page
    if fact.headings is not None:
        assert tuple(passage["headings"]) == fact.headings
    assert passage["title"]
    document = http.get(f"/documents/{fact.doc_id}").json()
    if fact.page is not None:
        page_start = document["pages"][fact.page - 1]
        page_end = document["pages"][fact.page] if fact.page < len(document["pages"]) else document["length"]
        at = document["text"].index(fact.answer, passage["start"])
        assert page_start <= at < page_end  # the fact really lies on the page cited


def test_the_cookie_banner_and_navigation_are_never_passages(mixed: tuple[httpx.Client, Path, Settings]) -> None:
    http, _, _ = mixed
    body = http.post("/ask", json={"question": "Do you use cookies? Accept all cookies", "k": 10, "abstain": False}).json()
    assert not any("cookies" in p["text"] or "Exhibitions" in p["text"] for p in body["passages"])
    text = http.get("/documents/web/museum.html").json()["text"]
    assert "We use cookies" in text  # still in the text layer, which shows the page as it reads


def test_the_page_view_shows_the_page_of_a_pdf_citation(mixed: tuple[httpx.Client, Path, Settings]) -> None:
    http, _, _ = mixed
    passage = _cited(http, FACTS[[f.doc_id for f in FACTS].index("reports/annual.pdf")])
    html = http.get(f"/view/reports/annual.pdf?start={passage['start']}&end={passage['end']}").text
    assert 'id="page-2"' in html and "cited passage on" in html and "page 2</a>" in html
    assert "Cooperative Annual Report 2024" in html and "reports/annual.pdf" in html


def test_reindexing_unchanged_files_gives_the_same_text_layers_and_spans(
    mixed: tuple[httpx.Client, Path, Settings], model, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    http, corpus, settings = mixed
    again = Engine.start(settings.model_copy(update={"index_dir": tmp_path / "again"}), model=model)
    for doc_id, document in again.index.documents.items():
        assert http.get(f"/documents/{doc_id}").json()["text"] == document.text
    pdf_fact = next(f for f in FACTS if f.doc_id == "reports/annual.pdf")
    served = http.post("/ask", json={"question": pdf_fact.question, "k": 5}).json()["passages"]
    fresh = again.ask(pdf_fact.question, 5).passages
    assert [(p["doc_id"], p["start"], p["end"]) for p in served] == [(p.doc_id, p.start, p.end) for p in fresh]


@pytest.mark.parametrize("question", ["谁赢得了2018年世界杯？", "Who won the 2018 FIFA World Cup?"])
def test_off_topic_questions_abstain_in_any_script(mixed: tuple[httpx.Client, Path, Settings], question: str) -> None:
    http, _, _ = mixed
    body = http.post("/ask", json={"question": question}).json()
    assert not body["answered"] and body["passages"] == [], body["confidence"]
