"""The words around a generic actor noun, for the generic rules (:mod:`kg.extract.generic`):
where its phrase starts and which words modify it; a name that goes with it ("Nusra Front
fighters", "a Shabaab militia commander", "pro-Houthi forces"), or that it ends ("Narc Kenya
supporters"); a person's title or rank, or role in apposition ("Gen. X, the lead
investigating officer", "Petty Officer X"): the person, no body of men; what is worn ("police
uniforms") and machines listed ("bomber and fighter aircraft"), no men either; men and women
who serve ("the men and women of U.S. Central Command")."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Token

from kg.extract import parse_tree
from kg.extract.edges import between_clean, modifier_words
from kg.extract.prefixed import STANCE_PREFIXES

__all__ = [
    "after_name",
    "coalition_of",
    "each_sides_own",
    "listed_with_machines",
    "men_of",
    "modifies_worn",
    "named_before",
    "named_by",
    "noun_modifiers",
    "phrase_start",
    "rank_of_name",
    "role_after_name",
    "serving",
    "stance_before",
    "strength_noun",
    "title_of_name",
    "with_proxies",
]

_PHRASE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# nouns of a body of men that, singular and bare, name strength: "by force", "into force"
_STRENGTH_NOUNS = frozenset({"force"})
_BODY_DEPS = frozenset({"det", "poss", "nummod", "compound", "predet", "nmod"})
_EVERY_SIDE = frozenset({"each", "both", "either"})  # "on each side": the sides' own men


def coalition_of(token: Token) -> bool:
    """A noun that the word "coalition" modifies: "Coalition military forces"."""
    return any(
        c.lower_ == "coalition" and c.dep_ in ("compound", "nmod", "amod") for c in token.lefts
    )


def after_name(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a longer name: the model's entity goes on from before it ("Ciudad de
    Mexico"), or a capitalised word stands before it inside the sentence ("Narc Kenya")."""
    if doc[i].ent_iob_ == "I":
        return True
    before = doc[i - 1] if i > 0 else None
    return before is not None and (
        before.pos_ == "PROPN" or (before.text[:1].isupper() and not before.is_sent_start)
    )


def serving(token: Token, actors: frozenset[int]) -> bool:
    """ "The men and women of U.S. Central Command", "our men and women in uniform": men or
    women named right before "of" and an actor the text names, or before "in uniform", serve
    in a force or a body; they are no civilians (read on the words: the parse often hangs
    "in uniform" on the verb)."""
    if token.lemma_.lower() not in ("man", "woman"):
        return False
    doc, last = token.doc, token
    while last.dep_ != "conj" and any(c.dep_ == "conj" for c in last.children):
        last = max(c for c in last.children if c.dep_ == "conj")  # "the men and women"
    after = last.i + 1
    if after + 1 >= len(doc):
        return False
    if doc[after].lower_ == "in":
        return doc[after + 1].lemma_.lower() == "uniform"
    if doc[after].lower_ != "of":
        return False
    name = after + 1 + (doc[after + 1].lower_ == "the")
    return name < len(doc) and name in actors


def named_by(token: Token, taken: Set[int], places: Set[int] = frozenset()) -> bool:
    """A generic noun a name found already modifies: "Nusra Front fighters"; so does a name
    after "pro-": "pro-Houthi forces" are the Houthis' (as ACLED codes them), where "pro-Russian
    separatists" are no state's (a country's name is no name found here, ``find``). A place
    the parse hangs on the noun as an apposition (``places``, the tokens of places' names)
    names no men: "shot a soldier in the X area (Lowtown District)"."""
    return any(
        c.i in taken
        and (
            c.dep_ in ("compound", "nmod")
            or (c.dep_ == "appos" and c.i not in places)
            or (c.dep_ == "amod" and stance_before(c) == "for")
        )
        for c in token.children
    )


def men_of(token: Token, armed: Set[int]) -> bool:
    """An armed actor's men named with it: its name read as adjectives right before the noun
    ("Nusra Front militants", the parse's "Front" an adjective) or after "of" ("fighters of
    the Lowtown Brigades", "fighters of the Lowtown Front (LF)"); ``armed``: the tokens of the
    names of actors of known type. Not those against the name ("anti-Houthi fighters"), nor a
    name further back ("AFP Government forces": the agency's report of the government's)."""
    for c in token.children:
        adjective = c.dep_ == "amod" and c.i == token.i - 1 and c.i in armed
        if adjective and stance_before(c) is None:
            return True
        # right after the noun: not "forces and members of the X", an "of" the parse hung on
        # the first of two nouns
        of = c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1
        if of and any(o.dep_ == "pobj" and _armed_name(o, armed) for o in c.children):
            return True
    return False


def _armed_name(token: Token, armed: Set[int]) -> bool:
    """The name of an armed actor, or one its bracketed short name tells ("the Lowtown
    Liberation Front (LLF)", where the gazetteer knows the LLF)."""
    return token.i in armed or any(a.dep_ == "appos" and a.i in armed for a in token.children)


def stance_before(token: Token) -> str | None:
    """A word after "pro-" or "anti-" (``STANCE_PREFIXES``): whom the phrase's actor stands
    with ("for") or against ("against"); None after no such prefix."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-":
        return None
    return STANCE_PREFIXES.get(doc[i - 2].lower_)


def named_before(token: Token, taken: Set[int]) -> bool:
    """A generic noun right after the name of an actor that fields men (``taken``: a group, a
    body, not a place), both modifiers of one noun, as the parse hangs a chain of nouns: "a
    Shabaab militia commander", "an ISIL gang leader" (the name's men; "Kabul police
    spokesman" is no name's)."""
    if token.dep_ != "compound" or token.i == 0 or token.i - 1 not in taken:
        return False
    before = token.doc[token.i - 1]
    return before.pos_ == "PROPN" and before.dep_ == "compound" and before.head == token.head


def role_after_name(token: Token) -> bool:
    """ "Gen. Richard Roe, the lead investigating officer, said": a singular noun with the
    definite article in apposition to a person's name is that person's role, no body of
    men (the police)."""
    head = token.head
    return (
        token.dep_ == "appos"
        and token.tag_ == "NN"
        and head.pos_ == "PROPN"
        and head.ent_type_ == "PERSON"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)
    )


def title_of_name(token: Token, titles: Set[str]) -> bool:
    """A singular title noun in apposition with a proper name ("Capt. X, commander of the
    frigate"; "the commander, X"): it names that person, not an unnamed armed group."""
    if token.lemma_.lower() in titles and titled_portfolio(token):
        return True  # "his Chief of Staff": a person's title, named or not
    if token.tag_ != "NN":
        return False
    if token.lemma_.lower() not in titles:
        return role_after_name(token)
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)


def titled_portfolio(token: Token) -> bool:
    """ "his Chief of Staff", "the Director for Plans": a capitalised title noun and its
    portfolio, capitalised after "of" or "for", name a person's post."""
    doc, after = token.doc, token.i + 1
    return (
        token.text[:1].isupper()
        and after + 1 < len(doc)
        and doc[after].lower_ in ("of", "for")
        and doc[after + 1].text[:1].isupper()
    )


def rank_of_name(token: Token, ranks: Set[str]) -> bool:
    """ "Petty Officer Keating", "Officer Jane Holt", "Petty Officer 2nd Class Jane Holt": a
    capitalised rank (``ranks`` of ``kg/data/names.toml``, which hold the ratings' "1st",
    "2nd", "3rd", "first" and "class") right before a person's name."""
    doc, after = token.doc, token.i + 1
    if after < len(doc) and doc[after].text == ".":
        after += 1
    if after + 1 < len(doc) and doc[after + 1].lower_ == "class" and doc[after].lower_ in ranks:
        after += 2  # "Petty Officer 2nd Class Jane Holt": the rating's ordinal and "Class"
    return (
        token.text[:1].isupper()
        and token.tag_ in ("NN", "NNP")
        and token.lower_ in ranks
        and after < len(doc)
        and doc[after].pos_ == "PROPN"
        and doc[after].text.istitle()
    )


def modifies_worn(token: Token, worn: Set[str]) -> bool:
    """An actor's noun that modifies, through compounds, a noun of what is worn ("police
    commando uniforms", "army fatigues"; ``[actors] worn``)."""
    head = token
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    return head is not token and head.lemma_.lower() in worn


def listed_with_machines(token: Token, hardware: Set[str]) -> bool:
    """A noun listed among hardware words ("bomber, fighter and remotely piloted
    aircraft"): the machine, not the people. Not a machine's own word: "British warplanes and
    warships struck" are the forces of their country."""
    t, root = parse_tree.tree(token.doc), token.i
    if t.lemma[root] in hardware:
        return False
    while t.dep[root] == "conj" and t.head[root] != root:
        root = t.head[root]
    group = [
        root,
        *(i for i in parse_tree.subtree(t, root) if t.dep[i] == "conj" and t.head[i] != i),
    ]
    return any(t.lemma[i] in hardware for i in group if i != token.i)


def aircraft_kind(token: Token, kinds: Set[str], heads: Set[str]) -> bool:
    """ "Fighter jets struck", "this expeditionary fighter squadron": a singular noun of
    ``kinds`` that modifies a noun of aircraft or of their units (``heads``) names the kind
    of aircraft, not men of its own."""
    head = token.head
    return (
        token.tag_ in ("NN", "NNP")
        and token.lemma_.lower() in kinds
        and token.dep_ in ("compound", "amod", "nmod")
        and head.i > token.i
        and head.lemma_.lower() in heads
    )


def phrase_start(token: Token) -> int:
    """Where a generic noun's phrase starts: its adjective and noun modifiers, the nearest
    first, up to one that holds no modifier's words: a count ("dead 1 man", "a 10 year old
    child"), a verb or its subject ("Mob lynches man", a headline the parse made a compound)
    or a spaced dash ("the crowd - one man"); a comma between adjectives is the phrase's
    ("local, legitimate ground forces")."""
    doc, start = token.doc, token.i
    lefts = list(token.lefts)
    for n in range(len(lefts) - 1, -1, -1):
        child = lefts[n]
        if child.text == "," and n and lefts[n - 1].dep_ == "amod" and doc[start].dep_ == "amod":
            continue
        if child.dep_ not in _PHRASE_DEPS:
            break
        edge = child.left_edge.i
        if modifier_words(doc, edge, child.i + 1):
            start = edge
            continue
        # "Jordan Armed Forces - Arab Army troops": the words after a dash are the phrase's
        stops = [i for i in range(edge, child.i) if not between_clean(doc, i, i + 1)]
        if stops and modifier_words(doc, stops[-1] + 1, child.i + 1):
            start = stops[-1] + 1
        break
    return start


def noun_modifiers(token: Token) -> list[int]:
    """Adjective and noun modifiers, through compounds: "rebel faction fighters" (indices)."""
    t = parse_tree.tree(token.doc)
    out = []
    todo = [c for c in t.kids[token.i] if t.dep[c] in ("amod", "compound")]
    while todo:
        child = todo.pop()
        out.append(child)
        todo += [c for c in t.kids[child] if t.dep[c] in ("amod", "compound")]
    return out


def with_proxies(token: Token, end: int) -> bool:
    """A demonym joined to a stance word for the rest of a phrase: "Turkish and pro-Turkish
    fighters" are two sides, Turkey's men and the proxies the noun names."""
    doc, i = token.doc, token.i
    return (
        i + 1 < end
        and doc[i + 1].lower_ in ("and", "or", "&")
        and any(stance_before(doc[j]) is not None for j in range(i + 2, min(i + 5, end)))
    )


def strength_noun(token: Token) -> bool:
    """ "force" as strength, no body of men: singular, an object with no determiner,
    possessor, number or noun before it ("once it entered into force", "took the town by
    force", "used excessive force"); "a force", "the joint force", "security force",
    "Syrian military force used ..." are bodies."""
    return (
        token.lower_ in _STRENGTH_NOUNS
        and token.tag_ == "NN"
        and token.dep_ in ("pobj", "dobj")  # "a military force used ...": a body that acts
        and not any(c.dep_ in _BODY_DEPS for c in token.children)
    )


def each_sides_own(token: Token) -> bool:
    """ "Killing three fighters on each side", "five militants from both sides were killed":
    the men of the sides the fight tells, no third body of men (a phrase on the noun, or on
    the verb it is the object or passive subject of; not "on either side of the river", a
    place)."""
    holders = [token, token.head] if token.dep_ in ("dobj", "nsubjpass") else [token]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("on", "from")
        and any(
            side.dep_ == "pobj"
            and side.lemma_.lower() == "side"
            and not any(c.dep_ == "prep" for c in side.children)
            and any(c.dep_ in ("det", "predet") and c.lower_ in _EVERY_SIDE for c in side.children)
            for side in prep.children
        )
        for holder in holders
        for prep in holder.children
    )
