"""The comment, message and view-count parts: present with a service URL in tour.json, absent without one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from viewer_server import serve

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("viewer")]

PREFIX = "/api/halls/sample-hall/"


class FakeService:
    """Answers the visitor API like the real service would, and records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, bytes]] = []

    def __call__(self, method: str, path: str, body: bytes) -> tuple[int, dict | None]:
        self.calls.append((method, path, body))
        route = path.removeprefix(PREFIX).split("?")[0]
        if (method, route) == ("GET", "announcements"):
            html = (
                "<p>Open <b onmouseover='window.pwned = 2'>late</b> today<script>window.pwned = 1</script>"
                '<a href="javascript:window.pwned = 3">.</a></p>'
            )
            return 200, {
                "announcements": [{"id": 7, "title": "Late opening", "html": html, "date": "2026-11-20"}]
            }
        if (method, route) == ("GET", "comments"):
            comment = {
                "id": 1,
                "scene": "concourse",
                "nickname": "Li <i>",
                "text": "<img src=x onerror=alert(1)>",
                "created_at": "2026-11-20T08:00:00Z",
            }
            return 200, {"comments": [comment] if "after_id=0" in path else [], "next_after_id": 1}
        if (method, route) == ("POST", "comments"):
            sent = json.loads(body)
            return 201, {"comment": {"id": 2, **sent, "status": "pending"}, "edit_token": "t"}
        if (method, route) == ("POST", "views"):
            return 204, None
        if (method, route) == ("GET", "stats"):
            return 200, {"views": 42, "visitors": 30, "scenes": {"concourse": {"views": 12, "visitors": 9}}}
        return 404, {"code": 404, "status": "Not Found", "message": "no such route"}


@pytest.fixture(scope="module")
def service_dist(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample hall with `service: {url: /api}` (the API on the tour's own origin)."""
    from hallbuilder.site import write_site

    dist = Path(shutil.copytree(sample_dist, tmp_path_factory.mktemp("service") / "dist", symlinks=True))
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    tour["service"] = {"url": "/api"}
    (dist / "tour.json").write_text(json.dumps(tour, ensure_ascii=False), "utf-8")
    write_site(dist, tour)
    return dist


def open_tour(page, base: str) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(20000)
    page.goto(base)
    page.click("#hb-enter")
    page.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
    return errors


def test_with_a_service_comments_views_and_announcements_appear(desktop_page, service_dist):
    service = FakeService()
    with serve(service_dist, service) as base:
        page = desktop_page
        api_requests = []
        page.on("request", lambda request: "/api/" in request.url and api_requests.append(request))
        errors = open_tour(page, base)
        page.wait_for_function("() => document.querySelector('.hb-views').textContent === '12 views'")
        # The announcement from the service: sanitised HTML shown, scripts and handlers gone.
        page.click(".hb-banner-open")
        assert page.locator(".hb-announcement-html").first.text_content() == "Open late today."
        assert page.locator(".hb-announcement-html a").get_attribute("href") is None
        page.hover(".hb-announcement-html b")
        assert page.locator(".hb-announcement-html b").text_content() == "late"
        assert page.evaluate("() => window.pwned") is None
        page.keyboard.press("Escape")
        page.click(".hb-tool--more")
        page.click(".hb-menu-item--comment")
        comment = page.locator(".hb-comment")
        assert comment.locator("strong").text_content() == "Li <i>"
        assert comment.locator("p").text_content() == "<img src=x onerror=alert(1)>"
        page.fill("input[name=nickname]", "Wang")
        page.fill("textarea[name=text]", "Beautiful hall")
        page.click(".hb-form button[type=submit]")
        page.wait_for_function(
            "() => document.querySelector('.hb-panel .hb-status').textContent.startsWith('Sent')"
        )
        posted = [
            json.loads(body)
            for method, path, body in service.calls
            if (method, path) == ("POST", PREFIX + "comments")
        ]
        assert posted == [{"nickname": "Wang", "text": "Beautiful hall", "scene": "concourse", "website": ""}]
        views = [
            json.loads(body)
            for method, path, body in service.calls
            if (method, path) == ("POST", PREFIX + "views")
        ]
        # The visitor id: random, kept in the tour's localStorage, sent with writes (header, or the beacon's
        # body), never with reads.
        visitor = page.evaluate("() => localStorage.getItem('hallbuilder:visitor')")
        assert re.fullmatch(r"[0-9a-f]{32}", visitor)
        assert views[0] == {"scene": "concourse", "visitor": visitor}
        comment_posts = [r for r in api_requests if r.method == "POST" and r.url.endswith("/comments")]
        assert [r.headers.get("x-visitor-id") for r in comment_posts] == [visitor]
        reads = [r for r in api_requests if r.method == "GET"]
        assert reads and not [r.url for r in reads if "x-visitor-id" in r.headers]
        assert errors == []


def test_without_a_service_the_parts_are_absent_and_nothing_is_called(tour_on_desktop):
    tour = tour_on_desktop.open()
    page = tour.page
    page.click(".hb-tool--more")
    assert page.locator(".hb-menu-item--comment").count() == 0
    assert page.locator(".hb-views").count() == 0
    assert [url for url in tour.requests if "/api/" in url] == []
    assert tour.errors == []


def test_comments_opened_from_the_menu_keep_polling(desktop_page, service_dist):
    """Opening comments from the open menu panel must not inherit the menu's close (the poll would stop)."""
    service = FakeService()
    with serve(service_dist, service) as base:
        page = desktop_page
        errors = open_tour(page, base)
        page.clock.install()
        page.click(".hb-tool--more")
        page.click(".hb-menu-item--comment")
        page.wait_for_selector(".hb-comment")

        def comment_reads() -> int:
            return sum(1 for method, path, _ in service.calls if method == "GET" and "/comments" in path)

        before = comment_reads()
        page.clock.run_for(13000)
        page.wait_for_function("() => document.querySelector('.hb-panel').open")
        page.wait_for_timeout(300)
        assert comment_reads() > before
        assert errors == []
