"""Every text a person reads, in English and Spanish: the one place texts live and the one way to read them.

Catalogs are plain data: ``en.TEXTS`` and ``es.TEXTS``, flat dicts ``"area.key" -> template``, nothing registered
at import time. Keys keep their area as a prefix (``app.`` the workbench, ``compare.`` the comparison screen,
``demo.`` the tour, ``col.`` column headers, ``usage.`` bad input, ...).

A template is a ``str.format`` string, or, for a text about a number of things, a dict of plural forms::

    "run.workers": {"one": "{count} worker", "other": "{count} workers"},

``t("run.workers", count=n)`` picks the form with the language's rule (``plural_form``): both English and Spanish
say "one" for exactly 1 and "other" for anything else. The ``count`` parameter chooses; the forms may use it.

``Message(key, params)`` is a text not yet rendered, for code that must not pick the language (core, errors):
``message.render(lang)`` says it in a language, ``str(message)`` in English. Parameters that are Messages
themselves are rendered in the same language.

``problems()`` lists every key missing in a language, every plural entry without all its forms and every template
whose placeholders differ from the English one; tests/test_i18n.py keeps it empty.

Numbers have one style per kind, in every screen: ``count_text`` for counts (thousands separated as the language
does: "20,000" in English, "20 000" in Spanish, whose decimal sign here stays the point), ``interval_text`` for a
switch interval or any short duration ("5 ms", "100 µs"). A ``Count`` parameter is a count rendered in the language
of the text it goes into (for Messages rendered later).

Standard library only: this is the bottom layer, imported by core, ui and cli alike.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Mapping, Union

from . import en, es

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
PLURAL_FORMS = {"en": ("one", "other"), "es": ("one", "other")}  # the forms each language's plural entries need

Template = Union[str, Mapping[str, str]]
CATALOGS: dict[str, Mapping[str, Template]] = {"en": en.TEXTS, "es": es.TEXTS}
_current = DEFAULT_LANGUAGE
# Spanish groups thousands with a space (RAE, Ortografía 2010: neither point nor comma), a no-break one so a number
# never breaks over two lines; a four-digit number is written without it ("2000", "20 000")
GROUP = {"en": ",", "es": "\u00a0"}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError("unknown language %r (choose from %s)" % (lang, ", ".join(LANGUAGES)))
    return lang


def set_language(lang: str) -> None:
    global _current
    _current = check_language(lang)


def get_language() -> str:
    return _current


def plural_form(count: object, lang: str) -> str:
    """The plural form ``lang`` uses for ``count``: "one" for exactly 1 in English and Spanish, else "other"."""
    check_language(lang)
    return "one" if count == 1 else "other"


def count_text(value: int, lang: str | None = None) -> str:
    """A count as ``lang`` writes it: 16,590 in English, 16 590 (a no-break space) in Spanish, 2000 in both."""
    lang = check_language(lang or _current)
    digits = "{:,}".format(int(value))
    if lang == "es" and abs(int(value)) < 10000:
        return digits.replace(",", "")
    return digits.replace(",", GROUP[lang])


def interval_text(seconds: float) -> str:
    """A switch interval (or any short time) as people say it, the same everywhere: 5 ms, 100 µs, 1.5 s."""
    if seconds >= 1:
        return "%g s" % round(seconds, 6)
    if seconds >= 1e-3:
        return "%g ms" % round(seconds * 1e3, 6)
    return "%g µs" % round(seconds * 1e6, 6)


@dataclass(frozen=True)
class Count:
    """A count parameter, written in the language of the text it goes into (``count_text``)."""

    value: int

    def render(self, lang: str | None = None) -> str:
        return count_text(self.value, lang)


def has(key: str, lang: str | None = None) -> bool:
    return key in CATALOGS[check_language(lang or _current)]


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), formatted with ``params``.

    A plural entry picks its form by ``params["count"]`` ("other" when no count is given). A key missing in that
    language falls back to English, then to the key itself, so a gap shows as a visible key rather than a crash;
    the catalog test catches gaps before they ship.
    """
    lang = check_language(lang or _current)
    template = CATALOGS[lang].get(key)
    if template is None:
        template = CATALOGS[DEFAULT_LANGUAGE].get(key, key)
    if not isinstance(template, str):
        count = params.get("count")
        form = plural_form(count.value if isinstance(count, Count) else count, lang) if "count" in params else "other"
        template = template.get(form, template["other"])
    if any(isinstance(value, Count) for value in params.values()):
        params = {name: value.render(lang) if isinstance(value, Count) else value for name, value in params.items()}
    return template.format(**params) if params else template


@dataclass(frozen=True)
class Message:
    """A text to show later, in whichever language the reader has: a catalog key and its parameters."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        params = {name: value.render(lang) if isinstance(value, Message) else value
                  for name, value in self.params.items()}
        return t(self.key, lang, **params)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANGUAGE)


def keys(lang: str = DEFAULT_LANGUAGE) -> list[str]:
    return sorted(CATALOGS[check_language(lang)])


def placeholders(template: str) -> set[str]:
    """The names a template formats, e.g. ``{lost}`` and ``{pct:.1f}`` -> {"lost", "pct"}."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return names


def _forms(template: Template) -> dict[str, str]:
    return {"": template} if isinstance(template, str) else dict(template)


def problems(catalogs: Mapping[str, Mapping[str, Template]] | None = None) -> list[str]:
    """Missing translations, incomplete plural entries and mismatched placeholders, one line each; empty when all
    is well. ``catalogs`` defaults to the real ones (a test passes broken ones)."""
    catalogs = CATALOGS if catalogs is None else catalogs
    found = []
    every: set[str] = set().union(*(catalogs.get(lang, {}) for lang in LANGUAGES))
    for key in sorted(every):
        present = {lang: catalogs[lang][key] for lang in LANGUAGES if key in catalogs.get(lang, {})}
        for lang in LANGUAGES:
            if lang not in present:
                found.append("%s: missing in %s" % (key, lang))
        plural = {lang for lang, template in present.items() if not isinstance(template, str)}
        if plural and plural != set(present):
            found.append("%s: plural in %s only" % (key, ", ".join(sorted(plural))))
            continue
        for lang in sorted(plural):
            forms = set(present[lang])
            for missing in sorted(set(PLURAL_FORMS[lang]) - forms):
                found.append("%s: %s lacks the plural form %r" % (key, lang, missing))
            for extra in sorted(forms - set(PLURAL_FORMS[lang])):
                found.append("%s: %s has no plural form %r" % (key, lang, extra))
        reference_template = present.get(DEFAULT_LANGUAGE, next(iter(present.values())))
        reference = placeholders(_forms(reference_template).get("other", _forms(reference_template).get("", "")))
        for lang, template in present.items():
            for form, text in _forms(template).items():
                got = placeholders(text)
                if form not in ("", "other"):
                    got |= {"count"} & reference  # "1 worker" may spell the count out
                if got != reference:
                    found.append("%s: %s%s has {%s}, %s has {%s}" % (
                        key, lang, " (%s)" % form if form else "", ",".join(sorted(got)), DEFAULT_LANGUAGE,
                        ",".join(sorted(reference))))
    return found
