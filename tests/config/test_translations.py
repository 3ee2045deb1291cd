"""The translation table: export as CSV and Excel, import back all or nothing, each refusal naming its row."""

from __future__ import annotations

import csv
import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.commands.showcase import create_showcase
from hallbuilder.config import load_project
from hallbuilder.config.translations import export_translations, import_translations, translation_table
from hallbuilder.config.translations.table import project_files
from hallbuilder.config.translations.writing import check_candidates
from hallbuilder.errors import ConfigError


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], fields: list[str] | None = None) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields or list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def fill(rows: list[dict[str, str]], key: str, language: str, text: str, file: str = "hall.yaml") -> None:
    row = next(row for row in rows if row["key"] == key and row["file"] == file)
    row[language] = text


@pytest.fixture
def exported(hall: Path, tmp_path: Path) -> Path:
    target = tmp_path / "texts.csv"
    export_translations(hall, target)
    return target


def test_csv_lists_every_text_with_its_line_and_the_missing_languages(hall: Path, exported: Path) -> None:
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel opens the Chinese texts right
    rows = read_rows(exported)
    assert list(rows[0]) == ["key", "file", "line", "zh-CN", "en", "missing"]
    by_key = {row["key"]: row for row in rows}
    assert by_key["hall.title"] | {} == {
        "key": "hall.title",
        "file": "hall.yaml",
        "line": by_key["hall.title"]["line"],
        "zh-CN": "我的展厅",
        "en": "",
        "missing": "en",
    }
    lines = (hall / "hall.yaml").read_text("utf-8").splitlines()
    assert lines[int(by_key["hall.title"]["line"]) - 1].strip().startswith("title: 我的展厅")
    assert by_key["scenes[lobby].hotspots[1].text"]["en"] == "Describe the exhibit here."
    assert by_key["scenes[lobby].narration"]["zh-CN"] == "欢迎来到我们的展厅。"
    assert by_key["scenes[lobby].narration"]["missing"] == "en"
    assert by_key["announcements[0].title"]["missing"] == ""


def test_a_table_saved_with_semicolons_is_read_too(hall: Path, exported: Path) -> None:
    rows = read_rows(exported)
    fill(rows, "hall.title", "en", "My hall; our hall")
    with exported.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    changes = import_translations(hall, exported)
    assert [(change.key, change.new) for change in changes] == [("hall.title", "My hall; our hall")]


def test_an_unchanged_table_changes_nothing(hall: Path, exported: Path) -> None:
    before = (hall / "hall.yaml").read_bytes()
    assert import_translations(hall, exported) == []
    assert (hall / "hall.yaml").read_bytes() == before
    assert not (hall / ".hall.yaml.bak").exists()


def test_filled_in_texts_are_written_keeping_comments(hall: Path, exported: Path) -> None:
    rows = read_rows(exported)
    fill(rows, "hall.title", "en", "My hall")
    fill(rows, "hall.description", "en", 'Welcome, visitors: "come in", look around')
    fill(rows, "scenes[lobby].title", "zh-CN", "序厅（新）")
    fill(rows, "scenes[lobby].narration", "en", "Welcome to our hall.")
    write_rows(exported, rows)
    before = (hall / "hall.yaml").read_text("utf-8")

    changes = import_translations(hall, exported)

    assert {(change.key, change.language, change.old) for change in changes} == {
        ("hall.title", "en", ""),
        ("hall.description", "en", ""),
        ("scenes[lobby].title", "zh-CN", "序厅"),
        ("scenes[lobby].narration", "en", ""),
    }
    loaded = load_project(hall)
    assert loaded.title == {"zh-CN": "我的展厅", "en": "My hall"}
    assert loaded.description is not None
    assert loaded.description["en"] == 'Welcome, visitors: "come in", look around'
    lobby = loaded.scenes[0]
    assert lobby.title == {"zh-CN": "序厅（新）", "en": "Entrance"}
    assert lobby.narration["en"].transcript == "Welcome to our hall."
    assert lobby.narration["en"].audio is None
    after = (hall / "hall.yaml").read_text("utf-8")
    assert after.count("#") == before.count("#")  # every comment kept
    assert "# shown on the cover page and when the tour is shared" in after
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed, added = [line for line in diff if line[:1] == "-"], [line for line in diff if line[:1] == "+"]
    assert len(removed) == 3  # title, description, the lobby's title
    assert len(added) == 4  # and the English transcript, a new line
    assert (hall / ".hall.yaml.bak").read_text("utf-8") == before


def test_excel_sheet_has_a_frozen_header_highlighted_gaps_and_texts_not_formulas(
    hall: Path, tmp_path: Path, edit
) -> None:
    from openpyxl import load_workbook

    edit("title: {zh-CN: 关于我们, en: About us}", "title: {zh-CN: 关于我们, en: '=1+1 about'}")
    target = tmp_path / "texts.xlsx"
    export_translations(hall, target)
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == ["key", "file", "line", "zh-CN", "en", "missing"]
    assert all(cell.font.bold for cell in sheet[1])
    title = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "hall.title")
    assert title[4].value is None and title[4].fill.start_color.rgb.endswith("FFF2CC")
    assert title[3].fill.fill_type is None
    formula = next(row for row in sheet.iter_rows(min_row=2) if row[4].value == "=1+1 about")
    assert formula[4].data_type == "s"
    assert sheet.column_dimensions["D"].width >= 40
    assert import_translations(hall, target) == []  # read back: the same texts


def test_excel_sheet_filled_in_outside_is_imported(hall: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "texts.xlsx"
    export_translations(hall, target)
    book = load_workbook(target)
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "hall.subtitle":
            row[4].value = "An online hall"
    book.save(target)
    changes = import_translations(hall, target)
    assert [(change.key, change.new) for change in changes] == [("hall.subtitle", "An online hall")]
    assert load_project(hall).subtitle == {"zh-CN": "线上展厅", "en": "An online hall"}


def test_a_text_that_excel_would_run_as_a_formula_is_quoted_in_csv(hall: Path, exported: Path, edit) -> None:
    edit(
        "text: {zh-CN: 在这里介绍展品。, en: Describe the exhibit here.}",
        "text: {zh-CN: 在这里介绍展品。, en: '=HYPERLINK(1)'}",
    )
    export_translations(hall, exported)
    row = next(row for row in read_rows(exported) if row["key"] == "scenes[lobby].hotspots[1].text")
    assert row["en"] == "'=HYPERLINK(1)"
    assert import_translations(hall, exported) == []


def test_showcase_texts_are_rows_of_their_own_file(hall: Path, tmp_path: Path) -> None:
    create_showcase(hall, "first-branch", {"zh-CN": "第一支部"})
    target = tmp_path / "texts.csv"
    export_translations(hall, target)
    rows = read_rows(target)
    name = "showcases/first-branch/showcase.yaml"
    assert {row["key"] for row in rows if row["file"] == name} >= {
        "name",
        "motto",
        "introduction",
        "achievements[0].title",
        "achievements[0].category",
    }
    fill(rows, "achievements[0].title", "en", "The online hall opens", file=name)
    fill(rows, "hall.title", "en", "My hall")
    bad = dict(next(row for row in rows if row["file"] == name), key="achievements[5].title")
    write_rows(target, [*rows, bad])
    assert refused(hall, target)[0].startswith(  # the good rows of both files are not written either
        f"texts.csv row {len(rows) + 2}: 'achievements[5].title' is not a text of {name}"
    )
    write_rows(target, rows)
    import_translations(hall, target)
    showcases = load_project(hall).showcases
    assert showcases[0].achievements[0].title == {
        "zh-CN": "线上展厅开放",
        "en": "The online hall opens",
    }
    data = translation_table(hall).as_dict()
    title = next(row for row in data["rows"] if row["file"] == name and row["key"] == "achievements[0].title")
    assert title["path"] == ["achievements", 0, "title"] and title["missing"] == []


def refused(hall: Path, table: Path) -> list[str]:
    files = {path: path.read_bytes() for path in hall.rglob("*.yaml")}
    with pytest.raises(ConfigError) as caught:
        import_translations(hall, table)
    assert {path: path.read_bytes() for path in hall.rglob("*.yaml")} == files  # nothing half-imported
    assert not list(hall.rglob(".*translations.yaml"))
    return caught.value.lines()


def test_unknown_keys_and_files_are_refused_naming_the_row(hall: Path, exported: Path) -> None:
    rows = read_rows(exported)
    fill(rows, "hall.title", "en", "My hall")  # a good row: not written either
    rows[2]["key"] = "hall.descriptoin"
    rows[4]["key"] = "scenes[lobyy].title"
    rows[5]["file"] = "../../etc/passwd"
    write_rows(exported, rows)
    lines = refused(hall, exported)
    assert lines[0] == (
        "texts.csv row 4: 'hall.descriptoin' is not a text of hall.yaml (did you mean 'hall.description'?); "
        "it was renamed or removed since the export: export the table again (`hallbuilder translations "
        "export`) and copy your texts into it"
    )
    assert lines[1].startswith("texts.csv row 6: 'scenes[lobyy].title' is not a text of hall.yaml")
    assert "(did you mean 'scenes[lobby].title'?)" in lines[1]
    assert lines[2].startswith("texts.csv row 7: '../../etc/passwd' is not a file of this hall (hall.yaml)")
    assert len(lines) == 3


def test_a_language_the_hall_does_not_have_is_refused(hall: Path, exported: Path) -> None:
    rows = read_rows(exported)
    for row in rows:
        row["fr"] = "Bonjour"
    write_rows(exported, rows)
    assert refused(hall, exported) == [
        "texts.csv row 1: column 'fr' is not a language of this hall (zh-CN, en); remove the column, "
        "or add fr to hall.languages in hall.yaml first"
    ]


def test_a_workbook_that_unpacks_into_too_much_is_refused(hall: Path, tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/sheet.xml", "w") as entry,
    ):
        for _ in range(201):
            entry.write(bytes(1_000_000))
    assert refused(hall, bomb) == [
        "bomb.xlsx: the workbook unpacks into far too much data; save it as 'CSV UTF-8' or as an Excel "
        "workbook (.xlsx) and import that"
    ]


def test_broken_files_are_refused(hall: Path, tmp_path: Path, exported: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("key,file,en\nhall.title,hall.yaml,Caf\xe9\n".encode("latin-1"))
    assert refused(hall, latin) == [
        "latin.csv: not UTF-8 text; in Excel, save it as 'CSV UTF-8' or as an Excel workbook (.xlsx) and "
        "import that"
    ]
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", "utf-8")
    assert refused(hall, fake)[0].startswith("fake.xlsx: not an Excel workbook, or a damaged one")
    with pytest.raises(ConfigError) as nowhere:
        export_translations(hall, tmp_path / "no-such-folder" / "texts.csv")
    assert nowhere.value.lines() == [
        f"{tmp_path}/no-such-folder/texts.csv: the folder {tmp_path}/no-such-folder does not exist; create it "
        "or choose another"
    ]
    other = tmp_path / "texts.txt"
    other.write_text("x", "utf-8")
    assert refused(hall, other) == [
        "texts.txt: import a .csv or an .xlsx file (the two kinds the export writes)"
    ]
    rows = read_rows(exported)
    write_rows(exported, rows, fields=["file", "zh-CN"])  # no key column
    assert refused(hall, exported)[0].startswith("texts.csv row 1: no 'key' column")


def test_duplicate_rows_and_control_characters_are_refused(hall: Path, exported: Path) -> None:
    rows = read_rows(exported)
    fill(rows, "hall.title", "en", "My\x1bhall")
    rows.append(dict(rows[1]))
    write_rows(exported, rows)
    lines = refused(hall, exported)
    assert lines[0].startswith("texts.csv row 2, column en: the text has a control character (U+001B)")
    assert lines[1] == f"texts.csv row {len(rows) + 1}: the same text as row 3; keep one of the two"


def test_files_that_would_not_load_are_never_put_in_place(hall: Path) -> None:
    create_showcase(hall, "first-branch", None)
    files = project_files(hall)
    before = {item.path: item.path.read_bytes() for item in files}
    written = {
        "hall.yaml": files[0].text.replace("我的展厅", "新的展厅"),
        "showcases/first-branch/showcase.yaml": files[1].text.replace("date: 2026-11-01", "date: 2026-13-01"),
    }
    with pytest.raises(ConfigError) as caught:
        check_candidates(hall, files, written)
    assert caught.value.lines()[0].startswith("showcases/first-branch/showcase.yaml:")
    assert "2026-13-01" in caught.value.lines()[0]
    assert {item.path: item.path.read_bytes() for item in files} == before
    assert not list(hall.rglob(".*translations.yaml"))


def test_cli_export_and_import(hall: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "texts.csv"
    result = runner.invoke(cli, ["translations", "export", str(hall), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Wrote 13 text(s) in zh-CN, en to {target}" in result.output
    assert "4 translation(s) missing" in result.output
    rows = read_rows(target)
    fill(rows, "hall.title", "en", "My hall")
    write_rows(target, rows)
    dry = runner.invoke(cli, ["translations", "import", str(hall), str(target), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "hall.yaml hall.title [en]: My hall" in dry.output
    assert "Dry run: 1 text(s) in 1 file(s) would change. Nothing was changed." in dry.output
    assert "My hall" not in (hall / "hall.yaml").read_text("utf-8")
    done = runner.invoke(cli, ["translations", "import", str(hall), str(target)])
    assert done.exit_code == 0, done.output
    assert "Imported 1 text(s) into 1 file(s)." in done.output
    rows[1]["key"] = "hall.nope"
    write_rows(target, rows)
    bad = runner.invoke(cli, ["translations", "import", str(hall), str(target)])
    assert bad.exit_code == 2
    assert "texts.csv row 3: 'hall.nope' is not a text of hall.yaml" in bad.output
    assert bad.output.splitlines()[-1] == "Nothing was imported: fix texts.csv and import it again."
    assert "Traceback" not in bad.output


def test_texts_with_line_breaks_are_written_one_language_a_line(hall: Path, exported: Path, edit) -> None:
    edit(
        "  description: 欢迎参观我们的线上展厅。 # one or two sentences for the cover and share cards (optional)\n",
        "  description: |\n    欢迎参观我们的线上展厅。\n    第二行。\n",
    )
    export_translations(hall, exported)
    rows = read_rows(exported)
    assert (
        next(row for row in rows if row["key"] == "hall.description")["zh-CN"]
        == "欢迎参观我们的线上展厅。\n第二行。\n"
    )
    fill(rows, "hall.description", "en", "Welcome.\nSecond line.")
    write_rows(exported, rows)
    import_translations(hall, exported)
    text = (hall / "hall.yaml").read_text("utf-8")
    assert (
        "  description:\n    zh-CN: |\n      欢迎参观我们的线上展厅。\n      第二行。\n    en: |-\n      Welcome.\n      Second line.\n"
        in text
    )
    description = load_project(hall).description
    assert description is not None and description["en"] == "Welcome.\nSecond line."


def test_a_formula_in_the_excel_sheet_is_refused(hall: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "texts.xlsx"
    export_translations(hall, target)
    book = load_workbook(target)
    book.active["E2"] = '=HYPERLINK("https://example.org")'
    book.save(target)
    assert refused(hall, target) == ["texts.xlsx row 2, cell E2: a formula; type the text itself"]


def test_rows_follow_their_scene_when_scenes_moved_since_the_export(hall: Path, exported: Path) -> None:
    rows = read_rows(exported)
    fill(rows, "scenes[lobby].hotspots[1].title", "en", "About the hall")
    write_rows(exported, rows)
    config = hall / "hall.yaml"
    text = config.read_text("utf-8")
    first_scene = "  - id: lobby "
    assert first_scene in text
    config.write_text(
        text.replace(
            first_scene,
            "  - {id: entry, title: {zh-CN: 入口, en: Entry}, zone: main, photo: photos/gallery.jpg,\n"
            "     hotspots: [{type: info, yaw: 0, pitch: 0, title: {zh-CN: 入口, en: Entry}}]}\n"
            + first_scene,
            1,
        ),
        "utf-8",
    )
    changes = import_translations(hall, exported)
    assert [(change.key, change.old) for change in changes] == [
        ("scenes[lobby].hotspots[1].title", "About us")
    ]
    loaded = load_project(hall)
    assert [scene.id for scene in loaded.scenes] == ["entry", "lobby", "gallery"]
    assert (loaded.scenes[1].hotspots[1].title or {}).get("en") == "About the hall"
    assert (loaded.scenes[0].hotspots[0].title or {}).get("en") == "Entry"
