"""``kg query``: the shipped queries' rows, output formats, safe parameters, read-only, store folders."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.cli import main
from kg.query import QueryError, QueryTimeout, SourceError, list_queries, run_query, short

ANKARA = (
    "Ministers meet in Ankara\n\n"
    "Turkish Foreign Minister Hakan Fidan hosted Russian Foreign Minister Sergei Lavrov on Monday. "
    '"We discussed the grain corridor with Russia at length," Fidan said.\n\n'
    "Lavrov said that NATO was a threat to Europe.\n\n"
    "Fidan criticised NATO for its silence.\n"
)
BERLIN = (
    "Scholz rebuffs Moscow\n\n"
    'German Chancellor Olaf Scholz condemned Russia on Tuesday. "Russia must leave Ukraine," Scholz said.\n\n'
    "Russia attacked Ukraine again overnight, officials said. Scholz also criticised Russia for the attacks.\n"
)
A, B = "a_ankara.txt", "b_berlin.txt"
INJECTION = 'x" } ) . } DELETE WHERE { ?s ?p ?o } #'


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two articles we wrote, built and exported: graph.ttl (and graph.nq, with its named graphs)."""
    folder = tmp_path_factory.mktemp("query")
    (folder / "in").mkdir()
    (folder / "in" / A).write_text(ANKARA, encoding="utf-8")
    (folder / "in" / B).write_text(BERLIN, encoding="utf-8")
    result = kg.build([folder / "in"], folder / "out", formats=["ttl"])
    pyoxigraph.serialize(result.quads, output=str(folder / "out" / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    return folder / "out" / "graph.ttl"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    kg.build(["seeds"], folder, formats=["ttl"])
    return folder / "graph.ttl"


def rows(source: Path | str, query: str, **params: str) -> list[tuple[str, ...]]:
    result = run_query([source], query, params=params)
    return [tuple(short(term) for term in row) for row in result.rows]


# -- the shipped queries ----------------------------------------------------------------------------

def test_seed_who_said_what_lists_putins_seven_quotes_and_rubios_reported_statement(seed: Path) -> None:
    result = run_query([seed], "who-said-what")
    assert result.variables == ("speaker", "kind", "cue", "quote", "article")
    found = [tuple(short(t) for t in row) for row in result.rows]
    putin_direct = [row for row in found if row[:2] == ("Vladimir Putin", "direct")]
    assert len(putin_direct) == 7
    assert putin_direct[0][3].startswith("We do not view any NATO rearmament as a threat")
    rubio = [row for row in found if row[0] == "Marco Rubio"]
    assert len(rubio) == 1 and rubio[0][1:3] == ("reported", "suggest")
    assert "five percent of GDP" in rubio[0][3]
    assert {row[4] for row in found} == {"000_4e86eedc31cf93aa.txt"}


def test_who_said_what(graph: Path) -> None:
    assert rows(graph, "who-said-what") == [
        ("Hakan Fidan", "direct", "say", "We discussed the grain corridor with Russia at length", A),
        ("Sergei Lavrov", "reported", "say", "NATO was a threat to Europe", A),
        ("Hakan Fidan", "reported", "criticise", "criticised NATO for its silence", A),
        ("Olaf Scholz", "reported", "condemn", "condemned Russia on Tuesday", B),
        ("Olaf Scholz", "direct", "say", "Russia must leave Ukraine", B),
        ("[officials]", "reported", "say", "Russia attacked Ukraine again overnight", B),
        ("Olaf Scholz", "reported", "criticise", "criticised Russia for the attacks", B),
    ]


def test_quotes_by_matches_a_label_or_alias_in_any_case(graph: Path) -> None:
    fidan = [
        ("Hakan Fidan", "direct", "say", "We discussed the grain corridor with Russia at length", A),
        ("Hakan Fidan", "reported", "criticise", "criticised NATO for its silence", A),
    ]
    assert rows(graph, "quotes-by", actor="fidan") == fidan  # the alias
    assert rows(graph, "quotes-by", actor="HAKAN FIDAN") == fidan  # the label
    assert rows(graph, "quotes-by", actor="Lavrov") == [("Sergei Lavrov", "reported", "say",
                                                         "NATO was a threat to Europe", A)]
    assert rows(graph, "quotes-by", actor="Hakan") == fidan  # whole words of a name
    assert rows(graph, "quotes-by", actor="Fida") == []  # not parts of words
    assert rows(graph, "quotes-by", actor="NATO") == []  # said nothing


def test_statements_mentioning(graph: Path) -> None:
    assert rows(graph, "statements-mentioning", actor="russia") == [
        ("Hakan Fidan", "Russia", "direct", "We discussed the grain corridor with Russia at length", A),
        ("Olaf Scholz", "Russia", "reported", "condemned Russia on Tuesday", B),
        ("Olaf Scholz", "Russia", "direct", "Russia must leave Ukraine", B),
        ("[officials]", "Russia", "reported", "Russia attacked Ukraine again overnight", B),
        ("Olaf Scholz", "Russia", "reported", "criticised Russia for the attacks", B),
    ]
    assert rows(graph, "statements-mentioning", actor="nato") == [
        ("Sergei Lavrov", "NATO", "reported", "NATO was a threat to Europe", A),
        ("Hakan Fidan", "NATO", "reported", "criticised NATO for its silence", A),
    ]


def test_interactions(graph: Path) -> None:
    assert rows(graph, "interactions") == [
        ("Hakan Fidan", "043", "Host a visit", "Sergei Lavrov", "event",
         "Turkish Foreign Minister Hakan Fidan hosted Russian Foreign Minister Sergei Lavrov on Monday.", A),
        ("Hakan Fidan", "040", "Consult, not specified below", "Russia", "event",
         '"We discussed the grain corridor with Russia at length," Fidan said.', A),
        # a statement about an actor is aimed at it: disapproval ("a threat"), an appeal ("must")
        ("Sergei Lavrov", "110", "Disapprove, not specified below", "NATO", "statement",
         "Lavrov said that NATO was a threat to Europe.", A),
        ("Hakan Fidan", "111", "Criticize or denounce", "NATO", "statement",
         "Fidan criticised NATO for its silence.", A),
        ("Olaf Scholz", "111", "Criticize or denounce", "Russia", "statement",
         "German Chancellor Olaf Scholz condemned Russia on Tuesday.", B),
        ("Olaf Scholz", "020", "Make an appeal or request, not specified below", "Russia", "statement",
         '"Russia must leave Ukraine," Scholz said.', B),
        ("Russia", "190", "Use conventional military force, not specified below", "Ukraine", "event",
         "Russia attacked Ukraine again overnight, officials said.", B),
        ("Olaf Scholz", "111", "Criticize or denounce", "Russia", "statement",
         "Scholz also criticised Russia for the attacks.", B),
    ]


def test_actors(graph: Path) -> None:
    assert rows(graph, "actors") == [
        ("Russia", "Country", "Q159", "2"),
        ("Germany", "Country", "Q183", "1"),
        ("Hakan Fidan", "Person", "", "1"),
        ("NATO", "Organization", "Q7184", "1"),
        ("Olaf Scholz", "Person", "Q61053", "1"),
        ("Sergei Lavrov", "Person", "Q58217", "1"),
        ("Turkey", "Country", "Q43", "1"),
        ("Ukraine", "Country", "Q212", "1"),
    ]


def test_affiliations(graph: Path) -> None:
    assert rows(graph, "affiliations") == [
        ("Hakan Fidan", "Turkey", "Foreign Minister"),
        ("Olaf Scholz", "Germany", "Chancellor"),
        ("Sergei Lavrov", "Russia", "Foreign Minister"),
    ]


def test_cameo_summary(graph: Path) -> None:
    assert rows(graph, "cameo-summary") == [
        ("Olaf Scholz", "Russia", "11", "Disapprove", "2"),
        ("Hakan Fidan", "NATO", "11", "Disapprove", "1"),
        ("Hakan Fidan", "Russia", "04", "Consult", "1"),
        ("Hakan Fidan", "Sergei Lavrov", "04", "Consult", "1"),
        ("Olaf Scholz", "Russia", "02", "Appeal", "1"),
        ("Russia", "Ukraine", "19", "Fight", "1"),
        ("Sergei Lavrov", "NATO", "11", "Disapprove", "1"),
    ]


def test_list_names_every_shipped_query_with_its_description_and_parameters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    names = {q.name for q in list_queries()}
    assert names >= {"who-said-what", "quotes-by", "statements-mentioning", "interactions", "actors",
                     "affiliations", "cameo-summary"}
    assert all(q.description for q in list_queries())
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "quotes-by --param actor=VALUE\n    What one actor said" in out
    assert "statements-mentioning --param actor=VALUE" in out
    assert "\nwho-said-what\n    Every statement" in out
    for name in names:
        assert name in out


# -- sources --------------------------------------------------------------------------------------

def test_graph_aware_files_keep_their_named_graphs_and_queries_see_the_union(graph: Path) -> None:
    nq = graph.with_suffix(".nq")
    assert rows(nq, "who-said-what") == rows(graph, "who-said-what")
    graphs_query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    graphs = rows(nq, graphs_query)
    assert graphs == [("4",)]  # two articles, graph/actors, graph/vocabulary
    assert rows(graph.parent, graphs_query) == [("4",)]  # an output folder: its graph.nq
    # the union is a set: a triple in several graphs (or files) is matched once
    assert rows(graph, "who-said-what") == [tuple(short(t) for t in row) for row in
                                            run_query([graph, nq], "who-said-what").rows]


def test_a_triple_held_by_two_named_graphs_is_matched_once(tmp_path: Path) -> None:
    trig = tmp_path / "two.trig"
    trig.write_text("<x:g1> { <x:a> <x:p> <x:b> . <x:b> <x:q> 1 }\n<x:g2> { <x:a> <x:p> <x:b> . <x:b> <x:q> 2 }\n",
                    encoding="utf-8")
    assert rows(trig, "SELECT ?v WHERE { <x:a> <x:p> ?o . ?o <x:q> ?v } ORDER BY ?v") == [("1",), ("2",)]
    assert rows(trig, "SELECT ?g WHERE { GRAPH ?g { <x:a> <x:p> <x:b> } } ORDER BY ?g") == [("<x:g1>",), ("<x:g2>",)]


def test_a_store_folder_is_queried_read_only(graph: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.bulk_load(path=str(graph.with_suffix(".nq")), format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    size = len(store)
    del store
    assert rows(folder, "who-said-what") == rows(graph, "who-said-what")
    assert rows(folder, "quotes-by", actor="scholz")[0][:2] == ("Olaf Scholz", "reported")
    with pytest.raises(QueryError, match="read-only"):
        run_query([folder], "DELETE WHERE { ?s ?p ?o }")
    assert len(pyoxigraph.Store.read_only(str(folder))) == size


def test_an_update_applies_to_a_store_folder_only_when_allowed(graph: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.bulk_load(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)
    del store
    update = "# drop Fidan's words\nPREFIX gkg: <https://w3id.org/geokg/ontology#>\n" \
             "DELETE WHERE { ?s gkg:speaker <https://w3id.org/geokg/id/actor/hakan-fidan> ; gkg:quote ?q }"
    assert main(["query", str(folder), update]) == 2
    assert "read-only" in capsys.readouterr().err
    assert len(rows(folder, "quotes-by", actor="fidan")) == 2
    assert main(["query", str(folder), update, "--allow-update"]) == 0
    assert "quads before" in capsys.readouterr().out
    assert rows(folder, "quotes-by", actor="fidan") == []
    # files are loaded in memory: an update could not persist, and says so
    assert main(["query", str(graph), "INSERT DATA { <x:a> <x:b> <x:c> }", "--allow-update"]) == 2
    assert "could not persist" in capsys.readouterr().err


@pytest.mark.parametrize("update", [
    "INSERT DATA { <x:a> <x:b> <x:c> }", "load <http://example.org/x.ttl>", "CLEAR ALL", "DROP GRAPH <x:g>",
    "CREATE GRAPH <x:g>",
    "BASE <http://e/> PREFIX e: <http://e/> # comment\n WITH <x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused_with_exit_2(graph: Path, update: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(graph), update]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "--allow-update" in err and err.count("\n") == 1


def test_unreadable_sources_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.ttl").write_text("<x:a> <x:b> .\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    for source in ("broken.ttl", "missing.ttl", "folder"):
        with pytest.raises(SourceError, match=source):
            run_query([tmp_path / source], "actors")
        assert main(["query", str(tmp_path / source), "actors"]) == 2
        err = capsys.readouterr().err
        assert source in err and "Traceback" not in err


# -- parameters -----------------------------------------------------------------------------------

def test_parameter_values_are_data_never_sparql(graph: Path, tmp_path: Path) -> None:
    assert rows(graph, "quotes-by", actor=INJECTION) == []
    assert rows(graph, "statements-mentioning", actor='Russia" || true || "') == []
    # an actor whose name is the injection is found by it, like any other name
    evil = tmp_path / "evil.ttl"
    evil.write_text(f"""
        @prefix gkg: <https://w3id.org/geokg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <x:evil> a gkg:Person ; rdfs:label {json.dumps(INJECTION)} .
        <x:s> a gkg:Statement ; gkg:speaker <x:evil> ; gkg:quote "hello" ; gkg:direct true ;
            gkg:quoteStart 0 ; gkg:source <x:article> .
        <x:article> dcterms:source "evil.txt" .
        """, encoding="utf-8")
    assert rows(evil, "quotes-by", actor=INJECTION.upper()) == [(INJECTION, "direct", "", "hello", "evil.txt")]
    # and through a store folder nothing is deleted
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.bulk_load(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)
    size = len(store)
    del store
    assert main(["query", str(folder), "quotes-by", "--param", f"actor={INJECTION}"]) == 0
    assert len(pyoxigraph.Store.read_only(str(folder))) == size


def test_parameters_in_an_rq_file_and_in_sparql_text(graph: Path, tmp_path: Path) -> None:
    query = tmp_path / "by-cue.rq"
    query.write_text("# description: statements by reporting verb\n# param: cue  the verb's lemma\n"
                     "SELECT ?quote ?cue WHERE { ?s gkg:cue ?cue ; gkg:quote ?quote ; gkg:quoteStart ?o } "
                     "ORDER BY ?o", encoding="utf-8")
    result = run_query([graph], str(query), params={"CUE": "condemn"})
    assert result.variables == ("quote",)  # a declared parameter is not an output column
    assert [short(row[0]) for row in result.rows] == ["condemned Russia on Tuesday"]
    # undeclared: the variable is bound and stays a column
    text = "SELECT ?quote ?cue WHERE { ?s gkg:cue ?cue ; gkg:quote ?quote } ORDER BY ?quote"
    assert rows(graph, text, cue="criticise") == [("criticised NATO for its silence", "criticise"),
                                                  ("criticised Russia for the attacks", "criticise")]


def test_a_missing_or_unknown_parameter_is_a_clear_error(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(QueryError, match=r"quotes-by needs --param actor=VALUE"):
        run_query([graph], "quotes-by")
    assert main(["query", str(graph), "quotes-by"]) == 2
    assert "needs --param actor=VALUE" in capsys.readouterr().err
    assert main(["query", str(graph), "quotes-by", "--param", "actor=x", "--param", "speaker=y"]) == 2
    assert "no parameter 'speaker'" in capsys.readouterr().err
    assert main(["query", str(graph), "SELECT ?s WHERE { ?s ?p ?o }", "--param", "who=x"]) == 2
    assert "no variable ?who" in capsys.readouterr().err
    assert main(["query", str(graph), "quotes-by", "--param", "actor"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_syntax_errors_and_unknown_queries_are_one_line(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(graph), "SELECT ?s WHERE { ?s gkg:speaker"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg query: SPARQL syntax error") and err.count("\n") == 1
    assert main(["query", str(graph), "who-said-whom"]) == 2
    err = capsys.readouterr().err
    assert "who-said-whom" in err and "who-said-what" in err and err.count("\n") == 1
    assert main(["query", str(graph), "nothing-here.rq"]) == 2
    assert "no such query file" in capsys.readouterr().err
    assert main(["query", str(graph)]) == 2


# -- output formats -------------------------------------------------------------------------------

def test_table_is_aligned(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(graph), "affiliations"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "person         organization  role",
        "-------------  ------------  ----------------",
        "Hakan Fidan    Turkey        Foreign Minister",
        "Olaf Scholz    Germany       Chancellor",
        "Sergei Lavrov  Russia        Foreign Minister",
        "(3 rows)",
    ]


def test_csv_and_tsv_parse_back(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = rows(graph, "who-said-what")
    assert main(["query", str(graph), "who-said-what", "--format", "csv"]) == 0
    parsed = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    assert parsed[0] == ["speaker", "kind", "cue", "quote", "article"]
    assert [tuple(row) for row in parsed[1:]] == expected
    assert main(["query", str(graph), "actors", "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "?label\t?type\t?wikidata\t?articles"
    assert lines[1] == '"Russia"\t"Country"\t"Q159"\t2'  # RDF terms, as SPARQL TSV writes them
    assert lines[3] == '"Hakan Fidan"\t"Person"\t\t1'  # unbound stays empty


def test_json_is_sparql_results_json(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(graph), "interactions", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["head"]["vars"] == ["agent", "code", "label", "target", "kind", "evidence", "article"]
    first = document["results"]["bindings"][0]
    assert first["agent"] == {"type": "literal", "value": "Hakan Fidan"}
    assert first["label"] == {"type": "literal", "value": "Host a visit", "xml:lang": "en"}
    assert len(document["results"]["bindings"]) == 8
    assert main(["query", str(graph), "actors", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)["results"]["bindings"][0]
    assert first["articles"] == {"type": "literal", "value": "2",
                                 "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert main(["query", str(graph), "quotes-by", "--param", "actor=fidan", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert "actor" not in document["head"]["vars"]
    assert all("actor" not in b for b in document["results"]["bindings"])


def test_ask_and_construct(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ask = "ASK { ?s gkg:speaker actor:Q61053 }"
    assert main(["query", str(graph), ask]) == 0
    assert capsys.readouterr().out == "true\n"
    assert main(["query", str(graph), ask, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?a gkg:affiliatedWith ?o } WHERE { ?a gkg:affiliatedWith ?o }"
    assert main(["query", str(graph), construct]) == 0
    out = capsys.readouterr().out
    assert "actor:Q61053 gkg:affiliatedWith actor:Q183" in out and "@prefix actor:" in out
    assert main(["query", str(graph), construct, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3  # JSON-LD: one node per person
    assert main(["query", str(graph), construct, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "subject,predicate,object",
        "https://w3id.org/geokg/id/actor/Q58217,https://w3id.org/geokg/ontology#affiliatedWith,"
        "https://w3id.org/geokg/id/actor/Q159",
    ]


# -- timeouts -------------------------------------------------------------------------------------

# a product of four patterns: (triples in the graph)^4 rows to count, hours of work
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_with_a_timeout_the_worker_gives_the_same_answers(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query, params in (("quotes-by", {"actor": "fidan"}),
                          ("CONSTRUCT { ?a gkg:affiliatedWith ?o } WHERE { ?a gkg:affiliatedWith ?o }", {})):
        assert run_query([graph], query, params=params, timeout=60) == run_query([graph], query, params=params)
    # errors raised in the worker come back as they are
    assert main(["query", str(graph), "SELECT ?s WHERE { ?s gkg:speaker", "--timeout", "60"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg query: SPARQL syntax error") and err.count("\n") == 1


def test_a_runaway_query_is_stopped_at_its_timeout(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    assert main(["query", str(graph), RUNAWAY, "--timeout", "1"]) == 1
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "kg query: the query was stopped after 1 s (raise --timeout, or narrow the query)\n"
    assert elapsed < 10  # 1 s of query, the rest starting the worker
    for bad in ("0", "-1", "soon", "nan"):
        assert main(["query", str(graph), "actors", "--timeout", bad]) == 2
        assert "not a positive number of seconds" in capsys.readouterr().err


def test_an_update_stopped_by_its_timeout_changes_nothing(graph: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.bulk_load(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)
    before = set(store)
    del store
    # the first operation deletes every quote at once; the second never ends: killed, the transaction is undone
    update = f"DELETE WHERE {{ ?s gkg:quote ?q }} ; INSERT {{ <x:a> <x:count> ?n }} WHERE {{ {{ {RUNAWAY} }} }}"
    with pytest.raises(QueryTimeout, match="stopped after 1 s"):
        run_query([folder], update, allow_update=True, timeout=1)
    after = pyoxigraph.Store(str(folder))  # opens: the killed worker left no lock behind
    assert set(after) == before and any(q.predicate.value.endswith("#quote") for q in before)
    del after
    # the same update, without its runaway part, does delete the quotes
    run_query([folder], "DELETE WHERE { ?s gkg:quote ?q }", allow_update=True, timeout=60)
    assert not any(q.predicate.value.endswith("#quote") for q in pyoxigraph.Store.read_only(str(folder)))
