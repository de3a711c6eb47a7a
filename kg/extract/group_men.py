"""Armed men of the kind of a group named before them in their sentence: "the army repelled
an M23 attack, killing 20 rebels" tells the named group's men, as ACLED codes them, not a
second, unidentified group of the country. A sentence before is no evidence enough: an
article on a war names groups in passing ("lost the province to the Islamic State"), and its
rebels are many groups. The men of a group their own "of" or "from" names ("rebels of the
Lowland Front group", "fighters from the Front") are that group's, wherever it stands. The
possessive ("its fighters") is :mod:`kg.extract.possessed`'s."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.found import Found
from kg.model import ActorType

__all__ = ["named_group_men"]

# non-state armed groups: "soldiers" beside a named army are its men already by their country
_GROUPS = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                     ActorType.IDENTITY_MILITIA})  # fmt: skip
# words that set the men apart from the group named ("other rebels", "rival militants") or
# make them many groups ("various rebel groups")
_APART = frozenset({"other", "another", "rival", "different", "allied", "splinter", "breakaway",
                    "various", "several", "many", "some", "all", "groups", "factions"})  # fmt: skip


def named_group_men(doc: Doc, generics: list[Found], named: list[Found]) -> None:
    """Make each generic mention of a non-state armed group's men, a bare noun phrase ("20
    rebels", "the militants"), a resolved mention of the one group of its type ``named``
    names before it in its sentence; none when two groups of the type are named there (whose
    men they are, the words do not say), nor when the phrase names a country other than the
    group's ("Sudanese rebels" beside a Chadian group)."""
    groups = sorted(
        (f for f in named if f.kind == "actor" and f.actor_type in _GROUPS and not f.resolved),
        key=lambda f: f.start,
    )
    if not groups:
        return
    for f in generics:
        if f.kind != "actor" or f.actor_type not in _GROUPS or not _bare(doc, f):
            continue
        group = _of_group(doc, f, groups) or _antecedent(
            doc, f, [g for g in groups if g.actor_type is f.actor_type]
        )
        if group is None or (not f.assumed_country and f.country != group.country):
            continue
        f.key, f.label, f.country, f.state = group.key, group.label, group.country, group.state
        f.actor_type = group.actor_type
        f.external, f.assumed_country, f.resolved = group.external, False, True


def _bare(doc: Doc, f: Found) -> bool:
    """A phrase of common words only, none setting the men apart ("20 rebels", "the
    insurgents"; not "Tuareg rebels", "other rebels"), and owned by no one: "ten of its
    fighters" are :mod:`kg.extract.possessed`'s to judge."""
    words = doc[f.start : f.end]
    if any(c.dep_ == "poss" for c in doc[f.end - 1].children):
        return False
    return all(not t.is_title or (t.i == f.start and t.is_sent_start) for t in words) and not any(
        t.lower_ in _APART for t in words
    )


def _of_group(doc: Doc, f: Found, groups: list[Found]) -> Found | None:
    """The one group the men's own "of" or "from" phrase names: "rebels of the Lowland Front
    group", "fighters from the Lowland Front" (not "rebels of both the Front and the
    Alliance")."""
    inside = {
        g.key: g
        for of in doc[f.end - 1].children
        if of.dep_ == "prep" and of.lower_ in ("of", "from")
        for g in groups
        if of.i < g.start and g.end <= of.right_edge.i + 1
    }
    return next(iter(inside.values())) if len(inside) == 1 else None


def _antecedent(doc: Doc, f: Found, groups: list[Found]) -> Found | None:
    """The one group named before ``f`` in its sentence, unless it is the subject of a verb
    the men hang on: "National Resistance forces claimed to have killed dozens of fighters"
    are the other side's men."""
    start = doc[f.start].sent.start
    before = {g.key: g for g in groups if start <= g.start and g.end <= f.start}
    if len(before) != 1:
        return None
    group = next(iter(before.values()))
    token = doc[f.end - 1]
    while token.head.i != token.i:
        token = token.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and group.start <= c.i < group.end
               for c in token.children):  # fmt: skip
            return None
    return group
