"""The words that refine an event's sub-event type: its sentence, and the next one where it
goes on about the same crowd or its police ("Protesters blocked the road. Police dispersed
them.", not once it opens another happening: "Separately, police ...") or answers the fire
("Government troops fired back"); but not the weapons a next sentence names for fire the
trigger already names ("forces came under rocket fire. Aircraft struck the building" tells the
aircraft's own strike)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.happenings import Happenings
from kg.extract.sentence_towns import SentenceTowns
from kg.extract.subtypes import refine
from kg.extract.told import deaths_told, unstruck_lemmas

__all__ = ["crowd_before", "refined", "sequel", "with_follow_up"]

_CROWD_PRONOUNS = frozenset({"them", "they"})


def with_follow_up(
    sentence: Span,
    follow_up: frozenset[str],
    happenings: Happenings,
    towns: SentenceTowns | None = None,
) -> Span:
    """The sentence, and the next one when it goes on about the same crowd or its police, not
    when it opens another happening ("Separately, police dispersed ...", another day) nor
    names only other towns (``towns``: "... in Lowtown. Protesters attacked a base in
    Hightown")."""
    doc = sentence.doc
    if sentence.end >= len(doc):
        return sentence
    _, following_end = columns.sentence_of(doc, sentence.end)
    lemma = columns.lemma_lowers(doc)
    here, next_one = (sentence.start, sentence.end), (sentence.end, following_end)
    if towns is not None and towns.apart(doc, here, next_one):
        return sentence
    if _any_since(doc) and _tally(doc[sentence.end : following_end]):
        return sentence
    if any(lemma[i] in follow_up for i in range(sentence.end, following_end)) and (
        happenings.continues(doc, sentence.start, sentence.end)
    ):
        return doc[sentence.start : following_end]
    return sentence


def _any_since(doc: Doc) -> bool:
    """Whether the Doc has the word "since" at all (read once: ``_tally`` needs one, and most
    articles have none, so their sentences' Tokens are not made)."""
    return columns.memo(doc, "since", lambda: "since" in columns.lowers(doc))


def _tally(sentence: Span) -> bool:
    """ "Attacks have killed thousands since 2012.": a count up to now (its main verb in the
    perfect, with "since"), the background of many happenings, not the crowd's going on."""
    root = sentence.root
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in root.children)
    since = any(
        c.lower_ == "since" or any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        for c in root.children
    )
    return perfect and since


def sequel(window: Span, sentence: Span, adverbs: frozenset[str]) -> bool:
    """Whether ``window`` holds a next sentence after ``sentence`` whose main verb tells a later
    act by a doer it names anew ("Gunmen ambushed a truck. Soldiers later launched air strikes
    on them."): the answer's weapons are its own, not the ambush's (a crowd's police, "later
    dispersed them", still go on with the crowd: the caller asks only for other events)."""
    if window.end == sentence.end:
        return False
    root = window.doc[sentence.end : window.end].root
    # the told clause of a source's word: "Soldiers later launched ..., the military said"
    verbs = [root, *(c for c in root.children if c.dep_ in ("ccomp", "parataxis"))]
    return any(_later_by_others(v, adverbs) for v in verbs)


def _later_by_others(verb: Token, adverbs: frozenset[str]) -> bool:
    """ "Soldiers later launched ...": a later act by a doer named anew (not "they later
    torched the houses": the same men going on)."""
    children = list(verb.children)
    later = any(c.dep_ == "advmod" and c.lower_ in adverbs for c in children)
    return later and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in children)


def crowd_before(sentence: Span, crowds: frozenset[str], happenings: Happenings) -> bool:
    """ "Hundreds protested in Lowtown. Police fired tear gas to disperse them.": the sentence
    names the crowd the sentence before it told (``crowds``: its words) by a pronoun, going on
    with the same happening."""
    doc = sentence.doc
    if sentence.start == 0 or not any(t.lower_ in _CROWD_PRONOUNS for t in sentence):
        return False
    start, end = columns.sentence_of(doc, sentence.start - 1)
    lemma = columns.lemma_lowers(doc)
    told = any(lemma[i] in crowds for i in range(start, end))
    return told and happenings.continues(doc, start, sentence.start)


def refined(
    d: Draft,
    trigger_class: str,
    window: Span,
    lemmas: frozenset[str],
    text: str,
    *,
    follows: bool,
    fatality_verbs: frozenset[str],
) -> str:
    """``d``'s sub-event type by the words of ``window`` (``lemmas``, ``text``); where it does
    not ``follow`` the next sentence (a fight whose trigger names its weapon), by those of its
    own sentence, but for fire the next sentence answers (a clash)."""
    wider = refine(d.event_class, lemmas, text, trigger_class)
    if follows or window.end == d.sentence.end or wider == "armed-clash":
        return wider
    sentence = range(d.sentence.start, d.sentence.end)
    with_ws = columns.texts_with_ws(d.sentence.doc)
    own = unstruck_lemmas(d.sentence.doc, sentence)
    if "#killed" in lemmas and deaths_told(d.sentence, fatality_verbs):
        own |= {"#killed"}
    return refine(d.event_class, own, "".join(with_ws[i] for i in sentence), trigger_class)
