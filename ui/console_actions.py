"""What the presenter window's controls do to the room beyond a single ``policy.live`` call: open a round and
move the room to its slide, ask the poll again, end the session. The controls run them through
``ui.presenter.act``, which reports a refusal or a failing database.
"""

from __future__ import annotations

from collections.abc import Sequence

from policy import Dataset
from policy.live.statements import KIND
from policy.slides import Slide
from policy.style import position_label
from ui.statements import open_in_room, statement_store
from ui.store import room_store


def kind_slide(slides: Sequence[Slide], kind: str) -> int | None:
    """The number of the first slide of this kind (the poll's, the statement round's), if any."""
    return next((i for i, s in enumerate(slides, start=1) if s.kind == kind), None)


def open_poll_round(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """Open the poll in the room and move the room to the poll slide."""
    rooms = room_store()
    labels = {p: position_label(ds, p) for p in ds.position_ids}
    rooms.open_poll(code, key, ds.debate.poll_question, ds.position_ids, labels)
    if (at := kind_slide(slides, "poll")) is not None:
        rooms.go_to(code, key, at)


def open_statement_round(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """Open the statement round in the room (ui.statements) and move the room to its slide."""
    room = room_store().get(code)
    if room.kind == "poll" and room.round is not None:
        room_store().close(code, key)  # the poll round ends: it takes no more votes
    open_in_room(ds, code, key)
    if (at := kind_slide(slides, "statements")) is not None:
        room_store().go_to(code, key, at)


def ask_again(code: str, key: str) -> None:
    """Close the poll and open an "after" round of it; phones move to the new round."""
    room_store().close(code, key)
    room_store().ask_again(code, key)


def end_session(code: str, key: str) -> None:
    """Close the statement round if one is running, then end the session (policy.live checks the key)."""
    room = room_store().get(code)
    if room.kind == KIND and room.round is not None:
        statement_store().close(room.round, key)
    room_store().end(code, key)
