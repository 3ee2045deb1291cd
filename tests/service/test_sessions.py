"""Admin and branch sessions live on the server: logout, idle time, password change and "log out everywhere"
end them, and a copy of the cookie made before is worth nothing afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from hallbuilder.service.app import create_app
from hallbuilder.service.store.tables import sessions

from .conftest import BROWSER_UA, make_settings, register
from .test_admin import PASSWORD, add_user, csrf, log_in, post_form

COOKIE = "hallbuilder_admin"
BRANCH = {"hall_id": "demo-hall", "branch_id": "north-branch"}


def new_client(app, address="203.0.113.7", language=None):
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": BROWSER_UA, "REMOTE_ADDR": address})
    if language:
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def logged_in(client) -> bool:
    return client.get("/admin/account").status_code == 200


def copy_cookie(client) -> str:
    return client.get_cookie(COOKIE, path="/admin").value


def age_sessions(database, idle=timedelta(0), started=timedelta(0)) -> None:
    """Move every session's last use back by `idle` and its start back by `started`."""
    with database.write() as connection:
        rows = connection.execute(select(sessions.c.id, sessions.c.created_at, sessions.c.last_seen_at)).all()
        for row in rows:
            values = {"last_seen_at": row.last_seen_at - idle, "created_at": row.created_at - started}
            connection.execute(update(sessions).where(sessions.c.id == row.id).values(**values))


@pytest.mark.parametrize("role", ["organiser", "branch"])
def test_a_cookie_copied_before_logout_no_longer_logs_in(client, database, role):
    add_user(database, "someone", role=role, **(BRANCH if role == "branch" else {}))
    assert log_in(client, "someone").status_code == 302
    stolen = copy_cookie(client)
    assert logged_in(client)
    assert post_form(client, "/admin/logout", {}, page="/admin/account").status_code == 302
    client.set_cookie(COOKIE, stolen, path="/admin")
    assert client.get("/admin/account").headers["Location"].startswith("/admin/login")
    assert client.get("/admin/showcases/").status_code == 302


def test_the_database_holds_no_usable_session_token(client, database):
    add_user(database)
    log_in(client)
    token = client.get_cookie(COOKIE, path="/admin").value
    with database.read() as connection:
        stored = list(connection.scalars(select(sessions.c.id)))
    assert len(stored) == 1
    assert all(part not in stored[0] for part in token.split("."))


def test_an_idle_session_ends_after_the_configured_hours(database_url, tour):
    register(database_url, tour)
    app = create_app(make_settings(database_url, session_idle_hours=2))
    try:
        database = app.extensions["hallbuilder"].database
        add_user(database)
        client = new_client(app)
        log_in(client)
        age_sessions(database, idle=timedelta(minutes=100))
        assert logged_in(client)  # used 100 minutes ago: still on, and the use counts as new
        age_sessions(database, idle=timedelta(minutes=100))
        assert logged_in(client)
        age_sessions(database, idle=timedelta(minutes=121))
        assert not logged_in(client)
    finally:
        app.extensions["hallbuilder"].close()


def test_even_a_busy_session_ends_a_week_after_login(client, database):
    add_user(database)
    log_in(client)
    age_sessions(database, started=timedelta(days=6))
    assert logged_in(client)
    age_sessions(database, started=timedelta(days=1, minutes=1))
    assert not logged_in(client)


def test_default_idle_time_is_hours_not_a_month():
    from hallbuilder.service.config import from_environment

    assert from_environment({}).session_idle_hours == 8
    assert from_environment({"HALLBUILDER_SESSION_IDLE_HOURS": "3"}).session_idle_hours == 3


def test_a_password_change_ends_every_other_session(app, client, database):
    add_user(database)
    log_in(client)
    other = new_client(app, "198.51.100.9")
    log_in(other)
    response = post_form(
        client,
        "/admin/account/password",
        {
            "current_password": PASSWORD,
            "new_password": "a new long password",
            "repeat_password": "a new long password",
        },
        page="/admin/account",
    )
    assert response.status_code == 302
    assert "1 other browser(s) logged out" in client.get("/admin/account").get_data(as_text=True)
    assert logged_in(client)
    assert not logged_in(other)
    assert log_in(new_client(app, "198.51.100.10"), password=PASSWORD).status_code == 401
    assert log_in(new_client(app, "198.51.100.11"), password="a new long password").status_code == 302


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("zh-CN,zh;q=0.9", "当前密码不对，密码没有修改。请重新输入当前密码。"),
        ("zh-TW,zh;q=0.9", "目前密碼不正確，密碼沒有變更。請重新輸入目前密碼。"),
        ("en-GB,en;q=0.9", "The current password is wrong, so the password was not changed."),
    ],
)
def test_a_wrong_current_password_changes_nothing_and_says_so_in_the_ui_language(
    app, database, language, message
):
    add_user(database)
    client = new_client(app, language=language)
    log_in(client)
    response = post_form(
        client,
        "/admin/account/password",
        {
            "current_password": "wrong",
            "new_password": "another password",
            "repeat_password": "another password",
        },
        page="/admin/account",
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert log_in(new_client(app, "198.51.100.12"), password=PASSWORD).status_code == 302


def test_log_out_everywhere_ends_every_session_of_the_account(app, client, database):
    add_user(database)
    add_user(database, "colleague")
    log_in(client)
    phone = new_client(app, "198.51.100.20")
    log_in(phone)
    colleague = new_client(app, "198.51.100.21")
    log_in(colleague, "colleague")
    stolen = copy_cookie(phone)
    assert "Log out everywhere" in client.get("/admin/account").get_data(as_text=True)
    response = post_form(client, "/admin/account/logout-everywhere", {}, page="/admin/account")
    assert response.headers["Location"] == "/admin/login"
    assert not logged_in(client)
    assert not logged_in(phone)
    thief = new_client(app, "192.0.2.1")
    thief.set_cookie(COOKIE, stolen, path="/admin")
    assert not logged_in(thief)
    assert logged_in(colleague)  # another account is not touched


def test_an_organiser_can_log_every_account_out(app, client, database):
    add_user(database)
    add_user(database, "branch-user", role="branch", **BRANCH)
    log_in(client)
    branch = new_client(app, "198.51.100.30")
    log_in(branch, "branch-user")
    assert branch.get("/admin/account").status_code == 200
    refused = branch.post(
        "/admin/account/logout-every-account", data={"csrf_token": csrf(branch, "/admin/account")}
    )
    assert refused.status_code == 403
    post_form(client, "/admin/account/logout-every-account", {}, page="/admin/account")
    assert logged_in(client)
    assert not logged_in(branch)


def test_account_page_texts_exist_in_every_admin_language():
    from hallbuilder.service.admin.texts import LANGUAGES, TEXTS

    for key, texts in TEXTS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
