"""Armed groups named by their unit nouns, for the mention finder (:mod:`kg.extract.mentions`).

News names a group the gazetteer does not know the way the group names itself: capitalised
words ending in an armed unit's noun ("the Farouq Battalions", "the Martyrs of Lowtown
Brigades", "the Hightown Liberation Army"). The small model often tags none of it, or a part
("Farouq" a person), and a generic noun inside the name then wins ("Supporters": rioters).
The unit noun may come first too: "the Army of the Victorious Lowlanders". Such a name is an
armed group's: a rebel group's where its words say it fights the state ("Liberation",
"Revolutionary") or an event sets it against the state's forces at home, a political
militia's otherwise, as ACLED codes unknown groups. A state's units stay out: numbered ("the
3rd Brigade"), named by a service or an arm ("the Republican Guard Brigade", "the 4th
Armored Division"), by a country ("the Iraqi Army", "Syria's Storm Corps"), or belonging to
a body named after them ("the Martyrs Brigade of the Syrian Army"); and so do places ("in
Njoro Division"), a war's fronts ("the Eastern Front"), longer names ("the United Front for
Democracy") and headlines' capitals ("Rebels Storm Army Base").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from spacy.tokens import Doc, Span

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import read_words
from kg.extract.spans import is_calendar_word
from kg.keys import name_key
from kg.model import ActorType

__all__ = ["UnitNames"]

_ARTICLES = frozenset({"the", "a", "an"})
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ"})  # not "Rebels Storm Army Base", a headline's verb
_PLACES = frozenset({"GPE", "LOC", "FAC"})  # the model's labels of places
_POSSESSIVES = frozenset({"'s", "'", "\u2019s", "\u2019"})  # "the People's Army"


class UnitNames:
    """The word lists of ``kg/data/names.toml`` ``[armed_units]``, read once; ``demonyms``:
    country names and demonyms (lower case) to ISO codes."""

    def __init__(self, demonyms: Mapping[str, str]) -> None:
        self.units = read_words("names.toml", "armed_units", "units")
        self.state_words = read_words("names.toml", "armed_units", "state_words")
        self.rebel_words = read_words("names.toml", "armed_units", "rebel_words")
        self.national_words = read_words("names.toml", "armed_units", "national_words")
        self.not_armed = read_words("names.toml", "armed_units", "not_armed")
        self.place_units = read_words("names.toml", "armed_units", "place_units")
        self.gangs = read_words("names.toml", "armed_units", "gangs")
        self.particles = read_words("names.toml", "particles", "words")
        self.demonyms = demonyms

    def find(self, doc: Doc, taken: Collection[int]) -> list[Found]:
        """The armed groups named by unit nouns, outside ``taken`` (tokens of names found)."""
        text, lower = columns.texts(doc), columns.lowers(doc)
        out: list[Found] = []
        for i, word in enumerate(lower):
            if word in self.gangs and i not in taken and not (out and out[-1].end > i):
                gang = self._gang(doc, i, taken)
                if gang is not None:
                    out.append(gang)
                continue
            if word not in self.units or not text[i][:1].isupper() or i in taken:
                continue
            if out and out[-1].end > i:
                continue  # "the Army of the Lowtown Brigades": inside the name found
            if _title_line(doc, i):
                continue  # "Rebels Storm Army Base": a headline's capitals name nothing
            span = self._name(doc, i, taken)
            if span is None:
                continue
            actor_type = self.armed_type(span)
            if actor_type is None:
                continue
            name = columns.text(span)
            out.append(Found("actor", span.start, span.end, name_key(name), name,
                             actor_type=actor_type))  # fmt: skip
        return out

    def _gang(self, doc: Doc, noun: int, taken: Collection[int]) -> Found | None:
        """The gang that the capitalised words before lower-case "gang" (``noun``) name, a
        political militia labelled "<Name> Gang" as ACLED names them ("the Gran Grif gang",
        "the 400 Lowtown gang": a number after the article begins the name); None where no
        word names it, or a place's, a people's or a person's ("a Lowtown gang", "Haitian
        gangs", "Lowe's gang") or a headline's capitals do."""
        if _title_line(doc, noun):
            return None
        span = self._name(doc, noun, taken)
        if span is None or span.end != noun + 1:
            return None
        words = span[:-1]
        if (
            any(
                t.ent_type_ in _PLACES or t.lower_ in self.demonyms or t.text in _POSSESSIVES
                for t in words
            )
            or columns.text(words).lower() in self.demonyms
        ):
            return None
        start = span.start
        if start > 1 and doc[start - 1].text.isdigit() and doc[start - 2].lower_ in _ARTICLES:
            start -= 1  # "the 400 Mawozo gang"
        label = f"{columns.text(doc[start:noun])} Gang"
        return Found("actor", start, noun + 1, name_key(label), label,
                     actor_type=ActorType.POLITICAL_MILITIA)  # fmt: skip

    def _name(self, doc: Doc, last: int, taken: Collection[int]) -> Span | None:
        """The capitalised words that end at the unit noun ``last`` ("the Martyrs of Lowtown
        Brigades", "the al-Farouq Battalions"), without a leading article; None where no word
        names the unit, or where the name goes on ("the Farouq Brigade of the Free Army")."""
        text, lower = columns.texts(doc), columns.lowers(doc)
        start = last
        j = last - 1
        while j >= 0 and j not in taken:
            word = text[j]
            capital = word[:1].isupper() and doc[j].pos_ in _NAME_TAGS
            if capital and is_calendar_word(doc[j : j + 1]):
                break  # "on Monday Farouq Battalions ...": no part of the name
            if capital and not doc[j].is_sent_start:
                start = j
            elif capital and lower[j] not in _ARTICLES and not doc[j].is_stop:
                start = j  # the sentence's first word, a name's ("Farouq Battalions said")
            elif lower[j] in self.particles or word == "-":
                start = j  # "al-Farouq", "Dayr az Zawr": inside a name or beginning it
            elif lower[j] in _POSSESSIVES:
                pass  # "the People's Army"
            elif lower[j] == "of" and j > 0 and text[j - 1][:1].isupper():
                pass  # "the Martyrs of Lowtown Brigades"
            else:
                break
            j -= 1
        while start < last and (
            lower[start] in ("of", *_ARTICLES) or text[start] in ("-", *_POSSESSIVES)
        ):
            start += 1  # a name begins with none of these
        after = last + 1
        if after + 1 < len(doc) and lower[after] == "for" and text[after + 1][:1].isupper():
            return None  # "the United Front for Democracy": a longer name, not this rule's
        if after + 1 < len(doc) and lower[after] == "of":
            nxt = after + 2 if lower[after + 1] in _ARTICLES else after + 1
            if nxt < len(doc) and text[nxt][:1].isupper():
                # "the Army of the Victorious Lowlanders": the unit named after "of"; a named
                # unit of a body named after it ("the Farouq Brigade of the Free Army") is
                # not this rule's
                return self._named_after(doc, last, nxt, taken) if start == last else None
        if start == last:
            return None  # "the Brigade", "the 3rd Brigade": no name
        return doc[start : last + 1]

    def _named_after(self, doc: Doc, unit: int, first: int, taken: Collection[int]) -> Span | None:
        """ "the Army of the Victorious Lowlanders": the unit noun, "of" and the capitalised
        words from ``first`` on; None where those name a place, as the model reads them
        ("the Army of Lowland": a state's army), or a name found already."""
        text, lower = columns.texts(doc), columns.lowers(doc)
        end = first
        while end < len(doc) and end not in taken:
            capital = text[end][:1].isupper() and doc[end].pos_ in _NAME_TAGS
            joining = lower[end] in self.particles or text[end] == "-"  # "al-Qasim"
            of_name = lower[end] == "of" and end + 1 < len(doc) and text[end + 1][:1].isupper()
            if not (capital or joining or of_name):
                break
            end += 1
        while end > first and not text[end - 1][:1].isupper():
            end -= 1
        if end == first or any(
            i in taken or doc[i].ent_type_ in _PLACES for i in range(first, end)
        ):
            return None
        return doc[unit:end]

    def armed_type(self, span: Span) -> ActorType | None:
        """The armed group's type a unit's name gives it, or None where the name is a
        state's unit, a place's, a war's front or a body no one arms."""
        doc = span.doc
        words = [t.lower_ for t in span]
        if any(w in self.not_armed for w in words) or " ".join(words[-2:]) in self.not_armed:
            return None
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and (before.like_num or before.pos_ == "NUM"):
            return None  # "the 3 Commando Brigade", "4th Armored Division"
        rebels = any(w in self.rebel_words for w in words)
        if before is not None and before.lower_ in _POSSESSIVES and not rebels:
            return None  # "Syria's Storm Corps": a unit of a state or a body named before
            # (not "Lowland's Hill Liberation Army": rebels of the country, no unit of it)
        if any(t.like_num or t.pos_ == "NUM" or t.text[:1].isdigit() for t in span):
            return None
        if words[-1] in self.place_units and self._placed(span):
            return None  # "in Njoro Division": a Kenyan division, a place
        if any(w in self.state_words for w in words):
            return None
        if rebels:
            return ActorType.REBEL_GROUP
        if any(w in self.national_words or w in self.demonyms for w in words):
            return None
        if " ".join(words[:-1]) in self.demonyms:
            return None  # "the South Sudan Army": a country's name of several words
        return ActorType.POLITICAL_MILITIA

    def fighting_the_state(
        self, drafts: Iterable[Draft], mentions: Mentions, known: Collection[str]
    ) -> None:
        """A group named by its unit that an event sets against state forces at home (not
        acting abroad) is a rebel group, as ACLED codes unknown groups that fight the state
        ("the Qasim Battalions clashed with regime forces"); ``known``: the gazetteer's keys,
        whose types stay."""
        for d in drafts:
            if d.event_class == "statement":
                continue
            for side, other in ((d.agents, d.targets), (d.targets, d.agents)):
                if not any(_home_state(mentions.at_key(k)) for k in other):
                    continue
                for key in side:
                    found = mentions.at_key(key)
                    if found is not None and key not in known and self._unit_militia(found):
                        for f in mentions.found:
                            if f.key == key and f.kind == "actor":
                                f.actor_type = ActorType.REBEL_GROUP

    def _unit_militia(self, found: Found) -> bool:
        """A militia named by its unit ("Qasim Battalions", "Army of the Victorious X"), not
        one the generic rules name ("Militia (Lowland)")."""
        words = found.label.lower().split()
        return (
            found.actor_type is ActorType.POLITICAL_MILITIA
            and len(words) > 1
            and "(" not in found.label
            and (words[-1] in self.units or (words[0] in self.units and words[1] == "of"))
        )

    def _placed(self, span: Span) -> bool:
        """A name that a locative preposition governs: "in Njoro Division"."""
        head = span.root.head
        return span.root.dep_ == "pobj" and head.lower_ in ("in", "at", "near")


def _home_state(found: Found | None) -> bool:
    return found is not None and found.actor_type is ActorType.STATE_FORCES and not found.external


def _title_line(doc: Doc, i: int) -> bool:
    """The sentence of token ``i`` is written in title case, as headlines are: no word in
    lower case but function words ("in", "of") and words of two letters (a name's "al")."""
    return not any(t.is_alpha and t.is_lower and not t.is_stop and len(t) > 2 for t in doc[i].sent)
