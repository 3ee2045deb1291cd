"""The XSS corpus is inert in API output, admin pages and CSV export."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

from hallbuilder.service.config import Limits
from hallbuilder.service.sanitize import ATTRIBUTES, TAGS, URL_SCHEMES, announcement_html
from hallbuilder.service.store import halls
from hallbuilder.service.tourfile import hall_from_tour

from .conftest import add_user, csrf, log_in, make_tour, scene
from .xss_corpus import PAYLOADS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Tags(HTMLParser):
    """Every (tag, sorted attribute names) and every URL-carrying attribute value of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.shapes: set[tuple[str, tuple[str, ...]]] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.shapes.add((tag, tuple(sorted(name for name, _ in attrs))))
        self.urls += [value or "" for name, value in attrs if name in ("href", "src", "action", "xlink:href")]


def shapes(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def test_corpus_is_big_enough():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.fixture
def loaded(app, client, database):
    """Every payload as a comment (text and nickname), a message, and a scene title with views."""
    state = app.extensions["hallbuilder"]
    state.settings = state.settings.but(limits=Limits(1000, 1000, 1000, 1000))
    tour = make_tour("xss-hall")
    tour["scenes"] = [scene(f"s{index}", payload) for index, payload in enumerate(PAYLOADS)]
    with database.write() as connection:
        halls.register(connection, hall_from_tour(tour, "tour.json"))
        halls.set_moderation(connection, "xss-hall", "post")
    for index, payload in enumerate(PAYLOADS):
        response = client.post(
            "/api/halls/xss-hall/comments",
            json={"nickname": payload[:32].strip() or "x", "text": payload + f" #{index}"},
        )
        assert response.status_code == 201, response.get_json()
        client.post("/api/halls/xss-hall/messages", json={"name": payload[:64], "text": payload})
        client.post("/api/halls/xss-hall/views", json={"scene": f"s{index}"})
    # the same kinds of rows, harmless, in demo-hall: its pages are the baseline of allowed markup
    client.post("/api/halls/demo-hall/comments", json={"nickname": "访客", "text": "好", "scene": "lobby"})
    client.post("/api/halls/demo-hall/messages", json={"name": "访客", "text": "好", "contact": "138"})
    client.post("/api/halls/demo-hall/views", json={"scene": "lobby"})
    from hallbuilder.service.store.tables import comments

    with database.write() as connection:
        connection.execute(comments.update().values(status="published"))
    return client


def test_api_returns_the_exact_text_as_json_data(loaded):
    response = loaded.get("/api/halls/xss-hall/comments?limit=100")
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    texts = [comment["text"] for comment in response.get_json()["comments"]]
    assert texts == [payload + f" #{index}" for index, payload in enumerate(PAYLOADS)]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_announcement_html_keeps_only_the_allow_list(payload):
    cleaned = announcement_html(f"<p>{payload}</p>")
    found = shapes(cleaned)
    for tag, attributes in found.shapes:
        assert tag in TAGS, cleaned
        assert set(attributes) <= ATTRIBUTES.get(tag, set()) | {"rel"}, cleaned
    for url in found.urls:
        scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
        assert scheme is None or scheme.group(1).lower() in URL_SCHEMES, cleaned


def test_admin_pages_show_payloads_as_text(loaded, database):
    add_user(database)
    log_in(loaded)
    for path in (
        "/admin/queue?status=published&hall=xss-hall",
        "/admin/messages?hall=xss-hall",
        "/admin/stats?hall=xss-hall",
        "/admin/",
    ):
        page = loaded.get(path).get_data(as_text=True)
        baseline = shapes(loaded.get(path.replace("xss-hall", "demo-hall")).get_data(as_text=True)).shapes
        found = shapes(page)
        assert found.shapes <= baseline | {("input", ("aria-label", "name", "type", "value"))}, path
        assert not [url for url in found.urls if "javascript" in url.lower()], path
        assert "<script" not in page.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or path == "/admin/"


def test_csv_exports_neutralise_formulas(loaded, database):
    add_user(database)
    log_in(loaded)
    for path in ("/admin/comments.csv?status=published&hall=xss-hall", "/admin/stats.csv?hall=xss-hall"):
        response = loaded.get(path)
        assert response.mimetype == "text/csv"
        assert response.headers["Content-Disposition"].startswith("attachment;")
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert any(cell.startswith("'=") for cell in cells), path
        for cell in cells:
            assert not cell.lstrip(" ").startswith(FORMULA_START), (path, cell)
    assert csrf(loaded, "/admin/")
