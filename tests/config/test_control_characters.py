"""Control characters in hall.yaml texts are refused with the line, the key and the fix (NUL broke PostgreSQL)."""

from pathlib import Path

import pytest

from hallbuilder.config import load_hall
from hallbuilder.errors import ConfigError


def problems(project: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_hall(project)
    return caught.value.lines()


@pytest.mark.parametrize(("escape", "code"), [("\\0", "0000"), ("\\x1b", "001B"), ("\\x7f", "007F")])
def test_a_control_character_in_a_text_names_line_key_and_fix(project, edit, escape, code):
    edit("title: {zh-CN: 关于我们, en: About us}", f'title: {{zh-CN: "关于{escape}我们", en: About us}}')
    assert problems(project) == [
        f"hall.yaml:41 scenes[0].hotspots[1].title: the text has a control character (U+{code}) at character 3; "
        "remove it (look for an escape such as \\0 or \\x1b in quotes)"
    ]


def test_tabs_and_line_breaks_in_texts_are_fine(project, edit):
    edit("title: {zh-CN: 关于我们, en: About us}", 'title: {zh-CN: "关于\\t我们\\n第二行", en: About us}')
    load_hall(project)
