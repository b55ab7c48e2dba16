"""Quotation spans found from the quotation marks alone, before any grammar.

Double marks of every common style pair up first (“ ”, straight ", « », „ “, `` '' and '' ''),
one level deep; single marks (‘ ’ and straight ') are looked for only outside them, and only where
they cannot be apostrophes. A quotation never runs past the end of its paragraph: an unclosed mark
(news style for a quote that goes on in the next paragraph, or a typo) ends at the paragraph's end,
so an unbalanced mark cannot swallow the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the marks that may close it
DOUBLE_PAIRS: dict[str, tuple[str, ...]] = {
    "\u201c": ("\u201d", "\u201c"),  # “ ” (some texts close with a second “)
    "\u201e": ("\u201c", "\u201d"),  # „ “
    "\u00ab": ("\u00bb",),  # « »
    "\u00bb": ("\u00ab",),  # » « (reversed, as in some German and Scandinavian texts)
    '"': ('"',),
    "``": ("''",),
    "''": ("''",),
}
_DOUBLE = re.compile(r"``|''|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))[\u2018'](?=[\w$\u00a3\u20ac])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?%)\u2026])[\u2019'](?![\w])")
_PARAGRAPH_END = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class MarkedSpan:
    """The text between an opening and a closing quotation mark (marks excluded)."""

    open_start: int  # the opening mark
    start: int  # the quoted text
    end: int
    close_end: int  # end of the closing mark (== end when the quotation was left open)
    double: bool

    @property
    def closed(self) -> bool:
        return self.close_end > self.end


def _opens(text: str, start: int, end: int) -> bool:
    """A mark with space (or nothing) before it and a word after it."""
    return (start == 0 or text[start - 1].isspace()) and end < len(text) and not text[end].isspace()


def _closes(text: str, start: int) -> bool:
    return start > 0 and not text[start - 1].isspace()


def _paragraph_end(text: str, position: int) -> int:
    match = _PARAGRAPH_END.search(text, position)
    return match.start() if match else len(text)


def _double_spans(text: str) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    marks = list(_DOUBLE.finditer(text))
    i = 0
    while i < len(marks):
        opening = marks[i]
        closers = DOUBLE_PAIRS.get(opening.group())
        if closers is None:  # a stray closing mark
            i += 1
            continue
        limit = _paragraph_end(text, opening.end())
        j = i + 1
        while j < len(marks) and marks[j].start() < limit and marks[j].group() not in closers:
            j += 1
        if j < len(marks) and marks[j].start() < limit and opening.group() == '"' \
                and _opens(text, marks[j].start(), marks[j].end()) and not _closes(text, marks[j].start()):
            # a straight mark that can only open: the quotation before it was left open ("… unity. "That …")
            spans.append(MarkedSpan(opening.start(), opening.end(), marks[j].start(), marks[j].start(), True))
            i = j
        elif j < len(marks) and marks[j].start() < limit:
            spans.append(MarkedSpan(opening.start(), opening.end(), marks[j].start(), marks[j].end(), True))
            i = j + 1
        else:
            spans.append(MarkedSpan(opening.start(), opening.end(), limit, limit, True))
            while i < len(marks) and marks[i].start() < limit:
                i += 1
    return spans


def _single_spans(text: str, outside: list[MarkedSpan]) -> list[MarkedSpan]:
    def inside(position: int) -> bool:
        return any(s.open_start <= position < s.close_end for s in outside)

    spans: list[MarkedSpan] = []
    position = 0
    while True:
        opening = _SINGLE_OPEN.search(text, position)
        if opening is None:
            return spans
        position = opening.end()
        if inside(opening.start()):
            continue
        limit = _paragraph_end(text, opening.end())
        closing = _SINGLE_CLOSE.search(text, opening.end(), limit)
        if closing is None or inside(closing.start()):
            continue
        spans.append(MarkedSpan(opening.start(), opening.end(), closing.start(), closing.end(), False))
        position = closing.end()


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quotation of ``text`` by its marks, in order of position."""
    doubles = _double_spans(text)
    spans = doubles + _single_spans(text, doubles)
    return sorted((s for s in spans if text[s.start : s.end].strip()), key=lambda s: s.open_start)
