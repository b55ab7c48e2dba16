"""What a file holds, before it is read as an article: binary or text, its encoding, HTML or not, English or not.

- **Binary** files are recognised by their first bytes (PDF, images, archives, office documents,
  executables, ...) and otherwise by NUL bytes or more than 1% control bytes.
- **Decoding**: UTF-8 (a byte order mark is allowed); UTF-16 when the file starts with its byte
  order mark; else Windows-1252 (the usual encoding of Western text that is not UTF-8); else
  Latin-1, which decodes any bytes. Anything but UTF-8 is noted on the article.
- **Mojibake**, UTF-8 that was once decoded as Latin-1 or Windows-1252 ("Â£" for "£", "â€™" for
  "’"), is repaired with ftfy's ``fix_encoding`` (which changes nothing else: quotes stay curly,
  nothing is normalised) and noted.
- **HTML** pages (``.html``/``.htm`` files, or a text that starts as an HTML document) give their
  main text and title through trafilatura, without navigation, comments, tables or scripts.
- **Language**: prose is not English when most of its letters are not Latin, or when it has at
  least ``MIN_JUDGED_WORDS`` words and under ``MIN_ENGLISH_SHARE`` (8%) of them are in
  ``ENGLISH_WORDS``, frequent English words that other languages do not use (17-27% in the articles
  of the dev corpus, under 3% in French, German, Spanish, Italian, Portuguese, Dutch and Polish news
  prose). Only the first ``LANGUAGE_SAMPLE`` characters are looked at. Deterministic and offline.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import ftfy

HTML_SUFFIXES = (".html", ".htm")
MIN_JUDGED_WORDS = 40  # shorter prose is not judged: too few words to tell
MIN_ENGLISH_SHARE = 0.08  # of the words, in ENGLISH_WORDS
MIN_NAMED_SHARE = 0.15  # of the words, in a language's list, to say the text looks that language
LANGUAGE_SAMPLE = 20_000  # characters of prose looked at
MAX_CONTROL_SHARE = 0.01  # of the bytes: more and the file is not text
MOJIBAKE_NOTE = 'repaired mojibake: text once decoded with the wrong encoding ("Â£" for "£", "â€™" for "’")'

# First bytes -> what the file is. Text never starts like these.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "zip archive, or a .docx, .xlsx, .odt or .epub document"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc, .xls, .ppt)"),
    (b"{\\rtf", "RTF document: save it as plain text"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # not tab, line breaks, form feeds
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_HTML_DOCUMENT = re.compile(r"(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")

# Frequent English words that are rare as words of the other languages written in Latin letters
# ("in", "is", "was", "we", "an", "to", "a", "of" are also Dutch, German, French or Polish words).
ENGLISH_WORDS = frozenset(
    "the and that for with by it he she they said from his her their this be been are would will which were "
    "its but had have has who not or after also than there about our you into over when what could should "
    "them him if".split()
)
# The same for the languages most often met instead, to say which one a text looks like.
OTHER_LANGUAGES: dict[str, frozenset[str]] = {
    "French": frozenset("le la les des est une et du pour dans que qui pas sur au aux avec ne il elle".split()),
    "German": frozenset("der die und das ist nicht ein eine den mit sich auf dem zu von des für auch".split()),
    "Spanish": frozenset("el los las del que y por con una para es se su al como pero más".split()),
    "Italian": frozenset("il di che della per non sono gli una con del le nel alla è anche".split()),
    "Portuguese": frozenset("o os da do que em para com não uma dos se ao pela pelo mais".split()),
    "Dutch": frozenset("de het een van en dat niet zijn op voor met ook maar worden werd".split()),
}


@dataclass(frozen=True)
class Decoded:
    """A file's text and what was done to get it (one-line notes: the encoding when not UTF-8, a repair)."""

    text: str
    notes: tuple[str, ...] = ()

    def repaired(self) -> Decoded:
        """The text with its mojibake repaired, and a note saying so, if it had any."""
        fixed = ftfy.fix_encoding(self.text)
        return self if fixed == self.text else Decoded(fixed, (*self.notes, MOJIBAKE_NOTE))


@dataclass(frozen=True)
class Page:
    """The main text of an HTML page (paragraphs separated by blank lines) and its title."""

    text: str
    title: str | None


def binary_kind(data: bytes) -> str | None:
    """What a file that is not text is ("PDF", "PNG image", "contains NUL bytes"), or None for text."""
    if data.startswith(_UTF16_BOMS) and not data.startswith(codecs.BOM_UTF32_LE):
        return None  # UTF-16 text has NUL bytes (UTF-32, rarer, is left to the NUL test)
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if b"\x00" in data:
        return "contains NUL bytes"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(data):
        return f"mostly non-text: {controls / len(data):.0%} control bytes"
    return None


def decode(data: bytes) -> Decoded:
    """The text of a file that is not binary: UTF-8, else UTF-16 (with its byte order mark), else
    Windows-1252, else Latin-1."""
    notes: list[str] = []
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
        notes.append("decoded as UTF-16 (it starts with a UTF-16 byte order mark)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            where = f"byte 0x{data[error.start]:02X} at offset {error.start}"
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined
                text, encoding = data.decode("latin-1"), "Latin-1"
            notes.append(f"decoded as {encoding}: not valid UTF-8 ({where})")
    return Decoded(text, tuple(notes))


def is_html(name: str, text: str) -> bool:
    """An HTML page: named so, or a text that starts as an HTML document."""
    return name.lower().endswith(HTML_SUFFIXES) or _HTML_DOCUMENT.match(text[:4096]) is not None


def main_text(html: str) -> Page | None:
    """The article in an HTML page, or None when trafilatura finds no main text in it."""
    import trafilatura  # only when there is a page: it takes a tenth of a second to import

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    if document is None or isinstance(document, dict):
        return None
    lines = [line.strip() for line in (document.text or "").splitlines() if line.strip()]
    title = (document.title or "").strip() or None
    if lines and lines[0] == title:  # the headline repeated at the top of the text
        lines = lines[1:]
    return Page("\n\n".join(lines), title) if lines else None


def language_problem(prose: str) -> str | None:
    """Why the prose is not English ("not English (mostly Cyrillic letters)"), or None when it is
    (or, in Latin letters, is too short to tell)."""
    sample = prose[:LANGUAGE_SAMPLE]
    letters = _LETTER.findall(sample)
    if len(_LATIN_LETTER.findall(sample)) * 2 < len(letters):
        scripts = Counter(_script(c) for c in letters if not _LATIN_LETTER.match(c))
        return f"not English (mostly {scripts.most_common(1)[0][0]} letters)"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_JUDGED_WORDS:
        return None
    english = sum(w in ENGLISH_WORDS for w in words) / len(words)
    if english >= MIN_ENGLISH_SHARE:
        return None
    shares = {language: sum(w in common for w in words) / len(words) for language, common in OTHER_LANGUAGES.items()}
    language = max(shares, key=lambda name: shares[name])
    looks = f"; it looks {language}" if shares[language] >= MIN_NAMED_SHARE else ""
    return f"not English ({english:.0%} common English words{looks})"


def _script(letter: str) -> str:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A" -> "Cyrillic")."""
    first = unicodedata.name(letter, "unknown").split()[0]
    return "CJK" if first == "CJK" else first.title()
