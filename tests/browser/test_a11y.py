"""Accessibility: axe-core finds no serious or critical violation on any page; headings form an outline."""

from __future__ import annotations

import json

import pytest

from policy import Dataset
from tests.browser.conftest import ROOT, Watched, wait_ready
from tests.conftest import need
from ui.registry import PAGES

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    need(AXE.is_file(), f"axe-core is not installed at {AXE} (run `npm ci`)")
    return AXE.read_text(encoding="utf-8")


def violations(page: object, axe_source: str) -> list[dict[str, object]]:
    page.add_script_tag(content=axe_source)  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def extra_paths(dataset: Dataset) -> list[str]:
    return [
        f"position?position={dataset.position_ids[-1]}",
        f"people?actor={next(a.id for a in dataset.actors if dataset.stances_of(a.id))}",
        "present?slide=2",
    ]


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES] + ["extra"])
def test_no_serious_or_critical_axe_violation(
    watched: Watched, server: str, axe_source: str, dataset: Dataset, url_path: str
) -> None:
    paths = extra_paths(dataset) if url_path == "extra" else [url_path]
    for path in paths:
        watched.page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
        wait_ready(watched.page)
        watched.page.wait_for_timeout(500)  # type: ignore[attr-defined]  # let charts finish drawing
        found = violations(watched.page, axe_source)
        assert not found, f"/{path}: " + json.dumps(found, indent=1)


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_headings_form_an_outline(watched: Watched, server: str, url_path: str) -> None:
    watched.page.goto(f"{server}/{url_path}")  # type: ignore[attr-defined]
    wait_ready(watched.page)
    levels = watched.page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('[data-testid="stMain"] h1, [data-testid="stMain"] h2,'
            + '[data-testid="stMain"] h3, [data-testid="stMain"] h4')].map(h => Number(h.tagName[1]))"""
    )
    assert levels and levels[0] == 1, f"/{url_path} does not start with one h1: {levels}"
    assert levels.count(1) == 1, f"/{url_path} has several h1: {levels}"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"/{url_path} skips a heading level: {levels}"
