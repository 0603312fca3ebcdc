"""Names: titles, possessives, keys and the gazetteer."""

from __future__ import annotations

import pytest

from graphbuild.model import EntityType
from graphbuild.names import clean_name, load_gazetteer, name_key, strip_titles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Wallace", "Wallace"),
        ("Prime minister Boris Johnson", "Boris Johnson"),
        ("President Biden", "Biden"),
        ("Russia’s", "Russia"),
        ("the Kremlin", "Kremlin"),
        ("Mr", "Mr"),
    ],
)
def test_clean_name(text: str, expected: str) -> None:
    assert clean_name(text) == expected


def test_strip_titles_keeps_last_word() -> None:
    assert strip_titles(["Minister"]) == ["Minister"]


def test_name_key_folds_case_accents_and_punctuation() -> None:
    assert name_key("Nestlé S.A.") == name_key("nestle sa")
    assert name_key("The White House") == "white house"


def test_gazetteer_aliases_and_demonyms() -> None:
    gazetteer = load_gazetteer()
    uk = gazetteer.canonical("UK")
    assert uk is not None
    assert uk.name == "United Kingdom"
    assert gazetteer.canonical("Britain") is uk
    russia = gazetteer.demonym("Russian")
    assert russia is not None
    assert (russia.name, russia.type) == ("Russia", EntityType.GPE)
    assert gazetteer.canonical("Atlantis") is None


def test_gazetteer_from_text() -> None:
    gazetteer = load_gazetteer("Freedonia\tGPE\tFDN\tFreedonian\n# comment\n")
    entry = gazetteer.demonym("Freedonian")
    assert entry is not None
    assert entry.name == "Freedonia"
    assert gazetteer.canonical("FDN") is entry


def test_groups_share_a_key_in_singular_and_plural() -> None:
    from graphbuild.names import entity_key

    assert entity_key("Palestinians", EntityType.NORP) == entity_key("Palestinian", EntityType.NORP)
    assert entity_key("Wales", EntityType.GPE) != entity_key("Wale", EntityType.GPE)  # only groups


def test_gazetteer_knows_the_sex_of_common_given_names() -> None:
    given = load_gazetteer().given_names
    assert (given["Alicia"], given["Roger"]) == ("f", "m")
    assert "Andrea" not in given  # a woman's name in the US, a man's in Italy: it tells nothing
    assert "Kim" not in given  # borne by men and women alike
