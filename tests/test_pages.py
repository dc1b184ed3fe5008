"""The evidence site's page cache: a page taken from .build-cache/ is byte for byte the page drawn afresh, whatever
changed since it was stored, and a change in one article draws again only the pages that show something of it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from scripts.build import build
from scripts.publish.pages import page_keys
from scripts.publish.site import make_site, published_tables, write_site

from .conftest import SEED
from .hostile import copy_repo
from .test_many_articles import REGIONAL, WIRE, add_fixture_articles


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> tuple[Path, dict[str, list[dict]], dict[str, str]]:
    root = add_fixture_articles(copy_repo(tmp_path_factory.mktemp("pages") / "repo"))
    build(root, out=lambda line: None)
    tables, texts = published_tables(root)
    return root, tables, texts


def site_files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def keys(root: Path, tables: dict, texts: dict) -> dict[str, str]:
    site = make_site(tables, texts, root)
    return page_keys(site.tables, site.texts, site.title)


def first(rows: list[dict], **match) -> dict:
    return next(row for row in rows if all(row[k] == v for k, v in match.items()))


def rename_actor(tables: dict) -> None:
    first(tables["actors"], actor_id="antony-blinken")["name"] = "A. Blinken (renamed)"


def new_summary_of_a_seed_event_the_wire_reports(tables: dict) -> None:
    wire_events = {row["event_id"] for row in tables["reports"] if row["source_id"] == WIRE}
    seed_event = next(row for row in tables["events"] if row["event_id"] in wire_events and row["source_id"] == SEED)
    seed_event["summary"] += " (summary changed)"


def new_title_of_the_wire(tables: dict) -> None:
    first(tables["sources"], source_id=WIRE)["title"] += " (title changed)"


def new_verb_of_a_wire_quote(tables: dict) -> None:
    first(tables["quotes"], source_id=WIRE)["reporting_verb"] = "insisted"


CHANGES = [rename_actor, new_summary_of_a_seed_event_the_wire_reports, new_title_of_the_wire, new_verb_of_a_wire_quote]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_a_page_from_the_cache_is_the_page_drawn_afresh(three, tmp_path, change):
    root, tables, texts = three
    cache = tmp_path / "cache"
    write_site(tmp_path / "before", tables, texts, root, cache=cache)
    changed = copy.deepcopy(tables)
    change(changed)
    write_site(tmp_path / "fresh", changed, texts, root)
    write_site(tmp_path / "cached", changed, texts, root, cache=cache)
    assert site_files(tmp_path / "cached") == site_files(tmp_path / "fresh")
    assert site_files(tmp_path / "fresh") != site_files(tmp_path / "before")


def test_one_changed_article_draws_again_only_its_page_and_its_events(three):
    root, tables, texts = three
    changed = copy.deepcopy(tables)
    new_verb_of_a_wire_quote(changed)
    before, after = keys(root, tables, texts), keys(root, changed, texts)
    redrawn = {path for path in before if before[path] != after[path]}
    wire_events = {
        f"events/{row['event_id']}.html"
        for name in changed
        for row in changed[name]
        if row.get("source_id") == WIRE and row.get("event_id")
    }
    assert f"articles/{WIRE}.html" in redrawn
    assert redrawn <= {f"articles/{WIRE}.html"} | wire_events
    assert f"articles/{SEED}.html" not in redrawn and f"articles/{REGIONAL}.html" not in redrawn
    assert len(redrawn) < len(before) / 2


def test_a_damaged_cache_entry_is_drawn_again(three, tmp_path):
    root, tables, texts = three
    cache = tmp_path / "cache"
    write_site(tmp_path / "first", tables, texts, root, cache=cache)
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:-20] + b"<script>x</script>")
    write_site(tmp_path / "again", tables, texts, root, cache=cache)
    assert site_files(tmp_path / "again") == site_files(tmp_path / "first")


def test_an_unchanged_published_page_is_linked_and_a_page_edited_by_hand_is_written_anew(three, tmp_path):
    root, tables, texts = three
    published = tmp_path / "published"
    write_site(published, tables, texts, root)
    edited = published / "articles" / f"{WIRE}.html"
    edited.write_bytes(edited.read_bytes().replace(b"<body>", b"<body><p>edited by hand</p>"))
    write_site(tmp_path / "next", tables, texts, root, earlier=published)
    same = published / "articles" / f"{SEED}.html"
    assert (tmp_path / "next" / "articles" / f"{SEED}.html").stat().st_ino == same.stat().st_ino
    assert (tmp_path / "next" / "articles" / f"{WIRE}.html").stat().st_ino != edited.stat().st_ino
    write_site(tmp_path / "fresh", tables, texts, root)
    assert site_files(tmp_path / "next") == site_files(tmp_path / "fresh")


def test_a_page_the_record_vouches_for_is_linked_unread_and_any_other_is_drawn_or_read(three, tmp_path, monkeypatch):
    """With the record of the last site staged, a published page of the same key is linked without reading the cache
    or the page; a page edited since (its file no longer the recorded one) and a changed page are not taken."""
    import scripts.publish.site as site

    root, tables, texts = three
    drawn: list[str] = []
    draw = site.article_page
    monkeypatch.setattr(site, "article_page", lambda s, source: (drawn.append(source["source_id"]), draw(s, source))[1])
    cache, published = tmp_path / "cache" / "pages", tmp_path / "published"
    write_site(published, tables, texts, root, cache=cache)
    for entry in cache.iterdir():  # were an entry read, the damaged one would be drawn again: nothing to read here
        entry.write_bytes(b"damaged")
    edited = published / "articles" / f"{WIRE}.html"
    edited.write_bytes(edited.read_bytes().replace(b"<body>", b"<body><p>edited by hand</p>"))
    changed = copy.deepcopy(tables)
    first(changed["events"], source_id=REGIONAL)["summary"] += " (edited)"
    written = tmp_path / "next"
    drawn.clear()
    write_site(written, changed, texts, root, cache=cache, earlier=published)
    assert SEED not in drawn and {WIRE, REGIONAL} <= set(drawn)  # every entry is damaged: drawn, or taken unread
    same = f"articles/{SEED}.html"
    assert (written / same).stat().st_ino == (published / same).stat().st_ino
    assert (written / "articles" / f"{WIRE}.html").stat().st_ino != edited.stat().st_ino
    write_site(tmp_path / "fresh", changed, texts, root)
    assert site_files(written) == site_files(tmp_path / "fresh")


def test_the_record_gives_each_staged_page_its_true_size_and_sha256(three, tmp_path):
    """The journal takes a staged page's SHA-256 from the record while the file's status is the recorded one: the
    record must be true of every page, drawn or linked, and a page changed since is read again."""
    import hashlib

    from scripts.publish.journal import file_record
    from scripts.publish.pages import staged_pages

    root, tables, texts = three
    cache = tmp_path / "cache" / "pages"
    write_site(tmp_path / "published", tables, texts, root, cache=cache)
    changed = copy.deepcopy(tables)
    first(changed["events"], source_id=REGIONAL)["summary"] += " (edited)"
    site = tmp_path / "next"
    write_site(site, changed, texts, root, cache=cache, earlier=tmp_path / "published")
    known = staged_pages(cache, site)
    assert len(known) == sum(1 for folder in ("articles", "events") for _ in (site / folder).iterdir())
    for path, (_, item) in known.items():
        data = Path(path).read_bytes()
        assert item == {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    page = Path(next(iter(known)))
    page.write_bytes(page.read_bytes() + b"<!-- changed -->")
    assert file_record(page, dict(known)) == {
        "bytes": page.stat().st_size,
        "sha256": hashlib.sha256(page.read_bytes()).hexdigest(),
    }
