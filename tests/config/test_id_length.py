"""hall.yaml refuses ids the hall service would refuse, on the line that has them (the rule: hallbuilder/ids.py)."""

from __future__ import annotations

import pytest

from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError


def test_an_id_longer_than_the_service_takes_is_refused_on_its_line(project, edit):
    long_id = "history-of-the-city-and-its-people-from-the-earliest-times-to-today"
    edit("id: my-hall", f"id: {long_id}")
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    assert caught.value.lines() == [
        f"hall.yaml:8 hall.id: '{long_id}' is {len(long_id)} characters long: an id has at most 64 "
        "(the hall service stores no longer ones); shorten it"
    ]


def test_an_id_of_64_characters_is_accepted(project, edit):
    edit("id: my-hall", f"id: {'h' * 64}")
    assert load_hall(project).id == "h" * 64
