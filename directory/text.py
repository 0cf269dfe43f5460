"""Small text helpers for Norwegian content."""

from django.utils.text import slugify

_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def norwegian_slugify(value: str) -> str:
    """A URL slug that keeps Norwegian letters readable: 'Bærum kommune' → 'baerum-kommune'.

    Django's slugify drops letters without an ASCII decomposition, so 'ø' would vanish.
    """
    return slugify(value.translate(_NORWEGIAN_LETTERS))


# The same key as the database's NorwegianSortKey (directory/search.py): æ, ø and å after z.
_SORT_LETTERS = str.maketrans("æøåäöüé", "{|}{|ye")


def norwegian_sort_key(value: str) -> str:
    """A key that sorts names as Norwegian readers expect: 'Aremark' < 'Zzz' < 'Ærø' < 'Ørland' < 'Ås'."""
    return value.lower().translate(_SORT_LETTERS)
