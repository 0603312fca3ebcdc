"""Reading articles: every input shape, every bad record reported with where and why."""

from __future__ import annotations

import io
import json
import logging
import os
from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.io import atomic_write, clean_text, read_articles, read_jsonl, write_jsonl
from graphbuild.model import Article, RecordError


def _split(items: list[Article | RecordError]) -> tuple[list[Article], list[RecordError]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, RecordError)]


def test_txt_file_id_is_stem(tmp_path: Path) -> None:
    (tmp_path / "a-1.txt").write_text("Germany met France.", encoding="utf-8")
    (article,) = read_articles([tmp_path / "a-1.txt"])
    assert isinstance(article, Article)
    assert (article.id, article.text) == ("a-1", "Germany met France.")


def test_directory_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "b/y.txt", "c.txt", "a.txt"):
        (tmp_path / name).write_text(f"text of {name}", encoding="utf-8")
    sources = [a.source for a in read_articles([tmp_path]) if isinstance(a, Article)]
    assert sources == [str(tmp_path / n) for n in ("a.txt", "b/y.txt", "b/z.txt", "c.txt")]


def test_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    row = {"id": "x1", "text": "Some text.", "title": "T", "date": "2022-01-20", "url": "http://e", "source": "BBC"}
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    (article,) = read_articles([path])
    assert article == Article(id="x1", text="Some text.", title="T", date="2022-01-20", url="http://e", source="BBC")


def test_numeric_id_becomes_string(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": 7, "text": "x"}\n', encoding="utf-8")
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert article.id == "7"


def test_stdin() -> None:
    stream = io.StringIO('{"id": "s1", "text": "Hello there."}\n')
    (article,) = read_articles(["-"], stdin=stream)
    assert isinstance(article, Article)
    assert article.id == "s1"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": ', "malformed JSON"),
        ('{"id": "a"}', "no 'text' field"),
        ('{"id": "a", "text": 5}', "'text' is int"),
        ('{"text": "no id"}', "no usable 'id'"),
        ('{"id": "a", "text": "   "}', "empty article"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_bad_json_lines_name_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "fine"}\n' + line + "\n", encoding="utf-8")
    articles, errors = _split(list(read_articles([path])))
    assert [a.id for a in articles] == ["ok"]
    (error,) = errors
    assert (error.source, error.line) == (str(path), 2)
    assert reason in error.reason


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "one"}\n{"id": "a", "text": "two"}\n', encoding="utf-8")
    articles, errors = _split(list(read_articles([path])))
    assert [a.text for a in articles] == ["one"]
    assert "duplicate article id 'a'" in errors[0].reason


def test_empty_binary_and_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text(" \n\t", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG")
    articles, errors = _split(list(read_articles([tmp_path])))
    assert articles == []
    reasons = sorted(e.reason.split(" ")[0] for e in errors)
    assert reasons == ["binary", "empty", "empty", "unsupported"]


def test_non_utf8_falls_back_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="graphbuild.io")
    (tmp_path / "cp.txt").write_bytes("Caf\xe9 owner sued Nestl\xe9.".encode("latin-1"))
    (article,) = read_articles([tmp_path / "cp.txt"])
    assert isinstance(article, Article)
    assert article.text == "Café owner sued Nestlé."
    assert "not valid UTF-8" in caplog.text


def test_mojibake_is_repaired() -> None:
    assert clean_text("It cost Â£5m and Britainâ€™s share") == "It cost £5m and Britain’s share"


def test_missing_path_raises() -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        list(read_articles(["/nonexistent/articles.jsonl"]))


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old", encoding="utf-8")

    def killed_mid_write() -> None:
        with atomic_write(path) as handle:
            handle.write("new")
            raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        killed_mid_write()
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_jsonl_round_trip(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [{"a": 1, "b": "é"}, {"a": 2}]
    assert write_jsonl(tmp_path / "r.jsonl", rows) == 2
    assert [r for _, r in read_jsonl(tmp_path / "r.jsonl")] == rows


def test_whitespace_only_article_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text('{"id": "w", "text": " \\n "}\n', encoding="utf-8")
    records = list(read_articles([tmp_path]))
    assert [(type(r).__name__, getattr(r, "kind", "")) for r in records] == [("RecordError", "empty file"),
                                                                            ("RecordError", "empty article")]


def test_an_empty_jsonl_file_is_an_error_like_an_empty_txt_file(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n \n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    records = list(read_articles([tmp_path]))
    assert [(r.kind, r.reason) for r in records if isinstance(r, RecordError)] == [
        ("empty file", "empty file: no article in it")] * 2


def test_unreadable_files_in_a_directory_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Germany criticised France.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("Spain praised Italy.", encoding="utf-8")
    locked.chmod(0o000)
    try:
        records = list(read_articles([tmp_path]))
    finally:
        locked.chmod(0o600)
    errors = [r for r in records if isinstance(r, RecordError)]
    assert [r.id for r in records if isinstance(r, Article)] == (["good"] if os.geteuid() else ["good", "locked"])
    assert any("gone.txt" in e.source and "cannot read file" in e.reason for e in errors)
    if os.geteuid():  # root reads any file
        assert any("locked.txt" in e.source for e in errors)


def test_a_misencoded_apostrophe_is_mended() -> None:
    assert clean_text("Mr Blair&#191;s government") == "Mr Blair’s government"
    assert clean_text("¿Qué pasa?") == "¿Qué pasa?"
