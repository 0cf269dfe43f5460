"""SearchTerm also keeps the document words with digits, unless they begin with one ("covid19",
not "2024" or an organisation number), so that it holds every word a stem of letters can begin:
a query's stem is then asked for as the words it begins (search.expand_terms), which the search
index answers faster than a prefix. A byte-ordered index lists the words that begin with a stem.

The trigger function is migration 0008's with that one condition changed; the words with digits
already in the documents are added.
"""

import importlib

import django.db.models.functions.comparison
from django.db import migrations, models

_function_0008 = importlib.import_module("directory.migrations.0008_taxonomy_names_in_search").FORWARD
_function_0008 = _function_0008[
    _function_0008.index("CREATE OR REPLACE FUNCTION directory_entrepreneur_search_document()") : _function_0008.index(
        "-- A renamed term changes the documents"
    )
]
_WITHOUT_DIGITS = "lexeme !~ '[0-9]'"
_NOT_BEGINNING_WITH_A_DIGIT = "lexeme !~ '^[0-9]'"
assert _function_0008.count(_WITHOUT_DIGITS) == 1

FORWARD = (
    _function_0008.replace(_WITHOUT_DIGITS, _NOT_BEGINNING_WITH_A_DIGIT)
    + """
INSERT INTO directory_searchterm (word)
SELECT DISTINCT words.lexeme
  FROM directory_socialentrepreneur e CROSS JOIN LATERAL unnest(e.search_vector) AS words
 WHERE length(words.lexeme) BETWEEN 3 AND 200 AND words.lexeme ~ '[0-9]' AND words.lexeme !~ '^[0-9]'
ON CONFLICT DO NOTHING;
"""
)

# Backwards the function is 0008's again; the added words stay (they are harmless to the fuzzy search).
BACKWARD = _function_0008


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0017_search_index_parts"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchterm",
            index=models.Index(
                django.db.models.functions.comparison.Collate("word", "C"), name="searchterm_word_bytes"
            ),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
