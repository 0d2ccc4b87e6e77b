"""`python -m salon_pos.ui.translations update [MODULE.py …] | release | check | fill TS JSON`:
keep the .ts files in step with the code, compile them to .qm, list strings still untranslated
(the tests run check), or set translations from a {"source": "translation"} JSON file.
One .ts per UI module, in resources/translations/zh_CN/, named after the module
(pages.cashier.ts for salon_pos/ui/pages/cashier.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from salon_pos.ui.i18n import translations_dir

UI = Path(__file__).parent
TRANSLATED = ("zh_CN",)


def ui_modules() -> list[Path]:
    return sorted(
        p for p in UI.rglob("*.py") if "__init__" not in p.name and p.stem != "translations"
    )


def ts_file(module: Path, language: str) -> Path:
    name = module.relative_to(UI).with_suffix("").as_posix().replace("/", ".")
    return translations_dir(language) / f"{name}.ts"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def update(only: list[str] | None = None) -> None:
    """Add new source strings to each module's .ts file (existing translations are kept);
    `only`: module paths, such as salon_pos/ui/pages/cashier.py."""
    chosen = [Path(m).resolve() for m in only] if only else ui_modules()
    for language in TRANSLATED:
        translations_dir(language).mkdir(parents=True, exist_ok=True)
        for module in chosen:
            if "tr(" not in module.read_text(encoding="utf-8"):
                continue
            target = ts_file(module, language)
            command = [
                _tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-target-language",
                language,
                str(module),
                "-ts",
                str(target),
            ]
            subprocess.run(command, check=True)
            if not ET.parse(target).getroot().findall(".//message"):
                target.unlink()  # the module has no user-visible strings


def release() -> None:
    """Compile every .ts to its .qm. Each .qm is written aside and moved into place, so a
    running app (or test) that has the old one open never reads a half-written file."""
    for language in TRANSLATED:
        for ts in sorted(translations_dir(language).glob("*.ts")):
            qm = ts.with_suffix(".qm")
            with tempfile.NamedTemporaryFile(dir=qm.parent, suffix=".qm", delete=False) as part:
                pass
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", part.name], check=True)
            os.replace(part.name, qm)


def unfinished(language: str = "zh_CN") -> list[str]:
    """'file: source' for every string without a finished translation."""
    missing = []
    for ts in sorted(translations_dir(language).glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            kind = "unfinished" if translation is None else translation.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            text = "" if translation is None else (translation.text or "").strip()
            if kind == "unfinished" or not text:
                missing.append(f"{ts.name}: {message.findtext('source')}")
    return missing


def fill(ts: Path, translations: dict[str, str]) -> int:
    """Write the given source → translation pairs into a .ts file; returns how many were set."""
    tree = ET.parse(ts)
    tree.getroot().set("language", ts.parent.name)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in translations and translation is not None:
            translation.text = translations[source]
            translation.attrib.pop("type", None)
            count += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    # As lupdate writes it (its header, a newline at the end): a fill changes only translations.
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return count


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update(argv[1:])
    elif command == "release":
        release()
    elif command == "fill":  # fill FILE.ts PAIRS.json
        pairs = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(Path(argv[1]), pairs)} translations set in {argv[1]}")
    if command != "check":
        return 0
    missing = unfinished()
    for line in missing:
        print(f"untranslated {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
