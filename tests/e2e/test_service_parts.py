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
                "position": None,
            }
            return 200, {"comments": [comment] if "after_id=0" in path else [], "next_after_id": 1}
        if (method, route) == ("POST", "comments"):
            sent = json.loads(body)
            comment = {key: sent[key] for key in ("scene", "nickname", "text")} | {
                "position": sent.get("position")
            }
            comment |= {"id": 2, "created_at": "2026-11-20T08:01:00Z", "status": "pending"}
            return 201, {"comment": comment, "edit_token": "t"}
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
        with page.expect_response(lambda r: r.request.method == "GET" and "/comments" in r.url):
            page.clock.run_for(13000)
        page.wait_for_function("() => document.querySelector('.hb-panel').open")
        assert comment_reads() > before
        assert errors == []


RESERVED = "This nickname is reserved for the organisers; please choose another."


class RefusingService(FakeService):
    """The real service's refusals (hallbuilder/service/api/comments.py), one per posted nickname."""

    def __call__(self, method: str, path: str, body: bytes):
        route = path.removeprefix(PREFIX).split("?")[0]
        if (method, route) != ("POST", "comments"):
            return super().__call__(method, path, body)
        self.calls.append((method, path, body))
        nickname = json.loads(body)["nickname"]
        if nickname == "admin":
            return 422, {
                "code": 422,
                "status": "Unprocessable Entity",
                "message": RESERVED,
                "errors": {"json": {"nickname": [RESERVED]}},
            }
        if nickname == "busy":
            message = "Too many comments: please wait 1709 seconds and try again."
            return (
                429,
                {"code": 429, "status": "Too Many Requests", "message": message},
                {"Retry-After": "1709"},
            )
        if nickname == "again":
            return 409, {"code": 409, "status": "Conflict", "message": "You already posted this text."}
        return 500, {"code": 500, "status": "Internal Server Error", "message": "boom"}


def post_comment(page, nickname: str) -> str:
    page.fill("input[name=nickname]", nickname)
    page.fill("textarea[name=text]", "很漂亮的展厅")
    page.evaluate("() => { document.querySelector('.hb-panel .hb-status').textContent = '' }")
    page.click(".hb-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('.hb-panel .hb-status').textContent !== ''")
    return page.locator(".hb-panel .hb-status").text_content()


def test_comment_errors_are_plain_chinese_and_say_what_to_do(phone_page, service_dist):
    service = RefusingService()
    with serve(service_dist, service) as base:
        page = phone_page
        errors = open_tour(page, base)
        page.click(".hb-tool--more")
        page.click(".hb-menu-item--comment")
        page.wait_for_selector(".hb-comment")
        assert page.locator("textarea[name=text]").get_attribute("maxlength") == "500"
        assert page.locator("input[name=nickname]").get_attribute("maxlength") == "32"
        assert post_comment(page, "admin") == "这个昵称不能使用。请换一个昵称再发送。"
        assert post_comment(page, "busy") == "操作太频繁。请约半小时后再试。"
        assert post_comment(page, "again") == "这条留言已经发过了，不用再发。"
        assert post_comment(page, "crash") == "服务器暂时出了问题。请稍后再试。"
        page.context.set_offline(True)
        assert post_comment(page, "李") == "连不上网络。请检查网络连接后再试。"
        page.context.set_offline(False)
        assert not [error for error in errors if "Failed to fetch" in error or "object Object" in error]


def test_the_view_count_shows_below_the_announcement_banner(phone_page, service_dist):
    with serve(service_dist, FakeService()) as base:
        page = phone_page
        open_tour(page, base)
        page.wait_for_function("() => document.querySelector('.hb-views').textContent === '浏览 12 次'")
        views = page.locator(".hb-views").bounding_box()
        banner = page.locator(".hb-banner").bounding_box()
        assert views["y"] + views["height"] <= banner["y"]


def served_spec() -> dict:
    """The real service's OpenAPI document (it does not depend on the database)."""
    from hallbuilder.service.app import create_app
    from hallbuilder.service.config import Settings

    settings = Settings(database_url="sqlite://", secret_key="s" * 32, secure_cookies=False)
    return create_app(settings).test_client().get("/api/openapi.json").get_json()


STAND_IN_ANSWERS = [
    ("GET", "announcements", b""),
    ("GET", "comments?scene=concourse&after_id=0&limit=50", b""),
    ("POST", "comments", b'{"nickname": "Wang", "text": "Hi", "scene": "concourse", "website": ""}'),
    (
        "POST",
        "comments",
        b'{"nickname": "Wang", "text": "Hi", "scene": "concourse", "position": {"yaw": -20.5, "pitch": 3}}',
    ),
    ("POST", "views", b'{"scene": "concourse"}'),
    ("GET", "stats", b""),
]


def json_schema(node):
    """OpenAPI 3.0's `nullable: true` as JSON Schema (which jsonschema reads): `null` allowed as well."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: json_schema(value) for key, value in node.items() if key != "nullable"}
    return {"anyOf": [out, {"type": "null"}]} if node.get("nullable") else out


@pytest.mark.parametrize(("method", "route", "body"), STAND_IN_ANSWERS)
def test_the_stand_in_service_answers_as_the_real_ones_spec_says(method, route, body):
    """So viewer and service cannot drift apart silently: each stand-in answer against /api/openapi.json."""
    import jsonschema

    spec = served_spec()
    status, data, *_ = FakeService()(method, PREFIX + route, body)
    operation = spec["paths"]["/api/halls/{hall}/" + route.split("?")[0]][method.lower()]
    declared = operation["responses"][str(status)]
    if data is None:
        assert "content" not in declared
        return
    schema = declared["content"]["application/json"]["schema"]
    jsonschema.validate(data, json_schema({**schema, "components": spec["components"]}))
    properties = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]].get("properties", {})
    assert set(data) <= set(properties), (
        f"answers keys the service does not have: {set(data) - set(properties)}"
    )
