"""Actor-to-actor events with CAMEO codes, read from verbs and their nominalisations.

Triggers come from ``kg/data/lexicons/cameo_triggers.tsv`` (lemma, part of speech, CAMEO code and
where the target is). The grammar is a few general patterns over the dependency parse:

- a verb: the agent is its subject (``subjects_of``: through participles, conjoined and infinitive
  clauses, "sought to meet X"), the object of a clause that controls it ("urged X to attack Y"),
  or the "by" phrase of a passive ("X was criticised by Y" -> Y acts on X); the target is the
  direct object or the object of the trigger's preposition ("call on X", "meet with X");
- a noun: the agent is a possessive ("Russia's annexation of Crimea"; "his"/"its" bound to the
  subject of its clause), a name modifying it ("US sanctions on Iran"), a "by" phrase, or the
  subject of the light verb governing it ("launched an offensive against X", "held talks with X");
  the target is the object of the trigger's preposition ("of", "against", "in" for military acts);
  "talks between X and Y" is an event of X toward Y;
- a target that is not an actor but the act of one ("criticised Russia's decision", "praised the
  efforts of X") stands for that actor;
- conjoined agents and targets give one event each; a meeting of "X and Y" with no object is X
  toward Y.

Agents and targets are only ever ``Mention``s given by ``ActorLookup`` (names, titles, pronouns), so
that resolution can map them by span; an event lacking either side, or whose two sides are the
same mention, is dropped.

Events that did not happen are kept but marked, and the lead's RDF stage decides whether to
assert them: ``negated`` for "did not criticise", "never attacked"; ``hypothetical`` for modality
("might attack", "could strike"), intention or request ("plans to", "threatened to invade" — the
threat itself is a real event —, "urged X to", "refused to") and conditions ("if X attacks").

The trigger span is the trigger word itself (the verb, not its particle), so that an event read
from a reporting verb ("criticised Western powers") can be matched with the statement of that verb.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from kg.extract.mentions import ActorLookup, DocIndex, subjects_of
from kg.models import EventMention, Mention

# Verbs that lend their subject to the noun they govern: "launched an offensive", "held talks".
LIGHT_VERBS = frozenset(
    "launch impose hold issue conduct carry pursue make pay begin start stage mount level announce continue "
    "step escalate intensify order deliver extend give offer express voice pledge provide initiate wage "
    "resume open enter have engage take rise come go lead sign reach conclude strike seal unleash "
    "renew".split()
)
# Heads under which an infinitive's act happens: "began to attack", "is due to meet", "is to hold".
REALIS_HEADS = frozenset("begin start continue keep resume manage proceed due go be".split())
# Heads under which it did not: "failed to condemn", "avoided criticising".
NEGATING_HEADS = frozenset({"fail", "avoid"})
# Verbs and nouns whose object is an act not done: "threatened sanctions", "the threat of invasion".
INTENTION_WORDS = frozenset("threaten threat plan consider propose proposal seek want demand urge call prepare "
                            "prospect risk possibility fear".split())
MODAL_AUXILIARIES = frozenset("might could may would should must can shall ought".split())
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Dependencies through which a governing clause's modality reaches the verb: "refused to meet",
# "is ready to negotiate".
GOVERNED_DEPS = frozenset({"xcomp", "acomp"})
ADJECTIVE_BRIDGES = frozenset({"acomp", "amod"})  # "is due to meet", "is ready to negotiate"
POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "body", "their": "any"}
FIRST_PERSON = frozenset({"i", "we"})
PERSON_LABELS = frozenset({"PERSON", "PRON", "TITLE"})
# Acts with no direction: "X and Y met" is X toward Y.
SYMMETRIC_CODES = ("040", "041", "044", "046", "050", "057", "060", "087")
# Prepositions through which a noun phrase points at the actor it is about ("the rationale for X").
PHRASE_PREPOSITIONS = ("of", "for", "to")
# Targets that are the subject of a complement clause, by the clause's mark: "demanded that X
# withdraw", "pressed for X to act".
CLAUSE_TARGETS = {"that": "that", "for_clause": "for"}
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
INFINITIVE_TARGET_PREPOSITIONS = ("with", "against", "on", "at")


@dataclass(frozen=True)
class Trigger:
    """One row of the trigger lexicon."""

    lemma: str
    pos: str  # VERB or NOUN
    code: str
    targets: tuple[str, ...]  # "dobj", prepositions, "that"


@cache
def trigger_lexicon() -> dict[tuple[str, str], Trigger]:
    """The trigger lexicon, by (lemma, part of speech)."""
    path = resources.files("kg").joinpath("data", "lexicons", "cameo_triggers.tsv")
    table: dict[tuple[str, str], Trigger] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), ""][:4]
        lemma, pos, code, where = (cell.strip() for cell in cells)
        default = "dobj" if pos == "VERB" else "of"
        targets = tuple(w.strip() for w in (where or default).split(",") if w.strip())
        table[(lemma, pos)] = Trigger(lemma, pos, code, targets)
    return table


@cache
def _multiword_verbs() -> frozenset[str]:
    """The verbs that open a trigger of several words ("call" of "call on", "cut" of "cut ties")."""
    return frozenset(lemma.split()[0] for lemma, pos in trigger_lexicon() if pos == "VERB" and " " in lemma)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children)


def _has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODAL_AUXILIARIES for c in token.children)


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children)


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def clause_status(verb: Token) -> tuple[bool, bool]:
    """(negated, hypothetical) of a verb, through the clauses that govern it: "did not criticise",
    "might attack", "if X attacks", "plans to invade", "urged X to meet", "failed to condemn"."""
    negated = _negated(verb)
    hypothetical = _has_modal(verb) or _conditional(verb)
    token = verb
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ == "xcomp" or (token.dep_ in {"acl", "advcl", "ccomp"} and _infinitive(token)):
            lemma = head.lemma_.lower()
            if lemma in NEGATING_HEADS:
                negated = True
            elif lemma not in REALIS_HEADS:
                hypothetical = True
        elif token.dep_ not in GOVERNED_DEPS:
            break
        negated = negated or _negated(head)
        hypothetical = hypothetical or _has_modal(head) or _conditional(head)
        token = head
    return negated, hypothetical


class EventReader:
    """Finds the events of one Doc."""

    def __init__(self, index: DocIndex, lookup: ActorLookup) -> None:
        self.index = index
        self.lookup = lookup
        self.lexicon = trigger_lexicon()

    # ---------------------------------------------------------------- triggers
    def verb_trigger(self, verb: Token) -> tuple[Trigger, Token | None] | None:
        """The lexicon row of a verb, phrasal first ("call on", "lash out", "cut ties"), and the
        preposition that is part of it."""
        lemma = verb.lemma_.lower()
        if lemma not in _multiword_verbs():  # walking the children costs: only where a phrase may match
            row = self.lexicon.get((lemma, "VERB"))
            return (row, None) if row is not None else None
        particles = [c for c in verb.children if c.dep_ == "prt"]
        for particle in particles:
            phrasal = f"{lemma} {particle.lower_}"
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                row = self.lexicon.get((f"{phrasal} {prep.lower_}", "VERB"))
                if row is not None:
                    return row, prep
            row = self.lexicon.get((phrasal, "VERB"))
            if row is not None:
                return row, None
        for child in verb.children:
            if child.dep_ == "prep":
                row = self.lexicon.get((f"{lemma} {child.lower_}", "VERB"))
                if row is not None:
                    return row, child
            elif child.dep_ in {"dobj", "nsubjpass"} and child.pos_ == "NOUN":
                for form in (child.lemma_.lower(), child.lower_):  # "cut ties", "lift sanctions"
                    row = self.lexicon.get((f"{lemma} {form}", "VERB"))
                    if row is not None:
                        return row, None
        row = self.lexicon.get((lemma, "VERB"))
        return (row, None) if row is not None else None

    def noun_trigger(self, noun: Token) -> Trigger | None:
        lemma = noun.lemma_.lower()
        for child in noun.children:
            if child.dep_ == "compound":
                row = self.lexicon.get((f"{child.lemma_.lower()} {lemma}", "NOUN"))
                if row is not None:
                    return row
        return self.lexicon.get((lemma, "NOUN"))

    # ---------------------------------------------------------------- actors
    def _phrase_actor(self, head: Token, depth: int = 2) -> Mention | None:
        """The actor a noun phrase names, or whose act it names: "Russia's decision", "the purchase
        by X", "US court injunction", "the efforts of X", "an embargo on exports to X"."""
        mention = self.lookup.actor(head)
        if mention is not None or head.pos_ not in {"NOUN", "PROPN"} or depth == 0:
            return mention
        for child in head.children:
            if child.dep_ == "poss":
                return self._possessor(child)
        for object_ in self._prep_objects(head, ("by",)):
            return self.lookup.actor(object_) or self._modifier_actor(object_)
        mention = self._modifier_actor(head)
        if mention is not None:
            return mention
        for object_ in self._prep_objects(head, PHRASE_PREPOSITIONS):
            mention = self._phrase_actor(object_, depth - 1)
            if mention is not None:
                return mention
        return None

    def _modifier_actor(self, noun: Token) -> Mention | None:
        """A state or body known to the gazetteer that modifies the noun, maybe through another
        modifier: "US sanctions", "the EU embargo", "a US court injunction" — not "a Michigan Democrat"."""
        for child in noun.children:
            if child.dep_ not in {"compound", "amod", "nmod"} or child.i > noun.i:
                continue
            for token in (child, *(c for c in child.children if c.dep_ in {"compound", "amod"})):
                mention = self.lookup.mention_at(token)
                if mention is not None and mention.gazetteer_id is not None and mention.label != "PERSON":
                    return mention
        return None

    def _possessor(self, token: Token) -> Mention | None:
        """A possessive's actor; "his"/"her"/"its"/"their" is bound to the subject of its clause."""
        mention = self.lookup.actor(token)
        if mention is not None:
            return mention
        kind = POSSESSIVE_PRONOUNS.get(token.lower_)
        if kind is None:
            return None
        clause = token
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        for subject in subjects_of(clause):
            candidate = self.lookup.actor(subject)
            if candidate is None:
                continue
            is_person = candidate.label in PERSON_LABELS
            if kind == "any" or (kind == "person") == is_person:
                return candidate
            return None
        return None

    def _with_conjuncts(self, head: Token) -> list[Mention]:
        mentions: list[Mention] = []
        for token in (head, *head.conjuncts):
            mention = self._phrase_actor(token)
            if mention is not None and mention not in mentions:
                mentions.append(mention)
        return mentions

    def verb_agents(self, verb: Token) -> list[Mention]:
        """Who does what the verb says: its nearest subject (no further: "the whole world applauded
        and thanked X" is not the act of whoever reported it), the object of a controlling verb
        ("urged X to attack"), the owner of a decision or plan ("Russia's decision to invade")."""
        controller = verb.head if verb.head.i != verb.i else None
        if verb.dep_ == "xcomp" and controller is not None:
            for child in controller.children:
                if child.dep_ == "dobj":
                    return self._with_conjuncts(child)
        if verb.dep_ == "acl" and controller is not None and controller.pos_ == "NOUN":
            for child in controller.children:
                if child.dep_ == "poss":
                    mention = self._possessor(child)
                    return [mention] if mention is not None else []
        for subject in subjects_of(verb):
            if (subject.dep_ == "nsubjpass" and subject.head.i == verb.i) or subject.lower_ in FIRST_PERSON:
                continue  # "we are ready to negotiate with X, he said": the speaker's side acts
            return self._with_conjuncts(subject)
        if verb.dep_ == "xcomp" and controller is not None and controller.dep_ in ADJECTIVE_BRIDGES:
            return self.verb_agents(controller.head)  # "he is due to meet X"
        return []

    def _prep_objects(self, token: Token, preps: tuple[str, ...]) -> Iterator[Token]:
        """Objects of the token's prepositions, and the subject of a gerund clause there ("the
        rationale for X increasing budgets")."""
        for child in token.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
                for object_ in child.children:
                    if object_.dep_ == "pobj":
                        yield object_
                    elif object_.dep_ == "pcomp":
                        yield from (c for c in object_.children if c.dep_ == "nsubj")

    def _clause_subjects(self, verb: Token, marks: frozenset[str]) -> Iterator[Token]:
        """Subjects of a complement clause: "demanded that X withdraw", "pressed for X to act"."""
        for clause in verb.children:
            if clause.dep_ not in CLAUSE_DEPS:
                continue
            mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), "that")
            if mark in marks:
                yield from (c for c in clause.children if c.dep_ == "nsubj")

    def verb_targets(self, verb: Token, row: Trigger, prep: Token | None) -> list[Mention]:
        heads: list[Token] = []
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        objects = passive or [c for c in verb.children if c.dep_ == "dobj"]
        if "dobj" in row.targets or passive:
            heads.extend(objects)
        preps = tuple(p for p in row.targets if p not in CLAUSE_TARGETS and p != "xcomp")
        if prep is not None and prep.lower_ in preps:  # "call on X"; not "call for the release of X"
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
        heads.extend(self._prep_objects(verb, preps))
        for object_ in objects:  # "pursuing guarantees from X", "imposed sanctions on X"
            heads.extend(self._prep_objects(object_, preps))
        marks = frozenset(CLAUSE_TARGETS[t] for t in row.targets if t in CLAUSE_TARGETS)
        heads.extend(self._clause_subjects(verb, marks))
        if "xcomp" in row.targets:  # "threatened to invade X", "refused to meet with X"
            for clause in (c for c in verb.children if c.dep_ == "xcomp"):
                heads.extend(c for c in clause.children if c.dep_ == "dobj")
                heads.extend(self._prep_objects(clause, INFINITIVE_TARGET_PREPOSITIONS))
        # A meeting or a visit is with an actor itself: "visited the tomb of X" is no visit to X.
        direct_only = row.code.startswith("04")
        found: list[Mention] = []
        for head in dict.fromkeys(heads):
            mentions = [self.lookup.actor(t) for t in (head, *head.conjuncts)] if direct_only \
                else self._with_conjuncts(head)
            for mention in mentions:
                if mention is not None and mention not in found:
                    found.append(mention)
        return found

    def passive_agents(self, verb: Token) -> list[Mention]:
        """The "by" phrase of a passive, also where the parser hung it lower ("was banned from
        taking part in the auction by a court")."""
        frontier = [verb]
        for _ in range(3):
            below: list[Token] = []
            for token in frontier:
                for child in token.children:
                    if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and token is not verb):
                        for object_ in child.children:
                            if object_.dep_ == "pobj":
                                return self._with_conjuncts(object_)
                    elif child.dep_ in {"prep", "pcomp", "pobj", "dobj"}:
                        below.append(child)
            frontier = below
        return []

    # ---------------------------------------------------------------- events
    def _event(self, trigger: Token, row: Trigger, agent: Mention, target: Mention,
               negated: bool, hypothetical: bool) -> EventMention:
        sentence = self.index.sentences[self.index.sentence_of[trigger.i]]
        to_file = self.index.body.to_file
        return EventMention(
            start=to_file(trigger.idx),
            end=to_file(trigger.idx + len(trigger.text)),
            trigger=row.lemma,
            code=row.code,
            agent=agent,
            target=target,
            evidence=(to_file(sentence.start_char), to_file(sentence.end_char)),
            negated=negated,
            hypothetical=hypothetical,
        )

    def _pairs(self, row: Trigger, agents: list[Mention], targets: list[Mention]
               ) -> Iterator[tuple[Mention, Mention]]:
        if not targets and row.code in SYMMETRIC_CODES and len(agents) > 1:
            targets, agents = agents[1:], agents[:1]  # "Bush and Putin met"
        for agent in agents:
            for target in targets:
                if (agent.start, agent.end) != (target.start, target.end) and agent.text != target.text:
                    yield agent, target

    def verb_events(self, verb: Token) -> Iterator[EventMention]:
        found = self.verb_trigger(verb)
        if found is None:
            return
        row, prep = found
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        agents = self.passive_agents(verb) if passive else self.verb_agents(verb)
        if not agents:
            return
        targets = self.verb_targets(verb, row, prep)
        negated, hypothetical = clause_status(verb)
        for agent, target in self._pairs(row, agents, targets):
            yield self._event(verb, row, agent, target, negated, hypothetical)

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb lending its subject to the noun: "launched an offensive", "engaged in talks"."""
        head = noun.head
        if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in LIGHT_VERBS:
                return verb
        return None

    def noun_agents(self, noun: Token, light: Token | None) -> list[Mention]:
        for child in noun.children:
            if child.dep_ == "poss":
                mention = self._possessor(child)
                return [mention] if mention is not None else []
        mention = self._modifier_actor(noun)
        if mention is not None:
            return [mention]
        by_phrase = [m for head in self._prep_objects(noun, ("by",)) for m in self._with_conjuncts(head)]
        if by_phrase:
            return by_phrase
        if light is not None:
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in light.children)
            return self.passive_agents(light) if passive else self.verb_agents(light)
        return []

    def noun_events(self, noun: Token) -> Iterator[EventMention]:
        row = self.noun_trigger(noun)
        if row is None:
            return
        light = self._light_verb(noun)
        preps = row.targets
        target_heads = list(self._prep_objects(noun, preps))
        if light is not None:
            target_heads.extend(self._prep_objects(light, tuple(p for p in preps if p != "of")))
        agents = self.noun_agents(noun, light)
        if not agents and "between" in preps:  # "talks between X and Y"
            between = [m for head in self._prep_objects(noun, ("between",)) for m in self._with_conjuncts(head)]
            agents, target_heads = between[:1], []
            targets = between[1:]
        else:
            targets = []
        for head in target_heads:
            for mention in self._with_conjuncts(head):
                if mention not in targets:
                    targets.append(mention)
        if not agents:
            return
        negated, hypothetical = self._noun_status(noun, light)
        for agent, target in self._pairs(row, agents, targets):
            yield self._event(noun, row, agent, target, negated, hypothetical)

    def _noun_status(self, noun: Token, light: Token | None) -> tuple[bool, bool]:
        """A noun's act is as real as its light verb ("did not impose sanctions"); under any other
        word it is real unless that word is an intention ("threatened sanctions", "the threat of
        invasion")."""
        if light is not None:
            return clause_status(light)
        governing = noun.head.head if noun.dep_ == "pobj" else noun.head
        return False, governing.lemma_.lower() in INTENTION_WORDS

    def events(self) -> list[EventMention]:
        found: list[EventMention] = []
        seen: set[tuple[int, int, int, int, int]] = set()
        for token in self.index.doc:
            if token.pos_ == "VERB":
                candidates = self.verb_events(token)
            elif token.pos_ == "NOUN":
                candidates = self.noun_events(token)
            else:
                continue
            for event in candidates:
                assert event.agent is not None and event.target is not None
                key = (event.start, event.agent.start, event.agent.end, event.target.start, event.target.end)
                if key not in seen:
                    seen.add(key)
                    found.append(event)
        return found


def event_mentions(index: DocIndex, lookup: ActorLookup) -> list[EventMention]:
    """Every actor-to-actor event of the Doc, in text order, with agent and target mentions."""
    return EventReader(index, lookup).events()
