"""A mention of an actor or a place as the extraction rules find it, before records are built,
and an article's mentions with what the finder read off them (its main country, the actors it
implies)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.keys import name_key
from kg.model import ActorType, PlaceType


@dataclass(slots=True)
class Found:
    """One mention of an actor or a place (token offsets into the Doc)."""

    kind: str  # "actor" or "place"
    start: int
    end: int
    key: str
    label: str
    actor_type: ActorType | None = None
    place_type: PlaceType | None = None
    country: str = ""  # ISO code: the country an actor belongs to, or a country place's own
    within: str | None = None  # place key
    resolved: bool = False  # a pronoun or generic noun resolved to the actor: none of its names
    # the whole noun phrase that refers to it ("the Foreign Secretary Boris Johnson", "the
    # Assad regime"), token offsets; the text's mention, while the label stays the name
    anchor: tuple[int, int] | None = None
    # the phrase adds words of its own (a title, a head noun), not a mere determiner: the name
    # inside it is a mention too, nested in the phrase's ("Boris Johnson")
    nested: bool = False
    reference: bool = False  # a phrase that refers to it by a role ("the Foreign Secretary")
    # state forces acting outside their country ("Turkish forces shelled Aqibah in Syria"): of
    # type External/Other while the rules read them, as ACLED codes them in these events; the
    # key and label stay the state's, so that one actor is one node (kg.model.Actor.external)
    external: bool = False
    state: str = ""  # ISO code of the state a state's forces or government found by name belong to
    # the country is the article's, as the words tell none ("residents", "gunmen"; not "Somali
    # gunmen"): an event the text places in another country keys them by its own
    assumed_country: bool = False
    # the identity is the actor's only as others' role in an event made it so (a riot made
    # the article's civilians rioters; not the riot's own subject): no other name of it
    retyped: bool = False

    @property
    def extents(self) -> tuple[tuple[int, int], ...]:
        """Token offsets of the text's mentions: the noun phrase, and the name nested in it."""
        if self.anchor is None:
            return ((self.start, self.end),)
        return (self.anchor, (self.start, self.end)) if self.nested else (self.anchor,)


@dataclass(slots=True)
class Mentions:
    found: list[Found]
    main_country: str
    main_place: str = ""  # the key of the main country's place, when the article names it
    by_token: dict[int, Found] = field(init=False)
    event_country: str = ""  # the country the article's events happen in, where told
    # place key -> the one country the place lies in, where its name tells it (a country's
    # name, a town of the lexicon's war regions, a name the gazetteer puts in one country)
    place_countries: dict[str, str] = field(default_factory=dict)
    implied: dict[str, tuple[str, ActorType]] = field(default_factory=dict)
    # noun phrases that name an actor by a role or a common noun ("the Foreign Secretary",
    # "the Government of Iraq"): mentions in the graph, not read by the event rules
    references: list[Found] = field(default_factory=list)
    # a country's name that is its place's only mention, where the country acts ("U.S.
    # airstrikes"): the span stays the place's, and the event rules read the state there
    acting: dict[int, Found] = field(default_factory=dict)
    # a country's name where the country is attacked ("Hezbollah attacked Israel", "fired
    # missiles at Israel"): the span stays the place's, where the events are, and the event
    # rules read the state there as the one acted on
    attacked: dict[int, Found] = field(default_factory=dict)
    # places whose only mention became their state's, that an event is placed at: kept, with
    # no mention of their own ("Hezbollah attacked Israel": the event is in Israel)
    unnamed_places: list[Found] = field(default_factory=list)
    # place key -> the place it lies in, told in brackets after it ("in Dire (Dire,
    # Tombouctou)"): read once, by the first event's places (kg/extract/arguments.py)
    place_containers: dict[str, str] | None = None
    # keys of places named only in what a protest is about ("calling for a ceasefire in
    # Gaza"), where the text names other places: no vote for the article's countries
    topic_places: frozenset[str] = frozenset()
    # the tokens of the place mentions named in what a protest is about, in an article that
    # names other places ("marched through the capital demanding justice for a killing in
    # Upton"): no place of the protest where its sentence tells another (event_places.py)
    topic_tokens: frozenset[int] = frozenset()
    # those of ``topic_tokens`` an event's places passed over for another place its sentence
    # tells (event_places.py): the geocoder reads them as no place of their sentence's events
    set_aside: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.by_token = {i: f for f in self.found for i in range(f.start, f.end)}

    def at(self, i: int) -> Found | None:
        return self.acting.get(i) or self.by_token.get(i)

    def add(self, found: list[Found]) -> None:
        """Mentions found after the mention finder's, before the events (states, the
        coalition), so that the event rules read them; an actor's phrase wins its tokens
        from a place named inside it ("the UK" acts, "UK" stays the place's name)."""
        self.found += found
        for f in found:
            for i in range(f.start, f.end):
                current = self.by_token.get(i)
                if current is None or (f.kind == "actor" and current.kind == "place"):
                    self.by_token[i] = f

    def imply_acting(self, used: set[str]) -> None:
        """The states read only where a place named once acts or is attacked, that an event
        took as an actor ("Rocket attacks on Lowland continued": the state attacked, no event
        between two sides, whose ends get mentions): actors the text implies, with no mention
        of their own (the span is the place's)."""
        for f in (*self.acting.values(), *self.attacked.values()):
            if f.key in used and f.actor_type is not None:
                self.implied.setdefault(f.key, (f.label, f.actor_type))

    def implicit(self, label: str, actor_type: ActorType) -> str:
        """An actor the text implies but does not name (the unnamed perpetrator of an attack,
        as ACLED codes it); it has no mention. Its key."""
        key = name_key(label)
        self.implied[key] = (label, actor_type)
        return key

    def retype(
        self,
        key: str,
        label: str,
        actor_type: ActorType,
        keep: set[int] | None = None,
        own: set[int] | None = None,
    ) -> str:
        """Give every mention of an actor another identity (its role in an event), but those
        whose ``id`` is in ``keep``; the new key. The mentions not in ``own`` (the event's
        own words for the role) are marked ``retyped``."""
        new_key = name_key(label)
        for f in self.found:
            if f.key == key and f.kind == "actor" and (keep is None or id(f) not in keep):
                f.key, f.label, f.actor_type, f.external = new_key, label, actor_type, False
                f.retyped = own is not None and id(f) not in own
        return new_key

    def retype_one(self, found: Found, label: str, actor_type: ActorType) -> str:
        """Give one mention another identity, leaving the others of its actor as they are
        ("angry residents attacked a man": the residents become rioters, not the man)."""
        found.key, found.label, found.actor_type, found.external = (
            name_key(label),
            label,
            actor_type,
            False,
        )
        return found.key

    def at_key(self, key: str) -> Found | None:
        """The first mention of the actor or place with this key."""
        return next((f for f in self.found if f.key == key), None)
