"""tour.json's picks among a media image's files: the floor plan as WebP (it loads before the tour is live)."""

from hallbuilder.builder.manifest import largest_webp

SRCSET = [
    {"src": "media/aaaaaaaa.webp", "width": 480, "type": "image/webp"},
    {"src": "media/bbbbbbbb.webp", "width": 800, "type": "image/webp"},
    {"src": "media/cccccccc.jpg", "width": 480, "type": "image/jpeg"},
    {"src": "media/dddddddd.jpg", "width": 800, "type": "image/jpeg"},
]


def test_the_full_size_webp_is_chosen():
    assert largest_webp({"src": "media/dddddddd.jpg", "srcset": SRCSET}) == "media/bbbbbbbb.webp"


def test_without_a_webp_the_jpeg_stays():
    assert largest_webp({"src": "media/dddddddd.jpg", "srcset": SRCSET[2:]}) == "media/dddddddd.jpg"
    assert largest_webp({"src": "media/dddddddd.jpg"}) == "media/dddddddd.jpg"
