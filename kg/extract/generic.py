"""Actors the text names by a common noun ("Syrian troops", "gunmen", "cattle raiders",
"Israeli tanks"), typed by their words as ACLED codes them, and state forces acting abroad.

The word lists live in ``kg/data/lexicon.toml`` (``[actors]``); the countries where it places
wars, in :mod:`kg.extract.war_regions`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.allegiance import Allegiance
from kg.extract.communal import CommunalFighters
from kg.extract.found import Found
from kg.extract.generic_context import (
    after_name,
    aircraft_kind,
    coalition_of,
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
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.named_forces import force_name
from kg.keys import name_key
from kg.model import ActorType, PlaceType

_GROUP_HEADS = frozenset(
    {"group", "fighter", "faction", "unit", "man", "individual", "person", "element"}
)
_CROWDS = frozenset({"protesters", "rioters"})  # types of a crowd, whoever leads it
_UNARMED = _CROWDS | {"civilians"}
_STRIP_WORDS = {"the", "a", "an", "'s", "\u2019s", "'", "\u2019"}


class GenericActors:
    """Built once per lexicon; ``find`` runs on every Doc."""

    def __init__(
        self, lexicon: Lexicon, demonyms: dict[str, str], war_countries: frozenset[str]
    ) -> None:
        self.lex = lexicon
        self.demonyms = demonyms  # demonym or country name (lower case) -> ISO code
        words = lexicon.words
        self.generic: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in words["actors"]["generic"].items()
        }
        self.group_modifiers: dict[str, str] = dict(words["actors"]["group_modifiers"])
        self.government_words = frozenset(words["actors"]["government_words"]["words"])
        self.identity_words = frozenset(words["actors"]["identity_words"]["words"])
        self.hardware = frozenset(words["actors"]["hardware"]["words"])
        self.worn = frozenset(words["actors"]["worn"]["words"])
        kinds = words["actors"]["aircraft_kinds"]
        self.aircraft_kinds = (frozenset(kinds["words"]), frozenset(kinds["heads"]))
        self.member_of: dict[str, str] = dict(words["actors"]["member_of"])
        self.guards: dict[str, str] = dict(words["actors"]["guards"])
        self.backing = frozenset(words["actors"]["backing_words"]["words"])
        self.peoples = frozenset(words["actors"]["peoples"]["words"])
        self.communal = CommunalFighters(lexicon, demonyms, _GROUP_HEADS)
        self.communities = lexicon.word_set("places", "community_words")
        self.titles = frozenset(words["mentions"]["titles"])
        self.ranks = read_words("names.toml", "people", "ranks")
        self.allegiance = Allegiance(
            demonyms, self.backing, self.hardware, war_countries, frozenset(lexicon.country_by_iso)
        )
        # words before "forces" that name no force of its own ("Syrian", "Government", "Special")
        self.unnamed = frozenset(
            [*demonyms, *self.government_words, *self.group_modifiers, *self.identity_words,
             *self.peoples, *self.backing, *words["actors"]["force_kinds"]["words"]]
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
    ) -> list[Found]:
        """The generic actors of a Doc outside ``taken`` (the names found already); ``main``
        is the country of the state forces the text ties to none, ``home`` that of the other
        actors (rebels, civilians: of the country the events happen in, not of the forces
        that strike them; ``main`` when not given); ``actors``: the tokens of the names
        found of actors that field men and women (forces, bodies, groups; not a person, a
        clan or civilians); ``countries``: the tokens of the names of countries, which tell
        whose the men a noun names are ("US soldiers"), not who names them; ``armed``: those
        of ``actors`` whose type is known (not a mere organisation), whose men a generic noun
        right after the name is ("a Shabaab militia commander")."""
        home = main if home is None else home
        out = []
        lemma, lower = columns.lemma_lowers(doc), columns.lowers(doc)
        for i, pos in enumerate(columns.poses(doc)):
            if i in taken or pos not in ("NOUN", "PROPN") or not self._may_name(lemma[i], lower[i]):
                continue  # no actor noun: ``_entry`` gives none, whatever its head says
            token = doc[i]
            head = token.head
            if (
                token.dep_ == "compound"
                and head.i not in taken
                and head.pos_ in ("NOUN", "PROPN")
                and (entry := self._entry(head)) is not None
                and entry[0] != "civilians"  # "a militia leader" is no civilian
                and not named_by(head, taken)
            ):
                continue  # "rebel faction fighters", "police officer": the head names them
            entry = self._entry(token)
            if entry is None or strength_noun(token):  # "used excessive force": no men
                continue
            if entry[0] == "civilians" and self._armed_compound(token):
                continue  # "a police chief", "a militia leader": the compound names them
            if entry[0] == "civilians" and serving(token, actors):
                continue  # "the men and women of U.S. Central Command": its people, no civilians
            # "CORD protesters": an organisation's crowd is protesters, as ACLED codes them; an
            # armed group's men are its own ("Nusra Front fighters")
            naming = taken - countries
            if entry[0] in _CROWDS:
                naming = naming - (actors - armed)
            if named_by(token, naming) or named_before(token, armed):
                continue  # "Nusra Front fighters", "the Islamic State (IS) militant group"
            if entry[0] not in _UNARMED and men_of(token, armed):
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
            own = force_name(token, taken, self.unnamed) if entry[0] == "state-forces" else None
            if own is not None:  # "the Asayish forces": a force of its own name, no state's
                out.append(_named_militia(own, token.i + 1))
                continue
            start = phrase_start(token)
            # "Lowtown attack Upton civilians": the phrase starts after the headline's verb
            fighting = self.communal.people_fighting
            start = max([start, *(j + 2 for j in range(start, token.i - 1) if fighting(doc[j]))])
            if entry[0] in _CROWDS:  # "CORD protesters": the phrase starts after the name
                start = max([start, *(j + 1 for j in range(start, token.i) if j in taken)])
            while start < token.i and (doc[start].is_punct or doc[start].lower_ in _STRIP_WORDS):
                start += 1
            if start - 1 in taken and start in taken:
                continue  # "Islamic State of Iraq and the Levant fighters": a name's fighters
            if coalition_of(token):  # "Coalition military forces": the coalition's, no state's
                out.append(Found("actor", start, token.i + 1, "coalition", "Coalition",
                                 actor_type=ActorType.EXTERNAL_OTHER))  # fmt: skip
                continue
            actor_type, template = entry
            default = main if actor_type == ActorType.STATE_FORCES.value else home
            told = self.allegiance.of_country(token) or self.allegiance.actor_country(
                doc[start : token.i + 1]
            )
            country = told or default
            name = self.lex.country_by_iso[country].name if country else ""
            label = template.format(country=name) if name else _no_country(template)
            out.append(Found("actor", start, token.i + 1, name_key(label), label,
                             actor_type=ActorType(actor_type), country=country,
                             assumed_country=not told))  # fmt: skip
        return out

    def owners(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Countries' names that tell whose the men a plural actor noun names are, right
        before it or before its lower-case compound: "US soldiers", "UK troops", "U.S.
        service members" (the demonym's way, "American soldiers"). They are no mention of the
        place; :meth:`find` makes the phrase the country's actor."""
        out = []
        for f in found:
            if f.kind != "place" or f.place_type is not PlaceType.COUNTRY:
                continue
            root = doc[f.start : f.end].root
            head = root.head
            if (
                root.dep_ in ("compound", "nmod")
                and head.i >= f.end
                and all(doc[j].head == head and doc[j].is_lower for j in range(f.end, head.i))
                # the end of a longer name: "Narc Kenya supporters", "Ciudad de Mexico residents"
                and not after_name(doc, f.start)
                and head.tag_ == "NNS"
                and (head.lemma_.lower() in self.generic or self._of_people(head))
            ):
                out.append(f)
        return out

    def _may_name(self, lemma: str, lower: str) -> bool:
        """Whether a noun of this lemma and spelling (lower case) may have an ``_entry``: a
        word of the generic, machine or group lists, "member", or a community's name; read
        from the token columns, so that most nouns make no spaCy ``Token``."""
        return (
            lemma in self.generic
            or lemma in self.hardware
            or lemma in _GROUP_HEADS
            or lemma == "member"
            or (lemma.endswith("s") and lemma[:-1] in self.generic)
            or lower in self.communities
            or (lower.endswith("s") and lower[:-1] in self.communities)
            or lower in self.peoples
        )

    def _entry(self, token: Token) -> tuple[str, str] | None:
        """The actor type and label template of a generic actor noun, its modifiers told."""
        lemma = token.lemma_.lower()
        if token.tag_ == "NNPS" and lemma.endswith("s") and lemma[:-1] in self.generic:
            lemma = lemma[:-1]  # "Rebels attacked": a plural the tagger took for a name
        if lemma not in self.generic and self._community_acted_on(token):
            return self.generic["resident"]  # "gunmen killed five Christians": civilians
        if self.communal.people_fighting(
            token
        ):  # "Lowtown attack X", "the Lowtown raided": their men
            return ("identity-militia", f"{token.text.title()} Ethnic Militia ({{country}})")
        if lemma == "member" and self._of_fighting_peoples(token):
            return None  # "members of the X and Y communities clashed": the peoples' militias
        if lemma == "member" and (kind := self._of_people(token)):
            if token.dep_ in ("dobj", "nsubjpass") and self.generic[kind][0] != "state-forces":
                # "ISIL killed 70 members of the X tribe"
                kind = "resident"  # those a violent act befell: civilians, whatever their group
            return self.generic[kind]  # "members of the X clan clashed", "of a family"
        if lemma not in self.generic and lemma not in self.hardware and lemma not in _GROUP_HEADS:
            return None  # no actor noun, machine or group: no modifier makes it one
        lemmas = columns.lemma_lowers(token.doc)
        modifiers = [lemmas[m] for m in noun_modifiers(token)]
        telling = [m for m in modifiers if m in self.group_modifiers]
        # "armed militant groups": the telling word, not the generic "armed"
        modifier = next((m for m in telling if m != "armed"), None) or next(iter(telling), None)
        entry = self.generic.get(lemma)
        if lemma == "guard":
            entry = self._guard(modifiers) or entry
        if (
            entry is None
            and lemma in self.hardware
            and any(m in self.demonyms or m in self.government_words for m in modifiers)
        ):
            entry = self.generic["military"]  # "Israeli tanks", "regime helicopters"
        if modifier is not None:
            modified = self.generic[self.group_modifiers[modifier]]
            # "armed men", "rebel groups"; "clan militia", "vigilante group"
            if (
                lemma in _GROUP_HEADS
                or (entry is not None and _armed(entry) and not _armed(modified))
                # "rebel forces", "Syrian opposition forces": a side's forces, no state's
                # ("armed forces" stay the state's)
                or (entry is not None and entry[0] == "state-forces" and modifier != "armed")
            ):
                entry = modified
        if entry is not None and _armed(entry) and self._communal(token, modifiers):
            entry = self.generic["tribesman"]  # "fighters from the Pokot tribe"
        if entry is not None and entry[0] == "state-forces" and self.allegiance.backed(token):
            entry = self.generic["fighter"]  # "Turkish-backed forces": a proxy, no state's forces
        people = self._people(token) if token.is_lower else None  # not "Arab Army", a name
        if entry is not None and people is not None and _fighting(entry):
            # "Kurdish forces", "Arab fighters": a people's armed men, no state's (ACLED's name)
            entry = ("identity-militia", f"{people} Ethnic Militia ({{country}})")
        elif lemma in self.communal.herders and self.communal.herders_fight(token):
            # "Pokot herders clashed", "herdsmen opened fire": an identity militia (those
            # attacked, "killed two herders", stay civilians)
            entry = (
                ("identity-militia", f"{people} Ethnic Militia ({{country}})")
                if people is not None
                else self.generic["tribesman"]
            )
        return entry

    def _guard(self, modifiers: list[str]) -> tuple[str, str] | None:
        """A guard's entry by its modifiers (lemmas, lower case; ``[actors.guards]``): a
        state's force ("prison guards", "Kyrgyz border guards"), a civilian, or None: the
        generic entry, private security ("security guards", "a guard was hacked by thieves")."""
        for m in modifiers:
            if m in self.guards:
                return self.generic[self.guards[m]]
        if any(m in self.demonyms for m in modifiers):
            return self.generic["military"]  # "Israeli guards"
        return None

    def _community_acted_on(self, token: Token) -> bool:
        """A faith or community named in the plural as those a violent act befell: the object
        of the verb ("killed five Christians"), its passive subject ("12 Shiites were
        killed"). Those who act ("Muslims protested") are left to what they do."""
        word, first = token.lower_, token
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "targeted Christians and Yazidis"
        plural = word.endswith("s") and word[:-1] in self.communities
        return (
            (plural or (word in self.communities and token.tag_ in ("NNS", "NNPS")))
            and first.dep_ in ("dobj", "nsubjpass")
            and first.head.pos_ == "VERB"
        )

    def _of_people(self, token: Token) -> str:
        """The generic noun that members "of" a people's own group or a service count as
        ("members of the Al Bu X tribe": tribesmen; "three members of one family":
        residents; "U.S. service members", "clan members": the group as a compound;
        ``[actors] member_of``), or ""."""
        for c in token.lefts:
            if c.dep_ == "compound" and c.i == token.i - 1 and c.lower_ in self.member_of:
                return self.member_of[c.lower_]
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in self.member_of:
                        return self.member_of[obj.lemma_.lower()]
        return ""

    def _of_fighting_peoples(self, token: Token) -> bool:
        """Whether "members" are of a people's community that fights ("members of the X and Y
        communities clashed"; peoples the lexicon knows): each people's name is then its militia
        (``CommunalFighters``)."""
        return any(
            obj.dep_ == "pobj" and self.communal.people_fighting(m)
            for prep in token.rights if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            for m in obj.lefts
        )  # fmt: skip

    def common_actor_noun(self, token: Token) -> bool:
        """Whether ``token`` is a generic actor noun as a common noun ("Rebels" opening a
        sentence, which the entity model may label a place): the generic rules' actor."""
        return token.tag_ in ("NN", "NNS") and token.lemma_.lower() in self.generic

    def names_a_people(self, span: Span) -> bool:
        """Whether ``span`` is a people's name (``[actors.peoples]``, no country's demonym)
        before a noun of people or of a people's groups, or counted: "Tuareg" in "Tuareg
        rebels" (the word that makes them an ethnic militia, ``find``), "Pokot herders", "the
        Pokot and Samburu communities", "eleven Pokot" (people of that people). Not a name
        of its own, whatever the model's entity label: no person, and not the people's land
        (many peoples give their name to a province)."""
        token = span[-1]
        word = token.lower_
        if word not in self.peoples or word in self.demonyms:
            return False
        if any(not t.like_num for t in span[:-1]):
            return False
        if len(span) == 1 and self.communal.people_fighting(token):
            return True  # "Lowtown attack X": the people's men (``find``)
        if any(c.dep_ == "nummod" for c in token.children) or len(span) > 1:
            return True  # "raiders killed eleven Pokot": people counted
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "between the Pokot and Samburu communities"
        lemma = token.head.lemma_.lower()
        return token.dep_ in ("compound", "amod", "nmod") and (
            lemma in self.generic or lemma in self.identity_words or lemma in _GROUP_HEADS
        )

    def _people(self, token: Token) -> str | None:
        """The people a modifier names, as written ("Kurdish" in "Kurdish forces", "Kurdish-led
        fighters"), where it is no country's demonym ("Somali forces" are Somalia's)."""
        t = columns.tree(token.doc)
        for m in noun_modifiers(token):
            if t.head[m] != token.i and not token.doc[t.head[m]].is_lower:
                continue  # "Arab Army troops": part of a name
            word = t.lower[m].removesuffix("-led")
            if word in self.peoples and word not in self.demonyms:
                return t.text[m].removesuffix("-led").title()
        return None

    def _armed_compound(self, token: Token) -> bool:
        """A noun modifier that is an armed actor's noun: "police chief", "militia leader"."""
        return any(
            c.dep_ == "compound"
            and self.generic.get(c.lemma_.lower(), ("civilians",))[0]
            not in ("civilians", "rioters", "protesters")
            for c in token.children
        )

    def _communal(self, token: Token, modifiers: list[str]) -> bool:
        """Tied by its words to a tribe, clan or community: ACLED's identity militias."""
        if any(m in self.identity_words for m in modifiers):
            return True
        return any(
            c.dep_ == "prep" and c.lower_ == "from"
            and any(t.lemma_.lower() in self.identity_words for t in c.subtree)
            for c in token.children
        )  # fmt: skip


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


def _armed(entry: tuple[str, str]) -> bool:
    """An unnamed armed group's entry: the type the rules refine from its words."""
    return entry[0] == "political-militia"


def _fighting(entry: tuple[str, str]) -> bool:
    """An entry of armed men that a people can field: soldiers, fighters, militias, rebels (not
    the police, nor an identity militia already)."""
    actor_type, template = entry
    return actor_type in ("political-militia", "rebel-group") or template.startswith("Military")


def _no_country(template: str) -> str:
    return template.replace(" of {country}", "").replace(" ({country})", "")
