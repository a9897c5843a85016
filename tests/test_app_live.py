"""Presenter mode, the live session and the audience vote page through AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policy import Dataset
from policy.live import LiveUnavailable, RoomStore
from policy.slides import build_slides
from policy.style import position_label
from tests.conftest import clear_live_stores

APP = str(Path(__file__).resolve().parent.parent / "app.py")
UNAVAILABLE = "The live poll is unavailable — slides keep working."
CONTROLS = {
    "poll_open",
    "poll_reveal",
    "poll_close",
    "poll_reset",
    "poll_again",
    "con_prev",
    "con_next",
    "con_go_1",
    "con_timer",
    "con_blank",
    "con_end",
    "blank_key",
    "statements_open",
    "confirm_yes",
    "export_csv",
    "export_json",
}


pytestmark = pytest.mark.usefixtures("live_db")


def page(name: str, /, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(f"ui/pages/{name}.py").run()


def keys(at: AppTest) -> set[str]:
    """The keys of every button on the page (form buttons included)."""
    return {str(b.key) for b in at.button if b.key}


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "header", "subheader", "title", "code")
        for e in at.get(kind)
    ]
    parts += [e.value for kind in ("info", "warning", "error", "success") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # Markdown escapes dropped


def start(at: AppTest | None = None) -> tuple[AppTest, str, str]:
    """The presenter's window with a live session started: (app, room code, presenter key)."""
    at = at or page("present", view="presenter")
    next(b for b in at.button if b.label == "Start the live session").click().run()
    code, key = at.query_params["room"], at.query_params["key"]
    assert at.query_params["view"] == "presenter" and len(key) >= 32
    return at, code, key


def poll_slide(dataset: Dataset) -> int:
    return [s.kind for s in build_slides(dataset)].index("poll") + 1


# --- slides without a live session ----------------------------------------------------------------


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


def test_the_projector_shows_no_slide_count_and_no_notes(dataset: Dataset) -> None:
    at = page("present", slide="2")
    assert "Slide 2 of" not in texts(at) and "Speaker notes" not in texts(at)
    assert not at.toggle and not at.expander


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


# --- the live session -----------------------------------------------------------------------------


def test_a_live_session_from_start_to_reveal(dataset: Dataset) -> None:
    presenter, code, key = start()
    assert "Open the poll" in [b.label for b in presenter.button]
    presenter.button(key="poll_open").click().run()
    assert "**0** votes" in texts(presenter)

    phone = page("vote", join=code.lower())
    assert phone.header[0].value == dataset.debate.poll_question
    phone.button(key=f"vote-{dataset.position_ids[1]}").click().run()
    assert "Your vote" in phone.success[0].value and "Tap another option" in phone.success[0].value
    phone.button(key=f"vote-{dataset.position_ids[2]}").click().run()  # changes the vote
    assert not phone.get("vega_lite_chart"), "results stay hidden until revealed"

    presenter.run()
    assert "**1** vote · poll open · results hidden" in texts(presenter)
    presenter.button(key="poll_reveal").click().run()
    phone.run()
    assert "Results" in texts(phone) and not phone.get("vega_lite_chart"), "a phone draws no chart"
    bars = [(b.proto.text.replace("\\", ""), b.proto.value) for b in phone.get("progress")]
    labels = [position_label(dataset, p) for p in dataset.position_ids]
    assert [text.split("**")[1] for text, _ in bars] == labels, "one bar per option, in the poll's order"
    assert bars[2][0].endswith("100% · 1 vote") and bars[2][1] == 100
    assert bars[0][0].endswith("0% · 0 votes") and bars[0][1] == 0
    assert "1 vote in all" in texts(phone)
    RoomStore(password=None).go_to(code, key, poll_slide(dataset))
    projector = page("present", room=code)
    # Revealed, the results take the slide; the code is still given, in a line, with the QR code.
    assert f"Join at /vote with the code {code}" in [m.value for m in projector.markdown]
    assert projector.get("vega_lite_chart") and projector.get("image")


def test_the_presenter_window_and_the_projector_share_the_slide(dataset: Dataset) -> None:
    slides = build_slides(dataset)
    presenter, code, key = start()
    presenter.button(key="con_next").click().run()
    assert f"Slide 2 of {len(slides)}" in texts(presenter)
    assert RoomStore(password=None).get(code).slide == 2
    projector = page("present", room=code)
    assert projector.title[0].value == slides[1].title
    assert "key" not in projector.query_params, "the key is never in the projector's link"
    # The presenter's key from its link moves the room from the projector window too, by keyboard.
    keyed = page("present", room=code, key=key)
    assert "key" not in keyed.query_params
    keyed.button(key="next").click().run()
    assert keyed.title[0].value == slides[2].title
    presenter.run()
    assert f"Slide 3 of {len(slides)}" in texts(presenter)
    assert slides[2].notes[0][:30] in texts(presenter) if slides[2].notes else True


def test_a_slide_key_on_a_black_screen_brings_the_slide_back_and_stays_on_it(dataset: Dataset) -> None:
    slides = build_slides(dataset)
    _, code, key = start()
    projector = page("present", room=code, key=key)
    projector.button(key="blank_key").click().run()
    assert RoomStore(password=None).get(code).blank
    projector.button(key="next").click().run()
    room = RoomStore(password=None).get(code)
    assert not room.blank and room.slide == 1, "back on the slide the room left, not the next one"
    assert projector.title[0].value == slides[0].title
    projector.button(key="next").click().run()
    assert RoomStore(password=None).get(code).slide == 2


def test_the_presenter_jumps_to_any_slide_and_pauses_the_timer(dataset: Dataset) -> None:
    import time

    slides = build_slides(dataset)
    presenter, code, _ = start()
    presenter.button(key="con_go_4").click().run()
    assert f"Slide 4 of {len(slides)} · {slides[3].title}" in texts(presenter)
    assert RoomStore(password=None).get(code).slide == 4
    assert presenter.button(key="con_go_4").disabled, "the slide on screen is marked, not offered"
    assert "B or . blacks the screen out" in texts(presenter), "the keys are told"
    presenter.button(key="con_timer").click().run()
    stopped = presenter.button(key="con_timer").label
    assert stopped.endswith("· paused")
    time.sleep(1.2)
    presenter.run()
    assert presenter.button(key="con_timer").label == stopped, "a paused timer stands still"
    presenter.button(key="con_timer").click().run()
    assert "paused" not in presenter.button(key="con_timer").label
    presenter.button(key="con_timer_restart").click().run()
    assert presenter.button(key="con_timer").label in ("0:00", "0:01")


@pytest.mark.parametrize(
    "where",
    [
        ("present", {}),
        ("present", {"view": "presenter"}),
        ("present", {"key": "forged-key-forged-key-forged-key"}),
        ("present", {"view": "presenter", "key": "forged-key-forged-key-forged-key"}),
        ("vote", {}),
    ],
)
def test_someone_with_the_join_code_gets_no_control(
    dataset: Dataset, where: tuple[str, dict[str, str]]
) -> None:
    presenter, code, key = start()
    presenter.button(key="poll_open").click().run()
    RoomStore(password=None).go_to(code, key, poll_slide(dataset))
    name, extra = where
    params = {"join": code} if name == "vote" else {"room": code, **extra}
    other = page(name, **params, slide=str(poll_slide(dataset)))
    assert not other.exception
    assert not keys(other) & (CONTROLS | {"next", "prev", "pgup", "pgdn"})
    assert not [
        b for b in other.button if b.label in ("Start the live session", "Reveal the results", "Reset votes…")
    ]
    assert key not in str(other.query_params) and key not in texts(other)
    assert not other.get("download_button"), "no results export without the key"


def test_close_reset_with_confirmation_and_ask_again_move_the_phones(dataset: Dataset) -> None:
    presenter, code, _ = start()
    presenter.button(key="poll_open").click().run()
    phone = page("vote", join=code)
    first = dataset.position_ids[0]
    phone.button(key=f"vote-{first}").click().run()
    presenter.button(key="poll_close").click().run()
    phone.run()
    assert "closed" in phone.warning[0].value
    assert "Your vote" in phone.success[0].value and "Tap another option" not in phone.success[0].value
    assert phone.button(key=f"vote-{first}").disabled
    presenter.button(key="poll_close").click().run()  # reopen
    presenter.button(key="poll_reset").click().run()
    assert "Delete all 1 vote in this poll? This cannot be undone." in texts(presenter)
    presenter.button(key="confirm_no").click().run()
    assert "**1** vote" in texts(presenter)
    presenter.button(key="poll_reset").click().run()
    presenter.button(key="confirm_yes").click().run()
    assert "**0** votes" in texts(presenter)
    before = RoomStore(password=None).get(code).round
    presenter.button(key="poll_again").click().run()  # "Ask again" ends the running round: it asks first
    assert RoomStore(password=None).get(code).round == before
    assert "Ask again? This poll closes" in texts(presenter)
    presenter.button(key="confirm_yes").click().run()
    room = RoomStore(password=None).get(code)
    assert not RoomStore(password=None).polls.get(before).is_open
    assert room.round != before and "after round" in texts(presenter)
    phone.run()  # the same phone, no new code: it is on the new round
    assert not phone.success and phone.header[0].value == dataset.debate.poll_question
    phone.button(key=f"vote-{first}").click().run()
    assert RoomStore(password=None).polls.total_votes(room.round) == 1


def test_a_deployment_password_guards_opening(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_PRESENTER_PASSWORD", "lectern")
    clear_live_stores()
    at = page("present", view="presenter")
    at.text_input(key="presenter_password").input("wrong")
    next(b for b in at.button if b.label == "Start the live session").click().run()
    assert "not right" in at.error[0].value and "room" not in at.query_params
    at.text_input(key="presenter_password").input("lectern")
    start(at)


def test_a_lost_control_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    presenter, _, _ = start()

    def down(*_: object) -> None:
        raise LiveUnavailable()

    monkeypatch.setattr(RoomStore, "go_to", down)
    presenter.run()  # the button's callback is bound when drawn
    presenter.button(key="con_next").click().run()
    assert f"{UNAVAILABLE} That control was not applied" in texts(presenter)


def test_a_database_that_is_down_leaves_the_slides_working(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_POLL_DB", "postgresql://u:p@127.0.0.1:1/polls")  # nothing listens there
    clear_live_stores()
    slides = build_slides(dataset)
    at = page("present", room="ABCDEF", slide="2")
    assert not at.exception and at.title[0].value == slides[1].title
    assert UNAVAILABLE in texts(at)
    at.button(key="next").click().run()
    assert at.title[0].value == slides[2].title
    for name, params in (("vote", {"join": "ABCDEF"}), ("present", {"view": "presenter"})):
        at = page(name, **params)
        assert not at.exception
        if name == "present":
            next(b for b in at.button if b.label == "Start the live session").click().run()
        assert UNAVAILABLE in texts(at)
    assert not page("overview").exception


def test_vote_page_without_code_asks_for_one_and_rejects_bad_codes() -> None:
    at = page("vote")
    assert at.text_input(key="join_code")
    for bad in ("nope", "ZZZZZZ", "<b>x</b>"):
        at = page("vote", join=bad)
        assert not at.exception
        message = at.error[0].value.casefold()
        assert "not a valid poll code" in message or "no poll" in message


def test_a_phone_before_the_poll_opens_waits_and_then_sees_it(dataset: Dataset) -> None:
    presenter, code, _ = start()
    phone = page("vote", join=code)
    assert "Waiting for the presenter" in texts(phone)
    presenter.button(key="poll_open").click().run()
    phone.run()
    assert phone.header[0].value == dataset.debate.poll_question


def test_a_bad_code_in_the_link_still_lets_the_audience_type_one(dataset: Dataset) -> None:
    _, code, _ = start()
    phone = page("vote", join="WRONG2")
    assert phone.error
    phone.text_input(key="join_code").input(code.lower()).run()
    assert "Waiting for the presenter" in texts(phone)


def test_the_presenter_is_warned_when_the_join_link_is_local(monkeypatch: pytest.MonkeyPatch) -> None:
    presenter, code, _ = start()
    assert "no phone can open it" in texts(presenter)
    monkeypatch.setenv("POLICY_PUBLIC_URL", "https://polls.example.org/")
    presenter.run()
    assert f"https://polls.example.org/vote?join={code}" in texts(presenter)
    assert "no phone can open it" not in texts(presenter)


def slide_of(dataset: Dataset, kind: str) -> int:
    return [s.kind for s in build_slides(dataset)].index(kind) + 1


def test_ending_the_session_asks_first_then_the_room_and_phones_follow(dataset: Dataset) -> None:
    presenter, code, key = start()
    presenter.button(key="poll_open").click().run()
    phone = page("vote", join=code)
    phone.button(key=f"vote-{dataset.position_ids[0]}").click().run()
    presenter.button(key="con_end").click().run()
    assert "End the session?" in texts(presenter) and not RoomStore(password=None).get(code).ended
    presenter.button(key="confirm_yes").click().run()
    rooms = RoomStore(password=None)
    room = rooms.get(code)
    assert room.ended and not rooms.polls.get(str(room.round)).is_open
    assert f"Session {code} has ended" in texts(presenter)
    assert len(presenter.get("download_button")) == 2  # the results, CSV and JSON
    assert not keys(presenter) & {"con_next", "poll_reveal", "con_end"}
    again = page("present", view="presenter", room=code, key=key)  # the presenter's link, opened later
    assert f"Session {code} has ended" in texts(again) and len(again.get("download_button")) == 2
    projector = page("present", room=code)
    assert projector.title[0].value == "This session has ended" and not projector.get("image")
    phone.run()
    assert "ended this session" in texts(phone) and not [b for b in phone.button if b.key == "vote-" + "x"]
    assert not [b for b in phone.button if str(b.key).startswith("vote-")]


def test_the_black_screen_follows_the_room_from_either_window(dataset: Dataset) -> None:
    presenter, code, key = start()
    presenter.button(key="con_blank").click().run()
    assert RoomStore(password=None).get(code).blank
    projector = page("present", room=code)
    assert not projector.title and not projector.get("image")
    keyed = page("present", room=code, key=key)
    keyed.button(key="blank_key").click().run()  # B on the projector window that holds the key
    assert not RoomStore(password=None).get(code).blank
    projector.run()
    assert projector.title[0].value == build_slides(dataset)[0].title


def test_the_statement_round_has_its_own_slide_and_opening_it_ends_the_poll_after_asking(
    dataset: Dataset,
) -> None:
    presenter, code, key = start()
    presenter.button(key="poll_open").click().run()
    rooms = RoomStore(password=None)
    poll = str(rooms.get(code).round)
    assert rooms.get(code).slide == slide_of(dataset, "poll")
    assert presenter.button(key="poll_reveal").proto.type == "primary"
    assert presenter.button(key="statements_open").proto.type == "secondary"
    presenter.button(key="statements_open").click().run()
    assert "ends the poll" in texts(presenter) and rooms.get(code).kind == "poll"
    presenter.button(key="confirm_yes").click().run()
    room = rooms.get(code)
    assert room.kind == "statements" and room.slide == slide_of(dataset, "statements")
    assert not rooms.polls.get(poll).is_open
    projector = page("present", room=code)
    assert projector.title[0].value == "Agree or disagree?"
    rooms.go_to(code, key, slide_of(dataset, "poll"))  # the poll slide stays the poll's
    projector.run()
    assert projector.title[0].value == dataset.debate.poll_question


def test_the_poll_slide_shows_the_options_while_voting_is_open(dataset: Dataset) -> None:
    presenter, code, _ = start()
    presenter.button(key="poll_open").click().run()
    projector = page("present", room=code)
    shown = texts(projector)
    for pid in dataset.position_ids:
        assert position_label(dataset, pid) in shown
    assert code in [m.value for m in projector.markdown]


def test_the_slides_without_a_session_say_what_they_are_and_lead_back() -> None:
    at = page("present")
    assert "Slides for a room" in texts(at)
    assert [link for link in at.get("page_link") if "Overview" in link.proto.label]
