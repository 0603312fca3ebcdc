"""Extraction: from a parsed article to its actors and the triples between them.

* :mod:`.nlp`: loading the spaCy model (the one place a model is loaded);
* :mod:`.mentions`: finding the actors and resolving them within the article;
* :mod:`.rules`: the extraction rules, one module per family;
* :mod:`.catalogue`: every rule by name, with its construction and examples;
* :mod:`.extractor`: :class:`~.extractor.Extractor`, which runs them;
* :mod:`.usage`: how many triples each rule gives on a corpus;
* :mod:`.relations`: the synonym table that folds relations (``head_for`` → ``travel_to``);
* :mod:`.openie`: open extraction of every subject–relation–object tuple, actors or not.

Only this package imports spaCy.
"""
