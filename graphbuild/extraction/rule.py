"""What a rule is: a named unit of extraction or resolution, the construction it handles, and examples.

Rules are catalogued in :mod:`graphbuild.extraction.catalogue`. An *extraction* rule makes
triples and its name is the ``rule`` field they carry; a *resolution* rule finds or resolves
actors (a pronoun, a description, a name the model missed), and triples depend on it without
naming it. Every rule has at least one :class:`Example`, a text written for it with the
triples it must give; the test suite runs them all through the real model.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Example", "Rule", "Stage"]

#: A triple as an example states it: subject name, relation, object name.
Named = tuple[str, str, str]


class Stage(StrEnum):
    """Where a rule acts: making triples, or finding and resolving the actors they relate."""

    EXTRACTION = "extraction"
    RESOLUTION = "resolution"


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """A text written for a rule: the triples it must give, those it must not (a guard), and
    those that appear only when the rule is switched off (what a clean-up rule removes).

    A triple is (subject, relation, object) by name; ``*`` in an ``absent`` or ``removes``
    triple stands for anything. ``not_actors`` are names that must not become actors, and do
    when the rule is switched off (what a rule that cleans tagged spans prevents).
    """

    text: str
    triples: tuple[Named, ...] = ()
    absent: tuple[Named, ...] = ()
    removes: tuple[Named, ...] = ()
    not_actors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One named rule: its family, the construction it handles in a line, and its examples.

    ``confidence`` is how much a triple of an extraction rule is trusted before penalties
    (pronoun ends, inherited subjects, hedges, distance).
    """

    name: str
    family: str
    construction: str
    examples: tuple[Example, ...]
    stage: Stage = Stage.EXTRACTION
    confidence: float = 0.6
