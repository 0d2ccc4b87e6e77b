from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from salon_pos.db.models import Customer, OutboxOperation
from salon_pos.domain.errors import DuplicatePhone, InvalidPhone, RequiredField, TooLong
from salon_pos.services.backend import Backend
from salon_pos.services.customers import NAME_MAX, NOTES_MAX
from salon_pos.services.importing import import_customers


@pytest.fixture
def regulars(backend: Backend) -> Backend:
    for name, phone in [
        ("张三", "13800138000"),
        ("张珊珊", "13912345678"),
        ("单田芳", "18611112222"),
        ("曾小贤", "15000001234"),
        ("Lucy王", "17755556666"),
    ]:
        backend.customers.add(name, phone)
    return backend


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("zs", {"张三", "张珊珊"}),
        ("zss", {"张珊珊"}),
        ("zhangs", {"张三", "张珊珊"}),
        ("张", {"张三", "张珊珊"}),
        ("ZS", {"张三", "张珊珊"}),
        ("stf", {"单田芳"}),  # 单 as a surname reads Shan
        ("zxx", {"曾小贤"}),
        ("1234", {"张珊珊", "曾小贤"}),  # phone digits, any part
        ("0013", {"张三"}),
        ("186", {"单田芳"}),
        ("13", {"张三", "张珊珊"}),  # one or two digits: by prefix
        ("lucy", {"Lucy王"}),
        ("nobody", set()),
        ("", set()),
    ],
)
def test_search_by_phone_digits_name_and_pinyin(
    regulars: Backend, query: str, names: set[str]
) -> None:
    assert {c.name for c in regulars.customers.search(query)} == names


def test_edit_keeps_search_keys_and_phone_index_current(regulars: Backend) -> None:
    zhang = regulars.customers.search("13800138000")[0]
    from dataclasses import replace

    regulars.customers.update(replace(zhang, name="李三", phone="13100009999"))
    assert regulars.customers.search("zs") and all(
        c.name != "李三" for c in regulars.customers.search("zs")
    )
    assert [c.name for c in regulars.customers.search("ls")] == ["李三"]
    assert [c.name for c in regulars.customers.search("0999")] == ["李三"]
    assert regulars.customers.search("0013800") == []


def test_one_customer_per_phone_and_clear_errors(regulars: Backend) -> None:
    with regulars.db.read() as s:
        before = s.scalar(select(func.count()).select_from(OutboxOperation))
    with pytest.raises(DuplicatePhone) as raised:
        regulars.customers.add("另一个张三", "+86 138-0013-8000")
    assert "张三" in raised.value.message("zh_CN")
    with pytest.raises(InvalidPhone):
        regulars.customers.add("王五", "abc")
    with pytest.raises(RequiredField):
        regulars.customers.add(" ", "13300001111")
    with regulars.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 5
        assert s.scalar(select(func.count()).select_from(OutboxOperation)) == before


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("张三", {"张三", "张 三"}),
        ("zhang san", {"张三", "张 三"}),
        ("anna", {"王 Anna"}),
        ("wanganna", {"王 Anna"}),
        ("138-0013", {"张三"}),
        ("+86 186", {"单田芳"}),
        ("(150)", {"曾小贤"}),
    ],
)
def test_spaces_and_phone_punctuation_do_not_matter(
    regulars: Backend, query: str, names: set[str]
) -> None:
    regulars.customers.add("张 三", "13300000001")
    regulars.customers.add("王 Anna", "13300000002")
    assert {c.name for c in regulars.customers.search(query)} == names


# Field limits: what the server would refuse (and park, with every later edit) is refused here.


def count_of(backend: Backend, model: type) -> int:
    with backend.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("name", "notes", "zh", "en"),
    [
        ("张" * 65, "", "姓名过长：共 65 个字符，最多 64 个。", "name is too long"),
        ("王芳", "敏" * 2001, "备注过长：共 2001 个字符，最多 2000 个。", "notes is too long"),
        ("A" * 80, "x" * 12_000, "姓名过长", "at most 64"),  # the name is checked first
    ],
)
def test_a_name_or_notes_longer_than_the_server_takes_is_refused_before_anything_is_written(
    backend: Backend, name: str, notes: str, zh: str, en: str
) -> None:
    customers, ops = count_of(backend, Customer), count_of(backend, OutboxOperation)
    with pytest.raises(TooLong) as raised:
        backend.customers.add(name, "13800138000", notes=notes)
    assert zh in raised.value.message("zh_CN")
    assert en in raised.value.message("en") and raised.value.message("en").isascii()
    assert count_of(backend, Customer) == customers
    assert count_of(backend, OutboxOperation) == ops


def test_the_longest_name_and_notes_the_server_takes_are_saved(backend: Backend) -> None:
    saved = backend.customers.add(
        " " + "张" * NAME_MAX + " ", "13800138000", notes="敏" * NOTES_MAX
    )
    assert len(backend.customers.get(saved.id).name) == NAME_MAX  # spaces around do not count
    assert len(backend.customers.get(saved.id).notes) == NOTES_MAX


def test_an_edit_is_refused_only_for_a_field_it_makes_too_long(backend: Backend) -> None:
    from dataclasses import replace

    anna = backend.customers.add("张美丽", "13800138000")
    with pytest.raises(TooLong):
        backend.customers.update(replace(anna, name="张" * 65))
    with pytest.raises(TooLong):
        backend.customers.update(replace(anna, notes="敏" * 2001))
    assert backend.customers.get(anna.id) == anna
    # Notes merged on the server may have grown past the limit: other edits still go through.
    with backend.db.write() as s:
        s.execute(update(Customer).where(Customer.id == anna.id).values(notes="敏" * 5000))
    grown = backend.customers.get(anna.id)
    assert backend.customers.update(replace(grown, phone="13900001111")).phone == "13900001111"


def test_a_csv_row_too_long_is_reported_by_its_line(backend: Backend, tmp_path: Path) -> None:
    csv = tmp_path / "customers.csv"
    csv.write_text(
        "姓名,手机号,备注\n"  # 1
        f"{'张' * 80},13100000001,\n"  # 2 name too long
        f"王芳,13100000002,{'敏' * 12_000}\n"  # 3 notes too long
        "李娜,13100000003,常客\n",  # 4 good
        encoding="utf-8",
    )
    report = import_customers(backend, csv)
    assert report.created == 1
    assert [(e.line, type(e.reason)) for e in report.errors] == [(2, TooLong), (3, TooLong)]
    assert "第 3 行：备注过长" in report.errors[1].describe("zh_CN")
    assert [c.name for c in backend.customers.search("131")] == ["李娜"]


def test_profiles_reads_many_customers_at_once_and_leaves_out_unknown_ids(
    backend: Backend,
) -> None:
    made = [backend.customers.add(f"客{i}", f"1380000{i:04d}") for i in range(1000)]
    found = backend.customers.profiles([c.id for c in made] + ["no-such-id"])
    assert found == {c.id: c for c in made}
