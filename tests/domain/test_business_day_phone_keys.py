from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.business_day import business_day
from salon_pos.domain.errors import InvalidPhone
from salon_pos.domain.phone import normalize_phone
from salon_pos.domain.search_keys import _syllables, name_search_keys


def test_business_day_turns_over_at_the_cutover_hour_in_the_store_time_zone() -> None:
    # 19:30 UTC = 03:30 next morning in Shanghai: before a 04:00 cut-over, still the evening before
    assert business_day(datetime(2026, 11, 20, 19, 30, tzinfo=UTC), "Asia/Shanghai", 4) == date(
        2026, 11, 20
    )
    assert business_day(datetime(2026, 11, 20, 20, 30, tzinfo=UTC), "Asia/Shanghai", 4) == date(
        2026, 11, 21
    )


@pytest.mark.parametrize(
    "text",
    ["13800138000", "+86 138-0013-8000", "0086 13800138000", "138 0013 8000", "(021)6231-2345"],
)
def test_phones_are_reduced_to_digits(text: str) -> None:
    assert normalize_phone(text).isdigit()
    assert normalize_phone("+86 138-0013-8000") == "13800138000"


@pytest.mark.parametrize(
    "text",
    ["", "abc", "12", "138001380001234567", "１３８００１３８０００", "1380013800", "138001380001"],
)
def test_bad_phones_are_refused(text: str) -> None:
    with pytest.raises(InvalidPhone):
        normalize_phone(text)


def test_name_keys_cover_initials_full_pinyin_and_every_surname_reading() -> None:
    assert {"张三", "zs", "zhangsan"} <= name_search_keys("张三")
    assert {"stf", "shantianfang"} <= name_search_keys("单田芳")  # 单 read Shan as a surname
    assert {"zxx", "zengxiaoxian"} <= name_search_keys("曾小贤")
    assert name_search_keys("Lucy") == {"lucy"}
    assert {"wanglucy", "wl"} <= name_search_keys("王 Lucy")


def test_rare_readings_of_common_surnames_are_not_indexed() -> None:
    keys = name_search_keys("于妍芳")
    assert "yyf" in keys
    assert not any(key.startswith(("w", "x")) for key in keys)


# Surnames, given-name characters, and characters that make phrases in pypinyin's dictionary
# across a name's characters (长孙, 单于, 重庆, 行长, 银行 …), where a reading depends on the word.
_NAME_CHARACTERS = "王李张曾单长孙于重庆银行了都乐查解朴芳娜敏静丽雪琳中国人民大 Anna·-2"


@given(st.text(_NAME_CHARACTERS, min_size=1, max_size=6))
def test_readings_kept_by_word_are_those_of_the_whole_name(name: str) -> None:
    from pypinyin import Style, lazy_pinyin

    whole = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    assert _syllables(name) == [s.strip().lower() for s in whole if s.strip()]
