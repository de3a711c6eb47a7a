"""Place mentions that name no place of the article (split from
:mod:`kg.extract.place_names`): a country an actor supports ("pro-Turkey factions"), one naming
a currency ("the US dollar"), a weapon's model ("Katyusha rockets"), a party's name ("the
Akhali party"), an online platform ("posted on Twitter"), and a country's name that starts an
organisation's told with its acronym ("Pakistan Tehreek-e-Insaf (PTI)"). The word lists live
in ``kg/data/lexicon.toml`` (``[places]``)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.lexicon import Lexicon
from kg.model import PlaceType

__all__ = ["Placeless"]

# an organisation's name after a country's, before its bracketed acronym: at most so many
# words, capitalised or these ("Tehreek-e-Insaf", "People's Party", "Front for the Liberation of")
_NAME_WORDS = 8
_NAME_JOINS = frozenset(
    {"-", "of", "for", "the", "and", "al", "el", "de", "du", "e", "'s", "\u2019s"}
)


class Placeless:
    """Built once with the lexicon; :meth:`names_no_place` is asked of each place mention."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.currencies = lexicon.word_set("places", "currencies")
        self.platforms = lexicon.word_set("places", "platforms")
        self.weapons = lexicon.word_set("places", "weapon_nouns")
        self.party_nouns = lexicon.word_set("places", "party_nouns")

    def names_no_place(self, doc: Doc, f: Found) -> bool:
        """Whether the place mention ``f`` names no place of the article (see above)."""
        return (
            self._supported(doc, f)
            or self._currency(doc, f)
            or self._platform(doc, f)
            or self._weapon(doc, f)
            or self._party(doc, f)
            or self._acronymed(doc, f)
        )

    def _supported(self, doc: Doc, f: Found) -> bool:
        """ "pro-Turkey factions": the country the actor supports."""
        before = columns.span_text(doc, max(f.start - 2, 0), f.start).lower().replace(" ", "")
        return f.start > 0 and (before.endswith("pro-") or doc[f.start - 1].lower_ == "pro")

    def _currency(self, doc: Doc, f: Found) -> bool:
        """ "against the US dollar": a country naming a currency."""
        return (
            f.place_type == PlaceType.COUNTRY
            and f.end < len(doc)
            and doc[f.end].lower_ in self.currencies
        )

    def _weapon(self, doc: Doc, f: Found) -> bool:
        """ "fired Katyusha rockets": a weapon's model, no place (not a country: "Iran
        missiles" may tell where they come from)."""
        if f.place_type == PlaceType.COUNTRY or f.end >= len(doc):
            return False
        last, weapon = f.end - 1, f.end
        dep, head = columns.deps(doc), columns.heads(doc)
        return (
            columns.lemma_lowers(doc)[weapon] in self.weapons
            and dep[last] == "compound"
            and head[last] == weapon
            and dep[weapon] != "compound"
        )

    def _party(self, doc: Doc, f: Found) -> bool:
        """ "a leader of the Akhali party": a party's name, no place (not a country, whose
        party it may be)."""
        if f.place_type == PlaceType.COUNTRY or f.end >= len(doc):
            return False
        last, party = f.end - 1, f.end
        return (
            columns.texts(doc)[party].islower()  # spaCy's ``is_lower``
            and columns.lowers(doc)[party] in self.party_nouns
            and columns.deps(doc)[last] in ("compound", "amod")
            and columns.heads(doc)[last] == party
        )

    def _platform(self, doc: Doc, f: Found) -> bool:
        """ "posted on Twitter", "said on Telegram": an online platform, no place."""
        return columns.span_text(doc, f.start, f.end).lower() in self.platforms

    @staticmethod
    def _acronymed(doc: Doc, f: Found) -> bool:
        """ "Pakistan Tehreek-e-Insaf (PTI)", "Lowland Justice Movement (LJM)": a country's name
        that starts a name told with its acronym in brackets, the acronym's first letter the
        country's, is the first word of an organisation's name (a party's, a movement's), no
        place of the article (as "U.S. Naval Forces Central Command" names no place)."""
        if f.place_type is not PlaceType.COUNTRY or not doc[f.start].text[:1].isupper():
            return False
        i = f.end
        while i < min(len(doc), f.end + _NAME_WORDS) and doc[i].text != "(":
            word = doc[i].text
            if not (
                word[:1].isupper()
                or word in _NAME_JOINS
                or (len(word) <= 3 and doc[i - 1].text == "-")
            ):
                return False
            i += 1
        if i == f.end or i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
            return False
        acronym = doc[i + 1].text
        return (
            2 <= len(acronym) <= 8
            and acronym.isupper()
            and acronym.isalpha()
            and acronym[0] == doc[f.start].text[0]
        )
