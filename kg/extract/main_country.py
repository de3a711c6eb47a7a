"""Which country an article is on, for the mention finder (:mod:`kg.extract.mentions`).

The main country keys the article's unnamed actors and its people, and holds the place events
no clause places fall back to. Places, named actors and demonyms vote (:class:`CountryVotes`);
a country that acts ("Turkey shelled ...") or is asked to act ("called on Russia to ..."),
and one whose men serve abroad ("the AMISOM Burundi contingent"), tell who does things, not
where they happen (:func:`acting_country`, :meth:`CountryVotes.asked_country`,
:meth:`CountryVotes.serving_abroad`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.asked import is_addressed
from kg.extract.demonym_words import demonym_at
from kg.extract.found import Found
from kg.extract.generic import GenericActors
from kg.extract.glued_names import glued_labels
from kg.extract.lexicon import NamedActor
from kg.extract.roots import span_root
from kg.extract.war_regions import WarRegions
from kg.model import PlaceType

__all__ = [
    "CountryVotes",
    "PlaceCountry",
    "acting_country",
    "main_place",
    "mission_hosts",
    "within_country",
]

# places a country's name does not tell: the gazetteer may put their names in one country
_LOOKED_UP = frozenset({PlaceType.TOWN, PlaceType.DISTRICT, PlaceType.PROVINCE, PlaceType.OTHER})


class PlaceCountry(Protocol):
    """The one country a place's name lies in by the gazetteer, or ""
    (``kg.geo.lookup.sole_country``): ``towns`` false, by its provinces alone; ``alone``, when
    nothing else in the text tells a country."""

    def __call__(self, label: str, towns: bool = True, alone: bool = False) -> str: ...


class CountryVotes:
    """The countries an article's mentions name, counted; built once with the finder's
    lexicon words (demonyms, the war regions, the generic rules' war machines, verbs of
    demand, nouns of allies, nouns of men serving abroad)."""

    def __init__(
        self,
        generics: GenericActors,
        regions: WarRegions,
        demonyms: dict[str, str],
        demand_verbs: frozenset[str],
        ally_nouns: frozenset[str],
        abroad_units: frozenset[str] = frozenset(),
        hosts: Mapping[str, str] | None = None,
        border_nouns: frozenset[str] = frozenset(),
    ) -> None:
        self.generics = generics
        self.regions = regions
        self.demonyms = demonyms
        self.demand_verbs = demand_verbs  # "call on X to", "urge X to"
        self.ally_nouns = ally_nouns  # "its backers, notably Russia"
        self.abroad_units = abroad_units  # "contingent", "peacekeepers"
        self.hosts = hosts or {}  # a mission's key -> the country it serves in
        self.border_nouns = border_nouns  # "the border with Bolivia": a neighbour's name

    def main_country(
        self,
        doc: Doc,
        found: list[Found],
        arms: bool = True,
        place_country: PlaceCountry | None = None,
    ) -> tuple[str, bool]:
        """The country the article's places, names and demonyms name most, and whether a name
        told any country (not only the places looked up). A place counts twice for each
        mention: a country named, a town of the lexicon's war regions, or one the gazetteer
        puts in one country (``place_country``: "Thika" is Kenya's). A named actor of a
        country counts once however often it is named: a group's base or an actor's
        nationality tells less of where things happen than the places do (a Kenyan article
        naming Al Shabaab four times is on Kenya). ``arms`` false: the country where things
        happen, not counting war machines named ("Russian bombers", a demonym that says whose
        they are) nor a country that acts ("rebels backed by Iran"). A country whose men
        serve abroad ("a soldier of the AMISOM Burundi contingent near Balcad",
        :meth:`serving_abroad`) votes nowhere: the town is where things happen."""
        votes: Counter[str] = Counter()
        looked_up: Counter[str] = Counter()  # the votes of places whose names tell a country
        neighbours: Counter[str] = Counter()  # "near the border with Bolivia": only if alone
        dep, head = columns.deps(doc), columns.heads(doc)
        voted: set[str] = set()  # the actors that voted
        glued = glued_labels(doc, [f for f in found if f.kind == "place"])
        for f in found:
            if not arms and self._abroad(doc, f):
                continue
            if f.kind == "actor":
                country = f.country or self.hosts.get(f.key, "")
                if country and f.key not in voted:
                    votes[country] += 1
                    voted.add(f.key)
            elif f.country:
                if self.serving_abroad(doc, f):
                    continue
                if self.neighbour(doc, f):
                    neighbours[f.country] += 2
                    continue
                acting = acting_country(f, dep, head)
                if arms or not acting:
                    votes[f.country] += 1 if acting else 2
            elif where := self.place_country(f, place_country, glued.get(id(f), f.label)):
                looked_up[where] += 2
        pos, ent_type = columns.poses(doc), columns.ent_types(doc)
        lowers = columns.lowers(doc)
        for i in range(len(lowers)):
            iso = demonym_at(lowers, i, self.demonyms)  # "South Sudanese": not Sudan
            if not iso or pos[i] not in ("ADJ", "PROPN") or ent_type[i] != "NORP":
                continue
            if self._serves_abroad(doc[i]):
                continue  # "Kenyan peacekeepers"
            if self.across_border(doc[i]):
                neighbours[iso] += 1  # "the Bolivian border"
                continue
            if arms or not self.generics.allegiance.arms_of(doc[i]):
                votes[iso] += 1
        if not votes and not looked_up:
            votes.update(neighbours)  # "clashes on the border with Bolivia": all it names
        told = bool(votes)
        votes.update(looked_up)
        if not votes and place_country is not None:
            votes.update(self._city_votes(found, place_country))
        return (votes.most_common(1)[0][0] if votes else ""), told

    def _city_votes(self, found: list[Found], place_country: PlaceCountry) -> Counter[str]:
        """When nothing else tells a country: the one country of the places that are each a
        large city by GeoNames' own name ("clashed in Harare"; Ethiopia's Harar is so spelt
        only as an alternate name), two votes for each mention."""
        votes: Counter[str] = Counter()
        for f in found:
            if f.kind != "place" or f.country or f.place_type not in _LOOKED_UP or not f.label:
                continue
            if iso := place_country(f.label, f.place_type is not PlaceType.PROVINCE, True):
                votes[iso] += 2
        return votes if len(votes) == 1 else Counter()

    def place_country(
        self,
        f: Found,
        place_country: PlaceCountry | None,
        label: str | None = None,
    ) -> str:
        """The one country a place lies in as its name tells (see :meth:`main_country`);
        ``label``: the name it is looked up by, when not its own (a name glued to the next,
        :func:`~kg.extract.glued_names.glued_labels`; "": none, the run's first place looked
        it up)."""
        if f.kind != "place":
            return ""
        if f.country or f.place_type not in _LOOKED_UP:
            return f.country
        label = f.label if label is None else label
        if not label:
            return ""
        iso = self.regions.region_country(label)
        if not iso and place_country is not None:
            iso = place_country(label, f.place_type is not PlaceType.PROVINCE)
        return iso

    def place_countries(
        self, found: list[Found], main: str, place_country: PlaceCountry | None
    ) -> dict[str, str]:
        """Place key -> the one country the place lies in as its name tells: a country's name,
        a town of the lexicon's war regions, or one the gazetteer puts in one country when
        that country is the main one or one of the others the article names (a village whose
        only namesake GeoNames knows lies in a country the text never names is more likely a
        place GeoNames lacks, or no place at all, than that country's)."""
        told = {f.key: iso for f in found if (iso := self.place_country(f, None))}
        countries = set(told.values()) | {main} - {""}
        out = dict(told)
        for f in found:
            if f.kind == "place" and f.key not in told:
                iso = self.place_country(f, place_country)
                if iso in countries:
                    out.setdefault(f.key, iso)
        return out

    def asked_country(self, doc: Doc, f: Found) -> bool:
        """A country's name a verb of demand addresses ("called on Russia to ..."), or that
        names a side's allies ("the regime and its backers, notably Russia")."""
        if f.place_type is not PlaceType.COUNTRY:
            return False
        root = doc[span_root(doc, f.start, f.end)]
        while root.dep_ == "conj" and root.head != root:
            root = root.head  # "its allies Russia and Iran"
        ally = root.dep_ == "appos" and root.head.lemma_.lower() in self.ally_nouns
        return ally or is_addressed(root, self.demand_verbs)

    def serving_abroad(self, doc: Doc, f: Found) -> bool:
        """A country's name that qualifies a body of men serving in a multinational mission
        ("the AMISOM Burundi contingent", "Burundi peacekeepers"): whose men they are, not
        where the events are."""
        if f.kind != "place" or f.place_type is not PlaceType.COUNTRY or not self.abroad_units:
            return False
        return self._serves_abroad(doc[span_root(doc, f.start, f.end)])

    def _serves_abroad(self, token: Token) -> bool:
        """Whether ``token`` modifies a noun of men serving abroad (``abroad_units``), or a
        noun another modifier makes one ("Burundian peacekeeping troops")."""
        if token.dep_ not in ("amod", "compound", "nmod") or token.head.i == token.i:
            return False
        head = token.head
        if head.lemma_.lower() in self.abroad_units or head.lower_ in self.abroad_units:
            return True
        return any(
            c.i != token.i
            and c.dep_ in ("amod", "compound", "nmod")
            and c.lower_ in self.abroad_units
            for c in head.children
        )

    def neighbour(self, doc: Doc, f: Found) -> bool:
        """Whether a country's place mention names the other side of a border ("near the
        border with Bolivia"): where the story's country ends, no place of its events."""
        if f.kind != "place" or f.place_type is not PlaceType.COUNTRY:
            return False
        return self.across_border(doc[span_root(doc, f.start, f.end)])

    def across_border(self, token: Token) -> bool:
        """Whether a country's name or demonym ``token`` names the other side of a border:
        "near the border with Bolivia", "its frontier with Chad", "the Bolivian border",
        "the Bolivia border" (``border_nouns``)."""
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "with":
            return head.head.lemma_.lower() in self.border_nouns
        if token.dep_ in ("amod", "compound", "nmod") and head.i != token.i:
            return head.lemma_.lower() in self.border_nouns
        return False

    def _abroad(self, doc: Doc, f: Found) -> bool:
        """A state's war machines named ("Russian bombers"), of a country where the lexicon
        places no war: they strike abroad, as :meth:`Allegiance.arms_of` reads them."""
        return (
            f.kind == "actor"
            and f.country not in self.regions.war_countries
            and doc[span_root(doc, f.start, f.end)].lemma_.lower() in self.generics.hardware
        )


def main_place(found: list[Found], main: str, told: bool) -> str:
    """The key of the main country's place, where events no clause places fall back to; when
    no name tells a country (the main country, if any, is only where the towns lie), the first
    place named with no country (a note on one town: its town)."""
    places = [f for f in found if f.kind == "place"]
    if not told:
        return next((f.key for f in places if not f.country), "")
    return next((f.key for f in places if f.country == main), "")


def mission_hosts(actors: Iterable[NamedActor], countries: Mapping[str, str]) -> dict[str, str]:
    """A multinational mission's key -> the country it serves in, as its name or an alias
    tells ("African Union Mission in Somalia", "UN Assistance Mission for Iraq"): where a
    mission is named, its host is where things happen, like a group's base.
    ``countries``: countries' names and demonyms (lower case) -> ISO codes."""
    hosts: dict[str, str] = {}
    for actor in actors:
        if actor.country:
            continue
        for name in (actor.label, *actor.aliases):
            words = name.lower().split()
            if "mission" not in words:
                continue
            for i, word in enumerate(words):
                if word not in ("in", "for", "to"):
                    continue
                rest = words[i + 1 :]
                rest = rest[1:] if rest[:1] == ["the"] else rest
                if iso := countries.get(" ".join(rest)):
                    hosts[actor.key] = iso
                    break
            if actor.key in hosts:
                break
    return hosts


def within_country(found: list[Found], gazetteer: dict[str, Any], country: str) -> None:
    """Named actors the gazetteer lacks converge by name within the article's country
    ("Hamza Division" in Syria is ``hamza-division-sy``), so two namesakes from different
    countries stay apart; with no country told, by name alone."""
    if not country:
        return
    for f in found:
        if f.kind == "actor" and f.key not in gazetteer:
            f.key = f"{f.key}-{country.lower()}"


def acting_country(f: Found, dep: Sequence[str], head: Sequence[int]) -> bool:
    """A country's name that is the subject of an active verb ("The U.S. reaffirms its
    commitment", "Russia has a responsibility to press the regime to end its strikes"): the
    state acting, which says nothing of where the events are (a passive subject, "Syria was
    hit", stays the place), or the agent of a passive ("rebels supported by Turkey and Qatar":
    who does it, not where)."""
    if f.place_type is not PlaceType.COUNTRY:
        return False
    for i in range(f.start, f.end):
        if f.start <= head[i] < f.end:
            continue
        if dep[i] == "nsubj":
            return True
        j = i
        while dep[j] == "conj" and head[j] != j:
            j = head[j]  # "by Turkey and Qatar"
        if dep[j] == "pobj" and dep[head[j]] == "agent":
            return True
    return False
