"""The pages through AppTest: each renders, each selector and filter works, every link parameter restores its view."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, quote_plus, urlencode

import pytest
from streamlit.testing.v1 import AppTest

from policy import Dataset
from policy.citations import human_date
from policy.models import Bearing
from policy.prose import pieces, sentences
from policy.queries import actor_countries, format_number, group_findings, short_outlet, stance_map
from policy.style import position_label
from policy.text import md_escape
from tests.conftest import copyable, passages
from ui.registry import PAGES

Open = Callable[..., AppTest]
APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def open_page() -> Open:
    def run(page: str, /, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(f"ui/pages/{page}.py")
        return at.run()

    return run


def notices(at: AppTest) -> list[str]:
    """The notices about the link or the view (not the content's own info boxes), one per problem: several
    problems with a link share one notice, a line each."""
    boxes = [
        i.value
        for i in at.info
        if i.icon in (":material/link_off:", ":material/info:", ":material/search_off:")
    ]
    return [
        line.removeprefix("- ")
        for box in boxes
        for line in (box.split("\n") if box.startswith("- ") else [box])
    ]


def test_every_page_renders(open_page: Open) -> None:
    for spec in PAGES:
        at = open_page(Path(spec.script).stem)
        assert not at.exception, (spec.script, at.exception)
        assert at.title, f"{spec.script} has no title"


def test_overview_shows_the_question_and_every_position(open_page: Open, dataset: Dataset) -> None:
    at = open_page("overview")
    assert at.title[0].value == dataset.debate.title
    text = " ".join(m.value for m in passages(at))
    for position in dataset.positions:
        assert position.title.replace("-", "\\-") in text
    figures = [e.proto.body for e in at.get("html") if "figure-cards" in e.proto.body]
    assert figures and figures[0].count('<div class="card">') == len(dataset.debate.headline_evidence)
    for (
        eid
    ) in dataset.debate.headline_evidence:  # each figure leads to its finding: the claim, quotes, sources
        assert f'href="./evidence?item={eid}"' in figures[0]


def test_overviews_option_cards_are_short_with_counts_and_a_link(open_page: Open, dataset: Dataset) -> None:
    at = open_page("overview")
    cards = [m.value for m in passages(at) if "Read its full case" in m.value]
    assert len(cards) == len(dataset.positions)
    for card, position in zip(cards, dataset.positions, strict=True):
        pros, cons = len(position.proponents), len(position.critics)
        counts = f"**{pros} proponent{'' if pros == 1 else 's'}, {cons} critic{'' if cons == 1 else 's'}**"
        assert counts in card, "how many hold it and how many criticise it, not a few names"
        assert f"[Read its full case →](./position?position={position.id})" in card
        shown = re.sub(r' "[^"]*"\)', ")", card)
        assert "…" not in shown
        assert len(re.sub(r"\([^)]*\)", "", shown)) < 900, "a short card: the full case is on its page"


_SECTION = re.compile(r"^- (?:\*\*(.+)\*\*|\[(.+)\]\((\S+)\))$")


def position_sections(at: AppTest) -> list[tuple[str, str | None]]:
    """Position's row of sections: each label, and its link (None for the section shown)."""
    row = next(p.value for p in passages(at) if p.value.startswith(("- **Who argues", "- [Who argues")))
    found = [_SECTION.match(line) for line in row.splitlines()]
    return [(m[1], None) if m[1] else (m[2], m[3]) for m in found if m]


def test_positions_sections_are_links_named_with_honest_counts(open_page: Open, dataset: Dataset) -> None:
    position = dataset.positions[0]
    at = open_page("position", position=position.id)
    sections = position_sections(at)
    findings = {b: len(dataset.findings_for(position.id, b)) for b in ("supports", "undercuts", "context")}
    assert [label for label, _ in sections][:3] == [
        f"Who argues ({len(position.proponents)} for, {len(position.critics)} against)",
        f"Evidence ({findings['supports']} for · {findings['undercuts']} against · {findings['context']} context)",
        f"Risks ({len(position.risks)}) and open questions ({len(position.open_questions)})",
    ]
    # The one shown is not a link; each other is a link to the page opened on it, which a reader can share.
    assert sections[0][1] is None and "Proponents" in " ".join(h.value for h in at.header)
    assert sections[2][1] == f"./position?position={position.id}&section=risks"
    at = open_page("position", position=position.id, section="risks")
    assert position_sections(at)[2][1] is None and position_sections(at)[0][1]
    drawn = " ".join(m.value.replace("\\", "") for m in passages(at))
    assert all(pieces(r)[0].text[:40] in drawn for r in position.risks + position.open_questions)
    assert f"Risks and trade-offs ({len(position.risks)})" in [h.value for h in at.header]
    assert not any("Proponents" in h.value for h in at.header), "only the open section is built"
    assert at.query_params["section"] == "risks"
    at = open_page("position", position=position.id, section="nowhere")
    assert any("section" in n for n in notices(at)) and position_sections(at)[0][1] is None


def test_positions_coverage_note_shows_its_start_and_opens_whole(open_page: Open, dataset: Dataset) -> None:
    position = max(dataset.positions, key=lambda p: len(p.coverage_note or ""))
    assert position.coverage_note
    at = open_page("position", position=position.id)
    first = sentences(position.coverage_note)[0]
    assert at.warning[0].value.replace("\\", "").startswith(first[:60])
    if len(position.coverage_note) > 300:
        assert "The rest of this note" in [e.label for e in at.expander]
        at.session_state["position_note"] = True
        at.run()
        drawn = at.warning[0].value + " " + " ".join(m.value for m in passages(at))
        last = sentences(position.coverage_note)[-1]
        assert last[:60] in drawn.replace("\\", ""), "the whole note, once opened"


def test_positions_summary_shows_whole_sentences_and_opens_whole(open_page: Open, dataset: Dataset) -> None:
    position = max(dataset.positions, key=lambda p: len(p.summary))
    at = open_page("position", position=position.id)
    parts = sentences(position.summary)
    labels = [e.label for e in at.expander if e.label.startswith("The rest of the summary")]
    assert len(labels) == 1
    rest = int(re.search(r"\((\d+) more sentence", labels[0]).group(1))  # type: ignore[union-attr]
    shown = parts[: len(parts) - rest]
    text = " ".join(m.value.replace("\\", "") for m in passages(at))
    assert all(pieces(s)[0].text[:30] in text for s in shown)
    assert pieces(parts[-1])[0].text[:30] not in text
    at.session_state["position_summary"] = True
    at.run()
    # The words without their links (a glossary term links where it first appears).
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(m.value.replace("\\", "") for m in passages(at)))
    assert all(pieces(s)[0].text[:30] in text for s in parts), "every sentence, once opened"


def test_position_link_restores_the_position(open_page: Open, dataset: Dataset) -> None:
    last = dataset.positions[-1]
    at = open_page("position", position=last.id)
    assert at.title[0].value == last.title
    assert not notices(at)


def test_position_lists_the_options_as_links_the_one_shown_in_bold(open_page: Open, dataset: Dataset) -> None:
    at = open_page("position")
    assert at.title[0].value == dataset.positions[0].title
    assert at.query_params["position"] == dataset.position_ids[0]
    options = next(p.value for p in passages(at) if p.value.startswith("The options"))
    first, *others = dataset.positions
    assert f"- **{position_label(dataset, first.id)}**" in options
    for other in others:
        assert f"[{position_label(dataset, other.id)}](./position?position={other.id})" in options
    # Following one (the link sets the address; the page reads it).
    at = open_page("position", position=others[0].id)
    assert at.title[0].value == others[0].title
    assert f"- **{position_label(dataset, others[0].id)}**" in next(
        p.value for p in passages(at) if p.value.startswith("The options")
    )


def test_position_page_shows_both_sides_and_citations(open_page: Open, dataset: Dataset) -> None:
    position = dataset.positions[0]
    at = open_page("position", position=position.id)
    headers = [h.value for h in at.header]
    assert f"Proponents ({len(position.proponents)})" in headers
    assert f"Critics ({len(position.critics)})" in headers
    first = position.proponents[0]
    quote = dataset.quote(first.quotes[0])
    source = dataset.source(quote.source)
    side = list(dict.fromkeys(q for stance in position.proponents for q in stance.quotes))

    # Every proponent's name and argument show; their own words open on request, under each person's argument,
    # each naming its speaker, outlet and date under it.
    text = " ".join(m.value.replace("\\", "") for m in passages(at))
    for stance in position.proponents + position.critics:
        assert dataset.actor(stance.actor).name in text and pieces(stance.argument)[0].text[:40] in text
    assert "\n*—" not in text, "no quote is drawn until asked for"
    assert f"Show their words ({len(side)} quotes)" in [t.label for t in at.toggle]
    before = len(passages(at))
    at.toggle(key="position_pro-0_words").set_value(True).run()
    assert len(passages(at)) == before  # the words join the side's one element
    block = next(m.value.replace("\\", "") for m in passages(at) if "\n*—" in m.value)
    assert block.count("\n*—") == sum(len(s.quotes) for s in position.proponents)
    second = dataset.actor(position.proponents[1].actor).name
    assert block.index(dataset.actor(first.actor).name) < block.index(quote.text[:40]) < block.index(second)
    assert f"{short_outlet(dataset, source.id)}, {human_date(source.published[:7])}" in block
    # Their citations are built when the reader opens the Cite popover under them.
    assert not copyable(at)
    at.session_state["cite-position-pro-0"] = True
    at.run()
    code = " ".join(copyable(at))
    assert source.outlet in code and quote.text[:40] in code


def test_position_lists_its_contested_questions_and_links_to_them(open_page: Open, dataset: Dataset) -> None:
    pid = next(p for p in dataset.position_ids if len(dataset.disputes_for(p)) > 1)
    disputes = dataset.disputes_for(pid)
    at = open_page("position", position=pid)
    # The page's sections are links named with their counts; only the open one is drawn.
    assert (f"Contested claims ({len(disputes)})", f"./position?position={pid}&section=contested") in (
        position_sections(at)
    )
    assert "Contested claims that touch it" not in [h.value for h in at.header]
    at = open_page("position", position=pid, section="contested")
    assert "Contested claims that touch it" in [h.value for h in at.header]
    text = " ".join(m.value.replace("\\", "") for m in passages(at))
    assert all(d.question in text for d in disputes)
    links = [link.proto for link in at.get("page_link") if "contested" in link.proto.page]
    assert len(links) == 1, "one link for the questions, not one each"
    assert f"these {len(disputes)} questions" in links[0].label
    assert links[0].query_string == f"position={pid}&dispute={'%2C'.join(d.id for d in disputes)}"
    # The link opens those questions, filtered to the position.
    there = open_page("contested", position=pid, dispute=",".join(d.id for d in disputes))
    assert [e.label for e in there.expander] == [md_escape(d.question) for d in disputes]
    drawn = " ".join(m.value.replace("\\", "") for m in passages(there))
    assert all(pieces(d.claims[0].claim)[0].text[:40] in drawn for d in disputes), (
        "each question open, its claims drawn"
    )


def test_a_link_to_a_question_further_down_opens_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.scale import scale
    from policy import load_dataset
    from policy.paths import data_dir

    scale(data_dir(), tmp_path / "big", 3)  # 39 questions: three pages of 15
    monkeypatch.setenv("POLICY_DATA_DIR", str(tmp_path / "big"))
    at = AppTest.from_file(APP, default_timeout=60).switch_page("ui/pages/contested.py").run()
    assert len(at.expander) == 15 and at.number_input(key="contested_page").value == 1
    big = load_dataset(tmp_path / "big")
    wanted = big.disputes[17]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["dispute"] = wanted.id
    at = at.switch_page("ui/pages/contested.py").run()
    assert not at.exception
    assert at.number_input(key="contested_page").value == 2
    assert md_escape(wanted.question) in [e.label for e in at.expander]
    assert at.query_params["dispute"] == wanted.id


@pytest.mark.parametrize("bad", ["nope", "<script>alert(1)</script>", "x" * 5000, "%00", "military strikes"])
def test_a_bad_position_link_shows_a_notice_and_the_default(
    open_page: Open, dataset: Dataset, bad: str
) -> None:
    at = open_page("position", position=bad)
    assert not at.exception
    assert at.title[0].value == dataset.positions[0].title
    assert any("Unknown position" in n for n in notices(at))
    assert all("<script>" not in n for n in notices(at))


def test_compare_defaults_to_all_and_restores_a_pair(open_page: Open, dataset: Dataset) -> None:
    at = open_page("compare")
    assert at.session_state["compare_positions"] == dataset.position_ids[:4]
    pair = dataset.position_ids[-2:]
    at = open_page("compare", positions=",".join(pair))
    assert at.session_state["compare_positions"] == pair
    assert not notices(at)
    drawn = [h.proto.body for h in at.get("html") if 'class="drawing bal"' in h.proto.body]
    assert len(drawn) == 1 and drawn[0].count('class="bal-label"') == 2, "the balance of the pair"


def test_compare_lines_up_each_section_and_lists_everyone(open_page: Open, dataset: Dataset) -> None:
    pair = dataset.position_ids[:2]
    at = open_page("compare", positions=",".join(pair))
    rows = [m.value for m in passages(at) if m.value.startswith(("### ", "#### "))]
    assert rows == [
        "### How it is meant to work",
        "### Who argues for and against",
        "#### For",
        "#### Against",
        "### Strongest evidence",
        "#### ✚ Evidence for",
        "#### ✖ Evidence against",
        "### Risks and trade-offs",
    ], "each section, and each side within it, is a row of its own across the options"
    for side in ("proponent", "critic"):
        cells = [m.value for m in passages(at) if re.search(rf"\*\*\d+ {side}s?:\*\*", m.value)]
        assert len(cells) == len(pair), "one cell per chosen position"
        for cell, pid in zip(cells, pair, strict=True):
            position = dataset.position(pid)
            stances = position.proponents if side == "proponent" else position.critics
            # Everyone, each linking to their person; the count is the whole list.
            assert f"**{len(stances)} {side}{'' if len(stances) == 1 else 's'}:**" in cell
            assert all(f"./people?person={s.actor}" in cell for s in stances)
    text = " ".join(m.value for m in passages(at))
    assert all(f"./position?position={pid}" in text for pid in pair), "each option links to its Position page"
    assert not any(dataset.position(p).title in text for p in dataset.position_ids[2:])


def compare_text(at: AppTest) -> str:
    """The words a reader sees on Compare: the Markdown without its links' hover texts (a citation mark's hover
    previews its quote), and the expanders' labels."""
    shown = " ".join(re.sub(r'\]\((\S+) "(?:[^"]|"(?!\)))*?"\)', r"](\1)", m.value) for m in passages(at))
    return shown + " " + " ".join(e.label for e in at.expander)


@pytest.mark.parametrize("count", [2, 4])
def test_compare_cuts_nothing_mid_sentence_and_counts_every_list(
    open_page: Open, dataset: Dataset, count: int
) -> None:
    chosen = dataset.position_ids[:count]
    at = open_page("compare", positions=",".join(chosen))
    labels = [""] if count == 2 else list(COMPARE_SECTIONS)
    for label in labels:
        if label:
            at = open_page("compare", positions=",".join(chosen), section=COMPARE_SECTIONS[label])
        shown = compare_text(at)
        assert "…" not in shown, f"nothing is cut with an ellipsis ({label or 'two options'})"
        for pid in chosen:
            position = dataset.position(pid)
            assert f"./position?position={pid}" in " ".join(m.value for m in passages(at))
            if label in ("", "Strongest evidence"):
                sides: tuple[tuple[Bearing, str], ...] = (("supports", "for"), ("undercuts", "against"))
                for bearing, word in sides:
                    found = dataset.findings_for(pid, bearing)
                    if found:
                        noun = "finding" if len(found) == 1 else "findings"
                        assert f"**{len(found)} {noun} {word}**" in shown
                        if len(found) > 2:
                            # The rest one click away, counted, and all of them on the Evidence page.
                            rest = len(found) - 2
                            noun = "finding" if rest == 1 else "findings"
                            assert f"Show {rest} more {noun} {word} it" in shown
                            assert f"All {len(found)} on the Evidence page" in shown
            if label in ("", "Risks and trade-offs") and position.risks:
                noun = "risk" if len(position.risks) == 1 else "risks"
                assert f"**{len(position.risks)} {noun}**" in shown
                if len(position.risks) > 3:
                    rest = len(position.risks) - 3
                    assert (f"Show {rest} more risk" if rest == 1 else f"Show {rest} more risks") in shown


def test_compares_lists_open_whole_in_their_column(open_page: Open, dataset: Dataset) -> None:
    pid = next(p for p in dataset.position_ids if len(dataset.position(p).risks) > 3)
    other = next(p for p in dataset.position_ids if p != pid)
    at = open_page("compare", positions=",".join(sorted([pid, other], key=dataset.position_ids.index)))
    position = dataset.position(pid)
    rest = len(position.risks) - 3
    label = f"Show {rest} more risk" if rest == 1 else f"Show {rest} more risks"
    cell = next(m.value.replace("\\", "") for m in passages(at) if label in m.value)
    shown, closed = cell.split(f"<details><summary>{label}</summary>")
    # The first three in the cell, the rest in its closed part, whole; nothing twice.
    assert all(pieces(r)[0].text[:40] in shown for r in position.risks[:3])
    assert all(pieces(r)[0].text[:40] in closed for r in position.risks[3:]), "every risk, whole, once opened"
    assert not any(pieces(r)[0].text[:40] in closed for r in position.risks[:3])
    assert "…" not in compare_text(at)


COMPARE_SECTIONS = {
    "How it is meant to work": "how",
    "Who argues for and against": "who",
    "Strongest evidence": "evidence",
    "Risks and trade-offs": "risks",
}


def test_compare_with_four_options_puts_the_sections_in_a_row_of_links(
    open_page: Open, dataset: Dataset
) -> None:
    chosen = ",".join(dataset.position_ids[:4])
    at = open_page("compare", positions=chosen)
    row = next(p.value for p in passages(at) if p.value.startswith("- **How it is meant to work**"))
    assert row.split("\n") == ["- **How it is meant to work**"] + [
        f"- [{label}](./compare?section={key})" for label, key in list(COMPARE_SECTIONS.items())[1:]
    ], "the open section in bold, the others links keeping the options chosen (all four: the default)"
    drawn = " ".join(h.proto.body for h in at.get("html"))
    assert "compare-how" in drawn and "compare-for" not in drawn, "only the open section is built"
    at = open_page("compare", positions=chosen, section="risks")
    assert at.session_state["compare_section"] == "risks" and "**Risks and trade-offs**" in " ".join(
        p.value for p in passages(at)
    )
    three = ",".join(dataset.position_ids[:3])
    at = open_page("compare", positions=three, section="who")
    row = next(p.value for p in passages(at) if "**Who argues for and against**" in p.value)
    assert f"[Strongest evidence](./compare?{urlencode({'positions': three, 'section': 'evidence'})})" in row
    assert not open_page("compare", section="nonsense").exception


def test_compare_options_are_links_that_keep_two_to_four_and_the_section(
    open_page: Open, dataset: Dataset
) -> None:
    a, b, c = dataset.position_ids[:3]
    label = {p: position_label(dataset, p) for p in dataset.position_ids}
    at = open_page("compare", positions=f"{a},{b}")
    row = filter_row(at, "Positions to compare (2 to 4)")
    # At two, neither chosen option is a link (one option is no comparison); another is added by its link.
    assert f"- **✓ {md_escape(label[a])}**" in row.split(
        "\n"
    ) and f"- **✓ {md_escape(label[b])}**" in row.split("\n")
    assert f"[{md_escape(label[c])}](./compare?{urlencode({'positions': f'{a},{b},{c}'})})" in row
    assert "Any" not in row
    # At three, each chosen one is a link leaving it out, and the links keep the section open.
    at = open_page("compare", positions=f"{a},{b},{c}", section="risks")
    row = filter_row(at, "Positions to compare (2 to 4)")
    assert f"]({'./compare?' + urlencode({'section': 'risks', 'positions': f'{b},{c}'})} " in row
    # A link naming one option says so and compares them all.
    at = open_page("compare", positions=a)
    assert notices(at) and at.session_state["compare_positions"] == dataset.position_ids[:4]


@pytest.mark.parametrize("bad", ["zzz", ",,,", "a,b,c,d,e,f"])
def test_compare_bad_links_fall_back(open_page: Open, dataset: Dataset, bad: str) -> None:
    at = open_page("compare", positions=bad)
    assert not at.exception
    assert at.session_state["compare_positions"] == dataset.position_ids[:4]


def test_compare_partly_bad_link_keeps_the_good_part(open_page: Open, dataset: Dataset) -> None:
    a, b = dataset.position_ids[:2]
    at = open_page("compare", positions=f"{a},ghost,{b}")
    assert at.session_state["compare_positions"] == [a, b]
    assert any("ghost" in n for n in notices(at))


def count_line(at: AppTest) -> str:
    return next(m.value for m in passages(at) if "evidence items" in m.value)


def findings_total(dataset: Dataset) -> int:
    return sum(1 for e in dataset.evidence if e.part_of is None)


def test_evidence_filters_come_from_and_go_to_the_url(open_page: Open, dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    at = open_page("evidence", position=pid, bearing="undercuts")
    expected = group_findings(dataset, [e for e in dataset.evidence if e.bearing.get(pid) == "undercuts"])
    assert count_line(at).startswith(f"**{len(expected)}** of {findings_total(dataset)} findings")
    # The filters are links, the chosen values ticked; each link keeps the other rows' choices.
    assert f"**[✓ {position_label(dataset, pid)}](" in filter_row(at, "Position")
    supports = urlencode({"position": pid, "bearing": "supports,undercuts"})
    assert f"[Supports](./evidence?{supports})" in filter_row(at, "Bearing")


def test_evidence_filter_links_keep_the_search_and_the_speakers(open_page: Open, dataset: Dataset) -> None:
    speaker = next(
        q.speaker for q in dataset.quotes if q.speaker and any(q.id in e.quotes for e in dataset.evidence)
    )
    at = open_page("evidence", actor=speaker)
    at.text_input(key="ev_text").input("cartel").run()
    href = re.search(r"\[Figure\]\(\./evidence\?([^)]*)\)", filter_row(at, "Kind"))
    assert href and dict(parse_qsl(href[1])) == {"q": "cartel", "actor": speaker, "kind": "figure"}
    # A link followed sets every filter from it, back to the first page.
    at = open_page("evidence", q="cartel", actor=speaker, kind="figure")
    assert at.text_input(key="ev_text").value == "cartel"
    assert at.multiselect(key="ev_actors").value == [speaker]
    assert at.session_state["ev_kinds"] == ["figure"]


def test_evidence_search_narrows_the_list(open_page: Open, dataset: Dataset) -> None:
    at = open_page("evidence")
    assert count_line(at).startswith(f"**{findings_total(dataset)}** of {findings_total(dataset)} findings")
    word = dataset.evidence[0].claim.split()[-1].strip(".,")
    at.text_input(key="ev_text").input(word).run()
    assert at.query_params["q"] == word
    shown = int(count_line(at).split("**")[1])
    assert 1 <= shown <= findings_total(dataset)
    at.text_input(key="ev_text").input("no-such-words-anywhere").run()
    assert any("No evidence matches" in n for n in notices(at))


def test_evidence_by_speaker_and_source(open_page: Open, dataset: Dataset) -> None:
    speaker = next(
        q.speaker for q in dataset.quotes if q.speaker and any(q.id in e.quotes for e in dataset.evidence)
    )
    at = open_page(
        "evidence", actor=speaker, source=dataset.sources[0].id, kind="figure,statement,finding,event"
    )
    assert not at.exception and not notices(at)
    assert at.multiselect(key="ev_actors").value == [speaker]


@pytest.mark.parametrize(
    "params", [{"bearing": "maybe"}, {"kind": "rumour"}, {"page": "-3"}, {"page": "lots"}, {"q": "x" * 900}]
)
def test_evidence_bad_links_show_a_notice(open_page: Open, params: dict[str, str]) -> None:
    at = open_page("evidence", **params)
    assert not at.exception
    assert notices(at)


def test_evidence_downloads_are_off_when_nothing_matches(open_page: Open) -> None:
    at = open_page("evidence", q="zzzz-no-such-words")
    assert [b.proto.disabled for b in at.get("download_button")] == [True, True]
    at = open_page("evidence")
    assert [b.proto.disabled for b in at.get("download_button")] == [False, False]


def test_evidence_offers_both_downloads(open_page: Open) -> None:
    at = open_page("evidence")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download JSON"]


def test_people_map_directory_and_a_person(open_page: Open, dataset: Dataset) -> None:
    at = open_page("people")
    # The grid's key names the marks it uses, and only those.
    used = {c.side for c in stance_map(dataset)}
    key = next(c.value for c in at.caption if "Each row is a person" in c.value)
    assert ("✚✖ Both" in key) == ("both" in used) and "✚ Backs" in key
    # The map of who stands where (a grid, a table by person on request) and the directory of everyone.
    grid = next(h.proto.body for h in at.get("html") if "<th>Person or institution</th>" in h.proto.body)
    assert grid.count("prose-badge-") == len(stance_map(dataset)) and not at.get("vega_lite_chart")
    assert f"Everyone the sources name ({len(dataset.actors)})" in [h.value for h in at.header]
    directory = " ".join(m.value for m in passages(at))
    assert all(f"./people?person={a.id}" in directory for a in dataset.actors)
    actor = next(a for a in dataset.actors if dataset.stances_of(a.id))
    at = open_page("people", person=actor.id)
    assert at.header[0].value == actor.name
    at = open_page("people", actor=actor.id)  # links made before the parameter was renamed
    assert at.header[0].value == actor.name
    at = open_page("people", person="nobody-at-all")
    assert any("Unknown person" in n for n in notices(at))
    assert any("<th>Person or institution</th>" in h.proto.body for h in at.get("html"))


def test_people_filter_by_country_and_kind(open_page: Open, dataset: Dataset) -> None:
    country = next(a.country for a in dataset.actors if a.country)
    kind = next(a.kind for a in dataset.actors if a.country == country)
    at = open_page("people", country=country, kind=kind)
    expected = [a for a in dataset.actors if a.country == country and a.kind == kind]
    assert f"Everyone the sources name ({len(expected)})" in [h.value for h in at.header]
    # The filters are links: a chosen value is ticked and its link takes it out, keeping the other row's choice;
    # another value's link adds it; "Any" clears its row.
    filters = next(p.value for p in passages(at) if p.value.startswith("From the countries"))
    n = sum(a.country == country for a in dataset.actors)
    kind_words = f"{kind.capitalize()} ({sum(a.kind == kind for a in dataset.actors)})"
    assert (
        f'**[✓ {country} ({n})](./people?kind={quote_plus(kind)} "Chosen: select to leave it out")**'
        in filters
    )
    assert f'**[✓ {kind_words}](./people?country={quote_plus(country)} "Chosen' in filters
    other = next(c for c in actor_countries(dataset) if c != country)
    both = ",".join(c for c in actor_countries(dataset) if c in (country, other))
    assert f"({urlencode_people(country=both, kind=kind)})" in filters
    at = open_page("people")
    filters = next(p.value for p in passages(at) if p.value.startswith("From the countries"))
    assert filters.count("- **Any**") == 2 and "✓" not in filters


def urlencode_people(**query: str) -> str:
    return "./people?" + urlencode(query)


def headings(at: AppTest) -> list[str]:
    """The series titles shown on Figures (each a Markdown heading above its description)."""
    return [
        m.value.split("\n", 1)[0].removeprefix("## ").replace("\\", "")
        for m in passages(at)
        if m.value.startswith("## ")
    ]


def test_figures_show_charts_tables_and_downloads(open_page: Open, dataset: Dataset) -> None:
    at = open_page("figures")
    per_page = min(len(dataset.series), 2)
    bars = [h.proto.body for h in at.get("html") if 'class="drawing bars"' in h.proto.body]
    assert len(bars) == per_page and not at.get("vega_lite_chart"), "bars drawn as HTML, no Vega library"
    # Beside each chart, its numbers as a table (the text alternative), and a CSV download.
    tables = [
        h.proto.body
        for h in at.get("html")
        if "<table>" in h.proto.body and "<th>What, when</th>" in h.proto.body
    ]
    assert len(tables) == per_page
    first = dataset.series[0]
    assert all(format_number(p.value) in tables[0] for p in first.points)
    assert len(at.get("download_button")) == per_page
    # The words behind the numbers are built when opened.
    at.session_state[f"fig-words-{first.id}"] = True
    at.run()
    words = [m.value for m in passages(at) if m.value.startswith("- **")]
    assert len(words) == 1 and words[0].count("\n") == len(first.points) - 1
    one = dataset.series[-1]
    at = open_page("figures", series=one.id)
    assert headings(at) == [one.title]
    at = open_page("figures", series="made-up")
    assert notices(at) and len(headings(at)) == per_page
    if len(dataset.series) > per_page:  # the rest are on the next page
        at = open_page("figures", page="2")
        assert headings(at) == [s.title for s in dataset.series[per_page : 2 * per_page]]


def claims_shown(at: AppTest) -> list[str]:
    """The claims drawn: each answer is a card, the answer and its count first, then its claims, divided by
    rules."""
    answers = [m.value for m in passages(at) if m.value.startswith("**Answer: ")]
    return [claim for answer in answers for claim in answer.split("\n\n---\n\n")[1:]]


def test_contested_claims_list_every_question_and_open_the_first(open_page: Open, dataset: Dataset) -> None:
    at = open_page("contested")
    assert [e.label for e in at.expander] == [md_escape(d.question) for d in dataset.disputes]
    first = dataset.disputes[0]
    # Only the open question's sides are built: the first one's, each claimant with a quote.
    assert len(claims_shown(at)) == len(first.claims)
    assert "dispute" not in at.query_params


def test_contested_claims_open_more_and_the_link_keeps_them(open_page: Open, dataset: Dataset) -> None:
    at = open_page("contested")
    third = dataset.disputes[2]
    at.session_state[f"dispute-{third.id}"] = True
    at.run()
    first = dataset.disputes[0]
    assert len(claims_shown(at)) == len(first.claims) + len(third.claims)
    assert at.query_params["dispute"] == f"{first.id},{third.id}"
    again = open_page("contested", dispute=f"{first.id},{third.id}")
    assert len(claims_shown(again)) == len(first.claims) + len(third.claims)
    only = open_page("contested", dispute=third.id)
    assert len(claims_shown(only)) == len(third.claims)


def test_contested_claims_filter_and_bad_links(open_page: Open, dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    at = open_page("contested", position=pid)
    assert len(at.expander) == len(dataset.disputes_for(pid))
    # One option at a time: the chosen one is ticked and its link clears it; another's link replaces it.
    row = filter_row(at, "Touching the option")
    label = f"{position_label(dataset, pid)} ({len(dataset.disputes_for(pid))})"
    assert f'**[✓ {label}](./contested "Chosen' in row and "[Any](./contested)" in row
    other = dataset.position_ids[1]
    assert f"](./contested?position={other})" in row
    at = open_page("contested", dispute="nope", position="nope")
    assert len(notices(at)) == 2
    assert len(at.expander) == len(dataset.disputes)


def test_timeline_filters(open_page: Open, dataset: Dataset) -> None:
    at = open_page("timeline")
    assert f"{len(dataset.timeline)} events" in " ".join(c.value for c in at.caption)
    source = dataset.timeline[0].source
    at = open_page("timeline", source=source)
    expected = sum(1 for e in dataset.timeline if e.source == source)
    assert f"{expected} events" in " ".join(c.value for c in at.caption)
    # The filters are links, each value with how many events it holds; several can be chosen.
    row = filter_row(at, "From the sources")
    assert f"({expected})](./timeline " in row and "**[✓ " in row
    pid = dataset.position_ids[0]
    touching = sum(pid in e.positions for e in dataset.timeline)
    assert (
        f"[{position_label(dataset, pid)} ({touching})](./timeline?{urlencode({'position': pid, 'source': source})})"
        in (filter_row(at, "Touching the options"))
    )
    at = open_page("timeline", position="bogus")
    assert notices(at)


def filter_row(at: AppTest, heading: str) -> str:
    """A page's row of filter links (ui.filters) under this heading, as Markdown."""
    rows = next(p.value for p in passages(at) if "\n\n- " in p.value and heading in p.value)
    return rows.split(f"{heading}\n\n", 1)[1].split("\n\n", 1)[0]


def test_sources_page_lists_every_source_and_the_glossary(open_page: Open, dataset: Dataset) -> None:
    at = open_page("sources")
    text = " ".join(m.value for m in passages(at))
    for source in dataset.sources:
        assert source.outlet.split()[0] in text
    assert dataset.debate.cite_as in copyable(at)
    # The archive gives no address for the articles: each entry says so, rather than showing nothing.
    assert text.count("No web address of it is known here") == sum(1 for s in dataset.sources if not s.url)


def test_broken_content_shows_one_clear_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from tests.conftest import MINI

    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    path = broken / "actors.yaml"
    path.write_text(path.read_text().replace("kind: official", "kind: wizard"))
    monkeypatch.setenv("POLICY_DATA_DIR", str(broken))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "The content could not be loaded"
    assert any("broken/actors.yaml:5" in c.value and "field 'kind'" in c.value for c in at.code)


def test_an_edited_content_file_shows_without_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import shutil

    import ui.content
    from tests.conftest import MINI

    folder = tmp_path / "content"
    shutil.copytree(MINI, folder)
    monkeypatch.setenv("POLICY_DATA_DIR", str(folder))
    monkeypatch.setattr(ui.content, "RECHECK_SECONDS", 0.0)  # the app looks once a second
    at = AppTest.from_file(APP, default_timeout=60).run()
    title = at.title[0].value
    debate = folder / "debate.yaml"
    debate.write_text(debate.read_text().replace(title, title + " (corrected)", 1))
    os.utime(debate, (debate.stat().st_atime, debate.stat().st_mtime + 5))
    at.run()
    assert at.title[0].value == md_escape(title + " (corrected)")  # content text is shown escaped


def test_a_link_to_an_argument_opens_its_tab_and_marks_it(open_page: Open, dataset: Dataset) -> None:
    """A search hit for an argument opens the option on the Who argues tab, that person's argument framed."""
    position = next(p for p in dataset.positions if len(p.critics) > 1)
    critic = position.critics[-1]
    at = open_page("position", position=position.id, actor=critic.actor)
    assert not notices(at)
    assert "The argument the link names" in [c.value for c in at.caption]
    framed = " ".join(m.value for m in passages(at) if dataset.actor(critic.actor).name in m.value)
    assert framed, "the named person's argument is drawn"
    at.button(key="position_unmark").click().run()
    assert "The argument the link names" not in [c.value for c in at.caption]
    assert "actor" not in at.query_params
    elsewhere = next(
        p for p in dataset.positions if critic.actor not in {s.actor for s in (*p.proponents, *p.critics)}
    )
    at = open_page("position", position=elsewhere.id, actor=critic.actor)
    assert "The argument the link names" not in [c.value for c in at.caption], (
        "nothing to mark on another option"
    )


def test_compares_balance_table_is_built_when_opened(open_page: Open, dataset: Dataset) -> None:
    at = open_page("compare")
    assert not at.table, "the counts table is built only when its section is opened"
    at.session_state["compare-balance-table"] = True
    at.run()
    assert len(at.table) == 1 and not at.exception
