"""triples.jsonl rows round-trip, and bad rows say what is wrong."""

from __future__ import annotations

import pytest

from graphbuild.errors import InputError
from graphbuild.model import Entity, EntityType, Evidence, Triple
from graphbuild.records import TRIPLE_FIELDS, row_to_triple, triple_to_row


def test_round_trip() -> None:
    triple = Triple(
        subject=Entity(key="ben wallace", name="Ben Wallace", type=EntityType.PERSON,
                       aliases=frozenset({"Ben Wallace", "Mr Wallace"})),
        relation="travel_to",
        object=Entity(key="moscow", name="Moscow", type=EntityType.GPE, aliases=frozenset({"Moscow"})),
        evidence=Evidence(article_id="a", sentence="He went.", start=3, end=11, date="2022-01-01"),
        negated=True, hedged=False, surface="went to", rule="prep", confidence=0.75,
        attributed_to=Entity(key="bbc", name="BBC", type=EntityType.ORG, aliases=frozenset({"BBC"})),
        relation_class="CONSULT", tone="cooperation",
    )
    row = triple_to_row(triple)
    assert tuple(row) == TRIPLE_FIELDS
    assert (row["class"], row["tone"]) == ("CONSULT", "cooperation")
    assert row_to_triple(row) == triple


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"subject": "A", "object": "B", "relation": "r"}, "missing field 'article_id'"),
        ({"article_id": "a", "subject": "A", "object": "B", "relation": ""}, "non-empty"),
        ({"article_id": "a", "subject": 3, "object": "B", "relation": "r"}, "'subject' must be"),
    ],
)
def test_bad_rows(row: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        row_to_triple(row, where="f.jsonl:3: ")
