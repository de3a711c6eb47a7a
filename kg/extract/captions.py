"""Photo captions before the story: "Soldiers stand beside weapons found near the town on
March 3, 2020. AFP. Police said they had arrested three men ...". A caption tells in the present
tense, dated to the year and credited, what a picture shows, often the story's aftermath or
setting; the story's own sentences tell the event. Events of a caption rank below the story's.
(Notes written wholly in the present tense, "Herders clash in the village", are no captions:
they give no year and credit no photo.)"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

# what a story tells that outranks its caption: violence and protests, not the strategic
# developments (agreements, deployments) a story gives as its setting
_STORY = frozenset(
    s for parent, subs in ACLED_EVENT_TYPES.items() if parent != "strategic-developments"
    for s in subs
)  # fmt: skip

# the present simple: "forces deploy", "a soldier inspects"
_PRESENT = frozenset({"VBZ", "VBP"})
# present tense verbs a story is told with: "police say", "the report shows"
_TELLING = frozenset(
    {"be", "have", "say", "tell", "report", "claim", "show", "confirm", "add", "state", "quote"}
)  # fmt: skip
_CAPTION_WORDS = re.compile(r"\b(?:photo|photos|pictured|file image)\b", re.I)
# the agencies a photo is credited to, as the word after a caption
_CREDITS = frozenset({"afp", "ap", "reuters", "getty", "epa", "xinhua", "anadolu", "file"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LOWER = 0.25  # the lead bonus (confidence._confidence) and more

__all__ = ["is_caption", "lower_captions"]


def is_caption(sent: Span) -> bool:
    """Whether a sentence reads as a photo caption: a credit to a photo, or its main verb in
    the present simple ("Rebel fighters take away a flag") followed by the picture's date, to
    the year, or by an agency credited after the sentence."""
    if _CAPTION_WORDS.search(columns.text(sent)):
        return True
    root = sent.root
    if root.tag_ not in _PRESENT or root.lemma_.lower() in _TELLING:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    doc = sent.doc
    credited = sent.end < len(doc) and doc[sent.end].lower_ in _CREDITS
    # the picture's date follows what it shows ("forces deploy on the road on May 3, 2020"); a
    # note that opens with its date ("On 3 May 2020, forces deploy") tells its event
    after = columns.doc_text(sent.doc)[root.idx : sent.end_char]
    return credited or bool(_YEAR.search(after))


def lower_captions(events: list[Draft]) -> list[Draft]:
    """Events told in the article's first sentence, when it is a caption and the story after
    it tells violence or a protest, rank below the story's."""
    first = [d for d in events if d.sentence.start == 0 and d.event_class != "statement"]
    story = [d for d in events if d.sentence.start > 0 and d.event_class in _STORY]
    if not first or not story or not is_caption(first[0].sentence):
        return events
    for d in first:
        d.confidence = round(d.confidence - _LOWER, 2)
    return events
