"""A text cell a spreadsheet would run as a formula is written with a leading ' (OWASP's CSV
injection): in the counter's report files (tests/reports/test_writers.py) and the console's
CSV downloads, which write a name or a reason typed at a counter as it was typed."""

from __future__ import annotations

import csv
import io

import pytest

from salon_pos.domain.csv_text import spreadsheet_safe
from sync.server.web.csv_export import csv_response, yuan


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x","点我")', '\'=HYPERLINK("http://x","点我")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("-12.30", "-12.30"),  # a negative amount stays a number
        ("-3", "-3"),
        ("破损", "破损"),
        ("", ""),
    ],
)
def test_a_cell_that_would_be_a_formula_is_text(text: str, written: str) -> None:
    assert spreadsheet_safe(text) == written


def test_the_consoles_csv_writes_typed_text_safe_and_numbers_as_they_are() -> None:
    answer = csv_response("报损.csv", ["原因", "数量", "金额"], [["=1+1", -3, yuan(-13593)]])
    body = bytes(answer.body).decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [["原因", "数量", "金额"], ["'=1+1", "-3", "-135.93"]]
