"""geokg: news articles about geopolitics in, a knowledge graph of who said what about whom out.

    >>> import kg
    >>> result = kg.build(["seeds"], "output")        # doctest: +SKIP
    >>> result.extractions[0].statements[0].quote     # doctest: +SKIP
"""

from kg.evaluate import EvalReport, evaluate, score_graph
from kg.models import (
    Actor,
    Affiliation,
    Article,
    Event,
    EventMention,
    Extraction,
    Mention,
    Quantity,
    Quote,
    ReadFailure,
    Reading,
    RoleMention,
    Statement,
)
from kg.pipeline import BuildResult, build, extract_articles
from kg.read import parse_article, read_articles

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Affiliation",
    "Article",
    "BuildResult",
    "EvalReport",
    "Event",
    "EventMention",
    "Extraction",
    "Mention",
    "Quantity",
    "Quote",
    "ReadFailure",
    "Reading",
    "RoleMention",
    "Statement",
    "__version__",
    "build",
    "evaluate",
    "extract_articles",
    "parse_article",
    "read_articles",
    "score_graph",
]
