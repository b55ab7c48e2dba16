"""The ``kg`` command. Each subcommand parses its options, calls one library function, and prints.

Exit status: 0 when all went well, 1 when some inputs failed (each is named on stderr), 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    result = build(args.paths, args.output, formats=args.formats, date=args.date)
    for failure in result.failures:
        print(f"kg: cannot read {failure.source}: {failure.reason}", file=sys.stderr)
    print(result.summary())
    for path in result.written:
        print(f"wrote {path}")
    return EXIT_INPUT_FAILED if result.failures else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
