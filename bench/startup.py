"""Start-up cost of a ``kg build`` worker: loading the spaCy model with the gazetteer's entity ruler.

    .venv/bin/python bench/startup.py [--runs 3]

Each run is a new Python process that imports ``kg``, times ``load_gazetteer()`` and then
``load_pipeline()`` (the model and the ruler built from the gazetteer), parses and extracts one
article (the seed) and prints its peak resident set (``ru_maxrss``). The figures are the median of
the runs: what every worker process of ``kg build --jobs N`` pays once before its first article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e86eedc31cf93aa.txt"

PROBE = """
import json, resource, sys, time
started = time.perf_counter()
from kg.gazetteer import load_gazetteer
from kg.nlp import load_pipeline
imported = time.perf_counter()
gazetteer = load_gazetteer()
loaded = time.perf_counter()
load_pipeline()
ready = time.perf_counter()
from kg import extract_articles, parse_article
text = open(sys.argv[1], encoding="utf-8").read()
next(extract_articles([parse_article(text, "seed.txt")]))
done = time.perf_counter()
print(json.dumps({"import_s": imported - started, "gazetteer_s": loaded - imported,
                  "pipeline_s": ready - loaded, "first_article_s": done - ready, "entries": len(gazetteer),
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE, str(SEED)], check=True, capture_output=True, text=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    print(f"gazetteer entries        {median['entries']:,.0f}")
    print(f"import kg                {median['import_s']:.2f} s")
    print(f"load_gazetteer()         {median['gazetteer_s']:.2f} s")
    print(f"load_pipeline()          {median['pipeline_s']:.2f} s  (model + entity ruler)")
    print(f"start-up, total          {median['import_s'] + median['gazetteer_s'] + median['pipeline_s']:.2f} s")
    print(f"first article            {median['first_article_s']:.2f} s")
    print(f"peak RSS of the process  {median['peak_rss_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
