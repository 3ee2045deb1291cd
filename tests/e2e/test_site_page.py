"""dist/index.html as text: escaping, the embedded tour, the Content-Security-Policy, the bundle check.
No browser: these run with the fast tests."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from hallbuilder.errors import BuildError
from hallbuilder.site.bundle import load_bundle
from hallbuilder.site.page import content_security_policy, embedded_json, inline_jpeg, render_page


def tour(**hall) -> dict:
    scene = {
        "id": "lobby",
        "title": {"en": "Lobby"},
        "zone": None,
        "view": {"yaw": 0, "pitch": 0, "fov": 75},
        "north": 0,
        "narration": {},
        "hotspots": [],
        "panorama": {
            "hash": "0123456789",
            "levels": [{"faceSize": 512, "nbTiles": 1}],
            "tileSize": 512,
            "tiles": "scenes/lobby/t/{level}/{face}/{row}_{col}.jpg",
            "base": "scenes/lobby/base.jpg",
            "thumb": "scenes/lobby/thumb.jpg",
            "preview": {"src": "scenes/lobby/preview.jpg", "yaw": 0, "pitch": 0, "fov": 75},
        },
    }
    return {
        "format": 1,
        "generator": "test",
        "hall": {"id": "h", "title": {"en": "Hall"}, "languages": ["en"], "start": "lobby", **hall},
        "zones": [],
        "scenes": [scene],
        "floorplan": None,
        "announcements": [],
        "service": None,
        "showcases": [],
    }


def test_texts_are_escaped_and_the_embedded_tour_cannot_close_its_script(tmp_path: Path):
    data = tour(title={"en": '</script><script>alert("x")</script>'}, description={"en": 'a "quoted" <b>'})
    page = render_page(data, load_bundle(), tmp_path)
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>" in page
    assert '<meta property="og:description" content="a &quot;quoted&quot; &lt;b&gt;">' in page
    assert page.count("</script>") == 2  # the module script and the data block, nothing from the data
    embedded = page.split('<script type="application/json" id="hb-tour">')[1].split("</script>")[0]
    assert json.loads(embedded) == data
    assert "\\u003c/script\\u003e" in embedded_json(data)


def test_the_start_preview_is_inlined_small(tmp_path: Path, make_equirect):
    preview = tmp_path / "scenes" / "lobby" / "preview.jpg"
    make_equirect(1024, 576, name="preview.jpg", folder=preview.parent)
    page = render_page(tour(), load_bundle(), tmp_path)  # no small copy beside it (an older cache): made here
    source = page.split('<img id="hb-preview" src="')[1].split('"')[0]
    assert source.startswith("data:image/jpeg;base64,")
    assert len(source) < 60_000
    assert base64.b64decode(source.split(",", 1)[1]) == inline_jpeg(preview)
    assert '<link rel="preload" as="fetch" crossorigin href="scenes/lobby/base.jpg">' in page
    # The loading links come after the preview, so nothing competes with it.
    assert page.index('id="hb-preview"') < page.index('rel="preload"')


def test_the_policy_allows_only_self_the_service_origin_and_data_images():
    policy = content_security_policy(tour() | {"service": {"url": "https://api.example.org/v1"}})
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "connect-src 'self' https://api.example.org;" in policy
    assert "img-src 'self' data: blob:" in policy
    assert "connect-src 'self';" in content_security_policy(tour() | {"service": {"url": "/api"}})


def test_a_missing_bundle_names_the_fix(tmp_path: Path):
    with pytest.raises(BuildError) as caught:
        load_bundle(tmp_path)
    assert caught.value.message == (
        f"the viewer bundle is missing: no {tmp_path / 'manifest.json'}; "
        "build it with `make setup` (or: cd web && npm ci && npm run build)"
    )


def test_share_tags_are_absolute_or_absent(tmp_path: Path):
    page = render_page(tour(), load_bundle(), tmp_path)
    assert 'property="og:image"' not in page and 'property="og:url"' not in page
    assert '<meta itemprop="image" content="scenes/lobby/preview.jpg">' in page
    public = render_page(tour(url="https://hall.example.org/"), load_bundle(), tmp_path)
    assert '<meta property="og:url" content="https://hall.example.org/">' in public
    assert '<meta property="og:image" content="https://hall.example.org/scenes/lobby/preview.jpg">' in public


def test_the_cover_shows_the_cover_image_and_the_description(tmp_path: Path):
    cover = {"src": "media/cover-0123456789.jpg", "width": 1600, "height": 900}
    page = render_page(tour(cover=cover, description={"en": "A <hall>."}), load_bundle(), tmp_path)
    assert '<img class="hb-cover-image" src="media/cover-0123456789.jpg" alt="">' in page
    assert "<picture>" not in page  # no WebP made: the JPEG alone
    assert '<p class="hb-cover-description">A &lt;hall&gt;.</p>' in page
    assert page.index('class="hb-cover-image"') < page.index('id="hb-enter"')


def test_the_cover_offers_its_webp_first(tmp_path: Path):
    srcset = [
        {"src": "media/aaaaaaaa.webp", "width": 480, "type": "image/webp"},
        {"src": "media/bbbbbbbb.webp", "width": 1200, "type": "image/webp"},
        {"src": "media/cccccccc.jpg", "width": 480, "type": "image/jpeg"},
        {"src": "media/dddddddd.jpg", "width": 1200, "type": "image/jpeg"},
    ]
    cover = {"src": "media/dddddddd.jpg", "width": 1200, "height": 800, "srcset": srcset}
    page = render_page(tour(cover=cover), load_bundle(), tmp_path)
    assert (
        '<picture><source type="image/webp" srcset="media/aaaaaaaa.webp 480w, media/bbbbbbbb.webp 1200w" '
        'sizes="100vw"><img class="hb-cover-image" src="media/dddddddd.jpg" alt=""></picture>'
    ) in page


def test_the_start_views_tiles_are_preloaded_for_upright_phones_after_the_viewer(tmp_path: Path):
    hall = tour()
    panorama = hall["scenes"][0]["panorama"]
    panorama["levels"] = [{"faceSize": 656, "nbTiles": 1}, {"faceSize": 1312, "nbTiles": 2}]
    hall["scenes"][0]["view"] = {"yaw": 90, "pitch": 0, "fov": 75}
    page = render_page(hall, load_bundle(), tmp_path)
    preloads = [line for line in page.splitlines() if 'as="image"' in line]
    media = "(orientation: portrait) and (max-width: 500px)"
    assert preloads == [
        f'<link rel="preload" as="image" crossorigin fetchpriority="low" media="{media}" '
        f'href="scenes/lobby/t/1/right/{row}_{col}.jpg">'
        for row, col in ((0, 0), (0, 1), (1, 0), (1, 1))
    ]
    assert page.index('<script type="module"') < page.index(preloads[0])
