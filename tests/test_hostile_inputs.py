"""Hostile and broken inputs: each gives a named failure or skip with a one-line reason, never a traceback,
and the good articles around them are still built. Every text here is written for these tests."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
from kg.extract import read_doc
from kg.extract.marks import SpansAt, find_marked_spans
from kg.inputs import language_problem
from kg.iris import article_graph_iri
from kg.models import Article, ReadFailure
from kg.nlp import MAX_SENTENCE_TOKENS, parse
from kg.read import read_article, read_articles
from kg.resolve import resolve

ROOT = Path(__file__).resolve().parents[1]

GOOD = (
    "Ruritania rejects talks\n\n"
    "The government of Ruritania on Monday rejected an offer of talks from its neighbour, saying that the "
    "terms were unacceptable and the timing was wrong.\n\n"
    '"We will not negotiate under pressure," Prime Minister Anna Virtanen told reporters in the capital.\n'
)
FRENCH = (
    "Le gouvernement rejette les négociations\n\n"
    "Le gouvernement a annoncé lundi qu'il ne participerait pas aux négociations prévues la semaine "
    "prochaine à Genève. Selon le ministre des affaires étrangères, les conditions posées par les pays "
    "voisins sont inacceptables et la date choisie ne convient pas. Il a ajouté que la France restait "
    "ouverte au dialogue, mais que les sanctions devaient d'abord être levées.\n"
)
GERMAN = (
    "Die Regierung hat am Montag angekündigt, dass sie nicht an den für nächste Woche in Genf geplanten "
    "Verhandlungen teilnehmen wird. Nach Angaben des Außenministers sind die von den Nachbarländern "
    "gestellten Bedingungen nicht akzeptabel, und auch der Zeitpunkt sei falsch gewählt. Er fügte hinzu, "
    "dass Deutschland für den Dialog offen bleibe."
)
RUSSIAN = (
    "Правительство объявило в понедельник, что не будет участвовать в переговорах, запланированных на "
    "следующую неделю в Женеве."
)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ruritania rejects talks | Example News</title>
<meta property="og:title" content="Ruritania rejects talks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<h1>Ruritania rejects talks</h1>
<article>
<p>The government of Ruritania on Monday rejected an offer of talks from its neighbour, saying that the terms
were unacceptable and the timing was wrong.</p>
<p>"We will not negotiate under pressure," Prime Minister Anna Virtanen told reporters in the capital after a
cabinet meeting that lasted most of the day.</p>
<p>The foreign ministry said it would publish its own proposal next week.</p>
</article>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
<script>document.title = "hijacked"; alert("hijacked");</script>
</body></html>
"""
NO_MAIN_TEXT_PAGE = (
    '<!doctype html>\n<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav>'
    "<script>var tracking = 1;</script></body></html>"
)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", GOOD)
    return buffer.getvalue()


def long_paragraph(size: int) -> str:
    """A paragraph of ``size`` characters with commas and quotes but no sentence end."""
    phrases = [
        "the minister of defence told reporters in the capital that officials would meet again",
        "and Olaf Scholz warned that \u201cEurope must stand together\u201d against any threat",
        "while the United Nations urged both sides to respect the ceasefire agreed in Geneva",
        "but he added that sanctions would stay in place until the war ends",
    ]
    words: list[str] = []
    length = 0
    while length < size:
        phrase = phrases[len(words) % len(phrases)]
        words.append(phrase)
        length += len(phrase) + 2
    return ", ".join(words)[:size].rsplit(" ", 1)[0]


def read_one(tmp_path: Path, name: str, content: bytes, **options: int) -> Article | ReadFailure:
    path = tmp_path / name
    path.write_bytes(content)
    return read_article(path, **options)


# ---------------------------------------------------------------- binary files


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        pytest.param("report.txt", PDF, "binary file (PDF)", id="pdf"),
        pytest.param("photo.txt", PNG, "binary file (PNG image)", id="png"),
        pytest.param("bundle.txt", zip_bytes(), "binary file (zip archive, or a .docx, .xlsx, .odt or .epub document)",
                     id="zip"),
        pytest.param("scan.txt.gz", gzip.compress(PDF), "binary file (PDF)", id="gzip-of-pdf"),
        pytest.param("packed.txt", gzip.compress(GOOD.encode()), "binary file (gzip-compressed data)",
                     id="gzip-as-txt"),
        pytest.param("nul.txt", GOOD.encode()[:40] + b"\x00" + GOOD.encode()[40:], "binary file (contains NUL bytes)",
                     id="nul"),
        pytest.param("noise.txt", bytes(range(1, 32)) * 8 + GOOD.encode(),
                     "binary file (mostly non-text: 40% control bytes)", id="control-bytes"),
    ],
)
def test_binary_files_fail_with_their_kind(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    assert read_one(tmp_path, name, content) == ReadFailure(name, reason)


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("content", "note"),
    [
        pytest.param("Titl\u00e9 \u2014 \u20ac".encode("cp1252"), "decoded as Windows-1252: not valid UTF-8 "
                     "(byte 0xE9 at offset 4)", id="windows-1252"),
        # 0x81 is undefined in Windows-1252: only Latin-1 decodes it
        pytest.param("Titl\u00e9 \u0081".encode("latin-1"), "decoded as Latin-1: not valid UTF-8 "
                     "(byte 0xE9 at offset 4)", id="latin-1"),
        pytest.param("Titl\u00e9 \u2014 \u20ac".encode("utf-16"), "decoded as UTF-16 (it starts with a UTF-16 "
                     "byte order mark)", id="utf-16"),
    ],
)
def test_text_that_is_not_utf8_is_decoded_and_noted(tmp_path: Path, content: bytes, note: str) -> None:
    title = content.decode("utf-16") if content.startswith(b"\xff\xfe") else content.decode("latin-1")
    body = "\n\nThe minister said the talks would go on.".encode("utf-16-le" if "UTF-16" in note else "ascii")
    article = read_one(tmp_path, "old.txt", content + body)
    assert isinstance(article, Article)
    assert article.notes == (note,)
    assert article.title == (title if "Latin-1" in note or "UTF-16" in note else "Titl\u00e9 \u2014 \u20ac")
    assert [article.text[s:e] for s, e in article.body] == ["The minister said the talks would go on."]


def test_mojibake_is_repaired_and_noted(tmp_path: Path) -> None:
    text = "Budget row\n\nThe fund will cost \u00a35bn, the minister said. It\u2019s fair, she said.\n"
    broken = text.encode("utf-8").decode("cp1252").encode("utf-8")  # UTF-8 read as Windows-1252 once, saved again
    assert "\u00c2\u00a35bn" in broken.decode("utf-8") and "\u00e2\u20ac\u2122" in broken.decode("utf-8")

    article = read_one(tmp_path, "budget.txt", broken)

    assert isinstance(article, Article)
    assert article.text == text
    assert article.notes == ('repaired mojibake: text once decoded with the wrong encoding ("\u00c2\u00a3" for '
                             '"\u00a3", "\u00e2\u20ac\u2122" for "\u2019")',)


def test_clean_utf8_has_no_notes(tmp_path: Path) -> None:
    article = read_one(tmp_path, "clean.txt", GOOD.encode("utf-8"))
    assert isinstance(article, Article) and article.notes == ()


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(FRENCH, "not English (0% common English words; it looks French)", id="french"),
        pytest.param(GERMAN, "not English (0% common English words; it looks German)", id="german"),
        pytest.param(RUSSIAN, "not English (mostly Cyrillic letters)", id="russian"),
    ],
)
def test_text_that_is_not_english_is_skipped(tmp_path: Path, text: str, reason: str) -> None:
    assert read_one(tmp_path, "foreign.txt", text.encode()) == ReadFailure("foreign.txt", reason, status="skipped")


def test_english_with_foreign_names_and_a_foreign_quote_is_english() -> None:
    prose = (
        "President Emmanuel Macron told reporters in Paris that France would not give up, and he added: "
        "\u00abNous ne c\u00e9derons pas, jamais, ni aujourd'hui ni demain.\u00bb The Elys\u00e9e said that "
        "the talks with Moscow (\u041c\u043e\u0441\u043a\u0432\u0430) would go on after the summit."
    )
    assert language_problem(prose) is None
    assert language_problem("Le gouvernement a dit non.") is None  # too short to judge


# ---------------------------------------------------------------- size


def test_file_over_the_limit_is_skipped_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as stream:
        stream.truncate(10_000_000_000)  # sparse: reading it would take minutes
    started = time.perf_counter()
    assert read_article(huge) == ReadFailure("dump.txt", "too large: 10000 MB, over the 5 MB limit", status="skipped")
    assert time.perf_counter() - started < 5
    assert read_one(tmp_path, "small.txt", GOOD.encode(), max_bytes=100) == ReadFailure(
        "small.txt", f"too large: {len(GOOD.encode())} bytes, over the 100 bytes limit", status="skipped")


def test_gzip_is_decompressed_no_further_than_the_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    with bomb.open("wb") as stream:
        stream.write(compressor.compress(GOOD.encode()))
        for _ in range(200):  # 200 MB of spaces once decompressed
            stream.write(compressor.compress(b" " * 1_000_000))
        stream.write(compressor.flush())
    assert bomb.stat().st_size < 1_000_000

    tracemalloc.start()
    try:
        result = read_article(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result == ReadFailure("bomb.txt.gz", "too large: over the 5 MB limit once decompressed", status="skipped")
    assert peak < 30_000_000


def test_jsonl_line_over_the_limit_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD + "x" * 3000}, {"id": "c", "text": GOOD}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    items = list(read_articles([path], max_bytes=2000))

    assert [(type(i).__name__, i.source) for i in items] == [
        ("Article", "wire#a"), ("ReadFailure", "wire.jsonl:2"), ("Article", "wire#c")]
    reason = "too large: the line is over the 2,000 bytes limit"
    assert items[1] == ReadFailure("wire.jsonl:2", reason, status="skipped")


def test_text_over_what_spacy_takes_is_skipped(tmp_path: Path) -> None:
    prose = ("The minister said the talks would go on. " * 25_000).strip()  # 1,024,999 characters
    reason = "too long: 1,025,010 characters, over the 1,000,000 spaCy takes"
    assert read_one(tmp_path, "long.txt", f"Long read\n\n{prose}".encode()) == ReadFailure(
        "long.txt", reason, status="skipped")


# ---------------------------------------------------------------- a huge paragraph


def test_a_100000_character_paragraph_with_no_sentence_end_is_parsed_in_bounded_sentences(tmp_path: Path) -> None:
    paragraph = long_paragraph(100_000)
    article = read_one(tmp_path, "run-on.txt", f"Run-on\n\n{paragraph}\n".encode())
    assert isinstance(article, Article)
    assert "." not in paragraph and len(paragraph) > 99_900

    started = time.perf_counter()
    ((_, doc, body),) = parse([article])
    reading = read_doc(article, doc, body)
    extraction = resolve(reading)
    elapsed = time.perf_counter() - started

    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS
    assert len(list(doc.sents)) >= len(doc) // MAX_SENTENCE_TOKENS
    quotes = [s.quote for s in extraction.statements if s.direct]
    assert quotes and set(quotes) == {"Europe must stand together"}  # each quote is its own, not a run-on
    assert elapsed < 120  # about 5 s; without the bound, the extractors alone take minutes


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize("name", ["talks.html", "talks.htm", "talks.txt"])
def test_html_page_gives_its_main_text_and_title(tmp_path: Path, name: str) -> None:
    article = read_one(tmp_path, name, PAGE.encode())

    assert isinstance(article, Article)
    assert article.title == "Ruritania rejects talks"
    assert article.notes == ("HTML page: its main text was extracted (trafilatura)",)
    assert [article.text[s:e] for s, e in article.body] == [
        "The government of Ruritania on Monday rejected an offer of talks from its neighbour, saying that the "
        "terms were unacceptable and the timing was wrong.",
        '"We will not negotiate under pressure," Prime Minister Anna Virtanen told reporters in the capital '
        "after a cabinet meeting that lasted most of the day.",
        "The foreign ministry said it would publish its own proposal next week.",
    ]
    assert "hijacked" not in article.text and "Copyright" not in article.text and "Sport" not in article.text


def test_html_page_without_main_text_is_refused(tmp_path: Path) -> None:
    assert read_one(tmp_path, "home.html", NO_MAIN_TEXT_PAGE.encode()) == ReadFailure(
        "home.html", "HTML page with no main text to extract (trafilatura)", status="skipped")


# ---------------------------------------------------------------- quotation marks


@given(st.text(alphabet='"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e` .,!aW\n-(', max_size=60))
@settings(max_examples=500, deadline=None)
def test_spans_at_finds_exactly_the_quotations_holding_a_position(text: str) -> None:
    spans = find_marked_spans(text)
    spans_at = SpansAt(spans)
    for position in range(len(text) + 1):
        expected = [s for s in spans if s.open_start <= position < s.close_end]
        assert sorted(spans_at(position), key=id) == sorted(expected, key=id)


def test_marks_take_linear_time() -> None:
    for text in ('"a ' * 30_000, "\u2018a " * 30_000, 'He said "a b\u201d and \u2018c d\u2019. ' * 5_000):
        started = time.perf_counter()
        find_marked_spans(text)
        assert time.perf_counter() - started < 2  # 0.1 s; quadratic, it took minutes


# ---------------------------------------------------------------- a corpus of every kind, built by the CLI

BAD: dict[str, tuple[bytes, str, str]] = {  # name -> (content, status, reason)
    "empty.txt": (b"", "skipped", "empty file"),
    "blank.txt": (b"  \n\t\n\n", "skipped", "only whitespace"),
    "report.pdf.txt": (PDF, "failed", "binary file (PDF)"),
    "photo.txt": (PNG, "failed", "binary file (PNG image)"),
    "bundle.txt": (zip_bytes(), "failed", "binary file (zip archive"),
    "scan.txt.gz": (gzip.compress(PDF * 20), "failed", "binary file (PDF)"),
    "nul.txt": (b"Title\n\nSome \x00 text.", "failed", "binary file (contains NUL bytes)"),
    "french.txt": (FRENCH.encode(), "skipped", "not English (0% common English words; it looks French)"),
    "russian.txt": (RUSSIAN.encode(), "skipped", "not English (mostly Cyrillic letters)"),
    "home.html": (NO_MAIN_TEXT_PAGE.encode(), "skipped", "HTML page with no main text to extract"),
    "bomb.txt.gz": (gzip.compress(b" " * 6_000_000), "skipped", "too large: over the 5 MB limit once decompressed"),
    "headings.txt": (b"Summary\n- one\n- two\n", "skipped", "no prose after the title and boilerplate"),
}


def write_corpus(folder: Path) -> dict[str, str]:
    """Good articles of every kind mixed with bad inputs; returns the good ones' sources and titles."""
    folder.mkdir()
    for name, (content, _, _) in BAD.items():
        (folder / name).write_bytes(content)
    with (folder / "dump.txt").open("wb") as stream:
        stream.truncate(6_000_000)  # sparse, over the 5 MB limit
    good = {
        "good.txt": "Ruritania rejects talks",
        "page.html": "Ruritania rejects talks",
        "legacy.txt": "Caf\u00e9 talks in Geneva",
        "mojibake.txt": "Budget row",
        "run-on.txt": "Run-on",
        "wire#1": "Wire report",
    }
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(
        "Caf\u00e9 talks in Geneva\n\nThe envoys met at a caf\u00e9 and said the talks were \u201cuseful\u201d.\n"
        .encode("cp1252"))
    (folder / "mojibake.txt").write_text(
        "Budget row\n\nThe fund will cost \u00c2\u00a35bn, the minister said.\n", encoding="utf-8")
    (folder / "run-on.txt").write_text(f"Run-on\n\n{long_paragraph(100_000)}\n", encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "1", "title": "Wire report", "text": "Estonia backs the pipeline, its prime minister said."})
        + "\n" + '{"text": "unterminated\n', encoding="utf-8")
    return good


def test_corpus_of_every_bad_kind_reads_every_good_article_and_names_every_bad_one(tmp_path: Path) -> None:
    good = write_corpus(tmp_path / "in")

    items = list(read_articles([tmp_path / "in"]))

    articles = {i.source: i for i in items if isinstance(i, Article)}
    failures = {i.source: i for i in items if isinstance(i, ReadFailure)}
    assert {source: a.title for source, a in articles.items()} == good
    assert articles["legacy.txt"].notes[0].startswith("decoded as Windows-1252")
    assert articles["mojibake.txt"].notes[0].startswith("repaired mojibake")
    assert "\u00a35bn" in articles["mojibake.txt"].text
    expected = {name: (status, reason) for name, (_, status, reason) in BAD.items()}
    expected["dump.txt"] = ("skipped", "too large: 6 MB, over the 5 MB limit")
    expected["wire.jsonl:2"] = ("failed", "invalid JSON")
    assert set(failures) == set(expected)
    for name, (status, reason) in expected.items():
        assert failures[name].status == status, failures[name]
        assert failures[name].reason.startswith(reason), failures[name]
        assert "\n" not in failures[name].reason


def test_kg_build_on_the_corpus_exits_1_without_a_traceback(tmp_path: Path) -> None:
    good = write_corpus(tmp_path / "in")

    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
         "--format", "ttl,nq", "-q", "-j", "2"],
        capture_output=True, text=True, timeout=600, cwd=ROOT, check=False,
    )

    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.splitlines()
    for name, (_, _, reason) in BAD.items():
        assert any(name in line and reason in line for line in lines), (name, run.stderr)
    assert any("dump.txt" in line and "too large" in line for line in lines), run.stderr
    graph = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    sources = {str(o) for o in graph.objects(None, rdflib.DCTERMS.source)}
    assert set(good) <= sources
    assert not sources & set(BAD)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    entries = {entry["source"]: entry for entry in report["inputs"]}
    for name, (_, status, reason) in BAD.items():
        assert entries[name]["status"] == status and entries[name]["reason"].startswith(reason), entries[name]
    assert {name for name, entry in entries.items() if entry["status"] == "built"} == set(good)
    # every good article whole: its named graph is the one it gets when built on its own
    built = pyoxigraph.Store()
    built.load(path=tmp_path / "out" / "graph.nq", format=pyoxigraph.RdfFormat.N_QUADS)
    for name in ("good.txt", "page.html", "legacy.txt", "mojibake.txt"):
        alone = kg.build([tmp_path / "in" / name], None, jobs=1)
        graph = pyoxigraph.NamedNode(article_graph_iri(alone.articles[0]))
        expected_quads = {q for q in alone.quads if q.graph_name == graph}
        assert expected_quads and set(built.quads_for_pattern(None, None, None, graph)) == expected_quads, name
