"""The headless core: the model, the runner, discovery, matrix, presets, explanations, export and validation.

Never imports textual or rich (an import-linter contract and tests/test_no_textual.py keep it so).
"""
