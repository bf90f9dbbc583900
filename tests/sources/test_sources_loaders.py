"""Loaders on their own: front matter, HTML metadata, JSONL items, folders, dates, junk rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supplytrace.model import Document
from supplytrace.sources import iter_documents, iter_files
from supplytrace.sources.base import LoadError
from supplytrace.sources.common import normalise_date
from supplytrace.sources.junk import strip_junk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"

BODY = ("Belarus supplies artillery shells to Russia, a Latvian report says. The plant in Orsha "
        "makes rocket casings for Grad launchers. ")


def docs(*paths: Path) -> list[Document]:
    items = list(iter_documents(list(paths)))
    assert all(isinstance(i, Document) for i in items), items
    return items  # type: ignore[return-value]


def test_markdown_front_matter_and_syntax(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Shells from Orsha\nsource: Example Weekly\nurl: https://x.example/a\n"
                    "date: 2025-03-06\nlang: en\n---\n\n# Heading here\n\nThe **Legmash** plant makes\n"
                    "casings for [Grad](https://x.example/grad) rockets, says *BelPol*.\n")
    (doc,) = docs(path)
    assert (doc.title, doc.outlet, doc.url, doc.published, doc.language) == (
        "Shells from Orsha", "Example Weekly", "https://x.example/a", "2025-03-06", "en")
    assert "The Legmash plant makes casings for Grad rockets, says BelPol." in doc.text
    assert "#" not in doc.text and "](" not in doc.text and "**" not in doc.text


def test_same_text_same_id_across_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": BODY + "\n"}) + "\n")
    a, b = docs(tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert a.id == b.id and b.source == f"{tmp_path / 'b.jsonl'}:1"


def test_sample_html_page(tmp_path: Path) -> None:
    (doc,) = docs(EXAMPLES / "06-integral-chip-exports.html")
    assert doc.title and doc.title.startswith("Integral chips shipped")
    assert doc.outlet == "Sample Defence Monitor" and doc.published == "2025-09-03"
    assert doc.url and doc.url.startswith("https://")
    assert "$130 million" in doc.text and "OJSC Planar" in doc.text
    for junk in ("Advertisement", "premium newsletter", "coffee prices", "Comments", "waste of time",
                 "become a member", "Cookie", "Share on"):
        assert junk not in doc.text
    assert "Why coffee prices keep climbing in Europe" in doc.removed


def test_jsonl_html_item_keeps_given_metadata(tmp_path: Path) -> None:
    page = "<html><body><nav>Home</nav><article><h1>Head</h1><p>" + BODY * 3 + "</p></article></body></html>"
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"html": page, "title": "Given", "date": "March 6, 2025", "outlet": "Wire"}) + "\n")
    (doc,) = docs(path)
    assert (doc.title, doc.published, doc.outlet) == ("Given", "2025-03-06", "Wire")
    assert "Home" not in doc.text


def test_folder_is_walked_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_text(BODY)
    (tmp_path / "sub" / "two.md").write_text(BODY + "Two.")
    (tmp_path / "sub" / "deeper" / "three.htm").write_text(f"<html><body><p>{BODY} Three.</p></body></html>")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(BODY + "Hidden.")
    (tmp_path / "README.md").write_text("About this folder.")
    names = [p.name for p in iter_files(tmp_path)]
    assert names == ["one.txt", "three.htm", "two.md"]  # sorted by path: stable order
    assert len(docs(tmp_path)) == 3


def test_sample_corpus_loads_completely() -> None:
    items = list(iter_documents([EXAMPLES]))
    assert not [i for i in items if isinstance(i, LoadError)]
    assert 8 <= len(items) <= 12
    languages = {i.language for i in items if isinstance(i, Document)}
    assert languages == {"en", "ru"}
    ru = next(i for i in items if isinstance(i, Document) and i.language == "ru")
    assert "«Интеграл»" in ru.text and "МЗКТ" in ru.text and "«Легмаш»" in ru.text


@pytest.mark.parametrize(("raw", "expected"), [
    ("2025-03-06", "2025-03-06"), ("2025-03-06T10:00:00+02:00", "2025-03-06"), ("2025-03", "2025-03"),
    ("2025", "2025"), (2025, "2025"), ("March 6, 2025", "2025-03-06"), ("6 March 2025", "2025-03-06"),
    ("Tuesday, February 24, 2026", "2026-02-24"), ("March 2025", "2025-03"), ("06.03.2025", "2025-03-06"),
    ("24/02/2026", "2026-02-24"), ("02/24/2026", "2026-02-24"), ("03/06/2025", "2025"),
    ("2025-02-30", None), ("soon", None), ("", None), (None, None),
])
def test_normalise_date(raw: object, expected: str | None) -> None:
    assert normalise_date(raw) == expected


ARTICLE = [
    "Plant expands shell output",
    "",
    "The plant in Orsha makes rocket casings, a monitoring group says. It has hired 300 workers.",
    "",
    "Among the projects listed:",
    "",
    "  • A chip workshop in Minsk is scheduled to open in December and reach full output next year.",
    "",
    "  • An optics line is due to start in August, according to the same report.",
    "",
    "Officials say donations from abroad did not fund the plant, and we have no reason to doubt it.",
    "",
    "“We support you and will keep doing so,” the minister told his Russian guests.",
    "",
    "The group says the site will assemble 152 mm shells with explosive filling by 2027.",
]


def test_junk_rules_keep_article_bullets_and_mid_text_mentions() -> None:
    out = strip_junk("\n".join(ARTICLE))
    for line in ARTICLE:
        assert line.strip() in out.text
    assert out.removed == []
    assert out.title == "Plant expands shell output"


def test_junk_rules_strip_tail_blocks() -> None:
    page = ARTICLE + [
        "", "Advertisement", "", "Related", "", "Please support our newsroom: your donation keeps us going.",
        "  •  ", "", "Celebrity opens new bakery", "", "Short standfirst about a bakery.", "  •  ", "",
        "Storms expected this weekend", "", "© Someone for Example Photo Agency", "  •  ",
    ]
    out = strip_junk("\n".join(page))
    assert out.text.rstrip().endswith("by 2027.")
    assert "bakery" in "\n".join(out.removed)


def test_comments_header_cuts_the_comment_thread() -> None:
    out = strip_junk("\n".join(ARTICLE + ["12 Comments", "Alice", "So true.", "Bob", "Fake news."]))
    assert "Alice" not in out.text and "Fake news." not in out.text
    assert out.text.rstrip().endswith("by 2027.")


def test_bulleted_teaser_headlines_near_the_end_are_removed() -> None:
    teasers = ["• Ten tips for a better garden this spring", "• Local team wins the regional cup final",
               "• New museum opens its doors in the old town"]
    out = strip_junk("\n".join(ARTICLE + ["", *teasers]))
    assert not any(t in out.text for t in teasers)
    assert "Among the projects listed:" in out.text


def test_copyright_line_names_the_outlet() -> None:
    out = strip_junk("\n".join(ARTICLE + ["", "Copyright © 2025 Example Daily News, Inc. All rights reserved."]))
    assert out.outlet == "Example Daily News"
    assert "Copyright" not in out.text


def test_reading_a_page_twice_gives_the_same_document() -> None:
    """trafilatura's cross-document dedup cache must not eat paragraphs on a second read."""
    path = EXAMPLES / "06-integral-chip-exports.html"
    (first,), (second,) = docs(path), docs(path)
    assert first.id == second.id and first.text == second.text


def test_story_list_after_a_related_header_is_removed() -> None:
    others = ["Ten tips for a better garden this spring", "Local team wins the regional cup final"]
    out = strip_junk("\n".join(["Latest news", "", *ARTICLE, "", "Related stories", *others]))
    assert out.title == "Plant expands shell output"
    assert not any(o in out.text for o in others) and "Related stories" not in out.text
    assert out.text.rstrip().endswith("by 2027.")


def test_dateline_gives_the_date_and_is_not_article_text() -> None:
    out = strip_junk("\n".join(["Plant expands shell output", "", "Published: 6 March 2025, 10:32", "", *ARTICLE[2:]]))
    assert out.published == "2025-03-06"
    assert "Published" not in out.text


def test_long_byline_and_published_line_under_the_title_give_the_date() -> None:
    byline = "By Nadia Orlova and Erik Lindqvist, The Caspian Ledger — March 9, 2026"
    out = strip_junk("\n".join(["Plant expands shell output", "", byline, "", *ARTICLE[2:]]))
    assert out.published == "2026-03-09"
    release = ["Ministry sanctions three suppliers", "Press release", "Published 12 February 2026", "", *ARTICLE[2:]]
    assert strip_junk("\n".join(release)).published == "2026-02-12"


def test_bare_bullet_teaser_groups_without_an_appeal() -> None:
    teasers = ["  •  ", "Celebrity opens new bakery downtown", "A short standfirst about the bakery.",
               "  •  ", "Storms expected this weekend", "Forecasters warn of strong winds."]
    out = strip_junk("\n".join(ARTICLE + ["", "— Advertisement —", "", "[Ad]", "", *teasers]))
    assert out.text.rstrip().endswith("by 2027.")
    assert "bakery" not in out.text and "Advertisement" not in out.text and "[Ad]" not in out.text


def test_share_buttons_breadcrumbs_and_russian_furniture() -> None:
    page = ["Home > World > Europe", "Facebook", "Twitter", "Telegram", "Reading time: 4 min", "",
            *ARTICLE, "", "Реклама", "", "Читайте также: Новый завод открылся в Минске", "",
            "12 комментариев", "Иван", "Интересно."]
    out = strip_junk("\n".join(page))
    assert out.text.strip().startswith("Plant expands shell output")
    assert out.text.rstrip().endswith("by 2027.")
    assert all(line.strip() in out.text for line in ARTICLE)


def test_russian_article_lines_are_kept() -> None:
    article = ["Завод «Интеграл» расширяет выпуск микросхем, сообщает разведка.", "",
               "Фотографии со спутника показывают новый цех", "",
               "Новый цех планируют открыть в декабре 2025 года.", "", "Фото: пресс-служба завода"]
    out = strip_junk("\n".join(article))
    assert all(line in out.text for line in article[:5])
    assert "Фото:" not in out.text


def test_quoted_plea_and_mid_article_appeal_keep_the_article() -> None:
    quote = "“Help us keep the plant running,” the director told workers at a meeting in Orsha."
    box = "Support our journalism: your donation keeps this newsroom independent."
    more = [f"Further paragraph {n} says the plant shipped {n * 1000} shells to Russian depots last year, "
            "according to records seen by the monitoring group and confirmed by two former staff." for n in (1, 2, 3)]
    out = strip_junk("\n".join([*ARTICLE, "", quote, "", box, "", *more]))
    assert quote in out.text and all(m in out.text for m in more)
    assert box not in out.text and out.removed == [box]


def test_bullet_dinkus_between_article_sections_is_not_a_teaser_list() -> None:
    section = [f"Section paragraph {n}: the plant in Orsha delivered more casings this quarter than last, "
               "the monitoring group reported, citing rail waybills and satellite images." for n in range(1, 6)]
    text = [*ARTICLE, "", "•", "", *section[:3], "", "•", "", *section[3:]]
    out = strip_junk("\n".join(text))
    assert all(p in out.text for p in section)


@pytest.mark.parametrize("header, outlet, published", [
    (["The Harbour Gazette", "By Ines Varga", "3 May 2026"], "The Harbour Gazette", "2026-05-03"),
    (["Steppe Policy Notes | Analysis | 11 June 2025"], "Steppe Policy Notes", "2025-06-11"),
    (["Interview by Tom Reed | Foundry Weekly | 2 April 2026"], "Foundry Weekly", "2026-04-02"),
    (["Kama Herald (translated from Russian), 9 March 2026"], "Kama Herald", "2026-03-09"),
    (["Northern Watch daily digest, 1 July 2026"], "Northern Watch", "2026-07-01"),
    (["PRESS RELEASE", "Ministry of Trade of Atlantis", "Wednesday, October 14, 2026"],
     "Ministry of Trade of Atlantis", "2026-10-14"),
    (["Opinion | Baltic Supply Institute (BSI)", "Ilse Marken, research fellow | 2 March 2026"],
     "Baltic Supply Institute", "2026-03-02"),
    (["Radio Polesie - Local News", "Friday, March 13, 2026, 7:30 p.m."], "Radio Polesie", "2026-03-13"),
    (["Harbour Business Daily - Courts", "11/23/2026 | 9:05 AM EST | By Dana Ruiz"], "Harbour Business Daily",
     "2026-11-23"),
    (["Lakeside Review", "Issue 12 - 04/05/2026 - Words by Ana Lisk"], "Lakeside Review", "2026"),
    (["Nordic Steel Forum", "Aino Rebane and Tom Wren, May 2026"], "Nordic Steel Forum", "2026-05"),
    (["Baltic Metals Forum", "Ilse Marken, senior fellow, 20th January 2026"], "Baltic Metals Forum", "2026-01-20"),
    (["Fjord Ledger - Comment", "4 March, 2026 | Sigrid Haugen"], "Fjord Ledger", "2026-03-04"),
])
def test_header_lines_give_the_outlet_and_date(header: list[str], outlet: str, published: str) -> None:
    out = strip_junk("\n".join(["Plant expands shell output", *header, "", *ARTICLE[2:]]))
    assert (out.outlet, out.published) == (outlet, published)
    assert "The plant in Orsha makes rocket casings" in out.text


def test_a_standfirst_under_the_headline_leaves_the_outlet_and_date_lines_below_it_as_header() -> None:
    header = ["Plant expands shell output", "In Orsha, a works that once made tractor parts now turns out casings.",
              "The Lowland Weekly - Reportage", "Issue of 3-9 May 2026 | By Ina Vogt"]
    out = strip_junk("\n".join([*header, "", *ARTICLE[2:]]))
    assert (out.outlet, out.published) == ("The Lowland Weekly", "2026-05")
    assert "The plant in Orsha makes rocket casings" in out.text


def test_wire_dateline_gives_the_agency_and_date() -> None:
    first = "MINSK, Jan 14, 2025 (Eastern Wire) - The plant in Orsha makes rocket casings, a group says."
    out = strip_junk("\n".join(["Plant expands shell output", "", first, "", *ARTICLE[4:]]))
    assert (out.outlet, out.published) == ("Eastern Wire", "2025-01-14")
    assert out.text.startswith("Plant expands shell output") and "MINSK, Jan 14" in out.text


def test_a_headline_or_a_byline_alone_is_no_outlet() -> None:
    out = strip_junk("\n".join(["With factories frozen, the regime becomes a ghost manufacturer", "By Ines Varga",
                                "", *ARTICLE[2:]]))
    assert out.outlet is None
