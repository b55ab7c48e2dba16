"""Where the files shipped with ``kg`` are: the ontology and SHACL shapes, and the package data.

The ontology lives at the top of the repository (``ontology/``) for people to read; a wheel
carries a copy inside the package (``kg/ontology/``, see pyproject.toml's force-include). Both
layouts are served, the packaged copy first.

To validate a graph against ``shapes.ttl``, load the union of all its named graphs into ONE
``rdflib.Graph`` (actor types live in ``graph/actors``, their ``gkg:mentionedIn`` links in the
article graphs; pyshacl would check each named graph of a Dataset on its own) and pass the
ontology as ``ont_graph``, so that ``rdfs:subClassOf`` is known and a ``gkg:Person`` satisfies
``sh:class gkg:Actor``; no inference is needed::

    pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# kg is a regular package installed as files (source tree, editable or wheel), never zipped,
# so its resources are plain paths.
_PACKAGE = Path(str(resources.files("kg")))


def ontology_path(name: str) -> Path:
    """``ontology/<name>`` ("geokg.ttl", "shapes.ttl") from the installed package or the source tree."""
    for folder in (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"):
        path = folder / name
        if path.is_file():
            return path
    raise FileNotFoundError(f"ontology file {name!r} is neither in {_PACKAGE / 'ontology'} "
                            f"nor in {_PACKAGE.parent / 'ontology'}")


def data_path(*parts: str) -> Path:
    """``kg/data/<parts...>``: lexicons and gazetteer shipped as package data."""
    return _PACKAGE.joinpath("data", *parts)
