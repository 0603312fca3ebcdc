"""The working data of mention finding: a mention, and the cluster of mentions that are one actor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.mentions.words import SUBJECT_DEPS, TYPE_PRIORITY
from graphbuild.model import EntityType
from graphbuild.names import HONORIFICS, Gazetteer, GazetteerEntry, name_tokens

__all__ = ["Cluster", "Mention", "cluster_at", "is_subject", "link", "one_of_a_people", "people_country",
           "surface_of", "tokens_among"]


@dataclass(slots=True, eq=False)
class Cluster:
    """Mentions that resolve to one entity within an article (mutable while resolving; compared by identity)."""

    key: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[EntityType] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    first: int = 0
    mentions: int = 0
    merged_into: Cluster | None = None
    #: named as a body somewhere ("oil group Yukos"): an organisation, whatever the tags say
    body: bool = False
    #: named as a work somewhere ("the film Vera Drake"): a work, whatever the tags say
    work: bool = False
    #: the trades it is named with ("oil" of "oil group Yukos"): "the Russian oil giant" is it; a
    #: root holds those of every cluster merged into it
    trades: set[str] = field(default_factory=set)

    def root(self) -> Cluster:
        cluster = self
        while cluster.merged_into is not None:
            cluster = cluster.merged_into
        return cluster

    def type(self) -> EntityType:
        if self.work:
            return EntityType.OTHER
        if self.types[EntityType.PERSON] and any(len(name_tokens(n)) > 1 for n in self.names if n):
            return EntityType.PERSON
        if self.body:
            return EntityType.ORG
        best = max(self.types.values())
        return next(t for t in TYPE_PRIORITY if self.types[t] == best)

    def name(self) -> str:
        if self.type() is EntityType.PERSON:
            return max(self.names, key=lambda n: (len(n.split()), self.names[n], len(n), n))
        return max(self.names, key=lambda n: (self.names[n], len(n), n))


def link(source: Cluster, target: Cluster) -> None:
    """Merge ``source``'s group into ``target``'s (roots only, so merges can never form a cycle)."""
    source_root, target_root = source.root(), target.root()
    if source_root is not target_root:
        source_root.merged_into = target_root
        target_root.trades |= source_root.trades


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    root: int
    sentence: int
    cluster: Cluster
    subject: bool


def is_subject(token: Token) -> bool:
    while token.dep_ in {"compound", "flat", "appos"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def surface_of(doc: Doc, span: Span) -> str:
    """Return the span's text with a directly preceding honorific (``Mr Wallace``)."""
    start = span.start
    while start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS - {"the"}:
        start -= 1
    words = [t.text for t in doc[start : span.end] if t.tag_ != "POS"]
    return " ".join(words).strip()


#: Endings of demonyms that name a whole people after "the": "the French", "the Swiss", "the Chinese".
_PEOPLE_ENDINGS = ("ch", "sh", "ese", "ss", "s", "men")


def one_of_a_people(token: Token) -> bool:
    """Whether a demonym token is one person of a people, by its shape: "the Spaniard", "the
    18-year-old Russian" (not "the Russian government", "the French", "the Americans")."""
    if token.dep_ in {"amod", "compound", "nmod", "poss"} or token.lower_.endswith(_PEOPLE_ENDINGS):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def people_country(token: Token, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The country whose one person the token names: "the Spaniard" → Spain; None for any other token."""
    if not one_of_a_people(token):
        return None
    entry = gazetteer.demonym(token.text)
    return entry if entry is not None and entry.type is EntityType.GPE and token.text != entry.name else None


def tokens_among(doc: Doc, words: Collection[str], attr: str) -> list[Token]:
    """The tokens whose ``attr`` (LOWER, ORTH) is one of ``words``, found without visiting every token.

    The article's distinct values and where each stands are found once per attribute (see
    :func:`forget_token_index`); each call then looks its words up among a few hundred strings.
    """
    if not len(doc):
        return []
    inverse, position = _token_index(doc, attr)
    if len(words) <= len(position):
        hits = [position[word] for word in words if word in position]
    else:
        hits = [k for string, k in position.items() if string in words]
    if not hits:
        return []
    found = inverse == hits[0] if len(hits) == 1 else numpy.isin(inverse, hits)
    return [doc[int(i)] for i in numpy.flatnonzero(found)]


#: Where the token index of an attribute is kept in ``Doc.user_data`` while an article is read.
_INDEX_KEY = "graphbuild.token_index"


def _token_index(doc: Doc, attr: str) -> tuple[numpy.ndarray, dict[str, int]]:
    """For each token, the number of its distinct ``attr`` value, and each value's number."""
    key = f"{_INDEX_KEY}.{attr}"
    index: tuple[numpy.ndarray, dict[str, int]] | None = doc.user_data.get(key)
    if index is None:
        unique, inverse = numpy.unique(doc.to_array(attr), return_inverse=True)
        strings = doc.vocab.strings
        index = (inverse, {strings[int(h)]: k for k, h in enumerate(unique)})
        doc.user_data[key] = index
    return index


def forget_token_index(doc: Doc) -> None:
    """Drop the token indexes :func:`tokens_among` kept on ``doc``, once the article is read."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_INDEX_KEY)]:
        del doc.user_data[key]


def cluster_at(i: int, mentions: Sequence[Mention]) -> Cluster | None:
    for m in mentions:
        if m.start <= i < m.end:
            return m.cluster.root()
    return None
