"""The live session's language: stored with the room when the presenter opens it, followed by the audience's
phones (unless a phone chooses another), and a database made before the room had a language still works."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, Table, create_engine, inspect
from streamlit.testing.v1 import AppTest

from policy import Dataset, i18n
from policy.live import PollError, PollStore, RoomStore
from policy.live import room_tables as sql
from policy.live.presenter import hash_key
from tests.conftest import passages
from tests.test_poll import db_url, pg_admin  # noqa: F401 - the SQLite and PostgreSQL databases

APP = str(Path(__file__).resolve().parent.parent / "app.py")
KEY = "presenter-key-for-tests-0123456789"


def test_a_room_speaks_the_language_it_was_opened_in(db_url: str) -> None:  # noqa: F811
    rooms = RoomStore(PollStore(db_url), password=None)
    spanish, _key = rooms.open_room(language="es-MX")
    english, _key = rooms.open_room()
    assert rooms.get(spanish).language == "es" and rooms.get(english).language == "en"
    with pytest.raises(PollError, match="speaks one of: en, es; not 'fr'"):
        rooms.open_room(language="fr")


def test_a_database_made_before_the_language_column_still_works(db_url: str) -> None:  # noqa: F811
    """The room table as it was made before the language column, with a room in it: the store adds the column,
    the old room speaks English and still answers its key, and a new room keeps its language."""
    old = MetaData()
    Table(
        sql.rooms.name,
        old,
        *(
            Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            for c in sql.rooms.columns
            if c.name != "language"
        ),
    )
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1))
    now = datetime.now(UTC)
    with engine.begin() as conn:
        old.create_all(conn)
        conn.execute(
            old.tables[sql.rooms.name]
            .insert()
            .values(
                code="K7M2QX", key_hash=hash_key(KEY), slide=3, revealed=False, created_at=now, updated_at=now
            )
        )
    try:
        rooms = RoomStore(PollStore(db_url), password=None)
        room = rooms.get("K7M2QX")
        assert (room.language, room.slide) == ("en", 3)
        rooms.check_key("K7M2QX", KEY)
        rooms.go_to("K7M2QX", KEY, 4)
        code, _key = rooms.open_room(language="es")
        assert rooms.get(code).language == "es" and rooms.get("K7M2QX").slide == 4
        assert "language" in {c["name"] for c in inspect(engine).get_columns(sql.rooms.name)}
        again = RoomStore(PollStore(db_url), password=None)  # another process: the column is there already
        assert again.get(code).language == "es"
    finally:
        engine.dispose()


# -- the phone follows the session's language (a small Spanish catalog stands in for the lead's) ---------------


@pytest.fixture
def spanish() -> Iterator[None]:
    """The committed Spanish catalog ("Votar", "Vista de quien presenta"); the pages' cached texts are cleared
    before and after, so no other test reads what these runs built."""
    from ui.cache import CACHE

    assert i18n.has_catalog("es"), "the Spanish catalog is committed (policy/locale/es)"
    CACHE.clear()
    yield
    CACHE.clear()


def page(name: str, /, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(f"ui/pages/{name}.py").run()


@pytest.mark.usefixtures("live_db", "spanish")
def test_the_presenter_opens_the_session_in_the_language_they_run_it_in() -> None:
    at = page("present", view="presenter", lang="es")
    assert at.title[0].value == "Vista de quien presenta"
    with i18n.use("es"):
        start = i18n._("Start the live session")
    next(b for b in at.button if b.label == start).click().run()
    assert not at.exception
    assert RoomStore(password=None).get(at.query_params["room"]).language == "es"


@pytest.mark.usefixtures("live_db", "spanish")
def test_a_phone_speaks_the_sessions_language_unless_it_chooses_another() -> None:
    code, _key = RoomStore(password=None).open_room(language="es")
    phone = page("vote", join=code)
    assert not phone.exception and phone.title[0].value == "Votar"
    links = " ".join(p.value for p in passages(phone))
    assert f"[English](./vote?join={code}&lang=en" in links and "**Español**" in links
    chose = page("vote", join=code, lang="en")
    assert chose.title[0].value == "Vote"
    assert f"[Español](./vote?join={code}&lang=es" in " ".join(p.value for p in passages(chose))
    english, _key = RoomStore(password=None).open_room()
    assert page("vote", join=english).title[0].value == "Vote"


@pytest.mark.usefixtures("live_db", "spanish")
def test_a_code_typed_on_the_phone_brings_the_sessions_language() -> None:
    code, _key = RoomStore(password=None).open_room(language="es")
    phone = page("vote")
    assert phone.title[0].value == "Vote"
    phone.text_input(key="join_code").input(code).run()
    assert not phone.exception and phone.title[0].value == "Votar"
    assert phone.query_params["join"] == code


@pytest.mark.usefixtures("live_db", "spanish")
def test_a_phone_that_chose_english_reads_the_spanish_sessions_poll_in_english(dataset: Dataset) -> None:
    """The debate's own poll, opened in a Spanish session: a phone that chose English gets its question and options
    in English (the projector's stay Spanish)."""
    from policy.style import position_label
    from ui.content import served

    spanish = served().in_language("es")
    rooms = RoomStore(password=None)
    code, key = rooms.open_room(language="es")
    labels = {p: position_label(spanish, p) for p in spanish.position_ids}
    rooms.open_poll(code, key, spanish.debate.poll_question, spanish.position_ids, labels)
    phone = page("vote", join=code, lang="en")
    assert not phone.exception
    assert [h.value for h in phone.header][0] == dataset.debate.poll_question
    buttons = {b.label.replace("\\", "") for b in phone.button}
    assert {position_label(dataset, p) for p in dataset.position_ids} <= buttons, buttons
    spanish_phone = page("vote", join=code)
    assert [h.value for h in spanish_phone.header][0] == spanish.debate.poll_question


@pytest.mark.usefixtures("live_db", "spanish")
def test_a_phone_that_chose_english_reads_the_spanish_sessions_statements_in_english(
    dataset: Dataset,
) -> None:
    """A statement round opened in a Spanish session: a phone that chose English gets each statement in English."""
    from policy.live.statements import KIND, StatementStore
    from policy.statements import select_statements
    from ui.content import served

    spanish = select_statements(served().in_language("es"))
    english = {s.id: s for s in select_statements(dataset, 20)}
    rooms = RoomStore(password=None)
    code, key = rooms.open_room(language="es")
    rooms.start_round(code, key, KIND, StatementStore().open_round(spanish, key=key))
    phone = page("vote", join=code, lang="en")
    assert not phone.exception
    shown = " ".join(m.value for m in phone.markdown).replace("\\", "")
    first = spanish[0]
    assert first.id in english and english[first.id].text[:40] in shown, shown[:300]
    assert first.text[:40] not in shown
