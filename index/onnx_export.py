"""Export a sentence-transformers model to ONNX, once, into a cache folder (run as a subprocess).

``python -m citeqa.index.onnx_export SOURCE DEST`` loads SOURCE (a local model folder, or a hub
name where the network allows) with ``backend="onnx"``, which makes optimum-onnx trace the torch
weights into ``onnx/model.onnx``; then writes the dynamically int8-quantised
``onnx/model_quint8_avx2.onnx`` beside it (sentence-transformers'
``export_dynamic_quantized_onnx_model``, avx2 so that it runs on any x86-64 CPU of the last
decade). Nothing is downloaded when SOURCE is local.

It runs in its own process because the tracing exporter emits deprecation and tracer warnings and
leaves a temporary folder to interpreter exit: none of that belongs in a server or a test session.
The result is written into a temporary folder and renamed into place, so a crash leaves no
half-written cache; if another process finished the same export first, ours is discarded.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import warnings
from pathlib import Path

#: File names inside the exported folder, by backend setting.
ONNX_FILES = {"onnx": "onnx/model.onnx", "onnx-int8": "onnx/model_quint8_avx2.onnx"}


def export(source: str, dest: Path) -> None:
    """Export ``source`` to ``dest`` (fp32 and int8 ONNX files plus the model's configs).

    Args:
        source: a local model folder or a hub name.
        dest: the cache folder to create; left alone if it already exists.

    Raises:
        Exception: whatever sentence-transformers or optimum raise when the model cannot be
            loaded or traced.
    """
    from sentence_transformers import SentenceTransformer, export_dynamic_quantized_onnx_model

    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".tmp-{dest.name}-{secrets.token_hex(4)}"
    try:
        model = SentenceTransformer(source, backend="onnx", device="cpu")
        model.save_pretrained(str(tmp))
        export_dynamic_quantized_onnx_model(model, "avx2", str(tmp))
        missing = [name for name in ONNX_FILES.values() if not (tmp / name).is_file()]
        if missing:
            raise RuntimeError(f"the export wrote no {', '.join(missing)} in {tmp}")
        try:
            os.rename(tmp, dest)
        except OSError:
            if not dest.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``SOURCE DEST``; exit 0 on success, 1 with a one-line error otherwise."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m citeqa.index.onnx_export SOURCE DEST", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")  # the tracing exporter's deprecation notices are not ours
    try:
        export(args[0], Path(args[1]))
    except Exception as exc:  # reported to the parent, which raises ModelLoadError with it
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
