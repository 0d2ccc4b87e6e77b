"""A console table as a CSV file: UTF-8 with a byte-order mark (Excel on a Chinese Windows
reads UTF-8 without one as GBK and shows the names garbled), money as yuan with two decimals
and no ¥ (a number the spreadsheet can add), the page's words as the header, and no text cell
that the spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from fastapi.responses import Response

from salon_pos.domain.csv_text import spreadsheet_safe


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, rest = divmod(abs(int(fen)), 100)
    return f"{sign}{whole}.{rest:02d}"


def csv_response(
    file_name: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    # Text typed at a counter (a name, a reason) is never run as a formula by the spreadsheet.
    writer.writerows([spreadsheet_safe(c) if isinstance(c, str) else c for c in r] for r in rows)
    disposition = f"attachment; filename=\"stock.csv\"; filename*=UTF-8''{quote(file_name)}"
    return Response(
        ("\ufeff" + out.getvalue()).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": disposition},
    )
