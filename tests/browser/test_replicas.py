"""Two `streamlit run` replicas on one PostgreSQL database, as the README's multi-replica set-up runs them.

A phone on replica A votes and the presenter on replica B sees it; the presenter key opened on B controls
the session from A too. Needs POLICY_TEST_PG_URL (``.ci/start-postgres``); under CI=true it fails without.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect
from sqlalchemy.engine import Engine
from sqlalchemy.schema import CreateSchema, DropSchema

from policy import Dataset
from policy.live import PollStore, RoomStore
from policy.slides import build_slides
from tests.browser.conftest import start_server, stop_server, wait_ready
from tests.browser.test_live import click, phone_context, start_session
from tests.test_poll import pg_admin  # noqa: F401  (the PostgreSQL fixture: fails under CI, skips elsewhere)

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


@pytest.fixture(scope="module")
def replicas(pg_admin: Engine) -> Iterator[tuple[str, str, RoomStore]]:  # noqa: F811
    """Replica A's and B's addresses on one fresh PostgreSQL schema, and the rooms on it."""
    schema = f"replicas_{uuid.uuid4().hex[:10]}"
    with pg_admin.begin() as conn:
        conn.execute(CreateSchema(schema))
    url = pg_admin.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )
    started = []
    try:
        for _ in range(2):
            started.append(start_server({"POLICY_POLL_DB": url}))
        rooms = RoomStore(PollStore(url), password=None)
        yield started[0][1], started[1][1], rooms
        rooms.polls.dispose()
    finally:
        for proc, _ in started:
            stop_server(proc)
        with pg_admin.begin() as conn:
            conn.execute(DropSchema(schema, cascade=True))


def test_a_vote_on_one_replica_reaches_the_presenter_on_the_other(
    browser: object, replicas: tuple[str, str, RoomStore], dataset: Dataset
) -> None:
    a, b, rooms = replicas
    assert a != b
    desk = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    phone_ctx = phone_context(browser)
    try:
        presenter = desk.new_page()
        code, key = start_session(presenter, b)  # the presenter is on replica B
        click(presenter, "Open the poll")
        expect(presenter.get_by_text("0 votes · poll open")).to_be_visible()

        phone = phone_ctx.new_page()  # the phone is on replica A
        phone.goto(f"{a}/vote?join={code}")
        wait_ready(phone)
        label = dataset.position(dataset.position_ids[1]).short_title
        phone.get_by_role("button", name=label).click()
        expect(phone.get_by_text("Your vote")).to_contain_text(label)
        expect(presenter.get_by_text("1 vote · poll open")).to_be_visible(timeout=20_000)

        # The presenter's key, made on B, controls the session from A.
        on_a = desk.new_page()
        on_a.goto(f"{a}/present?view=presenter&room={code}&key={key}")
        wait_ready(on_a)
        expect(on_a.get_by_text("1 vote · poll open · results hidden")).to_be_visible()
        click(on_a, "Reveal")
        expect(presenter.get_by_text("results shown")).to_be_visible(timeout=20_000)
        expect(phone.get_by_text("Results")).to_be_visible(timeout=20_000)
        after = [s.kind for s in build_slides(dataset)].index(
            "poll"
        ) + 2  # opening the poll went to its slide
        click(on_a, "Next")
        expect(presenter.get_by_text(re.compile(rf"^Slide {after} of"))).to_be_visible(timeout=20_000)
        room = rooms.get(code)
        assert room.slide == after and room.revealed and rooms.polls.total_votes(room.round or "") == 1
    finally:
        desk.close()
        phone_ctx.close()
