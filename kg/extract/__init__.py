"""Doc -> mentions, titles and quotes in character offsets: the last stage that sees spaCy types."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.events import event_mentions, statements_about
from kg.extract.mentions import ActorLookup, DocIndex, entity_mentions, reference_mentions, role_mentions
from kg.extract.quantities import article_anchor, quantities
from kg.extract.quotes import direct_quotes
from kg.extract.reported import reported_speech
from kg.models import Article, Quote, Reading
from kg.nlp import BodyText

__all__ = ["read_doc"]


def read_doc(article: Article, doc: Doc, body: BodyText) -> Reading:
    """Everything the NLP stage reads in one parsed article."""
    index = DocIndex(doc, body)
    entities = entity_mentions(index)
    roles = role_mentions(index)
    references = reference_mentions(index)
    lookup = ActorLookup(index, entities, roles)
    direct = direct_quotes(index, entities, roles)
    reported = reported_speech(index, lookup, direct)
    quotes = statements_about(index, lookup, sorted([*_outside(direct, reported), *reported],
                                                    key=lambda q: (q.start, q.end)))
    events = tuple(event_mentions(index, lookup))
    figures = tuple(quantities(index, article_anchor(article)))
    sentences = tuple((body.to_file(s.start_char), body.to_file(s.end_char)) for s in index.sentences)
    mentions = tuple(sorted([*entities, *references], key=lambda m: (m.start, m.end)))
    return Reading(article, sentences, mentions, tuple(roles), tuple(quotes), events, figures)


def _outside(direct: list[Quote], reported: list[Quote]) -> list[Quote]:
    """Direct quotes that are not a fragment of a reported statement of the same reporting verb (a mixed
    quote is kept once); words another verb quotes inside it stay a quote ("X denounced what Y called "…"")."""
    def inside(q: Quote, r: Quote) -> bool:
        end = q.start + len(q.text.rstrip(".,;:!?"))  # the reported clause may end before the quote's stop
        return r.start <= q.start and end <= r.end

    return [q for q in direct if not any(inside(q, r) and r.cue == q.cue for r in reported)]
