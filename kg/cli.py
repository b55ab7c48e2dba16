"""The ``kg`` command. Each subcommand parses its options, calls one library function, and prints.

Exit status: 0 when all went well, 1 when some inputs failed (each is named on stderr) or, for
``kg eval``, when a ``--require`` falls short, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence

from kg.evaluate import GoldError, Requirement, evaluate
from kg.pipeline import DEFAULT_FORMATS, build

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
    build_cmd.add_argument("-o", "--output", default="output", metavar="DIR",
                           help="folder for graph.ttl and graph.html (default: output/)")
    build_cmd.add_argument("--format", dest="formats", type=_formats, default=DEFAULT_FORMATS,
                           metavar="LIST", help="comma-separated formats to write (default: ttl,html)")
    build_cmd.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                           help="publication date of the articles (wins over a date in their datelines)")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if args.command == "eval":
        return _eval(args)
    result = build(args.paths, args.output, formats=args.formats, date=args.date)
    for failure in result.failures:
        print(f"kg: cannot read {failure.source}: {failure.reason}", file=sys.stderr)
    print(result.summary())
    for path in result.written:
        print(f"wrote {path}")
    return EXIT_INPUT_FAILED if result.failures else EXIT_OK


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


if __name__ == "__main__":
    sys.exit(main())
