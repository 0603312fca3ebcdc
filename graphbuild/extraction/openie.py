"""Open information extraction: every subject–relation–object tuple, not only actor-to-actor ones.

Where :mod:`graphbuild.extraction.extractor` builds the actor graph, this module emits clause-level tuples
with their words as written (``arg1``, ``relation``, ``arg2``, further arguments), as Open IE
benchmarks such as CaRB score them. Rules, on the dependency parse:

* a verb with its subject (own, or inherited through coordination, control and relative
  clauses) gives (subject, aux + verb + particle, object), with prepositional phrases and time
  expressions as further arguments; with no direct object the first preposition joins the
  relation (``travelled to`` Moscow);
* passive verbs keep their surface (``was criticised by``);
* a copula gives (subject, ``is``, complement);
* an apposition or a title gives (name, ``is``, description): "Sergei Shoigu, Russia's defence
  minister" → (Sergei Shoigu, is, Russia 's defence minister).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = ["OpenTriple", "open_triples", "parse_pretokenized"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "acomp", "dative", "ccomp", "xcomp"})
_ARGS = frozenset({"prep", "agent", "npadvmod", "advmod"})
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_SKIP_IN_SPAN = frozenset({"relcl", "appos", "punct", "cc", "conj", "mark"})
_TIME_WORDS = frozenset({"today", "yesterday", "tomorrow", "now", "then", "later", "earlier", "recently",
                         "year", "month", "week", "day", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
                         "june", "july", "august", "september", "october", "november", "december"})


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenTriple:
    """One open extraction: words as written, with a confidence."""

    arg1: str
    relation: str
    arg2: str
    extra: tuple[str, ...] = ()
    confidence: float = 0.5
    rule: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0


def parse_pretokenized(nlp: Language, words: Sequence[str]) -> Doc:
    """Parse a sentence that is already tokenised (e.g. PTB text), keeping its tokens."""
    doc = Doc(nlp.vocab, words=list(words))
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _text(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _span(token: Token, *, drop: frozenset[str] = _SKIP_IN_SPAN) -> list[Token]:
    """The phrase a token heads, without relative clauses, appositions and coordinated parts."""
    keep: list[Token] = []

    def walk(t: Token) -> None:
        keep.append(t)
        for child in t.children:
            if child.dep_ in drop and t.i == token.i:
                continue
            if child.dep_ in {"relcl", "appos"}:
                continue
            walk(child)

    walk(token)
    keep.sort(key=lambda t: t.i)
    # trim punctuation at the edges
    while keep and keep[0].is_punct:
        keep.pop(0)
    while keep and keep[-1].is_punct:
        keep.pop()
    # keep it contiguous from the head's side
    return keep


def _subject(verb: Token, depth: int = 0) -> Token | None:
    if depth > 5:
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if verb.dep_ in {"xcomp", "advcl"} and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl":
        return verb.head
    return None


def _relation_tokens(verb: Token) -> list[Token]:
    parts = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "prt"}]
    return sorted([*parts, verb], key=lambda t: t.i)


def _is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or token.lower_ in _TIME_WORDS


def _verb_triples(verb: Token, sentence: str) -> Iterator[OpenTriple]:
    """Clause tuples of one verb (see the module docstring)."""
    subject = _subject(verb)
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ in {"it"} and verb.lemma_ == "be"):
        return
    arg1 = _text(_span(subject))
    if not arg1:
        return
    relation = _relation_tokens(verb)
    objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.dep_ not in {"xcomp", "ccomp"}]
    preps = [c for c in verb.children if c.dep_ in {"prep", "agent"}]
    times = [c for c in verb.children if c.dep_ in {"npadvmod"} or (c.dep_ == "advmod" and _is_time(c))]
    extra_preps = [_text(_span(p, drop=frozenset({"punct", "cc", "conj"}))) for p in preps]
    extras = [_text(_span(t)) for t in times]
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    confidence = 0.8 if verb.dep_ in {"ROOT", "ccomp", "conj"} else 0.65
    if objects:
        for obj in objects:
            yield OpenTriple(arg1=arg1, relation=_text(relation), arg2=_text(_span(obj)),
                             extra=tuple(e for e in [*extra_preps, *extras] if e),
                             confidence=confidence, rule="svo", sentence=sentence)
            for conj in obj.conjuncts:
                yield OpenTriple(arg1=arg1, relation=_text(relation), arg2=_text(_span(conj)),
                                 confidence=confidence - 0.1, rule="svo_conj", sentence=sentence)
    elif preps:
        first, rest = preps[0], preps[1:]
        pobjs = [c for c in first.children if c.dep_ in {"pobj", "pcomp"}]
        if pobjs:
            rel = _text(sorted([*relation, first], key=lambda t: t.i))
            yield OpenTriple(arg1=arg1, relation=rel, arg2=_text(_span(pobjs[0])),
                             extra=tuple(e for e in [*(_text(_span(p)) for p in rest), *extras] if e),
                             confidence=confidence - (0.05 if passive else 0.1), rule="prep", sentence=sentence)
    else:
        complements = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
        for comp in complements:
            yield OpenTriple(arg1=arg1, relation=_text(relation), arg2=_text(_span(comp, drop=frozenset())),
                             extra=tuple(extras), confidence=confidence - 0.2, rule="clause", sentence=sentence)


def _appos_triples(token: Token, sentence: str) -> Iterator[OpenTriple]:
    for child in token.children:
        if child.dep_ == "appos":
            head = _text(_span(token))
            description = _text(_span(child))
            if head and description:
                yield OpenTriple(arg1=head, relation="is", arg2=description, confidence=0.7,
                                 rule="appos", sentence=sentence)
    if token.ent_type_ == "PERSON" and token.dep_ != "compound":
        titles = [c for c in token.children
                  if c.dep_ == "compound" and c.ent_type_ != "PERSON" and c.pos_ in {"NOUN", "PROPN"}]
        if titles:
            name = [t for t in _span(token) if t.ent_type_ == "PERSON"]
            yield OpenTriple(arg1=_text(name), relation="is", arg2=_text(titles), confidence=0.6,
                             rule="title", sentence=sentence)


def open_triples(doc: Doc | Span, *, sentence: str | None = None, offset: int = 0) -> Iterator[OpenTriple]:
    """Yield every open extraction of a parsed text, sentence by sentence.

    Args:
        doc: a parsed document, or one sentence span.
        sentence: the sentence text to report (default: the sentence as parsed).
        offset: added to the sentence offsets (for a chunk of a longer text).
    """
    sentences = [doc] if isinstance(doc, Span) else list(doc.sents)
    for sent in sentences:
        raw = sent.text
        lead = len(raw) - len(raw.lstrip())
        text = sentence if sentence is not None else raw.strip()
        start = sent.start_char + lead + offset
        for token in sent:
            found: list[OpenTriple] = []
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"}):
                found += _verb_triples(token, text)
            if token.pos_ in {"NOUN", "PROPN"}:
                found += _appos_triples(token, text)
            for triple in found:
                yield replace(triple, start=start, end=start + len(raw.strip()),
                              confidence=round(triple.confidence, 2))
