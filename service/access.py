"""Who may do what: API keys with names, scopes and document globs, and the one rule that applies
them (:class:`Access`).

A key is named, and its name, never its secret, is what logs and the history record. Each key holds
scopes:

- ``read``: ask, read documents and their slices, the page, the MCP and OpenAI tools;
- ``write``: add, replace and delete documents (on a ``--writable`` server);
- ``admin``: both, plus a document's history and restoring an earlier version of it.

A key may be limited to documents whose ids match globs (``docs = ["hr/**", "*.pdf"]``, matched as
:func:`fnmatch.fnmatchcase` matches, as ``filter.doc_ids`` does: ``*`` also crosses ``/``). A
document outside a key's globs is, for that key, a document that does not exist: it is left out of
the search itself (the rows handed to FAISS's ``IDSelector`` and the BM25 mask), of ``sources``,
counts and confidence, and every route answers 404 for it, never 403, so ids do not leak.

Keys come from the TOML keys file (``CITEQA_KEYS_FILE``)::

    [keys.hr-bot]              # the key's name
    key = "..."                # its secret
    scopes = ["read"]
    docs = ["hr/**"]           # optional: every document when absent

and from the older ``CITEQA_API_KEYS`` / ``CITEQA_API_KEYS_FILE`` (one secret a line), which name
their keys ``key-1``, ``key-2``... and give them ``admin`` on every document: they always allowed
everything, and a key that may delete must be able to restore. With no key at all, every request may do everything its server allows
(a loopback server; writes still need ``--writable``).
"""

from __future__ import annotations

import hmac
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal, get_args

from pydantic import SecretStr

from citeqa.service.errors import DocumentNotFoundError, KeysFileError, ScopeError

Scope = Literal["read", "write", "admin"]
SCOPES: tuple[Scope, ...] = get_args(Scope)
#: What each scope allows beyond itself: admin holds read and write.
_IMPLIED: dict[Scope, frozenset[Scope]] = {
    "read": frozenset({"read"}), "write": frozenset({"write"}), "admin": frozenset(SCOPES),
}
#: A key's name: printable in a log line and a history record as it is.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_FIELDS = frozenset({"key", "scopes", "docs"})


@dataclass(frozen=True)
class ApiKey:
    """One API key: its name, its secret, what it may do and which documents it sees."""

    name: str
    secret: SecretStr
    scopes: frozenset[Scope]
    #: globs of the document ids it sees; None: every document
    docs: tuple[str, ...] | None = None

    def __repr__(self) -> str:  # the secret never reaches a log through a repr
        return f"ApiKey(name={self.name!r}, scopes={sorted(self.scopes)}, docs={self.docs})"


@dataclass(frozen=True)
class Access:
    """What one request may do: the key it came with, or ``key=None`` when the server has no keys
    (then every scope, every document). Built once per request by the guard; read by every route.
    """

    key: ApiKey | None = None

    @property
    def name(self) -> str | None:
        """The key's name (for logs and the history), None without keys."""
        return self.key.name if self.key is not None else None

    def require(self, scope: Scope) -> None:
        """Refuse a request whose key lacks ``scope``.

        Raises:
            ScopeError: the key holds no scope that implies ``scope`` (HTTP 403).
        """
        if self.key is None or any(scope in _IMPLIED[held] for held in self.key.scopes):
            return
        needs = repr(scope) if scope == "admin" else f"{scope!r} or 'admin'"
        raise ScopeError(f"the API key {self.key.name!r} may not {_VERBS[scope]}: it has the scope(s) "
                         f"{', '.join(sorted(self.key.scopes))}, this needs {needs}")

    @property
    def everything(self) -> bool:
        """Whether every document is visible (no key, or a key without globs)."""
        return self.key is None or self.key.docs is None

    def sees(self, doc_id: str) -> bool:
        """Whether ``doc_id`` exists for this request (its key's globs match it)."""
        return self.everything or any(fnmatchcase(doc_id, glob) for glob in self.key.docs or ())

    def visible(self, doc_ids: Iterable[str]) -> list[str]:
        """The ids of ``doc_ids`` this request sees, in their order."""
        return list(doc_ids) if self.everything else [d for d in doc_ids if self.sees(d)]

    def check(self, doc_id: str, what: str = "document") -> None:
        """Treat a document outside the key's globs as missing.

        Raises:
            DocumentNotFoundError: ``doc_id`` is not visible (the message a missing one gets).
        """
        if not self.sees(doc_id):
            raise DocumentNotFoundError(f"no {what} {doc_id!r} in the index; GET /documents lists them")


#: The full access of a server without keys (and of local tools: the CLI, ``citeqa mcp``).
OPEN = Access()
_VERBS: dict[Scope, str] = {"read": "ask or read documents", "write": "add, replace or delete documents",
                            "admin": "read a document's history or restore it"}


class KeyRing:
    """The keys a server accepts, and the lookup the guard makes for every request."""

    def __init__(self, keys: Sequence[ApiKey]) -> None:
        self.keys = tuple(keys)
        self._secrets = [k.secret.get_secret_value().encode("utf-8") for k in self.keys]

    def __bool__(self) -> bool:
        return bool(self.keys)

    def find(self, given: bytes) -> ApiKey | None:
        """The key whose secret is ``given``, or None. Every secret is compared, each with
        :func:`hmac.compare_digest` (constant time), and the loop never exits early, so the time
        taken tells nothing of which key, or how much of one, matched."""
        found: ApiKey | None = None
        for key, secret in zip(self.keys, self._secrets, strict=True):
            if hmac.compare_digest(given, secret):
                found = key
        return found

    def can_write(self) -> bool:
        """Whether some key may write (what a ``--writable`` server off loopback needs)."""
        return any("write" in _IMPLIED[s] for k in self.keys for s in k.scopes)


def _secret(value: SecretStr | str) -> str:
    # Settings.model_copy(update=...) does not validate: a plain str may stand where a SecretStr is.
    return value.get_secret_value() if isinstance(value, SecretStr) else value


def plain_keys(api_keys: SecretStr | str, api_keys_file: Path | None) -> list[ApiKey]:
    """The older keys: comma-separated ``api_keys`` and the lines of ``api_keys_file`` (``#``
    comments and blank lines skipped), named ``key-1``, ``key-2``... with the ``admin`` scope on
    every document: they always allowed everything, and a key that may delete may also restore.

    Raises:
        KeysFileError: ``api_keys_file`` cannot be read, or the settings are set but hold no key
            (``" , "``, a file of comments): serving without keys then would not be what was asked.
    """
    text = _secret(api_keys)
    secrets = [k.strip() for k in text.split(",") if k.strip()]
    if api_keys_file is not None:
        try:
            lines = api_keys_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise KeysFileError(f"cannot read api_keys_file {str(api_keys_file)!r}: {exc}") from exc
        secrets += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not secrets and (text.strip() or api_keys_file is not None):
        raise KeysFileError("CITEQA_API_KEYS / CITEQA_API_KEYS_FILE are set but hold no key; set a key, "
                            "or unset both to serve without keys")
    return [ApiKey(f"key-{n}", SecretStr(s), frozenset({"admin"})) for n, s in enumerate(secrets, 1)]


def _line_of(lines: Sequence[str], name: str, field: str | None = None, needle: str | None = None) -> int | None:
    """The 1-based line of table ``[keys.NAME]`` in a keys file, or of its ``field =`` line, or of
    the first line of that table holding ``needle``; for an inline table or dotted keys, the line
    that names the key (and the field, where one does); None when no line does."""
    header = re.compile(r"\s*\[\s*keys\s*\.\s*(?:\"" + re.escape(name) + r"\"|'" + re.escape(name) + r"'|"
                        + re.escape(name) + r")\s*\]")
    start = next((n for n, line in enumerate(lines) if header.match(line)), None)
    if start is None:  # an inline table (b = {...} under [keys]) or dotted keys (keys.b.scopes = ...)
        name_re = re.escape(name)
        inline = re.compile(r"\s*(?:keys\s*\.\s*)?(?:\"" + name_re + r"\"|'" + name_re + r"'|" + name_re + r")\s*[.=]")
        found = [n for n, line in enumerate(lines) if inline.match(line)]
        if field is not None:
            found = [n for n in found if re.search(r"\b" + re.escape(field) + r"\s*=", lines[n])] or found
        return found[0] + 1 if found else None
    if field is None and needle is None:
        return start + 1
    assign = re.compile(r"\s*" + re.escape(field or "") + r"\s*=")
    for n in range(start + 1, len(lines)):
        if lines[n].lstrip().startswith("["):
            break
        if (needle is not None and needle in lines[n]) or (needle is None and assign.match(lines[n])):
            return n + 1
    return start + 1


def read_keys_file(path: Path, doc_ids: Sequence[str] | None = None) -> list[ApiKey]:
    """Read a TOML keys file (the module docstring shows one).

    Args:
        path: the file.
        doc_ids: the corpus's document ids, to refuse a glob that matches none of them (a typo
            would otherwise hide every document from the key, silently); None: not checked.

    Returns:
        The keys in file order.

    Raises:
        KeysFileError: the file cannot be read or parsed, or a key is malformed: no ``key``, no
            scopes, an unknown scope or field, a name that is not ``[A-Za-z0-9_.-]``, a secret
            used twice, a glob that matches no document. The message names the file and line.
    """
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KeysFileError(f"cannot read the keys file {where!r}: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line N, column M)"
        raise KeysFileError(f"{where}: not valid TOML: {exc}") from exc
    lines = text.splitlines()

    def fail(message: str, name: str | None = None, field: str | None = None, needle: str | None = None) -> KeysFileError:
        line = _line_of(lines, name, field, needle) if name is not None else None
        return KeysFileError(f"{where}{f', line {line}' if line else ''}: {message}")

    extra = sorted(set(data) - {"keys"})
    if extra:
        raise KeysFileError(f"{where}: unknown top-level entries {extra}; a keys file holds [keys.NAME] tables")
    tables = data.get("keys", {})
    if not isinstance(tables, dict) or not tables:
        raise KeysFileError(f"{where}: no key; write one [keys.NAME] table per key, with key and scopes")
    keys: list[ApiKey] = []
    seen: dict[str, str] = {}
    for name, table in tables.items():
        if not _NAME.fullmatch(name):
            raise fail(f"key name {name!r}: use letters, digits, '_', '.' and '-' (at most 64)", name)
        if not isinstance(table, dict):
            raise fail(f"keys.{name} must be a table with key and scopes", name)
        unknown = sorted(set(table) - _FIELDS)
        if unknown:
            raise fail(f"keys.{name}: unknown field(s) {unknown}; known: key, scopes, docs", name, unknown[0])
        secret = table.get("key")
        if not isinstance(secret, str) or not secret.strip() or secret != secret.strip():
            raise fail(f"keys.{name}: `key` must be a non-empty string without surrounding spaces",
                       name, "key" if "key" in table else None)
        if secret in seen:
            raise fail(f"keys.{name}: the same secret as key {seen[secret]!r}; each key needs its own", name, "key")
        seen[secret] = name
        scopes = table.get("scopes")
        if scopes is not None and not isinstance(scopes, list):
            raise fail(f"keys.{name}: scopes must be a list, e.g. scopes = [\"read\"]", name, "scopes")
        if not isinstance(scopes, list) or not scopes:
            raise fail(f"keys.{name}: no scopes; give scopes = [...] with any of {', '.join(SCOPES)}",
                       name, "scopes" if "scopes" in table else None)
        bad = [s for s in scopes if s not in SCOPES]
        if bad:
            raise fail(f"keys.{name}: unknown scope(s) {bad}; known: {', '.join(SCOPES)}", name, "scopes")
        docs = table.get("docs")
        if docs is not None:
            if not isinstance(docs, list) or not docs or not all(isinstance(g, str) and g for g in docs):
                raise fail(f"keys.{name}: docs must be a non-empty list of globs such as \"hr/**\"", name, "docs")
            for glob in docs:
                if doc_ids is not None and not any(fnmatchcase(d, glob) for d in doc_ids):
                    raise fail(f"keys.{name}: the glob {glob!r} matches no document of the corpus", name,
                               "docs", f'"{glob}"' if f'"{glob}"' in text else glob)
        keys.append(ApiKey(name, SecretStr(secret), frozenset(scopes), tuple(docs) if docs is not None else None))
    return keys


def key_ring(api_keys: SecretStr | str, api_keys_file: Path | None, keys_file: Path | None,
             doc_ids: Sequence[str] | None = None) -> KeyRing:
    """Every key the settings give: the keys file's and the older plain ones.

    Raises:
        KeysFileError: as :func:`plain_keys` and :func:`read_keys_file`, or two keys with one
            secret or one name.
    """
    keys = plain_keys(api_keys, api_keys_file)
    if keys_file is not None:
        keys += read_keys_file(keys_file, doc_ids)
    names = [k.name for k in keys]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise KeysFileError(f"key name(s) {twice} given twice (CITEQA_API_KEYS names its keys key-1, key-2...)")
    secrets = [k.secret.get_secret_value() for k in keys]
    if len(set(secrets)) != len(secrets):
        raise KeysFileError("one secret is given to two keys (in CITEQA_API_KEYS and the keys file?)")
    return KeyRing(keys)
