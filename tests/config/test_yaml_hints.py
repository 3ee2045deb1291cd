"""A YAML mistake gets a hint that points at its real cause: indentation, quotes, or a day that does not exist."""

from __future__ import annotations

import pytest

from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError


def problems(project) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    return caught.value.lines()


def test_a_key_indented_too_far_after_a_plain_text(project, edit):
    edit(
        "title: 我的展厅                  # shown on the cover page and when the tour is shared\n  subtitle:",
        "title: 我的展厅\n    subtitle:",
    )
    assert problems(project) == [
        "hall.yaml:10: wrong indentation: this line is indented more (4 spaces) than the key on line 9 (2 spaces); "
        "the keys of one group (a scene, a hotspot …) start in the same column"
    ]


def test_a_key_indented_too_far_after_a_comment(project, edit):
    edit("\n    zone: main ", "\n      zone: main ")
    assert problems(project) == [
        "hall.yaml:24: wrong indentation: this line is indented more (6 spaces) than the key on line 23 (4 spaces); "
        "the keys of one group (a scene, a hotspot …) start in the same column"
    ]


def test_a_key_indented_too_little(project, edit):
    edit("\n    photo: photos/lobby.jpg", "\n  photo: photos/lobby.jpg")
    assert problems(project) == [
        "hall.yaml:25: wrong indentation: this line is indented less (2 spaces) than the key on line 24 (4 spaces); "
        "the keys of one group (a scene, a hotspot …) start in the same column"
    ]


def test_the_first_key_of_a_list_item_counts_from_after_the_dash(project, edit):
    edit("\n    title: {zh-CN: 序厅, en: Entrance}", "\n     title: {zh-CN: 序厅, en: Entrance}")
    assert problems(project) == [
        "hall.yaml:23: wrong indentation: this line is indented more (5 spaces) than the key on line 22 (4 spaces); "
        "the keys of one group (a scene, a hotspot …) start in the same column"
    ]


def test_a_colon_inside_a_text_still_asks_for_quotes(project, edit):
    edit("subtitle: 线上展厅", "subtitle: 线上展厅: 欢迎")
    assert problems(project) == [
        "hall.yaml:10: YAML syntax error: mapping values are not allowed here "
        "(a text that contains ': ' must be put in quotes)"
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2025-06-31", "'2025-06-31' is not a date: June 2025 has 30 days"),
        ("2025-02-29", "'2025-02-29' is not a date: February 2025 has 28 days"),
        ("2025-13-01", "'2025-13-01' is not a date: there is no month 13 (months are 01 to 12)"),
        ("soon", "expected a date such as 2026-11-01, got 'soon'"),
    ],
)
def test_a_date_that_does_not_exist_says_so(project, edit, date, message):
    edit("date: 2026-11-01", f"date: {date}")
    assert problems(project) == [f"hall.yaml:61 announcements[0].date: {message}"]


def test_a_leap_day_is_a_date(project, edit):
    edit("date: 2026-11-01", "date: 2028-02-29")
    assert str(load_hall(project).announcements[0].date) == "2028-02-29"
