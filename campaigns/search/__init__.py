"""
Search: how text is read (``text.py``), the search document kept on each campaign
(``documents.py``), finding campaigns by it on PostgreSQL or SQLite (``backends.py``), and what a
search offers besides its results: the facets it names and "did you mean" (``offers.py``).

Import the module you need (``from campaigns.search.text import SearchTerms``): the models use
``text`` and ``backends`` while they are being loaded, so this package imports nothing itself.
"""
