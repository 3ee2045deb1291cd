"""Who may use the studio through Flask's test client: token, cookie, Host and Origin, LAN logins and CSRF."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from .conftest import TOKEN, version_of

PASSWORD = "correct horse battery"


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "evil.example"},  # DNS rebinding: another site's name pointed at 127.0.0.1
        {"Host": "localhost:8080"},  # another port than the server's
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_foreign_host_or_origin_is_refused_even_with_the_token(client, project, headers):
    before = (project / "hall.yaml").read_bytes()
    version = version_of(client)
    response = client.post(
        "/api/edit",
        json={"version": version, "ops": [{"op": "set", "path": ["hall", "title"], "value": "x"}]},
        headers=headers,
    )
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "foreign"
    assert client.get("/api/project", headers=headers).status_code == 403
    assert (project / "hall.yaml").read_bytes() == before


def test_without_the_token_nothing_works(studio_app):
    anonymous = studio_app.test_client()
    for path in ("/api/project", "/api/version", "/api/history", "/api/session"):
        response = anonymous.get(path, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
        assert response.status_code == 401
        assert (
            response.get_json()["error"]["message"]
            == "请使用工作室启动时显示的地址打开（地址里带有访问令牌）。"
        )
    assert anonymous.get("/api/version", headers={"Authorization": "Bearer guessed"}).status_code == 401
    assert anonymous.get("/?token=guessed").status_code == 401
    page = anonymous.get("/", headers={"Accept-Language": "en"})
    assert page.status_code == 401 and "Open the studio with the address it printed" in page.get_data(
        as_text=True
    )


def test_the_token_address_gives_a_strict_cookie_and_leaves_the_address_bar(studio_app):
    browser = studio_app.test_client()
    response = browser.get(f"/?token={TOKEN}")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    assert browser.get("/api/version").status_code == 200
    session = browser.get("/api/session").get_json()
    assert session["lan"] is False and session["lang"] == "en" and len(session["csrf"]) > 20


@pytest.fixture
def lan_app(hall):
    from hallbuilder.studio import create_app

    cheap = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    app = create_app(hall, TOKEN, password_hash=cheap.hash(PASSWORD), background=False)
    yield app
    app.extensions["studio"].close()


def test_on_the_lan_nothing_works_before_login_not_even_the_token(lan_app):
    browser = lan_app.test_client()
    assert browser.get("/api/project").status_code == 401
    assert browser.get("/api/version", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 401
    assert browser.get(f"/?token={TOKEN}").headers["Location"] == "/login"
    assert browser.get("/").headers["Location"] == "/login"
    assert "password" in browser.get("/login").get_data(as_text=True)


def test_lan_login_then_every_write_needs_the_csrf_token(lan_app):
    browser = lan_app.test_client()
    wrong = browser.post("/login", json={"password": "guess"})
    assert wrong.status_code == 401 and wrong.get_json()["error"]["message"] == "Wrong password; try again."
    login = browser.post("/login", json={"password": PASSWORD})
    assert login.status_code == 200 and "SameSite=Strict" in login.headers["Set-Cookie"]
    csrf = browser.get("/api/session").get_json()["csrf"]
    assert csrf == login.get_json()["csrf"]
    edit = {"version": version_of(browser), "ops": [{"op": "set", "path": ["hall", "title"], "value": "LAN"}]}
    refused = browser.post("/api/edit", json=edit)
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "csrf"
    assert browser.post("/api/edit", json=edit, headers={"X-CSRF-Token": csrf}).status_code == 200


def test_logins_are_rate_limited(lan_app):
    browser = lan_app.test_client()
    for _ in range(5):
        assert browser.post("/login", json={"password": "guess"}).status_code == 401
    limited = browser.post("/login", json={"password": PASSWORD})
    assert limited.status_code == 429
    assert limited.get_json()["error"]["message"].startswith("Too many login attempts; wait ")
