"""The view layer: one cache keyed by content version and language, fresh content everywhere, no private API."""

from __future__ import annotations

import ast
import dataclasses
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import altair as alt
import pytest
from streamlit.testing.v1 import AppTest

import ui.content
from policy import Dataset
from policy.charts import series_chart
from policy.memo import MemoSpec, default_spec
from tests.conftest import MINI, page_rows, passages
from tests.test_memo import docx_paragraphs, pdf_text
from ui import registry
from ui.cache import CACHE, Key, ViewCache
from ui.context import ViewContext, build
from ui.memo_parts import memo_file

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
UI_FILES = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))]
OLD, NEW = "A four-day week", "A shorter four-day week"


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the test debate as the app's content, looked at on every run (the app looks once a second)."""
    folder = tmp_path / "content"
    shutil.copytree(MINI, folder)
    monkeypatch.setenv("POLICY_DATA_DIR", str(folder))
    monkeypatch.setattr(ui.content, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(ui.content, "SETTLE_SECONDS", 0.0)
    CACHE.clear()
    yield folder
    CACHE.clear()
    ui.content.forget()


def edit_title(folder: Path) -> None:
    path = folder / "positions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW, 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))


def test_a_content_edit_reaches_the_memo_preview_and_every_download(content: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60).switch_page(registry.script("memo")).run()
    at.session_state["memo_preview"] = True
    at.run()
    assert OLD in at.main.markdown[-1].value
    edit_title(content)
    at.run()
    assert not at.exception
    preview = at.main.markdown[-1].value
    assert NEW in preview and f"## {OLD}" not in preview
    # The downloads are built from the same cache, under this run's content version.
    ctx = build()
    spec = default_spec(ctx.dataset, ctx.dataset.position_ids)
    spec_json = MemoSpec.model_validate(spec.model_dump(by_alias=True)).model_dump_json(by_alias=True)
    assert NEW in ctx.cached(memo_file, spec_json, "md").replace("\\", "")
    assert NEW in [text for _, text in docx_paragraphs(ctx.cached(memo_file, spec_json, "docx"))]
    assert NEW in pdf_text(ctx.cached(memo_file, spec_json, "pdf"))


def test_two_languages_never_share_a_cache_entry(content: Path) -> None:
    english = build()
    spanish = dataclasses.replace(english, language="es")
    assert english.key(memo_file, ("x", "md")) != spanish.key(memo_file, ("x", "md"))
    _built.clear()
    assert english.cached(_build) is not spanish.cached(_build)
    assert english.cached(_build) is english.cached(_build)
    assert len(_built) == 2, "one entry per language, the repeated English call served from the cache"


_built: list[object] = []


def _build(ds: Dataset) -> object:
    del ds
    _built.append(object())
    return _built[-1]


def test_a_new_content_version_drops_the_old_one_and_a_late_old_request_cannot_evict_it() -> None:
    cache = ViewCache(max_entries=3)
    cache.get(Key("v1", "en", "f", ()), lambda: 1)
    cache.get(Key("v1", "es", "f", ()), lambda: 2)
    cache.get(Key("v2", "en", "f", ()), lambda: 3)
    assert [k.version for k in cache.keys()] == ["v2"]
    assert cache.get(Key("v1", "en", "f", ()), lambda: 4) == 4  # served to the late run, not stored
    assert [k.version for k in cache.keys()] == ["v2"]
    for n in range(5):
        cache.get(Key("v2", "en", "g", (n,)), lambda n=n: n)
    assert len(cache.keys()) == 3, "bounded: the least recently used go first"


def test_only_module_level_functions_can_be_cached(content: Path) -> None:
    ctx = build()
    with pytest.raises(TypeError):
        ctx.cached(lambda ds: ds)
    offset = 1

    def closure(ds: Dataset) -> int:
        return len(ds.positions) + offset

    with pytest.raises(TypeError):
        ctx.cached(closure)


def a_series_chart(ds: Dataset, series_id: str) -> alt.Chart:
    return series_chart(ds, ds.series_item(series_id))


def test_a_cached_chart_spec_is_a_fresh_copy_every_time(content: Path) -> None:
    ctx: ViewContext = build()
    series = ctx.dataset.series[0].id
    first = ctx.chart_spec(a_series_chart, series)
    first["encoding"] = {"x": {"title": "changed"}}
    first.pop("datasets", None)
    again = ctx.chart_spec(a_series_chart, series)
    assert again["datasets"] and again.get("encoding") != {"x": {"title": "changed"}}


def test_the_app_imports_no_private_streamlit_module_or_name() -> None:
    for path in UI_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("streamlit"):
                module = node.module or ""
                assert module == "streamlit", f"{path.relative_to(ROOT)} imports {module}"
                assert not any(a.name.startswith("_") for a in node.names), path
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name == "streamlit" or not alias.name.startswith("streamlit."), path


def test_no_module_of_the_view_layer_is_over_200_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in UI_FILES if (n := len(p.read_text().splitlines())) > 200}
    assert not long, long


def test_pages_are_linked_through_the_registry_only() -> None:
    for spec in registry.PAGES:
        assert (ROOT / spec.script).is_file(), spec
    assert len({s.url_path for s in registry.PAGES}) == len(registry.PAGES)
    for path in UI_FILES:
        text = path.read_text(encoding="utf-8")
        assert '"pages/' not in text and "'pages/" not in text, f"{path.relative_to(ROOT)} names a page file"
    assert not (ROOT / "pages").exists(), "a pages/ folder makes Streamlit run a legacy multipage app"


def test_a_bad_save_keeps_the_last_good_content_serving_and_tells_editors(content: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60).switch_page(registry.script("memo")).run()
    at.text_input(key="memo_to").input("The committee").run()
    debate = content / "debate.yaml"
    good = debate.read_text(encoding="utf-8")
    debate.write_text(good[: len(good) // 3], encoding="utf-8")  # a save caught half-way
    at.run()
    assert not at.exception
    assert at.title[0].value == "Memo builder", "the page still draws from the last good content"
    assert at.text_input(key="memo_to").value == "The committee"
    assert not at.warning and not at.sidebar.warning, "readers are not told about the editors' problem"
    status = AppTest.from_file(APP, default_timeout=60).switch_page(registry.script("sources")).run()
    notice = " ".join(w.value for w in status.warning)
    assert "problem(s)" in notice and "debate\\.yaml" in notice, "the page about the content tells editors"
    assert str(content) not in notice, "no server path"
    debate.unlink()  # the moment an editor's save re-creates the file
    at.run()
    assert not at.exception and at.text_input(key="memo_to").value == "The committee"
    debate.write_text(good, encoding="utf-8")
    at.run()
    assert not at.exception
    assert at.text_input(key="memo_to").value == "The committee"
    assert (
        not AppTest.from_file(APP, default_timeout=60).switch_page(registry.script("sources")).run().warning
    )


def test_a_change_is_read_only_once_the_files_have_settled(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build()
    monkeypatch.setattr(ui.content, "SETTLE_SECONDS", 60.0)
    path = content / "positions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW, 1), encoding="utf-8")
    assert build().version == first.version, "a file written a moment ago may be half-written"
    monkeypatch.setattr(ui.content, "SETTLE_SECONDS", 0.0)
    assert NEW in [p.title for p in build().dataset.positions]


def test_a_page_number_past_the_results_says_so_and_shows_the_last_page(content: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "99"
    at = at.switch_page(registry.script("evidence")).run()
    assert not at.exception
    assert any("Page 99 doesn't exist: showing page" in i.value for i in at.info), [i.value for i in at.info]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "-1"
    at = at.switch_page(registry.script("evidence")).run()
    assert any("no page \\-1" in i.value and "starting at the beginning" in i.value for i in at.info)
    assert not any("10000" in i.value for i in at.info), "the sanity cap is not a page count"


def test_a_bidi_control_in_content_is_named_by_validate(content: Path) -> None:
    from policy import ContentError, load_dataset

    path = content / "positions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(OLD, "A four-day \u202eweek", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError) as err:
        load_dataset(content)
    assert any("positions.yaml" in str(p) and "U+202E" in str(p) for p in err.value.problems)


def test_what_the_reader_types_reaches_no_download_with_a_bidi_control(content: Path) -> None:
    ctx = build()
    spec = default_spec(ctx.dataset, ctx.dataset.position_ids).model_dump(by_alias=True)
    spec["recommendation"] = "Fund \u202ethe pilot\u2066."
    spec_json = MemoSpec.model_validate(spec).model_dump_json(by_alias=True)
    assert "Fund the pilot." in ctx.cached(memo_file, spec_json, "md")
    assert "Fund the pilot." in [t for _, t in docx_paragraphs(ctx.cached(memo_file, spec_json, "docx"))]


def test_several_bad_link_parameters_make_one_notice(content: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for name in ("position", "bearing", "kind"):
        at.query_params[name] = "nope"
    at = at.switch_page(registry.script("evidence")).run()
    assert len(at.info) == 1 and at.info[0].value.count("\n- ") == 2


def test_memo_fields_stop_at_the_memo_limits(content: Path) -> None:
    from policy.memo import HEADER_LIMIT, TEXT_LIMIT

    at = AppTest.from_file(APP, default_timeout=60).switch_page(registry.script("memo")).run()
    assert at.text_input(key="memo_to").max_chars == HEADER_LIMIT
    assert at.text_area(key="memo_recommendation").max_chars == TEXT_LIMIT


def test_a_link_parameter_the_page_does_not_use_is_named_in_a_notice(content: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["foo"] = "bar"
    at = at.switch_page(registry.script("evidence")).run()
    assert not at.exception
    assert any("does not use the link parameter 'foo'" in i.value for i in at.info), [
        i.value for i in at.info
    ]
    assert "foo" not in at.query_params, "the URL then describes the view shown"


def test_a_link_followed_within_the_session_opens_what_it_names(content: Path) -> None:
    from policy import load_dataset

    ds = load_dataset(content)
    first, second = ds.actors[0], ds.actors[1]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["person"] = first.id
    at = at.switch_page(registry.script("people")).run()
    assert at.header[0].value == first.name
    # A link to another person, followed in the same tab: the widget already holds the first person.
    at.query_params["person"] = second.id
    at.run()
    assert not at.exception
    assert at.header[0].value == second.name
    # An interaction after it keeps the view (the URL is again the one the page wrote).
    at.run()
    assert at.header[0].value == second.name


def test_an_event_link_opens_the_timeline_on_the_page_holding_it(content: Path) -> None:
    from policy import load_dataset
    from policy.queries import timeline_events

    events = timeline_events(load_dataset(content))
    event = events[-1]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["event"] = event.id
    at = at.switch_page(registry.script("timeline")).run()
    assert not at.exception
    assert any(event.title in m.value for m in passages(at))
    if len(events) > 10:
        assert page_rows(at)[0].current == (len(events) - 1) // 10 + 1
    assert any(c.value == "The event the link names" for c in at.caption)
