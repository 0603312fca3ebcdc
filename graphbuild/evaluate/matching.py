"""How system triples are matched to gold ones: names and relations (``graphbuild eval``).

The matching rules are those of the project's reference scorer (``eval/score.py`` in the
evaluation data; its README states them), ported here with types so that ``graphbuild eval``
agrees with it number for number:

1. names are normalised (HTML entities, accents, case, punctuation, possessive ``'s``, titles);
2. a system name matches a gold entity by exact normalised name or alias, else leniently by
   token subset including the last token;
3. only triples whose both ends match gold entities (*grounded*) count for precision;
4. relations match on the same head word or a shared content word after lemmatising and
   Porter stemming;
5. direction must match unless the gold triple is symmetric; negation is not scored;
6. each gold triple matches at most once, greedily in system order (further ones are duplicates).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from nltk.stem import PorterStemmer

__all__ = ["EntityIndex", "Signature", "lenient_match", "name_tokens", "norm_name", "rel_signature", "relation_match",
           "relation_tokens"]

_PORTER = PorterStemmer()


def _stem(word: str) -> str:
    return str(_PORTER.stem(word))


TITLE_WORDS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "president", "chancellor", "secretary",
    "minister", "lord", "lady", "the",
})

HONORIFICS: frozenset[str] = frozenset({"mr", "mrs", "ms", "dr", "the"})

STOP: frozenset[str] = frozenset({"be", "have", "do", "to", "of", "with", "in", "on", "at", "for", "from", "by",
        "the", "a", "an", "not"})
AUX: frozenset[str] = frozenset({"is", "am", "are", "was", "were", "been", "being", "has", "had", "having",
       "does", "did", "done", "doing", "will", "would", "shall", "should", "can",
       "could", "may", "might", "must", "no", "never", "s", "its", "their", "his", "her"})
# prepositions / particles: never content words
PARTICLES: frozenset[str] = frozenset({"up", "down", "out", "off", "over", "into", "onto", "about", "against",
             "through", "after", "before", "back", "away", "as", "than", "like", "between",
             "under", "within", "without", "toward", "towards", "across", "around", "upon",
             "via", "per", "and", "or", "that", "it", "them", "him", "itself", "who"})
# adverbs / light modifiers that should not on their own make two relations match
LIGHT: frozenset[str] = frozenset({"also", "still", "just", "only", "even", "more", "most", "very", "again",
         "already", "recently", "formerly", "former", "new", "first", "reportedly",
         "officially", "publicly", "openly", "repeatedly", "jointly", "allegedly",
         "expect", "plan", "try", "want", "seek", "help", "begin", "continue", "able",
         "due", "likely", "set", "go", "get", "make", "take", "give", "say", "hold"})

IRREGULAR: dict[str, str] = {
    "met": "meet", "told": "tell", "said": "say", "says": "say", "led": "lead",
    "held": "hold", "sold": "sell", "bought": "buy", "won": "win", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "made": "make", "went": "go",
    "gone": "go", "came": "come", "sent": "send", "left": "leave", "saw": "see",
    "seen": "see", "spoke": "speak", "spoken": "speak", "wrote": "write",
    "written": "write", "brought": "bring", "fought": "fight", "paid": "pay",
    "lent": "lend", "lost": "lose", "began": "begin", "begun": "begin", "chose": "choose",
    "chosen": "choose", "struck": "strike", "flew": "fly", "flown": "fly", "grew": "grow",
    "grown": "grow", "knew": "know", "known": "know", "threw": "throw", "thrown": "throw",
    "drove": "drive", "driven": "drive", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "found": "find", "kept": "keep", "meant": "mean", "stood": "stand",
    "taught": "teach", "thought": "think", "ran": "run", "sat": "sit", "felt": "feel",
    "heard": "hear", "built": "build", "spent": "spend", "sought": "seek",
    "caught": "catch", "dealt": "deal", "fled": "flee", "got": "get", "gotten": "get",
    "hung": "hang", "shot": "shoot", "slept": "sleep", "stole": "steal",
    "stolen": "steal", "swore": "swear", "sworn": "swear", "tore": "tear", "torn": "tear",
    "upheld": "uphold", "withdrew": "withdraw", "withdrawn": "withdraw",
    "overtook": "overtake", "underwent": "undergo", "undergone": "undergo",
    "broke": "break", "broken": "break", "drew": "draw", "drawn": "draw",
    "forgot": "forget", "forgotten": "forget", "ate": "eat", "fed": "feed",
    "forbade": "forbid", "forgave": "forgive", "froze": "freeze", "frozen": "freeze",
    "rang": "ring", "swept": "sweep", "undertook": "undertake", "bore": "bear",
    "borne": "bear", "wore": "wear", "worn": "wear", "won't": "will", "arose": "arise",
    "arisen": "arise", "awoke": "awake", "became": "become", "bent": "bend",
    "bound": "bind", "foresaw": "foresee", "forsook": "forsake",
    "hid": "hide", "hidden": "hide", "laid": "lay", "lit": "light", "mistook": "mistake",
    "overcame": "overcome", "overthrew": "overthrow", "oversaw": "oversee",
    "overseen": "oversee", "rebuilt": "rebuild", "rode": "ride", "sank": "sink",
    "sang": "sing", "shook": "shake", "shaken": "shake", "slid": "slide", "sped": "speed",
    "spun": "spin", "sprang": "spring", "stuck": "stick", "stung": "sting",
    "strove": "strive", "swam": "swim", "swung": "swing", "thrust": "thrust",
    "understood": "understand", "woke": "wake", "wove": "weave", "wept": "weep",
    "withheld": "withhold", "withstood": "withstand", "wrung": "wring",
    "is": "be", "am": "be", "are": "be", "was": "be", "were": "be", "been": "be",
    "being": "be", "has": "have", "had": "have", "having": "have", "does": "do",
    "did": "do", "done": "do", "doing": "do",
}


def _fold(text: str) -> str:
    text = html.unescape(text or "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()


def name_tokens(name: str, *, strip_titles: bool = True) -> list[str]:
    """Normalised tokens of an entity name, dropping titles (or only honorifics)."""
    text = _fold(name)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)'(?=\s|$)", "", text)
    text = re.sub(r"['.]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    tokens = text.split()
    drop = TITLE_WORDS if strip_titles else HONORIFICS
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if strip_titles and token == "prime" and i + 1 < len(tokens) and tokens[i + 1] == "minister":
            i += 2
            continue
        if token not in drop:
            out.append(token)
        i += 1
    return out


def _ends_with_title(name: str) -> bool:
    tokens = name_tokens(name, strip_titles=False)
    return bool(tokens) and tokens[-1] in TITLE_WORDS


def norm_name(name: str) -> str:
    """The title-stripped normal form of a name."""
    return " ".join(name_tokens(name))


_CONNECT = frozenset({"of", "for", "de", "du", "del"})


def _head_before_connector(tokens: Sequence[str]) -> str | None:
    for i, token in enumerate(tokens):
        if token in _CONNECT:
            return tokens[i - 1] if i > 0 else None
    return None


def lenient_match(sys_tokens: Sequence[str], canon_tokens: Sequence[str]) -> bool:
    """Token-subset match that must include the shorter name's last token."""
    if not sys_tokens or not canon_tokens:
        return False
    s, c = set(sys_tokens), set(canon_tokens)
    if s <= c and canon_tokens[-1] in s:
        head = _head_before_connector(canon_tokens)
        if head is None or head in s:
            return True
    if c <= s and sys_tokens[-1] in c:
        head = _head_before_connector(sys_tokens)
        if head is None or head in c:
            return True
    return False


class EntityIndex:
    """Resolve system names to gold entity names for one article."""

    def __init__(self, entities: Iterable[dict[str, Any]]) -> None:
        self.names: list[str] = []
        self.exact_full: dict[str, set[str]] = defaultdict(set)
        self.exact_strip: dict[str, set[str]] = defaultdict(set)
        self.canon_tokens: dict[str, list[str]] = {}
        for entity in entities:
            self.names.append(entity["name"])
            for form in [entity["name"], *(entity.get("aliases") or [])]:
                full = " ".join(name_tokens(form, strip_titles=False))
                if full:
                    self.exact_full[full].add(entity["name"])
                strip = norm_name(form)
                if strip and not _ends_with_title(form):
                    self.exact_strip[strip].add(entity["name"])
            self.canon_tokens[entity["name"]] = name_tokens(entity["name"])
        self._cache: dict[str, frozenset[str]] = {}

    def resolve(self, sys_name: str) -> frozenset[str]:
        if sys_name in self._cache:
            return self._cache[sys_name]
        full = " ".join(name_tokens(sys_name, strip_titles=False))
        strip = norm_name(sys_name)
        if full and full in self.exact_full:
            found = frozenset(self.exact_full[full])
        elif strip and strip in self.exact_strip:
            found = frozenset(self.exact_strip[strip])
        elif strip:
            tokens = strip.split()
            found = frozenset(n for n, ct in self.canon_tokens.items() if lenient_match(tokens, ct))
        else:
            found = frozenset()
        self._cache[sys_name] = found
        return found


def _lemma_stem(token: str) -> str:
    token = IRREGULAR.get(token, token)
    token = re.sub(r"iz(e|ed|es|ing|ation|ations)$", r"is\1", token)
    return _stem(token)


_STOP_ALL = STOP | AUX
_NONCONTENT = STOP | AUX | PARTICLES | {_stem(w) for w in STOP | AUX | PARTICLES}
_LIGHT_STEMS = {_lemma_stem(w) for w in LIGHT}
Signature = tuple[str | None, frozenset[str]]


def relation_tokens(relation: str | Sequence[str]) -> list[str]:
    """Stemmed relation words; function words kept as ``#word`` placeholders."""
    text = relation if isinstance(relation, str) else " ".join(str(r) for r in relation)
    text = _fold(text).replace("n't", " not")
    out: list[str] = []
    for token in re.split(r"[^a-z0-9]+", text):
        if not token:
            continue
        if token in _STOP_ALL or IRREGULAR.get(token) in STOP:
            out.append("#" + IRREGULAR.get(token, token))
        elif token in PARTICLES:
            out.append("#" + token)
        else:
            out.append(_lemma_stem(token))
    return out


def rel_signature(relation: str | Sequence[str]) -> Signature:
    """(head word, content words) of a relation phrase."""
    tokens = relation_tokens(relation)
    words = [t for t in tokens if not t.startswith("#")]
    content = [t for t in words if t not in _LIGHT_STEMS and t not in _NONCONTENT]
    if content:
        head: str | None = content[0]
    elif words:
        head = words[0]
    elif tokens:
        head = tokens[0]
    else:
        head = None
    return head, frozenset(content)


def relation_match(system: Signature, gold: Sequence[Signature]) -> int:
    """0: no match, 2: same head word, 1: a shared content word only."""
    best = 0
    for head, content in gold:
        if system[0] is not None and system[0] == head:
            return 2
        if system[1] & content:
            best = 1
    return best
