"""Actor mentions (names, pronouns) and titles of office, read from a parsed ``Doc``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import load_gazetteer
from kg.lexicons import lexicon, lexicon_rows, table
from kg.models import REFERENCE_LABELS, Mention, RoleMention, slugify
from kg.nlp import ROLE_LABEL, BodyText

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "GROUP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions after which a city names a place, not the government seated there ("talks in Moscow").
LOCATIVE_PREPOSITIONS = frozenset(
    "in at to from near outside inside into across around throughout within via toward towards "
    "through between over under".split()
)
# Pronouns that may stand for an actor: a person ("he", "she"), a state or body ("it"), a group ("they")
REFERRING_PRONOUNS = frozenset({"he", "she", "it", "they", "i", "his", "her", "its", "their"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
# Nouns through which a seat of government speaks or acts ("a Kremlin spokesman", "Kremlin officials")
VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "adviser",
                         "advisor", "statement", "leadership", "government", "administration", "regime",
                         "insider", "critic", "envoy", "diplomat", "decision", "response", "position"})
LEADING_WORDS = frozenset({"the", "a", "an"})
FRAGMENT_ENDS = frozenset({"of", "the", "and", "for", "to", "in", "on", "at", "&"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
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
        self.ents = tuple(doc.ents)  # Doc.ents builds every Span again on each read
        self.entity_at: dict[int, Span] = {t: ent for ent in self.ents for t in range(ent.start, ent.end)}

    def mention(self, span: Span, label: str, gazetteer_id: str | None = None) -> Mention:
        return Mention(
            start=self.body.to_file(span.start_char),
            end=self.body.to_file(span.end_char),
            text=span.text,
            label=label,
            sentence=self.sentence_of[span.start],
            gazetteer_id=gazetteer_id or None,
            subject=_main_subject(span.root),
        )


def _main_subject(token: Token) -> bool:
    """The subject of a main clause: the one a later pronoun most likely continues ("Mr. Lou said …; he
    suggested that Mr. Lew had …; "…," he said": Lou, not Lew, the subject of a clause inside)."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    clause = token.head
    while clause.dep_ in {"conj", "parataxis"} and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ROOT"


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


def _titled_people(ents: list[Span]) -> list[Span]:
    """The name right after a person's title is that person: also when the model took it for an
    organisation, with the given names before it ("Cardinal Cormac Murphy-O'Connor": not the organisation
    "Murphy-O'Connor"), or left it untagged ("Archbishop Aris Shirvanian")."""
    people: list[Span] = []
    replaced: Span | None = None
    for i, ent in enumerate(ents):
        if ent is replaced:
            continue
        people.append(ent)
        if ent.label_ != ROLE_LABEL:
            continue
        after = ents[i + 1] if i + 1 < len(ents) else None
        doc, end = ent.doc, ent.end
        limit = after.start if after is not None else len(doc)
        while end < limit and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if after is not None and end == after.start and after.label_ == "ORG" and not after.ent_id_ \
                and all(t.pos_ == "PROPN" or t.text in {"-", "'"} for t in after):  # "Murphy-O'Connor"
            people.append(Span(doc, ent.end, after.end, label="PERSON"))
            replaced = after
        elif end - ent.end >= 2 and end < limit:
            people.append(Span(doc, ent.end, end, label="PERSON"))
    return people


def entity_mentions(index: DocIndex) -> list[Mention]:
    """Named actors: people, organisations, states (also by their seat), named collectives.

    A seat of government acts for its state ("Kyiv is pursuing") except as a location ("in Moscow").
    Demonyms are not mentions by themselves; in a title ("the Russian President") ``roles`` reads them.
    """
    gazetteer = load_gazetteer()
    non_actors = lexicon("non_actors")
    mentions: list[Mention] = []
    for ent in _titled_people(_joined_initials(index.ents)):
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trimmed(ent)
        if span.text in non_actors or not any(c.isupper() for c in span.text) or span[-1].lower_ in FRAGMENT_ENDS \
                or span.text.rstrip(".").lower() in NAME_SUFFIXES:
            continue  # a non-actor, or a fragment of a name the model cut short ("Office of the", "Jr.")
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
    groups = agent_groups(index)
    return [m for m in mentions if not any(g.start <= m.start and m.end <= g.end for g in groups)] + groups


AGENT_WORDS = 4  # the longest agent phrase looked for after a demonym ("anti government armed forces")
# Agents through which a state itself speaks and acts ("Russian officials said"): they stay the state's
STATE_AGENT_CODES = ("GOV",)
STATE_WORDS = frozenset({"government", "state", "regime", "official", "army", "military"})
# Nouns by which a text names a state's government after naming the state ("backing the government")
STATE_NOUNS = frozenset({"government", "regime"})
# Agents that name a people, after which a name the model took for an organisation is a people ("Druze")
PEOPLE_AGENT_CODES = frozenset({"CVL", "REF"})


@cache
def _agents() -> dict[str, str]:
    """Agent phrase (lower case, hyphens as spaces) -> its code's sector ("guerrillas" -> "REB"), for the
    phrases whose head names people (``group_heads``)."""
    heads = lexicon("group_heads")
    rows = [*table("phoenix", "agents.tsv"), *table("lexicons", "agents.tsv")]
    return {phrase.replace("-", " "): code[:3] for phrase, code, *_ in rows if phrase.split()[-1] in heads}


@cache
def _discards() -> tuple[str, ...]:
    return tuple(row.lstrip("+").rstrip("_") for row in lexicon_rows("phoenix", "discards.txt"))


def agent_groups(index: DocIndex) -> list[Mention]:
    """Actors named by nationality and role: a demonym or state, then an agent noun from the Phoenix
    agents dictionary ("Afghan guerrillas", "Serb forces", "a Saudi businessman", "US troops"), as a
    group of that state (``gazetteer_id``) and kind (``kind``, the agent's sector: REB, MIL, COP, BUS…).
    Agents of government ("Russian officials") are left to speak for the state itself, and sentences
    with a Phoenix discard phrase (sports, entertainment) give none."""
    doc = index.doc
    agents = _agents()
    gazetteer = load_gazetteer()
    found = []
    for ent in index.ents:
        entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None and entry.type != "Country":
            continue  # "Hamas militants", "Nusra fighters": the organisation itself
        if ent.label_ not in {"NORP", "GPE"} and not (ent.label_ == "ORG" and len(ent) == 1 and not ent.ent_id_):
            continue  # a people ("Druze") the model may take for an organisation
        sector = None
        for end in range(min(ent.end + AGENT_WORDS, len(doc)), ent.end, -1):
            words = doc[ent.end : end]
            if all(t.is_lower or not t.is_alpha for t in words) and words[-1].pos_ == "NOUN" and \
                    (end == len(doc) or doc[end].pos_ not in {"NOUN", "PROPN"}):
                sector = agents.get(" ".join(t.lower_ for t in words if t.text != "-"))
                if sector is not None:
                    break
        if sector is None or sector in STATE_AGENT_CODES or any(t.lower_ in STATE_WORDS for t in words):
            continue  # "Syrian government troops": the state's own
        if ent.label_ == "ORG" and sector not in PEOPLE_AGENT_CODES:
            continue
        sentence = index.sentences[index.sentence_of[ent.start]].text.lower()
        if any(phrase in sentence for phrase in _discards()):
            continue
        state = ent.ent_id_ or None
        found.append(replace(index.mention(doc[ent.start : end], "GROUP", state), kind=sector))
    return found


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
    """"the bank", "the ministry": a body noun with "the" and nothing else before it that names someone;
    "the government" as an object: the state named just before ("the Darfur region of Sudan as China
    backed the government")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NN" or (lemma not in _body_nouns() and lemma not in STATE_NOUNS):
        return None
    before = [c for c in token.children if c.i < token.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in before) or any(
            c.dep_ in {"compound", "amod", "poss", "nmod"} for c in before) or token.i in index.entity_at:
        return None
    phrase = index.doc[min(c.i for c in before) : token.i + 1]
    if lemma in STATE_NOUNS:
        state = _state_named_before(index, token) if token.dep_ not in SUBJECT_DEPS else None
        return index.mention(phrase, "ORG", state) if state is not None else None
    return replace(index.mention(phrase, "NOMINAL"), kind=lemma, subject=_main_subject(token))


def _state_named_before(index: DocIndex, token: Token) -> str | None:
    """The state last named before the token, in its sentence or the one before, that is not a subject
    there: the actor acting on "the government" is not its state."""
    sentence = index.sentence_of[token.i]
    first = index.sentences[max(0, sentence - 1)].start
    gazetteer = load_gazetteer()
    for i in range(token.i - 1, first - 1, -1):
        ent = index.entity_at.get(i)
        entry = gazetteer.get(ent.ent_id_) if ent is not None and ent.ent_id_ else None
        if entry is None or entry.type != "Country" or ent is None or i != ent.start:
            continue
        head = ent.root
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ not in SUBJECT_DEPS:
            return entry.key
    return None


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
                if token.head.dep_ == "appos":  # "McConnell, now the majority leader, who said …"
                    yield token.head.head
            else:
                yield subject
        if token.dep_ not in SUBJECT_SHARING_DEPS or token.head.i == token.i:
            return
        token = token.head
        if token.dep_ == "prep" and token.head.i != token.i:  # "reacted … by saying …"
            token = token.head


# Where an inverted report puts its speaker after the verb, which the parser may take for an object:
# "… ," recalled Mr. Rhodes; "… ," stated President Vladimir Putin.
INVERTED_SPEAKER_DEPS = frozenset({"dobj", "attr", "npadvmod", "nsubj"})
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})


def passive(verb: Token) -> bool:
    """ "was endorsed (by X)", "a plan endorsed by X"."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN") or any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def speaker_heads(verb: Token, inverted: bool) -> list[Token]:
    """Candidate speaker heads of a reporting verb, nearest first, for every kind of statement: its
    subjects (``subjects_of``); a passive verb's agent ("was endorsed by X"), or no one the grammar names
    ("X was accused of …"); a participle's noun ("a group backing Mr. Bush"); for an ``inverted`` report
    with none of these, the words after the verb the parser took for its object ("…," recalled Mr. Rhodes)."""
    if passive(verb):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    heads = list(subjects_of(verb))
    if not heads and verb.dep_ == "acl" and verb.tag_ == "VBG":
        heads = [verb.head]
    if not heads and inverted:
        heads = [c for c in verb.children if c.dep_ in INVERTED_SPEAKER_DEPS and c.i > verb.i]
    return heads


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


def _title_abbreviation(token: Token) -> bool:
    """ "Sen.", "Sens.", "Reps": a title of the roles lexicon, abbreviated, maybe plural — never a name."""
    stem = token.text.rstrip(".")
    return f"{stem}." in lexicon("roles") or (stem.endswith("s") and f"{stem[:-1]}." in lexicon("roles"))


# Words after a person's name that are part of it: "Joseph R. Biden Jr.", "Joe Manchin III".
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


@cache
def _first_names() -> frozenset[str]:
    return lexicon("male_names") | lexicon("female_names")


class ActorLookup:
    """Which mention a token stands for: a name, a title, a pronoun, or the body a spokesman speaks for."""

    def __init__(self, index: DocIndex, mentions: list[Mention], roles: list[RoleMention]) -> None:
        self.index = index
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.roles = roles
        self.first_names = _first_names()
        self._actors: dict[int, Mention | None] = {}  # by token: every stage asks again of the same heads

    def mention_at(self, token: Token) -> Mention | None:
        position = self.index.body.to_file(token.idx)
        i = bisect.bisect_right(self.starts, position) - 1
        if i >= 0 and self.mentions[i].start <= position < self.mentions[i].end:
            return self.mentions[i]
        return None

    def _untagged_name(self, head: Token) -> Mention:
        """A proper noun standing for someone, with the names before it ("David French"): a person (the
        likelier kind for a name the model missed), an organisation when written like one ("PolitiFact")."""
        first = head.i
        while first > 0 and self.index.doc[first - 1].dep_ == "compound" and self.index.doc[first - 1].pos_ == "PROPN" \
                and self.index.doc[first - 1].ent_type_ == "":
            first -= 1
        span = self.index.doc[first : head.i + 1]
        organisation = any(t.text.isupper() or any(c.isupper() for c in t.text[1:]) for t in span) \
            and span[0].text not in self.first_names
        return self.index.mention(span, "ORG" if organisation else "PERSON")

    def role_at(self, token: Token) -> RoleMention | None:
        position = self.index.body.to_file(token.idx)
        return next((r for r in self.roles if r.start <= position < r.end), None)

    def actor(self, head: Token) -> Mention | None:
        """The mention a noun phrase's head token refers to, or None when it names no one we know."""
        if head.i not in self._actors:
            self._actors[head.i] = self._actor(head)
        return self._actors[head.i]

    def _actor(self, head: Token) -> Mention | None:
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
        if head.lower_ in NAME_SUFFIXES and head.i > 0:  # "Joseph R. Biden Jr.": the name before the suffix
            before = self.index.doc[head.i - 2 if head.nbor(-1).text == "," and head.i > 1 else head.i - 1]
            named = self.mention_at(before)
            if named is not None and named.label == "PERSON":
                return named
        mention = self.mention_at(head)
        if mention is not None and mention.label == "GPE" and not mention.gazetteer_id:
            return replace(mention, label="PERSON")  # "Singh said": a name the model took for a place
        if mention is not None:
            return mention
        for apposition in (c for c in head.children if c.dep_ == "appos"):  # "the chairman, X, warned"
            mention = self.mention_at(apposition)  # "the Israeli newspaper Haaretz noted"
            if mention is not None and (mention.label == "PERSON" or head.pos_ == "NOUN"):
                return mention
        role = self.role_at(head)
        if role is not None:
            return role.person or Mention(role.start, role.end, role.text, "TITLE", role.sentence)
        if head.lower_ in REFERRING_PRONOUNS and head.dep_ != "poss":  # a possessive is its caller's to read
            return self.index.mention(self.index.doc[head.i : head.i + 1], "PRON")
        if head.pos_ == "PROPN" and head.ent_type_ == "" and head.is_title and not _title_abbreviation(head):
            return self._untagged_name(head)  # "Lonegan said", a name the model did not tag
        if head.pos_ == "NOUN" and head.lemma_.lower() in lexicon("personal_bodies"):  # "the Trump campaign said"
            for modifier in head.children:
                ent = self.index.entity_at.get(modifier.i)
                if modifier.dep_ in {"compound", "poss"} and ent is not None and ent.label_ == "PERSON":
                    return self.index.mention(self.index.doc[ent.start : head.i + 1], "ORG")
        # One private person is no act of a state ("a Lebanese man visiting Nice"); its people are, as
        # CAMEO codes civilians ("freed seven Iranian men").
        if head.pos_ == "NOUN" and not (head.tag_ == "NN" and head.lemma_.lower() in lexicon("private_people")):
            for modifier in head.children:  # "the Israeli government", "British officials", "a Russian bomber"
                ent = self.index.entity_at.get(modifier.i)
                if modifier.dep_ in {"amod", "compound"} and ent is not None and ent.label_ == "NORP" \
                        and ent.ent_id_:
                    return self.index.mention(ent, "NORP", ent.ent_id_)
        if head.pos_ == "NOUN":
            return _nominal(self.index, head)
        return None


# Words that may stand between a state and its title: "Iraqi interim leader", "US acting ambassador"
ROLE_MODIFIERS = frozenset({"interim", "acting", "former", "then", "new", "outgoing", "incoming", "deputy",
                            "current", "late", "caretaker", "embattled", "veteran", "top"})
DEFINITE_WORDS = frozenset({"the", "this", "that", "his", "her", "its", "their"})  # "his national security adviser, X"


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
    org_labels = frozenset({"GPE", "ORG", "NORP"})
    people = frozenset({"PERSON"})
    found: list[RoleMention] = []
    for ent in index.ents:
        if ent.label_ != ROLE_LABEL:
            continue
        start, end = ent.start, ent.end
        org = _adjacent_entity(index, ent.start - 1, -1, org_labels, ROLE_MODIFIERS) or _possessor(index, ent)
        if org is not None:
            start = min(org.start, start)
        elif end + 1 < len(doc) and doc[end].lower_ == "of":
            org = _adjacent_entity(index, end + 1, 1, org_labels)
            if org is not None:
                end = org.end
        owned = _owner(index, ent) if org is None else None  # "his", "the president's", "the company's"
        owner = owned[0] if owned is not None else None
        if owned is not None:
            start = min(start, owned[1])
        while start > 0 and (doc[start - 1].lower_ in LEADING_WORDS or doc[start - 1].lower_ in ROLE_MODIFIERS
                             or doc[start - 1].lower_ in POSSESSIVE_PRONOUNS  # "his national security adviser"
                             or _modifies(doc[start - 1], start, end)):  # "executive director", "top Democrat"
            start -= 1
        definite = doc[start].lower_ in DEFINITE_WORDS or owner is not None or (
            org is not None and org.end < len(doc) and doc[org.end].tag_ == "POS")
        person = _adjacent_entity(index, end, 1, people)
        if person is None and definite and end < len(doc) and doc[end].text == ",":
            person = _adjacent_entity(index, end + 1, 1, people)  # "Russia's foreign minister, Sergei Lavrov"
        if person is None and start >= 2 and doc[start - 1].text == "," and _in_apposition(doc[start:end]):
            person = _adjacent_entity(index, start - 2, -1, people)  # "Putin, the Russian president"
        if person is None and start >= 1 and doc[start - 1].lower_ == "as":
            person = _subject_entity(index, doc[start - 1].head)  # "X visited … as Burma's de facto leader"
        if person is None:
            person = _named_to(index, ent)  # "Jack Dorsey, recently named the company's chief executive"
        if person is None and (not definite or any(t.lower_ in FUTURE_WORDS for t in doc[max(start - 1, 0) : end])):
            continue  # "the next president": no one yet
        if org is None and person is not None and person.end + 1 < len(doc) and doc[person.end].lower_ == "of":
            org = _adjacent_entity(index, person.end + 1, 1, org_labels)  # "Ambassador X of Iceland"
        if org is None and person is not None:  # "Sepp Blatter, the president of soccer's governing body, FIFA"
            org = next(_affiliating_objects(index, ent.root), None)
        phrase_end = person.end if person is not None and person.start >= end else end
        phrase = doc[start:phrase_end]
        org_mention = owner  # "his chief of staff", "the company's chief executive": resolved with the references
        if org is not None:
            org_mention = index.mention(_trimmed(org), org.label_, org.ent_id_)
        found.append(
            RoleMention(
                title=role_title(ent.text),
                start=index.body.to_file(phrase.start_char),
                end=index.body.to_file(phrase.end_char),
                text=phrase.text,
                sentence=index.sentence_of[phrase.start],
                person=index.mention(_trimmed(person), "PERSON", person.ent_id_) if person else None,
                org=org_mention,
                former=_former(doc[max(start - 1, 0) : end]),
            )
        )
    taken = {i for r in found for i in range(*_token_range(index, r))}
    return [*found, *_apposition_roles(index, taken), *_party_tags(index), *_party_members(index, taken),
            *_own_bodies(index)]


FORMER_WORDS = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile"})
FUTURE_WORDS = frozenset({"next", "future", "incoming"})
MODAL_WORDS = frozenset({"would", "will", "could", "might", "may", "should", "shall", "'d", "'ll"})
# Prepositions by which an apposition ties a person to a body: "director of X", "a strategist at X",
# "the top Democrat on X", "an analyst with X", "a spokesman for X"
AFFILIATING_PREPOSITIONS = frozenset({"of", "at", "on", "with", "for"})
# Nouns of office or mandate: a state or body modifying one in apposition is where it is held ("a senior
# Hungarian lawmaker", "a Kremlin spokesman"); a profession is not ("an American journalist")
OFFICE_NOUNS = frozenset({"lawmaker", "legislator", "official", "diplomat", "politician", "envoy", "negotiator",
                          "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "representative",
                          "senator", "congressman", "congresswoman", "deputy", "mp", "member", "commander", "officer",
                          "general", "minister", "ambassador", "leader", "president", "chairman", "secretary",
                          "governor", "mayor", "director", "chief", "head"})
SEATED_BODIES = frozenset({"committee", "subcommittee", "council", "board", "panel", "commission", "court"})


def _possessor(index: DocIndex, title: Span) -> Span | None:
    """The state or body whose title it is, as a possessive before modifiers: "Burma's de facto leader"."""
    for child in title.root.children:
        ent = index.entity_at.get(child.i)
        if child.dep_ == "poss" and child.i < title.start and ent is not None and ent.label_ in {"GPE", "ORG", "NORP"}:
            return ent
    return None


def _owner(index: DocIndex, title: Span) -> tuple[Mention, int] | None:
    """Whose title it is, when not named, and the token its phrase starts at: a pronoun ("his national
    security adviser": of the state he serves), a title ("the president's deputy national security
    adviser") or a nominal ("the company's chief executive"), each resolved with the references."""
    for child in title.root.children:
        if child.dep_ != "poss" or child.i >= title.start:
            continue
        if child.lower_ in {"his", "her"}:
            return index.mention(index.doc[child.i : child.i + 1], "PRON"), child.i
        ent = index.entity_at.get(child.i)
        if ent is not None and ent.label_ == ROLE_LABEL:
            first = ent.start - 1 if ent.start > 0 and index.doc[ent.start - 1].lower_ in DEFINITE_WORDS else ent.start
            return index.mention(index.doc[first : ent.end], "TITLE"), first
        nominal = _nominal(index, child)
        if nominal is not None:
            return nominal, child.left_edge.i
    return None


NAMING_VERBS = frozenset({"name", "appoint", "elect", "choose", "select", "make", "promote", "nominate",
                          "install", "confirm", "designate", "reelect", "re-elect"})


def _named_to(index: DocIndex, title: Span) -> Span | None:
    """The person a naming verb gives the title: "X, recently named the company's chief executive", "X was
    appointed defence minister", "they elected X president"."""
    verb = title.root.head
    if title.root.dep_ not in {"oprd", "attr", "xcomp", "dobj"} or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    if verb.dep_ in {"acl", "relcl", "appos"} and (ent := index.entity_at.get(verb.head.i)) is not None:
        return ent if ent.label_ == "PERSON" else None
    heads = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"} and c.i != title.root.i]
    ent = index.entity_at.get(heads[0].i) if heads else None
    return ent if ent is not None and ent.label_ == "PERSON" else None


def _subject_entity(index: DocIndex, clause: Token) -> Span | None:
    """The person a predicative "as …" says the title of: the object of its verb if it has one ("named X
    as envoy"), else its subject ("X visited … as Burma's leader"); none in a clause about what would or
    might be ("as president, Mr. Trump would be firm")."""
    if any((c.dep_ == "aux" and c.lower_ in MODAL_WORDS) or (c.dep_ == "mark" and c.lower_ == "if")
           for c in clause.children):
        return None
    heads = [c for c in clause.children if c.dep_ == "dobj"] or list(subjects_of(clause))
    ent = index.entity_at.get(heads[0].i) if heads else None
    return ent if ent is not None and ent.label_ == "PERSON" else None


def _in_apposition(title: Span) -> bool:
    """A title in apposition to the name before it ("Putin, the Russian president, said"), not the
    subject of a clause of its own ("… with Mr. Obama, the prime minister looked ashen")."""
    return title.root.dep_ in {"appos", "conj"} or (title.end < len(title.doc) and title.doc[title.end].text in {
        ",", ".", ";", ")", "\u2014"})


def _modifies(token: Token, start: int, end: int) -> bool:
    """A modifier of a word of the title, itself no name: "executive" of "executive director"."""
    return token.dep_ in {"amod", "compound"} and start <= token.head.i < end and token.ent_type_ == ""


@cache
def _role_spellings() -> dict[str, str]:
    spellings: dict[str, str] = {}
    for role in sorted(lexicon("roles")):  # "Vice President" before "Vice-President"
        spellings.setdefault(slugify(role), role)
    return spellings


def role_title(text: str) -> str:
    """A title as the roles lexicon spells it ("Director" for "director", "Vice President" for
    "vice-president"), else its words in lower case: one spelling for each office, as its IRI has one."""
    slug = slugify(text)
    return _role_spellings().get(slug, slug.replace("-", " "))


def _former(tokens: Span) -> bool:
    return any(t.lower_ in FORMER_WORDS for t in tokens)


def _token_range(index: DocIndex, role: RoleMention) -> tuple[int, int]:
    span = index.doc.char_span(role.start - index.body.to_file(0), role.end - index.body.to_file(0),
                               alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _apposition_roles(index: DocIndex, taken: set[int]) -> Iterator[RoleMention]:
    """A person's post given in apposition, with the body it ties them to: "Daryl Kimball, executive
    director of the Arms Control Association", "Eric Kraus, a strategist at Sovlink Securities", "Joseph
    Crowley, the top Democrat on the House Intelligence Committee" (the party too)."""
    doc = index.doc
    for ent in index.ents:
        if ent.label_ != "PERSON":
            continue
        for head in (c for c in ent.root.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}):
            named = index.entity_at.get(head.i)
            if head.i in taken or (named is not None and named.label_ not in {"NORP", ROLE_LABEL}):
                continue
            modifiers = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i]
            title = doc[min([head.i, *(m.i for m in modifiers)]) : head.i + 1]
            phrase = doc[min(t.i for t in head.subtree) : max(t.i for t in head.subtree) + 1]
            orgs = list(_affiliating_objects(index, head))
            party = index.entity_at.get(head.i)
            if party is not None and party.label_ == "NORP" and party.ent_id_:
                orgs.append(party)
            if head.lemma_.lower() in OFFICE_NOUNS:  # "Issawi Frej, an Arab Israeli lawmaker"
                orgs.extend(modifier for m in modifiers if (modifier := index.entity_at.get(m.i)) is not None
                            and modifier.label_ in {"NORP", "GPE", "ORG"} and modifier.ent_id_)
            for org in orgs:
                yield RoleMention(
                    title=role_title(title.text), start=index.body.to_file(phrase.start_char),
                    end=index.body.to_file(phrase.end_char), text=phrase.text,
                    sentence=index.sentence_of[phrase.start],
                    person=index.mention(_trimmed(ent), "PERSON", ent.ent_id_),
                    org=index.mention(_trimmed(org), org.label_, org.ent_id_), former=_former(phrase))


def _affiliating_objects(index: DocIndex, head: Token, depth: int = 2) -> Iterator[Span]:
    """Bodies and states a title's prepositional phrases name: "head of global policy at Facebook"."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in AFFILIATING_PREPOSITIONS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            named = [index.entity_at.get(pobj.i), *(index.entity_at.get(c.i) for c in pobj.children
                                                     if c.dep_ == "appos"), _named_after(index, pobj)]
            for ent in (e for e in named if e is not None):
                if ent.label_ in {"ORG", "GPE"} and (prep.lower_ != "on" or ent[-1].lemma_.lower() in SEATED_BODIES):
                    yield ent  # "on" ties a person to a body one sits on, not to a topic ("an expert on Syria")
            if named[0] is None and depth > 1:
                yield from _affiliating_objects(index, pobj, depth - 1)


def _named_after(index: DocIndex, noun: Token) -> Span | None:
    """The name in apposition to a described body ("soccer's world governing body, FIFA"), which the
    parser may hang on the person instead."""
    end = max(t.i for t in noun.subtree) + 1
    if noun.pos_ != "NOUN" or end + 1 >= len(index.doc) or index.doc[end].text != ",":
        return None
    ent = index.entity_at.get(end + 1)
    return ent if ent is not None and ent.start == end + 1 and ent.root.dep_ == "appos" else None


PARTY_NOUNS = frozenset({"party", "league", "movement", "front", "alliance", "coalition", "bloc", "caucus"})


def _own_bodies(index: DocIndex) -> Iterator[RoleMention]:
    """A body named as someone's own: "her National League for Democracy swept to power", "his Likud
    party" — the person "his"/"her" stands for belongs to it."""
    for ent in index.ents:
        if ent.label_ != "ORG" or not any(t.lower_ in PARTY_NOUNS for t in ent):  # not "his State of the Union"
            continue
        owner = next((c for c in ent.root.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
        if owner is None:
            continue
        phrase = index.doc[owner.i : ent.end]
        yield RoleMention(title="member", start=index.body.to_file(phrase.start_char),
                          end=index.body.to_file(phrase.end_char), text=phrase.text,
                          sentence=index.sentence_of[phrase.start],
                          person=index.mention(index.doc[owner.i : owner.i + 1], "PRON"),
                          org=index.mention(_trimmed(ent), "ORG", ent.ent_id_))


def _party_members(index: DocIndex, taken: set[int]) -> Iterator[RoleMention]:
    """A party's adjective right before a name: "Liberal Democrat Menzies Campbell", "Republican Bob Corker"."""
    gazetteer = load_gazetteer()
    ents = [e for e in index.ents if e.label_ in {"NORP", "PERSON"}]
    for party, person in pairwise(ents):
        entry = gazetteer.get(party.ent_id_) if party.label_ == "NORP" and party.ent_id_ else None
        if entry is None or entry.type != "Organization" or person.label_ != "PERSON" \
                or person.start != party.end or party.start in taken:
            continue
        phrase = index.doc[party.start : person.end]
        yield RoleMention(title="member", start=index.body.to_file(phrase.start_char),
                          end=index.body.to_file(phrase.end_char), text=phrase.text,
                          sentence=index.sentence_of[phrase.start],
                          person=index.mention(_trimmed(person), "PERSON", person.ent_id_),
                          org=index.mention(party, "NORP", party.ent_id_))


# "Sen. Ben Sasse (R-Neb.)": party and state after a US politician's name
_PARTY_TAG = re.compile(r"\s*\(([RDI])-([A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)\)")


def _party_tags(index: DocIndex) -> Iterator[RoleMention]:
    """"Sen. Ben Sasse (R-Neb.)", "Mitch McConnell (R-Ky.)": a member of the party, and of the legislature of
    the state whose politicians are tagged so (the United States)."""
    text = index.body.text
    tags = {letter: (party, state) for letter, party, state, *_ in table("lexicons", "party_tags.tsv")}
    for ent in index.ents:
        if ent.label_ != "PERSON":
            continue
        match = _PARTY_TAG.match(text, ent.end_char)
        if match is None or match.group(1) not in tags:
            continue
        for group, key in zip((1, 2), tags[match.group(1)], strict=True):  # the party by its letter, the state
            start, end = index.body.to_file(match.start(group)), index.body.to_file(match.end(group))
            yield RoleMention(title="member", start=index.body.to_file(ent.start_char),
                              end=index.body.to_file(match.end()), text=text[ent.start_char : match.end()],
                              sentence=index.sentence_of[ent.start],
                              person=index.mention(_trimmed(ent), "PERSON", ent.ent_id_),
                              org=Mention(start, end, match.group(group), "NORP", index.sentence_of[ent.start], key))
