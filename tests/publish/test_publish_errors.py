"""Every way a publish can fail shows one line for staff: what is wrong and how to fix it."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from hallbuilder.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["publish", *args])


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_missing_credentials(make_dist, aws_env, moto_endpoint, monkeypatch):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    result = run(str(make_dist()), "--to", "s3://hall-bucket/demo/", "--endpoint-url", moto_endpoint)
    assert (result.exit_code, result.stderr) == (
        1,
        "s3://hall-bucket/demo/: no storage credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
        "(or AWS_PROFILE), or run `aws configure`, then publish again.\n",
    )


def test_unreachable_endpoint(make_dist, aws_env):
    endpoint = f"http://127.0.0.1:{closed_port()}"
    result = run(str(make_dist()), "--to", "s3://hall-bucket/", "--endpoint-url", endpoint)
    assert (result.exit_code, result.stderr) == (
        1,
        f"s3://hall-bucket/: cannot reach the storage endpoint {endpoint}: check --endpoint-url and the network.\n",
    )


def test_missing_bucket(make_dist, aws_env, moto_endpoint):
    result = run(str(make_dist()), "--to", "s3://no-such-hall-bucket/demo", "--endpoint-url", moto_endpoint)
    assert (result.exit_code, result.stderr) == (
        1,
        f"s3://no-such-hall-bucket/demo/: bucket 'no-such-hall-bucket' does not exist at {moto_endpoint}: "
        "create it, or fix the name in --to.\n",
    )


def test_not_a_build(tmp_path):
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "index.html").write_text("<html></html>")
    result = run(str(tmp_path / "dist"), "--to", str(tmp_path / "public"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"{tmp_path / 'dist'}: tour.json is missing, so this is not a built tour: "
        "publish the folder `hallbuilder build` wrote (PROJECT/dist, or the folder given with -o).\n",
    )


def test_missing_dist(tmp_path):
    result = run(str(tmp_path / "dist"), "--to", str(tmp_path / "public"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"{tmp_path / 'dist'}: no such folder: run `hallbuilder build PROJECT -o {tmp_path / 'dist'}` first, "
        "then publish that folder.\n",
    )


def test_broken_manifest(make_dist):
    dist = make_dist()
    (dist / "tour.json").write_text('{"format": 1,', encoding="utf-8")
    result = run(str(dist), "--to", str(dist.parent / "public"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{dist / 'tour.json'}: not valid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 14 (char 13)): build the tour again.\n"
    )


def test_unknown_target_kind(make_dist):
    result = run(str(make_dist()), "--to", "ftp://host/hall/")
    assert (result.exit_code, result.stderr) == (
        1,
        "--to ftp://host/hall/: unknown kind of target: use a folder (./public) or s3://BUCKET/PREFIX/.\n",
    )


def test_endpoint_url_needs_an_s3_target(make_dist, tmp_path):
    result = run(
        str(make_dist()), "--to", str(tmp_path / "public"), "--endpoint-url", "http://127.0.0.1:9000"
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"--endpoint-url is only for s3:// targets, not the folder {tmp_path / 'public'}: remove it.\n",
    )


def test_bucket_options_need_an_s3_target(make_dist, tmp_path):
    result = run(str(make_dist()), "--to", str(tmp_path / "public"), "--set-cors", "https://hall.example.com")
    assert (result.exit_code, result.stderr) == (
        1,
        f"--set-cors works only with s3:// targets; for the folder {tmp_path / 'public'}, set it in your web server.\n",
    )


def test_an_endpoint_without_a_scheme(make_dist, aws_env):
    result = run(
        str(make_dist()), "--to", "s3://hall-bucket/", "--endpoint-url", "oss-cn-hangzhou.aliyuncs.com"
    )
    assert (result.exit_code, result.stderr) == (
        1,
        "--endpoint-url oss-cn-hangzhou.aliyuncs.com: write the address with its scheme, "
        "e.g. https://oss-cn-hangzhou.aliyuncs.com\n",
    )


def test_a_target_without_a_bucket(make_dist):
    result = run(str(make_dist()), "--to", "s3:///hall/")
    assert (result.exit_code, result.stderr) == (
        1,
        "--to s3:///hall/: no bucket name: write it as s3://BUCKET/PREFIX/.\n",
    )
