"""The evidence site: static HTML pages, under data/site/, to read each article with every coded span highlighted.

    write_site(folder, tables, texts, root)            (the build calls it from scripts/publish/staging.py)
    python -m scripts.publish.site [--root DIR] --out DIR   (the same pages from a published package's files)

- index.html: the timeline (../timeline.svg), the articles and the events;
- articles/<source_id>.html: the article's full text, every span of the tables highlighted by kind (nested where
  spans nest; a span that crosses another is split into fragments, each carrying its row), and the row each span
  became, shown on hover, click or keyboard focus (site.js) and listed below the text (without JavaScript too);
- events/<event_id>.html: the event, each source's report of it (evidence in context, status and date as that
  source gives them), its quotations, and the claims and vote statements about it.

Generated from the published tables only (the columns of schemas/, the article texts at sources[].path),
deterministic (sorted, no timestamps: the same tables give the same bytes), every text HTML-escaped, no network
and no external asset at view time (a Content-Security-Policy allows only the site's own files)."""

from __future__ import annotations

import argparse
import functools
import hashlib
import heapq
import html
import itertools
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.registry import ID_PATTERN, TABLES, field_names, load_schema, package_meta
from ..core.repo import ROOT
from .pages import cached_pages, link_page, page_keys, record_pages, record_path, unchanged_pages, write_page

ASSETS = Path(__file__).resolve().parent / "site_assets"
ASSET_FILES = ("site.css", "site.js")
CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'"
MAX_CONTEXT = 280  # characters of the paragraph kept on each side of an evidence span on the event pages
MAX_HEIGHT = 6  # nesting levels told apart by the underlines' spacing (site.css: .h0 … .h6)


@dataclass(frozen=True)
class Kind:
    """One kind of highlighted span: the rows of `table`, at the offsets of their `field`."""

    name: str
    table: str
    field: str
    label: str


# Outer kinds first: where two spans are equal, the earlier kind encloses the later.
KINDS = (
    Kind("report", "reports", "evidence", "event evidence (a report)"),
    Kind("claim", "claims", "evidence", "claim checked against the record"),
    Kind("border", "borders", "evidence", "border statement"),
    Kind("vote", "vote_statements", "evidence", "vote statement"),
    Kind("attribution", "quotes", "attribution", "quote attribution"),
    Kind("quote", "quotes", "text", "quotation"),
    Kind("mention", "mentions", "text", "actor mention"),
)
RANK = {kind.name: index for index, kind in enumerate(KINDS)}
CLAIM_SUBKINDS = {
    "date": ("date", "date (a claim of kind date)"),  # claims.kind -> class, label
    "number": ("amount", "amount (a claim of kind number)"),
}
SPANNED = tuple(dict.fromkeys(kind.table for kind in KINDS))


@dataclass
class Node:
    """A highlighted element: one span, or one fragment of a span that crosses another; children nest inside."""

    start: int
    end: int
    kind: str
    ref: str
    classes: tuple[str, ...]
    first: bool
    children: list[Node] = field(default_factory=list)

    def height(self) -> int:
        """Levels of nesting below this element (0 for an element with no children)."""
        return 1 + max((child.height() for child in self.children), default=-1)


@dataclass(frozen=True)
class Site:
    """The published tables, restricted to their schemas' columns, and what the pages look up in them."""

    tables: dict[str, list[dict]]
    texts: dict[str, str]
    title: str
    fields: dict[str, list[str]]
    keys: dict[str, list[str]]
    events: dict[str, dict]
    actors: dict[str, dict]
    votes: dict[tuple[str, str], dict]
    rows: dict[str, dict[str, list[tuple[str, dict]]]] = field(default_factory=dict)
    of_source: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # table -> source_id -> rows
    of_event: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # table -> event_id -> rows
    sources: dict[str, dict] = field(default_factory=dict)
    anchors: dict[int, str] = field(default_factory=dict)  # id() of a row -> its card's anchor

    def rows_of(self, source_id: str) -> dict[str, list[tuple[str, dict]]]:
        """An article's rows with their anchors (article_rows), worked out when a page first needs them."""
        if source_id not in self.rows:
            self.rows[source_id] = article_rows(self, source_id)
            self.anchors.update({id(row): anchor for rows in self.rows[source_id].values() for anchor, row in rows})
        return self.rows[source_id]

    def anchor(self, source_id: str, table: str, row: dict) -> str:
        """The id of a row's card on its article's page."""
        self.rows_of(source_id)
        return self.anchors[id(row)]


def grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    """Rows by the value of one field, each group in the rows' order."""
    groups = defaultdict(list)
    for row in rows:
        groups[row.get(key)].append(row)
    return groups


def esc(value: object) -> str:
    """Text for HTML, elements and quoted attributes alike."""
    return html.escape(show(value), quote=True)


def show(value: object) -> str:
    """A cell as a person reads it: ISO dates, true/false, floats as Python writes them, nothing for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def page_name(identifier: str) -> str:
    """The file name of an article's or event's page; ids are checked so no name can leave its folder."""
    if not ID_PATTERN.fullmatch(identifier):
        raise ValueError(f"{identifier!r} is not an id (lower-case letters, digits and hyphens)")
    return f"{identifier}.html"


def make_site(tables: dict[str, list[dict]], texts: dict[str, str], root: Path) -> Site:
    """The published tables restricted to their schemas' columns and sorted by primary key, with lookups."""
    schemas = {name: load_schema(name, root) for name in TABLES if name in tables}
    fields = {name: field_names(schema) for name, schema in schemas.items()}
    published = {name: [{f: row.get(f) for f in fields[name]} for row in tables[name]] for name in schemas}
    keys = {
        name: schema["primaryKey"] if isinstance(schema["primaryKey"], list) else [schema["primaryKey"]]
        for name, schema in schemas.items()
    }
    for name in published:
        published[name].sort(key=lambda row, k=keys[name]: tuple(show(row[f]) for f in k))
    site = Site(
        published,
        dict(texts),
        package_meta(root)["title"],
        fields,
        keys,
        events={row["event_id"]: row for row in published.get("events", [])},
        actors={row["actor_id"]: row for row in published.get("actors", [])},
        votes={(row["resolution_symbol"], row["iso3"]): row for row in published.get("votes", [])},
    )
    site.of_source.update({name: grouped(rows, "source_id") for name, rows in published.items()})
    site.of_event.update({name: grouped(rows, "event_id") for name, rows in published.items()})
    site.sources.update({row["source_id"]: row for row in published["sources"]})
    return site


def write_site(
    folder: Path,
    tables: dict[str, list[dict]],
    texts: dict[str, str],
    root: Path = ROOT,
    cache: Path | None = None,
    earlier: Path | None = None,
) -> list[Path]:
    """Write the site into folder (created; it must not hold files already). With `cache` (a folder), the article and
    event pages whose content is unchanged come from there, and with `earlier` (the published site) a file whose
    bytes are unchanged is linked rather than written again (scripts/publish/pages.py).
    Returns the files written, sorted."""
    site = make_site(tables, texts, root)
    drawers = {}
    for source in site.tables["sources"]:
        drawers[f"articles/{page_name(source['source_id'])}"] = functools.partial(article_page, site, source)
    for event in site.tables["events"]:
        drawers[f"events/{page_name(event['event_id'])}"] = functools.partial(event_page, site, event)
    keys = page_keys(site.tables, site.texts, site.title) if cache is not None else {}
    taken = unchanged_pages(cache, keys, earlier) if cache is not None and earlier is not None else {}
    if cache is not None:
        record_path(cache).unlink(missing_ok=True)  # no record outlives the site it describes: written once staged
    if cache is None:
        pages = {path: draw() for path, draw in drawers.items()}
    else:
        pages, _ = cached_pages(cache, keys, lambda path: drawers[path](), taken)
    pages["index.html"] = index_page(site)
    for name in ASSET_FILES:
        pages[name] = (ASSETS / name).read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty: the site is written into a fresh folder")
    written, digests = [], dict(taken)
    for relative in sorted(pages.keys() | taken.keys()):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if relative in taken:
            link_page(path, earlier / relative)
        else:
            data = pages[relative].encode("utf-8")
            write_page(path, data, earlier / relative if earlier else None)
            digests[relative] = hashlib.sha256(data).hexdigest()
        written.append(path)
    if cache is not None:
        record_pages(cache, keys, folder, digests)
    return written


# --- the pages' frame -----------------------------------------------------------------------------------------------


def page(title: str, prefix: str, body: str, script: bool = False) -> str:
    """A complete HTML document; prefix leads from the page's folder to the site's root ("" or "../")."""
    tail = f'<script src="{prefix}site.js"></script>\n' if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<title>{esc(title)}</title>\n<link rel="stylesheet" href="{prefix}site.css">\n</head>\n'
        f"<body>\n{body}{tail}</body>\n</html>\n"
    )


def nav(prefix: str) -> str:
    """The link back to the index."""
    return f'<nav><a href="{prefix}index.html">← All articles and events</a></nav>\n'


def article_href(prefix: str, source_id: str, anchor: str = "") -> str:
    """The link to an article's page, optionally to one of its anchors."""
    return f"{prefix}articles/{page_name(source_id)}" + (f"#{anchor}" if anchor else "")


def event_href(prefix: str, event_id: str) -> str:
    """The link to an event's page."""
    return f"{prefix}events/{page_name(event_id)}"


def text_file_href(path: str | None) -> str | None:
    """The article's text file, relative to an article page (data/site/articles/): only a plain relative path."""
    if not path:
        return None
    parts = PurePosixPath(path).parts
    if PurePosixPath(path).is_absolute() or ".." in parts or ":" in path:
        return None
    return "../../../" + "/".join(html.escape(part, quote=True) for part in parts)


# --- index ----------------------------------------------------------------------------------------------------------


def index_page(site: Site) -> str:
    """The index: the timeline, the articles and the events."""
    body = [
        f"<header><h1>{esc(site.title)}</h1>\n<p>Every row of the package is tied to the exact words of its "
        "source. Open an article to read it with every coded passage highlighted, or an event to compare what "
        "each source says about it.</p></header>\n<main>\n"
    ]
    body.append(
        '<section><h2>Timeline</h2>\n<figure class="timeline"><a href="../timeline.svg">'
        '<img src="../timeline.svg" alt="The events of the package on one date axis (data/timeline.svg)">'
        "</a>\n<figcaption>The events on one date axis, drawn by the build (<code>data/timeline.svg</code>)."
        "</figcaption></figure></section>\n"
    )
    body.append(articles_table(site))
    body.append(events_table(site))
    body.append("</main>\n")
    return page(site.title, "", "".join(body))


def articles_table(site: Site) -> str:
    """One line per article: title, date, outlet and its rows per spanned table."""
    counts = {name: Counter(row.get("source_id") for row in site.tables.get(name, [])) for name in SPANNED}
    heads = "".join(f"<th>{esc(name)}</th>" for name in SPANNED)
    rows = []
    for source in sorted(site.tables["sources"], key=lambda s: (show(s["published"]), s["source_id"])):
        sid = source["source_id"]
        cells = "".join(f'<td class="num">{counts[name][sid]}</td>' for name in SPANNED)
        rows.append(
            f'<tr><td><a href="{article_href("", sid)}">{esc(source["title"])}</a><br>'
            f"<code>{esc(sid)}</code></td><td>{esc(source['published'])}</td>"
            f"<td>{esc(source['outlet'] or 'unknown')}</td>{cells}</tr>\n"
        )
    return (
        f"<section><h2>Articles ({len(rows)})</h2>\n<table>\n<thead><tr><th>article</th><th>published</th>"
        f"<th>outlet</th>{heads}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table></section>\n"
    )


def events_table(site: Site) -> str:
    """One line per event, by date (undated last): status, summary, types, reports and sources."""

    def order(event: dict) -> tuple:
        """Dated events by date, then the undated ones."""
        return (event["date"] is None, show(event["date"]), event["event_id"])

    rows = []
    for event in sorted(site.tables["events"], key=order):
        date = esc(event["date"]) or "not dated"
        rows.append(
            f'<tr class="{esc(event.get("review_status"))}"><td>{date}</td><td>{esc(event["status"])}</td>'
            f'<td><a href="{event_href("", event["event_id"])}">{esc(event["summary"])}</a></td>'
            f"<td>{esc(event['plover_type'])}</td><td>{esc(event['cameo_code'])}</td>"
            f'<td class="num">{esc(event["report_count"])}</td><td class="num">{esc(event["source_count"])}'
            f"</td><td>{esc(event.get('review_status'))}</td></tr>\n"
        )
    return (
        f"<section><h2>Events ({len(rows)})</h2>\n<table>\n<thead><tr><th>date</th><th>status</th>"
        "<th>event</th><th>PLOVER</th><th>CAMEO</th><th>reports</th><th>sources</th><th>review</th></tr></thead>\n"
        f"<tbody>\n{''.join(rows)}</tbody>\n</table></section>\n"
    )


# --- article pages: spans, nested -----------------------------------------------------------------------------------


def article_rows(site: Site, source_id: str) -> dict[str, list[tuple[str, dict]]]:
    """Each spanned table's rows of one article, in text order, with their anchors (<table>-<n>)."""
    spans_of_table = defaultdict(list)
    for kind in KINDS:
        spans_of_table[kind.table].append(kind.field)
    found = {}
    for table, names in spans_of_table.items():
        rows = [
            row
            for row in site.of_source.get(table, {}).get(source_id, [])
            if any(row.get(name) is not None and row.get(f"{name}_start") is not None for name in names)
        ]
        rows.sort(
            key=lambda row, n=names: (
                min(row[f"{x}_start"] for x in n if row.get(f"{x}_start") is not None),
                tuple(show(row[k]) for k in site.keys[table]),
            )
        )
        found[table] = [(f"{table}-{index}", row) for index, row in enumerate(rows, 1)]
    return found


def node_classes(kind: Kind, row: dict) -> tuple[str, ...]:
    """CSS classes of a span: its kind, the claim's sub-kind (date, amount), drafted rows."""
    classes = [f"k-{kind.name}"]
    if kind.table == "claims" and row.get("kind") in CLAIM_SUBKINDS:
        classes.append(f"k-{CLAIM_SUBKINDS[row['kind']][0]}")
    if row.get("review_status") == "drafted":
        classes.append("drafted")
    return tuple(classes)


def article_spans(rows: dict[str, list[tuple[str, dict]]]) -> list[Node]:
    """One node per (kind, row) whose span the row gives, not yet nested."""
    spans = []
    for kind in KINDS:
        for anchor, row in rows.get(kind.table, []):
            start, end = row.get(f"{kind.field}_start"), row.get(f"{kind.field}_end")
            if row.get(kind.field) is not None and start is not None and end is not None and end > start:
                spans.append(Node(start, end, kind.name, anchor, node_classes(kind, row), True))
    return spans


def nest(spans: list[Node], length: int) -> list[Node]:
    """The spans as a tree of well-nested elements: sorted by start (wider first, then kind), each placed inside the
    innermost open element that covers its start; a span reaching past that element's end is split there, and its
    remainder (first=False) placed again. Every character keeps every span that covers it."""
    heap, pushed = [], itertools.count()
    for order, span in enumerate(spans):
        heapq.heappush(heap, (span.start, -span.end, RANK[span.kind], order, next(pushed), span))
    root = Node(0, length, "", "", (), True)
    stack = [root]
    while heap:
        *_, order, _, span = heapq.heappop(heap)
        while len(stack) > 1 and stack[-1].end <= span.start:
            stack.pop()
        top = stack[-1]
        if span.end > top.end:
            rest = Node(top.end, span.end, span.kind, span.ref, span.classes, False)
            heapq.heappush(heap, (rest.start, -rest.end, RANK[rest.kind], order, next(pushed), rest))
            span = Node(span.start, top.end, span.kind, span.ref, span.classes, span.first)
        top.children.append(span)
        stack.append(span)
    return root.children


def render(text: str, nodes: list[Node], start: int, end: int) -> str:
    """text[start:end], escaped, with the nodes (inside that range, in order) as nested <mark> elements."""
    out, position = [], start
    for node in nodes:
        out.append(html.escape(text[position : node.start]))
        out.append(open_mark(node))
        out.append(render(text, node.children, node.start, node.end))
        out.append("</mark>")
        position = node.end
    out.append(html.escape(text[position:end]))
    return "".join(out)


def open_mark(node: Node) -> str:
    """A highlighted element: its kind, its row (data-row, the id of the row's card), focusable; the first fragment of
    a span carries the id that links to it (at-<kind>-<row>), the others class `cont`."""
    classes = " ".join((*node.classes, f"h{min(node.height(), MAX_HEIGHT)}", *(() if node.first else ("cont",))))
    ident = f' id="at-{node.kind}-{node.ref}"' if node.first else ""
    return f'<mark{ident} class="{esc(classes)}" data-kind="{esc(node.kind)}" data-row="{esc(node.ref)}" tabindex="0">'


# --- article pages: the rows --------------------------------------------------------------------------------------


def value_html(site: Site, name: str, value: object, prefix: str) -> str:
    """A cell for a person: events and articles linked to their pages, actors named beside their ids."""
    if name == "event_id":
        event = site.events.get(value)
        summary = f" — {esc(event['summary'])}" if event else ""
        return f'<a href="{event_href(prefix, value)}">{esc(value)}</a>{summary}' if event else esc(value)
    if name == "source_id" and value in site.texts:
        return f'<a href="{article_href(prefix, value)}">{esc(value)}</a>'
    if name.endswith("actor_id") or name.endswith("actor_ids"):
        names = [(part, site.actors.get(part, {}).get("name")) for part in show(value).split(";")]
        return "; ".join(f"{esc(part)} ({esc(label)})" if label else esc(part) for part, label in names)
    return esc(value)


def joined_fields(site: Site, table: str, row: dict) -> list[tuple[str, str]]:
    """Values of other tables a reader needs beside the row: the roll-call vote of a state an article speaks of."""
    if table == "vote_statements":
        vote = site.votes.get((row.get("resolution_symbol"), row.get("iso3")))
        if vote:
            return [("recorded vote (votes table)", esc(vote["vote"]))]
    return []


def row_card(site: Site, table: str, anchor: str, row: dict, prefix: str, kinds: list[Kind]) -> str:
    """The row as a card: table, primary key, where it is highlighted, every non-empty published field."""
    key = " · ".join(show(row[k]) for k in site.keys[table])
    status = " drafted" if row.get("review_status") == "drafted" else ""
    places = ", ".join(
        f'<a href="#at-{kind.name}-{anchor}">{esc(kind.label)}</a>'
        for kind in kinds
        if row.get(kind.field) is not None and row.get(f"{kind.field}_start") is not None
    )
    items = [
        (esc(name), value_html(site, name, row[name], prefix))
        for name in site.fields[table]
        if row.get(name) is not None
    ]
    items += joined_fields(site, table, row)
    cells = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in items)
    where = f'<p class="where">highlighted as: {places}</p>' if places else ""
    return (
        f'<article class="row{status}" id="{esc(anchor)}" data-table="{esc(table)}">'
        f'<h3><span class="table">{esc(table)}</span> <code>{esc(key)}</code></h3>{where}'
        f"<dl>{cells}</dl></article>\n"
    )


def rows_section(site: Site, rows: dict[str, list[tuple[str, dict]]]) -> str:
    """Every row of the article with a span, as cards grouped by table."""
    out = [
        '<section id="rows"><h2>The rows of this article</h2>\n<p>Each highlighted passage became the row '
        "below (the panel beside the text shows the same cards).</p>\n"
    ]
    for table, entries in rows.items():
        if entries:
            kinds = [kind for kind in KINDS if kind.table == table]
            out.append(f"<h3>{esc(table)} ({len(entries)})</h3>\n")
            out += [row_card(site, table, anchor, row, "../", kinds) for anchor, row in entries]
    out.append("</section>\n")
    return "".join(out)


def legend(nodes: list[Node], rows: dict[str, list[tuple[str, dict]]]) -> str:
    """Each kind with its colour and the number of rows highlighted as it."""
    counts = Counter((node.kind, node.ref) for node in nodes)
    per_kind = Counter(kind for kind, _ in counts)
    items = []
    for kind in KINDS:
        items.append(
            f'<li><span class="swatch k-{kind.name}"></span>{esc(kind.label)} '
            f"<code>{kind.table}.{kind.field}</code>: {per_kind[kind.name]}</li>"
        )
        if kind.table == "claims":
            sub = Counter(row.get("kind") for _, row in rows.get("claims", []))
            items += [
                f'<li class="sub"><span class="swatch k-claim k-{name}"></span>{esc(label)}: {sub[value]}</li>'
                for value, (name, label) in CLAIM_SUBKINDS.items()
            ]
    return (
        '<section class="legend" aria-label="Kinds of highlighted passages"><h2>Highlighted</h2><ul>'
        + "".join(items)
        + '<li><span class="swatch drafted"></span>dashed: drafted by machine, not reviewed</li>'
        "</ul></section>\n"
    )


# --- article pages ------------------------------------------------------------------------------------------------


def article_page(site: Site, source: dict) -> str:
    """The article's full text with every span highlighted, the panel that shows a span's rows, the rows listed."""
    sid = source["source_id"]
    text = site.texts[sid]
    rows = site.rows_of(sid)
    spans = article_spans(rows)
    nodes = nest(spans, len(text))
    body = [nav("../"), article_header(site, source), legend(spans, rows)]
    body.append(
        '<div class="reader">\n'
        f'<div id="text" class="article-text" lang="{esc(source.get("language") or "und")}">'
        f"{render(text, nodes, 0, len(text))}</div>\n"
        '<aside id="panel" aria-live="polite" aria-label="The rows of the passage in focus">'
        '<p class="hint">Point at, click or tab to a highlighted passage: the rows it became appear here '
        '(the innermost first).</p><div id="panel-rows"></div></aside>\n</div>\n'
    )
    body.append(article_events(site, rows))
    body.append(rows_section(site, rows))
    return page(f"{source['title']} — evidence", "../", "".join(body), script=True)


def article_header(site: Site, source: dict) -> str:
    """Title, what is known of the source, and its sources row."""
    href = text_file_href(source.get("path"))
    link = f' (<a href="{href}">the text file</a>)' if href else ""
    facts = [
        ("source", f"<code>{esc(source['source_id'])}</code>{link}"),
        ("published", f"{esc(source['published'])} ({esc(source.get('published_precision'))})"),
        ("outlet", esc(source.get("outlet") or "unknown")),
        ("author", esc(source.get("author") or "unknown")),
        ("language", esc(source.get("language"))),
        (
            "coverage",
            f"{esc(source.get('sentences_covered'))} of {esc(source.get('sentence_count'))} sentences "
            "yield a row or a note",
        ),
    ]
    cells = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    card = row_card(site, "sources", f"source-{source['source_id']}", source, "../", [])
    return (
        f'<header><h1>{esc(source["title"])}</h1>\n<dl class="facts inline">{cells}</dl>\n'
        f"<details><summary>The sources row</summary>{card}</details></header>\n"
    )


def article_events(site: Site, rows: dict[str, list[tuple[str, dict]]]) -> str:
    """The events this article reports, linked to their pages."""
    items = []
    for anchor, report in rows.get("reports", []):
        event = site.events.get(report["event_id"])
        if event:
            items.append(
                f'<li><a href="{event_href("../", event["event_id"])}">{esc(event["summary"])}</a> '
                f'<span class="quiet">{esc(report["status"])}, {esc(report["date"]) or "not dated"}; '
                f'<a href="#at-report-{anchor}">in the text</a></span></li>\n'
            )
    return f"<section><h2>Events this article reports ({len(items)})</h2>\n<ul>\n{''.join(items)}</ul></section>\n"


# --- event pages --------------------------------------------------------------------------------------------------


def context(text: str, start: int, end: int, classes: str) -> str:
    """The paragraph around a span (at most MAX_CONTEXT characters each side, cut at a space), the span marked."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    before, after = text[first:start], text[end:last]
    if len(before) > MAX_CONTEXT:
        cut = before.find(" ", len(before) - MAX_CONTEXT)
        before = "…" + before[cut + 1 if cut >= 0 else len(before) - MAX_CONTEXT :]
    if len(after) > MAX_CONTEXT:
        cut = after.rfind(" ", 0, MAX_CONTEXT)
        after = after[: cut if cut > 0 else MAX_CONTEXT] + "…"
    return (
        f'<blockquote class="context">{html.escape(before)}<mark class="{esc(classes)}">'
        f"{html.escape(text[start:end])}</mark>{html.escape(after)}</blockquote>"
    )


def in_article(site: Site, table: str, row: dict, kind: str) -> str:
    """A link to a row's highlighted span on its article's page."""
    sid = row["source_id"]
    href = article_href("../", sid, f"at-{kind}-{site.anchor(sid, table, row)}")
    return f'<a href="{href}">read it in the article</a>'


def source_title(site: Site, source_id: str) -> str:
    """An article's title linked to its page, with its publication date."""
    source = site.sources.get(source_id)
    title = esc(source["title"]) if source else esc(source_id)
    published = f" (published {esc(source['published'])})" if source else ""
    return f'<a href="{article_href("../", source_id)}">{title}</a>{published}'


def facts(site: Site, row: dict, names: tuple[str, ...], extra: tuple[tuple[str, str], ...] = ()) -> str:
    """Some fields of a row as a definition list (names and values escaped), then extra (already HTML) pairs."""
    cells = "".join(
        f"<dt>{esc(name)}</dt><dd>{value_html(site, name, row[name], '../')}</dd>"
        for name in names
        if row.get(name) is not None
    )
    cells += "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in extra)
    return f'<dl class="facts">{cells}</dl>'


def report_block(site: Site, report: dict) -> str:
    """One source's account of the event: as that source gives its status and date, and its words in context."""
    text = site.texts[report["source_id"]]
    defines = " (the report that defines the event)" if report.get("defines_event") else ""
    return (
        f'<article class="report"><h3>According to {source_title(site, report["source_id"])}{defines}</h3>'
        + facts(
            site,
            report,
            (
                "status",
                "date",
                "date_precision",
                "date_qualifier",
                "date_expression",
                "date_basis",
                "link_reason",
                "review_status",
                "report_id",
            ),
        )
        + context(text, report["evidence_start"], report["evidence_end"], "k-report")
        + f"<p>{in_article(site, 'reports', report, 'report')}</p></article>\n"
    )


def quote_block(site: Site, quote: dict) -> str:
    """One quotation of the event: speaker, verb, date, and its words in context."""
    text = site.texts[quote["source_id"]]
    speaker = (
        value_html(site, "speaker_actor_id", quote["speaker_actor_id"], "../")
        if quote.get("speaker_actor_id")
        else esc(quote.get("speaker_as_written") or "no speaker")
    )
    return (
        f'<article class="quote"><h3>{speaker}, in {source_title(site, quote["source_id"])}</h3>'
        + facts(
            site,
            quote,
            (
                "kind",
                "completeness",
                "speaker_as_written",
                "reporting_verb",
                "addressee_actor_id",
                "addressee_as_written",
                "date",
                "date_precision",
                "date_basis",
                "notes",
                "review_status",
                "quote_id",
            ),
        )
        + context(text, quote["text_start"], quote["text_end"], "k-quote")
        + f"<p>{in_article(site, 'quotes', quote, 'quote')}</p></article>\n"
    )


def statement_block(site: Site, table: str, row: dict, kind: str, names: tuple[str, ...]) -> str:
    """A claim or a vote statement about the event, with the record's value beside the article's."""
    text = site.texts[row["source_id"]]
    key = " · ".join(show(row[k]) for k in site.keys[table])
    return (
        f'<article class="statement"><h3><span class="table">{esc(table)}</span> <code>{esc(key)}</code></h3>'
        + facts(site, row, names, tuple(joined_fields(site, table, row)))
        + context(text, row["evidence_start"], row["evidence_end"], f"k-{kind}")
        + f"<p>{in_article(site, table, row, kind)}</p></article>\n"
    )


def event_page(site: Site, event: dict) -> str:
    """One event: its row, every report of it, its quotations, and the claims and vote statements about it."""
    eid = event["event_id"]
    of = {
        name: [row for row in site.of_event.get(name, {}).get(eid, []) if row.get("source_id")]
        for name in ("reports", "quotes", "claims", "vote_statements")
    }
    of["reports"].sort(key=lambda r: (not r.get("defines_event"), r["source_id"], r["report_id"]))
    date = esc(event["date"]) or "not dated"
    body = [
        nav("../"),
        f'<header><h1>{esc(event["summary"])}</h1>\n<p class="quiet">{esc(event["status"])} · '
        f"{date} · {esc(event['plover_type'] or 'no PLOVER type')} · CAMEO {esc(event['cameo_code'] or '–')} "
        f"{esc(event['cameo_label'] or '')}</p>\n"
        f"<details><summary>The events row</summary>"
        f"{row_card(site, 'events', 'event-row', event, '../', [])}</details></header>\n<main>\n",
    ]
    body.append(
        f"<section><h2>Reports ({len(of['reports'])})</h2>\n"
        + "".join(report_block(site, r) for r in of["reports"])
        + "</section>\n"
    )
    body.append(
        f"<section><h2>Quotations ({len(of['quotes'])})</h2>\n"
        + ("".join(quote_block(site, q) for q in of["quotes"]) or "<p>None.</p>")
        + "</section>\n"
    )
    if of["claims"]:
        body.append(
            f"<section><h2>Claims checked against the record ({len(of['claims'])})</h2>\n"
            + "".join(
                statement_block(
                    site,
                    "claims",
                    c,
                    "claim",
                    ("kind", "article_value", "record_value", "verdict", "record_certainty", "rule_detail"),
                )
                for c in of["claims"]
            )
            + "</section>\n"
        )
    if of["vote_statements"]:
        body.append(
            f"<section><h2>Vote statements ({len(of['vote_statements'])})</h2>\n"
            + "".join(
                statement_block(site, "vote_statements", v, "vote", ("iso3", "resolution_symbol", "article_says"))
                for v in of["vote_statements"]
            )
            + "</section>\n"
        )
    body.append("</main>\n")
    return page(f"{event['summary']} — evidence", "../", "".join(body))


# --- from a published package -------------------------------------------------------------------------------------


def published_tables(root: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """The tables as published in root/data/ (Parquet: the text as it is) and the article texts at sources[].path."""
    from .codec import read_parquet_rows

    tables = {name: read_parquet_rows(root / "data" / f"{name}.parquet") for name in TABLES}
    texts = {row["source_id"]: (root / row["path"]).read_text(encoding="utf-8") for row in tables["sources"]}
    return tables, texts


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m scripts.publish.site", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository holding data/ (default: this checkout)")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder for the pages")
    args = parser.parse_args(argv)
    tables, texts = published_tables(args.root.resolve())
    written = write_site(args.out, tables, texts, args.root.resolve())
    print(f"wrote {len(written)} files into {args.out} (open {args.out / 'index.html'} in a browser)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
