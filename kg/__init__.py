"""geokg: news articles about geopolitics in, a knowledge graph of who said what about whom out.

    >>> import kg
    >>> result = kg.build(["seeds"], "output")        # doctest: +SKIP
    >>> result.summary()                              # doctest: +SKIP
"""

from kg.evaluate import EvalReport, evaluate, score_graph
from kg.export.html import html_from_sources
from kg.export.sources import export
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
from kg.query import QueryResult, list_queries, run_query
from kg.read import parse_article, read_articles
from kg.stores import LoadResult, load_endpoint, load_store
from kg.validate import ValidationReport, validate

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
    "LoadResult",
    "Mention",
    "Quantity",
    "QueryResult",
    "Quote",
    "ReadFailure",
    "Reading",
    "RoleMention",
    "Statement",
    "ValidationReport",
    "__version__",
    "build",
    "evaluate",
    "export",
    "extract_articles",
    "html_from_sources",
    "list_queries",
    "load_endpoint",
    "load_store",
    "parse_article",
    "read_articles",
    "run_query",
    "score_graph",
    "validate",
]
