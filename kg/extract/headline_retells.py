"""Whether a story's body retells its headline's happening (:func:`retells`), and what the
headline's words tell of places (:class:`Places`), of its stories ("Clashes kill 7 in Lowtown;
strike hits Hightown": :func:`story_of`) and of its second clause (:func:`second_clause`):
the tests :func:`kg.extract.headline_fold.fold_headline` folds a headline's event by."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from kg.extract.drafts import Draft
from kg.extract.found import Mentions
from kg.extract.twins import family
from kg.model import PlaceType

__all__ = ["Places", "retells", "second_clause", "story_of"]

_STORY_BREAK = ";"  # a headline's two stories: "Clashes kill 7 in Lowtown; strike hits Hightown"
# the event types of armed violence, among which a headline's killing may be the lead's
_VIOLENT = frozenset({"battles", "explosions-remote-violence", "violence-against-civilians"})
_CONTENT = frozenset({"VERB", "NOUN"})  # a trigger's words that tell what happened
_CLASH = "armed-clash"  # a fight both sides wage: its agents and targets may swap
_CROWDS = frozenset({"protests", "riots"})  # a crowd and the police that act on it
# the kinds of event a headline that names no side may tell by a loose word ("Houses torched
# in clashes", "... as crowd storms parliament") over a lead that tells who did what
_LOOSE = _VIOLENT | _CROWDS
# the kinds of event told by many words of many happenings: two of them tell no one word
_WIDE = frozenset({"attack", _CLASH, "statement"})


def story_of(headline: Draft) -> range:
    """The tokens of the headline's story that its event's trigger tells: a semicolon parts
    a headline's stories ("Clashes kill 7 in Lowtown; air strike hits near Hightown": the
    clashes took no place at Hightown; "Rebels kidnap teachers; army imposes curfew": the army
    is no one they kidnapped)."""
    sentence = headline.trigger.sent
    trigger = headline.trigger.start
    stops = [t.i for t in sentence if t.text == _STORY_BREAK]
    start = max((i + 1 for i in stops if i < trigger), default=sentence.start)
    return range(start, min((i for i in stops if i > trigger), default=sentence.end))


def second_clause(verb: Token) -> range | None:
    """The tokens of a headline's second clause, with its own subject, that ``verb`` tells
    ("Strike kills three, rebels fire rockets in reply": from "rebels" on, whether the parser
    hangs the second verb on the first or the first on the second), or None where ``verb``
    tells the first clause."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    start = subject.left_edge.i
    sentence = verb.sent
    before = (
        t for t in sentence[: start - sentence.start]
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in t.children)
    )  # fmt: skip
    return range(start, verb.right_edge.i + 1) if next(before, None) is not None else None


class Places:
    """What the text tells of places: those the headline names, and which lies in which."""

    def __init__(
        self,
        mentions: Mentions,
        named: set[str],
        doc: Doc | None = None,
        qualifiers: frozenset[str] = frozenset(),
    ) -> None:
        self.mentions, self.named, self.doc = mentions, named, doc
        self.qualifiers = qualifiers  # "Indian", "northern": "Indian Kashmir" is Kashmir

    def holds(self, outer: str, inner: str) -> bool:
        """Whether the place ``inner`` lies in the place ``outer``, as the text tells: in the
        country its name or the gazetteer puts it in, or in the place named beside it."""
        found, place = self.mentions.at_key(outer), self.mentions.at_key(inner)
        if found is None or found.kind != "place" or outer == inner:
            return False
        if place is not None and place.within == outer:
            return True
        country = self.mentions.place_countries.get(inner)
        return found.place_type is PlaceType.COUNTRY and bool(country) and country == found.country

    def may_hold(self, outer: str, inner: str) -> bool:
        """Whether ``outer`` is a country and ``inner`` a place neither its name, the text nor
        the gazetteer puts in any country ("... wounds two in Lowland" over "... shelled the
        town of Hightown"): the town the story tells may lie in the headline's country."""
        found, place = self.mentions.at_key(outer), self.mentions.at_key(inner)
        if found is None or found.kind != "place" or found.place_type is not PlaceType.COUNTRY:
            return False
        return (
            place is not None
            and place.kind == "place"
            and place.place_type is not PlaceType.COUNTRY
            and not place.country
            and place.within is None
            and not self.mentions.place_countries.get(inner)
        )

    def agree(self, a: str, b: str) -> bool:
        return (
            a == b
            or self.holds(a, b)
            or self.holds(b, a)
            or self.qualifies(a, b)
            or self.qualifies(b, a)
        )

    def qualifies(self, longer: str, name: str) -> bool:
        """Whether the place ``longer`` is the place ``name`` with a qualifier before it: a
        nationality or a compass word (``qualifiers``: "Indian Kashmir", "northern Lowland" of
        "Lowland"), neither a country ("South Sudan" is not Sudan)."""
        outer, inner = self.mentions.at_key(longer), self.mentions.at_key(name)
        if self.doc is None or outer is None or inner is None or outer.kind != "place":
            return False
        if PlaceType.COUNTRY in (outer.place_type, inner.place_type):
            return False
        words = [t for t in self.doc[outer.start : outer.end] if not t.is_punct]
        own = inner.label.lower().split()
        head = len(words) - len(own)
        if head < 1 or [t.lower_ for t in words[head:]] != own:
            return False
        return all(t.lower_ in self.qualifiers for t in words[:head])

    def own(self, headline: Draft) -> list[str]:
        """The places of a headline's event its own clause names: all of them, but for a
        second clause with its own subject ("Rebels fire rockets at base in Lowtown, army
        strikes back": the army's strike took no place the first clause names)."""
        clause = second_clause(headline.trigger[0])
        if clause is None:
            return self._outside_other_stories(headline)
        return [
            key for key in headline.places
            if any(f.key == key and f.start in clause for f in self.mentions.found)
        ]  # fmt: skip

    def _outside_other_stories(self, headline: Draft) -> list[str]:
        """A headline's places but those only another story of it names (``story_of``)."""
        sentence = headline.trigger.sent
        story = story_of(headline)
        found = [f for f in self.mentions.found if sentence.start <= f.start < sentence.end]
        return [
            key for key in headline.places
            if not any(f.key == key for f in found)
            or any(f.key == key and f.start in story for f in found)
        ]  # fmt: skip

    def told_in(self, key: str, sentence: Span) -> bool:
        """Whether ``sentence`` names the place ``key`` ("the village of Lowtown in Ruritania
        state": the state of the village, its event's place), or the place a qualified name
        ``key`` qualifies ("Indian Lowland" over "the Hightown district of Lowland"); not by
        a noun that stands for a place named before ("on their way to the city")."""
        return any(
            (f.key == key or self.qualifies(key, f.key))
            and sentence.start <= f.start < sentence.end
            and not f.resolved
            for f in self.mentions.found
        )


def _killing(trigger: Token, killing: frozenset[str]) -> bool:
    """A headline's killing: its verb ("RSF kills dozens") or the act a verb of killing
    was done in ("Gangs kill 40 in attack on town")."""
    if trigger.lemma_.lower() in killing:
        return True
    if trigger.dep_ != "pobj":
        return False
    # the verb above the "in" phrase (hung on the toll, "kill at least 40 in attack", or on it)
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in killing


def retells(
    headline: Draft,
    body: Draft,
    unnamed: Callable[[str], bool],
    places: Places,
    killing: frozenset[str] = frozenset(),
    lead: bool = True,
) -> bool:
    """Whether ``body`` tells the happening of ``headline``: one family of event types (or a
    headline's killing, "RSF kills dozens", that the body tells with its means, "killed 35 in
    an artillery barrage": shelling; ``killing``: the verbs of killing; or, where ``body`` is
    of the lead's paragraphs, a headline that names no side, ``_kinds_agree``), actors
    that agree or are unnamed on one side, the same toll or one side none, no conflicting
    date, the side that acts not the one acted on in the other (``_reversed``), each place
    of the headline's (those its own clause names, ``Places.own``) one of the body's,
    holding or held by one (or a country that may hold a place no one puts in a country:
    ``Places.may_hold``), or named in the body's sentence (or none on one side); and two
    things that tie them of an actor both name, a place the headline names that agrees with
    one of the body's, the toll both give, and the word both tell it with (``_same_word``).
    A headline's place the text does not tie to the body's (a town's province, which only
    the gazetteer knows) needs the three other ties."""
    sides = {*headline.agents, *headline.targets}
    if not _kinds_agree(headline, body, killing, lead and not sides):
        return False
    if _reversed(headline, body):
        return False
    named_h = {k for k in (*headline.agents, *headline.targets) if not unnamed(k)}
    named_b = {k for k in (*body.agents, *body.targets) if not unnamed(k)}
    if named_h and named_b and not named_h & named_b:
        return False
    toll_h, toll_b = headline.counts.get("fatalities"), body.counts.get("fatalities")
    if toll_h is not None and toll_b is not None and toll_h != toll_b:
        return False
    if not (headline.time_inherited or body.time_inherited or headline.date == body.date):
        return False
    own = places.own(headline)
    agree = {
        h for h in own
        if any(places.agree(h, b) or places.may_hold(h, b) for b in body.places)
        or places.told_in(h, body.sentence)
    }  # fmt: skip
    ties = (
        # a headline that names no side sets none against the lead's (not against an event
        # further down, which may be any other of the story's happenings)
        (lead and not sides) or bool(sides & {*body.agents, *body.targets}),
        toll_h is not None and toll_h == toll_b,
        _same_word(headline, body),
    )
    # a place the body's sentence does not name (the article's country, which events with
    # no place of their own take) sets no headline's place against it
    if any(places.told_in(b, body.sentence) for b in body.places) and len(agree) < len(own):
        # a place the text does not tie to the body's ("... kill 9 in rebel-held Idlib" over
        # "... killed nine people in the town of Ariha": Idlib's, which only the gazetteer
        # knows) only with every other tie: an actor, the toll and the word both name
        return all(ties)
    return sum(ties) + bool(agree & places.named) >= 2


def _kinds_agree(headline: Draft, body: Draft, killing: frozenset[str], loose: bool) -> bool:
    """Whether the body's event may be of the headline's kind: of one family; or both armed
    violence where the headline tells a killing (``_killing``) or the body's own word ("Rebels
    attack army base" over "rebels attacked the base with drones": a drone strike); or both
    violence or a crowd's where the headline names no side and the body is the lead
    (``loose``), its one loose word no kind of its own ("Houses torched in clashes" over
    "gunmen killed three people")."""
    pair = {family(headline.event_class), family(body.event_class)}
    if len(pair) == 1:
        return True
    if pair <= _VIOLENT and (
        _killing(headline.trigger[0], killing) or _shared_lemma(headline, body)
    ):
        return True
    return loose and pair <= _LOOSE


def _reversed(headline: Draft, body: Draft) -> bool:
    """ "Rebels fire rockets at base, ..." over "the army struck the rebels' positions": the
    side that acts in one is only acted on in the other, a reply and no retelling (but in a
    clash, where either side may be told first, nor in a protest or a riot: "supporters
    marching on Lowtown" over "police fired tear gas at supporters", the crowd and its police)."""
    if _CLASH in (headline.event_class, body.event_class):
        return False
    if {family(headline.event_class), family(body.event_class)} <= _CROWDS:
        return False
    h_agents, b_agents = set(headline.agents), set(body.agents)
    if not h_agents or not b_agents or h_agents & b_agents:
        return False
    return bool(h_agents & set(body.targets) or b_agents & set(headline.targets))


def _same_word(headline: Draft, body: Draft) -> bool:
    """Whether the headline tells its happening with the lead's own word ("Police fire tear
    gas ..." over "police opened fire on protesters ...", "Rebels seize town" over "rebels
    seized the town of ..."): its trigger and the body's share a content word's lemma, or
    words of one kind no wider than an attack ("Gunmen abduct students" over "bandits
    kidnapped 120 students": an abduction both)."""
    if headline.event_class == body.event_class and headline.event_class not in _WIDE:
        return True
    return _shared_lemma(headline, body)


def _shared_lemma(headline: Draft, body: Draft) -> bool:
    """Whether the two triggers share a content word's lemma ("attack", "attacked")."""
    words = {t.lemma_.lower() for t in headline.trigger if t.pos_ in _CONTENT}
    return bool(words & {t.lemma_.lower() for t in body.trigger if t.pos_ in _CONTENT})
