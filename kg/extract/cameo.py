"""The CAMEO verb dictionary of PETRARCH2, matched on the dependency parse.

``kg/data/cameo/verbs.jsonl`` (written by ``scripts/convert_cameo.py``) holds verb blocks: verbs that
share their patterns, each pattern giving the words on the subject side, on the object side and in
prepositional phrases that make the verb a CAMEO event ("rushed aid" 070, "put X on trial" 173). Here
the pattern's words are looked for where the parse puts them:

- subject side: the head of the verb's subject (``subjects_of``), with its modifiers;
- object side: the verb's object (or a passive's subject), particle, adverbial or predicative
  complement ("set free", "put up resistance");
- prepositional phrases: the verb's, its object's, and those nested one deeper ("placed X on a
  state of alert"); a preposition the pattern gives without a noun only has to be there (it is
  where the target is: "rushed to X").

A word matches a token's lower-case form or its lemma (the dictionary has singular and plural
nouns); ``&SET`` any member of the synonym set; a phrase's modifiers any word left of its head in the
head's phrase. The most specific pattern wins (most words, then prepositions), then the first in the file; with none,
the verb's own code. A pattern coded ``---`` says the words are no event and wins like any other.

This module finds the code and where the actors are; ``kg.extract.events`` keeps the grammar of
agents, targets and modality.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from spacy.tokens import Token

from kg.extract.mentions import subjects_of

# Dependencies of the words a pattern reads on the object side of its verb.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "prt", "advmod", "acomp", "oprd", "attr", "dative", "npadvmod",
                         "ccomp", "xcomp", "dep"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})


@dataclass(frozen=True)
class Preposition:
    """``(ON {STATE OF} ALERT)``: a preposition and the noun phrases of its object (maybe none)."""

    word: str
    objects: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Pattern:
    """One pattern line of the dictionary: words around a verb and the CAMEO code they make."""

    block: str
    line: int
    code: str | None  # source -> target; None: the words are no event (or only ``back``)
    back: str | None = None  # target -> source, the second code of a pair ("[042:043]")
    subject: tuple[tuple[str, ...], ...] = ()
    subject_preps: tuple[Preposition, ...] = ()
    objects: tuple[tuple[str, ...], ...] = ()
    preps: tuple[Preposition, ...] = ()
    actors: tuple[tuple[str, str], ...] = ()  # ("target", "object" | "subject" | a preposition), ...

    @cached_property
    def required(self) -> frozenset[str]:
        """Words a match needs on the object side of the verb: the heads of its phrases and its
        prepositions (a synonym set's members vary: not required; the subject is read only when the
        rest matches)."""
        heads = [p[-1] for p in self.objects]
        for prep in (*self.subject_preps, *self.preps):
            heads.append(prep.word)
            heads.extend(o[-1] for o in prep.objects)
        return frozenset(w for w in heads if not w.startswith("&"))

    @cached_property
    def weight(self) -> int:
        """How specific the pattern is: two for each of its words, one for a preposition ("rushed aid
        to X" is "* AID" more than "* (TO)")."""
        phrases = (*self.subject, *self.objects)
        preps = (*self.subject_preps, *self.preps)
        return 2 * sum(map(len, phrases)) + sum(1 + 2 * sum(map(len, p.objects)) for p in preps)

    @property
    def id(self) -> str:
        return f"{self.block}:{self.line}"

    def slot(self, role: str) -> str | None:
        """Where the pattern puts the "source" or "target" actor, if it says."""
        return next((where for name, where in self.actors if name == role), None)


@dataclass(frozen=True)
class Verb:
    """A verb of a block: its lemma, and the words a verb of several words has before or after it."""

    lemma: str
    block: str
    code: str | None
    back: str | None = None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    @property
    def phrase(self) -> str:
        return " ".join((*self.before, self.lemma, *self.after))


@dataclass(frozen=True)
class Match:
    """What the dictionary makes of one verb: the code(s), the pattern and where its actors are."""

    verb: Verb
    pattern: Pattern | None  # None: the verb's own code
    code: str | None
    back: str | None
    consumed: frozenset[int]  # tokens the pattern's words matched (no actor stands there)
    target: tuple[Token, ...] = ()  # tokens the pattern names as the target's place
    source: tuple[Token, ...] = ()  # tokens the pattern names as the source's place (else the subject)

    @property
    def id(self) -> str:
        return self.pattern.id if self.pattern is not None else self.verb.block


class CameoDictionary:
    """Verbs by form, patterns by block, synonym sets by name."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.verbs: dict[str, list[Verb]] = {}
        self.patterns: dict[str, tuple[Pattern, ...]] = {}
        self.pattern_roots: dict[str, frozenset[str]] = {}  # the CAMEO roots a block's patterns give
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if "synsets" in record:
                self.synsets = {name: tuple(tuple(m) for m in members) for name, members in record["synsets"].items()}
                continue
            block = record["block"]
            self.patterns[block] = tuple(_pattern(block, r) for r in record["patterns"])
            self.pattern_roots[block] = frozenset(c[:2] for p in self.patterns[block] for c in (p.code, p.back) if c)
            for entry in record["verbs"]:
                verb = Verb(entry["lemma"], block, entry["code"], entry.get("back"),
                            tuple(entry.get("before", ())), tuple(entry.get("after", ())))
                for form in (entry["lemma"], *entry.get("forms", ())):
                    self.verbs.setdefault(form, []).append(verb)

        # Blocks with a pattern that puts the source elsewhere than the subject ("protests from X").
        self.source_blocks = frozenset(block for block, patterns in self.patterns.items()
                                       if any(p.slot("source") for p in patterns))
        # Members of each synonym set by their head word: a token is only tried against its own.
        self._members_by_head: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for name, members in self.synsets.items():
            by_head = self._members_by_head.setdefault(name, {})
            for member in members:
                by_head.setdefault(member[-1], []).append(member)

    def candidates(self, token: Token) -> list[Verb]:
        """The dictionary's verbs a token may be, longest phrases first, then in file order (a verb may be
        in several blocks: "beat" assaults and defeats)."""
        found = dict.fromkeys([*self.verbs.get(token.lemma_.lower(), ()), *self.verbs.get(token.lower_, ())])
        return sorted(found, key=lambda v: -len(v.before) - len(v.after))

    def may_name_source(self, token: Token) -> bool:
        """Whether a pattern of the token's verbs may find the source elsewhere than the subject."""
        return any(v.block in self.source_blocks for v in self.candidates(token))

    # ---------------------------------------------------------------- words
    def word_matches(self, word: str, token: Token) -> bool:
        forms = (token.lower_, token.lemma_.lower())
        if word.startswith("&"):
            members = self._members_by_head.get(word, {})
            return any(self.phrase_matches(member, token) for form in forms for member in members.get(form, ()))
        return word in forms

    def phrase_matches(self, phrase: tuple[str, ...], token: Token) -> bool:
        """The head word is the token; every other word is left of it in its phrase."""
        if not self.word_matches(phrase[-1], token):
            return False
        if len(phrase) == 1:
            return True
        left = token.doc[token.left_edge.i : token.i]  # the head's phrase, left of it
        return all(any(self.word_matches(word, t) for t in left) for word in phrase[:-1])

    # ---------------------------------------------------------------- patterns
    def match(self, token: Token, ignored_roots: frozenset[str] = frozenset()) -> Match | None:
        """The best reading of a verb token, or None if it is no verb of the dictionary, or one whose
        block codes nothing outside ``ignored_roots`` (then its patterns are not even tried)."""
        for verb in self.candidates(token):
            if verb.after and not _has_words(token, verb.after, after=True):
                continue
            if verb.before and not _has_words(token, verb.before, after=False):
                continue
            roots = self.pattern_roots.get(verb.block, frozenset()) | {c[:2] for c in (verb.code, verb.back) if c}
            if not roots - ignored_roots:
                return None
            return self._best(token, verb)
        return None

    def _best(self, token: Token, verb: Verb) -> Match:
        zone = _Zone(token)
        best: tuple[int, int, Pattern, frozenset[int]] | None = None
        for pattern in self.patterns.get(verb.block, ()):
            if not pattern.required <= zone.words:
                continue
            consumed = self._pattern_tokens(pattern, zone)
            if consumed is None:
                continue
            key = (pattern.weight, -pattern.line)
            if best is None or key > best[:2]:
                best = (*key, pattern, consumed)
        if best is None:
            return Match(verb, None, verb.code, verb.back, frozenset())
        pattern, consumed = best[2], best[3]
        return Match(verb, pattern, pattern.code, pattern.back, consumed,
                     target=tuple(zone.slot(pattern.slot("target"))),
                     source=tuple(zone.slot(pattern.slot("source"))))

    def _pattern_tokens(self, pattern: Pattern, zone: _Zone) -> frozenset[int] | None:
        """The tokens the pattern's words match, or None if some word is not there."""
        used: set[int] = set()
        for phrases, tokens in ((pattern.subject, zone.subjects), (pattern.objects, zone.objects)):
            for phrase in phrases:
                hit = next((t for t in tokens if t.i not in used and self.phrase_matches(phrase, t)), None)
                if hit is None:
                    return None
                used.add(hit.i)
        for prep in (*pattern.preps, *pattern.subject_preps):
            hit = next((p for p in zone.preps if p.i not in used and self._prep_matches(prep, p)), None)
            if hit is None:
                return None
            used.add(hit.i)
            if prep.objects:
                used.update(o.i for o in _objects(hit))
        return frozenset(used)

    def _prep_matches(self, prep: Preposition, token: Token) -> bool:
        if token.lower_ != prep.word:
            return False
        objects = list(_objects(token))
        return all(any(self.phrase_matches(phrase, o) for o in objects) for phrase in prep.objects)


class _Zone:
    """The tokens around one verb that patterns read."""

    def __init__(self, verb: Token) -> None:
        self.verb = verb
        self.objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        self.preps: list[Token] = []
        frontier = [verb, *(o for o in self.objects if o.pos_ in NOUN_POS)]
        for _ in range(2):  # the verb's and its objects' prepositions, then those of their objects
            found = [c for t in frontier for c in t.children if c.dep_ in PREP_DEPS and c not in self.preps]
            self.preps.extend(found)
            frontier = [o for p in found for o in _objects(p)]
        tokens = [*self.objects, *self.preps, *(o for p in self.preps for o in _objects(p))]
        self.words = frozenset(w for t in tokens for w in (t.lower_, t.lemma_.lower()))

    @cached_property
    def subjects(self) -> list[Token]:
        return list(itertools.islice(subjects_of(self.verb), 1))

    def slot(self, where: str | None) -> Iterator[Token]:
        if where is None:
            return
        if where == "subject":
            yield from self.subjects
        elif where == "object":
            yield from (o for o in self.objects if o.dep_ in {"dobj", "nsubjpass", "dative"})
        else:
            for prep in self.preps:
                if prep.lower_ == where:
                    yield from _objects(prep)


def _objects(prep: Token) -> Iterator[Token]:
    return (c for c in prep.children if c.dep_ in {"pobj", "pcomp"})


def _has_words(verb: Token, words: tuple[str, ...], after: bool) -> bool:
    """The words of a verb of several words, next to it or among its children ("cordon off")."""
    near = [t for t in verb.children if (t.i > verb.i) == after]
    doc = verb.doc
    span = doc[verb.i + 1 : verb.i + 1 + len(words)] if after else doc[max(verb.i - len(words), 0) : verb.i]
    near.extend(span)
    return all(any(w in (t.lower_, t.lemma_.lower()) for t in near) for w in words)


def _pattern(block: str, record: dict[str, object]) -> Pattern:
    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(p) for p in record.get(key, ()))  # type: ignore[attr-defined]

    def preps(key: str) -> tuple[Preposition, ...]:
        return tuple(Preposition(p["prep"], tuple(tuple(o) for o in p.get("objects", ())))
                     for p in record.get(key, ()))  # type: ignore[attr-defined]

    actors = record.get("actors", {})
    assert isinstance(actors, dict)
    return Pattern(block, int(record["line"]), record["code"], record.get("back"),  # type: ignore[arg-type, call-overload]
                   phrases("subject"), preps("subject_preps"), phrases("objects"), preps("preps"),
                   tuple(sorted(actors.items())))


@cache
def cameo_dictionary() -> CameoDictionary:
    """The converted CAMEO verb dictionary, read once."""
    path = resources.files("kg").joinpath("data", "cameo", "verbs.jsonl")
    return CameoDictionary(path.read_text(encoding="utf-8").splitlines())
