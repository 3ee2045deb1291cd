"""A page showing the tour, for the browser tests (a module of its own so test files can import it)."""

from __future__ import annotations


class Tour:
    """A page showing the tour, with what went wrong on it."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))

    def open(self, hash_: str = "", enter: bool = True) -> Tour:
        self.page.goto(self.base + hash_)
        if enter:
            self.page.click("#hb-enter")
            self.page.wait_for_function("() => performance.getEntriesByName('tour:interactive').length > 0")
        return self

    def scene(self) -> str:
        return self.page.evaluate("window.hallbuilderTour.scene()")

    def view(self) -> dict:
        return self.page.evaluate("window.hallbuilderTour.view()")
