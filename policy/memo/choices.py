"""A memo spec against the dataset: the default choices, and every chosen id that does not fit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from policy.citations import Style, human_date
from policy.dataset import Dataset
from policy.memo.spec import MemoInputError, MemoSpec, OptionChoice
from policy.models import Position, Stance
from policy.queries import strongest

ARGUMENTS_PER_SIDE = 2  # default_spec: the strongest few on each side
EVIDENCE_PER_SIDE = 2


def default_spec(
    dataset: Dataset, position_ids: Sequence[str] | None = None, style: Style = "chicago"
) -> MemoSpec:
    """A spec of the given positions (all by default) with the strongest arguments and evidence."""
    ids = list(dataset.position_ids if position_ids is None else position_ids)
    unknown = [p for p in ids if not dataset.has("positions", p)]
    if unknown:
        raise MemoInputError([_unknown_position(dataset, *unknown)])
    return MemoSpec(
        subject=dataset.debate.title,
        date=human_date(dt.date.today().isoformat()),
        options=[_default_choice(dataset, dataset.position(p)) for p in ids],
        style=style,
    )


def _default_choice(dataset: Dataset, position: Position) -> OptionChoice:
    def actors(stances: list[Stance]) -> list[str]:
        return list(dict.fromkeys(s.actor for s in strongest(stances, ARGUMENTS_PER_SIDE)))

    evidence = [
        e.id
        for bearing in ("supports", "undercuts")
        for e in dataset.evidence_for(position.id, bearing)[:EVIDENCE_PER_SIDE]
    ]
    return OptionChoice(
        position=position.id,
        arguments_for=actors(position.proponents),
        arguments_against=actors(position.critics),
        evidence=evidence,
    )


def _unknown_position(dataset: Dataset, *position_ids: str) -> str:
    which = ", ".join(repr(p) for p in position_ids)
    plural = "s" if len(position_ids) > 1 else ""
    return f"unknown position id{plural} {which}; the valid ids are {', '.join(dataset.position_ids)}"


def check_spec(dataset: Dataset, spec: MemoSpec) -> list[str]:
    """Every id in the spec that the dataset does not have, or that is chosen where it does not belong."""
    problems: list[str] = []
    seen: set[str] = set()
    for choice in spec.options:
        if not dataset.has("positions", choice.position):
            problems.append(_unknown_position(dataset, choice.position))
            continue
        if choice.position in seen:
            problems.append(f"position {choice.position!r} is chosen twice")
        seen.add(choice.position)
        problems += _check_choice(dataset, choice, dataset.position(choice.position))
    return problems


def _check_choice(dataset: Dataset, choice: OptionChoice, position: Position) -> list[str]:
    where = f"position {position.id!r}"
    problems = _duplicates(choice.arguments_for, f"argument for {where}")
    problems += _duplicates(choice.arguments_against, f"argument against {where}")
    problems += _duplicates(choice.evidence, f"evidence on {where}")
    problems += _check_stances(dataset, "proponent", choice.arguments_for, position.proponents, where)
    problems += _check_stances(dataset, "critic", choice.arguments_against, position.critics, where)
    for item in choice.evidence:
        if not dataset.has("evidence", item):
            problems.append(f"unknown evidence id {item!r} (chosen for {where})")
        elif position.id not in dataset.evidence_item(item).bearing:
            problems.append(f"evidence {item!r} does not bear on {where}")
    return problems


def _check_stances(
    dataset: Dataset, role: str, chosen: list[str], stances: list[Stance], where: str
) -> list[str]:
    problems = []
    for actor in chosen:
        if not dataset.has("actors", actor):
            problems.append(f"unknown actor id {actor!r} (chosen as a {role} of {where})")
        elif actor not in {s.actor for s in stances}:
            problems.append(f"actor {actor!r} is not a {role} of {where}")
    return problems


def _duplicates(ids: list[str], what: str) -> list[str]:
    return [f"{i!r} is chosen twice as {what}" for i in dict.fromkeys(ids) if ids.count(i) > 1]
