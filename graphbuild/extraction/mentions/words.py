"""The word lists that mention finding and resolution share: labels, nouns, pronouns, titles."""

from __future__ import annotations

from graphbuild.extraction.nlp import ACTOR_LABELS as ACTOR_LABELS  # spaCy entity labels that name actors
from graphbuild.model import EntityType
from graphbuild.names import HONORIFICS, TITLE_WORDS

#: Words that make a region of a place: "eastern Europe" is its own place, not Europe.
COMPASS = frozenset({
    "eastern", "western", "northern", "southern", "central", "east", "west", "north", "south",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
})
#: Nouns that make "<country> <noun>" stand for the country.
GOVERNMENT_WORDS = frozenset({"government", "administration", "authorities", "cabinet"})
#: The people who act for a country's state, named with its demonym: "Italian prosecutors".
STATE_AGENTS = frozenset({"police", "prosecutors", "investigators", "regulators", "officials", "diplomats",
                          "negotiators", "ministers", "customs"})
#: A country's courts stand for it ("filed in a US court"); a city's court does not ("a Houston court").
COURT_WORDS = frozenset({"court"})
#: Nouns that name a part of an actor and can stand for it ("troops of X", "members of X").
PARTITIVE = frozenset({
    "unit", "member", "troop", "force", "soldier", "official", "representative", "delegation", "delegate",
    "spokesman", "spokeswoman", "spokesperson", "part", "majority", "minority", "section", "wing", "branch",
})
#: Nouns for the kind of a named body, which the name stands for: "the Interfax news agency", "its
#: Eurex derivatives business", "the Bisnis Indonesia newspaper".
KIND_NOUNS = frozenset({
    "business", "division", "arm", "subsidiary", "newspaper", "paper", "agency", "programme", "program",
    "website", "channel", "station", "network", "brand", "label", "magazine", "daily", "tabloid", "service",
})
#: A party's people, who act for it: "angry Labour MPs warned Mr Blair", "Tory rebels".
PARTY_MEMBERS = frozenset({"mp", "mep", "msp", "backbencher", "activist", "peer", "councillor", "rebel"})
#: People of a body who, named in the plural with it, act for it: "Siemens executives held talks with Nokia".
BODY_PEOPLE = frozenset({
    "boss", "executive", "official", "chief", "director", "negotiator", "leader", "minister", "lawyer",
    "spokesman", "spokeswoman", "spokesperson", "representative", "diplomat", "manager", "shareholder",
}) | PARTY_MEMBERS
#: Nouns for a person's rule that stand for the ruler: "money from Saddam Hussein's regime" → Saddam Hussein.
RULER_NOUNS = frozenset({"regime", "dictatorship", "junta"})
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them"})
#: Honorifics that make the name after them a person's ("Mr Cable"), and peers' titles that do too.
PERSON_HONORIFICS = HONORIFICS - {"the"}
PEER_TITLES = frozenset({"lord", "lady", "baroness", "baron"})
#: A person's gender as the article's own honorifics give it (Mr Galloway, Ms King), for he/she.
MALE_HONORIFICS = frozenset({"mr", "sir"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame"})
PRONOUN_GENDER = {"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
THING_PRONOUNS = frozenset({"it"})
#: Nouns that name a body, not a person: "oil group Yukos", "Yukos, Yugansk's former owner".
ORG_NOUNS = frozenset({
    "group", "company", "firm", "bank", "giant", "exchange", "bourse", "party", "newspaper", "agency",
    "operator", "producer", "carrier", "airline", "maker", "insurer", "retailer", "broker", "brokerage",
    "conglomerate", "corporation", "subsidiary", "owner", "network", "broadcaster", "daily", "tabloid",
    "suitor", "bidder",
})
#: Body nouns that, bare ("the newspaper said"), refer back to an organisation. Not "the group"
#: (a squad, a band) nor "the giant", and not nouns for a role a body plays ("the owner", "the
#: bidder"); an alliance is a body too.
BODY_DESCRIPTIONS = (ORG_NOUNS - {
    "group", "giant", "agency", "broker", "brokerage", "subsidiary", "owner", "network", "suitor", "bidder",
}) | {"alliance", "bloc", "coalition"}
#: Bare nouns for the press ("told the newspaper"), and the words the names of papers and
#: broadcasters are made of: "the newspaper" is a paper, not the police force named before it.
PRESS_DESCRIPTIONS = frozenset({"newspaper", "daily", "tabloid", "broadcaster"})
PRESS_NAME_WORDS = frozenset({
    "times", "telegraph", "guardian", "independent", "mail", "mirror", "sun", "express", "post", "herald",
    "journal", "observer", "chronicle", "tribune", "gazette", "standard", "star", "record", "scotsman",
    "news", "economist", "spectator", "today", "daily", "sunday", "weekly", "press", "bbc", "itv", "cnn",
    "sky", "channel", "radio", "tv", "television", "broadcasting", "reuters", "bloomberg", "spiegel", "monde",
    "figaro", "zeitung", "pravda", "izvestia", "kommersant", "asahi", "shimbun", "yomiuri", "nikkei",
})
#: Possessive pronouns and the personal pronoun each resolves like.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
#: Offices a person holds in a body or country, the nouns a possessive pronoun can own ("its
#: founder", "its minister for economic affairs"): titles without their modifiers, and more.
OFFICE_NOUNS = (TITLE_WORDS - {"the", "former", "ex", "foreign", "defence", "defense", "home", "interior", "finance",
                               "deputy", "shadow", "prime"}) | {
    "founder", "co-founder", "owner", "head", "leader", "boss", "member", "spokesman", "spokeswoman",
    "spokesperson", "editor", "executive", "officer", "ambassador", "envoy", "adviser", "advisor", "commissioner"}
#: Verbs whose subject "it" is usually a dummy ("it is wrong to…", "it emerged that…").
DUMMY_IT_VERBS = frozenset({
    "be", "seem", "appear", "emerge", "come", "take", "remain", "happen", "matter", "look", "mean", "rain",
    "make", "say", "report", "understand", "believe", "expect", "know", "think", "turn", "become", "cost",
})
GROUP_TYPES = frozenset({EntityType.ORG, EntityType.GPE, EntityType.NORP})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Types a lone surname may carry when spaCy mislabels it, and still merge into a person.
SURNAME_TYPES = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.NORP, EntityType.FAC})
#: How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
#: Tie-break order when a name carries several types.
TYPE_PRIORITY = (
    EntityType.PERSON, EntityType.GPE, EntityType.ORG, EntityType.NORP,
    EntityType.LOC, EntityType.FAC, EntityType.EVENT, EntityType.OTHER,
)

#: Nouns that end a possessed name: "BBC Radio 4's Today programme".
MEDIA_NOUNS = frozenset({
    "programme", "program", "show", "newspaper", "magazine", "channel", "website", "podcast", "bulletin",
    "documentary", "series",
})
#: Tokens that mark a possessive ("BBC Radio 4's", "the Times'").
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: Entity labels that are not names of things an organisation has ("Russia's Monday deadline").
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})

#: Titles whose holders are elected for a place: a name before them is the constituency or state.
SEAT_TITLES = frozenset({"mp", "mep", "msp", "senator", "congressman", "congresswoman", "governor", "mayor"})

#: Nouns that, named by a place, people or body before them, are events: "the London conference".
#: Of them, the ones that happen rather than are held: "the Madrid rail bombing" took place in Madrid.
HAPPENING_NOUNS = frozenset({"bombing", "tsunami", "earthquake"})
EVENT_NOUNS = frozenset({"election", "conference", "summit", "referendum", "marathon", "festival", "championship",
                         "championships", "tournament"}) | HAPPENING_NOUNS
EVENT_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})
#: The stages of a named event, which stand for it: "the Wimbledon final", "the Six Nations opener".
EVENT_STAGES = frozenset({"final", "semi-final", "semifinal", "quarter-final", "opener", "showpiece", "ceremony"})

#: Nouns that make a people's armed forces an actor: "British forces", "Russian troops".
FORCE_NOUNS = frozenset({"forces", "troops", "soldiers"})

#: Nouns that make a named group of countries an actor: "the Baltic states", "the Gulf states".
STATE_GROUP_NOUNS = frozenset({"states", "republics", "countries", "nations"})

MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "&"})

ROLE_DEPS = frozenset({"compound", "amod", "nmod"})
#: Nouns that name a work: "the film Vera Drake", "his novel Atonement" (the name is a work, not a body).
WORK_NOUNS = frozenset({
    "film", "movie", "drama", "series", "sitcom", "show", "programme", "documentary", "play", "musical", "novel",
    "book", "album", "single", "song", "opera", "ballet", "soap", "thriller", "blockbuster", "biopic", "epic",
    "cartoon", "comedy", "memoir", "biography", "painting", "sculpture", "video", "franchise",
})
#: Participles that credit the person after them with the work set off before them, and what the
#: person did: "Closer, directed by Mike Nichols," → direct.
CREDIT_PARTICIPLES = {
    "directed": "direct", "written": "write", "co-written": "write", "produced": "produce", "composed": "compose",
    "starring": "star_in", "co-starring": "star_in",
}
#: How many words after a credit's "by" the credited person's name may start ("by Oscar-winning director X").
CREDIT_REACH = 6
#: The last words of the name of a law or treaty: "the Licensing Act", "the Kyoto Protocol".
LAW_HEADS = frozenset({"Act", "Bill", "Treaty", "Directive", "Protocol", "Accord"})
#: What any law is called once named: "the legislation".
ANY_LAW = frozenset({"law", "legislation"})
#: What a law is called once named: "the bill" (its own head word), or "the legislation".
LAW_DESCRIPTIONS = frozenset({*(head.lower() for head in LAW_HEADS), *ANY_LAW})
#: Words that make a sentence one about awards ("best actress nominees include X for Y").
AWARD_WORDS = frozenset({"award", "awards", "nominee", "nominees", "nomination", "nominations", "nominated", "prize",
                         "category", "oscar", "oscars", "bafta", "baftas", "globe", "globes"})
#: The longest headline, in tokens, that a lede may follow in the same line of text.
MAX_HEADLINE = 16
#: Last words of a named site: "Leicester Square", "the Point Theatre", "the Gold Coast".
SITE_NOUNS = frozenset({
    "square", "street", "road", "avenue", "lane", "park", "garden", "gardens", "theatre", "theater", "hall",
    "centre", "center", "arena", "stadium", "palace", "castle", "abbey", "cathedral", "church", "museum",
    "gallery", "bridge", "airport", "station", "port", "harbour", "island", "islands", "coast", "valley",
    "river", "lake", "bay", "sea", "mountains", "hills", "forest", "gate", "tower", "house", "prison", "camp",
    "hospital", "university", "college", "market", "quarter", "district", "province", "region", "county",
    "state", "city", "town", "village", "strip", "bank", "peninsula", "desert", "plain", "plains",
})
#: The fields of ministers' and spokesmen's offices, which the model tags as names before the
#: title: "Home Secretary", "Culture, Media and Sport Secretary", "Work and Pensions Minister".
PORTFOLIO_WORDS = frozenset({
    "home", "defence", "defense", "education", "skills", "finance", "health", "foreign", "trade", "industry",
    "culture", "media", "sport", "transport", "environment", "economics", "economic", "economy", "constitutional",
    "affairs", "work", "pensions", "energy", "agriculture", "justice", "interior", "employment", "science",
    "technology", "communications", "tourism", "development", "international", "local", "government", "rural",
    "food", "shadow", "new", "and", "immigration", "planning", "housing", "business", "enterprise", "legal",
    "social", "security", "family", "families", "children", "women",
})
#: Labels for a team's players: "Chelsea striker X" → play_for.
PLAYER_NOUNS = frozenset({
    "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "full-back", "fullback",
    "centre-back", "flanker", "prop", "hooker", "lock", "fly-half", "scrum-half", "wing", "centre", "number",
    "batsman", "bowler", "spinner", "all-rounder", "player", "international", "scrum", "half", "sevens",
})
#: Labels for what someone is, not an office: "the Kenyan runner", "British director" → from their country.
PROFESSION_NOUNS = frozenset({
    "actor", "actress", "singer", "star", "runner", "athlete", "sprinter", "swimmer", "cyclist", "boxer", "golfer",
    "skier", "author", "writer", "novelist", "poet", "film-maker", "filmmaker", "comedian", "artist",
    "musician", "rapper", "band", "designer", "chef", "model", "entrepreneur", "businessman", "businesswoman",
    "billionaire", "tycoon", "magnate", "composer", "playwright", "photographer", "champion", "tennis", "jockey",
    "trainer", "driver", "skater", "gymnast", "dancer", "violinist", "pianist", "guitarist", "drummer", "duo",
    "rocker", "songwriter", "economist", "scientist", "academic",
})
#: Labels for someone employed by or acting for a body: "a strategist at Y", "X spokesman" → work_for.
EMPLOYEE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "strategist", "correspondent", "reporter",
    "journalist", "presenter", "lawyer", "solicitor", "barrister", "adviser", "advisor", "consultant", "researcher",
    "specialist", "official", "employee", "worker", "engineer", "physiotherapist", "doctor", "scientist",
    "professor", "lecturer", "fellow", "staffer", "aide", "representative", "negotiator", "trader", "banker",
    "commentator", "columnist", "writer", "producer", "pundit",
})
