"""Login guessing is limited per address (waits that double), per account (about `limit` wrong passwords per
15 minutes from anywhere), and a browser that logged in before keeps its own budget (guard/logins.py).

The test settings allow 5 wrong passwords (HALLBUILDER_LOGIN_LIMIT=5)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from hallbuilder.service.guard import logins as login_guard
from hallbuilder.service.store.tables import login_failures

from .test_admin import PASSWORD, add_user, log_in, post_form


def browser(app, address="203.0.113.7", user_agent="Mozilla/5.0 (iPhone) Mobile Safari"):
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": user_agent, "REMOTE_ADDR": address})
    return client


def age_failures(database, seconds: float) -> None:
    """As if every wrong password so far had been typed `seconds` earlier."""
    with database.write() as connection:
        for row in connection.execute(select(login_failures.c.id, login_failures.c.at)).all():
            moved = row.at - timedelta(seconds=seconds)
            connection.execute(update(login_failures).where(login_failures.c.id == row.id).values(at=moved))


def test_a_new_user_agent_per_try_does_not_buy_more_guesses(app, database):
    add_user(database)
    codes = [
        log_in(browser(app, user_agent=f"Mozilla/5.0 (Guess {i}) Safari"), password=f"guess {i}").status_code
        for i in range(7)
    ]
    assert codes == [401] * 5 + [429, 429]


def test_the_wait_of_an_address_doubles_with_each_further_wrong_password(app, database):
    names = iter(f"user{i}" for i in range(20))  # another name each time: only the address limit bites
    for _ in range(5):
        assert log_in(browser(app), next(names), "guess").status_code == 401
    waits = []
    for _ in range(3):
        refused = log_in(browser(app), next(names), "guess")
        assert refused.status_code == 429
        waits.append(int(refused.headers["Retry-After"]))
        assert "Too many wrong passwords from your network" in refused.get_data(as_text=True)
        age_failures(database, waits[-1] + 1)
        assert log_in(browser(app), next(names), "guess").status_code == 401  # checked once the wait is over
    assert [round(wait / 30) for wait in waits] == [1, 2, 4]


def test_ipv6_addresses_count_per_64_block(app, database):
    for i in range(5):  # unknown usernames: only the address limit can bite
        assert log_in(browser(app, f"2001:db8:0:7::{i + 1}"), f"user{i}", "x").status_code == 401
    assert log_in(browser(app, "2001:db8:0:7:ffff::1"), "user9", "x").status_code == 429
    assert log_in(browser(app, "2001:db8:0:8::1"), "user9", "x").status_code == 401


def test_an_account_gets_about_the_limit_of_wrong_passwords_from_anywhere(app, database):
    add_user(database)
    for i in range(5):
        assert log_in(browser(app, f"198.51.100.{i + 1}"), password=f"guess {i}").status_code == 401
    refused = log_in(browser(app, "198.51.100.50"), password=PASSWORD)  # not even the right one is checked
    assert refused.status_code == 429
    assert "Too many wrong passwords for this account" in refused.get_data(as_text=True)
    assert 14 * 60 < int(refused.headers["Retry-After"]) <= 15 * 60
    age_failures(database, 15 * 60 + 1)
    assert log_in(browser(app, "198.51.100.51"), password=PASSWORD).status_code == 302


def test_an_attack_does_not_lock_the_organiser_out_of_their_usual_browser(app, database):
    add_user(database)
    usual = browser(app, "192.0.2.10")
    assert log_in(usual).status_code == 302
    post_form(usual, "/admin/logout", {})
    for i in range(12):  # many addresses: the account is locked for every new browser
        log_in(browser(app, f"198.51.100.{i + 1}"), password=f"guess {i}")
    assert log_in(browser(app, "192.0.2.11"), password=PASSWORD).status_code == 429
    assert log_in(usual).status_code == 302
    assert usual.get("/admin/account").status_code == 200


def test_a_trusted_browser_has_its_own_doubling_budget(app, database):
    add_user(database)
    usual = browser(app, "192.0.2.10")
    log_in(usual)
    post_form(usual, "/admin/logout", {})
    codes = [log_in(usual, password=f"typo {i}").status_code for i in range(6)]
    assert codes == [401] * 5 + [429]
    assert "Too many wrong passwords from this browser" in log_in(usual).get_data(as_text=True)
    assert log_in(browser(app, "192.0.2.12"), password=PASSWORD).status_code == 302  # others are not locked


def test_parallel_guesses_are_counted_before_the_slow_password_check(app, database):
    """The count and the provisional failure are written in one locked transaction, before argon2."""
    from concurrent.futures import ThreadPoolExecutor

    add_user(database)
    with ThreadPoolExecutor(8) as pool:
        codes = list(
            pool.map(
                lambda i: log_in(browser(app, f"198.51.100.{i + 1}"), password="x").status_code, range(16)
            )
        )
    assert sorted(codes) == [401] * 5 + [429] * 11


def test_failures_are_stored_as_hashes_only(app, database):
    add_user(database)
    log_in(browser(app, "203.0.113.99"), "organiser", "wrong")
    with database.read() as connection:
        keys = list(connection.scalars(select(login_failures.c.key)))
    assert sorted(key[:2] for key in keys) == ["a:", "u:"]
    assert not any("203.0.113" in key or "organiser" in key for key in keys)
    assert login_guard.account_key(" Organiser ") == login_guard.account_key("organiser")
