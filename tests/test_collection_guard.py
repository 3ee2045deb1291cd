"""The guard against test files that silently drop out of the run (tests/collection_guard.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PASSING = "def test_ok():\n    assert 1 + 1 == 2\n"


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A small project laid out like ours: testpaths = tests, the guard loaded from the root conftest."""
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    monkeypatch.setenv(
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1"
    )  # xdist is loaded by name; the rest cost seconds
    pytester.makepyprojecttoml(
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\nnorecursedirs = ["build", ".*"]\n'
    )
    pytester.makeconftest('pytest_plugins = ("collection_guard",)\n')
    (pytester.path / "tests" / "media").mkdir(parents=True)
    (pytester.path / "tests" / "media" / "test_media.py").write_text(PASSING)
    return pytester


@pytest.mark.parametrize("workers", [[], ["-p", "xdist", "-n", "2"]], ids=["one process", "xdist -n 2"])
def test_a_test_file_in_an_ignored_folder_fails_the_run_and_is_named(project, workers):
    (project.path / "tests" / "build").mkdir()
    (project.path / "tests" / "build" / "test_hidden.py").write_text(PASSING)
    result = project.runpytest_subprocess(*workers)
    assert result.ret == pytest.ExitCode.TESTS_FAILED, result.stdout.str()
    result.stdout.fnmatch_lines(
        ["*test files that were not collected*", "tests/build/test_hidden.py: no test of it ran"]
    )
    assert "tests/media/test_media.py: no test" not in result.stdout.str()


def test_a_file_whose_tests_are_misnamed_fails_the_run(project):
    (project.path / "tests" / "test_misnamed.py").write_text("def check_ok():\n    assert True\n")
    result = project.runpytest_subprocess()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["tests/test_misnamed.py: no test of it ran"])


@pytest.mark.parametrize("workers", [[], ["-p", "xdist", "-n", "2"]], ids=["one process", "xdist -n 2"])
def test_a_run_where_every_file_is_collected_passes(project, workers):
    (project.path / "tests" / "test_more.py").write_text(PASSING)
    result = project.runpytest_subprocess(*workers)
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
    assert "not collected" not in result.stdout.str()


def test_a_chosen_folder_is_not_judged(project):
    (project.path / "tests" / "build").mkdir()
    (project.path / "tests" / "build" / "test_hidden.py").write_text(PASSING)
    assert project.runpytest_subprocess("tests/media").ret == pytest.ExitCode.OK
