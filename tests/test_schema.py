"""Relation classes: each way a wording is classed, the bundled table, and a user's own schema file."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.schema import Kind, SchemaError, Tone, load_schema

SCHEMA = load_schema()

#: One wording of each class as the extractor writes it, and the class it must get.
EXAMPLES = {
    "ROLE": "prime_minister_of", "MEMBER": "play_for", "WORKS_FOR": "spokesman_for", "PART_OF": "subsidiary_of",
    "LOCATED_IN": "based_in", "ORIGIN": "come_from", "OWNS": "hold_stake_in", "KIN": "wife_of",
    "STATEMENT": "tell", "CONSULT": "hold_talks_with", "PARTICIPATE": "take_part_in", "SUPPORT": "praise",
    "AGREE": "sign_agreement_with", "COOPERATE": "team_up_with", "TRADE": "buy_stake_from", "AID": "give_aid_to",
    "REQUEST": "call_on", "ACCUSE": "criticise", "REJECT": "turn_down", "THREATEN": "warn",
    "PROTEST": "protest_against", "CONCEDE": "apologise_to", "SANCTION": "impose_sanctions_on",
    "COERCE": "arrest", "MOBILIZE": "deploy_troops_to", "ASSAULT": "invade", "COMPETE": "beat",
    "OTHER": "introduce",
}


def test_the_bundled_schema_has_the_28_classes_of_the_gold() -> None:
    assert set(SCHEMA.names) == set(EXAMPLES)
    assert SCHEMA.default == "OTHER"
    conflict = {c.name for c in SCHEMA.classes if c.tone is Tone.CONFLICT}
    cooperation = {c.name for c in SCHEMA.classes if c.tone is Tone.COOPERATION}
    assert conflict == {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "COERCE", "MOBILIZE", "ASSAULT"}
    assert cooperation == {"SUPPORT", "AGREE", "COOPERATE", "TRADE", "AID", "CONCEDE", "CONSULT", "REQUEST"}
    assert {c.name for c in SCHEMA.classes if c.kind is Kind.STANDING} == {
        "ROLE", "MEMBER", "WORKS_FOR", "PART_OF", "LOCATED_IN", "ORIGIN", "OWNS", "KIN"}


@pytest.mark.parametrize(("expected", "wording"), sorted(EXAMPLES.items()))
def test_a_wording_of_each_class(expected: str, wording: str) -> None:
    assert SCHEMA.classify(wording) == expected


def test_the_wording_itself_wins_over_its_words() -> None:
    assert SCHEMA.classify("speak_with") == "CONSULT"  # a listed predicate, though "speak" is STATEMENT
    assert SCHEMA.classify("speak_about") == "STATEMENT"


def test_words_left_to_right_light_verbs_last_and_stems() -> None:
    assert SCHEMA.classify("hold_talks_with") == "CONSULT"  # hold is light: talks decides
    assert SCHEMA.classify("make_offer_for") == "TRADE"
    assert SCHEMA.classify("criticised_over") == "ACCUSE"  # criticised → criticise
    assert SCHEMA.classify("sanctioning") == "SANCTION"


def test_a_standing_noun_heads_a_nominal_wording_unless_an_event_word_starts_it() -> None:
    assert SCHEMA.classify("defence_secretary_of") == "ROLE"  # not SUPPORT for "defence"
    assert SCHEMA.classify("team_physiotherapist_of") == "WORKS_FOR"
    assert SCHEMA.classify("buy_stake_in") == "TRADE"  # buying is the event; the stake is what is bought
    assert SCHEMA.classify("meet_leaders_of") == "CONSULT"  # a plural object is not a head


def test_backing_or_asking_for_a_conflict_measure_is_that_measure() -> None:
    assert SCHEMA.classify("support_sanctions_against") == "SANCTION"
    assert SCHEMA.classify("drum_up_support_for_sanctions_against") == "SANCTION"
    assert SCHEMA.classify("call_for_ban_on") == "SANCTION"
    assert SCHEMA.classify("call_for_lifting_ban_on") == "REQUEST"  # a reversing word comes between
    assert SCHEMA.classify("support_reforms_of") == "SUPPORT"
    assert SCHEMA.classify("criticise_sanctions_against") == "ACCUSE"  # only backing and asking defer


def test_the_actors_types_decide_where_the_wording_does_not() -> None:
    assert SCHEMA.classify("join", subject_type="PERSON", object_type="PERSON") == "COOPERATE"
    assert SCHEMA.classify("join", subject_type="PERSON", object_type="ORG") == "MEMBER"
    assert SCHEMA.classify("part_of", subject_type="GPE", object_type="ORG") == "MEMBER"
    assert SCHEMA.classify("part_of", subject_type="ORG", object_type="ORG") == "PART_OF"
    assert SCHEMA.classify("newspaper_of", subject_type="ORG", object_type="GPE") == "LOCATED_IN"
    assert SCHEMA.classify("score_twice_against", subject_type="PERSON", object_type="ORG") == "COMPETE"
    assert SCHEMA.classify("die_in", subject_type="PERSON", object_type="GPE") == "LOCATED_IN"
    assert SCHEMA.classify("mumble_at", subject_type="PERSON", object_type="EVENT") == "PARTICIPATE"
    assert SCHEMA.classify("mumble_at", subject_type="PERSON", object_type="PERSON") == "OTHER"


def test_the_rule_and_then_the_default_come_last() -> None:
    assert SCHEMA.classify("mumble", "place_in") == "LOCATED_IN"
    assert SCHEMA.classify("mumble", "svo") == "OTHER"
    assert SCHEMA.classify("") == "OTHER"


def test_tones_and_fingerprint() -> None:
    assert SCHEMA.tone("ASSAULT") is Tone.CONFLICT
    assert SCHEMA.tone("NO_SUCH_CLASS") is Tone.NEUTRAL
    assert SCHEMA.fingerprint() == load_schema().fingerprint()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schema.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_schema(tmp_path: Path) -> None:
    schema = load_schema(_write(tmp_path, """\
default: misc
reversing_words: [lift]
classes:
  travel class:
    tone: cooperation
    words: [visit, travel]
    types: ["go *>GPE"]
  hostile:
    tone: conflict
    words: [attack, sanctions]
  backing: {tone: cooperation, defers: true, words: [support]}
  misc: {}
"""))
    assert schema.names == ("TRAVEL_CLASS", "HOSTILE", "BACKING", "MISC")
    assert schema.classify("visit") == "TRAVEL_CLASS"
    assert schema.classify("go", object_type="GPE") == "TRAVEL_CLASS"
    assert schema.classify("support_sanctions_on") == "HOSTILE"
    assert schema.classify("travel_to") == "TRAVEL_CLASS"
    assert schema.classify("meet") == "MISC"
    assert schema.fingerprint() != SCHEMA.fingerprint()


@pytest.mark.parametrize(("text", "message"), [
    ("classes: [a, b", r"schema.yaml:\d: not valid YAML"),
    ("default: OTHER\n", r"expected 'default: NAME' and 'classes:'"),
    ("classes:\n  A: {tone: hostile}\n", r"schema.yaml:2: class A has tone 'hostile'; use conflict, cooperation"),
    ("classes:\n  A: {kind: forever}\n", r"class A has kind 'forever'; use standing or event"),
    ("classes:\n  A: {colour: red}\n", r"class A has unknown key\(s\) colour"),
    ("classes:\n  A: {words: visit}\n", r"words of class A must be a list"),
    ("classes:\n  '9 lives': {}\n", r"class name '9 lives' must start with a letter"),
    ("classes:\n  a b: {}\n  A_B: {}\n", r"A_B named twice"),
    ("default: X\nclasses:\n  A: {}\n", r"schema.yaml:1: the default class X is not among the classes"),
    ("default: A\nclasses:\n  A: {words: [visit]}\n  B: {words: [visit]}\n",
     r"schema.yaml:4: word 'visit' is in both A and B"),
    ("classes:\n  A: {}\n", r"schema.yaml: the default class OTHER is not among the classes; add it"),
    ("classes:\n  A: {types: [GPE]}\n", r"types entry 'GPE' of class A must be SUBJECT>OBJECT"),
    ("classes:\n  A: {defers: maybe}\n", r"defers of class A must be true or false"),
])
def test_a_bad_schema_file_is_a_usage_error_naming_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        load_schema(_write(tmp_path, text))


def test_a_missing_schema_file(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="cannot read the schema"):
        load_schema(tmp_path / "nope.yaml")
