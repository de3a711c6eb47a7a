"""What a draft's words tell of its act, which the classifier
(:class:`kg.extract.classify.Classifier`) reads to change its trigger class: weapons seized,
found or defused ("seized weapons", "a bomb was defused"), a death told ("a dead woman was
found"), ground only held or a building occupied, fighters driven off, state forces' raids
that detain, a strike that is a protest ("teachers struck over pay"), an article that names
aircraft anywhere, and one that tells a crowd's violence outside a protest's sentences
("Clashes erupted between police and protesters"), which makes the protest violent."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract import columns
from kg.extract.drafts import ARMED, Draft
from kg.extract.happenings import Happenings
from kg.extract.lexicon import Lexicon
from kg.extract.sentence_towns import SentenceTowns
from kg.extract.told import police_kit, without_grievance
from kg.extract.trigger_args import object_lemmas
from kg.model import ActorType

__all__ = ["ClassCues"]

_EXPLOSIVES = frozenset(
    {"remote-explosive-landmine-ied", "grenade", "suicide-bomb", "chemical-weapon",
     "shelling-artillery-missile-attack"}
)  # fmt: skip
_DETAINING = frozenset({"arrest", "arrested", "detain", "detained", "custody"})
# what these words head is the background or topic of a sentence, not its event
_ASIDE = frozenset(
    {"after", "since", "following", "before", "because", "on", "about", "over", "against"}
)


class ClassCues:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon, protest_lemmas: frozenset[str]) -> None:
        """``protest_lemmas``: the lemmas of the protest triggers, whose grievances ("rallied
        against police violence") tell no violence of the crowd."""
        self.air_words = lexicon.word_set("events", "air_words")
        self.armed_objects = lexicon.word_set("events", "armed_objects")
        self.crowd_violence = lexicon.word_set("events", "crowd_violence_words")
        self.calm_words = lexicon.word_set("events", "calm_words")
        self.calm_begun = lexicon.word_set("events", "calm_begun")
        self.armed_fight = lexicon.word_set("events", "armed_fight_words")
        self.crowd_words = lexicon.word_set("events", "protest_crowds") | lexicon.word_set(
            "events", "crowded_words"
        )
        self.death_words = lexicon.word_set("events", "death_words")
        self.disarm_verbs = lexicon.word_set("events", "disarm_verbs")
        self.labour_words = lexicon.word_set("events", "labour_words")
        self.occupied_buildings = lexicon.word_set("events", "occupied_buildings")
        self.protest_lemmas = protest_lemmas
        self.protest_words = lexicon.word_set("events", "protest_words")
        self.violence_words = lexicon.word_set("events", "violence_words")
        self.weapon_words = lexicon.word_set("events", "weapon_words")
        self.happenings = Happenings(lexicon)  # where the article turns to another happening
        self.towns = SentenceTowns(lexicon)  # the towns sentences name

    def death_told(self, d: Draft, of_body: bool) -> bool:
        """A death told as done in the sentence: "died", "killed", "dead", "beheaded" (not the
        nouns of a topic: "the circumstances of his murder", "the body of a murder victim"), and
        for a body, not in its own "of" phrase ("the body of a man killed last year")."""
        aside = {t.i for c in d.trigger.root.children if c.dep_ == "prep" for t in c.subtree}
        return any(
            t.pos_ not in ("NOUN", "PROPN")
            and (t.lemma_.lower() in self.death_words or t.lower_ in self.death_words)
            and not (of_body and t.i in aside)
            for t in d.sentence
        )

    def article_flies(self, d: Draft) -> bool:
        """Whether the article names aircraft, drones or airstrikes anywhere."""
        doc = d.sentence.doc
        lemmas = columns.memo(doc, "article_lemmas", lambda: frozenset(columns.lemma_lowers(doc)))
        return bool(lemmas & self.air_words)

    def occupied_only(self, d: Draft, objects: frozenset[str]) -> bool:
        """Whether "occupy" tells no ground taken: ground held ("the areas occupied by the
        rebels", a participle after its noun) or a building ("occupied the parliament")."""
        head = d.trigger[0]
        if head.lemma_.lower() != "occupy":
            return False
        return head.dep_ in ("acl", "amod") or bool(objects & self.occupied_buildings)

    def fighters_ousted(self, d: Draft, types: dict[str, ActorType]) -> bool:
        """Whether a verb of driving off acts on fighters or their attack ("drove back the
        militants", "pushed back an attack"), not on people ("driving out the population")."""
        if any(types.get(t) in ARMED for t in d.targets):
            return True
        return bool(object_lemmas(d) & (self.armed_objects | {"attack", "assault", "offensive"}))

    def position_destroyed(self, d: Draft, types: dict[str, ActorType]) -> bool:
        """ "Troops destroyed a rebel position", "militants destroyed an army outpost": armed
        men's destruction of what armed men hold (``armed_objects``, the object's own noun) is
        a fight with them, not the looting or property destruction of civilians' things."""
        if not any(types.get(a) in ARMED for a in d.agents):
            return False
        return any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.armed_objects
            for c in d.trigger.root.children
        )

    def raid_to_detain(self, d: Draft, lemmas: frozenset[str], types: dict[str, ActorType]) -> bool:
        """State forces' raids that detain people are arrests (a non-state group's are
        abductions)."""
        state = bool(d.agents) and all(types.get(a) == ActorType.STATE_FORCES for a in d.agents)
        return state and d.trigger[0].lemma_.lower() == "raid" and bool(lemmas & _DETAINING)

    def disarmed(self, d: Draft, objects: frozenset[str]) -> bool:
        """Weapons seized, found or destroyed ("destroyed an IED cache"), or an explosive
        named as the object of such a verb ("cleared 300 landmines", "a bomb was defused")."""
        verb = d.trigger[0].lemma_.lower()
        if d.event_class in ("territory", "weapons-find") or verb in self.disarm_verbs:
            return bool(objects & self.weapon_words)
        if d.event_class not in _EXPLOSIVES:
            return False
        root = d.trigger.root
        if root.dep_ == "compound":  # "rocket bombs"
            root = root.head
        if any(c.dep_ == "acl" and c.lemma_.lower() in self.disarm_verbs for c in root.children):
            return True  # "bombs discovered by fishermen", "a mine found near the road"
        while root.dep_ == "conj" or (root.dep_ == "pobj" and root.head.lower_ == "of"):
            root = root.head if root.dep_ == "conj" else root.head.head  # "dozens of rockets"
        return (
            root.dep_ in ("dobj", "nsubjpass")
            and root.head.lemma_.lower() in self.disarm_verbs
            and root.head.dep_ != "xcomp"  # "killed while trying to defuse a bomb": the bomb's
        )

    def strike_kind(self, d: Draft) -> str:
        """ "Teachers struck over pay": a protest; "bandits struck the village": an attack."""
        subjects = {
            t.lemma_.lower() for c in d.trigger[0].children if c.dep_ == "nsubj" for t in c.subtree
        }
        if subjects & (self.labour_words | self.protest_words) - self.violence_words:
            return "peaceful-protest"
        return "attack"

    def told_calm(self, sentence: Span) -> bool:
        """Whether the sentence calls its protest peaceful ("hundreds marched peacefully", "a
        peaceful sit-in"), not only at its start ("began peacefully", "initially peaceful, the
        march ..."): violence the article tells elsewhere is then another crowd's or day's."""
        lemmas = columns.words(sentence.doc, sentence.start, sentence.end)
        return bool(lemmas & self.calm_words) and not lemmas & self.calm_begun

    def violence_elsewhere(self, window: Span) -> bool:
        """Whether the article's other sentences tell violence of a crowd ("Clashes erupted
        between police and protesters", "the scene of escalating violence"), not in a
        protest's grievance ("rallied against police violence"), nor in a sentence that names
        only other towns than the protest's own names ("Protesters stoned police in Lowtown.
        Demonstrations also took place in Hightown": the crowd in Hightown did no violence); a
        sentence that names none is where the last one that named some was."""
        doc = window.doc
        for i in self.crowd_violence_at(doc):
            if window.start <= i < window.end:
                continue
            if self.towns.apart(doc, (window.start, window.end), columns.sentence_of(doc, i)):
                continue  # "... in Hightown. Demonstrations also took place in Lowtown": apart
            return True
        return False

    def _armed_fight(self, doc: Doc, i: int) -> bool:
        """Whether token ``i``'s sentence names armed men and no crowd: "Troops clashed with
        rebels", not "Troops clashed with protesters"."""
        start, end = columns.sentence_of(doc, i)
        lemmas = columns.words(doc, start, end)
        return bool(lemmas & self.armed_fight) and not lemmas & self.crowd_words

    def crowd_violence_at(self, doc: Doc) -> tuple[int, ...]:
        """The tokens of ``doc`` that tell a crowd's violence, outside grievances and asides
        and sentences of armed men's fights that name no crowd ("troops clashed with rebels");
        the same for every draft of the article, so found once per Doc."""
        key = f"kg.crowd_violence.{id(self)}"
        found: tuple[int, ...] | None = doc.user_data.get(key)
        if found is not None:
            return found
        lemma, lower = columns.lemma_lowers(doc), columns.lowers(doc)
        words = self.crowd_violence
        found = ()
        if any(lemma[i] in words or lower[i] in words for i in range(len(doc))):
            dep = columns.deps(doc)
            aside = {
                x.i
                for i in range(len(doc))
                if dep[i] in ("prep", "mark") and lower[i] in _ASIDE
                for x in (doc[i].subtree if dep[i] == "prep" else doc[i].head.subtree)
            }  # "after the riots in the prisons", "the campaign on violence against women"
            found = tuple(
                i
                for i in without_grievance(doc[:], self.protest_lemmas)
                if (lemma[i] in words or lower[i] in words)
                and i not in aside
                and not police_kit(doc, i)  # "riot police fired tear gas"
                and not self._armed_fight(doc, i)
            )
        doc.user_data[key] = found
        return found
