"""The ``kg`` command. Each subcommand parses its options, calls one library function, and prints.

Exit status: 0 when all went well, 1 when some inputs failed (each is named on stderr), for
``kg eval`` when a ``--require`` falls short, for ``kg query`` when its ``--timeout`` ran out, 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence

from kg.evaluate import GoldError, Requirement, evaluate
from kg.export import DEFAULT_FORMATS
from kg.read import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


def _iso_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}")
    return value


def _formats(value: str) -> tuple[str, ...]:
    from kg.export import EXPORTERS

    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in EXPORTERS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(sorted(EXPORTERS))}")
    return names


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number of processes: {value!r}")
    return int(value)


NOTES_SHOWN = 10  # inputs whose reading notes (decoding, repairs) are printed; report.json has them all


def _size(value: str) -> int:
    number, unit = value[:-1] if value[-1:] in _UNITS else value, value[-1:] if value[-1:] in _UNITS else ""
    if not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"not a size in bytes (e.g. 5000000, 500k, 5M): {value!r}")
    return int(number) * _UNITS.get(unit, 1)


_UNITS = {"k": 1_000, "M": 1_000_000, "G": 1_000_000_000}


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return seconds


def _retries(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of retries (0 or more): {value!r}")
    return int(value)


def _requirement(value: str) -> Requirement:
    try:
        return Requirement.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn news articles about geopolitics into a knowledge graph of who said what "
                    "about whom, every claim traceable to the words it came from.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    build_cmd = commands.add_parser(
        "build",
        help="read articles and write the graph (Turtle + HTML)",
        description="Read .txt articles (files or folders of them) and write output/graph.ttl and "
                    "output/graph.html. Inputs that cannot be read are named and skipped.",
    )
    build_cmd.add_argument("paths", nargs="*", default=["seeds"], metavar="PATH",
                           help="article files or folders of .txt files (default: seeds/)")
    build_cmd.add_argument("-o", "--output", default=None, metavar="DIR",
                           help="folder for graph.ttl and graph.html (default: output/, none with --store)")
    build_cmd.add_argument("--format", dest="formats", type=_formats, default=DEFAULT_FORMATS,
                           metavar="LIST", help="comma-separated formats to write (default: ttl,html)")
    build_cmd.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                           help="publication date of the articles (wins over a date in their datelines)")
    build_cmd.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                           help="worker processes parsing articles (default: the number of cores; 1: none)")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print no progress on stderr")
    build_cmd.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="N",
                           help="skip, unread, an input file (a JSON Lines line) larger than N bytes; suffixes k, M, G "
                                f"(default: {DEFAULT_MAX_BYTES // 1_000_000}M)")
    build_cmd.add_argument("--dask", metavar="ADDRESS", default=None,
                           help="parse on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local' for a "
                                "LocalCluster of --jobs workers on 127.0.0.1; needs geokg[dask]")
    build_cmd.add_argument("--store", metavar="DIR", default=None,
                           help="add the graph to the persistent Oxigraph store DIR: rebuilt articles replace "
                                "their graph, actors merge with those already there")
    eval_cmd = commands.add_parser(
        "eval",
        help="build the graph of annotated articles and score it against their gold",
        description="Read .txt articles (files or folders of them), build their graph and score it against "
                    "gold annotations (one JSON file per article naming its actors, direct quotes, indirect "
                    "statements, events and affiliations; see kg.evaluate.read_gold). The last line printed is "
                    "the summary.",
    )
    eval_cmd.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of .txt files")
    eval_cmd.add_argument("--gold", action="append", required=True, metavar="GOLD",
                          help="gold JSON file, or a folder of them (repeatable)")
    eval_cmd.add_argument("-o", "--output", metavar="DIR", help="also write the graph to DIR/graph.ttl")
    eval_cmd.add_argument("--require", action="append", type=_requirement, default=[], metavar="METRIC>=VALUE",
                          help="exit 1 unless the metric reaches the value, e.g. quote_attr_r>=0.9 (repeatable)")
    eval_cmd.add_argument("--json", action="store_true", help="print the full result as JSON")
    eval_cmd.add_argument("--quiet", action="store_true", help="print only the summary line")
    export_cmd = commands.add_parser(
        "export",
        help="convert exported graphs (files or an Oxigraph store) to other formats",
        description="Read exported graphs (.ttl, .nt, .nq, .trig, .jsonld files, or an Oxigraph store folder) and "
                    "write them to DIR/graph.<format> (events-csv: graph.events.csv). N-Quads, TriG and stores keep "
                    "their named graphs; the triples of Turtle and N-Triples go in the default graph.",
    )
    export_cmd.add_argument("sources", nargs="+", metavar="SOURCE", help="exported graph files or store folders")
    export_cmd.add_argument("--format", dest="formats", type=_formats, required=True, metavar="LIST",
                            help="comma-separated formats to write, e.g. nq,jsonld,events-csv")
    export_cmd.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write to")
    html_cmd = commands.add_parser(
        "html",
        help="draw exported graphs (files or an Oxigraph store) as an offline HTML explorer",
        description="Read exported graphs (.ttl, .nt, .nq, .trig, .jsonld files, output folders or an Oxigraph "
                    "store) and write one self-contained HTML page: search, filters, and a panel of quotes.",
    )
    html_cmd.add_argument("sources", nargs="+", metavar="SOURCE", help="exported graph files or store folders")
    html_cmd.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    html_cmd.add_argument("--view", choices=("actors", "full"), default="actors",
                          help="actors: actor graph (default); full: statements as nodes too")
    html_cmd.add_argument("--max-actors", type=int, metavar="N", help="keep the N most mentioned actors")
    load_cmd = commands.add_parser(
        "load",
        help="load exported graphs into an embedded Oxigraph store or a SPARQL server",
        description="Load exported graphs (.nq, .trig, .ttl, .nt, .jsonld files, or output folders: their graph.nq, "
                    "else graph.trig, else graph.ttl) one named graph at a time; each graph replaces the graph of "
                    "that name, so a reload never duplicates. Triples outside a named graph go to "
                    "https://w3id.org/geokg/id/graph/file/<file name>. An interrupted load into an endpoint "
                    "resumes when the same command is run again. Credentials come from KG_USER/KG_PASSWORD, "
                    "KG_TOKEN or ~/.netrc (NETRC), never from arguments.",
    )
    load_cmd.add_argument("paths", nargs="+", metavar="OUTPUT", help="exported graph files or output folders")
    target = load_cmd.add_mutually_exclusive_group(required=True)
    target.add_argument("--store", metavar="DIR", help="persistent pyoxigraph store folder (created when missing)")
    target.add_argument("--endpoint", metavar="URL",
                        help="SPARQL Graph Store Protocol endpoint, e.g. http://localhost:7878/store (Oxigraph) "
                             "or http://localhost:8890/sparql-graph-crud-auth (Virtuoso)")
    load_cmd.add_argument("--query-endpoint", metavar="URL",
                          help="SPARQL query endpoint to check the counts (default: derived from --endpoint)")
    load_cmd.add_argument("--auth", choices=("basic", "digest", "bearer"),
                          help="HTTP authentication (credentials from the environment or ~/.netrc)")
    load_cmd.add_argument("--batch-size", type=int, default=50_000, metavar="N",
                          help="triples per request; larger graphs are PUT then POSTed in batches (default: 50000)")
    load_cmd.add_argument("--timeout", type=_seconds, default=60.0, metavar="S",
                          help="seconds to wait for the server's answer to each request (default: 60)")
    load_cmd.add_argument("--retries", type=_retries, default=4, metavar="N",
                          help="retries of a request after a connection error, a timeout or a 5xx answer, with "
                               "exponential backoff (default: 4)")
    _query_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if args.command == "eval":
        return _eval(args)
    if args.command == "export":
        return _export(args)
    if args.command == "html":
        return _html(args)
    if args.command == "load":
        return _load(args)
    if args.command in ("query", "validate", "ontology"):
        return _query_commands(args)
    from kg.distributed import DaskError
    from kg.pipeline import build  # spaCy loads only for the commands that parse articles
    from kg.stores import LoadError

    output = args.output if args.output is not None or args.store is not None else "output"
    try:
        result = build(args.paths, output, formats=args.formats, date=args.date, jobs=args.jobs,
                       progress=None if args.quiet else sys.stderr, store=args.store, dask=args.dask,
                       max_bytes=args.max_bytes)
    except LoadError as exc:
        print(f"kg build: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    except DaskError as exc:
        print(f"kg build: {exc}", file=sys.stderr)
        return EXIT_USAGE
    noted = [item for item in result.inputs if item.notes]
    for item in result.inputs:
        if item.status != "built":
            print(f"kg: {'cannot read' if item.status == 'failed' else 'skipped'} {item.source}: {item.reason}",
                  file=sys.stderr)
    for item in noted[:NOTES_SHOWN]:  # built, with a caveat: a few on screen, all in report.json
        print(f"kg: note: {item.source}: {'; '.join(item.notes)}", file=sys.stderr)
    if len(noted) > NOTES_SHOWN:
        print(f"kg: notes on {len(noted) - NOTES_SHOWN} more inputs in report.json", file=sys.stderr)
    print(result.summary())
    for path in result.written:
        print(f"wrote {path}")
    if result.report_file is not None:
        print(f"wrote {result.report_file}" + (": what became of each input" if result.failures else ""))
    if result.stored is not None:
        print(f"added to the store {args.store}: {result.stored} quads in it now")
    return EXIT_INPUT_FAILED if result.failures else EXIT_OK


def _load(args: argparse.Namespace) -> int:
    from kg.stores import LoadError, load_endpoint, load_store

    try:
        if args.store is not None:
            result = load_store(args.paths, args.store)
        else:
            result = load_endpoint(args.paths, args.endpoint, auth=args.auth, batch_size=args.batch_size,
                                   timeout=args.timeout, query_endpoint=args.query_endpoint, retries=args.retries)
    except LoadError as exc:
        print(f"kg load: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    for graph in result.graphs:
        print(f"{graph.triples:>9}  <{graph.iri}>")
    print(result.summary())
    for note in result.notes:
        print(f"kg load: {note}", file=sys.stderr)
    for mismatch in result.mismatches:
        print(f"kg load: {mismatch}", file=sys.stderr)
    return EXIT_INPUT_FAILED if result.mismatches else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from kg.export import ExportError, export

    try:
        written = export(args.sources, args.output, args.formats)
    except ExportError as exc:
        print(f"kg export: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    for path in written:
        print(f"wrote {path}")
    return EXIT_OK


def _html(args: argparse.Namespace) -> int:
    from kg.export.html import html_from_sources
    from kg.sources import SourceError

    try:
        path = html_from_sources(args.sources, args.output, view=args.view, max_actors=args.max_actors)
    except (SourceError, ValueError, OSError) as exc:
        print(f"kg html: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    print(f"wrote {path}")
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    try:
        report = evaluate(args.paths, args.gold, output=args.output)
    except GoldError as exc:
        print(f"kg eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for failure in report.failures:
        print(f"kg: cannot read {failure.source}: {failure.reason}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(args.require), indent=1))
    else:
        print(report.render(verbose=not args.quiet, requirements=args.require))
    shortfalls = report.shortfalls(args.require)
    if shortfalls and args.json:  # the JSON holds the verdicts; say it where a person reads it too
        print(f"kg eval: falls short: {', '.join(shortfalls)}", file=sys.stderr)
    return EXIT_INPUT_FAILED if shortfalls else EXIT_OK


def _query_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from kg.query import FORMATS

    query_cmd = commands.add_parser(
        "query",
        help="run SPARQL (or a shipped named query) over exported graphs or a store folder",
        description="Run a read-only SPARQL query over the union of all graphs of the sources: exported files "
                    "(.ttl, .nt, .nq, .trig, .jsonld), output folders (their graph.nq, .trig or .ttl) or one "
                    "pyoxigraph store folder (opened read-only). QUERY is a "
                    ".rq file, the name of a shipped query (--list names them), or SPARQL text; the prefixes gkg:, "
                    "actor:, rdfs:, skos: ... need no declaration. Updates are refused unless --allow-update.",
    )
    query_cmd.add_argument("args", nargs="*", metavar="SOURCE... QUERY",
                           help="exported graph files, output folders or a store folder, then the query")
    query_cmd.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                           help="bind the query's parameter NAME to the string VALUE (repeatable)")
    query_cmd.add_argument("--format", choices=FORMATS, default="table",
                           help="table (default), csv or tsv (SPARQL 1.1 CSV/TSV), json (SPARQL 1.1 results JSON; "
                                "JSON-LD for CONSTRUCT)")
    query_cmd.add_argument("--allow-update", action="store_true",
                           help="allow a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP ...) of a store folder")
    query_cmd.add_argument("--timeout", type=_seconds, default=None, metavar="S",
                           help="stop the query (or update, which then changes nothing) after S seconds and exit 1; "
                                "it runs in a worker process, which takes about a second to start (default: no limit)")
    query_cmd.add_argument("--list", action="store_true", help="list the shipped queries and their parameters")
    validate_cmd = commands.add_parser(
        "validate",
        help="check a graph against the SHACL shapes, the gkg vocabulary and the CAMEO scheme",
        description="Check the union of all graphs of the sources (exported files or a store folder) against "
                    "ontology/shapes.ttl, that every gkg: term is defined in the ontology and every CAMEO concept "
                    "exists. Exit status: 0 valid, 1 violations (one line each), 2 unreadable input.",
    )
    validate_cmd.add_argument("sources", nargs="+", metavar="SOURCE",
                              help="exported graph files, output folders or a store folder")
    ontology_cmd = commands.add_parser(
        "ontology",
        help="write the ontology (geokg.ttl) and its SHACL shapes (shapes.ttl) to a folder",
        description="Copy the shipped ontology files (geokg.ttl, shapes.ttl, and context.jsonld when shipped) "
                    "to DIR (default: the current folder).",
    )
    ontology_cmd.add_argument("-o", "--output", default=".", metavar="DIR",
                              help="folder to write to (default: the current folder)")


def _query_commands(args: argparse.Namespace) -> int:
    from kg.query import QueryError, QueryTimeout, list_queries, run_query
    from kg.sources import SourceError
    from kg.validate import validate, write_ontology

    name = f"kg {args.command}"
    try:
        if args.command == "ontology":
            for path in write_ontology(args.output):
                print(f"wrote {path}")
            return EXIT_OK
        if args.command == "validate":
            report = validate(args.sources)
            print(report.render(), end="")
            return EXIT_OK if report.conforms else EXIT_INPUT_FAILED
        if args.list:
            for query in list_queries():
                flags = "".join(f" --param {p.name}=VALUE" for p in query.params)
                print(f"{query.name}{flags}\n    {query.description}")
                for p in query.params:
                    print(f"    {p.name}: {p.description}")
            return EXIT_OK
        if len(args.args) < 2:
            print(f"{name}: give one or more SOURCEs then a QUERY (or --list)", file=sys.stderr)
            return EXIT_USAGE
        params: dict[str, str] = {}
        for item in args.param:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                print(f"{name}: --param wants NAME=VALUE, not {item!r}", file=sys.stderr)
                return EXIT_USAGE
            params[key.strip()] = value
        result = run_query(args.args[:-1], args.args[-1], params=params, allow_update=args.allow_update,
                           timeout=args.timeout)
    except QueryTimeout as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    except (QueryError, SourceError, OSError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(result.render(args.format))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
