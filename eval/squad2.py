"""Abstention sets on many corpora, made from SQuAD 2.0 files: what the threshold is chosen on.

The shared sets are one corpus each, and the project's earlier choices were made on them. To choose
the abstention threshold on data that none of the reported sets shares, this builds twelve corpora
of other SQuAD 2.0 articles, of 1 to 9 articles each (small corpora make coverage easy, large ones
make a topically close passage likely), each with a question set in the format of
``shared/eval/README.md``:

- answerable: 25 questions per article in the corpus that has an answer (evidence: the crowd
  worker's first answer span, placed in the article's file);
- unanswerable: 10 questions per article of the same half that is not in the corpus (questions of
  another article; both kinds of SQuAD question, since neither is answered here), ids
  ``<article>-<n>`` so that ``calibrate --by-article`` groups them by article;
- ``impossible.jsonl`` beside it: the same answerable questions and 8 per article of SQuAD 2.0's own
  unanswerable questions *on an article in the corpus* (on-topic near misses), reported apart.

The articles are dealt into two halves (alternately, in name order); every corpus draws on one half
only, so choosing on one half and reporting on the other is split by article. Articles with answers
(a development file) give answerable questions; articles without (the CS224n test half, whose
answers are withheld) serve as other documents of the corpus and as unanswerable questions.
SQuAD-A's eight articles are left out by default, so SQuAD-A stays a held-out set.

``paraphrased.jsonl`` beside the two largest corpora's sets (number 4 of each half): 30 of their
questions each (20 answerable, 10 not) asked in other words, from
``eval/questions/squad2-paraphrased.json`` (written by hand for this project: SQuAD question ->
the same question reworded), so that the choice also sees questions that do not share the text's
words.

Usage: ``python -m citeqa.eval.squad2 OUT_DIR SQUAD_JSON [SQUAD_JSON ...]``; then
``citeqa eval --questions OUT_DIR/<name>/questions.jsonl --corpus OUT_DIR/<name>/corpus --modes
citeqa`` for each corpus, and ``python -m citeqa.eval.calibrate`` over the runs (eval/RESULTS.md).
Files: SQuAD 2.0 (Rajpurkar et al., ACL 2018; CC BY-SA 4.0), e.g. the CS224n default project's
``dev-v2.0.json`` and ``test-v2.0.json`` (github.com/chrischute/squad, ``data/``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: SQuAD-A's articles (``shared/bench/squad-A``): left out so that it stays held out.
SQUAD_A_TITLES = frozenset({"Normans", "Huguenot", "1973_oil_crisis", "European_Union_law", "Imperialism",
                            "French_and_Indian_War", "Scottish_Parliament", "Warsaw"})
#: Questions of the sets reworded by hand (SQuAD question -> reworded), see the module docstring.
PARAPHRASES = Path(__file__).resolve().parent / "questions" / "squad2-paraphrased.json"
PARAPHRASED_CORPUS = 4
#: Questions drawn per article: answerable, off-corpus (unanswerable), in-corpus impossible.
ANSWERABLE, OFF_CORPUS, IMPOSSIBLE = 25, 10, 8
SEED = 7


@dataclass
class Article:
    """One SQuAD article as a corpus file: its text and questions with answers placed in it."""

    title: str
    text: str
    answerable: list[dict[str, Any]] = field(default_factory=list)
    impossible: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        """The article's file in a corpus folder: its title in ASCII letters, digits and ``_.-``."""
        return re.sub(r"[^A-Za-z0-9_.-]", "", self.title) + ".txt"


def read_articles(paths: list[Path], exclude: frozenset[str] = SQUAD_A_TITLES) -> dict[str, Article]:
    """The articles of SQuAD 2.0 files as corpus files (title, blank line, paragraphs separated by
    blank lines, as in SQuAD-A), each answerable question with its first answer's span in it.

    Raises:
        ValueError: an answer's text is not at its ``answer_start`` in its paragraph.
    """
    articles: dict[str, Article] = {}
    for path in paths:
        for entry in json.loads(path.read_text(encoding="utf-8"))["data"]:
            if entry["title"] in exclude:
                continue
            text = entry["title"].replace("_", " ")
            article = Article(entry["title"], "")
            for paragraph in entry["paragraphs"]:
                text += "\n\n"
                offset = len(text)
                text += paragraph["context"]
                for qa in paragraph["qas"]:
                    if qa.get("is_impossible"):
                        article.impossible.append(qa["question"])
                    elif qa.get("answers"):
                        answer = qa["answers"][0]
                        start = offset + answer["answer_start"]
                        end = start + len(answer["text"])
                        if text[start:end] != answer["text"]:
                            raise ValueError(f"{path}: answer {answer['text']!r} not at its offset")
                        article.answerable.append({"question": qa["question"], "start": start, "end": end,
                                                   "text": answer["text"]})
                    else:
                        article.other.append(qa["question"])
            article.text = text + "\n"
            articles[article.title] = article
    return articles


def layouts(answered: list[str], others: list[str]) -> list[tuple[list[str], list[str]]]:
    """Six corpora of one half: ``(articles with answerable questions, other articles)``, from one
    to nine articles. Needs 4 answered and 9 other articles."""
    d, t = answered, others
    return [([d[0]], [t[0]]), ([d[1]], []), ([d[2], d[3]], [t[1]]), (d[:3], t[2:5]), (d[:4], t[:5]),
            ([d[3]], t[5:9])]


def build(articles: dict[str, Article], out: Path) -> list[str]:
    """Write every corpus and its question files under ``out``; returns the corpus names.

    Raises:
        ValueError: fewer than 8 articles with answers or 18 without.
    """
    answered = sorted(t for t, a in articles.items() if len(a.answerable) >= ANSWERABLE and len(a.impossible) >= IMPOSSIBLE)
    others = sorted(t for t in articles if t not in answered)
    if len(answered) < 8 or len(others) < 18:
        raise ValueError(f"need 8 articles with answers and 18 others, got {len(answered)} and {len(others)}")
    rng = random.Random(SEED)
    paraphrases: dict[str, str] = json.loads(PARAPHRASES.read_text(encoding="utf-8"))
    names = []
    for half in (0, 1):
        d, t = answered[half::2], others[half::2]
        for number, (with_answers, rest) in enumerate(layouts(d, t)):
            name = f"half{half}-corpus{number}"
            names.append(name)
            corpus = out / name / "corpus"
            corpus.mkdir(parents=True, exist_ok=True)
            for title in with_answers + rest:
                (corpus / articles[title].file_name).write_text(articles[title].text, encoding="utf-8")
            answerable, impossible, unanswerable = [], [], []
            for title in with_answers:
                a = articles[title]
                for i, qa in enumerate(rng.sample(a.answerable, ANSWERABLE)):
                    answerable.append({"id": f"{title}-a{i}", "question": qa["question"], "evidence": [
                        {"doc": a.file_name, "text": qa["text"], "start": qa["start"], "end": qa["end"]}]})
                impossible += [{"id": f"{title}-i{i}", "question": q, "evidence": []}
                               for i, q in enumerate(rng.sample(a.impossible, IMPOSSIBLE))]
            for title in [x for x in d + t if x not in with_answers and x not in rest]:
                a = articles[title]
                # An article with answers: its answerable and impossible questions alike (neither
                # is answered by this corpus); one whose answers are withheld: all its questions.
                pool = [qa["question"] for qa in a.answerable] + a.impossible if a.answerable else a.other
                unanswerable += [{"id": f"{title}-{i}", "question": q, "evidence": []}
                                 for i, q in enumerate(rng.sample(pool, OFF_CORPUS))]
            reworded = [{**r, "question": paraphrases[r["question"]]} for r in answerable + unanswerable
                        if number == PARAPHRASED_CORPUS and r["question"] in paraphrases]
            for file, rows in (("questions.jsonl", answerable + unanswerable), ("impossible.jsonl", answerable + impossible),
                               ("paraphrased.jsonl", reworded)):
                if rows:
                    (out / name / file).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return names


def main(argv: list[str]) -> int:
    """CLI entry (module docstring)."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        names = build(read_articles([Path(p) for p in argv[1:]]), Path(argv[0]))
    except (OSError, ValueError, KeyError, TypeError) as exc:  # JSONDecodeError is a ValueError
        print(f"squad2: {type(exc).__name__}: {exc} (SQuAD 2.0 JSON files expected, e.g. dev-v2.0.json)",
              file=sys.stderr)
        return 1
    print("\n".join(names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
