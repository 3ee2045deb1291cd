"""Visitor comments over both backends: moderation, filters, limits, duplicates, edit tokens, ETag."""

from __future__ import annotations

import time

import pytest

from hallbuilder.service import tokens
from hallbuilder.service.store import halls, words

from .conftest import BROWSER_UA, SECRET

URL = "/api/halls/demo-hall/comments"


def post(client, text="好看的展厅", nickname="小明", **extra):
    return client.post(URL, json={"nickname": nickname, "text": text, **extra})


def set_moderation(database, mode):
    with database.write() as connection:
        halls.set_moderation(connection, "demo-hall", mode)


def approve_all(database):
    from hallbuilder.service.store.tables import comments

    with database.write() as connection:
        connection.execute(comments.update().where(comments.c.status == "pending").values(status="published"))


def test_pre_moderation_is_default_and_pending_is_invisible_everywhere(client):
    created = post(client)
    assert created.status_code == 201
    body = created.get_json()
    assert body["comment"]["status"] == "pending"
    assert body["comment"]["nickname"] == "小明" and body["comment"]["scene"] is None
    assert body["comment"]["created_at"].endswith("Z")
    listed = client.get(URL).get_json()
    assert listed == {"comments": [], "next_after_id": 0}
    assert client.get(URL + "?scene=lobby").get_json()["comments"] == []


def test_post_moderation_publishes_and_lists_oldest_first_with_cursor(client, database):
    set_moderation(database, "post")
    first = post(client, "第一条", scene="lobby").get_json()["comment"]
    second = post(client, "第二条").get_json()["comment"]
    assert first["status"] == second["status"] == "published"
    listed = client.get(URL).get_json()
    assert [c["text"] for c in listed["comments"]] == ["第一条", "第二条"]
    assert listed["next_after_id"] == second["id"]
    assert set(listed["comments"][0]) == {"id", "scene", "nickname", "text", "created_at", "position"}
    assert client.get(f"{URL}?after_id={first['id']}").get_json()["comments"][0]["text"] == "第二条"
    assert [c["text"] for c in client.get(URL + "?scene=lobby").get_json()["comments"]] == ["第一条"]
    assert client.get(URL + "?scene=hall-a").get_json()["comments"] == []


def test_list_has_etag_and_short_cache(client, database):
    set_moderation(database, "post")
    post(client)
    first = client.get(URL)
    assert first.headers["Cache-Control"] == "public, max-age=5"
    again = client.get(URL, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    post(client, "新的一条")
    assert client.get(URL, headers={"If-None-Match": first.headers["ETag"]}).status_code == 200


def test_unknown_hall_and_scene_are_404_with_json_error(client):
    missing = client.get("/api/halls/nope/comments")
    assert missing.status_code == 404
    assert missing.get_json() == {
        "code": 404,
        "status": "Not Found",
        "message": "There is no hall 'nope' on this service.",
    }
    scene = post(client, scene="attic")
    assert scene.status_code == 404
    assert scene.get_json()["message"] == "Hall 'demo-hall' has no scene 'attic'."


def test_text_longer_than_500_characters_is_422_with_reason(client):
    response = post(client, "好" * 501)
    assert response.status_code == 422
    body = response.get_json()
    assert body["message"] == "text: Length must be between 1 and 500."
    assert body["errors"] == {"json": {"text": ["Length must be between 1 and 500."]}}
    assert post(client, "好" * 500).status_code == 201


def test_honeypot_filled_is_refused(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert response.get_json()["message"] == "Leave the website field empty."


@pytest.mark.parametrize("nickname", ["管理员", "Admin", "ａｄｍｉｎ", "主办方小王", "Organiser", "Li Lei"])
def test_reserved_nicknames_are_refused(client, app, nickname):
    app.extensions["hallbuilder"].settings = app.extensions["hallbuilder"].settings.but(
        reserved_nicknames=("李雷", "Li Lei")
    )
    response = post(client, nickname=nickname)
    assert response.status_code == 422
    assert (
        response.get_json()["message"]
        == "This nickname is reserved for the organisers; please choose another."
    )


def test_same_text_from_same_visitor_within_24_hours_is_409(client):
    assert post(client, "一样的话").status_code == 201
    again = post(client, "一样的话", nickname="另一个名字")
    assert again.status_code == 409
    assert again.get_json()["message"] == "You already posted this text."
    other = client.post(
        URL,
        json={"nickname": "小红", "text": "一样的话"},
        environ_base={"REMOTE_ADDR": "198.51.100.9", "HTTP_USER_AGENT": BROWSER_UA},
    )
    assert other.status_code == 201


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("这里有坏词", 422),
        ("这里有 坏 词", 422),
        ("这里有坏\u200b词", 422),
        ("這裡有壞詞", 422),
        ("坏，词", 422),
        ("要审核的话", "pending"),
        ("看 www.example.com", "pending"),
        ("电话 138 0013 8000", "pending"),
        ("加我微信 abc123", "pending"),
        ("加 V X：hello_2024", "pending"),
        ("ＦＯＯ", 422),
        ("普通评论", "published"),
    ],
)
def test_word_lists_and_contact_details(client, database, text, status):
    set_moderation(database, "post")
    with database.write() as connection:
        words.replace(connection, "demo-hall", "block", ["坏词", "foo"])
        words.replace(connection, "demo-hall", "review", ["审核"])
    response = post(client, text)
    if status == 422:
        assert response.status_code == 422
        assert response.get_json()["message"].startswith(
            "Your text contains a word that is not allowed here (“"
        )
    else:
        assert response.status_code == 201
        assert response.get_json()["comment"]["status"] == status


def test_a_failing_filter_sends_the_comment_to_pending(client, database, monkeypatch):
    set_moderation(database, "post")
    from hallbuilder.service.guard import words as filters

    def broken(text):
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr(filters, "compact", broken)
    response = post(client, "普通评论")
    assert response.status_code == 201
    assert response.get_json()["comment"]["status"] == "pending"


def test_edit_and_delete_with_token(client, database):
    set_moderation(database, "post")
    created = post(client, "原文").get_json()
    comment_id, token = created["comment"]["id"], created["edit_token"]
    edited = client.patch(f"{URL}/{comment_id}", json={"text": "改过"}, headers={"X-Edit-Token": token})
    assert edited.status_code == 200
    assert edited.get_json()["comment"]["text"] == "改过"
    assert client.get(URL).get_json()["comments"][0]["text"] == "改过"
    assert client.delete(f"{URL}/{comment_id}", headers={"X-Edit-Token": token}).status_code == 204
    assert client.get(URL).get_json()["comments"] == []
    gone = client.delete(f"{URL}/{comment_id}", headers={"X-Edit-Token": token})
    assert gone.status_code == 404


def test_edit_token_cannot_touch_another_comment(client, database):
    set_moderation(database, "post")
    mine = post(client, "我的").get_json()
    theirs = post(client, "别人的").get_json()["comment"]["id"]
    response = client.patch(
        f"{URL}/{theirs}", json={"text": "hacked"}, headers={"X-Edit-Token": mine["edit_token"]}
    )
    assert response.status_code == 403
    assert response.get_json()["message"] == "This edit token belongs to another comment."
    deleted = client.delete(f"{URL}/{theirs}", headers={"X-Edit-Token": mine["edit_token"]})
    assert deleted.status_code == 403
    missing = client.delete(f"{URL}/{theirs}")
    assert missing.get_json()["message"] == (
        "Send the edit token you received when posting, in the X-Edit-Token header."
    )
    forged = client.delete(f"{URL}/{theirs}", headers={"X-Edit-Token": "x" + mine["edit_token"]})
    assert forged.get_json()["message"] == "This edit token is not valid."
    assert [c["text"] for c in client.get(URL).get_json()["comments"]] == ["我的", "别人的"]


def test_edit_token_expires_after_15_minutes(client, database, monkeypatch):
    created = post(client, "原文").get_json()
    comment_id, token = created["comment"]["id"], created["edit_token"]
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + tokens.EDIT_SECONDS + 1)
    response = client.patch(f"{URL}/{comment_id}", json={"text": "太晚了"}, headers={"X-Edit-Token": token})
    assert response.status_code == 403
    assert response.get_json()["message"] == "Comments can only be changed for 15 minutes after posting."


def test_edit_goes_through_the_filters_again(client, database):
    set_moderation(database, "post")
    with database.write() as connection:
        words.replace(connection, "demo-hall", "review", ["审核"])
    created = post(client, "原文").get_json()
    headers = {"X-Edit-Token": created["edit_token"]}
    response = client.patch(f"{URL}/{created['comment']['id']}", json={"text": "需要审核"}, headers=headers)
    assert response.get_json()["comment"]["status"] == "pending"
    assert client.get(URL).get_json()["comments"] == []


def test_token_is_bound_to_the_hall():
    token = tokens.make(SECRET, "demo-hall", 1)
    with pytest.raises(tokens.TokenProblem, match="another comment"):
        tokens.check(SECRET, token, "other-hall", 1)


def test_there_is_no_comment_stream_the_viewer_polls(client, app, database):
    """The SSE route held a sync worker per connection; it is gone from the app and from the spec."""
    set_moderation(database, "post")
    post(client, "旧的")
    response = client.get(URL + "/stream", headers={"Last-Event-ID": "1"})
    assert response.status_code == 404
    assert response.mimetype == "application/json" and response.get_json()["code"] == 404
    assert not [rule.rule for rule in app.url_map.iter_rules() if "stream" in rule.rule]
    spec = client.get("/api/openapi.json").get_json()
    assert not [path for path in spec["paths"] if "stream" in path]
    assert [c["text"] for c in client.get(URL).get_json()["comments"]] == ["旧的"]


@pytest.mark.parametrize("comment_id", ["99999999999999999999", "9223372036854775808", "4611686018427387905"])
def test_huge_comment_ids_are_refused_not_a_server_error(client, comment_id):
    """Ids beyond what the databases store never reach SQL (the URL rule does not match them)."""
    response = client.patch(f"{URL}/{comment_id}", json={"text": "x"}, headers={"X-Edit-Token": "t"})
    assert response.status_code in (404, 405)
    assert response.get_json()["code"] == response.status_code
    assert client.delete(f"{URL}/{comment_id}", headers={"X-Edit-Token": "t"}).status_code in (404, 405)


def test_duplicate_check_spans_midnight_through_yesterdays_salt(app, client, database):
    import hashlib
    from datetime import timedelta

    from hallbuilder.service.context import today
    from hallbuilder.service.guard.visitor import visitor_hash
    from hallbuilder.service.store import comments, utcnow

    salt = app.extensions["hallbuilder"].salt(
        today() - timedelta(days=1)
    )  # yesterday's, as every worker has it
    with database.write() as connection:
        comments.add(
            connection,
            hall_id="demo-hall",
            scene=None,
            nickname="小明",
            text="昨晚说过的话",
            status="published",
            visitor=visitor_hash(salt, "203.0.113.7", BROWSER_UA),
            text_hash=hashlib.sha256("昨晚说过的话".encode()).hexdigest(),
        )
        connection.execute(comments.comments.update().values(created_at=utcnow() - timedelta(hours=2)))
    assert post(client, "昨晚说过的话").status_code == 409


def edit(client, created, text):
    headers = {"X-Edit-Token": created["edit_token"]}
    return client.patch(f"{URL}/{created['comment']['id']}", json={"text": text}, headers=headers)


def test_pre_moderation_sends_an_approved_comment_back_to_the_queue_when_edited(client, database):
    from hallbuilder.service.store import comments

    created = post(client, "审核过的原文").get_json()
    approve_all(database)
    assert [c["text"] for c in client.get(URL).get_json()["comments"]] == ["审核过的原文"]
    response = edit(client, created, "从未审核的新文字")
    assert response.status_code == 200
    assert response.get_json()["comment"]["status"] == "pending"
    assert client.get(URL).get_json()["comments"] == []  # neither the new text nor the old one
    with database.read() as connection:
        assert [c["text"] for c in comments.queue(connection, "demo-hall", "pending")] == ["从未审核的新文字"]


def test_post_moderation_judges_an_edit_like_a_new_comment(client, database):
    set_moderation(database, "post")
    with database.write() as connection:
        words.replace(connection, "demo-hall", "block", ["禁词"])
    created = post(client, "来过这里").get_json()
    held = edit(client, created, "加我微信聊")
    assert held.get_json()["comment"]["status"] == "pending"
    assert client.get(URL).get_json()["comments"] == []
    refused = edit(client, created, "这里有禁词")
    assert refused.status_code == 422
    cleaned = edit(client, created, "展厅很美")
    assert cleaned.get_json()["comment"]["status"] == "published"
    assert [c["text"] for c in client.get(URL).get_json()["comments"]] == ["展厅很美"]


def test_a_pinned_comment_keeps_its_place_and_is_listed_only_once_approved(client, database):
    created = post(client, "看这幅画", scene="lobby", position={"yaw": -135.5, "pitch": 12.25})
    assert created.status_code == 201
    assert created.get_json()["comment"]["position"] == {"yaw": -135.5, "pitch": 12.25}
    assert client.get(URL + "?scene=lobby").get_json()["comments"] == []
    post(client, "没有位置的留言", scene="lobby")
    approve_all(database)
    listed = client.get(URL + "?scene=lobby").get_json()["comments"]
    assert [(c["text"], c["position"]) for c in listed] == [
        ("看这幅画", {"yaw": -135.5, "pitch": 12.25}),
        ("没有位置的留言", None),
    ]


@pytest.mark.parametrize(
    ("position", "scene", "field", "message"),
    [
        (
            {"yaw": 181, "pitch": 0},
            "lobby",
            "yaw",
            "Must be greater than or equal to -180 and less than or equal to 180.",
        ),
        (
            {"yaw": 0, "pitch": -90.5},
            "lobby",
            "pitch",
            "Must be greater than or equal to -90 and less than or equal to 90.",
        ),
        (
            {"yaw": "NaN", "pitch": 0},
            "lobby",
            "yaw",
            "Special numeric values (nan or infinity) are not permitted.",
        ),
        ({"yaw": 0}, "lobby", "pitch", "Missing data for required field."),
    ],
)
def test_a_position_out_of_range_is_refused_with_the_field_named(
    client, database, position, scene, field, message
):
    answer = post(client, scene=scene, position=position)
    assert answer.status_code == 422
    assert answer.get_json()["errors"]["json"]["position"][field] == [message]
    approve_all(database)
    assert client.get(URL).get_json()["comments"] == []


def test_a_pinned_comment_needs_its_scene(client):
    answer = post(client, position={"yaw": 0, "pitch": 0})
    assert answer.status_code == 422
    assert answer.get_json()["errors"]["json"]["position"] == [
        "A pinned comment needs the scene it is pinned in: send `scene` too."
    ]
