"""Hall service speed: view posts through gunicorn on SQLite and on PostgreSQL, against a no-op endpoint.

`python -m benchmarks service` starts gunicorn (4 sync workers) on 127.0.0.1 for each backend, then sends
the same number of requests from 4 client processes to `POST /api/health` (the baseline: Flask, routing and
JSON, no database) and to `POST /api/halls/<hall>/views` (the real work), alternating the two for ROUNDS
rounds. Each round measures both back to back, so both see the same background load (machines shared with
other work are noisy); the ratio is the median of the rounds' ratios. It prints median requests/s, p50 and
p99 latency over every request, the ratio of view throughput to the baseline (target: at least 0.70) and how
many acknowledged views are missing from the database after a graceful stop of gunicorn (target: 0). Load is
bounded in count and time.

Each backend runs twice on a fresh database: with the default write-behind buffer (each worker writes its
views every HALLBUILDER_VIEW_FLUSH_MS = 50 ms, the figure the target applies to) and with
HALLBUILDER_VIEW_FLUSH_MS=0 (one INSERT per view before the answer), so the trade stays visible. The load
average is printed before and after: on a shared machine, compare runs only at similar load.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

WORKERS = 4
CLIENTS = 4
REQUESTS_PER_CLIENT = 300
ROUNDS = 5
TIME_LIMIT = 20.0  # seconds per phase and client, whatever the count
PG_ADMIN = os.environ.get("HALLBUILDER_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
HALL = "bench-hall"
TARGET = 0.70
MODES = (("batched", "50"), ("sync", "0"))  # HALLBUILDER_VIEW_FLUSH_MS


def tour() -> dict:
    scenes = [{"id": f"scene-{n}", "title": {"en": f"Scene {n}"}, "hotspots": []} for n in range(10)]
    return {
        "hall": {"id": HALL, "title": {"en": "Bench"}, "languages": ["en"]},
        "scenes": scenes,
        "showcases": [],
    }


def prepare(url: str) -> None:
    from hallbuilder.service.store import halls, migrate
    from hallbuilder.service.store.db import Database
    from hallbuilder.service.tourfile import hall_from_tour

    database = Database(url)
    migrate.upgrade(database)
    with database.write() as connection:
        halls.register(connection, hall_from_tour(tour(), "bench"))
    database.dispose()


def stored_views(url: str) -> int:
    from hallbuilder.service.store import views
    from hallbuilder.service.store.db import Database

    database = Database(url)
    with database.read() as connection:
        total = views.totals(connection, HALL)["views"]
    database.dispose()
    return total


@contextmanager
def gunicorn(url: str, flush_ms: str):
    """gunicorn on a free port; leaving stops it gracefully (SIGTERM, as systemd does), so every worker
    writes the views it still holds before the count is read."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    port = listener.getsockname()[1]
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "HALLBUILDER_SECRET_KEY": uuid.uuid4().hex,
        "HALLBUILDER_VIEW_FLUSH_MS": flush_ms,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(WORKERS),
            "--bind",
            f"fd://{listener.fileno()}",
            "--backlog",
            "1024",
            "--log-level",
            "warning",
            "hallbuilder.service.wsgi:app",
        ],
        pass_fds=(listener.fileno(),),
        env=env,
        start_new_session=True,
    )
    listener.close()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if send(port, "/api/health", {})[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        if process.wait(timeout=30) != 0:
            raise RuntimeError(f"gunicorn did not stop cleanly (exit code {process.returncode})")


def send(port: int, path: str, body: dict, agent: str = "Mozilla/5.0 (bench) Mobile") -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            path,
            body=json.dumps(body),
            headers={"Content-Type": "application/json", "User-Agent": agent},
        )
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def client(port: int, path: str, number: int) -> list[tuple[int, float]]:
    """One client process: up to REQUESTS_PER_CLIENT requests, stopping at TIME_LIMIT."""
    results = []
    deadline = time.monotonic() + TIME_LIMIT
    for index in range(REQUESTS_PER_CLIENT):
        if time.monotonic() > deadline:
            break
        body = {"scene": f"scene-{index % 10}"}
        results.append(send(port, path, body, agent=f"Mozilla/5.0 (bench {number}-{index % 50}) Mobile"))
    return results


def phase(port: int, path: str) -> tuple[float, list[tuple[int, float]]]:
    """(requests/s, [(status, seconds)]) of one round of CLIENTS processes."""
    started = time.perf_counter()
    with ProcessPoolExecutor(CLIENTS) as pool:
        results = [
            item
            for batch in pool.map(client, [port] * CLIENTS, [path] * CLIENTS, range(CLIENTS))
            for item in batch
        ]
    return len(results) / (time.perf_counter() - started), results


def summary(rounds: list[tuple[float, list[tuple[int, float]]]]) -> dict:
    results = [item for _, batch in rounds for item in batch]
    latencies = sorted(latency for _, latency in results)
    return {
        "ok": sum(1 for status, _ in results if status in (200, 204)),
        "errors": sum(1 for status, _ in results if status not in (200, 204)),
        "rps": statistics.median(rps for rps, _ in rounds),
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


@contextmanager
def postgres_database():
    import psycopg

    name = f"hb_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_backend(name: str, url: str, mode: str, flush_ms: str) -> list[str]:
    prepare(url)
    with gunicorn(url, flush_ms) as port:
        phase(port, "/api/health")  # warm up every worker
        noop_rounds, view_rounds = [], []
        for number in range(ROUNDS):
            order = [("noop", "/api/health"), ("views", f"/api/halls/{HALL}/views")]
            for endpoint, path in order if number % 2 == 0 else reversed(order):
                (noop_rounds if endpoint == "noop" else view_rounds).append(phase(port, path))
        baseline, views = summary(noop_rounds), summary(view_rounds)
    lost = views["ok"] - stored_views(url)
    ratios = sorted(v[0] / n[0] for v, n in zip(view_rounds, noop_rounds, strict=True))
    ratio = statistics.median(ratios)
    verdict = "ok" if ratio >= TARGET and lost == 0 and views["errors"] == 0 else "BELOW TARGET"
    if mode != "batched":
        verdict = "(for comparison)" if lost == 0 and views["errors"] == 0 else "LOST OR FAILED"
    row = "{:<10} {:<20} {:>8.0f} {:>8.1f} {:>8.1f} {:>7} {:>6} {:>6}"
    return [
        row.format(
            name, "no-op", baseline["rps"], baseline["p50"], baseline["p99"], "1.00", baseline["errors"], "-"
        ),
        row.format(
            name,
            f"POST views {mode}",
            views["rps"],
            views["p50"],
            views["p99"],
            f"{ratio:.2f}",
            views["errors"],
            lost,
        )
        + f"  {verdict}  (rounds {ratios[0]:.2f}-{ratios[-1]:.2f})",
    ]


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f} on {} cores".format(*os.getloadavg(), os.cpu_count())


def main() -> None:
    print(
        f"gunicorn {WORKERS} sync workers; {ROUNDS} rounds of {CLIENTS} client processes x {REQUESTS_PER_CLIENT} "
        f"requests (max {TIME_LIMIT:.0f} s each), fresh connection per request; medians of the rounds; "
        f"target ratio >= {TARGET:.2f} (batched), lost = 0"
    )
    print(f"before: {load()}")
    print(
        "{:<10} {:<20} {:>8} {:>8} {:>8} {:>7} {:>6} {:>6}".format(
            "backend", "endpoint", "req/s", "p50 ms", "p99 ms", "ratio", "errors", "lost"
        )
    )
    for mode, flush_ms in MODES:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
            for line in run_backend("sqlite", url, mode, flush_ms):
                print(line, flush=True)
    for mode, flush_ms in MODES:
        with postgres_database() as url:
            for line in run_backend("postgresql", url, mode, flush_ms):
                print(line, flush=True)
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
