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
    "AmbiguousPaperError",
    "ExtractionError",
    "GazetteerError",
    "ModelError",
    "QueryError",
    "Neo4jConnectionError",
    "Neo4jAuthError",
    "Neo4jQueryError",
    "Neo4jUriError",
    "Neo4jInterruptedError",
    "ExportError",
    "OutputError",
    "RenderError",
    "DaskUnavailableError",
    "DaskSchedulerError",
    "PartsError",
    "PartsMismatchError",
    "PartsIncompleteError",
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


class AmbiguousPaperError(NotFoundError):
    """An input id that several papers share (two files gave it to different papers): which one
    is meant is not said; the message lists their keys."""

    hint = "give one of their keys"


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


class Neo4jAuthError(Neo4jConnectionError):
    """The server refused the user name or password."""

    code = "E501"
    hint = "check --user and NEO4J_PASSWORD (or --password)"


class Neo4jQueryError(LitkgError):
    """The server rejected a query (a bad ad-hoc query, a missing parameter, a constraint)."""

    code = "E502"
    hint = "check the query and its --param values; 'litkg neo4j queries' lists the library"

    def __init__(self, message: str, *, server_code: str | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.server_code = server_code


class Neo4jUriError(Neo4jConnectionError):
    """The Neo4j URI is malformed or names a scheme litkg does not speak (nothing was sent)."""

    code = "E503"
    hint = ("a URI looks like bolt://host:7687 or neo4j://host:7687; with TLS bolt+s:// or neo4j+s:// "
            "(+ssc for a self-signed certificate)")


class Neo4jInterruptedError(Neo4jConnectionError):
    """A push lost its server and ran out of retries; what it committed is kept, and pushing the
    same store again completes it without duplicates."""

    code = "E504"
    hint = ("push again when the server is back: what was written is matched, not duplicated "
            "(--retry-for waits longer for a restarting server)")


class ExportError(LitkgError):
    """The graph cannot be exported to the given --out (a file where a directory is needed, or
    the other way round)."""

    code = "E600"  # shared with FetchError since both were introduced; kept, scripts may test it
    hint = "check --out: a directory for neo4j-csv and csv, a file for graphml, gexf and json"


class OutputError(LitkgError):
    """An output file cannot be written, or would overwrite an input."""

    code = "E700"
    hint = "check --out and that its folder is writable"


class RenderError(LitkgError):
    """An HTML view cannot be drawn: the vis-network script litkg inlines is missing or unsafe."""

    code = "E710"
    hint = "reinstall pyvis 0.3.x"


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


class DaskUnavailableError(LitkgError):
    """``--dask`` without dask and distributed installed."""

    code = "E800"
    hint = "install them with: python -m pip install 'litkg[dask]'"


class DaskSchedulerError(LitkgError):
    """A Dask scheduler that cannot be reached or an address that is not one."""

    code = "E801"
    hint = ("pass --dask local, or the address of a running scheduler (tcp://HOST:8786: "
            "'dask scheduler' starts one, 'dask worker tcp://HOST:8786' its workers)")


class PartsError(LitkgError):
    """A parts folder that cannot be used."""

    code = "E810"
    hint = "pass the folder a 'litkg build INPUT… --dask …' run wrote (its --parts)"


class PartsMismatchError(PartsError):
    """Parts that do not belong together, or not to this run or this litkg."""

    code = "E811"
    hint = "delete the folder (or pass another --parts) and run 'litkg build INPUT… --dask …' again"


class PartsIncompleteError(PartsError):
    """A parts folder whose run has not finished."""

    code = "E812"
    hint = "run the same 'litkg build INPUT… --dask …' again: it resumes and makes only the missing parts"
