"""A memo spec against the dataset: the default choices, and every chosen id that does not fit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from policy.citations import Style, human_date
from policy.dataset import Dataset
from policy.i18n import _, ngettext
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
    message = ngettext(
        "unknown position id {ids}; the valid ids are {valid}",
        "unknown position ids {ids}; the valid ids are {valid}",
        len(position_ids),
    )
    return message.format(ids=", ".join(repr(p) for p in position_ids), valid=", ".join(dataset.position_ids))


def check_spec(dataset: Dataset, spec: MemoSpec) -> list[str]:
    """Every id in the spec that the dataset does not have, or that is chosen where it does not belong."""
    problems: list[str] = []
    seen: set[str] = set()
    for choice in spec.options:
        if not dataset.has("positions", choice.position):
            problems.append(_unknown_position(dataset, choice.position))
            continue
        if choice.position in seen:
            problems.append(_("position {id} is chosen twice").format(id=repr(choice.position)))
        seen.add(choice.position)
        problems += _check_choice(dataset, choice, dataset.position(choice.position))
    return problems


def _check_choice(dataset: Dataset, choice: OptionChoice, position: Position) -> list[str]:
    pid = repr(position.id)
    problems = _duplicates(choice.arguments_for, _("argument for position {id}").format(id=pid))
    problems += _duplicates(choice.arguments_against, _("argument against position {id}").format(id=pid))
    problems += _duplicates(choice.evidence, _("evidence on position {id}").format(id=pid))
    problems += _check_stances(dataset, True, choice.arguments_for, position.proponents, pid)
    problems += _check_stances(dataset, False, choice.arguments_against, position.critics, pid)
    for item in choice.evidence:
        if not dataset.has("evidence", item):
            message = _("unknown evidence id {item} (chosen for position {id})")
            problems.append(message.format(item=repr(item), id=pid))
        elif position.id not in dataset.evidence_item(item).bearing:
            problems.append(
                _("evidence {item} does not bear on position {id}").format(item=repr(item), id=pid)
            )
    return problems


def _check_stances(
    dataset: Dataset, proponents: bool, chosen: list[str], stances: list[Stance], pid: str
) -> list[str]:
    if proponents:
        unknown = _("unknown actor id {actor} (chosen as a proponent of position {id})")
        outside = _("actor {actor} is not a proponent of position {id}")
    else:
        unknown = _("unknown actor id {actor} (chosen as a critic of position {id})")
        outside = _("actor {actor} is not a critic of position {id}")
    problems = []
    for actor in chosen:
        if not dataset.has("actors", actor):
            problems.append(unknown.format(actor=repr(actor), id=pid))
        elif actor not in {s.actor for s in stances}:
            problems.append(outside.format(actor=repr(actor), id=pid))
    return problems


def _duplicates(ids: list[str], what: str) -> list[str]:
    twice = _("{id} is chosen twice as {what}")
    return [twice.format(id=repr(i), what=what) for i in dict.fromkeys(ids) if ids.count(i) > 1]
