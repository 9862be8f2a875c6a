"""Decode the bytes of a text file (plain text, Markdown, HTML, CSV) into the text offsets count into.

Order of evidence, strongest first:

1. a byte-order mark: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE (the BOM itself is not part of the text);
2. valid UTF-8 (the encoding of nearly every file written today; a legacy single-byte file is
   almost never valid UTF-8 by accident, since its bytes >= 0x80 rarely form UTF-8 sequences);
3. the encoding the user declared for legacy files (``CITEQA_ENCODING``, e.g. ``cp1252``), or
   for a web page the one its ``<meta charset>`` declares (:func:`html_declared_encoding`);
4. detection with charset-normalizer. Short Western European texts fit several single-byte code
   pages equally well (a French paragraph in windows-1252 came back as mac_latin2, "Café" read as
   "Cafť"), so windows-1252, the default the WHATWG Encoding Standard gives legacy single-byte
   content (https://encoding.spec.whatwg.org/), is taken whenever it decodes the bytes and reads as
   cleanly (charset-normalizer's mess ratio) as the best guess; Cyrillic or Greek text decoded as
   windows-1252 reads as a mess (ratio > 1 on our fixtures) and keeps its own code page.

A NUL byte in a file without a UTF-16/32 BOM marks it as binary, unless NULs fill every other byte
as in UTF-16 saved without a BOM. A UTF-8 file with a stray invalid byte or two stays UTF-8 (the
bad bytes become U+FFFD) instead of being detected as a legacy code page.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from citeqa.corpus.errors import BinaryFileError, EmptyDocumentError, EncodingError

#: BOM -> Python codec name, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PREFERRED = "cp1252"
#: How much messier than the best guess windows-1252 may read and still be taken.
_MESS_TOLERANCE = 0.01


@dataclass(frozen=True)
class Decoded:
    """A decoded text file.

    Attributes:
        text: the text, without a BOM; offsets count code points into it.
        encoding: how it was decoded, e.g. ``"utf-8"``, ``"utf-8 (BOM)"``, ``"utf-16-le (BOM)"``,
            ``"cp1252 (declared)"`` or ``"cp1252 (detected)"``.
    """

    text: str
    encoding: str


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes (see the module docstring for the order of evidence).

    Args:
        data: the raw bytes.
        declared: the encoding to use for files that are neither UTF-8 nor marked by a BOM (a Python
            codec name such as ``"cp1252"``); None detects it.

    Returns:
        The text and the encoding used.

    Raises:
        BinaryFileError: binary content (a NUL byte without a UTF-16/32 BOM, or over a tenth
            control characters).
        EncodingError: bytes invalid in the BOM's or the declared encoding, or an encoding that
            cannot be detected.
        EmptyDocumentError: empty, or only whitespace.
    """
    text, encoding = _decode(data, declared)
    if "\x00" in text:
        raise BinaryFileError("binary file (contains NUL characters)")
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f\v")
    if controls > 0.1 * len(text):  # text has a few at most (a form feed, a stray escape)
        raise BinaryFileError(f"binary file ({controls} of {len(text)} characters are control characters)")
    if not text.strip():
        raise EmptyDocumentError("empty or whitespace-only file")
    return Decoded(text, encoding)


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), f"{codec} (BOM)"
            except UnicodeDecodeError as exc:
                raise EncodingError(f"starts with a {codec} byte-order mark but is not valid {codec} "
                                    f"(byte {exc.start + len(bom)}: {exc.reason})") from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise BinaryFileError("binary file (contains NUL bytes)")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = f"byte {exc.start}: {exc.reason}"
    mostly = _mostly_utf8(data) if not declared else None
    if mostly is not None:
        return mostly
    if declared:
        try:
            return data.decode(declared), f"{codecs.lookup(declared).name} (declared)"
        except UnicodeDecodeError as exc:
            raise EncodingError(f"not valid UTF-8 ({utf8_error}) nor the declared encoding {declared} "
                                f"(byte {exc.start}: {exc.reason})") from exc
    encoding = _detect(data)
    if encoding is None:
        raise EncodingError(f"not valid UTF-8 ({utf8_error}) and its encoding could not be detected; "
                            "declare it with CITEQA_ENCODING (e.g. cp1252)")
    return data.decode(encoding), f"{encoding} (detected)"


#: An XML declaration's encoding (XHTML chapters of an EPUB), at the very start of the file.
_XML_DECLARATION = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: The WHATWG prescan looks at the first 1024 bytes for the declaration.
_PRESCAN_BYTES = 1024


def html_declared_encoding(data: bytes) -> str | None:
    """The encoding a web page declares in its XML declaration, or in a ``<meta charset>`` or
    ``http-equiv`` tag within its first 1024 bytes (the WHATWG prescan window), if Python knows
    it and it decodes the page; else None (the page's encoding is then detected).

    A page that is valid UTF-8 is still read as UTF-8 (see :func:`decode_text`): many pages
    declare one encoding and are saved in another.
    """
    head = data[:_PRESCAN_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None  # unknown, or wrong (a page saved as windows-1252 under "utf-8"): detect instead
    return name


#: At most this share of a UTF-8 file's non-ASCII bytes may be invalid for it still to be read as
#: UTF-8 (a stray byte pasted from elsewhere), the bad bytes becoming U+FFFD.
MAX_INVALID_UTF8_SHARE = 0.01


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few invalid bytes replaced, when the rest holds real multi-byte UTF-8.

    A legacy single-byte file has no valid multi-byte sequences (its accented letters are lone
    bytes >= 0x80), so it never passes; a UTF-8 file with one stray ``\\xff`` was read as
    windows-1250 whole ("Ünïcödé" became "ĂśnĂŻcĂ¶dĂ©").
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if "\x80" <= c and c != "\ufffd")
    non_ascii = sum(1 for b in data if b >= 0x80)
    if multibyte and invalid <= max(1, MAX_INVALID_UTF8_SHARE * non_ascii):
        return text, f"utf-8 ({invalid} invalid byte{'s' if invalid > 1 else ''} replaced)"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: mostly Latin text has a NUL in every other
    byte (the odd ones little-endian, the even ones big-endian). None when the bytes do not look so
    or do not decode."""
    if len(data) % 2 or len(data) < 4:
        return None
    even_nul = data[0::2].count(0) / (len(data) // 2)
    odd_nul = data[1::2].count(0) / (len(data) // 2)
    for codec, zeros, others in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if zeros >= 0.3 and others <= 0.05:
            try:
                return data.decode(codec), f"{codec} (no BOM, detected)"
            except UnicodeDecodeError:
                return None
    return None


def _detect(data: bytes) -> str | None:
    """The encoding of a legacy file: windows-1252 when it reads as cleanly as charset-normalizer's
    best guess, else that guess (module docstring)."""
    # Imported here: only legacy files need the detector.
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data).best()
    try:
        western = data.decode(_PREFERRED)
    except UnicodeDecodeError:
        return str(best.encoding) if best is not None else None
    if best is None or mess_ratio(western) <= best.chaos + _MESS_TOLERANCE:
        return _PREFERRED
    return str(best.encoding)
