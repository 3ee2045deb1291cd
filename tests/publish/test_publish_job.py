"""Publish as a job: the dry run's changes as data (the CLI's list, word for word), progress, the CLI's summary."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hallbuilder.cli import cli
from hallbuilder.publish.job import dry_run, publish_job


def cli_lines(*args: str) -> list[str]:
    result = CliRunner().invoke(cli, ["publish", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def check_job(dist: Path, to: str, endpoint_url: str | None = None) -> None:
    extra = ["--endpoint-url", endpoint_url] if endpoint_url else []
    planned = dry_run(dist, to, endpoint_url=endpoint_url)
    lines = cli_lines(str(dist), "--to", to, "--dry-run", *extra)
    count = len(planned.changes)
    assert count == len(lines) - 1 and count >= 30
    assert [change["key"] for change in planned.changes] == [line.split()[-1] for line in lines[:-1]]
    assert planned.changes[-2:] == [
        {"action": "upload", "why": "new", "key": "tour.json", "size": planned.changes[-2]["size"]},
        {"action": "upload", "why": "new", "key": "index.html", "size": planned.changes[-1]["size"]},
    ]
    assert planned.line == lines[-1]  # the CLI's summary line, word for word
    assert planned.summary.uploaded == count

    job = publish_job(dist, to, endpoint_url=endpoint_url).start()
    assert job.wait(timeout=120)
    assert job.state == "done", job.problems
    progress = [event for event in job.events if event.kind == "progress"]
    assert [event.done for event in progress] == list(range(count + 1))
    assert {event.total for event in progress} == {count}
    assert progress[-1].message == "index.html"
    target = planned.line.removeprefix("Dry run for ").split(": ")[0]
    assert job.summary.startswith(f"Published to {target}: {count} uploaded, 0 unchanged, 0 removed, ")

    after = dry_run(dist, to, endpoint_url=endpoint_url)
    assert after.changes == [] and after.summary.unchanged == count
    assert cli_lines(str(dist), "--to", to, "--dry-run", *extra) == [after.line]


def test_publish_job_to_a_folder(make_dist, tmp_path: Path) -> None:
    check_job(make_dist(), str(tmp_path / "public"))
    assert (tmp_path / "public" / "index.html").is_file()


def test_publish_job_to_an_s3_server(make_dist, bucket: str, moto_endpoint: str) -> None:
    check_job(make_dist(), f"s3://{bucket}/hall/", moto_endpoint)


def test_a_failed_publish_job_names_the_problem(
    make_dist, tmp_path: Path, moto_endpoint: str, aws_env
) -> None:
    job = publish_job(make_dist(), "s3://no-such-bucket-here/hall/", endpoint_url=moto_endpoint).start()
    assert job.wait(timeout=120)
    assert job.state == "failed"
    assert job.problems and "no-such-bucket-here" in job.problems[0]
    assert "Traceback" not in job.problems[0]
