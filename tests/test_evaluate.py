"""Quality is measured: the scorer agrees with the reference one, and the dev F1 stays above the floor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.evaluate import evaluate, load_gold, rel_signature, relation_match, score
from graphbuild.pipeline import extract_to_file
from tests.conftest import DATA, SHARED

GOLD = DATA / "gold-dev.jsonl"
#: The floors the extractor must not fall below on the dev gold (29 articles, four folds).
F1_FLOOR = 0.43
CLASS_ACCURACY_FLOOR = 0.80


def test_relation_matching() -> None:
    assert relation_match(rel_signature("travel_to"), [rel_signature("travel to")]) == 2
    assert relation_match(rel_signature("drum_up_support_for_sanctions_against"),
                          [rel_signature("seek sanctions against")]) == 1
    assert relation_match(rel_signature("say"), [rel_signature("meet")]) == 0


def test_scoring_rules_on_a_tiny_gold() -> None:
    gold = [{"id": "g", "text": "", "entities": [
        {"name": "Ben Wallace", "type": "PERSON", "aliases": ["Mr Wallace"]},
        {"name": "Moscow", "type": "GPE", "aliases": []}],
        "triples": [{"subject": "Ben Wallace", "relation": ["travel to"], "object": "Moscow", "symmetric": False}]}]
    system = [
        {"article_id": "g", "subject": "Wallace", "relation": "travel_to", "object": "Moscow"},   # TP (lenient name)
        {"article_id": "g", "subject": "Mr Wallace", "relation": "fly_to", "object": "Moscow"},   # FP (relation)
        {"article_id": "g", "subject": "Ben Wallace", "relation": "travel_to", "object": "Moscow"},  # duplicate
        {"article_id": "g", "subject": "Someone", "relation": "visit", "object": "Moscow"},       # ungrounded
    ]
    micro = score(gold, system).micro
    assert (micro.tp, micro.fp, micro.duplicates, micro.ungrounded) == (1, 1, 1, 1)
    # "wallace" and "ben wallace" are two system names for one of the two actors found
    assert (micro.entities_found, micro.entities_split, micro.split_rate) == (2, 1, 0.5)


def test_entity_recall_counts_only_entities_in_gold_triples_and_classes_are_compared() -> None:
    gold = [{"id": "g", "text": "", "fold": 2, "entities": [
        {"name": "Ben Wallace", "type": "PERSON", "aliases": []},
        {"name": "Moscow", "type": "GPE", "aliases": []},
        {"name": "Kremlin", "type": "ORG", "aliases": []}],
        "triples": [{"subject": "Ben Wallace", "relation": ["travel to"], "object": "Moscow", "class": "CONSULT"}]}]
    system = [{"article_id": "g", "subject": "Ben Wallace", "relation": "travel_to", "object": "Moscow",
               "class": "MOBILIZE", "rule": "prep"},
              {"article_id": "g", "subject": "Kremlin", "relation": "criticise", "object": "Moscow", "rule": "svo"}]
    report = score(gold, system)
    assert report.micro.gold_entities == 2  # the Kremlin is in no gold triple
    assert report.micro.entity_recall == 1.0
    assert (report.micro.class_compared, report.micro.class_correct) == (1, 0)
    assert report.confusion == (("CONSULT", "MOBILIZE", 1),)
    assert [(f.label, f.score.tp) for f in report.folds] == [("fold 2", 1)]
    assert {(r.rule, r.tp, r.fp) for r in report.rules} == {("prep", 1, 0), ("svo", 0, 1)}


def test_dev_f1_stays_above_floor(nlp: Language) -> None:
    report = evaluate(GOLD, nlp=nlp)
    assert report.micro.f1 >= F1_FLOOR, report.micro
    assert report.micro.split_rate <= 0.05
    assert report.micro.class_compared == report.micro.tp  # every matched triple carries a class
    assert (report.micro.class_accuracy or 0.0) >= CLASS_ACCURACY_FLOOR, report.confusion


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="reference scorer not present")
def test_agrees_with_reference_scorer(nlp: Language, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "eval" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    system = tmp_path / "sys.jsonl"
    extract_to_file([GOLD], system, nlp=nlp)
    expected = reference.score(str(GOLD), str(system))["micro"]
    rows = [json.loads(line) for line in system.read_text(encoding="utf-8").splitlines()]
    ours = score(load_gold(GOLD), rows).micro
    assert (ours.tp, ours.fp, ours.duplicates, ours.ungrounded) == (
        expected["tp"], expected["fp"], expected["duplicates"], expected["ungrounded"])
    assert ours.f1 == pytest.approx(expected["f1"])
    assert ours.entity_recall == pytest.approx(expected["entity_recall"])
    assert ours.split_rate == pytest.approx(expected["split_rate"])
    assert ours.class_accuracy == expected["class_accuracy"]


def test_eval_command() -> None:
    result = CliRunner().invoke(app, ["eval", str(GOLD)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1].startswith("F1=")
    assert "fold 4" in result.stdout
    assert "class accuracy=" in result.stdout


def test_eval_one_fold_by_rule() -> None:
    result = CliRunner().invoke(app, ["eval", str(GOLD), "--fold", "3", "--by-rule", "--json"],
                                catch_exceptions=False)
    data = json.loads(result.stdout)
    assert list(data["folds"]) == ["fold 3"]
    assert {a["fold"] for a in data["articles"]} == {3}
    assert sum(r["tp"] for r in data["rules"]) == data["micro"]["tp"]
    missing = CliRunner().invoke(app, ["eval", str(GOLD), "--fold", "9"])
    assert missing.exit_code == 2
    assert "no fold 9" in missing.output
