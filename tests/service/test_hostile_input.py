"""Hostile input gets a clear 4xx, never a 500: deep JSON, odd digits, NUL, control characters in a tour."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.service.numbers import whole_number
from hallbuilder.service.store import halls, words

from .conftest import make_tour
from .test_admin import add_user, csrf, log_in

DEEP = "[" * 20_000 + "]" * 20_000
DEEP_MESSAGE = "The request is nested too deeply: send flat JSON as described at /api/openapi.json."
HALL = "/api/halls/demo-hall"
ODD_NUMBERS = ["²", "٣", "1" * 5000, "-1", "12abc"]


def shown(raw: str) -> str:
    """The value as the admin error page shows it (cut, quoted, HTML-escaped)."""
    return repr(raw[:20] + ("…" if len(raw) > 20 else "")).replace("'", "&#39;")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("comments", DEEP),
        ("comments", '{"nickname": "x", "text": ' + DEEP + "}"),
        ("messages", DEEP),
        ("messages", '{"name": "x", "text": "hi", "contact": ' + DEEP + "}"),
        ("views", DEEP),
    ],
)
def test_json_nested_20000_deep_is_a_400(client, path, body):
    response = client.post(f"{HALL}/{path}", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["message"] == DEEP_MESSAGE


def test_a_deep_beacon_sent_as_text_plain_is_a_400(client):
    response = client.post(f"{HALL}/views", data=DEEP, content_type="text/plain")
    assert response.status_code == 400
    assert response.get_json()["message"] == DEEP_MESSAGE


def test_a_deep_edit_is_a_400(client):
    response = client.patch(f"{HALL}/comments/1", data=DEEP, content_type="application/json")
    assert response.status_code == 400


def test_bodies_with_many_brackets_that_are_not_deep_still_work(client, database):
    with database.write() as connection:
        halls.set_moderation(connection, "demo-hall", "post")
    text = "[]{}" * 100
    response = client.post(f"{HALL}/comments", json={"nickname": "括号", "text": text})
    assert response.status_code == 201
    assert response.get_json()["comment"]["text"] == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("0", 0),
        ("²", None),
        ("٣", None),
        ("1" * 5000, None),
        ("", None),
        (None, None),
    ],
)
def test_whole_number_reads_ascii_digits_only(raw, expected):
    assert whole_number(raw) == expected
    assert whole_number(str(2**62)) == 2**62 and whole_number(str(2**62 + 1)) is None


@pytest.fixture
def admin(client, database):
    add_user(database)
    assert log_in(client).status_code == 302
    return client


@pytest.mark.parametrize("raw", ODD_NUMBERS)
def test_odd_days_on_the_statistics_pages_are_a_400(admin, raw):
    for page in ("/admin/stats", "/admin/stats.csv"):
        response = admin.get(page, query_string={"hall": "demo-hall", "days": raw})
        assert response.status_code == 400
        assert f"days: expected a number such as 12, got {shown(raw)}." in response.get_data(as_text=True)
    assert admin.get("/admin/stats", query_string={"hall": "demo-hall", "days": "7"}).status_code == 200


@pytest.mark.parametrize("raw", ODD_NUMBERS)
def test_odd_announcement_numbers_are_a_400(admin, raw):
    editing = admin.get("/admin/announcements", query_string={"hall": "demo-hall", "edit": raw})
    assert editing.status_code == 400
    assert f"edit: expected a number such as 12, got {shown(raw)}." in editing.get_data(as_text=True)
    form = {"hall": "demo-hall", "title": "t", "date": "2026-01-01", "id": raw}
    saved = admin.post(
        "/admin/announcements",
        data={"csrf_token": csrf(admin, "/admin/announcements?hall=demo-hall"), **form},
    )
    assert saved.status_code == 400
    assert f"id: expected a number such as 12, got {shown(raw)}." in saved.get_data(as_text=True)


@pytest.mark.parametrize("raw", ODD_NUMBERS)
@pytest.mark.parametrize(
    ("path", "form"), [("/admin/queue", {"action": "approve"}), ("/admin/messages", {"mark": "read"})]
)
def test_odd_ids_in_bulk_forms_are_a_400(admin, raw, path, form):
    response = admin.post(path, data={"csrf_token": csrf(admin, path), "ids": ["1", raw], **form})
    assert response.status_code == 400
    assert f"ids: expected a number such as 12, got {shown(raw)}." in response.get_data(as_text=True)


@pytest.mark.parametrize("raw", ["²", "1" * 5000])
def test_an_odd_remove_photo_on_a_branch_edit_is_a_400(client, database, raw):
    add_user(database, "north", "branch", hall_id="demo-hall", branch_id="north-branch")
    assert log_in(client, "north").status_code == 302
    page = "/admin/showcases/demo-hall/north-branch/"
    form = {"csrf_token": csrf(client, page), "title": "植树", "date": "2026-03-12"}
    assert client.post(page, data=form, content_type="multipart/form-data").status_code == 302
    from hallbuilder.service.branches import store

    with database.read() as connection:
        [item] = store.listing(connection, "demo-hall", "north-branch")
    response = client.post(
        f"{page}{item['id']}", data={**form, "remove_photo": raw}, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert f"remove_photo: expected a number such as 12, got {shown(raw)}." in response.get_data(as_text=True)


NUL_MESSAGE = "Remove the control characters (such as NUL) from this text and send again."


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("comments", {"nickname": "小明", "text": "好\x00看"}, "text"),
        ("comments", {"nickname": "小\x00明", "text": "好看"}, "nickname"),
        ("comments", {"nickname": "小明", "text": "响铃\x07"}, "text"),
        ("messages", {"name": "小明", "text": "你好\x00"}, "text"),
        ("messages", {"name": "小\x00明", "text": "你好"}, "name"),
        ("messages", {"name": "小明", "text": "你好", "contact": "\x00"}, "contact"),
    ],
)
def test_a_nul_in_a_comment_or_message_is_a_422_on_every_database(client, database, path, body, field):
    response = client.post(f"{HALL}/{path}", json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"][field] == [NUL_MESSAGE]
    assert response.get_json()["message"] == f"{field}: {NUL_MESSAGE}"


def test_a_lone_surrogate_is_a_422_not_a_database_error(client):
    body = '{"nickname": "小明", "text": "bad \\ud800 half"}'
    response = client.post(f"{HALL}/comments", data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"]["text"] == [NUL_MESSAGE]


def test_a_nul_in_an_edit_is_a_422(client):
    created = client.post(f"{HALL}/comments", json={"nickname": "小明", "text": "好看"})
    comment_id, token = created.get_json()["comment"]["id"], created.get_json()["edit_token"]
    response = client.patch(
        f"{HALL}/comments/{comment_id}", json={"text": "改\x00了"}, headers={"X-Edit-Token": token}
    )
    assert response.status_code == 422
    assert response.get_json()["errors"]["json"]["text"] == [NUL_MESSAGE]


def test_tabs_and_line_breaks_are_still_fine(client, database):
    response = client.post(f"{HALL}/messages", json={"name": "小明", "text": "第一行\n第二行\r\n\t缩进"})
    assert response.status_code == 201


def test_a_nul_in_a_word_list_is_a_400(admin, database):
    form = {"csrf_token": csrf(admin, "/admin/words?hall=demo-hall"), "hall": "demo-hall"}
    response = admin.post("/admin/words", data={**form, "block": "好词\n坏\x00词", "review": ""})
    assert response.status_code == 400
    assert "block list, line 2: remove the control character (such as NUL) and save again." in (
        response.get_data(as_text=True)
    )
    with database.read() as connection:
        assert words.lists(connection, "demo-hall") == {"block": [], "review": []}


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("hall.title", lambda tour: tour["hall"].update(title={"zh-CN": "示范\x00展厅", "en": "Demo"})),
        ("scenes[1].title", lambda tour: tour["scenes"][1].update(title={"zh-CN": "A\x1b厅"})),
        ("showcases[0].name", lambda tour: tour["showcases"][0].update(name="北\x00分行")),
    ],
)
def test_register_hall_refuses_control_characters_on_every_database(database_url, tmp_path, where, change):
    tour = make_tour("nul-hall")
    change(tour)
    path = tmp_path / "tour.json"
    path.write_text(json.dumps(tour), "utf-8")
    result = CliRunner().invoke(cli, ["service", "register-hall", str(path), "--database", database_url])
    assert result.exit_code == 1
    code = "001B" if "scenes" in where else "0000"
    position = 2 if "scenes" in where else 3 if "hall" in where else 2
    assert result.output == (
        f"{path}: {where}: the text has a control character (U+{code}) at character {position}; "
        "remove it from hall.yaml and rebuild the hall\n"
    )
    from hallbuilder.service.store.db import Database

    database = Database(database_url)
    with database.read() as connection:
        assert halls.get(connection, "nul-hall") is None
    database.dispose()


def test_anonymous_big_uploads_are_sent_to_the_login_before_the_body_is_read(client):
    class Counting(io.RawIOBase):
        """A 60 MB body that counts what the service reads of it."""

        read_bytes = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            Counting.read_bytes += len(buffer)
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    size = 60 * 1024 * 1024
    response = client.post(
        "/admin/showcases/demo-hall/north-branch/",
        environ_overrides={
            "wsgi.input": io.BufferedReader(Counting()),
            "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
            "CONTENT_LENGTH": str(size),
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login?next=")
    assert Counting.read_bytes < 64 * 1024


def test_a_branch_cannot_send_a_big_body_to_another_branch(client, database):
    add_user(database, "north", "branch", hall_id="demo-hall", branch_id="north-branch")
    assert log_in(client, "north").status_code == 302
    big = {"csrf_token": csrf(client, "/admin/showcases/demo-hall/north-branch/"), "text": "x" * 100_000}
    other = client.post(
        "/admin/showcases/demo-hall/south-branch/", data=big, content_type="multipart/form-data"
    )
    assert other.status_code == 413
    own = client.post(
        "/admin/showcases/demo-hall/north-branch/", data=big, content_type="multipart/form-data"
    )
    assert own.status_code == 400  # read, and refused for its missing title
    assert "Title: write what was achieved, in a few words." in own.get_data(as_text=True)
