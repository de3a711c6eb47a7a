"""Place names compared across spellings: accents, Arabic articles, transliteration variants.

ACLED codes "Deir-ez-Zor", "Maaret Al Naasan", "Nad-e Ali"; a note or kg's extraction may
write "Deir ez Zor", "Maarat al-Nu'man", "Nad Ali". ``fold_name`` reduces a name to a
canonical spelling by a fixed sequence of documented rules; ``names_match`` says whether two
names denote the same place for scoring: equal folded spellings, equal consonant skeletons
(short vowels are what transliterations disagree on most), or one name inside the other as
whole words ("Kabul city" and "Kabul"). See docs/EVAL.md for the rules and their examples.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from difflib import SequenceMatcher

__all__ = [
    "alike",
    "article_lost",
    "fold_name",
    "fold_words",
    "loose_key",
    "named_in",
    "names_match",
    "plain_latin",
    "skeleton",
    "spelt_alike",
    "text_words",
]

# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans(
    {
        "\u0131": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
    }
)
_SPECIAL_CASED = {  # the same, for names keeping their case: "Łódź" gives "Lodz"
    **_SPECIAL,
    **{ord(u): str(v).capitalize() for k, v in _SPECIAL.items() if len(u := chr(k).upper()) == 1},
}
# Arabic article forms, written before the noun with a hyphen, a space or an apostrophe.
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"}
    | {"ed", "en", "er", "es", "esh", "et", "ez"}
)
EZAFE = frozenset({"e", "i", "ye"})  # Persian/Pashto ezafe between two words: "Nad-e Ali"
# Consonant spellings that vary between transliterations, applied in this order.
_CONSONANTS = (("dj", "j"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "u"))
_VOWELS_VARIANTS = (("ou", "u"), ("oo", "u"), ("ee", "i"))  # Douma/Duma, Sheeba/Shiba
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015'\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4.,/()]+")
_NON_LETTER = re.compile(r"[^a-z0-9]")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")
# An apostrophe (or a left quote, a modifier letter) for an ayn or a hamza inside a word:
# "Ma'arrat", "Jum'ah".
_INNER_MARK = re.compile(r"(?<=[^\W\d_])['\u2018\u2019\u02bb\u02bc\u02be\u02bf`](?=[^\W\d_])")
# Arabic words of place names, each in its transliterations: "Ras al-Ain", "Ra's al 'Ayn".
_ARABIC_WORDS = {
    **dict.fromkeys(("ein", "ayn", "ain"), "ain"),
    **dict.fromkeys(("tel", "tell", "tall", "tal"), "tal"),
    **dict.fromkeys(("deir", "dayr", "dair", "der"), "deir"),
    **dict.fromkeys(("kafr", "kfar", "kefr"), "kafr"),
    **dict.fromkeys(("beit", "bayt", "bait"), "beit"),
    **dict.fromkeys(("jabal", "jebel", "jbel"), "jabal"),
    **dict.fromkeys(("khirbat", "khirbet"), "khirbat"),
    **dict.fromkeys(("sheikh", "shaykh", "shaikh", "shekh"), "sheikh"),
}
_CONJUNCTIONS = frozenset({"ua", "va"})  # "wa", "and", inside a name: "Dand wa Patan", "Dand Patan"
_IY_VOWEL = re.compile(r"iy(?=[aeiou])")  # Nabatiyeh, Nabatieh; Hamidiyah, Hamidieh
MIN_SKELETON = 3  # shorter skeletons ("hm" for Hama) must match as spellings
MIN_CONTAINED = 3  # a name found inside another must fold to at least 3 letters


def _ascii(name: str) -> str:
    lowered = name.lower()
    if lowered.isascii():
        return lowered  # most words and texts: nothing to translate, decompose or drop
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_latin(name: str) -> str:
    """``name`` without its diacritics, case kept: "Ḩalfāyā" gives "Halfaya"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SPECIAL_CASED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def article_lost(name: str, other: str) -> bool:
    """Whether ``name`` begins with an Arabic article that ``other`` lacks: "El Mina" against
    "Minna" (the folding drops articles, so the two fold alike), not "El Fasher" against
    "Al Fashir"."""
    first, *rest = _SEPARATORS.split(_ascii(name).strip(), maxsplit=1)
    if not rest or first not in ARTICLES:
        return False
    return _SEPARATORS.split(_ascii(other).strip(), maxsplit=1)[0] not in ARTICLES


def spelt_alike(a: str, b: str) -> bool:
    """Whether two names have the same letters in the same order, case, diacritics, spaces
    and marks aside ("Al-Bab", "Al Bāb"): stricter than ``fold_name``, which also merges
    transliterations and drops articles ("Maraand" and "Marand", "Bab" and "Al Bab")."""
    return _NON_LETTER.sub("", _ascii(a)) == _NON_LETTER.sub("", _ascii(b))


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """One word folded; cached, as names and texts repeat their words ("al", "district")."""
    word = _NON_LETTER.sub("", word)
    for old, new in (*_CONSONANTS, *_VOWELS_VARIANTS):
        word = word.replace(old, new)
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"  # Qaryatay, Qaryatai
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # Raqqah, Hasakeh: the final h of a ta marbuta
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1] + "a"  # Hasake, Jable: -e and -a spell the same ending
    return word


@functools.lru_cache(maxsize=65536)
def fold_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, articles and ezafes dropped (see the module docstring)."""
    return text_words(name)


def text_words(text: str) -> tuple[str, ...]:
    """``fold_words`` without the cache, for long texts seen once."""
    words = [w for w in _SEPARATORS.split(_ascii(text)) if w]
    kept = [
        w
        for i, w in enumerate(words)
        if not (i + 1 < len(words) and (w in ARTICLES or (i > 0 and w in EZAFE)))
    ]
    return tuple(f for f in (_fold_word(w) for w in kept) if f)


def fold_name(name: str) -> str:
    """A canonical spelling: "Deir-ez-Zor", "Deir ez Zor" and "Dēir al-Zor" give "deirzor"."""
    return "".join(fold_words(name))


@functools.lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """``fold_name`` with more transliteration variants merged, for gazetteer look-ups only
    (scoring keeps ``fold_name``): an ayn or hamza apostrophe inside a word is dropped, not a
    word break ("Khuza'a", "Khuzaa"); -iy- before a vowel is -i- ("Nabatiye", "Nabatieh");
    an opening Ye- is E- ("Yelenovka", "Elenovka"); "wa" ("and") between two words is
    dropped; the Arabic words place names are made of are spelt one way ("Ein", "Ayn"; "Tell",
    "Tal"; "Dayr", "Deir")."""
    words = [_ARABIC_WORDS.get(w, w) for w in fold_words(_INNER_MARK.sub("", name))]
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in _CONJUNCTIONS)]
    key = _IY_VOWEL.sub("i", "".join(kept))
    return key[1:] if key.startswith("ye") and len(key) > 4 else key


def alike(a: str, b: str, at_least: float) -> bool:
    """Whether ``SequenceMatcher``'s ratio of two spellings is ``at_least``; its cheaper upper
    bounds (the lengths, then the letters in common) first rule out most pairs that are not
    (four in five of the skeleton matches the gazetteer weighs)."""
    matcher = SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= at_least
        and matcher.quick_ratio() >= at_least
        and matcher.ratio() >= at_least
    )


def skeleton(name: str) -> str:
    """The folded name without its vowels but the first letter: "Idlib", "Idleb" give "idlb"."""
    folded = fold_name(name)
    return folded[:1] + _VOWELS.sub("", folded[1:])


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    if not n or len("".join(shorter)) < MIN_CONTAINED:
        return False
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def named_in(name: str, text: str | tuple[str, ...]) -> bool:
    """Whether ``name`` occurs in ``text`` as whole folded words ("Deir ez-Zor" in "...in
    Deir-ez-Zor city"). ``text`` may be given as its ``text_words`` already."""
    words = text_words(text) if isinstance(text, str) else text
    return _contains(words, fold_words(name))


def names_match(a: str, b: str) -> bool:
    """Whether two names denote the same place for scoring (folding, skeleton, whole words)."""
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and len(sa) >= MIN_SKELETON:
        return True
    wa, wb = fold_words(a), fold_words(b)
    return _contains(wa, wb) or _contains(wb, wa)
