"""What went wrong in a sync round, in words for the status bar and the `salon-pos sync` output."""

from __future__ import annotations

from salon_pos.domain.errors import UserError
from sync.client import Offline, ProtocolError, Refused, RoundOutcome, ServerError


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


class SyncRetryLater(UserError):
    en = "The sync server asked to try again later; what is left will be sent then."
    zh = "同步服务器繁忙，剩余数据稍后再上传。"


def describe_sync_error(outcome: RoundOutcome, language: str) -> str | None:
    """The round's problem in the user's language, or None when it went through."""
    error = outcome.error
    if error is None:
        return SyncRetryLater().message(language) if outcome.retry_later else None
    kind: type[UserError] = SyncProtocolError
    if isinstance(error, Offline):
        kind = SyncOffline
    elif isinstance(error, Refused):
        kind = SyncRefused
    elif isinstance(error, ServerError):
        kind = SyncServerError
    elif isinstance(error, ProtocolError):
        kind = SyncProtocolError
    detail = f"{error.status} {error.detail}" if error.status else error.detail
    return kind(detail=detail[:300]).message(language)
