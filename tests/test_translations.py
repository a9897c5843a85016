"""Our own words in another language (policy.translations): complete and current for Spanish, and every broken
entry reported by file, line and key while the page still shows the English for it."""

from __future__ import annotations

from pathlib import Path

import yaml

from policy import Dataset, load_dataset
from policy.cli import main as cli
from policy.translations import english_fields, fingerprint, translate

ROOT = Path(__file__).resolve().parents[1]
SPANISH = ROOT / "data" / "translations" / "es"


def test_spanish_covers_every_text_of_ours_and_none_is_stale(dataset: Dataset) -> None:
    done = translate(dataset, SPANISH, "es")
    assert not done.problems, "\n".join(map(str, done.problems[:10]))
    assert done.missing == 0 and done.stale == 0, done.summary()
    assert done.translated == len(english_fields(dataset)) > 800


def test_quotes_names_and_ids_are_never_translated(dataset: Dataset) -> None:
    spanish = translate(dataset, SPANISH, "es").dataset
    assert [q.text for q in spanish.quotes] == [q.text for q in dataset.quotes], (
        "a quote is the source's words"
    )
    assert [s.title for s in spanish.sources] == [s.title for s in dataset.sources]
    people = [
        a for a in dataset.actors if a.kind in {"official", "legislator", "candidate", "analyst", "academic"}
    ]
    same = [
        a for a in people if spanish.actor(a.id).name == a.name
    ]  # not "Unnamed official" or "Gen." (Gral.)
    assert people and len(same) >= 0.75 * len(people), "a person's name stays as written"
    assert spanish.position_ids == dataset.position_ids
    # Our words did change: Spanish, not a copy of the English.
    changed = [p for p, e in zip(spanish.positions, dataset.positions, strict=True) if p.summary != e.summary]
    assert len(changed) == len(dataset.positions)
    keys = list(english_fields(dataset))
    assert len(keys) == len(set(keys)) and not [
        k for k in keys if k.startswith("quotes/") and k.endswith("/text")
    ]


def _spanish_folder(folder: Path, mini: Dataset, entries: dict[str, str]) -> Path:
    """A translation folder for the test debate, with these texts (key -> text), fingerprints of the English."""
    fields = english_fields(mini)
    target = folder / "translations" / "es"
    target.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, dict[str, dict[str, str]]] = {}
    for key, text in entries.items():
        source = fingerprint(fields[key].text) if key in fields else "000000000000"
        by_file.setdefault(key.split("/", 1)[0], {})[key] = {"from": source, "text": text}
    for file, content in by_file.items():
        (target / f"{file}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
    return target


def test_a_translation_replaces_the_english_and_an_edit_of_the_english_makes_it_stale(
    mini: Dataset, mini_copy: Path
) -> None:
    fields = english_fields(mini)
    key = next(k for k in fields if k.startswith("positions/") and k.endswith("/summary"))
    english = fields[key].text
    folder = _spanish_folder(mini_copy, mini, {key: "Resumen en español. " + " ".join(_markers(english))})
    done = translate(mini, folder, "es")
    assert not done.problems and done.translated == 1 and done.missing == len(fields) - 1
    position = done.dataset.position(key.split("/")[1])
    assert position.summary.startswith("Resumen en español.")
    # The English is edited: the translation is stale, named by file, line and key, and the English is shown.
    path = mini_copy / "positions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(english[:20], "Edited and " + english[:20], 1))
    edited = load_dataset(mini_copy)
    stale = translate(edited, folder, "es")
    assert stale.stale == 1 and len(stale.problems) == 1
    problem = stale.problems[0]
    assert problem.file.endswith("es/positions.yaml") and problem.line == 1 and problem.key == key
    assert "stale" in str(problem) and stale.dataset.position(key.split("/")[1]).summary.startswith(
        "Edited and "
    )


def _markers(text: str) -> list[str]:
    from policy.prose import markers

    return [f"[{m}]" for m in markers(text)]


def test_each_broken_entry_is_reported_and_its_english_kept(mini: Dataset, mini_copy: Path) -> None:
    from policy.prose import sentences

    fields = english_fields(mini)
    cited = next(k for k, f in fields.items() if _markers(f.text) and "/summary" in k)
    label = next(k for k in fields if k.endswith("/label") and k.startswith("disputes/"))
    # Every sentence of the English is cited, so every sentence of the translation must be (here: split in two).
    two = next(
        k for k, f in fields.items() if k.endswith("/mechanism") and all(map(_markers, sentences(f.text)))
    )
    quoted = next(k for k in fields if "/summary" in k and k not in {cited, two})
    folder = _spanish_folder(
        mini_copy,
        mini,
        {
            "positions/no-such-option/summary": "Nada.",
            cited: "Sin citas.",  # the English's markers dropped
            label: "x" * 61,  # a side's label is at most 60 characters
            two: f"Una frase sin cita. Otra con todas {' '.join(_markers(fields[two].text))}.",
            quoted: 'Dijo "words nobody wrote". ' + " ".join(_markers(fields[quoted].text)),
        },
    )
    done = translate(mini, folder, "es")
    said = {p.key: p.message for p in done.problems}
    assert "unknown" in said["positions/no-such-option/summary"]
    assert "cite the same" in said[cited]
    assert "no citation marker" in said[two]
    assert "quotation marks" in said[quoted]
    assert "content rule" in said[label] and all(p.line for p in done.problems)
    assert done.translated == 0, "none of them is shown"
    assert done.dataset.model_dump() == mini.model_dump()


def test_a_translation_file_that_is_not_yaml_or_not_a_mapping_is_named_with_its_line(
    mini: Dataset, mini_copy: Path
) -> None:
    folder = mini_copy / "translations" / "es"
    folder.mkdir(parents=True)
    (folder / "positions.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    (folder / "glossary.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (folder / "extra.yaml").write_text("{}\n", encoding="utf-8")
    done = translate(mini, folder, "es")
    said = sorted(str(p) for p in done.problems)
    assert any("positions.yaml:" in s and "not valid YAML" in s for s in said), said
    assert any("glossary.yaml:1" in s and "mapping" in s for s in said), said
    assert any("extra.yaml" in s and "unexpected" in s for s in said), said


def test_validate_reports_coverage_and_fails_on_a_problem(mini: Dataset, mini_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fields = english_fields(mini)
    key = next(k for k in fields if k.startswith("glossary/"))
    _spanish_folder(mini_copy, mini, {key: "Un término."})
    assert cli(["validate", "--data", str(mini_copy)]) == 0
    out = capsys.readouterr().out
    assert (
        f"es: {100 / len(fields):.1f}% of {len(fields)} fields translated, 0 stale, {len(fields) - 1} missing"
        in out
    )
    _spanish_folder(mini_copy, mini, {"glossary/nothing/term": "Nada."})
    assert cli(["validate", "--data", str(mini_copy)]) == 1
    assert "glossary/nothing/term" in capsys.readouterr().err


def test_the_list_of_what_to_translate_fills_in_to_a_complete_translation(
    mini: Dataset,
    mini_copy: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    assert cli(["translations", "es", "--data", str(mini_copy)]) == 0
    todo = yaml.safe_load(capsys.readouterr().out)
    assert set(todo) == set(english_fields(mini))
    folder = mini_copy / "translations" / "es"
    folder.mkdir(parents=True)
    by_file: dict[str, dict[str, dict[str, str]]] = {}
    for key, entry in todo.items():
        by_file.setdefault(key.split("/", 1)[0], {})[key] = {"from": entry["from"], "text": entry["english"]}
    for file, content in by_file.items():
        (folder / f"{file}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
    done = translate(mini, folder, "es")
    assert not done.problems and done.missing == 0
    assert cli(["translations", "es", "--data", str(mini_copy)]) == 0
    assert yaml.safe_load(capsys.readouterr().out) in ({}, None)
