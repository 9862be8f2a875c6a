"""Choose the abstention threshold once, on several question sets together.

Rule: maximise the mean over sets of Youden's J = (share of answerable questions answered) - (share
of unanswerable questions answered) (Youden, Cancer 1950), so that no set dominates by its size;
among equal J, the lowest threshold (fewer wrong abstentions). Candidates are the observed
confidences.

Usage: ``python -m citeqa.eval.calibrate [--by-article] QUESTIONS RUN [QUESTIONS RUN ...] [--report
QUESTIONS RUN ...]`` with the ``citeqa`` runs written by ``citeqa eval``
(``eval/out/<set>.citeqa.run.jsonl``). Sets after ``--report`` are not used to choose: the figures the
chosen threshold gives on them are printed, each set's and all of them pooled.

``--by-article`` checks the rule on data it did not see: each set's articles (an answerable
question's evidence document; an unanswerable one's id up to its last ``-``, which names the article
it was written on in the shared sets) are dealt into two halves, the threshold is chosen on one half
of every set and the abstention figures are reported on the other half, then the other way round.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from citeqa.eval.errors import QuestionSetError
from citeqa.eval.scoring import Question, auroc, load_questions


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
    missing = [q.id for q in questions if q.id not in runs or "confidence" not in runs[q.id]]
    if missing:
        raise ValueError(f"{run_path} has no citeqa confidence for question {missing[0]!r} "
                         f"({len(missing)} of {len(questions)} missing): not the run of this set")
    return [(bool(q.evidence), float(runs[q.id]["confidence"])) for q in questions]


def article_of(question: Question) -> str:
    """The article a question was written on (see the module docstring)."""
    return question.evidence[0].doc if question.evidence else question.id.rsplit("-", 1)[0]


def halves(questions: Sequence[Question]) -> tuple[list[Question], list[Question]]:
    """Deal a set's articles alternately into two halves (answerable and unanswerable articles
    separately, each in name order), so that each half has both kinds."""
    first: list[Question] = []
    second: list[Question] = []
    for answerable in (True, False):
        articles = sorted({article_of(q) for q in questions if bool(q.evidence) == answerable})
        in_first = set(articles[::2])
        for q in questions:
            if bool(q.evidence) == answerable:
                (first if article_of(q) in in_first else second).append(q)
    return first, second


def _rates(pairs: Sequence[tuple[bool, float]], threshold: float) -> str:
    pos = [c for a, c in pairs if a]
    neg = [c for a, c in pairs if not a]
    return (f"abstains on {sum(c < threshold for c in neg) / max(len(neg), 1):.3f} of unanswerable, "
            f"{sum(c < threshold for c in pos) / max(len(pos), 1):.3f} of answerable, "
            f"AUROC {f'{auroc(pos, neg):.3f}' if pos and neg else 'n/a'} "
            f"({len(pos)} answerable, {len(neg)} unanswerable)")


def main(argv: list[str]) -> None:
    """Print the chosen threshold and, per set, the abstention rates it gives; a file that cannot
    be read or does not match its set exits with a one-line message."""
    try:
        _main(argv)
    except (QuestionSetError, OSError, ValueError, KeyError) as exc:
        sys.exit(f"calibrate: {type(exc).__name__}: {exc} (give QUESTIONS RUN pairs: a question set and the "
                 "citeqa run that `citeqa eval` wrote for it)")


def _main(argv: list[str]) -> None:
    by_article = "--by-article" in argv
    argv = [a for a in argv if a != "--by-article"]
    report: list[str] = []
    asked_report = "--report" in argv
    if asked_report:
        at = argv.index("--report")
        argv, report = argv[:at], argv[at + 1:]
    if len(argv) < 2 or len(argv) % 2 or len(report) % 2 or (asked_report and not report):
        sys.exit(__doc__)
    if by_article and report:
        sys.exit("calibrate: --by-article reports on each set's other half; it takes no --report sets")
    if by_article:
        split = [halves(load_questions(Path(q))) for q in argv[::2]]
        runs = [Path(r) for r in argv[1::2]]
        for chosen_on, reported_on in ((0, 1), (1, 0)):
            threshold, j = choose_threshold([_pairs(h[chosen_on], r) for h, r in zip(split, runs, strict=True)])
            print(f"threshold {threshold:.4f} chosen on half {chosen_on + 1} of every set (mean Youden J {j:.3f}); "
                  f"on half {reported_on + 1}:")
            for path, h, r in zip(argv[::2], split, runs, strict=True):
                print(f"  {path}: {_rates(_pairs(h[reported_on], r), threshold)}")
        return
    sets = [_pairs(load_questions(Path(q)), Path(r)) for q, r in zip(argv[::2], argv[1::2], strict=True)]
    threshold, j = choose_threshold(sets)
    print(f"threshold {threshold:.4f}  mean Youden J {j:.3f}")
    for path, pairs in zip(argv[::2], sets, strict=True):
        pos = [c for a, c in pairs if a]
        neg = [c for a, c in pairs if not a]
        print(f"  {path}: abstains on {sum(c < threshold for c in neg) / max(len(neg), 1):.3f} of unanswerable, "
              f"{sum(c < threshold for c in pos) / max(len(pos), 1):.3f} of answerable")
    if report:
        held_out = [_pairs(load_questions(Path(q)), Path(r)) for q, r in zip(report[::2], report[1::2], strict=True)]
        print("not used to choose:")
        for path, pairs in zip(report[::2], held_out, strict=True):
            print(f"  {path}: {_rates(pairs, threshold)}")
        print(f"  all of them pooled: {_rates([p for pairs in held_out for p in pairs], threshold)}")


if __name__ == "__main__":
    main(sys.argv[1:])
