"""Views, stats, showcases, messages and announcements over both backends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from hallbuilder.service.store import announcements
from hallbuilder.service.store.tables import messages, salts, views

from .conftest import BROWSER_UA

API = "/api/halls/demo-hall"


def count_views(app) -> int:
    """Rows in the views table, once this process's buffered views are written (as the stats routes do)."""
    state = app.extensions["hallbuilder"]
    state.flush_views()
    with state.database.read() as connection:
        return connection.scalar(select(func.count()).select_from(views))


def as_visitor(client, ip: str, agent: str = BROWSER_UA) -> dict:
    return {"environ_base": {"REMOTE_ADDR": ip, "HTTP_USER_AGENT": agent}}


def test_views_and_daily_unique_visitors(client):
    assert client.post(f"{API}/views", json={"scene": "lobby"}).status_code == 204
    client.post(f"{API}/views", json={"scene": "lobby"})
    client.post(f"{API}/views", json={"scene": "hall-a"})
    client.post(f"{API}/views", json={"scene": "lobby"}, **as_visitor(client, "198.51.100.1"))
    stats = client.get(f"{API}/stats").get_json()
    assert stats == {
        "views": 4,
        "visitors": 2,
        "scenes": {"lobby": {"views": 3, "visitors": 2}, "hall-a": {"views": 1, "visitors": 1}},
    }


def test_send_beacon_text_plain_body_counts(app, client):
    response = client.post(
        f"{API}/views", data='{"scene": "hall-a"}', content_type="text/plain;charset=UTF-8"
    )
    assert response.status_code == 204
    assert count_views(app) == 1


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {
            "headers": {
                "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
            }
        },
        {"headers": {"User-Agent": "curl/8.5.0"}},
        {"headers": {"User-Agent": ""}},
        {"headers": {"Sec-Purpose": "prefetch"}},
        {"headers": {"Purpose": "prefetch"}},
    ],
)
def test_bots_and_prefetches_are_not_counted(app, client, request_kwargs):
    assert client.post(f"{API}/views", json={"scene": "lobby"}, **request_kwargs).status_code == 204
    assert count_views(app) == 0


def test_head_is_not_counted(app, client):
    assert client.head(f"{API}/views").status_code == 405
    assert count_views(app) == 0


def test_unknown_hall_or_scene_is_404_and_creates_nothing(app, client, database):
    assert client.post("/api/halls/ghost/views", json={"scene": "lobby"}).status_code == 404
    response = client.post(f"{API}/views", json={"scene": "attic"})
    assert response.status_code == 404
    assert response.get_json()["message"] == "Hall 'demo-hall' has no scene 'attic'."
    assert count_views(app) == 0
    with database.read() as connection:
        assert connection.scalar(select(func.count()).select_from(salts)) == 0


def test_there_is_no_way_to_decrement(client):
    client.post(f"{API}/views", json={"scene": "lobby"})
    for method in ("delete", "put", "patch"):
        assert getattr(client, method)(f"{API}/views", json={"scene": "lobby"}).status_code == 405
    assert client.get(f"{API}/stats").get_json()["views"] == 1


def test_spoofed_forwarded_for_is_ignored_without_trusted_proxies(client):
    for fake in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        client.post(f"{API}/views", json={"scene": "lobby"}, headers={"X-Forwarded-For": fake})
    assert client.get(f"{API}/stats").get_json()["visitors"] == 1


def test_forwarded_for_is_used_behind_a_trusted_proxy(app, client):
    from hallbuilder.service.config import parse_networks

    state = app.extensions["hallbuilder"]
    state.settings = state.settings.but(trusted_proxies=parse_networks(("203.0.113.0/24",)))
    for real in ("1.1.1.1", "2.2.2.2", "1.1.1.1"):
        client.post(f"{API}/views", json={"scene": "lobby"}, headers={"X-Forwarded-For": f"9.9.9.9, {real}"})
    assert client.get(f"{API}/stats").get_json()["visitors"] == 2


def test_no_raw_ip_address_is_stored(app, client, database):
    client.post(f"{API}/views", json={"scene": "lobby"})
    client.post(f"{API}/comments", json={"nickname": "访客", "text": "你好"})
    client.post(f"{API}/messages", json={"name": "访客", "text": "你好"})
    assert count_views(app) == 1
    with database.read() as connection:
        for table in (views, messages):
            for row in connection.execute(select(table)):
                assert "203.0.113.7" not in " ".join(str(value) for value in row)
                assert len(row._mapping["visitor"]) == 32


def test_showcase_likes_once_per_visitor_per_day(client):
    first = client.post(f"{API}/showcases/north-branch/likes")
    assert first.get_json() == {"likes": 1, "liked": True, "already": False}
    again = client.post(f"{API}/showcases/north-branch/likes")
    assert again.get_json() == {"likes": 1, "liked": False, "already": True}  # says nothing was counted
    other = client.post(f"{API}/showcases/north-branch/likes", **as_visitor(client, "198.51.100.2"))
    assert other.get_json() == {"likes": 2, "liked": True, "already": False}
    client.post(f"{API}/showcases/south-branch/views")
    client.post(f"{API}/showcases/south-branch/views")  # the same visitor, the same day: counted once
    client.post(f"{API}/showcases/south-branch/views", **as_visitor(client, "198.51.100.2"))
    assert client.get(f"{API}/showcases").get_json() == {
        "showcases": {"north-branch": {"likes": 2, "views": 0}, "south-branch": {"likes": 0, "views": 2}}
    }
    assert client.post(f"{API}/showcases/west-branch/likes").status_code == 404
    bot = client.post(f"{API}/showcases/north-branch/likes", headers={"User-Agent": "Baiduspider"})
    assert bot.get_json() == {"likes": 2, "liked": False, "already": False}


def test_messages_are_received_and_never_public(client, app):
    response = client.post(
        f"{API}/messages", json={"name": "王女士", "contact": "wang@example.org", "text": "请问开放时间？"}
    )
    assert response.status_code == 201
    assert response.get_json() == {"status": "received"}
    assert client.get(f"{API}/messages").status_code == 405
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api") and "GET" in rule.methods:
            path = rule.rule.replace("<hall>", "demo-hall").replace("<branch>", "north-branch")
            body = client.get(path.replace("<int:comment_id>", "1")).get_data(as_text=True)
            assert "请问开放时间" not in body and "wang@example.org" not in body


def test_message_honeypot_and_limits(client):
    honeypot = client.post(f"{API}/messages", json={"name": "a", "text": "b", "website": "x"})
    assert honeypot.status_code == 400
    for number in range(5):
        assert client.post(f"{API}/messages", json={"name": "a", "text": f"b{number}"}).status_code == 201
    limited = client.post(f"{API}/messages", json={"name": "a", "text": "again"})
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.get_json()["message"].startswith("Too many messages: please wait ")


def test_comment_rate_limit_per_visitor_answers_429_json(client):
    codes = [
        client.post(f"{API}/comments", json={"nickname": "n", "text": f"t{i}"}).status_code for i in range(21)
    ]
    assert codes == [201] * 20 + [429]
    limited = client.post(f"{API}/comments", json={"nickname": "n", "text": "more"})
    assert limited.get_json()["code"] == 429 and 0 < int(limited.headers["Retry-After"]) <= 3600
    other = client.post(
        f"{API}/comments", json={"nickname": "n", "text": "x"}, **as_visitor(client, "198.51.100.3")
    )
    assert other.status_code == 201


def test_announcements_current_only_and_sanitised(client, database):
    today = date.today()
    with database.write() as connection:
        announcements.save(
            connection,
            None,
            hall_id="demo-hall",
            title="开幕",
            date=today - timedelta(days=1),
            ends_on=None,
            published=True,
            html='<p onclick="x()">欢迎<script>alert(1)</script><a href="javascript:alert(1)">链接</a>'
            '<a href="https://example.org">官网</a></p>',
        )
        announcements.save(
            connection,
            None,
            hall_id="demo-hall",
            title="草稿",
            date=today,
            ends_on=None,
            published=False,
            html="draft",
        )
        announcements.save(
            connection,
            None,
            hall_id="demo-hall",
            title="过期",
            date=today - timedelta(days=9),
            ends_on=today - timedelta(days=2),
            published=True,
            html="old",
        )
        announcements.save(
            connection,
            None,
            hall_id="demo-hall",
            title="未来",
            date=today + timedelta(days=2),
            ends_on=None,
            published=True,
            html="later",
        )
    body = client.get(f"{API}/announcements").get_json()
    assert [item["title"] for item in body["announcements"]] == ["开幕"]
    assert body["announcements"][0]["html"] == (
        '<p>欢迎<a rel="noopener noreferrer nofollow">链接</a>'
        '<a href="https://example.org" rel="noopener noreferrer nofollow">官网</a></p>'
    )
    assert body["announcements"][0]["date"] == (today - timedelta(days=1)).isoformat()


def test_cors_allows_only_listed_origins(app, client):
    state = app.extensions["hallbuilder"]
    state.settings = state.settings.but(cors_origins=("https://cdn.example.org",))
    allowed = client.options(
        f"{API}/comments",
        headers={"Origin": "https://cdn.example.org", "Access-Control-Request-Method": "POST"},
    )
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://cdn.example.org"
    assert "X-Edit-Token" in allowed.headers["Access-Control-Allow-Headers"]
    refused = client.get(f"{API}/stats", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_openapi_spec_is_served(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/halls/{hall}/comments",
        "/api/halls/{hall}/views",
        "/api/halls/{hall}/stats",
        "/api/halls/{hall}/showcases/{branch}/likes",
        "/api/halls/{hall}/messages",
    ):
        assert path in spec["paths"]
    assert "CommentIn" in spec["components"]["schemas"]


def test_salts_rotate_daily_and_are_kept_48_hours(database):
    from hallbuilder.service.store import salts as salt_store

    today = date.today()
    with database.write() as connection:
        old = [salt_store.for_day(connection, today - timedelta(days=n)) for n in (3, 2, 1)]
        current = salt_store.for_day(connection, today)
        assert salt_store.for_day(connection, today) == current  # every worker gets the same salt
        kept = dict(connection.execute(select(salts.c.day, salts.c.salt)).all())
    assert kept == {today - timedelta(days=1): old[2], today: current}
    assert len({*old, current}) == 4


def test_hall_wide_comment_limit(app, client):
    from hallbuilder.service.config import Limits

    state = app.extensions["hallbuilder"]
    state.settings = state.settings.but(limits=Limits(100, 3, 5, 5))
    codes = [
        client.post(
            f"{API}/comments",
            json={"nickname": "n", "text": f"t{i}"},
            **as_visitor(client, f"198.51.100.{i}"),
        ).status_code
        for i in range(4)
    ]
    assert codes == [201, 201, 201, 429]
