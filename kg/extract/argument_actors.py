"""The actors a word of an event's clause names (split from :mod:`kg.extract.arguments`): the
mentions its phrase holds, a pronoun's antecedent ("they", "he", "it"), a possessive's
("their march ..., the rebels"), the owner of its own means ("its air defences"), and who
speaks a statement ("..., activists said")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns, parse_tree
from kg.extract.antecedents import plural_subject, speaker_subject
from kg.extract.argument_parts import asks, members_of, patrons_of
from kg.extract.drafts import NOT_FIGHTERS, dedup, walk_from
from kg.extract.found import Mentions
from kg.extract.lexicon import Lexicon
from kg.extract.reporters import GROUP_PRONOUNS, appended_tellers, pronoun_speaker
from kg.extract.stance import cataphor_subjects
from kg.model import ActorType

__all__ = ["ArgumentActors"]

_PRONOUNS = frozenset({"they", "it", "he", "she", "which", "who", "them", "we"})
_PERSONAL = frozenset({"he", "she"})  # stand for a person, never for forces or a group
_PERSON_REACH = 120  # tokens back where "he" may find its person (a few sentences)
_POSSESSIVES = frozenset({"their", "its"})


class ArgumentActors:
    """Built once with the lexicon's word lists, asked for every argument of every trigger."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.speaking = lexicon.word_set("modality", "speaking_verbs")
        self.own_means = lexicon.word_set("modality", "own_means")
        self.affiliates = lexicon.word_set("modality", "affiliate_nouns")
        self.reporting = lexicon.word_set("modality", "reporting_verbs")

    def actors(
        self,
        doc: Doc,
        token: int,
        mentions: Mentions,
        stop: set[int],
        previous: list[str],
        subject: bool = False,
    ) -> list[str]:
        """The actors the word at ``token`` names: the mentions its phrase holds (not those
        of its members or patrons: "members of X"), a pronoun's or a possessive's antecedent,
        the owner of its own means ("its air defences")."""
        if columns.lowers(doc)[token] in _PRONOUNS:
            if asks(doc[token]):
                return []
            return self._antecedent(doc, token, mentions, previous)
        if columns.lowers(doc)[token] in _POSSESSIVES:  # "in their march ..., the rebels"
            named = cataphor_subjects(parse_tree.tree(doc), token)
            if not named and subject:  # "militants launched their attack": the actor before
                return self._antecedent(doc, token, mentions, previous)
            return [k for s in named for k in self.actors(doc, s, mentions, stop, [])]
        keys = []
        whose = members_of(doc, token, mentions)
        whose |= patrons_of(doc, token, mentions, self.affiliates)
        for i in walk_from(doc, token, stop):
            if i in whose:
                continue
            found = mentions.at(i)
            if found is not None and found.kind == "place" and not subject:
                found = mentions.attacked.get(i, found)  # "attacked Israel": its state
            if found is not None and found.kind == "actor" and found.key not in keys:
                keys.append(found.key)
        if not keys and subject and columns.lemma_lowers(doc)[token] in self.own_means:
            # "the military said its air defences shot down drones": the owner's own means
            owner = [c for c in doc[token].children if c.dep_ == "poss"]
            if owner and owner[0].lower_ in _POSSESSIVES:
                return self._antecedent(doc, owner[0].i, mentions, previous)
        return keys

    def _antecedent(
        self, doc: Doc, pronoun: int, mentions: Mentions, previous: list[str]
    ) -> list[str]:
        sent_start, _ = columns.sentence_of(doc, pronoun)
        if columns.lowers(doc)[pronoun] in _PERSONAL:  # "he said": a person, maybe told before
            for i in range(pronoun - 1, max(0, pronoun - _PERSON_REACH) - 1, -1):
                found = mentions.at(i)
                if found is not None and found.actor_type is ActorType.PERSON:
                    return [found.key]
            return []
        speaker = speaker_subject(doc, pronoun, self.speaking)
        if speaker is not None:
            # "the ministry denied targeting civilians and said it had struck depots": it
            # speaks of itself, not of those named in between; "the NAS statement says that
            # they repulsed the attack": the actor its subject names
            said = (mentions.at(t.i) for t in doc[speaker].subtree)
            return dedup([f.key for f in said if f is not None and f.kind == "actor"])
        singular = columns.lowers(doc)[pronoun] == "it"
        # an object pronoun never stands for its own verb's subject: "police arrested them"
        subject = {f.key for i in _own_subject(doc[pronoun]) if (f := mentions.at(i)) is not None}
        for i in range(pronoun - 1, sent_start - 1, -1):
            found = mentions.at(i)
            if found is not None and found.kind == "actor" and found.actor_type not in NOT_FIGHTERS:
                if singular and plural_subject(doc, found, pronoun):
                    continue  # "the fighters ... before storming it": not the fighters
                if found.key in subject:
                    continue
                return [found.key]
        return [k for k in previous if k not in subject][:1]

    def statement_speaker(self, head: Token, mentions: Mentions, stop: set[int]) -> list[str]:
        """Who speaks a statement: the subject of its verb, an apposition of tellers, or the
        name just before the verb."""
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:  # "X advanced ..., activists said": the subject nearest the verb speaks
            subject = max(c.i for c in subjects)
            if head.doc[subject].lower_ in GROUP_PRONOUNS:
                return pronoun_speaker(head, subject, mentions)
            return self.actors(head.doc, subject, mentions, stop, [])
        before = head.doc[max(head.i - 1, 0)]
        told = [t for t in (before, *before.ancestors) if appended_tellers(t, self.reporting)]
        if told:  # "killing 12 soldiers, an officer and residents said": the apposition
            return self.actors(head.doc, told[0].i, mentions, stop - {told[0].i}, [])
        # "..., the Syrian Observatory for Human Rights said": the name just before the verb
        i = head.i - 1
        sent_start, _ = columns.sentence_of(head.doc, head.i)
        while i >= sent_start and (head.doc[i].is_punct or head.doc[i].pos_ == "ADV"):
            i -= 1
        found = mentions.at(i) if i >= sent_start else None
        return [found.key] if found is not None and found.kind == "actor" else []


def _own_subject(pronoun: Token) -> set[int]:
    """The tokens of the subject of the verb a pronoun is the object of ("police arrested
    them", "soldiers fired at them"): a pronoun that is no reflexive does not stand for its
    own clause's subject."""
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif pronoun.dep_ != "dobj":
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
