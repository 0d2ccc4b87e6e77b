"""`salon-pos staff list|add|edit|set-pin|deactivate`: the staff list from the command line.

PINs are never arguments (argv shows in `ps`): they are asked for without echo, the new one
twice, or read from standard input with --pin-stdin (the new PIN on the first line, the
approving manager's PIN on the second). Adding staff to a store that already has a manager
needs a manager's PIN, as setting a PIN does. A member is named by id or by exact name."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterator

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money, parse_yuan
from salon_pos.domain.staff import Role
from salon_pos.services.backend import Backend
from salon_pos.services.staff import StaffMember
from salon_pos.services.staff_rules import PinsDiffer, check_pin, clean_name, clean_phone
from sync.messages import ROLE_WORDS, Both, Message, language_from_env

Say = Callable[[str, str], str]
NEW_PIN = Both("新 PIN：", "New PIN: ")
AGAIN = Both("再输入一次新 PIN：", "The new PIN again: ")
APPROVER = Both("店长或老板的 PIN（授权）：", "A manager's or owner's PIN (to approve): ")


class NoSuchStaff(UserError):
    en = "No staff member is called or has the id “{text}” (see `salon-pos staff list --all`)."
    zh = "没有姓名或 id 为“{text}”的员工（见 `salon-pos staff list --all`）。"


class SameNameStaff(UserError):
    en = "{count} staff members are called “{text}”: give the id (`salon-pos staff list --all`)."
    zh = "有 {count} 位员工叫“{text}”：请给出 id（见 `salon-pos staff list --all`）。"


class PinsMissing(UserError):
    en = "--pin-stdin: standard input ended before the {what}."
    zh = "--pin-stdin：标准输入在读到{what}之前就结束了。"


class StaffSaved(Message):
    zh = "已保存：{member}"
    en = "Saved: {member}"


def _language() -> str:
    return language_from_env()


def describe(member: StaffMember, language: str) -> str:
    role = ROLE_WORDS[member.role].text(language)
    state = "" if member.active else Both("（已停用）", " (inactive)").text(language)
    skills = ",".join(member.skills) or "-"
    limit = format_money(member.discount_limit)
    return f"{member.id}  {member.name}{state}  {role}  {skills}  {member.phone or '-'}  {limit}"


class PinSource:
    """The PINs a command needs, from a prompt without echo or from standard input."""

    def __init__(self, from_stdin: bool) -> None:
        lines: list[str] = sys.stdin.read().splitlines() if from_stdin else []
        self._lines: Iterator[str] | None = iter(lines) if from_stdin else None

    def new_pin(self) -> str:
        """The new PIN, its form checked before a manager is asked to approve it."""
        if self._lines is not None:
            pin = self._line(Both("新 PIN", "new PIN"))
        else:
            pin = getpass.getpass(NEW_PIN.text(_language()))
            if getpass.getpass(AGAIN.text(_language())) != pin:
                raise PinsDiffer()
        check_pin(pin)
        return pin

    def approver_pin(self) -> str:
        if self._lines is not None:
            return self._line(Both("店长的 PIN", "manager's PIN"))
        return str(getpass.getpass(APPROVER.text(_language())))

    def _line(self, what: Both) -> str:
        assert self._lines is not None
        line = next(self._lines, None)
        if line is None:
            raise PinsMissing(what=what)
        return line.strip()


def find_member(backend: Backend, text: str) -> StaffMember:
    everyone = backend.staff.list(active_only=False)
    by_id = [m for m in everyone if m.id == text]
    named = by_id or [m for m in everyone if m.name == text.strip()]
    if not named:
        raise NoSuchStaff(text=text)
    if len(named) > 1:
        active = [m for m in named if m.active]
        if len(active) != 1:
            raise SameNameStaff(text=text, count=len(named))
        named = active
    return named[0]


def _skills(text: str | None) -> list[str] | None:
    return None if text is None else [s for s in text.replace("，", ",").split(",") if s.strip()]


def _limit(text: str | None) -> int | None:
    return None if text is None else parse_yuan(text)


def _saved(member: StaffMember) -> int:
    print(StaffSaved(member=describe(member, _language())).text(_language()))
    return 0


def _cmd_list(backend: Backend, args: argparse.Namespace) -> int:
    for member in backend.staff.list(active_only=not args.all):
        print(describe(member, _language()))
    return 0


def _cmd_add(backend: Backend, args: argparse.Namespace) -> int:
    clean_name(args.name)  # the details first: nobody types PINs for a form that is refused
    clean_phone(args.phone or "")
    pins = PinSource(args.pin_stdin)
    pin = pins.new_pin()
    has_approver = any(m.role.approves for m in backend.staff.list())
    member = backend.staff.add(
        args.name,
        args.role,
        pin,
        _skills(args.skills) or (),
        _limit(args.discount_limit) or 0,
        phone=args.phone or "",
        approver_pin=pins.approver_pin() if has_approver else None,
    )
    return _saved(member)


def _cmd_edit(backend: Backend, args: argparse.Namespace) -> int:
    member = find_member(backend, args.member)
    if args.name is not None:
        clean_name(args.name)
    becomes = Role(args.role) if args.role else member.role
    active = member.active if args.active is None else args.active
    new_pin = approver = None
    if active and becomes.approves and not (member.active and member.role.approves):
        pins = PinSource(args.pin_stdin)  # a new manager needs a new PIN: theirs may be taken
        new_pin, approver = pins.new_pin(), pins.approver_pin()
    edited = backend.staff.edit(
        member.id,
        name=args.name,
        role=args.role,
        skills=_skills(args.skills),
        phone=args.phone,
        discount_limit=_limit(args.discount_limit),
        active=args.active,
        new_pin=new_pin,
        approver_pin=approver,
    )
    return _saved(edited)


def _cmd_set_pin(backend: Backend, args: argparse.Namespace) -> int:
    member = find_member(backend, args.member)
    pins = PinSource(args.pin_stdin)
    pin = pins.new_pin()
    return _saved(backend.staff.set_pin(member.id, pin, pins.approver_pin()))


def _cmd_deactivate(backend: Backend, args: argparse.Namespace) -> int:
    member = find_member(backend, args.member)
    return _saved(backend.staff.deactivate(member.id))


def _fields(parser: argparse.ArgumentParser, say: Say, adding: bool) -> None:
    if adding:
        parser.add_argument("--name", required=True, help=say("姓名", "name"))
    else:
        parser.add_argument("--name", help=say("新姓名", "new name"))
    parser.add_argument(
        "--role", required=adding, choices=[r.value for r in Role], help=say("角色", "role")
    )
    parser.add_argument("--skills", help=say("技能，逗号分隔", "skills, comma-separated"))
    parser.add_argument("--phone", help=say("手机", "phone"))
    parser.add_argument(
        "--discount-limit",
        help=say("可自行给出的优惠上限（元）", "the discount they may give alone, in yuan"),
    )


def _member(parser: argparse.ArgumentParser, say: Say) -> None:
    parser.add_argument("member", help=say("员工的 id 或姓名", "the member's id or name"))


def _pin_stdin(parser: argparse.ArgumentParser, say: Say) -> None:
    parser.allow_abbrev = False  # `--pin 1234` must not read as --pin-stdin: a PIN in argv
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help=say(
            "从标准输入读 PIN：第一行新 PIN，第二行店长的 PIN",
            "read PINs from standard input: the new PIN, then a manager's PIN",
        ),
    )


def add_staff_commands(commands: argparse._SubParsersAction, say: Say) -> None:  # type: ignore[type-arg]
    staff = commands.add_parser(
        "staff",
        help=say(
            "员工：列出、添加、修改、设置 PIN、停用", "staff: list, add, edit, set PINs, deactivate"
        ),
    )
    actions = staff.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help=say("列出员工", "list the staff"))
    listing.add_argument("--all", action="store_true", help=say("包括已停用的", "inactive too"))
    listing.set_defaults(handler=_cmd_list)
    add = actions.add_parser(
        "add", help=say("添加员工（会询问 PIN）", "add a member (asks for a PIN)")
    )
    _fields(add, say, adding=True)
    _pin_stdin(add, say)
    add.set_defaults(handler=_cmd_add)
    edit = actions.add_parser("edit", help=say("修改员工资料", "change a member's details"))
    _member(edit, say)
    _fields(edit, say, adding=False)
    active = edit.add_mutually_exclusive_group()
    active.add_argument(
        "--active",
        dest="active",
        action="store_true",
        default=None,
        help=say("重新启用", "make active again"),
    )
    active.add_argument(
        "--inactive", dest="active", action="store_false", help=say("停用", "deactivate")
    )
    _pin_stdin(edit, say)
    edit.set_defaults(handler=_cmd_edit)
    set_pin = actions.add_parser("set-pin", help=say("设置或重设 PIN", "set or reset a PIN"))
    _member(set_pin, say)
    _pin_stdin(set_pin, say)
    set_pin.set_defaults(handler=_cmd_set_pin)
    deactivate = actions.add_parser("deactivate", help=say("停用员工", "deactivate a member"))
    _member(deactivate, say)
    deactivate.set_defaults(handler=_cmd_deactivate)
