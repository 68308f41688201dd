"""docket: passage search over news coverage of court filings, from Python.

A binding of libdocket (the C library behind the ``docket`` tool) through
ctypes: no compiler, no build step, just the installed ``libdocket.so.0``
(or the file ``$DOCKET_LIBRARY`` names).  The hits carry the keys of the
CLI's JSON contract (``docket search --json``); byte offsets into the
passage text are given as in the contract, and also as Python string
indices (the ``*_cp`` fields), so ``hit.text[hit.snippet_start_cp:
hit.snippet_end_cp] == hit.snippet``.

    import docket
    docket.index("/tmp/idx", ["corpus"])
    with docket.Index("/tmp/idx") as idx:
        for hit in idx.search('"storm off to AWS"', limit=5):
            print(hit.score, hit.citation)

Every failure of the library raises a DocketError (a subclass per status,
e.g. BadQuery, NotFound), carrying the library's own one-line message.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
from dataclasses import dataclass, field
from typing import (
    Any,
    Dict,
    Callable,
    Iterable,
    Iterator,
    List,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _lib
from ._lib import lib

__all__ = [
    "Index",
    "Hit",
    "Results",
    "IndexStats",
    "Table",
    "index",
    "version",
    "DocketError",
    "NoMemory",
    "BadArgument",
    "NotFound",
    "Locked",
    "IOError_",
    "Corrupt",
    "BadQuery",
    "BadInput",
    "Modified",
    "Unsupported",
    "EngineError",
    "Interrupted",
]

PathLike = Union[str, bytes, "os.PathLike[str]"]
Progress = Callable[[str, str, str], Optional[bool]]


# ------------------------------------------------------------------ errors


class DocketError(Exception):
    """A libdocket status other than DOCKET_OK.

    ``status`` is the numeric docket_status, ``status_name`` its C name
    ("DOCKET_BAD_QUERY"), ``message`` the library's one line naming the
    index, file or query at fault (str(err) is the same line)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.status_name = _lib.STATUS_NAMES[status] if 0 <= status < len(_lib.STATUS_NAMES) else str(status)
        self.message = message


class NoMemory(DocketError):
    """DOCKET_NO_MEMORY."""


class BadArgument(DocketError):
    """DOCKET_BAD_ARGUMENT: an option or value the library refuses."""


class NotFound(DocketError):
    """DOCKET_NOT_FOUND: no index (or no such passage) there."""


class Locked(DocketError):
    """DOCKET_LOCKED: another process is writing the index."""


class IOError_(DocketError):
    """DOCKET_IO_ERROR (named so as not to shadow the builtin)."""


class Corrupt(DocketError):
    """DOCKET_CORRUPT: a damaged index, or one of another schema."""


class BadQuery(DocketError):
    """DOCKET_BAD_QUERY: the query string cannot be parsed or run."""


class BadInput(DocketError):
    """DOCKET_BAD_INPUT."""


class Modified(DocketError):
    """DOCKET_MODIFIED: the index kept changing under the reader."""


class Unsupported(DocketError):
    """DOCKET_UNSUPPORTED: not possible with this index."""


class EngineError(DocketError):
    """DOCKET_ENGINE_ERROR: any other error of the search engine."""


class Interrupted(DocketError):
    """DOCKET_INTERRUPTED: the progress callback asked to stop."""


_ERRORS = (
    DocketError,
    NoMemory,
    BadArgument,
    NotFound,
    Locked,
    IOError_,
    Corrupt,
    BadQuery,
    BadInput,
    Modified,
    Unsupported,
    EngineError,
    Interrupted,
)


def _text(b: Optional[bytes]) -> str:
    """A C string as str (UTF-8; the library promises valid UTF-8)."""
    return b.decode("utf-8", "replace") if b else ""


def _path(p: PathLike) -> bytes:
    """A path as the bytes the C library takes."""
    return os.fsencode(p)


def _error(status: int, handle: Optional[int]) -> DocketError:
    """The exception for STATUS, with HANDLE's last error or the status name."""
    msg = _text(lib.docket_index_last_error(handle)) if handle else ""
    if not msg:
        msg = _text(lib.docket_strerror(status))
    cls = _ERRORS[status] if 0 < status < len(_ERRORS) else DocketError
    return cls(status, msg)


def _check(status: int, handle: Optional[int]) -> None:
    """Raise the exception for STATUS unless it is DOCKET_OK."""
    if status != 0:
        raise _error(status, handle)


def version() -> str:
    """The running libdocket's docket_version() line ("unknown" before it existed)."""
    fn = getattr(lib, "docket_version", None)
    if fn is not None and fn.restype is ctypes.c_char_p:
        return _text(fn())
    return "unknown"


# -------------------------------------------------------------------- hits


def _cp_offsets(text: bytes, offsets: Iterable[int]) -> List[int]:
    """Each UTF-8 byte offset into TEXT as a code-point (str) index."""
    return [len(text[:o].decode("utf-8", "replace")) for o in offsets]


@dataclass(frozen=True)
class Hit:
    """One passage: the keys of the JSON contract (see the README).

    Byte offsets (``snippet_start``, ``snippet_end``, ``highlights``) index
    the UTF-8 encoding of ``text``; the ``*_cp`` ones index the str."""

    rank: int
    score: float
    passage_id: str
    article_id: str
    path: str
    title: str
    outlet: str
    author: str
    date: str
    url: str
    section: str
    paragraph: int
    part: int
    sources: List[str]
    text: str
    snippet: str
    snippet_start: int
    snippet_end: int
    highlights: List[Tuple[int, int]]
    citation: str
    snippet_start_cp: int
    snippet_end_cp: int
    highlights_cp: List[Tuple[int, int]]
    explain: List[Tuple[str, float]] = field(default_factory=list)
    cases: List[str] = field(default_factory=list)
    dockets: List[str] = field(default_factory=list)
    courts: List[str] = field(default_factory=list)
    judges: List[str] = field(default_factory=list)
    record_cites: List[str] = field(default_factory=list)
    speakers: List[str] = field(default_factory=list)
    quotes: List[Dict[str, Any]] = field(default_factory=list)
    event_dates: List[str] = field(default_factory=list)
    wire: str = ""
    copies: List[Dict[str, str]] = field(default_factory=list)
    first_reported: Dict[str, str] = field(default_factory=dict)


def _ranges(h: int) -> Tuple[Tuple[int, int], List[Tuple[int, int]]]:
    """The snippet window and the highlights of hit H, in bytes."""
    a, b = ctypes.c_size_t(), ctypes.c_size_t()
    lib.docket_hit_snippet_range(h, ctypes.byref(a), ctypes.byref(b))
    window = (a.value, b.value)
    marks = []
    for i in range(lib.docket_hit_highlight_count(h)):
        lib.docket_hit_highlight(h, i, ctypes.byref(a), ctypes.byref(b))
        marks.append((a.value, b.value))
    return window, marks


def _explain(h: int) -> List[Tuple[str, float]]:
    """The parts of hit H's score (empty without explain=True)."""
    w = ctypes.c_double()
    return [
        (_text(lib.docket_hit_explain(h, i, ctypes.byref(w))), w.value)
        for i in range(lib.docket_hit_explain_count(h))
    ]


def _lists(h: int) -> Dict[str, List[str]]:
    """The multi-valued fields of hit H (empty with a library without them)."""
    count = getattr(lib, "docket_hit_list_count", None)
    if count is None or count.argtypes is None:
        return {}
    return {
        key: [_text(lib.docket_hit_list_item(h, num, i)) for i in range(count(h, num))]
        for num, key in _lib.LISTS
    }


def _quotes(h: int) -> List[Dict[str, Any]]:
    """Hit H's quotations as the JSON contract's objects: start, end (bytes),
    start_cp, end_cp (str indices), speaker, cue."""
    count = getattr(lib, "docket_hit_quote_count", None)
    if count is None or count.argtypes is None:
        return []
    a, b = ctypes.c_size_t(), ctypes.c_size_t()
    ca, cb = ctypes.c_size_t(), ctypes.c_size_t()
    who, cue = ctypes.c_char_p(), ctypes.c_char_p()
    out = []
    for i in range(count(h)):
        lib.docket_hit_quote(h, i, ctypes.byref(a), ctypes.byref(b), ctypes.byref(who), ctypes.byref(cue))
        lib.docket_hit_quote_cp(h, i, ctypes.byref(ca), ctypes.byref(cb))
        out.append({"start": a.value, "end": b.value, "start_cp": ca.value, "end_cp": cb.value,
                    "speaker": _text(who.value), "cue": _text(cue.value)})
    return out


def _copies(h: int) -> Tuple[List[Dict[str, str]], Dict[str, str]]:
    """Hit H's copies (every key) and its group's first report (passage_id,
    outlet, date, wire), as the JSON contract's objects; ([], {}) with a
    library without copies."""
    count = getattr(lib, "docket_hit_copy_count", None)
    if count is None or count.argtypes is None:
        return [], {}
    copies = [
        {key: _text(lib.docket_hit_copy(h, i, num)) for num, key, _ in _lib.COPY_FIELDS}
        for i in range(count(h))
    ]
    first = {key: _text(lib.docket_hit_first_reported(h, num))
             for num, key, always in _lib.COPY_FIELDS if always}
    return copies, first


def _hit(h: int, cite: int) -> Hit:
    """Copy the C hit H (owned by its query) into a Python Hit."""
    f = {key: _text(lib.docket_hit_field(h, num)) for num, key in _lib.FIELDS}
    raw = lib.docket_hit_field(h, 9) or b""
    (s0, s1), marks = _ranges(h)
    flat = _cp_offsets(raw, [s0, s1] + [o for m in marks for o in m])
    f["citation"] = _text(lib.docket_hit_citation(h, cite))
    copies, first = _copies(h)
    return Hit(
        rank=lib.docket_hit_rank(h),
        score=lib.docket_hit_score(h),
        paragraph=lib.docket_hit_paragraph(h),
        part=lib.docket_hit_part(h),
        sources=[_text(lib.docket_hit_source(h, i)) for i in range(lib.docket_hit_source_count(h))],
        snippet_start=s0,
        snippet_end=s1,
        highlights=marks,
        snippet_start_cp=flat[0],
        snippet_end_cp=flat[1],
        highlights_cp=[(flat[i], flat[i + 1]) for i in range(2, len(flat), 2)],
        explain=_explain(h),
        quotes=_quotes(h),
        copies=copies,
        first_reported=first,
        **_lists(h),
        **f,
    )


class Table(List[Dict[str, Any]]):
    """Counts over every passage a query matches: one dict per row, with
    the keys of the CLI's JSON line for it (``docket timeline --json``,
    ``docket coverage --json``, the ``facet`` lines of ``docket search
    --facets``), ``type`` left out.  ``note`` is "" or the one line a
    reader must see (what the counts leave out)."""

    note: str = ""


class Results(List[Hit]):
    """The hits of one search, in rank order; ``estimated`` is the
    library's estimate of how many passages match in all.  With
    ``facets=`` asked, ``facets`` holds one row per field asked, in that
    order: ``{"field": "outlet", "values": [{"value", "articles",
    "passages"}, ...]}`` (exact counts over every match, not only the
    page)."""

    estimated: int = 0
    facets: Table = Table()


def _collect(q: int, idx: int, cite: int) -> Results:
    """Run query Q and copy its hits out; Q stays owned by the caller."""
    hits = ctypes.c_void_p()
    _check(lib.docket_query_run(q, ctypes.byref(hits)), idx)
    out = Results()
    out.facets = Table()
    while lib.docket_hits_valid(hits):
        out.append(_hit(lib.docket_hits_get(hits), cite))
        lib.docket_hits_next(hits)
    _check(lib.docket_hits_status(hits), idx)
    out.estimated = lib.docket_query_estimated(q)
    return out


def _cells(t: int) -> Tuple[List[str], List[List[str]]]:
    """The column names and the rows of docket_table T, as str."""
    cols = [_text(lib.docket_table_column(t, c)) for c in range(lib.docket_table_columns(t))]
    rows = [[_text(lib.docket_table_cell(t, r, c)) for c in range(len(cols))]
            for r in range(lib.docket_table_rows(t))]
    return cols, rows


def _items(cell: str) -> List[str]:
    """A list cell's items (joined with newlines by the library)."""
    return cell.split("\n") if cell else []


def _facet_rows(cols: List[str], rows: List[List[str]]) -> List[Dict[str, Any]]:
    """Facet rows grouped by field, as the CLI's facet JSON lines."""
    out: List[Dict[str, Any]] = []
    for row in rows:
        r = dict(zip(cols, row))
        if not out or out[-1]["field"] != r["field"]:
            out.append({"field": r["field"], "values": []})
        if r["value"]:
            out[-1]["values"].append({"value": r["value"], "articles": int(r["articles"]),
                                      "passages": int(r["passages"])})
    return out


def _bucket_rows(cols: List[str], rows: List[List[str]]) -> List[Dict[str, Any]]:
    """Timeline rows as the CLI's bucket JSON lines."""
    out = []
    for row in rows:
        r = dict(zip(cols, row))
        out.append({"start": r["start"], "end": r["end"], "outlet": r["outlet"],
                    "articles": int(r["articles"]), "passages": int(r["passages"]),
                    "outlets": int(r["outlets"]),
                    "first": {"passage_id": r["first_passage_id"], "outlet": r["first_outlet"],
                              "date": r["first_date"]}})
    return out


def _coverage_rows(cols: List[str], rows: List[List[str]]) -> List[Dict[str, Any]]:
    """Coverage rows as the CLI's coverage JSON lines."""
    out = []
    for row in rows:
        r = dict(zip(cols, row))
        sources = [{"source": s, "passages": int(n)}
                   for s, n in zip(_items(r["sources"]), _items(r["source_passages"]))]
        out.append({"outlet": r["outlet"], "first": r["first"], "last": r["last"],
                    "articles": int(r["articles"]), "passages": int(r["passages"]),
                    "sources": sources, "wire": _items(r["wire"])})
    return out


def _table(t: int, shape: Callable[[List[str], List[List[str]]], List[Dict[str, Any]]]) -> Table:
    """Copy docket_table T out (it is owned by its query) in SHAPE."""
    out = Table(shape(*_cells(t)))
    out.note = _text(lib.docket_table_note(t))
    return out


def _field_list(fields: Union[str, Sequence[str]]) -> bytes:
    """FIELDS ("outlet,month" or ["outlet", "month"]) as the library's
    comma-separated list."""
    return (fields if isinstance(fields, str) else ",".join(fields)).encode("utf-8")


def _choice(value: str, names: Sequence[str], what: str) -> int:
    """The enum number of VALUE among NAMES; ValueError naming WHAT."""
    try:
        return names.index(value)
    except ValueError:
        raise ValueError(f"{what} must be one of {', '.join(names)}, not {value!r}") from None


# ------------------------------------------------------------------- index


class Index:
    """A docket index opened for searching: a folder, a stub file of
    shards, or several of them searched as one (global statistics).

    Use it as a context manager, or call close(); searching a closed index
    raises ValueError."""

    def __init__(self, path: Union[PathLike, Sequence[PathLike]]) -> None:
        paths = [path] if isinstance(path, (str, bytes, os.PathLike)) else list(path)
        if not paths:
            raise ValueError("Index needs at least one path")
        handle = ctypes.c_void_p()
        status = lib.docket_index_open(_path(paths[0]), _lib.OPEN_READ, ctypes.byref(handle))
        self._h: Optional[int] = handle.value
        try:
            _check(status, self._h)
            for p in paths[1:]:
                _check(lib.docket_index_add(self._h, _path(p)), self._h)
        except DocketError:
            self.close()
            raise

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """Close the index (again is harmless)."""
        h, self._h = getattr(self, "_h", None), None
        if h:
            lib.docket_index_close(h)

    def _handle(self) -> int:
        if not self._h:
            raise ValueError("the docket index is closed")
        return self._h

    @property
    def language(self) -> str:
        """The stemming language recorded in the index."""
        return _text(lib.docket_index_language(self._handle()))

    def counts(self) -> Tuple[int, int]:
        """(articles, passages) over the whole index."""
        a, p = ctypes.c_size_t(), ctypes.c_size_t()
        h = self._handle()
        _check(lib.docket_index_counts(h, ctypes.byref(a), ctypes.byref(p)), h)
        return a.value, p.value

    @contextlib.contextmanager
    def _query(self, query: str, match_all: bool, plain: bool) -> Iterator[int]:
        """A new docket_query for QUERY, freed on leaving the block."""
        h = self._handle()
        q = ctypes.c_void_p()
        _check(lib.docket_query_new(h, query.encode("utf-8"), ctypes.byref(q)), h)
        try:
            for opt, value in ((_lib.QUERY_DEFAULT_AND, match_all), (_lib.QUERY_PLAIN, plain)):
                _check(lib.docket_query_set(q, opt, int(value)), h)
            yield q.value
        finally:
            lib.docket_query_free(q)

    def search(
        self,
        query: str,
        limit: int = 10,
        offset: int = 0,
        per_article: int = 2,
        sort: str = "relevance",
        *,
        facets: Union[str, Sequence[str], None] = None,
        facet_limit: int = 10,
        keep: Sequence[str] = (),
        drop: Sequence[str] = (),
        match_all: bool = False,
        plain: bool = False,
        explain: bool = False,
        snippet_bytes: int = 240,
        cite: str = "plain",
        bm25: Optional[Tuple[float, float]] = None,
        title_weight: float = 0.0,
        feedback: float = 0.0,
        keep_stopwords: bool = False,
    ) -> Results:
        """The best passages for QUERY (the language of docket-query(7)).

        The options are those of ``docket search``: ``match_all`` is
        ``--and``, ``keep_stopwords`` ``--keep-stopwords``, ``cite`` one
        of plain, markdown, bibtex (the style of each hit's ``citation``), ``facets`` the fields of ``--facets``
        ("outlet,month" or a list; counted into ``Results.facets``, at
        most ``facet_limit`` values each, 0 for all), ``keep`` and
        ``drop`` those of ``--keep`` and ``--drop`` ("outlet:VALUE" or
        "author:VALUE", exact).  Raises BadQuery with the library's
        message when QUERY cannot be parsed, BadArgument naming an
        unknown facet field, ValueError for a bad ``sort``, ``cite``,
        ``keep`` or ``drop``; no hits is an empty Results."""
        h = self._handle()
        sort_n = _choice(sort, _lib.SORTS, "sort")
        cite_n = _choice(cite, _lib.CITE_STYLES, "cite")
        with self._query(query, match_all, plain) as q:
            opts = (
                (_lib.QUERY_LIMIT, limit),
                (_lib.QUERY_OFFSET, offset),
                (_lib.QUERY_PER_ARTICLE, per_article),
                (_lib.QUERY_SORT, sort_n),
                (_lib.QUERY_SNIPPET_BYTES, snippet_bytes),
                (_lib.QUERY_EXPLAIN, int(explain)),
                (_lib.QUERY_STOPWORDS, int(not keep_stopwords)),
            )
            for opt, value in opts:
                _check(lib.docket_query_set(q, opt, value), h)
            if bm25 is not None:
                _check(lib.docket_query_set_bm25(q, bm25[0], bm25[1]), h)
            for which, w in ((_lib.WEIGHT_TITLE, title_weight), (_lib.WEIGHT_FEEDBACK, feedback)):
                if w:
                    _check(lib.docket_query_set_weight(q, which, w), h)
            for exclude, values in ((0, keep), (1, drop)):
                for fv in [values] if isinstance(values, str) else values:
                    field, sep, value = fv.partition(":")
                    if not sep or field not in ("outlet", "author") or not value:
                        raise ValueError(f"{'drop' if exclude else 'keep'}: {fv!r} is not "
                                         "outlet:VALUE or author:VALUE")
                    _check(lib.docket_query_filter(q, field.encode(), value.encode(), exclude), h)
            out = _collect(q, h, cite_n)
            if facets is not None:
                if facet_limit < 0:
                    raise ValueError(f"facet_limit must be 0 or more, not {facet_limit}")
                t = ctypes.c_void_p()
                _check(lib.docket_query_facets(q, _field_list(facets), facet_limit, ctypes.byref(t)), h)
                out.facets = _table(t.value, _facet_rows)
            return out

    def timeline(
        self,
        query: str,
        by: str = "month",
        date: str = "published",
        per_outlet: bool = False,
        *,
        match_all: bool = False,
        plain: bool = False,
    ) -> Table:
        """``docket timeline``: one row per period (``by`` day, week,
        month or year) from the first matching passage's to the last's,
        empty ones included, dated by ``date`` (published or event);
        ``per_outlet`` gives one series per outlet.  Rows carry the keys
        of the CLI's bucket lines; ValueError for a bad ``by``/``date``."""
        by_n = _choice(by, _lib.PERIODS, "by")
        date_n = _choice(date, _lib.DATE_KINDS, "date")
        h = self._handle()
        with self._query(query, match_all, plain) as q:
            t = ctypes.c_void_p()
            _check(lib.docket_query_timeline(q, by_n, date_n, int(per_outlet), ctypes.byref(t)), h)
            return _table(t.value, _bucket_rows)

    def coverage(self, query: str, *, match_all: bool = False, plain: bool = False) -> Table:
        """``docket coverage``: one row per outlet that ran a matching
        passage, by first date, with the keys of the CLI's coverage
        lines (outlet, first, last, articles, passages, sources, wire)."""
        h = self._handle()
        with self._query(query, match_all, plain) as q:
            t = ctypes.c_void_p()
            _check(lib.docket_query_coverage(q, ctypes.byref(t)), h)
            return _table(t.value, _coverage_rows)

    def show(
        self, passage_id: str, context: int = 1, query: Optional[str] = None, *, cite: str = "plain"
    ) -> Results:
        """The passage PASSAGE_ID with up to CONTEXT passages before and
        after it, in article order; QUERY only decides the highlights.
        Raises NotFound when there is no such passage."""
        h = self._handle()
        cite_n = _choice(cite, _lib.CITE_STYLES, "cite")
        q = ctypes.c_void_p()
        qs = query.encode("utf-8") if query else None
        _check(lib.docket_query_new_passage(h, passage_id.encode("utf-8"), context, qs, ctypes.byref(q)), h)
        try:
            return _collect(q, h, cite_n)
        finally:
            lib.docket_query_free(q)

    def __iter__(self) -> Iterator[Hit]:
        raise TypeError("iterate over idx.search(...), not the index")


# ---------------------------------------------------------------- indexing


@dataclass(frozen=True)
class IndexStats:
    """How many files the run reported with each event."""

    added: int
    updated: int
    removed: int
    unchanged: int
    skipped: int
    warning: int


def _event_fn(progress: Optional[Progress], caught: List[BaseException]) -> "ctypes._CFuncPtr":
    """A C callback calling PROGRESS(event, path, reason); a true return,
    or an exception (kept in CAUGHT and re-raised later), stops the run."""

    def call(ctx: Optional[int], event: int, path: Optional[bytes], reason: Optional[bytes]) -> int:
        if progress is None:
            return 0
        try:
            name = _lib.EVENT_NAMES[event] if event < len(_lib.EVENT_NAMES) else str(event)
            return 1 if progress(name, os.fsdecode(path or b""), _text(reason)) else 0
        except BaseException as e:  # noqa: B902 - re-raised after the run
            caught.append(e)
            return 1

    return _lib.EVENT_FN(call)


def _configure(ix: int, h: int, follow: bool, hidden: bool, max_size: Optional[int],
               batch: Optional[int], exclude: Iterable[str]) -> None:
    """Apply the indexer options; raises on a refused one."""
    sets = [(_lib.INDEXER_FOLLOW, int(follow)), (_lib.INDEXER_HIDDEN, int(hidden))]
    if max_size is not None:
        sets.append((_lib.INDEXER_MAX_SIZE, max_size))
    if batch is not None:
        sets.append((_lib.INDEXER_BATCH, batch))
    for opt, v in sets:
        _check(lib.docket_indexer_set(ix, opt, v), h)
    for glob in exclude:
        _check(lib.docket_indexer_exclude(ix, glob.encode("utf-8")), h)


def index(
    path: PathLike,
    folders: Union[PathLike, Sequence[PathLike]],
    progress: Optional[Progress] = None,
    *,
    lang: Optional[str] = None,
    shards: Optional[int] = None,
    follow: bool = False,
    hidden: bool = False,
    max_size: Optional[int] = None,
    batch: Optional[int] = None,
    exclude: Iterable[str] = (),
) -> IndexStats:
    """Bring the index at PATH (created if missing) up to date with each
    of FOLDERS (files or folders), as ``docket index`` does.

    PROGRESS, if given, is called as progress(event, path, reason) for
    every file event ("added", "updated", "removed", "unchanged",
    "skipped", "warning", "committed", "merging"), from the indexer's
    threads but never two at once; returning True stops the run
    (Interrupted is raised after what was complete is committed), and an
    exception it raises stops the run and is re-raised.  LANG and SHARDS
    apply to a new index only.  Raises Locked when another writer holds
    the index."""
    roots = [folders] if isinstance(folders, (str, bytes, os.PathLike)) else list(folders)
    handle = ctypes.c_void_p()
    status = lib.docket_index_open(_path(path), _lib.OPEN_WRITE, ctypes.byref(handle))
    h = handle.value
    ix = ctypes.c_void_p()
    caught: List[BaseException] = []
    fn = _event_fn(progress, caught)  # kept alive until the run ends
    try:
        _check(status, h)
        if lang is not None:
            _check(lib.docket_index_set_language(h, lang.encode("utf-8")), h)
        if shards is not None:
            _check(lib.docket_index_set_shards(h, shards), h)
        _check(lib.docket_indexer_new(h, ctypes.byref(ix)), h)
        _configure(ix, h, follow, hidden, max_size, batch, exclude)
        lib.docket_indexer_on_event(ix, fn, None)
        for root in roots:
            status = lib.docket_indexer_run(ix, _path(root))
            if caught:
                raise caught[0]
            _check(status, h)
        return IndexStats(*(lib.docket_indexer_count(ix, e) for e in range(6)))
    finally:
        lib.docket_indexer_free(ix)
        lib.docket_index_close(h)
