"""The town an institution is named after (split from :mod:`kg.extract.place_spans`):
"Garissa University", "the Mandera police station", "the University of Nairobi", "Lowtown Boys
High School", "the Lowtown Governor's Office", "residents of Gede", "Mombasa traders". The word
lists live in ``kg/data/lexicon.toml`` (``[places]``); :mod:`kg.extract.place_names` settles
the mentions with the spans found.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.lexicon import Lexicon
from kg.extract.place_spans import capital, hyphen_joined, indices, name_before, proper
from kg.extract.roads import COMPASS
from kg.extract.spans import is_calendar_word

__all__ = ["InstitutionTowns"]

_UNIVERSITIES = {"university", "college", "polytechnic"}
_POSSESSIVES = frozenset({"'s", "\u2019s"})


class InstitutionTowns:
    """Built once with the lexicon; :meth:`towns` scans a Doc."""

    def __init__(self, lexicon: Lexicon, demonyms: dict[str, str]) -> None:
        self.institutions = lexicon.word_set("places", "institution_heads")
        self.stations = lexicon.word_set("places", "station_heads")
        self.outlets = lexicon.word_set("mentions", "outlet_nouns")
        self.station_owners = lexicon.word_set("places", "station_owners")
        self.station_ranks = lexicon.word_set("places", "station_ranks") | COMPASS
        self.residents = lexicon.word_set("places", "resident_nouns")
        self.office_holders = lexicon.word_set("places", "office_holders")
        self.offices = lexicon.word_set("places", "office_heads")
        self.settings = lexicon.word_set("places", "setting_words")
        self.schools = lexicon.word_set("places", "school_heads")
        self.school_kinds = lexicon.word_set("places", "school_kinds")
        self.hyphen_particles = lexicon.word_set("places", "hyphen_particles")
        spaced = lexicon.word_set("places", "spaced_particles")
        self.spaced_particles = spaced | lexicon.word_set("places", "spaced_ezafe")
        self.communities = lexicon.word_set("places", "community_words") | set(demonyms)
        # the words an institution's name ends with (``towns`` reads no other)
        self.institution_words = (
            _UNIVERSITIES
            | self.stations
            | self.institutions
            | self.residents
            | self.schools
            | self.offices
        )

    def _owned_outlet(self, station: Token) -> bool:
        """ "on its Sauti radio station", "the group's Amaq news agency": an outlet its
        owner's possessive holds is named after itself, not a town."""
        return any(c.dep_ == "poss" for c in station.children) and any(
            c.dep_ == "compound" and c.lower_ in self.outlets for c in station.children
        )

    def towns(self, doc: Doc) -> list[tuple[Span, int, int]]:
        """ "Garissa University", "the Mandera police station", "the University of Nairobi",
        "Mombasa traders": the town, and the tokens of the institution's name."""
        out = []
        for i in indices(columns.lowers(doc), self.institution_words):
            t = doc[i]
            if t.lower_ in _UNIVERSITIES and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of":
                if t.i >= 1 and capital(doc[t.i - 1]):
                    continue  # "Meru University of Science": named after Meru, not Science
                end = t.i + 2
                while end < len(doc) and capital(doc[end]) and doc[end].pos_ == "PROPN":
                    end += 1
                if end > t.i + 2:
                    out.append((doc[t.i + 2 : end], t.i, end))
                    continue
            if t.lower_ in self.offices:
                town = self._office_town(doc, t.i)  # "the Lowtown Governor's Office"
                if town is not None:
                    out.append((town, town.start, t.i + 1))
                continue
            if t.lower_ in self.stations and t.i >= 1 and not self._owned_outlet(t):
                town = self._station_town(doc, t)
                if town is not None:
                    out.append((town, town.start, t.i + 1))
            elif t.lower_ in self.schools and t.i >= 1 and capital(t):
                town = self._school_town(doc, t.i)  # "Lowtown Boys High School"
                if town is not None and not self._placed_after(doc, t.i):
                    out.append((town, town.start, t.i + 1))
            elif t.lower_ in self.institutions and doc[t.i - 1].lower_ not in self.institutions:
                town = self._school_town(doc, t.i)  # not "Moi University"; "Lowtown
                # Teachers Training College": Lowtown
                if town is not None and not self._placed_after(doc, t.i):
                    out.append((town, town.start, t.i + 1))
            elif t.lower_ in self.residents and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of":
                end = self._name_end(doc, t.i + 2)
                name = doc[t.i + 2 : end]
                if end > t.i + 2 and not any(w.lower_ in self.communities for w in name):
                    out.append((name, name.start, end))
            elif t.lower_ in self.residents and t.is_lower:
                town = name_before(doc, t.i, person=True)  # "Mombasa traders"
                start = town.start if town is not None else t.i
                while town is not None and len(town) > 1 and town[0].lower_ in self.settings:
                    town = town[1:]  # "Suburban Lowtown residents": Lowtown
                if town is not None and not any(w.lower_ in self.communities for w in town):
                    out.append((town, start, t.i + 1))
        return out

    def _office_town(self, doc: Doc, head: int) -> Span | None:
        """ "the Lowtown Governor's Office", "Upton District Commissioner's office": the name
        before an official's word (``places.office_holders``) and its possessive right before
        the office's noun (not "the Governor's Office" alone, nor "Ali Governor's Office" where
        the model saw a person)."""
        if head < 3 or doc[head - 1].lower_ not in _POSSESSIVES:
            return None
        holder = doc[head - 2]
        if holder.lower_ not in self.office_holders or not capital(holder):
            return None
        end = holder.i
        while end > 0 and doc[end - 1].lower_ in self.station_ranks and capital(doc[end - 1]):
            end -= 1  # "District", "Provincial": the office's rank, not the place's name
        name = name_before(doc, end, person=False)
        while name is not None and len(name) > 1 and is_calendar_word(name[:1]):
            name = name[1:]  # "On 3 March Lowtown Governor's Office": not "March Lowtown"
        return name

    def _placed_after(self, doc: Doc, head: int) -> bool:
        """ "Moi University in Eldoret", "Al Assad University Hospital": the words after an
        institution's head place it or go on with its name, and the name before may be a
        person's."""
        after = doc[head + 1] if head + 1 < len(doc) else None
        return after is not None and (
            after.lower_ == "in" or (capital(after) and after.lower_ not in self.institutions)
        )

    def _kinds_start(self, doc: Doc, end: int) -> int:
        """Where the words of a school's kind (``places.school_kinds``: "Boys High", "Teachers
        Training") that end before token ``end`` start, an apostrophe among them ("Girls'")."""
        while end > 0 and (
            (capital(doc[end - 1]) and doc[end - 1].lower_ in self.school_kinds)
            or (doc[end - 1].text in ("'", "\u2019") and end > 1 and capital(doc[end - 2]))
        ):
            end -= 1
        return end

    def _school_town(self, doc: Doc, head: int) -> Span | None:
        """ "Lowtown Boys High School", "Lowtown Stadium", "Lowtown Teachers Training College":
        the name before the school's or institution's kind words, none when only kind words
        name it ("the National Hospital") or the model labels the name a person's ("Moi
        University")."""
        return name_before(doc, self._kinds_start(doc, head), person=False)

    def _name_end(self, doc: Doc, start: int) -> int:
        """The end of the name that begins at token ``start``: capitalised proper nouns
        ("residents of Gede", "residents of Ol Kalou": "Ol" an adjective before a name), also
        across a spaced particle ("residents of Dara i Nur", "of Catole do Rocha") or one
        glued by hyphens ("residents of Stratford-upon-Avon")."""
        end = start
        while end < len(doc):
            glued = doc[end + 1].text if end + 1 < len(doc) else ""
            if end > start and glued in self.hyphen_particles and hyphen_joined(doc, end + 1):
                end += 3  # "-upon-": the hyphens and their particle; the word after follows
                continue
            t, after = doc[end], doc[end + 1] if end + 1 < len(doc) else None
            proper_next = after is not None and proper(after)
            word = capital(t) and (t.pos_ == "PROPN" or proper_next)
            particle = end > start and t.text in self.spaced_particles and proper_next
            if not (word or particle):
                break
            end += 1
        return end

    def _station_town(self, doc: Doc, head: Token) -> Span | None:
        """ "the Mandera police station", "the Wajir border post": the name before the common
        noun before a station's head; "the Lowtown Police Station", "Lowtown Central Police
        Post": the name before a capitalised owner's word (``places.station_owners``), without
        the station's rank ("Central": ``places.station_ranks``)."""
        noun = doc[head.i - 1]  # "police" in "the Mandera police station"
        if head.is_lower:
            ok = noun.is_lower and noun.pos_ == "NOUN"
            return name_before(doc, noun.i, person=True) if ok else None
        if not (capital(head) and capital(noun) and noun.lower_ in self.station_owners):
            return None
        end = noun.i
        while end > 0 and doc[end - 1].lower_ in self.station_ranks:
            end -= 1
        return name_before(doc, end, person=True)
