"""Throughput and memory of ``kg build`` beside raw spaCy ``nlp.pipe`` on the same texts and pipeline.

    .venv/bin/python bench/throughput.py [--corpus DIR] [--articles N] [--rss 1000,10000] [--skip-rss]

Articles: the real ones of ``../shared/corpus/polnear`` (or ``../shared/corpus``) when present, else the
project's ``seeds/``, copied under new names until there are ``--articles`` of them (the build treats
each copy as an article of its own). Prints, in one run:

* words/s of raw ``nlp.pipe`` over the articles' prose (this process, model already loaded);
* words/s of the ``kg build`` command with ``--jobs 1`` and ``--jobs 2`` (new processes: model loading
  included), the ratios, and whether the two wrote the same bytes;
* the peak memory of ``kg build --jobs 2 --format ttl`` at each corpus size of ``--rss``: the largest
  sum of the resident sets of the command and its worker processes (sampled every 50 ms), the
  largest single process (``ru_maxrss``), and the ratio of the last size to the first.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from kg.models import Article
from kg.nlp import body_text, load_pipeline
from kg.pipeline import article_words
from kg.read import read_articles

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
KG = str(Path(sys.executable).parent / "kg")


def sources(given: Path | None) -> list[Path]:
    """The article files to copy from."""
    for folder in ([given] if given else [SHARED / "polnear", SHARED, ROOT / "seeds"]):
        if folder is not None and folder.is_dir() and (files := sorted(folder.glob("*.txt"))):
            return files
    raise SystemExit("no .txt articles found")


def corpus(files: list[Path], count: int, folder: Path) -> Path:
    """A folder of ``count`` articles: ``files`` copied round-robin under new names."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        source = files[number % len(files)]
        shutil.copyfile(source, folder / f"{source.stem}-{number:05d}.txt")
    return folder


def raw_pipe(articles: list[Article]) -> float:
    nlp = load_pipeline()
    texts = [body_text(a).text for a in articles]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:  # the command itself ended between two samples
        return 0
    for member in members:
        with contextlib.suppress(psutil.Error):  # ended between listing and reading
            total += member.memory_info().rss
    return total


def run_build(folder: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    """Run ``kg build`` on ``folder``: seconds, peak summed RSS of its process tree, and its largest ``ru_maxrss``
    (bytes). The command runs under a small Python wrapper so that ``ru_maxrss`` is that of this build alone."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
               "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    command = [sys.executable, "-c", wrapper, KG, "build", str(folder), "-o", str(out), "--format", "ttl",
               "--jobs", str(jobs), "--quiet"]
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _tree_rss(watched))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"kg build failed on {folder} (exit {process.returncode})")
    return seconds, peak, int(output.split()[-1]) * 1024  # ru_maxrss is in KiB on Linux


def throughput(files: list[Path], count: int, work: Path) -> None:
    folder = corpus(files, count, work / "corpus")
    articles = [a for a in read_articles([folder]) if isinstance(a, Article)]
    words = sum(article_words(a) for a in articles)
    print(f"{len(articles)} articles ({len(files)} distinct, from {files[0].parent}), {words:,} words of prose")
    raw = words / raw_pipe(articles)
    print(f"raw nlp.pipe             {raw:9,.0f} words/s")
    rate = {}
    for jobs in (1, 2):
        seconds, _, _ = run_build(folder, work / f"jobs{jobs}", jobs)
        rate[jobs] = words / seconds
        print(f"kg build --jobs {jobs}        {rate[jobs]:9,.0f} words/s  ({seconds:.1f} s, model loading included)")
    same = (work / "jobs1" / "graph.ttl").read_bytes() == (work / "jobs2" / "graph.ttl").read_bytes()
    print(f"jobs 1 / raw nlp.pipe    {rate[1] / raw:.2f}")
    print(f"jobs 2 / jobs 1          {rate[2] / rate[1]:.2f}")
    print(f"jobs 1 and 2 Turtle byte-identical: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of .txt articles (default: ../shared/corpus/polnear)")
    parser.add_argument("--articles", type=int, default=2000, help="articles in the throughput corpus")
    parser.add_argument("--rss", default="1000,10000", help="corpus sizes at which to measure peak memory")
    parser.add_argument("--skip-rss", action="store_true", help="measure throughput only")
    parser.add_argument("--skip-throughput", action="store_true", help="measure peak memory only")
    args = parser.parse_args()
    files = sources(args.corpus)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}, {platform.platform()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_throughput:
            throughput(files, args.articles, work)
        if args.skip_rss:
            return
        peaks = []
        for size in (int(n) for n in args.rss.split(",")):
            shutil.rmtree(work / "rss", ignore_errors=True)
            seconds, tree, largest = run_build(corpus(files, size, work / "rss"), work / "rss-out", 2)
            peaks.append(tree)
            print(f"{size:>6} articles, kg build --jobs 2: peak RSS {tree / 2**20:,.0f} MiB (command and workers), "
                  f"largest process {largest / 2**20:,.0f} MiB, {seconds:.0f} s")
        print(f"peak RSS at {args.rss.split(',')[-1]} / at {args.rss.split(',')[0]} articles: "
              f"{peaks[-1] / peaks[0]:.2f}")


if __name__ == "__main__":
    main()
