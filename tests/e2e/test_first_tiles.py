"""The start view's tiles preloaded by index.html are exactly the ones the viewer shows first (issue 12)."""

from __future__ import annotations

import re

from viewer_tour import Tour

# Loads of the start scene's tiles, each with what asked for it: 'link' is the page's preload, 'img' the viewer.
TILE_LOADS = """() => performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/tiles/'))
    .map((entry) => [new URL(entry.name).pathname.slice(1), entry.initiatorType])"""
# The viewer drew its first frame and has had no image load in flight for a second.
SETTLED = """() => {
    const tour = window.hallbuilderTour;
    if (!tour?.ready() || tour.pendingLoads() > 0) { window.quietSince = undefined; return false; }
    window.quietSince ??= performance.now();
    return performance.now() - window.quietSince > 1000;
}"""


def test_a_phone_gets_the_start_views_tiles_from_the_preloads_and_asks_for_no_others(phone_page, site: str):
    tour = Tour(phone_page, site).open(enter=False)
    html = phone_page.content()
    preloaded = re.findall(r'<link rel="preload" as="image"[^>]* href="([^"]+/tiles/[^"]+)"', html)
    assert len(preloaded) == 4  # the sample hall's start: 4096 px wide, 2×2 tiles of its front face at 75°
    phone_page.wait_for_function(SETTLED, polling=100)
    loads = phone_page.evaluate(TILE_LOADS)
    assert sorted(loads) == sorted([url, "link"] for url in preloaded)  # each fetched once, by its preload
    assert not tour.errors


def test_a_computer_does_not_load_the_phones_tiles(desktop_page, site: str):
    """The preloads' media query keeps them to upright phones: a computer's view starts at another level."""
    Tour(desktop_page, site).open(enter=False)
    desktop_page.wait_for_function(SETTLED, polling=100)
    loads = desktop_page.evaluate(TILE_LOADS)
    assert loads and all(initiator == "img" for _, initiator in loads)
