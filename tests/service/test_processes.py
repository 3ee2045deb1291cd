"""Several processes at once, on SQLite and PostgreSQL: views neither lost nor doubled, limits shared
between servers, and no acknowledged comment lost when the server is killed with SIGKILL."""

from __future__ import annotations

import http.client
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import select

from hallbuilder.service.store.db import Database
from hallbuilder.service.store.tables import comments

from .conftest import make_tour, register
from .servers import Server, gunicorn

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


def test_concurrent_view_posts_from_several_processes(database_url):
    register(database_url, make_tour())
    with gunicorn(database_url, workers=3) as server, ProcessPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(post_views, [server.port] * CLIENTS, range(CLIENTS)))
        assert [status for result in results for status in result] == [204] * (CLIENTS * POSTS_PER_CLIENT)
        stats = server.request("GET", "/api/halls/demo-hall/stats")[2]
    lobby_views = CLIENTS * sum(1 for number in range(POSTS_PER_CLIENT) if number % 3)
    lobby_agents = len({number % AGENTS for number in range(POSTS_PER_CLIENT) if number % 3})
    hall_a_agents = len({number % AGENTS for number in range(POSTS_PER_CLIENT) if not number % 3})
    assert stats == {
        "views": CLIENTS * POSTS_PER_CLIENT,
        "visitors": AGENTS,
        "scenes": {
            "lobby": {"views": lobby_views, "visitors": lobby_agents},
            "hall-a": {"views": CLIENTS * POSTS_PER_CLIENT - lobby_views, "visitors": hall_a_agents},
        },
    }


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
