"""Pillow's memory from one photo to the next: blocks of 1 MiB, up to 32 of them kept for reuse.

The copies of a 12 MP photo allocate about 50 MB of pixels (resampling buffers, the copies
themselves) and free them again. By default Pillow allocates in blocks of up to 16 MiB and frees
every one, and the C library gives blocks that large back to the kernel: the next photo then
page-faults all of it in again, some 10 000 faults and 10 ms of CPU a photo - a sixth of what
resampling costs. Small blocks, a few kept, bring that down to a few hundred faults for at most
32 MiB held. ``PILLOW_BLOCK_SIZE`` and ``PILLOW_BLOCKS_MAX`` in the environment (which Pillow reads
itself) win over these values. The setting is Pillow's, so it holds for the whole process.
"""

from __future__ import annotations

import os

from PIL import Image

BLOCK_SIZE = 1 << 20
BLOCKS_KEPT = 32


def reuse_pillow_blocks() -> None:
    """Have Pillow allocate in blocks of ``BLOCK_SIZE`` and keep ``BLOCKS_KEPT`` freed ones,
    unless the environment says otherwise."""
    if "PILLOW_BLOCK_SIZE" not in os.environ:
        Image.core.set_block_size(BLOCK_SIZE)
    if "PILLOW_BLOCKS_MAX" not in os.environ:
        Image.core.set_blocks_max(max(Image.core.get_blocks_max(), BLOCKS_KEPT))
