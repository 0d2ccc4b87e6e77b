"""`salon-pos staff …` and `salon-pos catalog …`: what works, and bad input refused in one
sentence on stderr with exit 2, changing nothing. PINs come from standard input, never argv."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation, Product, ServiceItem, Staff
from salon_pos.paths import Paths
from salon_pos.security.pins import pin_matches
from salon_pos.services.backend import open_backend
from tests.cli.conftest import run


def feed(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def state(home: Path) -> tuple[object, ...]:
    backend = open_backend(Paths(home))
    try:
        with backend.db.read() as session:
            staff = [
                (s.name, s.role, s.active, s.phone, s.pin_hash)
                for s in session.scalars(select(Staff).order_by(Staff.id))
            ]
            services = [(i.name, i.price, i.active) for i in session.scalars(select(ServiceItem))]
            products = [
                (i.name, i.sku, i.barcode, i.active) for i in session.scalars(select(Product))
            ]
            outbox = session.scalar(select(func.count()).select_from(OutboxOperation))
        return staff, services, products, outbox
    finally:
        backend.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store with its manager (PIN 8888), a technician and one service and one product."""
    home = tmp_path / "home"
    assert run(home, "init", "--store-name", "丽人", "--counter", "A1") == 0
    feed(monkeypatch, "8888")
    assert run(home, "staff", "add", "--name", "王店长", "--role", "manager", "--pin-stdin") == 0
    feed(monkeypatch, "2222", "8888")
    args = ["--skills", "facial,nail", "--phone", "138 0013 8000", "--pin-stdin"]
    assert run(home, "staff", "add", "--name", "李娜", "--role", "technician", *args) == 0
    service = ["--category", "面部护理", "--name", "补水保湿", "--price", "198", "--duration", "60"]
    assert run(home, "catalog", "add-service", *service) == 0
    product = ["--category", "护肤品", "--name", "精华", "--sku", "S1", "--price", "128.5"]
    assert run(home, "catalog", "add-product", *product, "--barcode", "690123") == 0
    return home


def test_staff_and_catalog_are_added_listed_and_edited(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(home, "staff", "list") == 0
    listed = capsys.readouterr().out
    assert "王店长  店长" in listed and "李娜  技师  facial,nail  13800138000" in listed
    feed(monkeypatch, "3333", "8888")
    assert run(home, "staff", "set-pin", "李娜", "--pin-stdin") == 0
    staff = state(home)[0]
    assert pin_matches(str(staff[1][4]), "3333")  # type: ignore[index]
    assert run(home, "catalog", "edit", "补水保湿", "--price", "228") == 0
    assert run(home, "catalog", "hide", "690123") == 0
    capsys.readouterr()
    assert run(home, "catalog", "list", "--search", "bsbs") == 0
    assert "¥228.00" in capsys.readouterr().out
    assert run(home, "catalog", "list", "--kind", "products") == 0
    assert "精华（已隐藏）" in capsys.readouterr().out
    assert run(home, "staff", "deactivate", "李娜") == 0
    assert state(home)[0][1][2] is False  # type: ignore[index]


def test_pins_are_never_in_the_audit_log(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = open_backend(Paths(home))
    try:
        with backend.db.read() as session:
            audit = [
                (a.before or "") + (a.after or "") for a in session.scalars(select(AuditEntry))
            ]
            ops = [json.loads(o.payload) for o in session.scalars(select(OutboxOperation))]
    finally:
        backend.close()
    assert audit and not any("8888" in a or "2222" in a or "argon2" in a for a in audit)
    hashes = [op["pin_hash"] for op in ops if "pin_hash" in op]
    assert len(hashes) == 2 and all(h.startswith("$argon2") for h in hashes)


TECH = ["staff", "add", "--name", "新人", "--role", "technician", "--pin-stdin"]


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (["catalog", "add-service", "--category", "面部", "--name", "新", "--price", "-1",
          "--duration", "30"], (), "价格不能为负数"),
        (["catalog", "add-service", "--category", "面部", "--name", "新", "--price", "abc",
          "--duration", "30"], (), "不是有效金额"),
        (["catalog", "add-service", "--category", "面部", "--name", "新", "--price", "1",
          "--duration", "0"], (), "时长须大于 0"),
        (["catalog", "add-product", "--category", "护肤品", "--name", "面霜", "--sku", "S2",
          "--price", "99", "--barcode", "690123"], (), "条码 690123 已被 精华 使用"),
        (["catalog", "edit", "精华", "--duration", "30"], (), "不适用于商品“精华”"),
        (["catalog", "hide", "没有这个"], (), "价目表中没有"),
        ([*TECH[:3], " ", *TECH[4:]], (), "姓名为必填项"),
        (TECH, ("123", "8888"), "4 到 8 位数字"),
        (["staff", "add", "--name", "新店长", "--role", "manager", "--pin-stdin"], ("8888", "8888"),
         "已有另一位在职的店长或老板使用这个 PIN"),
        (TECH, ("4444", "2222"), "不属于店长或老板"),
        (["staff", "deactivate", "王店长"], (), "最后一位在职的店长或老板"),
        (["staff", "edit", "王店长", "--role", "technician"], (), "最后一位在职的店长或老板"),
        (["staff", "set-pin", "李娜", "--pin-stdin"], ("5555",), "标准输入在读到店长的 PIN"),
    ],
)  # fmt: skip
def test_bad_input_is_one_sentence_and_exit_2_changing_nothing(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    stdin: tuple[str, ...],
    said: str,
) -> None:
    before = state(home)
    capsys.readouterr()
    feed(monkeypatch, *stdin)
    assert run(home, *args) == 2
    err = capsys.readouterr().err.strip()
    assert said in err and "\n" not in err and "Traceback" not in err
    assert state(home) == before


def test_english_when_asked_and_argparse_in_the_same_language(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    capsys.readouterr()
    assert run(home, "staff", "deactivate", "王店长") == 2
    assert "last active manager or owner" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        run(home, "staff", "add", "--name", "x", "--role", "boss")
    assert stopped.value.code == 2 and "invalid choice" in capsys.readouterr().err
    monkeypatch.delenv("SALON_POS_LANG")
    with pytest.raises(SystemExit):
        run(home, "staff", "add", "--name", "x", "--role", "boss")
    assert "无效的选择" in capsys.readouterr().err


def test_the_pin_is_not_an_argument(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(home, "staff", "set-pin", "李娜", "--pin", "1234")
    assert "--pin" in capsys.readouterr().err


def test_the_prompt_asks_the_new_pin_twice(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["4321", "4312"])
    prompts: list[str] = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    before = state(home)
    assert run(home, "staff", "set-pin", "李娜") == 2
    assert prompts == ["新 PIN：", "再输入一次新 PIN："]
    assert "两次输入的 PIN 不一致" in capsys.readouterr().err
    assert state(home) == before
    answers = iter(["4321", "4321", "8888"])
    assert run(home, "staff", "set-pin", "李娜") == 0
    assert prompts[-1] == "店长或老板的 PIN（授权）："
    assert pin_matches(str(state(home)[0][1][4]), "4321")  # type: ignore[index]
