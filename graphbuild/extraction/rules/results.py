"""Results given as a score line: the ``results`` family.

A match report opens with its result: "Wasps 31-37 Leicester", the home side, its score, the
away side's score and the away side, as a line of its own before the report. The line says who
beat whom (or that the sides drew) more plainly than any sentence of the report, which often
names only the side that scored last or the player who won it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extraction.rule import Example, Rule
from graphbuild.extraction.rules.context import Context, Named
from graphbuild.model import Triple

__all__ = ["RULES", "SCORE_LINE", "score_line"]

SCORE_LINE = Rule(
    name="score_line", family="results", confidence=0.8,
    construction="a line of two sides around a score: \"Wasps 31-37 Leicester\" → Leicester beat Wasps; "
                 "level scores → draw_with",
    examples=(
        Example(text="Spain 10-24 France France won in Madrid on Saturday to stay top of the table.",
                triples=(("France", "beat", "Spain"),)),
        Example(text="Wales 20-20 Scotland Wales and Scotland shared the points in a thrilling match in Cardiff.",
                triples=(("Wales", "draw_with", "Scotland"),)),
        Example(text="The final score was Spain 2-1 France.", triples=(("Spain", "beat", "France"),)),
        # a score with the sentence going on past the next name is no line of two sides
        Example(text="Italy beat Spain 2-1 France said on Monday, and Germany lost.",
                absent=(("France", "*", "Spain"), ("Spain", "*", "France"))),
    ))

RULES = (SCORE_LINE,)


def score_line(name: Named, ctx: Context) -> Iterator[Triple]:
    """A side, a score and the other side, which ends the sentence ("Wasps 31-37 Leicester", "The
    final score was Spain 2-1 France."): the higher score beat the lower; level scores drew."""
    if not ctx.on(SCORE_LINE):
        return
    last = max(name.words, key=lambda t: t.i)
    sent, doc = last.sent, last.doc
    if last.i + 4 >= sent.end:
        return
    home, dash, away = doc[last.i + 1], doc[last.i + 2], doc[last.i + 3]
    if not _score(home, dash, away):
        return
    other = ctx.mentions.by_token.get(last.i + 4)
    if other is None or other == name.entity or not _ends_line(doc[last.i + 4], ctx):
        return
    goals, against = int(home.text), int(away.text)
    if goals == against:
        triple = ctx.make(name.entity, "draw_with", other, sent, surface=[home, dash, away], rule=SCORE_LINE)
    elif goals > against:
        triple = ctx.make(name.entity, "beat", other, sent, surface=[home, dash, away], rule=SCORE_LINE)
    else:
        triple = ctx.make(other, "beat", name.entity, sent, surface=[home, dash, away], rule=SCORE_LINE)
    if triple:
        yield triple


def _score(home: Token, dash: Token, away: Token) -> bool:
    """Two scores joined by a hyphen and no space: "31-37"."""
    return (home.text.isdigit() and away.text.isdigit() and dash.text == "-"
            and not home.whitespace_ and not dash.whitespace_ and len(home.text) <= 3 and len(away.text) <= 3)


def _ends_line(start: Token, ctx: Context) -> bool:
    """The side from ``start`` is the last words of its sentence (but for a full stop)."""
    side = ctx.mentions.by_token[start.i]
    end = start.i
    while end + 1 < start.sent.end and ctx.mentions.by_token.get(end + 1) == side:
        end += 1
    return all(t.is_punct for t in start.doc[end + 1:start.sent.end])
