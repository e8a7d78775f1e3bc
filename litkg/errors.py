"""The one exception hierarchy of litkg.

Library code raises these; only the CLI turns them into a one-line ``Error: …`` message with the
``hint``. Each class carries a stable ``code`` so scripts and tests can tell errors apart without
parsing message texts.
"""
from __future__ import annotations

__all__ = [
    "LitkgError",
    "InputError",
    "InputNotFoundError",
    "UnknownFormatError",
    "MalformedRecordError",
    "UnsafeInputError",
    "StoreError",
    "StoreLockedError",
    "NotFoundError",
    "ExtractionError",
    "GazetteerError",
    "ModelError",
    "QueryError",
    "Neo4jConnectionError",
    "FetchError",
    "RemoteDataError",
    "RedirectRefusedError",
    "CursorError",
]


class LitkgError(Exception):
    """Root of every error litkg raises on purpose."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint


class InputError(LitkgError):
    """An input file cannot be read as paper records."""

    code = "E100"
    hint = "check the file, or pass --format to say what it holds"


class InputNotFoundError(InputError):
    code = "E101"
    hint = "check the path; quote globs the shell did not expand"


class UnknownFormatError(InputError):
    code = "E102"
    hint = ("pass --format with one of: hf-pages, jsonl, json, csv, bibtex, ris, arxiv-atom, "
            "arxiv-snapshot, openalex, semantic-scholar, hf-papers")


class MalformedRecordError(InputError):
    """One record of an input file is broken; names the file and line."""

    code = "E103"
    hint = "fix the record, or pass --on-error skip to skip bad records and keep the rest"

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class UnsafeInputError(InputError):
    """An input that could exhaust time or memory if read (an XML bomb, an external entity)."""

    code = "E104"
    hint = "leave this file out; export the feed again from the arXiv API"


class StoreError(LitkgError):
    code = "E200"
    hint = "check the --db path; build it with 'litkg build INPUT...'"


class StoreLockedError(StoreError):
    code = "E201"
    hint = "another litkg process is writing this store; wait for it to finish or use another --db"


class NotFoundError(LitkgError):
    """A paper or concept named by the user is not in the store."""

    code = "E300"
    hint = "find papers with 'litkg query papers --search TEXT' and concepts with 'litkg query concepts'"


class QueryError(LitkgError):
    code = "E301"
    hint = "see 'litkg query --help'"


class ExtractionError(LitkgError):
    code = "E400"
    hint = "this is a bug in litkg's extraction; please report it with the input record"


class GazetteerError(ExtractionError):
    code = "E401"
    hint = "each gazetteer line must be a JSON object with id, name, type and aliases"


class Neo4jConnectionError(LitkgError):
    code = "E500"
    hint = "check --uri, --user and NEO4J_PASSWORD, and that the server is running"


class ModelError(ExtractionError):
    """The learned span model could not be loaded or does not fit the code."""

    code = "E402"
    hint = "reinstall litkg, or retrain with 'python -m litkg.extract.train'"


class FetchError(LitkgError):
    """A scholarly API could not be fetched from (network, HTTP status, rate limit)."""

    code = "E600"
    hint = "check the network and the query; run the same command again to resume"


class RemoteDataError(FetchError):
    """A response that is not what the API sends: malformed or truncated JSON or XML."""

    code = "E601"
    hint = "the service sent a broken response; run the same command again later to resume"


class RedirectRefusedError(FetchError):
    """A redirect litkg will not follow (to plain HTTP from HTTPS, or too many)."""

    code = "E602"
    hint = "check --base-url; litkg follows redirects only to the same or a secure host"


class CursorError(FetchError):
    """A cursor file that does not belong to this fetch."""

    code = "E603"
    hint = "pass another --out, or delete the output and its .cursor.json to start again"
