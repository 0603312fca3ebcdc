"""Every rule of the catalogue, run on the examples written for it through the real model."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from spacy.language import Language

from graphbuild.errors import UsageError
from graphbuild.extraction.catalogue import CATALOGUE, Example, Rule, Stage, check_rule_names, rule_named
from graphbuild.extraction.extractor import Extractor
from graphbuild.model import Article, Triple
from tests.conftest import DATA

Named = tuple[str, str, str]
CASES = [pytest.param(rule, example, id=f"{rule.name}-{number}")
         for rule in CATALOGUE for number, example in enumerate(rule.examples, 1)]


def _extract(nlp: Language, extractor: Extractor, text: str) -> tuple[Triple, ...]:
    return extractor.extract(nlp(text), Article(id="t", text=text)).triples


def _actors(nlp: Language, extractor: Extractor, text: str) -> set[str]:
    return {e.entity.name for e in extractor.extract(nlp(text), Article(id="t", text=text)).entities}


def _named(triples: tuple[Triple, ...]) -> set[Named]:
    return {(t.subject.name, t.relation, t.object.name) for t in triples}


def _matches(pattern: Named, triple: Named) -> bool:
    return all(want in {"*", got} for want, got in zip(pattern, triple, strict=True))


@pytest.fixture(scope="module")
def extract(nlp: Language, extractor: Extractor) -> Callable[[str], tuple[Triple, ...]]:
    return lambda text: _extract(nlp, extractor, text)


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule: Rule, example: Example, nlp: Language, extract: Callable[[str], tuple[Triple, ...]]) -> None:
    triples = extract(example.text)
    found = _named(triples)
    for expected in example.triples:
        assert expected in found, f"{rule.name}: {expected} not in {sorted(found)}"
        if rule.stage is Stage.EXTRACTION:
            makers = {t.rule for t in triples if (t.subject.name, t.relation, t.object.name) == expected}
            assert rule.name in makers, f"{expected} made by {makers}, not {rule.name}"
    for pattern in (*example.absent, *example.removes):
        assert not [t for t in found if _matches(pattern, t)], f"{rule.name}: {pattern} matched in {sorted(found)}"
    if example.triples or example.removes:
        # the rule is what makes the example's triples, or removes what it removes
        without = _named(_extract(nlp, Extractor(disabled_rules=frozenset({rule.name})), example.text))
        if example.triples:
            assert not set(example.triples) <= without, f"{rule.name} switched off still gives {example.triples}"
        for pattern in example.removes:
            assert [t for t in without if _matches(pattern, t)], f"{rule.name} switched off does not give {pattern}"
    if example.not_actors:
        actors = _actors(nlp, Extractor(), example.text)
        assert not set(example.not_actors) & actors, f"{rule.name}: {example.not_actors} among {sorted(actors)}"
        off = _actors(nlp, Extractor(disabled_rules=frozenset({rule.name})), example.text)
        assert set(example.not_actors) <= off, f"{rule.name} switched off: {example.not_actors} not among {off}"


def test_every_rule_has_an_example_that_shows_it_at_work() -> None:
    shown = {rule.name for rule in CATALOGUE if any(e.triples or e.removes or e.not_actors for e in rule.examples)}
    assert shown == {rule.name for rule in CATALOGUE}


def test_rule_names_are_unique_and_say_their_stage() -> None:
    names = [rule.name for rule in CATALOGUE]
    assert len(names) == len(set(names))
    assert {rule.stage for rule in CATALOGUE} == set(Stage)
    assert all(rule.construction and rule.family for rule in CATALOGUE)


def test_an_unknown_rule_name_lists_the_valid_ones() -> None:
    with pytest.raises(UsageError, match=r"no rule named 'svo_typo'.*appos_role.*pronoun"):
        check_rule_names(["svo", "svo_typo"])
    with pytest.raises(UsageError):
        Extractor(disabled_rules=frozenset({"nothing"}))
    assert rule_named("svo").stage is Stage.EXTRACTION


def test_every_rule_the_extractor_names_is_catalogued(nlp: Language, extractor: Extractor) -> None:
    texts = [json.loads(line)["text"] for line in (DATA / "gold-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    made = {t.rule for text in texts for t in _extract(nlp, extractor, text)}
    assert len(made) > 10
    assert made <= {rule.name for rule in CATALOGUE if rule.stage is Stage.EXTRACTION}
