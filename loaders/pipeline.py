"""Build the spaCy `Language` once: the configured model plus our own components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph_service.errors import ConfigurationError

LINE_BREAK_COMPONENT = "ckg_line_breaks_v1"


@Language.component(LINE_BREAK_COMPONENT, assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=2)
def load_nlp(model_name: str) -> Language:
    """The spaCy pipeline for `model_name` with our components; built once per process."""
    try:
        nlp = spacy.load(model_name)
    except OSError as error:
        raise ConfigurationError(
            f"spaCy model {model_name!r} is not installed (set SPACY_MODEL or pip install it): {error}"
        ) from error
    nlp.add_pipe(LINE_BREAK_COMPONENT, before="parser")
    return nlp
