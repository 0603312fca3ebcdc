"""Model loading: the components kept, and the lemmas the small model gets wrong put right."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language

from graphbuild.extraction.headline import COMPONENT
from graphbuild.extraction.nlp import NEEDED_COMPONENTS
from graphbuild.extraction.quotes import COMPONENT as QUOTES


def test_only_the_needed_components_run(nlp: Language) -> None:
    assert set(nlp.pipe_names) <= {*NEEDED_COMPONENTS, COMPONENT, QUOTES}
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(("sentence", "verb", "lemma"), [
    ("The critic slated the new film.", "slated", "slate"),
    ("A French court fined Google on Monday.", "fined", "fine"),
    ("She hoped the talks would succeed.", "hoped", "hope"),
    ("Ministers are coping with the crisis.", "coping", "cope"),
])
def test_verb_forms_the_model_lemmatises_to_another_word_are_put_right(nlp: Language, sentence: str, verb: str,
                                                                        lemma: str) -> None:
    token = next(t for t in nlp(sentence) if t.text == verb)
    assert token.lemma_ == lemma


def test_the_fix_leaves_nouns_alone(nlp: Language) -> None:
    doc = nlp("The film had a rating of five stars.")
    assert next(t for t in doc if t.text == "rating").lemma_ == "rating"


def test_every_row_of_the_lemma_table_is_a_form_and_its_lemma() -> None:
    rows = [line.split("\t") for line in resources.files("graphbuild.data").joinpath("lemmas.tsv")
            .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) >= 20
    assert all(len(r) == 2 and r[0].startswith(r[1][:-1]) and r[0] != r[1] for r in rows)
