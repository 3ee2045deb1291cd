"""hall.nadir in hall.yaml: the logo file and the chosen scenes are checked with every other key."""

from pathlib import Path

import pytest

from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError


def problems(project: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    return caught.value.lines()


def test_a_missing_logo_and_an_unknown_scene_are_named_on_their_lines(project, edit):
    edit(
        "\nzones:", "\n  nadir:\n    logo: media/logo.png\n    size: 95\n    scenes: [lobby, galery]\nzones:"
    )
    assert problems(project) == [
        "hall.yaml:18 hall.nadir.logo: file not found: media/logo.png",
        "hall.yaml:19 hall.nadir.size: 95 is out of range; expected 5 to 90 degrees",
        "hall.yaml:20 hall.nadir.scenes[1]: no scene 'galery' (did you mean 'gallery'?)",
    ]


def test_a_logo_that_is_not_an_image_is_refused(project, edit):
    (project / "media").mkdir(exist_ok=True)
    (project / "media" / "logo.png").write_text("not a picture", "utf-8")
    edit("\nzones:", "\n  nadir: {logo: media/logo.png}\nzones:")
    assert problems(project) == [
        "hall.yaml:17 hall.nadir.logo: 'media/logo.png' is not a readable image; export it again as PNG"
    ]


def test_the_default_size_is_thirty_degrees(project, edit):
    from PIL import Image

    (project / "media").mkdir(exist_ok=True)
    Image.new("RGBA", (64, 64)).save(project / "media" / "logo.png")
    edit("\nzones:", "\n  nadir: {logo: media/logo.png}\nzones:")
    nadir = load_hall(project).nadir
    assert (nadir.logo, nadir.size, nadir.scenes) == ("media/logo.png", 30.0, None)
