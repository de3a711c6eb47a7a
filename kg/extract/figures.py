"""Figures of people: killed, injured, displaced, arrested, read off the parse. What the text
states outright ("no fatalities", "1 fatality") wins: ``kg/extract/stated.py``."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.figure_cues import (
    DEATH_NOUNS,
    counted_phrase,
    describes,
    headline_passive,
    named_group,
    number_spans,
    pronoun_death,
    to_death,
    told_before,
    uncertain,
)
from kg.extract.lexicon import Lexicon
from kg.extract.numbers import parse_number
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
        self.irrealis = lexicon.word_set("modality", "irrealis_verbs")
        self.crowd_verbs = frozenset(counts["grievance_verbs"])
        self.not_people = frozenset(counts["not_people"])

    def count(self, sent: Span, drafts: list[Draft]) -> None:
        abroad = not self.abroad.isdisjoint(columns.words(sent.doc, sent.start, sent.end))
        counted: set[int] = set()  # the people already counted: a figure's noun phrase
        for span in number_spans(sent):
            value = parse_number(columns.text(span))
            if value is None:
                continue
            noun = self._noun(span)
            kind, verb = self._count_kind(noun, abroad)
            if kind is None:
                kind, verb = self._surface(span)
                if verb is not None:
                    counted |= set(range(span.start, verb.i))
            if kind is None or self._topic(verb or span.root):
                continue
            counted |= counted_phrase(noun)
            self._add_count(drafts, verb or span.root, kind, value)
        # "shot and killed a civilian", "a Lamu chief and his assistant were hacked to death"
        for i in self._may_be_one_person(sent):
            if i in counted:
                continue
            token = sent.doc[i]
            if not self._one_person(token):
                continue
            kind, verb = self._count_kind(token, abroad)
            if kind is not None and not self._topic(verb or token):
                counted |= counted_phrase(token)  # "his mother, a police officer": one person
                if pronoun_death(token):  # the doc's other figures decide: stated.py
                    token.doc.user_data.setdefault(LATER_DEATHS, []).append(token.i)
                    continue
                self._add_count(drafts, verb or token, kind, 1)

    def _topic(self, token: Token) -> bool:
        """A death the sentence is about but does not report: "protesting the death of a
        mechanic", "accused of killing him", "attempted to kill a detainee", "residents
        blocked roads after gunmen killed a teacher"; or one it doubts: "nearly killed",
        "killed or wounded"."""
        if uncertain(token):
            return True
        after = False  # in a clause telling what came before
        for _ in range(6):
            after = after or told_before(token)
            if token.head == token or (token.dep_ not in _TOPIC_DEPS and not after):
                return False
            token = token.head
            if token.lemma_.lower() in self.irrealis or (after and self._crowd(token)):
                return True
        return False

    def _crowd(self, verb: Token) -> bool:
        """A crowd's act: "protested", "riots continue", "staged a protest"."""
        words = [verb] + [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
        return any(w.lemma_.lower() in self.crowd_verbs for w in words)

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

    def _one_person(self, token: Token) -> bool:
        """A singular person noun with no figure of its own ("a man", "the chief"), or "him"
        or "her" as the object of a killing."""
        if token.lower_ in ("him", "her") and token.dep_ == "dobj":
            return True
        if pronoun_death(token):
            return True
        # a headline's first word is capitalised: "Officer killed in ambush"; "killing a
        # Palestinian" (a demonym, as the small model tags it)
        demonym = token.tag_ in ("NNP", "JJ") and any(
            c.lower_ in ("a", "an") for c in token.children
        )
        noun = (
            token.tag_ == "NN"
            or (token.tag_ == "NNP" and token.i == columns.sentence_starts(token.doc)[token.i])
            or (demonym and token.lower_ in self.people)
        )
        if not noun or token.dep_ == "compound" or token.lemma_.lower() in self.not_people:
            return False  # "a police officer": one person, not two
        if any(c.dep_ in ("nummod", "quantmod") for c in token.children):
            return False
        if token.lemma_.lower() in self.people:
            return True
        # whoever is killed is a person: "assassinated a prominent figure", "killed his boss"
        return token.dep_ in ("dobj", "nsubjpass") and any(
            c.dep_ in ("det", "poss") for c in token.children
        )

    def _add_count(self, drafts: list[Draft], token: Token, kind: str, value: int) -> None:
        host = self._host(token, drafts)
        if host is not None:
            host.counts[kind] = host.counts.get(kind, 0) + value
        else:  # "Gunmen attacked a camp. One officer reported dead.": the article's event
            token.doc.user_data.setdefault(ORPHANS, []).append((token.i, kind, value))

    def _noun(self, span: Span) -> Token:
        """The noun a figure counts: its head, or the figure itself ("2 were killed")."""
        root = span.root
        if root.dep_ not in ("nummod", "quantmod", "compound"):
            return root
        if root.head.i > root.i:
            noun = root.head
            while noun.dep_ == "compound" and noun.head.i > noun.i:
                noun = noun.head  # "7 rebel fighters": the fighters
            return noun
        # a figure cannot count a noun before it: the parse went wrong ("over the past 24 hours
        # 2 militants were killed" with the commas removed); the noun after the figure
        _, sent_end = columns.sentence_of(root.doc, root.i)
        for token in root.doc[span.end : min(span.end + 5, sent_end)]:
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod"):
                return token
            if token.pos_ not in ("ADJ", "VERB", "PROPN", "NOUN", "CCONJ", "PUNCT"):
                break
        return root

    def _count_kind(self, noun: Token, abroad: bool) -> tuple[str | None, Token | None]:
        """What befell the people a noun counts: ("fatalities", the verb saying so)..."""
        lemma = noun.lemma_.lower()
        if lemma in self.count_nouns:
            return self.count_nouns[lemma], None
        if pronoun_death(noun):
            return "fatalities", noun.head  # "He died later in the day", "his death"
        people = (
            lemma in self.people
            or named_group(noun)
            or noun.like_num
            or noun.lower_ in ("him", "her")
        )
        if not people and (noun.pos_ != "NOUN" or lemma in self.not_people):
            return None, None
        if any(c.lower_ == "dead" for c in noun.children):
            return "fatalities", None  # "leaves one dead"
        if not people:  # not "killed ... in two villages"
            # "lynched three carjackers", "5 suspected witches burned to death"
            subject = noun.dep_ == "nsubj" and headline_passive(noun.head)
            direct = (noun.dep_ in ("dobj", "nsubjpass") or subject) and self._killing(noun.head)
            return ("fatalities", noun.head) if direct else (None, None)
        return self._path_kind(noun, abroad)

    def _killing(self, verb: Token) -> bool:
        """A verb whose object is dead people whatever noun names them."""
        if verb.lower_ == "dead" and verb.head.pos_ == "VERB":
            return True  # "shot dead his boss", the parse making "his boss" dead's object
        if verb.pos_ != "VERB":
            return False
        return to_death(verb) or verb.lemma_.lower() in self.killing_verbs

    def _path_kind(self, noun: Token, abroad: bool) -> tuple[str | None, Token | None]:
        """Up the parse from the counted noun to the verb or noun that says what befell it."""
        if noun.dep_ == "pobj":  # in a phrase, its own participle first: "with 22 killed"
            kind, verb = self._participle(noun, abroad)
            if kind is not None:
                return kind, verb
        token = noun
        for _ in range(4):
            dep = token.dep_
            if (dep == "pobj" and token.head.lower_ == "by") or dep == "agent":
                return None, None  # "killed by two armed men": the killers, not the dead
            if dep == "pobj" and token.head.lower_ in _SUBSET:
                return None, None  # "12 civilians including 7 children": counted already
            first = token is noun and dep == "pobj" and token.head.lower_ == "of"
            if first and describes(token.head.head):
                return None, None  # "a father of four was killed": one dead, not four
            if dep == "conj" and token.pos_ in ("VERB", "AUX"):
                break  # "3 were killed and three rescued": the rescued were not killed
            if dep in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "prep", "meta"):
                token = token.head
            else:
                break
            verb_lemma = token.lemma_.lower()
            if (
                dep in ("nsubj", "meta")
                and token.pos_ == "VERB"
                and verb_lemma not in _INTRANSITIVE_DEATH
                and not headline_passive(token)
            ):
                return None, None  # "a mob kills a robber": the subject acts
            if dep == "dobj" and verb_lemma in _INTRANSITIVE_DEATH:
                return None, None  # "One died, the other three were injured"
            if token.pos_ == "NOUN" and verb_lemma in DEATH_NOUNS and dep == "prep":
                return "fatalities", token  # "the killing of a child", "the death of the commander"
            if token.pos_ in ("ADJ", "VERB") and token.lower_ in self.count_nouns:
                return self.count_nouns[token.lower_], token  # "and eight more wounded"
            kind = self._verb_kind(token, abroad)
            if kind is not None:
                return kind, token
            if token.pos_ == "VERB":  # "were kidnapped and killed", "was shot and killed"
                for conj in token.children:
                    if conj.dep_ == "conj" and not any(
                        c.dep_.startswith("nsubj") for c in conj.children
                    ):
                        kind = self._verb_kind(conj, abroad)
                        if kind is not None:
                            return kind, conj
        return self._participle(noun, abroad)

    def _participle(self, noun: Token, abroad: bool) -> tuple[str | None, Token | None]:
        """ "Six Borana men killed in reprisal attacks", "with 22 fighters killed"."""
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                kind = self._verb_kind(child, abroad)
                if kind is not None:
                    return kind, child
        return None, None

    def _verb_kind(self, token: Token, abroad: bool) -> str | None:
        if token.pos_ in ("VERB", "AUX") and to_death(token):
            return "fatalities"  # "shot dead", "hacked to death", "eight are dead"
        verb_lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "ADJ") and verb_lemma in self.count_verbs:
            kind = self.count_verbs[verb_lemma]
            if verb_lemma == "flee" and abroad:
                kind = "refugees"
            return kind
        return None

    def _surface(self, span: Span) -> tuple[str | None, Token | None]:
        """What the parse missed, read off the words: a figure, its people, then a passive
        death or injury verb ("4 Taliban and/or IS militants were killed")."""
        doc = span.doc
        people = False
        for token in doc[span.end : min(span.end + 8, columns.sentence_of(doc, span.start)[1])]:
            lemma = token.lemma_.lower()
            if token.pos_ in ("NOUN", "PROPN"):
                if lemma in self.count_nouns:
                    return None, None
                people = people or lemma in self.people or named_group(token)
                continue
            if token.pos_ == "VERB" and token.dep_ == "amod":  # "2 suspected militants"
                continue
            if token.pos_ == "VERB" and token.tag_ == "VBN" and people:
                passive = any(c.dep_ == "auxpass" for c in token.children) or (
                    doc[token.i - 1].lemma_ == "be"
                )
                if lemma in self.count_verbs and passive:
                    return self.count_verbs[lemma], token
                return None, None
            if token.pos_ not in ("ADJ", "CCONJ", "AUX", "ADV") and token.text not in ("/", "-"):
                return None, None
        return None, None

    def _host(self, token: Token, drafts: list[Draft]) -> Draft | None:
        candidates = [d for d in drafts if d.event_class != "statement"]
        if not candidates:
            return None
        for d in candidates:
            if d.trigger.start <= token.i < d.trigger.end:
                return d
        return min(candidates, key=lambda d: abs(d.trigger.start - token.i))
