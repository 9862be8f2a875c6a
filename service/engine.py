"""What the service does, whatever the transport (HTTP, CLI, chat tools): load or build the index at
start-up, then answer questions and serve documents from memory."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from fnmatch import fnmatchcase
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from citeqa.corpus.reader import SUFFIX_FORMATS, Corpus, read_corpus
from citeqa.index.batching import MicroBatcher
from citeqa.index.build import ChunkDocuments, EmbedTexts, build_index, chunk_locally
from citeqa.index.embedding import embed, load_model, pass_size
from citeqa.index.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError, IndexStoreError
from citeqa.index.manifest import ChunkingParams, stale_reasons
from citeqa.index.retrieval import Retriever, ShardsOf
from citeqa.index.shards import local_shards
from citeqa.index.store import StoredIndex, build_lock, current_version, load_index, read_manifest, subset_index
from citeqa.service.access import OPEN, Access
from citeqa.service.errors import BadRequestError, DocumentNotFoundError
from citeqa.service.schemas import (
    AskFilter,
    AskResponse,
    DocumentInfo,
    DocumentList,
    DocumentSlice,
    IndexInfo,
    Passage,
    QuoteSpan,
    SkippedInfo,
    Source,
    is_blank,
)
from citeqa.service.settings import Settings

if TYPE_CHECKING:
    from citeqa.index.embedding import Encoder

log = logging.getLogger("citeqa")


def chunking_of(settings: Settings) -> ChunkingParams:
    """The chunking parameters a settings object asks for."""
    return ChunkingParams(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)


#: Questions per encoder pass within a micro-batch. sentence-transformers sorts a call's texts by
#: length and pads each pass to its longest, so smaller passes pad less: 32 SQuAD questions took
#: 285 ms of CPU in one pass of 32, 207 ms in passes of 8, 224 ms in passes of 4 (eval/BENCH.md).
QUERY_PASS = 8


def load_encoder(settings: Settings) -> Encoder:
    """Load the embedding model the settings name, with their backend, threads and export cache.

    Raises:
        citeqa.index.errors.ModelLoadError: the model cannot be found, exported or loaded.
    """
    return load_model(settings.model, settings.device, settings.backend, threads=settings.threads,
                      single_pass_threads=settings.single_pass_threads, cache_dir=settings.model_cache_dir)


def tune_threads_for_serving(settings: Settings) -> None:
    """With an ONNX backend run through sentence-transformers (a model the lean
    :class:`~citeqa.index.embedding.OnnxEncoder` does not cover), leave torch one thread (call
    once the model is loaded, in a serving process).

    torch then only pools and normalises; its pool of one thread per core would spin between
    calls and take the cores onnxruntime is using (batch of 32 questions: 104 ms with torch at 1
    thread, 144 ms at 2, on this 2-core machine). When torch was never imported (the lean
    encoder), there is nothing to tune, and importing it here would cost seconds.
    """
    if settings.backend != "torch" and "torch" in sys.modules:
        import torch

        torch.set_num_threads(1)


def rebuild_command(settings: Settings) -> str:
    """The command that rebuilds the index for these settings (quoted in error messages)."""
    return f"citeqa index --corpus {settings.corpus_dir} --index {settings.index_dir}"


def index_problem(settings: Settings) -> str | None:
    """Why the stored index cannot serve these settings, or None if it can.

    Cheap: reads the manifest and hashes the corpus files, loads neither FAISS nor the model.

    Returns:
        ``"no index yet"``, ``"unreadable index (...)"`` or ``"stale: changed: a.txt; ..."``.

    Raises:
        citeqa.corpus.errors.CorpusNotFoundError: the corpus folder does not exist.
    """
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexNotFoundError:
        return "no index yet"
    except IndexCorruptError as exc:
        return f"unreadable index ({exc})"
    reasons = stale_reasons(manifest, settings.corpus_dir, settings.model, chunking_of(settings), settings.backend,
                            settings.encoding)
    return "stale: " + "; ".join(reasons) if reasons else None


def refuse_if_unusable(settings: Settings) -> None:
    """Raise when the stored index cannot serve these settings (used when rebuild is 'never').

    Raises:
        IndexMismatchError: with the reason and the command that rebuilds.
    """
    problem = index_problem(settings)
    if problem is not None:
        raise _refusal(settings, problem)


def _refusal(settings: Settings, problem: str) -> IndexMismatchError:
    """The error for an unusable index under the 'never' rebuild policy, naming the fix."""
    return IndexMismatchError(
        f"index in {str(settings.index_dir)!r} cannot be used ({problem}) and rebuild is "
        f"'never'; rebuild it with `{rebuild_command(settings)}`",
        [problem],
    )


def ensure_index(
    settings: Settings,
    corpus: Corpus,
    model: Encoder | None,
    *,
    force: bool = False,
    full: bool = False,
    show_progress: bool = False,
    on_build: Callable[[str], None] = lambda reason: None,
    chunk_documents: ChunkDocuments = chunk_locally,
    embed_texts: EmbedTexts | None = None,
) -> StoredIndex:
    """Load the index, or build it when missing, stale or ``force``d (and the policy allows).

    A build is incremental: documents unchanged since the live version keep their chunks and
    vectors (see :func:`citeqa.index.build.reusable_rows`), unless ``full``.

    Args:
        settings: corpus/index folders, model name, chunking, rebuild policy.
        corpus: the corpus as read now.
        model: the loaded model (None when ``embed_texts`` embeds).
        force: rebuild even if the index matches.
        full: embed every document again, reusing nothing.
        show_progress: progress bar while embedding.
        on_build: called with the reason before a build starts (for logs and /readyz).
        chunk_documents, embed_texts: how to chunk and embed (see
            :func:`citeqa.index.build.build_index`; a Ray cluster's in ``citeqa index --ray``).

    Returns:
        An index that matches the corpus, the model and the chunking.

    Raises:
        IndexMismatchError: the index is missing or stale and ``settings.rebuild == "never"``.
        citeqa.corpus.errors.NoIndexableTextError: nothing indexable in the corpus.
        citeqa.service.errors.SettingsError: an index folder that is a file or the corpus folder
            (:meth:`~citeqa.service.settings.Settings.check_locations`).
        OSError: the index folder cannot be written.
    """
    settings.check_locations()
    problem = "forced" if force else index_problem(settings)
    if problem is None:
        try:
            return load_index(settings.index_dir)
        except IndexCorruptError as exc:
            problem = f"unreadable index ({exc})"
    if not force and settings.rebuild == "never":
        raise _refusal(settings, problem)
    on_build(problem)
    previous = None
    if not full:
        try:
            previous = load_index(settings.index_dir)
        except IndexStoreError:
            previous = None  # nothing (trustworthy) to start from: embed everything
    return build_index(
        corpus, settings.index_dir, model, settings.model, chunking_of(settings),
        batch_size=settings.batch_size, show_progress=show_progress, previous=previous,
        backend=settings.backend, declared_encoding=settings.encoding,
        chunk_documents=chunk_documents, embed_texts=embed_texts,
    )


def check_request(settings: Settings, question: str, k: int | None) -> int:
    """Validate a question and k against the settings' limits (cheap: callers check before loading).

    Returns:
        k, or ``settings.default_k`` when None.

    Raises:
        BadRequestError: empty or too long question, k out of range.
    """
    limit = settings.max_question_chars
    if is_blank(question):  # the schema's `pattern: \S`, character for character
        raise BadRequestError("question is empty; ask something, e.g. 'Is China a party to the Refugee Convention?'")
    if len(question) > limit:
        raise BadRequestError(f"question has {len(question)} characters; the limit is {limit}")
    try:
        question.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: valid JSON, but no text the model can read
        raise BadRequestError(
            f"question holds a lone surrogate (U+{ord(question[exc.start]):04X} at character {exc.start}), "
            "which is not text; send valid Unicode"
        ) from exc
    k = settings.default_k if k is None else k
    if not 1 <= k <= settings.max_k:
        raise BadRequestError(f"k must be between 1 and {settings.max_k}, got {k}")
    return k


def read_settings_corpus(settings: Settings, on_file: Callable[[str], None] = lambda doc_id: None) -> Corpus:
    """Read the corpus folder the settings name, with their declared encoding.

    Raises:
        citeqa.corpus.errors.CorpusError: the folder is missing or has no readable file.
    """
    return read_corpus(settings.corpus_dir, encoding=settings.encoding, on_file=on_file)


#: The document formats a filter may name.
FORMATS: tuple[str, ...] = tuple(dict.fromkeys(SUFFIX_FORMATS.values()))


def weak_flags(scores: Sequence[float], ratio: float) -> list[bool]:
    """Which passages are weak: scored under ``ratio`` times the best (the first) score.

    The ratio 0.7 was chosen on half the shared questions (split by article) as the largest of
    0.5, 0.6, 0.7, 0.75, 0.8 that flags at most 5 % of the evidence-holding passages ranked below
    the best one (it flagged 3.7 %); on the other half it flagged 4.3 % of them and 56 % of the
    passages without evidence (eval/RESULTS.md).

    Args:
        scores: ranking scores, best first.
        ratio: in [0, 1]; 0 flags nothing.

    Returns:
        One flag per score; the best passage is never weak.
    """
    if not scores or scores[0] <= 0:
        return [False] * len(scores)
    return [score < ratio * scores[0] for score in scores]


def sources_of(passages: Sequence[Passage]) -> list[Source]:
    """Each cited document once, in rank order, with the quote of its best passage.

    A document whose best passage is weak is a weak source. Weak sources are listed (flagged)
    rather than dropped: on the built-in corpus, "Is China a party to the Refugee Convention?"
    ranks the "state party" passage far above the two that contradict it, so a list of strong
    sources alone would hide the disagreement the reader has to see.

    Args:
        passages: best first, as served (weak passages rank below every other).

    Returns:
        One :class:`Source` per distinct ``doc_id``; ``passage`` is its best passage's position.
    """
    seen: dict[str, Source] = {}
    for position, p in enumerate(passages):
        if p.doc_id not in seen:
            seen[p.doc_id] = Source(doc_id=p.doc_id, title=p.title, page=p.page, passage=position,
                                    weak=p.weak, quote=p.quote)
    return list(seen.values())


@dataclass
class Engine:
    """A loaded model and index (with the text layers citations point into), and the request
    limits from the settings."""

    settings: Settings
    retriever: Retriever
    #: Remote shards that hold the index's vectors and BM25 rows (``citeqa serve --ray --shards
    #: N``); this process then never reads the vectors. None: this process holds them.
    remote_shards: ShardsOf | None = None
    #: engines over the documents of each set of key globs seen (:meth:`scoped`)
    _scoped: dict[tuple[str, ...], Engine] = field(default_factory=dict, repr=False, compare=False)
    # Any: pydantic models that hold an Engine (the LangChain retriever) read these annotations,
    # and threading.Lock is a factory function, not a type.
    _scoped_lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def start(
        cls,
        settings: Settings,
        *,
        on_status: Callable[[str], None] = lambda status: None,
        show_progress: bool = False,
        model: Encoder | None = None,
        remote_shards: ShardsOf | None = None,
    ) -> Engine:
        """Load the model and the index; read the corpus and build the index only when the stored
        one is missing or stale (an up-to-date index holds every text layer it cites).

        Args:
            settings: the configuration.
            on_status: called with a short status line at each step (for logs and /readyz).
            show_progress: progress bar while embedding.
            model: an already loaded model of ``settings.model`` (tests share one per session).
            remote_shards: see :attr:`remote_shards`.

        Raises:
            citeqa.corpus.errors.CorpusError: the corpus folder is missing or has no readable file.
            citeqa.index.errors.IndexStoreError: the model cannot be loaded, or the index is stale
                and the policy forbids a rebuild.
        """
        on_status("checking index")
        stored: StoredIndex | None = None
        if index_problem(settings) is None:
            try:
                stored = load_index(settings.index_dir, vectors=remote_shards is None)
            except IndexCorruptError:
                stored = None  # rebuilt below, or refused under the 'never' policy
        if model is None:
            on_status(f"loading model {settings.model} ({settings.backend} backend"
                      + ("; exported to ONNX on first use, ~20 s)" if settings.backend != "torch" else ")"))
            model = load_encoder(settings)
        if stored is None:
            settings.check_locations()
            # The corpus read and the build as one (see build_lock).
            with build_lock(settings.index_dir, on_wait=on_status):
                on_status("reading corpus")
                corpus = read_settings_corpus(settings)
                on_status("loading index")
                stored = ensure_index(
                    settings, corpus, model, show_progress=show_progress,
                    on_build=lambda reason: on_status(f"building index ({reason})"),
                )
        loaded = model
        query_pass = pass_size(settings.backend, QUERY_PASS)
        batcher = MicroBatcher(lambda texts: embed(loaded, texts, batch_size=query_pass), max_batch=settings.encode_batch,
                               max_wait_s=settings.encode_wait_ms / 1000, cache_size=settings.query_cache)
        return cls(settings, Retriever(model, stored, encode=batcher, shards=remote_shards or local_shards), remote_shards)

    @property
    def index(self) -> StoredIndex:
        """The loaded index version."""
        return self.retriever.index

    def warm_up(self) -> None:
        """Answer one made-up question with a misspelt word before serving, so that no user's
        first question pays for what is loaded on first use: the spelling checker's word list
        (0.15 s) and the vocabulary's index, onnxruntime's first pass. Measured before: a
        server's first such question took up to 240 ms (eval/BENCH.md)."""
        self.retriever.answer("How does the warmupp question get ansered?", 1, min_confidence=1.0)

    def with_index(self, stored: StoredIndex) -> Engine:
        """A new engine over another index version, sharing this one's model and query encoder
        (the BM25 statistics and sentence terms are built here, before anyone can use it).

        Raises:
            IndexMismatchError: ``stored`` was built with another model, backend or chunking.
        """
        m = stored.manifest
        expected = (self.settings.model, self.settings.backend, chunking_of(self.settings))
        if (m.model, m.backend, m.chunking) != expected:
            raise IndexMismatchError(
                f"index version {stored.path.name} was built with {m.model} ({m.backend}, {m.chunking}); "
                f"this server runs {expected[0]} ({expected[1]}, {expected[2]}): restart it to switch",
                ["model or chunking"],
            )
        return Engine(self.settings, Retriever(self.retriever.model, stored, encode=self.retriever.encode,
                                               shards=self.remote_shards or local_shards), self.remote_shards)

    def refresh(self, refused: Path | None = None) -> tuple[Engine, Path | None]:
        """Follow the index folder: the engine over the version ``CURRENT`` names now (written by
        ``citeqa index``, a server's writes, another process), sharing this one's model. What the
        app's poller, the Python API and every Ray replica call, so they follow alike.

        Args:
            refused: a version already found unusable (and logged): not tried again.

        Returns:
            ``(engine, refused)``: ``self`` when the live version is the loaded one or the refused
            one; else an engine over it. A version that cannot be loaded, or was built with
            another model or chunking, is logged once, returned as the new ``refused``, and
            ``self`` keeps serving.
        """
        live: Path | None = None
        try:
            live = current_version(self.settings.index_dir)
            if live in (self.index.path, refused):
                return self, refused
            stored = self.load_live()
            return (self if stored.path == self.index.path else self.with_index(stored)), refused
        except (IndexStoreError, OSError) as exc:  # keep serving what is loaded; say why, once
            log.warning("citeqa: new index version not picked up: %s: %s", type(exc).__name__, exc)
            return self, live

    def load_live(self) -> StoredIndex:
        """Load the live index version as this engine needs it (without the vectors when its
        shards hold them).

        Raises:
            citeqa.index.errors.IndexStoreError: as :func:`citeqa.index.store.load_index`.
        """
        return load_index(self.settings.index_dir, vectors=self.remote_shards is None)

    def reindex(self) -> Engine:
        """Bring the index up to date with the corpus folder (incrementally) and return an engine
        over the new version; ``self`` when nothing changed. The caller serialises calls.

        Raises:
            citeqa.corpus.errors.CorpusError, citeqa.index.errors.IndexStoreError,
            citeqa.service.errors.SettingsError, OSError: as :func:`ensure_index`.
        """
        if index_problem(self.settings) is None and current_version(self.settings.index_dir) == self.index.path:
            return self
        # No other build swaps between this read and this build (see build_lock).
        with build_lock(self.settings.index_dir, on_wait=lambda message: log.warning("citeqa: %s", message)):
            corpus = read_settings_corpus(self.settings)
            stored = ensure_index(self.settings, corpus, self.retriever.model)
        return self if stored.path == self.index.path else self.with_index(stored)

    def read_corpus(self) -> Corpus:
        """Read the corpus folder again (the eval peers index it their own way)."""
        return read_settings_corpus(self.settings)

    def ask(self, question: str, k: int | None = None, abstain: bool = True,
            filter: AskFilter | None = None, access: Access = OPEN) -> AskResponse:
        """Answer a question with cited passages.

        Args:
            question: non-empty, at most ``settings.max_question_chars`` characters.
            k: passages wanted, 1..``settings.max_k``; ``None`` means ``settings.default_k``.
            abstain: when False, return the top k even if the answer is judged absent.
            filter: search only the documents that match it.
            access: the request's key: only the documents its globs match are searched, and
                the counts in ``index`` are of those (:mod:`citeqa.service.access`).

        Raises:
            BadRequestError: empty or too long question, k out of range, a malformed filter.
            DocumentNotFoundError: the filter matches no indexed document (that ``access`` sees).
        """
        k = check_request(self.settings, question, k)
        scoped = self.scoped(access)
        if scoped is not self:  # the key's documents, searched as if no other existed
            return scoped.ask(question, k, abstain, filter)
        allowed = self.allowed_rows(filter, access) if filter is not None or not access.everything else None
        documents = self.index.documents
        if allowed is not None and not len(allowed):  # a key that sees no passage: nothing answers
            return AskResponse(question=question, answered=False, confidence=0.0, passages=[], sources=[],
                               index=self.index_info(access))
        answer = self.retriever.answer(
            question, k, self.settings.min_confidence, dense_weight=self.settings.hybrid_dense_weight,
            allowed=allowed,
        )
        shown = answer.hits if (answer.answered or not abstain) else ()
        weak = weak_flags([h.score for h in shown], self.settings.weak_ratio)
        passages = [
            Passage(doc_id=h.chunk.doc_id, title=documents[h.chunk.doc_id].title, page=h.chunk.page,
                    headings=list(h.chunk.headings), start=h.chunk.start, end=h.chunk.end,
                    text=h.chunk.text, score=round(h.score, 6), weak=is_weak,
                    quote=QuoteSpan(start=h.quote.start, end=h.quote.end, text=h.quote.text))
            for h, is_weak in zip(shown, weak, strict=True)
        ]
        return AskResponse(
            question=question,
            answered=answer.answered,
            confidence=round(answer.confidence, 6),
            passages=passages,
            sources=sources_of(passages),
            index=self.index_info(access),
        )

    def scoped(self, access: Access) -> Engine:
        """The engine that answers a key limited to some documents: one over an index of those
        documents alone (:func:`~citeqa.index.store.subset_index`), so that BM25's statistics,
        the vocabulary (spelling correction) and the confidence are what a corpus of only them
        would give, and nothing of the others shows in a score. Built on the key's first question
        after each new index version, then kept (per set of globs). ``self`` for a key that sees
        everything or no passage, and under remote shards (``serve --ray --shards N``, where this
        process holds no vectors: the globs then narrow the rows searched, and the statistics stay
        the whole corpus's).
        """
        if access.everything or self.remote_shards is not None or access.key is None:  # (key: for the type)
            return self
        globs = access.key.docs or ()
        with self._scoped_lock:
            engine = self._scoped.get(globs)
            if engine is None:
                visible = access.visible(self.index.documents)
                # No passage to search: self, whose ask() answers so without searching.
                engine = self if not any(d in self.retriever.doc_rows for d in visible) else Engine(
                    self.settings, Retriever(self.retriever.model, subset_index(self.index, visible),
                                             encode=self.retriever.encode))
                self._scoped[globs] = engine
        return engine

    def index_info(self, access: Access = OPEN) -> IndexInfo:
        """The index version, with the documents and passages ``access`` sees counted."""
        m = self.index.manifest
        if access.everything:
            return IndexInfo(version=self.index.path.name, built_at=m.built_at, documents=m.n_documents,
                             chunks=m.n_chunks)
        seen = access.visible(m.documents)
        return IndexInfo(version=self.index.path.name, built_at=m.built_at, documents=len(seen),
                         chunks=sum(m.documents[d].chunks for d in seen))

    def allowed_rows(self, filter: AskFilter | None, access: Access = OPEN) -> npt.NDArray[np.int64]:
        """The passage rows of the documents a filter admits among those ``access`` sees, ``(m,)``
        ascending. Without a filter: every row ``access`` sees, possibly none.

        Raises:
            BadRequestError: an empty or over-long pattern, or an unknown format.
            DocumentNotFoundError: a filter that matches no indexed document (with passages).
        """
        documents = self.index.documents
        if filter is None:
            rows = [row for doc_id in access.visible(documents) for row in self.retriever.doc_rows.get(doc_id, range(0))]
            return np.array(sorted(rows), dtype=np.int64)
        patterns = filter.doc_ids
        formats = filter.formats
        for pattern in patterns or []:
            if not pattern or len(pattern) > 1000:
                raise BadRequestError(f"filter.doc_ids: a pattern must have 1 to 1000 characters, got {len(pattern)}")
        unknown = sorted(set(formats or []) - set(FORMATS))
        if unknown:
            raise BadRequestError(f"filter.formats: unknown format(s) {unknown}; known: {', '.join(FORMATS)}")
        chosen = [
            doc_id for doc_id in access.visible(documents)
            if (patterns is None or any(fnmatchcase(doc_id, p) for p in patterns))
            and (formats is None or documents[doc_id].format in formats)
        ]
        rows = [row for doc_id in chosen for row in self.retriever.doc_rows.get(doc_id, range(0))]
        if not rows:  # 404, not 422: the request is well formed, the documents it names are not there
            raise DocumentNotFoundError("the filter matches no indexed document (or only documents without "
                                        "passages); GET /documents lists them")
        return np.array(sorted(rows), dtype=np.int64)

    def document(self, doc_id: str, start: int | None = None, end: int | None = None,
                 access: Access = OPEN) -> DocumentSlice:
        """The text layer of an indexed document (what citations point into), or a slice of it.

        Served from the index in memory: an id is never turned into a path, so ``..``, absolute
        paths and encoded traversal cannot read a file, and the text is the one that was cited
        even if the file changed since.

        Args:
            doc_id: a document id as cited.
            start: slice start in code points, >= 0 (default 0).
            end: slice end, exclusive, >= 0 (default the document's length).
            access: the request's key; a document outside its globs is not found.

        Returns:
            The slice as Python's ``text[start:end]`` takes it: an end past the text is cut to its
            length and a start past the end gives an empty slice; ``start``/``end`` in the result
            are the offsets applied, so ``text == whole[result.start:result.end]`` always holds.

        Raises:
            DocumentNotFoundError: not an indexed document (that ``access`` sees).
            BadRequestError: a negative offset.
        """
        document = self.index.documents.get(doc_id)
        if document is None or not access.sees(doc_id):
            raise DocumentNotFoundError(f"no document {doc_id!r} in the index; GET /documents lists them")
        length = len(document.text)
        start = 0 if start is None else start
        end = length if end is None else end
        if start < 0 or end < 0:
            raise BadRequestError(f"offsets are >= 0, got start={start}, end={end}")
        end = min(end, length)
        start = min(start, end)
        return DocumentSlice(
            doc_id=doc_id, title=document.title, format=document.format, encoding=document.encoding,
            pages=list(document.pages), start=start, end=end, length=length, text=document.text[start:end],
            version=self.index.path.name, built_at=self.index.manifest.built_at,
        )

    def documents(self, access: Access = OPEN) -> DocumentList:
        """Every file of the corpus folder as last indexed: the indexed documents and the skipped
        files with the reason; of those ``access`` sees."""
        m = self.index.manifest
        return DocumentList(
            corpus_dir=m.corpus_dir,
            version=self.index.path.name,
            built_at=m.built_at,
            documents=[
                DocumentInfo(doc_id=doc_id, title=e.title, format=e.format, pages=e.pages, chunks=e.chunks,
                             encoding=e.encoding, size=e.size)
                for doc_id, e in m.documents.items() if access.sees(doc_id)
            ],
            skipped=[SkippedInfo(doc_id=s.doc_id, reason=s.reason) for s in m.skipped if access.sees(s.doc_id)],
        )
