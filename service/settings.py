"""The one settings object, read at the edges (the FastAPI app factory, CLI ``main``, eval scripts).

Every field can be set by an environment variable ``CITEQA_<FIELD>`` (or a ``.env`` file in the
working directory); CLI flags override both.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from citeqa.index.embedding import DEFAULT_BACKEND, DEFAULT_MODEL, Backend, default_cache_dir
from citeqa.service.errors import SettingsError



def _model_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/citeqa/onnx`` when that variable is set, else ``~/.cache/citeqa/onnx``."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "citeqa" / "onnx" if xdg else default_cache_dir()


def is_loopback(host: str) -> bool:
    """Whether a bind address or host name is loopback only (``127.0.0.0/8``, ``::1``, ``localhost``)."""
    import ipaddress

    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def default_index_dir(corpus_dir: Path) -> Path:
    """Where a corpus's index lives unless told: one folder per corpus folder under the user's
    data folder (platformdirs: ``~/.local/share/citeqa/indexes`` on Linux, ``XDG_DATA_HOME``
    honoured), named after the folder and a digest of its absolute path. Every entry point
    (``citeqa ask``, ``serve``, ``mcp``, ``citeqa.open``), started from any working directory,
    finds the same index for the same corpus.
    """
    from platformdirs import user_data_path

    resolved = corpus_dir.expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:12]
    slug = "".join(c if c.isalnum() or c in "-_." else "_" for c in resolved.name)[:60] or "corpus"
    return user_data_path("citeqa", appauthor=False) / "indexes" / f"{slug}-{digest}"


def builtin_corpus() -> Path:
    """The built-in corpus folder, shipped inside the package (resolved)."""
    import citeqa.corpus

    return Path(citeqa.corpus.__file__).resolve().parent / "documents"


class Settings(BaseSettings):
    """citeqa's configuration. See README.md for the table of fields."""

    model_config = SettingsConfigDict(env_prefix="CITEQA_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(
        default_factory=builtin_corpus,
        description="folder of documents (.txt .md .rst .csv .html .pdf .docx .pptx .epub)",
    )
    encoding: str | None = Field(
        default=None,
        description="encoding of legacy text files that are not UTF-8 and have no BOM, e.g. cp1252 (unset: detected)",
    )
    index_dir: Path = Field(
        default_factory=lambda data: default_index_dir(data["corpus_dir"]),
        description="folder the index is stored in (unset: one per corpus folder in the user's data folder)",
    )
    model: str = Field(default=DEFAULT_MODEL, description="sentence-transformers model: hub name or local folder")
    hf_offline: bool = Field(default=True, description="set HF_HUB_OFFLINE=1 so no model is fetched from a hub")
    device: str = Field(default="cpu", description="torch device for the model (torch backend)")
    backend: Backend = Field(
        default=DEFAULT_BACKEND,
        description="encoder: torch, onnx (exported locally, same embeddings, faster) or onnx-int8 (quantised)",
    )
    threads: int = Field(default=0, ge=0, description="ONNX encoder threads; 0 = one per physical core")
    single_pass_threads: int | None = Field(
        default=None, ge=0,
        description="ONNX encoder threads for a pass of one question; unset: as `threads` "
        "(`serve --workers N` sets 0 while it splits `threads` between the workers)",
    )
    model_cache_dir: Path = Field(
        default_factory=_model_cache_dir, description="where ONNX exports of the model are kept"
    )
    host: str = Field(default="127.0.0.1", description="address `citeqa serve` binds")
    port: int = Field(default=8000, ge=0, le=65535, description="port `citeqa serve` binds")
    api_keys: str = Field(
        default="", repr=False,
        description="comma-separated API keys; when set, every route but /healthz, /readyz and the page's "
        "static shell needs `Authorization: Bearer <key>`",
    )
    api_keys_file: Path | None = Field(
        default=None, description="file with one API key per line (added to api_keys)"
    )
    url: str | None = Field(
        default=None,
        description="a running citeqa service (e.g. http://127.0.0.1:8000) that `citeqa ask` sends its question to, "
        "instead of loading the index itself",
    )
    api_key: str | None = Field(
        default=None, repr=False,
        description="the key `citeqa ask --url` and the Haystack retriever send to a service that has keys",
    )
    allowed_hosts: str = Field(
        default="",
        description="comma-separated Host names the service answers to (unset: the loopback names when bound "
        "to loopback, any Host otherwise); `*` allows any",
    )
    cors_origins: str = Field(
        default="", description="comma-separated exact origins (scheme://host[:port]) allowed to call the API from a browser"
    )
    allow_open_bind: bool = Field(
        default=False,
        description="let `citeqa serve` bind a non-loopback address without API keys (a proxy in front handles auth)",
    )
    chunk_size: int = Field(
        default=800, ge=50, le=10000,
        description="max chunk length before overlap, in characters (chosen in eval/RESULTS.md)",
    )
    chunk_overlap: int = Field(default=160, ge=0, description="max overlap between chunks (whole sentences), in characters")
    batch_size: int = Field(default=64, ge=1, description="texts per embedding batch")
    ray_address: str | None = Field(
        default=None,
        description="Ray cluster for `citeqa index --ray` and `citeqa serve --ray` when the flag gives none "
        "(`auto`, or host:port of the head's GCS)",
    )
    ray_embedders: int = Field(default=2, ge=1, description="embedder actors a Ray build runs (the actor pool's size)")
    ray_embedder_cpus: int = Field(
        default=1, ge=1, description="CPUs each Ray embedder actor reserves; the actors' ONNX threads"
    )
    ray_replica_cpus: float = Field(
        default=1.0, gt=0, description="CPUs each `serve --ray` app replica reserves (its encoder's threads: at least one)"
    )
    ray_shard_cpus: float = Field(
        default=1.0, gt=0, description="CPUs each replica of a `serve --ray --shards N` shard reserves"
    )
    ray_batch_size: int = Field(default=256, ge=1, description="texts per batch handed to a Ray embedder actor")
    encode_batch: int = Field(default=32, ge=1, description="most questions embedded together (micro-batching of concurrent requests)")
    encode_wait_ms: float = Field(
        default=0.0, ge=0,
        description="how long a question waits for others to batch with, in milliseconds (0: batch what queued meanwhile)",
    )
    query_cache: int = Field(default=1024, ge=0, description="questions whose embedding is kept (LRU); 0 disables")
    default_k: int = Field(default=5, ge=1, description="passages returned when a request gives no k")
    max_k: int = Field(default=50, ge=1, description="largest k a request may ask for")
    max_body_bytes: int = Field(default=65536, ge=1024, description="largest HTTP request body accepted, in bytes (413 above)")
    max_question_chars: int = Field(default=2000, ge=1, description="longest question accepted, in characters")
    hybrid_dense_weight: float = Field(
        default=0.4, ge=0.0, le=1.0,
        description="weight of the dense score against BM25 in the hybrid ranking (chosen in eval/RESULTS.md)",
    )
    min_confidence: float = Field(
        default=0.32, ge=-1.0, le=1.0,
        description="abstain when the answer's confidence is below this (chosen in eval/RESULTS.md)",
    )
    weak_ratio: float = Field(
        default=0.7, ge=0.0, le=1.0,
        description="a passage scoring under this times the best passage's score is flagged weak (chosen in eval/RESULTS.md)",
    )
    reload_interval: float = Field(
        default=1.0, ge=0.0,
        description="how often a running server checks for a new index version (CURRENT), in seconds; 0: never",
    )
    workers: int = Field(
        default=1, ge=1, le=64,
        description="server processes on the one port (`citeqa serve --workers N`); each loads the model and the index",
    )
    watch: bool = Field(default=False, description="re-index when files in the corpus folder change (`citeqa serve --watch`)")
    watch_debounce_ms: int = Field(
        default=1000, ge=50, description="wait for this many milliseconds of quiet in the corpus folder before re-indexing"
    )
    max_upload_bytes: int = Field(
        default=50_000_000, ge=1024, description="largest document `PUT /documents/{doc_id}` accepts, in bytes (413 above)"
    )
    rebuild: Literal["auto", "never"] = Field(
        default="auto", description="on start: rebuild a missing or stale index (auto) or refuse to start (never)"
    )

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(f"chunk_overlap ({self.chunk_overlap}) must be smaller than chunk_size ({self.chunk_size})")
        if str(self.model_cache_dir) in ("", "."):
            raise ValueError("model_cache_dir is empty; give a folder for the ONNX export (or leave it unset)")
        if self.encoding is not None:
            import codecs

            try:
                codecs.lookup(self.encoding)
            except LookupError as exc:
                raise ValueError(f"encoding {self.encoding!r} is not a known codec (e.g. cp1252, latin-1, shift_jis)") from exc
        if self.default_k > self.max_k:
            raise ValueError(f"default_k ({self.default_k}) must not exceed max_k ({self.max_k})")
        return self

    def keys(self) -> list[str]:
        """The API keys: ``api_keys`` and the lines of ``api_keys_file``; empty means no auth.

        Raises:
            SettingsError: ``api_keys_file`` cannot be read, or the key settings are set but hold no
                key (``" , "``, a file of comments): serving without keys then would not be
                what was asked for.
        """
        keys = [k.strip() for k in self.api_keys.split(",") if k.strip()]
        if self.api_keys_file is not None:
            try:
                lines = self.api_keys_file.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise SettingsError(f"cannot read api_keys_file {str(self.api_keys_file)!r}: {exc}") from exc
            keys += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not keys and (self.api_keys.strip() or self.api_keys_file is not None):
            raise SettingsError("CITEQA_API_KEYS / CITEQA_API_KEYS_FILE are set but hold no key; set a key, "
                                "or unset both to serve without keys")
        return keys

    def check_locations(self) -> None:
        """Refuse an index folder that cannot work, before anything is loaded or built.

        Raises:
            SettingsError: the index folder is a file, or is the corpus folder itself (its files
                would then be read as documents; a subfolder is fine, the reader skips index
                folders).
        """
        if self.index_dir.exists() and not self.index_dir.is_dir():
            raise SettingsError(f"the index folder {str(self.index_dir)!r} is a file; --index takes a folder")
        if self.index_dir.resolve() == self.corpus_dir.resolve():
            raise SettingsError(f"the index folder is the corpus folder {str(self.corpus_dir)!r}: its files would be "
                                "read as documents; give --index another folder (by default it lives in the user's "
                                "data folder)")

    def host_names(self) -> list[str]:
        """The Host names allowed (lower case, no port); ``["*"]`` allows any."""
        names = [h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip()]
        if names:
            return names
        if is_loopback(self.host):
            return ["127.0.0.1", "localhost", "::1", "[::1]"]
        return ["*"]

    def origins(self) -> list[str]:
        """The CORS origins allowed (exact strings, no trailing slash)."""
        return [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]

    def apply_environment(self) -> None:
        """Set process-wide variables the libraries read (call once, at an entry point)."""
        if self.hf_offline:
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # also hides "Loading weights"
