"""Quotation spans found from the quotation marks alone, before any grammar.

Double marks of every common style pair up first (“ ”, straight ", « », „ “, `` '' and '' ''),
one level deep; single marks (‘ ’ and straight ') are looked for only outside them, and only where
they cannot be apostrophes. A quotation never runs past the end of its paragraph, nor past a line
break after the end of a sentence (many files put one paragraph on each line, with no blank lines):
an unclosed mark (news style for a quote that goes on in the next paragraph, or a typo) ends there,
so an unbalanced mark cannot swallow the rest of the article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
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
_LINE_END = re.compile(r"[^\S\n]*(?:\n|$)")
# A blank line, or a line break after a sentence end (and maybe a closing mark)
_PARAGRAPH_END = re.compile(r"\n\s*\n|(?:(?<=[.!?\u2026])|(?<=[.!?\u2026][\"\u201d\u2019\u00bb]))[^\S\n]*\n")


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


class SpansAt:
    """The quotations that hold a position, found by bisection (at most one double and one single:
    neither kind overlaps itself), so that texts with thousands of marks take no quadratic time."""

    def __init__(self, spans: list[MarkedSpan]) -> None:
        self._kinds = [[s for s in spans if s.double], [s for s in spans if not s.double]]
        self._starts = [[s.open_start for s in kind] for kind in self._kinds]

    def __call__(self, position: int) -> list[MarkedSpan]:
        found = []
        for kind, starts in zip(self._kinds, self._starts, strict=True):
            i = bisect.bisect_right(starts, position) - 1
            if i >= 0 and position < kind[i].close_end:
                found.append(kind[i])
        return found


def _paragraph_ends(text: str) -> Callable[[int], int]:
    """Where the paragraph a position is in ends (the first ``_PARAGRAPH_END`` at or after it), all
    found in one pass."""
    ends = [match.start() for match in _PARAGRAPH_END.finditer(text)]

    def end_after(position: int) -> int:
        i = bisect.bisect_left(ends, position)
        return ends[i] if i < len(ends) else len(text)

    return end_after


def _double_spans(text: str, paragraph_end: Callable[[int], int]) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    marks = list(_DOUBLE.finditer(text))
    i = 0
    while i < len(marks):
        opening = marks[i]
        closers = DOUBLE_PAIRS.get(opening.group())
        if closers is None or _LINE_END.match(text, opening.end()):  # a stray closing mark, or one ending a line
            i += 1
            continue
        limit = paragraph_end(opening.end())
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


def _single_spans(text: str, doubles: list[MarkedSpan], paragraph_end: Callable[[int], int]) -> list[MarkedSpan]:
    inside = SpansAt(doubles)
    closers = list(_SINGLE_CLOSE.finditer(text))
    closer_starts = [c.start() for c in closers]
    spans: list[MarkedSpan] = []
    position = 0
    for opening in _SINGLE_OPEN.finditer(text):
        if opening.start() < position or inside(opening.start()):
            continue
        limit = paragraph_end(opening.end())
        i = bisect.bisect_left(closer_starts, opening.end())
        if i == len(closers) or closers[i].end() > limit or inside(closers[i].start()):
            continue
        closing = closers[i]
        spans.append(MarkedSpan(opening.start(), opening.end(), closing.start(), closing.end(), False))
        position = closing.end()
    return spans


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quotation of ``text`` by its marks, in order of position."""
    paragraph_end = _paragraph_ends(text)
    doubles = _double_spans(text, paragraph_end)
    spans = doubles + _single_spans(text, doubles, paragraph_end)
    return sorted((s for s in spans if text[s.start : s.end].strip()), key=lambda s: s.open_start)
