"""Choose the abstention threshold once, on several question sets together.

Rule: maximise the mean over sets of Youden's J = (share of answerable questions answered) - (share
of unanswerable questions answered) (Youden, Cancer 1950), so that no set dominates by its size;
among equal J, the lowest threshold (fewer wrong abstentions). Candidates are the observed
confidences.

Usage: ``python -m citeqa.eval.calibrate QUESTIONS RUN [QUESTIONS RUN ...]`` with the ``citeqa``
runs written by ``citeqa eval`` (``eval/out/<set>.citeqa.run.jsonl``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from citeqa.eval.scoring import Question, load_questions


def youden(confidences: Sequence[tuple[bool, float]], threshold: float) -> float:
    """J of one set: ``(answerable?, confidence)`` pairs, answering when confidence >= threshold."""
    pos = [c for answerable, c in confidences if answerable]
    neg = [c for answerable, c in confidences if not answerable]
    tpr = sum(c >= threshold for c in pos) / max(len(pos), 1)
    fpr = sum(c >= threshold for c in neg) / max(len(neg), 1)
    return tpr - fpr


def choose_threshold(sets: Sequence[Sequence[tuple[bool, float]]]) -> tuple[float, float]:
    """The threshold with the highest mean J over the sets, and that mean J."""
    candidates = sorted({round(c, 6) for pairs in sets for _, c in pairs})
    best = max(candidates, key=lambda t: (sum(youden(p, t) for p in sets) / len(sets), -t))
    return best, sum(youden(p, best) for p in sets) / len(sets)


def _pairs(questions: list[Question], run_path: Path) -> list[tuple[bool, float]]:
    runs = {r["id"]: r for r in map(json.loads, run_path.read_text(encoding="utf-8").splitlines())}
    return [(bool(q.evidence), float(runs[q.id]["confidence"])) for q in questions]


def main(argv: list[str]) -> None:
    """Print the chosen threshold and, per set, the abstention rates it gives."""
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    sets = [_pairs(load_questions(Path(q)), Path(r)) for q, r in zip(argv[::2], argv[1::2], strict=True)]
    threshold, j = choose_threshold(sets)
    print(f"threshold {threshold:.4f}  mean Youden J {j:.3f}")
    for path, pairs in zip(argv[::2], sets, strict=True):
        pos = [c for a, c in pairs if a]
        neg = [c for a, c in pairs if not a]
        print(f"  {path}: abstains on {sum(c < threshold for c in neg) / max(len(neg), 1):.3f} of unanswerable, "
              f"{sum(c < threshold for c in pos) / max(len(pos), 1):.3f} of answerable")


if __name__ == "__main__":
    main(sys.argv[1:])
