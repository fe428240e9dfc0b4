"""Doc + resolved entities -> conflict events, by rules over spaCy's dependency parse.

Each rule reads one construction of news English: a verb or noun that triggers an event type, its
subject and objects as agents and targets, the places in its clause, the reporting verb above it as
the claimant, and the date words in its clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from loaders import lexicon as lx
from loaders.mentions import ArticleEntities
from loaders.normalize import parse_count, resolve_date

CLAUSE_DEPS = {"conj", "advcl", "ccomp", "parataxis", "relcl", "xcomp", "acl"}
PRONOUNS_PERSON = {"he", "she", "his", "her", "him"}
PRONOUNS_THING = {"it", "its", "they", "their", "them", "we", "our"}
QUOTES = ('"', "\u201c", "\u201d", "'", "\u2018")
CEASEFIRE_RE = re.compile(
    r"\b(cease\s*-?\s*fire|truce|restraint|de\s*-?\s*escalat\w*|calm|armistice|halt to"
    r"|end to the (fighting|war)"
    r"|stop (the )?(fighting|hostilities))"
)
ORG_HEAD_NOUNS = {"carrier", "airline", "company", "firm", "operator"}
DENIABLE_NOUNS = {
    "claim",
    "assertion",
    "report",
    "allegation",
    "accusation",
    "involvement",
    "responsibility",
    "role",
    "charge",
    "account",
    "statement",
    "rumour",
    "rumor",
    "suggestion",
    "reports",
    "news",
}
FORCE_LEMMAS = {
    "country",
    "nation",
    "government",
    "force",
    "troop",
    "army",
    "military",
    "fighter",
    "unit",
    "soldier",
    "jet",
    "warplane",
}


@dataclass
class EventDraft:
    """An event while the rules still fill it in; becomes a records.Event at the end."""

    type: str
    trigger: int
    sent: Span
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # actor keys or place keys
    locations: list[str] = field(default_factory=list)
    claimed_by: list[str] = field(default_factory=list)
    weapon: str | None = None
    killed: int | None = None
    injured: int | None = None
    count_qualifier: str | None = None
    victims: str | None = None
    date: str | None = None
    cause: EventDraft | None = None
    denies: list[EventDraft] = field(default_factory=list)
    about: list[EventDraft] = field(default_factory=list)


class _NoMention:
    place = None
    actor = None


_NO = _NoMention()


def _based(token: Token) -> bool:
    """'the Pakistan-based group': where a group is based, not where the event happened."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ == "based"


def _is_location_use(token: Token) -> bool:
    """'in Iraq', 'near the border': where, not whom."""
    return token.dep_ == "pobj" and token.head.lower_ in lx.SETTING_PREPOSITIONS


def _add(items: list[str], *keys: str | None) -> None:
    for key in keys:
        if key and key not in items:
            items.append(key)


class EventRules:
    """Applies the event rules to one article, sentence by sentence, keeping discourse state."""

    def __init__(self, doc: Doc, entities: ArticleEntities, masked: str, published: str | None) -> None:
        self.doc = doc
        self.ent = entities
        self.masked = masked
        self.published = published
        self.events: list[EventDraft] = []
        self.recent_actors: list[str] = []  # subjects and named actors, latest last
        self.recent_places: list[str] = []
        self.consumed: set[int] = set()  # trigger tokens already part of another event
        self.quote_speaker: list[str] = []  # who spoke the last attributed quote
        self.last_reporter: str | None = None  # who last reported something ('the source added')
        self._resolving: set[int] = set()  # pronouns being resolved, against reference loops
        self._sentence_starts = [sent.start for sent in doc.sents]

    # --- entry ---------------------------------------------------------------
    def run(self) -> list[EventDraft]:
        """Extract the events of every story sentence, then link and merge them."""
        sentences = list(self.doc.sents)
        for index, sent in enumerate(sentences):
            if self._is_boilerplate(sent):
                continue
            before = len(self.events)
            self._sentence(sent)
            self._remember(sent)
            self._remember_quote_speaker(sent)
            self._remember_reporter(sent)
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            self._attribute_to_tail(self.events[before:], following)
            self._link_casualties(self.events[before:])
        return self._merge_duplicates()

    def _attribute_to_tail(self, events: list[EventDraft], following: Span | None) -> None:
        """'X killed 20 people on Tuesday' + 'the ministry said.': a split-off attribution is the claimant."""
        if following is None or len(following) > 10:
            return
        root = following.root
        if root.lemma_ not in lx.REPORTING_VERBS or any(c.dep_ in {"ccomp", "xcomp"} for c in root.children):
            return
        speakers = self.subject_of(root)
        for event in events:
            if event.type in {"strike", "capture", "casualty"} and not event.claimed_by:
                event.claimed_by = [k for k in speakers if k not in event.agents]

    def _is_boilerplate(self, sent: Span) -> bool:
        chars = self.masked[sent.start_char : sent.end_char]
        return not chars.strip()

    def _sentence(self, sent: Span) -> None:
        for token in sent:
            if token.i in self.consumed or self.masked[token.idx].isspace():
                continue
            self._strike(token)
            self._capture(token)
        for token in sent:
            # 'shot dead' is both the shooting (a strike) and a death toll
            if (token.i in self.consumed and token.lemma_ != "shoot") or self.masked[token.idx].isspace():
                continue
            self._casualty(token)
        for token in sent:
            if token.i in self.consumed or self.masked[token.idx].isspace():
                continue
            self._speech_act(token)

    def _remember_reporter(self, sent: Span) -> None:
        for token in sent:
            if token.lemma_ in lx.REPORTING_VERBS and token.pos_ == "VERB":
                subjects = [c for c in token.children if c.dep_ in lx.SUBJECT_DEPS and c.lemma_ != "source"]
                for subject in subjects:
                    keys = self.actors_of(subject, follow_conj=False)
                    if keys:
                        self.last_reporter = keys[0]

    def _remember_quote_speaker(self, sent: Span) -> None:
        if not any(t.text in QUOTES for t in sent):
            return
        for token in sent:
            if token.lemma_ in lx.REPORTING_VERBS and token.pos_ == "VERB":
                speakers = self.subject_of(token)
                if speakers:
                    self.quote_speaker = self._with_affiliations(speakers)
                    return

    def _remember(self, sent: Span) -> None:
        for token in sent:
            mention = self.ent.mention_at(token)
            if mention is None or token.i != mention.start:
                continue
            if mention.actor and (
                token.dep_ in lx.SUBJECT_DEPS or self.doc[mention.end - 1].dep_ in lx.SUBJECT_DEPS
            ):
                self.recent_actors.append(mention.actor)
            elif mention.actor:
                self.recent_actors.insert(max(0, len(self.recent_actors) - 1), mention.actor)
            if mention.place and self.ent.places[mention.place].place.kind != "country":
                self.recent_places.append(mention.place)

    # --- argument helpers -----------------------------------------------------
    def own_tokens(self, token: Token) -> list[Token]:
        """The trigger's subtree without clauses that carry events of their own."""
        out: list[Token] = []
        stack = [token]
        while stack:
            t = stack.pop()
            out.append(t)
            for child in t.children:
                if child.dep_ in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"} and child.i != token.i:
                    continue
                if child.dep_ == "cc":
                    continue
                stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def actors_of(self, token: Token, *, follow_conj: bool = True) -> list[str]:
        """Actor keys an argument token stands for: a name, a modifier, a reference, and its conjuncts."""
        keys: list[str] = []
        self._actor_of_one(token, keys)
        if follow_conj:
            for conj in token.conjuncts:
                if conj.i > token.i:
                    self._actor_of_one(conj, keys)
        return keys

    def _actor_of_one(self, token: Token, keys: list[str], depth: int = 0) -> None:
        if depth > 6:
            return  # parses can loop through appositions and relative clauses
        mention = self.ent.mention_at(token)
        if mention and mention.actor:
            _add(keys, mention.actor)
            return
        lower = token.lower_
        if lower in {"who", "which", "that"} and token.head.dep_ == "relcl":
            antecedent = token.head.head
            if antecedent.lower_ in lx.WEAPON_WORDS and antecedent.dep_ in {"dobj", "nsubjpass"}:
                _add(keys, *self.subject_of(antecedent.head))  # 'they launched drones that struck ...'
            else:
                self._actor_of_one(antecedent, keys, depth + 1)
            return
        if lower in PRONOUNS_PERSON | PRONOUNS_THING:
            _add(keys, self._antecedent(token))
            return
        if token.lemma_ in {"ministry", "ministries"}:
            owners = self._ministry_owners(token)
            if owners:
                _add(keys, *owners)
                return
        if token.lemma_ in ORG_HEAD_NOUNS:
            # 'the state-owned Saudi Arabian carrier said': the company named before, not its country
            ref = self._nominal_reference(token)
            if ref:
                _add(keys, ref)
                return
        if token.lemma_ in lx.TITLE_WORDS:
            # 'defence ministry spokesman Ali Warsame': the person, whatever the parse made the head
            for t in token.subtree:
                m = self.ent.mention_at(t)
                if m and m.actor and self.ent.actors[m.actor].kind == "person":
                    _add(keys, m.actor)
                    return
            holder = self._office_holder(token)
            if holder:
                _add(keys, holder)
                return
        for child in token.children:
            # "Azerbaijan's ally Turkey": the name, not the owner
            if child.dep_ in {"appos", "compound"} and child.pos_ == "PROPN":
                m = self.ent.mention_at(child)
                if m and m.actor:
                    _add(keys, m.actor)
                    return
        for child in token.children:
            if child.i >= 2 and token.doc[child.i - 2].lower_ in {"pro", "anti"}:
                continue
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                if child.lower_ in PRONOUNS_PERSON | PRONOUNS_THING and token.lemma_ in FORCE_LEMMAS:
                    _add(keys, self._speaker_side(child))
                    return
                m = self.ent.mention_at(child)
                if m and m.actor:
                    _add(keys, self._forces_of(m.actor, token))
                    return
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        self._actor_of_one(obj, keys, depth + 1)
                        if keys:
                            return
        if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
            for child in token.children:
                if child.dep_ == "appos":
                    self._actor_of_one(child, keys, depth + 1)
        if (
            not keys
            and token.pos_ == "NOUN"
            and any(c.lower_ in {"the", "its"} or c.dep_ == "amod" for c in token.children)
        ):
            _add(keys, self._nominal_reference(token))

    def _office_holder(self, title: Token) -> str | None:
        """'the leader of Nagorno-Karabakh' is the person the article names as its leader."""
        relation = (
            "leads"
            if title.lemma_ in lx.TITLE_LEADS
            else "spokesperson_for"
            if title.lemma_ in lx.TITLE_SPOKES
            else None
        )
        if relation is None:
            return None
        owners = {
            k for t in title.subtree if t.i != title.i for k in [(self.ent.mention_at(t) or _NO).actor] if k
        }
        holders = [
            a.key
            for a in self.ent.actors.values()
            if a.kind == "person" and a.relation == relation and a.affiliation in owners
        ]
        return holders[0] if len(holders) == 1 else None

    def _ministry_owners(self, noun: Token) -> list[str]:
        """ "Armenia's and the breakaway region's defence ministries": one body per owner."""
        organ = (
            " ".join(c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.is_lower)
            + " ministry"
        )
        owners = [c for c in noun.children if c.dep_ == "poss"]
        owners += [conj for o in owners for conj in o.conjuncts]
        doc = noun.doc
        owners += [  # "Both Armenia's and ...": possessives the parser hung elsewhere
            t
            for t in doc[max(noun.sent.start, noun.i - 8) : noun.i]
            if t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "POS" and t not in owners
        ]
        keys: list[str] = []
        for owner in owners:
            for key in self.actors_of(owner, follow_conj=False) or list(
                filter(None, [self._nominal_reference(owner)])
            ):
                actor = self.ent.actors[key]
                if actor.kind == "country" and actor.country:
                    _add(keys, self.ent.ministry(actor.country, organ.strip()).key)
                else:
                    _add(keys, key)
        return keys

    def _speaker_side(self, pronoun: Token) -> str | None:
        """'X said his forces ...': the side X leads or speaks for ('The leader of N-K said his forces')."""
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            if node.lemma_ in lx.REPORTING_VERBS and node.pos_ == "VERB":
                for subject in (c for c in node.children if c.dep_ in lx.SUBJECT_DEPS):
                    mention = self.ent.mention_at(subject)
                    if mention and mention.actor:
                        return self._forces_of(mention.actor, pronoun.head)
                    if subject.lemma_ in lx.TITLE_WORDS:
                        keys = self.actors_of(subject, follow_conj=False)
                        if keys:
                            return self._forces_of(keys[0], pronoun.head)
                break
        speaker = self._antecedent(pronoun)
        return self._forces_of(speaker, pronoun.head) if speaker else None

    def _forces_of(self, actor_key: str | None, noun: Token) -> str | None:
        """'his forces' / 'Azeri forces': the side the forces belong to, not the person."""
        if actor_key is None:
            return None
        actor = self.ent.actors[actor_key]
        if actor.kind == "person" and noun.lemma_ in FORCE_LEMMAS:
            return actor.affiliation or (
                f"country:{actor.country}"
                if actor.country and f"country:{actor.country}" in self.ent.actors
                else None
            )
        return actor_key

    def _antecedent(self, pronoun: Token) -> str | None:
        """The actor a pronoun stands for; a pronoun met again while resolving itself stands for nothing."""
        if pronoun.i in self._resolving:
            return None  # 'their leaders said they ...' chains can loop back to the same pronoun
        self._resolving.add(pronoun.i)
        try:
            return self._find_antecedent(pronoun)
        finally:
            self._resolving.discard(pronoun.i)

    def _find_antecedent(self, pronoun: Token) -> str | None:
        lower = pronoun.lower_
        want_person = lower in PRONOUNS_PERSON
        if pronoun.dep_ in lx.SUBJECT_DEPS | {"poss"}:
            # 'the RSF said they had seized ...', 'assertions by the RSF that they ...'
            for key in self._reporter_keys(pronoun):
                actor = self.ent.actors[key]
                if (actor.kind == "person") == want_person:
                    return key
        # the subject of the same sentence comes first ('Aliyev said his forces ...')
        sent_subjects = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in lx.SUBJECT_DEPS]
        for subject in reversed(sent_subjects):
            for key in self.actors_of(subject, follow_conj=False) if subject.i != pronoun.i else []:
                if (self.ent.actors[key].kind == "person") == want_person:
                    return key
        for key in reversed(self.recent_actors):
            if (self.ent.actors[key].kind == "person") == want_person:
                return key
        return None

    def _nominal_reference(self, noun: Token) -> str | None:
        """'the group', 'the ministry', 'the army', 'the source': the latest actor of that kind."""
        lemma = noun.lemma_
        if lemma in {"source", "sources"} and self.last_reporter:
            return self.last_reporter
        kinds = lx.NOMINAL_ACTOR_KINDS.get(lemma)
        if lemma in {"region", "enclave", "republic"} and not any(
            c.lower_ in {"breakaway", "separatist", "rebel", "self-declared"} for c in noun.children
        ):
            return None
        if not kinds:
            return None

        def fits(key: str) -> bool:
            actor = self.ent.actors[key]
            if actor.kind not in kinds:
                return False
            if actor.kind == "government_body" and lemma in {"army", "military", "ministry"}:
                words = set(actor.name.lower().split())
                wanted = {"ministry"} if lemma == "ministry" else {"army", "armed", "forces", "military"}
                return bool(words & wanted)
            return True

        for t in reversed(noun.sent[: noun.i - noun.sent.start]):
            m = self.ent.mention_at(t)  # 'A Saudia plane ... the carrier said': this sentence first
            if m and m.actor and fits(m.actor):
                return m.actor
        for key in reversed(self.recent_actors):
            if fits(key):
                return key
        for key, actor in self.ent.actors.items():
            if fits(key) and lemma in {"army", "regime", "government"} and actor.kind == "government_body":
                return key
        return None

    def _is_agents_home(self, place_key: str, agents: list[str]) -> bool:
        """A country place that is also an agent ('attacks of Armenia') is not where it happened."""
        place = self.ent.places[place_key].place
        return place.kind == "country" and f"country:{place.country}" in agents

    def places_in(self, tokens: list[Token], *, subjects: bool = False) -> list[str]:
        """Place keys mentioned among tokens, plus 'the town' style references."""
        keys: list[str] = []
        for t in tokens:
            mention = self.ent.mention_at(t)
            is_owner = bool(mention and mention.actor and t.dep_ in {"poss", "amod"}) or _based(t)
            if (
                mention
                and mention.place
                and not is_owner
                and (subjects or not (mention.actor and t.dep_ in lx.SUBJECT_DEPS))
            ):
                _add(keys, mention.place)
        if not keys:
            for t in tokens:
                if (
                    t.lemma_ in {"town", "city", "village", "capital", "area"}
                    and any(c.lower_ in {"the", "its"} for c in t.children)
                    and self.recent_places
                ):
                    _add(keys, self.recent_places[-1])
                    break
        return keys

    def subject_of(self, verb: Token) -> list[str]:
        """Agents of a verb: its subject, a passive 'by' agent, or the subject it shares with its head."""
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    return self.actors_of(obj)
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        subjects.sort(key=lambda c: 0 if (self.ent.mention_at(c) or _NO).actor else 1)
        found: list[str] = []
        for child in subjects:
            _add(found, *self.actors_of(child))
        if len(subjects) > 1:
            # a mis-parsed "Armenia's and the region's ministries": the bodies, not their countries
            bodies = {
                self.ent.actors[k].country for k in found if self.ent.actors[k].kind == "government_body"
            }
            found = [
                k
                for k in found
                if not (self.ent.actors[k].kind == "country" and self.ent.actors[k].country in bodies)
            ]
        if found:
            return found
        if verb.tag_ == "VBG" and verb.dep_ in lx.SUBJECT_DEPS:
            # 'Shelling by regime forces killed ...': a gerund names its doer with 'by'
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    return self.actors_of(obj)
            return []
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            return self.subject_of(verb.head)
        if verb.dep_ == "acl" or verb.dep_ == "pcomp":
            return self.actors_of(verb.head) if verb.head.pos_ in {"NOUN", "PROPN"} else []
        return []

    def _reporting_ancestors(self, token: Token) -> Iterator[tuple[Token, Token]]:
        """Reporting verbs and claim nouns above a token, nearest first, with the child on the path."""
        node = token
        while node.head.i != node.i:
            parent = node.head
            is_verb = parent.lemma_ in lx.REPORTING_VERBS and parent.pos_ in {"VERB", "AUX"}
            if (
                parent.lemma_ == "claim"
                and parent.dep_ == "acl"
                and any(c.dep_ == "agent" for c in parent.children)
            ):
                is_verb = False  # 'a bombing claimed by JeM': responsibility, not a report of what followed
            if (is_verb and node.dep_ not in lx.SUBJECT_DEPS) or parent.lower_ in lx.REPORTING_NOUNS:
                yield parent, node
            node = parent

    def _claim_noun_before_that(self, token: Token) -> Token | None:
        """'after claims by X, Y, that the town had fallen': the that-clause belongs to the claim noun."""
        clause = self._clause_head(token)
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None:
            return None
        for noun in token.sent:
            if noun.i < mark.i and noun.lower_ in lx.REPORTING_NOUNS:
                last = max(t.i for t in noun.subtree)
                if last >= mark.i - 2:
                    return noun
        return None

    def _reporter_keys(self, token: Token) -> list[str]:
        """The reporter of a pronoun's own clause, without looking at 'according to'."""
        for head, child in self._reporting_ancestors(token):
            if head.lower_ not in lx.REPORTING_NOUNS:
                subjects = [c for c in head.children if c.dep_ in lx.SUBJECT_DEPS and c.i != token.i]
                if subjects and subjects[0].lower_ not in PRONOUNS_PERSON | PRONOUNS_THING:
                    return self.subject_of(head)
                return []
            if child.dep_ in {"acl", "relcl", "ccomp"}:
                return self._noun_owner(head)
        return []

    def reporter_of(self, token: Token) -> list[str]:
        """Who reports a token's clause ('Azerbaijan said ...', 'according to ...', 'X's claim of ...')."""
        for head, child in self._reporting_ancestors(token):
            if head.lower_ not in lx.REPORTING_NOUNS:
                found = self.subject_of(head)
                if found:
                    return found
                # 'Intelligence ... indicates that ...': a source that is no actor; the speaker is further up
            elif child.dep_ in {"acl", "prep", "relcl", "ccomp", "pobj"}:
                owner = self._noun_owner(head)
                if owner:
                    return owner
        claim = self._claim_noun_before_that(token)
        if claim is not None:
            owner = self._noun_owner(claim)
            if owner:
                return owner
        root = token.sent.root
        for child in root.children:
            # 'X is violating the truce, Erdogan said': the reporting verb hangs on the reported clause
            if (
                child.dep_ in {"parataxis", "advcl"}
                and child.lemma_ in lx.REPORTING_VERBS
                and child.i > token.i
            ):
                found = self.subject_of(child)
                if found:
                    return found
        for t in token.sent:
            if t.lower_ == "according":
                for prep in t.children:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.actors_of(obj)
        if token.sent.text.lstrip().startswith(QUOTES) and self.quote_speaker:
            return list(self.quote_speaker)  # a quote that goes on from the previous, attributed one
        return []

    def _noun_owner(self, noun: Token) -> list[str]:
        for child in noun.children:
            if child.dep_ in {"poss", "amod", "compound"}:
                m = self.ent.mention_at(child)
                if m and m.actor:
                    return [m.actor]
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    keys = self.actors_of(obj)
                    if keys:
                        return keys
        return []

    def date_of(self, token: Token, reporter_verb: Token | None = None) -> str | None:
        """The calendar date of the trigger's clause, resolved against the publication date."""
        clause = self._clause_head(token)
        if clause.i != token.i and clause.lemma_ in lx.DENIAL_VERBS | lx.ACCUSATION_VERBS:
            clause = token  # 'denied involvement in strikes' on Sunday: the denial's date, not the strikes'
        scopes = [list(clause.subtree)]
        node = clause
        while node.head.i != node.i:
            parent = node.head
            if parent.lemma_ in lx.DENIAL_VERBS | lx.ACCUSATION_VERBS and parent.i != token.i:
                break
            scopes.append([c for child in parent.children if child.i != node.i for c in child.subtree])
            node = parent
        for scope in scopes:
            for t in scope:
                text = self._date_phrase(t)
                if text:
                    resolved = resolve_date(text, self.published)
                    if resolved:
                        return resolved
        return None

    def _date_phrase(self, t: Token) -> str | None:
        if t.ent_type_ == "DATE" and t.ent_iob_ == "B":
            end = t.i + 1
            while end < len(t.doc) and t.doc[end].ent_iob_ == "I":
                end += 1
            return t.doc[t.i : end].text
        if t.lower_ in lx.WEEKDAYS or t.lower_ in {"yesterday", "today"}:
            return t.text
        return None

    @staticmethod
    def _clause_head(token: Token) -> Token:
        node = token
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        return node

    def _negated(self, token: Token) -> bool:
        if any(c.dep_ == "neg" for c in token.children):
            return True
        head = token.head
        return (token.dep_ in {"xcomp", "dobj"} and any(c.dep_ == "neg" for c in head.children)) or any(
            a.lemma_ in {"unable", "fail", "refuse"} for a in (token.head, token.head.head)
        )

    def _irrealis(self, token: Token) -> bool:
        """'militants training to stage suicide attacks': a purpose, not an event."""
        verb = self._clause_head(token)
        return (
            verb.dep_ in {"xcomp", "advcl", "acl"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and verb.head.lemma_ not in lx.REPORTING_VERBS | lx.THREAT_VERBS
        )

    def _modal(self, token: Token) -> bool:
        verb = self._clause_head(token)
        return any(c.dep_ == "aux" and c.lower_ in lx.MODAL_FUTURE for c in verb.children) or (
            verb.dep_ == "xcomp"
            and verb.head.lemma_ in lx.THREAT_VERBS | {"plan", "want", "intend", "vow", "have"}
        )

    def _new(self, type_: str, token: Token) -> EventDraft:
        event = EventDraft(type=type_, trigger=token.i, sent=token.sent)
        self.events.append(event)
        self.consumed.add(token.i)
        return event

    # --- strikes ----------------------------------------------------------------
    def _strike(self, token: Token) -> None:
        lemma, lower = token.lemma_, token.lower_
        is_verb = token.pos_ == "VERB" and lemma in lx.STRIKE_VERBS
        is_noun = token.pos_ in {"NOUN", "PROPN"} and lower in lx.STRIKE_NOUNS
        if not (is_verb or is_noun):
            return
        if is_verb and lemma in {"launch", "fire", "wage", "hit", "target", "shoot"}:
            objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
            launched = [o for o in objects if o.lower_ in lx.LAUNCHED_THINGS]
            if lemma in {"launch", "wage"} and not launched:
                return
            if lemma == "fire" and not (
                launched
                or any(
                    c.dep_ == "prep" and c.lower_ in {"at", "on", "into", "towards"} for c in token.children
                )
            ):
                return
            for o in launched:
                self.consumed.add(o.i)
        if is_noun and token.dep_ in {"compound"} and token.head.lower_ in lx.STRIKE_NOUNS:
            return  # 'missile attack': the head noun carries it
        if self._inside_speech_act(token, kinds=lx.ACCUSATION_VERBS | {"claim"}):
            return
        if self._negated(token):
            return
        if self._modal(token):
            self._threat_from_plan(token)
            return
        if self._irrealis(token):
            return
        tokens = self.own_tokens(token)
        frame: list[Token] = []
        if is_noun:
            agents = self._noun_agents(token)
            tokens += [t for c in token.children if c.dep_ in {"acl", "relcl"} for t in c.subtree]
            frame = self._noun_frame(token)
        else:
            agents = self.subject_of(token)
        # 'a campaign ... in retaliation for an assault on X': X is the assault's place, not the campaign's
        nested = {
            t.i
            for n in tokens
            if n.i != token.i
            and n.i not in self.consumed
            and n.pos_ == "NOUN"
            and n.lower_ in lx.STRIKE_NOUNS
            and n.head.i != token.i
            for t in n.subtree
        }
        tokens = [t for t in tokens if t.i not in nested]
        places = [p for p in self.places_in(tokens) if not self._is_agents_home(p, agents)]
        _add(places, *self.places_in(frame, subjects=True))
        target_actors = [
            key
            for t in tokens
            if t.dep_ in {"dobj", "pobj", "nsubjpass"} and t.i != token.i and not _is_location_use(t)
            for key in self.actors_of(t, follow_conj=False)
            if key not in agents
        ]
        if is_verb and self._accuses_of_attack(token, agents):
            return
        if (
            not places
            and (agents or is_noun or lemma in {"explode", "detonate"})
            and self._sentence_has_casualty_verb(token)
        ):
            # 'Shelling by X killed eight soldiers on Monday': the place is the one the paragraph is about
            places = self._recent_place(token)
        if not places:
            return
        event = self._new("strike", token)
        _add(event.agents, *agents)
        _add(event.locations, *places)
        _add(event.targets, *target_actors)
        event.weapon = self._weapon(token, tokens)
        event.claimed_by = [k for k in self.reporter_of(token) if k not in event.agents]
        event.date = self.date_of(token)

    def _sentence_has_casualty_verb(self, token: Token) -> bool:
        return any(t.lemma_ in lx.KILL_VERBS | lx.INJURE_VERBS and t.pos_ == "VERB" for t in token.sent)

    def _recent_place(self, token: Token) -> list[str]:
        """The latest sub-country place named in the two sentences before (none further back)."""
        start = self._sentence_start_before(token, 2)
        for mention in reversed(self.ent.mentions):
            if (
                start <= mention.start < token.sent.start
                and mention.place
                and self.ent.places[mention.place].place.kind != "country"
            ):
                return [mention.place]
        return []

    def _accuses_of_attack(self, verb: Token, attackers: list[str]) -> bool:
        """'Y said X attacked it first': Y accuses X (the object is the speaker itself)."""
        objects = [
            c for c in verb.children if c.dep_ == "dobj" and c.lower_ in {"it", "us", "them", "him", "her"}
        ]
        speakers = self.reporter_of(verb)
        if not objects or not speakers or not attackers:
            return False
        speaker_is_person = self.ent.actors[speakers[0]].kind == "person"
        if (objects[0].lower_ in {"him", "her"}) != speaker_is_person or set(attackers) & set(speakers):
            return False
        event = self._new("accusation", verb)
        _add(event.agents, *self._with_affiliations(speakers))
        _add(event.targets, *[a for a in attackers if a not in speakers])
        event.date = self.date_of(verb)
        return True

    def _noun_agents(self, noun: Token) -> list[str]:
        keys: list[str] = []
        owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
        if (
            owner is not None
            and owner.lemma_ == "responsibility"
            and owner.head.lemma_ in {"claim", "accept", "admit"}
        ):
            # 'the Houthis claimed responsibility for a drone attack': they did it
            keys.extend(self.subject_of(owner.head))
        for child in noun.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                m = self.ent.mention_at(child)
                if m and m.actor:
                    _add(keys, m.actor)
            if child.dep_ == "acl" and child.lemma_ == "claim":
                # 'a bombing claimed by JeM': the claim of responsibility names the agent
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for obj in agent.children:
                        _add(keys, *self.actors_of(obj))
            if child.dep_ == "prep" and child.lower_ in {"by", "of", "from"}:
                for obj in child.children:
                    mention = self.ent.mention_at(obj)
                    if child.lower_ != "by" and mention and mention.place and not mention.actor:
                        continue
                    _add(keys, *self.actors_of(obj))
        return keys

    def _noun_frame(self, noun: Token) -> list[Token]:
        """'X came under bombardment': the subject of the governing verb is where it happened."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "under":
            verb = noun.head.head
            return [t for c in verb.children if c.dep_ in lx.SUBJECT_DEPS for t in c.subtree]
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in {"in", "during", "by"}:
            # 'killed in a blast at a Gaza hospital': the place hangs on the verb
            verb = noun.head.head
            return [
                t
                for c in verb.children
                if c.dep_ == "prep" and c.i != noun.head.i and c.lower_ in {"at", "in", "near", "on"}
                for t in c.subtree
            ]
        if noun.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            verb = noun.head
            return [
                t
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in {"on", "in", "at", "near", "against"}
                for t in c.subtree
            ]
        return []

    def _weapon(self, token: Token, tokens: list[Token]) -> str | None:
        for t in [token, *tokens]:
            if t.lower_ not in lx.WEAPON_WORDS or t.lower_ == "fire":
                continue
            if any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in lx.WEAPON_WORDS
                for c in t.children
            ):
                continue  # 'fuel storage tanks' are a target, not a weapon
            return t.text.lower()
        return None

    def _inside_speech_act(self, token: Token, *, kinds: frozenset[str] | set[str] = frozenset()) -> bool:
        """True when the token sits in the complement of an accusation (or other given verbs)."""
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.lemma_ in kinds and node.pos_ == "VERB" and node.lemma_ != "claim":
                return True
        return False

    # --- captures ----------------------------------------------------------------
    def _capture(self, token: Token) -> None:
        lemma = token.lemma_
        if token.pos_ != "VERB" or lemma not in lx.CAPTURE_VERBS:
            return
        tokens = self.own_tokens(token)
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if lemma in {"take", "control"} and not any(
            o.lower_ in {"control", "town", "city", "village", "territory"}
            or (self.ent.mention_at(o) or _NO).place
            for o in objects
        ):
            return
        if lemma == "control" and token.pos_ != "VERB":
            return
        if lemma == "fall":
            subject = [c for c in token.children if c.dep_ == "nsubj"]
            places = self.places_in([t for s in subject for t in s.subtree])
            agents: list[str] = []
        else:
            places = self.places_in([t for t in tokens if t.dep_ not in lx.SUBJECT_DEPS])
            agents = self.subject_of(token)
        if self._negated(token):
            self._denial_by_negation(token, places)
            return
        if not places or self._inside_speech_act(token, kinds=lx.ACCUSATION_VERBS):
            return
        event = self._new("capture", token)
        _add(event.agents, *agents)
        _add(event.locations, *places)
        event.claimed_by = self.reporter_of(token)
        if not event.agents and event.claimed_by:
            _add(event.agents, *event.claimed_by)
        event.date = self.date_of(token)

    def _denial_by_negation(self, token: Token, places: list[str]) -> None:
        """'X said the insurgents had been unable to occupy Y' denies an earlier capture claim."""
        speakers = self.reporter_of(token)
        earlier = [e for e in self.events if e.type == "capture" and not set(e.agents) & set(speakers)]
        if not speakers or not earlier:
            return
        event = self._new("denial", token)
        _add(event.agents, *self._with_affiliations(speakers))
        event.denies = [earlier[-1]]

    # --- casualties ---------------------------------------------------------------
    def _casualty(self, token: Token) -> None:
        lemma = token.lemma_
        shot_dead = lemma == "shoot" and any(c.lower_ == "dead" for c in token.children)
        is_kill = (lemma in lx.KILL_VERBS or shot_dead) and token.pos_ in {"VERB", "ADJ"}
        is_injure = lemma in lx.INJURE_VERBS and token.pos_ in {"VERB", "ADJ"}
        if lemma in {"toll", "death"} and token.pos_ == "NOUN":
            self._toll(token)
            return
        if not (is_kill or is_injure) or self._negated(token):
            return
        victim, count = self._victims_and_count(token)
        if count is None:
            return
        if lemma == "lose" and (
            victim is None or victim.lower_ not in lx.CIVILIAN_WORDS | lx.MILITARY_WORDS | lx.PEOPLE_WORDS
        ):
            return
        if lemma == "claim" and (victim is None or victim.lower_ not in {"lives", "life"}):
            return
        event = self._new("casualty", token)
        number, qualifier = count
        if is_kill:
            event.killed = number
        else:
            event.injured = number
        event.count_qualifier = qualifier
        event.victims = self._victim_kind(victim, token)
        self._fold_conjoined_figures(event, token)
        segments = self._gapped_segments(token)
        first_item = segments[0][0].i if segments else len(self.doc)
        tokens = [t for t in self.own_tokens(token) if t.i < first_item]
        event.locations = self.places_in(
            [t for t in tokens if t.dep_ not in lx.SUBJECT_DEPS or t.i == token.i]
        )
        event.claimed_by = self.reporter_of(token)
        event.date = self.date_of(token)
        self._add_gapped(event, segments)

    def _victims_and_count(self, verb: Token) -> tuple[Token | None, tuple[int, str] | None]:
        deps = ("nsubjpass", "dobj", "nsubj") if verb.lemma_ != "die" else ("nsubj",)
        for dep in deps:
            for child in verb.children:
                if child.dep_ != dep:
                    continue
                count = self._count_of(child)
                if count is not None:
                    return child, count
        if verb.dep_ in {"amod", "acl"} and verb.head.pos_ in {"NOUN", "NUM"}:
            count = self._count_of(verb.head)
            if count is not None:
                return verb.head, count
        return None, None

    def _count_of(self, noun: Token) -> tuple[int, str] | None:
        if noun.pos_ == "NUM" or noun.like_num:
            left = [t for t in noun.subtree if t.i <= noun.i]
            return parse_count(" ".join(t.text for t in left))
        nums = [c for c in noun.children if c.dep_ in {"nummod", "quantmod"} or c.like_num]
        if not nums:
            return None
        num = nums[0]
        left = sorted([t for t in num.subtree], key=lambda t: t.i)
        return parse_count(" ".join(t.text for t in left))

    def _victim_kind(self, victim: Token | None, trigger: Token) -> str:
        words = set()
        if victim is not None:
            words = {t.lower_ for t in victim.subtree} | {victim.lower_}
            for conj in victim.conjuncts:
                words |= {t.lower_ for t in conj.subtree}
        if {"mostly", "mainly", "largely", "including"} & words and words & lx.CIVILIAN_WORDS:
            return "mixed"
        military = bool(words & lx.MILITARY_WORDS) or "military" in words
        civilian = bool(words & lx.CIVILIAN_WORDS)
        if military and civilian:
            return "mixed"
        if civilian:
            return "civilian"
        if military:
            return "military"
        return "unknown"

    def _fold_conjoined_figures(self, event: EventDraft, token: Token) -> None:
        """'killing one civilian and wounding 32': one casualty with both figures."""
        for conj in token.conjuncts:
            if conj.i in self.consumed:
                continue
            if conj.lemma_ in lx.INJURE_VERBS | lx.KILL_VERBS:
                _, count = self._victims_and_count(conj)
                if count is None:
                    numbers = [c for c in conj.children if c.like_num]
                    count = parse_count(numbers[0].text) if numbers else None
                if count is None:
                    continue
                if conj.lemma_ in lx.INJURE_VERBS and event.injured is None:
                    event.injured = count[0]
                elif conj.lemma_ in lx.KILL_VERBS and event.killed is None:
                    event.killed = count[0]
                else:
                    continue
                self.consumed.add(conj.i)

    def _gapped_segments(self, token: Token) -> list[list[Token]]:
        """'..., four in Y, eight in Z' / '..., and Armenia two': list items repeating the figure's frame."""
        tail = [t for t in token.sent if t.i > token.i]
        segments: list[list[Token]] = []
        current: list[Token] = []
        for t in tail:
            if t.text in {",", ";"} or (t.lower_ == "and" and current):
                if current:
                    segments.append(current)
                current = []
            elif not (t.lower_ == "and" and not current):
                current.append(t)
        if current:
            segments.append(current)
        kept = []
        for segment in segments:
            words = [t for t in segment if not (t.is_punct or t.is_space)]
            if not words:
                continue
            numbers = [t for t in words if t.like_num and t.ent_type_ not in {"DATE", "TIME"}]
            if not numbers or numbers[0].i not in {words[0].i, words[-1].i}:
                continue
            if self.places_in(words) or (words[-1].like_num and self.actors_of(words[0], follow_conj=False)):
                kept.append(words)
        return kept

    def _add_gapped(self, event: EventDraft, segments: list[list[Token]]) -> None:
        """One casualty per list item: its own place, or its own claimant for '..., and Armenia two'."""
        for segment in segments:
            number = next(t for t in segment if t.like_num)
            count = parse_count(number.text)
            if count is None:
                continue
            extra = self._new("casualty", number)
            extra.killed = count[0] if event.killed is not None else None
            extra.injured = count[0] if event.killed is None else None
            extra.count_qualifier = "exact"
            extra.victims = event.victims
            speaker = self.actors_of(segment[0], follow_conj=False) if segment[-1].like_num else []
            if speaker and event.claimed_by:
                # 'X says it lost 24 civilians, and Y two': Y's own figure, as Y reports it
                extra.claimed_by = speaker
            else:
                extra.locations = self.places_in(segment)
                extra.claimed_by = list(event.claimed_by)
            extra.date = event.date

    def _toll(self, noun: Token) -> None:
        """'the death toll had risen to 18', 'a toll of 25', 'the deaths of two children'."""
        number = None
        scope = list(noun.head.subtree) if noun.dep_ in lx.SUBJECT_DEPS else list(noun.subtree)
        for t in scope:
            if t.like_num and t.i > noun.i and t.ent_type_ != "DATE":
                if t.i > 0 and t.doc[t.i - 1].lower_ in {"the", "a", "this", "that"}:
                    continue  # 'a higher toll than the one first given': a pronoun, not a figure
                number = t
                break
        if number is None:
            return
        count = parse_count(" ".join(x.text for x in number.subtree if x.i <= number.i))
        if count is None:
            return
        event = self._new("casualty", noun)
        event.killed, event.count_qualifier = count
        words = {t.lower_ for t in noun.subtree} | {t.lower_ for t in number.head.subtree}
        event.victims = (
            "civilian"
            if words & lx.CIVILIAN_WORDS
            else "military"
            if words & lx.MILITARY_WORDS
            else "unknown"
        )
        event.locations = self.places_in(list(noun.sent))
        event.claimed_by = self.reporter_of(noun)
        event.date = self.date_of(noun)

    def _link_casualties(self, new_events: list[EventDraft]) -> None:
        strikes = [e for e in new_events if e.type == "strike"]
        for event in new_events:
            if event.type != "casualty" or event.cause is not None:
                continue
            cause = self._cause_in_sentence(event, strikes)
            if cause is None:
                continue
            event.cause = cause
            if not event.locations:
                event.locations = list(cause.locations)
            if not event.claimed_by:
                event.claimed_by = list(cause.claimed_by)
            event.date = event.date or cause.date

    def _cause_in_sentence(self, casualty: EventDraft, strikes: list[EventDraft]) -> EventDraft | None:
        if not strikes:
            words = {t.lemma_ for t in casualty.sent}
            if words & {"attack", "strike", "blast", "raid", "bombing", "shelling", "explosion"}:
                earlier = [e for e in self.events if e.type == "strike" and e is not casualty]
                return earlier[-1] if earlier else None
            return None
        token = self.doc[casualty.trigger]
        node = token
        while node.head.i != node.i and node.dep_ != "relcl":
            # a relative clause ('the bombardment that began after X rampaged, killing') tells other deeds
            node = node.head
            for strike in strikes:
                if strike.trigger == node.i:
                    return strike
        by_killer = self._strike_by_killer(token)
        if by_killer is not None:
            return by_killer
        before = [s for s in strikes if s.trigger < casualty.trigger]
        return before[-1] if before else strikes[0]

    def _strike_by_killer(self, kill: Token) -> EventDraft | None:
        """'Hamas militants rampaged ..., killing 1,300': the latest strike by whoever did the killing."""
        killers = self.subject_of(kill) if kill.pos_ == "VERB" else []
        if not killers:
            return None
        theirs = [e for e in self.events if e.type == "strike" and set(e.agents) & set(killers)]
        return theirs[-1] if theirs else None

    # --- speech acts ----------------------------------------------------------------
    def _speech_act(self, token: Token) -> None:
        lemma = token.lemma_
        if token.pos_ not in {"VERB", "NOUN", "ADJ", "ADP", "AUX"} or self._negated(token):
            return
        if lemma in lx.DENIAL_VERBS and token.pos_ == "VERB":
            self._denial(token)
        elif lemma in lx.ACCUSATION_VERBS and token.pos_ == "VERB":
            self._accusation(token)
        elif lemma in lx.THREAT_VERBS and token.pos_ == "VERB":
            self._threat(token)
        elif lemma in lx.DEMAND_VERBS and token.pos_ == "VERB":
            self._demand_or_call(token)
        elif lemma in lx.RETALIATE_VERBS and token.pos_ == "VERB" and self._modal(token):
            self._threat_from_plan(token)
        elif lemma in {"violate", "breach"} and token.pos_ == "VERB":
            self._reported_accusation(token, self.subject_of(token))
        elif lemma in {"responsible", "behind"} and token.dep_ in {"acomp", "prep"}:
            self._reported_accusation(token, self.subject_of(token.head))
        elif token.lower_ in {"must", "should"} and token.dep_ == "aux":
            self._reported_demand(token)

    def _reported_accusation(self, token: Token, accused: list[str]) -> None:
        """'X is violating the ceasefire, Y said' / 'Y says X is responsible for ...': Y accuses X."""
        accusers = self._with_affiliations(self.reporter_of(token))
        accused = [k for k in accused if k not in accusers]
        if not accusers or not accused:
            return
        event = self._new("accusation", token)
        _add(event.agents, *accusers)
        _add(event.targets, *accused)
        scope = [t for t in token.head.subtree if t.i > token.i]
        event.about = self._events_referred(scope, exclude_agents=accusers) if scope else []
        event.date = self.date_of(token)

    def _reported_demand(self, modal: Token) -> None:
        """'Y said X must withdraw': Y demands it of X."""
        verb = modal.head
        demanded_of = self.subject_of(verb)
        speakers = self._with_affiliations(self.reporter_of(verb))
        demanded_of = [k for k in demanded_of if k not in speakers]
        if not speakers or not demanded_of or verb.i in self.consumed:
            return
        event = self._new("demand", verb)
        _add(event.agents, *speakers)
        _add(event.targets, *demanded_of)
        event.date = self.date_of(verb)

    def _speakers(self, verb: Token) -> list[str]:
        agents = self.subject_of(verb)
        if not agents:
            head = verb.head
            if verb.dep_ in {"acl", "advcl", "pcomp"}:
                for child in head.children:
                    if child.dep_ in lx.SUBJECT_DEPS | {"pobj"}:
                        agents = self.actors_of(child)
                if not agents and head.dep_ == "pobj":
                    agents = self.actors_of(head)
                for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        _add(agents, *self.actors_of(obj))
        return self._with_affiliations(agents)

    def _with_affiliations(self, agents: list[str]) -> list[str]:
        """A person speaks for the body or country in their title: both are agents."""
        out = list(agents)
        for key in agents:
            actor = self.ent.actors[key]
            if actor.kind == "person" and actor.affiliation:
                _add(out, actor.affiliation)
        return out

    def _denial(self, verb: Token) -> None:
        if not self._denies_something(verb):
            return
        agents = self._speakers(verb)
        if not agents:
            return
        event = self._new("denial", verb)
        _add(event.agents, *agents)
        event.date = self.date_of(verb)
        scope = [t for t in verb.subtree if t.i > verb.i]
        event.denies = self._events_referred(scope, exclude_agents=agents)
        if verb.dep_ == "relcl" and verb.head.lemma_ in DENIABLE_NOUNS:
            # the claim is what the sentence said before it: that event and what it is about
            before = [e for e in self.events if e.sent.start == verb.sent.start and e.trigger < verb.head.i]
            before = [e for e in before if e.type != "denial"]
            event.denies = before + [x for e in before for x in e.about if x not in before]
        says_what = any(t.dep_ == "mark" and t.lower_ == "that" for t in scope)
        if not event.denies and not says_what:  # "denied Israel's claim that ...": that claim, not another
            claimed = [
                e
                for e in self.events
                if e.claimed_by
                and e.type in {"strike", "capture", "casualty"}
                and not set(e.claimed_by) & set(agents)
                and e is not event
            ]
            if not claimed:
                # an unattributed claim a few sentences back ('a group said it had captured X')
                claimed = [
                    e
                    for e in self.events
                    if e.type in {"capture", "strike"}
                    and not set(e.agents) & set(agents)
                    and e.sent.start >= self._sentence_start_before(verb, 3)
                ]
            if claimed:
                event.denies = [claimed[-1]]

    def _denies_something(self, verb: Token) -> bool:
        """'denied the claim / involvement / that ...': not 'reject the war' or 'dismissed talks'."""
        if verb.dep_ == "relcl" and verb.head.lemma_ in DENIABLE_NOUNS:
            return True  # '..., a claim Yerevan denied'
        for child in verb.children:
            if child.dep_ in {"ccomp", "xcomp"}:
                return True
            if child.dep_ in {"dobj", "nsubjpass"}:
                words = {t.lemma_ for t in child.subtree}
                if child.lemma_ in DENIABLE_NOUNS or words & (lx.STRIKE_NOUNS | {"capture", "seizure"}):
                    return True
                if child.lower_ in {"it", "this", "that", "them"}:
                    return True
        return False

    def _sentence_start_before(self, token: Token, count: int) -> int:
        """Token index where the sentence `count` sentences before the token's starts."""
        upto = bisect.bisect_right(self._sentence_starts, token.sent.start)
        return self._sentence_starts[upto - count - 1] if upto > count else 0

    def _events_referred(self, scope: list[Token], *, exclude_agents: list[str]) -> list[EventDraft]:
        """Events a denial or accusation talks about: by trigger inside its scope, or by type and place."""
        inside = [e for e in self.events if any(t.i == e.trigger for t in scope)]
        referred: list[EventDraft] = list(inside)
        words = {t.lemma_ for t in scope}
        places = self.places_in(scope)
        wants = set()
        if words & {
            "attack",
            "strike",
            "fire",
            "shell",
            "bomb",
            "target",
            "blast",
            "bombardment",
            "shelling",
            "involvement",
            "responsibility",
            "raid",
            "hit",
        }:
            wants.add("strike")
        if words & {"capture", "seize", "take", "fall", "occupy", "encircle", "control"}:
            wants.add("capture")
        if words & {"casualty", "kill", "death", "toll", "casualties"}:
            wants.add("casualty")
        # a country ('fire towards Azerbaijan') says too little to pick one of its towns' strikes
        places = [p for p in places if self.ent.places[p].place.kind != "country"]
        scope_agents = {k for t in scope for k in self.actors_of(t, follow_conj=False)}
        by_agent: list[EventDraft] = []
        for e in self.events:
            if e in referred or e.type not in wants or e.type in {"denial", "accusation"}:
                continue
            if places and set(e.locations) & set(places):
                referred.append(e)
            elif not places and set(e.agents) & scope_agents:
                by_agent.append(e)
        if by_agent and not referred:
            # 'Armenia denied it had directed fire ...': of that side's attacks, the one no one denied yet
            undenied = [e for e in by_agent if not any(e in d.denies for d in self.events)]
            referred.append((undenied or by_agent)[-1])
        if not referred and wants:
            candidates = [
                e for e in self.events if e.type in wants and not set(e.agents) & set(exclude_agents)
            ]
            undenied = [e for e in candidates if not any(e in d.denies for d in self.events)]
            pick = undenied or candidates
            if pick:
                referred.append(pick[-1] if not undenied else pick[0])
        return referred

    def _accusation(self, verb: Token) -> None:
        agents = self._speakers(verb)
        if not agents:
            return
        targets: list[str] = []
        about_scope: list[Token] = []
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                keys = self.actors_of(child)
                if keys:
                    _add(targets, *keys)
                else:
                    about_scope += list(child.subtree)
            if child.dep_ == "prep":
                if child.lower_ in {"on"} and verb.lemma_ == "blame":
                    for obj in child.children:
                        _add(targets, *self.actors_of(obj))
                        about_scope += list(obj.subtree)
                else:
                    about_scope += list(child.subtree)
        about = self._events_referred(about_scope, exclude_agents=agents) if about_scope else []
        if not targets:
            for e in about:
                _add(targets, *e.agents)
            if not targets:
                for t in about_scope:
                    _add(targets, *self.actors_of(t, follow_conj=False))
        targets = [t for t in targets if t not in agents]
        if not targets:
            return
        event = self._new("accusation", verb)
        _add(event.agents, *agents)
        _add(event.targets, *targets)
        event.about = about
        event.date = self.date_of(verb)

    def _threat(self, verb: Token) -> None:
        agents = self._speakers(verb)
        if not agents:
            return
        subject = next((c for c in verb.children if c.dep_ in lx.SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ in {"it", "this", "which", "that"}:
            return  # 'the conflict threatens to spill over': no one threatens anyone
        if verb.lemma_ == "warn" and not any(
            t.lemma_
            in {"consequence", "retaliation", "response", "revenge", "reprisal", "retaliate", "respond"}
            for t in verb.subtree
        ):
            return
        event = self._new("threat", verb)
        _add(event.agents, *agents)
        place_countries: list[str] = []
        for t in verb.subtree:
            if t.i == verb.i or t.dep_ in lx.SUBJECT_DEPS:
                continue
            for key in self.actors_of(t, follow_conj=False):
                if key not in agents:
                    _add(event.targets, key)
            mention = self.ent.mention_at(t)
            if mention and mention.place and not mention.actor:
                country = self.ent.places[mention.place].place.country
                if country and f"country:{country}" in self.ent.actors and f"country:{country}" not in agents:
                    _add(place_countries, f"country:{country}")
        if not event.targets:
            # 'destroying military targets inside Armenia': the threatened side is the place's country
            _add(event.targets, *place_countries)
        event.date = self.date_of(verb)

    def _threat_from_plan(self, token: Token) -> None:
        """'his forces would target X', 'we will strike back': a threat by the speaker, not a strike."""
        speakers = self.reporter_of(token)
        verb = self._clause_head(token)
        agents = self._with_affiliations(speakers) if speakers else self._speakers(verb)
        if not agents or verb.i in self.consumed:
            return
        event = self._new("threat", verb)
        _add(event.agents, *agents)
        for t in self.own_tokens(verb):
            mention = self.ent.mention_at(t)
            if mention and mention.actor and mention.actor not in agents and t.dep_ not in lx.SUBJECT_DEPS:
                _add(event.targets, mention.actor)
        event.date = self.date_of(verb)

    def _demand_or_call(self, verb: Token) -> None:
        subtree = [t for t in verb.subtree if t.i > verb.i]
        lemma = verb.lemma_
        text = " ".join(t.lower_ for t in subtree)
        is_call = bool(CEASEFIRE_RE.search(text)) and lemma in {
            "call",
            "urge",
            "ask",
            "press",
            "demand",
            "appeal",
        }
        if lemma == "call" and not any(c.lower_ in {"for", "on", "upon"} for c in verb.children):
            return
        if lemma in {"tell", "want", "order", "ask", "insist"} and not is_call:
            return
        agents = self._speakers(verb)
        if not agents:
            return
        targets: list[str] = []
        for t in subtree:
            if t.dep_ in {"dobj", "pobj", "poss", "nsubj"} and not _is_location_use(t):
                _add(targets, *[k for k in self.actors_of(t, follow_conj=False) if k not in agents])
        if not is_call and not targets:
            return
        event = self._new("ceasefire_call" if is_call else "demand", verb)
        _add(event.agents, *agents)
        _add(event.targets, *targets)
        event.date = self.date_of(verb)

    # --- merging ----------------------------------------------------------------------
    def _merge_duplicates(self) -> list[EventDraft]:
        """One event per real-world event: restatements (headline, lead, quotes) fold into the first."""
        kept: list[EventDraft] = []
        for event in self.events:
            twin = next((k for k in kept if self._same(k, event)), None)
            if twin is None:
                kept.append(event)
                continue
            _add(twin.agents, *event.agents)
            _add(twin.locations, *event.locations)
            _add(twin.targets, *event.targets)
            _add(twin.claimed_by, *event.claimed_by)
            twin.date = twin.date or event.date
            twin.weapon = twin.weapon or event.weapon
            for other in self.events:
                other.denies = [twin if d is event else d for d in other.denies]
                other.about = [twin if d is event else d for d in other.about]
                if other.cause is event:
                    other.cause = twin
        return kept

    def _only_loose_sites(self, event: EventDraft) -> bool:
        """Every location is a site the article does not place anywhere."""
        return bool(event.locations) and all(
            self.ent.places[p].place.kind == "site" and self.ent.places[p].place.lat is None
            for p in event.locations
        )

    def _same_side(self, a: list[str], b: list[str]) -> bool:
        """Two claimants lists from one side: one is empty, they share an actor, or a country."""
        if not a or not b or set(a) & set(b):
            return True
        countries = lambda keys: {self.ent.actors[k].country for k in keys} - {None}  # noqa: E731
        return bool(countries(a) & countries(b))

    def _same(self, a: EventDraft, b: EventDraft) -> bool:
        if a.type != b.type:
            return False
        agents_fit = not a.agents or not b.agents or bool(set(a.agents) & set(b.agents))
        if a.type in {"strike", "capture"}:
            same_place = bool(set(a.locations) & set(b.locations)) or (
                # 'shelling of El Obeid ... a shell hit a crowded market': an unplaced site, same sentence
                a.sent.start == b.sent.start and (self._only_loose_sites(a) or self._only_loose_sites(b))
            )
            return agents_fit and same_place and (a.date == b.date or not a.date or not b.date)
        if a.type == "casualty":
            figures = [(a.killed, b.killed), (a.injured, b.injured)]
            compatible = all(x is None or y is None or x == y for x, y in figures)
            shared = any(x is not None and x == y for x, y in figures)
            same_cause = a.cause is b.cause or (
                (a.cause is None) != (b.cause is None) and bool(set(a.locations) & set(b.locations))
            )
            return compatible and shared and same_cause and self._same_side(a.claimed_by, b.claimed_by)
        if a.type == "denial":
            same_target = {id(x) for x in a.denies} == {id(x) for x in b.denies}
            return bool(set(a.agents) & set(b.agents)) and same_target
        if a.type == "accusation":
            return bool(set(a.agents) & set(b.agents)) and bool(set(a.targets) & set(b.targets))
        return bool(set(a.agents) & set(b.agents)) and (
            bool(set(a.targets) & set(b.targets)) or not a.targets or not b.targets
        )
