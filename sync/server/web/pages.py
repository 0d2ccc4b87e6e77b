"""Rendering a page: the Jinja2 templates, the language (a cookie; Chinese unless it says
English) and the words and formats every page uses."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from sync.messages import DEFAULT_LANGUAGE, Both, Message, is_chinese
from sync.server.web import words
from sync.server.web.deps import now_of
from sync.server.web.sessions import Session

HERE = Path(__file__).parent
LANGUAGE_COOKIE = "salon_lang"
templates = Jinja2Templates(directory=HERE / "templates")


def language_of(request: Request) -> str:
    return "en" if request.cookies.get(LANGUAGE_COOKIE, "").startswith("en") else DEFAULT_LANGUAGE


def render(
    request: Request,
    template: str,
    session: Session | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    language = language_of(request)

    def say(text: Both | Message) -> str:
        return text.text(language)

    def when(moment: datetime | None, time_zone: str = "Asia/Shanghai") -> str:
        if moment is None:
            return say(words.NEVER)
        return moment.astimezone(ZoneInfo(time_zone)).strftime("%Y-%m-%d %H:%M")

    def age(moment: datetime | None) -> str:
        """How long ago, as a span: "2 小时", "2 hours"."""
        if moment is None:
            return "—"
        amount, unit = span(now_of(request) - moment)
        return f"{amount} {say(unit)}"

    def skill_words(skills: Iterable[str]) -> str:
        """Skills in words where the console knows the code (facial → 面部护理), else as typed."""
        known = words.SKILL_WORDS
        named = [say(known[s]) if s in known else s for s in skills]
        return ("、" if is_chinese(language) else ", ").join(named)

    return templates.TemplateResponse(
        request,
        template,
        {
            "w": words,
            "say": say,
            "money": money,
            "when": when,
            "age": age,
            "skill_words": skill_words,
            "lang": "zh-CN" if is_chinese(language) else "en",
            "other_language": "en" if is_chinese(language) else "zh_CN",
            "session": session,
            "csrf_token": session.csrf_token if session else "",
            **context,
        },
        status_code=status_code,
    )


def money(fen: int) -> str:
    """¥15,562.00: the owner reads larger sums than a receipt shows."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(int(fen)), 100)
    return f"{sign}¥{yuan:,}.{rest:02d}"


UNITS = (
    (timedelta(days=1), Both("天", "days")),
    (timedelta(hours=1), Both("小时", "hours")),
    (timedelta(minutes=1), Both("分钟", "minutes")),
)


def span(length: timedelta) -> tuple[int, Both]:
    for size, unit in UNITS:
        if length >= size:
            return int(length / size), unit
    return max(0, int(length.total_seconds())), Both("秒", "seconds")
