"""Direct quotations and who the grammar says uttered them.

A quotation (``kg.extract.marks``) becomes a ``Quote`` when a reporting verb attributes it:
- quote then attribution: ``"…," Putin remarked``; ``"…," he affirmed``; ``"…," stated President X``;
- attribution then quote: ``X said: "…"``; ``…, asserting: "…"``; ``highlighted that "…"``;
  ``told reporters: "…"``; a previous sentence ending in ``said:``;
- a mixed characterisation: ``described the embargo as a "product of the Cold War"``;
- a mixed quote, quoted words inside what a reporting verb governs: ``he said some people were in
  "a sort of state of denial"``; ``Britain was "uniquely placed" to …, he suggested`` — unless a
  rejecting verb or a noun that holds others' words stands between (``dismissed Western narratives
  regarding Russian "aggression" as baseless``), or the words are "so-called";
- a quote interrupted by its attribution: ``"…," he said, "…"`` (both parts);
- a whole-sentence quote with no attribution of its own that continues the previous speaker's
  quotation (the next sentence or paragraph), or that runs on into an attributed paragraph.
Anything else in quotation marks (scare quotes such as ``Russian "aggression"``, titles) is left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.marks import MarkedSpan, SpansAt, find_marked_spans
from kg.extract.mentions import SUBJECT_DEPS, ActorLookup, DocIndex, speaker_heads, speaker_phrase
from kg.lexicons import lexicon
from kg.models import Mention, Quote, RoleMention

CHARACTERISING_VERBS = frozenset({"describe", "call", "dismiss", "brand", "label", "term", "characterise",
                                  "characterize", "denounce", "condemn", "deride", "dub"})
# A reporting verb that rejects what it governs, and nouns that hold someone else's words: quoted words
# below them are the words of others ("dismissed Western narratives regarding Russian "aggression"").
REJECTING_VERBS = frozenset({"dismiss", "deny", "reject", "refute", "dispute", "ridicule", "mock", "question"})
DISTANCING_NOUNS = frozenset({"narrative", "claim", "allegation", "accusation", "charge", "term", "word",
                              "label", "rhetoric", "notion", "idea", "myth", "rumour", "rumor", "story",
                              "report", "slogan", "phrase", "name", "title", "headline"})
GOVERNING_HOPS = 8
# Words whose period the tokenizer splits off but which do not end a sentence ("Navy Capt. Jeff Davis")
ABBREVIATIONS = frozenset("capt col lt maj gen gov sen rep sgt adm cmdr mr mrs ms dr st jr sr prof rev".split())
CUE_WINDOW = 14  # tokens after a closing mark in which "…," he said may put its verb (after an apposition)
_CLAUSE_END = re.compile(r"[,.!?\u2026;:\u2014\u2013-]\s*$")
_BEFORE_QUOTE_PLAIN = re.compile(r"[\s,:]*(?:that\s*)?", re.IGNORECASE)
_BEFORE_QUOTE_OBJECT = re.compile(r"[^.;!?\"\u201c\u201d]{0,100}(?::|\bthat)\s*", re.IGNORECASE)
_BEFORE_QUOTE_AS = re.compile(r"[^.;!?\"\u201c\u201d]{0,80}\bas(?:\s+(?:a|an|the))?\s*", re.IGNORECASE)
_SIGNATURE = re.compile(r"[^\S\n]*[\u2015\u2014\u2013-][^\S\n]*")
_LINE_END = re.compile(r"[^\S\n]*[.,]?[^\S\n]*(?:\n|$)")
_SENTENCE_LIKE = re.compile(r"^\W*[A-Z0-9].*[.!?\u2026]\W*$", re.DOTALL)


@cache
def _phrasal_cue_verbs() -> frozenset[str]:
    """The verbs that open a reporting verb with a particle ("point" of "point out")."""
    return frozenset(cue.split()[0] for cue in lexicon("reporting_verbs") if " " in cue)


def cue_lemma(token: Token) -> str | None:
    """The reporting verb's lemma ("point out" with its particle), or None if not a reporting verb."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    cues = lexicon("reporting_verbs")
    lemma = token.lemma_.lower()
    if lemma in _phrasal_cue_verbs():  # walking the children costs: only where a particle may matter
        for child in token.children:
            if child.dep_ == "prt" and f"{lemma} {child.lower_}" in cues:
                return f"{lemma} {child.lower_}"
    return lemma if lemma in cues else None


class Attributor:
    """Finds the reporting verb and speaker of each quotation in one Doc."""

    def __init__(self, index: DocIndex, mentions: list[Mention], roles: list[RoleMention]) -> None:
        self.index = index
        self.doc = index.doc
        self.text = index.body.text  # the Doc's text: Doc.text joins every token on each call
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.lookup = ActorLookup(index, mentions, roles)
        self.spans = [self._ended_before_attribution(s) for s in find_marked_spans(self.text)]
        self.spans_at = SpansAt(self.spans)

    def _ended_before_attribution(self, span: MarkedSpan) -> MarkedSpan:
        """A quotation left open (an unbalanced mark) ends before a sentence of its own that says who
        speaks ("Mr Smith said …", "Jones added: …"): it never runs over another speaker's attribution."""
        if span.closed:
            return span
        words = self.doc.char_span(span.start, span.end, alignment_mode="contract")
        if words is None:
            return span
        for sentence in self.index.sentences[self.index.sentence_of[words.start] + 1 :]:
            if sentence.start_char >= span.end:
                break
            root = sentence.root
            if cue_lemma(root) is not None and any(
                    c.dep_ in SUBJECT_DEPS and c.pos_ in {"PROPN", "NOUN"} for c in root.children):
                return MarkedSpan(span.open_start, span.start, sentence.start_char, sentence.start_char, span.double)
        return span

    # ---------------------------------------------------------------- token helpers
    def _token_at(self, char: int) -> Token:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            i = bisect.bisect_right(self.index.token_starts, char) - 1
            return self.doc[max(i, 0)]
        return span[0]

    def _sentence(self, token: Token) -> Span:
        return self.index.sentences[self.index.sentence_of[token.i]]

    def _in_other_quote(self, token: Token, own: MarkedSpan) -> bool:
        return any(s is not own for s in self.spans_at(token.idx))

    def _file(self, char: int) -> int:
        return self.index.body.to_file(char)

    # ---------------------------------------------------------------- cues
    def _cue_after(self, span: MarkedSpan) -> Token | None:
        """``"…," Putin remarked`` / ``"…," stated President Vladimir Putin``."""
        quoted = self.text[span.start : span.end]
        after = self.text[span.close_end : span.close_end + 3]
        if not (_CLAUSE_END.search(quoted) or after.lstrip().startswith((",", "\u2014", "-"))):
            return None
        first = self._token_at(span.close_end - 1).i + 1 if span.closed else None
        if first is None or first >= len(self.doc):
            return None
        if quoted.rstrip().endswith(".") and self.doc[first].is_title:
            return None  # the quotation ended its sentence: a capitalised word after it starts the next
        opening = self._token_at(span.open_start)
        if len(quoted.split()) <= 3 and opening.i > self._sentence(opening).start \
                and self.doc[opening.i - 1].text not in {":", ",", "\u2014", "-", "\u2013"}:
            return None  # a word or two quoted inside a sentence ("the role of "provider," a study concluded")
        # the parser's sentence ends are no limit: it may end one with the quote (""…?" Trump said") or
        # after an abbreviation ("Navy Capt. Jeff Davis said"); punctuation and line breaks are
        for token in self.doc[first : min(first + CUE_WINDOW, len(self.doc))]:
            if self._in_other_quote(token, span) or token.text in {"!", "?", ";"} or "\n" in token.text or (
                    token.text == "." and self.doc[token.i - 1].lower_ not in ABBREVIATIONS):
                break
            if cue_lemma(token) or self._governs_quote(token, span):
                return token
        return None

    def _governs_quote(self, verb: Token, span: MarkedSpan) -> bool:
        """A verb of any meaning whose clause is the quotation, with a subject of its own: the way a
        manner of speaking attributes words (""France will always be France," Hollande retaliated")."""
        return verb.pos_ == "VERB" and any(c.dep_ in SUBJECT_DEPS for c in verb.children) and any(
            c.dep_ in {"ccomp", "parataxis"} and span.start <= c.idx < span.end for c in verb.children)

    def _cue_before(self, span: MarkedSpan) -> Token | None:
        """``X said: "…"``, ``highlighted that "…"``, ``told reporters: "…"``, ``described X as "…"``."""
        opening = self._token_at(span.open_start)
        sentence = self._sentence(opening)
        candidates = [t for t in self.doc[sentence.start : opening.i] if not self._in_other_quote(t, span)]
        previous_end = sentence.start - 1
        if not any(cue_lemma(t) for t in candidates) and previous_end >= 0:
            previous = self._sentence(self.doc[previous_end])
            last = [t for t in previous if not t.is_space]
            if last and last[-1].text == ":":
                candidates = list(previous)
        for token in reversed(candidates):
            lemma = cue_lemma(token)
            if lemma is None:
                continue
            between = self.text[token.idx + len(token.text) : span.open_start]
            if _BEFORE_QUOTE_PLAIN.fullmatch(between) or _BEFORE_QUOTE_OBJECT.fullmatch(between):
                return token
            if lemma in CHARACTERISING_VERBS and _BEFORE_QUOTE_AS.fullmatch(between):
                return token
            return None  # the nearest reporting verb governs something else: a scare quote
        return None

    def _cue_governing(self, span: MarkedSpan) -> Token | None:
        """The reporting verb above the quoted words in the parse (a mixed quote)."""
        words = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None or len(words) == 0:
            return None
        before = self.text[max(0, span.open_start - 12) : span.open_start].lower()
        if "so-called" in before or "so called" in before:
            return None
        top = next((t for t in words if not words.start <= t.head.i < words.end or t.head.i == t.i), words[0])
        if top.head.i == top.i:  # the quotation holds its sentence's main verb: nothing governs it
            return None
        token = top.head
        for _ in range(GOVERNING_HOPS):
            lemma = cue_lemma(token)
            if lemma is not None:
                return None if lemma in REJECTING_VERBS else token
            if token.lemma_.lower() in DISTANCING_NOUNS or token.head.i == token.i:
                return None
            token = token.head
        return None

    # ---------------------------------------------------------------- speakers
    def speaker(self, verb: Token) -> Mention | None:
        """The mention the reporting verb's subject is: a name, a pronoun, a title, or a spokesman's body."""
        for subject in speaker_heads(verb, inverted=self._after_its_quote(verb)):
            if self.spans_at(subject.idx):  # words inside quotation marks do not say who speaks them
                continue
            mention = self.lookup.actor(subject)
            if mention is not None:
                return mention
        return None

    def _recalled_speaker(self, verb: Token) -> tuple[Token, Mention | None] | None:
        """A report of someone else's words: ``"…," X recalled the president telling him`` or ``… recalled
        her father saying``: the words are the inner speaker's (maybe no one we know), the inner verb
        their cue."""
        for inner in verb.children:
            if inner.i < verb.i or inner.dep_ not in {"ccomp", "advcl", "xcomp", "acl"} or inner.tag_ != "VBG" \
                    or cue_lemma(inner) is None:
                continue
            heads = [c for c in inner.children if c.dep_ in SUBJECT_DEPS] or [
                c for c in verb.children if c.dep_ == "dobj" and c.i < inner.i]
            if heads:
                return inner, next((m for h in heads if (m := self.lookup.actor(h)) is not None), None)
        return None

    def _after_its_quote(self, verb: Token) -> bool:
        """The verb follows a quotation closing just before it (``"…," recalled Mr. Rhodes``)."""
        previous = self.text[max(0, verb.idx - 6) : verb.idx].rstrip()
        return previous.endswith(tuple(f"{p}{q}" for p in ",!?" for q in ('"', "\u201d", "''", "\u2019")))

    # ---------------------------------------------------------------- assembly
    def _quote(self, span: MarkedSpan, cue: Token | None, speaker: Mention | None) -> Quote:
        text = self.text[span.start : span.end]
        start = span.start + (len(text) - len(text.lstrip()))
        text = text.strip().rstrip(",").rstrip()
        end = start + len(text)
        sentences = [self._sentence(self._token_at(span.open_start)),
                     self._sentence(self._token_at(max(span.end - 1, 0)))]
        if cue is not None:
            sentences.append(self._sentence(cue))
        first = min(s.start_char for s in sentences)
        last = max(s.end_char for s in sentences)
        file_start, file_end = self._file(start), self._file(end)
        inside = tuple(m for m in self.mentions if file_start <= m.start and m.end <= file_end)
        return Quote(
            start=file_start,
            end=file_end,
            text=text,
            direct=True,
            cue=(cue_lemma(cue) or cue.lemma_.lower()) if cue is not None else None,
            speaker=speaker,
            evidence=(self._file(first), self._file(last)),
            mentions=inside,
        )

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.index.body.doc_starts, char)

    def quotes(self) -> list[Quote]:
        found: list[tuple[MarkedSpan, Token | None, Mention | None]] = []
        for span in self.spans:
            if _is_title(self.text[span.start : span.end]):
                continue  # "his favourite book is "The Adventures of Sherlock Holmes"": a title, not speech
            cue = self._cue_after(span) or self._cue_before(span)
            speaker = self.speaker(cue) if cue is not None else None
            recalled = self._recalled_speaker(cue) if cue is not None else None
            if recalled is not None:
                cue, speaker = recalled
            if cue is None:
                cue = self._cue_governing(span)
                speaker = self.speaker(cue) if cue is not None else None
                if speaker is None:  # quoted words in what someone unnamed said: not worth a guess
                    cue = None
            if cue is None:
                speaker = self._named_before_colon(span) or self._named_after_dash(span)
            found.append((span, cue, speaker))
        result: list[Quote] = []
        for n, (span, cue, speaker) in enumerate(found):
            if cue is None and speaker is None:
                continued = self._continued(n, found)
                if continued is None:
                    continue
                speaker, cue = continued
            quote = self._quote(span, cue, speaker)
            if speaker is None and cue is not None:
                heads = speaker_heads(cue, inverted=self._after_its_quote(cue))
                quote = replace(quote, speaker_text=speaker_phrase(h for h in heads if not self.spans_at(h.idx)))
            result.append(quote)
        return result

    def _named_before_colon(self, span: MarkedSpan) -> Mention | None:
        """A whole-sentence quote after a colon that closes a clause naming someone, with no reporting verb:
        "… doesn't surprise Republican pollster Daron Shaw: "…"", "Here's Clinton in December 1992: "…""."""
        before = self.text[max(0, span.open_start - 3) : span.open_start]
        if not before.rstrip().endswith(":") or not _SENTENCE_LIKE.match(self.text[span.start : span.end]):
            return None
        colon = self._token_at(self.text.rindex(":", 0, span.open_start))
        first, last = self._file(self._sentence(colon).start_char), self._file(colon.idx)
        clause = [m for m in self.mentions if first <= m.start and m.end <= last and m.label in {"PERSON", "ORG"}]
        return clause[-1] if clause else None

    def _named_after_dash(self, span: MarkedSpan) -> Mention | None:
        """A quote signed after a dash at the end of its line: "“…” ― Carlos Raúl"."""
        match = _SIGNATURE.match(self.text, span.close_end) if span.closed else None
        if match is None or match.end() >= len(self.text):
            return None
        ent = self.index.entity_at.get(self._token_at(match.end()).i)
        if ent is None or ent.label_ != "PERSON" or ent.start_char != match.end() \
                or _LINE_END.match(self.text, ent.end_char) is None:
            return None
        return self.lookup.mention_at(ent[0])

    def _continued(
        self, n: int, found: list[tuple[MarkedSpan, Token | None, Mention | None]]
    ) -> tuple[Mention | None, Token | None] | None:
        """An unattributed whole-sentence quote that goes on from, or into, an attributed one: that one's
        speaker and cue (``"I love cats!" insists Burton. "I absolutely do."``)."""
        span = found[n][0]
        if not _SENTENCE_LIKE.match(self.text[span.start : span.end]) or not span.double:
            return None
        paragraph = self._paragraph(span.open_start)
        if n > 0:
            previous, cue, speaker = found[n - 1]
            after_previous = max(previous.close_end, self._sentence(cue).end_char if cue is not None else 0)
            between = (self.doc.char_span(after_previous, span.open_start, alignment_mode="expand")
                       if after_previous < span.open_start else None)
            if (cue is not None or speaker is not None) and self._paragraph(previous.open_start) >= paragraph - 1 \
                    and not _introduces_someone(between):
                return speaker, cue  # maybe an unknown speaker ("the billionaire mogul told People")
        if not span.closed and n + 1 < len(found):
            following, cue, speaker = found[n + 1]
            if cue is not None and speaker is not None and self._paragraph(following.open_start) == paragraph + 1:
                return speaker, cue
        return None


MINOR_WORDS = frozenset("a an the of in on and or to for with at by from as vs".split())


def _is_title(text: str) -> bool:
    """Words in quotation marks written as a title: a few words, each capitalised but for minor ones
    ("The Adventures of Sherlock Holmes", "Doomed to Succeed"): a name of a work, not speech."""
    words = text.strip(" .,;:!?").split()
    if not 2 <= len(words) <= 10 or words[0] in {"I", "I'm", "I\u2019m"} or text.isupper():
        return False
    return all(w[0].isupper() or w.lower() in MINOR_WORDS or not w[0].isalpha() for w in words) and \
        sum(1 for w in words if w[0].isupper()) >= 2


def _introduces_someone(span: Span | None) -> bool:
    """Prose between two quotes whose main clause has a named or nominal subject ("Mr Straw said …")."""
    if span is None:
        return False
    return any(t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT" and t.pos_ in {"PROPN", "NOUN"} for t in span)


def direct_quotes(index: DocIndex, mentions: list[Mention], roles: list[RoleMention]) -> list[Quote]:
    """Every attributed direct quotation of the Doc, in text order."""
    return Attributor(index, mentions, roles).quotes()
