"""Branch self-service: a branch's login reaches its own showcase only; submissions wait for approval."""

from __future__ import annotations

import io
import re

import pytest
from photo_bytes import jpeg
from PIL import Image

BRANCH = "/admin/showcases/demo-hall/north/"


def submit(session, branch_url: str = BRANCH, title: str = "植树节", photos=(), **fields):
    data = {"title": title, "date": "2026-03-12", "category": "环保", "text": "种下一百棵树。", **fields}
    data["photos"] = [(io.BytesIO(content), name) for name, content in photos]
    return session.post(branch_url, data=data, content_type="multipart/form-data")


def ids_on(page: str) -> list[int]:
    return [int(value) for value in re.findall(r'data-achievement="(\d+)"', page)]


def approved(session, hall: str = "demo-hall") -> dict:
    response = session.get(f"/api/halls/{hall}/showcases/approved")
    assert response.status_code == 200
    return response.get_json()["branches"]


def test_a_branch_account_lands_on_its_own_branch(login):
    north = login("north")
    assert north.get("/admin/").headers["Location"] == "/admin/showcases/"
    assert north.get("/admin/showcases/").headers["Location"] == BRANCH
    page = north.get(BRANCH)
    assert page.status_code == 200
    assert "北支部" in page.get_data(as_text=True)


def test_submission_waits_for_approval_then_reaches_the_export(login):
    north, organiser = login("north"), login("organiser")
    sent = submit(north, photos=[("a.jpg", jpeg()), ("b.png", jpeg((0, 90, 200)))])
    assert sent.status_code == 302
    page = north.get(BRANCH).get_data(as_text=True)
    [ident] = ids_on(page)
    assert '<td class="status">pending' in page
    assert approved(north) == {}

    queue = organiser.get("/admin/showcases/queue").get_data(as_text=True)
    assert ids_on(queue) == [ident] and "植树节" in queue
    decided = organiser.post(f"{BRANCH}{ident}/review", {"decision": "approved", "reason": ""})
    assert decided.status_code == 302
    [item] = approved(north)["north"]["achievements"]
    assert approved(north)["north"]["name"] == "北支部"
    assert (item["title"], item["date"], item["category"], item["text"]) == (
        "植树节",
        "2026-03-12",
        "环保",
        "种下一百棵树。",
    )
    assert len(item["photos"]) == 2
    photo = north.get(f"/api/halls/demo-hall/{item['photos'][0]}")
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"
    assert Image.open(io.BytesIO(photo.data)).size == (120, 80)
    assert organiser.get("/admin/showcases/queue").get_data(as_text=True).count("data-achievement") == 0

    # An edit sends it back for approval: it leaves the export until approved again.
    edited = north.post(
        f"{BRANCH}{ident}",
        {"title": "植树节（更新）", "date": "2026-03-12"},
        content_type="multipart/form-data",
    )
    assert edited.status_code == 302
    assert approved(north) == {}
    assert north.get(f"/api/halls/demo-hall/{item['photos'][0]}").status_code == 404


def test_a_rejection_shows_its_reason_to_the_branch(login):
    north, organiser = login("north"), login("organiser")
    submit(north)
    [ident] = ids_on(north.get(BRANCH).get_data(as_text=True))
    organiser.post(f"{BRANCH}{ident}/review", {"decision": "rejected", "reason": "请补充照片"})
    page = north.get(BRANCH).get_data(as_text=True)
    assert "rejected" in page and "请补充照片" in page
    assert (
        organiser.post(f"{BRANCH}{ident}/review", {"decision": "approved"}).status_code == 404
    )  # not pending


def test_form_problems_are_listed_and_nothing_is_stored(login):
    north = login("north")
    response = submit(north, title="", date="soon", photos=[("notes.jpg", b"plain text, not a photo")])
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Title: write what was achieved, in a few words." in page
    assert "Date: expected a date such as 2026-11-01, got &#39;soon&#39;." in page
    assert "Photos: notes.jpg: not a photo we can read; send a JPEG, PNG or WebP file" in page
    assert ids_on(north.get(BRANCH).get_data(as_text=True)) == []


def test_uploaded_photos_lose_their_metadata(login, service_app):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # make
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 0.0)}  # GPS
    upload = jpeg(exif=exif.tobytes())
    sent = Image.open(io.BytesIO(upload)).getexif()  # the upload really carries a maker and a position
    assert sent[0x010F] == "PhoneMaker" and sent.get_ifd(0x8825)[1] == "N"
    north = login("north")
    submit(north, photos=[("gps.jpg", upload)])
    photo_id = re.search(r"/photos/(\d+)", north.get(BRANCH).get_data(as_text=True)).group(1)
    data = north.get(f"{BRANCH}photos/{photo_id}").data
    kept = Image.open(io.BytesIO(data))
    assert len(kept.getexif()) == 0 and b"PhoneMaker" not in data
    assert kept.size == (120, 80)  # the photo itself arrived


def test_texts_are_escaped_in_every_page(login):
    north, organiser = login("north"), login("organiser")
    payload = '<img src=x onerror="alert(1)">'
    submit(north, title=payload, text=payload, category="<b>x</b>")
    for page in (north.get(BRANCH), organiser.get("/admin/showcases/queue")):
        text = page.get_data(as_text=True)
        assert payload not in text and "<b>x</b>" not in text
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in text


@pytest.fixture
def south_item(login) -> int:
    south = login("south")
    submit(south, "/admin/showcases/demo-hall/south/", title="南支部的秘密", photos=[("s.jpg", jpeg())])
    return ids_on(south.get("/admin/showcases/demo-hall/south/").get_data(as_text=True))[0]


def routes(app, skip: str) -> list[tuple[str, str, str]]:
    """(endpoint, method, rule) of every admin page but the `skip` endpoints, found from the app itself so new
    pages are covered."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in ("admin", "branches") and rule.endpoint not in skip.split():
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                found.append((rule.endpoint, method, rule.rule))
    return found


def fill_rule(rule: str, hall: str, branch: str, ident: int) -> str:
    """/admin/showcases/<hall>/<branch>/<int(max=...):ident> -> a real address; other numbers are 1."""
    values = {"hall": hall, "branch": branch, "ident": str(ident)}
    return re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda match: values.get(match.group(1), "1"), rule)


def test_a_branch_login_cannot_reach_other_branches_or_organiser_pages(service_app, login, south_item):
    from hallbuilder.service.branches import store

    database = service_app.extensions["hallbuilder"].database
    with database.read() as connection:
        photo = store.get(connection, "demo-hall", "south", south_item)["photos"][0]["id"]
    north = login("north")
    own = {
        "branches.home",
        "branches.branch",
        "branches.add",
        "branches.edit",
        "branches.delete",
        "branches.photo",
    }
    checked = 0
    # every login has its own account page (password, log out everywhere): tests/service/test_sessions.py
    mine = "admin.login admin.logout admin.account admin.change_password admin.logout_everywhere"
    for endpoint, method, rule in routes(service_app, mine):
        if endpoint in own:
            targets = [("demo-hall", "south"), ("other-hall", "north"), ("other-hall", "south")]
        else:
            targets = [("demo-hall", "north"), ("demo-hall", "south")]
        for hall, branch in targets:
            url = fill_rule(rule, hall, branch, south_item)
            if endpoint == "branches.photo":
                url = re.sub(r"/photos/\d+$", f"/photos/{photo}", url)
            response = (
                north.get(url)
                if method == "GET"
                else north.post(url, {"decision": "approved", "title": "x", "date": "2026-01-01"})
            )
            checked += 1
            if endpoint == "admin.dashboard":
                assert response.status_code == 302 and response.headers["Location"] == "/admin/showcases/"
            elif endpoint == "branches.home":
                assert response.headers["Location"] == BRANCH
            else:
                assert response.status_code == 403, (method, url, response.status_code)
                assert "南支部的秘密" not in response.get_data(as_text=True)
    assert checked > 30
    # Its own pages with the other branch's achievement id find nothing, and change nothing.
    assert north.get(f"{BRANCH}{south_item}").status_code == 404
    assert north.post(f"{BRANCH}{south_item}", {"title": "x", "date": "2026-01-01"}).status_code == 404
    assert north.post(f"{BRANCH}{south_item}/delete").status_code == 404
    assert north.get(f"{BRANCH}photos/{photo}").status_code == 404
    with database.read() as connection:
        item = store.get(connection, "demo-hall", "south", south_item)
    assert (item["title"], item["status"], len(item["photos"])) == ("南支部的秘密", "pending", 1)


def test_the_same_branch_id_in_another_hall_is_another_branch(login, south_item):
    other = login("other-north")
    assert other.get("/admin/showcases/").headers["Location"] == "/admin/showcases/other-hall/north/"
    assert other.get(BRANCH).status_code == 403
    assert submit(other, BRANCH).status_code == 403
    assert submit(other, "/admin/showcases/other-hall/north/").status_code == 302


def test_pending_photos_are_not_public(login, south_item, service_app):
    from hallbuilder.service.branches import store

    with service_app.extensions["hallbuilder"].database.read() as connection:
        photo = store.get(connection, "demo-hall", "south", south_item)["photos"][0]["id"]
    anyone = service_app.test_client()
    assert anyone.get(f"/api/halls/demo-hall/showcases/south/photos/{photo}.jpg").status_code == 404
    assert anyone.get(f"/admin/showcases/demo-hall/south/photos/{photo}").status_code == 302  # to the login
    assert anyone.get("/api/halls/demo-hall/showcases/approved").get_json() == {
        "hall": "demo-hall",
        "branches": {},
    }


def test_an_organiser_gives_a_branch_its_login(login, service_app):
    organiser = login("organiser")
    form = {"hall": "demo-hall", "branch": "east", "username": "east-secretary", "password": "long enough pw"}
    assert organiser.post("/admin/showcases/logins", form).status_code == 302
    again = organiser.post("/admin/showcases/logins", form)
    assert again.status_code == 400
    assert "Username: &#39;east-secretary&#39; is taken; choose another." in again.get_data(as_text=True)
    short = organiser.post("/admin/showcases/logins", {**form, "username": "x", "password": "short"})
    assert "Password: at least 10 characters." in short.get_data(as_text=True)
    assert login("north").post("/admin/showcases/logins", {**form, "username": "mine"}).status_code == 403


def test_a_phone_sized_photo_is_accepted_and_scaled_for_the_tour(login):
    import numpy as np

    noise = np.random.default_rng(1).integers(0, 255, (3000, 4000, 3), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(noise).save(out, "JPEG", quality=90)
    assert len(out.getvalue()) > 2_000_000  # far above the 64 KB the visitor API accepts
    north = login("north")
    assert submit(north, photos=[("big.jpg", out.getvalue())]).status_code == 302
    photo_id = re.search(r"/photos/(\d+)", north.get(BRANCH).get_data(as_text=True)).group(1)
    stored = Image.open(io.BytesIO(north.get(f"{BRANCH}photos/{photo_id}").data))
    assert stored.size == (2560, 1920)
    big = north.client.post("/api/halls/demo-hall/messages", json={"name": "x", "text": "x" * 70_000})
    assert big.status_code == 413  # the override is for the branch pages only
