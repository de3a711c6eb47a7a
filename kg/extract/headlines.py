"""Headlines the model read as one long noun phrase: "Police battle armed gangsters",
"Raiders attack villagers", "Youths torch police post".

A headline drops its articles and its final period and tells a past event in the present
tense, and the small model, trained on running text, then reads the verb as one more noun of
a compound ("Police battle" modifying "gangsters"), or as a verb modifying a noun ("Raiders
attack" before "herders"): the event's trigger is lost inside an actor's name, or never matched
as a verb. A sentence reads as such a headline when it has no final
period and no verb at its root; its verb is the first word that can be an event verb
(``kg/data/triggers.tsv``) standing between a noun (the last word of its subject) and the start
of a noun phrase (its object), outside any named entity. The words before it become its
subject, those after it its object, and the word a verb: "The Attack Helicopter Battalion
arrived" (a verb at its root, and a name) and "Battle of Lowtown" (no object after "Battle")
stay as the model read them.

A pipeline component (``kg_headlines``, after the model's own), so that every rule reads the
mended parse (``kg/extract/columns.py`` reads a Doc once, after the model has run).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

__all__ = ["HeadlineVerbs", "headline_verb", "leading_verb", "verb_before_as"]

_ENDS = frozenset({".", "!", "?"})
_SUBJECT_END = frozenset({"NOUN", "PROPN"})
_OBJECT_START = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# a verb the model tagged as one but attached as a noun's modifier: "Raiders attack herders"
_MODIFIER = frozenset({"compound", "nmod", "amod"})
_PARTICIPLES = frozenset({"VBN", "VBD"})  # "wanted", "suspected"
_ADJECTIVE_ENDS = ("ous", "ss", "less")  # "Various", "Gross", "Ruthless": no plural names
# the words opening a headline's second clause the model read as a preposition of the first's
# noun: "Police fire tear gas as students march on parliament"
_CLAUSE_MARKS = frozenset({"as", "while"})


class HeadlineVerbs:
    """``HeadlineVerbs(lemmas)(doc)``: reads the verb of each headline in ``doc`` as the
    verb, with the words before it its subject and those after it its object."""

    def __init__(self, lemmas: Iterable[str]) -> None:
        self.lemmas = frozenset(lemmas)

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            verb = headline_verb(sent, self.lemmas)
            lead = leading_verb(sent, self.lemmas) if verb is None else None
            joined = joined_verbs(sent, self.lemmas) if verb is None else []
            mark = _clause_mark(sent) if verb is None and lead is None else None
            first = verb_before_as(sent, mark, self.lemmas) if mark is not None else None
            if verb is None and lead is None and not joined and first is None:
                continue  # running text: untouched, nothing saved
            before = _saved(sent)
            if verb is not None:
                _mend(sent, verb)
            if lead is not None:  # the first clause's verb the root, the second's its conjunct
                root = sent.root
                _mend(sent.doc[sent.start : next(t.i for t in sent if t.text == ",")], lead)
                root.head, root.dep_ = lead, "conj"
            if first is not None and mark is not None:  # mark: for mypy, set with first
                _mend_before_as(sent, first, mark)
            for token in joined or joined_verbs(sent, self.lemmas):
                _join(sent, token)
            if _cyclic(sent):  # a parse the mending made no tree: the model's stands
                _restore(sent, before)
        return doc


def headline_verb(sent: Span, lemmas: frozenset[str]) -> Token | None:
    """The verb of a headline the model read as a noun phrase, or None."""
    if not _headline(sent):
        return None  # running text (most sentences): the model's parse stands
    words = [t for t in sent if not t.is_space]
    if len(words) < 3:
        return None
    roots = [t for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"]
    if (
        roots
        and not (_participle_root(roots[0]) and roots[0].lemma_.lower() not in lemmas)
        and not _gerund_root(roots[0])
    ):
        return None  # the model found the verb
    return _verb_among(words, roots, lemmas)


def leading_verb(sent: Span, lemmas: frozenset[str]) -> Token | None:
    """The verb of a headline's first clause the model read as a noun phrase where it found
    the verb of the clause after the comma: "Rebels fire rockets at base, army strikes back"
    ("fire" a noun of "rockets", "strikes" the root), or None."""
    if not _headline(sent) or sent.root.pos_ != "VERB":
        return None
    comma = next((t.i for t in sent if t.text == "," and t.i < sent.root.i), None)
    if comma is None:
        return None
    words = [t for t in sent.doc[sent.start : comma] if not t.is_space]
    if len(words) < 3:
        return None
    return _verb_among([*words, sent.doc[comma]], [], lemmas)


def verb_before_as(sent: Span, mark: Token, lemmas: frozenset[str]) -> Token | None:
    """The verb of a headline's first clause the model read as a noun where it made the verb
    of the clause after "as" (``mark``) the root and the first clause its subject: "Police
    fire tear gas as students march on parliament" ("fire" a noun of "gas", "march" the
    root), or None."""
    words = [t for t in sent.doc[sent.start : mark.i] if not t.is_space]
    if len(words) < 3:
        return None
    return _verb_among([*words, mark], [], lemmas)


def _clause_mark(sent: Span) -> Token | None:
    """The "as" (or "while") of a headline the model read as a preposition of its root verb's
    subject, its object the subject of that verb ("gas as students march"), or None."""
    root = sent.root
    if not _headline(sent) or root.pos_ != "VERB":
        return None
    subjects = [c for c in root.lefts if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    return next(
        (
            t for t in subjects[0].rights
            if t.lower_ in _CLAUSE_MARKS and t.dep_ == "prep"
            and any(c.dep_ == "pobj" for c in t.children)
        ),
        None,
    )  # fmt: skip


def _mend_before_as(sent: Span, verb: Token, mark: Token) -> None:
    """``verb`` the root of ``sent``, the words before ``mark`` its clause, the model's root
    the verb of a clause under it, the object of ``mark`` its subject."""
    root = sent.root
    _mend(sent.doc[sent.start : mark.i], verb)
    for c in list(mark.children):
        if c.dep_ == "pobj":
            c.head, c.dep_ = root, "nsubj"
    mark.head, mark.dep_ = root, "mark"
    root.head, root.dep_ = verb, "advcl"


def _verb_among(words: list[Token], roots: list[Token], lemmas: frozenset[str]) -> Token | None:
    """The first word of ``words`` that can be a headline's event verb read as a noun: after
    a noun (its subject's last word), before a noun phrase (its object)."""
    for k in range(1, len(words) - 1):
        token, before, after = words[k], words[k - 1], words[k + 1]
        # "Bandits abduct wanted trader": the verb read as the participle's subject
        participle = after in roots and _participle_root(after) and token.head == after
        if (
            token.lemma_.lower() in lemmas
            and (token.tag_ in _NOUN_TAGS or token.dep_ in _MODIFIER or participle)
            and (before.pos_ in _SUBJECT_END or (k == 1 and _plural_name(before)))
            and (after.pos_ in _OBJECT_START or participle or _and_verb(words, k + 1, lemmas))
            and not token.ent_type_
            and (token.is_lower or _title_case(words))
        ):
            return token
        if token.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"):
            return None  # a subject of nouns and their phrases only: "Defusal: bomb found"
    return None


def _and_verb(words: list[Token], k: int, lemmas: frozenset[str]) -> bool:
    """ "Residents of Lowtown attack and kill two thieves": "and" at ``k`` and an event verb
    the model read as one after it, the headline's second verb."""
    return (
        k + 1 < len(words)
        and words[k].pos_ == "CCONJ"
        and words[k + 1].pos_ == "VERB"
        and words[k + 1].lemma_.lower() in lemmas
    )


def joined_verbs(sent: Span, lemmas: frozenset[str]) -> list[Token]:
    """The second verbs of a headline joined to its verb by a comma that the model read as
    nouns: "Raiders attack village, steal cattle" ("steal" a modifier of "cattle"); each an
    event verb after a comma after the root verb, with a noun phrase after it, outside any
    named entity."""
    if not _headline(sent):
        return []
    root = sent.root
    if root.pos_ != "VERB":
        return []
    words = [t for t in sent if not t.is_space and t.i > root.i]
    return [
        token
        for before, token, after in zip(words, words[1:], words[2:], strict=False)
        if before.text == ","
        and token.lemma_.lower() in lemmas
        and (token.tag_ in _NOUN_TAGS or token.dep_ in _MODIFIER)
        and after.pos_ in _OBJECT_START
        and not token.ent_type_
        and token.is_lower
    ]


def _headline(sent: Span) -> bool:
    """No final period: a headline (or a caption), not running text."""
    last = sent.end - 1
    while last > sent.start and sent.doc[last].is_space:
        last -= 1
    return sent.doc[last].text not in _ENDS


def _join(sent: Span, verb: Token) -> None:
    """``verb`` joined to the root of ``sent``, the top of the words after it up to the next
    comma its object ("steal cattle")."""
    doc = sent.doc
    stop = next((t.i for t in doc[verb.i + 1 : sent.end] if t.text == ","), sent.end)
    verb.head, verb.dep_ = sent.root, "conj"
    _as_verb(verb)
    _objects([t for t in doc[verb.i + 1 : stop] if not _inside(t, verb.i + 1, stop)], verb)


def _participle_root(token: Token) -> bool:
    """ "Militia kills wanted bandit leader": a participle the model made the root, with a
    noun after it it describes; the headline's verb stands before it (a headline tells its
    news in the present tense; a participle of an event verb stays the verb: "Police raid
    killed three")."""
    return token.tag_ in _PARTICIPLES and any(
        c.dep_ == "dobj" and c.pos_ in _SUBJECT_END for c in token.rights
    )


def _gerund_root(token: Token) -> bool:
    """ "Police fire tear gas at supporters marching on the capital": a present participle the
    model made the root, with no auxiliary and a noun subject, which a headline never tells
    as its verb ("are marching"): it describes the noun before it; the headline's verb stands
    before it."""
    kids = list(token.children)
    return (
        token.tag_ == "VBG"
        and not any(c.dep_ in ("aux", "auxpass") for c in kids)
        and any(c.dep_ == "nsubj" and c.pos_ in _SUBJECT_END for c in kids)
        and token.i > token.sent.start
        and token.doc[token.i - 1].pos_ in _SUBJECT_END
    )


def _plural_name(token: Token) -> bool:
    """ "Houthis fire missiles": a people's or a group's plural name the model tagged as an
    adjective (capitalised, ending in "s"; not an adjective's own ending, "Various",
    "Serious")."""
    return (
        token.tag_ == "JJ"
        and token.is_title
        and token.lower_.endswith("s")
        and not token.lower_.endswith(_ADJECTIVE_ENDS)
    )


def _title_case(words: list[Token]) -> bool:
    """ "Police Battle Armed Gangsters": every word of a letter or more capitalised."""
    return all(t.is_title or not t.is_alpha or len(t) < 4 for t in words)


def _mend(sent: Span, verb: Token) -> None:
    """``verb`` the root of ``sent``; the top of the words before it its subject, the top of
    those after it its object."""
    start, end = sent.start, sent.end
    doc = sent.doc
    participle = doc[verb.i + 1] if verb.i + 1 < end else None
    verb.head = verb
    if participle is not None and participle.dep_ == "ROOT" and _participle_root(participle):
        # "kills wanted bandit leader": the participle describes the verb's object
        noun = next(c for c in participle.rights if c.dep_ == "dobj")
        noun.head, noun.dep_ = verb, "dobj"
        participle.head, participle.dep_ = noun, "amod"
    gerund = next((t for t in doc[verb.i + 1 : end] if t.dep_ == "ROOT"), None)
    if gerund is not None and _gerund_root(gerund):
        # "supporters marching on the capital": the participle describes the noun before it,
        # its subject is the top of the verb's object
        subject = next(c for c in gerund.children if c.dep_ == "nsubj")
        subject.head, subject.dep_ = subject, "ROOT"
        gerund.head, gerund.dep_ = doc[gerund.i - 1], "acl"
    left = [t for t in doc[start : verb.i] if not _inside(t, start, verb.i)]
    right = [t for t in doc[verb.i + 1 : end] if not _inside(t, verb.i + 1, end)]
    verb.dep_ = "ROOT"
    _as_verb(verb)
    _subject(left, verb)
    _objects(right, verb)
    for t in doc[verb.i + 1 : end]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in _SUBJECT_END:
            t.dep_ = "compound"  # "torch police post": a noun before the object's head


def _as_verb(verb: Token) -> None:
    """``verb`` tagged as a present-tense verb ("Police Battle Armed Gangsters": lower-case
    lemma)."""
    verb.pos_ = "VERB"
    verb.lemma_ = verb.lemma_.lower()
    verb.tag_ = "VBZ" if verb.lower_ != verb.lemma_ and verb.lower_.endswith("s") else "VBP"


def _objects(tops: list[Token], verb: Token) -> None:
    """The words after ``verb``, their tops ``tops`` in order, as its dependents: the first,
    a noun, its object."""
    for t in tops:
        obj = t is tops[0] and t.pos_ in _SUBJECT_END | {"PRON", "NUM"}
        t.head, t.dep_ = verb, ("dobj" if obj else t.dep_ if t.dep_ != "ROOT" else "dep")


def _subject(tops: list[Token], verb: Token) -> None:
    """The words before the verb, their tops ``tops`` in order, as its subject: a top after a
    preposition is its object ("Raiders from Lowtown"), one after a noun that noun's head
    ("Lowtown police": "Lowtown" modifies "police")."""
    subject = tops[0]
    subject.head, subject.dep_ = verb, "nsubj"
    for t in tops[1:]:
        before = t.doc[t.i - 1]
        if before.pos_ == "ADP" and before.i > subject.i:
            t.head, t.dep_ = before, "pobj"
        else:
            t.head, t.dep_ = verb, "nsubj"
            subject.head, subject.dep_ = t, "compound"
            subject = t


def _inside(token: Token, start: int, end: int) -> bool:
    """Whether ``token``'s head lies in ``start:end`` (other than itself)."""
    head = token.head.i
    return head != token.i and start <= head < end


_Saved = list[tuple[int, str, str, str, str]]


def _saved(sent: Span) -> _Saved:
    """What the mending may change of each token: head, dependency, part of speech, tag,
    lemma."""
    return [(t.head.i, t.dep_, t.pos_, t.tag_, t.lemma_) for t in sent]


def _restore(sent: Span, saved: _Saved) -> None:
    doc = sent.doc
    for token, (head, dep, pos, tag, lemma) in zip(sent, saved, strict=True):
        token.head, token.dep_, token.pos_, token.tag_, token.lemma_ = (
            doc[head],
            dep,
            pos,
            tag,
            lemma,
        )


def _cyclic(sent: Span) -> bool:
    """Whether a token's heads lead in a circle instead of to a root: the rules walk heads
    up to the root, and a circle would never end."""
    start, heads = sent.start, [t.head.i for t in sent]
    for i in range(len(heads)):
        j, steps = i, 0
        while heads[j] - start != j:
            j, steps = heads[j] - start, steps + 1
            if steps > len(heads) or not 0 <= j < len(heads):
                return True
    return False
