"""Throughput of ``kg build`` beside raw spaCy ``nlp.pipe`` on the same texts and pipeline.

    .venv/bin/python bench/throughput.py [--corpus DIR] [--repeat N]

Articles: ``../shared/corpus/polnear`` (or ``../shared/corpus``) when present, else the project's
``seeds/`` repeated ``--repeat`` times under new names. Prints words/s for raw ``nlp.pipe`` on the
articles' prose, for ``build(jobs=1)`` and ``build(jobs=2)`` with the model already loaded (warm),
for the ``kg build`` command (cold: a new process that loads the model), and the ratios.
Peak RSS at 1,000 and 10,000 articles is not measured yet.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.models import Article
from kg.nlp import body_text, load_pipeline
from kg.pipeline import article_words, build
from kg.read import read_articles

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def corpus(given: Path | None, repeat: int, folder: Path) -> Path:
    """A folder of .txt articles to measure on."""
    for source in ([given] if given else [SHARED / "polnear", SHARED]):
        if source is not None and source.is_dir() and any(source.glob("*.txt")):
            return source
    for copy in range(repeat):
        for file in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(file, folder / f"{file.stem}-{copy:04d}.txt")
    return folder


def raw_pipe(articles: list[Article]) -> float:
    nlp = load_pipeline()
    texts = [body_text(a).text for a in articles]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def cold(folder: Path, jobs: int, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(folder), "-o", str(out),
                    "--format", "ttl", "--jobs", str(jobs), "--quiet"], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of .txt articles (default: ../shared/corpus/polnear)")
    parser.add_argument("--repeat", type=int, default=200, help="copies of seeds/ when there is no corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = corpus(args.corpus, args.repeat, work)
        articles = [a for a in read_articles([folder]) if isinstance(a, Article)]
        words = sum(article_words(a) for a in articles)
        print(f"{len(articles)} articles, {words:,} words of prose from {folder}")
        load_pipeline()
        raw = words / raw_pipe(articles)
        print(f"raw nlp.pipe           {raw:9,.0f} words/s")
        warm = {}
        for jobs in (1, 2):
            seconds = build([folder], work / f"warm{jobs}", formats=("ttl",), jobs=jobs).seconds
            warm[jobs] = words / seconds
            print(f"build(jobs={jobs}) warm     {warm[jobs]:9,.0f} words/s  ({seconds:.2f} s)")
        same = (work / "warm1" / "graph.ttl").read_bytes() == (work / "warm2" / "graph.ttl").read_bytes()
        coldrate = {}
        for jobs in (1, 2):
            seconds = cold(folder, jobs, work / f"cold{jobs}")
            coldrate[jobs] = words / seconds
            print(f"kg build --jobs {jobs} cold {coldrate[jobs]:9,.0f} words/s  ({seconds:.2f} s, with model load)")
        print(f"jobs 1 / raw nlp.pipe   {warm[1] / raw:.2f} (warm)")
        print(f"jobs 2 / jobs 1         {warm[2] / warm[1]:.2f} (warm), {coldrate[2] / coldrate[1]:.2f} (cold)")
        print(f"jobs 1 and 2 Turtle byte-identical: {same}")
        print("peak RSS at 1,000 / 10,000 articles: not measured yet")


if __name__ == "__main__":
    main()
