"""The names spaCy's entity model labels, and the proper nouns it leaves unlabelled, typed by
their syntactic context rather than by the model's label: "the town of X" is a place, "the
Minister for Y, Z" a person and a place, "the Al Bu X tribe" a tribe, "from the 158th Fighter
Wing" an organisation, "Near Sinjar, ..." a place without its preposition; a month, a body's
noun, a rank or a machine ("Air Force F-16 Fighting Falcons") is cut off or no name.

:class:`kg.extract.mentions.MentionFinder` runs these after its gazetteers and unit names, on
the tokens those left; the words that tell the context are :mod:`kg.extract.name_context`'s.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.common_nouns import CommonNouns
from kg.extract.found import Found
from kg.extract.generic_entries import GenericEntries
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.name_context import NameContext, with_family_name, with_nickname, with_ordinal
from kg.extract.person_names import province_not_person, rank_before_name, titled_person
from kg.extract.phrases import load_honorifics
from kg.extract.recurring import numbered
from kg.extract.spans import (
    country_unit,
    entity_parts,
    is_calendar_word,
    place_found,
    proper_noun_runs,
    trim,
    whole_name,
)
from kg.extract.titles import portfolio_before_title
from kg.geo.admin1 import names_division
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["NamedEntities", "name_head", "place_word"]

_CAPITAL_PREPOSITIONS = frozenset({"Near", "Outside", "Around", "Inside"})
_PEOPLE = frozenset({"PERSON", "ORG"})  # the model's labels a titled person's name gets

_SPACED_PARTICLE = re.compile(r"\b([a-z]{2,3})- (?=[A-Z])")


def _named_actor(span: Span, actor_type: ActorType) -> Found:
    """An actor named by the words of ``span`` (a particle's stray space closed: "Ibrahim
    al- Jaafari" is Ibrahim al-Jaafari)."""
    text = _SPACED_PARTICLE.sub(r"\1-", columns.text(span))
    return Found("actor", span.start, span.end, name_key(text), text, actor_type=actor_type)


class NamedEntities:
    """Built once per model with the mention finder's word lists, run on every Doc."""

    def __init__(
        self,
        nlp: Any,
        lexicon: Lexicon,
        names: NameContext,
        entries: GenericEntries,
        demonyms: dict[str, str],
    ) -> None:
        self.names = names
        self.entries = entries
        self.demonyms = demonyms
        self.ranks = read_words("names.toml", "people", "ranks")
        self.particles = read_words("names.toml", "particles", "words")
        self.services = read_words("names.toml", "people", "services")
        self.portfolios = read_words("names.toml", "people", "portfolios")
        self.designated = read_words("names.toml", "organisations", "designated")
        self.designations = read_words("names.toml", "organisations", "designations")
        self.honorifics = load_honorifics()
        self.place_prepositions = lexicon.word_set("places", "place_prepositions")
        names_of = {n.lower() for c in lexicon.countries for n in (c.name, *c.aliases)}
        # "Ugandan", "Kenyan": a country's people, never its name
        self.peoples_words = {d.lower() for c in lexicon.countries for d in c.demonyms} - names_of
        self.common_nouns = CommonNouns(
            nlp,
            (label for label, _ in lexicon.prefixes),
            read_words("coref.toml", "nouns", "speech_verbs"),
        )

    def find(self, doc: Doc, taken: set[int], countries: set[int]) -> list[Found]:
        """The model's named entities outside ``taken``, typed by their context; ``countries``:
        the tokens of the countries the gazetteer found (a unit of one nests in its name)."""
        out = []
        for ent, label in entity_parts(doc):
            if label not in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                continue
            span = trim(ent)
            if (
                span is not None
                and label == "ORG"
                and country_unit(
                    span, countries, self.names.organisation_heads, self.names.missions
                )
            ):
                out.append(_named_actor(span, ActorType.ORGANISATION))  # the country nests
                continue
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if label == "ORG" and portfolio_before_title(span, self.portfolios, self.names.titles):
                continue  # "Defence Minister X": the title's portfolio, no organisation
            if span.end < len(doc) and doc[span.end].text == "=":
                continue  # "[Size=no report]": a field's name in a tag, no name
            if _actor_abbreviation(span, self.entries.generic):
                continue  # "MP", labelled: a person's office (generic.py), no name
            if self.entries.names_a_people(span):
                continue  # "Tuareg rebels", "Pokot herders": a people (generic.py), no person
            if self.entries.capitalised_generic(span):
                continue  # "Military Forces", "Security Forces": the generic rules' forces
            if len(span) == 1 and self.entries.common_actor_noun(span[0]):
                continue  # "Rebels succeeded in ...", labelled GPE: the generic rules' rebels
            if len(span) == 1 and self.names.community(span[0]):
                continue  # "the Yazidi community", "Druze villagers": a people, no place
            if len(span) == 1 and _of_a_people(span[0], self.peoples_words):
                continue  # "Ugandan police", labelled GPE: the police's country, no place
            after_preposition = len(span) > 1 and self.names.preposition(span[0])
            # "Near Sinjar, ...": a capital preposition the model read as part of a name
            before = doc[span.start - 1] if span.start > 0 else None
            after_capital = before is not None and before.text in _CAPITAL_PREPOSITIONS
            if after_preposition:  # "Near Palmyra, ...": the model took the preposition in
                span = span[1:]
            whole = whole_name(span)  # "Dayr az Zawr" cut at "az"
            if label == "PERSON":
                whole = with_nickname(whole)  # 'Paul "Tex" Redmond' cut at the quotes
                whole = with_family_name(whole, self.particles)  # "Ali Hassan al-Tikriti"
            if any(f.start < whole.end and whole.start < f.end for f in out):
                continue  # "Omar al- Haddad": the name made whole from its other part already
            if not any(i in taken for i in range(whole.start, whole.end)):
                span = whole
            end = span.end
            if label == "ORG":
                end = numbered(doc, span.start, end, self.designated, self.designations)
            if end > span.end and end - 1 not in taken:
                span = doc[span.start : end]  # "CTF 150", "Mobile Unit Two": the unit's number
            machine = _machine(span)
            if machine is not None and not self.names.organisation_name(span):  # "F-16 Squadron"
                span = span[:machine]  # "Air Force F-16 Fighting Falcons": the Air Force's
                if not len(span):
                    continue
            if is_calendar_word(span) or self.names.not_a_name(span) or self.names.body(span):
                continue
            if rank_before_name(span, self.ranks, self.services):  # "Staff Sgt." Albert Connelly
                continue
            root = name_head(span, self.particles)
            if root.is_lower or (
                root.pos_ not in ("PROPN", "NOUN")
                and not place_word(root, label, self.place_prepositions, self.demonyms)
            ):
                continue
            titled = titled_person(
                span, self.names.titles, self.names.organisation_heads, self.demonyms
            )
            if titled is not None:  # "Minister for the Middle East Tobias Ellwood"
                title, person = titled
                out.append(Found("actor", person.start, person.end, name_key(columns.text(person)),
                                 columns.text(person), actor_type=ActorType.PERSON,
                                 anchor=(title, person.end), nested=True))  # fmt: skip
                portfolio = trim(doc[span.start : person.start])
                if portfolio is not None and len(portfolio):  # "the Middle East": a place
                    out.append(
                        place_found(portfolio, self.names.region_or(portfolio, PlaceType.OTHER))
                    )
                continue
            if self.names.kin_group(span):  # "the Al Bu Nimr tribe": a tribe, not a person
                out.append(_named_actor(span, ActorType.IDENTITY_MILITIA))
                continue
            if self.names.organisation_name(span):  # "from the 158th Fighter Wing"
                out.append(_named_actor(with_ordinal(span, taken), ActorType.ORGANISATION))
                continue
            if label != "PERSON" and self.names.after_title(span):  # "the Minister, X al- Y"
                out.append(_named_actor(span, ActorType.PERSON))
                continue
            # "from Ambassador Robert Ford": no place "Robert Ford" (a place's label keeps
            # "General Santos City" a place)
            named = self.names.titled(span, label == "PERSON") if label in _PEOPLE else None
            if named is not None:
                out.append(_named_actor(named, ActorType.PERSON))
                continue
            if self.names.outlet(span):  # "on its Sauti radio station": the outlet, no place
                outlet = _named_actor(span, ActorType.ORGANISATION)
                outlet.anchor, outlet.nested = (span.start, span.root.head.i + 1), True
                out.append(outlet)
                continue
            place_type = self.names.place_context(span)
            if label == "PERSON" and place_type is None and self._region_named(span):
                place_type = self.names.region_or(span, PlaceType.OTHER)  # "city (Al Hudaydah)"
            if place_type is None and (after_preposition or after_capital):
                place_type = self.names.region_or(span, PlaceType.OTHER)
            if place_type is None and label in ("GPE", "LOC", "FAC"):
                place_type = self.names.region_or(span, PlaceType.OTHER)
            if place_type is None and self.names.built(span):  # "the Ishtar Gate", as ORG
                place_type = PlaceType.OTHER
            if place_type is None and self.names.landform(span):  # "the Lowtown Mountains"
                place_type = PlaceType.REGION
            if place_type is not None:
                out.append(place_found(span, place_type))
            elif label == "ORG":
                out.append(_named_actor(span, ActorType.ORGANISATION))
            elif self.common_nouns.misread(span, self.entries.common_actor_noun):
                continue  # "Riot: ...", "Lorry driver shot ...": a noun, no name
            elif (province := self._province(span, taken, out)) is not None:
                # "Meru Governor X", "(Qaatabah, Ad Dali)": a province, no person
                out.append(place_found(province, self.names.region_or(province, PlaceType.OTHER)))
            else:
                out.append(_named_actor(span, ActorType.PERSON))
        return out

    def _province(self, span: Span, taken: set[int], found: list[Found]) -> Span | None:
        """The province a name the model labelled a person's names, if it does."""
        busy = taken.union(*(range(f.start, f.end) for f in found))
        return province_not_person(span, busy, self.common_nouns.speech_verbs, self.honorifics)

    def _region_named(self, span: Span) -> bool:
        """A name the model took for a person's where a place's region is named: in brackets
        after a place, or after a place and a comma when it is a province's name."""
        return self.names.in_place_brackets(span) or (
            self.names.after_place_comma(span) and names_division(columns.text(span))
        )

    def proper_noun_places(self, doc: Doc, taken: set[int], known: set[int]) -> list[Found]:
        """Places named by proper nouns the model left unlabelled; ``known``: the tokens of
        the gazetteers' names."""
        out = []
        for span in proper_noun_runs(doc, taken):
            name = columns.text(span).lower()
            if name in self.demonyms or name in self.names.communities:
                continue  # "Syrian", "Afghan": not places
            if name.endswith("s") and name[:-1] in self.names.communities:
                continue  # "killed five Christians", "attacked Yazidis": people, no place
            if _actor_abbreviation(span, self.entries.generic):
                continue  # "attacked an MP": a person's office, no place
            if self.entries.names_a_people(span):
                continue  # "the Pokot and Samburu communities", unlabelled: a people, no place
            if len(span) > 1 and self.names.preposition(span[0]):
                out.append(place_found(span[1:], self.names.region_or(span, PlaceType.OTHER)))
                continue  # "Near Sinjar, ...": the capital made the preposition a name
            if self.names.body(span) or self.names.not_a_name(span):  # "took part in Exercise X"
                continue
            if _owned(span):  # "through its Senior Advisor": someone the body has, no place
                continue
            if self.names.kin_group(span):  # "a sheikh of the Karabla clan", left unlabelled
                whole = whole_name(span)  # "the Al bu Nimr tribe" cut at "bu"
                if any(i in taken for i in range(whole.start, whole.end)):
                    whole = span
                out.append(_named_actor(whole, ActorType.IDENTITY_MILITIA))
                continue
            place_type = self.names.place_context(span)
            if place_type is None and self.names.listed_place(span):
                place_type = PlaceType.OTHER  # "access to eastern Aleppo": a listed place
            if place_type is None and self.names.landform(span):
                place_type = PlaceType.REGION  # "The Lowtown Mountains are a ridge", unlabelled
            if place_type is None or _continues_name(span, known):
                continue  # "the Pentagon Press", "the US Secretary of State": not a place
            if self.names.organisation_name(span):  # "deployed from the 158th Fighter Wing"
                out.append(_named_actor(with_ordinal(span, taken), ActorType.ORGANISATION))
            else:
                out.append(place_found(span, place_type))
        return out


def _of_a_people(word: Token, peoples_words: Collection[str]) -> bool:
    """ "Ugandan police", "Kenyan troops": a country's demonym modifying the noun after it
    tells whose the noun is (the generic rules' actor), no place."""
    return (
        word.lower_ in peoples_words
        and word.dep_ in ("amod", "compound", "nmod")
        and word.head.i > word.i
    )


def place_word(
    word: Token, label: str, prepositions: Collection[str], demonyms: Collection[str]
) -> bool:
    """ "located at Zamanly, Gadabay": a village the tagger reads as an adverb or adjective
    by its ending ("-ly", "-i"), which the entity model labels a place and a preposition of
    place (one of ``prepositions``) or a comma list of places governs, is a place name; a
    sentence's first word ("Mostly, ...") and a people's adjective (``demonyms``) are not."""
    if label not in ("GPE", "LOC") or word.pos_ not in ("ADV", "ADJ") or not word.is_title:
        return False
    if word.is_sent_start or word.lower_ in demonyms:
        return False
    governor = word
    while governor.dep_ in ("conj", "appos") and governor.head.i < governor.i:
        governor = governor.head  # "in Kalamly and Zamanly", "at X, Zamanly"
    if governor.dep_ == "pobj" and governor.head.lower_ in prepositions:
        return True
    return _listed_with_place(word)


def _listed_with_place(word: Token) -> bool:
    """A word a comma joins to a name the entity model labels a place: "Zamanly, Gadabay"."""
    doc = word.doc
    for comma, other in ((word.i + 1, word.i + 2), (word.i - 1, word.i - 2)):
        if min(comma, other) < 0 or max(comma, other) >= len(doc) or doc[comma].text != ",":
            continue
        if doc[other].ent_type_ in ("GPE", "LOC") and doc[other].pos_ == "PROPN":
            return True
    return False


def name_head(span: Span, particles: Collection[str]) -> Token:
    """The word that heads a name: the parse's root, else its last word where the parse
    made a particle inside the name its head ("Karim al-Lowe" headed by "al")."""
    root = span.root
    if root.lower_ in particles and root.i + 1 < span.end:
        return span[-1]
    return root


def _actor_abbreviation(span: Span, generic: Mapping[str, object]) -> bool:
    """One word in capitals that is a generic actor noun's abbreviation ("MP", "MPs"), which
    the parser takes for a name: a person's office, for the generic rules."""
    if len(span) != 1 or not span[0].text[:2].isupper():
        return False
    word = span[0].lower_
    return word in generic or (word.endswith("s") and word[:-1] in generic)


def _owned(span: Span) -> bool:
    """ "through its Senior Advisor", "with their Joint Staff": a name after a possessive
    pronoun, the whole object of the preposition, is the owner's role or body (no place is
    written so); "in their Lowtown stronghold", where the name modifies a noun, is left."""
    before = span.start - 1
    return before >= 0 and span.doc[before].tag_ == "PRP$" and span.root.dep_ == "pobj"


def _continues_name(span: Span, known: set[int]) -> bool:
    """The words go on a gazetteer's name, which modifies them: "the Pentagon Press" after
    "Pentagon", "the US Secretary of State" after "US"."""
    before = span.start - 1
    return (
        before >= 0
        and before in known
        and span.doc[before].dep_ in ("compound", "nmod", "poss")
        and span.start <= span.doc[before].head.i < span.end
    )


# a model designation: "F-16", "MQ-9", "KC-135R", "Su-24", "MiG-29" (and "F-16s")
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,3}[A-Z]?s?")


def _machine(span: Span) -> int | None:
    """Where a machine's name starts in a name the model took for a body's (offset in the
    span), or None: a model designation named on with more capitalised words or in the
    plural ("Air Force F-16 Fighting Falcons", "an MQ-9 Reaper", "F-16s"). A designation
    alone may be a group's name ("M-23"): it stays."""
    for k, token in enumerate(span):
        if _DESIGNATION.fullmatch(token.text):
            after = span[k + 1 :]
            named_on = token.text.endswith("s") or any(t.text[:1].isupper() for t in after)
            return k if named_on else None
    return None
