"""Bad input: each bad file gives one clear LoadError (file, line, reason); the rest still loads."""

from __future__ import annotations

import json
import os
from pathlib import Path

from supplytrace.model import Document
from supplytrace.pipeline import ingest
from supplytrace.sources import MAX_BYTES, iter_documents
from supplytrace.sources.base import LoadError
from supplytrace.store import Store

GOOD = ("Minsk Wheel Tractor Plant builds chassis for missile launchers, a report says.\n\n"
        "The plant ships its vehicles to Russia by rail.\n")
RUSSIAN = ("Минский завод «Интеграл» выпускает микросхемы двойного назначения. "
           "По данным разведки, МЗКТ поставляет шасси для ракетных комплексов.\n")


def load(*paths: Path) -> list[Document | LoadError]:
    return list(iter_documents(list(paths)))


def only_error(items: list[Document | LoadError]) -> LoadError:
    assert len(items) == 1 and isinstance(items[0], LoadError), items
    return items[0]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    err = only_error(load(tmp_path / "empty.txt"))
    assert err.source.endswith("empty.txt") and "empty" in err.reason


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.md").write_text("\n   \n\t\n")
    assert "empty" in only_error(load(tmp_path / "blank.md")).reason


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    err = only_error(load(tmp_path / "image.txt"))
    assert "binary" in err.reason and err.source.endswith("image.txt")


def test_cp1251_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    (doc,) = load(path)
    assert isinstance(doc, Document)
    assert "«Интеграл»" in doc.text and "МЗКТ" in doc.text
    assert doc.language == "ru"


def test_truncated_html(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><head><title>Plant news</title></head><body><article><h1>Plant news</h1>"
            "<p>The Legmash plant in Orsha makes rocket casings, according to a monitoring group that")
    (tmp_path / "cut.html").write_text(page)
    err = only_error(load(tmp_path / "cut.html"))
    assert "truncated" in err.reason and err.source.endswith("cut.html")


def test_html_without_article_text(tmp_path: Path) -> None:
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no article text" in only_error(load(tmp_path / "nav.html")).reason


def test_file_over_size_limit_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: takes no disk space, never read
        fh.truncate(MAX_BYTES + 1)
    err = only_error(load(big))
    assert "limit" in err.reason and "MB" in err.reason


def test_jsonl_bad_line_names_line_and_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"text": GOOD, "title": "one"}), "{not json at all", "",
             json.dumps(["a", "list"]), json.dumps({"title": "no body"}),
             json.dumps({"text": GOOD.replace("rail", "road"), "published": "2025-03-06T10:00:00Z"})]
    path.write_text("\n".join(lines) + "\n")
    items = load(path)
    errors = [i for i in items if isinstance(i, LoadError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:6"]
    assert docs[1].published == "2025-03-06"
    assert [e.line for e in errors] == [2, 4, 5]
    assert "not valid JSON" in errors[0].reason and str(errors[0]).startswith(f"{path}:2: ")
    assert "JSON object" in errors[1].reason
    assert "'text' or 'html'" in errors[2].reason


def test_missing_path(tmp_path: Path) -> None:
    err = only_error(load(tmp_path / "nope.md"))
    assert "no such file" in err.reason


def test_bad_front_matter(tmp_path: Path) -> None:
    (tmp_path / "fm.md").write_text("---\ntitle: [unclosed\n---\n\nBody text of the article goes here.\n")
    assert "front matter" in only_error(load(tmp_path / "fm.md")).reason


def test_batch_with_every_bad_kind_still_ingests_the_good_ones(tmp_path: Path, store: Store) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "cut.html").write_text("<html><body><p>The plant makes")
    with (tmp_path / "huge.md").open("wb") as fh:
        fh.truncate(MAX_BYTES + 10)
    page = f"<html><body><article><p>{GOOD} Second item.</p></article></body></html>"
    (tmp_path / "dump.jsonl").write_text("oops\n" + json.dumps({"html": page}) + "\n")
    report = ingest([tmp_path], store, resolve=False)
    failed = {Path(e.source).name + (f":{e.line}" if e.line else "") for e in report.failed}
    assert failed == {"empty.txt", "bin.txt", "cut.html", "huge.md", "dump.jsonl:1"}
    assert len(report.ingested) == 3
    assert store.count_documents() == 3


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions are not enforced
            return
        assert "cannot read" in only_error(load(path)).reason
    finally:
        path.chmod(0o644)


def test_jsonl_oversized_line_is_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    from supplytrace.sources.jsonl import iter_jsonl

    path = tmp_path / "dump.jsonl"
    huge = json.dumps({"text": "word " * 5000})
    path.write_text(json.dumps({"text": GOOD}) + "\n" + huge + "\n" + json.dumps({"text": GOOD + " Two."}) + "\n")
    items = list(iter_jsonl(path, line_limit=4096))
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    assert isinstance(items[1], LoadError) and items[1].line == 2 and "limit" in items[1].reason
    assert items[2].source == f"{path}:3"


def test_jsonl_over_file_limit_is_streamed_not_refused(tmp_path: Path) -> None:
    """The size limit is per line for JSONL: a big dump is streamed, only the oversized line fails."""
    path = tmp_path / "dump.jsonl"
    first = json.dumps({"text": GOOD + " " + "Padding words here. " * 600}) + "\n"
    path.write_text(first)
    with path.open("r+b") as fh:  # sparse tail: one endless line of NUL bytes past 50 MB
        fh.truncate(len(first) + MAX_BYTES + 4096)
    items = load(path)
    assert isinstance(items[0], Document)
    assert isinstance(items[1], LoadError) and items[1].line == 2 and "limit" in items[1].reason
    assert len(items) == 2


def test_empty_jsonl_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n  \n")
    assert "empty" in only_error(load(tmp_path / "e.jsonl")).reason
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "photo.jpg").write_bytes(b"\xff\xd8")
    assert "no article files" in only_error(load(tmp_path / "nothing")).reason


def test_unsupported_binary_given_by_name(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\x01")
    err = only_error(load(tmp_path / "report.pdf"))
    assert "binary" in err.reason and ".txt .md .html .jsonl" in err.reason
