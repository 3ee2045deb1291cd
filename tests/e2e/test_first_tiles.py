"""The start view's tiles preloaded by index.html are exactly the ones the viewer shows first (issue 12)."""

from __future__ import annotations

import re

from viewer_tour import Tour

# Loads of the start scene's tiles, each with what asked for it: 'link' is the page's preload, 'img' the viewer.
TILE_LOADS = """() => performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/tiles/'))
    .map((entry) => [new URL(entry.name).pathname.slice(1), entry.initiatorType])"""
# Records every tile the page's images are pointed at (the viewer's loads go through three.js's ImageLoader, an
# <img>); a preloaded tile the viewer takes from the preload shows here and makes no new resource entry.
RECORD_TILE_IMAGES = """(() => {
    window.tileImages = [];
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
        ...src,
        set(value) {
            if (String(value).includes('/tiles/')) window.tileImages.push(new URL(value, location.href).pathname.slice(1));
            src.set.call(this, value);
        },
    });
})();"""
# The viewer has asked for `count` tiles and has had no image load in flight for a second.
SETTLED = """(count) => {
    const tour = window.hallbuilderTour;
    if (!tour?.ready() || window.tileImages.length < count || tour.pendingLoads() > 0) {
        window.quietSince = undefined;
        return false;
    }
    window.quietSince ??= performance.now();
    return performance.now() - window.quietSince > 1000;
}"""


def test_a_phone_gets_the_start_views_tiles_from_the_preloads_and_asks_for_no_others(phone_page, site: str):
    phone_page.add_init_script(RECORD_TILE_IMAGES)
    tour = Tour(phone_page, site).open(enter=False)
    html = phone_page.content()
    preloaded = re.findall(r'<link rel="preload" as="image"[^>]* href="([^"]+/tiles/[^"]+)"', html)
    assert len(preloaded) == 4  # the sample hall's start: 4096 px wide, 2×2 tiles of its front face at 75°
    phone_page.wait_for_function(SETTLED, arg=len(preloaded), polling=100, timeout=90000)
    assert sorted(phone_page.evaluate("window.tileImages")) == sorted(preloaded)  # the viewer's first tiles
    loads = phone_page.evaluate(TILE_LOADS)
    assert sorted(loads) == sorted([url, "link"] for url in preloaded)  # each fetched once, by its preload
    assert not tour.errors


def test_a_computer_does_not_load_the_phones_tiles(desktop_page, site: str):
    """The preloads' media query keeps them to upright phones: a computer's view starts at another level."""
    desktop_page.add_init_script(RECORD_TILE_IMAGES)
    Tour(desktop_page, site).open(enter=False)
    desktop_page.wait_for_function(SETTLED, arg=1, polling=100, timeout=90000)
    loads = desktop_page.evaluate(TILE_LOADS)
    assert loads and all(initiator == "img" for _, initiator in loads)
