"""The live preview: the real build after each save, tiles from the cache, scenes still tiling left out."""

from __future__ import annotations

import time

from hallbuilder.studio.preview import preview_text

from .conftest import version_of, wait_for


def test_scenes_not_tiled_yet_are_left_out_with_their_links(project):
    text = (project / "hall.yaml").read_text("utf-8")
    wanted, left_out = preview_text(text, lambda scenes: {"lobby"})
    assert left_out == ["gallery"]
    assert "id: gallery" not in wanted and "target: gallery" not in wanted
    assert "# the zone it belongs to" in wanted  # the rest of hall.yaml as it is
    assert preview_text(text, lambda scenes: {"lobby", "gallery"}) == (text, [])


def test_the_preview_never_talks_to_the_real_hall_service(project):
    text = (project / "hall.yaml").read_text("utf-8") + "service: {url: https://comments.example.net/api}\n"
    wanted, _ = preview_text(text, lambda scenes: {"lobby", "gallery"})
    assert "comments.example.net" not in wanted and "\nservice:" not in wanted


def test_a_text_edit_shows_in_the_preview_without_tiling(live_client):
    # the placeholder photos are tiled first; each scene joins the preview once its tiles are ready
    first = wait_for(
        lambda: (
            (state := live_client.get("/api/preview").get_json())["state"] == "ready"
            and not state["left_out"]
            and state
        )
    )
    assert live_client.get("/preview/").headers["Content-Type"].startswith("text/html")
    edit = {"op": "set", "path": ["scenes", 1, "title", "en"], "value": "Hall of maps"}
    started = time.monotonic()
    assert (
        live_client.post("/api/edit", json={"version": version_of(live_client), "ops": [edit]}).status_code
        == 200
    )
    state = wait_for(
        lambda: (s := live_client.get("/api/preview").get_json())["version"] != first["version"] and s
    )
    assert state["state"] == "ready", state
    elapsed = time.monotonic() - started
    tour = live_client.get("/preview/tour.json").get_json()
    assert tour["scenes"][1]["title"]["en"] == "Hall of maps"
    print(f"preview refreshed {elapsed:.2f} s after the save")


def test_a_preview_build_leaves_photos_being_tiled_in_the_cache(hall, tmp_path):
    """build_hall(prune=False): an unfinished entry of the background tiler survives the preview's build."""
    from hallbuilder.builder import build_hall

    unfinished = hall / ".hallbuilder-cache" / "panoramas" / "0123abcd.partial"
    unfinished.mkdir(parents=True)
    build_hall(hall, tmp_path / "preview", prune=False)
    assert unfinished.is_dir()
    build_hall(hall, tmp_path / "preview")  # the CLI's build prunes as before
    assert not unfinished.exists()
