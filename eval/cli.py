"""``citeqa eval``, which the ``citeqa`` command (service/cli.py) adds through the entry point
group ``citeqa.commands`` (pyproject.toml): data flows corpus -> index -> service, eval beside,
and the service never imports eval.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import httpx
import typer

import citeqa.corpus
from citeqa.eval.errors import EvalError, QuestionSetError
from citeqa.eval.modes import ALL_MODES
from citeqa.service import cli as service_cli


#: citeqa's own question set for the built-in corpus (written for this project, not the shared
#: set): 18 answerable questions with evidence spans, several citing sources that disagree, and 6
#: that nothing in the corpus answers. ``citeqa eval`` uses it when no --questions is given.
BUILTIN_QUESTIONS = Path(__file__).resolve().parent / "questions" / "builtin.jsonl"
BUILTIN_CORPUS = Path(citeqa.corpus.__file__).resolve().parent / "documents"


def default_eval_index(corpus: Path) -> Path:
    """An index folder per corpus, so that evaluating never replaces the served index."""
    digest = hashlib.sha256(str(corpus.resolve()).encode()).hexdigest()[:12]
    return Path(".citeqa") / "eval-index" / f"{corpus.resolve().name}-{digest}"


def eval_command(
    questions: Annotated[Path | None, typer.Option(
        "--questions", help="question file (JSON lines, shared/eval format); default: citeqa's own set for the "
        "built-in corpus")] = None,
    corpus: service_cli.CorpusOpt = None,
    index: service_cli.IndexOpt = None,
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="cut-off of hit@k and recall@k")] = 5,
    modes: Annotated[str, typer.Option("--modes", help=f"comma-separated, from {','.join(ALL_MODES)}")] = ",".join(ALL_MODES),
    out: Annotated[Path, typer.Option("--out", help="folder for JSON, Markdown, PNG and runs")] = Path("eval/out"),
    via_http: Annotated[str | None, typer.Option("--via-http", help="measure the citeqa mode through a running service at URL")] = None,
) -> None:
    """Score every mode on a question set, side by side, and save the table and plot."""
    # Imported here: every other command (ask, serve...) starts without the harness and its peers.
    from citeqa.eval.harness import evaluate
    from citeqa.eval.report import print_table, rows, save
    from citeqa.eval.scoring import load_questions, write_run
    from citeqa.service.engine import Engine

    chosen = [m.strip() for m in modes.split(",") if m.strip()]
    unknown = sorted(set(chosen) - set(ALL_MODES))
    if unknown or not chosen:  # before anything is loaded
        raise typer.BadParameter(f"unknown mode(s) {unknown}; choose from {', '.join(ALL_MODES)}",
                                 param_hint="--modes")
    settings = service_cli.make_settings(corpus, index)
    if questions is None:
        if settings.corpus_dir.resolve() != BUILTIN_CORPUS.resolve():
            raise QuestionSetError(f"give --questions FILE for the corpus {settings.corpus_dir} (the set that ships "
                                   "with citeqa asks about the built-in corpus only)")
        questions = BUILTIN_QUESTIONS
    qs = load_questions(questions)
    if index is None:
        settings = settings.model_copy(update={"index_dir": default_eval_index(settings.corpus_dir)})
    # No query cache: modes take turns on each question, and a cached embedding would make every
    # mode after the first look faster than it is.
    settings = settings.model_copy(update={"query_cache": 0})
    engine = Engine.start(settings, on_status=lambda s: service_cli.err.print(f"citeqa: {s}"))
    results = evaluate(engine, qs, chosen, k=k, via_http=via_http)
    name = questions.resolve().parent.name if questions.stem == "questions" else questions.stem
    records = rows(results, k)
    print_table(records, k, f"{name}: {len(qs)} questions, corpus {settings.corpus_dir}", service_cli.out)
    paths = save(results, k, out, name)
    for result in results:
        write_run(out / f"{name}.{result.mode}.run.jsonl", result.run)
    service_cli.out.print("wrote " + ", ".join(str(p) for p in paths))


def register(app: typer.Typer) -> tuple[type[Exception], ...]:
    """Add ``citeqa eval`` to the ``citeqa`` command (the ``citeqa.commands`` entry point).

    Returns:
        The errors it reports as ``Type: message``: a bad question set, a service that fails.
    """
    app.command("eval")(eval_command)
    return (EvalError, httpx.HTTPError)


def main(argv: list[str] | None = None) -> None:
    """The ``citeqa`` command, eval included (kept for scripts that import it here); ``argv``
    defaults to ``sys.argv[1:]``."""
    service_cli.main(argv)
