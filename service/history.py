"""The versioned store of documents' previous bytes, so that no write destroys the only copy.

Before a replace, a delete or a restore changes a corpus file, the file's bytes are saved here,
inside the index folder::

    history/objects/<sha256>     the bytes, content-addressed (one copy of equal bytes)
    history/log.jsonl            one record per saved version: doc id, sha256, size, time, what
                                 displaced it (replace, delete, restore) and the key's name; and a
                                 mark without bytes when a write creates a file (it was absent)

Order, for crash safety: the object is written to a temporary file, fsynced, renamed into place
and its folder fsynced; then the record is appended and fsynced; only then does the caller change
the corpus file. A crash before the record leaves an unreferenced object (harmless: a later save of
the same bytes reuses it; nothing removes it) and the old file in the corpus; a crash after it leaves the old or the new file in
the corpus and the old bytes here. A record torn by a crash is skipped when the log is read.

Every operation holds the index folder's build lock (:func:`citeqa.index.store.build_lock`,
reentrant per thread, across processes), so a server's writes and ``citeqa restore`` never
interleave. Retention (:class:`Retention`) is applied after each save; a document's newest version
(for a deleted document, the only copy) and its oldest (the original, before any write through
citeqa) are never pruned, and every pruned version is logged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from citeqa.index.store import build_lock, fsync_dir, write_atomically
from citeqa.service.errors import BadRequestError, DocumentNotFoundError, StorageError

log = logging.getLogger("citeqa")

#: What displaced a saved version from the corpus (or, for an absence mark, created the file).
Action = Literal["replace", "delete", "restore"]
#: The ``sha256`` of an absence mark: the document did not exist before that record's time.
ABSENT = ""
_SHA = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class Version:
    """One saved version of a document."""

    doc_id: str
    sha256: str
    #: bytes
    size: int
    #: when it was displaced from the corpus: ISO 8601, UTC, microseconds
    saved_at: str
    action: Action
    #: the API key's name that made the write; None without keys (or a local command)
    key: str | None

    @property
    def time(self) -> datetime:
        """:attr:`saved_at` as an aware datetime."""
        return datetime.fromisoformat(self.saved_at)


@dataclass(frozen=True)
class Retention:
    """How much history is kept. The newest and the oldest version of each document are kept
    whatever these say (:func:`_to_prune`).

    Attributes:
        keep: versions kept per document (the newest ones); 0: no limit.
        max_age_days: versions older than this are pruned; 0: no limit.
        max_bytes: total bytes of the stored objects; the oldest versions go first; 0: no limit.
    """

    keep: int = 20
    max_age_days: float = 0.0
    max_bytes: int = 1 << 30


def parse_time(text: str) -> datetime:
    """An ISO 8601 time (``2026-12-07T10:00``, ``2026-12-07 10:00:00+01:00``, ``...Z``) as an
    aware datetime; one without a zone is this machine's local time.

    Raises:
        BadRequestError: not an ISO 8601 date or time.
    """
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadRequestError(f"time {text!r} is not ISO 8601 (e.g. 2026-12-07T10:00 or 2026-12-07T10:00:00Z)") from exc
    return aware(when)


def aware(when: datetime) -> datetime:
    """A time with its zone: one without is this machine's local time.

    Raises:
        BadRequestError: a time the local zone cannot place (near year 1 or 9999).
    """
    if when.tzinfo is not None:
        return when
    try:
        return when.astimezone()
    except (OverflowError, ValueError, OSError) as exc:  # mktime's range: year 0 out of range, say
        raise BadRequestError(f"time {when.isoformat()} is out of range ({exc})") from exc


def digest_prefix(text: str) -> str:
    """A version's name as given: 6 to 64 hex digits of its sha256, lower-cased.

    Raises:
        BadRequestError: shorter, longer, or not hex.
    """
    prefix = text.strip().lower()
    if not 6 <= len(prefix) <= 64 or not set(prefix) <= _SHA:
        raise BadRequestError(f"a version is named by 6 to 64 hex digits of its sha256, got {text!r}")
    return prefix


class History:
    """The history of one index folder (the folder ``history`` inside it)."""

    def __init__(self, index_dir: Path, retention: Retention | None = None) -> None:
        self.index_dir = index_dir
        self.root = index_dir / "history"
        self.objects = self.root / "objects"
        self.log_path = self.root / "log.jsonl"
        self.retention = retention or Retention()

    def save(self, doc_id: str, data: bytes, action: Action, key: str | None) -> Version:
        """Store ``data`` as the version of ``doc_id`` being displaced now, durably (fsynced)
        before returning: only then may the caller change the corpus file.

        Raises:
            StorageError: the index folder cannot be written (the caller must then not write).
        """
        digest = hashlib.sha256(data).hexdigest()
        version = Version(doc_id=doc_id, sha256=digest, size=len(data),
                          saved_at=datetime.now(UTC).isoformat(timespec="microseconds"), action=action, key=key)
        try:
            with build_lock(self.index_dir):
                self._write_object(digest, data)
                self._append(version)
                self._prune_locked()
        except OSError as exc:
            raise StorageError(f"cannot save the previous bytes of {doc_id!r} in {str(self.root)!r} "
                               f"({exc.strerror or exc}); nothing was changed") from exc
        log.info("citeqa: history: saved %s (%s, %d bytes, %s by %s)", doc_id, digest[:12], len(data), action,
                 key or "no key")
        return version

    def _write_object(self, digest: str, data: bytes) -> None:
        target = self.objects / digest
        if target.is_file() and target.stat().st_size == len(data):
            return  # content-addressed: these bytes are already stored
        write_atomically(target, data, ".tmp-")
        fsync_dir(self.root)  # the objects folder itself, when this save made it

    def _append(self, version: Version) -> None:
        line = (json.dumps(asdict(version), ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            size = os.fstat(fd).st_size
            if size:  # a record torn by a crash must not swallow this one
                with open(self.log_path, "rb") as handle:
                    handle.seek(size - 1)
                    if handle.read(1) != b"\n":
                        line = b"\n" + line
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_dir(self.root)

    def mark_absent(self, doc_id: str, action: Action, key: str | None) -> None:
        """Record that ``doc_id`` did not exist until now (a write creates it): no bytes, only the
        time, so that a restore ``at`` a time before it says the document was not there, rather
        than bringing back a version from before a delete.

        Raises:
            StorageError: the index folder cannot be written.
        """
        marker = Version(doc_id=doc_id, sha256=ABSENT, size=0,
                         saved_at=datetime.now(UTC).isoformat(timespec="microseconds"), action=action, key=key)
        try:
            with build_lock(self.index_dir):
                self.root.mkdir(parents=True, exist_ok=True)
                self._append(marker)
        except OSError as exc:
            raise StorageError(f"cannot write the history in {str(self.root)!r} ({exc.strerror or exc}); "
                               "nothing was changed") from exc

    def records(self, doc_id: str | None = None) -> list[Version]:
        """Every record, oldest first: the saved versions and the absence marks
        (:meth:`mark_absent`, ``sha256`` :data:`ABSENT`). Records torn by a crash, or whose object
        is missing, are skipped."""
        try:
            raw = self.log_path.read_bytes()
        except FileNotFoundError:
            return []
        found: list[Version] = []
        for line in raw.splitlines():
            try:
                version = Version(**json.loads(line))
            except (ValueError, TypeError):
                continue  # torn by a crash mid-append
            if doc_id is not None and version.doc_id != doc_id:
                continue
            if version.sha256 == ABSENT or (self.objects / version.sha256).is_file():
                found.append(version)
        return found

    def versions(self, doc_id: str | None = None) -> list[Version]:
        """The saved versions, oldest first: of ``doc_id``, or of every document (None)."""
        return [v for v in self.records(doc_id) if v.sha256 != ABSENT]

    def read(self, version: Version) -> bytes:
        """The bytes of a saved version, checked against its digest.

        Raises:
            StorageError: the object is missing or damaged.
        """
        try:
            data = (self.objects / version.sha256).read_bytes()
        except OSError as exc:
            raise StorageError(f"the stored version {version.sha256[:12]} of {version.doc_id!r} cannot be read: "
                               f"{exc.strerror or exc}") from exc
        if hashlib.sha256(data).hexdigest() != version.sha256:
            raise StorageError(f"the stored version {version.sha256[:12]} of {version.doc_id!r} is damaged")
        return data

    def find(self, doc_id: str, at: datetime | None = None, sha256: str | None = None) -> Version:
        """The version to restore: the newest saved one; with ``sha256`` (a prefix of at least 6
        hex digits), the newest with that digest; with ``at``, the one that was in the corpus at
        that time (the first saved after it: each version was live until it was saved here).

        Raises:
            DocumentNotFoundError: no such version.
            BadRequestError: a digest prefix that is short or not hex.
        """
        versions = self.versions(doc_id)
        if not versions:
            raise DocumentNotFoundError(f"no earlier version of {doc_id!r} is stored")
        if sha256 is not None:
            prefix = digest_prefix(sha256)
            matches = [v for v in versions if v.sha256.startswith(prefix)]
            if not matches:
                raise DocumentNotFoundError(f"no stored version of {doc_id!r} has a sha256 starting {prefix!r}")
            return matches[-1]
        if at is not None:
            later = [v for v in self.records(doc_id) if v.time > at]
            if not later:
                raise DocumentNotFoundError(
                    f"{doc_id!r} has not been replaced or deleted since {at.isoformat()}: the corpus holds it as it "
                    "was then (or it was never there)")
            if later[0].sha256 == ABSENT:
                raise DocumentNotFoundError(f"{doc_id!r} did not exist at {at.isoformat()} (it was created, or "
                                            f"restored after a delete, at {later[0].saved_at})")
            return later[0]
        return versions[-1]

    def prune(self) -> list[Version]:
        """Apply the retention now (saves do it too). Returns the versions pruned, each logged."""
        with build_lock(self.index_dir):
            return self._prune_locked()

    def _prune_locked(self) -> list[Version]:
        records = self.records()
        versions = [v for v in records if v.sha256 != ABSENT]
        drop = _to_prune(versions, self.retention, datetime.now(UTC))
        if not drop:
            return []
        kept = [v for v in records if v not in drop]  # absence marks stay: they hold no bytes
        write_atomically(self.log_path, "".join(json.dumps(asdict(v), ensure_ascii=False) + "\n"
                                                for v in kept).encode("utf-8"), ".log-")
        referenced = {v.sha256 for v in kept if v.sha256 != ABSENT}
        for version in drop:
            log.warning("citeqa: history: pruned %s version %s (%d bytes, saved %s) by the retention "
                        "(keep %d, max age %g days, max %d bytes)", version.doc_id, version.sha256[:12], version.size,
                        version.saved_at, self.retention.keep, self.retention.max_age_days, self.retention.max_bytes)
            if version.sha256 not in referenced:
                with contextlib.suppress(FileNotFoundError):
                    (self.objects / version.sha256).unlink()
        return list(drop)


def _to_prune(versions: Sequence[Version], retention: Retention, now: datetime) -> list[Version]:
    """Which versions the retention drops (pure): beyond ``keep`` per document, older than
    ``max_age_days``, then the oldest until the distinct objects fit ``max_bytes``; never a
    document's newest version, nor its oldest (the file as it was before any write through citeqa:
    a flood of writes, a fuzzer's, must not push the original out)."""
    newest = {v.doc_id: v for v in versions}  # the last record of each document
    oldest = {v.doc_id: v for v in reversed(versions)}  # and the first
    protected = set(newest.values()) | set(oldest.values())
    drop: list[Version] = []
    per_doc: dict[str, list[Version]] = {}
    for v in versions:
        per_doc.setdefault(v.doc_id, []).append(v)
    if retention.keep:
        for doc_versions in per_doc.values():
            drop += doc_versions[:-retention.keep] if len(doc_versions) > retention.keep else []
    if retention.max_age_days:
        cutoff = now - timedelta(days=retention.max_age_days)
        drop += [v for v in versions if v.time < cutoff and v not in drop]
    drop = [v for v in drop if v not in protected]
    if retention.max_bytes:
        kept = [v for v in versions if v not in drop]
        sizes = {v.sha256: v.size for v in kept}
        total = sum(sizes.values())
        for v in kept:  # oldest first
            if total <= retention.max_bytes:
                break
            if v in protected:
                continue
            drop.append(v)
            if not any(o.sha256 == v.sha256 for o in kept if o not in drop):
                total -= sizes[v.sha256]
    return drop
