"""JSON-LD of the union of all graphs, compacted with geokg's context (``ontology/context.jsonld``).

pyoxigraph writes the expanded form (full IRIs, every value an object); this module compacts it
with the shipped context, itself embedded in the file so that it reads offline: vocabulary terms
become short names (``quote``, ``speaker``, ``Statement``), IRIs compact IRIs (``actor:Q7747``),
``rdf:type`` becomes ``@type``, canonical integers and booleans JSON numbers and booleans, and a
value takes its plain JSON form only when the term's coercion gives back exactly the same RDF term
(else it stays an explicit ``{"@type", "@value"}`` or ``{"@id"}`` object). Nodes are sorted by
``@id``, keys and values sorted: the same graph gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.export.files import write_text_atomically
from kg.resources import ontology_path

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
CONTEXT_FILE = "context.jsonld"
_NOTE = "geokg graph; @context is ontology/context.jsonld of geokg, embedded so the file reads offline"

JsonObject = dict[str, Any]
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")  # canonical, and exact as a JSON number everywhere


def _native_integer(lexical: str) -> int | None:
    return int(lexical) if _INTEGER.fullmatch(lexical) else None


def _native_boolean(lexical: str) -> bool | None:
    return {"true": True, "false": False}.get(lexical)


_NATIVE: dict[str, Callable[[str], int | bool | None]] = {
    "http://www.w3.org/2001/XMLSchema#integer": _native_integer,
    "http://www.w3.org/2001/XMLSchema#boolean": _native_boolean,
}


@dataclass(frozen=True)
class _Term:
    name: str
    iri: str
    coercion: str | None  # "@id", a datatype IRI, or None (plain strings)


@dataclass(frozen=True)
class Context:
    """The shipped context, read as what compaction needs: prefixes and term definitions."""

    document: JsonObject  # the "@context" object as shipped
    prefixes: tuple[tuple[str, str], ...]  # (name, namespace), longest namespace first
    terms: dict[str, _Term]  # IRI -> term

    def expand(self, value: str) -> str:
        prefix, _, rest = value.partition(":")
        found = self.document.get(prefix)
        return found + rest if isinstance(found, str) and rest is not None and ":" in value else value

    def compact_iri(self, iri: str) -> str:
        """``prefix:rest`` with the longest matching namespace, or the IRI itself."""
        for name, namespace in self.prefixes:
            rest = iri[len(namespace):]
            if iri.startswith(namespace) and not rest.startswith("//"):
                return f"{name}:{rest}"
        return iri

    def compact_vocab(self, iri: str) -> str:
        """A short term where the context defines one (keys, ``@type`` values), else a compact IRI."""
        term = self.terms.get(iri)
        return term.name if term is not None else self.compact_iri(iri)


@cache
def load_context() -> Context:
    """``ontology/context.jsonld``, parsed once."""
    document = json.loads(ontology_path(CONTEXT_FILE).read_text(encoding="utf-8"))["@context"]
    prefixes = [(name, value) for name, value in document.items()
                if isinstance(value, str) and value.endswith(("/", "#"))]
    context = Context(document, tuple(sorted(prefixes, key=lambda p: (-len(p[1]), p[0]))), {})
    for name, definition in document.items():
        if isinstance(definition, str) and (name, definition) in prefixes:
            continue
        if isinstance(definition, str):
            iri, coercion = context.expand(definition), None
        else:
            iri = context.expand(definition["@id"])
            kind = definition.get("@type")
            coercion = kind if kind in (None, "@id") else context.expand(kind)
        context.terms[iri] = _Term(name, iri, coercion)
    return context


def _compact_value(value: JsonObject, term: _Term | None, context: Context) -> Any:
    if "@id" in value:
        iri = context.compact_iri(value["@id"])
        return iri if term is not None and term.coercion == "@id" else {"@id": iri}
    datatype, language = value.get("@type"), value.get("@language")
    coercion = term.coercion if term is not None else None
    lexical = value["@value"]
    if language is None and datatype in _NATIVE and coercion in (None, datatype):
        native = _NATIVE[datatype](lexical)
        if native is not None:  # a JSON number or boolean reads back as this very literal
            return native
    if language is None and (datatype == coercion or (coercion is None and datatype in (None, XSD_STRING))):
        return lexical
    if language is not None:
        return {"@language": language, "@value": value["@value"]}
    if datatype not in (None, XSD_STRING):
        return {"@type": context.compact_iri(datatype), "@value": value["@value"]}
    return {"@value": value["@value"]}


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _compact_node(node: JsonObject, context: Context) -> JsonObject:
    out: JsonObject = {}
    for key, values in node.items():
        if key == "@id":
            out["@id"] = context.compact_iri(values)
        elif key == RDF_TYPE and all("@id" in v for v in values):
            out["@type"] = sorted(context.compact_vocab(v["@id"]) for v in values)
        elif key == "@type":  # a serialiser that already writes @type
            out["@type"] = sorted(context.compact_vocab(v) for v in values)
        else:
            term = context.terms.get(key)
            name = term.name if term is not None else context.compact_iri(key)
            out[name] = sorted((_compact_value(v, term, context) for v in values), key=_sort_key)
    # keys in order (@id, @type, then terms), a single value without its list
    return {key: values[0] if isinstance(values, list) and len(values) == 1 else values
            for key, values in sorted(out.items())}


def to_jsonld(quads: Iterable[Quad]) -> str:
    """The union of all graphs as compacted JSON-LD with the geokg context embedded."""
    triples = {Triple(q.subject, q.predicate, q.object) for q in quads}
    body = serialize(sorted(triples, key=str), format=RdfFormat.JSON_LD)
    assert body is not None
    expanded = json.loads(body)
    context = load_context()
    nodes: dict[str, JsonObject] = {}
    for node in expanded:  # merge, in case the serialiser split a subject across objects
        target = nodes.setdefault(node["@id"], {"@id": node["@id"]})
        for key, values in node.items():
            if key != "@id":
                target.setdefault(key, []).extend(values)
    graph = [_compact_node(nodes[key], context) for key in sorted(nodes)]
    document = {"@comment": _NOTE, "@context": context.document, "@graph": graph}
    # key order is set above (the context as shipped), so the text is stable without sort_keys
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def write_jsonld(quads: Iterable[Quad], path: Path) -> None:
    write_text_atomically(path, to_jsonld(quads))


__all__ = ["Context", "load_context", "to_jsonld", "write_jsonld"]
