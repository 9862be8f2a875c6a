"""Crash safety and tamper resistance of the stored index.

The slow test SIGKILLs real index builds at seeded random moments (model load, chunking, embedding,
writing files, the ``CURRENT`` swap, cleanup) and checks after every kill that the live index still
loads and answers, and after every successful build that no leftovers pile up.

Loading the model takes seconds and embedding the corpus about one, so the child is a small fork
server (a "zygote") that loads the model once: each build is a fork of it, and each kill ends one
fork. Kills in the write phase come in series: one fork chunks and embeds, then forks one writer per
kill at the point where ``build_index`` calls ``write_index``; the writer runs the rest of the build
(``write_index``, then ``load_index``) for real and is killed in it. The fast tests tamper with every
file of an index folder and check that loading refuses with :class:`IndexCorruptError` naming the
file, and that nothing is unpickled.

Run as ``python -m tests.index.test_crash_safety zygote|victim CORPUS INDEX`` this module is the
child process (see :func:`_child_main`).
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import queue
import random
import select
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import faiss
import numpy as np
import pytest

from citeqa.corpus.reader import read_corpus
from citeqa.index import store
from citeqa.index.build import build_index
from citeqa.index.embedding import DEFAULT_MODEL
from citeqa.index.errors import IndexCorruptError
from citeqa.index.manifest import ChunkingParams, stale_reasons
from citeqa.index.retrieval import Retriever
from citeqa.index.store import StoredIndex, load_index, read_manifest, write_index
from tests.conftest import BUILTIN_CORPUS, REFUGEE_DOCS, REFUGEE_QUESTION, ROOT

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL = DEFAULT_MODEL
CHUNKING = ChunkingParams(chunk_size=500, chunk_overlap=100)
SEED = 20261130
#: Each fsync of a forked build is held this long (seconds). On tmpfs an fsync takes microseconds,
#: so without it the whole write phase lasts about a millisecond and random kills would miss it.
STRETCH = 0.03
#: Kills per build step marker (11 markers: 22 kills), plus the kills during model load.
KILLS_PER_MARKER = 2
MODEL_LOAD_KILLS = 2
#: Write-phase kills come in this many series (one chunking and embedding each), each followed by a
#: successful build that must clean up after them.
SERIES = 4
#: Seconds any single child step may take before the test gives up on it.
CHILD_TIMEOUT = 120.0

# Where the last marker before a kill puts it. Each marker is emitted as its step starts.
_PHASES = {
    "start": "reading and chunking",
    "embed": "embedding",
    "write": "writing files",
    "fsync_file:tmp/": "writing files",
    "fsync_dir:tmp": "writing files",
    "fsync_dir:index#1": "CURRENT swap",  # version renamed into place, CURRENT not yet replaced
    "fsync_file:.CURRENT.tmp": "CURRENT swap",
    "fsync_dir:index#2": "after the swap",  # CURRENT replaced, the old version not yet removed
    "written": "after the swap",  # load_index at the end of build_index
    "done": "finished",
}
_BEFORE_WRITE = {"reading and chunking", "embedding"}
_AFTER_SWAP = {"after the swap", "finished"}


def _phase(label: str) -> str:
    return next(phase for prefix, phase in _PHASES.items() if label.startswith(prefix))


# --- the child process ---------------------------------------------------------------------------


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies, so that no build outlives the test."""
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


def _reply(message: object) -> None:
    print(json.dumps(message), flush=True)


def _instrument(fd: int, index_dir: Path) -> Callable[[str], None]:
    """Make this (forked) process write ``"<label> <monotonic time>"`` lines to ``fd`` as each fsync
    of a build starts, holding each for :data:`STRETCH`; returns the function that writes a marker.
    Only markers and the stretch are added: the steps themselves run as in production."""

    def mark(label: str) -> None:
        os.write(fd, f"{label} {time.monotonic()}\n".encode())

    real_fsync_file, real_fsync_dir = store._fsync_file, store._fsync_dir
    index_syncs = 0

    def fsync_file(path: Path) -> None:
        mark("fsync_file:" + ("tmp/" + path.name if path.parent.name.startswith(".tmp-") else path.name))
        time.sleep(STRETCH)
        real_fsync_file(path)

    def fsync_dir(path: Path) -> None:
        nonlocal index_syncs
        if path == index_dir:
            index_syncs += 1
            mark(f"fsync_dir:index#{index_syncs}")
        else:
            mark("fsync_dir:tmp" if path.name.startswith(".tmp-") else f"fsync_dir:{path.name}")
        time.sleep(STRETCH)
        real_fsync_dir(path)

    store._fsync_file, store._fsync_dir = fsync_file, fsync_dir  # type: ignore[assignment]
    return mark


def _full_build(fd: int, corpus_dir: Path, index_dir: Path, model: SentenceTransformer) -> None:
    """The real ``build_index`` from scratch, with markers."""
    from citeqa.index import build

    mark = _instrument(fd, index_dir)
    mark("start")
    real_embed, real_write = build.embed, build.write_index

    def embed(*args: Any, **kwargs: Any) -> Any:
        mark("embed")
        return real_embed(*args, **kwargs)

    def write(*args: Any, **kwargs: Any) -> Any:
        mark("write")
        result = real_write(*args, **kwargs)
        mark("written")
        return result

    build.embed, build.write_index = embed, write  # type: ignore[assignment]
    build_index(read_corpus(corpus_dir), index_dir, model, MODEL, CHUNKING)
    mark("done")


def _build_tail(fd: int, index_dir: Path, args: tuple[Any, ...]) -> None:
    """What ``build_index`` does once it has its vectors: ``write_index``, then ``load_index``."""
    mark = _instrument(fd, index_dir)
    mark("write")
    store.write_index(index_dir, *args)
    mark("written")
    load_index(index_dir)
    mark("done")


def _fork_and_watch(run: Callable[[int], None], anchor: str | None, delay: float) -> dict[str, Any]:
    """Fork ``run(marker_fd)``; if ``anchor`` is given, SIGKILL it ``delay`` seconds after that marker.

    This process, not the test, sends the kill: it is the fork's parent and reaps it only
    afterwards, so the pid cannot have been reused by another process when the signal goes out.
    """
    read_fd, write_fd = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _die_with_parent()
        code = 0
        try:
            run(write_fd)
        except BaseException:
            traceback.print_exc()
            os.write(write_fd, f"failed {time.monotonic()}\n".encode())
            code = 1
        if anchor is not None:
            time.sleep(CHILD_TIMEOUT)  # a kill round always ends with the kill, even after "done"
        os._exit(code)
    os.close(write_fd)
    markers: list[tuple[str, float]] = []
    deadline = started + CHILD_TIMEOUT  # then the fork is killed in any case
    anchor_seen = False
    killed_at: float | None = None
    pending = b""
    while True:
        now = time.monotonic()
        if killed_at is None and now >= deadline:
            os.kill(pid, signal.SIGKILL)
            killed_at = time.monotonic() - started
        timeout = None if killed_at is not None else deadline - now  # once killed, wait for EOF
        if not select.select([read_fd], [], [], timeout)[0]:
            continue
        data = os.read(read_fd, 4096)
        if not data:
            break  # the fork exited or was killed
        pending += data
        *lines, pending = pending.split(b"\n")
        for line in lines:
            label, stamp = line.decode().split(" ")
            markers.append((label, float(stamp) - started))
            if anchor is None or anchor_seen:
                continue
            if label == anchor:
                anchor_seen, deadline = True, float(stamp) + delay
            elif label in ("done", "failed"):
                deadline = time.monotonic()  # the anchor never came: end the round now
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    return {"markers": markers, "killed_at": killed_at, "anchor_seen": anchor_seen,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None}


def _serve_writes(index_dir: Path, *args: Any) -> None:
    """Stand-in for ``write_index`` in a series fork: answer ``{"op": "write"}`` commands by forking
    the rest of the build and killing it, until ``{"op": "end"}``. Never returns."""
    _reply({"ready": time.monotonic()})
    for line in sys.stdin:  # the zygote waits for this fork meanwhile, so stdin is ours alone
        command = json.loads(line)
        if command["op"] == "end":
            break
        _reply(_fork_and_watch(lambda fd: _build_tail(fd, index_dir, args), command["anchor"], command["delay"]))
    os._exit(0)


def _child_main(mode: str, corpus_dir: Path, index_dir: Path) -> None:
    """``zygote``: load the model, then answer one JSON command per stdin line: ``build`` (fork a
    full build, killed at ``anchor`` + ``delay`` if an anchor is given) or ``series`` (fork a build
    that stops where it would write and serves ``write`` commands, see :func:`_serve_writes`).
    ``victim``: load the model, then wait to be killed. Both reply ``{"ready": time}`` once loaded."""
    _die_with_parent()
    from citeqa.index import build
    from citeqa.index.embedding import load_model

    model = load_model(MODEL)
    _reply({"ready": time.monotonic()})
    if mode == "victim":
        time.sleep(CHILD_TIMEOUT)
        return
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "build":
            _reply(_fork_and_watch(lambda fd: _full_build(fd, corpus_dir, index_dir, model),
                                   command["anchor"], command["delay"]))
            continue
        pid = os.fork()
        if pid == 0:
            _die_with_parent()
            build.write_index = _serve_writes  # type: ignore[assignment]
            try:
                build_index(read_corpus(corpus_dir), index_dir, model, MODEL, CHUNKING)
            except BaseException:
                traceback.print_exc()
            os._exit(1)  # _serve_writes ends this fork itself: the build failed before writing
        _, status = os.waitpid(pid, 0)
        _reply({"series_exit": status})


# --- the test side of the slow test ----------------------------------------------------------------


@dataclass
class _Run:
    """What one forked build did (times in seconds from its fork)."""

    markers: list[tuple[str, float]]
    killed_at: float | None
    anchor_seen: bool
    signal: int | None
    exit: int | None

    def killed_phase(self) -> str:
        """The phase the kill landed in: that of the last marker before it."""
        assert self.killed_at is not None
        labels = [label for label, stamp in self.markers if stamp <= self.killed_at]
        return _phase(labels[-1]) if labels else "reading and chunking"


class _Child:
    """A child process of the test: the zygote or a victim, spoken to in JSON lines."""

    def __init__(self, mode: str, corpus_dir: Path, index_dir: Path, log: IO[str]) -> None:
        env = dict(os.environ)
        # One thread: a forked build then never inherits a started OpenMP pool (a fork hazard), and
        # on 2 cores a single-threaded build of this corpus is also the fastest (1.4 s against 1.9).
        env.update(HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
                   TOKENIZERS_PARALLELISM="false", HF_HUB_DISABLE_PROGRESS_BARS="1")
        self.log = log
        self.spawned = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.index.test_crash_safety", mode, str(corpus_dir), str(index_dir)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        # A thread reads stdout so that every wait has a timeout (readline alone could block forever).
        self.reader = threading.Thread(target=self._pump, daemon=True)
        self.reader.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def ask(self, command: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a command (None: just wait) and return the reply."""
        if command is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.write(json.dumps(command) + "\n")
            self.proc.stdin.flush()
        line = self.lines.get(timeout=CHILD_TIMEOUT)
        if line is None:
            raise AssertionError(f"the child exited: {self.tail()}")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def run(self, command: dict[str, Any]) -> _Run:
        reply = self.ask(command)
        run = _Run([(label, stamp) for label, stamp in reply["markers"]], reply["killed_at"],
                   reply["anchor_seen"], reply["signal"], reply["exit"])
        assert "failed" not in dict(run.markers), f"{command} failed: {self.tail()}"
        assert command["anchor"] is None or run.anchor_seen, f"{command} never reached its anchor: {run}"
        return run

    @contextlib.contextmanager
    def series(self) -> Iterator[None]:
        """A build stopped where it would write: :meth:`run` ``{"op": "write"}`` commands in it."""
        assert "ready" in self.ask({"op": "series"}), self.tail()
        yield
        assert self.ask({"op": "end"}) == {"series_exit": 0}, self.tail()

    def replies(self) -> list[str]:
        """The lines not yet read (after :meth:`close`: all that are left)."""
        lines = []
        while not self.lines.empty():
            lines.append(self.lines.get())
        return [line for line in lines if line is not None]

    def tail(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text()[-3000:]

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL; Popen.kill never signals a pid it has already reaped

    def close(self) -> int:
        """End the child (closing stdin ends the zygote's loop) and return its exit status."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return self.proc.returncode


def _edit_corpus(corpus_dir: Path, rng: random.Random, round_no: int) -> None:
    """Append a sentence to one document, so that every build makes a different index. Appending
    keeps every earlier offset valid, so older indexes still cite the files exactly."""
    target = rng.choice(sorted(corpus_dir.iterdir()))
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(f"\n\nArchive note {round_no}: this copy of the page was checked again.\n")


def _assert_answers(stored: StoredIndex, model: SentenceTransformer, corpus_dir: Path) -> None:
    """The index searches, returns rows, and its citations point at the right text."""
    _, rows = stored.faiss_index.search(stored.faiss_index.reconstruct(0)[None, :], 3)
    assert rows[0][0] == 0 and all(0 <= r < len(stored.chunks) for r in rows[0])
    answer = Retriever(model, stored).answer(REFUGEE_QUESTION, k=3, min_confidence=0.0)
    assert answer.hits and {h.chunk.doc_id for h in answer.hits} & REFUGEE_DOCS
    texts = read_corpus(corpus_dir).by_id
    for hit in answer.hits:
        assert texts[hit.chunk.doc_id].text[hit.chunk.start:hit.chunk.end] == hit.chunk.text


def _check_after_kill(
    index_dir: Path, corpus_dir: Path, model: SentenceTransformer, live: StoredIndex, phase: str
) -> StoredIndex:
    """The index still loads and answers: the previous version exactly or, if the kill came after
    the swap, the complete new one; never a mixture, never an error. Returns the live index."""
    stored = load_index(index_dir)
    if stored.path == live.path:
        assert phase not in _AFTER_SWAP, f"killed {phase}, but CURRENT still names the old version"
        assert stored.manifest == live.manifest and stored.chunks == live.chunks
    else:
        assert phase in _AFTER_SWAP | {"CURRENT swap"}, f"killed {phase}, but CURRENT moved"
        assert stale_reasons(stored.manifest, corpus_dir, MODEL, CHUNKING) == []
    _assert_answers(stored, model, corpus_dir)
    return stored


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="forks builds and SIGKILLs them (Linux)")
def test_sigkilled_builds_never_break_the_live_index(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    corpus_dir, index_dir = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(BUILTIN_CORPUS, corpus_dir)
    phases: list[str] = []
    with open(tmp_path / "children.log", "w") as log, contextlib.ExitStack() as children:
        zygote = _Child("zygote", corpus_dir, index_dir, log)
        children.callback(zygote.close)
        model = request.getfixturevalue("model")  # loads here while the zygote loads its own
        assert "ready" in zygote.ask(), zygote.tail()
        load_seconds = time.monotonic() - zygote.spawned

        def build_cleanly() -> _Run:
            """A successful build; it must leave only the lock, CURRENT and the new version."""
            run = zygote.run({"op": "build", "anchor": None, "delay": 0.0})
            assert run.exit == 0, zygote.tail()
            new = load_index(index_dir)
            assert stale_reasons(new.manifest, corpus_dir, MODEL, CHUNKING) == []
            assert sorted(p.name for p in index_dir.iterdir()) == sorted([".lock", "CURRENT", new.path.name])
            _assert_answers(new, model, corpus_dir)
            return run

        calibration = build_cleanly()
        live = load_index(index_dir)

        # Model load: children that would build, killed while they load; they start now and load
        # on the second core while the builds below run.
        victims = [_Child("victim", corpus_dir, index_dir, log) for _ in range(MODEL_LOAD_KILLS)]
        timers = [threading.Timer(rng.uniform(0.5, 0.5 + 0.4 * load_seconds), v.kill) for v in victims]
        for victim, timer in zip(victims, timers, strict=True):
            children.callback(victim.close)
            children.callback(victim.kill)  # callbacks run last first: this one if the test fails
            children.callback(timer.cancel)
            timer.start()

        # Every step of a build: each marker of the calibration build anchors KILLS_PER_MARKER
        # kills, each at a random moment before the calibration build reached the next marker.
        labels = [label for label, _ in calibration.markers]
        assert all(any(label.startswith(prefix) for prefix in _PHASES) for label in labels), labels
        times = dict(calibration.markers)
        gaps = {label: times[labels[i + 1]] - times[label] for i, label in enumerate(labels[:-1])}
        assert len(gaps) * KILLS_PER_MARKER + MODEL_LOAD_KILLS >= 24, f"fewer steps than expected: {labels}"
        early = [a for a in gaps if _phase(a) in _BEFORE_WRITE for _ in range(KILLS_PER_MARKER)]
        late = [a for a in gaps if _phase(a) not in _BEFORE_WRITE for _ in range(KILLS_PER_MARKER)]
        rng.shuffle(early)
        rng.shuffle(late)
        for block in range(SERIES):
            for anchor in early[block::SERIES]:  # a full build, killed while it reads or embeds
                _edit_corpus(corpus_dir, rng, len(phases))
                run = zygote.run({"op": "build", "anchor": anchor, "delay": rng.uniform(0.0, gaps[anchor])})
                assert run.signal == signal.SIGKILL, f"not killed: {run} {zygote.tail()}"
                phases.append(run.killed_phase())
                live = _check_after_kill(index_dir, corpus_dir, model, live, phases[-1])
            _edit_corpus(corpus_dir, rng, len(phases))
            with zygote.series():  # one build's data, written again and again, killed every time
                for anchor in late[block::SERIES]:
                    run = zygote.run({"op": "write", "anchor": anchor, "delay": rng.uniform(0.0, gaps[anchor])})
                    assert run.signal == signal.SIGKILL, f"not killed: {run} {zygote.tail()}"
                    phases.append(run.killed_phase())
                    live = _check_after_kill(index_dir, corpus_dir, model, live, phases[-1])
            # The next successful build removes whatever the killed ones left.
            build_cleanly()
            live = load_index(index_dir)

        for victim, timer in zip(victims, timers, strict=True):
            timer.join()
            assert victim.close() == -signal.SIGKILL, victim.tail()
            phases.append("loaded, idle" if victim.replies() else "model load")
            live = _check_after_kill(index_dir, corpus_dir, model, live, phases[-1])

    counts = Counter(phases)
    print(f"kills by phase (seed {SEED}): {dict(counts)}")
    mid_build = sum(n for phase, n in counts.items() if phase not in ("finished", "loaded, idle"))
    assert mid_build >= 20, f"only {mid_build} kills landed while a build ran: {counts}"
    # Not "reading and chunking": it lasts ~10 ms, so a busy machine may push both its kills later.
    wanted = {"model load", "embedding", "writing files", "CURRENT swap", "after the swap"}
    assert wanted <= set(counts), f"no kill landed in {wanted - set(counts)}: {counts}"


# --- the fast tests: leftovers, and tampered or foreign files --------------------------------------


@pytest.fixture(scope="module")
def pristine(model: SentenceTransformer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good index over the built-in corpus, built once; tests tamper with copies of it."""
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(BUILTIN_CORPUS, root / "corpus")
    build_index(read_corpus(root / "corpus"), root / "index", model, MODEL, CHUNKING)
    return root / "index"


@pytest.fixture
def index_dir(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(pristine, target, symlinks=True)
    return target


def _version(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def test_a_build_removes_leftovers_and_nothing_else(index_dir: Path, tmp_path: Path) -> None:
    live = load_index(index_dir)
    orphan = index_dir / "v20000101T000000Z-0badc0de"  # renamed into place, CURRENT never swapped
    shutil.copytree(live.path, orphan)
    (index_dir / ".tmp-v20000101T000000Z-00000001").mkdir()  # killed while writing
    (index_dir / ".tmp-v20000101T000000Z-00000001" / "index.faiss").write_bytes(b"IxFI")
    (index_dir / ".CURRENT.tmp").write_text("v20000101T000000Z-0badc0de\n")  # killed before the swap
    keep = index_dir / "videos"  # not ours: a "v" prefix alone is no version name
    keep.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me")
    (index_dir / "v20000101T000000Z-0000beef").symlink_to(outside, target_is_directory=True)

    new = write_index(index_dir, live.faiss_index, list(live.chunks), live.manifest, list(live.documents.values()), live.sentence_index)

    assert sorted(p.name for p in index_dir.iterdir()) == sorted(
        [".lock", "CURRENT", new.name, "videos", "v20000101T000000Z-0000beef"]
    )
    assert (outside / "precious.txt").read_text() == "keep me"
    assert load_index(index_dir).chunks == live.chunks


def test_leftovers_go_before_a_build_writes(index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = load_index(index_dir)
    stale_tmp = index_dir / ".tmp-v20000101T000000Z-00000001"
    stale_tmp.mkdir()

    def crash(*args: object) -> None:
        raise OSError("simulated crash")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(OSError, match="simulated crash"):
        write_index(index_dir, live.faiss_index, list(live.chunks), live.manifest, list(live.documents.values()), live.sentence_index)
    monkeypatch.undo()
    # The dead build's folder went before the new one was written (space is freed first); the
    # crashed build's own version is an orphan until the next build, and the live index is intact.
    assert not stale_tmp.exists()
    assert load_index(index_dir).path == live.path


def test_a_reader_follows_a_swap_that_removes_its_version(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = load_index(index_dir)
    real_read_chunks = store._read_chunks
    swapped: list[Path] = []

    def swap_then_read(path: Path, manifest: Any) -> Any:
        if not swapped:  # another process finishes a build between resolving CURRENT and reading
            swapped.append(write_index(index_dir, live.faiss_index, list(live.chunks), live.manifest, list(live.documents.values()), live.sentence_index))
        return real_read_chunks(path, manifest)

    monkeypatch.setattr(store, "_read_chunks", swap_then_read)
    assert load_index(index_dir).path == swapped[0]


def _tamper_cases() -> list[Any]:
    """(file, how, detail) triples: ``how`` turns a good version folder into one that must be
    refused, and the message must name ``file`` and contain ``detail`` (the line, for a bad record)."""

    def text(name: str, content: str) -> Callable[[Path], None]:
        return lambda v: (v / name).write_text(content, encoding="utf-8")

    def edit_manifest(**changes: Any) -> Callable[[Path], None]:
        def apply(v: Path) -> None:
            data = json.loads((v / "manifest.json").read_text())
            data.update(changes)
            (v / "manifest.json").write_text(json.dumps(data))
        return apply

    def edit_line(number: int, change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
        def apply(v: Path) -> None:
            lines = (v / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
            record = json.loads(lines[number - 1])
            lines[number - 1] = json.dumps(change(record))
            (v / "chunks.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return apply

    def lines(change: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
        def apply(v: Path) -> None:
            old = (v / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
            (v / "chunks.jsonl").write_text("\n".join(change(old)) + "\n", encoding="utf-8")
        return apply

    def edit_document(change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
        def apply(v: Path) -> None:
            lines = (v / "documents.jsonl").read_text(encoding="utf-8").splitlines()
            lines[0] = json.dumps(change(json.loads(lines[0])))
            (v / "documents.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return apply

    def faiss_bytes(change: Callable[[bytes], bytes], name: str = "index.faiss") -> Callable[[Path], None]:
        return lambda v: (v / name).write_bytes(change((v / name).read_bytes()))

    def other_faiss(make: Callable[[np.ndarray], faiss.Index], name: str = "index.faiss") -> Callable[[Path], None]:
        def apply(v: Path) -> None:
            good = faiss.read_index(str(v / name))
            faiss.write_index(make(good.reconstruct_n(0, good.ntotal)), str(v / name))
        return apply

    def flat(
        cls: Callable[[int], faiss.Index], rows: slice = slice(None), dim: int | None = None
    ) -> Callable[[np.ndarray], faiss.Index]:
        def make(vectors: np.ndarray) -> faiss.Index:
            vectors = np.ascontiguousarray(vectors[rows, :dim])
            index = cls(vectors.shape[1])
            index.add(vectors)
            return index
        return make

    def forged_count(data: bytes) -> bytes:  # a header claiming 2**40 rows: FAISS would allocate them
        return data[:8] + struct.pack("=q", 2**40) + data[16:]

    def replace_with(name: str, kind: str) -> Callable[[Path], None]:
        def apply(v: Path) -> None:
            target = v / name
            content = target.read_bytes()
            target.unlink()
            if kind == "folder":
                target.mkdir()
            elif kind == "fifo":
                os.mkfifo(target)  # opening it to read would block until someone writes
            else:  # a link to a good copy outside the index folder
                outside = v.parent.parent / f"elsewhere-{name}"
                outside.write_bytes(content)
                target.symlink_to(outside)
        return apply

    def case(file_name: str, how: Callable[[Path], None], detail: str = "", *, id: str) -> Any:
        return pytest.param(file_name, how, detail, id=id)

    M, F, C, D, S = "manifest.json", "index.faiss", "chunks.jsonl", "documents.jsonl", "sentences.faiss"
    return [
        case(S, faiss_bytes(lambda b: b[:-1], S), "truncated", id="sentences-truncated-one-byte"),
        case(S, faiss_bytes(forged_count, S), "1099511627776 vectors", id="sentences-forged-row-count"),
        case(S, other_faiss(flat(faiss.IndexFlatIP, rows=slice(1, None)), S), id="sentences-one-row-short"),
        case(S, lambda v: (v / S).unlink(), id="sentences-missing"),
        case(S, replace_with(S, "symlink"), id="sentences-a-symlink"),
        case(C, edit_line(3, lambda r: {**r, "sentences": []}), "line 3", id="chunks-no-sentences"),
        case(C, edit_line(3, lambda r: {**r, "sentences": [[0, len(r["text"]) + 1]]}), "line 3",
             id="chunks-sentence-past-the-text"),
        case(C, edit_line(3, lambda r: {**r, "sentences": r["sentences"][::-1]}) , "line 3",
             id="chunks-sentences-out-of-order"),
        case(C, edit_line(3, lambda r: {**r, "sentences": r["sentences"] + [[len(r["text"]), len(r["text"])]]}),
             "line 3", id="chunks-empty-sentence"),
        case(D, lambda v: (v / D).unlink(), id="documents-missing"),
        case(D, text(D, "{oops\n"), "line 1", id="documents-bad-json"),
        case(D, edit_document(lambda r: {**r, "text": "X" + r["text"]}), "is not the chunk's text",
             id="documents-text-shifted"),
        case(D, edit_document(lambda r: {**r, "pages": [0, 10**9]}), "outside the text", id="documents-page-outside"),
        case(D, edit_document(lambda r: {**r, "doc_id": "../../etc/passwd"}), "line 1", id="documents-unknown-doc"),
        case(D, edit_document(lambda r: {**r, "format": "pdf"}), "line 1", id="documents-other-format"),
        case(D, edit_document(lambda r: {**r, "code": "import os"}), "line 1", id="documents-extra-key"),
        case(D, replace_with(D, "symlink"), id="documents-a-symlink"),
        case(M, text(M, "{not json"), id="manifest-not-json"),
        case(M, text(M, ""), id="manifest-empty"),
        case(M, lambda v: (v / M).write_bytes(b"\xff\xfe\x00"), id="manifest-binary"),
        case(M, text(M, '{"format_version": 4}'), id="manifest-fields-missing"),
        case(M, edit_manifest(dim="many"), id="manifest-wrong-type"),
        case(M, edit_manifest(format_version=2), "format version 2", id="manifest-other-format"),
        case(M, edit_manifest(index_type="IndexHNSWFlat"), id="manifest-foreign-index-type"),
        case(M, edit_manifest(n_chunks=0), id="manifest-no-chunks"),
        case(M, edit_manifest(dim=8), id="manifest-other-dim"),
        case(M, lambda v: (v / M).unlink(), id="manifest-missing"),
        case(M, replace_with(M, "folder"), id="manifest-a-folder"),
        case(M, replace_with(M, "fifo"), id="manifest-a-fifo"),
        case(M, replace_with(M, "symlink"), id="manifest-a-symlink"),
        case(F, faiss_bytes(lambda b: b[: len(b) // 2]), id="faiss-truncated-half"),
        case(F, faiss_bytes(lambda b: b[:-1]), "truncated", id="faiss-truncated-one-byte"),
        case(F, faiss_bytes(lambda b: b[:20]), id="faiss-truncated-header"),
        case(F, faiss_bytes(lambda b: b""), "truncated", id="faiss-zero-bytes"),
        case(F, faiss_bytes(lambda b: b + b"\0" * 4), id="faiss-padded"),
        case(F, faiss_bytes(lambda b: random.Random(7).randbytes(len(b))), id="faiss-garbage"),
        case(F, faiss_bytes(forged_count), "1099511627776 vectors", id="faiss-forged-row-count"),
        case(F, other_faiss(flat(faiss.IndexFlatL2)), "not a FAISS IndexFlatIP", id="faiss-l2-index"),
        case(F, other_faiss(flat(faiss.IndexFlatIP, rows=slice(1, None))), id="faiss-one-row-short"),
        case(F, other_faiss(flat(faiss.IndexFlatIP, dim=8)), id="faiss-other-dim"),
        case(F, lambda v: (v / F).unlink(), id="faiss-missing"),
        case(F, replace_with(F, "fifo"), id="faiss-a-fifo"),
        case(C, lines(lambda ls: ls[:-1]), "vectors", id="chunks-one-line-fewer"),
        case(C, lines(lambda ls: ls + ls[-1:]), "vectors", id="chunks-one-line-more"),
        case(C, lines(lambda ls: ls[:2] + ["{oops"] + ls[3:]), "line 3", id="chunks-bad-json-line"),
        case(C, lines(lambda ls: ls[:2] + ["[1, 2]"] + ls[3:]), "line 3", id="chunks-not-an-object"),
        case(C, lines(lambda ls: ls + [""]), "not a JSON record", id="chunks-blank-line"),
        case(C, lines(lambda ls: []), id="chunks-empty"),
        case(C, edit_line(3, lambda r: {**r, "start": str(r["start"])}), "line 3", id="chunks-start-a-string"),
        case(C, edit_line(3, lambda r: {**r, "end": r["end"] + 0.5}), "line 3", id="chunks-end-a-float"),
        case(C, edit_line(3, lambda r: {**r, "start": None}), "line 3", id="chunks-start-null"),
        case(C, edit_line(3, lambda r: {**r, "start": True}), "line 3", id="chunks-start-a-bool"),
        case(C, edit_line(3, lambda r: {**r, "start": -1}), "line 3", id="chunks-negative-start"),
        case(C, edit_line(3, lambda r: {**r, "end": r["start"] - 1}), "line 3", id="chunks-end-before-start"),
        case(C, edit_line(3, lambda r: {k: x for k, x in r.items() if k != "text"}), "line 3", id="chunks-missing-key"),
        case(C, edit_line(3, lambda r: {**r, "code": "import os"}), "line 3", id="chunks-extra-key"),
        case(C, edit_line(3, lambda r: {**r, "doc_id": 4}), "line 3", id="chunks-doc-id-a-number"),
        case(C, edit_line(3, lambda r: {**r, "doc_id": "../../etc/passwd"}), "line 3", id="chunks-unknown-doc"),
        case(C, edit_line(1, lambda r: {**r, "doc_id": "004_503d341e454f2bd7.txt"}), "manifest.json says",
             id="chunks-moved-to-another-doc"),
        case(C, lambda v: (v / C).write_bytes(b"\xff" + (v / C).read_bytes()), "UTF-8",
             id="chunks-not-utf8"),
        case(C, lambda v: (v / C).unlink(), id="chunks-missing"),
        case(C, replace_with(C, "symlink"), id="chunks-a-symlink"),
        case(F, replace_with(F, "symlink"), id="faiss-a-symlink"),
        case(C, replace_with(C, "fifo"), id="chunks-a-fifo"),
    ]


@pytest.mark.parametrize(("file_name", "tamper", "detail"), _tamper_cases())
def test_tampered_files_are_refused_by_name(
    index_dir: Path, file_name: str, tamper: Callable[[Path], None], detail: str
) -> None:
    version = _version(index_dir)
    tamper(version)
    with pytest.raises(IndexCorruptError) as excinfo:
        load_index(index_dir)
    message = str(excinfo.value)
    assert str(version / file_name) in message
    assert "citeqa index" in message  # and says how to fix it
    assert detail in message


@pytest.mark.parametrize(
    "content",
    [b"../../etc\n", b"..\n", b".\n", b"/etc\n", b"\n", b"\xff\xfe\x00\n", b"v20990101T000000Z-00000000\n",
     b"v20990101T000000Z-00000000/../../x\n", b"x" * 10_000],
    ids=["parent-path", "dotdot", "dot", "absolute", "empty", "binary", "missing-version",
         "escape-via-version", "huge"],
)
def test_a_current_pointing_outside_or_nowhere_is_refused(index_dir: Path, content: bytes) -> None:
    (index_dir / "CURRENT").write_bytes(content)
    for read in (load_index, read_manifest):
        with pytest.raises(IndexCorruptError, match=str(index_dir / "CURRENT")):
            read(index_dir)


def _tmp_copy_of_live(index_dir: Path, tmp_path: Path) -> str:
    """A half-written build's folder is never live."""
    version = _version(index_dir)
    shutil.copytree(version, index_dir / f".tmp-{version.name}")
    return f".tmp-{version.name}"


def _symlink_to_outside(index_dir: Path, tmp_path: Path) -> str:
    """A link that looks like a version but leads out of the index folder."""
    shutil.copytree(_version(index_dir), tmp_path / "outside")
    (index_dir / "v20990101T000000Z-0000beef").symlink_to(tmp_path / "outside", target_is_directory=True)
    return "v20990101T000000Z-0000beef"


def _file_named_like_a_version(index_dir: Path, tmp_path: Path) -> str:
    (index_dir / "v20990101T000000Z-0000f11e").write_text("not a folder")
    return "v20990101T000000Z-0000f11e"


@pytest.mark.parametrize("make", [_tmp_copy_of_live, _symlink_to_outside, _file_named_like_a_version])
def test_current_must_name_a_real_version_folder_inside(
    index_dir: Path, tmp_path: Path, make: Callable[[Path, Path], str]
) -> None:
    (index_dir / "CURRENT").write_text(make(index_dir, tmp_path) + "\n")
    with pytest.raises(IndexCorruptError, match=str(index_dir / "CURRENT")):
        load_index(index_dir)


def test_a_current_that_is_a_folder_is_refused(index_dir: Path) -> None:
    (index_dir / "CURRENT").unlink()
    (index_dir / "CURRENT").mkdir()
    with pytest.raises(IndexCorruptError, match=str(index_dir / "CURRENT")):
        load_index(index_dir)


def test_an_ivf_index_loads_and_a_mislabelled_or_truncated_one_is_refused(index_dir: Path) -> None:
    live = load_index(index_dir)
    vectors = live.faiss_index.reconstruct_n(0, live.faiss_index.ntotal)
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(live.manifest.dim), live.manifest.dim, 2, faiss.METRIC_INNER_PRODUCT)
    ivf.train(vectors)
    ivf.add(vectors)
    ivf.make_direct_map()
    ivf.nprobe = 2
    manifest = live.manifest.model_copy(update={"index_type": "IndexIVFFlat(nlist=2,nprobe=2)"})
    version = write_index(index_dir, ivf, list(live.chunks), manifest, list(live.documents.values()), live.sentence_index)
    loaded = load_index(index_dir)
    assert isinstance(loaded.faiss_index, faiss.IndexIVFFlat) and loaded.faiss_index.nprobe == 2

    data = json.loads((version / "manifest.json").read_text())
    (version / "manifest.json").write_text(json.dumps({**data, "index_type": "IndexFlatIP"}))
    with pytest.raises(IndexCorruptError, match=f"{version / 'index.faiss'} is not a FAISS IndexFlatIP"):
        load_index(index_dir)
    (version / "manifest.json").write_text(json.dumps(data))
    whole = (version / "index.faiss").read_bytes()
    for cut in (20, 100, len(whole) // 2, len(whole) - 1):
        (version / "index.faiss").write_bytes(whole[:cut])
        with pytest.raises(IndexCorruptError, match=str(version / "index.faiss")):
            load_index(index_dir)


class _Tripwire:
    """Unpickling this creates ``marker``: proof that something unpickled it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def _tripwire(marker: Path) -> bytes:
    payload = pickle.dumps(_Tripwire(marker))
    pickle.loads(payload)  # the tripwire works: unpickling it does create the marker
    assert marker.exists()
    marker.unlink()
    return payload


def test_dropped_pickles_are_never_loaded(index_dir: Path, model: SentenceTransformer, tmp_path: Path) -> None:
    marker = tmp_path / "unpickled"
    payload = _tripwire(marker)
    version = _version(index_dir)
    good = load_index(index_dir)
    for name in ("index.pkl", "chunks.pkl", "manifest.pickle", "bm25.pkl", "index.faiss.pkl", "model.pt"):
        (version / name).write_bytes(payload)
    (index_dir / "CURRENT.pkl").write_bytes(payload)

    stored = load_index(index_dir)
    read_manifest(index_dir)
    Retriever(model, stored).answer(REFUGEE_QUESTION, k=3, min_confidence=0.0)

    assert not marker.exists()
    assert stored.chunks == good.chunks and stored.manifest == good.manifest


@pytest.mark.parametrize("file_name", ["index.faiss", "sentences.faiss", "chunks.jsonl", "documents.jsonl", "manifest.json"])
def test_a_pickle_in_place_of_an_index_file_is_refused(index_dir: Path, tmp_path: Path, file_name: str) -> None:
    marker = tmp_path / "unpickled"
    version = _version(index_dir)
    (version / file_name).write_bytes(_tripwire(marker))
    with pytest.raises(IndexCorruptError, match=str(version / file_name)):
        load_index(index_dir)
    assert not marker.exists()


if __name__ == "__main__":
    _child_main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
