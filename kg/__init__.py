"""geokg: news articles about geopolitics in, a knowledge graph of who said what about whom out.

    >>> import kg
    >>> result = kg.build(["seeds"], "output")        # doctest: +SKIP
    >>> result.summary()                              # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# The public API, imported on first use (PEP 562): ``import kg`` and the commands that do not parse
# articles stay fast, spaCy loading only with the stages that need it.
_MODULES = {
    "EvalReport": "kg.evaluate", "evaluate": "kg.evaluate", "score_graph": "kg.evaluate",
    "html_from_sources": "kg.export.html", "export": "kg.export.sources",
    "BuildResult": "kg.pipeline", "build": "kg.pipeline", "extract_articles": "kg.pipeline",
    "QueryResult": "kg.query", "list_queries": "kg.query", "run_query": "kg.query",
    "parse_article": "kg.read", "read_articles": "kg.read",
    "LoadResult": "kg.stores", "load_endpoint": "kg.stores", "load_store": "kg.stores",
    "ValidationReport": "kg.validate", "validate": "kg.validate",
    **{name: "kg.models" for name in ("Actor", "Affiliation", "Article", "Event", "EventMention", "Extraction",
                                      "Mention", "Quantity", "Quote", "ReadFailure", "Reading", "RoleMention",
                                      "Statement")},
}


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])


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
