"""Communities that fight: ACLED codes a people's or herders' armed men where they attack or
clash as an identity militia ("Pokot Ethnic Militia (Kenya)", else "Unidentified Communal
Militia"), and those they attack as civilians. :mod:`kg.extract.generic` asks these questions
of a people's name ("the Pokot raided", "a Samburu attack", the headline "Borana attack X",
whose verb the tagger reads as a noun, "Pokot and Samburu clashed", "fighting between Pokot
and Samburu"; "raiders killed eleven Pokot": its civilians) and of herders ("Maasai herders
opened fire", "a group of herders attacked"; not "killed two herders", nor "herders
protested").

The verbs of fighting are the triggers of armed violence (``kg/data/triggers.tsv``); the
peoples and herders, ``[actors.peoples]`` and ``[actors.herders]`` of ``kg/data/lexicon.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon

# the trigger classes of armed violence, whose first lemma is a verb or noun of fighting
_FIGHT_CLASSES = frozenset({"attack", "armed-clash", "violence", "kill"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# the verbs of killing: a place is attacked or raided, only people are killed
_KILL_LEMMAS = frozenset({"kill", "murder", "massacre", "behead", "execute", "abduct", "kidnap"})


class CommunalFighters:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon, demonyms: dict[str, str], group_heads: frozenset[str]):
        words = lexicon.words["actors"]
        self.peoples = frozenset(words["peoples"]["words"]) - frozenset(demonyms)
        self.herders = frozenset(words["herders"]["words"])
        self.group_heads = group_heads  # "a group of herders": the group is who acts
        self.fight_lemmas = frozenset(
            t.lemmas[0] for t in lexicon.triggers if t.event_class in _FIGHT_CLASSES
        )
        # a people's own groups: "the X community", "the Y clan" (``[actors.member_of]``)
        self.groups = frozenset(
            word for word, kind in words["member_of"].items() if kind == "tribesman"
        )

    def herders_fight(self, token: Token) -> bool:
        """Whether ``token``, a noun of herders (``herders``), names men who do armed
        violence: the subject of a verb of fighting ("herders clashed", "the Lowtown and
        Upton herders fought"; through "a group of"), or the doers after "by" ("killed by
        herders")."""
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        head = token.head
        of_group = head.lower_ == "of" and head.head.lemma_.lower() in self.group_heads
        if token.dep_ == "pobj" and of_group:
            token, head = head.head, head.head.head  # "a group of herders attacked"
        if token.dep_ == "pobj" and head.dep_ == "agent":
            token, head = head, head.head  # "hacked to death by herders"
        verb = head.pos_ == "VERB" and head.lemma_.lower() in self.fight_lemmas
        return verb and token.dep_ in ("nsubj", "agent")

    def people_fighting(self, token: Token) -> bool:
        """Whether ``token`` is a people's name (capitalised, no country's demonym) alone as
        the doer of armed violence: the subject of a verb of fighting ("the Lowtown raided the
        village", "Lowtown and Upton clashed"), a side "between" two in a fight ("clashes
        between Lowtown and Upton"), or the word right before its noun ("a Lowtown attack";
        the headline "Lowtown attack X", whose verb the parse may also take for the head of
        the name)."""
        if token.lower_ not in self.peoples or token.is_lower:
            return False
        if self.community_fighting(token):
            return True
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # "Lowtown and Upton clashed": Upton is Lowtown's conj
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "between":
            return _conjoined(token) and head.head.lemma_.lower() in self.fight_lemmas
        if head.i == token.i or head.lemma_.lower() not in self.fight_lemmas:
            return False
        if token.dep_ in _MODIFIER_DEPS:
            return head.i == token.i + 1 and head.pos_ in ("NOUN", "VERB")
        return token.dep_ == "nsubj" and head.pos_ == "VERB"

    def community_fighting(self, token: Token) -> bool:
        """Whether ``token``, a word before a noun of a people's own group (``groups``), names
        one of the sides of a fight between communities: "clashes between the Lowtown and Upton
        communities", "the Lowtown and Upton clans fought", "members of the Lowtown community
        attacked", "Lowtown and Upton groups clash" (ACLED codes each side as its people's
        ethnic militia)."""
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # "the Lowtown and Upton communities": Upton is Lowtown's conj
        group = token.head
        lemma = group.lemma_.lower()
        if token.dep_ not in _MODIFIER_DEPS or (lemma not in self.groups and lemma != "group"):
            return False
        while group.dep_ == "conj" and group.head.i < group.i:
            group = group.head  # "between the Lowtown community and the Upton clan"
        head = group.head
        if group.dep_ == "pobj" and head.lower_ == "between":
            return head.head.lemma_.lower() in self.fight_lemmas
        if group.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "member":
            group, head = head.head, head.head.head  # "members of the Lowtown community"
        verb = head.pos_ == "VERB" and head.lemma_.lower() in self.fight_lemmas
        return verb and group.dep_ == "nsubj"

    def people_attacked(self, token: Token) -> bool:
        """Whether ``token`` is a people's name (capitalised, no country's demonym) alone as
        those a violent act befell, its people's civilians as ACLED codes them: the object
        or passive subject of a verb of killing ("raiders killed Lowtown"), or counted so
        of any verb of fighting ("raiders attacked five Lowtown"), or the side "against"
        whom a fight is ("a raid against Lowtown"). Many peoples give their name to a place,
        which is attacked or raided but not killed nor counted."""
        if token.lower_ not in self.peoples or token.is_lower:
            return False
        counted = any(c.dep_ == "nummod" for c in token.children)
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # "killed two Lowtown and one Upton"
        head = token.head
        lemma = head.lemma_.lower()
        if token.dep_ == "pobj" and head.lower_ == "against":
            return head.head.pos_ == "NOUN" and head.head.lemma_.lower() in self.fight_lemmas
        if token.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
            return False
        return lemma in _KILL_LEMMAS or (counted and lemma in self.fight_lemmas)


def _conjoined(token: Token) -> bool:
    """Whether ``token`` has a conjunct of its own ("between Lowtown and Upton"): the sides
    of a fight, each named."""
    return any(c.dep_ == "conj" for c in token.children)
