"""Reported (indirect) speech: what a reporting verb says someone said, without quotation marks.

- a clause: ``said (that) …``, ``underscored that …``, ``warned that …``, ``told reporters …``, and
  inverted ``…, stated President Vladimir Putin``: the content is the reported clause;
- what a verb of stance or appeal governs: ``dismissed X as baseless``, ``challenged the rationale
  for …``, ``urged X to …``, ``accused X of …``, ``called for …``, ``proposed …``: the content is the
  verb's complements (object, infinitive, prepositional phrase), up to a clause of its own;
- ``according to X, …`` / ``…, according to X``: the clause the phrase hangs on, X the speaker;
- ``X's view is that …``: the clause, X the speaker.
A mixed quote (reported speech that holds a quoted fragment, ``warned that there was "still a lot
of work to do"``) is one utterance: it is kept once, as the reported statement, and the fragment is
not repeated as a direct quote (``kg.extract.read_doc`` drops it). A reporting verb whose clause is
itself a direct quotation (``"…," he said``) is left to ``kg.extract.quotes``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.mentions import ActorLookup, DocIndex, speaker_phrase, subjects_of
from kg.extract.quotes import cue_lemma
from kg.models import Mention, Quote

CLAUSE_DEPS = frozenset({"ccomp"})
# Verbs whose complements (not a clause) are what was said: stance, appeal, accusation, proposal.
COMPLEMENT_CUES = frozenset(
    {"dismiss", "reject", "deny", "challenge", "criticise", "criticize", "condemn", "denounce", "accuse",
     "urge", "call for", "call on", "call", "demand", "propose", "praise", "welcome", "question", "dispute",
     "blame", "warn", "appeal", "promise", "pledge", "vow", "ask", "recommend", "describe", "hail",
     "applaud", "rule out", "predict", "forecast", "suggest", "announce", "insist", "reiterate",
     "acknowledge", "concede", "admit", "press", "lash out", "rail", "dare", "chide", "rebuke",
     "talk", "speak", "argue", "cite", "mention", "discuss", "decline", "offer", "complain", "advocate", "push"}
)
COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "prep", "oprd", "attr", "pcomp", "dative", "acomp"})
VIEW_NOUNS = frozenset({"view", "position", "belief", "argument", "contention", "assessment", "message",
                        "claim", "opinion", "stance", "conclusion", "hope", "fear", "concern"})
MIN_WORDS = 3


def _trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of the tokens without leading "that"/punctuation and trailing punctuation."""
    while tokens and (tokens[0].is_punct or (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark")
                      or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in {'"', "\u201d", "'", "\u2019"})
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if not t.is_punct) < MIN_WORDS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_tokens(head: Token, stop: Token | None = None) -> list[Token]:
    """The head's subtree, cut before a comma that opens a clause of its own (", implying that …")."""
    tokens = list(head.subtree)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and token.text in {",", ";", "\u2014", "--", ":"} and following.dep_ in {
                "advcl", "parataxis", "conj", "cc", "npadvmod"} and (following.head.i != head.i
                                                                   or head.pos_ in {"VERB", "AUX"}):
            return tokens[:i]
        if following is not None and token.dep_ == "cc" and following.dep_ == "conj" \
                and following.pos_ in {"VERB", "AUX"} and following.head.i == token.head.i:
            return tokens[:i]  # "… about the result but predicted …": a clause of its own
        if stop is not None and token.i == stop.i:
            return tokens[:i]
    return tokens


def _purpose_clause(token: Token) -> bool:
    """ "calling for the US to step up …": the parser's adverbial clause with "for"/"to"."""
    return token.dep_ == "advcl" and any(c.dep_ in {"mark", "aux"} and c.lower_ in {"for", "to"}
                                         for c in token.children)


class ReportedSpeech:
    def __init__(self, index: DocIndex, lookup: ActorLookup, direct: list[Quote]) -> None:
        self.index = index
        self.doc = index.doc
        self.lookup = lookup
        self.direct = [(q.start, q.end) for q in direct]

    def _file(self, char: int) -> int:
        return self.index.body.to_file(char)

    def _mostly_quoted(self, start: int, end: int, verb: Token) -> bool:
        """The content is (mostly) a direct quotation that the verb introduces: ``"…," he said``.
        Reported speech inside a longer quotation ("… the Foreign Secretary pressed for …") is kept."""
        file_start, file_end = self._file(start), self._file(end)
        around_verb = self._direct_around(verb)
        inside = sum(max(0, min(b, file_end) - max(a, file_start)) for a, b in self.direct
                     if (a, b) != around_verb)
        return inside >= 0.5 * (file_end - file_start)

    def _direct_around(self, token: Token) -> tuple[int, int] | None:
        position = self._file(token.idx)
        return next(((a, b) for a, b in self.direct if a <= position < b), None)

    @staticmethod
    def _speaker_heads(verb: Token) -> list[Token]:
        """The subject; in an inverted report ("…, stated President Vladimir Putin") the parser may take
        the speaker after the verb for its object."""
        heads = list(subjects_of(verb))
        if not heads and any(c.dep_ in CLAUSE_DEPS and c.i < verb.i for c in verb.children):
            heads = [c for c in verb.children if c.dep_ in {"dobj", "attr", "npadvmod"} and c.i > verb.i]
        return heads

    def _speaker(self, verb: Token) -> Mention | None:
        for head in self._speaker_heads(verb):
            mention = self.lookup.actor(head)
            if mention is not None:
                return mention
        return None

    def _statement(self, span: tuple[int, int], cue: str, speaker: Mention | None, evidence: Span,
                   verb: Token) -> Quote | None:
        start, end = span
        if self._mostly_quoted(start, end, verb):
            return None
        quotation = self._direct_around(verb)
        if quotation is not None and (speaker is None or speaker.label == "PRON"
                                      or not quotation[0] <= speaker.start < quotation[1]):
            return None  # inside someone's quotation only the words of a speaker it names are reported
        file_start, file_end = self._file(start), self._file(end)
        inside = tuple(m for m in self.lookup.mentions if file_start <= m.start and m.end <= file_end)
        return Quote(
            start=file_start, end=file_end, text=self.index.body.text[start:end], direct=False, cue=cue,
            speaker=speaker, evidence=(self._file(evidence.start_char), self._file(evidence.end_char)),
            mentions=inside, speaker_text=None if speaker else speaker_phrase(self._speaker_heads(verb)),
        )

    def from_verb(self, verb: Token) -> Quote | None:
        lemma = cue_lemma(verb)
        if lemma is None or not self._speaker_heads(verb):
            return None
        sentence = self.index.sentences[self.index.sentence_of[verb.i]]
        clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
        if clauses:
            span = _trimmed(_subtree_tokens(clauses[0]))
        elif lemma in COMPLEMENT_CUES or lemma.split()[0] in COMPLEMENT_CUES:
            if not any(c.i > verb.i and (c.dep_ in COMPLEMENT_DEPS or _purpose_clause(c)) for c in verb.children):
                return None
            # the verb and what follows it in its phrase: "dismissed X as baseless", "urged X to …"
            span = _trimmed([t for t in _subtree_tokens(verb) if t.i >= verb.i])
        else:
            return None
        if span is None:
            return None
        return self._statement(span, lemma, self._speaker(verb), sentence, verb)

    def from_according_to(self, token: Token) -> Quote | None:
        """``according to X, …``: X said the clause the phrase modifies."""
        if token.lower_ != "according":
            return None
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        clause = token.head
        if cue_lemma(clause) is not None:  # "he underscored that …, according to Xinhua": the verb's
            return None
        tokens = [t for t in clause.subtree if not token.left_edge.i <= t.i <= token.right_edge.i]
        span = _trimmed(tokens)
        if span is None:
            return None
        sentence = self.index.sentences[self.index.sentence_of[token.i]]
        return self._statement(span, "according to", self.lookup.actor(source), sentence, token)

    def from_view(self, token: Token) -> Quote | None:
        """``X's view is that …``."""
        if token.lemma_.lower() not in VIEW_NOUNS or token.dep_ != "nsubj":
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        clause = next((c for c in token.head.children if c.dep_ in {"ccomp", "attr"} and c.i > token.i), None)
        if owner is None or clause is None:
            return None
        span = _trimmed(_subtree_tokens(clause))
        if span is None:
            return None
        sentence = self.index.sentences[self.index.sentence_of[token.i]]
        return self._statement(span, token.lemma_.lower(), self.lookup.actor(owner), sentence, token)

    def statements(self) -> list[Quote]:
        found: list[Quote] = []
        for token in self.doc:
            statement = self.from_verb(token) or self.from_according_to(token) or self.from_view(token)
            if statement is not None:
                found.append(statement)
        return _outermost(found)


def _outermost(statements: list[Quote]) -> list[Quote]:
    """A clause reported inside another reported clause by the same speaker stays part of it."""
    kept = []
    for s in statements:
        if not any(o is not s and o.start <= s.start and s.end <= o.end and o.speaker == s.speaker
                   and (o.start, o.end) != (s.start, s.end) for o in statements):
            kept.append(s)
    return kept


def reported_speech(index: DocIndex, lookup: ActorLookup, direct: list[Quote]) -> list[Quote]:
    """Every reported statement of the Doc, in text order."""
    return ReportedSpeech(index, lookup, direct).statements()
