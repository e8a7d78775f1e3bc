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

__all__ = ["BrowserMissing", "Page", "find_chromium", "load_page", "CHROMIUM_FLAGS"]

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
              timeout: float = 60.0) -> Page:
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
        Also save a 1280×900 PNG of the (unprobed) page there.
    """
    chromium = find_chromium()
    source = Path(html_path).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="litkg-browser-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(_instrument(source, probe), encoding="utf-8")
        proc = _run(chromium, tmp, [f"--virtual-time-budget={budget_ms}", "--dump-dom",
                                    copy.as_uri()], timeout)
        if screenshot is not None:
            shot = Path(screenshot)
            shot.parent.mkdir(parents=True, exist_ok=True)
            _run(chromium, tmp, [f"--virtual-time-budget={budget_ms}", f"--screenshot={shot}",
                                 "--window-size=1280,900", Path(html_path).resolve().as_uri()],
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
