"""Which actor a pronoun stands for, for the coreference rules (:mod:`kg.extract.coref`).

- "he", "I", "his": the nearest person before it (within a few sentences); a first-person
  pronoun no person precedes, the person quoted after it ('"I am delighted," said Burns');
- "we", "us", "our": the organisation that speaks: the nearest organisation, government or
  mission before it that is the subject of a clause, else the nearest; with none before, the
  first after it that is a subject ('"We condemn the attack," the Foreign Office said');
  never an actor named as another argument of its verb ("We call on Russia to act");
- "they", "them", "their", "its": the nearest actor before it that is no person and no
  argument of its own verb, the subject of a clause first ("Iraqi forces came under fire
  from ISIL; they requested support"); as the subject of a verb of speaking, a speaker first
  and none named in the clause it reports ("Five soldiers surrendered, they said");
- the subject of a clause a verb with a subject governs: that subject, the speaker ("the
  ministry denied targeting civilians and said it had struck depots"; ``speaker_subject``,
  for the doers of events), but not inside quotation marks, where the speaker is "I" or "we"
  ('"They shot at us," a trader said': not the trader).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.coref_words import CorefWords
from kg.extract.found import Found
from kg.extract.quoted import quoted_in_paragraph
from kg.extract.roots import span_root
from kg.model import ActorType, PlaceType

__all__ = [
    "SUBJECTS",
    "co_arguments",
    "plural_subject",
    "pronoun_antecedent",
    "speaker_subject",
    "window_start",
]

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr"})
_FIRST_PERSON = frozenset({"i", "me", "my"})
_SENTENCES_BACK = {"person": 3, "group": 2, "speaker": 1000}


def window_start(doc: Doc, token: Token, back: int) -> int:
    """The first token of the sentence ``back`` sentences before ``token``'s."""
    sents = columns.sentence_bounds(doc)
    index = next(i for i, (start, end) in enumerate(sents) if start <= token.i < end)
    return sents[max(index - back, 0)][0]


def pronoun_antecedent(
    doc: Doc, token: Token, kind: str, actors: list[Found], words: CorefWords
) -> Found | None:
    if kind == "group" and token.dep_ == "poss" and token.head.dep_ == "conj":
        # "the Syrian troops and its allies", "the UK and its partners": the first conjunct
        owner = next((f for f in actors if f.start <= token.head.head.i < f.end), None)
        if owner is not None and owner.actor_type is not ActorType.PERSON:
            return owner
    first = window_start(doc, token, _SENTENCES_BACK[kind])
    before = [f for f in actors if first <= f.start and f.end <= token.i]
    if kind == "person":
        fits = [f for f in before if f.actor_type is ActorType.PERSON]
        if not fits and token.lower_ in _FIRST_PERSON:
            return _speaker_after(doc, token, actors)  # '"I am delighted," said Burns'
    elif kind == "speaker":
        fits = [f for f in before if _speaker(f, words)]
        # one that acts, a subject, rather than one named in passing ("The Coalition
        # complies with the law ... We will continue")
        fits = [f for f in fits if _subject(doc, f)] or fits
        if not fits:  # '"We condemn the attack," the Foreign Office said': the one after
            return _speaker_named_after(doc, token, actors, words)
    else:
        fits = [f for f in before if f.actor_type not in (ActorType.PERSON, None)]
        if token.lower_ == "its":  # "its": one actor, not "the rebels"
            fits = [f for f in fits if doc[f.end - 1].tag_ not in ("NNS", "NNPS")]
        fits = [f for f in fits if not _same_clause(doc, f, token)]
        if _speaking(token, words):  # "they said": a speaker before, one that acts else
            fits = [f for f in fits if not _reported(doc, f, token)]
            fits = [
                f for f in fits if _speaking(doc[span_root(doc, f.start, f.end)], words)
            ] or fits
        # its own sentence first, then the ones before; in each, a subject first ("Iraqi
        # forces came under fire from ISIL fighters; they requested support"); "they" and
        # "their" rather a plural or a coordination
        starts = columns.sentence_starts(doc)
        for sent_start in sorted({starts[f.start] for f in fits}, reverse=True):
            here = [f for f in fits if starts[f.start] == sent_start]
            if token.lower_ != "its":
                here = [f for f in here if _plural(doc, f)] or here
            return ([f for f in here if _subject(doc, f)] or here)[-1]
    return fits[-1] if fits else None


def co_arguments(doc: Doc, pronoun: Token, actors: list[Found]) -> set[str]:
    """The keys of the actors and places named as another argument of the verb whose subject
    or object the pronoun is ("We call on Russia to act", "we thank the UN"), and the ISO
    codes of those that are countries: a pronoun other than a reflexive never stands for its
    verb's other arguments, nor for a country's government or forces named so."""
    if pronoun.dep_ == "poss" or pronoun.head == pronoun:
        return set()
    verb = pronoun.head
    out = set()
    for f in actors:
        root = doc[span_root(doc, f.start, f.end)]
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        head = root.head.head if root.dep_ == "pobj" else root.head
        if head == verb and root.i != pronoun.i and root.dep_ in _ARGUMENTS:
            out.add(f.key)
            if f.place_type is PlaceType.COUNTRY and f.country:
                out.add(f.country)
    return out


def speaker_subject(doc: Doc, pronoun: int, speaking: frozenset[str]) -> int | None:
    """The subject of the verb of ``speaking`` that governs the clause whose subject
    ``pronoun`` is: "the ministry said it had struck depots", "the army denied the claims and
    said it had hit positions" (the subject of "denied" through "and"); None where no such
    verb governs the clause, or its subject is another pronoun."""
    token = doc[pronoun]
    verb = token.head
    if token.dep_ != "nsubj" or verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
        return None
    if quoted_in_paragraph(columns.doc_text(doc), token.idx):
        return None  # '"They shot at us," a trader said': who speaks says "I" or "we"
    saying = verb.head
    if saying.lemma_.lower() not in speaking:
        return None  # "they claimed ...; fatalities coded as 10": no one speaks
    while saying.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in saying.children):
        saying = saying.head
    subject = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject.i


def _speaker(found: Found, words: CorefWords) -> bool:
    """The actor may speak as "we": an organisation, a mission, the media, a government."""
    return found.actor_type in words.speaker_types or found.label.startswith("Government of")


def _speaker_named_after(
    doc: Doc, token: Token, actors: list[Found], words: CorefWords
) -> Found | None:
    """The body that speaks as "we" where none is named before: one named after it, in
    its sentence or the next, as a subject ('"We condemn the attack," the Foreign Office
    said'). A body named after it only as an object or in a phrase ("We are concerned by
    shelling by the regime") is who the speaker speaks of, not the speaker."""
    sents = columns.sentence_bounds(doc)
    index = next(i for i, (start, end) in enumerate(sents) if start <= token.i < end)
    last = sents[min(index + 1, len(sents) - 1)][1]
    after = [f for f in actors if token.i < f.start < last and _speaker(f, words)]
    return next((f for f in after if _subject(doc, f)), None)


def _speaker_after(doc: Doc, token: Token, actors: list[Found]) -> Found | None:
    """The person named first after a first-person pronoun that no person precedes, in its
    sentence or the next: the one quoted ('"I am delighted," said Burns')."""
    sents = columns.sentence_bounds(doc)
    index = next(i for i, (start, end) in enumerate(sents) if start <= token.i < end)
    last = sents[min(index + 1, len(sents) - 1)][1]
    after = [f for f in actors if token.i < f.start < last and f.actor_type is ActorType.PERSON]
    return after[0] if after else None


def _plural(doc: Doc, found: Found) -> bool:
    root = doc[span_root(doc, found.start, found.end)]
    return (
        root.tag_ in ("NNS", "NNPS")
        or root.dep_ == "conj"
        or any(c.dep_ == "conj" for c in root.children)
    )


def _subject(doc: Doc, found: Found) -> bool:
    root = doc[span_root(doc, found.start, found.end)]
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ in SUBJECTS


def _same_clause(doc: Doc, found: Found, pronoun: Token) -> bool:
    """The candidate and the pronoun are arguments of one verb ("ISIL attacked their
    positions" does not make "their" ISIL's)."""
    root = doc[span_root(doc, found.start, found.end)]
    verb = pronoun.head.head if pronoun.dep_ == "poss" else pronoun.head
    return root.head == verb or root.head == pronoun.head


def _speaking(token: Token, words: CorefWords) -> bool:
    """The token is the subject of a verb of speaking."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in words.speech_verbs


def _reported(doc: Doc, found: Found, pronoun: Token) -> bool:
    """The candidate is named in the clause the speaking pronoun reports ("Five soldiers
    surrendered, they said": not the soldiers)."""
    return any(
        c.dep_ in ("ccomp", "parataxis") and c.left_edge.i <= found.start <= c.right_edge.i
        for c in pronoun.head.children
    )


def plural_subject(doc: Doc, found: Found, pronoun: int) -> bool:
    """Whether a mention is a plural common noun's phrase ("the fighters", "militants"), which
    "it" never stands for, that is the subject of a verb "it" hangs under: "the fighters
    detonated a bomb before storming it" are not what they stormed. A name ("Al Shabaab
    militants") may be the group "it" is; a phrase elsewhere is left to the older reading
    (a machine's owner: "a regime forces' drone ..., after targeting it")."""
    words = doc[found.start : found.end]
    head = words[-1]
    return (
        head.tag_ == "NNS"
        and not any(t.pos_ == "PROPN" for t in words)
        and head.dep_ == "nsubj"
        and any(a.i == head.head.i for a in doc[pronoun].ancestors)
    )
