"""The one settings object, read at the edges (the FastAPI app factory, CLI ``main``, eval scripts).

Every field can be set by an environment variable ``CITEQA_<FIELD>`` (or a ``.env`` file in the
working directory); CLI flags override both.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, SerializationInfo, field_serializer, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from citeqa.index.embedding import DEFAULT_BACKEND, DEFAULT_MODEL, Backend, default_cache_dir
from citeqa.service.access import KeyRing, key_ring
from citeqa.service.history import History, Retention
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


def corpus_ids(settings: Settings) -> list[str]:
    """The document ids the keys' globs are checked against: the corpus folder's files now (a
    walk, nothing read) and those the history holds versions of, so that a key whose documents
    were all deleted (and can be restored) still starts; empty when there are none."""
    from citeqa.corpus.errors import CorpusNotFoundError
    from citeqa.corpus.reader import list_corpus_files

    try:
        found = [doc_id for doc_id, _ in list_corpus_files(settings.corpus_dir)]
    except CorpusNotFoundError:
        found = []
    return sorted({*found, *(v.doc_id for v in History(settings.index_dir).versions())})


def check_write_mode(settings: Settings, keys: KeyRing) -> None:
    """Refuse a writable server that anyone beyond this machine could write to: ``writable``
    off loopback, or on loopback answering to other Host names than loopback's (a reverse proxy
    forwards them), needs a key with the ``write`` or ``admin`` scope (``allow_open_bind`` does
    not stand in for one: a fuzzer or stray script must not be able to replace a user's files).

    Raises:
        OpenBindError: writable, reachable beyond loopback, and no key may write.
    """
    from citeqa.service.errors import OpenBindError

    if not settings.writable or keys.can_write():
        return
    if not is_loopback(settings.host):
        raise OpenBindError(
            f"--writable on {settings.host} (beyond loopback) needs an API key with the write or admin scope: give "
            "one in a keys file (CITEQA_KEYS_FILE, README: Security), or serve read-only, or bind 127.0.0.1")
    public = [h for h in settings.host_names() if not is_loopback(h)]
    if public:  # on loopback behind a proxy that forwards these names: reachable beyond this machine
        raise OpenBindError(
            f"--writable with CITEQA_ALLOWED_HOSTS {', '.join(public)} (a proxy in front) needs an API key with the "
            "write or admin scope: give one in a keys file (CITEQA_KEYS_FILE), or serve read-only")


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
    api_keys: SecretStr = Field(
        default=SecretStr(""),
        description="comma-separated API keys (named key-1, key-2..., scope admin, every document); "
        "when any key is set, every route but /healthz, /readyz and the page's static shell needs "
        "`Authorization: Bearer <key>`",
    )
    api_keys_file: Path | None = Field(
        default=None, description="file with one API key per line (added to api_keys)"
    )
    keys_file: Path | None = Field(
        default=None,
        description="TOML file of named keys with scopes (read, write, admin) and document globs "
        "(README: Security); added to api_keys",
    )
    writable: bool = Field(
        default=False,
        description="let PUT/DELETE /documents and restores change the corpus folder (off: read-only, a 403 "
        "says how to enable); beyond loopback it needs a key with the write or admin scope",
    )
    history_keep: int = Field(
        default=20, ge=0, description="earlier versions kept per document in the index folder's history; 0: no limit"
    )
    history_max_age_days: float = Field(
        default=0.0, ge=0, description="earlier versions older than this are pruned (logged), in days; 0: no limit"
    )
    history_max_bytes: int = Field(
        default=1 << 30, ge=0,
        description="bytes the history may hold, oldest pruned first (logged); 0: no limit. A document's newest "
        "earlier version is never pruned",
    )
    url: str | None = Field(
        default=None,
        description="a running citeqa service (e.g. http://127.0.0.1:8000) that `citeqa ask` sends its question to, "
        "instead of loading the index itself",
    )
    api_key: SecretStr | None = Field(
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

    @field_serializer("api_keys", "api_key", when_used="json")
    def _secret_json(self, value: SecretStr | str | None, info: SerializationInfo) -> str | None:
        # Masked in every dump but the one that carries settings to this service's own processes.
        if value is None:
            return None
        if (info.context or {}).get("carry_secrets"):
            return value.get_secret_value() if isinstance(value, SecretStr) else value
        return str(SecretStr(value) if isinstance(value, str) else value)

    def carried_json(self) -> str:
        """These settings as JSON with the secrets in clear, for this service's own worker and
        Ray replica processes (:func:`Settings.model_validate_json` reads it); never log it."""
        return self.model_dump_json(context={"carry_secrets": True})

    def key_ring(self, doc_ids: Sequence[str] | None = None) -> KeyRing:
        """The API keys: ``api_keys``, the lines of ``api_keys_file`` and the keys file's named keys;
        empty means no auth.

        Args:
            doc_ids: the corpus's document ids, against which each key's globs are checked (a glob
                matching none is refused); None: not checked.

        Raises:
            KeysFileError: a keys file that cannot be read or is malformed (the message names the
                line), or key settings that are set but hold no key.
        """
        return key_ring(self.api_keys, self.api_keys_file, self.keys_file, doc_ids)

    def keys(self) -> list[str]:
        """The secrets of every key (:meth:`key_ring`); empty means no auth.

        Raises:
            KeysFileError: as :meth:`key_ring`.
        """
        return [k.secret.get_secret_value() for k in self.key_ring().keys]

    def retention(self) -> Retention:
        """How much document history to keep (``history_*``)."""
        return Retention(keep=self.history_keep, max_age_days=self.history_max_age_days,
                         max_bytes=self.history_max_bytes)

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
