"""What is wrong with the system keyring, and how to fix it on this system: none at all, none
running in this session, locked (or unlocked with another password), or failing otherwise.
Never reported as the server refusing the counter."""

from __future__ import annotations

import logging
import shutil
import sys

from keyring.errors import KeyringError, KeyringLocked, NoKeyringError

from salon_pos.domain.errors import Both, UserError

log = logging.getLogger(__name__)

HEADLESS = Both(
    "无桌面的机器请在 `dbus-run-session -- sh -c "
    "'gnome-keyring-daemon --unlock < 密码文件; salon-pos ...'` 中运行"
    "（该程序从输入读取密钥环的密码；新密钥环以它为密码）。",
    "on a headless machine run the app inside `dbus-run-session -- sh -c "
    "'gnome-keyring-daemon --unlock < PASSWORD-FILE; salon-pos ...'` (the daemon reads the "
    "keyring's password on its input; a new keyring takes it as its password).",
)
GET_ONE = {
    "installed": Both(
        "gnome-keyring 已安装，但本会话中没有运行：请在桌面会话中启动本程序；" + HEADLESS.zh,
        "gnome-keyring is installed but not running in this session: start the app from a "
        "desktop session; " + HEADLESS.en,
    ),
    "linux": Both(
        "请安装 gnome-keyring（sudo apt install gnome-keyring）或 KWallet 并登录桌面会话；"
        + HEADLESS.zh,
        "install gnome-keyring (sudo apt install gnome-keyring) or KWallet and sign in to a "
        "desktop session; " + HEADLESS.en,
    ),
    "other": Both(
        "Windows 和 macOS 使用系统自带的密钥环：请以普通用户登录桌面后运行本程序。",
        "Windows and macOS have one built in: run the app in a signed-in desktop session.",
    ),
}


def how_to_get_keyring(platform: str = sys.platform) -> Both:
    if not platform.startswith("linux"):
        return GET_ONE["other"]
    return GET_ONE["installed" if shutil.which("gnome-keyring-daemon") else "linux"]


def no_keyring(reason: str, platform: str = sys.platform) -> NoKeyring:
    log.warning("no keyring: %s", reason)
    return NoKeyring(how=how_to_get_keyring(platform))


class NoKeyring(UserError):
    """No keyring backend at all; why exactly (keyring's own long English) goes to the log."""

    en = "No keyring is available to keep this counter's device token safely: {how}"
    zh = "没有可用的系统密钥环来安全保存本收银台的设备令牌：{how}"


class KeyringIsLocked(UserError):
    """The keyring is there but locked, or unlocking it failed (another password)."""

    en = (
        "The keyring is locked: this counter's device token cannot be read to sign in to the "
        "sync server. Sales are kept and sent once it is unlocked. {how}"
    )
    zh = (
        "密钥环已锁定：无法取出本收银台的设备令牌登录同步服务器。"
        "销售数据已保存，解锁后自动上传。{how}"
    )


class KeyringUnavailable(UserError):
    """The keyring answered with an error that is neither "locked" nor "none installed"."""

    en = "The keyring cannot be read ({reason}): it holds this counter's device token. {how}"
    zh = "密钥环无法读取（{reason}）：本收银台的设备令牌保存在其中。{how}"


HOW_TO_UNLOCK = {
    "linux": Both(
        "请在桌面上解锁“登录”密钥环（“密码和密钥”程序，或注销后重新登录）；"
        "无桌面的机器请把密钥环的密码送入 `gnome-keyring-daemon --unlock`"
        "（如 `gnome-keyring-daemon --unlock < 密码文件`），空密码无法解锁设有密码的密钥环。",
        "Unlock the “Login” keyring on the desktop (the “Passwords and Keys” app, or sign out "
        "and in again); on a headless machine feed the keyring's own password to "
        "`gnome-keyring-daemon --unlock` (e.g. `gnome-keyring-daemon --unlock < PASSWORD-FILE`): "
        "an empty password cannot unlock a keyring that has one.",
    ),
    "darwin": Both(
        "请在“钥匙串访问”中解锁“登录”钥匙串。",
        "Unlock the “login” keychain in Keychain Access.",
    ),
    "win32": Both(
        "请以注册本收银台时的 Windows 用户登录，凭据管理器会随之解锁。",
        "Sign in to Windows as the user who enrolled this counter: Credential Manager unlocks "
        "with that sign-in.",
    ),
}


def how_to_unlock(platform: str = sys.platform) -> Both:
    return HOW_TO_UNLOCK.get(platform, HOW_TO_UNLOCK["linux"])


def keyring_problem(error: KeyringError, platform: str = sys.platform) -> UserError:
    """The keyring's own exception as a message that says what is wrong and how to fix it."""
    reason = str(error) or type(error).__name__
    if isinstance(error, KeyringLocked):
        return KeyringIsLocked(how=how_to_unlock(platform))
    if isinstance(error, NoKeyringError):
        return no_keyring(reason, platform)
    return KeyringUnavailable(reason=reason, how=how_to_unlock(platform))
