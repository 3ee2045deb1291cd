"""Deciding what changed: the store's ETag, and our record for stores whose ETag is not an MD5."""

from __future__ import annotations

from pathlib import Path

from hallbuilder.publish.plan import Item
from hallbuilder.publish.sync import compare


def item(key: str, etag: str = "aa11", cache_control: str = "public, max-age=31536000, immutable") -> Item:
    return Item(key, Path(key), 10, etag, "image/jpeg", cache_control)


def sort(changes) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    return ([(i.key, why) for i, why in changes.upload], [i.key for i in changes.unchanged], changes.stale)


def test_without_a_record_the_etag_decides():
    items = [item("media/a.jpg"), item("media/b.jpg", "bb22"), item("media/c.jpg")]
    changes = compare(items, {"media/a.jpg": "aa11", "media/b.jpg": "old"}, {})
    assert sort(changes) == ([("media/b.jpg", "changed"), ("media/c.jpg", "new")], ["media/a.jpg"], [])
    assert changes.record == {"media/a.jpg": [items[0].fingerprint, "aa11"]}


def test_a_store_whose_etag_is_not_an_md5_is_trusted_through_the_record():
    same = item("media/a.jpg")
    record = {"media/a.jpg": [same.fingerprint, "kms-etag-1"]}
    assert sort(compare([same], {"media/a.jpg": "kms-etag-1"}, record))[1] == ["media/a.jpg"]
    replaced = compare([same], {"media/a.jpg": "someone-else"}, record)  # replaced outside hallbuilder
    assert sort(replaced)[0] == [("media/a.jpg", "changed")]


def test_new_headers_alone_are_published():
    old = item("media/a.jpg", cache_control="public, max-age=300")
    changes = compare(
        [item("media/a.jpg")], {"media/a.jpg": "aa11"}, {"media/a.jpg": [old.fingerprint, "aa11"]}
    )
    assert sort(changes)[0] == [("media/a.jpg", "changed")]


def test_stale_objects_are_ours_only():
    listing = {
        "scenes/old/1234abcd/base.jpg": "x",
        "robots.txt": "y",
        "extra.html": "z",
        "media/a.jpg": "aa11",
    }
    record = {"extra.html": ["fp", "z"]}  # published by an earlier version
    assert compare([item("media/a.jpg")], listing, record).stale == [
        "extra.html",
        "scenes/old/1234abcd/base.jpg",
    ]
