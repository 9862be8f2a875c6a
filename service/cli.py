"""The ``citeqa`` command line: ``index``, ``info``, ``serve``, ``ask``, ``history``, ``restore``, ``mcp``, ``eval``.

Every command takes ``--corpus DIR --index DIR`` over the settings' defaults (``CITEQA_*``
environment variables, ``.env``). Errors print ``TypeName: message`` on stderr and exit 1.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from citeqa.corpus.errors import CorpusError, CorpusNotFoundError
from citeqa.index.errors import IndexStoreError
from citeqa.index.store import read_manifest
from citeqa.service.client import CiteqaError
from citeqa.service.errors import DocumentNotFoundError, OpenBindError, PortInUseError, ServiceError, SettingsError
from citeqa.service.schemas import AskResponse
from citeqa.service.settings import Settings, is_loopback

cli = typer.Typer(
    name="citeqa",
    help="Answer questions with passages of a document collection, each with an exact citation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: lines are not broken at 80 columns when the output goes to a pipe or a file (rich's
# width there), so that a script or grep sees a passage's header and text whole. emoji=False: rich
# would print ":warning:" in a document as an emoji, and a quote must read as cited.
out = Console(soft_wrap=True, emoji=False)
err = Console(stderr=True, soft_wrap=True, emoji=False)


def say(message: str) -> None:
    """A status line on stderr, printed as it is (paths may hold [brackets], which rich reads as markup)."""
    err.print(f"citeqa: {escape(message)}", soft_wrap=True)


CorpusOpt = Annotated[Path | None, typer.Option("--corpus", help="corpus folder [CITEQA_CORPUS_DIR]")]
IndexOpt = Annotated[Path | None, typer.Option("--index", help="index folder [CITEQA_INDEX_DIR]")]


def make_settings(corpus: Path | None, index: Path | None, **overrides: Any) -> Settings:
    """Settings from the environment with the CLI's flags on top (None means: keep the default).

    Raises:
        pydantic.ValidationError: a value is out of range.
        SettingsError: an index folder that cannot work, or key settings that cannot be used
            (:meth:`Settings.check_locations`, :meth:`Settings.keys`).
    """
    values = {"corpus_dir": corpus, "index_dir": index, **overrides}
    settings = Settings(**{k: v for k, v in values.items() if v is not None})
    if "corpus_dir" not in settings.model_fields_set:
        # No corpus given anywhere: an existing index serves the corpus it was built from, rather
        # than being rebuilt from the built-in one.
        try:
            recorded = Path(read_manifest(settings.index_dir).corpus_dir)
        except IndexStoreError:
            recorded = None
        if recorded is not None and not recorded.is_dir():
            # Falling back to the built-in corpus would rebuild this index from other documents.
            raise CorpusNotFoundError(
                f"the index in {str(settings.index_dir)!r} was built from corpus folder {str(recorded)!r}, "
                "which no longer exists; pass --corpus DIR to serve (and re-index) another folder"
            )
        if recorded is not None and recorded != settings.corpus_dir:
            say(f"using corpus {recorded} (recorded in the index at {settings.index_dir})")
            settings = settings.model_copy(update={"corpus_dir": recorded})
    settings.check_locations()
    settings.keys()  # an unreadable keys file, or keys that hold no key: said now, not after loading
    settings.apply_environment()
    return settings


@cli.command()
def index(
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    full: Annotated[bool, typer.Option("--full", help="embed every document again, reusing nothing")] = False,
    ray: Annotated[str | None, typer.Option(
        "--ray", metavar="ADDRESS",
        help="read, chunk and embed on a Ray cluster: 'auto' or the head's host:port (needs citeqa[ray]) "
        "[CITEQA_RAY_ADDRESS]")] = None,
) -> None:
    """Bring the index of a corpus folder up to date: embed added and changed documents, drop
    removed ones (or, with --full, rebuild everything). Every file is indexed or listed with the
    reason it was skipped. With --ray the work runs on a Ray cluster and this process writes the
    same index a local build writes."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from citeqa.corpus.reader import list_corpus_files
    from citeqa.index.errors import IndexStoreError
    from citeqa.index.store import build_lock, load_index
    from citeqa.service.engine import ensure_index, index_problem, load_encoder, read_settings_corpus

    settings = make_settings(corpus, index, ray_address=ray)
    started = time.perf_counter()
    problem = index_problem(settings)  # cheap: hashes the files, extracts nothing
    if not full and problem is None:
        try:
            stored = load_index(settings.index_dir)
        except IndexStoreError:
            problem = "unreadable index"
        else:
            m = stored.manifest
            out.print(f"index is up to date: {m.n_documents} documents, {m.n_chunks} chunks "
                      f"({len(m.skipped)} skipped), built {m.built_at} -> {escape(str(stored.path))}", soft_wrap=True)
            return
    why = "rebuilding the index (--full)" if full else f"updating the index ({problem})"
    say(why)
    total = len(list_corpus_files(settings.corpus_dir))
    address = settings.ray_address  # --ray, else CITEQA_RAY_ADDRESS
    if address is not None:
        from citeqa.index import distributed
        from citeqa.service.ray_cluster import connect, require_free_cpus

        connect(address)
        require_free_cpus(settings.ray_embedders * settings.ray_embedder_cpus,
                          f"{settings.ray_embedders} embedder actors of {settings.ray_embedder_cpus} CPU")
        say(f"on the Ray cluster at {address}")
    # The read and the build as one: a build that overlapped another could swap in an older
    # snapshot of the corpus last (see build_lock).
    with build_lock(settings.index_dir, on_wait=say):
        with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task("", total=total)
            def advance(doc_id: str) -> None:
                progress.update(task, advance=1, description=doc_id)
            docs = (distributed.read_corpus_on_ray(settings.corpus_dir, encoding=settings.encoding, on_file=advance)
                    if address is not None else read_settings_corpus(settings, on_file=advance))
        for skipped in docs.skipped:
            err.print(f"[yellow]skipped[/] {escape(skipped.doc_id)}: {escape(skipped.reason)}", soft_wrap=True)
        if address is not None:
            embed_texts = distributed.ray_embedder(
                settings.model, settings.backend, cache_dir=settings.model_cache_dir, batch_size=settings.batch_size,
                ray_batch_size=settings.ray_batch_size, embedders=settings.ray_embedders, cpus=settings.ray_embedder_cpus)
            stored = ensure_index(settings, docs, None, force=True, full=full, show_progress=True,
                                  chunk_documents=distributed.chunk_on_ray, embed_texts=embed_texts)
        else:
            stored = ensure_index(settings, docs, load_encoder(settings), force=True, full=full, show_progress=True)
    m = stored.manifest
    formats: dict[str, int] = {}
    for entry in m.documents.values():
        formats[entry.format] = formats.get(entry.format, 0) + 1
    by_format = ", ".join(f"{n} {name}" for name, n in sorted(formats.items()))
    out.print(
        f"indexed {m.n_documents} documents ({by_format}) into {m.n_chunks} chunks "
        f"({len(m.skipped)} skipped) in {time.perf_counter() - started:.1f} s (embedding and writing "
        f"{m.build_seconds:.1f} s; {m.n_chunks - m.reused_chunks} chunks new, {m.reused_chunks} kept "
        f"from the previous version) -> {stored.path}",
        soft_wrap=True,
    )
    empty = [doc_id for doc_id, entry in m.documents.items() if entry.chunks == 0]
    if empty:
        err.print(f"[yellow]note[/]: {len(empty)} document(s) gave no passage (only boilerplate): "
                  + escape(", ".join(empty[:5])) + (" ..." if len(empty) > 5 else ""), soft_wrap=True)


@cli.command()
def info(corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """Say where the index of a corpus folder is, what it holds, and whether it is up to date
    (cheap: reads the manifest and hashes the files; loads neither FAISS nor the model)."""
    from citeqa.index.errors import IndexStoreError
    from citeqa.index.store import current_version
    from citeqa.service.engine import index_problem, rebuild_command

    settings = make_settings(corpus, index)
    if not settings.corpus_dir.is_dir():
        raise CorpusNotFoundError(f"corpus folder {str(settings.corpus_dir)!r} does not exist")
    out.print(f"corpus: {escape(str(settings.corpus_dir))}", soft_wrap=True, highlight=False)
    out.print(f"index:  {escape(str(settings.index_dir))}", soft_wrap=True, highlight=False)
    problem = index_problem(settings)
    try:
        m = read_manifest(settings.index_dir)
        version = current_version(settings.index_dir)
    except IndexStoreError:
        out.print(f"state:  {escape(str(problem))}; `{escape(rebuild_command(settings))}` builds it "
                  "(citeqa ask, serve and mcp do too)", soft_wrap=True, highlight=False)
        return
    formats: dict[str, int] = {}
    for entry in m.documents.values():
        formats[entry.format] = formats.get(entry.format, 0) + 1
    by_format = ", ".join(f"{n} {name}" for name, n in sorted(formats.items()))
    out.print(f"holds:  {m.n_documents} documents ({by_format}), {m.n_chunks} passages, {len(m.skipped)} skipped; "
              f"model {m.model} ({m.backend}), chunks {m.chunking.chunk_size}/{m.chunking.chunk_overlap}",
              soft_wrap=True, highlight=False)
    out.print(f"built:  {m.built_at} (version {version.name})", soft_wrap=True, highlight=False)
    state = "up to date" if problem is None else f"{problem}; `{rebuild_command(settings)}` brings it up to date"
    state = escape(state)  # paths and file names may hold [brackets]
    out.print(f"state:  {state}", soft_wrap=True, highlight=False)


@cli.command()
def serve(
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    host: Annotated[str | None, typer.Option(help="bind address [CITEQA_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="port [CITEQA_PORT]")] = None,
    allow_open_bind: Annotated[bool, typer.Option(
        "--allow-open-bind", help="bind a non-loopback address without API keys (a proxy in front does auth) "
        "[CITEQA_ALLOW_OPEN_BIND]")] = False,
    writable: Annotated[bool, typer.Option(
        "--writable", help="let PUT/DELETE /documents and restores change the corpus folder (default: read-only); "
        "beyond loopback only with a write-scoped key [CITEQA_WRITABLE]")] = False,
    keys_file: Annotated[Path | None, typer.Option(
        "--keys-file", help="TOML file of named API keys with scopes and document globs [CITEQA_KEYS_FILE]")] = None,
    watch: Annotated[bool, typer.Option("--watch", help="re-index when the corpus folder changes [CITEQA_WATCH]")] = False,
    ray: Annotated[str | None, typer.Option(
        "--ray", metavar="ADDRESS",
        help="serve as replicas on a Ray cluster behind Ray Serve: 'auto' or the head's host:port "
        "(needs citeqa[ray]) [CITEQA_RAY_ADDRESS]")] = None,
    replicas: Annotated[int, typer.Option(min=1, help="replicas of the app (and of each shard) with --ray")] = 2,
    shards: Annotated[int, typer.Option(
        min=0, help="with --ray: split the index's rows over N shard deployments, the app replicas routing "
        "to them (0: every replica holds the whole index)")] = 0,
    workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="server processes on the port, each with the model and the index; more "
        "answer more questions at once on several cores [CITEQA_WORKERS]")] = None,
) -> None:
    """Build the index if needed, then serve the HTTP API (in this process, in several worker
    processes, or with --ray as replicas on a Ray cluster, sharded or not, answering exactly as one
    process does)."""
    import uvicorn

    from citeqa.service.app import create_app
    from citeqa.service.engine import Engine, tune_threads_for_serving

    flags = {"allow_open_bind": True} if allow_open_bind else {}
    flags |= {"writable": True} if writable else {}
    settings = make_settings(corpus, index, host=host, port=port, ray_address=ray, workers=workers, **flags,
                             keys_file=keys_file, **({"watch": True} if watch else {}))
    refuse_open_bind(settings)  # before loading anything
    from citeqa.service.settings import check_write_mode, corpus_ids

    # The keys' globs against the corpus, and writes beyond loopback: said now, not after loading.
    check_write_mode(settings, settings.key_ring(corpus_ids(settings) if settings.keys_file is not None else None))
    if shards and settings.ray_address is None:
        raise SettingsError("--shards needs --ray (one process holds the whole index)")
    if settings.workers > 1 and settings.ray_address is not None:
        raise SettingsError("--workers is for one machine; with --ray, --replicas sets how many processes serve")
    if settings.workers > 1 and settings.reload_interval == 0:
        raise SettingsError("--workers needs CITEQA_RELOAD_INTERVAL above 0: a worker learns of a version another "
                            "one built (a document written through it) by polling the index")
    if settings.workers > 1 and settings.watch:
        raise SettingsError("--watch needs one worker (each would re-index); with several, run `citeqa index` "
                            "when the corpus changes: every worker picks up the new version")
    check_port(settings.host, settings.port)
    if settings.ray_address is not None:
        serve_on_ray(settings, replicas, shards)
        return
    if settings.workers > 1:
        from citeqa.service import workers as worker_processes

        prepare_index(settings)  # once, here, not by every worker
        m = read_manifest(settings.index_dir)
        out.print(f"citeqa: {m.n_documents} documents, {m.n_chunks} chunks, built {m.built_at}")
        out.print(f"citeqa: {settings.workers} workers loading; serving on http://{settings.host}:{settings.port}  "
                  "(API docs: /docs)", soft_wrap=True)
        say(write_mode(settings))
        worker_processes.run(settings, settings.workers)
        return
    engine = Engine.start(settings, show_progress=True, on_status=say)
    tune_threads_for_serving(settings)
    engine.warm_up()
    m = engine.retriever.index.manifest
    out.print(f"citeqa: {m.n_documents} documents, {m.n_chunks} chunks, built {m.built_at}")
    out.print(f"citeqa: serving on http://{settings.host}:{settings.port}  (API docs: /docs)")
    say(write_mode(settings))
    uvicorn.run(create_app(settings, engine=engine), host=settings.host, port=settings.port, log_level="info")


def serve_on_ray(settings: Settings, replicas: int, shards: int = 0) -> None:
    """``citeqa serve --ray``: bring the index up to date here (replicas and shards only load
    it), then deploy them on the cluster and wait for Ctrl-C."""
    from citeqa.service import ray_serve
    from citeqa.service.ray_cluster import connect

    if settings.watch:
        raise SettingsError("--watch is not available with --ray: run `citeqa index --ray` when the corpus changes "
                            "(the replicas pick up each new index version)")
    assert settings.ray_address is not None
    connect(settings.ray_address, env=ray_serve.PROXY_ENV)
    ray_serve.preflight(settings, replicas, shards)  # before building: say now what cannot run
    prepare_index(settings)  # built once here, not by every replica
    layout = f"{replicas} replicas" + (f" routing to {shards} shards x {replicas} replicas" if shards else "")
    ray_serve.run(settings, replicas, shards, on_deployed=lambda: out.print(
        f"citeqa: {layout} on the Ray cluster at {settings.ray_address}, serving on "
        f"http://{settings.host}:{settings.port}  (GET /readyz says when they are loaded)", soft_wrap=True))


def prepare_index(settings: Settings) -> None:
    """Bring the index up to date before several processes load it (workers, Ray replicas), or
    refuse a missing or stale one under ``rebuild = never``.

    Raises:
        IndexMismatchError: ``rebuild`` is ``never`` and the index is missing or stale.
        citeqa.corpus.errors.CorpusError: the corpus folder is missing or has no readable file.
    """
    from citeqa.index.store import build_lock
    from citeqa.service.engine import ensure_index, index_problem, load_encoder, read_settings_corpus, refuse_if_unusable

    if settings.rebuild == "never":
        refuse_if_unusable(settings)
    elif index_problem(settings) is not None:
        model = load_encoder(settings)
        with build_lock(settings.index_dir, on_wait=say):  # the read and the build as one (see build_lock)
            ensure_index(settings, read_settings_corpus(settings), model, show_progress=True,
                         on_build=lambda reason: say(f"building the index ({reason})"))


@cli.command("ray-local")
def ray_local(
    nodes: Annotated[int, typer.Option(min=1, max=16, help="nodes, head included")] = 2,
    cpus: Annotated[int, typer.Option(min=1, help="CPUs each node offers")] = 1,
) -> None:
    """Start a Ray cluster of several nodes on this machine, all on 127.0.0.1, for trying
    `citeqa index --ray` and `citeqa serve --ray` (needs citeqa[ray]); runs until Ctrl-C."""
    import time

    from citeqa.service.ray_cluster import start_local_cluster

    cluster = start_local_cluster(nodes=nodes, cpus_per_node=cpus)
    try:
        out.print(f"citeqa: {nodes} Ray nodes on 127.0.0.1, head at {cluster.address}")
        out.print(f"  citeqa index --ray {cluster.address}\n  citeqa serve --ray {cluster.address} --replicas 2\n"
                  "Ctrl-C stops the cluster.", soft_wrap=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        import ray

        ray.shutdown()  # leave the cluster as a driver first: Ray refuses to stop a node it is joined to
        cluster.shutdown()


def check_port(host: str, port: int) -> None:
    """Fail at once when the address cannot be bound, not after loading the index and model.

    Binds and releases it the way uvicorn will bind it (``SO_REUSEADDR``), so a port that only
    lingers in TIME_WAIT is not refused.

    Raises:
        PortInUseError: another process listens there, or the address is not this machine's.
    """
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortInUseError(f"cannot serve on {host}:{port}: {exc.strerror or exc}; pick another "
                                 "with --port (CITEQA_PORT), or stop what uses it") from exc


def write_mode(settings: Settings) -> str:
    """The status line that says whether the server may change the corpus folder."""
    if not settings.writable:
        return "read-only: PUT/DELETE /documents answer 403 (restart with --writable to accept writes)"
    return (f"writable: documents may be added, replaced and deleted in {settings.corpus_dir}; every earlier "
            f"version is kept in {settings.index_dir / 'history'} (citeqa restore DOC_ID)")


def refuse_open_bind(settings: Settings) -> None:
    """Refuse to serve a non-loopback address without API keys, as Jupyter refuses an open bind
    without a token: anyone who can reach the port could read every document.

    Raises:
        OpenBindError: bound beyond loopback, no key, and no ``allow_open_bind``.
    """
    if not is_loopback(settings.host) and not settings.keys() and not settings.allow_open_bind:
        raise OpenBindError(
            f"refusing to serve {settings.host} without API keys: anyone who reaches the port could read every "
            "document. Set CITEQA_API_KEYS (or CITEQA_API_KEYS_FILE), or pass --allow-open-bind "
            "(CITEQA_ALLOW_OPEN_BIND=1) when a proxy in front authenticates"
        )


@cli.command()
def ask(
    question: Annotated[str, typer.Argument(help="the question")],
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    k: Annotated[int | None, typer.Option("-k", "--k", help="passages to return")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print the API's JSON")] = False,
    no_abstain: Annotated[bool, typer.Option("--no-abstain", help="show the top k even if nothing answers")] = False,
    url: Annotated[str | None, typer.Option(
        "--url", help="ask a running citeqa service instead of loading the index here [CITEQA_URL]")] = None,
) -> None:
    """Ask a question; print the cited passages, or say that nothing answers."""
    if url is not None or (corpus is None and index is None and Settings().url):
        # A running service answers in milliseconds: load nothing here (no index, no model).
        settings = Settings() if url is None else Settings(url=url)
        assert settings.url is not None
        key = settings.api_key.get_secret_value() if settings.api_key is not None else None
        response = _ask_service(settings.url, key, question, k, not no_abstain)
    else:
        from citeqa.service.engine import Engine, check_request

        settings = make_settings(corpus, index)
        check_request(settings, question, k)  # before loading a model or building an index
        # Quiet unless the index has to be (re)built, which takes a while and replaces what is on disk.
        engine = Engine.start(settings, on_status=lambda s: say(s) if s.startswith("building") else None)
        response = engine.ask(question, k, abstain=not no_abstain)
    if json_out:
        print(response.model_dump_json(indent=2))
        return
    if not response.passages:
        out.print(f"Nothing in the corpus answers this (confidence {response.confidence:.3f}).")
        return
    if response.answered:
        out.print(f"[dim]confidence {response.confidence:.3f}[/]")
    else:  # --no-abstain: shown although judged not to answer
        out.print(f"[bold]Not answered (confidence {response.confidence:.3f}, below the threshold): shown because "
                  "of --no-abstain; these passages may not answer the question.[/]")
    for rank, p in enumerate(response.passages, 1):
        weak = "  [dim](weak: far below the best passage)[/]" if p.weak else ""
        out.print(f"[bold]{rank}. {escape(p.doc_id)} [{p.start}:{p.end}][/]  score {p.score:.3f}{weak}")
        out.print(escape(p.text), highlight=False, soft_wrap=True)
        out.print(f"[dim]quote [{p.quote.start}:{p.quote.end}]:[/] {escape(p.quote.text)}", highlight=False, soft_wrap=True)
        out.print()


def _ask_service(url: str, api_key: str | None, question: str, k: int | None, abstain: bool) -> AskResponse:
    """``POST /ask`` to a running service (loads neither the index nor the model here).

    Raises:
        CiteqaUnreachableError: nothing answers at ``url``.
        CiteqaError: the service refused the question (its detail is the message).
    """
    from citeqa.service.client import CiteqaClient

    try:
        return CiteqaClient(url=url, api_key=api_key).ask(question, k, abstain)
    except CiteqaError as exc:
        if exc.status != 401:
            raise
        # The service speaks of the HTTP header; from the command line the key comes from the setting.
        raise CiteqaError(401, exc.error, f"{exc.detail} (citeqa ask sends CITEQA_API_KEY: set it to one of the "
                                          "service's keys)") from None


@cli.command()
def history(
    doc_id: Annotated[str, typer.Argument(help="the document id, as cited")],
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """List the earlier versions of a document kept in the index folder's history, oldest first
    (times in UTC)."""
    from citeqa.service.history import History

    settings = make_settings(corpus, index)
    versions = History(settings.index_dir).versions(doc_id)
    if not versions:
        try:
            indexed = doc_id in read_manifest(settings.index_dir).documents
        except IndexStoreError:
            indexed = False
        if not indexed:  # as GET /documents/{id}/history: a 404 for an id that is nowhere
            raise DocumentNotFoundError(f"no document {doc_id!r} in the index of {settings.corpus_dir} and no earlier "
                                        f"version in {settings.index_dir / 'history'} (another corpus? --corpus DIR)")
        out.print(f"no earlier version of {escape(doc_id)} is stored (it has not been replaced or deleted)",
                  highlight=False)
        return
    for v in versions:
        out.print(f"{v.saved_at}  {v.sha256[:12]}  {v.size:>10} bytes  {v.action:<8} by {escape(v.key or '-')}",
                  highlight=False)


@cli.command()
def restore(
    doc_id: Annotated[str, typer.Argument(help="the document id, as cited")],
    at: Annotated[str | None, typer.Option(
        "--at", metavar="TIME", help="the version that was in the corpus at this ISO 8601 time "
        "(2026-12-07T10:00; no zone: local time)")] = None,
    sha: Annotated[str | None, typer.Option(
        "--sha", help="the version whose sha256 starts with these hex digits (`citeqa history` lists them)")] = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Put an earlier version of a document back into the corpus folder (the newest saved one
    unless --at or --sha says), saving the bytes it replaces, then bring the index up to date.
    A running server picks the new version up."""
    from citeqa.service.engine import Engine
    from citeqa.service.history import digest_prefix, parse_time
    from citeqa.service.writes import restore_document

    if at is not None and sha is not None:
        raise typer.BadParameter("give --at or --sha, not both")
    when = parse_time(at) if at is not None else None
    if sha is not None:
        digest_prefix(sha)  # said before the model loads
    settings = make_settings(corpus, index)
    engine = Engine.start(settings, on_status=say)
    updated, version = restore_document(engine, doc_id, when, sha)
    out.print(f"restored {escape(doc_id)} to version {version.sha256[:12]} ({version.size} bytes, saved "
              f"{version.saved_at} by a {version.action}); index version {updated.index.path.name}", highlight=False)


@cli.command()
def mcp(corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """Serve citeqa as an MCP server over stdio (for an MCP client such as an assistant app)."""
    from citeqa.service.engine import Engine, tune_threads_for_serving
    from citeqa.service.mcp_server import build_mcp_server

    settings = make_settings(corpus, index)
    # stdout is the protocol channel: status goes to stderr.
    engine = Engine.start(settings, on_status=say)
    tune_threads_for_serving(settings)
    build_mcp_server(lambda: engine, settings).run("stdio")


#: The entry point group of commands other packages add to ``citeqa``. Each entry names a function
#: that takes the Typer app, adds its commands and returns the error types they report as
#: ``Type: message``. citeqa's own eval adds ``citeqa eval`` this way (pyproject.toml), so the
#: service never imports eval and runs without it.
COMMANDS_GROUP = "citeqa.commands"
_PLUGINS: dict[str, tuple[type[Exception], ...]] = {}  # loaded once per process


def load_commands(app: typer.Typer = cli) -> tuple[type[Exception], ...]:
    """Add the commands of the ``citeqa.commands`` entry points to ``app`` (once per process).

    Returns:
        The error types the added commands report as ``Type: message``.
    """
    from importlib.metadata import entry_points

    for entry in entry_points(group=COMMANDS_GROUP):
        if entry.name in _PLUGINS:
            continue
        try:
            register = entry.load()
        except ImportError:  # its package (or an optional dependency of it) is not installed
            _PLUGINS[entry.name] = ()
            continue
        _PLUGINS[entry.name] = tuple(register(app))
    return tuple(error for errors in _PLUGINS.values() for error in errors)


def main(argv: list[str] | None = None, *, known_errors: tuple[type[Exception], ...] = ()) -> None:
    """Entry point of the ``citeqa`` script: run a command, turn known errors into ``Type: message``.

    Usage errors (missing argument, bad option value, unknown command) are typer's: a usage line
    and exit code 2. Errors of citeqa, bad settings, and ``known_errors`` print ``Type: message``
    on stderr and exit 1; anything else is a bug and keeps its traceback.

    Args:
        argv: the arguments (default ``sys.argv[1:]``).
        known_errors: more exception types to report as ``Type: message`` (besides those of the
            commands :func:`load_commands` adds).
    """
    known_errors = (*known_errors, *load_commands(cli))
    try:
        # standalone mode: typer prints usage errors itself and raises SystemExit; other
        # exceptions come through to the handlers below.
        cli(args=argv, standalone_mode=True, prog_name="citeqa")
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        print(f"SettingsError: {details}", file=sys.stderr)
        sys.exit(1)
    # OSError stays: the expected ones are the user's (a file or folder that cannot be read or
    # written, a full disk, a port or Ray head that does not answer: ConnectionError), and each
    # says which path or address. No bare ValueError: citeqa raises its own types for what a user
    # got wrong, so a ValueError here is a bug and keeps its traceback.
    except (CorpusError, IndexStoreError, ServiceError, CiteqaError, OSError, *known_errors) as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
