"""Who delivers a prepared message (docs/bookings.md, "Reminders"): pluggable. A file sender
ships (one JSON line per message, for a store without a gateway, and for tests); an HTTP
gateway (SMS or WeChat) is configured by its URL and a template of the request's JSON body.

A sender raises SendFailed when the message did not go; the outbox tries again later. Each
request carries the message's unique key (`Idempotency-Key`, and `{key}` in the template), so
a gateway that supports it never delivers one twice, even if an answer is lost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import requests

DEFAULT_TEMPLATE = '{"to": "{to}", "text": "{text}", "key": "{key}"}'


class SendFailed(Exception):
    pass


class Sender(Protocol):
    def send(self, to: str, text: str, key: str) -> None: ...


@dataclass(frozen=True)
class FileSender:
    """Appends each message as a JSON line to `path`."""

    path: Path

    def send(self, to: str, text: str, key: str) -> None:
        line = json.dumps({"to": to, "text": text, "key": key}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as file:
                file.write(line + "\n")
        except OSError as error:
            raise SendFailed(f"cannot write {self.path}: {error.strerror}") from None


def render(template: str, to: str, text: str, key: str) -> str:
    """The template with {to}, {text} and {key} put in as JSON string contents (quotes and
    newlines escaped), so any JSON body the gateway wants can be written around them."""

    def inside(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)[1:-1]

    body = template.replace("{to}", inside(to)).replace("{text}", inside(text))
    return body.replace("{key}", inside(key))


class InvalidTemplate(ValueError):
    pass


def check_template(template: str) -> str:
    """The template if it makes valid JSON; InvalidTemplate otherwise."""
    try:
        json.loads(render(template, "13800138000", '测试 "text"\n', "k"))
    except json.JSONDecodeError as error:
        raise InvalidTemplate(f"not JSON once filled in: {error.msg}") from None
    return template


@dataclass(frozen=True)
class HttpSender:
    url: str
    template: str = DEFAULT_TEMPLATE
    timeout: float = 10.0

    def send(self, to: str, text: str, key: str) -> None:
        body = render(self.template, to, text, key).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": key}
        try:
            answer = requests.post(self.url, data=body, headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            raise SendFailed(f"gateway not reached: {type(error).__name__}") from None
        if not 200 <= answer.status_code < 300:
            raise SendFailed(f"gateway answered {answer.status_code}: {answer.text[:200]}")


def sender_from(gateway_url: str | None, template: str | None, log_file: Path) -> Sender:
    """The HTTP gateway when a URL is set, else the file sender."""
    if gateway_url:
        return HttpSender(gateway_url, check_template(template or DEFAULT_TEMPLATE))
    return FileSender(log_file)
