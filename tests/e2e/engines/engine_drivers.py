"""One small driver interface (go to, click, type, evaluate, screenshot) over three browser engines, so the
visitor's journey is written once and run in each:

- Chromium: Debian's Chromium through Playwright (as the other browser tests).
- WebKit: Debian's WebKitGTK, `MiniBrowser` driven by `WebKitWebDriver` through Selenium's WebKitGTK driver.
- Gecko: Debian's Firefox ESR over WebDriver BiDi on `--remote-debugging-port`, spoken through Selenium's own
  BiDi transport (`WebSocketConnection`). Why not Selenium's Firefox driver: it needs geckodriver, which no
  registry this project may use ships for Linux (Debian has none; npm's and PyPI's packages download it or
  carry a Windows build). Firefox itself speaks WebDriver BiDi, so only the handful of BiDi commands below are
  sent, as plain dictionaries, over Selenium's connection.

Clicks are real pointer input at the element's centre (trusted events, so a tap unlocks audio as it does for a
visitor), and every driver waits first until the element is the one that would receive that tap, as
Playwright's own actionability check does.
"""

from __future__ import annotations

import base64
import contextlib
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

VIEWPORT = {"width": 1280, "height": 800}
FIREFOX = "/usr/bin/firefox-esr"

# True when a tap at the centre of the element would reach it (or something inside it).
HIT_TESTABLE = """((selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) return false;
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !!hit && element.contains(hit);
})(%s)"""

# Installed after each navigation: errors and console.error calls of the page, read by `page_errors()`.
ERROR_RECORDER = """(() => {
    if (window.__engineErrors) return true;
    const errors = (window.__engineErrors = []);
    addEventListener('error', (event) => errors.push('error: ' + event.message));
    addEventListener('unhandledrejection', (event) => errors.push('unhandled rejection: ' + event.reason));
    const original = console.error.bind(console);
    console.error = (...parts) => { errors.push('console.error: ' + parts.map(String).join(' ')); original(...parts); };
    return true;
})()"""


class Engine:
    """What the journey needs from a browser. Subclasses implement the five primitives."""

    name = "engine"

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def _evaluate_json(self, expression: str) -> str | None:
        """The value of a JavaScript expression as JSON text."""
        raise NotImplementedError

    def _click(self, selector: str) -> None:
        raise NotImplementedError

    def type(self, selector: str, text: str) -> None:
        """Focus the field and type `text` key by key."""
        raise NotImplementedError

    def screenshot(self) -> bytes:
        """The viewport as PNG."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (anything JSON can carry)."""
        raw = self._evaluate_json(f"JSON.stringify(({expression}) ?? null)")
        return None if raw is None else json.loads(raw)

    def wait_for(self, expression: str, timeout: float = 45.0, what: str = "", state: str = "") -> Any:
        """Poll until the expression is truthy and return its value; fail naming what was awaited, with the
        value of the `state` expression then (what the page was doing instead)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                seen = f"; the page had {self.evaluate(state)!r}" if state else ""
                raise AssertionError(f"{self.name}: waited {timeout:.0f} s for {what or expression}{seen}")
            time.sleep(0.1)

    def click(self, selector: str, timeout: float = 45.0) -> None:
        self.wait_for(HIT_TESTABLE % json.dumps(selector), timeout, f"{selector} to take a tap")
        self._click(selector)

    def record_errors(self) -> None:
        self.evaluate(ERROR_RECORDER)

    def page_errors(self) -> list[str]:
        return self.evaluate("window.__engineErrors || ['the error recorder is gone (the page reloaded?)']")

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Chromium(Engine):
    """Debian's Chromium through Playwright, in a fresh context of the shared browser."""

    name = "chromium"

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, locale="en")
        self.page = self.context.new_page()

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def _evaluate_json(self, expression: str) -> str | None:
        return self.page.evaluate(expression)

    def _click(self, selector: str) -> None:
        self.page.click(selector)

    def type(self, selector: str, text: str) -> None:
        self.page.click(selector)
        self.page.keyboard.type(text)

    def screenshot(self) -> bytes:
        return self.page.screenshot()

    def close(self) -> None:
        self.context.close()


def minibrowser() -> str:
    """WebKitGTK's MiniBrowser (shipped by libwebkit2gtk-4.1-0, which webkit2gtk-driver pulls in)."""
    found = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))
    if not found:
        raise RuntimeError(
            "WebKitGTK's MiniBrowser is missing: run `make chromium` (apt-get install webkit2gtk-driver)"
        )
    return found[-1]


class WebKit(Engine):
    """WebKitGTK's MiniBrowser through WebKitWebDriver and Selenium's WebKitGTK driver, on an X display."""

    name = "webkit"

    def __init__(self, display: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        driver = shutil.which("WebKitWebDriver")
        if driver is None:
            raise RuntimeError(
                "WebKitWebDriver is missing: run `make chromium` (apt-get install webkit2gtk-driver)"
            )
        options = Options()
        options.binary_location = minibrowser()
        options.add_argument("--automation")  # MiniBrowser accepts a WebDriver session only with it
        service = Service(executable_path=driver, env={**os.environ, "DISPLAY": display})
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_window_size(VIEWPORT["width"], VIEWPORT["height"])

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def _evaluate_json(self, expression: str) -> str | None:
        return self.driver.execute_script(f"return {expression};")

    def _element(self, selector: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def _click(self, selector: str) -> None:
        self._element(selector).click()

    def type(self, selector: str, text: str) -> None:
        self._element(selector).send_keys(text)

    def screenshot(self) -> bytes:
        return self.driver.get_screenshot_as_png()

    def close(self) -> None:
        self.driver.quit()


# A fresh profile that stays quiet: no first-run pages, no update, telemetry or studies. (Firefox applies its
# own recommended automation preferences on top when started with --remote-debugging-port.)
FIREFOX_PREFS = {
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "browser.region.network.url": "",
    "network.connectivity-service.enabled": False,
    "network.captive-portal-service.enabled": False,
    "intl.accept_languages": "en",
}


class Firefox(Engine):
    """Firefox ESR over WebDriver BiDi (see the module docstring for why without geckodriver)."""

    name = "firefox"

    def __init__(self, display: str, binary: str = FIREFOX, startup_timeout: float = 90.0) -> None:
        from selenium.webdriver.remote.websocket_connection import WebSocketConnection

        if not Path(binary).exists():
            raise RuntimeError(
                f"Firefox ESR is missing at {binary}: run `make chromium` (apt-get install firefox-esr)"
            )
        self.profile = Path(tempfile.mkdtemp(prefix="hb-firefox-"))
        (self.profile / "user.js").write_text(
            "".join(
                f"user_pref({json.dumps(key)}, {json.dumps(value)});\n"
                for key, value in FIREFOX_PREFS.items()
            )
        )
        self.log_path = self.profile.with_suffix(".log")
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    binary,
                    "--remote-debugging-port",
                    "0",
                    "--profile",
                    str(self.profile),
                    "--no-remote",
                    "about:blank",
                ],
                env={**os.environ, "DISPLAY": display, "MOZ_CRASHREPORTER_DISABLE": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self.connection = WebSocketConnection(self._bidi_url(startup_timeout) + "/session", 60, 0.01)
            self.command("session.new", {"capabilities": {}})
            self.context = self.command("browsingContext.getTree", {})["contexts"][0]["context"]
            self.command("browsingContext.setViewport", {"context": self.context, "viewport": VIEWPORT})
        except BaseException:
            self._stop(grace=0)
            if hasattr(self, "connection"):
                self.connection.close()
            raise

    def _bidi_url(self, timeout: float) -> str:
        """Firefox prints where it listens once its remote agent is up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(
                r"WebDriver BiDi listening on (ws://\S+)", self.log_path.read_text("utf-8", "replace")
            )
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(
            f"Firefox did not open WebDriver BiDi; its output:\n{self.log_path.read_text()[-3000:]}"
        )

    def command(self, method: str, params: dict) -> dict:
        reply = self.connection.send_cmd(method, params)
        if reply.get("type") == "error":
            raise RuntimeError(f"firefox: {method}: {reply.get('error')}: {reply.get('message')}")
        return reply["result"]

    def _evaluate(self, expression: str) -> dict:
        result = self.command(
            "script.evaluate",
            {"expression": expression, "target": {"context": self.context}, "awaitPromise": False},
        )
        if result["type"] == "exception":
            details = result["exceptionDetails"]
            raise RuntimeError(f"firefox: {expression[:80]}: {details.get('text')}")
        return result["result"]

    def goto(self, url: str) -> None:
        self.command("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def _evaluate_json(self, expression: str) -> str | None:
        return self._evaluate(expression).get("value")

    def _click(self, selector: str) -> None:
        element = self._evaluate(f"document.querySelector({json.dumps(selector)})")
        pointer = [
            {
                "type": "pointerMove",
                "x": 0,
                "y": 0,
                "origin": {"type": "element", "element": {"sharedId": element["sharedId"]}},
            },
            {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0},
        ]
        self.command(
            "input.performActions",
            {"context": self.context, "actions": [{"type": "pointer", "id": "mouse", "actions": pointer}]},
        )

    def type(self, selector: str, text: str) -> None:
        self.click(selector)
        keys = [
            step
            for char in text
            for step in ({"type": "keyDown", "value": char}, {"type": "keyUp", "value": char})
        ]
        self.command(
            "input.performActions",
            {"context": self.context, "actions": [{"type": "key", "id": "keyboard", "actions": keys}]},
        )

    def screenshot(self) -> bytes:
        data = self.command("browsingContext.captureScreenshot", {"context": self.context})["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # already gone: stopping the process below is all that is left
            self.command("browser.close", {})
        self._stop()
        self.connection.close()  # after the exit: closing it first waits 10 s for a goodbye that never comes

    def _stop(self, grace: float = 30) -> None:
        """Wait `grace` seconds for Firefox to exit by itself, then end it."""
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)
        self.log_path.unlink(missing_ok=True)
