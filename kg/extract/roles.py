"""Who takes part in an event is, in ACLED's coding, of the type the event gives them: people
who protest are protesters, people who riot rioters; an attack nobody is named for is an
unidentified armed group's."""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.crowd import about_words, crowd_words, told_doing, told_side
from kg.extract.drafts import ARMED, Draft, dedup
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.reporters import reports
from kg.extract.trigger_args import joined_subjects
from kg.model import ActorType

_ROLE_TYPES = {  # who takes part in these events is, in ACLED's coding, of this type
    "peaceful-protest": ActorType.PROTESTERS,
    "protest-with-intervention": ActorType.PROTESTERS,
    "excessive-force-against-protesters": ActorType.PROTESTERS,
    "violent-demonstration": ActorType.RIOTERS,
    "mob-violence": ActorType.RIOTERS,
}
# role events whose targets are their victims, not the crowd: a mob's
_VICTIMS_TOLD = frozenset({"mob-violence"})
_RETYPED = frozenset({ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS})
# events whose targets are a crowd being policed, not its victims
_CROWD_CONTROL = frozenset({"arrests"})
_ROLE_LABELS = {ActorType.PROTESTERS: "Protesters", ActorType.RIOTERS: "Rioters"}
_STATES = frozenset({ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER})
_LETHAL_FORCE = "excessive-force-against-protesters"
_TO_PLACES = frozenset({"displacement"})  # events whose places are where people went
# events an unnamed armed group commits when the text names no one (ACLED's coding)
_UNNAMED_PERPETRATOR = frozenset(
    {"attack", "remote-explosive-landmine-ied", "grenade", "abduction-forced-disappearance",
     "sexual-violence", "suicide-bomb"}
)  # fmt: skip


def assign_roles(events: list[Draft], mentions: Mentions, lexicon: Lexicon) -> None:
    """People who protest are protesters, people who riot rioters: the role in the event
    decides the actor's type ("residents blocked the road": Protesters (Kenya))."""
    renamed: dict[str, str] = {}
    facilities = lexicon.word_set("actors", "facilities", "words")  # each built once
    reporting = lexicon.word_set("modality", "reporting_verbs")
    arresting = lexicon.word_set("actors", "arresting_bodies", "words")
    doings = lexicon.word_set("actors", "crowd_doings", "words")
    topics = lexicon.word_set("places", "topic_prepositions")
    protesting = lexicon.word_set("places", "topic_verbs")
    # the words naming who an attack, a clash or an abduction was done to: a riot elsewhere in
    # the article does not make those civilians rioters ("residents rioted; gunmen killed two
    # civilians"); the arrested and the dispersed are the crowd itself
    killing = lexicon.word_set("counts", "killing_verbs")
    victims: set[int] = set()
    policed: set[int] = set()  # the words for whom an arrest or force was done to: a crowd
    keyed: dict[str, list[Found]] | None = None  # the mentions by key, grouped when first needed
    # a mob's own words for its doers, who are no crowd of a protest: "students marched"
    # makes no protesters of the "men" a later sentence tells attacked protesters
    mobs = {
        id(f)
        for d in events
        if d.event_class in _VICTIMS_TOLD
        for k in d.agents
        for f in d.role_mentions.get(k, [])
    }
    for d in events:
        if d.event_class in _CROWD_CONTROL or d.event_class == _LETHAL_FORCE:
            policed.update(id(f) for k in d.targets for f in d.role_mentions.get(k, []))
        if d.event_class in _CROWD_CONTROL or (
            d.event_class in _ROLE_TYPES and d.event_class not in _VICTIMS_TOLD
        ):
            continue
        for k in d.targets:
            if d.event_class in _VICTIMS_TOLD and k in d.agents:
                continue  # "supporters of two rivals clashed": the mob itself, no victim
            named = d.role_mentions.get(k)
            if not named:
                keyed = _by_key(mentions.found) if keyed is None else keyed
                named = _killed_in_sentence(d, keyed.get(k, []), killing)
            doc = d.sentence.doc
            victims.update(id(f) for f in named if not told_doing(doc, f, doings))
    for d in events:
        role = _ROLE_TYPES.get(d.event_class)
        if role is None:
            continue
        for shared in d.shared_agents:  # "angry residents attacked a man": the rioters
            if shared.key in d.targets and shared.actor_type in _RETYPED:
                label = _role_label(role, shared.country, lexicon)
                d.agents = dedup([*d.agents, mentions.retype_one(shared, label, role)])
        for key in d.agents:
            found = mentions.at_key(key)
            if found is None or found.actor_type not in _RETYPED or found.actor_type == role:
                continue
            label = _role_label(role, found.country, lexicon)
            words = {id(f) for f in d.role_mentions.get(key, [])}  # the event's own for them
            # the crowd's mentions, not every civilian of the article ("people protested;
            # shelling wounded two civilians": the civilians stay civilians)
            named = [f for f in mentions.found if f.key == key and f.kind == "actor"]
            theirs = crowd_words(d, key, named, policed, doings)
            if theirs is not None and not words & {id(f) for f in named}:
                continue  # its words are another role's already ("students marched ... rioted")
            others = {id(f) for f in named if theirs is not None and id(f) not in theirs}
            if role != ActorType.RIOTERS:  # a mob's own words for its doers are no protesters
                others |= mobs - words
            renamed[key] = mentions.retype(key, label, role, keep=victims | others, own=words)
            if mentions.at_key(renamed[key]) is None:  # every mention a victim's: the crowd
                mentions.implicit(label, role)  # is implied, as ACLED's unnamed rioters

    def _about(d: Draft, key: str) -> bool:
        kept = [f for f in d.role_mentions.get(key, []) if f.key == key]  # not the crowd's
        return key in renamed and about_words(d, kept, topics, protesting)

    def now(key: str) -> str:
        return _current(key, renamed, lambda k: mentions.at_key(k) is None)

    def own(d: Draft, key: str, skip: frozenset[int] = frozenset()) -> str:
        """The key the event's own words for the actor bear now (but those whose ``id`` is in
        ``skip``), else :func:`now`."""
        words = d.role_mentions.get(key, [])
        keys = dedup(f.key for f in words if id(f) not in skip)
        if len(keys) == 1:
            return keys[0]
        if not keys and skip and mentions.at_key(key) is not None:
            return key  # "a thief was lynched by villagers": the other words' civilians
        keys = dedup(f.key for f in words)
        if len(keys) == 1:
            return keys[0]
        if key in renamed and _ROLE_TYPES.get(d.event_class) is not None:
            # the riot's crowd, told by a pronoun or a fold (as it is now: "students marched"
            # made civilians protesters, whom the lead's riot then made rioters)
            return now(renamed[key])
        if key in renamed and mentions.at_key(key) is not None:  # a crowd split off the key
            return now(told_side(d, key, renamed[key], mentions.found))
        return now(key)

    for d in events:
        d.agents = dedup(own(d, k) for k in d.agents)
        # "a thief was lynched by villagers": the subject's words the riot made rioters are
        # no word for its victim, who stays who the other words name (a civilian)
        crowd = frozenset(id(f) for f in d.shared_agents)
        d.targets = [
            k
            for k in dedup(own(d, k, crowd) for k in d.targets)
            if k not in d.agents or k in d.both_sides
        ]
        d.reported_by = dedup(now(k) for k in d.reported_by)
        role = _ROLE_TYPES.get(d.event_class)
        if role is not None and d.event_class != _LETHAL_FORCE:  # what they rose against
            d.targets = [k for k in d.targets if not _about(d, k)]
        where = _event_country(d, mentions) or mentions.main_country
        if not d.agents and d.event_class == _LETHAL_FORCE:
            # "a protester died after being hit by a tear gas canister": the police's force on
            # the crowd, which is its target, not its doer
            label = _role_label(ActorType.PROTESTERS, where, lexicon)
            d.targets = d.targets or [mentions.implicit(label, ActorType.PROTESTERS)]
            d.agents = [_police(where, mentions, lexicon)]
        if not d.agents and role is not None:  # "tailors held a protest": protesters
            d.agents = [mentions.implicit(_role_label(role, where, lexicon), role)]
        if not d.agents and d.event_class == "arrests" and joined_subjects(d) & arresting:
            d.agents = [_police(where, mentions, lexicon)]  # "authorities arrested": the police
        if not d.agents and d.event_class in _UNNAMED_PERPETRATOR:
            d.agents = _named_perpetrator(d, mentions, facilities, reporting | _callers())
        if not d.agents and d.event_class in _UNNAMED_PERPETRATOR:
            country = lexicon.country_by_iso.get(where)
            label = (
                f"Unidentified Armed Group ({country.name})"
                if country
                else ("Unidentified Armed Group")
            )
            d.agents = [mentions.implicit(label, ActorType.POLITICAL_MILITIA)]
    moved: dict[str, str] = {}
    for d in events:
        moved.update(_in_own_country(d, mentions, lexicon))
    if moved:
        _follow_moves(events, mentions, moved)


def _by_key(found: list[Found]) -> dict[str, list[Found]]:
    """The mentions of each key, in their order."""
    keyed: dict[str, list[Found]] = {}
    for f in found:
        keyed.setdefault(f.key, []).append(f)
    return keyed


def _killed_in_sentence(d: Draft, named: list[Found], killing: frozenset[str]) -> list[Found]:
    """The actor's mentions (``named``) in the event's sentence that a killing verb acts on,
    for a target the event holds without words of its own ("fighting erupted, killing nine
    people including two civilians": the people killed; not "police clashed with rioting
    youth", whom a riot makes rioters)."""
    sentence = range(d.sentence.start, d.sentence.end)
    doc = d.sentence.doc
    return [f for f in named if f.start in sentence and _under_killing(doc[f.end - 1], killing)]


def _under_killing(token: Token, killing: frozenset[str]) -> bool:
    """Whether a killing verb governs ``token`` within three steps ("killing (nine) people
    (including) civilians")."""
    for _ in range(3):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "VERB":
            return token.lemma_.lower() in killing
    return False


def _follow_moves(events: list[Draft], mentions: Mentions, moved: dict[str, str]) -> None:
    """An actor whose every mention an event re-keyed by its country is that new actor in
    every event: another event of the same sentence, or one it reported elsewhere, still
    named the old key, which no actor bears any more."""
    alive = {f.key for f in mentions.found if f.kind == "actor"} | set(mentions.implied)

    def now(key: str) -> str:
        return _current(key, moved, lambda k: k not in alive)

    for d in events:
        d.agents = dedup(now(k) for k in d.agents)
        d.targets = [k for k in dedup(now(k) for k in d.targets) if k not in d.agents]
        d.reported_by = dedup(now(k) for k in d.reported_by)


def _current(key: str, renames: dict[str, str], gone: Callable[[str], bool]) -> str:
    """The key an actor bears now: renames chain (nurses -> protesters -> rioters) and can go
    back (a crowd that riots, then protests); a key some mention still bears (not ``gone``)
    stays."""
    seen = set()
    while key in renames and key not in seen and gone(key):
        seen.add(key)
        key = renames[key]
    return key


def _event_country(d: Draft, mentions: Mentions) -> str:
    """The country the event happens in as its places' names tell (the first of them whose
    name tells one: ``Mentions.place_countries``), or "". A displacement's places are where
    people went ("refugees fled to countries including Jordan"): they tell none."""
    if d.event_class in _TO_PLACES:
        return ""
    return next((iso for p in d.places if (iso := mentions.place_countries.get(p, ""))), "")


def _in_own_country(d: Draft, mentions: Mentions, lexicon: Lexicon) -> dict[str, str]:
    """The event's actors whose words tell no country ("residents", "gunmen"; their country the
    article's) are of the country the event happens in: "Kenyan police raided a camp near
    Kismayo, killing five militants ... residents rioted in Garissa": Militants (Somalia),
    Rioters (Kenya), whichever country the article is mostly about. State forces stay their
    state's (forces abroad are external in the event: ``kg.extract.abroad``)."""
    iso = _event_country(d, mentions)
    country = lexicon.country_by_iso.get(iso)
    if country is None:
        return {}
    keys = {
        f.key
        for found in d.role_mentions.values()
        for f in found
        if f.kind == "actor"
        and f.assumed_country
        and f.country not in ("", iso)
        and f.actor_type not in _STATES
        and f.key in (*d.agents, *d.targets)
    }
    renamed: dict[str, str] = {}
    sentence = range(d.sentence.start, d.sentence.end)
    for f in mentions.found:  # the role's words, and the same actor's others in the sentence
        if f.key not in keys or f.start not in sentence or not f.assumed_country:
            continue
        old = lexicon.country_by_iso.get(f.country)
        suffix = f" ({old.name})" if old is not None else ""
        if not suffix or not f.label.endswith(suffix):
            continue
        label, key = f"{f.label.removesuffix(suffix)} ({country.name})", f.key
        renamed[key] = mentions.retype_one(f, label, f.actor_type or ActorType.CIVILIANS)
        f.country = iso
    if renamed:
        d.agents = dedup(renamed.get(k, k) for k in d.agents)
        d.targets = [k for k in dedup(renamed.get(k, k) for k in d.targets) if k not in d.agents]
    return renamed


def _role_label(role: ActorType, iso: str, lexicon: Lexicon) -> str:
    """ "Rioters (Kenya)", or "Rioters" for no known country."""
    country = lexicon.country_by_iso.get(iso)
    return f"{_ROLE_LABELS[role]} ({country.name})" if country else _ROLE_LABELS[role]


@functools.cache
def _callers() -> frozenset[str]:
    """Verbs whose subject calls for, condemns or blames an act, never its unnamed doer: "the
    UN called for an end to the attacks", "the Taliban condemned the bombing"."""
    verbs = read_words("relations.toml", "fighting", "demand_verbs") | read_words(
        "relations.toml", "fighting", "accuse_verbs"
    )
    return verbs - {"suspect"}  # "bandits suspected to be from Lowtown raided": the doers


def _named_perpetrator(
    d: Draft, mentions: Mentions, facilities: frozenset[str], reporting: frozenset[str]
) -> list[str]:
    """ "A bomb planted by the Taliban killed 2 soldiers": an armed actor the sentence names,
    not the event's target nor who reports it ("..., police said": ``reports``), before
    ACLED's unnamed armed group."""
    for i in range(d.sentence.start, d.sentence.end):
        found = mentions.at(i)
        if found is None or found.start != i or found.kind != "actor":
            continue
        if reports(d.sentence.doc[found.end - 1], reporting):
            continue
        if found.actor_type in ARMED and found.key not in d.targets:
            last = d.sentence.doc[found.end - 1]
            if _names_a_facility(last, found, mentions, facilities):
                if _under(last.head, d.trigger.root):  # "exploded outside a police station"
                    d.targets = dedup([*d.targets, found.key])  # the police's: the target
                continue
            return [found.key]
    return []


def _names_a_facility(
    last: Token, found: Found, mentions: Mentions, facilities: frozenset[str]
) -> bool:
    """Whether the mention only qualifies a facility or a vehicle (``facilities`` of
    ``kg/data/lexicon.toml``): "police" in "a police station", "army" in "an army base",
    "Taliban" in "a Taliban checkpoint" (not in "Taliban militants", "a Taliban attack")."""
    head = last.head
    return (
        last.dep_ in ("compound", "amod", "nmod")
        and not found.start <= head.i < found.end
        and head.lemma_.lower() in facilities
        and mentions.at(head.i) is None
    )


def _under(token: Token, root: Token) -> bool:
    """Whether ``token`` lies in the phrase ``root`` heads."""
    return token.i == root.i or any(a.i == root.i for a in token.ancestors)


def _police(where: str, mentions: Mentions, lexicon: Lexicon) -> str:
    """The key of the police of the country ``where`` (an ISO code), the forces that arrest
    and disperse crowds where the text names none."""
    country = lexicon.country_by_iso.get(where)
    label = f"Police Forces of {country.name}" if country else "Police Forces"
    return mentions.implicit(label, ActorType.STATE_FORCES)
