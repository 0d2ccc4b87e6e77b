"""Customer import at scale: batches, progress, a stop and a rerun, what the batch writes, and
the files people bring from Excel and from other salon software."""

from __future__ import annotations

import gc
import json
from datetime import date
from pathlib import Path
from threading import Event

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from salon_pos.db.audit import verify_chain
from salon_pos.db.models import AuditEntry, Customer, OutboxOperation
from salon_pos.domain.customer_profile import PROFILE_FIELDS
from salon_pos.services import customer_import, import_batches
from salon_pos.services.backend import Backend
from salon_pos.services.csv_rows import ReadAsTabSeparated, ReadAsUtf16
from salon_pos.services.customer_import import PhonesMangledByExcel
from salon_pos.services.import_report import ImportProgress
from salon_pos.services.importing import import_customers
from sync.operations.customers import CustomerCreatedV2
from tests.services.test_importing import count, customers_by_phone, write_csv


def plain_rows(rows: int, first: int = 0) -> str:
    lines = ["姓名,手机,性别,生日,备注"]
    lines += [f"客户{n},139{n:08d},女,1990-01-{n % 28 + 1},备注{n}" for n in range(first, rows)]
    return "\n".join(lines) + "\n"


def test_deleting_a_customers_search_keys_uses_an_index(backend: Backend) -> None:
    """Without it every customer write scanned all keys: imports grew with the square."""
    with backend.db.read() as session:
        plan = session.execute(
            text("EXPLAIN QUERY PLAN DELETE FROM customer_search_key WHERE customer_id = 'x'")
        ).all()
    assert "USING COVERING INDEX" in str(plan) or "USING INDEX" in str(plan), plan


def test_progress_a_stop_between_batches_and_a_rerun_that_adds_nothing_twice(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_batches, "BATCH_ROWS", 100)
    path = write_csv(tmp_path, plain_rows(250))
    stop, seen = Event(), []

    def progress(done: ImportProgress) -> None:
        seen.append((done.done, done.total))
        stop.set()  # as Ctrl-C or Cancel during the first batch

    first = import_customers(backend, path, progress=progress, stop=stop)

    assert seen == [(100, 250)]
    assert first.stopped and (first.created, first.total, first.last_line) == (100, 250, 101)
    stopped = "已停止：已处理 100 / 250 行（至第 101 行），其中保存 100 行。"
    assert stopped in first.describe("zh_CN")
    assert "Import the same file again to continue" in first.describe("en")
    assert count(backend, Customer) == 100 == count(backend, OutboxOperation)

    seen.clear()
    again = import_customers(backend, path, progress=lambda p: seen.append((p.done, p.total)))

    assert seen == [(100, 250), (200, 250), (250, 250)]
    assert (again.created, again.unchanged, again.stopped) == (150, 100, False)
    assert count(backend, Customer) == 250
    assert count(backend, OutboxOperation, type="customer.created") == 250


def test_a_batch_stores_what_one_customer_at_a_time_stores(
    backend: Backend, tmp_path: Path
) -> None:
    backend.customers.add("钱多多", "13300003333", "F", date(1980, 3, 4), "老客户")
    path = write_csv(tmp_path, "姓名,手机,性别,生日,备注\n张三,13800138000,女,1990-05-17,敏感肌\n")
    import_customers(backend, path)

    with backend.db.read() as session:
        one, batch = session.scalars(select(Customer).order_by(Customer.id)).all()
        ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        audit = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert verify_chain(session) is None
    assert batch.created_at == one.created_at == backend.clock.now()  # aware UTC both
    assert (batch.birthday, batch.gender, batch.notes) == (date(1990, 5, 17), "F", "敏感肌")
    assert batch.stamps.keys() == one.stamps.keys() and batch.stamps["name"] > one.stamps["name"]
    assert [op.seq for op in ops] == [1, 2] and [op.type for op in ops] == ["customer.created"] * 2
    payload = json.loads(ops[1].payload)
    profile = {k: v for k, v in payload.items() if k in PROFILE_FIELDS}  # left empty by imports
    assert profile == CustomerCreatedV2(id="x", name="x", phone="1", hlc="x").model_dump(
        include=set(PROFILE_FIELDS)
    )
    assert {k: v for k, v in payload.items() if k not in PROFILE_FIELDS} == {
        "id": batch.id,
        "name": "张三",
        "phone": "13800138000",
        "gender": "F",
        "birthday": "1990-05-17",
        "notes": "敏感肌",
        "hlc": batch.stamps["name"],
    }
    assert [a.action for a in audit][-2:] == ["customer.created", "customer.created"]
    assert audit[-1].at == ops[1].occurred_at
    assert [c.name for c in backend.customers.search("zs")] == ["张三"]


def test_a_batch_the_database_refuses_is_saved_row_by_row(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise IntegrityError("INSERT …", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr(customer_import, "create_customers", refuse)
    report = import_customers(backend, write_csv(tmp_path, plain_rows(3)))
    assert (report.created, report.bad_rows) == (3, 0)
    assert count(backend, OutboxOperation, type="customer.created") == 3
    assert [c.name for c in backend.customers.search("0000002")] == ["客户2"]


def phone_trigger(backend: Backend) -> str | None:
    with backend.db.read() as session:
        return session.scalar(
            text("SELECT sql FROM sqlite_master WHERE name = 'customer_phone_ai'")
        )


def test_imported_phones_are_indexed_in_bulk_and_the_trigger_is_back(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import adds its customers to the phone index with one statement a batch, its
    insert trigger dropped meanwhile; every other write still goes through the trigger."""
    monkeypatch.setattr(import_batches, "BATCH_ROWS", 100)
    trigger = phone_trigger(backend)
    backend.customers.add("钱多多", "13300003333")
    report = import_customers(backend, write_csv(tmp_path, plain_rows(250)))

    assert report.created == 250 and phone_trigger(backend) == trigger
    assert [c.phone for c in backend.customers.search("00000249")] == ["13900000249"]
    assert [c.name for c in backend.customers.search("0003333")] == ["钱多多"]
    backend.customers.add("孙悟空", "13712345678")  # after the import: the trigger again
    assert [c.name for c in backend.customers.search("1234567")] == ["孙悟空"]
    with backend.db.write() as session:  # the index matches the table, row for row
        session.execute(
            text("INSERT INTO customer_phone_fts (customer_phone_fts) VALUES ('integrity-check')")
        )
        indexed = session.scalar(text("SELECT count(*) FROM customer_phone_fts_docsize"))
    assert indexed == count(backend, Customer) == 252


def test_a_batch_that_fails_leaves_neither_rows_nor_a_missing_trigger(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trigger = phone_trigger(backend)

    def broken(*_args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(customer_import, "create_customers", broken)
    with pytest.raises(RuntimeError):
        import_customers(backend, write_csv(tmp_path, plain_rows(3)))
    assert phone_trigger(backend) == trigger and count(backend, Customer) == 0


def test_columns_from_other_salon_software_and_the_ones_left_out(
    backend: Backend, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path,
        "会员卡号,会员姓名,手机号码,会员等级,客户姓名\nVIP0001,林小雨,13911112222,金卡,林雨\n",
    )
    report = import_customers(backend, path)

    assert report.created == 1 and customers_by_phone(backend)["13911112222"].name == "林小雨"
    zh, en = report.describe("zh_CN"), report.describe("en")
    assert "以下列未导入（本系统没有对应的字段）：会员卡号、会员等级、客户姓名" in zh
    assert "Column(s) not imported (no place for them here): 会员卡号、会员等级、客户姓名" in en


def test_new_notes_are_added_to_the_saved_ones_never_replace_them(
    backend: Backend, tmp_path: Path
) -> None:
    backend.customers.add("张三", "13800138000", notes="老客户，喜欢安静")
    backend.customers.add("李四", "13900139000")
    rows = "姓名,手机,备注\n张三,13800138000,对果酸过敏\n李四,13900139000,新客\n"
    path = write_csv(tmp_path, rows)

    first = import_customers(backend, path)
    again = import_customers(backend, path)

    saved = customers_by_phone(backend)
    assert saved["13800138000"].notes == "老客户，喜欢安静\n对果酸过敏"
    assert saved["13900139000"].notes == "新客"
    assert (first.updated, again.updated, again.unchanged) == (2, 0, 2)


def test_phones_turned_into_numbers_by_excel_stop_the_file_with_what_to_do(
    backend: Backend, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, "姓名,手机\n张三,13800138000\n李四,1.38001E+10\n")

    with pytest.raises(PhonesMangledByExcel) as raised:
        import_customers(backend, path)

    assert "第 3 行" in raised.value.message("zh_CN") and "文本" in raised.value.message("zh_CN")
    assert "format the phone column as Text" in raised.value.message("en")
    assert count(backend, Customer) == 0


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b"\xfe\xff")]
)
def test_excel_unicode_text_utf16_and_tab_separated(
    backend: Backend, tmp_path: Path, encoding: str, bom: bytes
) -> None:
    text_ = "姓名\t手机\t备注\n张三\t13800138000\t敏感肌, 对果酸过敏\n单田芳\t18611112222\t\n"
    path = tmp_path / "客户.txt"
    path.write_bytes(bom + text_.replace("\n", "\r\n").encode(encoding))

    report = import_customers(backend, path)

    assert (report.created, report.bad_rows) == (2, 0)
    assert customers_by_phone(backend)["13800138000"].notes == "敏感肌, 对果酸过敏"
    assert [type(n) for n in report.notices] == [ReadAsUtf16, ReadAsTabSeparated]
    assert "UTF-16" in report.describe("zh_CN") and "制表符" in report.describe("zh_CN")


def test_a_tab_separated_utf8_file(backend: Backend, tmp_path: Path) -> None:
    report = import_customers(backend, write_csv(tmp_path, "name\tphone\n王芳\t13700001111\n"))
    assert report.created == 1 and [type(n) for n in report.notices] == [ReadAsTabSeparated]


def test_a_file_of_bad_rows_lists_the_first_thousand_and_counts_the_rest(
    backend: Backend, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, "姓名,手机\n" + "无电话,\n" * 1_200)
    report = import_customers(backend, path)
    assert (report.bad_rows, len(report.errors)) == (1_200, 1_000)
    assert report.describe("zh_CN").endswith("……另有 200 行出错，未逐一列出。")


def test_no_full_garbage_collection_while_importing(backend: Backend, tmp_path: Path) -> None:
    """A full collection walks every object of the process; the thresholds come back after."""
    before, during = gc.get_threshold(), []
    import_customers(
        backend,
        write_csv(tmp_path, plain_rows(3)),
        progress=lambda _: during.append(gc.get_threshold()),
    )
    assert during and during[0][:2] == before[:2] and during[0][2] > 1_000 * before[2]
    assert gc.get_threshold() == before
