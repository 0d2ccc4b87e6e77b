"""What can go wrong with a receipt printer, and how we find out, said so a cashier can fix it.

Messages follow salon_pos.domain.errors: each error carries its Chinese and English text.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from enum import Enum

from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.exceptions import DeviceNotFoundError

from salon_pos.domain.errors import UserError


class PrinterFault(Enum):
    """Why a printer cannot print, in both languages (used as `{reason.en}` / `{reason.zh}`)."""

    REFUSED = ("the connection was refused (wrong port?)", "连接被拒绝（端口不对？）")
    TIMED_OUT = ("it did not answer in time (switched off?)", "连接超时（打印机未开机？）")
    HOST_NOT_FOUND = ("its address could not be found", "找不到该地址")
    UNREACHABLE = ("its address cannot be reached on the network", "网络不通，无法到达该地址")
    NOT_FOUND = ("the device was not found (unplugged or off?)", "找不到设备（未连接或未开机？）")
    NO_PERMISSION = ("permission to use the device was denied", "没有使用该设备的权限")
    DRIVER_MISSING = (
        "USB or serial support is not installed (pyusb / pyserial)",
        "未安装 USB 或串口支持（pyusb / pyserial）",
    )
    CONNECTION_LOST = ("the connection broke while printing", "打印过程中连接中断")
    OUT_OF_PAPER = ("it is out of paper", "打印机缺纸")
    COVER_OPEN = ("its cover is open", "打印机上盖未合好")
    OFFLINE = ("it reports that it is offline", "打印机报告处于离线状态")
    FAILED = ("it could not be opened", "无法打开打印机")

    def __init__(self, en: str, zh: str) -> None:
        self.en = en
        self.zh = zh


class PrinterUnavailable(UserError):
    en = "The receipt printer {target} is not available: {reason.en}. Check it, then print again."
    zh = "小票打印机 {target} 不可用：{reason.zh}。请检查打印机后重新打印。"

    def __init__(self, target: str, reason: PrinterFault) -> None:
        super().__init__(target=target, reason=reason)

    @property
    def target(self) -> str:
        return str(self.params["target"])

    @property
    def reason(self) -> PrinterFault:
        reason: PrinterFault = self.params["reason"]
        return reason


class UnknownPrinterKind(UserError):
    en = "“{kind}” is not a kind of receipt printer: use one of {kinds}."
    zh = "“{kind}”不是有效的小票打印机类型，可选：{kinds}。"


class InvalidPrinterTarget(UserError):
    en = "“{target}” is not a valid address for a {kind} printer: write it like {example}."
    zh = "“{target}”不是有效的 {kind} 打印机地址，请写成 {example} 这样的格式。"


class UnsupportedPaperWidth(UserError):
    en = "Receipt paper {width} mm wide is not supported: choose 58 or 80."
    zh = "不支持 {width} 毫米宽的小票纸，请选择 58 或 80。"


_FAULTS: tuple[tuple[type[BaseException], PrinterFault], ...] = (
    (ConnectionRefusedError, PrinterFault.REFUSED),
    (TimeoutError, PrinterFault.TIMED_OUT),
    (socket.gaierror, PrinterFault.HOST_NOT_FOUND),
    (ConnectionError, PrinterFault.CONNECTION_LOST),
    (RuntimeError, PrinterFault.DRIVER_MISSING),  # python-escpos: "requires a usb library"
)
_ERRNOS = {
    errno.ENOENT: PrinterFault.NOT_FOUND,
    errno.ENODEV: PrinterFault.NOT_FOUND,
    errno.ENXIO: PrinterFault.NOT_FOUND,
    errno.EACCES: PrinterFault.NO_PERMISSION,
    errno.EPERM: PrinterFault.NO_PERMISSION,
    errno.EHOSTUNREACH: PrinterFault.UNREACHABLE,
    errno.ENETUNREACH: PrinterFault.UNREACHABLE,
    errno.EHOSTDOWN: PrinterFault.UNREACHABLE,
}


def fault_of(error: BaseException) -> PrinterFault:
    """Name the fault behind an exception, looking through python-escpos's wrappers."""
    seen: BaseException | None = error
    while seen is not None:
        for kind, fault in _FAULTS:
            if isinstance(seen, kind):
                return fault
        if isinstance(seen, OSError) and seen.errno in _ERRNOS:
            return _ERRNOS[seen.errno]
        if type(seen).__name__ == "NoBackendError":  # pyusb installed without libusb
            return PrinterFault.DRIVER_MISSING
        seen = seen.__cause__ or seen.__context__
    return PrinterFault.NOT_FOUND if isinstance(error, DeviceNotFoundError) else PrinterFault.FAILED


OFFLINE_CAUSE = b"\x10\x04\x02"  # DLE EOT 2: why the printer is offline


def status_fault(ask: Callable[[bytes], int | None]) -> PrinterFault | None:
    """What stops the printer, from its DLE EOT answers; None if it is fine or does not answer."""
    online = ask(RT_STATUS_ONLINE)
    if online is None:
        return None  # a printer that does not answer status queries may still print
    if online & 0x08:
        cause = ask(OFFLINE_CAUSE) or 0
        if cause & 0x04:
            return PrinterFault.COVER_OPEN
        return PrinterFault.OUT_OF_PAPER if cause & 0x20 else PrinterFault.OFFLINE
    paper = ask(RT_STATUS_PAPER)
    if paper is not None and paper & 0x60 == 0x60:
        return PrinterFault.OUT_OF_PAPER
    return None
