"""Entity names: titles, normalisation, and the gazetteer of places, aliases and demonyms.

Pure string handling (no spaCy), shared by within-article resolution (``mentions``) and
cross-article resolution (``resolve``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from graphbuild.model import Entity, EntityType

__all__ = [
    "HONORIFICS",
    "TITLE_WORDS",
    "Gazetteer",
    "GazetteerEntry",
    "entity_key",
    "load_gazetteer",
    "name_key",
    "name_tokens",
    "strip_titles",
]

#: Words that may precede a name as a title or honorific and are not part of the name.
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "baron",
    "president", "vice-president", "chancellor", "secretary", "minister", "premier",
    "prime", "king", "queen", "prince", "princess", "pope", "general", "gen", "colonel",
    "col", "captain", "capt", "commander", "admiral", "sergeant", "lieutenant", "governor",
    "senator", "sen", "rep", "representative", "judge", "justice", "mayor", "chairman",
    "chairwoman", "chief", "director", "professor", "prof", "rev", "reverend", "father",
    "sheikh", "ayatollah", "archbishop", "bishop", "cardinal", "coach", "manager",
    "striker", "defender", "midfielder", "goalkeeper", "foreign", "defence", "defense",
    "home", "interior", "finance", "deputy", "shadow", "former", "ex", "the", "mp",
})

#: Honorifics that are dropped from names but do not by themselves describe a role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "the"})

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NON_WORD = re.compile(r"[^\w]+")


def _fold(text: str) -> str:
    if text.isascii() and "&" not in text:
        return text.replace("`", "'").lower()  # the common case, with nothing to decode or fold
    text = html.unescape(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").replace("`", "'").lower()


def name_tokens(name: str) -> list[str]:
    """Split ``name`` into folded, lower-case word tokens without possessives or punctuation.

    >>> name_tokens("Russia’s")
    ['russia']
    >>> name_tokens("U.S.")
    ['us']
    """
    text = _fold(name)
    if "'" in text or "." in text:
        text = re.sub(r"'s\b", "", text)
        text = re.sub(r"(?<=\w)'(?=\s|$)", "", text)
        text = re.sub(r"['.]", "", text)
    return [t for t in _NON_WORD.split(text) if t]


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading title words (``Mr``, ``Prime minister`` …) from a list of words.

    Words are compared case-insensitively; the last word is always kept so a name never
    becomes empty.

    >>> strip_titles(["Prime", "minister", "Boris", "Johnson"])
    ['Boris', 'Johnson']
    """
    start = 0
    while start < len(words) - 1 and _clean_word(words[start]) in TITLE_WORDS:
        start += 1
    return words[start:]


def _strip_honorifics(words: list[str]) -> list[str]:
    start = 0
    while start < len(words) - 1 and _clean_word(words[start]) in HONORIFICS:
        start += 1
    return words[start:]


def _clean_word(word: str) -> str:
    return _NON_WORD.sub("", _fold(word))


def clean_name(text: str, *, titles: bool = True) -> str:
    """Return ``text`` with surrounding punctuation, titles and a trailing possessive removed.

    With ``titles=False`` only honorifics and "the" go: a body's name keeps the words that are
    titles elsewhere ("the Foreign and Commonwealth Office", "the Home Office").

    >>> clean_name("Mr Wallace’s")
    'Wallace'
    >>> clean_name("the Kremlin")
    'Kremlin'
    >>> clean_name("the Home Office", titles=False)
    'Home Office'
    """
    words = text.replace("\n", " ").split()
    words = [w for w in words if _NON_WORD.sub("", w)]
    if not words:
        return text.strip()
    words = strip_titles(words) if titles else _strip_honorifics(words)
    last = _POSSESSIVE.sub("", words[-1])
    words = [*words[:-1], last] if last else words[:-1]
    return " ".join(words).strip(" \t\"'“”‘’,.;:()[]") or text.strip()


def name_key(name: str) -> str:
    """Return the normalised key two names must share to be the same entity.

    >>> name_key("The Kremlin") == name_key("kremlin")
    True
    """
    tokens = [t for t in name_tokens(name) if t != "the"]
    return " ".join(tokens) or " ".join(name_tokens(name))


def entity_key(name: str, entity_type: EntityType) -> str:
    """Return an entity's key: its normalised name, with groups keyed without a plural ``s``.

    >>> entity_key("Palestinians", EntityType.NORP) == entity_key("Palestinian", EntityType.NORP)
    True
    """
    key = name_key(name)
    if entity_type is EntityType.NORP and key.endswith("s") and len(key) > 3:
        return key[:-1]
    return key


@dataclass(frozen=True, slots=True, kw_only=True)
class GazetteerEntry:
    """A well-known place or body with its canonical name, aliases and demonyms."""

    name: str
    type: EntityType
    aliases: frozenset[str]
    demonyms: frozenset[str]

    def entity(self) -> Entity:
        """The actor this entry names, under its canonical name."""
        return Entity(key=entity_key(self.name, self.type), name=self.name, type=self.type,
                      aliases=frozenset({self.name}))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup of canonical entities by alias key and by demonym key."""

    by_alias: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_demonym: dict[str, GazetteerEntry] = field(default_factory=dict)
    #: each name, alias and demonym as written (case kept): the entry, and whether it is a demonym
    written: dict[str, tuple[GazetteerEntry, bool]] = field(default_factory=dict)
    #: the first word of each written form, to find them in a text quickly
    first_words: frozenset[str] = frozenset()
    #: given names that tell a man ("m") from a woman ("f"), from ``given_names.tsv``
    given_names: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> GazetteerEntry | None:
        """Return the entry whose name or alias normalises like ``name``."""
        return self.by_alias.get(name_key(name))

    def demonym(self, word: str) -> GazetteerEntry | None:
        """Return the entry that ``word`` (``Russian``, ``British``) is the demonym of."""
        return self.by_demonym.get(name_key(word))

    def is_country(self, name: str) -> bool:
        """True when ``name`` is a country the gazetteer knows (not a region, party or city)."""
        entry = self.canonical(name)
        return entry is not None and entry.type is EntityType.GPE


def load_gazetteer(text: str | None = None) -> Gazetteer:
    """Parse the bundled ``places.tsv`` (or ``text`` in the same format) into a :class:`Gazetteer`."""
    if text is None:
        text = resources.files("graphbuild.data").joinpath("places.tsv").read_text(encoding="utf-8")
    by_alias: dict[str, GazetteerEntry] = {}
    by_demonym: dict[str, GazetteerEntry] = {}
    written: dict[str, tuple[GazetteerEntry, bool]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [*line.split("\t"), "", "", ""][:4]
        name, type_, aliases, demonyms = (c.strip() for c in cols)
        entry = GazetteerEntry(
            name=name,
            type=EntityType.parse(type_ or "GPE"),
            aliases=frozenset(a for a in aliases.split("|") if a),
            demonyms=frozenset(d for d in demonyms.split("|") if d),
        )
        for alias in (name, *sorted(entry.aliases)):
            by_alias.setdefault(name_key(alias), entry)
            written.setdefault(alias, (entry, False))
        for demonym in sorted(entry.demonyms):
            by_demonym.setdefault(name_key(demonym), entry)
            written.setdefault(demonym, (entry, True))
    return Gazetteer(by_alias=by_alias, by_demonym=by_demonym, written=written,
                     first_words=frozenset(form.split()[0] for form in written), given_names=_given_names())


def _given_names() -> dict[str, str]:
    """The bundled ``given_names.tsv``: a first name and the sex ("m" or "f") it almost always names."""
    text = resources.files("graphbuild.data").joinpath("given_names.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name.strip(): sex.strip() for name, sex in pairs}
