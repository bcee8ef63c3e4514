"""Bytes to stored text: charset detection, binary refusal, NFC normalisation."""

from __future__ import annotations

import re

from parley.errors import InputError
from parley.records import normalise_text

# Formats people feed us by mistake, named so the message can say what to do.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file; convert it to text first (for example with pdftotext)"),
    (b"\x89PNG", "a PNG image, not an article"),
    (b"\xff\xd8\xff", "a JPEG image, not an article"),
    (b"GIF8", "a GIF image, not an article"),
    (b"PK\x03\x04", "a ZIP archive (or .docx); unpack or convert it to text first"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"SQLite format 3", "an SQLite database, not an article"),
)
# C0/C1 control characters other than tab, newline, vertical tab, form feed and CR.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _is_mostly_control(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(3, len(sample) // 100)


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` to parley's stored text form, or raise :class:`InputError`.

    UTF-8 (with or without BOM) is tried first; otherwise charset-normalizer guesses.
    """
    if not data.strip():
        raise InputError(source, "empty; there is no text to ingest")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"not text: {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise InputError(
                source, "undecodable: no text encoding fits; convert it to UTF-8 (iconv -t UTF-8)"
            ) from None
        # Latin code pages often tie; prefer windows-1252, the web's default (WHATWG).
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        text = str(next((m for m in tied if m.encoding == "cp1252"), best))
    if "\x00" in text[:4096] or _is_mostly_control(text):
        raise InputError(
            source, "not text (binary data); give a .txt, .html, .jsonl, RSS or Atom file"
        )
    text = normalise_text(text)
    if not text.strip():
        raise InputError(source, "empty; there is no text to ingest")
    return text
