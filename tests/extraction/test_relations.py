"""Relation normalisation: the bundled table, user files, and what stays as is."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.extraction.relations import load_relations


def test_builtin_table_folds_synonyms() -> None:
    table = load_relations()
    assert table.normalise("head_for") == "travel_to"
    assert table.normalise("fly_to") == "travel_to"
    assert table.normalise("criticize") == "criticise"
    assert table.normalise("speak_with") == "speak_with"  # not a synonym of meet: kept


def test_user_tsv_and_yaml_extend_the_table(tmp_path: Path) -> None:
    tsv = tmp_path / "r.tsv"
    tsv.write_text("# mine\nattack\tassault|strike_at\n", encoding="utf-8")
    assert load_relations(tsv).normalise("strike_at") == "attack"
    assert load_relations(tsv).normalise("head_for") == "travel_to"
    yml = tmp_path / "r.yaml"
    yml.write_text("meet: [sit_down_with]\n", encoding="utf-8")
    assert load_relations(yml, builtin=False).normalise("sit_down_with") == "meet"
    assert load_relations(yml, builtin=False).normalise("head_for") == "head_for"


@pytest.mark.parametrize(("name", "text"), [("r.tsv", "no tab here\n"), ("r.yaml", "meet: sit\n")])
def test_bad_relation_files(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        load_relations(tmp_path / name)


def test_roles_and_telling_fold_into_verbs() -> None:
    table = load_relations()
    assert table.normalise("leader_of") == "lead"
    assert table.normalise("tell") == "speak_to"


def test_journeys_and_candidacies_fold_into_verbs() -> None:
    table = load_relations()
    assert table.normalise("mission_to") == "travel_to"  # "his mission to the Middle East"
    assert table.normalise("contest_for") == "stand_for"  # "contest Bethnal Green for Respect"


def test_an_inverse_variant_turns_the_relation_round(tmp_path: Path) -> None:
    table = load_relations()
    assert (table.normalise("lose_to"), table.inverts("lose_to")) == ("beat", True)
    assert (table.normalise("defeat"), table.inverts("defeat")) == ("beat", False)
    yml = tmp_path / "r.yaml"
    yml.write_text("own: [~belong_to]\n", encoding="utf-8")
    mine = load_relations(yml, builtin=False)
    assert (mine.normalise("belong_to"), mine.inverts("belong_to")) == ("own", True)
