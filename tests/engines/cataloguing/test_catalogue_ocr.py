"""Scanned pages go through OCR (kept to two pages: OCR is slow on two cores)."""
from __future__ import annotations

from engines.cataloguing import catalogue
from engines.cataloguing.input_files import merge_boxes
from engines.cataloguing.input_files import InputFile
from catalogue_pdf_writer import PageSpec, TextLine, render_scan


def test_scanned_page_is_read_and_labelled(scanned_pdf):
    res = catalogue([scanned_pdf])
    first, second = res.pages
    assert first.scanned and not second.scanned
    assert first.category == "送达回证" and "送达回证" in first.reason
    assert second.category == "传票"
    assert [(d.category, d.start_page, d.end_page) for d in res.documents] == [("送达回证", 1, 1), ("传票", 2, 2)]
    assert res.case.case_number == "（2023）苏0106民初4567号"


def test_scanned_page_has_no_text_layer(scanned_pdf):
    f = InputFile(scanned_pdf)
    try:
        pages = list(f.pages())
        assert pages[0].needs_ocr and not pages[0].lines
        assert not pages[1].needs_ocr and any("传票" in ln.text for ln in pages[1].lines)
    finally:
        f.close()


def test_png_page_image_input(tmp_path):
    img = render_scan(PageSpec([TextLine("民 事 答 辩 状", 22, "center"), TextLine("答辩人：吴晓梅，女，汉族。", 12)], seed=9))
    path = tmp_path / "page.png"
    img.save(path, dpi=(150, 150))
    res = catalogue([path])
    assert res.pages[0].category == "答辩状" and res.pages[0].scanned
    assert res.pages[0].title == "民事答辩状"  # OCR spaces between characters removed


def test_boxes_on_one_row_are_joined_without_spaces():
    boxes = [(0.45, 0.10, 0.48, 0.13, "传", 0.03), (0.52, 0.101, 0.55, 0.131, "票", 0.03),
             (0.10, 0.20, 0.50, 0.22, "案号 （2024）京0105民初1号", 0.02)]
    lines = merge_boxes(boxes)
    assert [ln.text for ln in lines] == ["传票", "案号（2024）京0105民初1号"]


def test_cancel_while_a_page_is_being_read(scanned_pdf):
    import threading
    import time

    import pytest

    from engines.common import CancelToken, Cancelled

    token = CancelToken()
    messages = []
    threading.Timer(0.05, token.cancel).start()
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        catalogue([scanned_pdf], cancel=token, progress=lambda f, m="": messages.append(m))
    assert time.perf_counter() - started < 5.0


def test_skewed_scan_is_straightened():
    from PIL import Image

    from engines.cataloguing.ocr import ocr_page

    spec = PageSpec([TextLine("广州市天河区人民法院", 15, "center"), TextLine("传　票", 22, "center"),
                     TextLine("案号 （2024）粤0106民初321号", 12), TextLine("被传唤人 周子轩 工作单位或住址 广州市天河区", 12)], seed=3)
    skewed = render_scan(spec, dpi=110).rotate(-6, resample=Image.BICUBIC, fillcolor=230)
    lines, _ = ocr_page(skewed, lambda lines, stage: False)
    texts = [ln.text for ln in lines]
    # Without straightening, the 案号 row and the next row run together into one line.
    assert "案号（2024）粤0106民初321号" in texts and "传票" in texts


def test_title_rows_are_read_first_and_the_rest_only_when_undecided():
    from engines.cataloguing.ocr import ocr_page

    spec = PageSpec([TextLine("广州市天河区人民法院", 15, "center"), TextLine("送 达 回 证", 22, "center", 14),
                     TextLine("案号 （2024）粤0106民初321号", 12),
                     *[TextLine(f"第{i}行正文内容，受送达人周子轩，送达地址广州市天河区某路。", 12) for i in range(1, 8)]], seed=4)
    image = render_scan(spec, dpi=110)
    stages = []

    def decided(lines, stage):
        stages.append(stage)
        return True

    title_only, full = ocr_page(image, decided)
    texts = [ln.text for ln in title_only]
    assert stages == ["title"] and not full
    assert "送达回证" in texts and "案号（2024）粤0106民初321号" in texts  # the title and the row under it
    assert not any(t.startswith("第3行") for t in texts)  # body rows were never recognised
    everything, _ = ocr_page(image, lambda lines, stage: False)
    assert any(ln.text.startswith("第3行") for ln in everything)


def test_title_candidates_pick_large_centred_and_spaced_rows():
    import numpy as np

    from engines.cataloguing.ocr import title_candidates

    def box(x0, y0, x1, y1):
        return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)

    boxes = [box(300, 20, 600, 45),  # court header, centred
             box(360, 60, 420, 100), box(480, 60, 540, 100),  # spaced title, large
             box(90, 120, 500, 140),  # 案号 row under the title
             box(90, 160, 820, 180), box(90, 190, 820, 210), box(90, 220, 820, 240)]  # body
    assert title_candidates(boxes, 910) == [0, 1, 2, 3]
