"""Crowds that do violence: in ACLED's coding a spontaneous, unorganised crowd riots (mob
violence, or a violent demonstration when it demonstrates), it does not attack, and its
destruction of property is a riot, not the looting armed men do."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import columns, parse_tree
from kg.extract.clauses import fought_for_ground
from kg.extract.drafts import ARMED, UNARMED, Draft
from kg.extract.lexicon import Lexicon, read_words
from kg.model import ActorType

# a trigger in one of these relations is done by its head's subject: "stoned and killed",
# "closed the road by burning tyres"
_SHARED_SUBJECT = frozenset({"conj", "pcomp", "prep", "pobj", "dobj", "amod", "advcl", "xcomp"})
# prepositions whose phrase is done by the clause's subject ("by burning", "after beating"),
# unlike "accused the police of killing"
_DOER_PREPOSITIONS = frozenset({"by", "while", "after", "before"})
# burnt, the barricades of demonstrators ("burned tyres"; not "its tyres deflated")
_TYRES = frozenset({"tyre", "tire"})
# besides the identity words: who makes a crowd word an organised group's ("youths of a gang")
_ORGANISED = frozenset({"militia", "gang"})
_RIOTERS = frozenset({"rioter", "rioters"})
# the phrases of place or time that make a gathering a setting: "at a rally", "after a rally"
_SETTING_PREPOSITIONS = frozenset(
    {"at", "during", "after", "before", "to", "near", "following", "outside", "from"}
)  # fmt: skip
_SETTING_MARKS = frozenset({"after", "before", "when", "as"})  # "after a rally ended"
_THROWING = frozenset({"throw", "pelt", "hurl", "stone", "lob"})
_MUTUAL = ("each other", "one another", "eachother")  # "threw stones at each other"
_ONE = frozenset({"NN", "NNP", "PRP"})  # a singular noun, name or pronoun ("a man", "he")
_PEOPLE = frozenset({"people"})  # not "a local man": one man is no crowd
_MANY = frozenset({"they", "we", "crowd", "mob", "group", "gang"})  # one word, many people
CROWDS = frozenset({ActorType.RIOTERS, ActorType.PROTESTERS})
_POLICE = frozenset(
    {"police", "policeman", "gendarme", "security", "law", "officer", "riot-police"}
)


class Crowds:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.doers = lexicon.word_set("events", "crowd_doers")
        self.gun_words = lexicon.word_set("events", "gun_words")
        self.demonstration_words = lexicon.word_set("events", "demonstration_words")
        self.finders = lexicon.word_set("events", "discovery_words")
        self.dying = lexicon.word_set("modality", "dying_verbs")
        self.stones = lexicon.word_set("events", "thrown_stones")
        self.protesting = lexicon.word_set("events", "protesting_words")
        self.organised = _ORGANISED | frozenset(lexicon.words["actors"]["identity_words"]["words"])
        self.protest_words = lexicon.word_set("events", "protest_words")
        self.gatherings = lexicon.word_set("events", "setting_gatherings")
        self.taken_verbs = read_words("names.toml", "places", "taken_verbs")

    def by_the_sides(self, d: Draft, types: dict[str, ActorType], lemmas: frozenset[str]) -> None:
        """Who is on each side turns an attack or a clash into force against protesters or a
        riot."""
        unarmed = d.agents and all(types.get(a) in UNARMED for a in d.agents)
        crowd = d.agents and all(types.get(a) in CROWDS for a in d.agents)
        if not crowd and not any(types.get(a) in ARMED for a in d.agents):
            # "residents stoned a suspect": a crowd, unless it shoots
            crowd = self.did_it(d, lemmas) or self.threw_stones(d, lemmas)
        # "Hamas supporters clashed with Fatah supporters": crowds of partisans on both sides,
        # a riot of the crowds (the parties named only as whom they follow), no armed clash
        if partisan_crowds(d, types):  # the parties are associated, not sides of it
            d.agents, crowd = [a for a in d.agents if types.get(a) not in ARMED], True
        if d.event_class == "armed-clash" and self.fights_for_ground(d):
            crowd = unarmed = False  # "villagers fought to free the town": a battle, no riot
        armed_target = any(types.get(t) in ARMED for t in d.targets)
        protesters_hit = any(types.get(t) == ActorType.PROTESTERS for t in d.targets)
        by_others = _not_the_state(d.agents, types)
        if protesters_hit and by_others and d.event_class in ("attack", "armed-clash"):
            # "men with machetes attacked protesters": no force of the state; a mob's
            # violence when no attacker is armed, else an attack on them
            armed = any(types.get(a) in ARMED for a in d.agents)
            d.event_class = "attack" if armed else "mob-violence"
        elif protesters_hit and not crowd and d.event_class in ("attack", "armed-clash"):
            d.event_class = "excessive-force-against-protesters"  # "police shot a protester"
        elif crowd and d.event_class == "attack":
            d.event_class = self.riot(d)  # "beaten by rioters", "stoned by a mob"
        elif crowd and d.event_class == "looting-property-destruction":
            # "residents burned tyres", "a mob torched a car": rioters (ACLED's looting is armed
            # men's)
            d.event_class = self.riot(d)
        elif crowd and d.event_class == "armed-clash" and not armed_target:
            # "supporters of two candidates clashed": no armed side, a riot
            d.event_class = self.riot(d)
        elif crowd and d.event_class == "armed-clash" and _only_state_hit(d.targets, types):
            # "a group of vendors attacked a policewoman": a crowd against the police riots
            d.event_class = self.riot(d)
        elif d.event_class == "armed-clash" and (
            unarmed or _crowd_and_state(d.agents, types) or self.faces_the_state(d, types, lemmas)
        ):
            # students, residents, supporters fighting (with police or each other), "running
            # battles between protesters and the police": a riot
            protest = bool(lemmas & self.protest_words) or self.rioters_and_police(d)
            d.event_class = "violent-demonstration" if protest else "mob-violence"

    def did_it(self, d: Draft, lemmas: frozenset[str]) -> bool:
        """Whether a crowd word names who did the event ("residents stoned", "beaten by a group
        of youths", "hundreds of students attacked"), unless the sentence tells of guns: men who
        shoot are armed, whoever they are."""
        guns = lemmas & self.gun_words
        if "set" in lemmas:  # "set fire to a boat" is arson, not gunfire
            guns -= {"fire"}
        if guns:
            return False
        trigger = d.trigger[0]
        if {trigger.lemma_.lower(), trigger.head.lemma_.lower()} & self.finders:
            return False  # "villagers found the body": who finds a victim did not kill him
        if trigger.lemma_.lower() in self.dying:
            return False  # "a protester died after being hit": who dies did not kill
        return any(self._crowd(doer) for doer in _doers(d.trigger[0]))

    def fights_for_ground(self, d: Draft) -> bool:
        """Whether the fight's aim is to take ground ("fought to free the town", "battled to
        retake Hightown"): fighters for a town fight a battle, whoever they are; a crowd does
        not riot to capture a town."""
        return fought_for_ground(d.trigger.root, self.taken_verbs)

    def faces_the_state(
        self, d: Draft, types: dict[str, ActorType], lemmas: frozenset[str]
    ) -> bool:
        """Whether a clash's sides are the state's forces and civilians a crowd's word names,
        with no armed target ("a running battle between police and residents", "police and
        refugees clashed"): the crowd riots, no armed group fights."""
        kinds = {types.get(a) for a in d.agents}
        if kinds != {ActorType.CIVILIANS, ActorType.STATE_FORCES}:
            return False
        return not any(types.get(t) in ARMED for t in d.targets) and self.did_it(d, lemmas)

    def threw_stones(self, d: Draft, lemmas: frozenset[str]) -> bool:
        """Whether the sentence tells stones thrown and no firearm ("they pelted stones at
        each other", "stoned the police"): a crowd's weapons, not an armed group's."""
        if lemmas & self.gun_words - ({"fire"} if "set" in lemmas else set()):
            return False
        t, span = parse_tree.tree(d.sentence.doc), range(d.sentence.start, d.sentence.end)
        verbs = {t.lemma[i] for i in span if t.pos[i] == "VERB"}
        if not verbs & _THROWING:
            return False  # "hit by a stone": no one told throwing, no crowd
        if _one_thrower(d.sentence):
            return False  # "a man threw a rock at a nurse": one man is no crowd
        nouns = {t.lemma[i] for i in span if t.pos[i] == "NOUN"}
        return bool(nouns & self.stones) or "stone" in verbs

    def riot(self, d: Draft) -> str:
        """A crowd's violence: a violent demonstration when the sentence tells a demonstration
        ("burned tyres on the road to denounce"), else mob violence, as when crowds fight
        each other."""
        t = parse_tree.tree(d.sentence.doc)
        words = {
            w for i in range(d.sentence.start, d.sentence.end)
            if t.ent_type[i] not in ("DATE", "TIME")  # not "3 March"
            for w in (t.lemma[i], t.lower[i])
        }  # fmt: skip
        if self.fight_among(d.sentence) or self.gathering_only(d.sentence):
            return "mob-violence"
        if words & self.demonstration_words or ("burn" in words and words & _TYRES):
            return "violent-demonstration"
        return "violent-demonstration" if self.rioters_and_police(d) else "mob-violence"

    def fight_among(self, sentence: Span) -> bool:
        """ "Supporters of two candidates threw stones at each other during the rally": crowds
        fighting one another press no demand, a mob's violence (the rally, the road are only
        where it happened), unless the sentence names them protesters."""
        text = columns.text(sentence).lower()
        if not any(words in text for words in _MUTUAL):
            return False
        t = parse_tree.tree(sentence.doc)
        return not any(
            t.lemma[i] in self.protesting or t.lower[i] in self.protesting
            for i in range(sentence.start, sentence.end)
        )

    def gathering_only(self, sentence: Span) -> bool:
        """ "Supporters of two candidates clashed at a party rally", "youths stoned a convoy
        during a rally": a gathering a phrase of place or time names is where a crowd's
        violence happened, a mob's, where the sentence names no other word of demonstration
        and no police (a crowd facing the police at a rally demonstrates;
        ``setting_gatherings``)."""
        t = parse_tree.tree(sentence.doc)
        span = range(sentence.start, sentence.end)
        if any(t.lemma[i] in _POLICE or t.lower[i] in _POLICE for i in span):
            return False
        settings = {i for i in span if t.lemma[i] in self.gatherings and _setting(t, i)}
        if not settings:
            return False
        return not any(
            (t.lemma[i] in self.demonstration_words or t.lower[i] in self.demonstration_words)
            and i not in settings
            for i in span
        )

    def rioters_and_police(self, d: Draft) -> bool:
        """ "Rioters clashed with police", "rioters fought law enforcement officers": rioters
        facing the police riot against the authorities, a violent demonstration (ACLED's
        coding, most often), not the violence of a mob against its own victims."""
        words = columns.words(d.sentence.doc, d.sentence.start, d.sentence.end)
        return bool(words & _RIOTERS) and bool(words & _POLICE)

    def _crowd(self, doer: Token) -> bool:
        if any(t.lemma_.lower() in self.organised for t in doer.subtree):
            return False  # "youths from the Hill community", "youths of the Mungiki militia"
        of = [p for c in doer.children if c.lower_ == "of" for p in c.children]
        return any(self._crowd_word(t) for t in [doer, *of])

    def _crowd_word(self, t: Token) -> bool:
        """A crowd's noun ("residents", "a mob"), or people named by a crowd's word ("local
        people": locals)."""
        if t.lemma_.lower() in self.doers or t.lower_ in self.doers:
            return True
        return t.lower_ in _PEOPLE and any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.doers for c in t.children
        )


def _went_on(trigger: Token, prep: Token) -> bool:
    """ "Students went on a rampage": who goes on it does it (not "went on a looting spree",
    where the trigger only qualifies what they went on)."""
    return trigger.head == prep and prep.lower_ == "on" and prep.head.lemma_.lower() == "go"


def _doers(trigger: Token) -> list[Token]:
    """Who did what the trigger tells: its subject or "by" phrase, or that of the verb it
    hangs from."""
    # "injured during a running battle between police and residents": the sides it names
    own = [c for c in trigger.children if c.lower_ == "between"]
    head = trigger
    for _ in range(5):
        if head.dep_ not in _SHARED_SUBJECT or any(c.dep_ == "nsubj" for c in head.children):
            break
        if (
            head.dep_ == "prep"
            and head.lower_ not in _DOER_PREPOSITIONS
            and not _went_on(trigger, head)
        ):
            return _sides([], own)
        head = head.head
    # "beaten by locals", "clashes between supporters of two candidates"; a passive verb's
    # conjunct shares its "by" phrase ("was beaten and tied up by rioters")
    passive = [c for c in head.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    phrases = [
        c
        for verb in [head, *passive]
        for c in verb.children
        if c.dep_ == "agent" or (verb == head and c.lower_ == "between")
    ]
    if head != trigger:
        phrases += own
    if trigger.dep_ == "nsubj":  # "a clash erupted between", "fighting broke out between"
        phrases += [c for c in trigger.head.children if c.lower_ == "between"]
    return _sides([c for c in head.children if c.dep_ == "nsubj"], phrases)


def _sides(subjects: list[Token], phrases: list[Token]) -> list[Token]:
    """The subjects and the objects of the phrases, each with its conjuncts: "a clash between
    police and shopkeepers", "police and residents clashed"."""
    objects = [p for c in phrases for p in c.children if p.dep_ == "pobj"]
    return [t for doer in [*subjects, *objects] for t in (doer, *doer.conjuncts)]


def _one_thrower(sentence: Span) -> bool:
    """Whether the sentence's throwing verbs have subjects and each is one person."""
    throwers = [
        c
        for t in sentence
        if t.pos_ == "VERB" and t.lemma_.lower() in _THROWING
        for c in t.children
        if c.dep_ == "nsubj"
    ]
    return bool(throwers) and all(
        t.tag_ in _ONE and t.lower_ not in _MANY and not any(c.dep_ == "conj" for c in t.children)
        for t in throwers
    )


def _only_state_hit(targets: list[str], types: dict[str, ActorType]) -> bool:
    """Whether the armed sides a draft acts on are all the state's forces."""
    armed = [types.get(t) for t in targets if types.get(t) in ARMED]
    return bool(armed) and all(t == ActorType.STATE_FORCES for t in armed)


def _crowd_and_state(agents: list[str], types: dict[str, ActorType]) -> bool:
    """A crowd and the state's forces as the sides of a clash ("running battles between
    protesters and the police"): the crowd riots, no armed group fights."""
    kinds = {types.get(a) for a in agents}
    return bool(kinds & CROWDS) and kinds <= CROWDS | {ActorType.STATE_FORCES}


def _setting(t: parse_tree.Tree, i: int) -> bool:
    """Whether the word ``i`` is told as a setting: the object of a phrase of place or time
    ("at a rally", "heading to a rally") or the subject of a clause of time ("after the rally
    ended")."""
    head = t.head[i]
    if t.dep[i] == "pobj" and t.lower[head] in _SETTING_PREPOSITIONS:
        return True
    return (
        t.dep[i] == "nsubj"
        and t.dep[head] == "advcl"
        and any(t.dep[c] == "mark" and t.lower[c] in _SETTING_MARKS for c in t.kids[head])
    )


def partisan_crowds(d: Draft, types: dict[str, ActorType]) -> bool:
    """Whether the subject's crowd is also the object's, and every target a crowd ("Hamas
    supporters clashed with Fatah supporters", "X supporters attacked Y supporters"): the two
    crowds fight each other, whatever armed group a name before them follows."""
    if not d.targets or not all(types.get(t) in CROWDS for t in d.targets):
        return False
    return any(f.actor_type in CROWDS and f.key in d.targets for f in d.shared_agents)


# armed groups of no state and men of no side: who attacks protesters but the state's forces
_OTHERS = (ARMED - {ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER}) | {ActorType.CIVILIANS}


def _not_the_state(agents: list[str], types: dict[str, ActorType]) -> bool:
    """Whether the attackers are named and none is the state's or a crowd's: armed groups or
    men of no side ("a gang of men armed with machetes"), whom no force of the state is."""
    return bool(agents) and all(types.get(a) in _OTHERS for a in agents)
