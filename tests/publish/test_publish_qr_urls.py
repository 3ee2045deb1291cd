"""Every QR code opens a page that exists, whatever form of the tour's address staff give `qr`."""

from __future__ import annotations

import functools
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import cv2
import pytest
from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.publish.qr import page_url


@pytest.mark.parametrize(
    ("base", "hall", "scene", "listen"),
    [
        (
            "https://hall.example.com/red/",
            "https://hall.example.com/red/",
            "https://hall.example.com/red/#scene=lobby",
            "https://hall.example.com/red/listen/lobby.html",
        ),
        (
            "https://hall.example.com/red",
            "https://hall.example.com/red/",
            "https://hall.example.com/red/#scene=lobby",
            "https://hall.example.com/red/listen/lobby.html",
        ),
        (
            "https://hall.example.com/red/index.html",
            "https://hall.example.com/red/index.html",
            "https://hall.example.com/red/index.html#scene=lobby",
            "https://hall.example.com/red/listen/lobby.html",
        ),
        (
            "https://hall.example.com/red/?from=poster",
            "https://hall.example.com/red/?from=poster",
            "https://hall.example.com/red/?from=poster#scene=lobby",
            "https://hall.example.com/red/listen/lobby.html?from=poster",
        ),
        (
            "https://hall.example.com/red?from=poster",
            "https://hall.example.com/red/?from=poster",
            "https://hall.example.com/red/?from=poster#scene=lobby",
            "https://hall.example.com/red/listen/lobby.html?from=poster",
        ),
        (
            "https://bucket.oss-cn-hangzhou.aliyuncs.com/halls/red/index.html?v=2",
            "https://bucket.oss-cn-hangzhou.aliyuncs.com/halls/red/index.html?v=2",
            "https://bucket.oss-cn-hangzhou.aliyuncs.com/halls/red/index.html?v=2#scene=lobby",
            "https://bucket.oss-cn-hangzhou.aliyuncs.com/halls/red/listen/lobby.html?v=2",
        ),
        (
            "https://hall.example.com",
            "https://hall.example.com/",
            "https://hall.example.com/#scene=lobby",
            "https://hall.example.com/listen/lobby.html",
        ),
    ],
)
def test_page_url_resolves_from_a_folder_a_page_and_a_query(base, hall, scene, listen):
    assert (page_url(base, ""), page_url(base, "#scene=lobby"), page_url(base, "listen/lobby.html")) == (
        hall,
        scene,
        listen,
    )


@pytest.fixture
def served(make_dist):
    """A built tour with a listen page, served over HTTP on 127.0.0.1; yields its index.html address."""
    dist = make_dist()
    (dist / "listen").mkdir()
    (dist / "listen" / "lobby.html").write_text("<!doctype html><title>Listen</title>", "utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(dist))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield dist, f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def decode(path) -> str:
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(cv2.imread(str(path)))
    return text


def test_the_listen_code_of_an_index_html_address_opens_the_listen_page(served, tmp_path):
    dist, address = served
    out = tmp_path / "qr"
    result = CliRunner().invoke(cli, ["qr", str(dist), "--url", address, "-o", str(out)])
    assert result.exit_code == 0, result.output
    listen = decode(out / "listen-lobby.png")
    assert listen == address.removesuffix("index.html") + "listen/lobby.html"
    with urllib.request.urlopen(listen, timeout=10) as response:
        assert (response.status, response.read()) == (200, b"<!doctype html><title>Listen</title>")
    assert decode(out / "scene-gallery.png") == f"{address}#scene=gallery"
