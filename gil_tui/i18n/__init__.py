"""Every text a person reads, in English and Spanish.

Catalogs are flat dicts ``key -> template`` (``str.format`` placeholders) in ``gil_tui/texts/``.
Other parts of the project register their own area with ``register("app", {"en": {...}, "es":
{...}})``; their keys are then read as ``t("app.<key>")``. ``problems()`` lists every key missing in
a language and every template whose placeholders differ from the English one; a test keeps it empty.
"""

from __future__ import annotations

import string

from . import en, es

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

_catalogs: dict[str, dict[str, str]] = {"en": dict(en.TEXTS), "es": dict(es.TEXTS)}
_areas: set[str] = set()
_current = DEFAULT_LANGUAGE


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError("unknown language %r (choose from %s)" % (lang, ", ".join(LANGUAGES)))
    return lang


def set_language(lang: str) -> None:
    global _current
    _current = check_language(lang)


def get_language() -> str:
    return _current


def register(area: str, catalogs: dict[str, dict[str, str]]) -> None:
    """Add an area's texts: ``catalogs[lang][key]`` becomes ``t("<area>.<key>", lang)``.

    Registering the same area again replaces its keys (a module reloaded in development).
    """
    for lang in catalogs:
        check_language(lang)
    prefix = area + "."
    for lang in LANGUAGES:
        table = _catalogs[lang]
        for key in [k for k in table if k.startswith(prefix)] if area in _areas else []:
            del table[key]
        for key, template in catalogs.get(lang, {}).items():
            table[prefix + key] = template
    _areas.add(area)


def has(key: str, lang: str | None = None) -> bool:
    return key in _catalogs[check_language(lang or _current)]


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), formatted with ``fmt``.

    A key missing in that language falls back to English, then to the key itself, so a gap shows
    as a visible key rather than a crash; the catalog test catches gaps before they ship.
    """
    lang = check_language(lang or _current)
    template = _catalogs[lang].get(key)
    if template is None:
        template = _catalogs[DEFAULT_LANGUAGE].get(key, key)
    return template.format(**fmt) if fmt else template


def keys(lang: str = DEFAULT_LANGUAGE) -> list[str]:
    return sorted(_catalogs[check_language(lang)])


def placeholders(template: str) -> set[str]:
    """The names a template formats, e.g. ``{lost}`` and ``{pct:.1f}`` -> {"lost", "pct"}."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return names


def problems() -> list[str]:
    """Missing translations and mismatched placeholders, one line each; empty when all is well."""
    found = []
    every = set().union(*(_catalogs[lang] for lang in LANGUAGES))
    for key in sorted(every):
        present = {lang: _catalogs[lang][key] for lang in LANGUAGES if key in _catalogs[lang]}
        for lang in LANGUAGES:
            if lang not in present:
                found.append("%s: missing in %s" % (key, lang))
        names = {lang: placeholders(template) for lang, template in present.items()}
        reference = names.get(DEFAULT_LANGUAGE, next(iter(names.values())))
        for lang, got in names.items():
            if got != reference:
                found.append("%s: %s has {%s}, %s has {%s}" % (
                    key, lang, ",".join(sorted(got)), DEFAULT_LANGUAGE, ",".join(sorted(reference))))
    return found
