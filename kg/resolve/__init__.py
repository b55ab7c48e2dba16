"""Mentions -> actors, statements, events and affiliations: plain data in, plain data out (no spaCy).

``names`` decides which names are one actor and keys them (the merge policy), ``references``
resolves titles, pronouns and nominals to those actors, ``assemble`` builds one article's
``Extraction`` from both; across articles, actors merge by key (``combine_actors``).
"""

from kg.resolve.assemble import combine_actors, merge_actor, resolve

__all__ = ["combine_actors", "merge_actor", "resolve"]
