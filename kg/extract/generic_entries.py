"""The actor type and label template a common noun names an actor by, as ACLED codes them:
"Syrian troops" are state forces, "rebel groups" rebels, "Kurdish fighters" an ethnic militia,
"members of the X tribe" tribesmen, "prison guards" a state's force, "Turkish-backed forces" a
proxy, and those a violent act befell ("killed five Christians") civilians: the noun's lemma,
its modifiers and its place in the clause told.

:class:`kg.extract.generic.GenericActors` asks it of each noun that may name one
(``may_name``, read from the token columns); the word lists live in ``kg/data/lexicon.toml``
(``[actors]``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import columns, parse_tree
from kg.extract.allegiance import Allegiance
from kg.extract.communal import CommunalFighters
from kg.extract.generic_context import noun_modifiers
from kg.extract.lexicon import Lexicon

__all__ = ["GROUP_HEADS", "GenericEntries"]

GROUP_HEADS = frozenset(
    {"group", "fighter", "faction", "unit", "man", "individual", "person", "element"}
)

_PERSON_HEADS = frozenset({"man", "individual", "person", "fighter"})
_UNARMED = frozenset({"civilians", "protesters", "rioters"})


class GenericEntries:
    """Built once per lexicon with the allegiance rules (a backed force is a proxy)."""

    def __init__(self, lexicon: Lexicon, demonyms: dict[str, str], allegiance: Allegiance) -> None:
        self.demonyms = demonyms  # demonym or country name (lower case) -> ISO code
        words = lexicon.words
        self.generic: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in words["actors"]["generic"].items()
        }
        self.group_modifiers: dict[str, str] = dict(words["actors"]["group_modifiers"])
        self.government_words = frozenset(words["actors"]["government_words"]["words"])
        rule = words["actors"]["military_rule"]
        self.military_rule = (frozenset(rule["words"]), frozenset(rule["heads"]))
        self.identity_words = frozenset(words["actors"]["identity_words"]["words"])
        self.hardware = frozenset(words["actors"]["hardware"]["words"])
        self.member_of: dict[str, str] = dict(words["actors"]["member_of"])
        self.guards: dict[str, str] = dict(words["actors"]["guards"])
        officers = words["actors"]["officers"]
        self.officer_sides = (frozenset(officers["military"]), frozenset(officers["police"]))
        self.peoples = frozenset(words["actors"]["peoples"]["words"])
        self.former = frozenset(words["actors"]["former"]["words"])
        self.armed_people = frozenset(words["actors"]["armed_people"]["words"])
        self.office_holders = frozenset(words["actors"]["office_holders"]["words"])
        self.political_sides: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in words["actors"]["political_sides"].items()
        }
        self.armed_oppositions = frozenset(words["actors"]["armed_oppositions"]["countries"])
        crowds = words["actors"]["party_crowds"]
        self.party_crowds = (frozenset(crowds["parties"]), frozenset(crowds["people"]))
        self.communal = CommunalFighters(lexicon, demonyms, GROUP_HEADS)
        self.communities = lexicon.word_set("places", "community_words")
        # "Lowtown county", "Lowtown town": the name before them is a place's
        self.divisions = frozenset(
            w for kind in ("town", "province", "district") for w in lexicon.word_set("places", kind)
        )
        self.allegiance = allegiance

    def may_name(self, lemma: str, lower: str) -> bool:
        """Whether a noun of this lemma and spelling (lower case) may have an ``entry``: a
        word of the generic, machine or group lists, "member", or a community's name; read
        from the token columns, so that most nouns make no spaCy ``Token``."""
        return (
            lemma in self.generic
            or lemma in self.hardware
            or lemma in GROUP_HEADS
            or lemma in self.military_rule[1]
            or lemma == "member"
            or (lemma.endswith("s") and lemma[:-1] in self.generic)
            or lower in self.communities
            or (lower.endswith("s") and lower[:-1] in self.communities)
            or lower in self.peoples
            or (lower.endswith("s") and lower[:-1] in self.demonyms)
        )

    def entry(self, token: Token) -> tuple[str, str] | None:
        """The actor type and label template of a generic actor noun, its modifiers told."""
        lemma = token.lemma_.lower()
        if token.tag_ == "NNPS" and lemma.endswith("s") and lemma[:-1] in self.generic:
            lemma = lemma[:-1]  # "Rebels attacked": a plural the tagger took for a name
        if lemma in self.political_sides and (armed := self._side_in_arms(token)) is not True:
            # "opposition leader X": no actor; "the opposition called for ...": the parties
            return None if armed is None else self.political_sides[lemma]
        if lemma in self.office_holders and not _acted_on(token):
            return None  # "lawmakers approved the budget": no civilians ("shot an MP": one)
        if lemma not in self.generic and self._community_acted_on(token):
            return self.generic["resident"]  # "gunmen killed five Christians": civilians
        if lemma not in self.generic and self.nationality(token) and _acted_on_plural(token):
            return self.generic["resident"]  # "troops killed two Lowlanders": civilians
        if self.communal.people_fighting(
            token
        ):  # "Lowtown attack X", "the Lowtown raided": their men
            return ("identity-militia", f"{token.text.title()} Ethnic Militia ({{country}})")
        if self.communal.people_attacked(token):
            return self.generic["resident"]  # "raiders killed two Lowtown": civilians
        if lemma == "member" and self._of_fighting_peoples(token):
            return None  # "members of the X and Y communities clashed": the peoples' militias
        if lemma == "member" and (kind := self.of_people(token)):
            if token.dep_ in ("dobj", "nsubjpass") and self.generic[kind][0] != "state-forces":
                # "ISIL killed 70 members of the X tribe"
                kind = "resident"  # those a violent act befell: civilians, whatever their group
            return self.generic[kind]  # "members of the X clan clashed", "of a family"
        lemmas = columns.lemma_lowers(token.doc)
        if lemma in self.military_rule[1] and lemma not in self.generic:
            # "the military government", "coup leaders": the junta, the country's forces
            modifiers = [lemmas[m] for m in noun_modifiers(token)]
            ruling = any(m in self.military_rule[0] for m in modifiers) and not any(
                self.generic[self.group_modifiers[m]][0] != "state-forces"
                for m in modifiers
                if m in self.group_modifiers
            )  # not "rebel military leaders": a group's
            return self.generic["junta"] if ruling else None
        if lemma not in self.generic and lemma not in self.hardware and lemma not in GROUP_HEADS:
            return None  # no actor noun, machine or group: no modifier makes it one
        modifiers = [lemmas[m] for m in noun_modifiers(token)]
        telling = [m for m in modifiers if m in self.group_modifiers]
        # "armed militant groups": the telling word, not the generic "armed"
        modifier = next((m for m in telling if m != "armed"), None) or next(iter(telling), None)
        entry = self.generic.get(lemma)
        if lemma == "guard":
            entry = self._guard(modifiers) or entry
        if lemma == "officer" and not modifiers and self._army_officer(token):
            entry = self.generic["soldier"]
        if (
            entry is None
            and lemma in self.hardware
            and any(
                m in self.demonyms or m in self.government_words
                for m in [*modifiers, *(c.lower_ for c in token.children if c.dep_ == "nmod")]
            )  # "U.S. and British warplanes": a country's name the parser attaches as nmod
        ):
            entry = self.generic["military"]  # "Israeli tanks", "regime helicopters"
        if modifier is not None:
            modified = self.generic[self.group_modifiers[modifier]]
            # "armed men", "rebel groups"; "clan militia", "vigilante group"
            if (
                lemma in GROUP_HEADS
                or (entry is not None and _armed(entry) and not _armed(modified))
                # "rebel forces", "Syrian opposition forces": a side's forces, no state's
                # ("armed forces" stay the state's)
                or (entry is not None and entry[0] == "state-forces" and modifier != "armed")
                # "armed youths raided the camps": people who bear arms are armed men
                or (modifier == "armed" and lemma in self.armed_people)
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
        parties, people_words = self.party_crowds
        if lemma in people_words and any(m in parties for m in modifiers):
            entry = self.generic["supporter"]  # "ruling party youths": the party's crowd
        if entry is not None and entry[0] != "civilians" and self.retired(token):
            entry = self.generic["civilian"]  # "a former soldier": no force's man now
        return entry

    def retired(self, token: Token) -> bool:
        """A person's noun told as a past office: "a former police chief", "a retired army
        officer", "ex-rebels" (not a group's: "the former rebel group" is still a group)."""
        if token.lemma_.lower() in GROUP_HEADS - _PERSON_HEADS:
            return False
        return any(
            c.dep_ in ("amod", "advmod", "compound", "nmod") and c.lower_ in self.former
            for c in token.children
        )

    def in_arms_in(self, token: Token, entry: tuple[str, str], country: str) -> tuple[str, str]:
        """The entry of a word of politics alone (``[actors.political_sides]``, "the
        opposition") in a ``country`` whose opposition took up arms
        (``[actors.armed_oppositions]``): the armed side's; else ``entry``."""
        lemma = token.lemma_.lower()
        if country in self.armed_oppositions and entry == self.political_sides.get(lemma):
            return self.generic[lemma]
        return entry

    def _side_in_arms(self, token: Token) -> bool | None:
        """Whether a word of politics (``[actors.political_sides]``) names an armed side: as
        the modifier of a noun of armed men or their groups ("opposition fighters",
        "opposition and Islamist factions"), or qualified as armed ("the armed opposition");
        False alone ("the opposition called for protests": the parties); None as the
        modifier of another noun, a party's people or things ("opposition leader X",
        "opposition supporters", "the opposition party"), which their own nouns name."""
        first = token
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "opposition and Islamist factions"
        if first.dep_ in ("compound", "amod", "nmod") and first.head.i > first.i:
            head = first.head.lemma_.lower()
            armed = head in GROUP_HEADS or self.generic.get(head, ("civilians",))[0] not in _UNARMED
            return True if armed else None
        lemmas = columns.lemma_lowers(token.doc)
        return any(lemmas[m] == "armed" for m in noun_modifiers(token))

    def _army_officer(self, token: Token) -> bool:
        """Whether a bare "officer" is an army's: its sentence tells of soldiers, troops or the
        army, and of no police (``[actors.officers]``)."""
        sent = token.sent
        lemmas = set(columns.lemma_lowers(token.doc)[sent.start : sent.end])
        military, police = self.officer_sides
        return bool(lemmas & military) and not lemmas & police

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

    def nationality(self, token: Token) -> str:
        """The country whose people a capitalised plural demonym names ("Palestinians",
        "Kenyans"), or "" (a country's own name, "the Philippines", is a place)."""
        word = token.lower_
        if token.is_lower or not word.endswith("s") or token.ent_type_ in ("GPE", "LOC"):
            return ""
        return self.demonyms.get(word[:-1], "")

    def _community_acted_on(self, token: Token) -> bool:
        """A faith or community named in the plural as those a violent act befell: the object
        of the verb ("killed five Christians"), its passive subject ("12 Shiites were
        killed"). Those who act ("Muslims protested") are left to what they do."""
        word = token.lower_
        plural = word.endswith("s") and word[:-1] in self.communities
        return (
            plural or (word in self.communities and token.tag_ in ("NNS", "NNPS"))
        ) and _acted_on_plural(token)

    def of_people(self, token: Token) -> str:
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

    def capitalised_generic(self, span: Span) -> bool:
        """Whether ``span`` is a generic actor noun with words of its kind only, in
        capitals: "Military Forces", "Security Forces", "Police Forces" (a wire's or a
        coder's style, no name): the generic rules' forces, of the country the text ties
        them to (not a group named "Military Forces", of no country); only the whole noun
        phrase, an article aside (what follows it aside)."""
        if len(span) < 2:
            return False
        noun = span[-1].lower_
        if noun not in self.generic and noun[:-1] not in self.generic:
            return False
        kinds = self.group_modifiers.keys() | self.government_words
        if not all(t.lower_ in kinds for t in span[:-1]):
            return False
        # "the UK's brave Armed Forces": owned and qualified, a body the text names
        return all(c.dep_ == "det" for c in span[-1].children if c.i < span.start)

    def names_a_people(self, span: Span) -> bool:
        """Whether ``span`` is a people's name (``[actors.peoples]``, no country's demonym)
        before a noun of people or of a people's groups, or counted: "Tuareg" in "Tuareg
        rebels" (the word that makes them an ethnic militia, ``GenericActors.find``), "Pokot
        herders", "the Pokot and Samburu communities", "eleven Pokot" (people of that people).
        Not a name of its own, whatever the model's entity label: no person, and not the
        people's land (many peoples give their name to a province), save before a noun of a
        place ("Lowtown county employees")."""
        token = span[-1]
        word = token.lower_
        if word not in self.peoples or word in self.demonyms:
            return False
        if any(not t.like_num for t in span[:-1]):
            return False
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in self.divisions:
            return False  # "Lowtown county employees": a county of the people's name
        if len(span) == 1 and self.communal.people_fighting(token):
            return True  # "Lowtown attack X": the people's men (``GenericActors.find``)
        if len(span) == 1 and self.communal.people_attacked(token):
            return True  # "raiders killed Lowtown": the people's civilians
        if any(c.dep_ == "nummod" for c in token.children) or len(span) > 1:
            return True  # "raiders killed eleven Pokot": people counted
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "between the Pokot and Samburu communities"
        lemma = token.head.lemma_.lower()
        return token.dep_ in ("compound", "amod", "nmod") and (
            lemma in self.generic or lemma in self.identity_words or lemma in GROUP_HEADS
        )

    def _people(self, token: Token) -> str | None:
        """The people a modifier names, as written ("Kurdish" in "Kurdish forces", "Kurdish-led
        fighters"), where it is no country's demonym ("Somali forces" are Somalia's)."""
        t = parse_tree.tree(token.doc)
        for m in noun_modifiers(token):
            if t.head[m] != token.i and not token.doc[t.head[m]].is_lower:
                continue  # "Arab Army troops": part of a name
            word = t.lower[m].removesuffix("-led")
            if word in self.peoples and word not in self.demonyms:
                return t.text[m].removesuffix("-led").title()
        return None

    def armed_compound(self, token: Token) -> bool:
        """A noun modifier that is an armed actor's noun: "police chief", "militia leader" (not
        "a former police chief": a civilian; nor "an opposition legislator": a word of
        politics before a civilian's noun names the party, not its arms)."""
        return not self.retired(token) and any(
            c.dep_ == "compound"
            and c.lemma_.lower() not in self.political_sides
            and self.generic.get(c.lemma_.lower(), ("civilians",))[0] not in _UNARMED
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


def _acted_on(token: Token) -> bool:
    """The object of a verb or its passive subject ("shot an MP", "an MP and two aides were
    arrested"), however many conjuncts before it."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ in ("dobj", "nsubjpass")


def _acted_on_plural(token: Token) -> bool:
    """The object of a verb or its passive subject, however many conjuncts before it:
    "targeted Christians and Yazidis", "two Lowlanders were killed"."""
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.dep_ in ("dobj", "nsubjpass") and first.head.pos_ == "VERB"


def _armed(entry: tuple[str, str]) -> bool:
    """An unnamed armed group's entry: the type the rules refine from its words."""
    return entry[0] == "political-militia"


def _fighting(entry: tuple[str, str]) -> bool:
    """An entry of armed men that a people can field: soldiers, fighters, militias, rebels (not
    the police, nor an identity militia already)."""
    actor_type, template = entry
    return actor_type in ("political-militia", "rebel-group") or template.startswith("Military")
