"""Open Neo4j Browser in headless Chromium, log in, apply our style, run a saved query, save a screenshot.

Run by hand against a running server with data (e.g. after `ckg ingest examples/articles`):

    .venv/bin/python scripts/browser_screenshot.py --out docs/img/browser.png

It reads the server's ports, user and password from the same settings as `ckg`, and needs Debian's `chromium`.
It drives Chromium through the DevTools protocol (the `websockets` dev dependency), as a user would: it types
into the Browser's forms and editor and presses its buttons.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from graph_service.config import get_settings  # noqa: E402
from graph_service.neo4j_server import free_port  # noqa: E402

BROWSER_DIR = REPO_ROOT / "cypher" / "browser"


class Page:
    """One Chromium tab driven over the DevTools protocol."""

    def __init__(self, socket_: ClientConnection) -> None:
        self._socket = socket_
        self._ids = itertools.count(1)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer (events in between are dropped)."""
        command_id = next(self._ids)
        self._socket.send(json.dumps({"id": command_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=60))
            if message.get("id") == command_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(
        self,
        expression: str,
        *,
        timeout_s: float = 30.0,
        what: str = "",
        then: Callable[[], None] | None = None,
    ) -> Any:
        """Poll a JavaScript expression until it is truthy; `then` runs after each falsy answer."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            if then is not None:
                then()
            time.sleep(0.3)
        self.screenshot(Path("/tmp/browser-screenshot-timeout.png"))
        raise TimeoutError(f"waited {timeout_s:.0f} s for {what or expression}")

    def click(self, selector: str) -> None:
        """Click the centre of the first element matching a CSS selector, as a mouse would."""
        box = self.wait_for(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()",
            what=selector,
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type(self, text: str) -> None:
        """Type text into the focused element."""
        self.send("Input.insertText", text=text)

    def key(self, key: str, code: int, *, modifiers: int = 0) -> None:
        """Press and release one key (modifiers: 2 = Ctrl)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code,
                modifiers=modifiers,
            )  # fmt: skip

    def screenshot(self, out: Path) -> None:
        """Save the viewport as PNG."""
        data = self.send("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))


@contextlib.contextmanager
def chromium(width: int, height: int) -> Iterator[Page]:
    """A headless Chromium with one tab, closed afterwards."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        raise SystemExit("chromium not found: apt-get install chromium")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="ckg-chromium-") as profile:
        process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
             f"--user-data-dir={profile}", f"--window-size={width},{height}", "--hide-scrollbars",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    tabs = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=2).json()
                    target = next(tab for tab in tabs if tab["type"] == "page")
                    break
                except (httpx.HTTPError, StopIteration):
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            with connect(target["webSocketDebuggerUrl"], max_size=64 * 1024 * 1024) as socket_:
                page = Page(socket_)
                page.send("Page.enable")
                page.send(
                    "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                    mobile=False,
                )  # fmt: skip
                yield page
        finally:
            process.terminate()
            process.wait(timeout=10)


EDITOR = "[data-testid='activeEditor'] textarea, .monaco-editor textarea"


def run_in_editor(page: Page, text: str) -> None:
    """Type a command into the Browser's editor and run it (Ctrl+Enter)."""
    page.click(EDITOR)
    page.key("a", 65, modifiers=2)
    page.key("Delete", 46)
    # Pasted, not typed: typing `{` makes the editor add a closing brace of its own.
    page.evaluate(
        f"(() => {{ const data = new DataTransfer(); data.setData('text/plain', {json.dumps(text)});"
        f" document.querySelector({json.dumps(EDITOR)}).dispatchEvent("
        " new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); })()"
    )
    page.key("Enter", 13, modifiers=2)


def main(argv: list[str] | None = None) -> int:
    """Take the screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "img" / "browser.png")
    parser.add_argument("--query", default="disputed_claims", help="saved query in cypher/browser/")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)

    settings = get_settings()
    url = f"http://127.0.0.1:{settings.neo4j_http_port}/browser/"
    bolt = f"neo4j://127.0.0.1:{settings.neo4j_bolt_port}"
    style = (BROWSER_DIR / "conflict-kg.grass").read_text(encoding="utf-8")
    query = (BROWSER_DIR / f"{args.query}.cypher").read_text(encoding="utf-8")
    with chromium(args.width, args.height) as page:
        page.send("Page.navigate", url=f"{url}?connectURL={bolt}")
        page.wait_for("!!document.querySelector('[data-testid=\"boltaddress\"]')", what="the connect form")
        for field, value in (
            ("username", settings.neo4j_user),
            ("password", settings.neo4j_password.get_secret_value()),
        ):
            # The form re-renders while it settles: type until the field holds the value.
            page.wait_for(
                f"(() => {{ const e = document.querySelector(\"[data-testid='{field}']\");"
                f" if (e.value === {json.dumps(value)}) return true;"
                " e.focus(); e.select(); return false; })()",
                what=f"the {field} field",
                then=lambda value=value: page.type(value),
            )
        page.click("[data-testid='connect']")
        connected = page.wait_for(
            "document.body.innerText.includes('You are connected as user') ? 'ok'"
            " : (document.body.innerText.match(/Neo\\.ClientError[^\\n]*/) || [''])[0]",
            what="the login",
            timeout_s=60,
        )
        if connected != "ok":
            raise SystemExit(f"Neo4j Browser could not log in: {connected}")
        run_in_editor(page, ":clear")
        run_in_editor(page, ":style " + style)
        run_in_editor(page, ":clear")
        run_in_editor(page, query)
        page.wait_for("!!document.querySelector('svg.neod3viz, [data-testid=\"graphCanvas\"]')", what="graph")
        time.sleep(4)  # let the force layout settle
        page.click("[title='Fullscreen']")
        time.sleep(2)
        page.click("[aria-label='zoom-to-fit']")
        time.sleep(2)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(args.out)
    print(f"screenshot of {args.query} saved to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
