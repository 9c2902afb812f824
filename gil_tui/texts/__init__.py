"""The text catalogs, one flat dict per language: ``TEXTS = {key: template}``."""
