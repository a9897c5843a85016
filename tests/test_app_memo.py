"""The memo builder through AppTest: options as pills, arguments picked by their text, a live page count."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from policy import Dataset

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = '<script>alert(1)</script> **bold** [x](javascript:alert(1)) =HYPERLINK("x") $x$ :red[y]'


def page(name: str, /, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(f"ui/pages/{name}.py").run()


def preview(at: AppTest) -> str:
    """The memo preview's text, opening the preview first (it is built only when open)."""
    if "memo_preview" not in at.session_state or not at.session_state["memo_preview"]:
        at.session_state["memo_preview"] = True
        at.run()
    return at.main.markdown[-1].value


def open_option(at: AppTest, pid: str) -> AppTest:
    """Open an option's panel on the memo page (its choices are built only when open)."""
    at.session_state[f"memo_open_{pid}"] = True
    return at.run()


def ticked(at: AppTest, prefix: str) -> list[str]:
    """The ids whose checkbox under this key prefix is ticked, in page order."""
    return [
        c.key.removeprefix(prefix + "_") for c in at.checkbox if c.key.startswith(prefix + "_") and c.value
    ]


def page_count_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if "The PDF is" in c.value)


def test_memo_defaults_to_every_option_with_both_sides(dataset: Dataset) -> None:
    at = page("memo")
    assert not at.exception
    assert at.pills(key="memo_positions").value == dataset.position_ids
    # The preview is drawn on request only.
    assert [e.label for e in at.expander][-1] == "Preview the memo"
    assert not any("The case for" in m.value for m in at.markdown)
    text = preview(at)
    assert re.search(r"^\|:-+\|", text, flags=re.M)  # the at-a-glance table's rule row is left whole
    assert "\u2060[^" not in text  # and every footnote reference, even right after a colon
    for position in dataset.positions:
        assert position.title.split()[0] in text
    assert "The case for" in text and "The case against" in text
    assert (
        text.index("Summary")
        < text.index("The options at a glance")
        < text.index(f"# {dataset.positions[0].title}")
    )
    # An option's panel is built when opened, with the strongest arguments already chosen.
    first = dataset.position_ids[0]
    assert not ticked(at, f"memo_for_{first}")
    assert 1 <= len(ticked(open_option(at, first), f"memo_for_{first}")) <= 2
    # Each argument is offered by who makes it and what it says.
    label = next(c.label for c in at.checkbox if c.key.startswith(f"memo_for_{first}_"))
    assert len(label) > 60 and ": " in label
    assert [b.proto.label for b in at.get("download_button")] == [
        "Word (.docx)",
        "PDF",
        "Markdown (.md)",
        "RIS (.ris)",
        "BibTeX (.bib)",
        "CSL-JSON (.json)",
    ]
    # The page count is there without asking, and follows the choices.
    full = page_count_caption(at)
    assert re.search(r"The PDF is \*\*\d+ pages\*\* \(US Letter\)", full)
    at.segmented_control(key="memo_length").set_value("brief").run()
    assert "**1 page** (US Letter)" in page_count_caption(at)
    at.segmented_control(key="memo_paper").set_value("a4").run()
    assert "(A4)" in page_count_caption(at)


def test_memo_link_chooses_options_and_style(dataset: Dataset) -> None:
    pid = dataset.position_ids[1]
    at = page("memo", positions=pid, style="apa")
    assert at.pills(key="memo_positions").value == [pid]
    assert at.segmented_control(key="memo_style").value == "apa"
    assert dataset.position(dataset.position_ids[0]).title not in preview(at)


def test_memo_link_keeps_the_length_and_the_paper() -> None:
    # A staffer shares a one-page A4 brief: the link opens it so, with no notice, and a change is in the link.
    at = page("memo", length="brief", paper="a4")
    assert not at.info
    assert at.segmented_control(key="memo_length").value == "brief"
    assert "**1 page** (A4)" in page_count_caption(at)
    at.segmented_control(key="memo_paper").set_value("letter").run()
    assert at.query_params["length"] == "brief" and "paper" not in at.query_params  # US Letter is the default


def test_memo_bad_link_falls_back_with_a_notice() -> None:
    at = page("memo", positions="ghost", style="vancouver")
    assert not at.exception
    # Both problems with the link, in one notice (a line each).
    assert [i.value.count("link") for i in at.info if "link" in i.value] == [2]


def test_memo_user_text_is_data_not_markup() -> None:
    at = page("memo")
    at.text_area(key="memo_recommendation").input(HOSTILE).run()
    at.text_input(key="memo_to").input(HOSTILE).run()
    text = preview(at)
    assert not re.search(r"(?<!\\)<script", text)
    assert not re.search(r"(?<!\\)\]\(javascript", text), "a live link from user text"
    assert "**bold**" not in text and "$x$" not in text
    assert "Recommendation" in text


def test_memo_text_stops_at_the_memo_limit_and_the_memo_still_builds() -> None:
    from policy.memo import TEXT_LIMIT

    at = page("memo")
    assert at.text_area(key="memo_background").max_chars == TEXT_LIMIT  # the browser stops typing there
    at.text_area(key="memo_background").input("word " * 1200).run()
    assert not at.exception and not at.error
    assert len(at.text_area(key="memo_background").value) <= TEXT_LIMIT


def test_memo_removing_an_argument_removes_it_from_the_preview(dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    at = open_option(page("memo", positions=pid), pid)
    chosen = ticked(at, f"memo_for_{pid}")
    name = dataset.actor(chosen[0]).name
    assert name in preview(at)
    at.checkbox(key=f"memo_for_{pid}_{chosen[0]}").uncheck().run()
    section = preview(at).split("The case against")[0].split("The case for")[1]
    assert f"**{name}" not in section


def test_memo_keeps_an_options_choices_when_its_panel_closes(dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    at = open_option(page("memo"), pid)
    evidence = ticked(at, f"memo_evidence_{pid}")
    dropped = dataset.evidence_item(evidence[0]).claim[:60]
    before = preview(at).count(dropped)  # an item can bear on more than one option
    assert before
    at.checkbox(key=f"memo_evidence_{pid}_{evidence[0]}").uncheck().run()
    at.session_state[f"memo_open_{pid}"] = False
    at.run()
    assert not ticked(at, f"memo_evidence_{pid}")
    assert preview(at).count(dropped) < before
    # Opened again, the panel shows the choice as it was left.
    assert ticked(open_option(at, pid), f"memo_evidence_{pid}") == evidence[1:]
