"""The SQuAD 2.0 abstention sets: exact evidence spans, unanswerable questions about articles not
in the corpus, and halves that share no article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.eval.scoring import load_questions
from citeqa.eval.squad2 import build, read_articles


def _squad(path: Path, titles: list[str], answers: bool) -> Path:
    data = []
    for t in titles:
        paragraphs = []
        for p in range(3):
            context = f"{t} paragraph {p} says that the value of item {p} is {len(t) * 10 + p} units."
            qas = []
            for q in range(12):
                if answers and q < 9:
                    text = str(len(t) * 10 + p)
                    qas.append({"id": f"{t}{p}{q}", "question": f"What is item {p} of {t} ({q})?", "is_impossible": False,
                                "answers": [{"text": text, "answer_start": context.index(text)}]})
                else:
                    qas.append({"id": f"{t}{p}{q}", "question": f"Is there a {t} thing {p}-{q}?",
                                "is_impossible": answers, "answers": []})
            paragraphs.append({"context": context, "qas": qas})
        data.append({"title": t, "paragraphs": paragraphs})
    path.write_text(json.dumps({"data": data}), encoding="utf-8")
    return path


def test_sets_are_split_by_article_with_exact_spans(tmp_path: Path) -> None:
    dev = _squad(tmp_path / "dev.json", [f"Dev_{i}" for i in range(8)] + ["Normans"], answers=True)
    test = _squad(tmp_path / "test.json", [f"Other_{i:02}" for i in range(18)], answers=False)
    articles = read_articles([dev, test])
    assert "Normans" not in articles  # SQuAD-A's articles stay held out
    names = build(articles, tmp_path / "sets")
    assert len(names) == 12
    used: dict[int, set[str]] = {0: set(), 1: set()}
    for name in names:
        folder = tmp_path / "sets" / name
        files = {p.name: p.read_text(encoding="utf-8") for p in (folder / "corpus").iterdir()}
        questions = load_questions(folder / "questions.jsonl")
        assert any(q.evidence for q in questions) and any(not q.evidence for q in questions)
        for q in questions:
            for e in q.evidence:
                assert files[e.doc][e.start:e.end] == e.text
            if not q.evidence:  # about an article that is not in this corpus
                assert f"{q.id.rsplit('-', 1)[0]}.txt" not in files
            used[int(name[4])].add(q.id.rsplit("-", 1)[0])
        impossible = [q for q in load_questions(folder / "impossible.jsonl") if not q.evidence]
        assert impossible and all(f"{q.id.rsplit('-', 1)[0]}.txt" in files for q in impossible)
        used[int(name[4])].update(p.removesuffix(".txt") for p in files)
    assert not used[0] & used[1]


def test_too_few_articles_is_refused(tmp_path: Path) -> None:
    dev = _squad(tmp_path / "dev.json", [f"Dev_{i}" for i in range(3)], answers=True)
    with pytest.raises(ValueError, match="need 8 articles"):
        build(read_articles([dev]), tmp_path / "sets")


def test_unreadable_input_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from citeqa.eval.squad2 import main

    assert main([str(tmp_path / "out"), str(tmp_path / "missing.json")]) == 1
    (tmp_path / "not.json").write_text("{nope", encoding="utf-8")
    assert main([str(tmp_path / "out"), str(tmp_path / "not.json")]) == 1
    err = capsys.readouterr().err
    assert "squad2: FileNotFoundError" in err and "squad2: JSONDecodeError" in err and "Traceback" not in err
