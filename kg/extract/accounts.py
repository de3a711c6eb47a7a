"""An account of a happening told before, by one who speaks of it, is that happening told
again, not another: after "Militants killed 21 soldiers in an attack on an army post", the
quote '"The soldiers fought for hours but they were outnumbered," a resident said' tells the
attack; after "Rebels and the army clashed near Lowtown on Sunday", "The rebels' spokesman
said its forces had repulsed an attack on their base" tells that clash; after "A drone strike
hit a farm near Lowtown. It was not clear who carried out the strike", "The ministry said its
forces had targeted hideouts in the area" tells the strike, and who carried it out.

An act of armed violence told in words of saying (inside quotation marks a speaker's verb of
saying closes, or in a clause under one: "X said its forces had ..."), with no day of its
own (none, or one inherited), no place named in its words but its speaker's ("a resident of
Lowtown"; "In Lowtown, a drone hit a school, the mayor said" tells a part of its own), no
figure the earlier one already has, no "also" or "another", and none but the earlier event's sides
acting or hit, folds into the latest such event told in an earlier sentence (of its own day
first). Where that event names no doer, or none but an unnamed one, the account's doer is
its doer, unless it is one the event hit ("The soldiers fought for hours": the soldiers hit).
An account of another kind of violence (a clash told of a strike) folds only where it names
no one hit (the doer's account of what it struck, not another fight)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract import columns
from kg.extract.continued import VIOLENT_FAMILIES, opens_another, told_besides
from kg.extract.drafts import Draft, take_account
from kg.extract.quoted import inside_quotes, paragraph_tokens, quoted_paragraph
from kg.extract.twins import family

__all__ = ["fold_accounts"]

_PLACES = frozenset({"GPE", "LOC", "FAC"})
# how a clause hangs from the verb that says it: "said (that) its forces had ...", "..., the
# army said"
_SAID = frozenset({"ccomp", "parataxis"})


def fold_accounts(
    events: list[Draft],
    saying: frozenset[str],
    unnamed: Callable[[str], bool],
    placed: Callable[[int], bool],
) -> list[Draft]:
    """``events`` (in text order) without the accounts of an earlier event (see the module
    doc), each folded into that event; ``saying``: the lemmas of verbs of saying ("say",
    "tell"); ``unnamed``: whether an actor is an unnamed one ("gunmen"); ``placed``: whether
    a token is in a mention of a place."""
    dropped: set[int] = set()
    for i, e in enumerate(events):
        if not _account(e, saying, placed):
            continue
        hosts = [h for h in events[:i] if id(h) not in dropped and _retells(e, h)]
        if not hosts:
            continue
        same_day = [h for h in hosts if h.date is not None and h.date == e.date]
        host = (same_day or hosts)[-1]
        doer = not all(unnamed(k) for k in e.agents) and not set(e.agents) & set(host.targets)
        if doer and (not host.agents or all(unnamed(k) for k in host.agents)):
            host.agents = list(e.agents)
        take_account(host, e)
        dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _account(e: Draft, saying: frozenset[str], placed: Callable[[int], bool]) -> bool:
    """Whether ``e`` is an act of armed violence told by one who speaks of it, with no day
    of its own and as no act besides one told ("also", "another")."""
    if family(e.event_class) not in VIOLENT_FAMILIES or e.background or e.aim:
        return False
    if _own_day(e) or opens_another(e):
        return False
    if told_besides(e.sentence):
        return False
    if _names_a_place(e, saying, placed):
        return False
    return _under_saying(e.trigger.root, saying) or _quoted_with_speaker(e, saying)


def _own_day(e: Draft) -> bool:
    """Whether ``e`` has a day of its own: one its sentence names (though another act of the
    sentence told it: "captured the village after clashes on 15 October"), or none inherited
    from another sentence."""
    if e.time is not None and e.sentence.start <= e.time.start < e.sentence.end:
        return True
    return not e.time_inherited and e.date is not None


def _under_saying(root: Token, saying: frozenset[str]) -> bool:
    """Whether the act's verb stands in a clause said by a verb of saying: "the army said its
    forces had repulsed the attack" (not "with no fatalities reported")."""
    child = root
    for a in root.ancestors:
        if a.pos_ == "VERB" and a.lemma_.lower() in saying:
            return child.dep_ in _SAID
        child = a
    return False


def _names_a_place(e: Draft, saying: frozenset[str], placed: Callable[[int], bool]) -> bool:
    """Whether the act's sentence names a place but in who speaks ("In Lowtown, a drone hit a
    school, the mayor said", not "a resident of Lowtown said"): the account of a place of its
    own may tell another act."""
    speakers = {
        d.i
        for t in e.sentence
        if t.pos_ == "VERB" and t.lemma_.lower() in saying
        for s in t.children
        if s.dep_ == "nsubj"
        for d in s.subtree
    }
    if any(ent.label_ in _PLACES and ent.root.i not in speakers for ent in e.sentence.ents):
        return True
    # "In Khan Younis, ...": a name the article's places hold, whatever the tagger made of it
    return any(t.pos_ == "PROPN" and t.i not in speakers and placed(t.i) for t in e.sentence)


def _quoted_with_speaker(e: Draft, saying: frozenset[str]) -> bool:
    """Whether the trigger stands inside quotation marks in its paragraph, and a verb of
    saying stands outside them there ('"...," a resident said')."""
    paragraph = quoted_paragraph(e)
    if paragraph is None:
        return False
    doc = e.sentence.doc
    text = columns.doc_text(doc)
    pos, lemma, idx = columns.poses(doc), columns.lemma_lowers(doc), columns.idxs(doc)
    return any(
        pos[i] == "VERB" and lemma[i] in saying and not inside_quotes(text, paragraph[0], idx[i])
        for i in paragraph_tokens(doc, paragraph)
    )


def _retells(e: Draft, host: Draft) -> bool:
    """Whether the account ``e`` may tell ``host``, an event of armed violence told in an
    earlier sentence: none but its sides, no figure the host has."""
    if family(host.event_class) not in VIOLENT_FAMILIES or host.background or host.aim:
        return False
    if host.sentence.start >= e.sentence.start:
        return False
    if family(e.event_class) != family(host.event_class) and e.targets:
        return False
    sides = {*host.agents, *host.targets}
    if host.agents and not {*e.agents, *e.targets} <= sides:
        return False
    if not host.agents and not set(e.targets) <= sides:
        return False
    # its places are none its words name (``_names_a_place``): its speaker's, the dateline's
    return not any(name in host.counts for name in e.counts)
