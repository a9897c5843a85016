"""The room's opinion groups, found from a statement round's votes.

The method, step by step (written from the published description of the approach, not from any program's
code):

1. **The vote matrix.** One row per participant, one column per statement: agree = +1, disagree = -1, and
   0 both for a pass and for a statement the participant has not answered yet. Zero is the neutral point
   between agreeing and disagreeing, so a missing answer neither pulls someone towards a camp nor away from
   it. A second matrix of the same shape records which answers were given (passes included): shares are
   always of the people who answered a statement, never of the whole room.
2. **Who is placed.** Only participants who have answered at least ``min_answers`` statements are placed on
   the map and in groups; the others count towards participation only.
3. **The map.** Principal component analysis (scikit-learn's PCA, exact SVD) turns each row into two numbers.
   Someone who answered few statements has a row of mostly zeros, which PCA would put near the centre, so each
   person's two numbers are scaled by sqrt(statements / statements answered), as the method proposes.
4. **Groups.** k-means (fixed ``seed``, several starts) splits the map into k groups for each k from 2 to
   ``max_k`` (a split leaving a group of fewer than ``min_group`` people is not used); the k with the best
   silhouette score wins, except that the fewest groups within ``k_margin`` of the best score are preferred
   (fewer groups are easier to read). To keep the picture steady while votes arrive, the k of the previous
   refresh stays unless the new choice's silhouette beats it by more than ``k_margin``. Groups
   are named A, B, C... largest first.
5. **What sets a group apart (representativeness).** For a group and a statement, the share of the group
   who agree, with one agree and one disagree added as a prior so that small counts stay modest, is divided
   by the same share among everyone else; the same is done for disagreeing. A two-proportion z-test says
   whether the difference is more than chance (z >= 1.28, one-sided 90%). A group's representative
   statements are those most of the group answer the same way and the rest of the room less so, ranked by z.
6. **Consensus and division.** A statement the room agrees on has at least ``min_votes`` answers, an agree
   share of at least ``consensus_share`` and few disagreements, and, once there are groups, a majority of
   every group agreeing. A divisive statement has answers spread across agree and disagree: the variance of
   its answers (+1, -1, 0) is at least ``divisive_variance`` (1.0 is an even split; 0.75 is 75 against 25).

Below ``min_participants`` placed participants no groups are claimed: the result holds plain per-statement
tallies and says why there are no groups yet. Everything here is a pure function of numpy arrays.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import silhouette_score
from threadpoolctl import ThreadpoolController

from policy.i18n import _

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "Analysis",
    "Group",
    "Point",
    "Representative",
    "Settings",
    "Shift",
    "StatementTally",
    "Votes",
    "analyse",
    "choose_k",
    "current_statement",
    "group_of",
    "movement",
    "project",
    "tally",
]

AGREE, DISAGREE, PASS = 1, -1, 0
GROUP_NAMES = "ABCDEFGHIJ"
Z_90 = 1.2816  # one-sided 90%: a group's difference from the rest is more than chance


@dataclass(frozen=True)
class Votes:
    """A round's vote matrix: participants x statements."""

    values: NDArray[np.int8]  # +1 agree, -1 disagree, 0 pass or not answered
    answered: NDArray[np.bool_]  # True where the participant gave an answer (a pass included)
    statement_ids: tuple[str, ...]
    participant_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.values.shape != self.answered.shape:
            raise ValueError("values and answered must have the same shape")
        if self.values.ndim != 2 or self.values.shape[1] != len(self.statement_ids):
            raise ValueError("values must be participants x statements, one column per statement id")
        if self.participant_ids and len(self.participant_ids) != self.values.shape[0]:
            raise ValueError("one participant id per row, or none")

    @classmethod
    def from_answers(
        cls,
        answers: dict[str, dict[str, int]],
        statement_ids: Sequence[str],
        participants: Sequence[str] = (),
    ) -> Votes:
        """Build the matrix from {participant: {statement: +1 | -1 | 0}}; rows in ``participants`` order
        (all participants with an answer, sorted, when none is given)."""
        ids = tuple(statement_ids)
        column = {s: j for j, s in enumerate(ids)}
        people = tuple(participants) or tuple(sorted(answers))
        values = np.zeros((len(people), len(ids)), dtype=np.int8)
        answered = np.zeros((len(people), len(ids)), dtype=np.bool_)
        for i, person in enumerate(people):
            for statement, answer in answers.get(person, {}).items():
                j = column.get(statement)
                if j is not None:
                    values[i, j] = int(np.sign(answer))
                    answered[i, j] = True
        return cls(values, answered, ids, people)


@dataclass(frozen=True)
class Settings:
    """The method's thresholds (see the module's description)."""

    min_participants: int = 8
    min_answers: int = 3
    max_k: int = 5
    min_group: int = 2  # a split that leaves a group smaller than this is not tried
    k_margin: float = 0.05
    seed: int = 0
    min_votes: int = 3
    consensus_share: float = 0.7
    consensus_disagree: float = 0.15
    group_majority: float = 0.5
    divisive_variance: float = 0.75
    top: int = 3


@dataclass(frozen=True)
class StatementTally:
    """How one statement was answered."""

    statement_id: str
    agree: int
    disagree: int
    passed: int
    unseen: int

    @property
    def answered(self) -> int:
        return self.agree + self.disagree + self.passed

    @property
    def agree_share(self) -> float:
        return self.agree / self.answered if self.answered else 0.0

    @property
    def disagree_share(self) -> float:
        return self.disagree / self.answered if self.answered else 0.0

    @property
    def variance(self) -> float:
        """Variance of the answers (+1, -1, 0) of those who answered: 0 all alike, 1 an even split."""
        if not self.answered:
            return 0.0
        mean = (self.agree - self.disagree) / self.answered
        return (self.agree + self.disagree) / self.answered - mean * mean


@dataclass(frozen=True)
class Representative:
    """A statement that sets a group apart: how the group answers it against the rest of the room."""

    statement_id: str
    direction: Literal["agree", "disagree"]
    share: float  # of the group who answered it, the share answering in this direction
    rest_share: float  # the same share among everyone else who answered it
    ratio: float  # representativeness: smoothed group share / smoothed rest share
    z: float  # two-proportion z-score of the difference
    significant: bool  # z >= 1.2816


@dataclass(frozen=True)
class Group:
    """One opinion group."""

    name: str  # "A", "B", ... largest first
    size: int
    members: tuple[int, ...]  # row numbers in the vote matrix
    centre: tuple[float, float]
    agree_shares: tuple[float, ...]  # per statement, of the group members who answered it
    representative: tuple[Representative, ...]


@dataclass(frozen=True)
class Point:
    """One placed participant on the map."""

    row: int
    x: float
    y: float
    group: str


@dataclass(frozen=True)
class Analysis:
    """What the presenter sees: participation, tallies, consensus, division and (enough votes given) groups."""

    participants: int  # with at least one answer
    placed: int  # with enough answers to be placed on the map
    answers: int
    statements: tuple[StatementTally, ...]
    consensus: tuple[StatementTally, ...]  # most agreed first
    divisive: tuple[StatementTally, ...]  # most split first
    groups: tuple[Group, ...] = ()
    k: int | None = None
    silhouette: float | None = None
    scores: tuple[tuple[int, float], ...] = ()  # (k, silhouette) for every k tried
    points: tuple[Point, ...] = ()
    note: str = ""  # why there are no groups, when there are none
    explained: tuple[float, ...] = field(default=())  # variance share of the two map axes


@dataclass(frozen=True)
class Shift:
    """How the answers to one statement moved between a before and an after round."""

    statement_id: str
    before_agree: float
    after_agree: float
    before_disagree: float
    after_disagree: float
    before_answered: int
    after_answered: int

    @property
    def change(self) -> float:
        """Change in agree share, after minus before."""
        return self.after_agree - self.before_agree


# -- the steps -------------------------------------------------------------------------------------------


def tally(votes: Votes, rows: Sequence[int] | None = None) -> tuple[StatementTally, ...]:
    """Per-statement counts, over every row or the given rows."""
    values = votes.values if rows is None else votes.values[list(rows)]
    answered = votes.answered if rows is None else votes.answered[list(rows)]
    agree = ((values > 0) & answered).sum(axis=0)
    disagree = ((values < 0) & answered).sum(axis=0)
    passed = ((values == 0) & answered).sum(axis=0)
    unseen = (~answered).sum(axis=0)
    return tuple(
        StatementTally(s, int(agree[j]), int(disagree[j]), int(passed[j]), int(unseen[j]))
        for j, s in enumerate(votes.statement_ids)
    )


def placed_rows(votes: Votes, settings: Settings) -> NDArray[np.intp]:
    """Rows with enough answers to be placed (at least min_answers, or every statement if there are fewer)."""
    need = min(settings.min_answers, len(votes.statement_ids))
    return np.flatnonzero(votes.answered.sum(axis=1) >= max(need, 1))


def project(
    votes: Votes, rows: Sequence[int], settings: Settings
) -> tuple[NDArray[np.float64], tuple[float, ...]]:
    """The rows' places on a two-axis map (PCA), scaled up for people who answered few statements; and the
    share of the variance each axis explains."""
    rows = list(rows)
    matrix = votes.values[rows].astype(np.float64)
    n, m = matrix.shape
    points = np.zeros((n, 2))
    if n < 2 or m == 0 or not np.any(matrix.std(axis=0) > 0):
        return points, ()
    components = min(2, n, m)
    pca = PCA(n_components=components, svd_solver="full", random_state=settings.seed)
    points[:, :components] = pca.fit_transform(matrix)
    answered = np.maximum(votes.answered[rows].sum(axis=1), 1)
    points *= np.sqrt(m / answered)[:, None]
    return points, tuple(float(v) for v in pca.explained_variance_ratio_)


def choose_k(
    points: NDArray[np.float64], settings: Settings, previous_k: int | None = None
) -> tuple[int | None, NDArray[np.intp], tuple[tuple[int, float], ...]]:
    """(k, labels, silhouette per k tried): k-means for k in 2..max_k, the best silhouette winning, the
    previous k kept unless beaten by more than the margin. (None, zeros, ()) when no split is possible."""
    n = len(points)
    distinct = len(np.unique(np.round(points, 9), axis=0))
    labels_by_k: dict[int, NDArray[np.intp]] = {}
    scores: dict[int, float] = {}
    for k in range(2, min(settings.max_k, n - 1, distinct) + 1):
        # One thread: for a room-sized matrix, starting a thread pool costs far more than the sums (and the
        # server's other sessions need the cores).
        with warnings.catch_warnings(), _threads().limit(limits=1):
            warnings.simplefilter("ignore", ConvergenceWarning)
            labels = KMeans(n_clusters=k, n_init=10, random_state=settings.seed).fit_predict(points)
        sizes = np.bincount(labels, minlength=k)
        if np.count_nonzero(sizes) < 2 or sizes.min() < settings.min_group:
            continue
        labels_by_k[k] = labels.astype(np.intp)
        scores[k] = float(silhouette_score(points, labels))
    if not scores:
        return None, np.zeros(n, dtype=np.intp), ()
    # Fewer groups are easier to read off a screen: a larger k must beat every smaller one by the margin.
    top = max(scores.values())
    best = min(k for k in scores if scores[k] >= top - settings.k_margin)
    # Steadiness: the k shown last time stays unless the new choice beats it by the margin.
    if previous_k in scores and scores[best] <= scores[previous_k] + settings.k_margin:
        best = previous_k
    return best, labels_by_k[best], tuple(sorted(scores.items()))


@cache
def _threads() -> ThreadpoolController:
    """The process's thread pools (finding them costs milliseconds, so once per process)."""
    return ThreadpoolController()


def _z(hits_a: int, n_a: int, hits_b: int, n_b: int) -> float:
    """Two-proportion z-score of a - b (0 when either side has no answers or there is no variation)."""
    if n_a == 0 or n_b == 0:
        return 0.0
    pooled = (hits_a + hits_b) / (n_a + n_b)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return (hits_a / n_a - hits_b / n_b) / spread if spread > 0 else 0.0


def representative(
    group: Sequence[StatementTally], rest: Sequence[StatementTally], settings: Settings
) -> tuple[Representative, ...]:
    """The statements that set a group apart from the rest, most distinctive first (at most ``top``)."""
    found: list[Representative] = []
    for g, r in zip(group, rest, strict=True):
        if g.answered < 2:
            continue
        for direction, hits_g, hits_r in (("agree", g.agree, r.agree), ("disagree", g.disagree, r.disagree)):
            share = hits_g / g.answered
            rest_share = hits_r / r.answered if r.answered else 0.0
            ratio = ((hits_g + 1) / (g.answered + 2)) / ((hits_r + 1) / (r.answered + 2))
            z = _z(hits_g, g.answered, hits_r, r.answered)
            if share > 0.5 and ratio > 1 and z > 0:
                found.append(
                    Representative(g.statement_id, direction, share, rest_share, ratio, z, z >= Z_90)  # type: ignore[arg-type]
                )
    found.sort(key=lambda rep: (-rep.z, -rep.ratio, rep.statement_id))
    seen: set[str] = set()
    out: list[Representative] = []
    for rep in found:
        if rep.statement_id not in seen:
            seen.add(rep.statement_id)
            out.append(rep)
    return tuple(out[: settings.top])


def _is_consensus(t: StatementTally, settings: Settings) -> bool:
    return (
        t.answered >= settings.min_votes
        and t.agree_share >= settings.consensus_share
        and t.disagree_share <= settings.consensus_disagree
    )


def analyse(votes: Votes, settings: Settings | None = None, previous_k: int | None = None) -> Analysis:
    """Everything the presenter panel shows, from the vote matrix (pass the k shown last time as previous_k)."""
    settings = settings or Settings()
    statements = tally(votes)
    participants = int(np.count_nonzero(votes.answered.any(axis=1)))
    answers = int(votes.answered.sum())
    rows = placed_rows(votes, settings)
    groups: tuple[Group, ...] = ()
    points: tuple[Point, ...] = ()
    k: int | None = None
    silhouette: float | None = None
    scores: tuple[tuple[int, float], ...] = ()
    explained: tuple[float, ...] = ()
    note = ""
    if len(rows) < settings.min_participants:
        note = _(
            "Opinion groups appear once {people} people have answered at least {statements} statements; "
            "{placed} so far."
        ).format(
            people=settings.min_participants,
            statements=min(settings.min_answers, len(votes.statement_ids)),
            placed=len(rows),
        )
    else:
        coords, explained = project(votes, rows.tolist(), settings)
        k, labels, scores = choose_k(coords, settings, previous_k)
        if k is None:
            note = _("Everyone has answered alike so far: the room has no separate groups.")
        else:
            silhouette = dict(scores)[k]
            groups, points = _groups(votes, rows, coords, labels, k, settings)
    group_tallies = [tally(votes, g.members) for g in groups]
    consensus = [
        t
        for j, t in enumerate(statements)
        if _is_consensus(t, settings)
        and all(gt[j].answered == 0 or gt[j].agree_share > settings.group_majority for gt in group_tallies)
    ]
    consensus.sort(key=lambda t: (-t.agree_share, -t.answered, t.statement_id))
    agreed = {t.statement_id for t in consensus}
    divisive = [
        t
        for t in statements
        if t.statement_id not in agreed
        and t.agree + t.disagree >= settings.min_votes
        and t.agree > 0
        and t.disagree > 0
        and t.variance >= settings.divisive_variance
    ]
    divisive.sort(key=lambda t: (-t.variance, -t.answered, t.statement_id))
    return Analysis(
        participants=participants,
        placed=len(rows),
        answers=answers,
        statements=statements,
        consensus=tuple(consensus[: settings.top]),
        divisive=tuple(divisive[: settings.top]),
        groups=groups,
        k=k,
        silhouette=silhouette,
        scores=scores,
        points=points,
        note=note,
        explained=explained,
    )


def _groups(
    votes: Votes,
    rows: NDArray[np.intp],
    coords: NDArray[np.float64],
    labels: NDArray[np.intp],
    k: int,
    settings: Settings,
) -> tuple[tuple[Group, ...], tuple[Point, ...]]:
    """The groups named largest first (ties: leftmost centre first), and the placed points with their group."""
    clusters = []
    for label in range(k):
        where = np.flatnonzero(labels == label)
        if len(where):
            centre = coords[where].mean(axis=0)
            clusters.append((label, where, (float(centre[0]), float(centre[1]))))
    clusters.sort(key=lambda c: (-len(c[1]), c[2][0], c[2][1]))
    everyone = set(rows.tolist())
    groups: list[Group] = []
    name_of: dict[int, str] = {}
    for (label, where, centre), name in zip(clusters, GROUP_NAMES, strict=False):
        members = tuple(int(rows[i]) for i in where)
        inside = tally(votes, members)
        rest = tally(votes, sorted(everyone - set(members)))
        name_of[label] = name
        groups.append(
            Group(
                name=name,
                size=len(members),
                members=members,
                centre=centre,
                agree_shares=tuple(t.agree_share for t in inside),
                representative=representative(inside, rest, settings),
            )
        )
    points = tuple(
        Point(int(rows[i]), float(coords[i, 0]), float(coords[i, 1]), name_of[int(labels[i])])
        for i in range(len(rows))
    )
    return tuple(groups), points


def movement(before: Votes, after: Votes) -> tuple[Shift, ...]:
    """Per statement of the after round that the before round also asked: agree and disagree shares in each."""
    earlier = {t.statement_id: t for t in tally(before)}
    out: list[Shift] = []
    for t in tally(after):
        b = earlier.get(t.statement_id)
        if b is None:
            continue
        out.append(
            Shift(
                t.statement_id,
                b.agree_share,
                t.agree_share,
                b.disagree_share,
                t.disagree_share,
                b.answered,
                t.answered,
            )
        )
    return tuple(out)


def current_statement(votes: Votes) -> int:
    """The statement (0-based) most phones are on now: each participant's first unanswered statement, as the
    phone shows it; the first statement before anyone answers, the last once everyone has answered all."""
    total = len(votes.statement_ids)
    if total == 0:
        return 0
    if votes.answered.shape[0] == 0:
        return 0
    unanswered = ~votes.answered
    pending = unanswered.any(axis=1)
    if not pending.any():
        return total - 1
    at = np.argmax(unanswered[pending], axis=1)
    counts = np.bincount(at, minlength=total)
    return int(np.argmax(counts))  # ties: the earlier statement


def group_of(result: Analysis, votes: Votes, participant: str) -> Group | None:
    """The opinion group a participant was placed in, if groups are claimed and they were placed."""
    if not result.groups or participant not in votes.participant_ids:
        return None
    row = votes.participant_ids.index(participant)
    name = next((p.group for p in result.points if p.row == row), None)
    return next((g for g in result.groups if g.name == name), None)
