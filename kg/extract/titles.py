"""People the text names by a title rather than a name: "Minister for the Middle East, X",
"a Foreign Office spokesman", "the US Secretary of State", "Foreign Secretary welcomes ..." (a
headline), "Gen. X, commander of ...". Each is a mention (``Found`` with ``reference=True``) of
the person named in apposition if any, else of a person known by the title alone (the label).

:mod:`kg.extract.references` asks these on each noun of a Doc. The titles are
``kg/data/lexicon.toml``'s ``[mentions]`` ``titles``; the portfolios ``kg/data/names.toml``'s.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Span, Token

from kg.extract import columns, parse_tree
from kg.extract.edges import left_edge
from kg.extract.found import Found
from kg.extract.generic_context import role_after_name
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.person_names import portfolio_word
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["Titles", "in_apposition", "portfolio_before_title", "title_of"]

_PLURALS = frozenset({"NNS", "NNPS"})


class Titles:
    """Built once per lexicon; its tests run on a noun that may be a person's title."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.titles = lexicon.word_set("mentions", "titles")
        self.generic: dict[str, list[str]] = dict(lexicon.words["actors"]["generic"])
        self.portfolios = read_words("names.toml", "people", "portfolios")

    def portfolio(
        self, doc: Doc, token: Token, det: Token | None, found: list[Found],
        people: dict[int, Found],
    ) -> Found | None:  # fmt: skip
        """ "Minister for the Middle East, Tobias Ellwood, said", "as Minister for Central
        Asia": a title and its portfolio with no name after them name a person, the one in
        apposition if any (else the title is the label); the portfolio's places stay
        mentions of their own."""
        if token.lemma_.lower() not in self.titles or not token.text[:1].isupper():
            return None
        if token.tag_ in _PLURALS or token.i + 2 >= len(doc):
            return None
        if doc[token.i + 1].lower_ not in ("for", "of") or any(
            c.dep_ != "det" and not _possessive(c) for c in token.lefts
        ):
            return None  # "the US Secretary of State": official's
        end = token.i + 2
        while end < len(doc) and portfolio_word(doc[end]) and doc[end].text != ",":
            end += 1
        while end > token.i + 2 and doc[end - 1].lower_ in ("the", "and", "&"):
            end -= 1
        words = doc[token.i + 2 : end]
        if not any(t.text[:1].isupper() for t in words) or end >= len(doc):
            return None
        if doc[end].pos_ == "PROPN" and doc[end].text.istitle():
            return None  # "Minister for the Middle East Tobias Ellwood": titled_person's
        owner = next((c for c in token.lefts if _possessive(c)), None)  # "his Chief of Staff"
        start = det.i if det is not None and det.i == token.i - 1 else token.i
        start = owner.i if owner is not None and owner.i == token.i - 1 else start
        places = {i for f in found if f.kind == "place" for i in range(f.start, f.end)}
        claimed = {i for f in found for a, b in f.extents for i in range(a, b)}
        if any(i in claimed and i not in places for i in range(start, end)):
            return None
        return title_of(start, end, doc[token.i : end].text, in_apposition(token, people))

    def official(
        self, doc: Doc, token: Token, det: Token, found: list[Found], people: dict[int, Found]
    ) -> Found | None:
        """ "a Foreign Office spokesman", "the US Secretary of State": a person named by a title
        after the name of the body or country the person speaks or acts for (a mention of that
        body too, nested in the person's); the title, with its portfolio, is the label, or the
        person named in apposition is ("the Iraqi Foreign Minister, X")."""
        if token.lemma_.lower() not in self.titles or token.tag_ in _PLURALS:
            return None
        start = left_edge(token)
        if start != det.i:
            return None
        inside = [f for f in found if det.i < f.start and f.end <= token.i]
        body = any(
            (f.kind == "actor" and f.actor_type is not ActorType.PERSON)
            or f.place_type is PlaceType.COUNTRY
            for f in inside
        )
        covered = {i for f in inside for i in range(f.start, f.end)}
        words = doc[det.i + 1 : token.i]
        named = [t.i in covered or t.is_title for t in words]
        if not body or not named or not named[0] or sorted(named, reverse=True) != named:
            return None  # the name first, then words of the title ("commanding general")
        if any(f.start <= det.i < f.end or f.start <= token.i < f.end for f in found):
            return None  # the title is part of a name ("the Foreign Office")
        end = token.i + 1
        if (
            end + 1 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end + 1].lower_ in self.portfolios
        ):
            end += 2  # "Secretary of State"
        label = doc[det.i + 1 : end].text
        return title_of(det.i, end, label, in_apposition(token, people))

    def bare(self, doc: Doc, token: Token, taken: set[int]) -> Found | None:
        """ "Foreign Secretary welcomes ...", "Prime Minister and President X met": a title
        in capitals without an article or a name, as headlines and datelines write a person
        named by role only (the role is the label)."""
        if token.lemma_.lower() not in self.titles or token.tag_ in _PLURALS:
            return None
        start = left_edge(token)
        words = doc[start : token.i + 1]
        if len(words) < 2 or not all(t.is_title for t in words) or start in taken:
            return None
        if any(t.dep_ == "det" or t.pos_ == "PRON" for t in words):
            return None
        if start > 0 and not (doc[start].is_sent_start or "\n" in doc[start - 1].whitespace_
                              or doc[start - 1].is_space):  # fmt: skip
            return None  # where a headline or a sentence starts
        label = words.text
        return Found("actor", start, token.i + 1, name_key(label), label,
                     actor_type=ActorType.PERSON, reference=True)  # fmt: skip

    def role(self, token: Token, people: dict[int, Found]) -> Found | None:
        """ "Gen. Joseph Votel, commander of U.S. Central Command": a title in apposition to
        a person's name is a mention of the person."""
        doc, i = token.doc, token.i
        t = parse_tree.tree(doc)
        if t.dep[i] != "appos":
            return None  # most nouns: no Token of their head made
        person = people.get(t.head[i])
        if person is None:
            return None
        if t.lemma[i] not in self.titles and not (
            t.lemma[i] in self.generic and role_after_name(token)
        ):
            return None
        start, end = token.left_edge.i, token.right_edge.i + 1
        punct, space = columns.is_puncts(doc), columns.is_spaces(doc)
        while end > start and (punct[end - 1] or space[end - 1]):
            end -= 1
        if any(people.get(i) is person for i in range(start, end)):
            return None
        return Found(
            "actor",
            start,
            end,
            person.key,
            person.label,
            actor_type=person.actor_type,
            country=person.country,
            reference=True,
        )


def in_apposition(title: Token, people: dict[int, Found]) -> Found | None:
    """The person named in apposition after a title: "the Iraqi Foreign Minister, X" (a
    conjunct with no "and", as the parse often reads a name after a comma)."""
    listed = any(c.dep_ == "cc" for c in title.children)
    return next(
        (
            people[c.i]
            for c in title.rights
            if (c.dep_ == "appos" or (c.dep_ == "conj" and not listed)) and c.i in people
        ),
        None,
    )


def portfolio_before_title(span: Span, portfolios: Set[str], titles: Set[str]) -> bool:
    """ "Defence Minister X", "the Interior Minister", "Justice Secretary": a minister's
    portfolio (``portfolios``, lower case) right before a capitalised title word is part of
    the title, no organisation of its own (the ministry is named so: "the Defence Ministry")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    words = " ".join(t.lower_ for t in span if t.lower_ != "the")
    return words in portfolios and after.text[:1].isupper() and after.lemma_.lower() in titles


def title_of(start: int, end: int, title: str, person: Found | None) -> Found:
    """A person's title at doc[start:end]: a mention of the person named in apposition, else
    of a person known by the title alone (the label)."""
    key, label, country = (
        (name_key(title), title, "")
        if person is None
        else (person.key, person.label, person.country)
    )
    return Found(
        "actor",
        start,
        end,
        key,
        label,
        actor_type=ActorType.PERSON,
        country=country,
        reference=True,
    )


def _possessive(token: Token) -> bool:
    """A possessive determiner before a title: "his", "its" ("his Chief of Staff")."""
    return token.dep_ == "poss" and token.tag_ == "PRP$"
