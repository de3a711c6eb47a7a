"""Men of two countries in one noun phrase: "U.S. and British forces struck ...", "US and UK
troops", "Israeli and Syrian soldiers". News joins the countries' names or demonyms before one
plural noun; each country's men are an actor of their own (the United States' forces and the
United Kingdom's), both doers of what the phrase did, not the first country's alone.

``joint_owner`` tells the country names such a coordination holds (for the owners of a noun:
:meth:`kg.extract.generic.GenericActors.owners`); ``split_joint`` makes one actor of each."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from kg.extract.found import Found
from kg.keys import name_key

__all__ = ["joint_owner", "split_joint"]

_MODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})


def _country(token: Token, demonyms: Mapping[str, str]) -> str:
    """The country a conjunct names ("British", "U.S.", "United Kingdom"), or ""."""
    words = [t.lower_ for t in token.lefts if t.dep_ == "compound"]
    return demonyms.get(" ".join([*words, token.lower_]), "")


def _members(first: Token, demonyms: Mapping[str, str]) -> list[Token]:
    """The conjuncts of ``first``, itself first, when each names a country: "U.S. and
    British", "American, British and French" (none when one names no country: "U.S. and
    allied forces")."""
    members, todo = [first], [first]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c.i > first.i:
                members.append(c)
                todo.append(c)
    if len(members) < 2 or not all(_country(m, demonyms) for m in members):
        return []
    return sorted(members, key=lambda m: m.i)


def joint_owner(root: Token, demonyms: Mapping[str, str]) -> set[int]:
    """The tokens of a coordination of countries that ``root`` (a country's name) starts or
    belongs to, before a plural noun ("US and UK troops"), from its first conjunct to its
    last; empty when ``root`` is in no such coordination."""
    first = root.head if root.dep_ == "conj" and root.head.i < root.i else root
    if first.dep_ not in _MODIFIER_DEPS or first.head.i <= root.i:
        return set()
    members = _members(first, demonyms)
    if not members:
        return set()
    return set(range(first.left_edge.i, members[-1].i + 1))


def split_joint(
    doc: Doc, found: list[Found], demonyms: Mapping[str, str], names: Mapping[str, str]
) -> list[Found]:
    """``found`` with each generic actor whose phrase joins countries before its noun ("U.S.
    and British forces") made one actor per country: the first conjuncts' own words, the last
    with the noun. ``names``: a country's name by ISO code, the one its label was made of."""
    out = []
    for f in found:
        parts = _parts(doc, f, demonyms, names)
        out += parts or [f]
    return out


def _parts(
    doc: Doc, f: Found, demonyms: Mapping[str, str], names: Mapping[str, str]
) -> list[Found]:
    if f.kind != "actor" or not f.country or f.assumed_country or f.end - f.start < 3:
        return []
    noun = doc[f.end - 1]
    firsts = [c for c in noun.lefts if c.dep_ in _MODIFIER_DEPS and c.i >= f.start]
    members = next((m for c in firsts if (m := _members(c, demonyms))), [])
    own = names.get(f.country, "")
    if not members or not own or own not in f.label:
        return []
    out: list[Found] = []
    for n, member in enumerate(members):
        iso = _country(member, demonyms)
        start = member.left_edge.i if n else f.start
        end = f.end if n == len(members) - 1 else member.i + 1
        label = f.label.replace(own, names.get(iso, own))
        part = Found("actor", start, end, name_key(label), label, actor_type=f.actor_type,
                     country=iso)  # fmt: skip
        if all(p.key != part.key for p in out):
            out.append(part)
    return out if len(out) > 1 else []
