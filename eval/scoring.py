"""The scoring rule of ``shared/eval/README.md``, as pure functions.

A returned passage *finds* an evidence span when it cites the same document and overlaps the span by
at least half the span's length. Over answerable questions: hit@k, recall@k (share of evidence spans
found in the top k), MRR@10, nDCG@10 (binary gains, ideal = number of evidence spans capped at 10,
ratio capped at 1, as the reference does). Over all questions: the share of unanswerable questions
abstained on, the share of answerable ones wrongly abstained on, and the AUROC of the confidence score
(probability that an answerable question gets a higher confidence than an unanswerable one, ties
counting one half: the Mann-Whitney U statistic, Hanley & McNeil 1982).

The span rule turns each ranked list into binary relevance judgments (one per returned passage);
hit@k and MRR@10 are then computed by trec_eval (``Success@k`` and ``RR@10`` through ir-measures and
pytrec_eval). nDCG@10 is the README's variant (ideal from the number of evidence spans, ratio capped
at 1), which no library computes, so it is written out here beside recall over evidence spans and
the abstention figures. ``tests/eval/test_scoring.py`` checks this module against a hand-worked
example and against ``shared/eval/reference_score.py``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import ir_measures
from ir_measures import RR, Qrel, ScoredDoc, Success
from pydantic import BaseModel, ValidationError

from citeqa.eval.errors import QuestionSetError


class Evidence(BaseModel):
    """A span of the corpus that answers a question (code points, half-open)."""

    doc: str
    text: str
    start: int
    end: int


class Question(BaseModel):
    """One line of a question file; ``evidence == []`` means the right response is to abstain."""

    id: str
    question: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class Cited:
    """A ranked passage as the scorer sees it: document and span."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class RunEntry:
    """One system's response to one question."""

    question_id: str
    abstained: bool
    confidence: float
    passages: tuple[Cited, ...]


def load_questions(path: Path) -> list[Question]:
    """Read a question file (JSON lines, format of ``shared/eval/README.md``).

    Raises:
        QuestionSetError: the file is missing, or a line is not a valid question.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise QuestionSetError(f"cannot read question file {str(path)!r}: {exc.strerror or exc}") from exc
    questions = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            questions.append(Question.model_validate_json(line))
        except ValidationError as exc:
            raise QuestionSetError(f"{path}:{number}: not a question line: {exc.errors()[0]['msg']}") from exc
    if not questions:
        raise QuestionSetError(f"{path} holds no question")
    return questions


def finds(passage: Cited, evidence: Evidence) -> bool:
    """The span rule: same document, overlap >= half the evidence span's length."""
    if passage.doc_id != evidence.doc:
        return False
    overlap = min(passage.end, evidence.end) - max(passage.start, evidence.start)
    return overlap >= 0.5 * (evidence.end - evidence.start)


def relevance(passages: Sequence[Cited], evidence: Sequence[Evidence]) -> list[int]:
    """Binary gain per ranked passage: 1 if it finds any evidence span."""
    return [int(any(finds(p, e) for e in evidence)) for p in passages]


def evidence_metrics(passages: Sequence[Cited], evidence: Sequence[Evidence], k: int) -> dict[str, float]:
    """recall@k and nDCG@10 of one answerable question, the README's way (module docstring)."""
    found = [any(finds(p, e) for p in passages[:k]) for e in evidence]
    gains = relevance(passages[:10], evidence)
    dcg = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, 1))
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(evidence), 10) + 1))
    return {f"recall@{k}": sum(found) / len(evidence), "ndcg@10": min(1.0, dcg / ideal)}


def trec_metrics(questions: Sequence[Question], run: dict[str, RunEntry], k: int) -> dict[str, dict[str, float]]:
    """hit@k and MRR@10 per answerable question, computed by trec_eval on span-rule judgments.

    Each returned passage becomes a document ``r<rank>`` scored by descending rank, judged relevant
    when it finds any evidence span.

    Returns:
        ``{question_id: {"hit@k": 0|1, "mrr@10": float}}``; questions with no passage score 0.
    """
    qrels: list[Qrel] = []
    scored: list[ScoredDoc] = []
    for q in questions:
        passages = run[q.id].passages[: max(k, 10)] if q.id in run else ()
        for rank, passage in enumerate(passages, 1):
            scored.append(ScoredDoc(q.id, f"r{rank}", float(len(passages) - rank + 1)))
            judged = any(finds(passage, e) for e in q.evidence)
            qrels.append(Qrel(q.id, f"r{rank}", int(judged)))
    out = {q.id: {f"hit@{k}": 0.0, "mrr@10": 0.0} for q in questions}
    names = {Success @ k: f"hit@{k}", RR @ 10: "mrr@10"}
    for metric in ir_measures.iter_calc(list(names), qrels, scored):
        out[metric.query_id][names[metric.measure]] = float(metric.value)
    return out


def auroc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """P(positive score > negative score), ties 1/2 (Mann-Whitney U / (n_pos * n_neg))."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def score_run(questions: Sequence[Question], run: dict[str, RunEntry], k: int = 5) -> dict[str, float]:
    """All measures of one run over a question set.

    Args:
        questions: the question set.
        run: responses by question id (a missing id counts as no passage, not abstained).
        k: the cut-off of hit@k and recall@k.

    Returns:
        ``hit@k``, ``recall@k``, ``mrr@10``, ``ndcg@10`` (means over answerable questions), and when
        both kinds exist ``abstained_unanswerable``, ``abstained_answerable``, ``abstention_auroc``.
    """
    empty = RunEntry("", False, 0.0, ())
    answerable = [q for q in questions if q.evidence]
    unanswerable = [q for q in questions if not q.evidence]
    totals: dict[str, float] = {f"hit@{k}": 0.0, f"recall@{k}": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}
    per_question = trec_metrics(answerable, run, k)
    for q in answerable:
        per_question[q.id].update(evidence_metrics(run.get(q.id, empty).passages, q.evidence, k))
        for name, value in per_question[q.id].items():
            totals[name] += value
    out = {name: value / max(len(answerable), 1) for name, value in totals.items()}
    if answerable and unanswerable:
        entry = lambda q: run.get(q.id, empty)  # noqa: E731
        out["abstained_unanswerable"] = sum(entry(q).abstained for q in unanswerable) / len(unanswerable)
        out["abstained_answerable"] = sum(entry(q).abstained for q in answerable) / len(answerable)
        out["abstention_auroc"] = auroc(
            [entry(q).confidence for q in answerable], [entry(q).confidence for q in unanswerable]
        )
    return out


def write_run(path: Path, run: dict[str, RunEntry]) -> None:
    """Write a run in the JSON-lines format ``reference_score.py`` reads."""
    with open(path, "w", encoding="utf-8") as handle:
        for entry in run.values():
            handle.write(json.dumps({
                "id": entry.question_id, "abstained": entry.abstained, "confidence": entry.confidence,
                "passages": [{"doc_id": p.doc_id, "start": p.start, "end": p.end} for p in entry.passages],
            }) + "\n")
