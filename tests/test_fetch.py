"""Tests for litkg.fetch and ``litkg fetch``: every service against a local server on 127.0.0.1.

No test touches the internet: the services' base URLs point at :mod:`fetch_server`, which serves
responses written for these tests (tests/data/fetch; invented papers).
"""
from __future__ import annotations

import json
import os
import tracemalloc

import pytest

from fetch_server import DATA, LocalServer, Reply
from litkg.cli import cli
from litkg.errors import CursorError, FetchError, RedirectRefusedError, RemoteDataError
from litkg.fetch import fetch_papers, make_client
from litkg.fetch.arxiv import ARXIV
from litkg.fetch.http import HttpClient, origin
from litkg.fetch.state import cursor_path
from litkg.readers import read_papers


@pytest.fixture
def server():
    running = LocalServer().start()
    yield running
    running.stop()


@pytest.fixture
def other_server():
    running = LocalServer().start()
    yield running
    running.stop()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def fetch(server, tmp_path, sleeps, monkeypatch):
    """fetch_papers against the local server, with a fast fake sleep that records its waits."""
    for name in ("S2_API_KEY", "OPENALEX_API_KEY", "HF_TOKEN"):
        monkeypatch.delenv(name, raising=False)

    def run(source, query="tiny", **kwargs):
        options = dict(base_url=server.url, cache_dir=tmp_path / "cache", delay=0, backoff=0.01,
                       sleep=sleeps.append)
        options.update(kwargs)
        options.setdefault("out", tmp_path / "out.jsonl")
        return fetch_papers(source, query, **options)

    return run


def openalex_pages(request):
    page = {"*": "openalex_page1.json", "Ic2": "openalex_page2.json", "Ic3": "openalex_page3.json"}
    return Reply.file(page[request.query["cursor"]])


def lines(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


# --- each service ------------------------------------------------------------------------------


def test_openalex_pages_through_cursors_with_mailto(server, fetch, tmp_path):
    server.route = openalex_pages
    summary = fetch("openalex", mailto="me@example.org", since="2023-01-01")
    assert [r.query["cursor"] for r in server.requests] == ["*", "Ic2", "Ic3"]
    first = server.requests[0]
    assert first.path == "/works" and first.query["search"] == "tiny"
    assert first.query["mailto"] == "me@example.org"
    assert first.query["filter"] == "from_publication_date:2023-01-01"
    assert "mailto:me@example.org" in first.headers["user-agent"]
    assert (summary.written, summary.pages, summary.complete, summary.total) == (4, 3, True, 4)
    records = lines(tmp_path / "out.jsonl")
    assert records[0]["abstract"] == "We filter label noise in tiny datasets with a held-out committee."
    assert records[0]["ids"] == ["openalex:https://openalex.org/W5000000001"]
    assert records[0]["fetched_from"] == "openalex"
    # What fetch writes, build reads back, ids and all.
    papers = list(read_papers(tmp_path / "out.jsonl"))
    assert [p.doi for p in papers][:1] == ["https://doi.org/10.9999/lnf.1"]
    assert papers[1].ids == ("openalex:https://openalex.org/W5000000002",)


def test_arxiv_pages_by_start_and_reads_versions(server, fetch, tmp_path):
    server.route = lambda r: Reply.file(f"arxiv_page{int(r.query['start']) // 2 + 1}.atom")
    summary = fetch("arxiv", "tiny vision", since="2024-01-01")
    assert [r.query["start"] for r in server.requests] == ["0", "2"]
    assert server.requests[0].path == "/api/query"
    assert server.requests[0].query["search_query"] == (
        'all:"tiny vision" AND submittedDate:[202401010000 TO 299912312359]')
    assert summary.written == 3 and summary.complete and summary.total == 3
    papers = list(read_papers(tmp_path / "out.jsonl"))
    assert papers[0].arxiv_id == "http://arxiv.org/abs/2405.05555v3"
    assert papers[0].key == "arxiv:2405.05555"  # the version is not part of the identity


def test_semantic_scholar_tokens_key_header_and_since(server, fetch, tmp_path, monkeypatch):
    monkeypatch.setenv("S2_API_KEY", "sekret-key")
    server.route = lambda r: Reply.file("s2_bulk2.json" if r.query.get("token") == "tok2"
                                        else "s2_bulk1.json")
    summary = fetch("semantic-scholar", since="2022-05-01")
    assert [r.query.get("token") for r in server.requests] == [None, "tok2"]
    assert all(r.headers.get("x-api-key") == "sekret-key" for r in server.requests)
    assert server.requests[0].path == "/graph/v1/paper/search/bulk"
    assert server.requests[0].query["publicationDateOrYear"] == "2022-05-01:"
    assert "abstract" in server.requests[0].query["fields"]
    assert summary.written == 3
    papers = list(read_papers(tmp_path / "out.jsonl"))
    assert papers[0].ids == ("s2:" + "a" * 40, "s2corpus:111")
    assert papers[1].abstract == "" and papers[1].arxiv_id == "2402.02222"


def test_hf_papers_search_filters_by_since(server, fetch, tmp_path):
    server.route = lambda r: Reply.file("hf_search.json")
    summary = fetch("hf-papers", "sparse routing", since="2023-01-01")
    assert server.requests[0].path == "/api/papers/search"
    assert server.requests[0].query == {"q": "sparse routing"}
    assert summary.written == 1 and summary.complete
    [paper] = read_papers(tmp_path / "out.jsonl")
    assert paper.ids == ("hf:2403.01111",) and paper.upvotes == 12 and paper.arxiv_id == "2403.01111"


# --- politeness: rate limits, retries, broken responses ----------------------------------------


def test_429_waits_for_retry_after_then_goes_on(server, fetch, sleeps):
    page1 = [Reply(429, b'{"error": "slow down"}', {"Retry-After": "7"}),
             Reply.file("openalex_page1.json")]
    server.route = lambda r: page1 if r.query["cursor"] == "*" else openalex_pages(r)
    summary = fetch("openalex")
    assert 7.0 in sleeps
    assert summary.written == 4 and summary.requests == 4


def test_a_retry_after_beyond_the_limit_stops_with_a_hint(server, fetch):
    server.route = lambda r: Reply(429, b"", {"Retry-After": "86400"})
    with pytest.raises(FetchError, match="asks to wait 86400 s") as caught:
        fetch("openalex")
    assert "rate limit" in caught.value.hint
    assert len(server.requests) == 1


def test_500s_are_retried_with_growing_backoff(server, fetch, sleeps):
    flaky = [Reply(500), Reply(503), Reply.file("openalex_page1.json")]
    server.route = lambda r: flaky if r.query["cursor"] == "*" else openalex_pages(r)
    summary = fetch("openalex")
    assert summary.written == 4
    assert sleeps[:2] == [0.01, 0.02]


def test_a_server_that_keeps_failing_is_one_error_and_writes_nothing(server, fetch, tmp_path):
    server.route = lambda r: Reply(500, b'{"message": "internal trouble"}')
    with pytest.raises(FetchError) as caught:
        fetch("openalex", retries=2)
    assert "HTTP 500: internal trouble" in caught.value.message
    assert "(after 3 attempts)" in caught.value.message and "\n" not in caught.value.message
    assert len(server.requests) == 3
    assert (tmp_path / "out.jsonl").read_text() == ""


def test_a_client_error_is_not_retried(server, fetch):
    server.route = lambda r: Reply(403, b'{"message": "Forbidden"}')
    with pytest.raises(FetchError, match="HTTP 403") as caught:
        fetch("semantic-scholar")
    assert "API key" in caught.value.hint and len(server.requests) == 1


def test_a_truncated_body_is_retried(server, fetch):
    body = (DATA / "openalex_page1.json").read_bytes()
    cut = [Reply(body=body[:100], declared_length=len(body)), Reply(body=body)]
    server.route = lambda r: cut if r.query["cursor"] == "*" else openalex_pages(r)
    assert fetch("openalex").written == 4


@pytest.mark.parametrize("body, what", [(b'{"results": [{"title": "A"', "truncated"),
                                        (b'{"results": [}]}', "malformed")])
def test_broken_json_that_stays_broken_is_a_remote_data_error(server, fetch, body, what, tmp_path):
    server.route = lambda r: Reply(body=body)
    with pytest.raises(RemoteDataError, match=f"sent {what} JSON"):
        fetch("openalex", retries=1)
    assert len(server.requests) == 2
    assert not list((tmp_path / "cache").glob("*.body"))  # a broken body is never cached


def test_malformed_xml_is_a_remote_data_error(server, fetch):
    server.route = lambda r: Reply(body=b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>")
    with pytest.raises(RemoteDataError, match="broken XML"):
        fetch("arxiv", retries=0)


def test_an_xml_bomb_is_refused_at_once_and_not_retried(server, fetch):
    tracemalloc.start()
    server.route = lambda r: Reply.file("bomb.atom")
    try:
        with pytest.raises(RemoteDataError, match="refused: the XML declares a DTD") as caught:
            fetch("arxiv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(server.requests) == 1
    assert peak < 20 * 2**20  # the bomb expands to 16**8 * 64 bytes if its entities are read
    assert "\n" not in caught.value.message


def test_an_arxiv_error_feed_is_reported(server, fetch):
    server.route = lambda r: Reply.file("arxiv_error.atom")
    with pytest.raises(RemoteDataError, match="arXiv refused the query: incorrect id format"):
        fetch("arxiv")


# --- redirects ---------------------------------------------------------------------------------


def test_a_redirect_to_another_host_drops_the_api_key(server, other_server, fetch, monkeypatch):
    monkeypatch.setenv("S2_API_KEY", "sekret-key")
    server.route = lambda r: Reply(302, headers={"Location": f"{other_server.url}/moved?x=1&api_key=sekret"})
    other_server.route = lambda r: Reply.file("s2_bulk2.json")
    summary = fetch("semantic-scholar")
    assert server.requests[0].headers["x-api-key"] == "sekret-key"
    [moved] = other_server.requests
    assert moved.path == "/moved" and moved.query == {"x": "1"}
    assert "x-api-key" not in moved.headers and "sekret" not in json.dumps(moved.query)
    assert summary.written == 1


def test_a_redirect_on_the_same_host_keeps_the_key(server, fetch, monkeypatch):
    monkeypatch.setenv("S2_API_KEY", "sekret-key")
    server.route = lambda r: (Reply(307, headers={"Location": "/v2/search"}) if r.path != "/v2/search"
                              else Reply.file("s2_bulk2.json"))
    fetch("semantic-scholar")
    assert [r.headers.get("x-api-key") for r in server.requests] == ["sekret-key"] * 2


def test_redirects_to_other_schemes_and_loops_are_refused(server, fetch):
    server.route = lambda r: Reply(302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(RedirectRefusedError, match="file:///etc/passwd"):
        fetch("openalex")
    server.route = lambda r: Reply(302, headers={"Location": "/works?cursor=*"})
    with pytest.raises(RedirectRefusedError, match="more than 5 redirects"):
        fetch("openalex")


def test_origin_tells_hosts_and_ports_apart():
    assert origin("https://api.openalex.org/works") == ("https", "api.openalex.org", 443)
    assert origin("http://127.0.0.1:8000/x") != origin("http://127.0.0.1:8001/x")


# --- resume, max, cache ------------------------------------------------------------------------


def test_an_interrupted_fetch_goes_on_where_it_stopped(server, fetch, tmp_path):
    out = tmp_path / "out.jsonl"
    server.route = lambda r: Reply(500) if r.query["cursor"] == "Ic2" else openalex_pages(r)
    with pytest.raises(FetchError):
        fetch("openalex", retries=0, use_cache=False)
    assert len(lines(out)) == 2
    saved = json.loads(cursor_path(out).read_text())
    assert (saved["cursor"], saved["written"], saved["done"]) == ("Ic2", 2, False)
    with open(out, "ab") as stream:  # a page half-written when it stopped
        stream.write(b'{"title": "half a rec')
    server.requests.clear()
    server.route = openalex_pages
    summary = fetch("openalex", use_cache=False)
    assert [r.query["cursor"] for r in server.requests] == ["Ic2", "Ic3"]  # page 1 not again
    assert summary.resumed and (summary.written, summary.written_total) == (2, 4)
    titles = [r["title"] for r in lines(out)]
    assert len(titles) == len(set(titles)) == 4
    server.requests.clear()
    again = fetch("openalex", use_cache=False)  # complete: nothing left to fetch
    assert again.written == 0 and again.complete and server.requests == []


def test_max_stops_inside_a_page_and_a_larger_max_goes_on(server, fetch, tmp_path):
    server.route = openalex_pages
    first = fetch("openalex", max_results=3)
    assert (first.written, first.complete) == (3, False)
    assert server.requests[0].query["per-page"] == "3"
    second = fetch("openalex")
    titles = [r["title"] for r in lines(tmp_path / "out.jsonl")]
    assert second.written == 1 and second.complete
    assert len(titles) == len(set(titles)) == 4


def test_the_cache_answers_a_repeated_fetch(server, fetch, tmp_path):
    server.route = openalex_pages
    fetch("openalex", out=tmp_path / "a.jsonl")
    server.requests.clear()
    summary = fetch("openalex", out=tmp_path / "b.jsonl")
    assert server.requests == [] and summary.cache_hits == 3 and summary.written == 4
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    fetch("openalex", out=tmp_path / "c.jsonl", use_cache=False)
    assert len(server.requests) == 3


def test_an_api_key_in_the_url_stays_out_of_cache_keys_and_messages(server, fetch, monkeypatch):
    monkeypatch.setenv("OPENALEX_API_KEY", "k3y")
    server.route = lambda r: Reply(400, b'{"message": "bad filter"}')
    with pytest.raises(FetchError) as caught:
        fetch("openalex")
    assert server.requests[0].query["api_key"] == "k3y"
    assert "k3y" not in caught.value.message


def test_cursor_errors(server, fetch, tmp_path):
    server.route = openalex_pages
    taken = tmp_path / "taken.jsonl"
    taken.write_text('{"title": "mine"}\n')
    with pytest.raises(CursorError, match="has no cursor file"):
        fetch("openalex", out=taken)
    fetch("openalex")
    with pytest.raises(CursorError, match="is for another fetch"):
        fetch("openalex", "another query")
    with pytest.raises(FetchError, match="--since must be a date"):
        fetch("openalex", since="last week")
    with pytest.raises(FetchError, match="unknown source 'scopus'; known sources: arxiv"):
        fetch("scopus")


def test_the_polite_defaults():
    client = make_client(ARXIV, use_cache=False)
    assert client.min_interval == 3.0 and client.headers == {}
    assert HttpClient().user_agent().startswith("litkg/")


# --- the command -------------------------------------------------------------------------------


def test_cli_fetch_writes_jsonl_and_builds_a_store(server, tmp_path, runner, monkeypatch):
    monkeypatch.setenv("LITKG_OPENALEX_URL", server.url)
    server.route = openalex_pages
    db = tmp_path / "field.db"
    result = runner.invoke(cli, ["fetch", "openalex", "tiny", "--db", str(db), "--delay", "0",
                                 "--cache", str(tmp_path / "cache"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["written"] == 4 and data["build"]["papers_total"] == 4
    assert data["out"] == str(tmp_path / "openalex-tiny.jsonl")
    stats = runner.invoke(cli, ["stats", "--db", str(db), "--json"])
    assert json.loads(stats.stdout)["papers"] == 4


def test_cli_fetch_errors_are_one_line(server, tmp_path, runner):
    server.route = lambda r: Reply.file("bomb.atom")
    result = runner.invoke(cli, ["fetch", "arxiv", "tiny", "--out", str(tmp_path / "a.jsonl"),
                                 "--base-url", server.url, "--delay", "0", "--no-cache"])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "refused: the XML declares a DTD" in line
    assert "(hint: the response declares a DTD" in line
    result = runner.invoke(cli, ["fetch", "openalex", "tiny"])
    assert result.exit_code == 1 and "needs --out FILE.jsonl or --db DB" in result.stderr


def test_cli_fetch_prints_a_summary(server, tmp_path, runner):
    server.route = openalex_pages
    out = tmp_path / "f.jsonl"
    args = ["fetch", "openalex", "tiny", "--out", str(out), "--base-url", server.url,
            "--delay", "0", "--cache", str(tmp_path / "cache"), "--max", "2"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Fetched 2 records from openalex into {out}: 2 in all, 1 pages")
    assert "stopped at --max" in result.stdout
    assert os.path.exists(cursor_path(out))


def test_progress_is_told_each_page_and_the_total(server, fetch):
    server.route = openalex_pages
    calls = []
    fetch("openalex", progress=lambda count, total: calls.append((count, total)))
    assert calls == [(2, 4), (2, 4), (0, 4)]


def test_unreachable_hosts_and_unusable_urls_are_one_line_errors(fetch, tmp_path):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"Connection refused \(after 2 attempts\)$"):
        fetch("openalex", base_url=f"http://127.0.0.1:{port}", retries=1)
    with pytest.raises(FetchError, match="unknown url type") as caught:
        fetch("openalex", base_url="notaurl", out=tmp_path / "b.jsonl")
    assert caught.value.hint == "check --base-url"


def test_four_fetches_build_into_one_graph_of_distinct_papers(server, fetch, tmp_path, extractor):
    from litkg.core import KnowledgeGraph

    def route(request):
        if request.path == "/works":
            return openalex_pages(request)
        if request.path == "/api/query":
            return Reply.file(f"arxiv_page{int(request.query['start']) // 2 + 1}.atom")
        if request.path == "/api/papers/search":
            return Reply.file("hf_search.json")
        return Reply.file("s2_bulk2.json" if request.query.get("token") == "tok2" else "s2_bulk1.json")

    server.route = route
    outs = [tmp_path / f"{source}.jsonl" for source in SOURCES_FETCHED]
    for source, out in zip(SOURCES_FETCHED, outs):
        fetch(source, out=out)
    with KnowledgeGraph(tmp_path / "f.db", extractor=extractor) as kg:
        summary = kg.build(outs)
        rows = kg.store.conn.execute(
            "SELECT p.title, group_concat(s.path, '|') FROM papers p JOIN paper_sources s "
            "ON s.pid = p.pid GROUP BY p.key").fetchall()
    assert (summary.records_read, summary.papers_total) == (12, 8)
    sources = {title: sorted(os.path.basename(p).split(".")[0] for p in paths.split("|"))
               for title, paths in rows}
    assert sources["Sparse Mixture Routing for Tiny Vision Transformers"] == ["arxiv", "hf-papers", "openalex"]
    assert sources["Curriculum Replay Against Forgetting in Speech Models"] == ["arxiv", "semantic-scholar"]
    assert sources["Label Noise Filters for Tiny Datasets"] == ["openalex", "semantic-scholar"]


SOURCES_FETCHED = ("openalex", "arxiv", "semantic-scholar", "hf-papers")


def test_an_empty_arxiv_page_short_of_the_total_is_asked_again(server, fetch):
    empty = (DATA / "arxiv_page2.atom").read_text()
    empty = empty[:empty.index("  <entry>")] + "</feed>\n"
    second = [Reply(body=empty.encode()), Reply.file("arxiv_page2.atom")]
    server.route = lambda r: Reply.file("arxiv_page1.atom") if r.query["start"] == "0" else second
    summary = fetch("arxiv")
    assert summary.written == 3 and [r.query["start"] for r in server.requests] == ["0", "2", "2"]


def test_a_redirect_from_https_to_plain_http_is_refused(monkeypatch):
    from litkg.fetch import http

    seen = []

    def fake_open(self, url, headers):
        seen.append(url)
        raise http._Redirect("http://api.example.org/works")

    monkeypatch.setattr(http.HttpClient, "_open", fake_open)
    client = HttpClient(min_interval=0, sleep=lambda s: None)
    with pytest.raises(RedirectRefusedError, match="from HTTPS to plain HTTP"):
        client.get("https://api.example.org/works", parse=lambda body, url: body)
    assert seen == ["https://api.example.org/works"]
