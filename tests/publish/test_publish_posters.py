"""`hallbuilder qr DIST --posters`: the PDF pages are rendered as a printer would (poppler), every QR code on
every page is read back to its address (zxing-cpp), and the texts, fonts, sizes and pictures are checked."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
import zxingcpp
from click.testing import CliRunner
from PIL import Image

from hallbuilder.cli import cli
from hallbuilder.publish.posters.cards import action_lines, written_form
from hallbuilder.publish.qr import page_url

BASE = "https://hall.example.com/red/index.html"
DPI = 150
COVER_RGB = (200, 30, 40)
CARDS = ["hall", "scene-lobby", "scene-gallery", "listen-lobby"]
LINKS = [
    BASE,
    f"{BASE}#scene=lobby",
    f"{BASE}#scene=gallery",
    "https://hall.example.com/red/listen/lobby.html",
]


def jpeg_of(color: tuple[int, int, int], size: tuple[int, int]) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", size, color).save(data, "JPEG", quality=95)
    return data.getvalue()


def bilingual_dist(dist, *, cover: bool = True, lobby_title: str = "Entrance hall"):
    """The built tour `dist` (of make_dist) in zh-CN, English and zh-Hant with a cover, the lobby narrated."""
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    tour["hall"].update(
        title={"zh-CN": "红心馆", "en": "Red Heart Hall", "zh-Hant": "紅心館"},
        subtitle={"zh-CN": "主题馆", "en": "A hall of our history"},
        languages=["zh-CN", "en", "zh-Hant"],
    )
    if cover:
        (dist / "media" / "cover.jpg").write_bytes(jpeg_of(COVER_RGB, (600, 400)))
        tour["hall"]["cover"] = {"src": "media/cover.jpg", "width": 600, "height": 400}
    titles = {"lobby": ("序厅", lobby_title, "序廳"), "gallery": ("展厅", "Gallery", "展廳")}
    for scene in tour["scenes"]:
        zh, en, hant = titles[scene["id"]]
        scene["title"] = {"zh-CN": zh, "en": en, "zh-Hant": hant}
    (dist / "tour.json").write_text(json.dumps(tour, ensure_ascii=False), "utf-8")
    (dist / "listen").mkdir()
    (dist / "listen" / "lobby.html").write_text("<!doctype html><title>listen</title>", "utf-8")
    return dist


def mean_rgb(path) -> tuple[int, int, int]:
    with Image.open(path) as picture:
        return picture.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))


def make_dist_preview_rgb(seed: int) -> tuple[int, int, int]:
    """The colour of a scene's preview-0.jpg in make_dist (conftest.jpeg(seed * 10 + 9))."""
    shade = seed * 10 + 9
    return ((shade * 37) % 256, (shade * 91) % 256, (shade * 53) % 256)


def run_posters(dist, out):
    result = CliRunner().invoke(cli, ["qr", str(dist), "--url", BASE, "-o", str(out), "--posters"])
    assert result.exit_code == 0, result.output
    return result


def pages_as_images(pdf, tmp_path) -> list[Image.Image]:
    prefix = tmp_path / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(prefix)], check=True)
    return [Image.open(path) for path in sorted(tmp_path.glob(f"{pdf.stem}-page-*.png"))]


def page_text(pdf, page: int) -> str:
    command = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def page_sizes_mm(pdf) -> list[tuple[int, int]]:
    info = subprocess.run(["pdfinfo", "-l", "999", str(pdf)], check=True, capture_output=True, text=True)
    sizes = re.findall(r"Page +\d+ size: +([0-9.]+) x ([0-9.]+) pts", info.stdout)
    return [(round(float(w) / 72 * 25.4), round(float(h) / 72 * 25.4)) for w, h in sizes]


def codes_on(page: Image.Image) -> list[tuple[str, float]]:
    """Each QR code on a rendered page, row by row: its text and its printed width in millimetres."""
    found = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)
    found.sort(key=lambda code: (round(code.position.top_left.y, -2), code.position.top_left.x))
    return [
        (code.text, (code.position.top_right.x - code.position.top_left.x) / DPI * 25.4) for code in found
    ]


@pytest.fixture(scope="module")
def posters(make_module_dist):
    """One run of `qr --posters` on a bilingual hall, shared by the tests that read its files."""
    dist = bilingual_dist(make_module_dist())
    out = dist.parent / "qr"
    result = run_posters(dist, out)
    return out, result.stdout


def test_every_card_alone_and_all_in_one_pdf(posters):
    out, stdout = posters
    assert sorted(path.name for path in (out / "cards").iterdir()) == sorted(
        f"{stem}-{size}.pdf" for stem in CARDS for size in ("a4", "a6")
    )
    assert (out / "hall.svg").is_file() and (out / "listen-lobby.png").is_file()  # the bare codes too
    assert stdout.splitlines()[-5:] == [
        *(
            f"{out / 'cards' / stem}-a4.pdf, {stem}-a6.pdf  {link}"
            for stem, link in zip(CARDS, LINKS, strict=True)
        ),
        f"Wrote 4 A4 posters and 4 A6 table cards to {out / 'cards'}, all of them in {out / 'posters.pdf'}, "
        "the table cards four to an A4 sheet in table-cards-on-a4.pdf.",
    ]
    assert page_sizes_mm(out / "posters.pdf") == [(210, 297)] * 4 + [(105, 148)] * 4
    assert page_sizes_mm(out / "cards" / "listen-lobby-a6.pdf") == [(105, 148)]


def test_every_code_on_every_page_reads_back_as_its_address_at_a_size_read_from_afar(posters, tmp_path):
    out, _ = posters
    pages = pages_as_images(out / "posters.pdf", tmp_path)
    assert len(pages) == 8
    for number, page in enumerate(pages):
        ((text, width_mm),) = codes_on(page)
        assert text == LINKS[number % 4]
        # a phone reads a code from about ten times its width: 1 m at a wall poster, 0.5 m at a table
        assert width_mm == pytest.approx(100 if number < 4 else 50, abs=1.5)
    for stem, link in zip(CARDS, LINKS, strict=True):
        ((text, _),) = codes_on(pages_as_images(out / "cards" / f"{stem}-a6.pdf", tmp_path)[0])
        assert text == link


def test_the_table_cards_four_to_an_a4_sheet_for_an_office_printer(posters, tmp_path):
    out, _ = posters
    sheets = out / "table-cards-on-a4.pdf"
    assert page_sizes_mm(sheets) == [(210, 297)]
    (page,) = pages_as_images(sheets, tmp_path)
    assert [(text, round(width_mm)) for text, width_mm in codes_on(page)] == [(link, 50) for link in LINKS]
    assert {"扫码参观", "扫码收听讲解", "Gallery", "展廳"} <= set(
        page_text(sheets, 1).split()
    )  # all four cards


def test_titles_and_calls_to_action_in_the_halls_languages(posters):
    out, _ = posters
    every = out / "posters.pdf"
    words = [set(page_text(every, page).split()) for page in range(1, 9)]
    for number in (0, 4):  # the hall's poster and its table card
        assert {
            "红心馆",
            "Red",
            "Heart",
            "紅心館",
            "主题馆",
            "扫码参观",
            "Scan",
            "visit",
            "掃碼參觀",
        } <= words[number]
    for number in (1, 5):
        assert {"红心馆", "序厅", "Entrance", "序廳", "扫码看", "360°", "全景", "掃碼看", "around"} <= words[
            number
        ]
    for number in (3, 7):
        assert {"序厅", "序廳", "扫码收听讲解", "Scan", "listen", "掃碼收聽講解", LINKS[3]} <= words[number]
    assert "listen" not in words[1] and "visit" not in words[2]


def test_the_fonts_are_embedded_subsets_from_the_font_packages(posters):
    out, _ = posters
    listing = subprocess.run(
        ["pdffonts", str(out / "posters.pdf")], check=True, capture_output=True, text=True
    )
    fonts = [line.split() for line in listing.stdout.splitlines()[2:]]
    # zh-Hant is set in Noto Sans TC, the rest in Noto Sans SC; each a subset (ABCDEF+ prefix), embedded
    assert sorted(font[0].split("+")[1] for font in fonts) == ["NotoSansSC", "NotoSansTC"]
    assert all(font[-5:-2] == ["yes", "yes", "yes"] for font in fonts)  # emb, sub, uni
    assert (out / "cards" / "hall-a4.pdf").stat().st_size < 300_000


def test_the_hall_shows_its_cover_and_a_scene_its_initial_view(posters, tmp_path):
    out, _ = posters
    subprocess.run(["pdfimages", "-j", str(out / "posters.pdf"), str(tmp_path / "img")], check=True)
    listing = subprocess.run(
        ["pdfimages", "-list", str(out / "posters.pdf")], check=True, capture_output=True, text=True
    )
    pages = [int(line.split()[0]) for line in listing.stdout.splitlines()[2:]]
    assert pages == list(range(1, 9))  # one picture on each card
    hall_picture = sorted(tmp_path.glob("img-*.jpg"))[0]
    assert all(abs(got - want) < 12 for got, want in zip(mean_rgb(hall_picture), COVER_RGB, strict=True))
    with Image.open(sorted(tmp_path.glob("img-*.jpg"))[1]) as scene_picture:
        assert (
            scene_picture.width / scene_picture.height > 1.5
        )  # the 64 px square preview, cropped to the box


def test_a_long_title_is_set_smaller_to_stay_inside_the_card(make_dist, tmp_path):
    title = "The long gallery of the transport history of the province, from 1921 to today"
    out = tmp_path / "qr"
    run_posters(bilingual_dist(make_dist(), cover=False, lobby_title=title), out)
    card = out / "cards" / "scene-lobby-a6.pdf"
    boxes = subprocess.run(["pdftotext", "-bbox", str(card), "-"], check=True, capture_output=True, text=True)
    words = re.findall(
        r'xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]+)<', boxes.stdout
    )
    assert " ".join(word for _, _, word in words if word in title.split()).startswith(title)
    frame_pt = 6 / 25.4 * 72
    assert all(float(x_min) > frame_pt and float(x_max) < 297.64 - frame_pt for x_min, x_max, _ in words)
    ((text, _),) = codes_on(pages_as_images(card, tmp_path)[0])
    assert text == LINKS[1]


def test_without_a_cover_the_hall_card_shows_the_start_scene(make_dist, tmp_path):
    out = tmp_path / "qr"
    run_posters(bilingual_dist(make_dist(), cover=False), out)
    subprocess.run(["pdfimages", "-j", str(out / "cards" / "hall-a4.pdf"), str(tmp_path / "img")], check=True)
    (picture,) = tmp_path.glob("img-*.jpg")
    preview = make_dist_preview_rgb(seed=1)  # the lobby's (the start scene's) initial view
    assert all(abs(got - want) < 12 for got, want in zip(mean_rgb(picture), preview, strict=True))


def test_a_text_the_fonts_cannot_draw_is_left_off_with_a_warning(make_dist, tmp_path):
    dist = bilingual_dist(make_dist(), lobby_title="로비 hall")  # Korean: not in Noto Sans SC/TC
    out = tmp_path / "qr"
    result = run_posters(dist, out)
    assert result.stderr == (
        "WARNING -  posters: '로비 hall' (en) is left off: the poster fonts cannot draw 로 비; "
        "they draw Chinese and Latin letters.\n"
    )
    words = page_text(out / "cards" / "scene-lobby-a4.pdf", 1).split()
    assert "序厅" in words and "序廳" in words and "hall" not in words


def test_a_damaged_picture_is_named_with_the_fix(make_dist):
    dist = bilingual_dist(make_dist(), cover=False)
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    preview = dist / tour["scenes"][0]["panorama"]["preview"]["src"]
    preview.write_bytes(b"not a jpeg")
    result = CliRunner().invoke(
        cli, ["qr", str(dist), "--url", BASE, "-o", str(dist.parent / "qr"), "--posters"]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"{preview}: damaged, not a picture: build the tour again.\n",
    )


def test_a_tour_json_not_written_by_build(make_dist):
    dist = make_dist()
    tour = json.loads((dist / "tour.json").read_text("utf-8"))
    tour["hall"] = ["not", "a", "hall"]
    (dist / "tour.json").write_text(json.dumps(tour), "utf-8")
    result = CliRunner().invoke(
        cli, ["qr", str(dist), "--url", BASE, "-o", str(dist.parent / "qr"), "--posters"]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"{dist / 'tour.json'}: not a tour.json written by `hallbuilder build`: build again.\n",
    )


@pytest.mark.parametrize(
    ("base", "page"),
    [
        ("https://host/path/index.html", "https://host/path/listen/lobby.html"),
        ("https://host/path/", "https://host/path/listen/lobby.html"),
        ("https://host/path/?from=poster", "https://host/path/listen/lobby.html?from=poster"),
        ("https://host/path?from=poster", "https://host/path/listen/lobby.html?from=poster"),
        ("https://host/index.html?from=poster", "https://host/listen/lobby.html?from=poster"),
    ],
)
def test_listen_pages_are_found_from_any_form_of_the_tours_address(base, page):
    assert page_url(base, "listen/lobby.html") == page


@pytest.mark.parametrize(
    ("languages", "actions"),
    [
        (["zh-CN", "en"], ["扫码收听讲解", "Scan to listen"]),
        (["en", "zh-Hant"], ["Scan to listen", "掃碼收聽講解"]),
        (["zh-TW"], ["掃碼收聽講解"]),
        (["yue", "zh-CN", "zh"], ["掃碼收聽講解", "扫码收听讲解"]),
        (["fr"], ["Scan to listen"]),
    ],
)
def test_the_call_to_action_follows_the_halls_languages(languages, actions):
    assert [line.text for line in action_lines("listen", languages)] == actions
    assert written_form("zh-HK") == "zh-Hant" and written_form("de") is None
