"""The presenter's statement-round controls through AppTest: closing a running round and asking again ask
first, as the poll's controls do, and Cancel leaves the round as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policy.live import RoomStore
from policy.live.statements import StatementStore

APP = str(Path(__file__).resolve().parent.parent / "app.py")


pytestmark = pytest.mark.usefixtures("live_db")


def texts(at: AppTest) -> str:
    parts = [getattr(e, "value", "") for kind in ("markdown", "warning", "caption") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # Markdown escapes dropped


def presenter_with_a_statement_round() -> tuple[AppTest, str, str]:
    """The presenter's window with a live session and its statement round open: (app, room code, round)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["view"] = "presenter"
    at.switch_page("ui/pages/present.py").run()
    next(b for b in at.button if b.label == "Start the live session").click().run()
    code = at.query_params["room"]
    at.button(key="statements_open").click().run()
    room = RoomStore(password=None).get(code)
    assert room.kind == "statements" and room.round is not None
    return at, code, room.round


def test_closing_a_running_statement_round_asks_first(live_db: Path) -> None:
    presenter, _, first = presenter_with_a_statement_round()
    store = StatementStore()
    presenter.button(key="statements_close").click().run()
    assert "Close the statement round? Phones stop taking answers" in texts(presenter)
    assert store.get(first).is_open, "nothing happens before the presenter answers"
    assert "statements_reveal" not in {b.key for b in presenter.button}, "the question stands in their place"
    presenter.button(key="statements_confirm_no").click().run()
    assert store.get(first).is_open and "Close the statement round?" not in texts(presenter)
    presenter.button(key="statements_close").click().run()
    presenter.button(key="statements_confirm_yes").click().run()
    assert not store.get(first).is_open
    assert "statement round closed" in texts(presenter)
    presenter.button(key="statements_close").click().run()  # Reopen: nothing is lost, so it does not ask
    assert store.get(first).is_open and "statements_confirm_yes" not in {b.key for b in presenter.button}


def test_asking_again_asks_first_then_moves_the_room_to_an_after_round(live_db: Path) -> None:
    presenter, code, first = presenter_with_a_statement_round()
    rooms = RoomStore(password=None)
    presenter.button(key="statements_again").click().run()
    assert "Ask again? Phones move to a new, empty round" in texts(presenter)
    assert rooms.get(code).round == first
    presenter.button(key="statements_confirm_no").click().run()
    assert rooms.get(code).round == first and "Ask again?" not in texts(presenter)
    presenter.button(key="statements_again").click().run()
    presenter.button(key="statements_confirm_yes").click().run()
    after = rooms.get(code).round
    assert after is not None and after != first
    assert StatementStore().get(after).before == first
    assert "after round open" in texts(presenter)


def test_a_phone_sees_its_answers_beside_the_rooms_once_revealed(live_db: Path) -> None:
    presenter, code, first = presenter_with_a_statement_round()
    phone = AppTest.from_file(APP, default_timeout=60)
    phone.query_params["join"] = code
    phone.switch_page("ui/pages/vote.py").run()
    total = len(StatementStore().get(first).statements)
    for _ in range(total):
        phone.button(key="answer-agree").click().run()
    assert f"you have answered {total} of {total} statements" in phone.success[0].value
    assert "Your answers and the room's" not in [s.value for s in phone.subheader], "not before Reveal"
    presenter.run()  # the presenter sees where the room stands before revealing it
    look = next(c.value for c in presenter.caption if c.value.startswith("Only you see this"))
    assert "no statement has broad agreement yet" in look and "none splits the room yet" in look, "one phone"
    assert "no opinion groups yet" in look
    presenter.button(key="statements_reveal").click().run()
    phone.run()
    assert [s.value for s in phone.subheader] == ["Your answers and the room's"]
    shown = texts(phone)
    assert "1 person answered. The presenter has shown the results." in shown
    assert shown.count("**You agreed** · room: **100%** agree, 0% disagree, 0% pass (1)") == total
