"""A person's name where the model did not make it one: the surname alone that names the
person named in full earlier in the text (labelled or not), a minister's name after the
portfolio, a military rank before a name read as a name of its own; and a province's name the
model made a person's where nothing in the text marks a person."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.spans import is_calendar_word
from kg.geo.admin1 import names_division
from kg.model import ActorType

__all__ = [
    "portfolio_word",
    "province_not_person",
    "rank_before_name",
    "surnames",
    "titled_person",
    "unlabelled_surnames",
]

# prepositions whose object is a place: "clashes in Meru"; not "to" or "from" ("gave it to Paul")
_PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "near",
        "into",
        "across",
        "around",
        "outside",
        "inside",
        "within",
        "throughout",
        "through",
        "toward",
        "towards",
    ]
)

# the tags the model gives a surname it did not recognise: a proper noun, or a word it misread
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADV", "ADJ", "X"})


def portfolio_word(token: Token) -> bool:
    """A word of a minister's portfolio before a name: "the Middle East and North Africa"."""
    return token.lower_ in ("the", "and", "&", ",") or (
        token.text.istitle() and token.pos_ == "PROPN"
    )


def titled_person(
    span: Span, titles: frozenset[str], heads: frozenset[str], demonyms: dict[str, str]
) -> tuple[int, Span] | None:
    """ "Minister for the Middle East Tobias Ellwood": a name after a title's "for" or
    "of" and its portfolio ("the Middle East") ends with the titled person's own name,
    two capitalised words; the portfolio is no organisation. The title's offset and the
    person's name."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and i >= span.start - 8 and portfolio_word(doc[i]):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("for", "of") or doc[i - 1].lower_ not in titles:
        return None
    name = doc[span.end - 2 : span.end]
    if (
        len(span) < 3
        or not all(t.pos_ == "PROPN" and t.text.istitle() for t in name)
        or name[-1].lower_ in heads
        or any(t.lower_ in demonyms for t in name)
    ):
        return None
    return i - 1, name


def surnames(doc: Doc, found: list[Found], known: Collection[str]) -> None:
    """ "Gen. Joseph Votel ... Votel explained": a one-word name that is the last word of a
    person's full name in the same text names that person (the model often reads the
    surname alone as an organisation). Actors of the gazetteer (``known``) keep their
    identity; places are left alone."""
    people: dict[str, Found] = {}
    for f in found:
        if f.kind == "actor" and f.actor_type is ActorType.PERSON and f.end - f.start > 1:
            last = doc[f.end - 1]
            if last.text[:1].isupper() and f.key not in known:
                people.setdefault(last.lower_, f)
    if not people:
        return
    for f in found:
        if f.kind != "actor" or f.end - f.start != 1 or f.key in known:
            continue
        person = people.get(doc[f.start].lower_)
        if person is not None and person is not f and doc[f.start].text[:1].isupper():
            f.key, f.label, f.actor_type = person.key, person.label, ActorType.PERSON
            f.country = person.country


def unlabelled_surnames(doc: Doc, found: list[Found], taken: set[int]) -> list[Found]:
    """ "Col. David C. Lyons ... 'We will win,' Lyons said": a capitalised proper noun outside
    every name found (``taken``) that is the surname of a person named in full earlier in the
    text names that person, where the model labelled it nothing. Not inside a longer name (a
    capitalised word on either side: "Lyons Street", "Fort Lyons")."""
    people: dict[str, Found] = {}
    for f in found:
        if f.kind == "actor" and f.actor_type is ActorType.PERSON and f.end - f.start > 1:
            last = doc[f.end - 1]
            if last.text.istitle() and len(last.text) > 2:
                people.setdefault(last.text, f)
    out: list[Found] = []
    if not people:
        return out
    for i, text in enumerate(columns.texts(doc)):
        person = people.get(text)
        if person is None or i in taken or i < person.end:
            continue
        token = doc[i]
        if token.pos_ not in _NAME_TAGS or is_calendar_word(token.doc[token.i : token.i + 1]):
            continue  # "Karbouly told" tagged an adverb is his name; "May 6" is no Theresa May
        near = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        if any(t.text[:1].isupper() and t.pos_ == "PROPN" for t in near):
            continue
        out.append(Found("actor", token.i, token.i + 1, person.key, person.label,
                         actor_type=ActorType.PERSON, country=person.country))  # fmt: skip
    return out


def rank_before_name(span: Span, ranks: frozenset[str], services: frozenset[str]) -> bool:
    """ "Staff Sgt", "Navy Capt", "Brig": a military rank (``ranks``, with its service,
    ``services``) before a person's name, which the model read as a name of its own."""
    doc = span.doc
    words = [t.lower_.rstrip(".") for t in span if not t.is_punct]
    after = span.end + (span.end < len(doc) and doc[span.end].text == ".")
    return (
        any(w in ranks for w in words)
        and all(w in ranks or w in services for w in words)
        and after < len(doc)
        and doc[after].text[:1].isupper()
        and doc[after].pos_ == "PROPN"
    )


def province_not_person(
    span: Span, taken: Collection[int], speech_verbs: Collection[str], honorifics: Collection[str]
) -> Span | None:
    """ "raided Meru Governor X's home", "(Qaatabah, Ad Dali)", "in Sidrolandia, Mato Grosso
    do Sul": a name the model labelled a person's that is a province's or county's name (with
    the capitalised word or the particle and word the model left out beside it, outside
    ``taken``) names the province where nothing marks a person: no honorific before it ("Mr
    Meru"), not the subject of a speech verb ("Meru said"), not the end of a longer person's
    name in the article ("Ahmed Meru ... Meru"). The province's words, or None."""
    doc = span.doc
    start, end = span.start, span.end

    def free(i: int) -> bool:
        return i not in taken and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN"

    if start > 0 and free(start - 1) and names_division(columns.text(doc[start - 1 : end])):
        start -= 1  # "Ad" of "Ad Dali"
    if (
        end + 1 < len(doc)
        and doc[end].is_lower
        and doc[end].is_alpha
        and len(doc[end]) <= 3
        and free(end + 1)
        and names_division(columns.text(doc[start : end + 2]))
    ):
        end += 2  # "do Sul" of "Mato Grosso do Sul"
    name = doc[start:end]
    if (
        not names_division(columns.text(name))
        or not _placed(name)
        or _person_marked(name, speech_verbs, honorifics)
    ):
        return None
    return name


def _placed(span: Span) -> bool:
    """Whether the name stands where places stand: after a bracket, or after a comma that
    follows no person's name ("(Qaatabah, Ad Dali)", "in Ponta Nova, Mato Grosso do Sul"; not
    "killed Ahmed, Paul and ..."), modifying a noun after it ("Meru Governor X", "Turkana
    cattle"), or the object of a preposition of place ("clashes in Meru"). Not a verb's
    subject or object: "Gunmen killed Paul" names a person, not Cape Verde's Paul."""
    doc = span.doc
    i = span.start - 1
    if i > 0 and doc[i].is_title and doc[i].is_alpha and len(doc[i]) <= 3:
        i -= 1  # an article the model left out: "(An Nuqat al Khams)"
    before = doc[i] if i >= 0 else None
    if before is not None and before.text == "(":
        return True
    if before is not None and before.text == ",":
        return i < 1 or doc[i - 1].ent_type_ != "PERSON"
    root = span.root
    if root.dep_ == "compound" and root.head.i >= span.end:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _person_marked(span: Span, speech_verbs: Collection[str], honorifics: Collection[str]) -> bool:
    """An honorific before the name, the name speaking, or the name ending a longer person's
    name elsewhere in the article (the model's PERSON entities, not themselves a province's:
    "Ad Dali" names no person "Dali")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in honorifics:
        return True
    if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in speech_verbs:
        return True
    words = [t.text for t in span]
    return any(
        len(ent) > len(span)
        and [t.text for t in ent[-len(span) :]] == words
        and (ent.end <= span.start or ent.start >= span.end)
        and not names_division(columns.text(ent))
        for ent in doc.ents
        if ent.label_ == "PERSON"
    )
