"""Tests of the Python binding over corpus/ (run by tests/e2e/t-python.sh,
or `DOCKET_LIBRARY=build/libdocket.so python3 -m pytest python/tests`)."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess

import pytest

import docket

TOP = pathlib.Path(__file__).resolve().parents[2]
CORPUS = TOP / "corpus"
DOCKET_BIN = os.environ.get("DOCKET", str(TOP / "build" / "docket"))


@pytest.fixture(scope="session")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("idx") / "index"
    docket.index(path, [CORPUS])
    return path


def cli_json(index_path: pathlib.Path, *args: str) -> list:
    out = subprocess.run([DOCKET_BIN, "search", "--index", str(index_path), "--json", *args],
                         check=True, capture_output=True, text=True).stdout
    return [h for h in map(json.loads, out.splitlines()) if h["type"] == "hit"]


def test_hits_have_the_json_contracts_fields(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        hits = idx.search("openai", limit=20, per_article=0)
    cli = cli_json(index_path, "-n", "20", "--per-article", "0", "openai")
    assert len(hits) == len(cli) > 0
    for h, j in zip(hits, cli):
        for key, value in j.items():
            if key in ("type",):
                continue
            got = getattr(h, key)
            if key in ("highlights", "highlights_cp"):
                got = [list(r) for r in got]
            if key == "score":
                assert got == pytest.approx(value, abs=0.01)
            else:
                assert got == value, key


def test_code_point_offsets_index_the_str(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        hits = idx.search("openai", limit=50, per_article=0)
    moved = 0
    for h in hits:
        raw = h.text.encode("utf-8")
        assert h.text[h.snippet_start_cp:h.snippet_end_cp] == h.snippet
        assert raw[h.snippet_start:h.snippet_end].decode("utf-8") == h.snippet
        for (b0, b1), (c0, c1) in zip(h.highlights, h.highlights_cp):
            assert h.text[c0:c1] == raw[b0:b1].decode("utf-8")
        moved += h.highlights_cp != h.highlights
    assert moved > 0, "no hit with non-ASCII text before a match: the test proves nothing"


def test_options_limit_offset_sort_per_article(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        all_ = idx.search("court", limit=6, per_article=0)
        tail = idx.search("court", limit=3, offset=3, per_article=0)
        assert [h.passage_id for h in tail] == [h.passage_id for h in all_[3:6]]
        assert [h.rank for h in tail] == [4, 5, 6]
        one = idx.search("court", limit=50, per_article=1)
        assert len({h.article_id for h in one}) == len(one)
        dated = idx.search("court", limit=20, sort="date")
        dates = [h.date for h in dated]
        assert dates == sorted(dates, reverse=True)
        with pytest.raises(ValueError):
            idx.search("court", sort="oldest")


def test_explain_and_cite(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        h = idx.search("interrogatories", explain=True, cite="bibtex")[0]
    assert sum(w for _, w in h.explain) == pytest.approx(h.score, rel=1e-6)
    assert h.citation.startswith("@online")


def test_stopwords_dropped_unless_kept(index_path: pathlib.Path) -> None:
    """keep_stopwords is --keep-stopwords: "the" is one of the query's words
    only with it (the explain parts name the words that matched)."""
    def words(**kw: object) -> set:
        with docket.Index(index_path) as idx:
            hits = idx.search("the interrogatories", explain=True, **kw)
        return {part for h in hits for part, _ in h.explain}
    assert "the (stem)" not in words()
    assert "the (stem)" in words(keep_stopwords=True)


def test_show_returns_the_passage_in_context(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        pid = idx.search("interrogatories")[0].passage_id
        ctx = idx.show(pid, context=1)
        assert pid in [h.passage_id for h in ctx]
        assert len(ctx) == 3
        with pytest.raises(docket.NotFound):
            idx.show("no/such/article.txt#1")


def test_bad_query_raises_with_the_librarys_message(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        with pytest.raises(docket.BadQuery) as err:
            idx.search("date:2026-13-45")
    assert "date:2026-13-45" in str(err.value)
    assert err.value.status_name == "DOCKET_BAD_QUERY"


def test_missing_index_is_not_found(tmp_path: pathlib.Path) -> None:
    with pytest.raises(docket.NotFound) as err:
        docket.Index(tmp_path / "nothing")
    assert str(tmp_path / "nothing") in str(err.value)


def test_closed_index_refuses(index_path: pathlib.Path) -> None:
    idx = docket.Index(index_path)
    idx.close()
    idx.close()
    with pytest.raises(ValueError):
        idx.search("court")


def test_progress_events_and_stop(tmp_path: pathlib.Path) -> None:
    events: list = []
    stats = docket.index(tmp_path / "i", [CORPUS], progress=lambda e, p, r: events.append((e, p)))
    added = [p for e, p in events if e == "added"]
    assert stats.added == len(added) > 0
    again = docket.index(tmp_path / "i", [CORPUS])
    assert again.unchanged == stats.added and again.added == 0
    with pytest.raises(docket.Interrupted):
        docket.index(tmp_path / "j", [CORPUS], progress=lambda e, p, r: e == "added")


def test_progress_exception_is_reraised(tmp_path: pathlib.Path) -> None:
    def boom(event: str, path: str, reason: str) -> None:
        raise KeyError("from the callback")

    with pytest.raises(KeyError):
        docket.index(tmp_path / "k", [CORPUS], progress=boom)


def test_locked_index(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "l"
    docket.index(path, [CORPUS / "ai-copyright"])
    seen: list = []

    def inner(event: str, p: str, reason: str) -> None:
        if not seen:
            seen.append(1)
            with pytest.raises(docket.Locked):
                docket.index(path, [CORPUS])

    docket.index(path, [CORPUS], progress=inner)
    assert seen


def test_copies_and_first_report_match_the_cli(tmp_path: pathlib.Path) -> None:
    # corpus/ has no syndicated copies, so the contract test above only sees
    # empty "copies"; tests/fixtures/copies has groups of agency copies.
    path = tmp_path / "copies"
    docket.index(path, [TOP / "tests" / "fixtures" / "copies"])
    with docket.Index(path) as idx:
        hits = idx.search("judge", limit=50, per_article=0)
    cli = cli_json(path, "-n", "50", "--per-article", "0", "judge")
    assert len(hits) == len(cli) > 0
    assert any(h.copies for h in hits), "no hit with copies: the test proves nothing"
    for h, j in zip(hits, cli):
        assert (h.copies, h.first_reported, h.wire) == (j["copies"], j["first_reported"], j["wire"])


def cli_lines(index_path: pathlib.Path, command: str, *args: str) -> list:
    """The JSON lines of `docket COMMAND --json ARGS`, "type" kept."""
    out = subprocess.run([DOCKET_BIN, command, "--index", str(index_path), "--json", *args],
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def without_type(lines: list, kind: str) -> list:
    return [{k: v for k, v in o.items() if k != "type"} for o in lines if o["type"] == kind]


def test_facets_are_the_clis_counts(index_path: pathlib.Path) -> None:
    fields = "outlet,source,month,year"
    with docket.Index(index_path) as idx:
        res = idx.search("court", facets=fields, facet_limit=0)
        listed = idx.search("court", facets=["outlet", "source", "month", "year"], facet_limit=0)
        capped = idx.search("court", facets="outlet", facet_limit=1)
        plain = idx.search("court")
    cli = without_type(cli_lines(index_path, "search", "--facets", fields, "--facet-limit", "0",
                                 "court"), "facet")
    assert [f["field"] for f in res.facets] == fields.split(",")
    assert res.facets == cli and listed.facets == cli
    assert any(f["values"] for f in res.facets)
    assert len(capped.facets[0]["values"]) == 1
    assert capped.facets[0]["values"][0] == cli[0]["values"][0]
    assert plain.facets == []


def test_keep_and_drop_are_the_clis(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        kept = idx.search("court", limit=50, keep=["outlet:Reuters"], facets="outlet")
        dropped = idx.search("court", limit=50, drop=["outlet:Reuters"])
        with pytest.raises(ValueError, match="title:x"):
            idx.search("court", keep=["title:x"])
    cli = without_type(cli_lines(index_path, "search", "-n", "50", "--keep", "outlet:Reuters",
                                 "court"), "hit")
    assert kept and {h.outlet for h in kept} == {"Reuters"}
    assert [h.passage_id for h in kept] == [c["passage_id"] for c in cli]
    assert [v["value"] for v in kept.facets[0]["values"]] == ["Reuters"]
    assert dropped and "Reuters" not in {h.outlet for h in dropped}


def test_bad_facet_field_raises_naming_it(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        with pytest.raises(docket.BadArgument, match="colour"):
            idx.search("court", facets="outlet,colour")
        with pytest.raises(ValueError):
            idx.search("court", facets="outlet", facet_limit=-1)


def test_timeline_and_coverage_are_the_clis(index_path: pathlib.Path) -> None:
    with docket.Index(index_path) as idx:
        months = idx.timeline("court")
        weeks = idx.timeline("court", by="week", per_outlet=True)
        cov = idx.coverage("court")
        with pytest.raises(ValueError, match="by must be"):
            idx.timeline("court", by="fortnight")
    assert months and months == without_type(cli_lines(index_path, "timeline", "court"), "bucket")
    assert weeks == without_type(cli_lines(index_path, "timeline", "--by", "week", "--per", "outlet",
                                           "court"), "bucket")
    assert cov and cov == without_type(cli_lines(index_path, "coverage", "court"), "coverage")
    notes = [o["text"] for o in cli_lines(index_path, "coverage", "court") if o["type"] == "note"]
    assert cov.note == (notes[0] if notes else "")
