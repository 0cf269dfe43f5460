"""Replay recorded Enhetsregisteret responses (directory/tests/registers/) through httpx.MockTransport."""

import json
from pathlib import Path

import httpx

from directory import registers

RECORDED = Path(__file__).parent / "registers"


def recorded(name: str) -> dict:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def found(**changes) -> dict:
    """The recorded answer for a unit in good standing, with the fields a test changes."""
    return {**recorded("enhet_991825827.json"), **changes}


class FakeRegister:
    """Answers by path: {"/enheter/991825827": (200, {...})}; a path it does not know is a 404.

    Counts the requests, so that tests can see the cache and the retries at work.
    """

    def __init__(self, answers: dict | None = None, *, timeout: bool = False):
        self.answers = answers or {}
        self.timeout = timeout
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.timeout:
            raise httpx.ReadTimeout("recorded: the register did not answer in time", request=request)
        path = request.url.path.split("/enhetsregisteret/api", 1)[-1]
        status, body = self.answers.get(path, (404, recorded("enhet_404.json")))
        return httpx.Response(status, json=body)

    def install(self, monkeypatch) -> "FakeRegister":
        monkeypatch.setattr(registers, "TRANSPORT", httpx.MockTransport(self))
        return self
