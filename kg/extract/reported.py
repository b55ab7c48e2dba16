"""Reported (indirect) statements: what a source is said to say, think, want or support, without
quotation marks. The source needs a subject, not a name ("officials said", "a new poll shows").

- a clause a reporting verb governs: ``said (that) …``, ``warned that …``, ``told reporters …``,
  inverted ``…, stated President Vladimir Putin`` and parenthetical ``Despite …, he noted, …``;
- the complements of a cue of ``attribution_cues.tsv``, by the frames its row names (a clause, an
  infinitive, an object with its predicate, a prepositional object): verbs of saying with an
  addressee or object (``urged X to …``, ``accused X of …``, ``dismissed X as baseless``), of thought
  (``believes …``, ``views X as …``), will (``wants to …``, ``refused to …``), stance (``endorsed X``,
  ``opposes X``), evidence (``the poll shows …``); predicate adjectives (``was confident that …``,
  ``made it clear that …``, ``critical of …``); nouns with an owner (``his claim that …``,
  ``complaints from X that …``, ``Trump's support for …``, ``X renewed calls for …``). The content is
  the complement, and what follows it in the verb's phrase, up to a clause of the speaker's own; a
  verb of saying keeps the act with it (``urged NATO to …``), the others give the complement alone
  (``wants`` ``to …``). Negated and hypothetical cues count (``did not say whether …``), as in PolNeAR;
- ``according to X, …`` / ``…, according to X`` and a fronted ``In a new poll, …``: the clause the
  phrase opens or hangs on, X (the poll) the source;
- ``X's view is that …``: the clause, X the speaker.
A passive cue's source is its agent (``was endorsed by X``); without one (``X was accused of …``)
there is no statement. An attitude reported inside someone's statement (``he said he wanted it to
end``) stays part of that statement. A mixed quote (reported speech that holds a quoted fragment,
``warned that there was "still a lot of work to do"``) is one utterance: it is kept once, as the
reported statement, and the fragment is not repeated as a direct quote (``kg.extract.read_doc`` drops
it). A reporting verb whose clause is itself a direct quotation (``"…," he said``) is left to
``kg.extract.quotes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.mentions import (
    POSSESSIVE_PRONOUNS,
    SUBJECT_DEPS,
    ActorLookup,
    DocIndex,
    passive,
    speaker_heads,
    speaker_phrase,
    subjects_of,
)
from kg.extract.quotes import cue_lemma
from kg.lexicons import lexicon, table
from kg.models import Mention, Quote

CLAUSE_DEPS = frozenset({"ccomp"})
MIN_WORDS = 3  # a reported clause; a complement may be one word ("endorsed Sanders")
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "what", "whatever"})
# Marks that set a clause of the speaker's own beside a cue verb's phrase ("urged X to …, adding that …")
SEPARATORS = frozenset({",", ";", "\u2014", "--", ":"})
# Verbs whose object noun carries the meaning and whose subject owns it: "X made the case that …",
# "X renewed calls for …", "X issued a warning that …", "X expressed concern that …"
LIGHT_VERBS = frozenset({"make", "issue", "give", "offer", "voice", "renew", "repeat", "reiterate", "deliver",
                         "launch", "lodge", "file", "level", "raise", "share", "sound", "register", "express",
                         "reaffirm", "announce", "signal", "air", "restate", "stress", "underline", "have"})
COPULAS = frozenset({"be", "remain"})
# Nouns whose "that" clause is a proposition under discussion, not its subject's report: "the myth that
# Russia intends to attack NATO is nonsense", "he rejected the claim that Iran wants a bomb"
PROPOSITION_NOUNS = frozenset({"myth", "claim", "idea", "notion", "suggestion", "allegation", "accusation",
                               "rumour", "rumor", "speculation", "fear", "theory", "assumption", "impression",
                               "perception", "narrative", "lie", "fiction", "charge", "premise", "fantasy"})


@dataclass(frozen=True)
class AttributionCue:
    """A row of ``attribution_cues.tsv``: a word of attribution, its class and the complements
    (frames) that hold the content."""

    lemma: str
    pos: str  # VERB, ADJ or NOUN
    kind: str
    frames: frozenset[str]


@cache
def attribution_cues() -> dict[tuple[str, str], AttributionCue]:
    """(lemma, part of speech) -> its row of ``attribution_cues.tsv``."""
    return {(row[0], row[1]): AttributionCue(row[0], row[1], row[2], frozenset(row[3].split()))
            for row in table("lexicons", "attribution_cues.tsv")}


@cache
def _attitude_cues() -> frozenset[str]:
    """Cues of thought, will, stance and evidence: the words of ``attribution_cues.tsv`` that do not say."""
    speech = lexicon("reporting_verbs")
    return frozenset(c.lemma for c in attribution_cues().values() if c.lemma not in speech)


@cache
def _cue_verbs() -> frozenset[str]:
    """The verbs of ``attribution_cues.tsv``, alone or opening a phrasal cue ("lay" of "lay out")."""
    return frozenset(lemma.split()[0] for lemma, pos in attribution_cues() if pos == "VERB")


def attribution_cue(token: Token) -> AttributionCue | None:
    """The verb's row of ``attribution_cues.tsv`` ("lay out" with its particle); a verb with a particle
    that is not listed with it is another verb ("showed up", "backed down")."""
    if token.pos_ != "VERB":
        return None
    cues = attribution_cues()
    lemma = token.lemma_.lower()
    if lemma == "hop" and token.lower_ in {"hopes", "hoped", "hoping"}:
        lemma = "hope"  # the model's lemma for these forms of "hope"
    if lemma not in _cue_verbs():  # neither a cue nor the verb of a phrasal one: no need to walk its children
        return None
    particles = [c for c in token.children if c.dep_ == "prt"]
    for particle in particles:
        if (phrasal := cues.get((f"{lemma} {particle.lower_}", "VERB"))) is not None:
            return phrasal
    return None if particles else cues.get((lemma, "VERB"))


def _word_cue(token: Token, pos: str) -> AttributionCue | None:
    return attribution_cues().get((token.lemma_.lower(), pos)) if token.pos_ == pos else None


def _trimmed(tokens: list[Token], min_words: int = MIN_WORDS) -> tuple[int, int] | None:
    """Character span of the tokens without leading "that"/punctuation and trailing punctuation; None
    when too short, a pronoun alone ("backed him", "calls itself"), or the terms of speaking rather than
    what was said ("spoke on (the) condition of anonymity")."""
    while tokens and (tokens[0].is_punct or (tokens[0].lower_ == "that" and tokens[0].dep_ == "mark")
                      or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in {'"', "\u201d", "'", "\u2019"})
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    words = [t for t in tokens if not t.is_punct]
    if len(words) < min_words or all(t.pos_ == "PRON" for t in words):
        return None
    if words[0].lower_ == "on" and "anonymity" in {t.lower_ for t in words[1:5]}:
        return None
    return tokens[0].idx, _closing_quote(tokens)


def _closing_quote(tokens: list[Token]) -> int:
    """Where the words end, past the closing mark of a quotation they open and the parser hung on the
    sentence ("said the proposal was "dead on arrival."")."""
    last = tokens[-1]
    end = last.idx + len(last.text)
    text = "".join(t.text_with_ws for t in tokens)
    if text.count('"') % 2 == 0 and text.count("\u201c") <= text.count("\u201d"):
        return end
    doc = last.doc
    for token in doc[last.i + 1 : min(last.i + 3, len(doc))]:
        if token.text in {'"', "\u201d"}:
            return token.idx + len(token.text)
        if token.text not in {".", ",", "!", "?"}:
            break
    return end


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _reports_on_its_own(verb: Token) -> bool:
    """A cue verb conjoined to a reported clause, sharing the speaker and with a complement of its own:
    "X forecast that the economy would rebound and praised …" (the parser may hang "praised" on
    "rebound"): the speaker's next statement, not part of the first."""
    return not _has_subject(verb) and (cue_lemma(verb) is not None or attribution_cue(verb) is not None) \
        and any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in verb.children)


def _subtree_tokens(head: Token, cue_verb: bool = False) -> list[Token]:
    """The head's subtree. A cue verb's own phrase ("urged X to …") ends before a clause of the
    speaker's own: one a comma (semicolon, dash) opens (", adding that …") or a conjoined verb ("… about
    the result but predicted …"). A content keeps its own subordinate and conjoined clauses ("he voted
    for X and wrote in Y", "…, trying to understand how …"), up to a clause set beside it (", …;"), a
    conjoined cue verb of the speaker's or an "…, according to X" that names another source."""
    tokens = list(head.subtree)
    for i, token in enumerate(tokens[:-1]):
        following = tokens[i + 1]
        if following.head.i != head.i:
            continue
        if following.lower_ == "according" and token.text in SEPARATORS:
            return tokens[:i]  # "…, according to X": another source's mark, not content
        if token.text in SEPARATORS and (following.dep_ == "parataxis" or (cue_verb and following.dep_ in {
                "advcl", "conj", "cc", "npadvmod"})):
            return tokens[:i]
        if token.dep_ == "cc" and following.dep_ == "conj" and following.pos_ in {"VERB", "AUX"} \
                and (cue_verb or _reports_on_its_own(following)):
            return tokens[:i]
    return tokens


def _evidence_subject(verb: Token) -> bool:
    """The verb's subject is a record or measurement ("the poll shows …"): an evidence verb's plain object
    is what it attributes only then ("Germany has shown signs of …" reports no one's finding)."""
    return any(s.lemma_.lower() in lexicon("evidence_nouns") for s in subjects_of(verb))


def _infinitive(token: Token, deps: frozenset[str] = frozenset({"xcomp"})) -> bool:
    return token.dep_ in deps and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _predicate(token: Token) -> bool:
    """The predicate of an object: "(described X) as Y", "(dismissed X) as baseless" (which the parser
    may take for a clause), "(found X) unconstitutional", "(called X) a liar"."""
    return token.dep_ in {"oprd", "acomp", "xcomp"} or (token.dep_ == "prep" and token.lower_ == "as") or (
        token.dep_ == "advcl" and any(c.lower_ == "as" and c.i < token.i for c in token.children))


def _subtree_span(parts: list[Token]) -> list[Token]:
    """The words from the first to the last of the parts' subtrees."""
    tokens = sorted({t.i: t for part in parts for t in _subtree_tokens(part)}.values(), key=lambda t: t.i)
    return list(tokens[0].doc[tokens[0].i : tokens[-1].i + 1])


def _complements(verb: Token, cue: AttributionCue) -> list[Token] | None:
    """The words of the complements the verb's frames name, and what follows them in its phrase: its
    object with the predicate after it ("dismissed X as baseless"), a gerund for object ("proposed
    barring …"), its infinitive ("wants to …"), the object of its preposition ("voted against …", "called
    for the US to …"). Passive, the subject is the object ("Mrs. Clinton was endorsed by …"). None when
    no frame is filled ("views the matter" has no "as …"; a relative pronoun is no content)."""
    after = [c for c in verb.children if c.i > verb.i]
    takes_object = "obj" in cue.frames or "as" in cue.frames
    if passive(verb):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        predicates = [c for c in after if _predicate(c)]
        if not takes_object or subject is None or subject.lower_ in RELATIVE_WORDS \
                or ("obj" not in cue.frames and not predicates):
            return None
        return _subtree_span([subject, *predicates[:1]])
    parts: list[Token] = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    obj = next((c for c in objects if c.i > verb.i and c.lower_ not in RELATIVE_WORDS), None)
    if obj is None and objects:  # "what X called North Korea's actions": the relative's predicate
        parts += [c for c in after if _predicate(c)][:1]
    if obj is not None and takes_object:  # a second object is the first's predicate ("branded X a pariah")
        predicates = [c for c in after if c.i > obj.i and (_predicate(c) or c.dep_ == "dobj")]
        if ("obj" in cue.frames and (cue.kind != "evidence" or _evidence_subject(verb))) or predicates:
            parts += [obj, *predicates[:1]]
    if "obj" in cue.frames and obj is None:
        parts += [c for c in after if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG"][:1]
    if "to" in cue.frames:
        parts += [c for c in after if _infinitive(c)][:1]
    for child in after:
        if child.dep_ == "prep" and f"prep:{child.lower_}" in cue.frames:
            parts += [c for c in child.children if c.dep_ in {"pobj", "pcomp"}][:1]
        elif child.dep_ in {"advcl", "ccomp"} and any(
                c.dep_ == "mark" and f"prep:{c.lower_}" in cue.frames for c in child.children):
            parts.append(child)  # "called for the US to step up …": the preposition's clause
    if not parts:
        return None
    start = min(t.i for part in parts for t in _subtree_tokens(part))
    return [t for t in _subtree_tokens(verb, cue_verb=True) if t.i >= start] or None


def _a_proposition(verb: Token) -> bool:
    """The verb's clause is, or is part of, the content of a noun such as "myth" or "claim" ("the myth
    that Russia intends to attack NATO"), with a subject of its own (not "the claim, which he repeated")."""
    clause = verb
    while clause.dep_ in {"xcomp", "ccomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ in {"acl", "relcl"} and clause.head.lemma_.lower() in PROPOSITION_NOUNS and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in RELATIVE_WORDS for c in clause.children)


def _that_clause(token: Token) -> bool:
    """A complement clause ("that the economy would rebound"), not a relative one ("that he made"),
    where "that" is a pronoun, not a mark (the parser may call a complement clause of a noun relative)."""
    return token.dep_ == "ccomp" or (token.dep_ in {"acl", "advcl", "relcl"} and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children))


def _word_complements(word: Token, cue: AttributionCue, candidates: list[Token]) -> list[Token] | None:
    """The complement of an adjective or noun cue that its frames name, among ``candidates``: a clause
    ("confident that …", "the claim that …"), an infinitive ("willing to …", "a call to …"), the object
    of a preposition ("critical of …", "support for …")."""
    for candidate in candidates:
        if "that" in cue.frames and _that_clause(candidate):
            return _subtree_tokens(candidate)
        if "to" in cue.frames and _infinitive(candidate, frozenset({"xcomp", "acl", "advcl"})):
            return _subtree_tokens(candidate)
        if candidate.dep_ == "prep" and f"prep:{candidate.lower_}" in cue.frames:
            objects = [c for c in candidate.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                return _subtree_tokens(objects[0])
    return None


class ReportedSpeech:
    def __init__(self, index: DocIndex, lookup: ActorLookup, direct: list[Quote]) -> None:
        self.index = index
        self.doc = index.doc
        self.lookup = lookup
        self.direct = [(q.start, q.end) for q in direct]

    def _file(self, char: int) -> int:
        return self.index.body.to_file(char)

    def _sentence(self, token: Token) -> Span:
        return self.index.sentences[self.index.sentence_of[token.i]]

    def _mostly_quoted(self, start: int, end: int, verb: Token) -> bool:
        """The content is (nearly all) a direct quotation that the verb introduces: ``"…," he said``.
        A clause that holds a quoted fragment (``said Mr. X was "unelectable now"``) is a mixed quote and
        kept; so is reported speech inside a longer quotation ("… the Foreign Secretary pressed for …")."""
        file_start, file_end = self._file(start), self._file(end)
        around_verb = self._direct_around(verb)
        inside = sum(max(0, min(b, file_end) - max(a, file_start)) for a, b in self.direct
                     if (a, b) != around_verb)
        return inside >= 0.8 * (file_end - file_start)

    def _direct_around(self, token: Token) -> tuple[int, int] | None:
        position = self._file(token.idx)
        return next(((a, b) for a, b in self.direct if a <= position < b), None)

    @staticmethod
    def _speaker_heads(verb: Token) -> list[Token]:
        """``speaker_heads``, inverted when the reported clause comes before the verb ("…, stated X")."""
        return speaker_heads(verb, inverted=any(c.dep_ in CLAUSE_DEPS and c.i < verb.i for c in verb.children))

    def _actor(self, heads: list[Token]) -> Mention | None:
        """The first head that names an actor ("his" in "his claim" as the pronoun it is)."""
        for head in heads:
            if head.lower_ in POSSESSIVE_PRONOUNS:
                return self.index.mention(self.doc[head.i : head.i + 1], "PRON")
            mention = self.lookup.actor(head)
            if mention is not None:
                return mention
        return None

    def _statement(self, span: tuple[int, int], cue: str, heads: list[Token], cue_token: Token) -> Quote | None:
        start, end = span
        if self._mostly_quoted(start, end, cue_token):
            return None
        speaker = self._actor(heads)
        quotation = self._direct_around(cue_token)
        if quotation is not None and (speaker is None or speaker.label == "PRON"
                                      or not quotation[0] <= speaker.start < quotation[1]):
            return None  # inside someone's quotation only the words of a speaker it names are reported
        evidence = self._sentence(cue_token)
        file_start, file_end = self._file(start), self._file(end)
        inside = tuple(m for m in self.lookup.mentions if file_start <= m.start and m.end <= file_end)
        return Quote(
            start=file_start, end=file_end, text=self.index.body.text[start:end], direct=False, cue=cue,
            speaker=speaker, evidence=(self._file(evidence.start_char), self._file(evidence.end_char)),
            mentions=inside, speaker_text=None if speaker else speaker_phrase(heads),
        )

    def from_verb(self, verb: Token) -> Quote | None:
        """A reporting verb's clause, a parenthetical report's clause, or a cue verb's complements."""
        reporting = cue_lemma(verb)
        cue = attribution_cue(verb)
        lemma = reporting or (cue.lemma if cue is not None else None)
        heads = self._speaker_heads(verb) if lemma is not None else []
        if lemma is None or not heads or _a_proposition(verb):
            return None
        clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
        if clauses and (reporting is not None or (cue is not None and "that" in cue.frames)):
            span = _trimmed(_subtree_tokens(clauses[0]))
        elif reporting is not None and verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
            # "Despite …, he noted, military spending is …": the clause around the parenthesis
            aside = {t.i for t in verb.subtree}
            span = _trimmed([t for t in _subtree_tokens(verb.head) if t.i not in aside])
        elif cue is not None and (complements := _complements(verb, cue)) is not None:
            if cue.kind == "speech" and not passive(verb) and complements[0].i > verb.i:
                complements = [verb, *complements]  # "dismissed X as baseless": the act of saying with it
            span = _trimmed(complements, 1)
        else:
            return None
        return self._statement(span, lemma, heads, verb) if span is not None else None

    def from_adjective(self, token: Token) -> Quote | None:
        """``X was confident that …``, ``she made it clear that …``, ``willing to …``, ``critical of …``:
        a predicate adjective of judgement, feeling or stance; the speaker is its clause's subject."""
        cue = _word_cue(token, "ADJ")
        verb = token.head
        if cue is None or token.dep_ not in {"acomp", "ccomp", "oprd"} or verb.pos_ not in {"VERB", "AUX"}:
            return None
        heads = [h for h in self._speaker_heads(verb) if h.lower_ != "it"]  # "it is clear that …": no one
        if not heads:
            return None
        candidates = [c for c in token.children if c.i > token.i]
        candidates += [c for c in verb.children if c.i > token.i and c.dep_ in {"ccomp", "xcomp"}]
        words = _word_complements(token, cue, candidates)
        span = _trimmed(words, 1) if words is not None else None
        return self._statement(span, cue.lemma, heads, token) if span is not None else None

    @staticmethod
    def _owner(noun: Token) -> list[Token]:
        """Whose claim, call or support a noun is: its possessor ("his claim", "Trump's support"), the
        object of its "from"/"by" ("complaints from Mr. Lew"), or the subject of a light verb it is the
        object of ("X renewed calls for …", "X expressed concern that …")."""
        verb = noun.head
        for child in noun.children:
            if child.dep_ == "poss":  # "X renewed his call": the subject, whom "his" stands for
                pronoun = child.lower_ in POSSESSIVE_PRONOUNS and noun.dep_ == "dobj" and not passive(verb)
                return (list(subjects_of(verb)) or [child]) if pronoun else [child]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                return [c for c in child.children if c.dep_ == "pobj"][:1]
        if noun.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS and not passive(verb):
            return list(subjects_of(verb))
        return []

    def from_noun(self, token: Token) -> Quote | None:
        """``his claim that …``, ``complaints from X that …``, ``Trump's support for …``, ``X renewed
        calls for …``, ``X's view is that …``: a noun of saying, thought or stance with an owner; the
        content is its complement, or what a copula says it is."""
        cue = _word_cue(token, "NOUN")
        heads = self._owner(token) if cue is not None else []
        if cue is None or not heads:
            return None
        words = _word_complements(token, cue, [c for c in token.children if c.i > token.i])
        if words is None and token.dep_ == "nsubj" and token.head.lemma_.lower() in COPULAS \
                and "that" in cue.frames:  # "X's view is that …": what the copula says it is
            said = [c for c in token.head.children if c.i > token.i and c.dep_ in {"ccomp", "attr"}]
            words = _subtree_tokens(said[0]) if said else None
        span = _trimmed(words, 1) if words is not None else None
        return self._statement(span, cue.lemma, heads, token) if span is not None else None

    def from_according_to(self, token: Token) -> Quote | None:
        """``according to X, …``: X said the clause the phrase modifies (the whole sentence it opens or
        closes, over coordinated clauses)."""
        if token.lower_ != "according":
            return None
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        clause = token.head
        while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
            clause = clause.head
        if cue_lemma(clause) is not None:  # "he underscored that …, according to Xinhua": the verb's
            return None
        span = _trimmed([t for t in clause.subtree if not token.left_edge.i <= t.i <= token.right_edge.i])
        return self._statement(span, "according to", [source], token) if span is not None else None

    def from_source_phrase(self, token: Token) -> Quote | None:
        """``In a CBS News poll, 40 percent …``: what a clause opened by a record or measurement
        (``evidence_nouns``) reports as found in it; the record is the source. Only fronted: "… rose in the
        polls" places, it does not source."""
        clause = token.head
        if token.lower_ != "in" or token.dep_ != "prep" or clause.pos_ not in {"VERB", "AUX"} \
                or token.i > clause.left_edge.i:
            return None
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in lexicon("evidence_nouns") \
                or cue_lemma(clause) is not None or attribution_cue(clause) is not None:
            return None
        phrase = range(token.left_edge.i, token.right_edge.i + 1)
        span = _trimmed([t for t in _subtree_tokens(clause) if t.i not in phrase])
        return self._statement(span, "in", [source], token) if span is not None else None

    def statements(self) -> list[Quote]:
        found: list[Quote] = []
        for token in self.doc:
            pos = token.pos_  # each source of statements starts from a word of one part of speech
            if pos in {"VERB", "AUX"}:
                statement = self.from_verb(token) or self.from_according_to(token)
            elif pos == "ADJ":
                statement = self.from_adjective(token)
            elif pos == "NOUN":
                statement = self.from_noun(token)
            elif pos == "ADP":
                statement = self.from_source_phrase(token) or self.from_according_to(token)
            else:
                continue
            if statement is not None:
                found.append(statement)
        return _outermost(found)


def _outermost(statements: list[Quote]) -> list[Quote]:
    """A clause reported inside another reported clause by the same speaker stays part of it; so does an
    attitude reported inside anyone's statement ("he said he also wanted it to end": one statement)."""
    kept = []
    for s in statements:
        attitude = s.cue in _attitude_cues()
        if not any(o is not s and o.start <= s.start and s.end <= o.end and (o.speaker == s.speaker or attitude)
                   and (o.start, o.end) != (s.start, s.end) for o in statements):
            kept.append(s)
    return kept


def reported_speech(index: DocIndex, lookup: ActorLookup, direct: list[Quote]) -> list[Quote]:
    """Every reported statement of the Doc, in text order."""
    return ReportedSpeech(index, lookup, direct).statements()
