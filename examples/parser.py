"""A pure-Python parser: tokenising a JSON-like text, character by character.

    gil-tui run --task examples/parser.py:tokenize -m sequential,threads,processes -n 4

Expected verdict: CPU-bound Python. With the GIL, threads take turns and processes win; on a free-threaded
build (python3.13t) threads win too.
"""

DEFAULT_RECORDS = 4000


def make_text(records):
    rows = []
    for i in range(records):
        rows.append('{"id": %d, "name": "item-%d", "price": %d.%02d, "tags": ["a", "b%d"], "ok": %s, "note": null}'
                    % (i, i, i % 97, i % 100, i % 7, "true" if i % 2 else "false"))
    return "[" + ",\n".join(rows) + "]"


PUNCTUATION = set("{}[]:,")
WORDS = {"true": True, "false": False, "null": None}


def tokens(text):
    """Yield (kind, value) for each token of ``text``."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
        elif ch in PUNCTUATION:
            yield "punct", ch
            i += 1
        elif ch == '"':
            j = i + 1
            out = []
            while text[j] != '"':
                if text[j] == "\\":
                    j += 1
                out.append(text[j])
                j += 1
            yield "string", "".join(out)
            i = j + 1
        elif ch == "-" or ch.isdigit():
            j = i + 1
            while j < n and (text[j].isdigit() or text[j] in ".eE+-"):
                j += 1
            number = text[i:j]
            yield "number", float(number) if "." in number or "e" in number.lower() else int(number)
            i = j
        else:
            j = i
            while j < n and text[j].isalpha():
                j += 1
            word = text[i:j]
            if word not in WORDS:
                raise ValueError("unexpected %r at %d" % (text[i], i))
            yield "word", WORDS[word]
            i = j


def tokenize(index, size, tick=None):
    """Task ``index``: tokenise the same text; return how many tokens of each kind it found."""
    records = int(size) if size else DEFAULT_RECORDS
    text = make_text(records)
    step = max(1, records // 20)
    if tick:
        tick(0, total=20)
    counts = {}
    seen = 0
    for kind, _ in tokens(text):
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "punct":
            seen += 1
            if tick and seen % (step * 14) == 0:  # 14 punctuation marks a record
                tick()
    return sorted(counts.items())
