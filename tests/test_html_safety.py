"""Strings from the data never run as code in the HTML views (issue #6, item 6), end to end.

Paper records whose titles, abstracts (hence evidence sentences), URLs and discovered concept
names carry script and event-handler payloads go through the real build (readers, extraction,
store), then ``litkg render`` writes every view, and a real headless Chromium loads each page,
opens every node's and edge's tooltip and details panel and runs a search. Each payload would set a ``data-pwned…`` attribute on
``<html>`` if it ever ran; none may, and each must show as the text it is.

A control test first shows that the same payloads do run when put in a page unescaped, so the
checks cannot pass for the wrong reason.

Browser tests fail (they do not skip) when Chromium is missing: ``apt-get install -y chromium``.
"""
from __future__ import annotations

import json
from html import escape

import pytest

from litkg.cli import cli
from litkg.core import KnowledgeGraph

from browser import load_page

MARK = "document.documentElement.dataset"
TITLE_SCRIPT = f"<script>{MARK}.pwnedTitleScript=1</script> Robust Fine-Tuning"
TITLE_IMG = f'<img src=x onerror="{MARK}.pwnedTitleImg=1"> Vision Under Shift'
TITLE_BREAK = f"</script><script>{MARK}.pwnedTitleBreak=1</script> Breaking Out"
# Discovered concept names (title prefixes "NAME: …"), one an event handler, one a script.
NAME_SVG = f"Pwn<svg/onload={MARK}.pwnedName=1>"
NAME_SCRIPT = f"Pwn<script>{MARK}.pwned=2</script>"  # sets data-pwned
ABSTRACT_IMG = f"<img src=x onerror={MARK}.pwnedAbstract=1>"
RECORDS = [
    {"doi": "10.666/script", "title": TITLE_SCRIPT,
     "abstract": f"We evaluate on ImageNet {ABSTRACT_IMG} and PACS with ERM."},
    {"doi": "10.666/img", "title": TITLE_IMG, "url": f"javascript:{MARK}.pwnedUrl=1",
     "abstract": f"We evaluate on ImageNet and PACS. <svg onload={MARK}.pwnedSvg=1>"},
    {"doi": "10.666/break", "title": TITLE_BREAK,
     "abstract": f"We train on ImageNet and PACS. ' onmouseover='{MARK}.pwnedQuote=1' x=' PACS."},
    {"doi": "10.666/name", "title": f"{NAME_SVG}: Robust Training Under Shift",
     "abstract": f"We propose {NAME_SVG} and evaluate it on ImageNet and PACS."},
    {"doi": "10.666/name2", "title": f"{NAME_SCRIPT}: Robust Training Under Shift",
     "abstract": f"We propose {NAME_SCRIPT} and evaluate it on ImageNet and PACS."},
]
VIEWS = {"overview": [], "ego": ["--focus", "doi:10.666/break", "--radius", "2"],
         "shared-datasets": [], "concept-map": []}

# Opens every node's details panel and tooltip and every edge's tooltip and panel the way the
# page does on hover and click, keeps what they showed as text in one element, counts any
# element the data could have made, lists the links' addresses, then searches for a concept by
# its markup-like name.
PROBE = """
  setTimeout(function () {
    var box = document.createElement("div"), panel = document.getElementById("litkg-panel");
    var tips = [], markup = 0, hrefs = [], bad = "img, script, svg, iframe, object, embed, b";
    box.id = "litkg-test-shown";
    LITKG.nodes.id.forEach(function (id) {
      window.litkgSelect(id);
      tips.push(window.litkgTip("node", id));
      box.appendChild(document.createTextNode(panel.textContent + "\\n"));
      markup += panel.querySelectorAll(bad).length;
      [].forEach.call(panel.querySelectorAll("a"), function (a) { hrefs.push(a.getAttribute("href")); });
    });
    for (var j = 0; j < LITKG.edges.from.length; j++) {
      tips.push(window.litkgTip("edge", j));
      window.litkgNetwork.emit("click", {nodes: [], edges: [j]});
      box.appendChild(document.createTextNode(panel.textContent + "\\n"));
      markup += panel.querySelectorAll(bad).length;
    }
    tips.forEach(function (t) { box.appendChild(document.createTextNode(t + "\\n")); });
    document.body.appendChild(box);
    document.body.dataset.tips = String(tips.length);
    document.body.dataset.found = String(window.litkgFind(%s));
    document.body.dataset.status = document.getElementById("litkg-search-status").textContent;
    document.body.dataset.results = document.getElementById("litkg-results").textContent;
    ["litkg-results", "litkg-tip", "litkg-test-shown"].forEach(function (id) {
      markup += document.getElementById(id).querySelectorAll(bad).length;
    });
    document.body.dataset.markup = String(markup);
    document.body.dataset.hrefs = JSON.stringify(hrefs);
    document.body.dataset.docTitle = document.title;
  }, 1000);
"""


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory, extractor):
    folder = tmp_path_factory.mktemp("hostile")
    src = folder / "hostile.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = folder / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        summary = kg.build([src])
        names = {row[0] for row in kg.store.conn.execute("SELECT name FROM concepts")}
    assert summary.papers_total == len(RECORDS) and summary.records_skipped == 0
    # The build really carried payloads into concept names, not only into titles.
    assert {NAME_SVG, NAME_SCRIPT} <= names
    return db


def pwned(page) -> dict[str, str]:
    return {k: v for k, v in page.root.items() if k.startswith("data-pwned")}


def test_the_payloads_do_run_when_a_page_does_not_escape_them(chromium, tmp_path):
    # The control: the same strings, put in a page raw, run in this browser; so a clean page
    # below means they were neutralised, not that they were inert.
    raw = "".join(f"<p>{s}</p>" for s in (TITLE_SCRIPT, TITLE_IMG, NAME_SVG, NAME_SCRIPT,
                                           ABSTRACT_IMG))
    raw += f'<script>var t = "{TITLE_BREAK}";</script>'
    page_path = tmp_path / "raw.html"
    page_path.write_text(f"<!DOCTYPE html><html><head></head><body>{raw}</body></html>",
                         encoding="utf-8")
    page = load_page(page_path)
    assert set(pwned(page)) == {"data-pwned-title-script", "data-pwned-title-img",
                                "data-pwned-name", "data-pwned",
                                "data-pwned-abstract", "data-pwned-title-break"}
    # ... and escaped, they do not.
    page_path.write_text("<!DOCTYPE html><html><head></head><body>"
                         + "".join(f"<p>{escape(s)}</p>" for s in (TITLE_SCRIPT, NAME_SVG))
                         + "</body></html>", encoding="utf-8")
    assert pwned(load_page(page_path)) == {}


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_shows_hostile_data_as_text_and_runs_none_of_it(chromium, hostile_store,
                                                                  tmp_path, runner, view):
    out = tmp_path / f"{view}.html"
    result = runner.invoke(cli, ["render", "--out", str(out), "--view", view, "--db",
                                 str(hostile_store), *VIEWS[view]])
    assert result.exit_code == 0, result.output
    search = NAME_SVG if view != "shared-datasets" else TITLE_IMG
    page = load_page(out, probe=PROBE % json.dumps(search), budget_ms=6000)
    assert pwned(page) == {}, pwned(page)
    assert page.errors == [], page.errors
    assert page.body.get("litkg-ready") == "1"
    assert int(page.body["tips"]) > 0
    assert page.body["markup"] == "0"  # no panel, tooltip or result holds an element from data
    # Only http(s) addresses become links; the javascript: URL of one record is not one.
    hrefs = json.loads(page.body["hrefs"])
    assert all(h is None or h.startswith(("https://", "http://")) for h in hrefs), hrefs
    text = page.text()  # the DOM's text after scripts ran, panels and tooltips included
    shown = {
        "overview": [TITLE_SCRIPT, TITLE_IMG, TITLE_BREAK, NAME_SVG, NAME_SCRIPT, ABSTRACT_IMG],
        "ego": [TITLE_SCRIPT, TITLE_BREAK, NAME_SVG, ABSTRACT_IMG],
        "shared-datasets": [TITLE_SCRIPT, TITLE_IMG, TITLE_BREAK],
        "concept-map": [NAME_SVG, NAME_SCRIPT],
    }[view]
    for payload in shown:
        assert payload in text, (view, payload)
    if view == "ego":
        assert page.body["doc-title"] == f"Neighbourhood of {TITLE_BREAK} (2 hops) · litkg"
        assert f"Neighbourhood of {TITLE_BREAK} (2 hops)" in text
    assert page.body["found"] != "null"
    assert page.body["status"].startswith(search[:30])  # the label, shown as text
