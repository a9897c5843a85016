"""Presenter mode and the audience vote page through AppTest."""

from __future__ import annotations

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
