"""The catalogue of every rule: extraction rules that make triples, resolution rules that find actors.

``graphbuild rules`` prints it; ``--disable-rule NAME`` switches a rule off. The rules are data
(:class:`~graphbuild.extraction.rule.Rule`) defined beside the code that applies them, in the
family modules of :mod:`graphbuild.extraction.rules` and :mod:`graphbuild.extraction.mentions`.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphbuild.errors import UsageError
from graphbuild.extraction import mentions, rules
from graphbuild.extraction.rule import Example, Rule, Stage

__all__ = ["CATALOGUE", "Example", "Rule", "Stage", "check_rule_names", "rule_named"]

#: Every rule, extraction first, family by family.
CATALOGUE: tuple[Rule, ...] = (*rules.RULES, *mentions.RULES)


def rule_named(name: str) -> Rule:
    """The rule called ``name``.

    Raises:
        UsageError: no rule has that name; the message lists the valid ones.
    """
    for rule in CATALOGUE:
        if rule.name == name:
            return rule
    raise UsageError(f"no rule named {name!r}; the rules are: {', '.join(sorted(r.name for r in CATALOGUE))}")


def check_rule_names(names: Iterable[str]) -> frozenset[str]:
    """Return ``names`` as a frozenset after checking each names a rule (see :func:`rule_named`)."""
    found = frozenset(names)
    for name in sorted(found):
        rule_named(name)
    return found
