"""The device token, kept in the system keyring (service "salon-pos", user = the device id).

Never in the database or a plain file: whoever copies the data folder must not get a device of
the store. Where no keyring backend exists (a bare Linux with no Secret Service), the user gets
a message saying how to get one; a locked keyring is said to be locked, with how to unlock it on
this system (never "the server refused"); `keyrings.alt`'s plain-file backends are not used.
"""

from __future__ import annotations

import sys

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

from salon_pos.domain.errors import Both, UserError

SERVICE = "salon-pos"


class NoKeyring(UserError):
    en = (
        "No keyring is available to keep this counter's device token safely. On Windows and "
        "macOS the system one is used; on Linux install gnome-keyring "
        "(sudo apt install gnome-keyring) or KWallet and sign in to a desktop session; on a "
        "headless machine start the app inside `dbus-run-session -- sh -c "
        "'gnome-keyring-daemon --unlock < PASSWORD-FILE; salon-pos ...'` (the daemon reads the "
        "keyring's password on its input). ({reason})"
    )
    zh = (
        "没有可用的系统密钥环来安全保存本收银台的设备令牌。Windows 和 macOS 使用系统自带的；"
        "Linux 请安装 gnome-keyring（sudo apt install gnome-keyring）或 KWallet，"
        "并登录桌面会话；无桌面的机器请在 `dbus-run-session -- sh -c "
        "'gnome-keyring-daemon --unlock < 密码文件; salon-pos ...'` 中运行"
        "（该程序从输入读取密钥环的密码）。（{reason}）"
    )


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
        return NoKeyring(reason=reason)
    return KeyringUnavailable(reason=reason, how=how_to_unlock(platform))


class NotEnrolled(UserError):
    en = (
        "This counter is not enrolled with a sync server (no device token in the keyring): "
        "run `salon-pos enroll --server URL --code CODE`."
    )
    zh = (
        "本收银台尚未注册到同步服务器（密钥环中没有设备令牌）："
        "请运行 `salon-pos enroll --server 地址 --code 注册码`。"
    )


def _backend(backend: KeyringBackend | None) -> KeyringBackend:
    chosen = backend if backend is not None else keyring.get_keyring()
    if isinstance(chosen, fail.Keyring | null.Keyring):
        raise NoKeyring(reason=type(chosen).__module__)
    return chosen


class DeviceTokens:
    """Reads and writes device tokens; the backend is passed in by tests, else the system's."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend

    def check(self) -> None:
        """NoKeyring unless a real keyring backend is there (before spending an enrollment code)."""
        _backend(self._given)

    def save(self, device_id: str, token: str) -> None:
        try:
            _backend(self._given).set_password(SERVICE, device_id, token)
        except KeyringError as error:
            raise keyring_problem(error) from error

    def load(self, device_id: str) -> str:
        """The token; NotEnrolled if there is none; NoKeyring, KeyringIsLocked or
        KeyringUnavailable if the keyring cannot give it."""
        try:
            token = _backend(self._given).get_password(SERVICE, device_id)
        except KeyringError as error:
            raise keyring_problem(error) from error
        if not token:
            raise NotEnrolled()
        return token

    def delete(self, device_id: str) -> None:
        try:
            _backend(self._given).delete_password(SERVICE, device_id)
        except PasswordDeleteError:
            return
        except KeyringError as error:
            raise keyring_problem(error) from error
