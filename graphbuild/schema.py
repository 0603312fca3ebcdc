"""Relation classes: a small fixed set of kinds every predicate falls into, with a tone.

A triple keeps its predicate (``travel_to``) and gets a class (``CONSULT``) from a schema: the
bundled ``graphbuild/data/schema.yaml`` (28 classes after the PLOVER event types news analysts
use), or a user's own YAML file in the same shape (``--schema FILE``). Each class has a tone
(conflict, cooperation or neutral) and lists the predicates, the words of predicates and the
extraction rules that put a triple in it; the file's header says how a predicate is classed.

Example:
    >>> schema = load_schema()
    >>> schema.classify("travel_to"), schema.classify("impose_sanctions_on"), schema.classify("defence_minister_of")
    ('CONSULT', 'SANCTION', 'ROLE')
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from graphbuild.errors import UsageError

__all__ = ["CLASS_NAME", "Kind", "RelationClass", "Schema", "SchemaError", "Tone", "load_schema"]

#: What a class name may be once reduced: it types relationships in Neo4j.
CLASS_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
#: Verbs whose object says what they do ("hold_talks_with" is talks): read after the other words.
LIGHT_VERBS = frozenset({"have", "make", "take", "give", "hold", "be", "get", "do", "put", "set", "keep"})
_FUNCTION_WORDS = frozenset({
    "of", "to", "in", "at", "on", "for", "with", "from", "by", "about", "into", "against", "over", "up", "out", "off",
    "as", "the", "a", "an", "and", "after", "before", "following", "during", "since", "despite", "through", "without",
    "between", "among", "near", "across", "outside", "inside", "ahead", "behind", "past", "than", "alongside", "under",
    "including", "like", "likes", "upon", "within", "towards", "toward", "beyond", "around", "amid", "via", "onto",
    "beside", "except", "unlike", "versus", "down", "away"})


class SchemaError(UsageError):
    """A schema file cannot be read or is malformed; the message names the file and line."""


class Kind(StrEnum):
    """Whether a class is a tie that holds (an office, a membership, a place) or something done."""

    STANDING = "standing"
    EVENT = "event"


class Tone(StrEnum):
    """What a class says of the relation between two actors."""

    CONFLICT = "conflict"
    COOPERATION = "cooperation"
    NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationClass:
    """One class: its name, tone, what it means, and what puts a triple in it."""

    name: str
    tone: Tone
    kind: Kind = Kind.EVENT
    #: a relation of this class whose last word is of a conflict class takes that class
    #: (support_sanctions_against is SANCTION: backing a measure against X is that measure, for X)
    defers: bool = False
    description: str = ""
    predicates: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()
    #: (predicate or "", subject type or "*", object type or "*"): ``part_of GPE>ORG``, ``ORG>GPE``
    types: frozenset[tuple[str, str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class Schema:
    """The classes in force and the default class; :meth:`classify` puts a predicate in one."""

    classes: tuple[RelationClass, ...]
    default: str
    by_predicate: Mapping[str, str] = field(default_factory=dict)
    by_word: Mapping[str, str] = field(default_factory=dict)
    by_rule: Mapping[str, str] = field(default_factory=dict)
    by_types: Mapping[tuple[str, str, str], str] = field(default_factory=dict)
    #: words that undo what follows them (lift_ban_on is not a ban): a deferring class keeps its own class
    reversing: frozenset[str] = frozenset()
    tones: Mapping[str, Tone] = field(default_factory=dict)
    deferring: frozenset[str] = frozenset()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.classes)

    def tone(self, name: str) -> Tone:
        """The tone of class ``name`` (neutral for a class the schema does not know)."""
        return self.tones.get(name, Tone.NEUTRAL)

    def classify(self, predicate: str, rule: str = "", subject_type: str = "*", object_type: str = "*") -> str:
        """The class of ``predicate`` (snake_case, as extracted) between actors of these types, made by ``rule``.

        In order: the predicate with the actors' types (``part_of GPE>ORG``); the predicate; a
        standing noun heading a predicate that ends in a preposition (``defence_secretary_of``)
        unless an event word starts it; the first word with a class, light verbs last; the types
        alone (``ORG>GPE``); the rule; the default.
        """
        found = self._typed((predicate,), subject_type, object_type) or self.by_predicate.get(predicate)
        if found is None:
            parts = predicate.split("_")
            endings = ("_" + "_".join(parts[-2:]), "_" + parts[-1], "") if len(parts) > 1 else ("",)
            found = self._by_words(parts) or self._typed(endings, subject_type, object_type)
        return found or self.by_rule.get(rule, self.default)

    def _typed(self, predicates: tuple[str, ...], subject_type: str, object_type: str) -> str | None:
        """The class ``types`` gives the first of ``predicates`` (or endings, or "") between these actor types."""
        if not self.by_types:
            return None
        for predicate in predicates:
            for key in ((predicate, subject_type, object_type), (predicate, subject_type, "*"),
                        (predicate, "*", object_type), (predicate, "*", "*")):
                found = self.by_types.get(key)
                if found is not None:
                    return found
        return None

    def _by_words(self, parts: list[str]) -> str | None:
        words = [w for w in parts if w and w not in _FUNCTION_WORDS]
        classes = [c for c in map(self._word_class, [*(w for w in words if w not in LIGHT_VERBS),
                                                     *(w for w in words if w in LIGHT_VERBS)]) if c]
        if len(parts) > 2 and parts[-1] in _FUNCTION_WORDS and not parts[-2].endswith("s"):
            head = self._word_class(parts[-2])
            if head in self.standing and (classes[0] if classes else head) in self.standing:
                return head
        if classes and classes[0] in self.deferring and not self.reversing.intersection(words[1:-1]):
            last = self._word_class(words[-1])
            if last is not None and self.tone(last) is Tone.CONFLICT:
                return last
        return classes[0] if classes else None

    def _word_class(self, word: str) -> str | None:
        """The class of ``word`` or of its stem (sanctions, sanctioned, sanctioning: sanction)."""
        found = self.by_word.get(word) or self.by_predicate.get(word)
        if found is not None or len(word) < 5:
            return found
        for suffix, ending in (("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if word.endswith(suffix):
                found = self.by_word.get(word[: -len(suffix)] + ending)
                if found is not None:
                    return found
        return None

    @property
    def standing(self) -> frozenset[str]:
        """The names of the standing classes."""
        return frozenset(c.name for c in self.classes if c.kind is Kind.STANDING)

    def fingerprint(self) -> str:
        """A hash of everything that decides a class, for cache keys."""
        payload = [self.default, sorted(self.reversing),
                   sorted((c.name, str(c.tone), str(c.kind), c.defers, sorted(c.predicates), sorted(c.words),
                           sorted(c.rules), sorted(c.types))
                                        for c in self.classes)]
        return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:16]


def load_schema(path: str | Path | None = None) -> Schema:
    """Load the bundled schema, or the YAML file at ``path`` instead of it.

    Raises:
        SchemaError: the file is missing, is not YAML, or a class, tone or list in it is malformed.
    """
    if path is None:
        where, text = "schema.yaml", resources.files("graphbuild.data").joinpath("schema.yaml").read_text("utf-8")
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise SchemaError(f"{path}: cannot read the schema ({err.strerror or err})") from err
    return _parse(text, where)


def _parse(text: str, where: str) -> Schema:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml's parser where it is installed
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise SchemaError(f"{where}{line}: not valid YAML ({getattr(err, 'problem', err)})") from err
    finally:
        loader.dispose()
    lines = _key_lines(root)
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict) or not data["classes"]:
        raise SchemaError(f"{where}: expected 'default: NAME' and 'classes:' mapping class names to their entries")
    classes = tuple(_class(str(name), entry, where, lines.get(str(name), 0)) for name, entry in data["classes"].items())
    names = [c.name for c in classes]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SchemaError(f"{where}: {', '.join(duplicates)} named twice once reduced to A-Z, 0-9 and _")
    default = _class_name(str(data.get("default") or "OTHER"), where, lines.get("default", 0))
    if default not in names:
        raise SchemaError(f"{_at(where, lines.get('default'))}: the default class {default} is not among the "
                          "classes; add it, or name another with 'default: NAME'")
    reversing = data.get("reversing_words") or []
    if not isinstance(reversing, list) or not all(isinstance(w, str) for w in reversing):
        raise SchemaError(f"{_at(where, lines.get('reversing_words'))}: reversing_words must be a list of words")
    return Schema(classes=classes, default=default, reversing=frozenset(w.strip().lower() for w in reversing),
                  tones={c.name: c.tone for c in classes}, deferring=frozenset(c.name for c in classes if c.defers),
                  by_predicate=_index(classes, "predicates", where, lines),
                  by_word=_index(classes, "words", where, lines), by_rule=_index(classes, "rules", where, lines),
                  by_types=_index(classes, "types", where, lines))


def _at(where: str, line: int | None) -> str:
    """``file:line``, or the file alone when the line is not known."""
    return f"{where}:{line}" if line else where


def _key_lines(node: Any) -> dict[str, int]:
    """The line of every mapping key in the document (1-based), for messages."""
    lines: dict[str, int] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                lines.setdefault(str(key.value), key.start_mark.line + 1)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return lines


def _class_name(raw: str, where: str, line: int) -> str:
    name = re.sub(r"[^A-Z0-9_]+", "_", raw.strip().upper()).strip("_")
    if not CLASS_NAME.match(name):
        raise SchemaError(f"{where}:{line}: class name {raw!r} must start with a letter (A-Z, 0-9 and _ after it)")
    return name


def _class(raw: str, entry: Any, where: str, line: int) -> RelationClass:
    name = _class_name(raw, where, line)
    entry = entry or {}
    if not isinstance(entry, dict):
        raise SchemaError(f"{where}:{line}: class {raw} must map to tone, description, predicates, words and rules")
    unknown = sorted(set(entry) - {"kind", "tone", "defers", "description", "predicates", "words", "rules", "types"})
    if unknown:
        raise SchemaError(f"{where}:{line}: class {raw} has unknown key(s) {', '.join(unknown)}; "
                          "use kind, tone, defers, description, predicates, words, rules and types")
    try:
        tone = Tone(str(entry.get("tone", "neutral")).lower())
    except ValueError:
        raise SchemaError(f"{where}:{line}: class {raw} has tone {entry.get('tone')!r}; "
                          "use conflict, cooperation or neutral") from None
    try:
        kind = Kind(str(entry.get("kind", "event")).lower())
    except ValueError:
        raise SchemaError(f"{where}:{line}: class {raw} has kind {entry.get('kind')!r}; "
                          "use standing or event") from None
    lists = {}
    for key in ("predicates", "words", "rules", "types"):
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SchemaError(f"{where}:{line}: {key} of class {raw} must be a list of words")
        lists[key] = frozenset(_snake(v) for v in value if v.strip() and key != "types")
    types = frozenset(_types(v, raw, where, line) for v in entry.get("types") or [] if v.strip())
    if not isinstance(entry.get("defers", False), bool):
        raise SchemaError(f"{where}:{line}: defers of class {raw} must be true or false")
    return RelationClass(name=name, tone=tone, kind=kind, defers=bool(entry.get("defers", False)),
                         description=str(entry.get("description") or ""), predicates=lists["predicates"],
                         words=lists["words"], rules=lists["rules"], types=types)


def _types(entry: str, raw: str, where: str, line: int) -> tuple[str, str, str]:
    """``"part_of GPE>ORG"`` → ``("part_of", "GPE", "ORG")``; ``"ORG>GPE"`` → ``("", "ORG", "GPE")``.

    A predicate that starts with ``_`` is an ending: ``_against *>*`` is any predicate ending in ``against``.
    """
    *predicate, pair = entry.split()
    subject, sep, obj = pair.upper().partition(">")
    if not sep or not subject or not obj or len(predicate) > 1:
        raise SchemaError(f"{where}:{line}: types entry {entry!r} of class {raw} must be SUBJECT>OBJECT with entity "
                          "types or *, after an optional predicate (part_of GPE>ORG)")
    return (_snake(predicate[0]) if predicate else "", subject, obj)


def _snake(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split()) if " " in text.strip() else text.strip().lower()


def _index(classes: Iterable[RelationClass], key: str, where: str, lines: Mapping[str, int]) -> dict[Any, str]:
    index: dict[Any, str] = {}
    for cls in classes:
        for item in sorted(getattr(cls, key)):
            if item in index and index[item] != cls.name:
                shown = item if isinstance(item, str) else f"{item[0]} {item[1]}>{item[2]}".strip()
                raise SchemaError(f"{_at(where, lines.get(cls.name))}: {key[:-1]} {shown!r} is in both {index[item]} "
                                  f"and {cls.name}; a {key[:-1]} belongs to one class")
            index[item] = cls.name
    return index
