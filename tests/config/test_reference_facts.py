"""docs/hall-yaml.md says what each field checks (required, range, default) and the media limits, read from
the schema and the media settings, so the page says what the program does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hallbuilder.config.reference import media_limits, reference
from hallbuilder.media.settings import MediaSettings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "hall-yaml.md"


def rows() -> dict[str, tuple[str, str]]:
    """key -> (required, what it is), from the generated page."""
    table = {}
    for line in reference().splitlines():
        if line.startswith("| `"):
            key, required, text = (cell.strip() for cell in line.strip("|").split(" | "))
            table[key.strip("`")] = (required, text)
    return table


def test_required_keys_are_marked():
    table = rows()
    assert {key for key, (required, _) in table.items() if required == "yes"} >= {
        "hall",
        "hall.id",
        "hall.title",
        "scenes",
        "scenes.id",
        "scenes.title",
        "scenes.photo",
        "scenes.hotspots.type",
        "scenes.hotspots.yaw",
        "scenes.hotspots.pitch",
        "announcements.date",
    }
    assert table["scenes.hotspots.target"][0] == "with `type: link`"
    assert table["scenes.hotspots.branch"][0] == "with `type: showcase`"
    assert table["scenes.description"][0] == ""


def test_every_range_and_default_is_stated():
    table = rows()
    assert table["scenes.view.fov"][1].endswith("(30 to 120; default 75).")
    assert table["scenes.view.pitch"][1].endswith("(-90 to 90; default 0).")
    assert table["scenes.hotspots.yaw"][1].endswith("(-180 to 360).")
    assert table["build.tile_size"][1] == "Tile edge in pixels (512 to 1024; default 512)."
    assert table["build.quality"][1] == "JPEG quality of the tiles (50 to 95; default 82)."
    assert table["scenes.id"][1].endswith("(an id of at most 64 characters).")


def test_links_into_branch_rooms_and_quoting_commas_are_explained():
    text = reference()
    assert rows()["scenes.hotspots.target"][1].startswith(
        "link: the scene to walk to: a scene id of the hall or a branch room's id"
    )
    assert (
        'put a text that contains a comma (or `: `) in quotes:\n`text: {zh-CN: "展品一，展品二", en: "One, two"}`'
        in text
    )


def test_video_limits_come_from_the_media_settings():
    limits = media_limits(replace(MediaSettings(), max_video_bytes=200 * 2**20, max_video_seconds=120))
    assert "| video (`video`) | at most 200 MB and 2 minutes (longer or larger files are refused);" in limits
    assert "| video (`video`) | at most 500 MB and 5 minutes" in reference()


def test_the_qr_address_for_a_bucket_is_explained():
    assert "For a tour opened straight from a bucket it is the `index.html` address" in reference()


def test_the_page_is_the_generated_one():
    assert DOCS.read_text("utf-8") == reference()
