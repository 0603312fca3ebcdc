"""The extractor as a whole: modality, evidence, confidence, attribution and switching rules off.

Each rule's own examples are in the catalogue and run by ``test_catalogue.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from graphbuild.extraction.extractor import Extractor
from graphbuild.model import Article, ArticleResult, EntityType

Run = Callable[[str], ArticleResult]


def _triples(result: ArticleResult) -> set[tuple[str, str, str]]:
    return {(t.subject.name, t.relation, t.object.name) for t in result.triples}


@pytest.mark.parametrize(
    ("sentence", "triple", "negated", "hedged"),
    [
        ("Hungary did not veto the decision by Poland.", ("Hungary", "veto_decision_by", "Poland"), True, False),
        ("Sweden did not join Nato in 1995.", ("Sweden", "join", "Nato"), True, False),
        ("Finland never attacked Russia.", ("Finland", "attack", "Russia"), True, False),
        ("Turkey could block Sweden.", ("Turkey", "block", "Sweden"), False, True),
        ("China may invade Taiwan.", ("China", "invade", "Taiwan"), False, True),
        ("Iran threatened to attack Israel.", ("Iran", "attack", "Israel"), False, True),
        ("Germany supports Ukraine.", ("Germany", "support", "Ukraine"), False, False),
        # a possessor's intent: what the plan is to do, not done
        ("Russia's plan to invade Georgia failed.", ("Russia", "invade", "Georgia"), False, True),
        ("Mr Sharon said his bid to withdraw from Lebanon was popular.",
         ("Sharon", "withdraw_from", "Lebanon"), False, True),
        # ... and what a measure the subject is meant to do
        ("Officials say the Paris summit will be a measure to isolate Iran.",
         ("Paris summit", "isolate", "Iran"), False, True),
        # whoever makes the deal or plan acts, and "no plans" is no intent at all
        ("Tesco has agreed a deal to supply Starbucks.", ("Tesco", "supply", "Starbucks"), False, True),
        ("Sony has no plans to buy Nintendo.", ("Sony", "buy", "Nintendo"), True, True),
    ],
)
def test_negation_and_hedging(run: Run, sentence: str, triple: tuple[str, str, str],
                              negated: bool, hedged: bool) -> None:
    result = run(sentence)
    matches = [t for t in result.triples if (t.subject.name, t.relation, t.object.name) == triple]
    assert matches, f"{triple} not in {sorted(_triples(result))}"
    assert (matches[0].negated, matches[0].hedged) == (negated, hedged)


def test_no_triple_without_two_actors(run: Run) -> None:
    assert run("The weather was cold and the markets fell sharply.").triples == ()


def test_same_actor_is_never_related_to_itself(run: Run) -> None:
    result = run("Ben Wallace said Mr Wallace would resign.")
    assert all(t.subject.key != t.object.key for t in result.triples)


def test_evidence_offsets_point_at_the_sentence(run: Run) -> None:
    text = "It rained.\nOlaf Scholz has travelled to Warsaw. Then he met Andrzej Duda."
    result = run(text)
    assert result.triples
    for t in result.triples:
        assert text[t.evidence.start : t.evidence.end] == t.evidence.sentence
        assert t.evidence.article_id == "t"


def test_pronoun_resolves_to_recent_subject(run: Run) -> None:
    result = run("Boris Johnson arrived in Paris on Monday. He met Emmanuel Macron at the palace.")
    assert ("Boris Johnson", "meet", "Emmanuel Macron") in _triples(result)


def test_demonym_maps_to_country(run: Run) -> None:
    result = run("Russian president Vladimir Putin met Chinese leaders.")
    keys = {e.entity.key for e in result.entities}
    assert "russia" in keys
    russia = next(e.entity for e in result.entities if e.entity.key == "russia")
    assert russia.type is EntityType.GPE


def test_surface_form_keeps_the_words(run: Run) -> None:
    result = run("Olaf Scholz has travelled to Warsaw.")
    (triple,) = [t for t in result.triples if t.relation == "travel_to"]
    assert triple.surface == "has travelled to"
    assert triple.rule == "prep"


def test_relation_is_normalised_and_surface_kept(run: Run) -> None:
    (triple,) = list(run("Olaf Scholz flew to Warsaw.").triples)
    assert (triple.relation, triple.surface) == ("travel_to", "flew to")


def test_confidence_orders_rules(run: Run) -> None:
    direct = run("Germany criticised France.").triples[0]
    via_pronoun = next(t for t in run("Boris Johnson arrived. He criticised Emmanuel Macron.").triples
                   if t.relation == "criticise")
    assert 0 < via_pronoun.confidence < direct.confidence <= 1


def test_role_description_refers_to_the_titled_person(run: Run) -> None:
    text = ("Russian president Vladimir Putin spoke on Monday. "
            "Germany later criticised the Russian president over the deal.")
    assert ("Germany", "criticise", "Vladimir Putin") in _triples(run(text))


def test_ambiguous_role_description_stays_unresolved(run: Run) -> None:
    text = ("French president Emmanuel Macron met US president Joe Biden. "
            "Germany later criticised the president.")
    assert not [t for t in run(text).triples if t.relation == "criticise"]


def test_reported_speech_is_attributed(run: Run) -> None:
    result = run("Boris Johnson said that Russia threatened Ukraine.")
    (triple,) = [t for t in result.triples if (t.subject.name, t.object.name) == ("Russia", "Ukraine")]
    assert triple.relation == "threaten"
    assert triple.attributed_to is not None
    assert triple.attributed_to.name == "Boris Johnson"
    assert not [t for t in result.triples if t.subject.name == "Boris Johnson" and t.object.name == "Ukraine"]


def test_own_statements_are_not_attributed(run: Run) -> None:
    result = run("Russia threatened Ukraine.")
    assert all(t.attributed_to is None for t in result.triples)




def test_a_preposition_inside_a_name_makes_no_relation(run: Run) -> None:
    found = _triples(run("Jack Straw told BBC Radio 4's World At One that the talks went well."))
    assert ("Jack Straw", "speak_to", "World At One") in found
    assert not any(relation.endswith("_at") for _, relation, _ in found), found








def test_a_where_clause_on_no_place_makes_no_relation(run: Run) -> None:
    # the channel is no place the series proved a success in
    found = _triples(run("Ofcom praised the series. It was commissioned for BBC Three, "
                         "where it proved a huge success."))
    assert not [t for t in found if t[1].endswith("_in") and t[2] == "BBC Three"]


def test_a_disabled_rule_makes_nothing_and_leaves_the_others(nlp: Language) -> None:
    text = "Germany criticised France. Olaf Scholz has travelled to Warsaw."
    article = Article(id="t", text=text)
    found = Extractor(disabled_rules=frozenset({"svo"})).extract(nlp(text), article).triples
    assert {t.rule for t in found} == {"prep"}


def test_a_disabled_resolution_rule_leaves_the_pronoun_alone(nlp: Language) -> None:
    text = "Boris Johnson arrived in Paris on Monday. He met Emmanuel Macron at the palace."
    found = Extractor(disabled_rules=frozenset({"pronoun"})).extract(nlp(text), Article(id="t", text=text)).triples
    assert not [t for t in found if t.relation == "meet"]


def test_the_callers_doc_is_left_as_it_came(nlp: Language, extractor: Extractor) -> None:
    doc = nlp("Tony Blair met Jacques Chirac in Paris. The two leaders discussed Iraq.")
    extractor.extract(doc, Article(id="a", text=doc.text))
    assert dict(doc.user_data) == {}


@pytest.mark.parametrize("words", [{"tony", "paris"}, {f"word{i}" for i in range(200)} | {"tony", "paris"}])
def test_tokens_among_finds_every_token_with_one_of_the_words(nlp: Language, words: set[str]) -> None:
    from graphbuild.extraction.mentions.clusters import forget_token_index, tokens_among

    doc = nlp("Tony met Paris. tony left paris for Rome.")
    assert [t.i for t in tokens_among(doc, words, "LOWER")] == [t.i for t in doc if t.lower_ in words]
    assert [t.text for t in tokens_among(doc, {"Tony"}, "ORTH")] == ["Tony"]
    assert tokens_among(doc, {"absent"}, "LOWER") == []
    forget_token_index(doc)
    assert dict(doc.user_data) == {}
