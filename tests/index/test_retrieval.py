"""Ranking, quotes, identical text in two files, and several sources for one question."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from citeqa.corpus.reader import read_corpus
from citeqa.corpus.sentences import sentence_spans
from citeqa.index.build import build_index
from citeqa.index.chunking import table_row_texts
from citeqa.index.lexical import Bm25Index
from citeqa.index.manifest import ChunkingParams
from citeqa.index.retrieval import MODES, Retriever
from citeqa.index.shards import Shard
from citeqa.index.store import StoredIndex
from citeqa.service.settings import Settings
from tests.conftest import REFUGEE_DOCS, REFUGEE_QUESTION

SHARED_TEXT = (
    "The Tumen River marks much of the border between North Korea and China. "
    "Refugees often cross it in winter when the water is frozen."
)


@pytest.fixture
def retriever(model, corpus_dir: Path, tmp_path: Path) -> Retriever:  # type: ignore[no-untyped-def]
    (corpus_dir / "copy-a.txt").write_text(SHARED_TEXT, encoding="utf-8")
    (corpus_dir / "copy-b.txt").write_text(SHARED_TEXT, encoding="utf-8")
    (corpus_dir / "page.html").write_text(
        "<html><head><title>Border notes</title></head><body><nav>Home | About | Login</nav>"
        "<p>Smugglers charge fees to guide people across the mountains.</p>"
        "<p>Brokers in Yanbian arrange safe houses for women &amp; children who fled.</p></body></html>",
        encoding="utf-8",
    )
    corpus = read_corpus(corpus_dir)
    stored = build_index(corpus, tmp_path / "idx", model, "m", ChunkingParams(chunk_size=500, chunk_overlap=100))
    return Retriever(model, stored)


def _index_of(model, tmp_path: Path, files: dict[str, str]) -> StoredIndex:  # type: ignore[no-untyped-def]
    """A real index (500/100 chunks) of a corpus folder holding ``files`` (name -> text)."""
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    for name, text in files.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    return build_index(read_corpus(corpus_dir), tmp_path / "idx", model, "m", ChunkingParams(chunk_size=500, chunk_overlap=100))


def test_identical_text_in_two_files_stays_two_citations(retriever: Retriever) -> None:
    for mode in MODES:
        ranked, _ = retriever.rank("When do refugees cross the frozen Tumen River?", 3, mode)
        top_two = {retriever.index.chunks[row].doc_id for row, _ in ranked[:2]}
        assert top_two == {"copy-a.txt", "copy-b.txt"}, mode


def test_the_refugee_convention_shows_every_source(retriever: Retriever) -> None:
    answer = retriever.answer(REFUGEE_QUESTION, 5, min_confidence=0.0)
    assert REFUGEE_DOCS <= {hit.chunk.doc_id for hit in answer.hits}


def test_quotes_are_exact_spans_inside_their_passage(retriever: Retriever, corpus_dir: Path) -> None:
    questions = [REFUGEE_QUESTION, "Who arranges safe houses for women and children?",
                 "What punishment do defectors face under North Korean law?"]
    seen_html = False
    for question in questions:
        for hit in retriever.answer(question, 5, min_confidence=0.0).hits:
            # The citable original: the file itself for .txt, the stored text layer for HTML.
            layer = retriever.index.documents[hit.chunk.doc_id].text
            assert hit.chunk.start <= hit.quote.start < hit.quote.end <= hit.chunk.end
            assert layer[hit.quote.start : hit.quote.end] == hit.quote.text
            if hit.chunk.doc_id.endswith(".html"):
                seen_html = True
            else:
                assert (corpus_dir / hit.chunk.doc_id).read_text(encoding="utf-8") == layer
    assert seen_html


def test_quote_is_the_sentence_that_answers(retriever: Retriever) -> None:
    hits = retriever.answer(REFUGEE_QUESTION, 5, min_confidence=0.0).hits
    quotes = {h.chunk.doc_id: h.quote.text for h in hits}
    assert quotes["004_503d341e454f2bd7.txt"] == "China is also a state party to the UN Refugee Convention."


def test_off_topic_question_has_low_confidence(retriever: Retriever) -> None:
    threshold = Settings.model_fields["min_confidence"].default
    on = retriever.answer(REFUGEE_QUESTION, 5, min_confidence=threshold)
    off = retriever.answer("Who won the 2018 FIFA World Cup?", 5, min_confidence=threshold)
    assert on.answered and not off.answered and off.confidence < on.confidence


def test_sentence_spans() -> None:
    text = "First one. Second “quoted.” Third?\nA line without end"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "First one.", "Second “quoted.”", "Third?", "A line without end"]


def test_question_words_are_not_content(retriever: Retriever) -> None:
    terms = retriever.bm25.query_terms("When did the refugees cross the Tumen River, and why?")
    assert retriever.bm25.content_terms(terms) == ["refuge", "cross", "tumen", "river"]


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u2060", "\ufeff"])
def test_a_word_split_by_an_invisible_character_is_still_found(model, tmp_path: Path, invisible: str) -> None:  # type: ignore[no-untyped-def]
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "district.html").write_text(
        f"<p>The Kreuz{invisible}berg district holds the city's largest street market on Saturdays.</p>"
        "<p>Parking near the old harbour is free after six in the evening on weekdays.</p>", encoding="utf-8")
    (corpus_dir / "other.txt").write_text("Trains to the airport leave every ten minutes from platform four.",
                                          encoding="utf-8")
    stored = build_index(read_corpus(corpus_dir), tmp_path / "idx", model, "m", ChunkingParams(chunk_size=100, chunk_overlap=0))
    retriever = Retriever(model, stored)
    answer = retriever.answer("Where is the market in Kreuzberg?", 3, min_confidence=0.33)
    assert answer.hits[0].chunk.doc_id == "district.html" and "market" in answer.hits[0].chunk.text
    bm25 = Bm25Index([c.matching_text() for c in stored.chunks])
    assert bm25.scores(bm25.query_terms("Kreuzberg"))[stored.chunks.index(answer.hits[0].chunk)] > 0
    assert answer.answered, answer.confidence


def test_a_one_passage_corpus_keeps_a_real_score(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "only.txt").write_text("Using your own car is reimbursed at 0.30 euros per kilometre.", encoding="utf-8")
    stored = build_index(read_corpus(corpus_dir), tmp_path / "idx", model, "m", ChunkingParams(chunk_size=500, chunk_overlap=100))
    ranked, _ = Retriever(model, stored).rank("How much is using your own car reimbursed?", 1, "hybrid", dense_weight=0.4)
    assert len(ranked) == 1 and ranked[0][1] > 0.3  # min-max gave the only passage 0.0


def test_the_passage_naming_the_asked_year_wins_between_two(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    for year, members in (("2024", "1,240"), ("2025", "1,410")):
        (corpus_dir / f"report-{year}.txt").write_text(
            f"Annual report {year}\n\nThe cooperative had {members} members at the end of {year}.", encoding="utf-8")
    stored = build_index(read_corpus(corpus_dir), tmp_path / "idx", model, "m", ChunkingParams(chunk_size=500, chunk_overlap=100))
    retriever = Retriever(model, stored)
    for year in ("2024", "2025"):
        ranked, _ = retriever.rank(f"How many members did the cooperative have in {year}?", 2, "hybrid", dense_weight=0.4)
        assert stored.chunks[ranked[0][0]].doc_id == f"report-{year}.txt"


def test_the_quote_is_found_by_meaning_when_no_word_is_shared(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "museum.txt").write_text(
        "The city museum opens at nine in the morning. Visitors enjoy the sculpture garden behind the main "
        "hall. Admission is twelve euros for adults and free for children under six. The café on the ground "
        "floor serves lunch until three.", encoding="utf-8")
    stored = build_index(read_corpus(corpus_dir), tmp_path / "idx", model, "m", ChunkingParams(chunk_size=500, chunk_overlap=100))
    retriever = Retriever(model, stored)
    # Not one content word of the question is in the text: the sentence vectors pick the quote
    # (by shared terms alone it was the first sentence).
    hit = retriever.answer("How much do tickets cost?", 1, min_confidence=0.0).hits[0]
    assert hit.quote.text == "Admission is twelve euros for adults and free for children under six."
    assert stored.documents["museum.txt"].text[hit.quote.start:hit.quote.end] == hit.quote.text


def test_a_title_or_heading_is_never_the_quote_beside_a_sentence(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The built-in corpus's case: the title shares as many of the question's words as the
    # sentence that answers, and is closer to it by cosine (it was the quote).
    stored = _index_of(model, tmp_path, {
        "article.txt": "China\u2019s shameful treatment of North Korean refugees\n\n\nThose who cross the border enter "
                       "one of two states, both signatories of the 1951 Convention Relating to the Status of Refugees.",
        "notes.md": "# Refund policy\n\nWe pay back the full price within 30 days of purchase.\n\n## Lone heading\n",
        "keeper.md": "Lighthouse Keeper Duties\n================\n\nThe lamp is cleaned daily. Logs are kept in the office.\n",
    })
    assert stored.documents["keeper.md"].title == "Lighthouse Keeper Duties"  # a setext heading
    retriever = Retriever(model, stored)
    for question, doc_id, quote in [
        ("Is China a party to the Refugee Convention?", "article.txt", "both signatories of the 1951 Convention"),
        ("What is the refund policy?", "notes.md", "We pay back the full price within 30 days of purchase."),
        ("What are the lighthouse keeper duties?", "keeper.md", "."),  # a sentence, not the heading
    ]:
        hit = next(h for h in retriever.answer(question, 3, min_confidence=0.0).hits if h.chunk.doc_id == doc_id)
        assert quote in hit.quote.text and "Duties" not in hit.quote.text and "===" not in hit.quote.text, question
        assert stored.documents[doc_id].text[hit.quote.start:hit.quote.end] == hit.quote.text


def test_a_table_row_is_found_through_its_column_headers(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A newcomer's recipe file: the row alone ("| tomato | 3 | 50 min |") had cosine 0.29 with the
    # question, which then abstained (confidence 0.287).
    stored = _index_of(model, tmp_path, {
        "recipes.md": "# Soups\n\n## Tomato\n\nRoast eight tomatoes with garlic at 200 \u00b0C for 40 minutes, then blend "
                      "with basil.\n\n| soup | serves | time |\n|---|---|---|\n| leek and potato | 4 | 35 min |\n"
                      "| tomato | 3 | 50 min |\n",
        "harbour.txt": "The ferry to Gull Island leaves from Pier 3 every 45 minutes between 07:15 and 19:00.",
        # An HTML table's rows are "a | b" lines; lower-case rows had been joined into one sentence.
        "parts.html": "<html><body><p>Spare parts for the bicycle.</p><table><tr><th>part</th><th>price</th></tr>"
                      "<tr><td>tube</td><td>8 euros</td></tr><tr><td>chain</td><td>25 euros</td></tr></table></body></html>",
        # A row's terms are its headers' too: "closes" is the row's word only through its header;
        # the sentence above shares "museum" with the question and had been the quote.
        "museum.md": "# City Museum\n\nThe City Museum is open to visitors every day except Monday, and guided tours "
                     "start at the main entrance.\n\n| day | opens | closes |\n|---|---|---|\n"
                     "| Tuesday to Saturday | 09:00 | 17:00 |\n| Sunday | 11:00 | 16:00 |\n| Monday | closed | closed |\n",
        # An escaped pipe is cell text (GFM): the row had been cut in three and lost its headers.
        "shell.md": "# Shell redirection\n\nNotes for the shell course about pipes and redirection of output.\n\n"
                    "| Command | Effect |\n|---|---|\n| `a \\| b` | sends the output of a into b |\n"
                    "| `a > f` | writes the output to a file |\n| `a >> f` | adds the output to the end of a file |\n",
    })
    retriever = Retriever(model, stored)
    threshold = Settings.model_fields["min_confidence"].default
    for question, doc_id, row in [("How many servings does the tomato soup make?", "recipes.md", "| tomato | 3 | 50 min |"),
                                  ("How much does a bicycle chain cost?", "parts.html", "chain | 25 euros"),
                                  ("When does the museum close on Sunday?", "museum.md", "| Sunday | 11:00 | 16:00 |"),
                                  ("Which command sends the output of a into b?", "shell.md",
                                   "| `a \\| b` | sends the output of a into b |")]:
        answer = retriever.answer(question, 1, min_confidence=threshold)
        if doc_id in ("recipes.md", "museum.md"):  # (the chain question abstains: "cost" is a word the page never uses)
            assert answer.answered, (question, answer.confidence)
        hit = retriever.answer(question, 1, min_confidence=0.0).hits[0]
        assert hit.chunk.doc_id == doc_id and hit.quote.text == row
        assert stored.documents[doc_id].text[hit.quote.start:hit.quote.end] == row


def test_table_rows_are_read_with_their_headers() -> None:
    text = ("Intro line.\n\nDay | Hours\nSunday | 12:00\u201316:00\nMonday | closed\n\nHome | About | Shop\n\n"
            "| a | b |\n|:--|--:|\n| 1 |  |\n\ncat x | grep y\nls | wc | sort\n"
        # GFM: an escaped pipe is cell text; under a separator line rows may have more or fewer cells.
        "\n| cmd | effect |\n|---|---|\n| `a \\| b` | pipes a into b |\n| `a > f` | writes f | note |\n"
        "\n| Day | Opens | Closes |\n|---|---|---|\n| Holiday | closed |\n")
    rows = table_row_texts(text)
    assert {text[a:b]: t for (a, b), t in rows.items()} == {
        "Sunday | 12:00\u201316:00": "Day: Sunday; Hours: 12:00\u201316:00",
        "Monday | closed": "Day: Monday; Hours: closed",
        "| 1 |  |": "a: 1",  # an empty cell is left out; the separator line is no row
        "| `a \\| b` | pipes a into b |": "cmd: `a | b`; effect: pipes a into b",
        "| `a > f` | writes f | note |": "cmd: `a > f`; effect: writes f; note",
        "| Holiday | closed |": "Day: Holiday; Opens: closed",
    }  # a lone line and lines of different widths (without a separator line) are no table


def test_every_sentence_has_its_vector_and_scores_its_passage(retriever: Retriever) -> None:
    index = retriever.index
    assert index.sentence_rows[-1] == index.sentence_index.ntotal == sum(len(c.sentences) for c in index.chunks)
    query = retriever.encode([REFUGEE_QUESTION])[0]
    rows = np.arange(len(index.chunks), dtype=np.int64)
    shard = Shard(index, Bm25Index([c.matching_text() for c in index.chunks]), 0, len(index.chunks))
    scores, all_cos, starts = shard.dense_scores(query, rows)
    per_passage = np.split(all_cos, starts[1:])
    for row in (0, len(rows) // 2, len(rows) - 1):
        chunk = index.chunks[row]
        vectors = retriever.encode(chunk.sentence_texts())
        assert np.allclose(per_passage[row], vectors @ query, atol=1e-4)
        passage = float(index.faiss_index.reconstruct(int(row)) @ query)
        assert scores[row] == pytest.approx((passage + per_passage[row].max()) / 2, abs=1e-5)


def test_a_question_with_typos_is_answered(model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stored = _index_of(model, tmp_path, {
        "udp.txt": "The User Datagram Protocol does not guarantee delivery, ordering or duplicate protection. "
                   "Applications that need reliability use the Transmission Control Protocol instead.",
        "space.txt": "Astronauts in orbit experience weightlessness because they are in continuous free fall.",
    })
    retriever = Retriever(model, stored)
    threshold = Settings.model_fields["min_confidence"].default
    for question, doc in (("What does the User Datagram Protocol not gaurentee?", "udp.txt"),
                          ("What do astronaughts experiance in orbit?", "space.txt")):
        answer = retriever.answer(question, 2, min_confidence=threshold)
        assert answer.hits[0].chunk.doc_id == doc
        assert answer.answered, (question, answer.confidence)
