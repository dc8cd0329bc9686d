"""The core's reader-visible words, one catalog per language, chosen by the site's language.

``messages(language)`` gives a :class:`Messages`: a read-only mapping from key to text (English
for a language or a key the catalog does not have), with ``format(key, **values)`` to fill the
``{name}`` placeholders, and the language's own way of writing ordinals and numbers. Renderers and
graders take one as a parameter; nothing here reads a global setting.

A catalog is a module of this package (``en``, ``fr``) with ``LANGUAGE``, ``MESSAGES`` (key ->
text), ``GROUP_SEPARATOR``, ``DECIMAL_SEPARATOR`` and ``ordinal(n)``. Keys that start with one of
``CLIENT_PREFIXES`` are the page scripts' words (see ``client_messages``); keys that start with
``CSS_PREFIX`` are words the style sheets show (``content: var(--hd-words-<name>)``).
"""

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType

from . import en, fr

DEFAULT_LANGUAGE = "en"
CATALOGS: Mapping[str, ModuleType] = {"en": en, "fr": fr}
# The words of the page's scripts (status line, live quiz, engine start, presentation, notices,
# the teacher's class results page).
CLIENT_PREFIXES = ("list.", "quiz.live.", "status.", "engine.", "present.", "offline.", "class.")
CSS_PREFIX = "css."
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _catalog(language: str | None) -> ModuleType:
    """The catalog of ``language`` ('fr', 'fr-CA', 'fr_CA'), else English."""
    code = (language or DEFAULT_LANGUAGE).replace("_", "-").lower()
    return CATALOGS.get(code) or CATALOGS.get(code.split("-")[0]) or CATALOGS[DEFAULT_LANGUAGE]


def placeholders(text: str) -> set[str]:
    """The placeholder names in ``text``: 'Question {n} of {total}' -> {'n', 'total'}."""
    return set(PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Messages(Mapping):
    """One language's texts, with English under any key that language lacks."""

    language: str
    texts: Mapping[str, str]
    group_separator: str = ","
    decimal_separator: str = "."
    ordinal_of: Callable[[int], str] = en.ordinal

    def __getitem__(self, key: str) -> str:
        return self.texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def format(self, key: str, **values: object) -> str:
        """The text of ``key`` with each ``{name}`` replaced by ``values[name]`` (a placeholder
        without a value is left as it is)."""

        def fill(match: re.Match) -> str:
            name = match.group(1)
            return str(values[name]) if name in values else match.group(0)

        return PLACEHOLDER.sub(fill, self.texts[key])

    def ordinal(self, n: int) -> str:
        return self.ordinal_of(n)

    def number(self, english: str) -> str:
        """A number written the English way ('1,167.5') in this language's way ('1 167,5')."""
        return "".join(self.group_separator if c == "," else self.decimal_separator if c == "." else c for c in english)

    def series(self, words: list[str]) -> str:
        """'1', '1 and 2', '1, 2 and 3' (in this language)."""
        if len(words) == 1:
            return words[0]
        return ", ".join(words[:-1]) + self.texts["list.and"] + words[-1]


def messages(language: str | None = DEFAULT_LANGUAGE) -> Messages:
    """The catalog for ``language`` (a code such as 'en' or 'fr'), falling back to English for an
    unknown language and for every key the language does not translate."""
    catalog = _catalog(language)
    texts = {**en.MESSAGES, **catalog.MESSAGES}
    return Messages(
        language=catalog.LANGUAGE,
        texts=texts,
        group_separator=catalog.GROUP_SEPARATOR,
        decimal_separator=catalog.DECIMAL_SEPARATOR,
        ordinal_of=catalog.ordinal,
    )


def client_messages(language: str | None = DEFAULT_LANGUAGE) -> dict:
    """What the page's scripts need: ``{"language": code, "messages": {key: text}}``, JSON-able."""
    texts = messages(language)
    return {
        "language": texts.language,
        "messages": {k: v for k, v in texts.items() if k.startswith(CLIENT_PREFIXES)},
    }
