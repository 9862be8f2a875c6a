"""The scorer against a hand-worked example and against shared/eval/reference_score.py."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from citeqa.eval.scoring import Cited, Evidence, Question, RunEntry, load_questions, score_run, write_run
from tests.conftest import SHARED, needs_shared

REFERENCE = SHARED / "eval" / "reference_score.py"
QUESTIONS = SHARED / "eval" / "questions.jsonl"


def test_hand_worked_example() -> None:
    e1 = Evidence(doc="a.txt", text="x" * 10, start=100, end=110)
    e2 = Evidence(doc="b.txt", text="x" * 20, start=0, end=20)
    questions = [
        Question(id="q1", question="two spans", evidence=[e1, e2]),
        Question(id="q2", question="one span", evidence=[e1]),
        Question(id="q3", question="unanswerable", evidence=[]),
    ]
    run = {
        # q1: rank 1 misses (overlap 4 < 5), rank 2 finds e1 (overlap 5 = half), rank 3 finds e2.
        "q1": RunEntry("q1", False, 0.9, (Cited("a.txt", 106, 200), Cited("a.txt", 95, 105), Cited("b.txt", 5, 30))),
        # q2: wrong document only.
        "q2": RunEntry("q2", True, 0.2, (Cited("b.txt", 100, 110),)),
        "q3": RunEntry("q3", True, 0.3, ()),
    }
    got = score_run(questions, run, k=2)
    # hit@2: q1 yes (rank 2), q2 no -> 0.5. recall@2: q1 finds 1 of 2, q2 0 -> 0.25.
    # MRR: q1 1/2, q2 0 -> 0.25. nDCG@10 q1: (1/log2 3 + 1/log2 4) / (1 + 1/log2 3); q2: 0.
    ndcg_q1 = (1 / math.log2(3) + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert got["hit@2"] == 0.5
    assert got["recall@2"] == 0.25
    assert got["mrr@10"] == 0.25
    assert got["ndcg@10"] == pytest.approx(ndcg_q1 / 2)
    assert got["abstained_unanswerable"] == 1.0
    assert got["abstained_answerable"] == 0.5
    # Confidences: answerable 0.9, 0.2 vs unanswerable 0.3 -> one of two pairs ordered right.
    assert got["abstention_auroc"] == 0.5


@needs_shared
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matches_the_reference_scorer(tmp_path: Path, seed: int) -> None:
    questions = load_questions(QUESTIONS)
    rng = random.Random(seed)
    docs = sorted({e.doc for q in questions for e in q.evidence})
    run = {}
    for q in questions:
        passages = []
        for _ in range(rng.randint(0, 10)):
            if q.evidence and rng.random() < 0.4:
                e = rng.choice(q.evidence)
                start = e.start + rng.randint(-30, 30)
                passages.append(Cited(e.doc, max(0, start), max(0, start) + rng.randint(1, 200)))
            else:
                start = rng.randint(0, 3000)
                passages.append(Cited(rng.choice(docs), start, start + rng.randint(1, 400)))
        run[q.id] = RunEntry(q.id, rng.random() < 0.3, round(rng.random(), 2), tuple(passages))
    write_run(tmp_path / "run.jsonl", run)
    for k in (1, 5):
        reference = json.loads(subprocess.run(
            [sys.executable, str(REFERENCE), str(QUESTIONS), str(tmp_path / "run.jsonl"), str(k)],
            check=True, capture_output=True, text=True,
        ).stdout)
        ours = score_run(questions, run, k=k)
        assert set(ours) == set(reference)
        for name, value in reference.items():
            assert ours[name] == pytest.approx(value, abs=1e-4), name


def test_halves_split_by_article_never_straddle() -> None:
    from citeqa.eval.calibrate import article_of, halves

    def q(qid: str, doc: str | None) -> Question:
        evidence = [{"doc": doc, "text": "x", "start": 0, "end": 1}] if doc else []
        return Question.model_validate({"id": qid, "question": "?", "evidence": evidence})

    questions = [q(f"a-{i}", f"doc{i % 4}.txt") for i in range(12)] + [q(f"u{j}-{i}", None) for j in (1, 2) for i in range(3)]
    first, second = halves(questions)
    assert sorted(x.id for x in first + second) == sorted(x.id for x in questions)
    assert not {article_of(x) for x in first} & {article_of(x) for x in second}
    for half in (first, second):  # each half has answerable and unanswerable questions
        assert any(x.evidence for x in half) and any(not x.evidence for x in half)
