"""A pure-Python image loop: a 3x3 box blur over a grey image kept as lists of ints.

    gil-tui run --task examples/image.py:blur -m sequential,threads,processes -n 4

Expected verdict: CPU-bound Python, like the parser: processes win with the GIL, threads on a free-threaded build.
"""

DEFAULT_SIDE = 400


def make_image(side):
    return [[(x * 7 + y * 13) % 256 for x in range(side)] for y in range(side)]


def blur(index, size, tick=None):
    """Task ``index``: blur a ``size`` x ``size`` image; return the checksum of the result."""
    side = int(size) if size else DEFAULT_SIDE
    image = make_image(side)
    if tick:
        tick(0, total=side - 2)
    out = [row[:] for row in image]
    for y in range(1, side - 1):
        above, here, below = image[y - 1], image[y], image[y + 1]
        row = out[y]
        for x in range(1, side - 1):
            total = (above[x - 1] + above[x] + above[x + 1] + here[x - 1] + here[x] + here[x + 1]
                     + below[x - 1] + below[x] + below[x + 1])
            row[x] = total // 9
        if tick:
            tick()
    return sum(sum(row) for row in out)
