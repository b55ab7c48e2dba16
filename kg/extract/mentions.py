"""Actor mentions (names, pronouns) and titles of office, read from a parsed ``Doc``."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import load_gazetteer
from kg.lexicons import lexicon
from kg.models import REFERENCE_LABELS, Mention, RoleMention
from kg.nlp import ROLE_LABEL, BodyText

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "GROUP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions after which a city names a place, not the government seated there ("talks in Moscow").
LOCATIVE_PREPOSITIONS = frozenset(
    "in at to from near outside inside into across around throughout within via toward towards "
    "through between over under".split()
)
# Pronouns that may stand for an actor: a person ("he", "she"), a state or body ("it"), a group ("they")
REFERRING_PRONOUNS = frozenset({"he", "she", "it", "they"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
# Nouns through which a seat of government speaks or acts ("a Kremlin spokesman", "Kremlin officials")
VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "adviser",
                         "advisor", "statement", "leadership", "government", "administration", "regime",
                         "insider", "critic", "envoy", "diplomat", "decision", "response", "position"})
LEADING_WORDS = frozenset({"the", "a", "an"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr."})


class DocIndex:
    """Sentence numbers and file offsets for the tokens and spans of one Doc."""

    def __init__(self, doc: Doc, body: BodyText) -> None:
        self.doc = doc
        self.body = body
        self.sentences: list[Span] = list(doc.sents)  # Token.sent walks the whole Doc on every call
        self.sentence_of: dict[int, int] = {
            i: number for number, sentence in enumerate(self.sentences) for i in range(sentence.start, sentence.end)
        }
        self.token_starts = [t.idx for t in doc]
        self.entity_at: dict[int, Span] = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}

    def mention(self, span: Span, label: str, gazetteer_id: str | None = None) -> Mention:
        return Mention(
            start=self.body.to_file(span.start_char),
            end=self.body.to_file(span.end_char),
            text=span.text,
            label=label,
            sentence=self.sentence_of[span.start],
            gazetteer_id=gazetteer_id or None,
            subject=span.root.dep_ in SUBJECT_DEPS,
        )


def _trimmed(span: Span) -> Span:
    """The entity without a leading article or a trailing possessive ("the Kremlin's" -> "Kremlin")."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in LEADING_WORDS:
        start += 1
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _is_locative(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS


def _names_a_thing(span: Span) -> bool:
    """A seat naming a thing rather than the government: "the Minsk agreements", "the Moscow summit"."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() not in VOICE_NOUNS


def _joined_initials(ents: Iterable[Span]) -> list[Span]:
    """Rejoin a name the model cut after a middle initial ("Mikhail B." + "Khodorkovsky")."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.label_ == ent.label_ == "PERSON" and previous.end == ent.start
                and len(previous[-1].text) == 2 and previous[-1].text.endswith(".")):
            joined[-1] = Span(ent.doc, previous.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


def entity_mentions(index: DocIndex) -> list[Mention]:
    """Named actors: people, organisations, states (also by their seat), named collectives.

    A seat of government acts for its state ("Kyiv is pursuing") except as a location ("in Moscow").
    Demonyms are not mentions by themselves; in a title ("the Russian President") ``roles`` reads them.
    """
    gazetteer = load_gazetteer()
    non_actors = lexicon("non_actors")
    mentions: list[Mention] = []
    for ent in _joined_initials(index.doc.ents):
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trimmed(ent)
        if span.text in non_actors or not any(c.isupper() for c in span.text):
            continue
        entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        is_seat = entry is not None and gazetteer.by_seat(span.text) is entry
        if _is_locative(ent) and (is_seat or (ent.label_ == "GPE" and entry is None)):
            continue
        if is_seat and _names_a_thing(ent):
            continue
        label = ent.label_
        honorific = span[0] if len(span) > 1 else index.doc[max(span.start - 1, 0)]
        if honorific.lower_ in HONORIFICS and not ent.ent_id_:
            label = "PERSON"  # "Mr Straw", which the model may take for an organisation
        mentions.append(index.mention(span, label, ent.ent_id_))
    return mentions


def reference_mentions(index: DocIndex) -> list[Mention]:
    """Words that may stand for an actor named elsewhere: pronouns ("he affirmed", "it said") and
    nominals, a definite noun by which news refers back to a body ("the bank said", "the ministry")."""
    found = []
    for token in index.doc:
        if token.lower_ in REFERRING_PRONOUNS and token.pos_ == "PRON":
            found.append(index.mention(index.doc[token.i : token.i + 1], "PRON"))
        elif (nominal := _nominal(index, token)) is not None:
            found.append(nominal)
    return found


@cache
def _body_nouns() -> frozenset[str]:
    return frozenset(noun.rstrip("*") for noun in lexicon("body_nouns"))


def _nominal(index: DocIndex, token: Token) -> Mention | None:
    """"the bank", "the ministry": a body noun with "the" and nothing else before it that names someone."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in _body_nouns():
        return None
    before = [c for c in token.children if c.i < token.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in before) or any(
            c.dep_ in {"compound", "amod", "poss", "nmod"} for c in before) or token.i in index.entity_at:
        return None
    phrase = index.doc[min(c.i for c in before) : token.i + 1]
    return replace(index.mention(phrase, "NOMINAL"), kind=token.lemma_.lower(),
                   subject=token.dep_ in SUBJECT_DEPS)


# Clauses whose subject is their head's: "criticised X, asserting: ..."; "and added".
SUBJECT_SHARING_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "parataxis", "pcomp", "acl"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def subjects_of(verb: Token) -> Iterator[Token]:
    """Candidate speaker heads, nearest first: the verb's subject, then its governing clauses'
    ("criticised X, asserting: …"; a verb parsed as conjoined to the reported clause)."""
    token = verb
    for _ in range(4):
        for subject in (c for c in token.children if c.dep_ in SUBJECT_DEPS):
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                yield token.head  # "Beijing, which described …"
            else:
                yield subject
        if token.dep_ not in SUBJECT_SHARING_DEPS or token.head.i == token.i:
            return
        token = token.head
        if token.dep_ == "prep" and token.head.i != token.i:  # "reacted … by saying …"
            token = token.head


def speaker_phrase(heads: Iterable[Token], limit: int = 8) -> str | None:
    """The words of the first subject phrase ("a senior diplomat"), when short enough to be a name for it."""
    for head in heads:
        words = list(head.subtree)
        phrase = head.doc[words[0].i : words[-1].i + 1]
        return phrase.text if len(phrase) <= limit else head.text
    return None


# Heads through which someone speaks: "a Kremlin spokesman", "a spokesman for Mr Blair", "X's statement"
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "statement",
                                "representative"})
# Heads through which only a body or state speaks: "officials of X", "White House aides"; a person's
# advisers are not that person ("President Bush's advisers have denied …")
MEMBER_NOUNS = frozenset({"official", "officials", "ministry", "office", "source", "sources", "aide", "aides",
                          "adviser", "advisers", "advisor", "advisors", "staff", "staffer", "staffers"})


class ActorLookup:
    """Which mention a token stands for: a name, a title, a pronoun, or the body a spokesman speaks for."""

    def __init__(self, index: DocIndex, mentions: list[Mention], roles: list[RoleMention]) -> None:
        self.index = index
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.roles = roles
        self.surnames = frozenset(  # of people named in full: a later "Hannity said" the model missed is one
            words[-1] for m in mentions if m.label == "PERSON" and len(words := m.text.split()) > 1)

    def mention_at(self, token: Token) -> Mention | None:
        position = self.index.body.to_file(token.idx)
        i = bisect.bisect_right(self.starts, position) - 1
        if i >= 0 and self.mentions[i].start <= position < self.mentions[i].end:
            return self.mentions[i]
        return None

    def role_at(self, token: Token) -> RoleMention | None:
        position = self.index.body.to_file(token.idx)
        return next((r for r in self.roles if r.start <= position < r.end), None)

    def actor(self, head: Token) -> Mention | None:
        """The mention a noun phrase's head token refers to, or None when it names no one we know."""
        lemma = head.lemma_.lower()
        if lemma in SPOKESPERSON_NOUNS:  # "his spokesman said"
            for child in head.children:
                if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                    return self.index.mention(self.index.doc[child.i : child.i + 1], "PRON")
        if lemma in SPOKESPERSON_NOUNS or lemma in MEMBER_NOUNS:
            for token in head.subtree:
                mention = self.mention_at(token)
                if mention is not None and mention.label in REFERENCE_LABELS:
                    continue
                if mention is not None:
                    return mention if lemma in SPOKESPERSON_NOUNS or mention.label != "PERSON" else None
        mention = self.mention_at(head)
        if mention is not None:
            return mention
        for apposition in (c for c in head.children if c.dep_ == "appos"):  # "the chairman, X, warned"
            mention = self.mention_at(apposition)
            if mention is not None and mention.label == "PERSON":
                return mention
        role = self.role_at(head)
        if role is not None:
            return role.person or Mention(role.start, role.end, role.text, "TITLE", role.sentence)
        if head.lower_ in REFERRING_PRONOUNS:
            return self.index.mention(self.index.doc[head.i : head.i + 1], "PRON")
        if head.pos_ == "PROPN" and head.text in self.surnames:  # a surname the model did not tag ("Hannity said")
            return self.index.mention(self.index.doc[head.i : head.i + 1], "PERSON")
        if head.pos_ == "NOUN":  # "the Israeli government", "British officials", "a Russian bomber"
            for modifier in head.children:
                ent = self.index.entity_at.get(modifier.i)
                if modifier.dep_ in {"amod", "compound"} and ent is not None and ent.label_ == "NORP" \
                        and ent.ent_id_:
                    return self.index.mention(ent, "NORP", ent.ent_id_)
            return _nominal(self.index, head)
        return None


# Words that may stand between a state and its title: "Iraqi interim leader", "US acting ambassador"
ROLE_MODIFIERS = frozenset({"interim", "acting", "former", "then", "new", "outgoing", "incoming", "deputy",
                            "current", "late", "caretaker", "embattled", "veteran", "top"})
DEFINITE_WORDS = frozenset({"the", "this", "that"})


def _adjacent_entity(index: DocIndex, i: int, step: int, labels: frozenset[str],
                     skip: frozenset[str] = frozenset()) -> Span | None:
    """The entity at token ``i`` (walking over "the", a possessive "'s" and ``skip`` words)."""
    doc = index.doc
    while 0 <= i < len(doc) and (doc[i].lower_ in LEADING_WORDS or doc[i].tag_ == "POS"
                                 or doc[i].lower_ in skip):
        i += step
    if not 0 <= i < len(doc):
        return None
    ent = index.entity_at.get(i)
    return ent if ent is not None and ent.label_ in labels else None


def role_mentions(index: DocIndex) -> list[RoleMention]:
    """Titles of office with the state or organisation and the person they name, when the text does.

    "US Secretary of State Marco Rubio", "Russian Foreign Minister Sergei Lavrov", "Russia's foreign
    minister, Sergei Lavrov", "Putin, the Russian president", "the President of Russia", "Ambassador
    Stefan Johannesson of Iceland", and bare references such as "the Russian President" or "the
    minister" (``person`` None). A bare title without "the" ("any other European leader", "as
    president") refers to nobody in particular and is left out.
    """
    doc = index.doc
    roles = {r.lower(): r for r in lexicon("roles")}
    org_labels = frozenset({"GPE", "ORG", "NORP"})
    people = frozenset({"PERSON"})
    found: list[RoleMention] = []
    for ent in doc.ents:
        if ent.label_ != ROLE_LABEL:
            continue
        start, end = ent.start, ent.end
        org = _adjacent_entity(index, ent.start - 1, -1, org_labels, ROLE_MODIFIERS)
        if org is not None:
            start = org.start
        elif end + 1 < len(doc) and doc[end].lower_ == "of":
            org = _adjacent_entity(index, end + 1, 1, org_labels)
            if org is not None:
                end = org.end
        while start > 0 and (doc[start - 1].lower_ in LEADING_WORDS or doc[start - 1].lower_ in ROLE_MODIFIERS):
            start -= 1
        definite = doc[start].lower_ in DEFINITE_WORDS or (org is not None and org.end < len(doc)
                                                            and doc[org.end].tag_ == "POS")
        person = _adjacent_entity(index, end, 1, people)
        if person is None and definite and end < len(doc) and doc[end].text == ",":
            person = _adjacent_entity(index, end + 1, 1, people)  # "Russia's foreign minister, Sergei Lavrov"
        if person is None and start >= 2 and doc[start - 1].text == ",":
            person = _adjacent_entity(index, start - 2, -1, people)  # "Putin, the Russian president"
        if person is None and not definite:
            continue
        if org is None and person is not None and person.end + 1 < len(doc) and doc[person.end].lower_ == "of":
            org = _adjacent_entity(index, person.end + 1, 1, org_labels)  # "Ambassador X of Iceland"
        phrase_end = person.end if person is not None and person.start >= end else end
        phrase = doc[start:phrase_end]
        org_mention = None
        if org is not None:
            org_mention = index.mention(_trimmed(org), org.label_, org.ent_id_)
        found.append(
            RoleMention(
                title=roles.get(ent.text.lower(), ent.text),
                start=index.body.to_file(phrase.start_char),
                end=index.body.to_file(phrase.end_char),
                text=phrase.text,
                sentence=index.sentence_of[phrase.start],
                person=index.mention(_trimmed(person), "PERSON", person.ent_id_) if person else None,
                org=org_mention,
            )
        )
    return found
