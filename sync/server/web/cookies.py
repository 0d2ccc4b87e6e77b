"""The console's cookies (and the public booking page's, under /book): HttpOnly, SameSite=Lax,
Secure when the request came over https."""

from __future__ import annotations

from fastapi import Request, Response

PATH = "/console"


def set_cookie(
    response: Response,
    request: Request,
    name: str,
    value: str,
    max_age: int | None = None,
    path: str = PATH,
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=path,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="lax",
    )


def clear_cookie(response: Response, request: Request, name: str) -> None:
    response.delete_cookie(
        name, path=PATH, httponly=True, secure=request.url.scheme == "https", samesite="lax"
    )
