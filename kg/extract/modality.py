"""Whether a trigger tells what happened: negation, modals, intentions, causes, denials.

Triggers under a negation ("did not attack", "no arrests were made"), "any" ("any attack
would be answered"), a modal ("may attack"),
an intention verb ("trying to recapture", "a planned attack"), a topic noun ("demanding the
arrest of"), in a clause a verb of denial governs ("denied that it attacked"), or brought about
by a verb of causing that did not happen ("could lead to clashes") did not happen. The words
are the lexicon's ``[modality]`` lists (``kg/data/lexicon.toml``).
"""

from __future__ import annotations

from kg.extract.lexicon import Lexicon
from kg.extract.parse_tree import Tree, subtree
from kg.extract.stance import committed

# determiners of a trigger noun that name no particular happening: "no arrests were made",
# "warned that any attack would not go unanswered", "condemned any attack on civilians"
_NO_PARTICULAR = frozenset({"no", "any"})
# the names that pin what is to stop to one occasion: "an end to the attacks that killed 12"
_PINNING = frozenset({"DATE", "TIME", "CARDINAL"})
_NOUNS = frozenset({"NOUN", "PROPN"})  # "the Cessation of Hostilities"
# what a noun of forbidding names the forbidden act with: "a ban on protests"
_FORBIDDEN = frozenset({"on", "of", "against"})
# what a word describing people by an act names it with: "involved in", "wanted over"; and the
# determiners that point back at one told ("the attacks", not "implicated in murder")
_DESCRIBED_BY = frozenset({"in", "for", "over"})
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})


class Modality:
    """The modality word lists, and the tests that read them over a sentence's parse."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.irrealis = lexicon.word_set("modality", "irrealis_verbs")
        self.modals = lexicon.word_set("modality", "modal_auxiliaries")
        self.light_verbs = lexicon.word_set("modality", "light_verbs")
        self.committed = lexicon.word_set("modality", "commitment_words")
        self.causing = lexicon.word_set("modality", "causing_verbs")
        self.denials = lexicon.word_set("modality", "denial_verbs")
        self.path_verbs = lexicon.word_set("modality", "path_verbs")
        self.ending_nouns = lexicon.word_set("modality", "ending_nouns")
        self.describing = lexicon.word_set("modality", "describing_words")
        self.forbidding_nouns = lexicon.word_set("modality", "forbidding_nouns")
        self.forbidding_verbs = lexicon.word_set("modality", "forbidding_verbs")
        self.ending_infinitives = lexicon.word_set("modality", "ending_infinitives")

    def unreal(self, t: Tree, i: int) -> bool:
        dep, lower, kids, head = t.dep, t.lower, t.kids, t.head
        for c in kids[i]:
            if dep[c] == "neg" or (dep[c] == "det" and lower[c] in _NO_PARTICULAR):
                return True  # "did not attack", "no arrests were made", "any attack on us"
            if dep[c] == "aux" and lower[c] in self.modals:
                return True
            if dep[c] in ("amod", "compound") and t.lemma[c] in self.irrealis:
                return True  # "a planned attack", "for planning attacks"
        if t.pos[i] in ("NOUN", "PROPN") and self._to_be_ended(t, i):
            return True
        if dep[i] == "relcl" and t.pos[head[i]] in _NOUNS and self._to_be_ended(t, head[i]):
            return True  # "to end its strikes that kill civilians": what they do, as a rule
        if t.pos[i] in ("NOUN", "PROPN") and dep[i] in ("dobj", "pobj", "nsubjpass"):
            governor = head[head[i]] if dep[i] == "pobj" else head[i]
            # "demanding the arrest of", "protest against the killing": a topic, not an event
            topic = lower[head[i]] in self.irrealis and not (
                dep[i] == "pobj" and t.lemma[governor] in self.path_verbs
            )  # "ran over an IED": the way the vehicle went
            if t.lemma[governor] in self.irrealis or topic:
                return True
            if self._describes(t, i, governor):
                return True
            if dep[i] != "pobj" and t.lemma[head[i]] in self.forbidding_verbs:
                return True  # "banned all street demonstrations": a kind of act forbidden
            if self.to_end(t, i):
                return True
            if self.unrealised_cause(t, i):
                return True
        if dep[i] == "acl" and t.tag[i] == "VBG" and t.pos[head[i]] in ("NOUN", "PROPN"):
            return self.unreal(t, head[i])  # "the threat of attacks targeting the base"
        if (
            dep[i] == "acl" and t.tag[i] == "VBN" and dep[head[i]] == "dobj"
            and t.pos[head[head[i]]] == "VERB"
        ):  # fmt: skip
            return self.unreal(t, head[head[i]])  # "vowed to retake territory lost to them"
        if self.denied(t, i):
            return True
        while dep[i] in ("xcomp", "conj") and head[i] != i:
            # a verb joined to another by "and" is done as that one is ("did not stop and
            # search"), whatever that one's verb ("stopped and looted a boat", "threatened
            # and beat them"): an intention verb governs only its infinitive (and a noun the
            # parse joins to it is its object: "condemns the attack and the bombings")
            joined = dep[i] == "conj" and t.pos[i] == "VERB"
            i = head[i]
            if (not joined and t.lemma[i] in self.irrealis) or lower[i] in self.committed:
                return True  # "trying to recapture", "determined to destroy"
            if any(dep[c] == "neg" or (dep[c] == "aux" and lower[c] in self.modals)
                   for c in kids[i]):  # fmt: skip
                return True  # "we will continue to strike"
        return committed(t, i, self.committed, self.light_verbs)

    def _describes(self, t: Tree, i: int, governor: int) -> bool:
        """ "militants involved in the attacks", "held responsible for the raid": the act a word
        describing people by it names (``describing_words``), pointed back at, was told before,
        no new one ("a reservist implicated in murder of a farmer" tells the murder)."""
        return (
            t.dep[i] == "pobj"
            and t.lower[t.head[i]] in _DESCRIBED_BY
            and t.lemma[governor] in self.describing
            and any(t.dep[c] == "poss" or t.lower[c] in _DEFINITE for c in t.kids[i])
            and (t.pos[governor] == "NOUN" or t.dep[governor] in ("acl", "amod", "acomp", "oprd"))
        )

    def to_end(self, t: Tree, i: int) -> bool:
        """ "called for an end to the regime's attacks on Aleppo", "a halt to the fighting":
        what is to stop is a series going on, no new happening; so is a kind of act forbidden
        ("defied a ban on protests"); unless a number or a day pins one occasion ("an end to
        the attacks that killed 12 on Monday")."""
        prep = t.head[i]
        if t.dep[i] != "pobj" or t.dep[prep] != "prep" or t.pos[t.head[prep]] not in _NOUNS:
            return False
        noun, word = t.lemma[t.head[prep]], t.lower[prep]
        ending = noun in self.ending_nouns and word in ("to", "of")
        if not ending and not (noun in self.forbidding_nouns and word in _FORBIDDEN):
            return False
        return not any(t.ent_type[k] in _PINNING for k in subtree(t, i))

    def _to_be_ended(self, t: Tree, i: int) -> bool:
        """ "press the regime to end its attacks and strikes": the objects of an infinitive of
        ending."""
        while t.dep[i] == "conj" and t.head[i] != i:
            i = t.head[i]
        verb = t.head[i]
        return (
            t.dep[i] == "dobj"
            and t.lemma[verb] in self.ending_infinitives
            and any(t.dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[verb])
        )

    def unrealised_cause(self, t: Tree, i: int) -> bool:
        """ "could lead to clashes", "may spark attacks", "threatens to trigger violence": what
        a verb of causing brings about happened only if the verb did ("may have sparked
        clashes": the clashes happened; "killed in an attack": no verb of causing)."""
        dep, head = t.dep, t.head
        if dep[i] == "pobj" and t.lower[head[i]] not in ("to", "into", "in"):  # "result in"
            return False
        verb = head[head[i]] if dep[i] == "pobj" else head[i]
        if t.pos[verb] != "VERB" or t.lemma[verb] not in self.causing:
            return False
        if any(dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[verb]):
            return False  # "may have sparked": what may have happened is told as done
        return self.unreal(t, verb)

    def denied(self, t: Tree, i: int) -> bool:
        """ "X denied that it attacked Y", "the army denied reports that it shelled the
        town": a clause a verb of denial, or its object, governs."""
        while t.dep[i] == "conj" and t.head[i] != i:
            i = t.head[i]  # "denied that it attacked and looted the town"
        governor = t.head[i]
        if t.dep[i] == "ccomp" and t.pos[governor] == "VERB":
            return t.lemma[governor] in self.denials
        if t.dep[i] in ("acl", "ccomp") and t.pos[governor] == "NOUN" and t.dep[governor] == "dobj":
            return t.lemma[t.head[governor]] in self.denials
        return False


__all__ = ["Modality"]
