"""Issue 11's headline: from an empty folder, a 3-scene, 2-zone, 2-language hall laid out in the studio
without typing any YAML; then `check`, `build` and `publish` from the CLI, and the published tour walks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from studio_page import StudioPage, key, save_screenshot
from viewer_server import serve
from viewer_tour import Tour

from hallbuilder.config import load_hall
from hallbuilder.config.model import InfoHotspot

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PHOTOS = {
    "taj-mahal_2048x1024.jpg": ("Taj Mahal", "泰姬陵"),
    "photosphere-garden_4000x2000.jpg": ("Garden", "花园"),
    "cerro-toco-theta-s_4096x2048.jpg": ("Cerro Toco", "托科山"),
}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hallbuilder.cli", *args], capture_output=True, text=True, timeout=600
    )


def drop_photos(studio: StudioPage, panoramas: Path) -> list[str]:
    """Drops the three photos at once; returns the new scenes' ids once all three are in the list."""
    before = set(studio.scene_ids())
    studio.page.set_input_files("#st-photos", [str(panoramas / name) for name in PHOTOS])
    studio.page.wait_for_function(
        f"() => window.hallbuilderStudio.store.project.scenes.length === {len(before) + 3}"
    )
    return [scene for scene in studio.scene_ids() if scene not in before]


def delete_scene(studio: StudioPage, scene_id: str) -> None:
    studio.select_scene(scene_id)
    studio.page.once("dialog", lambda dialog: dialog.accept())
    studio.page.click("#st-delete-scene")
    studio.page.wait_for_function(
        f"() => !window.hallbuilderStudio.store.project.scenes.some((scene) => scene.id === '{scene_id}')"
    )


def titles(studio: StudioPage, path: list, english: str, chinese: str) -> None:
    studio.fill(key(*path, "title", "en"), english)
    studio.fill(key(*path, "title", "zh-CN"), chinese)


def set_view(studio: StudioPage) -> None:
    """Turns the panorama with the keyboard, then "use this view"."""
    studio.wait_panorama()
    studio.page.focus("#st-stage")
    studio.page.keyboard.down("ArrowRight")
    studio.page.wait_for_function("() => window.hallbuilderStudio.editor.currentView().yaw > 20")
    studio.page.keyboard.up("ArrowRight")
    studio.page.click("#st-use-view")
    studio.settled()


def link(studio: StudioPage, scene: str, target: str) -> None:
    """A link hotspot in the centre of the view, its target picked from the thumbnails, and the way back."""
    studio.select_scene(scene)
    studio.wait_panorama()
    studio.page.select_option("#st-new-type", "link")
    studio.page.click("#st-place-centre")
    studio.settled()
    studio.page.wait_for_selector(".st-hotspot-form")
    studio.page.click(f".st-target[data-target='{target}']")
    studio.settled()
    studio.page.click("#st-way-back")
    studio.settled()


def test_lay_out_a_hall_without_yaml_then_check_build_publish_and_walk(
    studio: StudioPage, panoramas: Path, tmp_path: Path, screenshots: Path
):
    page = studio.page
    new = drop_photos(studio, panoramas)
    assert len(new) == 3
    for placeholder in ("lobby", "gallery"):
        delete_scene(studio, placeholder)
    assert studio.scene_ids() == new

    # The hall in two languages.
    studio.tab("hall")
    studio.fill(key("hall", "title", "en"), "Our hall")
    studio.fill(key("hall", "title", "zh-CN"), "我们的展厅")

    # Two zones: the template's and a new one.
    studio.tab("zones")
    page.click("#st-add-zone")
    studio.settled()
    titles(studio, ["zones", 0], "Ground floor", "一楼")
    titles(studio, ["zones", 1], "Garden", "花园区")

    # Scenes: titles in both languages, a zone each, a first view each.
    studio.tab("scenes")
    zone_ids = [zone["id"] for zone in studio.project_json()["zones"]]
    for index, (scene, (english, chinese)) in enumerate(zip(new, PHOTOS.values(), strict=True)):
        studio.select_scene(scene)
        position = studio.scene_ids().index(scene)
        titles(studio, ["scenes", position], english, chinese)
        page.select_option(key("scenes", position, "zone"), zone_ids[0 if index < 2 else 1])
        studio.settled()
        set_view(studio)
    save_screenshot(page, screenshots / "scenes.png")

    # Links both ways, then an info hotspot with a photo.
    link(studio, new[0], new[1])
    link(studio, new[1], new[2])
    save_screenshot(page, screenshots / "hotspots.png")
    studio.select_scene(new[2])
    studio.wait_panorama()
    studio.page.select_option("#st-new-type", "info")
    page.click("#st-place")
    box = page.locator("#st-stage").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)
    studio.settled()
    page.wait_for_selector(".st-hotspot-form")
    scenes = studio.project_json()["scenes"]
    at = len(scenes[2]["hotspots"]) - 1
    studio.fill(key("scenes", 2, "hotspots", at, "title", "en"), "The mountain")
    studio.fill(key("scenes", 2, "hotspots", at, "title", "zh-CN"), "山")
    photo = tmp_path / "exhibit.jpg"
    Image.new("RGB", (640, 480), (180, 120, 60)).save(photo)
    page.set_input_files(".st-hotspot-form input[type=file][accept='image/*']", str(photo))
    page.wait_for_function(
        f"() => (window.hallbuilderStudio.store.project.scenes[2].hotspots[{at}].images || []).length === 1"
    )
    assert not studio.errors

    # What the studio wrote is a valid hall.yaml, as staff would have typed it.
    hall = load_hall(studio.project)
    assert [scene.id for scene in hall.scenes] == new
    assert hall.title == {"zh-CN": "我们的展厅", "en": "Our hall"}
    assert len(hall.zones) == 2
    assert {scene.zone for scene in hall.scenes} == set(zone_ids)
    for scene, (english, chinese) in zip(hall.scenes, PHOTOS.values(), strict=True):
        assert scene.title == {"zh-CN": chinese, "en": english}
        assert scene.view.yaw != 0
    targets = {(scene.id, getattr(spot, "target", None)) for scene in hall.scenes for spot in scene.hotspots}
    assert {(new[0], new[1]), (new[1], new[0]), (new[1], new[2]), (new[2], new[1])} <= targets
    info = [spot for spot in hall.scenes[2].hotspots if isinstance(spot, InfoHotspot)]
    assert info[0].images[0].path.startswith("media/")
    assert (studio.project / info[0].images[0].path).is_file()

    # The CLI takes it from here.
    checked = cli("check", str(studio.project))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = cli("build", str(studio.project))
    assert built.returncode == 0, built.stdout + built.stderr
    public = tmp_path / "public"
    published = cli("publish", str(studio.project / "dist"), "--to", str(public))
    assert published.returncode == 0, published.stdout + published.stderr

    # The published tour walks from scene to scene along the studio's links.
    tour_page = page.context.new_page()
    with serve(public) as base:
        tour = Tour(tour_page, base).open(f"#scene={new[0]}")
        assert tour.scene() == new[0]
        tour_page.click(f".hb-hotspot[data-hotspot='{hotspot_to(hall, new[0], new[1])}']")
        tour_page.wait_for_function(f"() => window.hallbuilderTour.scene() === '{new[1]}'")
        tour_page.click(f".hb-hotspot[data-hotspot='{hotspot_to(hall, new[1], new[2])}']")
        tour_page.wait_for_function(f"() => window.hallbuilderTour.scene() === '{new[2]}'")
        # The way back faces back, behind the visitor who just arrived: look that way (a deep link), then take it.
        back = next(spot for spot in hall.scenes[2].hotspots if getattr(spot, "target", None) == new[1])
        turned = Tour(page.context.new_page(), base).open(
            f"#scene={new[2]}&yaw={back.yaw}&pitch={back.pitch}"
        )
        turned.page.click(f".hb-hotspot[data-hotspot='{hotspot_to(hall, new[2], new[1])}']")
        turned.page.wait_for_function(f"() => window.hallbuilderTour.scene() === '{new[1]}'")
        assert not tour.errors and not turned.errors


def hotspot_to(hall, scene_id: str, target: str) -> str:
    """The id the built tour gives the link from `scene_id` to `target` (the model's, made as the build does)."""
    scene = next(scene for scene in hall.scenes if scene.id == scene_id)
    for spot in scene.hotspots:
        if getattr(spot, "target", None) == target:
            return spot.id
    raise AssertionError(f"no link from {scene_id} to {target}")
