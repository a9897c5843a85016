"""What the reader chooses or writes for a memo, cleaned and checked for shape, refused in plain words."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from policy import i18n
from policy.citations import Style
from policy.i18n import _

HEADER_LIMIT = 200
TEXT_LIMIT = 5_000


class MemoInputError(ValueError):
    """The memo's input is refused; `problems` lists every reason, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    @classmethod
    def from_validation(cls, err: ValidationError) -> MemoInputError:
        """One problem line per pydantic error: 'purpose: is 5,321 characters; the limit is 5,000'."""
        problems = []
        for error in err.errors():
            where = _where(error["loc"])
            inner = error.get("ctx", {}).get("error")
            if isinstance(inner, MemoInputError):  # a nested choice already refused, in words
                problems += [f"{where} › {p}" if where else p for p in inner.problems]
            else:
                message = error["msg"].removeprefix("Value error, ")
                problems.append(f"{where}: {message}" if where else message)
        return cls(problems)


def _where(loc: tuple[int | str, ...]) -> str:
    words = [str(step).rstrip("_") for step in loc]  # from_ -> from, as the reader types it
    for i, step in enumerate(loc):
        if isinstance(step, int):
            # Translators: where a problem is in the memo's input: "option 2 › evidence › item 3".
            where = _("option {n}") if i and loc[i - 1] == "options" else _("item {n}")
            words[i] = where.format(n=step + 1)
    return " › ".join(words)


# Every control character except tab and newline (carriage returns become newlines first), and what no
# document can hold: lone surrogates and the non-characters U+FFFE and U+FFFF.
# Bidi controls go too: in a .docx or .md they would reorder the text around them.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})


def _clean_text(value: object) -> object:
    if not isinstance(value, str):
        return value  # pydantic refuses it with its own message
    return _CONTROL.sub("", value.replace("\r\n", "\n").translate(_NEWLINES)).strip()


def _clean_line(value: object) -> object:
    cleaned = _clean_text(value)
    return " ".join(cleaned.split()) if isinstance(cleaned, str) else cleaned


def _limit(n: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > n:
            message = _("is {count} characters; the limit is {limit}")
            raise ValueError(message.format(count=i18n.number(len(value)), limit=i18n.number(n)))
        return value

    return check


HeaderText = Annotated[str, BeforeValidator(_clean_line), AfterValidator(_limit(HEADER_LIMIT))]
FreeText = Annotated[str, BeforeValidator(_clean_text), AfterValidator(_limit(TEXT_LIMIT))]


class _Input(BaseModel):
    """Strict, frozen input whose every refusal is a MemoInputError naming the field."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise MemoInputError.from_validation(err) from None

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        """Validate a mapping (e.g. parsed JSON), refusing it with a MemoInputError."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as err:
            raise MemoInputError.from_validation(err) from None


class OptionChoice(_Input):
    """One option in the memo and the stances and evidence chosen for it."""

    position: HeaderText
    arguments_for: list[HeaderText] = Field(default_factory=list, description="Proponent actor ids.")
    arguments_against: list[HeaderText] = Field(default_factory=list, description="Critic actor ids.")
    evidence: list[HeaderText] = Field(default_factory=list, description="Evidence ids.")


class MemoSpec(_Input):
    """Everything the reader chooses or writes for a memo."""

    to: HeaderText = ""
    from_: HeaderText = Field(default="", alias="from")
    date: HeaderText = ""
    subject: HeaderText = ""
    purpose: FreeText = ""
    background: FreeText = ""
    recommendation: FreeText = Field(default="", description="The reader's own text; never generated.")
    options: list[OptionChoice] = Field(default_factory=list)
    style: Style = "chicago"
    length: Literal["brief", "full"] = Field(
        default="full", description="brief: one page (summary, table, recommendation); full: everything."
    )
    quotes: bool = Field(default=True, description="Show verbatim quotes (each once) in the full memo.")
    paper: Literal["letter", "a4"] = Field(default="letter", description="The PDF's page size.")
