"""Editing the content under a running server: a correction reaches the memo, a bad save interrupts no reader."""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import download, start_server, stop_server, wait_ready
from tests.conftest import MINI
from tests.test_ui import NEW, OLD, edit_title


def files(page: object) -> dict[str, str]:
    """The text of the memo's Markdown, Word and PDF downloads."""
    texts = {}
    for label, ext in (("Markdown (.md)", "md"), ("Word (.docx)", "docx"), ("PDF", "pdf")):
        path, name = download(page, label)
        assert name.endswith(f".{ext}")
        data = path.read_bytes()
        if ext == "docx":
            texts[ext] = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        elif ext == "pdf":
            texts[ext] = " ".join(
                " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split()
            )
        else:
            texts[ext] = data.decode("utf-8")
    return texts


@contextmanager
def app_on_a_copy(browser: object, tmp_path: Path) -> Iterator[tuple[Path, str, Any]]:
    """A server on a copy of the test debate that the test may edit: (its folder, its URL, a browser context)."""
    folder = tmp_path / "content"
    shutil.copytree(MINI, folder)
    proc, url = start_server({"POLICY_DATA_DIR": str(folder), "POLICY_POLL_DB": str(tmp_path / "polls")})
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)  # type: ignore[attr-defined]
    try:
        yield folder, url, context
    finally:
        context.close()
        stop_server(proc)


def test_an_edited_position_title_reaches_the_memo_downloads_without_a_restart(
    browser: object, tmp_path: Path
) -> None:
    with app_on_a_copy(browser, tmp_path) as (folder, url, context):
        page = context.new_page()
        page.goto(f"{url}/memo")
        wait_ready(page)
        before = files(page)
        assert all(OLD in text and NEW not in text for text in before.values()), before
        edit_title(folder)
        time.sleep(1.2)  # the app looks at the files' modification times once a second
        page.reload()  # a reader's next visit
        wait_ready(page)
        page.get_by_text("Preview the memo").click()
        expect(page.get_by_test_id("stExpanderDetails").last).to_contain_text(NEW)
        after = files(page)
        assert all(NEW in text for text in after.values()), after


def test_a_truncated_and_restored_file_interrupts_no_reader_and_keeps_a_memo(
    browser: object, tmp_path: Path
) -> None:
    with app_on_a_copy(browser, tmp_path) as (folder, url, context):
        readers = {}
        for path in ("overview", "position", "memo"):
            readers[path] = context.new_page()
            readers[path].goto(f"{url}/{path}")
            wait_ready(readers[path])
        memo = readers["memo"]
        memo.get_by_role("textbox", name="To", exact=True).fill("The committee")
        memo.get_by_role("textbox", name="Recommendation (yours)").fill("Fund the pilot.")
        memo.get_by_role("textbox", name="Recommendation (yours)").press("Tab")
        wait_ready(memo)

        def look_at_every_page() -> None:
            for path, page in readers.items():
                if path == "memo":
                    page.get_by_role("textbox", name="Subject", exact=True).fill(
                        f"Subject {time.monotonic():.0f}"
                    )
                    page.get_by_role("textbox", name="Subject", exact=True).press("Tab")
                else:
                    page.reload()
                wait_ready(page)
                expect(page.get_by_test_id("stException")).to_have_count(0)
                expect(page.get_by_text("could not be loaded")).to_have_count(0)
                assert "/" + folder.name + "/" not in page.content()

        debate = folder / "debate.yaml"
        good = debate.read_text(encoding="utf-8")
        debate.write_text(good[: len(good) // 3], encoding="utf-8")  # an editor's save, half-written
        look_at_every_page()
        time.sleep(1.2)  # long enough for the app to take the truncated file as settled, and reject it
        look_at_every_page()
        debate.write_text(good, encoding="utf-8")
        time.sleep(1.2)
        look_at_every_page()
        expect(memo.get_by_role("textbox", name="To", exact=True)).to_have_value("The committee")
        expect(memo.get_by_role("textbox", name="Recommendation (yours)")).to_have_value("Fund the pilot.")


def test_a_renamed_option_stays_chosen_in_a_memo_in_progress(browser: object, tmp_path: Path) -> None:
    with app_on_a_copy(browser, tmp_path) as (folder, url, context):
        page = context.new_page()
        page.goto(f"{url}/memo")
        wait_ready(page)
        # The chosen options are the pills drawn as active.
        chosen = page.get_by_test_id("stButtonGroup").first.locator("button[aria-pressed=true]")
        expect(chosen.filter(has_text="Four days")).to_have_count(1)
        path = folder / "positions.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("short_title: Four days", "short_title: Four long days")
        )
        time.sleep(1.2)  # the app looks at the files once a second
        to = page.get_by_role("textbox", name="To", exact=True)
        to.fill("The committee")
        to.press("Tab")  # a rerun, with the widgets' values as the browser holds them
        wait_ready(page)
        expect(chosen.filter(has_text="Four long days")).to_have_count(1)
        expect(chosen.filter(has_text="Five days")).to_have_count(1)
        expect(page).to_have_url(f"{url}/memo")  # both options still chosen: the default, so no parameter
