"""The evidence site (data/site/): every coded span of an article highlighted, correctly nested, with its row; pages
generated from the published tables only, deterministic, escaped against hostile text; and the same pages in a real
headless Chromium (Debian's chromium and chromium-driver through Selenium), skipped, saying why, where it is missing."""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scripts.build import build
from scripts.core.registry import load_schema
from scripts.publish.site import KINDS, Node, nest, page_name, published_tables, render, write_site
from scripts.tools.site_screenshot import missing_browser, open_chromium

from .conftest import ROOT, SEED
from .hostile import add_source, copy_repo
from .package_checks import published

SITE = ROOT / "data" / "site"
SCRIPT = "<script>window.pwned=true</script>"
IMAGE = "<img src=x onerror=window.pwned=window>"
HOSTILE_ID = "hostile-script"
HOSTILE_TEXT = f"Officials read the note “{SCRIPT}” aloud in Astana.\nA banner said {IMAGE} & more."
HOSTILE_ANNOTATIONS = f"""mentions:
  astana: [Astana]
events:
  - id: hostile-note-read
    summary: {json.dumps("Officials read a note: " + SCRIPT)}
    evidence: Officials read the note
    status: happened
    date: "2023-03-01"
    date_precision: day
    date_basis: {json.dumps("Given for the test </dl>" + SCRIPT)}
    coding_note: {json.dumps("No code applies " + SCRIPT)}
    notes: {json.dumps("<b>bold</b> " + SCRIPT)}
quotes:
  - id: q-hostile-script
    kind: scare
    text: {json.dumps(SCRIPT)}
    attribution: read the note
    date_basis: Not dated.
    notes: {json.dumps(SCRIPT)}
sentence_notes:
  - evidence: {json.dumps("A banner said " + IMAGE + " & more")}
    reason: a test sentence.
"""


class Marks(HTMLParser):
    """The <mark> elements inside <div id="text">: each with its kind, row, classes and the characters it covers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.position, self.text = 0, 0, []
        self.open: list[dict] = []
        self.marks: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("id") == "text":
            self.inside = 1
        elif self.inside and tag == "mark":
            self.open.append({**attrs, "classes": attrs["class"].split(), "start": self.position})
        elif self.inside:
            raise AssertionError(f"unexpected element <{tag}> in the article's text")

    def handle_endtag(self, tag):
        if self.inside and tag == "mark":
            mark = self.open.pop()
            self.marks.append({**mark, "end": self.position})
        elif self.inside and tag == "div":
            self.inside = 0

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)
            self.position += len(data)


def parse(path: Path) -> Marks:
    parser = Marks()
    parser.feed(path.read_text(encoding="utf-8"))
    assert not parser.open, "unclosed <mark>"
    return parser


def expected_spans(tables: dict[str, list[dict]], source_id: str) -> dict[str, set[tuple[int, int, str]]]:
    """Per kind, the (start, end, row key) of every span the published rows of one article give."""
    found = defaultdict(set)
    for kind in KINDS:
        for row in tables[kind.table]:
            if row.get("source_id") == source_id and row.get(kind.field) is not None:
                key = "/".join(str(row[k]) for k in load_schema(kind.table)["primaryKey"])
                found[kind.name].add((row[f"{kind.field}_start"], row[f"{kind.field}_end"], key))
    return found


def covered(marks: list[dict]) -> dict[tuple[str, str], set[int]]:
    """The characters each (kind, row) covers, over all its fragments."""
    chars = defaultdict(set)
    for mark in marks:
        chars[(mark["data-kind"], mark["data-row"])] |= set(range(mark["start"], mark["end"]))
    return chars


# --- the committed pages ------------------------------------------------------------------------------------------


def test_seed_article_page_holds_the_whole_text_and_highlights_every_span_by_kind():
    tables = published(ROOT)
    text = (ROOT / tables["sources"][0]["path"]).read_text(encoding="utf-8")
    page = parse(SITE / "articles" / f"{SEED}.html")
    assert "".join(page.text) == text
    expected = expected_spans(tables, SEED)
    chars = covered(page.marks)
    for kind in KINDS:
        firsts = [m for m in page.marks if m["data-kind"] == kind.name and "cont" not in m["classes"]]
        assert all(f"k-{kind.name}" in m["classes"] for m in firsts)
        assert len(firsts) == len(expected[kind.name]) == len({m["data-row"] for m in firsts}), kind.name
        spans = sorted((min(c), max(c) + 1) for (k, _), c in chars.items() if k == kind.name)
        assert spans == sorted((start, end) for start, end, _ in expected[kind.name]), kind.name
        assert all(c == set(range(min(c), max(c) + 1)) for (k, _), c in chars.items() if k == kind.name)
    claims = [row for row in tables["claims"] if row["source_id"] == SEED]
    for sub, claim_kind in (("k-date", "date"), ("k-amount", "number")):
        marked = {m["data-row"] for m in page.marks if sub in m["classes"]}
        assert len(marked) == sum(row["kind"] == claim_kind for row in claims) >= 1


def test_every_highlighted_span_has_its_row_card_with_table_and_key():
    html = (SITE / "articles" / f"{SEED}.html").read_text(encoding="utf-8")
    page = parse(SITE / "articles" / f"{SEED}.html")
    for row in {m["data-row"] for m in page.marks}:
        card = re.search(rf'<article class="row[^"]*" id="{re.escape(row)}" data-table="([a-z_]+)"><h3>', html)
        assert card, row
        assert row.startswith(card.group(1) + "-")
    for mention in (r for r in published(ROOT)["mentions"] if r["source_id"] == SEED):
        assert f"<code>{mention['mention_id']}</code>" in html


def test_site_is_what_the_published_tables_give(tmp_path):
    """Regenerated from data/*.parquet and the texts at sources[].path: byte for byte the committed site."""
    tables, texts = published_tables(ROOT)
    write_site(tmp_path / "site", tables, texts, ROOT)
    assert tree_digest_of(tmp_path / "site") == tree_digest_of(SITE)


def tree_digest_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_tables_in_another_order_give_the_same_bytes(tmp_path):
    tables, texts = published_tables(ROOT)
    shuffled = {name: random.Random(7).sample(rows, len(rows)) for name, rows in tables.items()}
    write_site(tmp_path / "a", tables, texts, ROOT)
    write_site(tmp_path / "b", shuffled, dict(reversed(list(texts.items()))), ROOT)
    assert tree_digest_of(tmp_path / "a") == tree_digest_of(tmp_path / "b")
    assert not re.search(rb"20\d\d-\d\d-\d\dT\d\d:", b"".join(tree_digest_of(tmp_path / "a").values()))


def test_pages_need_no_network_and_no_external_asset():
    for path in sorted(SITE.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html
        for link in re.findall(r'(?:src|href)="([^"]*)"', html):
            assert not re.match(r"[a-z]+:|//", link), (path.name, link)
            target = (path.parent / link.split("#")[0]).resolve()
            assert not link.split("#")[0] or target.exists(), (path.name, link)


def test_every_event_has_its_page_with_all_its_reports_and_quotes():
    tables = published(ROOT)
    for event in tables["events"]:
        html = (SITE / "events" / f"{event['event_id']}.html").read_text(encoding="utf-8")
        reports = [r for r in tables["reports"] if r["event_id"] == event["event_id"]]
        quotes = [q for q in tables["quotes"] if q["event_id"] == event["event_id"]]
        assert html.count('<article class="report">') == len(reports) >= 1
        assert html.count('<article class="quote">') == len(quotes)
        for row in reports + quotes:
            evidence = row.get("evidence") or row["text"]
            assert f'">{escape(evidence)}</mark>' in html


def escape(text: str) -> str:
    import html

    return html.escape(text)


def test_page_names_refuse_anything_but_an_id():
    assert page_name("blinken-visits-kazakhstan") == "blinken-visits-kazakhstan.html"
    for bad in ("../index", "a/b", "<script>", "A", "", "abc\n"):
        with pytest.raises(ValueError):
            page_name(bad)


def test_site_is_in_the_release_but_not_among_the_descriptors_resources():
    from scripts.tools.release import files_of

    bundled = {path.relative_to(ROOT).as_posix() for path in files_of(ROOT)}
    pages = {f"data/site/{p.relative_to(SITE).as_posix()}" for p in SITE.rglob("*") if p.is_file()}
    assert {"data/site/index.html", f"data/site/articles/{SEED}.html", "data/site/site.js"} <= pages <= bundled
    html = (SITE / "articles" / f"{SEED}.html").read_text(encoding="utf-8")
    [text_file] = re.findall(r'href="\.\./\.\./\.\./([^"]+)">the text file', html)
    assert text_file in bundled  # the link to the article's text works unzipped
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert not [r["path"] for r in descriptor["resources"] if r["path"].startswith("data/site")]


def test_readme_shows_the_screenshot_and_says_how_to_open_the_pages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Read the evidence", 1)[1].split("\n## ", 1)[0]
    assert "](docs/site-seed-article.png)" in section and "data/site/index.html" in section
    assert (ROOT / "docs" / "site-seed-article.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


# --- nesting -------------------------------------------------------------------------------------------------------


def marks_of(text: str, spans: list[tuple[int, int, str]]) -> Marks:
    nodes = [
        Node(start, end, KINDS[i % len(KINDS)].name, ref, (f"k-{KINDS[i % len(KINDS)].name}",), True)
        for i, (start, end, ref) in enumerate(spans)
    ]
    parser = Marks()
    parser.feed(f'<div id="text">{render(text, nest(nodes, len(text)), 0, len(text))}</div>')
    assert not parser.open
    return parser


def test_crossing_spans_are_split_and_equal_spans_nest():
    page = marks_of("abcdefghijklmnop", [(0, 10, "a"), (5, 15, "b"), (5, 15, "c"), (2, 4, "d")])
    assert "".join(page.text) == "abcdefghijklmnop"
    parts = sorted((m["data-row"], m["start"], m["end"], "cont" in m["classes"]) for m in page.marks)
    assert parts == [
        ("a", 0, 10, False),
        ("b", 5, 10, False),
        ("b", 10, 15, True),
        ("c", 5, 10, False),
        ("c", 10, 15, True),
        ("d", 2, 4, False),
    ]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), max_size=12))
def test_any_spans_nest_into_well_formed_marks_covering_exactly_their_characters(pairs):
    text = "0123456789<>&\"'abcdefghijklmnopqrstuvwxyz"
    spans = [(start, min(start + length, len(text)), f"r{i}") for i, (start, length) in enumerate(pairs)]
    page = marks_of(text, spans)
    assert "".join(page.text) == text
    chars = covered(page.marks)
    for start, end, ref in spans:
        assert chars[(next(m["data-kind"] for m in page.marks if m["data-row"] == ref), ref)] == set(range(start, end))
        assert sum("cont" not in m["classes"] for m in page.marks if m["data-row"] == ref) == 1


# --- hostile text --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A copy of the repository with an article, a title and notes holding <script> and an <img onerror>, built."""
    root = copy_repo(tmp_path_factory.mktemp("hostile-site") / "repo")
    add_source(HOSTILE_ID, HOSTILE_TEXT, HOSTILE_ANNOTATIONS)(root)
    metadata = root / "sources" / "articles" / HOSTILE_ID / "metadata.yaml"
    text = metadata.read_text(encoding="utf-8").replace("title: A test article", f"title: {json.dumps(SCRIPT)}")
    metadata.write_text(text + f"notes: {json.dumps(IMAGE)}\n", encoding="utf-8")
    build(root, out=lambda line: None)
    return root


def test_hostile_text_is_shown_as_text_in_every_page(hostile):
    site = hostile / "data" / "site"
    pages = [site / "index.html", site / "articles" / f"{HOSTILE_ID}.html", site / "events" / "hostile-note-read.html"]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert SCRIPT not in html and "<b>" not in html and "<img src=x" not in html, path.name
        assert "&lt;script&gt;window.pwned=true&lt;/script&gt;" in html, path.name
        assert re.findall(r"<script[^>]*>", html) in ([], ['<script src="../site.js">']), path.name
    page = parse(site / "articles" / f"{HOSTILE_ID}.html")
    assert "".join(page.text) == HOSTILE_TEXT
    assert {m["data-kind"] for m in page.marks} == {"report", "attribution", "quote", "mention"}


# --- in a real browser ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    reason = missing_browser()
    if reason:
        pytest.skip(f"browser test skipped: {reason}; CI (.ci/run) installs them")
    with open_chromium() as driver:
        yield driver


def visit(driver, path: Path) -> None:
    driver.get_log("browser")  # forget what earlier pages logged
    driver.get(path.resolve().as_uri())


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


MARKS_IN_VIEW = """
return Array.from(document.querySelectorAll('#text mark')).map(function (m) {
  var style = getComputedStyle(m), box = m.getBoundingClientRect();
  return {kind: m.dataset.kind, row: m.dataset.row, cont: m.classList.contains('cont'),
          visible: m.getClientRects().length > 0 && box.width > 0 && box.height > 0 && style.visibility === 'visible'
                   && style.display !== 'none' && parseFloat(style.borderBottomWidth) >= 2
                   && style.borderBottomColor !== 'rgba(0, 0, 0, 0)'};
});"""


def test_browser_shows_every_span_of_the_seed_article_highlighted(browser):
    visit(browser, SITE / "articles" / f"{SEED}.html")
    marks = browser.execute_script(MARKS_IN_VIEW)
    expected = expected_spans(published(ROOT), SEED)
    for kind in KINDS:
        firsts = [m for m in marks if m["kind"] == kind.name and not m["cont"]]
        assert len(firsts) == len(expected[kind.name]), kind.name
    assert marks and all(m["visible"] for m in marks), [m for m in marks if not m["visible"]][:3]
    assert console_errors(browser) == []


def panel_tables(driver) -> list[tuple[str, str]]:
    return [
        (card.get_attribute("data-table"), card.find_element("css selector", "h3 code").text)
        for card in driver.find_elements("css selector", "#panel-rows article.row")
    ]


def test_browser_hover_click_and_keyboard_focus_show_the_row(browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    visit(browser, SITE / "articles" / f"{SEED}.html")
    mentions = browser.find_elements("css selector", "#text mark.k-mention")
    mention = next(m for m in mentions if m.text == "Anthony Blinken")
    ActionChains(browser).move_to_element(mention).perform()
    shown = panel_tables(browser)
    assert shown[0] == ("mentions", f"{SEED}:34-49")  # the innermost row first
    assert ("claims", "name-antony-blinken") in shown  # and the claim that encloses it
    quote = browser.find_element("css selector", "#text mark.k-quote")
    quote.click()
    assert ("quotes", "q-blinken-supports-sovereignty") in panel_tables(browser)
    assert browser.execute_script("return arguments[0].contains(document.activeElement)", quote) is True
    ActionChains(browser).send_keys(Keys.TAB).perform()  # the keyboard moves to the next span
    focused = browser.switch_to.active_element
    assert focused.tag_name == "mark" and focused != quote and focused.get_attribute("tabindex") == "0"
    assert panel_tables(browser)[0][0] == focused.get_attribute("data-row").rsplit("-", 1)[0]
    assert console_errors(browser) == []


def test_browser_index_and_event_pages_load_without_console_errors(browser):
    visit(browser, SITE / "index.html")
    assert (
        browser.execute_script(
            "var i = document.querySelector('figure.timeline img');return i.complete && i.naturalWidth > 0"
        )
        is True
    )
    assert len(browser.find_elements("css selector", "a[href^='events/']")) == len(published(ROOT)["events"])
    assert console_errors(browser) == []
    visit(browser, SITE / "events" / "blinken-meets-tileuberdi.html")
    assert len(browser.find_elements("css selector", "article.quote blockquote mark.k-quote")) == 2
    assert console_errors(browser) == []


def test_browser_does_not_run_a_script_in_an_article(browser, hostile):
    for page in (f"articles/{HOSTILE_ID}.html", "events/hostile-note-read.html", "index.html"):
        visit(browser, hostile / "data" / "site" / page)
        assert browser.execute_script("return window.pwned === undefined") is True, page
        assert SCRIPT in browser.find_element("tag name", "body").text, page
        assert console_errors(browser) == [], page
    visit(browser, hostile / "data" / "site" / "articles" / f"{HOSTILE_ID}.html")
    assert browser.find_elements("css selector", "#text img, #text script, #text b") == []
    assert browser.find_element("id", "text").text == HOSTILE_TEXT
