"""The eval harness end to end on the shared dev set (slow: builds two indexes, runs seven modes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.eval.cli import main as citeqa_main
from tests.conftest import SHARED, needs_shared


@pytest.mark.slow
@needs_shared
def test_citeqa_eval_on_the_dev_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    argv = ["eval", "--questions", str(SHARED / "eval" / "questions.jsonl"), "--out", str(out),
            "--index", str(tmp_path / "idx")]
    with pytest.raises(SystemExit) as exited:
        citeqa_main(argv)
    assert exited.value.code == 0
    printed = capsys.readouterr().out
    for mode in ("naive", "txtai", "bm25", "rrf-peer", "dense", "hybrid", "citeqa"):
        assert mode in printed
    report = json.loads((out / "eval.json").read_text())
    by_mode = {r["mode"]: r for r in report["modes"]}
    assert set(by_mode) == {"naive", "txtai", "bm25", "rrf-peer", "dense", "hybrid", "citeqa"}
    # citeqa is at least as good as the naive peer it exists to beat, and abstains on the
    # unanswerable questions of this set.
    assert by_mode["citeqa"]["hit@5"] >= by_mode["naive"]["hit@5"]
    assert by_mode["citeqa"]["mrr@10"] >= by_mode["naive"]["mrr@10"]
    # txtai ran for real: its hybrid index finds the evidence of most questions.
    assert by_mode["txtai"]["hit@5"] >= 0.8
    assert by_mode["citeqa"]["abstained_unanswerable"] == 1.0
    assert (out / "eval.md").read_text().startswith("| mode |")
    assert (out / "eval.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len((out / "eval.citeqa.run.jsonl").read_text().splitlines()) == 24


def test_citeqa_eval_needs_no_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """From any folder, after install: the question set that ships with citeqa, on the built-in
    corpus. Its spans are the built-in files' own text, and another corpus needs --questions."""
    from citeqa.eval.cli import BUILTIN_CORPUS, BUILTIN_QUESTIONS
    from citeqa.eval.scoring import load_questions

    questions = load_questions(BUILTIN_QUESTIONS)
    assert len(questions) == 24 and sum(not q.evidence for q in questions) == 6
    for q in questions:
        for e in q.evidence:
            assert (BUILTIN_CORPUS / e.doc).read_text(encoding="utf-8")[e.start : e.end] == e.text

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with pytest.raises(SystemExit) as exited:
        citeqa_main(["eval", "--modes", "bm25,citeqa"])
    assert exited.value.code == 0
    printed = capsys.readouterr().out
    assert "builtin: 24 questions" in printed
    report = json.loads((tmp_path / "eval" / "out" / "builtin.json").read_text())
    citeqa_row = next(r for r in report["modes"] if r["mode"] == "citeqa")
    assert citeqa_row["hit@5"] >= 0.8  # a floor for a working system, not a tuned target

    with pytest.raises(SystemExit) as exited:
        citeqa_main(["eval", "--corpus", str(tmp_path)])
    assert exited.value.code == 1 and "give --questions FILE" in capsys.readouterr().err
