"""The ctypes declarations of libdocket's C API (docket.h), and nothing else.

Loads the shared library once: $DOCKET_LIBRARY when set (a path, as the
tests use for build/libdocket.so), else the installed libdocket.so.0.  Every
prototype is declared here, so a call with the wrong types fails in Python
rather than in C.  The enums mirror docket.h's order, which the header
promises never to renumber.  Used only by docket/__init__.py.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (
    CFUNCTYPE,
    POINTER,
    c_char_p,
    c_double,
    c_int,
    c_long,
    c_size_t,
    c_uint,
    c_void_p,
)

# docket_status, in docket.h's order.
STATUS_NAMES = (
    "DOCKET_OK",
    "DOCKET_NO_MEMORY",
    "DOCKET_BAD_ARGUMENT",
    "DOCKET_NOT_FOUND",
    "DOCKET_LOCKED",
    "DOCKET_IO_ERROR",
    "DOCKET_CORRUPT",
    "DOCKET_BAD_QUERY",
    "DOCKET_BAD_INPUT",
    "DOCKET_MODIFIED",
    "DOCKET_UNSUPPORTED",
    "DOCKET_ENGINE_ERROR",
    "DOCKET_INTERRUPTED",
)

OPEN_READ, OPEN_WRITE = 0, 1

# docket_indexer_option
INDEXER_FOLLOW, INDEXER_HIDDEN, INDEXER_MAX_SIZE, INDEXER_BATCH, INDEXER_ONE_FILE_SYSTEM = range(5)

# docket_event
EVENT_NAMES = (
    "added",
    "updated",
    "removed",
    "unchanged",
    "skipped",
    "warning",
    "committed",
    "merging",
    "note",
)

# docket_query_option
(
    QUERY_LIMIT,
    QUERY_OFFSET,
    QUERY_PER_ARTICLE,
    QUERY_SORT,
    QUERY_SNIPPET_BYTES,
    QUERY_DEFAULT_AND,
    QUERY_PLAIN,
    QUERY_EXPLAIN,
    QUERY_FEEDBACK_TERMS,
    QUERY_FEEDBACK_DOCS,
    QUERY_QUOTED,
    QUERY_COPIES,
    QUERY_TIME_LIMIT_MS,
    QUERY_STRICT,
    QUERY_STOPWORDS,
) = range(15)

SORTS = ("relevance", "date")  # docket_sort
PERIODS = ("day", "week", "month", "year")  # docket_period
DATE_KINDS = ("published", "event")  # docket_date_kind

# docket_weight
WEIGHT_K1, WEIGHT_B, WEIGHT_MIN_NORMLEN, WEIGHT_TITLE, WEIGHT_FEEDBACK = range(5)

# docket_field, as (enum value, JSON key).
FIELDS = (
    (0, "passage_id"),
    (1, "article_id"),
    (2, "path"),
    (3, "title"),
    (4, "outlet"),
    (5, "author"),
    (6, "date"),
    (7, "url"),
    (8, "section"),
    (9, "text"),
    (10, "snippet"),
    (11, "citation"),
    (12, "wire"),
)

CITE_STYLES = ("plain", "markdown", "bibtex")  # docket_cite_style

# docket_list, as (enum value, JSON key); DOCKET_LIST_SOURCES (0) is read
# through docket_hit_source.  speakers has no JSON key of its own.
LISTS = (
    (1, "cases"),
    (2, "dockets"),
    (3, "courts"),
    (4, "judges"),
    (5, "record_cites"),
    (6, "speakers"),
    (7, "event_dates"),
)

# docket_copy_field, as (enum value, JSON key, also in "first_reported"):
# a copy object has every key, the first report only the marked ones (as
# cli/print-json.c writes them).
COPY_FIELDS = (
    (0, "passage_id", True),
    (1, "article_id", False),
    (2, "outlet", True),
    (3, "date", True),
    (4, "url", False),
    (5, "wire", True),
)

EVENT_FN = CFUNCTYPE(c_int, c_void_p, c_int, c_char_p, c_char_p)

_P = c_void_p
_PP = POINTER(c_void_p)
_SZ = POINTER(c_size_t)

# name: (restype, argtypes)
_PROTOTYPES = {
    "docket_strerror": (c_char_p, [c_int]),
    "docket_index_open": (c_int, [c_char_p, c_int, _PP]),
    "docket_index_add": (c_int, [_P, c_char_p]),
    "docket_index_close": (None, [_P]),
    "docket_index_last_error": (c_char_p, [_P]),
    "docket_index_language": (c_char_p, [_P]),
    "docket_index_set_language": (c_int, [_P, c_char_p]),
    "docket_index_set_shards": (c_int, [_P, c_uint]),
    "docket_index_shards": (c_uint, [_P]),
    "docket_index_counts": (c_int, [_P, _SZ, _SZ]),
    "docket_indexer_new": (c_int, [_P, _PP]),
    "docket_indexer_set": (c_int, [_P, c_int, c_long]),
    "docket_indexer_exclude": (c_int, [_P, c_char_p]),
    "docket_indexer_on_event": (None, [_P, EVENT_FN, _P]),
    "docket_indexer_run": (c_int, [_P, c_char_p]),
    "docket_indexer_count": (c_size_t, [_P, c_int]),
    "docket_indexer_free": (None, [_P]),
    "docket_query_new": (c_int, [_P, c_char_p, _PP]),
    "docket_query_new_passage": (c_int, [_P, c_char_p, c_uint, c_char_p, _PP]),
    "docket_query_set": (c_int, [_P, c_int, c_long]),
    "docket_query_set_bm25": (c_int, [_P, c_double, c_double]),
    "docket_query_filter": (c_int, [_P, c_char_p, c_char_p, c_int]),
    "docket_query_set_weight": (c_int, [_P, c_int, c_double]),
    "docket_query_run": (c_int, [_P, _PP]),
    "docket_query_estimated": (c_size_t, [_P]),
    "docket_query_free": (None, [_P]),
    "docket_hits_valid": (c_int, [_P]),
    "docket_hits_next": (None, [_P]),
    "docket_hits_status": (c_int, [_P]),
    "docket_hits_get": (_P, [_P]),
    "docket_hits_count": (c_size_t, [_P]),
    "docket_hit_field": (c_char_p, [_P, c_int]),
    "docket_hit_score": (c_double, [_P]),
    "docket_hit_rank": (c_size_t, [_P]),
    "docket_hit_paragraph": (c_int, [_P]),
    "docket_hit_ordinal": (c_int, [_P]),
    "docket_hit_part": (c_int, [_P]),
    "docket_hit_source_count": (c_size_t, [_P]),
    "docket_hit_source": (c_char_p, [_P, c_size_t]),
    "docket_hit_snippet_range": (None, [_P, _SZ, _SZ]),
    "docket_hit_highlight_count": (c_size_t, [_P]),
    "docket_hit_highlight": (None, [_P, c_size_t, _SZ, _SZ]),
    "docket_hit_explain_count": (c_size_t, [_P]),
    "docket_hit_explain": (c_char_p, [_P, c_size_t, POINTER(c_double)]),
    "docket_hit_citation": (c_char_p, [_P, c_int]),
}

# Functions newer libraries add; absent ones are simply not declared.
_OPTIONAL = {
    "docket_version": (c_char_p, []),
    "docket_hit_list_count": (c_size_t, [_P, c_int]),
    "docket_hit_list_item": (c_char_p, [_P, c_int, c_size_t]),
    "docket_hit_quote_count": (c_size_t, [_P]),
    "docket_hit_copy_count": (c_size_t, [_P]),
    "docket_hit_copy": (c_char_p, [_P, c_size_t, c_int]),
    "docket_hit_first_reported": (c_char_p, [_P, c_int]),
    "docket_hit_quote": (None, [_P, c_size_t, _SZ, _SZ, POINTER(c_char_p), POINTER(c_char_p)]),
    "docket_hit_quote_cp": (None, [_P, c_size_t, _SZ, _SZ]),
    "docket_query_facets": (c_int, [_P, c_char_p, c_size_t, _PP]),
    "docket_query_timeline": (c_int, [_P, c_int, c_int, c_int, _PP]),
    "docket_query_coverage": (c_int, [_P, _PP]),
    "docket_table_rows": (c_size_t, [_P]),
    "docket_table_columns": (c_size_t, [_P]),
    "docket_table_column": (c_char_p, [_P, c_size_t]),
    "docket_table_cell": (c_char_p, [_P, c_size_t, c_size_t]),
    "docket_table_note": (c_char_p, [_P]),
}


def library_path() -> str:
    """The file to load: $DOCKET_LIBRARY, else what the linker finds."""
    env = os.environ.get("DOCKET_LIBRARY")
    if env:
        return env
    return ctypes.util.find_library("docket") or "libdocket.so.0"


def load() -> ctypes.CDLL:
    """Load libdocket and declare every prototype; OSError if missing."""
    lib = ctypes.CDLL(library_path())
    for name, (res, args) in _PROTOTYPES.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    for name, (res, args) in _OPTIONAL.items():
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype, fn.argtypes = res, args
    return lib


lib = load()
