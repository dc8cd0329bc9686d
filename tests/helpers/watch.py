"""Records what a page does that a reader would call broken: console errors, uncaught errors,
failed requests and any request to a host other than the local server (workers included)."""

from dataclasses import dataclass, field
from urllib.parse import urlparse


@dataclass
class PageWatch:
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def attach(self, context) -> "PageWatch":
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.on("page", self._on_page)
        for page in context.pages:
            self._on_page(page)
        return self

    def _on_page(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("worker", self._on_worker)

    def _on_worker(self, worker) -> None:
        worker.on("console", lambda m: m.type == "error" and self.console_errors.append(f"worker: {m.text}"))

    def _on_request(self, request) -> None:
        self.requested.append(request.url)
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https", "ws", "wss") and f"{parsed.scheme}://{parsed.netloc}" != self.origin:
            self.foreign.append(request.url)

    def _on_failed(self, request) -> None:
        # net::ERR_ABORTED is the browser cancelling a request itself (the page it was for went
        # away: the next link followed), not a request that failed; every other failure counts.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} ({request.failure})")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed]
            + [f"request to another host: {m}" for m in self.foreign]
        )
