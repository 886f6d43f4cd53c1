"""The 电子卷宗 tab on a real store: import in the background, labels with reasons, correct,
split, preview, 卷内目录 export and taking over case information."""
from __future__ import annotations

from pathlib import Path

import docx
from PIL import Image

from tests.helpers import widgets as helpers
from widgets.cataloguing_tab import REVIEW_BACKGROUND, CataloguingTab as Tab

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "cataloguing" / "dev02_excerpt.pdf"


def open_tab(qtbot, ctx, case_id):
    return helpers.open_tab(qtbot, Tab, ctx, case_id)


def test_import_correct_split_export_and_take_over(qtbot, fx, case_id, tmp_path, accept_foreign):
    ctx = fx.clerk()
    tab = open_tab(qtbot, ctx, case_id)
    assert tab.import_button.isEnabled() and not tab.set_button.isEnabled()
    tab.import_files([str(EXCERPT)])
    qtbot.waitUntil(lambda: tab.table.rowCount() == 4, timeout=60000)
    assert [tab.table.item(r, 2).text() for r in range(4)] == ["卷宗封面", "起诉状", "起诉状", "送达回证"]
    assert tab.table.item(1, 4).text() == "待确认" and "民事起诉状" in tab.table.item(1, 5).text()
    assert tab.tree.topLevelItemCount() == 3 and tab.toc.rowCount() == 3
    # Thumbnails with category labels; images arrive from a background task.
    assert tab.thumbs.count() == 4 and tab.thumbs.item(1).text() == "2 起诉状"
    qtbot.waitUntil(lambda: not tab.thumbs.item(3).icon().isNull(), timeout=10000)
    # Preview of a page, rendered off the GUI thread.
    tab.table.clearSelection()
    tab.table.selectRow(3)
    qtbot.waitUntil(lambda: tab.preview.pixmap() is not None and not tab.preview.pixmap().isNull(), timeout=10000)
    # Correct the category of page 4; the row shows the clerk's label.
    assert tab.selected_pages() == [4]
    tab.category.setCurrentText("其他材料")
    tab.set_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 4 and tab.table.item(3, 2).text() == "其他材料", timeout=10000)
    assert tab.table.item(3, 4).text() == "已更正"
    # Split the complaint after its first page.
    tab.table.clearSelection()
    tab.table.selectRow(2)
    assert tab.current_page() == 3
    tab.split_button.click()
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 4, timeout=10000)
    # Export the 卷内目录.
    out = tmp_path / "toc.docx"
    tab.export_toc(str(out))
    qtbot.waitUntil(lambda: "卷内目录已导出" in tab.status.text(), timeout=10000)
    assert docx.Document(str(out)).tables[0].rows[1].cells[1].text == "民事起诉状"
    pdf = tmp_path / "dossier.pdf"
    tab.export_pdf(str(pdf))
    qtbot.waitUntil(lambda: "卷宗已导出" in tab.status.text(), timeout=10000)
    assert pdf.read_bytes().startswith(b"%PDF")
    # Take over the extracted cause into the case record.
    row = next(i for i in range(tab.fields.count()) if tab.fields.item(i).text().startswith("案由"))
    tab.fields.setCurrentRow(row)
    tab.take_button.click()
    qtbot.waitUntil(lambda: not any(tab.fields.item(i).text().startswith("案由") for i in range(tab.fields.count())),
                    timeout=10000)
    assert ctx.cases.get_case(case_id, audit=False).cause == "装饰装修合同纠纷"
    tab.shutdown()
    ctx.store.close()


def test_flagged_pages_are_highlighted_and_judge_view(qtbot, fx, case_id, tmp_path):
    ctx = fx.judge()
    tab = open_tab(qtbot, ctx, case_id)
    odd = tmp_path / "odd.png"
    Image.new("L", (400, 560), 255).save(odd)  # a blank page: nothing to read, flagged for review
    tab.import_files([str(odd)])
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=60000)
    assert tab.table.item(0, 2).text() == "其他材料"
    assert tab.table.item(0, 0).background().color() == REVIEW_BACKGROUND
    assert "待复核 1 页" in tab.status.text()
    qtbot.waitUntil(lambda: not tab.thumbs.item(0).icon().isNull(), timeout=10000)  # images render too
    out = tmp_path / "dossier.pdf"
    tab.export_pdf(str(out))
    export = tab._export_slot.current
    tab.reload()  # e.g. a correction right after pressing export must not cancel the export
    with qtbot.waitSignal(export.succeeded, timeout=10000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
    tab.shutdown()
    ctx.store.close()
