"""CSV import of customers and the catalog, against a real SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from salon_pos.db.models import Customer, OutboxOperation, Product, ServiceItem
from salon_pos.domain.errors import (
    AmountTooLarge,
    DuplicateCode,
    DuplicatePhone,
    InvalidAmount,
    InvalidChoice,
    InvalidDate,
    InvalidPhone,
    NegativePrice,
    RequiredField,
    UserError,
)
from salon_pos.domain.stock import NotAPackSize, UnitChangeWithStock, UnknownUnit
from salon_pos.services.backend import Backend
from salon_pos.services.csv_rows import (
    CsvRecord,
    MalformedCsv,
    MissingColumns,
    NotText,
    RepeatedInFile,
    RowError,
    UnreadableFile,
)
from salon_pos.services.importing import (
    CUSTOMER_COLUMNS,
    BirthdayInFuture,
    DurationNotPositive,
    import_catalog,
    import_customers,
    import_rows,
)
from salon_pos.services.stock import ReceiptLine
from tests.conftest import Team


def write_csv(folder: Path, text: str, encoding: str = "utf-8", name: str = "data.csv") -> Path:
    """A file as Excel writes it: CRLF line ends, in the given encoding."""
    path = folder / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def count(backend: Backend, model: type, **where: str) -> int:
    with backend.db.read() as session:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return int(session.scalar(query) or 0)


def customers_by_phone(backend: Backend) -> dict[str, Customer]:
    with backend.db.read() as session:
        return {c.phone: c for c in session.scalars(select(Customer))}


def error_lines(errors: list[RowError]) -> list[tuple[int, type[UserError]]]:
    return [(e.line, type(e.reason)) for e in errors]


CHINESE = """姓名,手机,性别,生日,备注
张三,13800138000,女,1990-05-17,敏感肌
单田芳,+86 186-1111-2222,男,1985/1/9,
曾小贤,150 0000 1234,,,对果酸过敏
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_customers_in_each_encoding_excel_writes(
    backend: Backend, tmp_path: Path, encoding: str
) -> None:
    report = import_customers(backend, write_csv(tmp_path, CHINESE, encoding))

    assert (report.created, report.updated, report.unchanged, report.errors) == (3, 0, 0, [])
    saved = customers_by_phone(backend)
    assert set(saved) == {"13800138000", "18611112222", "15000001234"}
    zhang = saved["13800138000"]
    assert (zhang.name, zhang.gender, zhang.birthday, zhang.notes) == (
        "张三",
        "F",
        date(1990, 5, 17),
        "敏感肌",
    )
    assert saved["18611112222"].birthday == date(1985, 1, 9)
    assert saved["18611112222"].gender == "M"
    assert count(backend, OutboxOperation, type="customer.created") == 3
    assert [c.name for c in backend.customers.search("stf")] == ["单田芳"]


def test_english_headers_in_another_order_extra_column_and_multiline_notes(
    backend: Backend, tmp_path: Path
) -> None:
    text = (
        " Phone ,NOTES,会员等级,Name , BIRTHDAY,gender\n"  # line 1
        "13912345678,,金卡,李娜,,F\n"  # line 2
        '13700001111,"敏感肌\n对果酸过敏\n孕期，禁用精油",VIP,王芳,1992-02-29,女\n'  # lines 3-5
        "13600002222,,,赵敏,2023-02-30,女\n"  # line 6: no such date
    )
    report = import_customers(backend, write_csv(tmp_path, text))

    assert report.created == 2
    assert error_lines(report.errors) == [(6, InvalidDate)]
    notes = customers_by_phone(backend)["13700001111"].notes
    assert notes == "敏感肌\n对果酸过敏\n孕期，禁用精油"
    assert customers_by_phone(backend)["13700001111"].birthday == date(1992, 2, 29)


def test_each_bad_row_reported_on_its_line_and_nothing_of_it_saved(
    backend: Backend, tmp_path: Path
) -> None:
    backend.customers.add("钱多多", "13300003333")
    ops_before = count(backend, OutboxOperation)
    text = (
        "姓名,手机号,性别,生日,备注\n"  # 1
        "好客户,13100000001,女,,\n"  # 2 good
        ",13100000002,女,,\n"  # 3 no name
        "没电话,,女,,\n"  # 4 no phone
        "错电话,1310000abc,女,,\n"  # 5 not a phone
        "错性别,13100000005,X,,\n"  # 6 gender
        "错生日,13100000006,女,2023-02-30,\n"  # 7 not a real date
        "未来人,13100000007,女,2999-01-01,\n"  # 8 in the future
        "重复者,131 0000 0001,女,,\n"  # 9 phone already on line 2
        "冒名者,13300003333,女,,\n"  # 10 phone of 钱多多
        '"多行\n备注的好客户",13100000010,女,,"第一行\n第二行"\n'  # 11-12 good
        "最后一位,13100000013,男,1988/08/08,\n"  # 13 good
    )
    report = import_customers(backend, write_csv(tmp_path, text, "utf-8-sig"))

    assert report.created == 3
    assert error_lines(report.errors) == [
        (3, RequiredField),
        (4, RequiredField),
        (5, InvalidPhone),
        (6, InvalidChoice),
        (7, InvalidDate),
        (8, BirthdayInFuture),
        (9, RepeatedInFile),
        (10, DuplicatePhone),
    ]
    assert count(backend, Customer) == 1 + 3
    assert count(backend, OutboxOperation) == ops_before + 3
    assert customers_by_phone(backend)["13300003333"].name == "钱多多"
    zh, en = report.describe("zh_CN"), report.describe("en")
    assert "第 9 行：手机 13100000001 已在本文件第 2 行出现。" in zh
    assert "第 10 行：电话 13300003333 已属于客户 钱多多。" in zh
    assert "line 8: The birthday 2999-01-01 is in the future." in en
    assert en.splitlines()[0] == "3 created, 0 updated, 0 unchanged, 8 bad row(s)"


def test_same_phone_and_name_updates_only_changed_fields(backend: Backend, tmp_path: Path) -> None:
    backend.customers.add("张三", "13800138000", "F", notes="老客户")
    text = "name,phone,birthday,notes\n张三,+86 138-0013-8000,1990/05/17,\n"

    report = import_customers(backend, write_csv(tmp_path, text))

    assert (report.created, report.updated, report.errors) == (0, 1, [])
    zhang = customers_by_phone(backend)["13800138000"]
    assert (zhang.birthday, zhang.notes, zhang.gender) == (date(1990, 5, 17), "老客户", "F")
    assert count(backend, OutboxOperation, type="customer.updated") == 1
    assert count(backend, Customer) == 1


def test_importing_the_same_file_twice_adds_nothing(backend: Backend, tmp_path: Path) -> None:
    path = write_csv(tmp_path, CHINESE, "gbk")
    import_customers(backend, path)
    ops = count(backend, OutboxOperation)

    again = import_customers(backend, path)

    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 0, 3, [])
    assert count(backend, Customer) == 3
    assert count(backend, OutboxOperation) == ops


def test_a_missing_required_column_stops_the_whole_file(backend: Backend, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "姓名,性别\n张三,女\n")

    with pytest.raises(MissingColumns) as raised:
        import_customers(backend, path)

    assert "手机 phone" in raised.value.message("zh_CN")
    assert "nothing was imported" in raised.value.message("en")
    assert count(backend, Customer) == 0


def test_unreadable_files_are_clear_user_errors(backend: Backend, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        import_customers(backend, tmp_path / "missing.csv")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(NotText):
        import_customers(backend, binary)


def test_a_failing_row_leaves_nothing_behind_even_after_it_wrote(
    backend: Backend, tmp_path: Path
) -> None:
    """The savepoint, not the checks, keeps a bad row out: this row writes, then fails."""

    class WriteThenRefuse:
        def __init__(self) -> None:
            self.failed: list[int] = []

        def row_failed(self, line: int) -> None:
            self.failed.append(line)

        def __call__(self, session: Session, record: CsvRecord) -> str:
            return write_then_refuse(session, record)

    def write_then_refuse(session: Session, record: CsvRecord) -> str:
        session.execute(
            insert(OutboxOperation).values(
                id=f"op-{record.line}",
                device_id="d",
                seq=record.line,
                type="test",
                occurred_at=backend.clock.now(),
                payload_version=1,
                payload="{}",
            )
        )
        if record.get("name") == "bad":
            raise UserError()
        return "created"

    path = write_csv(tmp_path, "name,phone\ngood,1\nbad,2\ngood,3\n")
    rows = WriteThenRefuse()
    report = import_rows(backend, path, rows, CUSTOMER_COLUMNS, ("name",))

    assert report.created == 2 and [e.line for e in report.errors] == [3] == rows.failed
    assert count(backend, OutboxOperation, type="test") == 2


CATALOG = """kind,category,name,price,duration_min,skill,sku,barcode,cost
service,面部护理,补水保湿护理,198,60,facial,,,
服务,美甲,日式美甲,198.00,90,nail,,,
product,护肤品,玻尿酸精华,"¥1,980.5",,,SKU-001,6901234567892,50
商品,护肤品,洁面乳,88,,,SKU-002,,30.5
"""


def test_catalog_prices_in_yuan_become_fen(backend: Backend, tmp_path: Path) -> None:
    report = import_catalog(backend, write_csv(tmp_path, CATALOG))

    assert (report.created, report.errors) == (4, [])
    prices = {s.name: (s.price, s.duration_min, s.skill) for s in backend.catalog.services()}
    assert prices == {"补水保湿护理": (19800, 60, "facial"), "日式美甲": (19800, 90, "nail")}
    serum = backend.catalog.product_by_barcode("6901234567892")
    assert (serum.name, serum.price, serum.cost, serum.sku) == (
        "玻尿酸精华",
        198050,
        5000,
        "SKU-001",
    )
    assert count(backend, OutboxOperation, type="catalog.item_saved") == 4


def test_catalog_reimport_updates_by_key_without_duplicates(
    backend: Backend, tmp_path: Path
) -> None:
    import_catalog(backend, write_csv(tmp_path, CATALOG))
    assert import_catalog(backend, write_csv(tmp_path, CATALOG)).unchanged == 4

    changed = CATALOG.replace("198,60,facial", "218,60,").replace("88,,,SKU-002", "98,,,SKU-002")
    changed = changed.replace("¥1,980.5", "￥1,980.50")  # GBK has only the full-width yen sign
    report = import_catalog(backend, write_csv(tmp_path, changed, "gbk"))

    assert (report.created, report.updated, report.unchanged) == (0, 2, 2)
    assert count(backend, ServiceItem) == 2 and count(backend, Product) == 2
    facial = next(s for s in backend.catalog.services() if s.name == "补水保湿护理")
    assert (facial.price, facial.skill) == (21800, "facial")  # an empty skill keeps the old one


def test_catalog_bad_rows(backend: Backend, tmp_path: Path) -> None:
    backend.catalog.add_product("护肤品", "旧面霜", "OLD-1", 9900, barcode="6900000000012")
    ops_before = count(backend, OutboxOperation)
    text = (
        "类型,分类,名称,价格,时长,编号,条码,成本\n"  # 1
        "服务,身体护理,肩颈按摩,168,45,,,\n"  # 2 good
        "服务,身体护理,负价按摩,-168,45,,,\n"  # 3 negative price
        "商品,护肤品,无编号精华,128,,,,\n"  # 4 no SKU
        "商品,护肤品,撞码面霜,128,,SKU-9,6900000000012,\n"  # 5 barcode of 旧面霜
        "服务,身体护理,无时长,99,,,,\n"  # 6 no duration
        "服务,身体护理,零时长,99,0,,,\n"  # 7 zero minutes
        "套餐,身体护理,怪类型,99,30,,,\n"  # 8 unknown kind
        "商品,护肤品,乱价格,12块,,SKU-10,,\n"  # 9 not an amount
        "服务,身体护理,肩颈按摩,188,45,,,\n"  # 10 repeats line 2
        "商品,护肤品,新精华,128,,SKU-11,6901111111115,40\n"  # 11 good
        "商品,护肤品,同码精华,128,,SKU-12,6901111111115,40\n"  # 12 barcode of line 11
    )
    report = import_catalog(backend, write_csv(tmp_path, text, "gb18030"))

    assert report.created == 2
    assert error_lines(report.errors) == [
        (3, NegativePrice),
        (4, RequiredField),
        (5, DuplicateCode),
        (6, RequiredField),
        (7, DurationNotPositive),
        (8, InvalidChoice),
        (9, InvalidAmount),
        (10, RepeatedInFile),
        (12, DuplicateCode),
    ]
    assert count(backend, ServiceItem) == 1 and count(backend, Product) == 2
    assert count(backend, OutboxOperation) == ops_before + 2
    assert "第 5 行：条码 6900000000012 已被 旧面霜 使用。" in report.describe("zh_CN")


def test_catalog_stock_columns_set_unit_package_and_expiry(
    backend: Backend, tmp_path: Path
) -> None:
    text = (
        "类型,分类,名称,价格,编号,库存单位,包装规格,需效期\n"
        "商品,院装,玻尿酸原液,0,BB-1,毫升,500,是\n"
        "商品,护肤品,洁面乳,88,SKU-2,件,,\n"
        "商品,院装,按摩油,0,BB-2,升,1000,是\n"  # 4: not a stock unit
        "商品,院装,面膜粉,0,BB-3,克,半包,否\n"  # 5: not a package size
        "商品,院装,甲油胶,0,BB-4,ml,0,\n"  # 6: a package of nothing
        "商品,院装,封层胶,0,BB-5,ml,10,也许\n"  # 7: not a yes or no
    )
    report = import_catalog(backend, write_csv(tmp_path, text))

    assert report.created == 2
    assert error_lines(report.errors) == [
        (4, UnknownUnit),
        (5, NotAPackSize),
        (6, NotAPackSize),
        (7, InvalidChoice),
    ]
    with backend.db.read() as session:
        kept = {
            p.sku: (p.unit, p.pack_size, p.needs_expiry) for p in session.scalars(select(Product))
        }
    assert kept == {"BB-1": ("ml", 500, True), "SKU-2": ("piece", 1, False)}


def test_catalog_reimport_without_the_stock_columns_keeps_them(
    backend: Backend, team: Team, tmp_path: Path
) -> None:
    """A price list re-imported (no unit columns) leaves a back-bar product's unit, package
    and expiry rule as they are, and refuses a unit change while it holds stock."""
    serum = backend.catalog.add_product(
        "院装", "玻尿酸原液", "BB-1", 0, 30000, unit="ml", pack_size=500, needs_expiry=True
    )
    backend.stock.receive(
        [ReceiptLine(serum.id, 1, 30000, "L1", date(2027, 6, 1))], team.manager.id
    )
    prices = "类型,分类,名称,价格,编号,成本\n商品,院装,玻尿酸原液,0,BB-1,320\n"
    report = import_catalog(backend, write_csv(tmp_path, prices))

    assert (report.updated, report.errors) == (1, [])
    with backend.db.read() as session:
        held = session.get(Product, serum.id)
        assert held is not None
        assert (held.unit, held.pack_size, held.needs_expiry, held.cost) == ("ml", 500, True, 32000)
    pieces = "类型,分类,名称,价格,编号,库存单位\n商品,院装,玻尿酸原液,0,BB-1,件\n"
    report = import_catalog(backend, write_csv(tmp_path, pieces))
    assert error_lines(report.errors) == [(2, UnitChangeWithStock)]


def test_catalog_missing_price_column_imports_nothing(backend: Backend, tmp_path: Path) -> None:
    with pytest.raises(MissingColumns) as raised:
        import_catalog(backend, write_csv(tmp_path, "类型,分类,名称\n服务,美甲,修甲\n"))
    assert "价格 price" in raised.value.message("zh_CN")
    assert count(backend, ServiceItem) == 0


def test_a_corrected_row_after_a_bad_one_with_the_same_phone_is_imported(
    backend: Backend, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path, "姓名,手机,生日\n张三,13800138000,1990-02-30\n张三,13800138000,1990-02-28\n"
    )
    report = import_customers(backend, path)
    assert report.created == 1 and [e.line for e in report.errors] == [2]


def test_an_unclosed_quote_is_reported_with_its_line_and_imports_nothing(
    backend: Backend, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, 'name,phone\n李四,13900139000\n"张三,13800138000\n王五,137\n')
    with pytest.raises(MalformedCsv) as raised:
        import_customers(backend, path)
    assert "引号" in raised.value.message("zh_CN")
    assert backend.customers.search("ls") == []


def test_an_absurd_price_is_a_bad_row_not_a_crash(backend: Backend, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "kind,category,name,price,duration_min\n"
        "service,面部,补水,99999999999999999999,60\nservice,面部,清洁,98,30\n",
    )
    report = import_catalog(backend, path)
    assert report.created == 1 and [e.line for e in report.errors] == [2]
    assert isinstance(report.errors[0].reason, AmountTooLarge)
