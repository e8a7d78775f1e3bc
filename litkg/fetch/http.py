"""A polite HTTP client for scholarly APIs, on the standard library's ``urllib``.

Polite means: at most one request per ``min_interval`` seconds (each service's documented limit),
``Retry-After`` obeyed, transient failures (429, 5xx, dropped connections, truncated or broken
bodies) retried with exponential backoff, a ``User-Agent`` naming litkg and a contact e-mail, and
responses kept in a local cache so that running the same fetch again asks the service nothing.

Redirects are followed by hand: to the same origin as they are; to another host without the
credential headers (an API key is never sent to a host it was not meant for); never from HTTPS
to plain HTTP.
"""
from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from litkg import __version__
from litkg.errors import FetchError, RedirectRefusedError, RemoteDataError

__all__ = ["HttpClient", "ResponseCache", "default_cache_dir", "origin"]

_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_BODY = 1 << 26  # bytes: an API page larger than this is not a page
_MAX_REDIRECTS = 5
_SECRET_PARAMS = ("api_key", "apikey", "key", "token_secret")


def default_cache_dir() -> Path:
    """``$LITKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/litkg/http``, else ``~/.cache/litkg/http``."""
    if os.environ.get("LITKG_CACHE_DIR"):
        return Path(os.environ["LITKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "litkg" / "http"


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of a URL: what a redirect must keep for credentials to follow."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def _public_url(url: str) -> str:
    """The URL without secret query parameters, as cache keys and messages show it."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in _SECRET_PARAMS]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class ResponseCache:
    """Response bodies on disk, one file per URL, fresh for ``ttl`` seconds."""

    def __init__(self, folder: str | os.PathLike, *, ttl: float = 24 * 3600) -> None:
        self.folder = Path(folder)
        self.ttl = ttl

    def _path(self, url: str) -> Path:
        return self.folder / (hashlib.sha256(_public_url(url).encode()).hexdigest() + ".body")

    def get(self, url: str) -> bytes | None:
        path = self._path(url)
        try:
            if time.time() - path.stat().st_mtime > self.ttl:
                return None
            return path.read_bytes()
        except OSError:
            return None

    def put(self, url: str, body: bytes) -> None:
        path = self._path(url)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(body)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None  # followed by HttpClient itself, which decides what headers go along


@dataclass
class HttpClient:
    """GET with rate limit, retries, redirects checked and a response cache.

    Parameters
    ----------
    min_interval : float
        Seconds between two requests to the service.
    headers : mapping
        Sent with every request, e.g. ``{"x-api-key": …}``.
    secret_headers : set of str
        Names (lower case) of ``headers`` that are credentials: dropped on a redirect to
        another host.
    """

    min_interval: float = 1.0
    headers: Mapping[str, str] = field(default_factory=dict)
    secret_headers: frozenset = frozenset({"authorization", "x-api-key"})
    mailto: str | None = None
    cache: ResponseCache | None = None
    retries: int = 5
    backoff: float = 1.0
    max_wait: float = 300.0
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0
    cache_hits: int = 0
    _last: float = field(default=-1e9, repr=False)

    def user_agent(self) -> str:
        contact = f"; mailto:{self.mailto}" if self.mailto else ""
        return f"litkg/{__version__} (literature knowledge graph{contact})"

    def get(self, url: str, parse: Callable[[bytes, str], Any]) -> Any:
        """``parse(body, url)`` of the response to ``url``; from the cache when fresh there.

        ``parse`` raises :class:`~litkg.errors.RemoteDataError` for a broken body, which is
        retried like a dropped connection (a truncated body often is one) and never cached.
        """
        cached = self.cache.get(url) if self.cache else None
        if cached is not None:
            try:
                value = parse(cached, _public_url(url))
            except RemoteDataError:
                pass  # a damaged cache file: ask the service again
            else:
                self.cache_hits += 1
                return value
        failure: FetchError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self._backoff(attempt, failure))
            try:
                body = self._request(url)
                value = parse(body, _public_url(url))
            except _Transient as exc:
                failure = exc.error
                continue
            except RemoteDataError as exc:
                if not getattr(exc, "retry", True):
                    raise
                failure = exc
                continue
            if self.cache:
                self.cache.put(url, body)
            return value
        assert failure is not None
        failure.message += f" (after {self.retries + 1} attempts)"
        failure.args = (failure.message,)
        raise failure

    def _backoff(self, attempt: int, failure: FetchError | None) -> float:
        wait = getattr(failure, "retry_after", None)
        if wait is None:
            wait = min(self.backoff * 2 ** (attempt - 1), 60.0)
        return wait

    def _pace(self) -> None:
        wait = self._last + self.min_interval - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last = time.monotonic()

    def _request(self, url: str) -> bytes:
        headers = {"User-Agent": self.user_agent(), "Accept-Encoding": "identity", **self.headers}
        start = url
        for _ in range(_MAX_REDIRECTS + 1):
            self._pace()
            self.requests += 1
            try:
                return self._open(url, headers)
            except _Redirect as redirect:
                target = urllib.parse.urljoin(url, redirect.location)
                if urllib.parse.urlsplit(target).scheme not in ("http", "https"):
                    raise RedirectRefusedError(f"refused a redirect to {_public_url(target)}")
                if origin(url)[0] == "https" and origin(target)[0] != "https":
                    raise RedirectRefusedError(f"refused a redirect from HTTPS to plain HTTP: "
                                               f"{_public_url(target)}")
                if origin(target) != origin(url):  # credentials stay with their host
                    headers = {k: v for k, v in headers.items()
                               if k.lower() not in self.secret_headers}
                    target = _public_url(target)
                url = target
        raise RedirectRefusedError(f"more than {_MAX_REDIRECTS} redirects from {_public_url(start)}")

    def _open(self, url: str, headers: dict) -> bytes:
        opener = urllib.request.build_opener(_NoRedirect)
        public = _public_url(url)
        try:
            request = urllib.request.Request(url, headers=headers)
            with opener.open(request, timeout=self.timeout) as response:
                body = response.read(_MAX_BODY + 1)
        except urllib.error.HTTPError as exc:
            self._status(exc, public)
        except ValueError as exc:  # urllib's word for a URL it cannot use
            raise FetchError(f"cannot fetch {public}: {exc}", hint="check --base-url") from None
        except (OSError, http.client.HTTPException) as exc:  # URLError, timeouts, resets, TLS
            reason = getattr(exc, "reason", None) or type(exc).__name__
            if isinstance(exc, http.client.IncompleteRead):
                reason = f"body cut off after {len(exc.partial):,} bytes"
            raise _Transient(FetchError(f"cannot fetch {public}: {reason}")) from None
        if len(body) > _MAX_BODY:
            raise RemoteDataError(f"response of {public} is over {_MAX_BODY:,} bytes")
        return body

    def _status(self, exc: urllib.error.HTTPError, public: str) -> None:
        if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
            raise _Redirect(exc.headers["Location"])
        detail = _snippet(exc)
        error = FetchError(f"{public} answered HTTP {exc.code}{detail}")
        if exc.code in _RETRY_STATUS:
            wait = _retry_after(exc.headers.get("Retry-After"))
            if wait is not None and wait > self.max_wait:
                raise FetchError(f"{public} asks to wait {wait:.0f} s before the next request "
                                 f"(HTTP {exc.code})",
                                 hint="the service's rate limit is reached; run the same "
                                      "command again later to resume") from None
            error.retry_after = wait
            raise _Transient(error) from None
        hint = ("check the API key in the environment" if exc.code in (401, 403)
                else "check the query and --base-url")
        raise FetchError(error.message, hint=hint) from None


class _Transient(Exception):
    """A failure worth another try; carries the error to raise when tries run out."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(error.message)
        self.error = error


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _snippet(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(400).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a body we cannot read adds nothing to the message
        return ""
    try:
        data = json.loads(text)
        text = str(data.get("message") or data.get("error") or text) if isinstance(data, dict) else text
    except ValueError:
        pass
    text = " ".join(text.split())[:200]
    return f": {text}" if text else ""
