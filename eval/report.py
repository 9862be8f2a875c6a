"""Print and save an eval run: a rich table, JSON, Markdown and a recall@k plot (PNG)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from citeqa.eval.harness import ModeResult, latency_ms


def rows(results: Sequence[ModeResult], k: int) -> list[dict[str, float | str]]:
    """One flat record per mode: measures, latency p50/p95 (ms) and build time (s)."""
    out: list[dict[str, float | str]] = []
    for r in results:
        p50, p95 = latency_ms(r.latencies)
        record: dict[str, float | str] = {"mode": r.mode}
        record.update({name: round(value, 4) for name, value in r.metrics.items()})
        record.update({"p50_ms": round(p50, 2), "p95_ms": round(p95, 2), "build_s": round(r.build_seconds, 2)})
        out.append(record)
    return out


_COLUMNS = ["mode", "hit@{k}", "recall@{k}", "mrr@10", "ndcg@10", "abstained_unanswerable",
            "abstained_answerable", "abstention_auroc", "p50_ms", "p95_ms", "build_s"]


def _fmt(value: float | str | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return value if isinstance(value, str) else f"{value:.3f}" if value <= 1 else f"{value:.1f}"


def markdown(records: list[dict[str, float | str]], k: int) -> str:
    """The table as GitHub Markdown."""
    columns = [c.format(k=k) for c in _COLUMNS]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_fmt(r.get(c)) for c in columns) + " |" for r in records]
    return "\n".join(lines) + "\n"


def print_table(records: list[dict[str, float | str]], k: int, title: str, console: Console) -> None:
    """Print the table with rich."""
    table = Table(title=title)
    columns = [c.format(k=k) for c in _COLUMNS]
    for column in columns:
        table.add_column(column.replace("abstained_", "abst_"), justify="left" if column == "mode" else "right")
    for record in records:
        table.add_row(*(_fmt(record.get(c)) for c in columns))
    # Wide enough for every column even when output is piped (rich would squeeze it to 80).
    Console(width=max(console.width, 160), file=console.file).print(table)


def save(results: Sequence[ModeResult], k: int, out_dir: Path, name: str) -> list[Path]:
    """Write ``<name>.json``, ``<name>.md`` and ``<name>.png`` (recall@k, k = 1..10, per mode)."""
    import matplotlib

    matplotlib.use("Agg")  # no display here
    import matplotlib.pyplot as plt

    out_dir.mkdir(parents=True, exist_ok=True)
    records = rows(results, k)
    paths = [out_dir / f"{name}.json", out_dir / f"{name}.md", out_dir / f"{name}.png"]
    paths[0].write_text(json.dumps({"k": k, "modes": records}, indent=2) + "\n", encoding="utf-8")
    paths[1].write_text(markdown(records, k), encoding="utf-8")
    figure, axes = plt.subplots(figsize=(6, 4))
    for r in results:
        axes.plot(range(1, len(r.recall_curve) + 1), r.recall_curve, marker="o", label=r.mode)
    axes.set_xlabel("k")
    axes.set_ylabel("recall@k (evidence spans found)")
    axes.set_title(name)
    axes.legend()
    figure.tight_layout()
    figure.savefig(paths[2], dpi=110)
    plt.close(figure)
    return paths
