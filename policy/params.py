"""Read a view's state from URL query parameters: invalid values become notices, never exceptions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from policy.i18n import _, ngettext, pgettext
from policy.text import preview

MAX_PARAM_LENGTH = 500


@dataclass
class Parsed:
    """Values read from the URL, with a notice for each one that was not understood."""

    notices: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        self.notices.append(message)


def _clean(raw: str | None) -> str:
    text = (raw or "").strip()
    return text[:MAX_PARAM_LENGTH]


def _shown(value: str) -> str:
    # A notice repeats what the reader typed: short, its invisible characters shown as escapes (a bidi
    # control cannot reorder the notice). Links and icons in it are the view's to neutralise (ui.blocks.esc).
    return f"'{preview(value)}'"


def named(name: str) -> str:
    """A link parameter as a notice names it, in the reader's language: the name the address shows, and, where
    that is not the reader's language, what it means (the Spanish catalog: «country» (país))."""
    meanings = {
        "actor": pgettext("link parameter", "actor"),
        "bearing": pgettext("link parameter", "bearing"),
        "country": pgettext("link parameter", "country"),
        "dispute": pgettext("link parameter", "dispute"),
        "event": pgettext("link parameter", "event"),
        "item": pgettext("link parameter", "item"),
        "kind": pgettext("link parameter", "kind"),
        "page": pgettext("link parameter", "page"),
        "person": pgettext("link parameter", "person"),
        "position": pgettext("link parameter", "position"),
        "positions": pgettext("link parameter", "positions"),
        "q": pgettext("link parameter", "q"),
        "quote": pgettext("link parameter", "quote"),
        "section": pgettext("link parameter", "section"),
        "series": pgettext("link parameter", "series"),
        "slide": pgettext("link parameter", "slide"),
        "source": pgettext("link parameter", "source"),
        "style": pgettext("link parameter", "style"),
        "term": pgettext("link parameter", "term"),
    }
    return meanings.get(name, name)


def one_of(params: Mapping[str, str], name: str, allowed: Sequence[str], parsed: Parsed) -> str | None:
    """The parameter if it is one of the allowed values; None (with a notice) otherwise."""
    value = _clean(params.get(name))
    if not value:
        return None
    if value in allowed:
        return value
    parsed.note(
        _("Unknown {name} {value} in the link: showing the default view instead.").format(
            name=named(name), value=_shown(value)
        )
    )
    return None


def many_of(
    params: Mapping[str, str],
    name: str,
    allowed: Sequence[str],
    parsed: Parsed,
    *,
    minimum: int = 0,
    maximum: int | None = None,
) -> list[str] | None:
    """Comma-separated values kept in allowed order; None when absent or unusable (with a notice)."""
    value = _clean(params.get(name))
    if not value:
        return None
    wanted = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in wanted if v not in allowed]
    if unknown:
        shown = ", ".join(_shown(u) for u in unknown[:5])
        parsed.note(_("Ignored unknown {name} in the link: {values}.").format(name=named(name), values=shown))
    chosen = [a for a in allowed if a in wanted]
    if maximum is not None and len(chosen) > maximum:
        parsed.note(
            _("At most {maximum} {name} can be shown at once: showing the first {maximum}.").format(
                maximum=maximum, name=named(name)
            )
        )
        chosen = chosen[:maximum]
    if len(chosen) < minimum:
        if not unknown:
            parsed.note(
                _("Choose at least {minimum} {name}: showing the default view instead.").format(
                    minimum=minimum, name=named(name)
                )
            )
        return None
    return chosen


def text(params: Mapping[str, str], name: str, parsed: Parsed, max_length: int = 200) -> str:
    """Free text from the URL (a search), cut to max_length with a notice."""
    raw = (params.get(name) or "").strip()
    if len(raw) > max_length:
        parsed.note(
            _("The {name} in the link was longer than {max_length} characters and was shortened.").format(
                name=named(name), max_length=max_length
            )
        )
        return raw[:max_length]
    return raw


def integer(
    params: Mapping[str, str], name: str, lo: int, hi: int, parsed: Parsed, *, say_range: bool = True
) -> int | None:
    """A whole number within [lo, hi]; None (with a notice, naming the range if say_range) otherwise."""
    value = _clean(params.get(name))
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        parsed.note(
            _("The {name} {value} in the link is not a number: starting at the beginning.").format(
                name=named(name), value=_shown(value)
            )
        )
        return None
    if not lo <= number <= hi:
        message = (
            _("There is no {name} {number} (choose {lo}–{hi}): starting at the beginning.")
            if say_range
            else _("There is no {name} {number}: starting at the beginning.")
        )
        parsed.note(message.format(name=named(name), number=number, lo=lo, hi=hi))
        return None
    return number


def encode(values: Iterable[str]) -> str:
    """Comma-join values for a query parameter."""
    return ",".join(values)


def unknown_params(raw: Mapping[str, str], known: Sequence[str]) -> str | None:
    """A notice naming the link parameters a page does not read, or None when there are none."""
    unknown = [name for name in raw if name not in known]
    if not unknown:
        return None
    names = ", ".join(_shown(n) for n in unknown[:5]) + (" …" if len(unknown) > 5 else "")
    return ngettext(
        "This page does not use the link parameter {names}: it was ignored.",
        "This page does not use the link parameters {names}: they were ignored.",
        len(unknown),
    ).format(names=names)
