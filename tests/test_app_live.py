"""Memo builder, presenter mode and the audience vote page through AppTest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policy import Dataset
from policy.live import PollStore
from policy.slides import build_slides

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = '<script>alert(1)</script> **bold** [x](javascript:alert(1)) =HYPERLINK("x") $x$ :red[y]'


@pytest.fixture(autouse=True)
def poll_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # Each test gets its own poll database; the app's store is cached per process, so clear it.
    monkeypatch.setenv("POLICY_POLL_DB", str(tmp_path / "polls"))
    from ui.store import poll_store

    poll_store.clear()
    yield tmp_path / "polls"
    poll_store.clear()


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
    return at.markdown[-1].value


def open_option(at: AppTest, pid: str) -> AppTest:
    """Open an option's panel on the memo page (its choices are built only when open)."""
    at.session_state[f"memo_open_{pid}"] = True
    return at.run()


# --- memo -----------------------------------------------------------------------------------------


def test_memo_defaults_to_every_option_with_both_sides(dataset: Dataset) -> None:
    at = page("memo")
    assert not at.exception
    assert at.multiselect(key="memo_positions").value == dataset.position_ids
    # The preview is drawn on request only.
    assert [e.label for e in at.expander][-1] == "Preview the memo"
    assert not any("The case for" in m.value for m in at.markdown)
    text = preview(at)
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
    assert not [m for m in at.multiselect if m.key == f"memo_for_{first}"]
    assert 1 <= len(open_option(at, first).multiselect(key=f"memo_for_{first}").value) <= 3
    assert [b.proto.label for b in at.get("download_button")] == [
        "Word (.docx)",
        "PDF",
        "Markdown",
        "Bibliography (.ris)",
        "BibTeX (.bib)",
        "CSL-JSON",
    ]
    # The page count is worked out when asked for (typesetting takes a second or two), then shown.
    assert not any("pages (US Letter)" in c.value for c in at.caption)
    at.button(key="memo_count").click().run()
    assert any("The PDF is" in c.value and "pages (US Letter)" in c.value for c in at.caption)


def test_memo_link_chooses_options_and_style(dataset: Dataset) -> None:
    pid = dataset.position_ids[1]
    at = page("memo", positions=pid, style="apa")
    assert at.multiselect(key="memo_positions").value == [pid]
    assert at.segmented_control(key="memo_style").value == "apa"
    assert dataset.position(dataset.position_ids[0]).title not in preview(at)


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
    chosen = at.multiselect(key=f"memo_for_{pid}").value
    name = dataset.actor(chosen[0]).name
    assert name in preview(at)
    at.multiselect(key=f"memo_for_{pid}").set_value(chosen[1:]).run()
    section = preview(at).split("The case against")[0].split("The case for")[1]
    assert f"**{name}" not in section


def test_memo_keeps_an_options_choices_when_its_panel_closes(dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    at = open_option(page("memo"), pid)
    evidence = at.multiselect(key=f"memo_evidence_{pid}").value
    dropped = dataset.evidence_item(evidence[0]).claim[:60]
    before = preview(at).count(dropped)  # an item can bear on more than one option
    assert before
    at.multiselect(key=f"memo_evidence_{pid}").set_value(evidence[1:]).run()
    at.session_state[f"memo_open_{pid}"] = False
    at.run()
    assert not [m for m in at.multiselect if m.key == f"memo_evidence_{pid}"]
    assert preview(at).count(dropped) < before
    # Opened again, the panel shows the choice as it was left.
    assert open_option(at, pid).multiselect(key=f"memo_evidence_{pid}").value == evidence[1:]


# --- presenter ------------------------------------------------------------------------------------


def test_present_steps_through_slides_and_keeps_the_place_in_the_url(dataset: Dataset) -> None:
    slides = build_slides(dataset)
    at = page("present")
    assert at.title[0].value == slides[0].title
    assert at.query_params["slide"] == "1"
    at.button(key="next").click().run()
    assert at.title[0].value == slides[1].title and at.query_params["slide"] == "2"
    at.button(key="pgdn").click().run()
    assert at.query_params["slide"] == "3"
    at.button(key="pgup").click().run()
    at.button(key="prev").click().run()
    assert at.query_params["slide"] == "1"
    at.button(key="prev").click().run()
    assert at.query_params["slide"] == "1", "cannot go before the first slide"


def test_present_has_a_slide_per_position_and_the_fixed_slides(dataset: Dataset) -> None:
    kinds = [s.kind for s in build_slides(dataset)]
    assert kinds.count("position") == len(dataset.positions)
    assert kinds[0] == "title" and kinds[-1] == "sources"
    assert {"dispute", "compare", "poll"} <= set(kinds)


def test_present_reload_keeps_the_slide_and_bad_slides_start_at_one(dataset: Dataset) -> None:
    slides = build_slides(dataset)
    at = page("present", slide="3")
    assert at.title[0].value == slides[2].title
    for bad in ("0", "999", "two", "-1"):
        at = page("present", slide=bad)
        assert not at.exception and at.title[0].value == slides[0].title
        assert at.info


def test_speaker_notes_only_when_asked(dataset: Dataset) -> None:
    at = page("present", slide="2")
    assert not [e for e in at.expander if e.label == "Speaker notes"]
    at = page("present", slide="2", notes="1")
    assert [e for e in at.expander if e.label == "Speaker notes"]


def poll_slide(dataset: Dataset) -> str:
    return str([s.kind for s in build_slides(dataset)].index("poll") + 1)


def test_poll_round_trip_presenter_and_audience(dataset: Dataset, poll_db: Path) -> None:
    at = page("present", slide=poll_slide(dataset))
    at.button(key="poll_open").click().run()
    code = at.query_params["poll"]
    assert at.metric[0].value == code and at.get("image")

    phone = page("vote", join=code)
    assert phone.header[0].value == dataset.debate.poll_question
    option = dataset.position_ids[1]
    phone.button(key=f"vote-{option}").click().run()
    assert "Your vote" in phone.success[0].value
    phone.button(key=f"vote-{dataset.position_ids[2]}").click().run()  # changes the vote

    at.run()
    assert any("**1** vote" in m.value for m in at.markdown)
    assert not at.get("vega_lite_chart"), "results stay hidden until revealed"
    at.button(key="poll_reveal").click().run()
    assert at.get("vega_lite_chart")
    assert PollStore(f"sqlite:///{poll_db / 'polls.sqlite3'}").results(code)[dataset.position_ids[2]] == 1


def test_close_reset_and_ask_again(dataset: Dataset) -> None:
    at = page("present", slide=poll_slide(dataset))
    at.button(key="poll_open").click().run()
    code = at.query_params["poll"]
    phone = page("vote", join=code)
    phone.button(key=f"vote-{dataset.position_ids[0]}").click().run()
    at.button(key="poll_close").click().run()
    phone = page("vote", join=code)
    assert "closed" in phone.warning[0].value
    at.button(key="poll_close").click().run()  # reopen
    at.button(key="poll_reset").click().run()
    assert any("**0** votes" in m.value for m in at.markdown)
    at.button(key="poll_again").click().run()
    assert at.query_params["poll"] != code
    at.button(key="poll_reveal").click().run()
    assert at.get("vega_lite_chart")


def test_vote_page_without_code_asks_for_one_and_rejects_bad_codes() -> None:
    at = page("vote")
    assert at.text_input(key="join_code")
    for bad in ("nope", "ZZZZZZ", "<b>x</b>"):
        at = page("vote", join=bad)
        assert not at.exception
        message = at.error[0].value.casefold()
        assert "not a valid poll code" in message or "no poll" in message


def test_stale_poll_in_the_presenter_link_shows_a_notice(dataset: Dataset) -> None:
    at = page("present", slide=poll_slide(dataset), poll="ABCDEF")
    assert not at.exception
    assert at.info and at.button(key="poll_open")


def test_a_bad_code_in_the_link_still_lets_the_audience_type_one(dataset: Dataset) -> None:
    presenter = page("present", slide=poll_slide(dataset))
    presenter.button(key="poll_open").click().run()
    code = presenter.query_params["poll"]
    phone = page("vote", join="WRONG2")
    assert phone.error
    phone.text_input(key="join_code").input(code.lower()).run()
    assert phone.header[0].value == dataset.debate.poll_question
