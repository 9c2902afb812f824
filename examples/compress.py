"""C code that releases the GIL: zlib and hashlib over 1 MiB blocks.

    gil-tui run --task examples/compress.py:pack -m sequential,threads,processes -n 4

Expected verdict: threads run in parallel even with the GIL (zlib.compress and hashlib let go of it while they
work on a large buffer): threads win, or tie with processes, which cost more to start.
"""

import hashlib
import zlib

DEFAULT_BLOCKS = 12
BLOCK = bytes(range(256)) * 1024 * 3 + b"gil-tui" * 4096  # about 0.8 MiB, compressible but not trivially


def pack(index, size, tick=None):
    """Task ``index``: compress and hash ``size`` blocks; return the digest of it all (the same for every task)."""
    blocks = int(size) if size else DEFAULT_BLOCKS
    if tick:
        tick(0, total=blocks)
    digest = hashlib.sha256()
    for n in range(blocks):
        packed = zlib.compress(BLOCK + n.to_bytes(4, "little"), 6)
        digest.update(packed)
        digest.update(hashlib.sha256(BLOCK).digest())
        if tick:
            tick()
    return digest.hexdigest()
