"""Print SQL that gives non-ASCII files and folders of a harvested bundle their real names.

    python3 installer/msi_names.py bundle.wxs > names.sql

wixl drops non-ASCII characters from table strings, so a file such as
resources/templates/传票.docx would reach the MSI without a name.  build_msi.sh sets the
database code page to 936 and then applies these UPDATE statements, which write
"SHORT~1.EXT|long name" (an ASCII 8.3 short name plus the real long name) into the File and
Directory tables.  Standard library only: it runs with the system python3.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

WIX_NS = "{http://schemas.microsoft.com/wix/2006/wi}"


def short_name(index: int, long_name: str) -> str:
    """An 8.3 name unique within the bundle (index-based), keeping an ASCII extension."""
    suffix = PurePosixPath(long_name).suffix.lstrip(".")
    ext = "".join(c for c in suffix if c.isascii() and c.isalnum())[:3].upper()
    base = f"T{index:04d}~1"
    return f"{base}.{ext}" if ext else base


def _quote(text: str) -> str:
    return text.replace("'", "''")


def statements(wxs_path: str) -> list[str]:
    """UPDATE statements for every File and Directory whose name is not plain ASCII."""
    tree = ET.parse(wxs_path)
    out: list[str] = []
    index = 0
    for directory in tree.iter(f"{WIX_NS}Directory"):
        name = directory.get("Name", "")
        if name and not name.isascii():
            index += 1
            out.append(f"UPDATE `Directory` SET `DefaultDir` = '{_quote(short_name(index, name))}|{_quote(name)}'"
                       f" WHERE `Directory` = '{directory.get('Id')}'")
    for file in tree.iter(f"{WIX_NS}File"):
        name = file.get("Name") or PurePosixPath(file.get("Source", "").replace("\\", "/")).name
        if not name.isascii():
            index += 1
            out.append(f"UPDATE `File` SET `FileName` = '{_quote(short_name(index, name))}|{_quote(name)}'"
                       f" WHERE `File` = '{file.get('Id')}'")
    return out


def main(argv: list[str]) -> int:
    """Print the statements for the given bundle.wxs."""
    if len(argv) < 1:
        print(__doc__, file=sys.stderr)
        return 2
    for line in statements(argv[0]):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
