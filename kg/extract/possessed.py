"""Armed men a possessive gives to a group named before it: "Hamas said its fighters
attacked the convoy", "the rebels of the Front said their gunmen ...", "the Front attacked a
base. The group's fighters killed five soldiers", "the mission said its troops had been fired
upon" (where the group tells it of its own men) are the group's men, as "fighters of Hamas"
and "Hamas's fighters" are (:mod:`kg.extract.generic` leaves those to the name); not an
unidentified armed group of the article's country."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.drafts import ARMED
from kg.extract.found import Found

__all__ = ["group_owned"]

_POSSESSIVES = frozenset({"its", "their"})
# "the group's fighters": a noun news uses for an armed group already named
_GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization",
                          "faction", "insurgency", "outfit", "network"})  # fmt: skip


def group_owned(doc: Doc, generics: list[Found], named: list[Found]) -> None:
    """Make each generic mention of armed men, subject of its clause, whose noun a
    possessive owns ("its fighters attacked", "the group's fighters attacked") a mention of
    the armed group ``named`` (the article's names of actors) last names before the
    possessive in its sentence, else in the sentence before when no other armed men of the
    kind come between ("Its fighters" opening the next sentence; "gunmen" between are the
    nearer owners, "an army base" is not); none when neither names an armed group. The
    mention is resolved (no name of the group: ``Found.resolved``)."""
    groups = sorted(
        (f for f in named if f.kind == "actor" and f.actor_type in ARMED and not f.resolved),
        key=lambda f: f.start,
    )
    for f in generics:
        if f.kind != "actor" or f.actor_type not in ARMED:
            continue
        noun = doc[f.end - 1]
        if noun.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "tens of its militias defected": a part of the group, acted on
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or not _owning(owner):
            continue
        kin = [g for g in generics if g is not f and g.actor_type is f.actor_type]
        group = _antecedent(doc, owner, groups, kin)
        if group is None or (noun.dep_ == "nsubjpass" and not _speaks(noun, group)):
            continue  # "X attacked Y, which said its troops were hit": Y's, not X's
        f.key, f.label, f.actor_type, f.country = (
            group.key,
            group.label,
            group.actor_type,
            group.country,
        )
        f.state, f.external, f.assumed_country, f.resolved = (
            group.state,
            group.external,
            False,
            True,
        )


def _speaks(noun: Token, group: Found) -> bool:
    """Whether ``group`` is named in the subject of the verb of saying that tells the clause of
    ``noun`` ("the mission, MINUSCA, which said its troops had been fired upon": "which" the
    mission): men acted on are the group's where it tells it of its own."""
    verb = noun.head
    if verb.dep_ != "ccomp":
        return False
    saying = verb.head
    subject = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.tag_ in ("WDT", "WP") and saying.dep_ == "relcl":
        subject = saying.head  # "which said": the noun the clause describes
        return subject.left_edge.i <= group.start and group.end <= saying.left_edge.i
    return subject.left_edge.i <= group.start and group.end <= subject.right_edge.i + 1


def _owning(owner: Token) -> bool:
    """ "its", "their", or "the group's" (a group noun a definite article and "'s" mark)."""
    if owner.lower_ in _POSSESSIVES:
        return True
    return (
        owner.lemma_.lower() in _GROUP_NOUNS
        and any(c.dep_ == "case" for c in owner.children)
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in owner.children)
    )


def _antecedent(doc: Doc, owner: Token, groups: list[Found], kin: list[Found]) -> Found | None:
    """The armed group last named before ``owner`` in its sentence, else in the sentence
    before, unless other armed men (``kin``: generic mentions of the possessed noun's kind)
    come after that name."""
    start = owner.sent.start
    before = [g for g in groups if start <= g.start and g.end <= owner.i]
    if before:
        return before[-1]
    if start == 0:
        return None
    previous = doc[start - 1].sent.start
    before = [g for g in groups if previous <= g.start and g.end <= start]
    if not before:
        return None
    group = before[-1]
    between = any(o.kind == "actor" and group.end <= o.start < owner.i for o in kin)
    return None if between else group
