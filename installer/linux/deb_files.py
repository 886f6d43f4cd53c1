"""Text files of the .deb (scripts/build_deb.sh): control, menu entry, README.Debian, policy example.

    python3 installer/linux/deb_files.py control VERSION INSTALLED_KB
    python3 installer/linux/deb_files.py desktop | readme | policy-example

Kept in Python so that tests can read exactly what the package will hold.
"""
from __future__ import annotations

import json
import sys

PACKAGE = "trial-assistant"
INSTALL_DIR = "/opt/trial-assistant"
POLICY_FILE = "/etc/trial-assistant/policy.json"  # app/paths.py policy_file() on Linux
# What the bundle loads from the system rather than carrying itself: Qt's xcb platform plugin
# and its X11/OpenGL/font libraries, D-Bus and GLib (Qt core), PortAudio (recording), and a
# CJK font for Chinese text. The same list scripts/setup-env.sh installs for running from source.
DEPENDS = (
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6",
    "libdbus-1-3", "libglib2.0-0", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0",
    "libxcb-image0", "libxcb-xkb1", "libportaudio2",
    "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei | fonts-droid-fallback",
)
# Policy names are the MSI property names (installer/README.md lists them all).
POLICY_EXAMPLE = {
    "COURTNAME": "北京市朝阳区人民法院",
    "COURTCODE": "京0105",
    "DATADIR": "/srv/trial-data",
    "EXCHANGEDIR": "/mnt/exchange",
    "AUTOLOCKMINUTES": "10",
}


def control(version: str, installed_kb: int) -> str:
    """DEBIAN/control."""
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        "Maintainer: Trial Assistant project <trial-assistant@localhost>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        "Description: 审判辅助系统 - offline trial assistant for judges' workstations\n"
        " 庭审笔录 (speech transcription), 电子卷宗归目 (dossier cataloguing) and\n"
        " 裁判文书辅助 (judgment drafting and review), with an encrypted case store.\n"
        " Everything runs offline; nothing is downloaded after installation.\n"
        f" Machine policy: {POLICY_FILE}. Self-test: trial-assistant selftest\n"
    )


def desktop() -> str:
    """/usr/share/applications/trial-assistant.desktop (freedesktop menu entry)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.0\n"
        "Name=审判辅助系统\n"
        "Name[zh_CN]=审判辅助系统\n"
        "Name[en]=Trial Assistant\n"
        "GenericName=审判辅助\n"
        "GenericName[en]=Trial assistant\n"
        "Comment=庭审笔录、电子卷宗归目、裁判文书辅助（离线）\n"
        "Comment[en]=Hearing transcripts, dossier cataloguing and judgment drafting (offline)\n"
        f"Exec={INSTALL_DIR}/TrialAssistant\n"
        "Icon=trial-assistant\n"
        "Terminal=false\n"
        "Categories=Office;\n"
        "StartupWMClass=TrialAssistant\n"
    )


def readme() -> str:
    """/usr/share/doc/trial-assistant/README.Debian: where things are, for court IT."""
    return f"""审判辅助系统 (trial-assistant) on Debian, 统信UOS and 银河麒麟
=============================================================

Program      {INSTALL_DIR}/ (the window: TrialAssistant; command line: trial-assistant)
Command      /usr/bin/trial-assistant   e.g. `trial-assistant selftest`, `trial-assistant policy show`
Menu entry   审判辅助系统 (/usr/share/applications/trial-assistant.desktop)

Machine policy (what the MSI's properties are on Windows) is read from

    {POLICY_FILE}

a JSON object of policy names (the MSI property names, see installer/README.md) and values,
e.g. /usr/share/doc/trial-assistant/policy.example.json. Make it readable by every user and
writable by root only (chmod 644). The package never ships or changes this file, so upgrades
and removal keep it; `trial-assistant policy show` prints what the program applies.

Per-user data: ~/.local/share/trial-assistant (case store, unless DATADIR is set),
~/.config/trial-assistant (settings), ~/.cache/trial-assistant (logs); XDG_*_HOME are honoured.
Third-party licences: /usr/share/doc/trial-assistant/copyright.
"""


def policy_example() -> str:
    """An example /etc/trial-assistant/policy.json."""
    return json.dumps(POLICY_EXAMPLE, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    """Print the requested file."""
    if argv[:1] == ["control"] and len(argv) == 3:
        sys.stdout.write(control(argv[1], int(argv[2])))
    elif argv in (["desktop"], ["readme"], ["policy-example"]):
        sys.stdout.write({"desktop": desktop, "readme": readme, "policy-example": policy_example}[argv[0]]())
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
