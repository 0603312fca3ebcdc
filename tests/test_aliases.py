"""Cross-article resolution with user alias files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.aliases import load_aliases, resolve, resolve_entity
from graphbuild.errors import InputError
from graphbuild.model import Article, ArticleEntity, ArticleResult, Entity, EntityType, Evidence, Triple


def _entity(name: str, type_: EntityType = EntityType.PERSON) -> Entity:
    return Entity(key=name.lower(), name=name, type=type_, aliases=frozenset({name}))


def test_yaml_aliases(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("Vladimir Putin:\n  aliases: [Putin, VVP]\n  type: PERSON\nUnited States: [America]\n",
                    encoding="utf-8")
    table = load_aliases(path)
    assert resolve_entity(_entity("VVP", EntityType.ORG), table).name == "Vladimir Putin"
    assert resolve_entity(_entity("VVP", EntityType.ORG), table).type is EntityType.PERSON
    assert resolve_entity(_entity("America", EntityType.GPE), table).key == "united states"


def test_csv_aliases(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical,type\nThe Beeb,BBC,ORG\n", encoding="utf-8")
    resolved = resolve_entity(_entity("The Beeb", EntityType.OTHER), load_aliases(path))
    assert (resolved.name, resolved.key, resolved.type) == ("BBC", "bbc", EntityType.ORG)
    assert "The Beeb" in resolved.aliases


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "name,other\nx,y\n", "expected a CSV header"),
        ("a.csv", "alias,canonical\nx,\n", "must both be filled in"),
        ("a.yaml", "- just\n- a list\n", "expected a mapping"),
        ("a.yaml", "X: {aliases: [Y], type: ROBOT}\n", "unknown entity type"),
        ("a.yaml", "X: [\n", "not valid YAML"),
    ],
)
def test_bad_alias_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_aliases(path)


def test_resolve_merges_entities_and_drops_self_loops(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("United States: [America, US]\n", encoding="utf-8")
    us, america = _entity("US", EntityType.GPE), _entity("America", EntityType.GPE)
    ev = Evidence(article_id="a", sentence="s", start=0, end=1)
    result = ArticleResult(
        article=Article(id="a", text="s"),
        entities=(ArticleEntity(entity=us, mentions=2), ArticleEntity(entity=america, mentions=1)),
        triples=(Triple(subject=us, relation="ally_with", object=america, evidence=ev),),
    )
    resolved = resolve(result, load_aliases(path))
    (entity,) = resolved.entities
    assert (entity.entity.name, entity.mentions) == ("United States", 3)
    assert resolved.triples == ()
