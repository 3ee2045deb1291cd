"""A pytest plugin: a run of the whole suite fails when a `test_*.py` file under the test paths was not collected.

A folder a tool skips by its name (pytest's defaults skipped `tests/build` for weeks), a file whose tests
are all misnamed, or an import that fails quietly all make tests drop out of the run without a word; this
turns that into a failure that names the files. It judges only a run of the whole suite (plain `pytest`,
no paths, no -m/-k), and works with pytest-xdist, where the workers collect and the controller checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def files_on_disk(config: pytest.Config) -> set[Path]:
    """Every test_*.py under the configured testpaths."""
    root = config.rootpath
    return {path for folder in config.getini("testpaths") for path in (root / folder).rglob("test_*.py")}


def missing_files(on_disk: set[Path], collected: set[Path]) -> list[Path]:
    return sorted(on_disk - collected)


class CollectionGuard:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.collected: set[Path] = set()
        self.missing: list[Path] = []

    def judges_this_run(self) -> bool:
        """Only a run of everything: a chosen folder, file, -m or -k leaves files out on purpose."""
        option = self.config.option
        return (
            self.config.args_source == pytest.Config.ArgsSource.TESTPATHS
            and not getattr(option, "markexpr", "")
            and not getattr(option, "keyword", "")
            and not hasattr(self.config, "workerinput")  # an xdist worker: the controller judges
        )

    def add(self, node_ids: list[str]) -> None:
        self.collected |= {self.config.rootpath / node_id.split("::", 1)[0] for node_id in node_ids}

    @pytest.hookimpl
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Without xdist the items are here (with xdist the controller collects nothing)."""
        self.add([item.nodeid for item in session.items])

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: object, ids: list[str]) -> None:
        self.add(list(ids))

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if not self.judges_this_run():
            return
        self.missing = missing_files(files_on_disk(self.config), self.collected)
        if self.missing and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.missing:
            return
        terminalreporter.section("test files that were not collected", red=True)
        for path in self.missing:
            terminalreporter.write_line(
                f"{path.relative_to(self.config.rootpath)}: no test of it ran", red=True
            )
        terminalreporter.write_line(
            "Check norecursedirs/ignore settings in pyproject.toml, the file's imports, and that its tests "
            "are named test_*.",
            red=True,
        )


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(CollectionGuard(config), "collection-guard")
