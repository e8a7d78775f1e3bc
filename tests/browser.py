"""Drive a real headless Chromium from the tests, with the standard library only.

Each :func:`load_page` call starts one Chromium that loads a copy of the page, lets scripts run
for a few (virtual) seconds, and prints the DOM as it is then. Console errors are caught twice:
by a small hook put at the top of the copy (``console.error``, ``console.warn``, uncaught errors,
refused loads) and from Chromium's own log on stderr (``Uncaught …``).

Chromium is not installed by the tests. When it is missing they fail, saying how to install it:
a skipped browser test would hide a broken page.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["BrowserMissing", "Page", "Session", "find_chromium", "load_page", "CHROMIUM_FLAGS"]

INSTALL_HINT = "install it with: apt-get install -y chromium"

#: Flags for every run: headless, no sandbox (tests run as root in CI containers), and nothing
#: that talks to the network or the desktop on its own.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--enable-logging=stderr",
    "--v=0",
)

# Put first in <head>: records every error the page reports into data-litkg-errors on <html>
# (on <html>, as <body> does not exist yet when the first scripts run).
_ERROR_HOOK = """<script>(function () {
  var errors = [];
  function keep(kind, text) {
    errors.push(kind + ": " + text);
    document.documentElement.setAttribute("data-litkg-errors", JSON.stringify(errors));
  }
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      keep("console." + level, [].join.call(arguments, " "));
      original.apply(console, arguments);
    };
  });
  window.addEventListener("error", function (e) {
    keep("error", e.message || String(e.target && (e.target.src || e.target.href)));
  }, true);
  window.addEventListener("unhandledrejection", function (e) { keep("rejection", e.reason); });
  document.addEventListener("securitypolicyviolation", function (e) {
    keep("csp", e.blockedURI + " " + e.violatedDirective);
  });
})();</script>"""

# Chromium's stderr lines that mean the page itself failed.
_STDERR_ERRORS = re.compile(r"Uncaught|Refused to|Content Security Policy|net::ERR_")


class BrowserMissing(RuntimeError):
    """No Chromium to run the browser tests with."""


@dataclass
class Page:
    """The DOM of a loaded page and what went wrong while loading it."""

    dom: str
    root: dict[str, str]  # attributes of <html>
    body: dict[str, str]  # data-* attributes of <body>, without the "data-"
    errors: list[str]
    console: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The page's visible text, as the browser parsed it (script and style left out)."""
        return _Text.of(self.dom)


def find_chromium() -> str:
    """Path of the Chromium binary, or raise :class:`BrowserMissing` with the install command."""
    for candidate in (os.environ.get("LITKG_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise BrowserMissing(
        "Chromium is needed for the browser tests but was not found at /usr/bin/chromium or on "
        f"PATH; {INSTALL_HINT}")


def load_page(html_path, *, probe: str = "", budget_ms: int = 8000, screenshot=None,
              timeout: float = 60.0, window: tuple[int, int] = (1600, 1000)) -> Page:
    """Load ``html_path`` in headless Chromium and return the DOM after scripts ran.

    Parameters
    ----------
    html_path : path
        The page under test; it is copied, never changed.
    probe : str
        JavaScript appended at the end of the copy's ``<body>``, for checks that need the page's
        state (it can write results into ``document.body.dataset``).
    budget_ms : int
        Virtual time scripts get before the DOM is taken.
    screenshot : path, optional
        Also save a PNG of the (unprobed) page there.
    window : (width, height)
        The window size, for the DOM run and the screenshot alike.
    """
    chromium = find_chromium()
    source = Path(html_path).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="litkg-browser-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(_instrument(source, probe), encoding="utf-8")
        size = f"--window-size={window[0]},{window[1]}"
        proc = _run(chromium, tmp, [f"--virtual-time-budget={budget_ms}", size, "--dump-dom",
                                    copy.as_uri()], timeout)
        if screenshot is not None:
            shot = Path(screenshot)
            shot.parent.mkdir(parents=True, exist_ok=True)
            _run(chromium, tmp, [f"--virtual-time-budget={budget_ms}", f"--screenshot={shot}",
                                 size, "--hide-scrollbars", Path(html_path).resolve().as_uri()],
                 timeout)
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    errors = [line for line in proc.stderr.splitlines() if _STDERR_ERRORS.search(line)]
    attrs = _Attrs.of(proc.stdout)
    hooked = attrs.get("html", {}).get("data-litkg-errors")
    if hooked:
        import json

        errors += json.loads(hooked)
    body = {k[len("data-"):]: v for k, v in attrs.get("body", {}).items() if k.startswith("data-")}
    return Page(dom=proc.stdout, root=attrs.get("html", {}), body=body, errors=errors,
                console=console)


def _run(chromium: str, tmp: str, args: list[str], timeout: float) -> subprocess.CompletedProcess:
    profile = Path(tmp) / "profile"
    cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              errors="replace")
    except subprocess.TimeoutExpired as err:
        raise RuntimeError(f"chromium did not finish in {timeout:.0f} s: {' '.join(cmd)}") from err


def _instrument(source: str, probe: str) -> str:
    head = re.search(r"<head[^>]*>", source, flags=re.I)
    if head is None:
        raise ValueError("page has no <head>")
    source = source[: head.end()] + _ERROR_HOOK + source[head.end():]
    if probe:
        end = source.lower().rfind("</body>")
        source = source[:end] + f"<script>{probe}</script>" + source[end:]
    return source


class _Attrs(HTMLParser):
    """Attributes of the first <html> and <body> start tags."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, dict[str, str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag in ("html", "body") and tag not in self.found:
            self.found[tag] = {k: v or "" for k, v in attrs}

    @classmethod
    def of(cls, dom: str) -> dict[str, dict[str, str]]:
        parser = cls()
        parser.feed(dom)
        return parser.found


class _Text(HTMLParser):
    """Text nodes outside <script>/<style>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    @classmethod
    def of(cls, dom: str) -> str:
        parser = cls()
        parser.feed(dom)
        return "".join(parser.parts)


class Session:
    """A live headless Chromium driven over the DevTools protocol on a pipe (stdlib only).

    Unlike :func:`load_page` (virtual time, one DOM dump), time here is real, so pages can be
    timed, and input is real: :meth:`click` sends mouse events the way a user's mouse does.

    For example (it starts Chromium; the browser tests use it)::

        with Session() as s:
            s.open("page.html"); s.wait("document.body.dataset.litkgReady")
    """

    def __init__(self, window: tuple[int, int] = (1600, 1000), timeout: float = 120.0) -> None:
        self.window, self.timeout = window, timeout
        self.errors: list[str] = []
        self._id = 0
        self._buffer = b""

    def __enter__(self) -> "Session":
        import json  # noqa: F401  (used by the methods below)

        self._tmp = tempfile.TemporaryDirectory(prefix="litkg-cdp-", ignore_cleanup_errors=True)
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        cmd = [find_chromium(), *CHROMIUM_FLAGS, "--remote-debugging-pipe",
               f"--user-data-dir={Path(self._tmp.name) / 'profile'}",
               f"--window-size={self.window[0]},{self.window[1]}", "about:blank"]
        self._proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=_pipe_fds(to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target,
                                  flatten=True)["sessionId"]
        for domain in ("Page", "Runtime"):
            self.send(f"{domain}.enable", session=True)
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=self.window[0],
                  height=self.window[1], deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        self._tmp.cleanup()

    def send(self, method: str, session: bool = False, **params):
        import json

        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self._session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _read(self) -> dict:
        import json
        import select

        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_chrome], [], [], self.timeout)
            if not ready:
                raise RuntimeError(f"chromium did not answer in {self.timeout:.0f} s")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        msg = json.loads(raw)
        self._event(msg)
        return msg

    def _event(self, msg: dict) -> None:
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append("error: " + str(details.get("exception", {}).get(
                "description") or details.get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning"):
            self.errors.append(f"console.{params['type']}: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))

    def open(self, html_path) -> None:
        self.send("Page.navigate", session=True, url=Path(html_path).resolve().as_uri())

    def js(self, expression: str):
        """The value of ``expression`` (awaited if it is a promise)."""
        result = self.send("Runtime.evaluate", session=True, expression=expression,
                           awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, condition: str, timeout: float | None = None):
        """Poll ``condition`` (JavaScript) until truthy; its value."""
        import time

        end = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < end:
            value = self.js(f"(function () {{ try {{ return {condition}; }} catch (e) {{ return null; }} }})()")
            if value:
                return value
            time.sleep(0.05)
        raise RuntimeError(f"timed out waiting for {condition}")

    def click(self, x: float, y: float) -> None:
        """A left click at page coordinates ``x, y``, as a mouse sends it."""
        self.send("Input.dispatchMouseEvent", session=True, type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", session=True, type=kind, x=x, y=y,
                      button="left", clickCount=1)

    def hover(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", session=True, type="mouseMoved", x=x, y=y)

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", session=True, text=text)

    def screenshot(self, path) -> None:
        import base64

        data = self.send("Page.captureScreenshot", session=True, format="png")["data"]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(base64.b64decode(data))


def _pipe_fds(read_end: int, write_end: int):
    def child() -> None:
        os.dup2(read_end, 3)
        os.dup2(write_end, 4)
    return child
