"""Receipt layout: what is sold appears, in columns that fit 58 mm and 80 mm paper."""

from __future__ import annotations

import pytest

from salon_pos.devices import ReceiptLine, ReceiptTender, UnsupportedPaperWidth, render_receipt
from salon_pos.devices.receipt import display_width, layout_receipt, layout_test_page, wrap
from tests.devices.conftest import MakeReceipt
from tests.devices.escpos_text import columns

WIDTHS = [(58, 32), (80, 48)]


@pytest.mark.parametrize(("paper", "width"), WIDTHS)
def test_every_row_fits_the_paper(make_receipt: MakeReceipt, paper: int, width: int) -> None:
    long_name = ReceiptLine(
        "日本进口玻尿酸深层补水保湿焕颜护理套餐（含面膜）", 1, 680_00, 0, 680_00, "Anna"
    )
    receipt = make_receipt(lines=(long_name,), copy_note="重印 REPRINT")
    rows = render_receipt(receipt, paper)
    assert all(columns(row) <= width and display_width(row) == width for row in rows)
    for row in layout_receipt(receipt, paper):
        assert columns(row.text) <= (width // 2 if row.size.name == "BIG" else width)


@pytest.mark.parametrize(("paper", "width"), WIDTHS)
def test_test_page_fits_the_paper(paper: int, width: int) -> None:
    rows = [row.text for row in layout_test_page(paper, "127.0.0.1:9100")]
    assert all(columns(row) <= width for row in rows)
    assert "中" * (width // 2) in rows and "127.0.0.1:9100" in "".join(rows)


def test_a_long_chinese_name_wraps_onto_the_next_row(make_receipt: MakeReceipt) -> None:
    name = "日本进口玻尿酸深层补水保湿焕颜护理套餐"  # 20 Han characters: 40 columns
    rows = render_receipt(make_receipt(lines=(ReceiptLine(name, 1, 1_00, 0, 1_00, None),)), 58)
    start = next(i for i, row in enumerate(rows) if row.startswith(name[:16]))
    assert rows[start].rstrip() == name[:16]
    assert rows[start + 1].rstrip() == name[16:]
    wide = render_receipt(make_receipt(lines=(ReceiptLine(name, 1, 1_00, 0, 1_00, None),)), 80)
    assert name in [row.rstrip() for row in wide]


def test_each_line_shows_name_price_quantity_total_discount_and_technician(
    make_receipt: MakeReceipt,
) -> None:
    text = "\n".join(render_receipt(make_receipt(), 58))
    for expected in ["精油开背", "￥198.00 x 2", "￥396.00", "优惠", "-￥20.00", "技师: 李娜"]:
        assert expected in text
    for expected in [
        "洗剪吹",
        "￥68.00 x 1",
        "技师: Tony",
        "玻尿酸补水面膜",
        "￥25.50 x 3",
        "￥76.50",
    ]:
        assert expected in text
    assert text.count("技师") == 2  # the third line has no technician


def test_amounts_are_right_aligned(make_receipt: MakeReceipt) -> None:
    rows = render_receipt(make_receipt(), 58)
    for label, amount in [("小计", "￥540.50"), ("合计", "￥510.00"), ("找零", "￥40.00")]:
        row = next(row for row in rows if row.startswith(label))
        assert row.endswith(amount) and display_width(row) == 32


def test_totals_tenders_and_change(make_receipt: MakeReceipt) -> None:
    rows = [" ".join(row.split()) for row in render_receipt(make_receipt(), 80)]
    for expected in [
        "单项优惠 -￥20.00",
        "小计 ￥540.50",
        "整单优惠 -￥10.00",
        "抹零 -￥0.50",
        "合计 ￥510.00",
        "微信支付 ￥300.00",
        "现金 ￥250.00",
        "找零 ￥40.00",
        "单号: A1-000123",
        "时间: 2026-11-23 14:05",
        "收银: 王芳",
        "顾客: 张三 138****8000",
        "丽人坊美容美发",
        "电话: 021-6488 1234",
        "谢谢惠顾，欢迎再次光临！",
        "会员热线 400-800-1234",
    ]:
        assert expected in rows


def test_rows_that_would_say_zero_are_left_out(make_receipt: MakeReceipt) -> None:
    receipt = make_receipt(
        customer=None,
        line_discounts=0,
        ticket_discount=0,
        rounding_off=0,
        change=0,
        lines=(ReceiptLine("洗剪吹", 1, 68_00, 0, 68_00, None),),
        tenders=(ReceiptTender("alipay", 68_00, 68_00),),
    )
    text = "\n".join(render_receipt(receipt, 58))
    for absent in ["顾客", "优惠", "抹零", "找零", "技师"]:
        assert absent not in text
    assert "支付宝" in text


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("cash", "现金"),
        ("bank_card", "银行卡"),
        ("wechat", "微信支付"),
        ("alipay", "支付宝"),
        ("stored_value", "储值"),
        ("package_session", "疗程卡"),
        ("points", "积分"),
        ("coupon", "优惠券"),
    ],
)
def test_each_tender_has_a_chinese_label(make_receipt: MakeReceipt, kind: str, label: str) -> None:
    rows = render_receipt(make_receipt(tenders=(ReceiptTender(kind, 510_00, 510_00),)), 58)
    assert any(row.startswith(label) and row.endswith("￥510.00") for row in rows)


def test_fullwidth_yuan_sign_only(make_receipt: MakeReceipt) -> None:
    receipt = make_receipt(footer="满¥300送¥50", store_name="¥丽人坊")
    text = "\n".join(render_receipt(receipt, 58))
    assert "¥" not in text
    assert "满￥300送￥50" in text and text.count("￥") > 10


def test_copy_note_is_printed_under_the_header(make_receipt: MakeReceipt) -> None:
    rows = [row.strip() for row in render_receipt(make_receipt(copy_note="作废 VOIDED"), 58)]
    assert rows.index("作废 VOIDED") < rows.index("单号: A1-000123")
    big = [row for row in layout_receipt(make_receipt(copy_note="作废 VOIDED"), 58)]
    assert any(row.text.strip() == "作废 VOIDED" and row.size.name == "BIG" for row in big)


def test_the_store_header_is_printed_under_its_name(make_receipt: MakeReceipt) -> None:
    receipt = make_receipt(header="营业时间 10:00–22:00\n会员日每周三")
    rows = [row.strip() for row in render_receipt(receipt, 58)]
    assert rows.index("营业时间 10:00–22:00") < rows.index("会员日每周三")
    assert rows.index("会员日每周三") < rows.index("单号: A1-000123")


def test_characters_a_printer_cannot_show_become_question_marks() -> None:
    assert wrap("玫瑰💆精油", 32) == ["玫瑰?精油"]
    assert display_width("A×·") == 5  # GBK prints × and · two columns wide in Chinese mode


def test_wrap_keeps_latin_words_whole() -> None:
    assert wrap("Deep Hydrating Facial Treatment", 15) == ["Deep Hydrating", "Facial", "Treatment"]


def test_unsupported_paper_width_is_refused(make_receipt: MakeReceipt) -> None:
    with pytest.raises(UnsupportedPaperWidth) as raised:
        render_receipt(make_receipt(), 76)
    assert "76" in raised.value.message("zh_CN") and "58" in raised.value.message("en")


def test_an_amount_is_never_split_across_rows() -> None:
    from salon_pos.devices.receipt import phrases, wrap

    assert wrap("已退款合计 ￥12,345.00", 12) == ["已退款合计", "￥12,345.00"]
    assert wrap("退 -￥98.00", 10) == ["退", "-￥98.00"]
    assert phrases(["重印 REPRINT", "已退款 ￥198.00"], 24) == ["重印 REPRINT", "已退款 ￥198.00"]
    assert phrases(["重印 REPRINT", "已退款 ￥1.00"], 26) == ["重印 REPRINT 已退款 ￥1.00"]
