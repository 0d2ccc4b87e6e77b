"""Read ESC/POS bytes back as text, and a stand-in network printer on 127.0.0.1."""

from __future__ import annotations

import re
import socket
import threading
import unicodedata
from types import TracebackType

_COMMAND = re.compile(
    rb"\x1b@"  # ESC @: initialise
    rb"|\x1c[&.]"  # FS & / FS .: Chinese mode on / off
    rb"|\x1b[!aEd-].|\x1d!."  # ESC ! / a / E / d / -, GS !: print mode, align, bold, feed, size
    rb"|\x1dV(?:[AB].|[\x00\x01\x30\x31])"  # GS V: cut
    rb"|\x1bp[\x00\x01\x30\x31].."  # ESC p m t1 t2: drawer kick
    rb"|\x10\x04[\x01-\x04]",  # DLE EOT n: real-time status query
    re.DOTALL,
)
DRAWER_KICK = b"\x1bp\x0022"  # cashdraw(2)
ASK_ONLINE, ASK_CAUSE, ASK_PAPER = b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x04"
READY = {ASK_ONLINE: b"\x12", ASK_PAPER: b"\x12"}  # online, paper present


def printed_text(data: bytes) -> str:
    """The text a printer would print, with every command we know removed."""
    text = _COMMAND.sub(b"", data).decode("gb18030")
    leftover = [char for char in text if char < " " and char != "\n"]
    assert not leftover, f"unknown control bytes in the job: {leftover!r}"
    return text


def printed_rows(data: bytes) -> list[str]:
    return [row.strip() for row in printed_text(data).splitlines()]


_SET_SIZE = re.compile(rb"\x1d!(.)", re.DOTALL)


def printed_rows_wide(data: bytes) -> list[tuple[str, int]]:
    """Each printed row and how many columns of paper it takes: a row printed double width
    (GS ! with the width bits set) takes twice its characters' display width."""
    rows, scale = [], 1
    for raw in data.split(b"\n"):
        for size in _SET_SIZE.findall(raw):  # set before the row's text
            scale = 2 if size[0] & 0xF0 else 1
        text = printed_text(raw).rstrip()
        rows.append((text, columns(text) * scale))
    return rows


def columns(text: str) -> int:
    """Display width as the issue defines it: W and F characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class FakeNetworkPrinter:
    """Accepts one connection, answers the status queries in `answers`, keeps what it got."""

    def __init__(self, answers: dict[bytes, bytes] | None = None, port: int = 0) -> None:
        self._answers = answers or {}
        self._server = socket.create_server(("127.0.0.1", port))
        self._server.settimeout(5)
        self.port: int = self._server.getsockname()[1]
        self.received = b""
        self._thread = threading.Thread(target=self._serve)
        self._thread.start()

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        connection, _ = self._server.accept()
        with connection:
            connection.settimeout(5)
            while chunk := connection.recv(4096):
                self.received += chunk
                for query, answer in self._answers.items():
                    if self.received.endswith(query):
                        connection.sendall(answer)

    def join(self) -> bytes:
        """What the printer received, once the client closed the connection."""
        self._thread.join(timeout=5)
        assert not self._thread.is_alive(), "the client never closed the connection"
        return self.received

    def __enter__(self) -> FakeNetworkPrinter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.close()
        self._thread.join(timeout=5)
