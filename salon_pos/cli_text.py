"""What `salon-pos` prints, and the problems it reports itself, each in Chinese and English
(sync.messages; printed in the one language SALON_POS_LANG asks for, Chinese by default)."""

from __future__ import annotations

from salon_pos.domain.errors import UserError
from sync.messages import Both, Message

# ---------------------------------------------------------------- what a command did


class CounterReady(Message):
    zh = "门店 {store}：收银台 {counter}\n设备：{device}\n数据目录：{folder}"
    en = "Store {store}: counter {counter}\nDevice: {device}\nData folder: {folder}"


class AlreadySetUp(Message):
    zh = (
        "本收银台已经初始化（门店 {store}，收银台 {counter}），本次没有做任何更改。"
        "门店资料请在应用的“设置”中修改。"
    )
    en = (
        "This counter is already set up (store {store}, counter {counter}); nothing was changed. "
        "Change the store's details in the app's Settings."
    )


class DemoNotLoaded(Message):
    zh = "本收银台已有门店 {store} 的数据，未载入演示数据。"
    en = "This counter already holds the data of {store}: the demo salon was not loaded."


class Enrolled(Message):
    zh = "已注册到门店 {store}（{store_id}）\n设备：{device}\n服务器：{server}"
    en = "Enrolled with store {store} ({store_id})\nDevice: {device}\nServer: {server}"


class ManagerAdded(Message):
    zh = "已添加店长 {name}，可用其 PIN 登录。"
    en = "Manager {name} added; they sign in with their PIN."


class Joined(Message):
    zh = (
        "已加入门店 {store}（收银台 {counter}）：下载 {pulled} 条变更；"
        "本机有 {staff} 名员工、{items} 个项目商品、{customers} 位客户。"
    )
    en = (
        "Joined the store {store} as counter {counter}: {pulled} changes received; "
        "{staff} staff, {items} catalog items and {customers} customers are here."
    )


class Pulling(Message):
    zh = "已接收 {pulled} / {total} 条变更"
    en = "{pulled} of {total} changes received"


class SyncBusy(Message):
    zh = "另一个同步正在进行，本次未发送。"
    en = "Another sync is running; nothing was sent."


class SyncDone(Message):
    zh = (
        "上传 {pushed} 条（已应用 {applied}，重复 {duplicates}，有冲突 {flagged}，"
        "拒收 {rejected}）\n下载 {pulled} 条"
    )
    en = (
        "Pushed {pushed} (applied {applied}, duplicates {duplicates}, flagged {flagged}, "
        "rejected {rejected})\nPulled {pulled}"
    )


class StillPending(Message):
    zh = "待上传 {pending} 条"
    en = "Pending: {pending}"


class PendingNotEnrolled(Message):
    zh = "待上传 {pending} 条：本收银台尚未注册，这些操作保存在本机，注册后自动上传。"
    en = (
        "Pending: {pending}, kept on this counter: it is not enrolled yet; they are sent "
        "once it is."
    )


class Interrupted(Message):
    zh = "已中断。"
    en = "Interrupted."


# ---------------------------------------------------------------- problems


class ProgramError(UserError):
    """A bug (not the user's doing): the traceback is in the log, the user gets where it is."""

    zh = "程序出错（不是您的操作有误），命令没有完成。详细信息已写入日志：{log}"
    en = (
        "Something went wrong in the program (not something you did); the command did not "
        "finish. The details are in the log: {log}"
    )


class DataFolderUnavailable(UserError):
    zh = (
        "无法使用数据目录：{folder}（{reason}）。请修正权限，"
        "或用 --home（或环境变量 SALON_POS_HOME）指定一个可写的目录。"
    )
    en = (
        "The data folder cannot be used: {folder} ({reason}). Fix its permissions, or give a "
        "folder you can write to with --home (or SALON_POS_HOME)."
    )


class DatabaseReadOnly(UserError):
    zh = (
        "数据库 {path} 只能读、不能写（{reason}），无法保存任何更改。"
        "请用创建它的同一系统用户运行，或修正该文件及其目录的权限。"
    )
    en = (
        "The database {path} can be read but not written ({reason}), so nothing can be saved. "
        "Run as the system user who created it, or fix the permissions of the file and its folder."
    )


NOT_WRITABLE = Both("没有写入权限", "no permission to write")


class NewOrJoin(UserError):
    zh = "请用 --store-name 店名 开设新门店，或用 --join 服务器地址 --code 注册码 加入门店。"
    en = "Give --store-name NAME for a new store, or --join URL --code CODE to join one."


class NotBoth(UserError):
    zh = "--store-name（开设新门店）与 --join（加入门店）只能选一个。"
    en = "A counter starts a new store (--store-name) or joins one (--join), not both."


class JoinNeedsCode(UserError):
    zh = "--join 与 --code 须一起使用（注册码由老板在服务器上生成）。"
    en = "--join and --code go together (the owner makes the enrollment code on the server)."


class NoManagerWhenJoining(UserError):
    zh = "加入门店的收银台从门店获取员工，请去掉 --manager-name。"
    en = "A joining counter gets its staff from the store: leave out --manager-name."


class PinWithoutManager(UserError):
    zh = "--manager-pin-stdin 须与 --manager-name 一起使用。"
    en = "--manager-pin-stdin goes with --manager-name."


class PinNeeded(UserError):
    zh = "请用 --manager-pin-stdin 从标准输入提供店长 PIN（PIN 不放在命令行上）。"
    en = (
        "Give the manager's PIN on standard input with --manager-pin-stdin "
        "(a PIN never goes on the command line)."
    )
