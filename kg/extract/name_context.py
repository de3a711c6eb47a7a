"""What a name's own words and its place in the sentence make it, for the mention finder
(:mod:`kg.extract.mentions`): a place and its type ("the town of X", "captured X", "out of
X"), an organisation ("the 158th Fighter Wing"), a kin group ("the X clan"), a people, or no
name at all (weapons, operations, a title's portfolio); and a person's name the model cut at a
nickname in quotes, or a unit's at its ordinal, made whole."""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Span, Token

from kg.extract import columns, parse_tree
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.quoted import QUOTES
from kg.extract.spans import BEARINGS, captive, ground_taken
from kg.model import PlaceType

_PLACES = frozenset({"GPE", "LOC", "FAC"})  # the model's labels of places

__all__ = [
    "NameContext",
    "body_of",
    "load_organisation_heads",
    "with_family_name",
    "with_nickname",
    "with_ordinal",
]

_COMPASS = frozenset({"north", "south", "east", "west"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _code_number(word: str) -> bool:
    """Seven digits or more: a passcode or a phone number, no place's or unit's number ("Camp
    22", "CTF 150") nor a postal code ("Lowtown 190001")."""
    return word.isdigit() and len(word) >= 7


def load_organisation_heads() -> frozenset[str]:
    """Last words that make a name an organisation's (``kg/data/names.toml``)."""
    return read_words("names.toml", "organisations", "heads")


def with_nickname(span: Span) -> Span:
    """A person's name the model cut at a nickname in quotes, made whole: "Paul" of 'Paul
    "Tex" Redmond' (one or two capitalised words in quotes, then the surname's capitalised
    words)."""
    doc = span.doc
    text = columns.texts(doc)

    def capital(i: int) -> bool:
        return i < len(doc) and text[i][:1].isupper() and doc[i].pos_ == "PROPN"

    i = span.end
    if i >= len(doc) or text[i] not in QUOTES:
        return span
    j = i + 1
    while j < i + 3 and capital(j):
        j += 1
    if j == i + 1 or j >= len(doc) or text[j] not in QUOTES or not capital(j + 1):
        return span
    end = j + 1
    while capital(end):
        end += 1
    return doc[span.start : end]


def with_family_name(span: Span, particles: Collection[str]) -> Span:
    """A person's name the model cut before a hyphened family name, made whole: "Sajida
    Mubarak" of "Sajida Mubarak Atrous al-Rishawi" (at most two capitalised words, then a
    particle, a hyphen and a capitalised word; the model often labels the family name apart)."""
    doc = span.doc
    text = columns.texts(doc)

    def capital(i: int) -> bool:
        return i < len(doc) and text[i][:1].isupper() and doc[i].pos_ == "PROPN"

    j = span.end
    while j < span.end + 2 and capital(j) and text[j].lower() not in particles:
        j += 1
    if not (
        j + 2 < len(doc)
        and text[j].lower() in particles
        and text[j + 1] == "-"
        and not doc[j].whitespace_
        and not doc[j + 1].whitespace_
        and capital(j + 2)
    ):
        return span
    return doc[span.start : j + 3]


def with_ordinal(span: Span, taken: Collection[int] = ()) -> Span:
    """ "the 158th Fighter Wing": a unit's ordinal begins its name, which the model's run of
    proper nouns leaves out ("Fighter Wing" alone would name every fighter wing); ``taken``:
    tokens of names found already."""
    before = span.start - 1
    if before >= 0 and before not in taken and _ORDINAL.fullmatch(span.doc[before].text):
        return span.doc[before : span.end]
    return span


def body_of(span: Span, heads: Collection[str]) -> bool:
    """ "the Ministry of Culture", "the Department of the Treasury": a capitalised word of
    ``heads`` (an organisation's last words) inside the name, before its "of"."""
    lower, text = columns.lowers(span.doc), columns.texts(span.doc)
    return any(
        lower[i] in heads and text[i][:1].isupper() and lower[i + 1] == "of"
        for i in range(span.start, span.end - 2)
    )


class NameContext:
    """The word lists that type a name (``kg/data/lexicon.toml``, ``names.toml``), built once
    per lexicon; ``demonyms``: country names and demonyms to their ISO codes; ``regions``: the
    lexicon's places where foreign forces fight; ``region_nouns``: nouns after a place's name
    ("area", "countryside")."""

    def __init__(
        self,
        lexicon: Lexicon,
        demonyms: dict[str, str],
        regions: Collection[str],
        region_nouns: frozenset[str],
    ) -> None:
        self.demonyms = demonyms
        self.regions = regions
        self.region_nouns = region_nouns
        words = lexicon.words
        self.place_nouns: dict[str, PlaceType] = {}
        for kind, ptype in (
            ("town", PlaceType.TOWN),
            ("district", PlaceType.DISTRICT),
            ("province", PlaceType.PROVINCE),
        ):
            for noun in words["places"][kind]:
                self.place_nouns[noun] = ptype
        self.locative = lexicon.word_set("places", "locative_prepositions")
        self.region_heads = lexicon.word_set("places", "region_heads")
        self.place_verbs = lexicon.word_set("places", "place_verbs")
        self.capital_nouns = lexicon.word_set("places", "capital_nouns")
        self.communities = lexicon.word_set("places", "community_words")
        self.not_names = lexicon.word_set("mentions", "not_names")
        self.operation_words = lexicon.word_set("mentions", "operation_words")
        self.outlet_nouns = lexicon.word_set("mentions", "outlet_nouns")
        self.agreement_heads = lexicon.word_set("mentions", "agreement_heads")
        self.titles = lexicon.word_set("mentions", "titles")
        self.portfolios = read_words("names.toml", "people", "portfolios")
        self.route_words = lexicon.word_set("mentions", "route_words")
        self.taken_verbs = read_words("names.toml", "places", "taken_verbs")
        self.taking_nouns = read_words("names.toml", "places", "taking_nouns")
        self.organisation_heads = load_organisation_heads()
        self.missions = read_words("names.toml", "organisations", "missions")
        self.kin_nouns = read_words("names.toml", "organisations", "kin_nouns")
        self.first_heads = read_words("names.toml", "organisations", "first_heads")
        self.built_heads = read_words("names.toml", "places", "built_heads")

    def built(self, span: Span) -> bool:
        """ "the Ishtar Gate", "the Lowtown Mosque": a name of several words whose last word,
        capitalised, says what was built names a place, whatever the model's label."""
        last = span.end - 1
        return (
            len(span) > 1
            and columns.texts(span.doc)[last][:1].isupper()
            and columns.lowers(span.doc)[last] in self.built_heads
        )

    def landform(self, span: Span) -> bool:
        """ "the Lowtown Mountains", "the Nuba Mountains": a name of several words whose last
        word, capitalised, is a region's noun names a place, whatever the model's label."""
        last = span.end - 1
        return (
            len(span) > 1
            and columns.texts(span.doc)[last][:1].isupper()
            and columns.lowers(span.doc)[last] in self.region_heads
        )

    def listed_place(self, span: Span) -> bool:
        """A name of the lexicon's places where foreign forces fight ("Aleppo"), not the end
        of a longer name ("the Gulf of Aden"), nor telling where people are from ("Isiolo
        herders", "an Embu man": a community, typed by the generic rules)."""
        doc, i = span.doc, span.start
        of_name = i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].text[:1].isupper()
        root = span.root
        people = (
            root.dep_ in ("compound", "amod", "nmod")
            and root.head.i >= span.end
            and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.lower_ not in self.place_nouns
            and root.head.lower_ not in self.region_nouns
        )
        return not of_name and not people and columns.text(span).lower() in self.regions

    def not_a_name(self, span: Span) -> bool:
        """Weapons, military operations and agreements the model takes for organisations: "a
        VBIED", "Operation Inherent Resolve", "the Cessation of Hostilities"; a code, the
        words of a long number the model's entity holds ("Passcode 3080897")."""
        text, lower = columns.texts(span.doc), columns.lowers(span.doc)
        first, last = span.start, span.end - 1
        return (
            columns.text(span).lower() in self.not_names
            or _code_number(text[last])
            or (
                last + 1 < len(text)
                and _code_number(text[last + 1])
                and span.doc[last + 1].ent_iob_ == "I"
            )
            or lower[first] in self.operation_words
            or (text[first][:1].isupper() and lower[first] in self.agreement_heads)
            or (len(span) > 1 and text[last][:1].isupper() and lower[last] in self.agreement_heads)
            or self._portfolio(span)
        )

    def outlet(self, span: Span) -> bool:
        """ "on its Sauti radio station", "the group's Amaq news agency": a name that a noun of
        an outlet heads, which an owner's possessive holds, is the outlet's (an
        organisation), no place."""
        head = span.root.head
        return (
            span.root.dep_ in ("compound", "nmod")
            and head.i >= span.end
            and head.lower_ in self.outlet_nouns
            and any(c.dep_ == "poss" for c in head.children)
        )

    def community(self, token: Token) -> bool:
        """A word naming a faith or a people ("Yazidi", "Christians"), whatever the model's
        entity label: the people's name, never a place's nor a person's."""
        word = token.lower_
        return word in self.communities or (word.endswith("s") and word[:-1] in self.communities)

    def body(self, span: Span) -> bool:
        """One capitalised word naming a kind of body ("support from the Coalition", "the
        Army's barracks"): no place, and the generic nouns say whose body it is."""
        return len(span) == 1 and columns.lowers(span.doc)[span.start] in self.organisation_heads

    def after_title(self, span: Span) -> bool:
        """ "the Iraqi Foreign Minister, Ibrahim al- Jaafari": a name of several capitalised
        words set after a person's title and a comma names that person, whatever the
        model's label."""
        doc, i = span.doc, span.start
        return (
            len(span) > 1
            and i > 1
            and doc[i - 1].text == ","
            and doc[i - 2].lemma_.lower() in self.titles
            and doc[i - 2].tag_ in ("NN", "NNP")
            and span[0].text[:1].isupper()
            and span[-1].text[:1].isupper()
        )

    def titled(self, span: Span, person: bool) -> Span | None:
        """ "from Ambassador Robert Ford", "a statement from Spokesperson John Kirby": a name
        that starts with a person's title, or that the model took for a person's (``person``)
        after one, is the person's wherever it stands (after "from" too); the name without
        the title, or None. Without the model's label the name needs two words after the
        title ("Spokesperson Jane Holt"), none of them an organisation's last word."""
        doc, i = span.doc, span.start
        name = span[1:]
        named = person or (
            len(name) > 1
            and all(t.pos_ == "PROPN" and t.is_title for t in name)
            and name[-1].lower_ not in self.organisation_heads
        )
        if len(span) > 1 and span[0].lemma_.lower() in self.titles and name[0].is_title and named:
            return name
        return span if person and i > 0 and doc[i - 1].lemma_.lower() in self.titles else None

    def _portfolio(self, span: Span) -> bool:
        """ "Secretary of State", "Minister of Interior": a portfolio after a title's "of"."""
        lower, i = columns.lowers(span.doc), span.start
        return (
            i > 1
            and lower[i - 1] == "of"
            and lower[i - 2] in self.titles
            and columns.text(span).lower() in self.portfolios
        )

    def organisation_name(self, span: Span) -> bool:
        """A name of several words whose last word names an organisation ("Air Reserve
        Component", "Kurdistan Regional Government"), not a country's or a place's own, or
        whose capitalised organisation's word governs an "of" ("the Ministry of Culture", "a
        licence from the Department of the Treasury"); or whose first word is an Arabic body's
        noun before the article ("Jaish al-Lowti")."""
        last, lower = span.end - 1, columns.lowers(span.doc)
        if (
            len(span) > 1
            and lower[span.start] in self.first_heads
            and lower[span.start + 1].partition("-")[0] in ("al", "el")
        ):
            return True
        if body_of(span, self.organisation_heads):
            return True
        return (
            len(span) > 1
            and columns.texts(span.doc)[last][:1].isupper()
            and lower[last] in self.organisation_heads
            and columns.text(span).lower() not in self.demonyms
        )

    def kin_group(self, span: Span) -> bool:
        """A name that modifies "tribe" or "clan" ("the Darood clan"), that a "clan of" or
        "tribe of" governs ("a sub-clan of the Hawiye") or that is called one ("the Abgaal are
        a sub-clan") names a kin group."""
        t = parse_tree.tree(span.doc)
        after = span.end
        if after < len(t.lower) and t.lower[after] in self.kin_nouns and t.pos[after] == "NOUN":
            return True
        root = span.root.i
        head = t.head[root]
        if t.dep[root] == "pobj" and t.lower[head] == "of":
            return t.lower[t.head[head]] in self.kin_nouns
        if t.dep[root] == "nsubj" and t.raw_lemma[head] == "be":
            return any(t.dep[c] == "attr" and t.lower[c] in self.kin_nouns for c in t.kids[head])
        return False

    def preposition(self, token: Token) -> bool:
        """A locative preposition, not a compass word that starts a name ("West Bank")."""
        return token.lower_ in self.locative and token.lower_ not in _COMPASS

    def place_context(self, span: Span) -> PlaceType | None:
        """The place type a proper-noun span's syntax gives it, or None if not a place."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < span.start:
            root = root.head
        head = root.head
        if (
            root.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in self.place_nouns
        ):
            noun = head.head.lemma_.lower()
            return self.region_or(span, self.place_nouns[noun])
        if root.dep_ == "pobj" and head.lower_ in self.locative:
            return self.region_or(span, PlaceType.OTHER)
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "out":
            return self.region_or(span, PlaceType.OTHER)  # "pushed ISIL out of Kobane"
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in BEARINGS:
            return self.region_or(span, PlaceType.OTHER)  # "areas north and west of Raqqah"
        if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in self.route_words:
            return self.region_or(span, PlaceType.OTHER)  # "on the way to Raqqah"
        if root.dep_ == "dobj" and head.lemma_.lower() in self.place_verbs and not captive(head):
            return self.region_or(span, PlaceType.OTHER)  # "captured Rasafa", "shelled Pivnichne"
        if ground_taken(root, self.taken_verbs, self.taking_nouns):  # "Sinjar was liberated"
            return self.region_or(span, PlaceType.OTHER)
        if root.dep_ == "poss" and head.lemma_.lower() in self.place_nouns:
            return self.region_or(span, PlaceType.OTHER)
        if (
            root.dep_ == "appos"
            and head.lemma_.lower() in self.capital_nouns
            and span.start > 0
            and root.doc[span.start - 1].text == ","
        ):  # "Lowland's capital, Lowtown" (not a name in brackets: "X town (Y district)")
            return self.region_or(span, PlaceType.TOWN)
        if root.dep_ in ("compound", "nmod") and head.lemma_.lower() in self.place_nouns:
            if any(t.text == "," for t in root.doc[span.end : head.i]):
                return PlaceType.OTHER  # "Horlivka, Donetsk region": a place in the region
            return self.region_or(span, self.place_nouns[head.lemma_.lower()])
        return None

    def in_place_brackets(self, span: Span) -> bool:
        """ "Al Khawkhah city (Al Hudaydah)", "a village in western Yemen (Ad Durayhimi, Al
        Hudaydah)": a name in brackets that hold only names and commas, opened right after a
        place noun or a place's name, is where that place lies (the model often reads Arabic
        district and province names as people's)."""
        doc = span.doc
        i = span.start - 1
        while i >= 0 and (doc[i].pos_ == "PROPN" or doc[i].is_title or doc[i].text == ","):
            i -= 1
        if i < 1 or doc[i].text != "(":
            return False
        before = doc[i - 1]
        if before.lemma_.lower() not in self.place_nouns and before.ent_type_ not in _PLACES:
            return False
        j = span.end
        while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].is_title or doc[j].text == ","):
            j += 1
        return j < len(doc) and doc[j].text == ")"

    def after_place_comma(self, span: Span) -> bool:
        """ "in Acapulco, Guerrero, a man", "Dawlat Abad district, Balkh.": a name after a
        proper noun or a place noun and a comma, ending the phrase (a comma, a full stop, a
        bracket or a semicolon after it), is where the place lies if it names a region."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text != ",":
            return False
        before = doc[span.start - 2]
        if before.pos_ != "PROPN" and before.lemma_.lower() not in self.place_nouns:
            return False
        return span.end == len(doc) or doc[span.end].text in (",", ".", ")", ";", "[")

    def region_or(self, span: Span, default: PlaceType) -> PlaceType:
        return PlaceType.REGION if span[-1].lower_ in self.region_heads else default
