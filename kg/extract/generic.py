"""Actors the text names by a common noun ("Syrian troops", "gunmen", "cattle raiders",
"Israeli tanks"), typed by their words as ACLED codes them, and state forces acting abroad.

What type and label a noun gives is :mod:`kg.extract.generic_entries`'; this module finds the
nouns, their phrases and their countries. The word lists live in ``kg/data/lexicon.toml``
(``[actors]``); the countries where it places wars, in :mod:`kg.extract.war_regions`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import columns, parse_tree
from kg.extract.allegiance import Allegiance
from kg.extract.antecedents import speaker_subject
from kg.extract.found import Found
from kg.extract.generic_context import (
    after_name,
    aircraft_kind,
    coalition_of,
    each_sides_own,
    listed_with_machines,
    men_of,
    modifies_worn,
    named_before,
    named_by,
    noun_modifiers,
    phrase_start,
    rank_of_name,
    serving,
    strength_noun,
    title_of_name,
)
from kg.extract.generic_entries import GenericEntries
from kg.extract.joint_owners import joint_owner
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.machines import machine_downed
from kg.extract.named_forces import force_name
from kg.extract.roots import span_root
from kg.extract.state_roles import load_state_words
from kg.keys import name_key
from kg.model import ActorType, PlaceType

_CROWDS = frozenset({"protesters", "rioters"})  # types of a crowd, whoever leads it
_UNARMED = _CROWDS | {"civilians"}
_FROM = frozenset({"of", "from"})  # whose a mission's men are: "peacekeepers from Nepal"
# the types of armed groups that are no state's
_NON_STATE_ARMED = frozenset({"political-militia", "rebel-group", "identity-militia"})
_STRIP_WORDS = {"the", "a", "an", "'s", "\u2019s", "'", "\u2019"}
_SPEAKERS_OWN = frozenset({"its", "their"})  # possessives a speaker says of its own


class GenericActors:
    """Built once per lexicon; ``find`` runs on every Doc."""

    def __init__(
        self, lexicon: Lexicon, demonyms: dict[str, str], war_countries: frozenset[str]
    ) -> None:
        self.lex = lexicon
        words = lexicon.words
        hardware = frozenset(words["actors"]["hardware"]["words"])
        backing = frozenset(words["actors"]["backing_words"]["words"])
        sending = lexicon.word_set("modality", "sending_verbs")
        units = frozenset(words["actors"]["force_units"]["words"])
        countries = frozenset(lexicon.country_by_iso)
        self.allegiance = Allegiance(
            demonyms, backing, hardware, war_countries, countries, sending, units
        )
        self.entries = GenericEntries(lexicon, demonyms, self.allegiance)
        self.hardware = self.entries.hardware
        self.worn = frozenset(words["actors"]["worn"]["words"])
        self.followers = frozenset(words["actors"]["following_crowds"]["words"])
        self.contingents = frozenset(words["actors"]["contingent_men"]["words"])
        self.facilities = frozenset(words["actors"]["facilities"]["words"])
        state_words = load_state_words()
        self.machines, self.downing = state_words.machine_nouns, state_words.downing_verbs
        kinds = words["actors"]["aircraft_kinds"]
        self.aircraft_kinds = (frozenset(kinds["words"]), frozenset(kinds["heads"]))
        self.titles = frozenset(words["mentions"]["titles"])
        self.speaking = lexicon.word_set("modality", "speaking_verbs")
        self.ranks = read_words("names.toml", "people", "ranks")
        # words before "forces" that name no force of its own ("Syrian", "Government", "Special")
        e = self.entries
        self.unnamed = frozenset(
            [*demonyms, *e.government_words, *e.group_modifiers, *e.identity_words,
             *e.peoples, *backing, *words["actors"]["force_kinds"]["words"]]
        )  # fmt: skip

    def find(
        self,
        doc: Doc,
        taken: set[int],
        main: str,
        actors: frozenset[int] = frozenset(),
        countries: frozenset[int] = frozenset(),
        home: str | None = None,
        armed: frozenset[int] = frozenset(),
        places: frozenset[int] = frozenset(),
    ) -> list[Found]:
        """The generic actors of a Doc outside ``taken`` (the names found already); ``main``
        is the country of the state forces the text ties to none, ``home`` that of the other
        actors (rebels, civilians: of the country the events happen in, not of the forces
        that strike them; ``main`` when not given); ``actors``: the tokens of the names
        found of actors that field men and women (forces, bodies, groups; not a person, a
        clan or civilians); ``countries``: the tokens of the names of countries, which tell
        whose the men a noun names are ("US soldiers"), not who names them; ``armed``: those
        of ``actors`` whose type is known (not a mere organisation), whose men a generic noun
        right after the name is ("a Shabaab militia commander"); ``places``: the tokens of
        the names of places, which name no men in apposition ("a soldier (Lowtown District)")."""
        home = main if home is None else home
        out = []
        lemma, lower = columns.lemma_lowers(doc), columns.lowers(doc)
        for i, pos in enumerate(columns.poses(doc)):
            if (
                i in taken
                or (
                    pos not in ("NOUN", "PROPN")
                    and (  # both take an adjective only: most tokens are neither
                        pos != "ADJ"
                        or (
                            not self._before_facility(doc, i, pos)
                            and not self._on_downed_machine(doc, i, pos)
                        )
                    )
                )
                or not self.entries.may_name(lemma[i], lower[i])
            ):
                continue  # no actor noun: ``entries.entry`` gives none, whatever its head says
            token = doc[i]
            head = token.head
            if (
                token.dep_ == "compound"
                and head.i not in taken
                and head.pos_ in ("NOUN", "PROPN")
                and (entry := self.entries.entry(head)) is not None
                # "a militia leader" is no civilian; "a former police chief" is one
                and (entry[0] != "civilians" or self.entries.retired(head))
                and not named_by(head, taken)
            ):
                continue  # "rebel faction fighters", "police officer": the head names them
            entry = self.entries.entry(token)
            if entry is None or strength_noun(token):  # "used excessive force": no men
                continue
            if entry[0] == "civilians" and self.entries.armed_compound(token):
                continue  # "a police chief", "a militia leader": the compound names them
            if entry[0] == "civilians" and serving(token, actors):
                continue  # "the men and women of U.S. Central Command": its people, no civilians
            # "CORD protesters": an organisation's crowd is protesters, as ACLED codes them; an
            # armed group's men are its own ("Nusra Front fighters")
            naming = taken - countries
            following = entry[0] in _CROWDS and lemma[i] in self.followers
            if entry[0] in _CROWDS:
                naming = naming - (actors - armed)
            if following:  # "Houthi supporters": a crowd, the group whom they follow
                naming = naming - actors
            # "Kenyan peacekeepers of AMISOM", "UN peacekeepers from Nepal": the contingent's
            # country's forces, whatever mission they serve (kept only with a country told)
            contingent = lemma[i] in self.contingents
            if contingent:
                naming = naming - actors
            if named_by(token, naming, places) or (not following and named_before(token, armed)):
                continue  # "Nusra Front fighters", "the Islamic State (IS) militant group"
            if entry[0] not in _UNARMED and not contingent and men_of(token, armed):
                continue  # "Nusra Front militants" read as adjectives, "fighters of the X
                # Brigades": the group's men, named with it
            if any(c.dep_ == "poss" and c.i in armed for c in token.children):
                continue  # "Hezbollah's fighters": the group's men, named with it (not a
                # country's, "Kenya's police", a person's, "Assad's forces", nor those of a
                # name of unknown type, often a place's: "Lowtown's army")
            if title_of_name(token, self.titles) or rank_of_name(token, self.ranks):
                continue  # "Gen. X, commander of Y", "Petty Officer X": the person's title
            if any(columns.lowers(doc)[m] == "enemy" for m in noun_modifiers(token)):
                continue  # "enemy forces": the speaker's opponent, resolved in coref.py
            if modifies_worn(token, self.worn):
                continue  # "gunmen in police uniforms": the look, not the police
            if listed_with_machines(token, self.hardware):
                continue  # "bomber, fighter and ... aircraft": a kind of aircraft
            if aircraft_kind(token, *self.aircraft_kinds):
                continue  # "fighter jets", "a fighter squadron": aircraft, no fighters
            if each_sides_own(token):
                continue  # "killing three fighters on each side": the sides' own, no third
            own = force_name(token, taken, self.unnamed) if entry[0] == "state-forces" else None
            if own is not None:  # "the Asayish forces": a force of its own name, no state's
                out.append(_named_militia(own, token.i + 1))
                continue
            start = phrase_start(token)
            # "Lowtown attack Upton civilians": the phrase starts after the headline's verb
            fighting = self.entries.communal.people_fighting
            start = max([start, *(j + 2 for j in range(start, token.i - 1) if fighting(doc[j]))])
            if entry[0] in _CROWDS or contingent:  # "CORD protesters": it starts after the name
                start = max([start, *(j + 1 for j in range(start, token.i) if j in taken)])
            while start < token.i and (doc[start].is_punct or doc[start].lower_ in _STRIP_WORDS):
                start += 1
            if start - 1 in taken and start in taken:
                continue  # "Islamic State of Iraq and the Levant fighters": a name's fighters
            if coalition_of(token):  # "Coalition military forces": the coalition's, no state's
                out.append(Found("actor", start, token.i + 1, "coalition", "Coalition",
                                 actor_type=ActorType.EXTERNAL_OTHER))  # fmt: skip
                continue
            default = main if entry[0] == ActorType.STATE_FORCES.value else home
            told = (
                (self.entries.nationality(token) if entry[0] == "civilians" else "")
                or self.allegiance.of_country(token)
                or self.allegiance.actor_country(doc[start : token.i + 1])
                or (self._speakers(token) if entry[0] == "state-forces" else "")
                or (self.allegiance.sender(token) if entry[0] == "state-forces" else "")
            )  # "two Palestinians were killed": the Palestinians' civilians
            told = told or (self.allegiance.of_country(token, _FROM) if contingent else "")
            if contingent and not told:
                continue  # "UN peacekeepers", "peacekeepers": the mission's, its name says
            country = told or default
            # "the Syrian opposition": the rebels of a war the opposition wages in arms
            actor_type, template = self.entries.in_arms_in(token, entry, country)
            name = self.lex.country_by_iso[country].name if country else ""
            label = template.format(country=name) if name else _no_country(template)
            out.append(Found("actor", start, token.i + 1, name_key(label), label,
                             actor_type=ActorType(actor_type), country=country,
                             assumed_country=not told))  # fmt: skip
        return out

    def _speakers(self, token: Token) -> str:
        """ "Russia's defence ministry said its forces had struck ...": forces a possessive
        ("its", "their") gives to the speaker of the clause they are the subject of are the
        forces of the country the speaker's phrase names ("the Israeli military said its
        troops ..."), not of the article's country."""
        if not any(c.dep_ == "poss" and c.lower_ in _SPEAKERS_OWN for c in token.children):
            return ""
        speaker = speaker_subject(token.doc, token.i, self.speaking)
        if speaker is None:
            return ""
        doc = token.doc
        return self.allegiance.actor_country(doc[doc[speaker].left_edge.i : speaker + 1])

    def _before_facility(self, doc: Doc, i: int, pos: str) -> bool:
        """A word of an armed group the tagger took for an adjective before a noun of what
        armed men hold ("struck militant targets", "raided insurgent hideouts":
        ``[actors.facilities]``), which names them, the target. Not a state's word: "military
        targets" are of a kind, no one's."""
        t = parse_tree.tree(doc)
        entry = self.entries.generic.get(t.lemma[i])
        return (
            pos == "ADJ"
            and entry is not None
            and entry[0] in _NON_STATE_ARMED
            and t.dep[i] == "amod"
            and t.lemma[t.head[i]] in self.facilities
        )

    def _on_downed_machine(self, doc: Doc, i: int, pos: str) -> bool:
        """A state's word the tagger took for an adjective before a war machine brought down
        ("shot down a military helicopter": ``machine_downed``): the forces it names are the
        side the downing fights (not in "a military helicopter crashed")."""
        t = parse_tree.tree(doc)
        entry = self.entries.generic.get(t.lemma[i])
        return (
            pos == "ADJ"
            and entry is not None
            and entry[0] == "state-forces"
            and t.dep[i] == "amod"
            and machine_downed(doc[t.head[i]], self.machines, self.downing)
        )

    def owners(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Countries' names that tell whose the men a plural actor noun names are, right
        before it or before its lower-case compound: "US soldiers", "UK troops", "U.S.
        service members" (the demonym's way, "American soldiers"). They are no mention of the
        place; :meth:`find` makes the phrase the country's actor."""
        out = []
        for f in found:
            if f.kind != "place" or f.place_type is not PlaceType.COUNTRY:
                continue
            root = doc[span_root(doc, f.start, f.end)]
            # "US and UK troops": the countries joined before the noun (joint_owners.py)
            joint = joint_owner(root, self.allegiance.demonyms)
            if joint:
                root = doc[min(joint)]
            head = root.head
            if (
                root.dep_ in ("compound", "nmod", "amod")
                and head.i >= f.end
                and (root.dep_ != "amod" or joint)
                and all(
                    (doc[j].head == head and doc[j].is_lower) or j in joint
                    for j in range(f.end, head.i)
                )
                # the end of a longer name: "Narc Kenya supporters", "Ciudad de Mexico residents"
                and not after_name(doc, f.start)
                and head.tag_ == "NNS"
                and (
                    head.lemma_.lower() in self.entries.generic
                    or self.entries.of_people(head)
                    or (joint and head.lemma_.lower() in self.hardware)
                )  # "U.S. and British warplanes": each country's forces (one: its state's)
            ):
                out.append(f)
        return out


def coalitions(found: list[Found]) -> None:
    """ "Coalition troops" are the forces of the coalition the article names (the one named
    before them, else after), else of a coalition it names no otherwise."""
    named = [f for f in found if f.kind == "actor" and "coalition" in f.label.lower()]
    named = [f for f in named if f.key != "coalition"]
    for f in found:
        if f.kind == "actor" and f.key == "coalition" and named:
            fits = [n for n in named if n.end <= f.start] or named[::-1]
            f.key, f.label, f.actor_type = fits[-1].key, fits[-1].label, fits[-1].actor_type
            f.country = fits[-1].country


def _named_militia(name: Span, end: int) -> Found:
    """The armed group a name before "forces" names, a political militia (as ACLED codes
    unknown groups), its mention the name and the noun."""
    text = columns.text(name)
    return Found("actor", name.start, end, name_key(text), text,
                 actor_type=ActorType.POLITICAL_MILITIA)  # fmt: skip


def _no_country(template: str) -> str:
    return template.replace(" of {country}", "").replace(" ({country})", "")
