"""Is a graph well-formed geokg? SHACL shapes, the gkg vocabulary, the CAMEO scheme; and the ontology's files.

``validate(sources)`` reads exported files or a store directory (as ``kg query`` does), checks the
union of all their graphs as ONE graph against ``ontology/shapes.ttl`` with pyshacl (the ontology
as ``ont_graph``, no inference; see ``kg.resources``), checks that every IRI used in the gkg
namespace is a term the ontology defines, and that every CAMEO concept used is one of its scheme.

``write_ontology(folder)`` copies the shipped ``geokg.ttl`` and ``shapes.ttl`` (and
``context.jsonld`` when there is one) to a folder, for users who load them next to their data.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from pyoxigraph import BlankNode as OxBlankNode
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode as OxNamedNode
from pyoxigraph import Quad as OxQuad
from pyoxigraph import Triple as OxTriple
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.query import short
from kg.resources import ontology_path
from kg.sources import SourceError, open_sources
from kg.vocab import CAMEO, GKG_NS, cameo_codes, defined_terms, ontology_graph

ONTOLOGY_FILES = ("geokg.ttl", "shapes.ttl", "context.jsonld")
GROUPS = ("shapes", "vocabulary", "cameo")
_TITLES = {"shapes": "SHACL shapes (ontology/shapes.ttl)", "vocabulary": "terms not defined in the gkg ontology",
           "cameo": "CAMEO concepts not in the scheme"}


@dataclass(frozen=True, order=True)
class Violation:
    """One finding: which check, the node it is about, the property, and what is wrong (terms shortened)."""

    group: str
    focus: str
    path: str
    message: str

    def line(self) -> str:
        return f"{self.focus}  {self.path}  {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    triples: int
    violations: tuple[Violation, ...]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def render(self) -> str:
        """One line per violation, grouped by check, each group with its count; a verdict line last."""
        lines: list[str] = []
        for group in GROUPS:
            found = [v for v in self.violations if v.group == group]
            if found:
                lines.append(f"{_TITLES[group]}: {len(found)}")
                lines.extend(f"  {v.line()}" for v in found)
        verdict = ("valid" if self.conforms else
                   f"{len(self.violations)} violation{'' if len(self.violations) == 1 else 's'}")
        lines.append(f"{verdict}: {self.triples} triples checked against shapes.ttl, the gkg vocabulary and CAMEO")
        return "\n".join(lines) + "\n"


def _rdflib(term: OxNamedNode | OxBlankNode | OxLiteral | OxTriple) -> Node:
    if isinstance(term, OxNamedNode):
        return URIRef(term.value)
    if isinstance(term, OxBlankNode):
        return BNode(term.value)
    if isinstance(term, OxLiteral):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)  # as rdflib reads a plain literal
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise SourceError(f"RDF-star triple terms are not supported: {term}")


def union_graph(quads: Iterable[OxQuad]) -> Graph:
    """Every triple of every graph in ONE rdflib graph (graph names dropped)."""
    graph = Graph()
    for quad in quads:
        graph.add((_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object)))
    return graph


def _show(node: Node | None) -> str:
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        return short(OxNamedNode(str(node)))
    if isinstance(node, BNode):
        return "[]"  # a blank node's id means nothing to a reader
    return str(node)


def shape_violations(data: Graph) -> Iterator[Violation]:
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology_graph(), inference="none")
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        message = " ".join(str(m) for m in results.objects(result, SH.resultMessage)) or "violates its shape"
        if severity is not None and severity != SH.Violation:
            message = f"[{str(severity).split('#')[-1]}] {message}"
        yield Violation("shapes", _show(results.value(result, SH.focusNode)),
                        _show(results.value(result, SH.resultPath)), message)


def term_violations(data: Graph) -> Iterator[Violation]:
    """IRIs in the gkg namespace the ontology does not define; CAMEO concepts not in its scheme."""
    terms = defined_terms(ontology_graph())
    codes = cameo_codes()
    for triple in data:
        for node in triple:
            if not isinstance(node, URIRef):
                continue
            focus, path = _show(triple[0]), _show(triple[1])
            if node.startswith(GKG_NS) and node[len(GKG_NS):] not in terms:
                yield Violation("vocabulary", focus, path, f"{_show(node)} is not a term of the gkg ontology")
            elif node.startswith(str(CAMEO)) and node != CAMEO[""] and node[len(str(CAMEO)):] not in codes:
                yield Violation("cameo", focus, path, f"{_show(node)} is not a concept of the CAMEO scheme")


def validate(sources: Iterable[str | Path]) -> ValidationReport:
    """Check the union of the sources' graphs; raises ``SourceError`` when a source cannot be read."""
    data = union_graph(open_sources(sources))
    violations = sorted(set(shape_violations(data)) | set(term_violations(data)),
                        key=lambda v: (GROUPS.index(v.group), v.focus, v.path, v.message))
    return ValidationReport(len(data), tuple(violations))


def write_ontology(folder: str | Path) -> tuple[Path, ...]:
    """Copy the shipped ontology files to ``folder`` (created if needed); returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ONTOLOGY_FILES:
        try:
            source = ontology_path(name)
        except FileNotFoundError:
            if name == "context.jsonld":  # optional
                continue
            raise
        target = folder / name
        if not (target.exists() and target.samefile(source)):
            shutil.copyfile(source, target)
        written.append(target)
    return tuple(written)
