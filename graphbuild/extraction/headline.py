"""A headline run into its article's first sentence gets a sentence of its own.

News text often reaches graphbuild with the headline and the lede joined by a space ("Police
chief backs drinking move A chief constable has backed the introduction of ..."). Parsed as one
sentence, the headline's words become the lede's subject and the lede's best triples are lost. A
pipeline component that runs after the tagger and before the parser finds where the lede starts
and marks it as a sentence start, which the parser keeps.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from graphbuild.extraction.mentions.words import (
    EMPLOYEE_NOUNS,
    MAX_HEADLINE,
    OFFICE_NOUNS,
    PLAYER_NOUNS,
    PROFESSION_NOUNS,
)
from graphbuild.extraction.nlp import HEADLINE_COMPONENT
from graphbuild.extraction.rules.words import (
    COMPANY_NOUNS,
    KIN_NOUNS,
)

__all__ = ["COMPONENT", "MAX_HEADLINE", "headline_end", "split_headline"]

#: The name the component is registered under.
COMPONENT = HEADLINE_COMPONENT

#: Words a headline leaves out: articles and the auxiliaries of a finished clause.
_NOT_IN_HEADLINES = frozenset({"the", "a", "an", "is", "are", "was", "were", "has", "have", "been", ",", ".", "!", "?"})
_QUOTES = frozenset({"'", "‘", "’", '"', "“", "”"})
#: What a headline's last word is: a noun ("drinking move"), or the particle of a hyphenated one
#: ("Yukos split-up").
_LAST_TAGS = frozenset({"NN", "NNS", "RP"})
#: How a lede may start that no headline word can be mid-sentence: a capitalised "The", "A" or
#: number ("Six UK greyhound tracks ..."), after any last word but a preposition or verb that
#: would take it as object (the tagger often takes a headline's last noun for a verb: "rules").
_LEDE_TAGS = frozenset({"DT", "CD"})
_NOT_LAST_TAGS = frozenset({"IN", "TO", "DT", "VB", "VBD", "VBN", "CC"})
#: Words after which a capitalised word is their object or part of a name, not a lede: "of
#: Juventus", "all Ireland's points", "Ruud van Nistelrooy".
_NOT_BEFORE_NAMES = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "over", "into", "and", "or", "as", "against", "after",
    "v", "vs", "all", "both", "his", "her", "their", "its", "our", "this", "that", "these", "those", "no", "any",
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "al", "bin", "el"})
#: Words after which a name starts a clause of the same sentence, not a lede: "after Musk said
#: Tesla would ...", "in Paris, where Macron said ...".
_CLAUSE_WORDS = frozenset({
    "said", "says", "say", "told", "tells", "warned", "claimed", "added", "insisted", "insists",
    "believes", "thinks", "expects", "confirmed", "admitted", "argued", "suggested",
    "where", "when", "while", "because", "if", "that", "which", "who", "whom", "whose", "since", "although",
    "though", "until", "unless", "whether", "than", "so", "before"})
#: The auxiliaries a lede's first clause has and a headline leaves out.
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "been"})
#: Nouns that title the name after them, in a lede as well as a headline: "Spain coach Luis
#: Aragones", "Liverpool winger Harry Kewell", "Australian brewer Fosters".
_TITLES = (OFFICE_NOUNS | PLAYER_NOUNS | PROFESSION_NOUNS | EMPLOYEE_NOUNS | KIN_NOUNS | COMPANY_NOUNS
           | {"boss", "coach", "manager", "speaker"})
#: The most words a headline has before a lede that only a common word or a repeated name starts.
_LONGEST_HEADLINE = 8
#: The shortest lede after a headline, in tokens.
MIN_LEDE = 8
#: How many of the lede's first words no new sentence may start at.
_LEDE_START = 6


def headline_end(doc: Doc) -> int | None:
    """Where the lede starts when a headline runs into it, or None. Only headline words may come
    before it, with no quotation left open. It is the first capitalised word that
    - follows a headline's last word: a noun, a closing quote, or any word but a preposition or
      verb before a capitalised article or number;
    - is a capitalised common word, an article or a number ("... profit warning Shares in ...");
    - or begins the lede's naming of an actor the headline names ("... off lira Turkey is ...",
      "... Australian Open Jennifer Capriati has ...").
    Failing those, it is a name standing just before the lede's first auxiliary ("... asylum moves
    David Blunkett has been ..."), or the first capitalised word after a verb's particle ("... to
    stand down Veteran Labour MP ...")."""
    quoted, last, particle = False, None, None
    for k in range(2, min(MAX_HEADLINE, len(doc) - MIN_LEDE)):
        token, before = doc[k], doc[k - 1]
        if before.lower_ in _NOT_IN_HEADLINES:
            named = last is not None and before.lower_ in _AUXILIARIES and all(
                _capitalised(t) for t in doc[last:k - 1])
            return last if named else particle  # a sentence, not a headline
        closing = before.text in _QUOTES and not doc[k - 2].whitespace_
        if before.text in _QUOTES:
            quoted = not closing
        if quoted or not _capitalised(token):
            continue
        short = sum(not t.is_punct for t in doc[:k]) <= _LONGEST_HEADLINE
        if _capitalised(before):
            if short and (token.tag_ in _LEDE_TAGS or token.tag_ == "NNS"):
                return k  # "... wins Cesar A film that ...", "... - TUC Plans to shed ..."
            continue
        start = _lede_start(doc, k, closing, short)
        if start is not None:
            return start
        if particle is None and before.tag_ == "RP" and before.text.islower():
            particle = k  # "... to stand down Veteran Labour MP ...", unless "plays down Varig rescue The ..."
        if short and before.is_alpha and before.text.islower() and (
                before.lower_ not in _NOT_BEFORE_NAMES | _TITLES | _CLAUSE_WORDS):
            last = k
    return particle


def _lede_start(doc: Doc, k: int, closing: bool, short: bool) -> int | None:
    """Where the lede starts if the capitalised word k, after a word that is not capitalised, or
    the run of capitalised words it starts, begins it. After a title ("striker Adrian Mutu") only
    a title of the name the headline gave does. A common word or a name given again starts a lede
    only after a headline's length of words (``short``)."""
    before = doc[k - 1]
    titled = before.lower_ in _TITLES
    after_word = before.is_alpha and before.text.islower() and not titled and (
        before.lower_ not in _NOT_BEFORE_NAMES or before.tag_ == "RP")
    # a particle ends a headline when it ends a hyphened noun ("Yukos split-up"); after a verb's
    # ("plays down Varig rescue") the lede starts there only if nothing later starts it
    last_word = before.tag_ in _LAST_TAGS and (before.tag_ != "RP" or doc[k - 2].text == "-")
    if closing or (after_word and ((short and _common_word(doc, k)) or last_word or (
            doc[k].tag_ in _LEDE_TAGS and before.tag_ not in _NOT_LAST_TAGS))):
        return _after_repeat(doc, k)
    start = _named_again(doc, k) if short and before.lower_ not in _CLAUSE_WORDS else None
    if start is None or (start == k and not (after_word or _score(doc, k))):
        return None
    return start


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _common_word(doc: Doc, k: int) -> bool:
    """A word capitalised only because a sentence starts with it: "The", "Six", "Shares", or a
    noun the text writes in lower case too ("Television", "Actress")."""
    token = doc[k]
    if token.tag_ in _LEDE_TAGS:
        return True
    return token.tag_ in ("NN", "NNS") and (token.lower_ in _TITLES or any(
        t.text == token.lower_ for t in doc[: min(len(doc), 200)]))


def _score(doc: Doc, k: int) -> bool:
    """A score line's second side starts at k ("Wasps 31-37 Leicester ...")."""
    return k >= 3 and doc[k - 1].like_num and doc[k - 2].text == "-" and doc[k - 3].like_num


def _named_again(doc: Doc, k: int) -> int | None:
    """Where the lede starts in the capitalised run from k when the run names an actor the
    headline named: at the second half of a double ("Leicester Leicester", "New Zealand New
    Zealand"), else at the repeated word, or at the first name before it with the titles before
    that ("Budget Chancellor Gordon Brown", "Liverpool winger Harry Kewell"). A score's second
    side keeps the run's first word ("Livingston Hearts")."""
    end = k
    while end < len(doc) and _capitalised(doc[end]) and doc[end].tag_ != "DT":
        end += 1
    words = [t.text for t in doc[k:end]]
    for half in range(1, len(words) // 2 + 1):
        if words[-half:] == words[-2 * half:-half]:
            return end - half
    seen = {t.text.lower() for t in doc[:k] if t.is_alpha}
    for j in range(k, end):
        if len(doc[j]) > 2 and doc[j].lower_ in seen:
            if j == k:
                return None if _score(doc, k) else k
            if end < len(doc) and _lowercase_title(doc, end):
                return j  # "... keep Gerrard Liverpool chief executive Rick Parry ..."
            if doc[j - 1].tag_ != "NNP":
                return None  # "... surge past Scots Ireland ..." names no one by a first name
            return _with_titles(doc, max(j - 1, k + 1) if _score(doc, k) else j - 1)
        seen.add(doc[j].lower_)
    return None


def _with_titles(doc: Doc, start: int) -> int:
    """Back from a name over its titles ("Chancellor Gordon Brown", "Fly-half Jonny Wilkinson")
    and the body of a lowercase one ("Liverpool winger Harry Kewell")."""
    while start > 2:
        before = doc[start - 1]
        if before.text == "-" and not before.whitespace_ and not doc[start - 2].whitespace_:
            start -= 2  # "scrum-half", "Fly-half"
        elif before.lower_ in _TITLES - KIN_NOUNS:
            start -= 1
        elif _capitalised(before) and _lowercase_title(doc, start):
            return start - 1
        else:
            return start
    return start


def _lowercase_title(doc: Doc, i: int) -> bool:
    """A title in lower case at i: "winger", "scrum-half"."""
    if not doc[i].text.islower():
        return False
    hyphened = i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in _TITLES
    return doc[i].lower_ in _TITLES or hyphened


def _after_repeat(doc: Doc, k: int) -> int:
    """The headline's last name repeated in full by the lede ("Straw attacks Blair Tony Blair has
    ...") stays in the headline: the lede starts at "Tony"."""
    end = k
    while end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    return k + 1 if end - k >= 3 and doc[k].text == doc[end - 1].text else k


@Language.component(COMPONENT)
def split_headline(doc: Doc) -> Doc:
    """Mark the start of the lede when a headline runs into it (runs between tagger and parser)."""
    k = headline_end(doc)
    if k is not None:
        for token in doc[1:k]:
            token.is_sent_start = False  # nor is the headline broken up ("Wasps 31-37 Leicester")
        doc[k].is_sent_start = True
        # and the lede's first words stay in it ("MP George Galloway is to stand ...")
        for token in doc[k + 1 : k + _LEDE_START]:
            token.is_sent_start = False
    return doc
