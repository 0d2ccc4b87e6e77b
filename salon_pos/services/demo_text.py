"""What `salon-pos demo-data` reports, in Chinese and English (sync.messages)."""

from __future__ import annotations

from sync.messages import Message


class DemoStore(Message):
    zh = "演示数据：{store}"
    en = "Demo data: {store}"


class DemoCatalog(Message):
    zh = "价目表：服务 {services} 项，商品 {products} 项（新增 {added}）"
    en = "Catalog: {services} services, {products} products ({added} added)"


class DemoStaffCount(Message):
    zh = "员工：{count} 人（新增 {added}）"
    en = "Staff: {count} ({added} added)"


class DemoCustomers(Message):
    zh = "客户：{count} 位（新增 {added}）"
    en = "Customers: {count} ({added} added)"


class DemoTickets(Message):
    zh = "单据：新增 {added} 笔（{span}），作废 {voids} 笔，退款 {refunds} 笔"
    en = "Tickets: {added} added ({span}), {voids} voided, {refunds} refunded"


class DemoNoTickets(Message):
    zh = "单据：本店已有单据或未要求，未新增"
    en = "Tickets: none added (the store has tickets already, or none were asked for)"


class DemoPins(Message):
    zh = "登录 PIN："
    en = "Sign-in PINs:"
