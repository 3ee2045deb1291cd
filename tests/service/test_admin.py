"""Admin pages: login (argon2, rate limited), CSRF, moderation in bulk with audit, inbox, editors, stats, CSV."""

from __future__ import annotations

import re

import pytest

from hallbuilder.service.store import users

from .conftest import PASSWORD, add_user, csrf, log_in


def post_form(client, path, data, page="/admin/"):
    return client.post(path, data={"csrf_token": csrf(client, page), **data})


def test_pages_need_login(client):
    response = client.get("/admin/queue")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login?next=")


def test_password_is_argon2_and_wrong_password_refused(client, database):
    add_user(database)
    with database.read() as connection:
        assert users.by_name(connection, "organiser")["password_hash"].startswith("$argon2id$")
    wrong = log_in(client, password="nope")
    assert wrong.status_code == 401
    assert "Wrong username or password." in wrong.get_data(as_text=True)
    assert log_in(client, username="nobody").status_code == 401


def test_login_is_rate_limited(client, database):
    add_user(database)
    codes = [log_in(client, password="bad").status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]
    assert log_in(client).status_code == 429  # even the right password waits


def test_session_cookie_is_samesite_and_httponly(client, database):
    add_user(database)
    response = log_in(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/admin" in cookie


def test_login_redirect_stays_on_this_site(client, database):
    add_user(database)
    token = csrf(client)
    response = client.post(
        "/admin/login?next=https://evil.example/admin",
        data={"csrf_token": token, "username": "organiser", "password": PASSWORD},
    )
    assert response.headers["Location"] == "/admin/"


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/admin/login", {"username": "organiser", "password": PASSWORD}),
        ("/admin/queue", {"action": "approve", "ids": "1"}),
        ("/admin/messages", {"mark": "read", "ids": "1"}),
        ("/admin/announcements", {"hall": "demo-hall", "title": "t", "date": "2026-01-01"}),
        ("/admin/words", {"hall": "demo-hall", "block": "x"}),
        ("/admin/halls/demo-hall/moderation", {"mode": "post"}),
        ("/admin/logout", {}),
    ],
)
def test_forms_reject_missing_or_wrong_csrf(admin, path, data):
    for token in ({}, {"csrf_token": "forged"}):
        response = admin.post(path, data={**data, **token})
        assert response.status_code == 400
        assert "CSRF check" in response.get_data(as_text=True)


def test_bulk_moderation_with_audit_log(admin, client, database):
    ids = [
        client.post(
            "/api/halls/demo-hall/comments", json={"nickname": "访客", "text": f"评论{i}"}
        ).get_json()["comment"]["id"]
        for i in range(4)
    ]
    queue = admin.get("/admin/queue").get_data(as_text=True)
    assert "评论0" in queue and "评论3" in queue
    response = post_form(
        admin, "/admin/queue", {"action": "approve", "ids": [str(ids[0]), str(ids[1])]}, page="/admin/queue"
    )
    assert response.status_code == 302
    post_form(admin, "/admin/queue", {"action": "spam", "ids": [str(ids[2])]}, page="/admin/queue")
    post_form(admin, "/admin/queue", {"action": "delete", "ids": [str(ids[3])]}, page="/admin/queue")
    public = client.get("/api/halls/demo-hall/comments").get_json()["comments"]
    assert [c["text"] for c in public] == ["评论0", "评论1"]
    audit = admin.get("/admin/audit").get_data(as_text=True)
    assert f"comments {ids[0]},{ids[1]}" in audit and ">spam<" in audit and ">delete<" in audit
    assert ">organiser<" in audit


def test_moderation_mode_switch(admin, client):
    post_form(admin, "/admin/halls/demo-hall/moderation", {"mode": "post"})
    created = client.post("/api/halls/demo-hall/comments", json={"nickname": "访客", "text": "马上可见"})
    assert created.get_json()["comment"]["status"] == "published"


def test_inbox_mark_read_and_replied(admin, client):
    client.post("/api/halls/demo-hall/messages", json={"name": "王女士", "text": "请回电"})
    page = admin.get("/admin/messages").get_data(as_text=True)
    assert "请回电" in page and "<strong>new</strong>" in page
    message_id = re.search(r'name="ids" value="(\d+)"', page).group(1)
    post_form(admin, "/admin/messages", {"mark": "replied", "ids": message_id}, page="/admin/messages")
    assert "replied" in admin.get("/admin/messages").get_data(as_text=True)


def test_announcement_editor_sanitises(admin, client):
    response = post_form(
        admin,
        "/admin/announcements",
        {
            "hall": "demo-hall",
            "title": "开幕",
            "date": "2020-01-01",
            "published": "on",
            "html": "<p>欢迎<img src=x onerror=alert(1)></p>",
        },
        page="/admin/announcements",
    )
    assert response.status_code == 302
    listed = client.get("/api/halls/demo-hall/announcements").get_json()["announcements"]
    assert listed[0]["html"] == "<p>欢迎</p>"
    bad_date = post_form(
        admin,
        "/admin/announcements",
        {"hall": "demo-hall", "title": "x", "date": "soon"},
        page="/admin/announcements",
    )
    assert bad_date.status_code == 400
    assert "date: expected a date like 2026-05-01, got &#39;soon&#39;." in bad_date.get_data(as_text=True)


def test_word_lists_editor(admin, client, database):
    post_form(
        admin,
        "/admin/words",
        {"hall": "demo-hall", "block": "坏词\n", "review": "审核\n"},
        page="/admin/words",
    )
    refused = client.post("/api/halls/demo-hall/comments", json={"nickname": "访客", "text": "坏 词"})
    assert refused.status_code == 422
    assert "坏词" in admin.get("/admin/words").get_data(as_text=True)


def test_stats_page_with_svg_chart_and_csv(admin, client):
    client.post("/api/halls/demo-hall/views", json={"scene": "lobby"})
    client.post("/api/halls/demo-hall/views", json={"scene": "hall-a"})
    page = admin.get("/admin/stats").get_data(as_text=True)
    assert '<svg class="chart"' in page and "大厅" in page
    assert "<script" not in page
    csv_response = admin.get("/admin/stats.csv")
    assert csv_response.mimetype == "text/csv"
    rows = csv_response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert rows[0] == "kind,key,title,views,visitors"
    assert "scene,lobby,大厅,1,1" in rows and "scene,hall-a,A 厅,1,1" in rows


def test_branch_users_cannot_open_organiser_pages(client, database):
    add_user(database, "branch-user", role="branch", hall_id="demo-hall", branch_id="north-branch")
    log_in(client, "branch-user")
    assert client.get("/admin/queue").status_code == 403
    assert client.get("/admin/stats?hall=demo-hall").status_code == 403
    assert client.get("/admin/audit").status_code == 403


def test_admin_pages_send_a_strict_content_security_policy(admin):
    response = admin.get("/admin/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
