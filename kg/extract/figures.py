"""Figures of people: killed, injured, displaced, arrested, read off the parse. What the text
states outright ("no fatalities", "1 fatality") wins: ``kg/extract/stated.py``."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract import columns, parse_tree
from kg.extract.answered import answer_before
from kg.extract.drafts import Draft
from kg.extract.figure_cues import (
    DEATH_NOUNS,
    counted_phrase_at,
    describes_at,
    headline_passive_at,
    named_group_at,
    number_spans,
    pronoun_death_at,
    to_death_at,
    told_before_at,
    uncertain_at,
)
from kg.extract.lexicon import Lexicon
from kg.extract.numbers import parse_number
from kg.extract.parse_tree import Tree
from kg.extract.stated import LATER_DEATHS, ORPHANS, explicit_fatalities

__all__ = ["Figures", "explicit_fatalities"]

_TOPIC_DEPS = frozenset({"pobj", "pcomp", "prep", "dobj", "xcomp", "acl", "relcl", "nsubjpass"})
_INTRANSITIVE_DEATH = frozenset({"die", "perish", "flee", "displace", "drown", "succumb"})
# the pronouns ``Figures._one_person`` can say yes to
_PERSON_PRONOUNS = frozenset({"him", "her", "he", "she", "his"})
_SUBSET = frozenset({"including", "among", "include"})  # "2 civilians including a doctor"


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
        self.killing_verbs = frozenset(counts["killing_verbs"])
        self.injury_verbs = frozenset(counts["injury_verbs"])
        self.irrealis = lexicon.word_set("modality", "irrealis_verbs")
        self.crowd_verbs = frozenset(counts["grievance_verbs"])
        self.not_people = frozenset(counts["not_people"])
        self.answer_nouns = lexicon.word_set("modality", "answer_nouns")

    def count(self, sent: Span, drafts: list[Draft]) -> None:
        doc = sent.doc
        t = parse_tree.tree(doc)
        bounds = (sent.start, sent.end)  # where ``_abroad`` looks, if a figure fled
        counted: set[int] = set()  # the people already counted: a figure's noun phrase
        for span in number_spans(sent):
            value = parse_number(columns.text(span))
            if value is None:
                continue
            root = span.root.i
            noun = self._noun(t, root, span.end)
            kind, verb = self._count_kind(t, noun, bounds)
            if kind is None:
                kind, verb = self._surface(t, span.start, span.end)
                if verb is not None:
                    counted |= set(range(span.start, verb))
            if kind is None or self._topic(t, root if verb is None else verb):
                continue
            counted |= counted_phrase_at(t, noun)
            self._add_count(doc, drafts, root if verb is None else verb, kind, value)
        # "shot and killed a civilian", "a Lamu chief and his assistant were hacked to death"
        for i in self._may_be_one_person(sent):
            if i in counted or not self._one_person(t, i):
                continue
            kind, verb = self._count_kind(t, i, bounds)
            if kind is not None and not self._topic(t, i if verb is None else verb):
                counted |= counted_phrase_at(t, i)  # "his mother, a police officer": one person
                if pronoun_death_at(t, i):  # the doc's other figures decide: stated.py
                    doc.user_data.setdefault(LATER_DEATHS, []).append(i)
                    continue
                self._add_count(doc, drafts, i if verb is None else verb, kind, 1)

    def _topic(self, t: Tree, i: int) -> bool:
        """A death the sentence is about but does not report: "protesting the death of a
        mechanic", "accused of killing him", "attempted to kill a detainee", "residents
        blocked roads after gunmen killed a teacher", "in revenge for the killing of their
        leader" (the cause an answer noun governs); or one it doubts: "nearly killed",
        "killed or wounded"."""
        if uncertain_at(t, i, self.injury_verbs):
            return True
        after = False  # in a clause telling what came before
        for _ in range(6):
            after = after or told_before_at(t, i)
            if t.head[i] == i or (t.dep[i] not in _TOPIC_DEPS and not after):
                return False
            i = t.head[i]
            if t.lemma[i] in self.irrealis or (after and self._crowd(t, i)):
                return True
            if t.lemma[i] in self.answer_nouns and t.pos[i] == "NOUN":
                return True
            j = i - 1  # "in revenge for the killing": "for" parsed beside "in revenge"
            if t.dep[i] == "prep" and answer_before(
                t.lemma[j], t.pos[j], t.dep[j], self.answer_nouns
            ):
                return True
        return False

    def _crowd(self, t: Tree, verb: int) -> bool:
        """A crowd's act: "protested", "riots continue", "staged a protest"."""
        words = [verb] + [c for c in t.kids[verb] if t.dep[c] in ("nsubj", "dobj")]
        return any(t.lemma[w] in self.crowd_verbs for w in words)

    def _may_be_one_person(self, sent: Span) -> list[int]:
        """The tokens of the sentence ``_one_person`` may say yes to, as the columns tell: a
        pronoun it takes, or a noun (not a compound nor a word for no person) it may take."""
        doc = sent.doc
        lower, tag, dep = columns.lowers(doc), columns.tags(doc), columns.deps(doc)
        lemma = columns.lemma_lowers(doc)
        out = []
        for i in range(sent.start, sent.end):
            noun = tag[i] == "NN" or (
                tag[i] in ("NNP", "JJ")
                and (lower[i] in self.people or (tag[i] == "NNP" and i == sent.start))
            )
            if lower[i] in _PERSON_PRONOUNS or (
                noun and dep[i] != "compound" and lemma[i] not in self.not_people
            ):
                out.append(i)
        return out

    def _one_person(self, t: Tree, i: int) -> bool:
        """A singular person noun with no figure of its own ("a man", "the chief"), or "him"
        or "her" as the object of a killing."""
        lower, tag, dep, kids = t.lower, t.tag, t.dep, t.kids
        if lower[i] in ("him", "her") and dep[i] == "dobj":
            return True
        if pronoun_death_at(t, i):
            return True
        # a headline's first word is capitalised: "Officer killed in ambush"; "killing a
        # Palestinian" (a demonym, as the small model tags it)
        demonym = tag[i] in ("NNP", "JJ") and any(lower[c] in ("a", "an") for c in kids[i])
        noun = (
            tag[i] == "NN"
            or (tag[i] == "NNP" and i == t.sent_start[i])
            or (demonym and lower[i] in self.people)
        )
        if not noun or dep[i] == "compound" or t.lemma[i] in self.not_people:
            return False  # "a police officer": one person, not two
        if any(dep[c] in ("nummod", "quantmod") for c in kids[i]):
            return False
        if t.lemma[i] in self.people:
            return True
        # whoever is killed is a person: "assassinated a prominent figure", "killed his boss"
        return dep[i] in ("dobj", "nsubjpass") and any(dep[c] in ("det", "poss") for c in kids[i])

    def _add_count(self, doc: Doc, drafts: list[Draft], i: int, kind: str, value: int) -> None:
        host = self._host(i, drafts)
        if host is not None:
            host.counts[kind] = host.counts.get(kind, 0) + value
        else:  # "Gunmen attacked a camp. One officer reported dead.": the article's event
            doc.user_data.setdefault(ORPHANS, []).append((i, kind, value))

    def _noun(self, t: Tree, root: int, span_end: int) -> int:
        """The noun a figure counts: its head, or the figure itself ("2 were killed")."""
        dep, head = t.dep, t.head
        if dep[root] not in ("nummod", "quantmod", "compound"):
            return root
        if head[root] > root:
            noun = head[root]
            while dep[noun] == "compound" and head[noun] > noun:
                noun = head[noun]  # "7 rebel fighters": the fighters
            return noun
        # a figure cannot count a noun before it: the parse went wrong ("over the past 24 hours
        # 2 militants were killed" with the commas removed); the noun after the figure
        sent_end = t.sent_end[root]
        for i in range(span_end, min(span_end + 5, sent_end)):
            pos = t.pos[i]
            if pos in ("NOUN", "PROPN") and dep[i] not in ("compound", "amod"):
                return i
            if pos not in ("ADJ", "VERB", "PROPN", "NOUN", "CCONJ", "PUNCT"):
                break
        return root

    def _count_kind(
        self, t: Tree, noun: int, bounds: tuple[int, int]
    ) -> tuple[str | None, int | None]:
        """What befell the people a noun counts: ("fatalities", the verb saying so)..."""
        lemma = t.lemma[noun]
        if lemma in self.count_nouns:
            return self.count_nouns[lemma], None
        if pronoun_death_at(t, noun):
            return "fatalities", t.head[noun]  # "He died later in the day", "his death"
        people = (
            lemma in self.people
            or named_group_at(t, noun)
            or t.like_num[noun]
            or t.lower[noun] in ("him", "her")
        )
        if not people and (t.pos[noun] != "NOUN" or lemma in self.not_people):
            return None, None
        if any(t.lower[c] == "dead" for c in t.kids[noun]):
            return "fatalities", None  # "leaves one dead"
        if not people:  # not "killed ... in two villages"
            # "lynched three carjackers", "5 suspected witches burned to death"
            head = t.head[noun]
            subject = t.dep[noun] == "nsubj" and headline_passive_at(t, head)
            direct = (t.dep[noun] in ("dobj", "nsubjpass") or subject) and self._killing(t, head)
            return ("fatalities", head) if direct else (None, None)
        return self._path_kind(t, noun, bounds)

    def _killing(self, t: Tree, verb: int) -> bool:
        """A verb whose object is dead people whatever noun names them."""
        if t.lower[verb] == "dead" and t.pos[t.head[verb]] == "VERB":
            return True  # "shot dead his boss", the parse making "his boss" dead's object
        if t.pos[verb] != "VERB":
            return False
        return to_death_at(t, verb) or t.lemma[verb] in self.killing_verbs

    def _path_kind(
        self, t: Tree, noun: int, bounds: tuple[int, int]
    ) -> tuple[str | None, int | None]:
        """Up the parse from the counted noun to the verb or noun that says what befell it."""
        deps, pos, lower, head = t.dep, t.pos, t.lower, t.head
        if deps[noun] == "pobj":  # in a phrase, its own participle first: "with 22 killed"
            kind, verb = self._participle(t, noun, bounds)
            if kind is not None:
                return kind, verb
        token = noun
        for _ in range(4):
            dep = deps[token]
            if (dep == "pobj" and lower[head[token]] == "by") or dep == "agent":
                return None, None  # "killed by two armed men": the killers, not the dead
            if dep == "pobj" and lower[head[token]] in _SUBSET:
                return None, None  # "12 civilians including 7 children": counted already
            first = token == noun and dep == "pobj" and lower[head[token]] == "of"
            if first and describes_at(t, head[head[token]]):
                return None, None  # "a father of four was killed": one dead, not four
            if dep == "conj" and pos[token] in ("VERB", "AUX"):
                break  # "3 were killed and three rescued": the rescued were not killed
            if dep in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "prep", "meta"):
                token = head[token]
            else:
                break
            verb_lemma = t.lemma[token]
            if (
                dep in ("nsubj", "meta")
                and pos[token] == "VERB"
                and verb_lemma not in _INTRANSITIVE_DEATH
                and not headline_passive_at(t, token)
            ):
                return None, None  # "a mob kills a robber": the subject acts
            if dep == "dobj" and verb_lemma in _INTRANSITIVE_DEATH:
                return None, None  # "One died, the other three were injured"
            if pos[token] == "NOUN" and verb_lemma in DEATH_NOUNS and dep == "prep":
                return "fatalities", token  # "the killing of a child", "the death of the commander"
            if pos[token] in ("ADJ", "VERB") and lower[token] in self.count_nouns:
                return self.count_nouns[lower[token]], token  # "and eight more wounded"
            kind = self._verb_kind(t, token, bounds)
            if kind is not None:
                return kind, token
            if pos[token] == "VERB":  # "were kidnapped and killed", "was shot and killed"
                for conj in t.kids[token]:
                    if deps[conj] == "conj" and not any(
                        deps[c].startswith("nsubj") for c in t.kids[conj]
                    ):
                        kind = self._verb_kind(t, conj, bounds)
                        if kind is not None:
                            return kind, conj
        return self._participle(t, noun, bounds)

    def _participle(
        self, t: Tree, noun: int, bounds: tuple[int, int]
    ) -> tuple[str | None, int | None]:
        """ "Six Borana men killed in reprisal attacks", "with 22 fighters killed"."""
        for child in t.kids[noun]:
            if t.dep[child] == "acl" and t.tag[child] == "VBN":
                kind = self._verb_kind(t, child, bounds)
                if kind is not None:
                    return kind, child
        return None, None

    def _verb_kind(self, t: Tree, i: int, bounds: tuple[int, int]) -> str | None:
        pos = t.pos[i]
        if pos in ("VERB", "AUX") and to_death_at(t, i):
            return "fatalities"  # "shot dead", "hacked to death", "eight are dead"
        verb_lemma = t.lemma[i]
        if pos in ("VERB", "ADJ") and verb_lemma in self.count_verbs:
            kind = self.count_verbs[verb_lemma]
            if verb_lemma == "flee" and self._abroad(t, bounds):
                kind = "refugees"
            return kind
        return None

    def _abroad(self, t: Tree, bounds: tuple[int, int]) -> bool:
        """Whether the sentence has a word of fleeing abroad ("across the border", "refugees"),
        among its lemmas or words (``columns.words``), read only where someone fled."""
        start, end = bounds
        lemma, lower = t.lemma[start:end], t.lower[start:end]
        return not (self.abroad.isdisjoint(lemma) and self.abroad.isdisjoint(lower))

    def _surface(self, t: Tree, start: int, end: int) -> tuple[str | None, int | None]:
        """What the parse missed, read off the words: a figure, its people, then a passive
        death or injury verb ("4 Taliban and/or IS militants were killed")."""
        people = False
        text = t.text
        for i in range(end, min(end + 8, t.sent_end[start])):
            lemma, pos = t.lemma[i], t.pos[i]
            if pos in ("NOUN", "PROPN"):
                if lemma in self.count_nouns:
                    return None, None
                people = people or lemma in self.people or named_group_at(t, i)
                continue
            if pos == "VERB" and t.dep[i] == "amod":  # "2 suspected militants"
                continue
            if pos == "VERB" and t.tag[i] == "VBN" and people:
                passive = any(t.dep[c] == "auxpass" for c in t.kids[i]) or (
                    t.raw_lemma[i - 1] == "be"
                )
                if lemma in self.count_verbs and passive:
                    return self.count_verbs[lemma], i
                return None, None
            if pos not in ("ADJ", "CCONJ", "AUX", "ADV") and text[i] not in ("/", "-"):
                return None, None
        return None, None

    def _host(self, i: int, drafts: list[Draft]) -> Draft | None:
        candidates = [d for d in drafts if d.event_class != "statement"]
        if not candidates:
            return None
        for d in candidates:
            if d.trigger.start <= i < d.trigger.end:
                return d
        return min(candidates, key=lambda d: abs(d.trigger.start - i))
