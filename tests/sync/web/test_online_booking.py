"""A store's public booking page (SQLite and PostgreSQL): it offers the bookable services and
only free starts (from the schedules and bookings the server holds, by the counter's slot
finder); a request is checked again and becomes a requested online booking every counter pulls,
a taken start is refused with the fresh ones, requests are limited per address and per phone,
two at once book a start once, and no page shows a customer, a phone, a technician or the
store's id."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from sync.operations.bookings import BOOKING_MADE, SCHEDULE_SAVED
from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from sync.server.online_booking import RequestRefused, booking_key, request_booking
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_bookings import EVERY_DAY, at, stamp
from tests.sync.web.conftest import Browser

# The server's clock: Friday 2026-11-20 14:30 in Shanghai; tomorrow is Saturday the 21st.
TOMORROW = "2026-11-21"
STARTS = re.compile(r'name="start" value="([^"]+)"')
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Salon:
    """One facial technician (李娜) and one nail technician (王芳), both 9:00–21:00 with a
    break at 12:00; a facial, a manicure, a hidden service, one with no length and a product;
    张三 booked with 李娜 tomorrow 15:00–16:00."""

    def __init__(self, server: Server, device: Device) -> None:
        self.li_na = builders.staff() | {"name": "李娜", "skills": ["facial"]}
        self.wang = builders.staff() | {"name": "王芳", "skills": ["nail"]}
        self.facial = builders.catalog_item(28_800) | {"name": "补水护理", "skill": "facial"}
        self.nails = builders.catalog_item(9_950) | {
            "category": "美甲", "name": "日式美甲", "duration_min": 45, "skill": "nail"
        }  # fmt: skip
        self.hidden = builders.catalog_item(100) | {"name": "停售项目", "active": False}
        self.no_length = builders.catalog_item(100) | {"name": "咨询", "duration_min": None}
        self.product = builders.catalog_item(5_000) | {"kind": "product", "name": "面膜"}
        self.zhang = builders.customer("13800138000")
        ops = [device.op(STAFF_SAVED, s) for s in (self.li_na, self.wang)]
        items = (self.facial, self.nails, self.hidden, self.no_length, self.product)
        ops += [device.op(CATALOG_ITEM_SAVED, i) for i in items]
        ops += [device.op(CUSTOMER_CREATED, self.zhang)]
        ops += [
            device.op(SCHEDULE_SAVED, {"staff_id": s["id"], "pattern": EVERY_DAY, "hlc": stamp(0)})
            for s in (self.li_na, self.wang)
        ]
        self.booked = {
            "id": builders.new_id(),
            "customer_id": self.zhang["id"],
            "technician_id": self.li_na["id"],
            "requested": True,
            "start": at(15, day=builders.AT.replace(day=21, tzinfo=None)),
            "end": at(16, day=builders.AT.replace(day=21, tzinfo=None)),
            "services": [{"service_id": self.facial["id"], "name": "补水护理", "minutes": 60}],
            "hlc": stamp(1),
        }
        ops += [device.op(BOOKING_MADE, self.booked)]
        answer = server.push(device, ops)
        assert [r["status"] for r in answer["results"]] == ["applied"] * len(ops)
        self.key = booking_key(server.store_id)

    def secrets(self, server: Server) -> list[str]:
        """What the public must never read: people, phones, ids."""
        people = (self.li_na, self.wang, self.zhang)
        return [*(p["name"] for p in people), *(p["id"] for p in people), "13800138000",
                self.booked["id"], server.store_id]  # fmt: skip


class Visitor:
    """A phone's browser, from its own address: reads tokens and free starts off the page."""

    def __init__(self, server: Server, salon: Salon, address: str = "203.0.113.7") -> None:
        self.client = TestClient(server.client.app, client=(address, 50000))
        self.salon = salon

    def day(self, service: dict[str, Any], day: str = TOMORROW) -> Response:
        params = {"service": service["id"], "day": day}
        return self.client.get(f"/book/{self.salon.key}", params=params)

    def starts(self, service: dict[str, Any], day: str = TOMORROW) -> list[str]:
        page = self.day(service, day)
        assert page.status_code == 200, page.text
        return [s[11:] for s in STARTS.findall(page.text)]

    def send(
        self, service: dict[str, Any], start: str, name: str = "林小姐", phone: str = "13912345678"
    ) -> Response:
        page = self.day(service, start[:10])
        token = TOKEN.search(page.text)
        assert token, page.text
        form = {"csrf_token": token.group(1), "service": service["id"], "start": start}
        form |= {"name": name, "phone": phone}
        return self.client.post(f"/book/{self.salon.key}", data=form, follow_redirects=False)


@pytest.fixture
def salon(server: Server) -> Salon:
    return Salon(server, server.enroll())


def test_the_page_offers_bookable_services_and_only_free_starts(
    server: Server, salon: Salon
) -> None:
    visitor = Visitor(server, salon)
    page = visitor.client.get(f"/book/{salon.key}")
    assert page.status_code == 200
    assert "补水护理" in page.text and "60 分钟" in page.text and "¥288" in page.text
    assert "日式美甲" in page.text and "45 分钟" in page.text and "¥99.50" in page.text
    for not_offered in ("停售项目", "咨询", "面膜"):
        assert not_offered not in page.text
    starts = visitor.starts(salon.facial)
    # 李娜 alone does facials: her break (12:00–12:30) and 张三's 15:00 are not offered.
    assert starts[:9] == ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30",
                          "10:45", "11:00"]  # fmt: skip
    assert "11:15" not in starts and "12:30" in starts
    assert "14:00" in starts and "16:00" in starts and starts[-1] == "20:00"
    for taken in ("14:15", "14:30", "14:45", "15:00", "15:30", "15:45"):
        assert taken not in starts
    # Today (14:30 now): from half an hour on; the nails' technician is free all day.
    assert visitor.starts(salon.nails, "2026-11-20")[0] == "15:00"
    assert visitor.starts(salon.nails)[:2] == ["09:00", "09:15"]
    assert visitor.starts(salon.facial, "2026-12-04") == []  # today + 14: not offered
    days = re.findall(r'data-day="([^"]+)"', visitor.day(salon.facial).text)
    assert (len(days), days[0], days[-1]) == (14, "2026-11-20", "2026-12-03")


def test_a_request_becomes_a_requested_online_booking_the_counters_pull(
    server: Server, salon: Salon
) -> None:
    counter = server.enroll()
    visitor = Visitor(server, salon)
    start, phone = f"{TOMORROW}T16:00", "139-1234-5678"
    answer = visitor.send(salon.facial, start, name=" 林 小姐 ", phone=phone)
    assert answer.status_code == 303, answer.text
    done = visitor.client.get(answer.headers["location"])
    assert "预约申请已提交" in done.text and "补水护理" in done.text
    assert "11月21日 周六 16:00–17:00" in done.text
    changes = server.pull(counter)["changes"]
    customer = [c["data"] for c in changes if c["entity"] == "customer"][-1]
    assert (customer["name"], customer["phone"]) == ("林 小姐", "13912345678")
    booking = [c["data"] for c in changes if c["entity"] == "booking"][-1]
    assert booking["customer_id"] == customer["id"]
    assert (booking["status"], booking["source"], booking["requested"]) == (
        "requested", "online", False
    )  # fmt: skip
    assert booking["technician_id"] == salon.li_na["id"]  # the one with the skill
    assert booking["start"].startswith("2026-11-21T08:00")  # 16:00 in Shanghai
    assert booking["services"] == [
        {"service_id": salon.facial["id"], "name": "补水护理", "minutes": 60, "price": 28_800}
    ]
    assert server.count("SELECT count(*) FROM conflict") == 0
    starts = visitor.starts(salon.facial)
    assert "16:00" not in starts and "16:45" not in starts and "17:00" in starts


def test_a_known_phone_books_for_that_customer_and_the_answer_is_the_same(
    server: Server, salon: Salon
) -> None:
    visitor = Visitor(server, salon)
    new = visitor.send(salon.nails, f"{TOMORROW}T10:00", phone="13700000000")
    known = visitor.send(salon.nails, f"{TOMORROW}T11:00", name="小张", phone="13800138000")
    assert (new.status_code, known.status_code) == (303, 303)
    assert server.count("SELECT count(*) FROM customer") == 2  # 张三 and the new one
    assert server.count(
        "SELECT count(*) FROM booking WHERE customer_id = :c AND status = 'requested'",
        c=salon.zhang["id"],
    ) == 1  # fmt: skip
    page = visitor.client.get(known.headers["location"]).text
    assert "张三" not in page and "小张" not in page  # nothing said about who holds the phone


def test_a_start_taken_meanwhile_is_refused_with_the_free_ones(
    server: Server, salon: Salon
) -> None:
    first, second = Visitor(server, salon, "203.0.113.1"), Visitor(server, salon, "203.0.113.2")
    page = second.day(salon.facial)  # the second customer opened the page first
    token = TOKEN.search(page.text)
    assert token and f'value="{TOMORROW}T17:00"' in page.text
    assert first.send(salon.facial, f"{TOMORROW}T17:00").status_code == 303
    bookings = server.count("SELECT count(*) FROM booking")
    form = {"csrf_token": token.group(1), "service": salon.facial["id"],
            "start": f"{TOMORROW}T17:00", "name": "周女士", "phone": "13600001111"}  # fmt: skip
    refused = second.client.post(f"/book/{salon.key}", data=form, follow_redirects=False)
    assert refused.status_code == 409
    assert "11-21 17:00 刚刚被预约了" in refused.text
    fresh = [s[11:] for s in STARTS.findall(refused.text)]
    assert "17:00" not in fresh and "18:00" in fresh
    assert 'value="周女士"' in refused.text  # what they typed is kept
    assert server.count("SELECT count(*) FROM booking") == bookings
    assert server.count("SELECT count(*) FROM customer WHERE phone = '13600001111'") == 0


@pytest.mark.parametrize(
    ("name", "phone", "said"),
    [
        ("", "13912345678", "请填写您的姓名"),
        ("林" * 65, "13912345678", "请填写您的姓名"),
        ("林\x00小姐", "13912345678", "请填写您的姓名"),
        ("林小姐", "12345", "请填写 11 位手机号码"),
        ("林小姐", "23912345678", "请填写 11 位手机号码"),
        ("林小姐", "1391234567８", "请填写 11 位手机号码"),
    ],
)
def test_a_name_and_a_mobile_number_are_needed(
    server: Server, salon: Salon, name: str, phone: str, said: str
) -> None:
    answer = Visitor(server, salon).send(salon.facial, f"{TOMORROW}T09:00", name, phone)
    assert answer.status_code == 400
    assert said in answer.text
    assert server.count("SELECT count(*) FROM booking") == 1


def test_requests_and_slot_pages_are_limited_per_address_and_per_phone(
    server: Server, salon: Salon
) -> None:
    visitor = Visitor(server, salon)
    for n, start in enumerate(("09:00", "09:45", "10:30", "11:15", "13:00")):
        answer = visitor.send(salon.nails, f"{TOMORROW}T{start}", phone=f"1390000000{n}")
        assert answer.status_code == 303
    sixth = visitor.send(salon.nails, f"{TOMORROW}T13:45", phone="13900000099")
    assert sixth.status_code == 429
    assert "操作太频繁了，请 10 分钟后再试" in sixth.text
    # One phone from five addresses, then a sixth address.
    for n in range(5):
        Visitor(server, salon, f"198.51.100.{n}").send(salon.nails, f"{TOMORROW}T{15 + n}:00")
    again = Visitor(server, salon, "198.51.100.9").send(salon.nails, f"{TOMORROW}T20:00")
    assert again.status_code == 429
    assert server.count("SELECT count(*) FROM booking WHERE status = 'requested'") == 10
    server.clock.advance(minutes=10)
    assert visitor.send(salon.nails, f"{TOMORROW}T20:00", phone="13900000099").status_code == 303
    # The pages that compute free starts: 60 in ten minutes from one address.
    reader = Visitor(server, salon, "192.0.2.1")
    answers = [reader.day(salon.facial).status_code for _ in range(61)]
    assert answers[:60] == [200] * 60 and answers[60] == 429
    assert reader.client.get(f"/book/{salon.key}").status_code == 200  # the list is not


def test_no_page_shows_a_customer_a_technician_or_the_store_id(
    server: Server, salon: Salon
) -> None:
    visitor = Visitor(server, salon)
    pages = [visitor.client.get(f"/book/{salon.key}"), visitor.day(salon.facial)]
    pages += [visitor.day(salon.nails), visitor.client.get(f"/book/{salon.key}?service=x&day=y")]
    made = visitor.send(salon.facial, f"{TOMORROW}T18:00")
    pages += [visitor.client.get(made.headers["location"])]
    pages += [visitor.send(salon.facial, f"{TOMORROW}T18:00", phone="13812341234")]  # taken
    pages += [visitor.send(salon.facial, f"{TOMORROW}T19:00", phone="1")]  # refused
    assert [p.status_code for p in pages] == [200, 200, 200, 200, 200, 409, 400]
    for page in pages:
        for secret in salon.secrets(server):
            assert secret not in page.text, secret


def test_an_unknown_key_or_a_form_from_elsewhere_is_refused(server: Server, salon: Salon) -> None:
    visitor = Visitor(server, salon)
    assert visitor.client.get("/book/aaaaaaaaaaaaaaaa").status_code == 404
    assert visitor.client.get(f"/book/{server.store_id}").status_code == 404  # not the id
    form = {"service": salon.facial["id"], "start": f"{TOMORROW}T09:00", "name": "林小姐",
            "phone": "13912345678"}  # fmt: skip
    stranger = TestClient(server.client.app)  # never saw the page: no token cookie
    for token in ({}, {"csrf_token": "made-up"}):
        answer = stranger.post(f"/book/{salon.key}", data=form | token)
        assert answer.status_code == 403 and "页面已过期" in answer.text
    assert server.count("SELECT count(*) FROM booking") == 1


def test_the_console_store_page_links_the_booking_page(
    server: Server, owner: Browser, salon: Salon
) -> None:
    page = owner.client.get(f"/console/stores/{server.store_id}")
    assert f"http://testserver/book/{salon.key}" in page.text
    other = booking_key(server.other_store_id)
    assert other != salon.key and re.fullmatch(r"[a-z2-7]{16}", other)
    assert owner.client.get(f"/book/{other}").status_code == 200  # every store has one


def test_two_requests_for_one_start_at_once_book_it_once(server: Server, salon: Salon) -> None:
    """The check again runs under the store's lock: of two at the same moment, one waits and
    then finds the start taken."""
    start = datetime(2026, 11, 21, 18, 0)
    phones = ["13911110000", "13922220000", "13933330000", "13944440000"]

    def ask(phone: str) -> str:
        try:
            request_booking(
                server.engine, server.store_id, salon.facial["id"], start, "林小姐", phone,
                server.clock,
            )  # fmt: skip
        except RequestRefused as refused:
            return type(refused.message).__name__
        return "booked"

    with ThreadPoolExecutor(len(phones)) as pool:
        outcomes = sorted(pool.map(ask, phones))
    assert outcomes == ["SlotTaken"] * 3 + ["booked"]
    assert server.count("SELECT count(*) FROM booking WHERE status = 'requested'") == 1
    assert server.count("SELECT count(*) FROM conflict") == 0
