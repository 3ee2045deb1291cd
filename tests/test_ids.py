"""One id rule (characters and length) for hall.yaml, the build's tour.json contract and the service."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hallbuilder import ids
from hallbuilder.errors import ServiceError
from hallbuilder.service.tourfile import hall_from_tour

PACKAGE = Path(ids.__file__).parent


def test_an_id_of_the_longest_length_is_one_and_one_more_is_refused_with_the_limit():
    assert ids.id_problem("a" * 64) is None
    assert ids.id_problem("a" * 65) == (
        f"'{'a' * 65}' is 65 characters long: an id has at most 64 (the hall service stores no longer ones); "
        "shorten it"
    )
    assert ids.id_problem("a" * 70, "branch id").startswith(
        f"'{'a' * 70}' is 70 characters long: a branch id "
    )


@pytest.mark.parametrize("text", ["Lobby", "-lobby", "lob by", "lobby\n", "大厅", ""])
def test_other_characters_are_refused_with_the_rule(text):
    assert ids.id_problem(text) == (
        f"'{text}' is not a valid id: use lower-case letters, digits and '-' only, e.g. 'history-hall'"
    )


def test_the_tour_json_schema_states_the_same_rule():
    schema = json.loads((PACKAGE / "builder" / "tour.schema.json").read_text("utf-8"))
    assert schema["$defs"]["id"]["pattern"] == ids.JSON_PATTERN == "^[a-z0-9][a-z0-9-]{0,63}$"


def test_no_module_writes_the_rule_again():
    copies = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "ids.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"\[a-z0-9\]\[a-z0-9-\]", line)
    ]
    assert copies == []


def tour(scene_id: str) -> dict:
    return {"hall": {"id": "red-hall", "languages": ["en"]}, "scenes": [{"id": scene_id, "title": "Lobby"}]}


def test_the_service_takes_every_id_hall_yaml_takes_and_nothing_longer():
    assert hall_from_tour(tour("a" * 64), "tour.json")["scenes"][0]["id"] == "a" * 64
    with pytest.raises(ServiceError) as caught:
        hall_from_tour(tour("a" * 65), "tour.json")
    assert str(caught.value) == (
        "tour.json: scenes[0].id: expected an id of lower-case letters, digits and dashes (at most 64), "
        f"got '{'a' * 65}'; rebuild the hall"
    )
