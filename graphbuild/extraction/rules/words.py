"""The word lists the extraction rules share: dependency labels, verb and noun classes, actor types."""

from __future__ import annotations

from graphbuild.extraction.mentions import FORCE_NOUNS
from graphbuild.model import Entity, EntityType

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: Modal auxiliaries that make a statement a possibility rather than a fact.
HEDGE_MODALS = frozenset({"would", "could", "may", "might", "can", "should", "must", "shall"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
#: Verbs whose infinitive complement states an intention or attempt, not a fact.
INTENT_VERBS = frozenset({
    "want", "plan", "hope", "seek", "try", "threaten", "intend", "aim", "expect", "consider",
    "propose", "attempt", "offer", "promise", "wish", "prepare", "vow", "pledge", "urge",
    "ask", "call", "persuade", "encourage", "push", "press", "need",
})
#: Verbs whose complement is denied.
NEGATING_VERBS = frozenset({"deny", "refuse", "reject", "fail", "decline", "rule"})
#: Verbs whose infinitive complement takes the verb's object as subject ("urged X to leave").
OBJECT_CONTROL = frozenset({
    "persuade", "urge", "ask", "tell", "force", "allow", "invite", "order", "encourage",
    "help", "enable", "require", "permit", "warn", "advise", "pressure", "press",
})
#: Reporting verbs: what their clausal complement states is attributed to their subject.
REPORTING_VERBS = frozenset({
    "say", "tell", "claim", "report", "add", "warn", "state", "insist", "argue", "announce", "allege",
    "suggest", "believe", "think", "admit", "confirm", "deny", "write", "explain", "note", "accuse",
})
#: Verbs and nouns of mutual action: coordinated actors act on each other ("X and Y agreed").
RECIPROCAL_VERBS = frozenset({
    "agree", "meet", "talk", "negotiate", "clash", "fight", "sign", "cooperate", "collaborate", "compete",
    "merge", "ally", "trade", "quarrel", "argue", "discuss", "partner", "unite", "reconcile", "war",
})
RECIPROCAL_NOUNS = frozenset({
    "talk", "talks", "meeting", "war", "clash", "conflict", "relation", "relations", "progress", "deal",
    "agreement", "negotiation", "negotiations", "dispute", "tension", "tensions", "peace", "summit", "trade",
    "rivalry", "partnership", "alliance", "merger", "ties", "dialogue",
})
#: Nouns of a match between two sides: "the tie between Manchester United and Everton" → play_against.
CONTEST_NOUNS = frozenset({"match", "tie", "game", "fixture", "final", "derby", "semi-final", "quarter-final"})
#: Verbs whose passive names the remover with "from": "expelled from Labour", "deported from Britain".
REMOVAL_VERBS = frozenset({
    "expel", "suspend", "ban", "bar", "exclude", "oust", "eject", "dismiss", "sack", "deport", "extradite",
})
#: Verbs whose passive names the broadcaster with "on": "shown on BBC One" → BBC One show.
BROADCAST_VERBS = frozenset({"show", "broadcast", "screen", "air", "televise", "stream"})
#: Actors that can remove someone (a party, a country, a group).
BODY_TYPES = frozenset({EntityType.ORG, EntityType.GPE, EntityType.NORP})
#: Reporting verbs that accuse: "the newspaper claimed he received money" → newspaper claim he.
CLAIM_VERBS = frozenset({"claim", "allege", "accuse", "warn", "demand"})
#: Words by which a reported clause judges its subject: "X said Y had failed", "... was a trusted friend".
VERDICT_WORDS = {
    "criticise": frozenset({
        "fail", "wrong", "lie", "mislead", "betray", "incompetent", "arrogant", "hypocritical", "disgrace",
        "disgraceful", "shameful", "irresponsible", "reckless", "complacent", "deceive", "cheat", "mismanage",
        "bungle", "botch", "dishonest", "cynical", "weak", "chaotic", "shambles", "scandal", "disaster",
        "squander", "waste", "abandon", "neglect", "ignore", "undermine", "damage", "sabotage", "naive", "foolish",
        "stupid", "absurd", "ridiculous", "outrageous", "appalling", "unacceptable", "inept", "useless", "pathetic",
        "shambolic", "clueless", "misguided", "mistaken", "deceitful", "corrupt", "cowardly", "insensitive",
        "unfair", "renege", "flout", "breach", "dodge"}),
    "praise": frozenset({
        "excellent", "outstanding", "brilliant", "superb", "fantastic", "valued", "trusted", "courageous",
        "admirable", "remarkable", "exceptional", "wonderful", "tremendous", "deserve", "succeed", "inspire",
        "talented", "gifted", "impressive", "heroic", "magnificent", "terrific", "loyal", "wise", "honourable",
        "decent", "invaluable"}),
}
#: Motion verbs: in "head for Moscow to speak with X" the clause's subject is the traveller.
MOTION_VERBS = frozenset({
    "head", "leave", "travel", "fly", "depart", "go", "come", "return", "sail", "set", "drive",
    "move", "race", "rush",
})
PLACE_TYPES = frozenset({EntityType.GPE, EntityType.LOC, EntityType.FAC})
JOURNEY_NOUNS = frozenset({"mission", "trip", "visit", "journey", "tour"})
#: A body's sites, named by their place: "Nissan's Sunderland plant", "its Paris office".
FACILITY_NOUNS = frozenset({"plant", "factory", "mill", "mine", "refinery", "office", "headquarters", "store",
                            "site", "works", "depot", "warehouse", "hub", "base"})
REGION_NOUNS = frozenset({"state", "region", "province", "county", "district", "borough"})
ALONG = frozenset({"along", "together"})
#: Nouns of intent whose infinitive says what their possessor means to do: "Russia's plan to invade".
INTENT_NOUNS = frozenset({
    "bid", "plan", "attempt", "effort", "decision", "pledge", "promise", "threat", "move", "push", "offer",
    "proposal", "intention", "ambition", "desire", "drive", "campaign", "measure", "step", "way", "means",
    "deal", "agreement", "contract"})
#: Nouns of a demand whose owner is what one yields to or resists: "bowed to US pressure" → bow_to US.
PRESSURE_NOUNS = frozenset({"pressure", "demand", "request", "objection", "opposition"})
#: Nouns whose infinitive is done by whoever has them: "the chance to take on Galloway".
CHANCE_NOUNS = frozenset({"chance", "opportunity"})
#: What a body's named business is called: "its Eurex derivatives market" (see `business_owner`).
BUSINESS_NOUNS = frozenset({"market", "unit", "subsidiary", "arm", "division", "business", "brand", "bank",
                             "exchange", "airline", "network", "channel", "label", "chain", "operation"})
#: Words that make a body named with a demonym part of that country's state.
STATE_NOUNS = FORCE_NOUNS | {
    "ministry", "department", "army", "navy", "police", "parliament", "government", "embassy", "military",
    "office", "cabinet", "intelligence", "coastguard", "guard", "service", "council", "court", "agency"}
ROLE_PREPS = frozenset({"of", "for", "at", "in", "to", "with", "from", "under"})
MAX_NOUN_CHAIN = 2
#: Labels for a player: "Chelsea striker X", "England flanker Y" → play_for.
#: Capitalised words of a title that belong in the relation's wording ("Home Secretary", "Shadow
#: Foreign Secretary", "Prime Minister"), unlike a name ("Wales coach", "ECB president").
TITLE_MODIFIERS = frozenset({
    "home", "defence", "defense", "health", "education", "culture", "trade", "environment", "transport", "work",
    "business", "energy", "justice", "treasury", "shadow", "prime", "deputy", "vice", "foreign", "interior",
    "finance", "chief", "general", "attorney", "secretary", "minister", "state", "economics", "economy",
    "director", "high", "executive",
})
#: Family ties a noun before a name gives: "his wife Cherie Blair", "she and sister Venus".
KIN_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "sibling", "cousin",
    "uncle", "aunt", "niece", "nephew", "grandson", "granddaughter", "grandfather", "grandmother", "widow",
    "widower", "fiance", "fiancee", "partner", "girlfriend", "boyfriend",
})
#: Labels for a business: "US oil giant Exxon", "Swedish carmaker Volvo" → based_in the country.
COMPANY_NOUNS = frozenset({
    "company", "firm", "group", "giant", "maker", "carmaker", "automaker", "manufacturer", "retailer",
    "supermarket", "chain", "airline", "carrier", "operator", "producer", "insurer", "broker", "brokerage",
    "conglomerate", "corporation", "consortium", "miner", "multinational", "supplier", "developer", "publisher",
    "distributor", "exporter", "importer", "lender", "utility", "telecoms", "bookmaker", "brewer", "rival",
})
#: Verbs whose object noun says what they do: "held a meeting at No 10" → hold_meeting_at.
LIGHT_VERBS = frozenset({"hold", "have", "make", "take", "give", "reach", "strike", "sign", "launch", "lodge", "file",
                         "place", "raise", "pay", "put", "win", "play"})


#: Parties whose names do not end in "Party".
PARTY_NAMES = frozenset({"Liberal Democrats", "Plaid Cymru", "Sinn Fein", "Greens", "Respect"})


def is_party(entity: Entity) -> bool:
    """Whether ``entity`` is a political party: one belongs to it rather than works for it."""
    return entity.type is EntityType.ORG and (entity.name.endswith("Party") or entity.name in PARTY_NAMES)
