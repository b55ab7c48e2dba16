"""The build pipeline: worker processes change nothing in the output, order is kept, progress on stderr."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest

import kg.pipeline
from kg import parse_article
from kg.cli import main
from kg.pipeline import Progress, build, count_inputs, extract_articles

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "ankara": (
        "Ministers meet in Ankara\n\n"
        'Turkish Foreign Minister Hakan Fidan hosted Sergei Lavrov on Monday. "We discussed the grain '
        'corridor at length," Fidan said.\n'
    ),
    "brussels": (
        "NATO chief warns on spending\n\n"
        'NATO Secretary General Mark Rutte said on Tuesday that allies must spend more. "Europe has to '
        'do more for its own defence," Rutte told reporters in Brussels.\n'
    ),
    "beijing": (
        "China rejects criticism\n\n"
        'China criticised the United States over new tariffs. "This is bullying," a foreign ministry '
        "spokesperson said, adding that Beijing would respond.\n"
    ),
    "kyiv": (
        "Zelensky appeals for air defence\n\n"
        'Ukrainian President Volodymyr Zelensky urged Germany to send more air defence systems. "We need '
        'them now," Zelensky said. Berlin said it would consider the request.\n'
    ),
    "paris": (
        "Macron calls for talks\n\n"
        'French President Emmanuel Macron called on Russia and Ukraine to resume talks. "Diplomacy is '
        'the only way," Macron said in Paris on Friday.\n'
    ),
}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Small batches, so that a handful of articles is spread over several batches and workers."""
    monkeypatch.setattr(kg.pipeline, "BATCH_SIZE", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_two_processes_write_the_same_bytes_as_one(corpus: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in (1, 2):
        result = build([corpus, ROOT / "seeds"], tmp_path / f"out{jobs}", formats=("ttl", "nq"), jobs=jobs)
        assert len(result.articles) == len(ARTICLES) + 1 and not result.failures
        outputs[jobs] = [path.read_bytes() for path in result.written]
    assert outputs[1] == outputs[2]
    assert b"Rutte" in outputs[2][0] and b"Zelensky" in outputs[2][0]


def test_processes_keep_the_input_order() -> None:
    articles = [parse_article(text, f"{name}.txt") for name, text in ARTICLES.items()]
    articles += [parse_article(ARTICLES["paris"], f"copy-{i}.txt") for i in range(3)]
    extractions = list(extract_articles(reversed(articles), jobs=2, batch_size=1))
    assert [e.article.id for e in extractions] == [a.id for a in reversed(articles)]
    assert all(pickle.loads(pickle.dumps(e)) == e for e in extractions)


def test_a_bad_input_is_still_named_with_two_processes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00 not text \x81")
    code = main(["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "ttl", "--jobs", "2", "--quiet"])
    captured = capsys.readouterr()
    assert code == 1
    assert "bad.txt: not English" in captured.err and "Traceback" not in captured.err  # read as UTF-16: CJK
    assert f"{len(ARTICLES)} articles" in captured.out
    assert "words/s" in captured.out


def test_progress_goes_to_stderr_and_quiet_silences_it(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "ttl", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert f"kg build: {len(ARTICLES)}/{len(ARTICLES)} articles" in captured.err
    assert "kg build:" not in captured.out and "articles/s" in captured.out
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "ttl", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert f"{len(ARTICLES)} articles" in captured.out


def test_progress_lines_plain_and_live() -> None:
    plain = io.StringIO()
    meter = Progress(plain, 4, interval=0, live=False)
    meter.update()
    meter.update()
    line = plain.getvalue().splitlines()[-1]
    assert line.startswith("kg build: 2/4 articles,") and "articles/s" in line and "ETA" in line
    live = io.StringIO()
    meter = Progress(live, None, interval=0, live=True)
    meter.update(3)
    meter.close()
    assert live.getvalue().startswith("\rkg build: 3 articles,") and "\n" not in live.getvalue()
    assert live.getvalue().endswith("\r\x1b[K")


def test_progress_total_counts_article_files_and_gives_up_on_json_lines(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "sub/c.txt.gz", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert count_inputs([tmp_path, tmp_path / "notes.md"]) == 4  # a file named on its own is read whatever its name
    (tmp_path / "wire.jsonl").write_text("{}", encoding="utf-8")
    assert count_inputs([tmp_path]) is None  # one article per line: not known without reading
