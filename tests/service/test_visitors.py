"""Visitor identity over both backends: the viewer's visitor id, new visitors capped per address, per-address
shares of the shared budgets, likes once per visitor per day and showcase views counted once per visitor per day.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hallbuilder.service.store import views as view_store
from hallbuilder.service.store.tables import metadata

from .conftest import BROWSER_UA

API = "/api/halls/demo-hall"
OFFICE = "198.51.100.20"  # one Wi-Fi: several colleagues behind one address


def new_id() -> str:
    return secrets.token_hex(16)


def with_id(visitor_id: str, ip: str = OFFICE, agent: str = BROWSER_UA) -> dict:
    """Request kwargs of a browser with this visitor id behind this address."""
    return {
        "headers": {"X-Visitor-Id": visitor_id},
        "environ_base": {"REMOTE_ADDR": ip, "HTTP_USER_AGENT": agent},
    }


def without_id(ip: str = OFFICE, agent: str = BROWSER_UA) -> dict:
    return {"environ_base": {"REMOTE_ADDR": ip, "HTTP_USER_AGENT": agent}}


def set_limits(app, **changes) -> None:
    state = app.extensions["hallbuilder"]
    state.settings = state.settings.but(limits=replace(state.settings.limits, **changes))


def like(client, **request) -> dict:
    return client.post(f"{API}/showcases/north-branch/likes", **request).get_json()


def comment(client, text: str, **request) -> int:
    return client.post(f"{API}/comments", json={"nickname": "访客", "text": text}, **request).status_code


def test_colleagues_on_one_wifi_with_the_same_phone_are_two_visitors(client):
    first, second = new_id(), new_id()
    assert like(client, **with_id(first))["liked"] is True
    assert like(client, **with_id(second)) == {"likes": 2, "liked": True, "already": False}
    assert like(client, **with_id(second)) == {"likes": 2, "liked": False, "already": True}
    client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(first))
    client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(second))
    assert client.get(f"{API}/stats").get_json()["visitors"] == 2


def test_a_beacon_carries_the_visitor_id_in_its_body(client):
    """navigator.sendBeacon sends no headers: the id comes in the text/plain body."""
    for visitor_id in (new_id(), new_id(), new_id()):
        body = f'{{"scene": "hall-a", "visitor": "{visitor_id}"}}'
        response = client.post(f"{API}/views", data=body, content_type="text/plain", **without_id())
        assert response.status_code == 204
    stats = client.get(f"{API}/stats").get_json()
    assert stats["scenes"]["hall-a"] == {"views": 3, "visitors": 3}


def test_one_visitor_id_is_one_visitor_whatever_its_user_agent(client):
    visitor_id = new_id()
    for number in range(5):
        agent = f"Mozilla/5.0 (iPhone; rotated {number}) Mobile"
        client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(visitor_id, agent=agent))
        like(client, **with_id(visitor_id, agent=agent))
        client.post(f"{API}/showcases/north-branch/views", **with_id(visitor_id, agent=agent))
    assert client.get(f"{API}/stats").get_json() == {
        "views": 5,
        "visitors": 1,
        "scenes": {"lobby": {"views": 5, "visitors": 1}, "hall-a": {"views": 0, "visitors": 0}},
    }
    assert client.get(f"{API}/showcases").get_json()["showcases"]["north-branch"] == {"likes": 1, "views": 1}


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "../../etc/passwd",
        "A" * 32,
        "0123456789abcdef0123456789abcde",
        "0" * 33,
        "１" * 32,
        "9" * 5000,
        "g" * 32,
    ],
)
def test_a_visitor_id_of_another_form_is_ignored_and_the_request_still_works(client, bad):
    """Old clients and scripts without a valid id count by address and user agent, as before."""
    assert like(client, headers={"X-Visitor-Id": bad}) == {"likes": 1, "liked": True, "already": False}
    assert like(client) == {"likes": 1, "liked": False, "already": True}
    beacon = client.post(f"{API}/views", json={"scene": "lobby", "visitor": bad[:64]})
    assert beacon.status_code == 204
    client.post(f"{API}/views", json={"scene": "lobby"})
    assert client.get(f"{API}/stats").get_json()["visitors"] == 1


def test_rotating_user_agents_cannot_make_unlimited_visitors(app, client):
    set_limits(app, comments_per_hour=1, hall_comments_per_minute=1000, new_visitors_per_address_per_hour=5)
    agents = [f"Mozilla/5.0 (Phone {number}) Mobile" for number in range(30)]
    posted = [
        comment(client, f"第{number}条", **without_id(agent=agent)) for number, agent in enumerate(agents)
    ]
    assert posted.count(201) == 6  # five admitted visitors and, beyond them, the address as one
    assert set(posted[6:]) == {429}
    likes = [like(client, **without_id(agent=agent)) for agent in agents]
    assert likes[-1]["likes"] == 6


def test_rotating_visitor_ids_cannot_make_unlimited_visitors(app, client):
    set_limits(app, comments_per_hour=1, hall_comments_per_minute=1000, new_visitors_per_address_per_hour=5)
    ids = [new_id() for _ in range(30)]
    posted = [
        comment(client, f"第{number}条", **with_id(visitor_id)) for number, visitor_id in enumerate(ids)
    ]
    assert posted.count(201) == 6
    for visitor_id in ids:
        client.post(f"{API}/showcases/north-branch/views", **with_id(visitor_id))
        client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(visitor_id))
    assert like(client, **with_id(ids[-1]))["likes"] == 1
    assert client.get(f"{API}/showcases").get_json()["showcases"]["north-branch"]["views"] == 6
    assert client.get(f"{API}/stats").get_json()["visitors"] == 6


def test_the_day_caps_new_visitors_at_five_hours_worth(app, client):
    """An hour later the address may bring new visitors again, up to five hours' worth a day."""
    set_limits(app, new_visitors_per_address_per_hour=2)
    hour = [1_900_000_000.0 // 86400 * 86400 + 3600]  # 01:00 UTC: seven hours within one UTC day
    app.extensions["hallbuilder"].admissions.clock = lambda: hour[0]
    admitted = 0
    for _ in range(7):
        for _ in range(3):
            admitted += like(client, **with_id(new_id()))["liked"]
        hour[0] += 3600
    assert admitted == 10 + 1  # 2 a hour for five hours, and the address itself


def test_visitors_admitted_before_the_address_is_full_keep_their_own_identity(app, client):
    set_limits(app, new_visitors_per_address_per_hour=2)
    early = [new_id(), new_id()]
    for visitor_id in early:
        client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(visitor_id))
    assert [like(client, **with_id(new_id()))["liked"] for _ in range(3)] == [True, False, False]
    assert [like(client, **with_id(visitor_id))["liked"] for visitor_id in early] == [True, True]
    assert (
        like(client, **with_id(new_id(), ip="192.0.2.8"))["liked"] is True
    )  # another address is not affected


def test_one_ipv6_subscriber_is_one_address_for_the_cap():
    from hallbuilder.service.guard.visitor import address_block

    assert address_block("2001:db8:1:2::1") == address_block("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert address_block("2001:db8:1:3::1") != address_block("2001:db8:1:2::1")
    assert address_block("::ffff:198.51.100.20") == "198.51.100.20" == address_block("198.51.100.20")


def test_ipv6_addresses_of_one_prefix_share_the_new_visitor_cap(app, client):
    set_limits(app, new_visitors_per_address_per_hour=3)
    liked = [
        like(client, **with_id(new_id(), ip=f"2001:db8:5:6::{number:x}"))["liked"] for number in range(1, 9)
    ]
    assert liked == [True, True, True, True, False, False, False, False]


def test_one_address_cannot_use_up_the_hall_wide_comment_limit(app, client):
    """The hall's comments per minute are shared: one address gets a quarter, refused ones use none of it."""
    set_limits(app, comments_per_hour=100, hall_comments_per_minute=8, new_visitors_per_address_per_hour=100)
    flood = [comment(client, f"刷屏{number}", **with_id(new_id())) for number in range(62)]
    assert flood.count(201) == 2
    response = client.post(f"{API}/comments", json={"nickname": "n", "text": "again"}, **with_id(new_id()))
    assert response.get_json()["message"].startswith("Too many comments from your network: please wait ")
    others = [
        comment(client, "我也来说两句", **with_id(new_id(), ip=f"192.0.2.{number}")) for number in range(6)
    ]
    assert others == [201] * 6  # 2 + 6 = the hall's 8
    assert comment(client, "第九条", **with_id(new_id(), ip="192.0.2.99")) == 429


def test_messages_from_one_address_are_capped_at_four_visitors_worth(app, client):
    set_limits(app, messages_per_hour=1)
    sent = [
        client.post(
            f"{API}/messages", json={"name": "访客", "text": f"留言{n}"}, **with_id(new_id())
        ).status_code
        for n in range(10)
    ]
    assert sent == [201] * 4 + [429] * 6
    elsewhere = client.post(
        f"{API}/messages", json={"name": "访客", "text": "你好"}, **with_id(new_id(), "192.0.2.1")
    )
    assert elsewhere.status_code == 201


def test_the_same_text_from_one_address_is_taken_three_times_a_day(client):
    codes = [comment(client, "加我微信领奖品", **with_id(new_id())) for _ in range(6)]
    assert codes == [201, 201, 201, 409, 409, 409]
    assert comment(client, "加我微信领奖品", **with_id(new_id(), ip="192.0.2.1")) == 201
    visitor_id = new_id()
    assert [comment(client, "好看", **with_id(visitor_id, ip="192.0.2.2")) for _ in range(2)] == [201, 409]


def test_showcase_views_count_once_per_visitor_per_day(app, client, database):
    reader = new_id()
    for _ in range(200):
        assert client.post(f"{API}/showcases/south-branch/views", **with_id(reader)).status_code == 204
    client.post(f"{API}/showcases/south-branch/views", **with_id(new_id()))
    for _ in range(3):
        client.post(f"{API}/showcases/south-branch/views")  # an old client: by address and user agent
    assert client.get(f"{API}/showcases").get_json()["showcases"]["south-branch"] == {"likes": 0, "views": 3}
    yesterday = date.today() - timedelta(days=1)
    with database.write() as connection:
        view_store.record(connection, "demo-hall", "branch", "south-branch", yesterday, "x" * 32)
        view_store.record(connection, "demo-hall", "branch", "south-branch", yesterday, "x" * 32)
        assert view_store.by_target(connection, "demo-hall", kind="branch")["south-branch"]["views"] == 5
    assert client.get(f"{API}/showcases").get_json()["showcases"]["south-branch"]["views"] == 4


def test_admin_daily_unique_visitors_count_visitor_ids(app, client, database):
    ids = [new_id(), new_id(), new_id()]
    for visitor_id in ids + ids:
        client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(visitor_id))
    client.post(f"{API}/views", json={"scene": "lobby"})  # one old client
    app.extensions["hallbuilder"].flush_views()
    with database.read() as connection:
        assert view_store.by_day(connection, "demo-hall") == [
            {"day": date.today(), "views": 7, "visitors": 4}
        ]


def test_neither_the_visitor_id_nor_the_address_is_stored(app, client, database):
    from hallbuilder.service.store.tables import visitor_days

    visitor_id = new_id()
    client.post(f"{API}/views", json={"scene": "lobby"}, **with_id(visitor_id))
    client.post(f"{API}/comments", json={"nickname": "访客", "text": "你好"}, **with_id(visitor_id))
    client.post(f"{API}/messages", json={"name": "访客", "text": "你好"}, **with_id(visitor_id))
    like(client, **with_id(visitor_id))
    app.extensions["hallbuilder"].flush_views()
    with database.read() as connection:
        stored = [str(row) for table in metadata.sorted_tables for row in connection.execute(select(table))]
        admitted = connection.scalars(select(visitor_days.c.visitor)).all()
    assert stored and not [row for row in stored if visitor_id in row or OFFICE in row]
    assert len(admitted) == 1 and len(admitted[0]) == 32


def test_admitted_visitors_are_forgotten_after_a_day(database):
    from hallbuilder.service.store import visitors as visitor_store
    from hallbuilder.service.store.tables import visitor_days

    today = date.today()
    with database.write() as connection:
        for days_ago in (3, 2, 1, 0):
            visitor_store.admit(connection, today - timedelta(days=days_ago), f"{days_ago}" * 32)
        visitor_store.forget_before(connection, today - timedelta(days=1))
        kept = connection.execute(select(visitor_days.c.day)).scalars().all()
    assert sorted(kept) == [today - timedelta(days=1), today]


def test_a_request_forgets_the_admissions_of_earlier_days(client, database):
    from hallbuilder.service.store import visitors as visitor_store
    from hallbuilder.service.store.tables import visitor_days

    with database.write() as connection:
        visitor_store.admit(connection, date.today() - timedelta(days=5), "5" * 32)
    like(client, **with_id(new_id()))
    with database.read() as connection:
        assert connection.execute(select(visitor_days.c.day)).scalars().all() == [date.today()]


def test_cors_lets_the_viewer_send_its_visitor_id(app, client):
    state = app.extensions["hallbuilder"]
    state.settings = state.settings.but(cors_origins=("https://cdn.example.org",))
    preflight = client.options(
        f"{API}/comments",
        headers={
            "Origin": "https://cdn.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-visitor-id",
        },
    )
    allowed = {name.strip().lower() for name in preflight.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"content-type", "x-visitor-id"} <= allowed


def test_the_spec_documents_the_visitor_id_and_what_a_like_did(client):
    spec = client.get("/api/openapi.json").get_json()
    writes = {
        (path, method): operation
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if path.startswith("/api/halls/{hall}/") and method == "post"
    }
    assert {path for path, _ in writes} >= {
        "/api/halls/{hall}/comments",
        "/api/halls/{hall}/messages",
        "/api/halls/{hall}/views",
        "/api/halls/{hall}/showcases/{branch}/likes",
        "/api/halls/{hall}/showcases/{branch}/views",
    }
    for operation in writes.values():
        assert "X-Visitor-Id" in [parameter["name"] for parameter in operation.get("parameters", [])]
    schemas = spec["components"]["schemas"]
    assert "visitor" in schemas["ViewIn"]["properties"]
    assert set(schemas["Liked"]["required"]) == {"likes", "liked", "already"}


def test_a_proxy_that_is_not_trusted_is_reported_once(client, caplog):
    """Behind an untrusted proxy every visitor has one address: the operator is told what to set."""
    public_peer = {"REMOTE_ADDR": "93.184.216.34", "HTTP_USER_AGENT": BROWSER_UA}
    client.post(
        f"{API}/views",
        json={"scene": "lobby"},
        headers={"X-Forwarded-For": "1.1.1.1"},
        environ_base=public_peer,
    )
    assert not caplog.records  # a public peer with the header: a client's own spoofing, nothing to report
    for number in range(3):
        client.post(
            f"{API}/views",
            json={"scene": "lobby"},
            headers={"X-Forwarded-For": f"192.0.2.{number}"},
            environ_base={"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": BROWSER_UA},
        )
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert warnings == [
        "Requests come through a proxy at 127.0.0.1, but HALLBUILDER_TRUSTED_PROXIES is empty: every visitor "
        "has the proxy's address, so they share the per-address limits. Set HALLBUILDER_TRUSTED_PROXIES=127.0.0.1 "
        "(see docs/service.md, Visitor identity)."
    ]


def test_workers_share_admissions_even_when_one_finds_the_address_full(database):
    """Two workers (two Admissions): a visitor the first admitted keeps its identity on the second, even after
    the second found the address out of new visitors; and one visitor admitted by both counts once."""
    from hallbuilder.service.guard.identity import Admissions

    first, second = Admissions(), Admissions()
    today = date.today()
    assert first.admit(database, today, "a" * 32, "office", 2)
    assert second.admit(database, today, "a" * 32, "office", 2)  # the same visitor: not a second new one
    assert second.admit(database, today, "b" * 32, "office", 2)
    assert not second.admit(database, today, "c" * 32, "office", 2)  # the cap of 2: the address is full
    assert not first.admit(database, today, "d" * 32, "office", 2)
    assert first.admit(database, today, "b" * 32, "office", 2)  # admitted by the second worker
    assert second.admit(database, today, "a" * 32, "office", 2)
    with database.read() as connection:
        assert not visitor_known(connection, today, "c" * 32)


def visitor_known(connection, day: date, visitor: str) -> bool:
    from hallbuilder.service.store import visitors as visitor_store

    return visitor_store.known(connection, day, visitor)
