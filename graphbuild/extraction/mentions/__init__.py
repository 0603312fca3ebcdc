"""Find the actors an article mentions and resolve them within the article.

Resolution rules, each a named rule of the catalogue (``graphbuild rules`` lists them with
examples), applied to the spaCy ``Doc`` of one whole article:

* **made actors** (:mod:`.spans`): names the model did not tag as actors, made from the parse;
* **names** (:mod:`.naming`, :mod:`.find`): canonical names and demonyms from the gazetteer,
  partial, short and repeated names, acronyms, "also known as", compass regions, and names the
  article calls bodies;
* **descriptions** (:mod:`.descriptions`): "the Russian president", "the newspaper", "the oil
  giant" and a lede's "The UK defence secretary" refer back to named actors;
* **coreference** (:mod:`.pronouns`, :mod:`.groups`): personal and possessive pronouns, and
  "the two leaders" for the two actors named last;
* **stand-ins** (:mod:`.article`): nouns that stand for an actor when a rule asks (a regime for
  its ruler, members for their body, a country's government or court for the country).

Titles and honorifics are stripped (``Mr Wallace`` → ``Wallace``) as are possessives, by
:func:`graphbuild.names.clean_name`.
"""

from graphbuild.extraction.mentions import article, descriptions, find, groups, hygiene, naming, pronouns, spans
from graphbuild.extraction.mentions.article import ArticleMentions
from graphbuild.extraction.mentions.find import find_mentions
from graphbuild.extraction.mentions.words import (
    ACTOR_LABELS,
    FORCE_NOUNS,
    HAPPENING_NOUNS,
    OFFICE_NOUNS,
    POSSESSIVE_MARKS,
)

__all__ = ["ACTOR_LABELS", "FORCE_NOUNS", "HAPPENING_NOUNS", "OFFICE_NOUNS", "POSSESSIVE_MARKS", "RULES",
           "ArticleMentions", "find_mentions"]

#: The resolution rules, family by family, in the order they apply.
RULES = (*hygiene.RULES, *spans.RULES, *naming.RULES, *find.RULES, *descriptions.RULES, *pronouns.RULES,
         *groups.RULES, *article.RULES)
