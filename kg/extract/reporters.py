"""Who reports an event in a sentence: the subject of a verb of reporting ("..., police
said", "police sources told reporters ...", "a spokesman for the army said") and the object
of "according to" ("according to police"). A reporter is the event's source, never its doer
for being named in the sentence: "A car bomb exploded near a checkpoint, killing five people,
police said" names no doer (``reporting_verbs`` of ``kg/data/lexicon.toml``). Where the text
makes the reporter the doer too ("police said they shot two robbers"), the event's own
arguments say so (:mod:`kg.extract.arguments`).

A reporter named by a pronoun ("Five soldiers surrendered, they said") is none of those the
clause it reports names (``pronoun_speaker``).

The model reads some tellers as the reported clause's object: in "..., killing 12 soldiers, an
officer and residents said" the verb of reporting has no subject and "an officer and
residents" hangs as an apposition on "soldiers"; in "... kidnapped 120 students, police and
residents said" "police and residents" hang as conjuncts of "students". The apposition, or
the conjunct after a comma holding no comma of its own, that ends just before such a verb is
its tellers (``appended_tellers``)."""

from __future__ import annotations

from collections.abc import Callable, Set

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.drafts import Draft, dedup
from kg.extract.found import Mentions
from kg.model import ActorType

__all__ = [
    "GROUP_PRONOUNS",
    "appended_tellers",
    "pronoun_speaker",
    "pronoun_speaks",
    "reports",
    "sentence_speakers",
    "teller_tokens",
]

GROUP_PRONOUNS = frozenset({"they", "it"})  # a speaker the clause it reports may not name

# the dependencies inside a noun phrase a reporter's name may sit under: "police" in "police
# sources", "the army's spokesman", "a spokesman for the army"
_INSIDE = frozenset({"compound", "amod", "nmod", "poss", "conj", "appos", "pobj", "prep"})

_NOUNS = frozenset({"NOUN", "PROPN"})

# how the model hangs subjectless tellers on the reported clause's object (``appended_tellers``)
_HUNG = frozenset({"appos", "conj"})


def reports(token: Token, verbs: frozenset[str]) -> bool:
    """Whether ``token`` lies in the phrase naming who reports: the subject of a verb in
    ``verbs``, or the object of "according to"."""
    for _ in range(8):
        head = token.head
        if token.dep_ in _HUNG and appended_tellers(token, verbs):
            return True
        if token.dep_ == "nsubj":
            return head.pos_ == "VERB" and head.lemma_.lower() in verbs
        if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if token.dep_ not in _INSIDE or head == token or head.pos_ == "VERB":
            return False
        token = head
    return False


def appended_tellers(token: Token, verbs: frozenset[str]) -> bool:
    """Whether ``token``, an apposition or a noun's conjunct after a comma, heads the tellers
    of a verb of reporting in ``verbs`` that follows its phrase and has no subject of its own:
    "an officer" in "killing 12 soldiers, an officer and residents said", "police" in
    "kidnapped 120 students, police and residents said". A conjunct's phrase holds no comma:
    in "killing a farmer, his wife and son, police said" the wife is no teller."""
    doc = token.doc
    if token.dep_ not in _HUNG or token.left_edge.i < 1 or not doc[token.left_edge.i - 1].is_punct:
        return False
    if token.dep_ == "conj" and (
        token.pos_ not in _NOUNS
        or token.head.pos_ not in _NOUNS
        or any(t.lower_ == "," for t in token.subtree)
    ):
        return False
    after = token.right_edge.i + 1
    if after >= len(doc):
        return False
    verb = doc[after]
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in verbs
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and token.head.i < token.i
        and any(a.i == verb.i for a in token.ancestors)
    )


def teller_tokens(doc: Doc, start: int, end: int, verbs: frozenset[str]) -> set[int]:
    """The tokens of ``appended_tellers`` phrases between ``start`` and ``end`` (a Token
    made only for the appositions and conjuncts, read from the dependency column)."""
    dep = columns.deps(doc)
    hung = (doc[i] for i in range(start, end) if dep[i] in _HUNG)
    return {t.i for token in hung if appended_tellers(token, verbs) for t in token.subtree}


def pronoun_speaker(head: Token, pronoun: int, mentions: Mentions) -> list[str]:
    """ "Rebels captured the town. Five soldiers surrendered, they said": the speaker "they"
    is not one the clause it reports names (the soldiers) but one named before it in its
    sentence outside that clause, else none here (:meth:`EventFinder.find` takes the one the
    previous sentences name as speaking or acting)."""
    doc = head.doc
    told = {t.i for c in head.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    sent_start, _ = columns.sentence_of(doc, pronoun)
    for i in range(pronoun - 1, sent_start - 1, -1):
        found = mentions.at(i)
        if i in told or found is None or found.kind != "actor":
            continue
        if found.actor_type is not ActorType.PERSON:  # "they", "it": no one person
            return [found.key]
    return []


def pronoun_speaks(trigger: Token) -> bool:
    """Whether a statement's verb has "they" or "it" as its subject ("..., they said")."""
    return any(c.dep_ == "nsubj" and c.lower_ in GROUP_PRONOUNS for c in trigger.children)


def sentence_speakers(
    sent: Span,
    drafts: list[Draft],
    mentions: Mentions,
    previous: list[str],
    report_nouns: Set[str],
    actors: Callable[..., list[str]],
) -> list[str]:
    """Who speaks in the sentence: its statements' agents ("the report said": the speakers
    before, ``previous``) and whom "according to" names (``actors``: the argument reader's)."""
    speakers: list[str] = []
    for d in drafts:
        if d.event_class == "statement":
            if d.agents:
                speakers += d.agents
            elif any(c.dep_ == "nsubj" and c.lemma_.lower() in report_nouns
                     for c in d.trigger[0].children):  # fmt: skip
                speakers += previous  # "the report said"
    lower = columns.lowers(sent.doc)
    for i in range(sent.start, sent.end):
        if lower[i] == "according":
            for to in sent.doc[i].children:
                for pobj in to.children:
                    speakers += actors(sent.doc, pobj.i, mentions, set(), [])
    return dedup(speakers)
