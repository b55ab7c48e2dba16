#!/usr/bin/env python3
"""Rebuild ``kg/data/lexicons/female_names.txt`` and ``male_names.txt`` from public name data.

    .venv/bin/python scripts/convert_first_names.py SSA NQG CENSUS WORDS [--out DIR] [--report]

Each argument is the git directory of a fetched snapshot of a public repository, read with
``git --git-dir=DIR show COMMIT:PATH`` at the pinned commits below (so a newer snapshot of the same
repository gives the same files as long as it still holds those commits):

- SSA    hackerb9/ssa-baby-names: the US Social Security Administration's national baby-name counts,
         ``raw-data/yob1880.txt`` .. ``yob2020.txt`` (US government work, public domain);
- NQG    ianvanbuskirk/nomquamgender: ``name_data.json`` inside the released wheel, name -> [sources,
         count, p(gendered female), taxonomy] pooled from some 36 national and international name
         datasets (MIT licence);
- CENSUS treyhunner/names: ``names/dist.all.last``, the 1990 US census surname frequencies (public domain);
- WORDS  BartMassey/wordlists: ``scowl-50.txt.gz`` (SCOWL, Kevin Atkinson's permissive licence) and
         ``count_1w.txt.gz`` (Peter Norvig's web word counts, MIT), used only to leave out common words.

Rules (the counts they give are in kg/data/gazetteer/SOURCES.md, section "first names"):

1. A name qualifies for a sex from the SSA when it has at least ``SSA_MIN`` occurrences over 1880-2020
   and at least 97 % of them are of that sex; from the NQG when it has at least ``NQG_MIN`` occurrences
   outside the SSA's own (the NQG count minus the SSA count, so that rare American spellings enter only
   through the SSA threshold) in at least ``NQG_MIN_SOURCES`` datasets, and p(gf) >= 0.97 (female) or
   <= 0.03 (male).
2. It enters only if neither source contradicts: a source that has the name at least ``CONTRA_MIN``
   times must give that sex at least 90 % (the NQG's pooled shares are noisier than the SSA's: "George"
   is 0.934 male there, "Andrea" 0.83 female because it is a man's name in Italy).
3. Left out whatever the data says (and listed by ``--report``): East Asian surnames, which news writes
   first ("Kim Jong Un", "Xi Jinping"); titles and honorifics ("King", "Colonel", "Begum"); placeholders
   ("Baby", "Unknown"); common English words of three letters or more (in SCOWL-50 in lower case and at
   least ``WORD_RATIO`` times more frequent as a web word than people bear the name: "Will", "Hope",
   "Rich"); surnames that news uses as surnames (a 1990 US census surname share of at least
   ``SURNAME_FLOOR`` % and at least the name's share of first names in the SSA or the NQG: "Johnson",
   "Grant", "Allen").
4. The hand-written entries (``HAND_FEMALE``, ``HAND_MALE``) stay, whatever rule 3 says, unless a source
   with at least 1,000 occurrences gives their sex less than two thirds of them.

The output is byte-identical on every run: lists are sorted, nothing depends on the clock or hash order.
Standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "kg" / "data" / "lexicons"

SSA_REPO, SSA_COMMIT = "hackerb9/ssa-baby-names", "0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0"
SSA_YEARS = range(1880, 2021)
NQG_REPO, NQG_COMMIT = "ianvanbuskirk/nomquamgender", "8fac72ebd0ec8dbe08f3ddba57e829acecc1b547"
NQG_WHEEL, NQG_MEMBER = "dist/nomquamgender-0.1.4-py3-none-any.whl", "nomquamgender/name_data.json"
CENSUS_REPO, CENSUS_COMMIT = "treyhunner/names", "c485a4350e84d77836ccd36c628296beb1aec05f"
CENSUS_FILE = "names/dist.all.last"
WORDS_REPO, WORDS_COMMIT = "BartMassey/wordlists", "af52415c13af809bd8757a40f17f46e79d09583c"
SCOWL_FILE, WEB_FILE = "scowl-50.txt.gz", "count_1w.txt.gz"

SHARE = 0.97  # rule 1: share of one sex to qualify
SSA_MIN = 1000  # rule 1: SSA occurrences, 1880-2020
NQG_MIN = 100  # rule 1: NQG occurrences outside the SSA
NQG_MIN_SOURCES = 5  # rule 1: NQG datasets that have the name
CONTRA_SHARE = 0.90  # rule 2
CONTRA_MIN = 100  # rule 2: occurrences a source needs to contradict
SURNAME_FLOOR = 0.02  # rule 3: per cent of the 1990 US population bearing the surname
WORD_RATIO = 500  # rule 3: web count / people with the name
HAND_MIN, HAND_SHARE = 1000, 2 / 3  # rule 4

HEADERS = {
    "F": "# First names that, in the news, are a woman's: \"she\" may refer to such a person, \"he\" may not.",
    "M": "# First names that, in the news, are a man's: \"he\" may refer to such a person, \"she\" may not.",
}
SOURCE_LINE = (
    "# Source: US SSA baby names 1880-2020 (public domain) and nomquamgender name data "
    "(MIT, notice in LICENSE-nomquamgender), with the "
    "hand-written entries; rules and counts: kg/data/gazetteer/SOURCES.md (first names), "
    "rebuilt by scripts/convert_first_names.py."
)

# The lists as they were written by hand before this script (kept under rule 4).
HAND_FEMALE = """
Angela Annalena Anne Ann Anna Antonia Benazir Carla Catherine Cristina Condoleezza Dilma Elizabeth Ellen Emma
Federica Giorgia Golda Hillary Indira Jacinda Janet Jill Julia Kamala Kaja Kristalina Liz Madeleine Maria Mary
Margaret Marine Mette Michelle Nancy Nicola Nikki Olena Penny Priti Samantha Sanna Sarah Susan Suella Theresa
Tulsi Ursula Yulia Ségolène Segolene Christine Christiane Claudia Jacqueline Linda Lisa Laura Karen Nadia Natalia
Svetlana Valentina Olga Irina Tatiana Marta Ewa Beata Helle Erna Ingrid Helen Patricia Barbara Carol Diane Donna
Elena Sophie Sylvie Valérie Valerie Rachel Ruth Rebecca Victoria Yoko Kristi Gina Marsha Amy Elise Kirsten
Dianne Tammy
""".split()
HAND_MALE = """
Vladimir Sergei Sergey Dmitry Dmitri Mikhail Boris Marco Joe Donald George Barack Bill John Tony Gordon David Jack
Jacques Emmanuel Nicolas Francois François Gerhard Olaf Friedrich Recep Volodymyr Petro Viktor Narendra Benjamin
Ariel Ehud Mahmoud Yasser Bashar Hassan Ali Ebrahim Shinzo Fumio Justin Stephen Jens Mark Antony Anthony Lloyd
Mike Michael Rishi Keir Jeremy James Robert Richard Ronald Jimmy Kofi Antonio António Luiz Jair Javier Pedro
Mariano Silvio Matteo Mario Giuseppe Andrzej Mateusz Alexander Alexei Alexey Yevgeny Ramzan Igor Nikolai Andrei
Andriy Dmytro Oleksii Rustem Shehbaz Imran Nawaz Mohammed Muhammad Abdullah Salman Tamim Hamad Ahmed Abdel Benny
Yair Naftali Isaac Yoav Avigdor Ismail Khaled Hakan Mevlut Ahmet Abiy Cyril Jacob Thabo Nelson Paul Peter Thomas
Frank Heiko Sigmar Joschka Walter Horst Wolfgang Norbert Ted Chuck Mitch Rand Ron Chris Jeb Ben Martin Charles
""".split()

# Surnames that Chinese, Korean, Vietnamese and Burmese names put first, in their usual romanisations.
EAST_ASIAN_SURNAMES = frozenset("""
an au bae baek bai bak bang bui byun cai cao cha chae chan chang chao chen cheng cheon cheung chia chiang chien
chin chiu cho choe choi chou chow chu chun chung cui dai dang dao deng ding dinh do dong du duan duong fan fang
feng fu fung gao ge go gong gu guan guo ha ham han hao he heo ho hoang hong hou hsia hsiao hsieh hsiung hsu hsueh
hu hua huang huh hung huo huynh hwang hyun im jang jeon jeong ji jia jiang jin jo joo ju jun jung kam kang kao ko
kong koo kuan kung kuo kwak kwan kwok kwon lai lam lau law le lee lei leung li liang liao lim lin liu lo long lu
lui luo luong ly ma mai man mao meng min mo mok moon mun na nam ng ngo nguyen no noh oh ou pai paik pak pan pang
park peng pham phan poon qian qiao qin qiu quach ren rhee ri roh ryu seo seong shao shen shi shih shin shum siu
so son song su suh sun sung sze ta tai tan tang tao teng thai tian ting to tong tran trinh truong tsai tsang tsao
tse tseng tsui tu tuan tung uhm vo vu wan wang wei wen wong woo wu xia xiang xiao xie xiong xu xue yan yang yao
yau ye yeh yen yeo yeom yeung yi yin yip yoo yoon yu yuan yue yuen yun zeng zhang zhao zheng zhong zhou zhu zou
aung thein htin kyaw maung myint khin suu daw
""".split())

# Titles, honorifics and kinship words that precede names or stand for a person.
TITLES = frozenset("""
admiral archbishop ayatollah baron baroness begum bey bibi bishop brother caliph captain cardinal chancellor
chief colonel commander commodore count countess czar dame deacon doctor duchess duke earl effendi emir emperor
empress father general governor haji hajji imam judge justice khan king lady lieutenant lord madam madame
maharaja major marquis marshal master miss mister monsieur mother mullah pasha pastor pharaoh pope premier
president priest prince princess professor queen rabbi rani reverend saint senator sergeant sheikh sheikha
sheriff sir sister speaker sultan sultana tsar tsarina
""".split())

# Placeholders that birth registers record instead of a name, and suffixes read as one.
PLACEHOLDERS = frozenset(
    "baby boy child daughter female girl infant male none noname null son twin unknown unnamed jr sr ii iii".split()
)


@dataclass
class Evidence:
    ssa_f: int = 0
    ssa_m: int = 0
    nqg_sources: int = 0
    nqg_count: int = 0
    nqg_pf: float = -1.0

    @property
    def ssa_total(self) -> int:
        return self.ssa_f + self.ssa_m


@dataclass
class Result:
    names: dict[str, set[str]] = field(default_factory=lambda: {"F": set(), "M": set()})
    by: dict[str, dict[str, int]] = field(default_factory=lambda: {"F": defaultdict(int), "M": defaultdict(int)})
    excluded: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    hand_dropped: list[str] = field(default_factory=list)
    hand_excludable: list[str] = field(default_factory=list)


def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    try:
        return subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True, check=True
        ).stdout
    except subprocess.CalledProcessError as exc:
        sys.exit(f"{git_dir}: cannot read {commit}:{path}: {exc.stderr.decode(errors='replace').strip()}")


def fold(name: str) -> str:
    """Lower-case ASCII form of a name, the key both sources use ("José" -> "jose")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def read_ssa(git_dir: Path) -> dict[str, Evidence]:
    evidence: dict[str, Evidence] = defaultdict(Evidence)
    for year in SSA_YEARS:
        text = git_show(git_dir, SSA_COMMIT, f"raw-data/yob{year}.txt").decode("ascii")
        for line in text.splitlines():
            name, sex, count = line.strip().split(",")
            entry = evidence[name.lower()]
            if sex == "F":
                entry.ssa_f += int(count)
            else:
                entry.ssa_m += int(count)
    return evidence


def read_nqg(git_dir: Path, evidence: dict[str, Evidence]) -> None:
    wheel = zipfile.ZipFile(io.BytesIO(git_show(git_dir, NQG_COMMIT, NQG_WHEEL)))
    data = json.loads(wheel.read(NQG_MEMBER))
    for name, (sources, count, pf, _taxonomy) in data.items():
        if re.fullmatch(r"[a-z]{2,}(?:-[a-z]{2,})*", name) and pf >= 0:
            entry = evidence[name]
            entry.nqg_sources, entry.nqg_count, entry.nqg_pf = int(sources), int(count), float(pf)


def read_surnames(git_dir: Path) -> dict[str, float]:
    """Per cent of the 1990 US population bearing each surname."""
    text = git_show(git_dir, CENSUS_COMMIT, CENSUS_FILE).decode("ascii")
    return {parts[0].lower(): float(parts[1]) for parts in (line.split() for line in text.splitlines()) if parts}


def read_words(git_dir: Path) -> tuple[frozenset[str], dict[str, int]]:
    scowl = gzip.decompress(git_show(git_dir, WORDS_COMMIT, SCOWL_FILE)).decode("latin-1")
    lower = frozenset(w for w in (line.strip() for line in scowl.splitlines()) if w and w == w.lower())
    web: dict[str, int] = {}
    for line in gzip.decompress(git_show(git_dir, WORDS_COMMIT, WEB_FILE)).decode("latin-1").splitlines():
        word, _, count = line.partition("\t")
        web.setdefault(word, int(count))
    return lower, web


def share(entry: Evidence, sex: str) -> tuple[float | None, float | None]:
    """The share of ``sex`` in the SSA and in the NQG, None where the source lacks the name."""
    ssa = (entry.ssa_f if sex == "F" else entry.ssa_m) / entry.ssa_total if entry.ssa_total else None
    nqg = (entry.nqg_pf if sex == "F" else 1 - entry.nqg_pf) if entry.nqg_count else None
    return ssa, nqg


def qualifies(entry: Evidence, sex: str) -> str | None:
    """Rules 1 and 2: "ssa" or "nqg" when the name is that sex's, else None."""
    ssa, nqg = share(entry, sex)
    if ssa is not None and entry.ssa_total >= CONTRA_MIN and ssa < CONTRA_SHARE:
        return None
    if nqg is not None and entry.nqg_count >= CONTRA_MIN and nqg < CONTRA_SHARE:
        return None
    if ssa is not None and entry.ssa_total >= SSA_MIN and ssa >= SHARE:
        return "ssa"
    if (nqg is not None and entry.nqg_count - entry.ssa_total >= NQG_MIN
            and entry.nqg_sources >= NQG_MIN_SOURCES and nqg >= SHARE):
        return "nqg"
    return None


def exclusion(key: str, entry: Evidence, surnames: dict[str, float], words: frozenset[str],
              web: dict[str, int], ssa_total: int, nqg_total: int) -> str | None:
    """Rule 3: why a qualifying name is left out, or None."""
    if key in EAST_ASIAN_SURNAMES:
        return "East Asian surname"
    if key in TITLES:
        return "title or honorific"
    if key in PLACEHOLDERS:
        return "placeholder or suffix"
    people = max(entry.ssa_total, entry.nqg_count)
    if len(key) >= 3 and key in words and web.get(key, 0) >= WORD_RATIO * people:
        return "common English word"
    first_share = max(100 * entry.ssa_total / ssa_total, 100 * entry.nqg_count / nqg_total)
    if surnames.get(key, 0.0) >= max(SURNAME_FLOOR, first_share):
        return "surname in the news"
    return None


def hand_contradicted(entry: Evidence, sex: str) -> bool:
    """Rule 4: a source with enough occurrences gives the listed sex less than two thirds."""
    ssa, nqg = share(entry, sex)
    return ((ssa is not None and entry.ssa_total >= HAND_MIN and ssa < HAND_SHARE)
            or (nqg is not None and entry.nqg_count >= HAND_MIN and nqg < HAND_SHARE))


def display(key: str) -> str:
    return "-".join(part.capitalize() for part in key.split("-"))


def build(ssa_dir: Path, nqg_dir: Path, census_dir: Path, words_dir: Path) -> Result:
    evidence = read_ssa(ssa_dir)
    ssa_total = sum(e.ssa_total for e in evidence.values())
    read_nqg(nqg_dir, evidence)
    nqg_total = sum(e.nqg_count for e in evidence.values())
    surnames = read_surnames(census_dir)
    words, web = read_words(words_dir)
    result = Result()
    for key in sorted(evidence):
        entry = evidence[key]
        for sex in ("F", "M"):
            source = qualifies(entry, sex) if len(key) >= 2 else None
            if source is None:
                continue
            reason = exclusion(key, entry, surnames, words, web, ssa_total, nqg_total)
            if reason is None:
                result.names[sex].add(display(key))
                result.by[sex][source] += 1
            else:
                result.excluded[reason].append(f"{display(key)} ({sex})")
    for sex, hand in (("F", HAND_FEMALE), ("M", HAND_MALE)):
        for name in hand:
            entry = evidence.get(fold(name), Evidence())
            if hand_contradicted(entry, sex):
                result.hand_dropped.append(f"{name} ({sex}: {describe(entry, sex)})")
                result.names[sex].discard(name)
                continue
            if name not in result.names[sex]:
                result.by[sex]["hand"] += 1
                reason = exclusion(fold(name), entry, surnames, words, web, ssa_total, nqg_total)
                if reason is not None and qualifies(entry, sex):
                    result.hand_excludable.append(f"{name} ({sex}, {reason})")
            result.names[sex].add(name)
    for reason, names in result.excluded.items():  # the hand-written ones among them were kept after all
        result.excluded[reason] = [n for n in names if n[:-4] not in result.names[n[-2]]]
    both = result.names["F"] & result.names["M"]
    if both:  # cannot happen with the rules above; guard the invariant all the same
        sys.exit(f"in both lists: {sorted(both)}")
    return result


def describe(entry: Evidence, sex: str) -> str:
    ssa, nqg = share(entry, sex)
    parts = []
    if ssa is not None:
        parts.append(f"SSA {ssa:.0%} of {entry.ssa_total:,}")
    if nqg is not None:
        parts.append(f"NQG {nqg:.0%} of {entry.nqg_count:,}")
    return ", ".join(parts) or "no data"


def sort_key(name: str) -> tuple[str, str]:
    return fold(name), name


def write(result: Result, out: Path, nqg: Path) -> None:
    # MIT asks for its notice beside the data derived from nomquamgender.
    (out / "LICENSE-nomquamgender").write_bytes(git_show(nqg, NQG_COMMIT, "LICENSE"))
    for sex, filename in (("F", "female_names.txt"), ("M", "male_names.txt")):
        lines = [HEADERS[sex], SOURCE_LINE, *sorted(result.names[sex], key=sort_key)]
        (out / filename).write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(result: Result) -> None:
    err = sys.stderr
    for sex in ("F", "M"):
        by = result.by[sex]
        print(f"{sex}: {len(result.names[sex])} names (SSA {by['ssa']}, NQG {by['nqg']}, hand-written only "
              f"{by['hand']})", file=err)
    print(f"hand-written entries dropped ({len(result.hand_dropped)}): {'; '.join(result.hand_dropped)}", file=err)
    print(f"hand-written entries kept although rule 3 would leave them out ({len(result.hand_excludable)}): "
          f"{'; '.join(result.hand_excludable)}", file=err)
    for reason in sorted(result.excluded):
        names = result.excluded[reason]
        print(f"left out, {reason} ({len(names)}): {', '.join(names)}", file=err)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ssa", type=Path, help=f"git directory of a snapshot of {SSA_REPO}")
    parser.add_argument("nqg", type=Path, help=f"git directory of a snapshot of {NQG_REPO}")
    parser.add_argument("census", type=Path, help=f"git directory of a snapshot of {CENSUS_REPO}")
    parser.add_argument("words", type=Path, help=f"git directory of a snapshot of {WORDS_REPO}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder of the two lists (default: %(default)s)")
    parser.add_argument("--report", action="store_true", help="print counts and every name left out on stderr")
    args = parser.parse_args(argv)
    result = build(args.ssa, args.nqg, args.census, args.words)
    write(result, args.out, args.nqg)
    if args.report:
        report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
