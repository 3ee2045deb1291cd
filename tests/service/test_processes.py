"""Several processes at once, on SQLite and PostgreSQL: views neither lost nor doubled (batched, and at a
graceful stop), limits shared between servers, no acknowledged comment lost when the server is killed
with SIGKILL, and no open connection that freezes `service run`."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import func, select

from hallbuilder.service.app import create_app
from hallbuilder.service.store.db import Database
from hallbuilder.service.store.tables import comments, views

from .conftest import make_settings, make_tour, register
from .servers import Server, gunicorn, service_run

pytestmark = pytest.mark.slow

CLIENTS = 4
POSTS_PER_CLIENT = 60
AGENTS = 12


def post_views(port: int, client: int) -> list[int]:
    """One client process: POST_PER_CLIENT views from AGENTS different phones, over fresh connections."""
    server = Server(None, port)  # type: ignore[arg-type]
    statuses = []
    for number in range(POSTS_PER_CLIENT):
        agent = f"Mozilla/5.0 (Phone {number % AGENTS}) Mobile"
        scene = "lobby" if number % 3 else "hall-a"
        status = server.request(
            "POST", "/api/halls/demo-hall/views", {"scene": scene}, headers={"User-Agent": agent}
        )[0]
        statuses.append(status)
    return statuses


def stats_when(server: Server, views: int, seconds: float = 10.0) -> dict:
    """The server's stats once they count `views` (workers write their views within the flush interval)."""
    deadline = time.monotonic() + seconds
    while True:
        stats = server.request("GET", "/api/halls/demo-hall/stats")[2]
        if stats["views"] >= views or time.monotonic() > deadline:
            return stats
        time.sleep(0.05)


def stats_in_database(database_url: str) -> dict:
    """The same stats route, run in this process on the database alone (no server left)."""
    app = create_app(make_settings(database_url))
    try:
        return app.test_client().get("/api/halls/demo-hall/stats").get_json()
    finally:
        app.extensions["hallbuilder"].close()


def test_concurrent_view_posts_from_several_processes(database_url):
    register(database_url, make_tour())
    total = CLIENTS * POSTS_PER_CLIENT
    with gunicorn(database_url, workers=3) as server, ProcessPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(post_views, [server.port] * CLIENTS, range(CLIENTS)))
        assert [status for result in results for status in result] == [204] * total
        live = stats_when(server, total)
        assert server.stop() == 0  # graceful: each worker writes what it still holds (nothing by now)
    lobby_views = CLIENTS * sum(1 for number in range(POSTS_PER_CLIENT) if number % 3)
    lobby_agents = len({number % AGENTS for number in range(POSTS_PER_CLIENT) if number % 3})
    hall_a_agents = len({number % AGENTS for number in range(POSTS_PER_CLIENT) if not number % 3})
    expected = {
        "views": total,
        "visitors": AGENTS,
        "scenes": {
            "lobby": {"views": lobby_views, "visitors": lobby_agents},
            "hall-a": {"views": total - lobby_views, "visitors": hall_a_agents},
        },
    }
    assert live == expected
    assert stats_in_database(database_url) == expected


def stored_views(database_url: str) -> int:
    database = Database(database_url)
    with database.read() as connection:
        count = connection.scalar(select(func.count()).select_from(views))
    database.dispose()
    return count


@pytest.mark.parametrize("every_process", [False, True], ids=["sigterm-master", "sigterm-all"])
def test_graceful_stop_writes_every_acknowledged_view(database_url, every_process):
    """A flush interval of a minute: only the flush at worker exit can write these views (40 phones behind one
    address: more new visitors than one address may bring by default)."""
    register(database_url, make_tour())
    env = {"HALLBUILDER_VIEW_FLUSH_MS": "60000", "HALLBUILDER_NEW_VISITOR_LIMIT": "40"}
    with gunicorn(database_url, workers=2, **env) as server:
        for number in range(40):
            status = server.request(
                "POST",
                "/api/halls/demo-hall/views",
                {"scene": "lobby"},
                headers={"User-Agent": f"Mozilla/5.0 (Phone {number}) Mobile"},
            )[0]
            assert status == 204
        assert stored_views(database_url) == 0  # answered, still in the workers' buffers
        assert server.stop(every_process) == 0
    assert stored_views(database_url) == 40
    assert stats_in_database(database_url)["visitors"] == 40


def test_synchronous_views_are_stored_before_the_answer(database_url):
    register(database_url, make_tour())
    with gunicorn(database_url, workers=2, HALLBUILDER_VIEW_FLUSH_MS="0") as server:
        for number in range(1, 6):
            server.request("POST", "/api/halls/demo-hall/views", {"scene": "hall-a"})
            assert stored_views(database_url) == number
        server.kill()
    assert stored_views(database_url) == 5


def test_a_bad_flush_interval_stops_gunicorn_with_one_line(sqlite_url):
    environment = {
        **os.environ,
        "DATABASE_URL": sqlite_url,
        "HALLBUILDER_SECRET_KEY": "x",
        "HALLBUILDER_VIEW_FLUSH_MS": "fast",
    }
    command = [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "hallbuilder.service.wsgi:app"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        "hallbuilder service: HALLBUILDER_VIEW_FLUSH_MS: expected a whole number of milliseconds from 0 "
        "(write at once) to 60000, got 'fast'\n"
    ) in result.stderr


def test_rate_limit_holds_across_two_servers_and_ignores_spoofed_forwarded_for(database_url):
    register(database_url, make_tour())
    limits = {"HALLBUILDER_COMMENT_LIMIT": "3"}
    with (
        gunicorn(database_url, workers=1, **limits) as first,
        gunicorn(database_url, workers=1, **limits) as second,
    ):
        answers = []
        for number in range(6):
            server = (first, second)[number % 2]
            answers.append(
                server.request(
                    "POST",
                    "/api/halls/demo-hall/comments",
                    {"nickname": "访客", "text": f"第{number}条"},
                    headers={"X-Forwarded-For": f"10.0.0.{number}"},
                )
            )
    assert [status for status, _, _ in answers] == [201, 201, 201, 429, 429, 429]
    _, headers, body = answers[3]
    assert 0 < int(headers["Retry-After"]) <= 3600
    assert headers["Content-Type"] == "application/json"
    assert body["code"] == 429 and body["message"].startswith("Too many comments: please wait ")


def test_kill_9_under_write_load_loses_no_acknowledged_comment(database_url):
    register(database_url, make_tour())
    acknowledged: list[int] = []
    stop = threading.Event()

    def writer(number: int, server: Server) -> None:
        count = 0
        while not stop.is_set():
            count += 1
            try:
                status, _, body = server.request(
                    "POST",
                    "/api/halls/demo-hall/comments",
                    {"nickname": "访客", "text": f"w{number}-{count}"},
                    headers={"User-Agent": f"Mozilla/5.0 writer {number}"},
                )
            except (OSError, http.client.HTTPException, ValueError):
                return  # the server is gone: this comment was never acknowledged
            if status == 201:
                acknowledged.append(body["comment"]["id"])

    env = {"HALLBUILDER_COMMENT_LIMIT": "100000", "HALLBUILDER_HALL_COMMENT_LIMIT": "100000"}
    with gunicorn(database_url, workers=2, **env) as server:
        threads = [threading.Thread(target=writer, args=(number, server)) for number in range(6)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 10
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert len(acknowledged) >= 60
    database = Database(database_url)
    with database.read() as connection:
        stored = set(connection.scalars(select(comments.c.id)))
    database.dispose()
    assert set(acknowledged) <= stored


STREAM_REQUEST = (
    b"GET /api/halls/demo-hall/comments/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"User-Agent: Mozilla/5.0 (iPhone) Mobile\r\nAccept: text/event-stream\r\n\r\n"
)
EVERY_OTHER_ROUTE = [
    ("GET", "/api/health", None, 200),
    ("GET", "/api/halls/demo-hall/comments", None, 200),
    ("GET", "/api/halls/demo-hall/stats", None, 200),
    ("GET", "/api/halls/demo-hall/announcements", None, 200),
    ("GET", "/api/halls/demo-hall/showcases", None, 200),
    ("POST", "/api/halls/demo-hall/views", {"scene": "lobby"}, 204),
    ("POST", "/api/halls/demo-hall/comments", {"nickname": "访客", "text": "还在吗"}, 201),
    ("POST", "/api/halls/demo-hall/showcases/north-branch/likes", {}, 200),
    ("POST", "/api/halls/demo-hall/messages", {"name": "访客", "text": "你好"}, 201),
    ("GET", "/api/openapi.json", None, 200),
]


def test_four_open_comment_streams_leave_every_route_answering_at_once(database_url):
    """Each SSE stream held one of `service run`'s four sync workers, and /api/health waited 23 s."""
    register(database_url, make_tour())
    with service_run(database_url) as server:
        streams = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(4)]
        try:
            for stream in streams:
                stream.sendall(STREAM_REQUEST)
            # Each request has reached a worker and been answered (the streams stay open on our side).
            status_lines = [stream.makefile("rb").readline() for stream in streams]
            for method, path, body, expected in EVERY_OTHER_ROUTE:
                started = time.monotonic()
                status = server.request(method, path, body, timeout=5)[0]
                assert (path, status) == (path, expected)
                assert time.monotonic() - started < 3, f"{method} {path} waited for a worker"
            assert all(line.startswith(b"HTTP/1.1 404") for line in status_lines), status_lines
        finally:
            for stream in streams:
                stream.close()
