"""A local HTTP server for the fetch tests: 127.0.0.1 only, serving responses the test scripts.

Each test sets ``server.route`` to a function of the request (path and query) that returns a
:class:`Reply`, or a list of replies served one per request (the last one repeats). Every request
is logged with its path, query and headers, so tests can check what litkg sent.
"""
from __future__ import annotations

import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

DATA = Path(__file__).parent / "data" / "fetch"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    declared_length: int | None = None  # a Content-Length larger than the body: a cut-off body

    @classmethod
    def file(cls, name: str, **kwargs) -> "Reply":
        return cls(body=(DATA / name).read_bytes(), **kwargs)


@dataclass
class Request:
    path: str
    query: dict
    headers: dict


class LocalServer:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.route: Callable[[Request], Reply | list[Reply]] = lambda request: Reply(404)
        self._served: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                parts = urllib.parse.urlsplit(self.path)
                request = Request(parts.path, dict(urllib.parse.parse_qsl(parts.query)),
                                  {k.lower(): v for k, v in self.headers.items()})
                server.requests.append(request)
                reply = server.route(request)
                if isinstance(reply, list):
                    key = self.path
                    index = server._served.get(key, 0)
                    server._served[key] = index + 1
                    reply = reply[min(index, len(reply) - 1)]
                self.send_response(reply.status)
                length = reply.declared_length if reply.declared_length is not None else len(reply.body)
                self.send_header("Content-Length", str(length))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)
                self.wfile.flush()
                if reply.declared_length is not None:
                    self.close_connection = True

            def log_message(self, *args):  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def start(self) -> "LocalServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
