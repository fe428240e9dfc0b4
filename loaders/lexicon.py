"""Word lists the extraction rules share: triggers, titles, victims, reporting verbs.

Lemmas, lower case. Each list names a construction of English news prose, never an article's wording.
"""

from __future__ import annotations

# --- names -----------------------------------------------------------------
IGNORED_NAMES = frozenset(
    {
        "Twitter",
        "Facebook",
        "Telegram",
        "YouTube",
        "Instagram",
        "WhatsApp",
        "X",
        "TikTok",
        "Photograph",
        "Story",
        "Read",
        "App",
        "IST",
        "GMT",
        "Reuters Graphics",
    }
)
ORG_WORDS = frozenset(
    {
        "union",
        "association",
        "group",
        "party",
        "council",
        "committee",
        "agency",
        "commission",
        "organization",
        "organisation",
        "federation",
        "syndicate",
        "front",
        "movement",
        "brigade",
        "brigades",
        "militia",
        "company",
        "corporation",
        "airlines",
        "airways",
        "news",
        "network",
        "institute",
        "foundation",
        "bank",
        "crescent",
        "cross",
        "authority",
        "office",
        "service",
        "services",
        "forces",
        "army",
        "court",
        "assembly",
        "parliament",
        "congress",
        "senate",
        "ministry",
        "department",
        "bureau",
        "command",
        "guard",
        "corps",
    }
)
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "into",
        "towards",
        "toward",
        "around",
        "from",
        "within",
        "throughout",
        "on",
        "over",
        "to",
    }
)
# The locative prepositions that give a setting ('in Iraq', 'near the border'), without the ones that may
# point at a target or a source ('towards', 'from', 'on', 'over', 'to').
SETTING_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"towards", "toward", "from", "on", "over", "to"}
FORCE_NOUNS = frozenset(
    {
        "forces",
        "force",
        "troops",
        "army",
        "military",
        "soldiers",
        "jets",
        "warplanes",
        "aircraft",
        "drones",
        "navy",
        "militants",
        "fighters",
        "units",
        "artillery",
        "police",
        "rebels",
        "insurgents",
        "gunmen",
    }
)
GOVERNMENT_NOUNS = frozenset({"regime", "government", "junta", "authorities"})
TITLE_LEADS = frozenset(
    {
        "president",
        "leader",
        "head",
        "chief",
        "king",
        "emir",
        "prime",
        "premier",
        "commander",
        "chairman",
        "chair",
        "founder",
        "general",
    }
)
TITLE_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"})
TITLE_MEMBER = frozenset(
    {
        "minister",
        "official",
        "secretary",
        "ambassador",
        "envoy",
        "adviser",
        "advisor",
        "deputy",
        "officer",
        "diplomat",
        "negotiator",
        "lawmaker",
        "senator",
        "governor",
        "mayor",
    }
)

# --- reporting --------------------------------------------------------------
REPORTING_VERBS = frozenset(
    {
        "say",
        "claim",
        "tell",
        "warn",
        "report",
        "announce",
        "add",
        "state",
        "confirm",
        "insist",
        "write",
        "post",
        "tweet",
        "allege",
        "assert",
        "declare",
        "indicate",
        "suggest",
        "note",
        "explain",
        "quote",
        "show",
    }
)
REPORTING_NOUNS = frozenset(
    {
        "claim",
        "claims",
        "assertion",
        "assertions",
        "report",
        "reports",
        "allegation",
        "allegations",
        "statement",
        "announcement",
        "account",
    }
)

# --- events -----------------------------------------------------------------
STRIKE_VERBS = frozenset(
    {
        "detonate",
        "explode",
        "slam",
        "strike",
        "attack",
        "shell",
        "bomb",
        "bombard",
        "fire",
        "target",
        "hit",
        "raid",
        "launch",
        "pound",
        "ambush",
        "assault",
        "blast",
        "storm",
        "invade",
        "rocket",
        "missile",
        "shoot",
        "wage",
    }
)
STRIKE_NOUNS = frozenset(
    {
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "attack",
        "attacks",
        "shelling",
        "bombardment",
        "bombing",
        "bombings",
        "raid",
        "raids",
        "assault",
        "offensive",
        "blast",
        "explosion",
        "barrage",
        "invasion",
        "ambush",
        "incursion",
        "fire",
        "rocket",
        "missile",
        "drone",
    }
)
# a launch or fire only strikes when what is launched is a weapon or an attack
LAUNCHED_THINGS = frozenset(
    {
        "attack",
        "attacks",
        "strike",
        "strikes",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "drone",
        "drones",
        "airstrike",
        "airstrikes",
        "offensive",
        "raid",
        "raids",
        "assault",
        "barrage",
        "shell",
        "shells",
        "bombardment",
        "fire",
        "operation",
        "operations",
        "campaign",
        "salvo",
    }
)
WEAPON_WORDS = frozenset(
    {
        "rocket",
        "rockets",
        "missile",
        "missiles",
        "drone",
        "drones",
        "artillery",
        "mortar",
        "mortars",
        "shelling",
        "shell",
        "shells",
        "airstrike",
        "airstrikes",
        "air strike",
        "warplanes",
        "jets",
        "bomb",
        "bombs",
        "car bomb",
        "ied",
        "grenade",
        "grenades",
        "suicide bombing",
        "gunfire",
        "tank",
        "tanks",
        "helicopter",
        "helicopters",
        "cruise missile",
        "ballistic missile",
    }
)
CAPTURE_VERBS = frozenset(
    {"capture", "seize", "take", "occupy", "overrun", "liberate", "fall", "retake", "encircle", "control"}
)
KILL_VERBS = frozenset({"kill", "die", "slay", "execute", "murder", "lose", "claim"})
INJURE_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disown", "contradict"})
ACCUSATION_VERBS = frozenset({"accuse", "blame", "denounce", "condemn", "charge", "fault", "hold"})
DEMAND_VERBS = frozenset({"demand", "urge", "insist", "order", "ask", "call", "press", "tell", "want"})
THREAT_VERBS = frozenset({"threaten", "warn", "vow", "pledge"})
RETALIATE_VERBS = frozenset({"respond", "retaliate", "avenge", "punish", "hit", "strike"})
MODAL_FUTURE = frozenset({"would", "will", "could", "might", "may", "shall", "'ll", "wo"})

# --- victims ----------------------------------------------------------------
CIVILIAN_WORDS = frozenset(
    {
        "civilian",
        "civilians",
        "child",
        "children",
        "kids",
        "women",
        "woman",
        "residents",
        "patients",
        "students",
        "worker",
        "workers",
        "journalists",
        "villagers",
        "worshippers",
        "passengers",
        "non-combatants",
        "refugees",
        "pilgrims",
        "farmers",
        "family",
    }
)
MILITARY_WORDS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "troop",
        "personnel",
        "fighters",
        "fighter",
        "militants",
        "militant",
        "police",
        "policemen",
        "officers",
        "officer",
        "guards",
        "servicemen",
        "insurgents",
        "rebels",
        "gunmen",
        "terrorists",
        "jihadists",
        "recruits",
        "marines",
        "commanders",
        "mercenaries",
        "sailors",
        "pilots",
    }
)
PEOPLE_WORDS = frozenset(
    {"people", "persons", "person", "others", "individuals", "bodies", "lives", "nationals"}
)

# Dependency labels of a verb's subject: any subject, and noun-phrase subjects only (no clausal ones).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # Monday = 0
WEEKDAYS = frozenset(WEEKDAY_NAMES)

# --- entity conventions --------------------------------------------------------
INSURGENT_WORDS = frozenset(
    {"insurgents", "insurgency", "rebels", "paramilitary", "paramilitaries", "jihadists"}
)
MILITARY_ORGAN_WORDS = frozenset(
    {"forces", "force", "army", "military", "troops", "armed", "defense", "defence"}
)
PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "region",
        "province",
        "capital",
        "territory",
        "area",
        "district",
        "airspace",
        "soil",
        "border",
        "coast",
        "state",
        "enclave",
    }
)
SITE_NOUNS = frozenset(
    {
        "airport",
        "airbase",
        "base",
        "hospital",
        "palace",
        "residence",
        "refinery",
        "facility",
        "facilities",
        "field",
        "oilfield",
        "port",
        "camp",
        "prison",
        "market",
        "school",
        "mosque",
        "church",
        "bridge",
        "dam",
        "plant",
        "station",
        "embassy",
        "headquarters",
        "compound",
        "checkpoint",
        "crossing",
        "barracks",
        "depot",
        "harbour",
        "harbor",
        "terminal",
        "complex",
        "pipeline",
    }
)
TITLE_WORDS = TITLE_LEADS | TITLE_SPOKES | TITLE_MEMBER | frozenset({"minister", "ministry"})

# --- entity resolution: ranks, directions, heads that make a country act -------------
ARMED_CONTEXT_WORDS = {
    "rebel",
    "rebels",
    "militia",
    "militias",
    "armed",
    "fighters",
    "insurgents",
    "alliance",
    "guerrilla",
    "militants",
}
DIRECTIONS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
}
SETTLEMENT_NOUNS = {
    "community",
    "town",
    "village",
    "city",
    "area",
    "settlement",
    "kibbutz",
    "district",
    "region",
}
PLACE_SUFFIXES = {"state", "province", "region", "district", "county", "governorate", "oblast", "city"}
RANKS = {
    "major",
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "brigadier",
    "captain",
    "capt",
    "admiral",
    "marshal",
    "sergeant",
    "commander",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "president",
    "minister",
    "prime",
}
ACTING_HEADS = (
    FORCE_NOUNS
    | GOVERNMENT_NOUNS
    | STRIKE_NOUNS
    | REPORTING_NOUNS
    | {
        "withdrawal",
        "apology",
        "support",
        "ally",
        "retaliation",
        "response",
        "offensive",
        "side",
        "demand",
        "threat",
        "denial",
        "accusation",
        "operation",
        "campaign",
        "position",
        "proposal",
        "call",
        "warning",
    }
)
HONORIFICS = {"mr", "mrs", "ms", "dr", "gen", "general", "col", "colonel", "lt", "maj", "sheikh", "mr."}


# 'the group', 'the ministry', 'the company': which actor kinds a nominal reference can point back to.
NOMINAL_ACTOR_KINDS: dict[str, frozenset[str]] = {
    "group": frozenset({"armed_group", "organization"}),
    "ministry": frozenset({"government_body"}),
    "army": frozenset({"government_body"}),
    "military": frozenset({"government_body", "country"}),
    "government": frozenset({"government_body", "country"}),
    "regime": frozenset({"government_body"}),
    "militant": frozenset({"armed_group"}),
    "insurgent": frozenset({"armed_group"}),
    "rebel": frozenset({"armed_group"}),
    "paramilitary": frozenset({"armed_group"}),
    "region": frozenset({"armed_group"}),
    "carrier": frozenset({"organization"}),
    "airline": frozenset({"organization"}),
    "company": frozenset({"organization"}),
    "firm": frozenset({"organization"}),
    "operator": frozenset({"organization"}),
    "enclave": frozenset({"armed_group"}),
    "republic": frozenset({"armed_group"}),
}
