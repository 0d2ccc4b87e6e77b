"""The `salon-pos` command: init, demo-data and import, as a shop would run them."""

from __future__ import annotations

from pathlib import Path

import pytest

from salon_pos.cli import main
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from tests.cli.conftest import run


def write_gbk(path: Path, text: str) -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    return path


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "测试店", "--counter", "A1") == 0
    assert "门店 测试店" in capsys.readouterr().out
    return home


def test_demo_data_fills_the_counter_and_prints_the_pins(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "demo-data", "--customers", "50", "--days", "3") == 0

    out = capsys.readouterr().out
    assert "测试店" in out
    assert "客户：50 位（新增 50）" in out and "customers" not in out
    for pin in ("0000", "8888", "1111", "1112", "2221"):
        assert pin in out
    backend = open_backend(Paths(home))
    try:
        assert len(backend.customers.search("13")) > 0
        assert len(backend.tickets.find(limit=500)) >= 3 * 8
    finally:
        backend.close()


def test_import_customers_exit_codes_and_line_numbers(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_gbk(
        tmp_path / "good.csv", "姓名,手机,性别\n张三,13800138000,女\n李四,139 0000 1111,男\n"
    )
    assert run(home, "import", "customers", str(good)) == 0
    assert "新增 2 条" in capsys.readouterr().out

    bad = write_gbk(
        tmp_path / "bad.csv",
        "姓名,手机,生日\n王五,13700001111,\n赵六,abc,\n张三,13800138000,2023-02-30\n",
    )
    assert run(home, "import", "customers", str(bad)) == 1
    out = capsys.readouterr().out
    assert "新增 1 条" in out
    assert "第 3 行：“abc”不是有效的电话号码。" in out
    assert "第 4 行：“2023-02-30”不是有效日期" in out


def test_english_report_and_a_file_missing_a_column(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,phone\n,13700001111\n", encoding="utf-8-sig")
    assert run(home, "import", "customers", str(bad)) == 1
    assert "line 2: name is required." in capsys.readouterr().out

    no_phone = tmp_path / "no_phone.csv"
    no_phone.write_text("name,gender\n王五,F\n", encoding="utf-8")
    assert run(home, "import", "customers", str(no_phone)) == 2
    assert "lacks the column(s) 手机 phone" in capsys.readouterr().err


def test_import_catalog(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = write_gbk(
        tmp_path / "catalog.csv",
        "类型,分类,名称,价格,时长,编号,条码,成本\n"
        "服务,美甲,日式美甲,168,90,,,\n"
        "商品,护肤品,玻尿酸精华,￥128.00,,SKU-1,6901234567892,50\n",
    )
    assert run(home, "import", "catalog", str(catalog)) == 0
    assert "新增 2 条" in capsys.readouterr().out
    assert run(home, "import", "catalog", str(catalog)) == 0
    assert "新增 0 条，更新 0 条，未变 2 条" in capsys.readouterr().out


def test_gui_on_a_counter_not_set_up_says_how_to_set_it_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path / "fresh"), "gui", "--screenshot", "x.png"]) == 2
    assert "salon-pos init" in capsys.readouterr().err


def test_init_needs_a_counter_prefix_and_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "h")
    with pytest.raises(SystemExit):
        main(["--home", home, "init", "--store-name", "店"])
    assert main(["--home", home, "init", "--store-name", "店", "--counter", "C3"]) == 0
    assert main(["--home", home, "init", "--store-name", "店", "--counter", "C4"]) == 2
    assert "C3" in capsys.readouterr().err
    assert (
        main(
            [
                "--home",
                home,
                "init",
                "--store-name",
                "店",
                "--counter",
                "C3",
                "--time-zone",
                "Mars/Base",
            ]
        )
        == 2
    )
