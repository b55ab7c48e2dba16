"""geokg: news articles about geopolitics in, a knowledge graph of who said what about whom out.

    >>> import kg
    >>> result = kg.build(["seeds"], "output")        # doctest: +SKIP
    >>> result.extractions[0].statements[0].quote     # doctest: +SKIP
"""

from kg.models import (
    Actor,
    Affiliation,
    Article,
    Extraction,
    Mention,
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
    "Extraction",
    "Mention",
    "Quote",
    "ReadFailure",
    "Reading",
    "RoleMention",
    "Statement",
    "__version__",
    "build",
    "extract_articles",
    "parse_article",
    "read_articles",
]
