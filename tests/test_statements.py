"""Statement rounds: the statements drawn from the content (policy.statements) and the round store
(policy.live.statements) on SQLite and, given POLICY_TEST_PG_URL, PostgreSQL."""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.schema import CreateSchema, DropSchema

from policy import ContentError, Dataset, load_dataset
from policy.live import (
    BadCode,
    BadOption,
    BadVoter,
    Limits,
    LiveUnavailable,
    NotPresenter,
    PollClosed,
    PollError,
    PollNotFound,
    PollStore,
    RateLimited,
    RoomStore,
)
from policy.live import statements as tables
from policy.live.groups import analyse
from policy.live.statement_export import results_csv, results_json, results_rows
from policy.live.statements import StatementStore
from policy.models import STATEMENT_MAX_CHARS
from policy.prose import MARKER, markers, sentences, strip_markers
from policy.statements import MAX_CHARS, MAX_COUNT, MIN_COUNT, Statement, attribution, select_statements
from tests.conftest import Edit

PG_ENV = "POLICY_TEST_PG_URL"
KEY = "presenter-key-for-statement-tests-01"
OTHER_KEY = "someone-else-in-the-room-0123456789"


# -- selection ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [MIN_COUNT, 12, MAX_COUNT])
def test_a_round_holds_8_to_20_cited_statements_short_enough_for_a_phone(
    dataset: Dataset, count: int
) -> None:
    chosen = select_statements(dataset, count)
    assert MIN_COUNT <= len(chosen) <= count
    assert len({s.id for s in chosen}) == len(chosen)
    assert len({s.text.casefold() for s in chosen}) == len(chosen)
    for s in chosen:
        assert s.quotes, s.id
        assert all(dataset.has("quotes", q) for q in s.quotes), s.id
        assert 0 < len(s.text) <= MAX_CHARS, s.id
        assert "…" not in s.text and "..." not in s.text, s.id
        assert not MARKER.search(s.text), s.id  # markers stripped from the words shown
        assert strip_markers(s.cited).split() == s.text.split()  # the same words, with their marks
        assert set(markers(s.cited)) == set(s.quotes)  # every quote has a mark a phone can open
        assert s.text[-1] in '.?!"”', s.id  # whole sentences, never cut


def test_asking_for_too_few_or_too_many_gives_8_to_20(dataset: Dataset) -> None:
    assert len(select_statements(dataset, 1)) == MIN_COUNT
    assert len(select_statements(dataset, 500)) <= MAX_COUNT


def _item_of(dataset: Dataset, s: Statement) -> tuple[str, str, str]:
    """(the item's own words, its short form for slides, its written proposition) for a statement."""
    if s.kind == "evidence":
        item = dataset.evidence_item(s.id)
        return item.claim, "", item.statement
    position = dataset.position(s.position)
    stances = position.proponents if s.side == "for" else position.critics
    stance = next(st for st in stances if s.id == f"arg-{s.position}-{s.side}-{st.actor}")
    return stance.argument, stance.slide, stance.statement


def test_statements_are_propositions_or_whole_sentences_of_the_content(dataset: Dataset) -> None:
    """Each statement is its item's written proposition, or else the opening sentences of the argument or
    evidence claim it names (or the argument's short form for slides), never a cut."""
    for s in select_statements(dataset, MAX_COUNT):
        source, short, proposition = _item_of(dataset, s)
        if proposition:
            assert s.cited == " ".join(proposition.split())
            continue
        short = " ".join(short.split())
        if short and s.cited == short:  # the argument's short form for slides, whole
            continue
        whole = sentences(" ".join(source.split()))
        kept = sentences(strip_markers(s.cited) if s.kind == "evidence" and not markers(source) else s.cited)
        if s.kind == "evidence" and not markers(source):
            assert kept == whole  # a claim without markers is used whole, its quotes after it
        else:
            assert kept == whole[: len(kept)]


def test_selection_prefers_propositions_written_for_a_room(dataset: Dataset) -> None:
    """A default round is made of propositions a room can agree or disagree with, not reports ("X said ..."),
    each with who holds or reports it; the items' own words only fill a longer round."""
    written = [s for s in select_statements(dataset, MAX_COUNT) if _item_of(dataset, s)[2]]
    assert len(written) >= 12
    chosen = select_statements(dataset)
    assert all(_item_of(dataset, s)[2] for s in chosen), [s.id for s in chosen if not _item_of(dataset, s)[2]]
    for s in chosen:
        assert " said" not in s.text and " says" not in s.text and " reports" not in s.text, s.text
        assert len(s.text) <= STATEMENT_MAX_CHARS
        assert attribution(dataset, s), s.id
    graham = next(s for s in chosen if s.id.endswith("-graham"))
    assert attribution(dataset, graham) == "Lindsey O. Graham · The Washington Post"


def test_a_proposition_is_preferred_in_any_debate(mini_copy: Path, edit: Edit) -> None:
    edit(
        "evidence.yaml",
        "  kind: statement\n",
        "  kind: statement\n  statement: Parents should not need Friday childcare [q-ortiz-childcare].\n",
    )
    chosen = select_statements(load_dataset(mini_copy))
    by_id = {s.id: s for s in chosen}
    assert by_id["childcare"].text == "Parents should not need Friday childcare."
    assert by_id["childcare"].quotes == ("q-ortiz-childcare",)
    assert next(s for s in chosen if s.side == "against").id == "childcare"  # first on its side


# -- the loader checks every proposition ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("evidence.yaml", "  kind: statement\n", "  kind: statement\n  statement: Parents should not need Friday childcare.\n",
         ["evidence.yaml:11", "item 2 (id 'childcare')", "field 'statement'", "marker"]),
        ("evidence.yaml", "  kind: statement\n", f"  kind: statement\n  statement: Parents should {'really ' * 30}not need it [q-ortiz-childcare].\n",
         ["evidence.yaml:11", "field 'statement'", f"at most {STATEMENT_MAX_CHARS} characters", "has 237"]),
        ("evidence.yaml", "  kind: statement\n", "  kind: statement\n  statement: It saves money [q-savings].\n",
         ["evidence.yaml:11", "field 'statement'", "'q-savings', which is not one of this item's quotes"]),
        ("evidence.yaml", "  kind: statement\n", "  kind: statement\n  statement: Parents pay. They should not [q-ortiz-childcare].\n",
         ["evidence.yaml:11", "field 'statement'", "one sentence"]),
        ("positions.yaml", "      quotes: [q-park-saves]\n", "      quotes: [q-park-saves]\n      statement: A four-day week saves money.\n",
         ["positions.yaml:12", "item 1 (id 'four-day')", "field 'proponents' › item 1 › field 'statement'", "marker"]),
    ],
)  # fmt: skip
def test_a_bad_proposition_is_a_content_problem_naming_file_line_and_field(
    mini_copy: Path, edit: Edit, file: str, old: str, new: str, expected: list[str]
) -> None:
    edit(file, old, new)
    with pytest.raises(ContentError) as caught:
        load_dataset(mini_copy)
    found = [str(p) for p in caught.value.problems]
    assert any(all(part in line for part in expected) for line in found), found


def test_selection_is_deterministic_and_balanced(dataset: Dataset) -> None:
    chosen = select_statements(dataset)
    assert chosen == select_statements(dataset)
    sides = Counter(s.side for s in chosen)
    assert abs(sides["for"] - sides["against"]) <= 2, sides
    # Every position that has a usable statement is represented, and no one position takes over the round.
    positions = Counter(s.position for s in chosen)
    assert len(positions) >= 3, positions
    assert max(positions.values()) <= len(chosen) // 2 + 1, positions
    # Both kinds of statement: evidence claims and arguments.
    assert {s.kind for s in select_statements(dataset, MAX_COUNT)} == {"evidence", "argument"}


def test_selection_takes_turns_between_positions_and_sides(dataset: Dataset) -> None:
    """Before any position-and-side gets a second statement, every one that has statements gets one."""
    chosen = select_statements(dataset, MAX_COUNT)
    buckets = [(s.position, s.side) for s in chosen]
    distinct = len(set(buckets))
    assert len(set(buckets[:distinct])) == distinct


def test_selection_reads_no_particular_debate(mini: Dataset) -> None:
    """The small test debate gives what it can: cited, short, whole statements (no topic-specific code)."""
    chosen = select_statements(mini)
    assert chosen, "the mini debate has arguments and evidence"
    for s in chosen:
        assert s.quotes and len(s.text) <= MAX_CHARS and all(mini.has("quotes", q) for q in s.quotes)


# -- store: backends ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """An engine on the PostgreSQL test database; fails under CI and skips elsewhere when none is set."""
    raw = os.environ.get(PG_ENV, "").strip()
    if not raw:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{PG_ENV} is not set, so the PostgreSQL statement-round tests cannot run in CI. "
                f'Start a server with: export {PG_ENV}="$(.ci/start-postgres)"',
                pytrace=False,
            )
        pytest.skip(
            f"{PG_ENV} is not set; start a server with .ci/start-postgres to run the PostgreSQL tests"
        )
    engine = create_engine(make_url(raw).set(drivername="postgresql+psycopg"))
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL naming an empty database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield URL.create("sqlite", database=str(tmp_path / "polls.sqlite3")).render_as_string()
        return
    admin: Engine = request.getfixturevalue("pg_admin")
    schema = f"statements_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(CreateSchema(schema))
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(DropSchema(schema, cascade=True))


@pytest.fixture
def store(db_url: str) -> Iterator[StatementStore]:
    s = StatementStore(db_url)
    yield s
    s.dispose()


@pytest.fixture(scope="module")
def statements() -> list[Statement]:
    from policy import load_dataset

    return select_statements(load_dataset())


def answers_stored(store: StatementStore) -> int:
    tables.metadata.create_all(store.database.engine)
    with store.database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.answers)).scalar_one())


# -- store: rounds and answers -----------------------------------------------------------------------------


def test_a_round_keeps_its_statements_words_and_sources(
    store: StatementStore, statements: list[Statement]
) -> None:
    code = store.open_round(statements, key=KEY)
    got = store.get(f" {code.lower()} ")
    assert got.code == code and got.is_open and got.before is None
    assert got.statements == tuple(statements)
    assert got.statement(statements[2].id).quotes == statements[2].quotes


def test_one_answer_per_voter_per_statement_and_it_can_change(
    store: StatementStore, statements: list[Statement]
) -> None:
    code = store.open_round(statements, key=KEY)
    first, second = statements[0].id, statements[1].id
    store.answer(code, "phone-1", first, "agree")
    store.answer(code, "phone-1", first, "agree")  # a double tap
    store.answer(code, "phone-1", first, "disagree")  # a change of mind
    store.answer(code, "phone-1", second, "pass")
    store.answer(code, "phone-2", first, "agree")
    assert store.answers_of(code, "phone-1") == {first: "disagree", second: "pass"}
    assert answers_stored(store) == 3
    votes = store.votes(code)
    assert votes.values.shape == (2, len(statements))
    assert votes.statement_ids == tuple(s.id for s in statements)
    result = analyse(votes)
    assert result.participants == 2 and result.answers == 3
    tally = result.statements[0]
    assert (tally.agree, tally.disagree, tally.passed, tally.unseen) == (1, 1, 0, 0)


def test_answers_arriving_at_once_are_each_kept_once(
    store: StatementStore, statements: list[Statement]
) -> None:
    code = store.open_round(statements, key=KEY)
    jobs = [(f"phone-{v}", s.id) for v in range(6) for s in statements[:4]]
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda job: store.answer(code, job[0], job[1], "agree"), jobs + jobs))
    assert answers_stored(store) == 24
    assert int(store.votes(code).values.sum()) == 24


def test_bad_answers_are_refused_with_words_and_nothing_stored(
    store: StatementStore, statements: list[Statement]
) -> None:
    code = store.open_round(statements, key=KEY)
    sid = statements[0].id
    cases = [
        (BadOption, lambda: store.answer(code, "v", sid, "maybe")),
        (BadOption, lambda: store.answer(code, "v", "no-such-statement", "agree")),
        (BadVoter, lambda: store.answer(code, "", sid, "agree")),
        (BadVoter, lambda: store.answer(code, "x" * 500, sid, "agree")),
        (BadCode, lambda: store.answer("nope", "v", sid, "agree")),
        (PollNotFound, lambda: store.answer("ZZZZ99", "v", sid, "agree")),
    ]
    for error, call in cases:
        with pytest.raises(error) as err:
            call()
        assert str(err.value).endswith(".") and "sqlalchemy" not in str(err.value).lower()
    assert answers_stored(store) == 0


def test_every_control_needs_the_presenter_key(store: StatementStore, statements: list[Statement]) -> None:
    code = store.open_round(statements, key=KEY)
    for call in (
        lambda: store.close(code, OTHER_KEY),
        lambda: store.close(code, ""),
        lambda: store.reopen(code, OTHER_KEY),
        lambda: store.open_round(statements, key=OTHER_KEY, before=code),
        lambda: store.check_key(code, OTHER_KEY),
        lambda: store.show(code, OTHER_KEY, "groups"),
    ):
        with pytest.raises(NotPresenter):
            call()
    assert store.get(code).is_open and store.get(code).shown == "agreement"
    store.show(code, KEY, "groups")
    assert store.get(code).shown == "groups"
    with pytest.raises(PollError, match="agreement, groups, movement"):
        store.show(code, KEY, "everything")
    with pytest.raises(PollError, match="presenter key"):
        store.open_round(statements, key="")
    store.check_key(code, KEY)
    store.close(code, KEY)
    assert not store.get(code).is_open
    with pytest.raises(PollClosed):
        store.answer(code, "late-phone", statements[0].id, "agree")
    store.reopen(code, KEY)
    store.answer(code, "late-phone", statements[0].id, "agree")


def test_a_round_holds_2_to_20_distinct_statements(
    store: StatementStore, statements: list[Statement]
) -> None:
    for bad in ([], statements[:1], [statements[0], statements[0]], statements * 3):
        with pytest.raises(PollError):
            store.open_round(bad, key=KEY)
    with pytest.raises(PollError):
        store.open_round([statements[0], replace(statements[1], text="  ")], key=KEY)


def test_before_and_after_rounds_show_how_the_room_moved(
    store: StatementStore, statements: list[Statement]
) -> None:
    first = store.open_round(statements, key=KEY)
    sid = statements[0].id
    for v in range(4):
        store.answer(first, f"p{v}", sid, "agree" if v == 0 else "disagree")
    after = store.open_round(statements, key=KEY, before=first)
    assert store.get(after).before == first
    assert store.get(after).shown == "movement"  # an after round's screen opens on how the room moved
    for v in range(4):
        store.answer(after, f"p{v}", sid, "agree" if v < 3 else "disagree")
    shift = next(s for s in store.movement(after) if s.statement_id == sid)
    assert (shift.before_agree, shift.after_agree) == (0.25, 0.75)
    with pytest.raises(PollError, match="no earlier round"):
        store.movement(first)


def test_opening_rounds_is_rate_limited(db_url: str, statements: list[Statement]) -> None:
    store = StatementStore(db_url, limits=Limits(window=timedelta(minutes=5), polls=3, rounds_per_session=40))
    for _ in range(3):
        store.open_round(statements, key=KEY)
    with pytest.raises(RateLimited):
        store.open_round(statements, key=OTHER_KEY)
    store.dispose()


def test_a_room_runs_a_statement_round_with_its_presenter_key(
    db_url: str, statements: list[Statement]
) -> None:
    rooms = RoomStore(PollStore(db_url), password=None)
    store = StatementStore(database=rooms.polls.database)
    room, key = rooms.open_room()
    code = store.open_round(statements, key=key)
    rooms.start_round(room, key, "statements", code)
    seen = rooms.get(room)
    assert (seen.kind, seen.round) == ("statements", code)
    store.close(code, key)  # the room's key controls its rounds
    with pytest.raises(NotPresenter):
        rooms.start_round(room, OTHER_KEY, "statements", code)
    rooms.polls.dispose()


def test_a_failing_database_gets_words(tmp_path: Path, statements: list[Statement]) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be")
    store = StatementStore(URL.create("sqlite", database=str(blocked / "polls.sqlite3")).render_as_string())
    for call in (lambda: store.open_round(statements, key=KEY), lambda: store.get("ABCDEF")):
        with pytest.raises(LiveUnavailable) as err:
            call()
        assert "unavailable" in str(err.value)


def test_the_vote_matrix_rows_stay_in_one_order(store: StatementStore, statements: list[Statement]) -> None:
    code = store.open_round(statements, key=KEY)
    for voter in ("c", "a", "b"):
        store.answer(code, voter, statements[0].id, "agree")
    store.answer(code, "a", statements[0].id, "disagree")  # a change does not move the row
    votes = store.votes(code)
    assert votes.participant_ids == ("a", "b", "c")
    assert np.array_equal(votes.values[:, 0], np.array([-1, 1, 1]))


# -- the results export ------------------------------------------------------------------------------------


def test_the_results_export_gives_each_statement_its_sources_and_counts(
    store: StatementStore, statements: list[Statement], dataset: Dataset
) -> None:
    code = store.open_round(statements, key=KEY)
    first, second = statements[0], statements[1]
    for voter, answer in (("a", "agree"), ("b", "agree"), ("c", "disagree"), ("d", "pass")):
        store.answer(code, voter, first.id, answer)
    store.answer(code, "a", second.id, "disagree")
    rnd = store.get(code)
    result = analyse(store.votes(code))
    rows = results_rows(rnd, result, dataset)
    assert [r["number"] for r in rows] == list(range(1, len(statements) + 1))
    top = rows[0]
    assert top["statement"] == first.text and top["from"] == attribution(dataset, first)
    assert (top["agree"], top["disagree"], top["pass"], top["answered"], top["agree %"]) == (2, 1, 1, 4, 50)
    assert top["quotes"].split() == list(first.quotes) and top["sources"]
    assert (rows[1]["disagree"], rows[2]["answered"], rows[2]["agree %"]) == (1, 0, None)
    assert not any(k.startswith("group ") for k in top)  # 4 people: no groups claimed
    csv = results_csv(rnd, result, dataset).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("number,statement,from,sources,quotes")
    assert first.text.split(",")[0] in csv
    document = json.loads(results_json(rnd, result, dataset))
    assert document["participants"] == 4 and document["groups"] == [] and document["groups_note"]
    assert document["statements"][0]["agree"] == 2


def test_the_results_export_gives_each_claimed_groups_share(
    store: StatementStore, statements: list[Statement]
) -> None:
    """Two camps of five answer the first six statements opposite ways: each row has a share per group."""
    code = store.open_round(statements, key=KEY)
    for camp, sign in (("x", 1), ("y", -1)):
        for person in range(5):
            for index, s in enumerate(statements[:6]):
                agree = (sign if index % 2 == 0 else -sign) > 0
                store.answer(code, f"{camp}{person}", s.id, "agree" if agree else "disagree")
    rnd = store.get(code)
    result = analyse(store.votes(code))
    assert len(result.groups) == 2
    rows = results_rows(rnd, result)  # no content: the round's own words, counts and groups
    assert {rows[0]["group A agree %"], rows[0]["group B agree %"]} == {0, 100}
    assert rows[0]["from"] == "" and rows[0]["agree"] == 5
    document = json.loads(results_json(rnd, result))
    assert [g["size"] for g in document["groups"]] == [5, 5]
    assert all(g["sets_apart"] for g in document["groups"])
