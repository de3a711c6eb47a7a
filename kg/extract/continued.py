"""A story's later sentences go on telling the happening its lead told: "Russia launched
missiles at Lowtown, killing 12. The attack on the hospital destroyed its wards. Two nurses
were killed there." The attack pointed back to and the deaths told with no one named as their
doer are the lead's event (its place and day: one event) or, at another place, its doer's act
there, of its kind ("In Hightown, three people were killed": the barrage's shelling there),
not an unidentified armed group's (:mod:`kg.extract.roles` names that group only where the
story names no doer at all).

Not where the sentence opens another happening ("Separately,", "Elsewhere,", "In another
attack"), tells it of another day, or names the doer of another event of its own."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Span

from kg.extract import columns, parse_tree
from kg.extract.drafts import ARMED, Draft, dedup, take_account
from kg.extract.found import Mentions
from kg.extract.headline_fold import headline_end
from kg.extract.headline_retells import second_clause
from kg.extract.twins import family
from kg.model import ActorType, PlaceType

__all__ = [
    "VIOLENT_FAMILIES",
    "opens_another",
    "place_apart",
    "told_besides",
    "told_on",
    "town_apart",
    "town_within",
]

# the ACLED event types of armed violence, whose doer a later sentence's harm goes on with
VIOLENT_FAMILIES = frozenset(
    {"battles", "explosions-remote-violence", "violence-against-civilians"}
)
# harm told by its victims: "two were killed", "a man died", "16 were wounded", "a guard
# was shot dead"
_HARM_LEMMAS = frozenset({"kill", "die", "murder", "wound", "injure", "shoot"})
# the class an event takes where the text names no doer and no weapon (kg.extract.roles names
# its unidentified armed group): told on from a lead, it is of the lead's kind
_GENERIC = frozenset({"attack"})
# a sentence's opening words that start another happening: "Separately,", "Elsewhere, gunmen",
# "In another attack", "In a separate incident", "Meanwhile,"
_ANOTHER = frozenset({"separately", "elsewhere", "meanwhile", "another", "separate", "earlier",
                      "later", "previously"})  # fmt: skip
_OPENING = 4  # the words of a sentence's opening
# harm told by wounds: "30 others were wounded" after a lead that gave no wounded are its own
_WOUND_LEMMAS = frozenset({"wound", "injure"})
# strikes from afar, told by the weapon or by the air: "Russian missile and drone strikes
# killed 14 ... In Lowtown, a missile hit a building" tells one wave, one kind
_FROM_AFAR = frozenset({"air-drone-strike", "shelling-artillery-missile-attack"})
# words that tell harm besides a total: "two more were killed", "also killed", "another three"
_BESIDES = frozenset({"also", "more", "another", "additional", "other", "further"})
_PLACES_APART = frozenset(
    {PlaceType.TOWN, PlaceType.DISTRICT, PlaceType.PROVINCE, PlaceType.REGION}
)


def told_on(
    events: list[Draft],
    pointing: frozenset[str],
    types: dict[str, ActorType],
    apart: Callable[[str], bool],
    wide: Callable[[Draft], bool] = lambda _: False,
    local: Callable[[str], bool] = lambda key: False,
    parts: Callable[[Draft], set[str]] = lambda _: set(),
) -> list[Draft]:
    """Events with no doer of their own, in a sentence after the story's last event of armed
    violence by a named armed doer (its host), that go on telling it: an event noun pointed
    back with ("the attack on the hospital") or harm told by its victims, or the host's own
    kind ("missiles struck buildings"). At the host's place (or none) and day they fold into
    it (the host keeps its figures: "killing 41 ... two were killed at the hospital" is part
    of the 41; "two more were killed" stands as its own); at another place they are the
    host's doer's act, of the host's kind where they name none of their own: a place that sets
    it ``apart`` (a town, not a country nor a site in the host's town) the host does not name
    (a host placed nowhere apart is at theirs, unless its toll is told over a ``wide`` area,
    "across the country": :mod:`kg.extract.part_tolls` counts their dead as part of it; a
    clash's sides, either of which may have done it, give none). A town the host names only
    as a part of its wide total (``parts``: "14 across Ukraine, including nine in Lowtown")
    is no place of its own: the town's strike is its doer's act there. A detail with no toll
    of its own at a town (``local``: a town or a district) where the host names only wider
    places tells the host's town ("an air strike hit a school in the Lowland region. Jets
    dropped bombs on the school in Hightown village"): it folds, the host taking the town.
    ``types``: the actors' types."""
    dropped: set[int] = set()
    host: Draft | None = None
    end = headline = headline_end(events[0].sentence.doc) if events else None
    if headline is not None and not _lead_tells_violence(events, headline):
        headline = None  # the lead's event was told again by the headline's, which kept it
    for e in events:
        if family(e.event_class) not in VIOLENT_FAMILIES or e.background:
            continue
        if _second_happening(e, end):
            continue  # "..., rebels seize town": the lead goes on telling the first clause
        if e.agents:
            armed = all(types.get(a) in ARMED for a in e.agents)
            # a headline's event the lead does not retell (kg/extract/headline_fold.py) is
            # another happening's: the lead does not go on telling it
            told_above = headline is not None and e.sentence.start_char < headline
            host = e if armed and not told_above else None
            continue
        if host is None or not _goes_on(e, host, events, pointing):
            continue
        own = [p for p in e.places if apart(p)]
        hosts = [p for p in host.places if p not in parts(host)]
        placed = wide(host) or any(apart(p) for p in hosts)
        here = not placed or set(own) <= set(hosts)
        within = town_within(e, host, local)
        if here and _own_side_dead(e, host):
            _add_dead(host, e)
            dropped.add(id(e))
            continue
        if (here or within) and not _besides(e, host):
            _fold(host, e)
            host.places = dedup([*within, *host.places])
            dropped.add(id(e))
            continue
        if host.event_class == "armed-clash":
            continue  # which side did the harm elsewhere the story does not tell
        e.agents = list(host.agents)
        if e.event_class in _GENERIC:
            e.event_class = host.event_class
    return [e for e in events if id(e) not in dropped]


def place_apart(doc: Doc, mentions: Mentions, sites: frozenset[str], key: str) -> bool:
    """Whether a place sets an event apart from one elsewhere: a town, a district, a province
    or a region, or a name of no known type ("in Hightown"); not a country (wider than the
    places in it) nor a site, named as one ("the Lowtown Academy") or by a name that
    qualifies one ("the Lowtown hospital"): a site lies in a town told before."""
    found = mentions.at_key(key)
    if found is None or found.place_type == PlaceType.COUNTRY:
        return False
    if found.place_type in _PLACES_APART:
        return True
    last = doc[found.end - 1]
    return not (last.lower_ in sites or (last.dep_ == "compound" and last.head.lemma_ in sites))


def town_apart(
    doc: Doc, mentions: Mentions, sites: frozenset[str], wide: frozenset[str], key: str
) -> bool:
    """A place that sets an event apart (:func:`place_apart`) and no wider than a district:
    a town, a district or a name of no known type, not a province or a region, typed so or
    named by one of the ``wide`` nouns ("Coast Province"), which may hold the other's town."""
    found = mentions.at_key(key)
    if found is not None and (
        found.place_type in (PlaceType.PROVINCE, PlaceType.REGION)
        or columns.lowers(doc)[found.end - 1] in wide
    ):
        return False
    return place_apart(doc, mentions, sites, key)


def _fold(host: Draft, e: Draft) -> None:
    """``e`` goes on telling ``host`` at its place: the host takes its figures, sources and
    date where it lacks them, and its place and victims where it names none (a clash's dead
    are its sides' own; "one militant was killed in the airstrike" names the strike's target
    again)."""
    take_account(host, e)
    host.places = host.places or list(e.places)
    if host.event_class != "armed-clash" and not host.targets:
        host.targets = list(e.targets)
        for key in e.targets:
            host.role_mentions.setdefault(key, []).extend(e.role_mentions.get(key, []))


def _own_side_dead(e: Draft, host: Draft) -> bool:
    """ "Troops clashed with rebels, killing three rebels. One soldier was killed.": harm
    told of the side of a clash that did the host's harm is the clash's too (ACLED counts a
    battle's dead of both sides), told besides the host's figures, not within them."""
    return (
        host.event_class == "armed-clash"
        and bool(host.targets and e.targets)
        and set(e.targets) <= set(host.agents)
        and not set(e.targets) & set(host.targets)
    )


def _add_dead(host: Draft, e: Draft) -> None:
    """The host takes ``e``'s figures besides its own (the other side's dead and wounded)."""
    for name, value in e.counts.items():
        host.counts[name] = host.counts.get(name, 0) + value
    take_account(host, e)


def town_within(e: Draft, host: Draft, local: Callable[[str], bool]) -> list[str]:
    """The towns of ``e``, a detail with no figures of its own, where ``host`` names none
    (``local``: whether a place is a town or a district)."""
    if e.counts or any(local(k) for k in host.places):
        return []
    return [k for k in e.places if local(k)]


def _goes_on(e: Draft, host: Draft, events: list[Draft], pointing: frozenset[str]) -> bool:
    """Whether ``e`` (no doer of its own) goes on telling ``host``'s happening: a later
    sentence, the same day, no other happening opened, no other doer named beside it, and an
    event noun pointed back with, harm told by its victims, or the host's kind."""
    if e.sentence.start <= host.sentence.start:
        return False
    if not (e.time_inherited or e.date is None or e.date == host.date):
        return False
    if opens_another(e):
        return False
    doers = [o for o in events if o is not e and o.sentence.start == e.sentence.start
             and o.agents and o.event_class != "statement"
             and set(o.agents) != set(host.agents)]  # fmt: skip
    if doers:
        return False
    head = e.trigger.root
    pointed = head.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in pointing for c in head.children
    )
    return pointed or head.lemma_.lower() in _HARM_LEMMAS or _one_kind(e, host)


def _one_kind(e: Draft, host: Draft) -> bool:
    """ "missiles struck buildings" after "missile strikes killed 14": the host's own kind, or
    a strike from afar after one (a missile's and a drone's: ``_FROM_AFAR``)."""
    return e.event_class == host.event_class or {e.event_class, host.event_class} <= _FROM_AFAR


def opens_another(e: Draft, going_on: frozenset[str] = frozenset()) -> bool:
    """Whether ``e``'s sentence opens another happening ("Separately,", "In another attack")
    or its event noun names one of its own ("a separate strike"); the opening words in
    ``going_on`` open none ("They later clashed": a crowd's day goes on)."""
    start, end = e.sentence.start, e.sentence.end
    lowers = columns.lowers(e.sentence.doc)
    opening = range(start, min(start + _OPENING, end))
    words = _ANOTHER - going_on
    return any(lowers[i] in words and not _counted(e, i) for i in opening) or _another(e)


def _counted(e: Draft, i: int) -> bool:
    """ "another 30 people were wounded": "another" before a number adds to a toll (its
    happening's, or besides it: ``_besides`` judges), it opens no happening."""
    doc = e.sentence.doc
    return doc[i].lower_ == "another" and i + 1 < len(doc) and doc[i + 1].like_num


def _lead_tells_violence(events: list[Draft], headline: int) -> bool:
    """Whether the lead (the paragraph below the headline) tells an event of armed violence
    in its own right: where it tells none, the headline's event is the lead's, which told it
    again ("Air strike kills 17" over "An air strike killed at least 17 people": one event,
    the headline's words kept)."""
    text = columns.doc_text(events[0].sentence.doc)
    start = len(text) - len(text[headline:].lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return any(
        start <= e.sentence.start_char < end
        and family(e.event_class) in VIOLENT_FAMILIES
        and not e.background
        for e in events
    )


def _second_happening(e: Draft, headline: int | None) -> bool:
    """Whether ``e`` is the headline's second happening, told by a clause of its own ("Air
    strike kills 20, rebels seize town"), which the lead, telling the first, does not go on."""
    return (
        headline is not None
        and e.sentence.start_char < headline
        and second_clause(e.trigger[0]) is not None
    )


def _another(e: Draft) -> bool:
    """ "another attack", "a separate strike": the event noun names a happening of its own."""
    t = parse_tree.tree(e.trigger.doc)
    return any(t.lower[c] in ("another", "separate", "other") for c in t.kids[e.trigger.root.i])


def _besides(e: Draft, host: Draft) -> bool:
    """ "Two more were killed", "a child was also killed" (not "more than 40"): harm told
    besides the host's; so are dead the host's figure cannot hold (as many or more) and those
    of other victims than the host's ("killing three soldiers. Two people were killed"). Not
    wounds the host gave no figure for: "killing 17. Around 30 others were wounded" are the
    lead's wounded (its "others": other than the dead)."""
    if e.trigger.root.lemma_.lower() in _WOUND_LEMMAS and "injuries" not in host.counts:
        return "fatalities" in e.counts
    if told_besides(e.sentence):
        return True
    total, part = host.counts.get("fatalities"), e.counts.get("fatalities")
    if total is None or part is None:
        return False
    others = bool(host.targets and e.targets and not set(host.targets) & set(e.targets))
    return part >= total or others


def told_besides(sentence: Span) -> bool:
    """Whether ``sentence`` tells harm besides harm told before it: "two more were killed",
    "a child was also killed", "another three died" (not "more than 40")."""
    at = columns.memo(sentence.doc, "besides", lambda: _besides_words(sentence.doc))
    first = bisect.bisect_left(at, sentence.start)
    return first < len(at) and at[first] < sentence.end


def _besides_words(doc: Doc) -> tuple[int, ...]:
    """The indices of the Doc's words of harm besides other harm ("more", "also"; not "more"
    before "than"), in order: each Doc's read once (``told_besides`` asks per sentence)."""
    lower = columns.lowers(doc)
    return tuple(
        i
        for i, word in enumerate(lower)
        if word in _BESIDES and not (i + 1 < len(lower) and lower[i + 1] == "than")
    )
