"""Figures of people: killed, injured, displaced, arrested, read off the parse, and what the
text states outright ("no fatalities", "1 fatality"), which wins."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.drafts import Draft
from kg.extract.lexicon import Lexicon
from kg.extract.numbers import parse_number

_DEATH_NOUNS = frozenset({"killing", "death", "murder", "assassination", "execution"})
_INTRANSITIVE_DEATH = frozenset({"die", "perish", "flee", "displace", "drown", "succumb"})


class Figures:
    """Built once per lexicon; ``count`` fills the drafts of one sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.words
        counts = words["counts"]
        demonyms = {d.lower() for c in lexicon.countries for d in c.demonyms if " " not in d}
        self.people = (
            frozenset(counts["people_nouns"])
            | frozenset(words["actors"]["generic"])
            | frozenset(demonyms)  # "killing 9 Palestinians"
            | frozenset(d + "s" for d in demonyms)
        )
        self.count_nouns = {n: "fatalities" for n in counts["fatality_nouns"]} | {
            n: "injuries" for n in counts["injury_nouns"]
        }
        self.count_verbs = (
            {v: "fatalities" for v in counts["fatality_verbs"]}
            | {v: "injuries" for v in counts["injury_verbs"]}
            | {v: "displaced" for v in counts["displacement_verbs"]}
            | {v: "arrested" for v in counts["arrest_verbs"]}
        )
        self.abroad = frozenset(counts["abroad_words"])

    def count(self, sent: Span, drafts: list[Draft]) -> None:
        abroad = any(t.lemma_.lower() in self.abroad or t.lower_ in self.abroad for t in sent)
        counted: set[int] = set()
        for span in _number_spans(sent):
            value = parse_number(span.text)
            if value is None:
                continue
            kind, verb = self._count_kind(span, abroad)
            if kind is None:
                continue
            counted.add(span.root.head.i if span.root.dep_ == "nummod" else span.root.i)
            self._add_count(drafts, verb or span.root, kind, value)
        # "shot and killed a civilian", "a Lamu chief and his assistant were hacked to death"
        for token in sent:
            if token.i in counted or not self._one_person(token):
                continue
            kind, verb = self._count_kind(sent.doc[token.i : token.i + 1], abroad)
            if kind is not None:
                self._add_count(drafts, verb or token, kind, 1)

    def _one_person(self, token: Token) -> bool:
        """A singular person noun with no figure of its own ("a man", "the chief"), or "him"
        or "her" as the object of a killing."""
        if token.lower_ in ("him", "her") and token.dep_ == "dobj":
            return True
        if token.tag_ != "NN" or token.lemma_.lower() not in self.people:
            return False
        return not any(c.dep_ in ("nummod", "quantmod") for c in token.children)

    def _add_count(self, drafts: list[Draft], token: Token, kind: str, value: int) -> None:
        host = self._host(token, drafts)
        if host is not None:
            host.counts[kind] = host.counts.get(kind, 0) + value

    def _count_kind(self, span: Span, abroad: bool) -> tuple[str | None, Token | None]:
        root = span.root
        noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
        lemma = noun.lemma_.lower()
        if lemma in self.count_nouns:
            return self.count_nouns[lemma], None
        if noun is not root and lemma not in self.people:
            return None, None
        token = noun
        for _ in range(4):
            dep = token.dep_
            if (dep == "pobj" and token.head.lower_ == "by") or dep == "agent":
                return None, None  # "killed by two armed men": the killers, not the dead
            if dep in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "prep"):
                token = token.head
            else:
                break
            verb_lemma = token.lemma_.lower()
            if dep == "nsubj" and token.pos_ == "VERB" and verb_lemma not in _INTRANSITIVE_DEATH:
                return None, None  # "a mob kills a robber": the subject acts
            if token.pos_ == "NOUN" and verb_lemma in _DEATH_NOUNS and dep == "prep":
                return "fatalities", token  # "the killing of a child", "the death of the commander"
            if token.pos_ == "VERB" and _to_death(token):
                return "fatalities", token  # "shot dead", "hacked to death"
            if token.pos_ in ("VERB", "ADJ") and verb_lemma in self.count_verbs:
                kind = self.count_verbs[verb_lemma]
                if verb_lemma == "flee" and abroad:
                    kind = "refugees"
                return kind, token
        return None, None

    def _host(self, token: Token, drafts: list[Draft]) -> Draft | None:
        candidates = [d for d in drafts if d.event_class != "statement"]
        if not candidates:
            return None
        for d in candidates:
            if d.trigger.start <= token.i < d.trigger.end:
                return d
        return min(candidates, key=lambda d: abs(d.trigger.start - token.i))


_NUMBER = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CODED = re.compile(rf"\bfatalit(?:y|ies)\b[\w\s,]{{0,40}}?\bcoded\s+as\s+{_NUMBER}", re.I)
_STATED = re.compile(rf"(?<!reported )(?<!claimed )\b{_NUMBER}\s+fatalit(?:y|ies)\b", re.I)
_NONE = re.compile(
    r"\b(?:no|nor|without(?: any)?)\s+(?:reported\s+|known\s+|confirmed\s+)?"
    r"(?:fatalities|casualties|deaths|injuries or fatalities|injuries nor fatalities)\b"
    r"|\bno (?:one|body) (?:was|were) (?:killed|hurt|injured)\b"
    r"|\bno reports? of (?:fatalities|casualties|deaths)\b",
    re.I,
)
_NON_VIOLENT = frozenset({"statement", "displacement", "conflict", "peaceful-protest"})


def explicit_fatalities(doc: Doc, drafts: list[Draft]) -> None:
    """What the text says of the dead outright wins over figures read off verbs:
    "No fatalities were reported", "1 fatality", "Fatalities coded as 0 (... reported 3)"."""
    violent = [d for d in drafts if d.event_class not in _NON_VIOLENT]
    for sent in doc.sents:
        text = sent.text
        coded = _CODED.search(text)
        stated = coded or _STATED.search(text)
        if stated is not None:
            value = parse_number(stated.group(1))
        elif _NONE.search(text):
            value = 0
        else:
            continue
        if value is None:
            continue
        here = [d for d in violent if d.sentence.start == sent.start]
        before = [d for d in violent if d.sentence.start < sent.start]
        target = here[:1] or before[-1:]
        if not target:
            continue
        if coded is not None or stated is not None:  # the total: no other figure adds to it
            for d in violent:
                d.counts.pop("fatalities", None)
        target[0].counts["fatalities"] = value


def _to_death(verb: Token) -> bool:
    for child in verb.children:
        if child.lower_ == "dead" or (
            child.lower_ == "to" and any(c.lower_ == "death" for c in child.children)
        ):
            return True
    return False


def _number_spans(sent: Span) -> list[Span]:
    spans = [e for e in sent.ents if e.label_ == "CARDINAL"]
    taken = {i for e in sent.ents for i in range(e.start, e.end)}
    spans += [sent.doc[t.i : t.i + 1] for t in sent if t.like_num and t.i not in taken]
    return spans
