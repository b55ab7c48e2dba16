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

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources

from spacy.tokens import Token

from kg.extract.cameo import CameoDictionary, Match, cameo_dictionary
from kg.extract.mentions import ActorLookup, DocIndex, passive, subjects_of
from kg.lexicons import lexicon
from kg.models import EventMention, Mention, Quote, Span

# Verbs that lend their subject to the noun they govern: "launched an offensive", "held talks".
LIGHT_VERBS = frozenset(
    "launch impose hold issue conduct carry pursue make pay begin start stage mount level announce continue "
    "step escalate intensify order deliver extend give offer express voice pledge provide initiate wage "
    "resume open enter have engage take rise come go lead sign reach conclude strike seal unleash "
    "renew put place slap".split()
)
# Prepositions by which "be" lends its subject to an act: "is in talks with X", "is at war with X".
STATE_PREPOSITIONS = frozenset({"in", "at"})
# Heads under which an infinitive's act happens: "began to attack", "is due to meet", "is to hold".
REALIS_HEADS = frozenset("begin start continue keep resume manage proceed due go be decide".split())
# Heads under which it did not: "failed to condemn", "avoided criticising".
NEGATING_HEADS = frozenset({"fail", "avoid"})
# Verbs and nouns whose object is an act not done: "threatened sanctions", "the threat of invasion".
INTENTION_WORDS = frozenset("threaten threat plan consider propose proposal seek want demand urge call prepare "
                            "prospect risk possibility fear".split())
# Participles by which a group is its leader's: "a coalition led by X" acts as X.
LEADING_VERBS = frozenset({"lead", "head", "command"})
# Verbs that give an actor a name: "called X naive", "branded X a threat".
NAMING_VERBS = frozenset("call label brand dub term deem".split())
# The future: an act announced is an intent (03) or a threat (13), not the act (see intent_code).
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})
INTENTS = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030",
           "15": "130", "16": "131", "17": "130", "18": "138", "19": "138", "20": "138"}
# Modals by which a statement about an actor says what it ought to do: an appeal to it (CAMEO 020).
APPEAL_MODALS = frozenset({"should", "must", "ought"})
MODAL_AUXILIARIES = frozenset("might could may would should must can shall ought".split())
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Dependencies through which a governing clause's modality reaches the verb: "refused to meet",
# "is ready to negotiate".
GOVERNED_DEPS = frozenset({"xcomp", "acomp"})
ADJECTIVE_BRIDGES = frozenset({"acomp", "amod"})  # "is due to meet", "is ready to negotiate"
POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "body", "their": "any"}
FIRST_PERSON = frozenset({"i", "we"})
# Subjects of what was said that are seldom an actor: "argued it was a hate crime", "said it was time".
THING_PRONOUNS = frozenset({"it", "this", "that"})
PERSON_LABELS = frozenset({"PERSON", "PRON", "TITLE"})
# Acts with no direction: "X and Y met" is X toward Y.
SYMMETRIC_CODES = ("040", "041", "044", "046", "050", "057", "060", "087")
# Prepositions through which a noun phrase points at the actor it is about ("the rationale for X").
PHRASE_PREPOSITIONS = ("of", "for", "to")
# Targets that are the subject of a complement clause, by the clause's mark: "demanded that X
# withdraw", "pressed for X to act".
CLAUSE_TARGETS = {"that": "that", "for_clause": "for"}
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
INFINITIVE_TARGET_PREPOSITIONS = ("with", "against", "on", "at", "from", "of")
# Where a verb of the CAMEO dictionary finds its target when its pattern does not say: the object, or
# the object of a preposition on the verb or its object. A pattern's words make the verb specific
# ("halted aid to X", "rejected an offer from X"); a verb read with its own code alone ("took a place
# with X") takes its target from the object and the prepositions of direction only, "with" for the
# cooperative roots ("agreed with X") and "in" for material conflict ("reimposed blockades in X").
PATTERN_TARGETS = ("dobj", "against", "on", "upon", "with", "to", "toward", "towards", "at", "from", "into")
VERB_TARGETS = ("dobj", "against", "on", "upon", "toward", "towards", "into")
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06"})
CONFLICT_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
# Roots of verbal acts (quad classes 1 and 3), which a reporting verb can make of what it reports.
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13", "14"})
# Public statements (CAMEO root 01) are the reported speech of kg.extract.reported, not events.
STATEMENT_ROOT = "01"
IGNORED_ROOTS = frozenset({STATEMENT_ROOT})


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
        self.dictionary: CameoDictionary = cameo_dictionary()

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
        for leader in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in LEADING_VERBS):
            for object_ in self._prep_objects(leader, ("by",)):  # "a coalition led by Saudi Arabia"
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
                continue  # "npadvmod": "a Saudi-led coalition"
            for token in (child, *(c for c in child.children if c.dep_ in {"compound", "amod", "npadvmod"})):
                mention = self.lookup.mention_at(token)
                if mention is not None and mention.gazetteer_id is not None and mention.label != "PERSON":
                    return mention
                people = self.index.entity_at.get(token.i)  # "a Saudi-led coalition": Saudi Arabia's
                if people is not None and people.label_ == "NORP" and people.ent_id_:
                    return self.index.mention(people, "NORP", people.ent_id_)
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
        for _ in range(3):  # up through reporting clauses: "X said that Republicans rejected his bill" (X's)
            while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
                clause = clause.head
            for subject in subjects_of(clause):
                candidate = self.lookup.actor(subject)
                if candidate is None:
                    continue
                is_person = candidate.label in PERSON_LABELS
                if kind == "any" or (kind == "person") == is_person:
                    return candidate
                break
            if clause.dep_ not in {"ccomp", "xcomp"} or clause.head.i == clause.i:
                return None
            clause = clause.head
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
            if verb.tag_ == "VBG":  # "the sight of X denouncing Y"; not "a Lebanese man visiting Y"
                for head in (controller, *self._prep_objects(controller, ("of",))):
                    mentions = [m for t in (head, *head.conjuncts) if (m := self.lookup.actor(t)) is not None]
                    if mentions:
                        return mentions
                return []
        if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and not any(c.dep_ == "nsubj" for c in verb.children):
            blamed = [o for c in verb.head.head.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "at")
                      for o in ([c] if c.dep_ == "dobj" else (g for g in c.children if g.dep_ == "pobj"))]
            if blamed:  # "criticised X for having shot down Y", "lashed out at X for doing": X did it
                return self._with_conjuncts(blamed[0])
        for subject in subjects_of(verb):
            if (subject.dep_ == "nsubjpass" and subject.head.i == verb.i) or subject.lower_ in FIRST_PERSON:
                continue  # "we are ready to negotiate with X, he said": the speaker's side acts
            return self._with_conjuncts(subject)
        if verb.dep_ == "xcomp" and controller is not None and controller.dep_ in ADJECTIVE_BRIDGES:
            return self.verb_agents(controller.head)  # "he is due to meet X"
        return []

    def agents(self, verb: Token) -> list[Mention]:
        """Who does what the verb says: the "by" phrase of a passive or participle ("X was attacked by Y",
        "a coalition led by Y"), else ``verb_agents``."""
        return self.passive_agents(verb) if passive(verb) else self.verb_agents(verb)

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

    def verb_targets(self, verb: Token, row: Trigger, prep: Token | None,
                     skip: frozenset[int] = frozenset()) -> list[Mention]:
        """The target heads of the row's slots; ``skip``: tokens that are words of the trigger itself."""
        heads: list[Token] = []
        undergoers = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not undergoers and verb.dep_ == "acl" and verb.tag_ == "VBN":
            undergoers = [verb.head]  # a participle's noun: "a coalition backed by X" (X backs it)
        objects = undergoers or [c for c in verb.children if c.dep_ == "dobj"]
        if "dobj" in row.targets or undergoers:
            heads.extend(objects)
        preps = tuple(p for p in row.targets if p not in CLAUSE_TARGETS and p != "xcomp")
        if prep is not None and prep.lower_ in preps:  # "call on X"; not "call for the release of X"
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
        heads.extend(self._prep_objects(verb, preps))
        for object_ in objects:  # "pursuing guarantees from X", "imposed sanctions on X"; not "a meeting on X"
            heads.extend(self._prep_objects(object_, tuple(p for p in preps if p != "on")
                                            if object_.lemma_.lower() in lexicon("topic_nouns") else preps))
        marks = frozenset(CLAUSE_TARGETS[t] for t in row.targets if t in CLAUSE_TARGETS)
        heads.extend(self._clause_subjects(verb, marks))
        if "xcomp" in row.targets:  # "threatened to invade X", "refused to meet with X"
            for clause in (c for c in verb.children if c.dep_ == "xcomp"):
                heads.extend(c for c in clause.children if c.dep_ == "dobj")
                compound = (c for c in clause.children if c.dep_ == "prt" or c.lower_ in {"out", "away"})
                for word in (clause, *compound):  # "to pull out of X", "to move away from X"
                    heads.extend(self._prep_objects(word, INFINITIVE_TARGET_PREPOSITIONS))
        # A meeting or a visit is with an actor itself: "visited the tomb of X" is no visit to X.
        direct_only = row.code.startswith("04")
        found: list[Mention] = []
        for head in dict.fromkeys(h for h in heads if h.i not in skip):
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
        verb = trigger if trigger.pos_ in {"VERB", "AUX"} else self._light_verb(trigger)
        future = verb is not None and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)
        return EventMention(
            start=to_file(trigger.idx),
            end=to_file(trigger.idx + len(trigger.text)),
            trigger=row.lemma,
            code=intent_code(row.code) if future and not negated else row.code,
            agent=agent,
            target=target,
            evidence=(to_file(sentence.start_char), to_file(sentence.end_char)),
            negated=negated,
            hypothetical=hypothetical,
        )

    def _pairs(self, act: Token, row: Trigger, agents: list[Mention], targets: list[Mention]
               ) -> Iterator[tuple[Mention, Mention]]:
        if not targets and row.code in SYMMETRIC_CODES and len(agents) > 1 and not _reaches_out(act) \
                and not passive(act):  # "rebels supplied by the CIA and Arab nations": not toward each other
            targets, agents = agents[1:], agents[:1]  # "Bush and Putin met"
        for agent in agents:
            for target in targets:
                if (agent.start, agent.end) != (target.start, target.end) and agent.text != target.text:
                    yield agent, target

    def verb_events(self, verb: Token) -> Iterator[EventMention]:
        """Events of a verb by the trigger lexicon; where it reads none, by the CAMEO verb dictionary
        ("rejected an offer from X": the lexicon's "reject" has no target there, the pattern has)."""
        if verb.lemma_.lower() in NAMING_VERBS:
            naming = list(self.naming_events(verb))
            if naming:
                yield from naming
                return
        found = self.verb_trigger(verb)
        events = list(self.lexicon_events(verb, *found)) if found is not None else []
        yield from events or self.dictionary_events(verb, patterns_only=found is not None)

    def naming_events(self, verb: Token) -> Iterator[EventMention]:
        """Calling an actor or its acts names of disapproval ("called X naive", "what Y called X's
        reckless actions"): a disapproval (110) of X. Other names ("called him a friend") are no event."""
        complement = next((c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp", "ccomp"}), None)
        if complement is None:
            return
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        words = [t for head in (*objects, complement) for t in head.subtree]
        if not any(t.lemma_.lower() in lexicon("disapproval_words") for t in words):
            return
        targets = [m for head in (*objects, complement) if (m := self._phrase_actor(head)) is not None]
        agents = self.agents(verb)
        row = Trigger(verb.lemma_.lower(), "VERB", "110", ("dobj",))
        negated, hypothetical = clause_status(verb)
        for agent, target in self._pairs(verb, row, agents, targets[:1]):
            yield self._event(verb, row, agent, target, negated, hypothetical)

    def lexicon_events(self, verb: Token, row: Trigger, prep: Token | None) -> Iterator[EventMention]:
        agents = self.agents(verb)
        if not agents:
            return
        targets = self.verb_targets(verb, row, prep)
        negated, hypothetical = clause_status(verb)
        for agent, target in self._pairs(verb, row, agents, targets):
            yield self._event(verb, row, agent, target, negated, hypothetical)

    def dictionary_events(self, verb: Token, patterns_only: bool = False) -> Iterator[EventMention]:
        """Events of a verb read with the CAMEO verb dictionary: its code, and the second code of a pair
        back from the target ("visited X": 042, X hosted: 043). ``patterns_only`` for a verb the trigger
        lexicon has: only a pattern of the dictionary says more than the lexicon did."""
        agents = self.agents(verb)
        if not agents and not self.dictionary.may_name_source(verb):
            return  # no actor does it: the dictionary need not be read
        match = self.dictionary.match(verb, IGNORED_ROOTS)
        if match is None or (match.code is None and match.back is None) or (patterns_only and match.pattern is None):
            return
        code = match.code or match.back or ""
        if code.startswith(STATEMENT_ROOT):
            return
        where: tuple[str, ...] = PATTERN_TARGETS if match.pattern is not None else VERB_TARGETS
        if code[:2] in COOPERATION_ROOTS and "with" not in where:
            where += ("with",)
        if code[:2] in CONFLICT_ROOTS:
            where += ("in",)
        row = Trigger(match.verb.phrase, "VERB", code, where)
        if match.source:
            agents = [m for t in match.source for m in self._with_conjuncts(t)]
        if not agents:
            return
        targets = self._dictionary_targets(verb, match, row)
        negated, hypothetical = clause_status(verb)
        for agent, target in self._pairs(verb, row, agents, targets):
            if match.code is not None:
                yield self._event(verb, row, agent, target, negated, hypothetical)
            if match.back is not None:
                yield self._event(verb, replace(row, code=match.back), target, agent, negated, hypothetical)

    def _dictionary_targets(self, verb: Token, match: Match, row: Trigger) -> list[Mention]:
        """The target where the pattern puts it, else where ``DICTIONARY_TARGETS`` look; never a word
        the pattern itself matched ("rushed police to X": not the police)."""
        if match.target:
            return [m for t in match.target for m in self._with_conjuncts(t)]
        if match.source:  # "protests from X" about the subject
            return [m for t in subjects_of(verb) for m in self._with_conjuncts(t)][:1]
        return self.verb_targets(verb, row, None, skip=match.consumed)

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb lending its subject to the noun: "launched an offensive", "engaged in talks"."""
        head = noun.head
        if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if verb.pos_ in {"VERB", "AUX"} and (verb.lemma_.lower() in LIGHT_VERBS or (
                    verb.lemma_.lower() == "be" and head.lower_ in STATE_PREPOSITIONS)):
                return verb  # "engaged in talks", "had been in secret talks with X", "is at war with X"
        return None

    def noun_agents(self, noun: Token, light: Token | None, row: Trigger) -> list[Mention]:
        """Who does the act a noun names: its possessor, an actor modifying it, a "by" phrase (or
        "from" where that is not the target's place: "a visit from X", "complaints from X"), the
        subject of its light verb, or the possessor of the noun it completes."""
        agent_preps = ("by",) if "from" in row.targets else ("by", "from")
        for child in noun.children:
            if child.dep_ == "poss":
                mention = self._possessor(child)
                return [mention] if mention is not None else []
        mention = self._modifier_actor(noun)
        if mention is not None:
            return [mention]
        by_phrase = [m for head in self._prep_objects(noun, agent_preps) for m in self._with_conjuncts(head)]
        if by_phrase:
            return by_phrase
        if light is not None:
            return self.agents(light)
        governing = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        if governing is not None and governing.pos_ == "NOUN":  # "Obama's push for an agreement with X"
            owner = next((c for c in governing.children if c.dep_ == "poss"), None)
            mention = self._possessor(owner) if owner is not None else None
            return [mention] if mention is not None else []
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
        agents = self.noun_agents(noun, light, row)
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
        for agent, target in self._pairs(noun, row, agents, targets):
            yield self._event(noun, row, agent, target, negated, hypothetical)

    def _noun_status(self, noun: Token, light: Token | None) -> tuple[bool, bool]:
        """A noun's act is as real as its light verb ("did not impose sanctions"); under any other
        word it is real unless that word is an intention ("threatened sanctions", "the threat of
        invasion")."""
        if light is not None:
            return clause_status(light)
        governing = noun.head.head if noun.dep_ == "pobj" else noun.head
        return False, governing.lemma_.lower() in INTENTION_WORDS

    # ---------------------------------------------------------------- statements
    @cached_property
    def _file_starts(self) -> list[int]:
        """The file offset of each token (increasing, as the body's are)."""
        return [self.index.body.to_file(start) for start in self.index.token_starts]

    def content_target(self, start: int, end: int, cue: str | None) -> tuple[Mention, str] | None:
        """The actor a statement is about, and the CAMEO code of saying so: the subject of the main
        clause of its content (file offsets ``start``-``end``): "NATO is no threat", "North Korea's
        provocation cannot be left without consequences" (the owner of an act stands for it). None for
        a content without such a subject. The code is the reporting verb's when it says more than a
        statement ("insisted that": 100), an appeal for "X should" (020), a disapproval for words of
        ``disapproval_words`` (110), else a statement (010)."""
        first, last = bisect.bisect_left(self._file_starts, start), bisect.bisect_left(self._file_starts, end)
        tokens = list(self.index.doc[first:last])
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        root = next((t for t in roots if t.pos_ in {"VERB", "AUX"}), None)
        if root is None:
            return None
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in FIRST_PERSON or subject.lower_ in THING_PRONOUNS:
            return None
        mention = self._phrase_actor(subject)
        if mention is None:
            return None
        code = self._cue_code(cue)
        if code is None and any(c.dep_ == "aux" and c.lower_ in APPEAL_MODALS for c in root.children):
            code = "020"
        if code is None and any(t.lemma_.lower() in lexicon("disapproval_words") for t in tokens):
            code = "110"
        return mention, code or "010"

    def _cue_code(self, cue: str | None) -> str | None:
        """The CAMEO code a reporting verb gives what it reports, from the trigger lexicon or the verb
        dictionary, when it is a verbal act more specific than a statement ("insist", "condemn")."""
        if cue is None:
            return None
        row = self.lexicon.get((cue, "VERB"))
        codes = [row.code] if row is not None else [v.code for v in self.dictionary.verbs.get(cue, ()) if v.code]
        return next((c for c in codes if c[:2] in VERBAL_ROOTS and c[:2] != STATEMENT_ROOT), None)

    def events(self) -> list[EventMention]:
        """Every event of the Doc, in text order. The same act read twice in one sentence ("held talks
        with X": the verb's pattern and the noun) is one event: same agent, target and CAMEO root, the
        more specific code kept ("046" engage in negotiation over "040" consult). Where a light verb and
        its noun read acts of different roots, the noun says which act it was ("imposed tariffs on X":
        sanctions, 163, not the verb's coercion, 170)."""
        found: dict[tuple[Span, int, int, int, int, str], EventMention] = {}
        named: dict[tuple[int, int, int, int, int], str] = {}  # (light verb, agent, target) -> the noun's root
        for token in self.index.doc:
            if token.pos_ == "VERB":
                candidates = list(self.verb_events(token))
            elif token.pos_ == "NOUN":
                candidates = list(self.noun_events(token))
                light = self._light_verb(token) if candidates else None
                if light is not None:
                    at = self.index.body.to_file(light.idx)
                    named.update(((at, *_ends(event)), event.code[:2]) for event in candidates)
            else:
                continue
            for event in candidates:
                key = (event.evidence, *_ends(event), event.code[:2])
                if key not in found or _specificity(event.code) > _specificity(found[key].code):
                    found[key] = event
        kept = [e for e in found.values() if named.get((e.start, *_ends(e)), e.code[:2]) == e.code[:2]]
        return sorted(kept, key=lambda e: (e.start, *_ends(e)))


def _ends(event: EventMention) -> tuple[int, int, int, int]:
    """Where an event's agent and target are."""
    assert event.agent is not None and event.target is not None
    return event.agent.start, event.agent.end, event.target.start, event.target.end


def _reaches_out(act: Token) -> bool:
    """ "X and Y called for the embargo to be lifted", "X and Y said that …": an act toward a third party
    or a clause, not toward each other."""
    def asks_for(child: Token) -> bool:
        return child.lower_ == "for" or any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)

    return any(c.dep_ == "ccomp" or (c.dep_ in {"prep", "advcl"} and asks_for(c)) for c in act.children)


def intent_code(code: str) -> str:
    """What announcing an act is, in CAMEO: "X will meet Y" is an intent to meet (036), "X will
    attack Y" a threat of force (138); statements, appeals, intents and verbal conflict stay as they are
    (PETRARCH2 combines "will" with the act's code the same way)."""
    return INTENTS.get(code[:2], code)


def _specificity(code: str) -> int:
    """How fine a CAMEO code is: "1121" 4, "046" 3, "040" (not specified) 2, "04" 2."""
    return len(code.rstrip("0")) if len(code) > 2 else 2


def event_mentions(index: DocIndex, lookup: ActorLookup) -> list[EventMention]:
    """Every actor-to-actor event of the Doc, in text order, with agent and target mentions."""
    return EventReader(index, lookup).events()


def statements_about(index: DocIndex, lookup: ActorLookup, quotes: list[Quote]) -> list[Quote]:
    """The quotes, each with the actor its content is about (``content_target``) as its target."""
    reader = EventReader(index, lookup)
    out = []
    for quote in quotes:
        found = reader.content_target(quote.start, quote.end, quote.cue)
        out.append(replace(quote, target=found[0], target_code=found[1]) if found else quote)
    return out
