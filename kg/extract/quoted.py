"""A witness's quoted account of the attack told before it is that attack told again, not
another: "Soldiers killed 21 civilians in a drone strike near Lowtown on Monday. 'They struck
the miners while they were working,' a resident said" tells Monday's strike in the words of
one who saw it, as do "'They came at night and set fire to the houses,' a survivor told
reporters" after a raid on a village. An act of armed violence (or a burning) inside quotation
marks, in a paragraph where a witness (``[modality] witness_nouns``: a resident, a survivor)
is the one who speaks, by none but the attack's doers (any, where it names none), naming no
place in its quoted words (its place is then the dateline's, where the witness was not),
folds into it (kg.extract.retold). So does a protester's account of a riot or of the force
used on a crowd ('"They beat us like animals," a protester said'), whichever side of it acts
in the quote, and a witness named before the noun that makes them one ("said Ana Ruiz, a
trader")."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.twins import family

__all__ = [
    "QUOTES",
    "inside_quotes",
    "paragraph_tokens",
    "quoted_account",
    "quoted_in_paragraph",
    "quoted_paragraph",
]

# the quotation marks: straight and curly double ones (an apostrophe is no quotation mark)
QUOTES = frozenset('"\u201c\u201d')
# the families of the acts a witness tells, and of the attack they tell again; a riot and the
# force used on a crowd too ('"They beat us while the police watched," a protester said')
_VIOLENT = frozenset(
    {"battles", "explosions-remote-violence", "violence-against-civilians", "riots"}
)
_CROWD_FORCE = frozenset({"excessive-force-against-protesters", "protest-with-intervention"})
_BURNING = frozenset({"looting-property-destruction"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def quoted_account(
    e: Draft,
    host: Draft,
    witnesses: frozenset[str],
    saying: frozenset[str],
) -> bool:
    """Whether ``e`` is a witness's quoted account of ``host``, an attack (or a protest the
    forces broke up) told before it (``saying``: the lemmas of verbs that tell who speaks:
    "said", "told")."""
    if e.background or not _violent(host.event_class):
        return False
    if not _violent(e.event_class) and e.event_class not in _BURNING:
        return False
    if host.agents and not set(e.agents) <= _sides(host):  # an attack of no named doer
        return False
    inside = quoted_paragraph(e)
    if inside is None or _names_a_place(e, inside):
        return False
    return _witness_speaks(e, inside, witnesses, saying)


def _sides(host: Draft) -> set[str]:
    """Who may act in an account of ``host``: its doers, and for a riot or force used on a
    crowd its other side too ('"They attacked us like criminals," a student said' after
    protesters threw bottles at police: the police of that scene)."""
    if family(host.event_class) == "riots" or host.event_class in _CROWD_FORCE:
        return {*host.agents, *host.targets}
    return set(host.agents)


def _violent(event_class: str) -> bool:
    return family(event_class) in _VIOLENT or event_class in _CROWD_FORCE


def quoted_paragraph(e: Draft) -> tuple[int, int] | None:
    """The paragraph of ``e``'s trigger (its characters) if the trigger stands inside
    quotation marks in it, else None."""
    text = columns.doc_text(e.sentence.doc)
    at = e.trigger.start_char
    start = _paragraph_start(text, at)
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if not inside_quotes(text, start, at) or not any(q in text[at:end] for q in QUOTES):
        return None
    return start, end


def paragraph_tokens(doc: Doc, paragraph: tuple[int, int]) -> range:
    """The indices of the tokens that start within ``paragraph`` (its characters), found in
    the Doc's offsets (``columns.idxs``, in order) rather than by reading every token."""
    idx = columns.idxs(doc)
    return range(bisect.bisect_left(idx, paragraph[0]), bisect.bisect_left(idx, paragraph[1]))


def inside_quotes(text: str, start: int, at: int) -> bool:
    """Whether character ``at`` stands inside quotation marks opened after ``start``: the one
    test of being quoted the rules share."""
    return sum(text.count(q, start, at) for q in QUOTES) % 2 == 1


def quoted_in_paragraph(text: str, at: int) -> bool:
    """Whether character ``at`` stands inside quotation marks opened in its paragraph (a
    paragraph's quotation marks close in it: an unclosed one does not reach the next)."""
    return inside_quotes(text, _paragraph_start(text, at), at)


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _names_a_place(e: Draft, paragraph: tuple[int, int]) -> bool:
    """Whether the quoted words of ``e``'s sentence name a place ("They struck the mine in
    Hightown"): an account of its own place may tell another attack."""
    text = columns.doc_text(e.sentence.doc)
    return any(
        ent.label_ in _PLACES and inside_quotes(text, paragraph[0], ent.start_char)
        for ent in e.sentence.ents
    )


def _witness_speaks(
    e: Draft, paragraph: tuple[int, int], witnesses: frozenset[str], saying: frozenset[str]
) -> bool:
    """Whether a witness is the subject of a verb of saying in ``paragraph``, outside its
    quotation marks ("..., a resident of Lowtown said by phone", "said Ana Ruiz, a trader")."""
    doc = e.sentence.doc
    text = columns.doc_text(doc)
    dep, lemma, head, idx = (
        columns.deps(doc),
        columns.lemma_lowers(doc),
        columns.heads(doc),
        columns.idxs(doc),
    )
    for i in paragraph_tokens(doc, paragraph):
        if dep[i] != "nsubj" or lemma[head[i]] not in saying:
            continue
        if _witness(doc[i], witnesses) and not inside_quotes(text, paragraph[0], idx[i]):
            return True
    return False


def _witness(subject: Token, witnesses: frozenset[str]) -> bool:
    """Whether the subject is a witness's noun, or a name in apposition with one ("Ana
    Ruiz, a 40-year-old trader")."""
    if subject.lemma_.lower() in witnesses:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in witnesses for c in subject.children)
