import pytest
from sqlalchemy import func, select

from salon_pos.db.models import Customer, OutboxOperation
from salon_pos.domain.errors import DuplicatePhone, InvalidPhone, RequiredField
from salon_pos.services.backend import Backend


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
