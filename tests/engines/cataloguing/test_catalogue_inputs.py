"""Bad inputs: encrypted, damaged and non-PDF files are reported; the rest is processed."""
from __future__ import annotations

import pytest
from pypdf import PdfReader, PdfWriter

from engines.cataloguing import catalogue
from engines.common import InputError


@pytest.fixture()
def bad_files(tmp_path, digital_dossier):
    src, _ = digital_dossier
    encrypted = tmp_path / "locked.pdf"
    writer = PdfWriter()
    writer.append(PdfReader(str(src)), pages=(0, 1))
    writer.encrypt(user_password="secret", owner_password="owner")
    with encrypted.open("wb") as fh:
        writer.write(fh)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(src.read_bytes()[:2000])
    text = tmp_path / "notes.pdf"
    text.write_text("这不是PDF", encoding="utf-8")
    return encrypted, damaged, text


def test_bad_files_reported_and_others_processed(bad_files, digital_dossier):
    src, ref = digital_dossier
    encrypted, damaged, text = bad_files
    res = catalogue([encrypted, src, damaged, text])
    problems = {e.file: e.message for e in res.errors}
    assert "加密" in problems["locked.pdf"]
    assert "损坏" in problems["damaged.pdf"]
    assert "不是 PDF" in problems["notes.pdf"]
    assert len(res.pages) == len(ref["pages"])
    assert res.pages[0].file == src.name and res.pages[0].page == 1


def test_only_bad_files_is_an_input_error(bad_files):
    with pytest.raises(InputError) as err:
        catalogue(list(bad_files))
    assert "无法读取" in err.value.message


def test_missing_file_and_empty_list(tmp_path):
    with pytest.raises(InputError):
        catalogue([])
    with pytest.raises(InputError) as err:
        catalogue([tmp_path / "nope.pdf"])
    assert "不存在" in str(err.value)


def test_multi_page_tiff_counts_every_frame(tmp_path):
    from catalogue_pdf_writer import PageSpec, TextLine, render_scan

    first = render_scan(PageSpec([TextLine("民 事 上 诉 状", 22, "center"), TextLine("上诉人：孙丽，女。", 12)], seed=1), dpi=110)
    second = render_scan(PageSpec([TextLine("上诉请求：撤销原判，依法改判。", 12)], seed=2), dpi=110)
    path = tmp_path / "appeal.tif"
    first.save(path, save_all=True, append_images=[second], dpi=(110, 110))
    res = catalogue([path])
    assert [(p.file_page, p.category) for p in res.pages] == [(1, "上诉状"), (2, "上诉状")]
    assert [(d.start_page, d.end_page) for d in res.documents] == [(1, 2)]
