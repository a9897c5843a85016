"""The room's opinion groups (policy.live.groups) on vote matrices built by hand."""

from __future__ import annotations

import numpy as np
import pytest

from policy.live.groups import (
    Settings,
    Votes,
    analyse,
    choose_k,
    current_statement,
    group_of,
    movement,
    project,
    tally,
)

STATEMENTS = tuple(f"s{j}" for j in range(10))
# Two camps answer s0-s5 opposite ways; everyone agrees with s6; s7-s9 split without a pattern.
CAMP = np.array([1, 1, 1, -1, -1, -1, 1, 0, 1, -1], dtype=np.int8)
CAMP_STATEMENTS = {"s0", "s1", "s2", "s3", "s4", "s5"}


def room(rows: list[list[int]], answered: list[list[bool]] | None = None) -> Votes:
    values = np.array(rows, dtype=np.int8)
    seen = np.ones_like(values, dtype=bool) if answered is None else np.array(answered, dtype=bool)
    return Votes(values, seen, tuple(f"s{j}" for j in range(values.shape[1])))


def two_camps(people: int, seed: int = 7, noise: float = 0.1) -> Votes:
    """Half the room answers like CAMP, half the opposite way on s0-s5; s6 all agree; a little noise."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(people):
        row = CAMP.copy()
        if i % 2:
            row[:6] = -row[:6]
        row[7:] = rng.choice([-1, 0, 1], size=3)
        flips = rng.random(6) < noise
        row[:6][flips] = -row[:6][flips]
        rows.append(row.tolist())
    return room(rows)


def test_two_clear_camps_are_found_with_the_statements_that_set_each_apart() -> None:
    result = analyse(two_camps(12))
    assert result.k == 2 and len(result.groups) == 2
    assert sorted(g.size for g in result.groups) == [6, 6]
    members = [set(g.members) for g in result.groups]
    evens = set(range(0, 12, 2))
    assert evens in members and set(range(1, 12, 2)) in members
    for group in result.groups:
        reps = {r.statement_id for r in group.representative}
        assert reps and reps <= CAMP_STATEMENTS  # the camp's own statements, not s6 or the noise
        assert all(r.share > r.rest_share for r in group.representative)
        assert group.representative[0].significant
    # Each group agrees with s0 in the opposite direction to the other.
    a, b = result.groups
    assert {a.agree_shares[0] > 0.5, b.agree_shares[0] > 0.5} == {True, False}
    assert len(result.points) == 12 and {p.group for p in result.points} == {"A", "B"}


def test_a_statement_every_group_agrees_with_is_consensus_and_not_divisive() -> None:
    result = analyse(two_camps(12))
    assert [t.statement_id for t in result.consensus] == ["s6"]
    assert result.consensus[0].agree == 12
    divisive = {t.statement_id for t in result.divisive}
    assert "s6" not in divisive
    assert divisive and divisive <= CAMP_STATEMENTS | {"s7", "s8", "s9"}


def test_below_the_threshold_no_groups_are_claimed_but_bars_are_there() -> None:
    result = analyse(two_camps(7))
    assert result.groups == () and result.k is None and result.points == ()
    assert "8 people" in result.note and "7 so far" in result.note
    assert result.participants == 7
    assert [t.statement_id for t in result.statements] == list(STATEMENTS)
    assert result.statements[6].agree == 7  # plain per-statement counts
    assert result.consensus and result.consensus[0].statement_id == "s6"


def test_people_with_too_few_answers_count_as_participants_but_are_not_placed() -> None:
    votes = two_camps(10)
    answered = np.ones_like(votes.answered)
    answered[:3, 2:] = False  # three people have answered two statements each
    values = np.where(answered, votes.values, 0).astype(np.int8)
    result = analyse(Votes(values, answered, votes.statement_ids))
    assert result.participants == 10 and result.placed == 7
    assert result.groups == () and "7 so far" in result.note


def test_a_room_that_answers_alike_has_no_groups() -> None:
    result = analyse(room([CAMP.tolist()] * 9))
    assert result.groups == ()
    assert "alike" in result.note


def test_missing_answers_count_neither_way_in_the_shares() -> None:
    votes = room(
        [[1, 1], [1, -1], [0, 0]],
        answered=[[True, True], [True, True], [False, True]],
    )
    first, second = tally(votes)
    assert (first.agree, first.disagree, first.passed, first.unseen) == (2, 0, 0, 1)
    assert first.agree_share == 1.0  # of those who answered
    assert (second.agree, second.disagree, second.passed) == (1, 1, 1)


def test_the_same_votes_give_the_same_groups_every_time() -> None:
    votes = two_camps(20, seed=3, noise=0.25)
    first, second = analyse(votes), analyse(votes)
    assert first == second
    assert analyse(votes, Settings(seed=1)).groups[0].size == first.groups[0].size


def test_k_does_not_flicker_when_a_few_votes_change() -> None:
    """Refreshes that each add or change a vote keep the k the presenter saw, unless another k is clearly
    better."""
    rng = np.random.default_rng(11)
    base = two_camps(16, seed=5, noise=0.2)
    shown = analyse(base).k
    assert shown is not None
    values = base.values.copy()
    seen_k = [shown]
    for _ in range(12):
        i, j = rng.integers(0, values.shape[0]), rng.integers(5, values.shape[1])
        values[i, j] = rng.choice([-1, 0, 1])
        result = analyse(Votes(values.copy(), base.answered, base.statement_ids), previous_k=seen_k[-1])
        seen_k.append(result.k)
    assert set(seen_k) == {shown}


def test_the_previous_k_gives_way_when_another_is_clearly_better() -> None:
    # Three tight, far-apart clusters on the map: 3 beats 2 by far more than the margin.
    points = np.array(
        [[0, 0], [0.1, 0], [0, 0.1], [10, 0], [10.1, 0], [10, 0.1], [0, 10], [0.1, 10], [0, 10.1]]
    )
    k, labels, scores = choose_k(points.astype(float), Settings(), previous_k=2)
    assert k == 3 and len(set(labels.tolist())) == 3
    assert dict(scores)[3] > dict(scores)[2] + Settings().k_margin
    # A previous k that is nearly as good as the best stays.
    kept, _, _ = choose_k(points.astype(float), Settings(k_margin=10.0), previous_k=2)
    assert kept == 2


def test_a_person_with_few_answers_is_not_pulled_into_the_middle_of_the_map() -> None:
    votes = two_camps(10)
    answered = np.ones_like(votes.answered)
    answered[0, 3:] = False  # the first person answered only s0-s2, like their camp
    values = np.where(answered, votes.values, 0).astype(np.int8)
    scaled = Votes(values, answered, votes.statement_ids)
    points, _ = project(scaled, list(range(10)), Settings())
    camp_distance = np.linalg.norm(points[2])
    assert np.linalg.norm(points[0]) > 0.5 * camp_distance


def test_movement_compares_agree_shares_of_the_statements_both_rounds_asked() -> None:
    before = room([[1, -1], [-1, -1], [-1, 1], [0, 1]])
    after = Votes(
        np.array([[1, 1], [1, 1], [1, -1]], dtype=np.int8),
        np.ones((3, 2), dtype=bool),
        ("s0", "s9"),
    )
    shifts = movement(before, after)
    assert [s.statement_id for s in shifts] == ["s0"]
    assert shifts[0].before_agree == pytest.approx(0.25) and shifts[0].after_agree == 1.0
    assert shifts[0].change == pytest.approx(0.75)
    assert (shifts[0].before_answered, shifts[0].after_answered) == (4, 3)


def test_votes_from_answers_builds_the_matrix_and_refuses_mismatched_shapes() -> None:
    votes = Votes.from_answers({"p2": {"s1": -1}, "p1": {"s0": 1, "s1": 0, "zz": 1}}, ["s0", "s1"])
    assert votes.participant_ids == ("p1", "p2")
    assert votes.values.tolist() == [[1, 0], [0, -1]]
    assert votes.answered.tolist() == [[True, True], [False, True]]
    with pytest.raises(ValueError):
        Votes(np.zeros((2, 2), dtype=np.int8), np.zeros((2, 3), dtype=bool), ("a", "b"))


def test_the_screen_shows_the_statement_most_phones_are_on() -> None:
    ids = ("s0", "s1", "s2")
    assert current_statement(Votes.from_answers({}, ids)) == 0  # nobody yet: the first
    answers = {"a": {"s0": 1}, "b": {"s0": -1}, "c": {"s0": 1, "s1": 0}}
    assert current_statement(Votes.from_answers(answers, ids)) == 1  # two on s1, one on s2
    done = {p: {s: 1 for s in ids} for p in "abc"}
    assert current_statement(Votes.from_answers({**done, "d": {"s0": 1, "s1": 1}}, ids)) == 2
    assert current_statement(Votes.from_answers(done, ids)) == 2  # everyone finished: the last


def test_each_participant_is_told_their_group_once_groups_are_claimed() -> None:
    people = {
        f"p{i}": {f"s{j}": int(v) for j, v in enumerate(row)} for i, row in enumerate(two_camps(12).values)
    }
    votes = Votes.from_answers(people, STATEMENTS)
    result = analyse(votes)
    assert len(result.groups) == 2
    assert group_of(result, votes, "p0") is not None and group_of(result, votes, "p2") == group_of(
        result, votes, "p0"
    )
    assert group_of(result, votes, "p1") != group_of(result, votes, "p0")
    assert group_of(result, votes, "nobody") is None
    few = Votes.from_answers(dict(list(people.items())[:4]), STATEMENTS)
    assert group_of(analyse(few), few, "p0") is None  # below the threshold: no group to tell
