"""Time to first view, to a live viewer and to a sharp view on slow phone networks (issue 3).

The demo hall (8192×4096 start scene) as built, against the same start photo shown as one equirectangular
image by Photo Sphere Viewer's default adapter, measured in the same run: Playwright + Debian Chromium,
CDP network emulation, cold cache, 390×844 phone viewport, "Enter" tapped as soon as it appears.
Targets (issue 12): Slow 4G first view ≤ 0.6 s, interactive ≤ 2.0 s, sharp ≤ 3.5 s; Fast 3G interactive ≤ 3.0 s.
Run: `python -m benchmarks viewer` (add RUNS=5 in the environment for more runs).
COMPARE=path/to/an/earlier/dist measures that build against this one instead, runs alternating, with the bytes
that had arrived by the first view, by interactive and by sharp (build the earlier one with the earlier code).
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import tempfile
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "tours" / "demo-hall"
CHROMIUM = os.environ.get("HALLBUILDER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--use-gl=angle",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
]
# Lighthouse's presets: round trip in ms, download in bytes/s.
NETWORKS = {"Slow 4G": (150, 1.6e6 / 8, 750e3 / 8), "Fast 3G": (562.5, 1474.56e3 / 8, 675e3 / 8)}
TARGETS = {  # issue 12's ("sharper sooner"); issue 3's were 1.0 / 2.5 / 4.5 s and 1.5 / 3.5 s
    ("Slow 4G", "first view"): 0.6,
    ("Slow 4G", "interactive"): 2.0,
    ("Slow 4G", "sharp"): 3.5,
    ("Fast 3G", "interactive"): 3.0,
}
QUIET_MS = 1000


class PrecompressedHandler(SimpleHTTPRequestHandler):
    """Serves file.br / file.gz in place of file when the browser accepts it, as a static host would."""

    protocol_version = "HTTP/1.1"

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and path.is_file() and path.with_name(path.name + suffix).is_file():
                body = path.with_name(path.name + suffix).read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return _Body(body)
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


PrecompressedHandler.extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Closed browser contexts reset their keep-alive connections; that is not news."""


@contextmanager
def serve(folder: Path):
    server = QuietServer(("127.0.0.1", 0), functools.partial(PrecompressedHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_demo(work: Path) -> Path:
    """Build the demo hall (photos prepared by its prepare.py) and add the single-image baseline page."""
    import runpy

    from hallbuilder.builder import build_hall
    from hallbuilder.site.baseline import write_baseline_page

    runpy.run_path(str(DEMO / "prepare.py"))["prepare"]()
    dist = work / "dist"
    build_hall(DEMO, dist)
    write_baseline_page(dist)
    shutil.copyfile((DEMO / "photos" / "lobby.jpg").resolve(), dist / "start-photo.jpg")
    return dist


MEASURE = """async (quietMs) => {
    const marks = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    // Image loads in flight in the tour's viewer (the single-image page has none after its one image).
    const pending = () => window.hallbuilderTour?.pendingLoads() ?? 0;
    let since = performance.now();
    while (true) {
        await new Promise((done) => setTimeout(done, 50));
        const live = marks('tour:interactive');
        if (live === null || pending() > 0) since = performance.now();
        else if (performance.now() - since >= quietMs) break;
    }
    const first = marks('tour:first-view');
    const tiles = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/tiles/'));
    const sharp = Math.max(marks('tour:interactive'), ...tiles.map((entry) => entry.responseEnd));
    const navigation = performance.getEntriesByType('navigation')[0];
    const all = [navigation, ...performance.getEntriesByType('resource')];
    const bytesBy = (time) => all.filter((entry) => entry.responseEnd <= time).reduce((sum, entry) => sum + entry.transferSize, 0);
    const before = all.filter((entry) => entry.startTime < first).reduce((sum, entry) => sum + entry.transferSize, 0);
    const live = marks('tour:interactive');
    return {first, interactive: live, sharp, bytes: before, liveBytes: bytesBy(live), sharpBytes: bytesBy(sharp)};
}"""


def measure(browser, url: str, network: tuple[float, float, float]) -> dict:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    page = context.new_page()
    page.set_default_timeout(120000)
    cdp = context.new_cdp_session(page)
    latency, down, up = network
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency, "downloadThroughput": down, "uploadThroughput": up},
    )
    page.goto(url, wait_until="commit")
    if "baseline" not in url:
        page.click("#hb-enter")
    result = page.evaluate(MEASURE, QUIET_MS)
    context.close()
    return {key: (value if key.endswith("ytes") else value / 1000) for key, value in result.items()}


def compare(browser, base: str, before: str, runs: int) -> None:
    """This build against an earlier one (COMPARE=its dist folder), runs alternating, on both networks."""
    print(f"{'network':<9} {'metric':<26} {'before':>9} {'after':>9} {'after/before':>12}")
    for name, network in NETWORKS.items():
        results: dict[str, list[dict]] = {"before": [], "after": []}
        for _ in range(runs):
            results["before"].append(measure(browser, before, network))
            results["after"].append(measure(browser, base, network))
        for label, key, unit, scale in COMPARED:
            old, new = (statistics.median(run[key] for run in results[which]) / scale for which in results)
            print(f"{name:<9} {label:<26} {old:>7.2f}{unit:2} {new:>7.2f}{unit:2} {new / old:>12.2f}")
    print(f"(median of {runs} cold runs each, alternating)")


COMPARED = (
    ("first view", "first", " s", 1),
    ("interactive", "interactive", " s", 1),
    ("sharp", "sharp", " s", 1),
    ("kB asked before 1st view", "bytes", "", 1e3),
    ("kB arrived by interactive", "liveBytes", "", 1e3),
    ("kB arrived by sharp", "sharpBytes", "", 1e3),
)


def main() -> None:
    from playwright.sync_api import sync_playwright

    runs = int(os.environ.get("RUNS", "3"))
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as playwright:
        dist = build_demo(Path(temp))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        if os.environ.get("COMPARE"):
            with serve(dist) as base, serve(Path(os.environ["COMPARE"])) as before:
                compare(browser, base, before, runs)
            browser.close()
            return
        with serve(dist) as base:
            rows = []
            for name, network in NETWORKS.items():
                tour = [measure(browser, base, network) for _ in range(runs)]
                single = measure(
                    browser, f"{base}baseline.html#pano=start-photo.jpg&yaw=0&pitch=5&fov=75", network
                )
                for metric, key in (
                    ("first view", "first"),
                    ("interactive", "interactive"),
                    ("sharp", "sharp"),
                ):
                    ours = statistics.median(run[key] for run in tour)
                    rows.append((name, metric, ours, single[key], TARGETS.get((name, metric))))
                rows.append(
                    (
                        name,
                        "kB asked before 1st view",
                        statistics.median(r["bytes"] for r in tour) / 1e3,
                        single["bytes"] / 1e3,
                        None,
                    )
                )
        browser.close()
    print(f"{'network':<9} {'metric':<22} {'demo hall':>10} {'one image':>10} {'ratio':>7} {'target':>8}")
    for name, metric, ours, theirs, target in rows:
        unit = "" if metric.startswith("kB") else " s"
        ratio = ours / theirs if theirs else float("nan")
        goal = f"≤{target:.1f} s" if target else ""
        verdict = "" if not target else ("  ok" if ours <= target else "  MISSED")
        print(
            f"{name:<9} {metric:<22} {ours:>8.2f}{unit:2} {theirs:>8.2f}{unit:2} {ratio:>7.2f} {goal:>8}{verdict}"
        )
    print(f"(median of {runs} cold runs for the demo hall; one run for the single image)")


if __name__ == "__main__":
    main()
