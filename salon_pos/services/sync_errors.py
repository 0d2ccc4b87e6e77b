"""What went wrong in a sync round, in words for the status bar and the `salon-pos sync` output.

A network failure is said in plain words (connection refused, timed out, the name not found, a
TLS problem…), never as Python's exception text; that text goes to the log for support."""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator
from http.client import RemoteDisconnected

import requests

from salon_pos.domain.errors import Both, UserError
from sync.client import (
    InsecureServer,
    Offline,
    ProtocolError,
    Refused,
    RoundOutcome,
    ServerError,
    SyncError,
)


class SyncOffline(UserError):
    en = "Offline: the sync server cannot be reached ({detail}). Sales are kept and sent later."
    zh = "离线：无法连接同步服务器（{detail}）。销售数据已保存，稍后自动上传。"


class SyncRefused(UserError):
    en = "The sync server refused this counter ({detail}): it may have been revoked; enroll again."
    zh = "同步服务器拒绝了本收银台（{detail}）：可能已被停用，请重新注册。"


class SyncServerError(UserError):
    en = "The sync server had an error ({detail}); it will be tried again."
    zh = "同步服务器出错（{detail}），稍后重试。"


class SyncProtocolError(UserError):
    en = "The sync server's answer could not be read ({detail}); it will be tried again."
    zh = "无法识别同步服务器的应答（{detail}），稍后重试。"


class PlainHttpRefused(UserError):
    en = (
        "A sync server on the internet must be reached by https ({url}), so that nobody on the "
        "way can copy this counter's token; plain http is for this PC or the shop's own network."
    )
    zh = (
        "互联网上的同步服务器必须使用 https 连接（{url}），以免设备令牌在途中被窃取；"
        "http 只能用于本机或店内局域网地址。"
    )


class SyncRetryLater(UserError):
    en = "The sync server asked to try again later; what is left will be sent then."
    zh = "同步服务器繁忙，剩余数据稍后再上传。"


class SyncBug(UserError):
    """A programming error stopped the round: its traceback is in the log, not on screen."""

    en = (
        "Sync stopped on a program error and will be tried again; sales are kept. The details "
        "are in the log: {log}"
    )
    zh = "同步因程序错误停止，稍后重试；销售数据已保存。详细信息已写入日志：{log}"


TLS_FAILED = Both("加密连接（TLS/证书）失败", "the secure connection (TLS, certificate) failed")
NAME_NOT_FOUND = Both("找不到服务器地址（域名无法解析）", "the server's name could not be resolved")
TIMED_OUT = Both("连接超时", "the connection timed out")
CONNECTION_REFUSED = Both(
    "连接被拒绝：服务器未运行或端口不对", "connection refused: the server is not running there"
)
CONNECTION_DROPPED = Both("连接中途断开", "the connection was dropped")
NO_ROUTE = Both("网络不通", "the network is unreachable")
NETWORK_ERROR = Both("网络错误", "network error")

# Most specific first: a TLS failure also is a connection error, a connect timeout a timeout.
_REASONS: tuple[tuple[tuple[type[BaseException], ...], Both], ...] = (
    ((ssl.SSLError, requests.exceptions.SSLError), TLS_FAILED),
    ((socket.gaierror,), NAME_NOT_FOUND),
    ((TimeoutError, requests.exceptions.Timeout), TIMED_OUT),
    ((ConnectionRefusedError,), CONNECTION_REFUSED),
    (
        (ConnectionResetError, ConnectionAbortedError, RemoteDisconnected, BrokenPipeError),
        CONNECTION_DROPPED,
    ),
    ((requests.exceptions.ChunkedEncodingError,), CONNECTION_DROPPED),
)
_NO_ROUTE = (errno.ENETUNREACH, errno.EHOSTUNREACH)
_NAME_WORDS = (
    "Name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "Temporary failure in name resolution",
    "NameResolutionError",
)


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what it wraps: requests → urllib3 (`.reason`, args) → the socket's OSError."""
    seen: set[int] = set()
    todo: list[BaseException] = [error]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        wrapped += list(current.args)
        todo += [w for w in wrapped if isinstance(w, BaseException)]


def network_reason(error: SyncError) -> Both:
    """Why no answer came, in plain words, from the requests error an Offline was raised from."""
    causes = list(_causes(error))
    for kinds, reason in _REASONS:
        if any(isinstance(cause, kinds) for cause in causes):
            return reason
    if any(word in str(cause) for cause in causes for word in _NAME_WORDS):
        return NAME_NOT_FOUND
    if any(getattr(cause, "errno", None) in _NO_ROUTE for cause in causes):
        return NO_ROUTE
    return NETWORK_ERROR


def describe_sync_error(outcome: RoundOutcome, language: str) -> str | None:
    """The round's problem in the user's language, or None when it went through."""
    error = outcome.error
    if error is None:
        return SyncRetryLater().message(language) if outcome.retry_later else None
    if isinstance(error, Offline):
        return SyncOffline(detail=network_reason(error)).message(language)
    if isinstance(error, InsecureServer):
        return PlainHttpRefused(url=error.url).message(language)
    kind: type[UserError] = SyncProtocolError
    if isinstance(error, Refused):
        kind = SyncRefused
    elif isinstance(error, ServerError):
        kind = SyncServerError
    elif isinstance(error, ProtocolError):
        kind = SyncProtocolError
    detail = f"{error.status} {error.detail}" if error.status else error.detail
    return kind(detail=detail[:300]).message(language)
