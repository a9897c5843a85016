"""Colours and marks: one colour-blind-safe colour per position, always paired with its icon and label."""

from __future__ import annotations

from typing import Literal

from policy.dataset import Dataset
from policy.i18n import N_, _, pgettext

# Okabe-Ito / Tol hues darkened where needed so each has >= 3:1 contrast on white (WCAG non-text).
PALETTE = ("#0072B2", "#C75400", "#007A5E", "#AA4499", "#6B5B00", "#3B5BA5", "#8C2D04", "#4D4D4D")
BEARING_COLORS = {"supports": "#0072B2", "undercuts": "#C75400", "context": "#6E6E6E"}
# English message ids (tests and the charts read them): a page shows bearing_label(bearing).
BEARING_LABELS = {"supports": N_("Supports"), "undercuts": N_("Undercuts"), "context": N_("Context")}
BEARING_ICONS = {"supports": "✚", "undercuts": "✖", "context": "○"}


def bearing_label(bearing: str) -> str:
    """'Supports', 'Undercuts' or 'Context', in the reader's language."""
    return _(BEARING_LABELS[bearing])


def evidence_kind_label(kind: str) -> str:
    """An evidence item's kind as a reader sees it ('Figure'), in the reader's language."""
    labels = {
        "figure": pgettext("evidence kind", "Figure"),
        "finding": pgettext("evidence kind", "Finding"),
        "statement": pgettext("evidence kind", "Statement"),  # something said, not a statement put to a vote
        "event": pgettext("evidence kind", "Event"),
    }
    return labels.get(kind) or kind.capitalize()


def position_label(dataset: Dataset, position_id: str) -> str:
    """Icon and short title, so no position is told apart by colour alone."""
    position = dataset.position(position_id)
    return f"{position.icon} {position.short_title}"


# st.badge colour names nearest each palette entry, in the same order.
BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray"]
BADGE_COLORS: tuple[BadgeColor, ...] = ("blue", "orange", "green", "violet", "yellow", "blue", "red", "gray")


# The kinds of people and institutions (policy.models.ActorKind) as a reader reads them: actor_kind_label(kind).
ACTOR_KINDS = {
    "official": N_("official"),
    "legislator": N_("legislator"),
    "candidate": N_("candidate"),
    "agency": N_("agency"),
    "government": N_("government"),
    "analyst": N_("analyst"),
    "academic": N_("academic"),
    "think tank": N_("think tank"),
    "former trafficker": N_("former trafficker"),
    "trafficker": N_("trafficker"),
    "media": N_("media"),
    "organization": N_("organization"),
}
# The kinds of source (policy.models.SourceKind) as a reader reads them: source_kind_label(kind).
SOURCE_KINDS = {
    "news report": N_("news report"),
    "analysis": N_("analysis"),
    "opinion": N_("opinion"),
    "official document": N_("official document"),
    "report": N_("report"),
}


def actor_kind_label(kind: str) -> str:
    """A person's or institution's kind in the reader's language (lower case, as the content writes it)."""
    return _(ACTOR_KINDS[kind]) if kind in ACTOR_KINDS else kind


def source_kind_label(kind: str) -> str:
    """A source's kind in the reader's language (lower case)."""
    return _(SOURCE_KINDS[kind]) if kind in SOURCE_KINDS else kind
