"""How long the demo spends per sample photo: render at 2400 px, encode, make web copies.

No issue sets a target; the figure tells how long `make demo` takes to load its ~300 photos.
"""

from __future__ import annotations

from bench.common import Figure, median_ms
from catalogue.demo.photos import MOTIFS, encode_jpeg, render_product_photo
from catalogue.media.derivatives import public_derivatives


def run() -> list[Figure]:
    palette = ("#8a3b12", "#f2e8d5", "#2f5d50")
    state = {"i": 0}

    def one() -> None:
        state["i"] += 1
        motif = MOTIFS[state["i"] % len(MOTIFS)]
        original = encode_jpeg(render_product_photo(motif, palette, state["i"]))
        public_derivatives(original)

    per_photo = median_ms(one, repeat=len(MOTIFS))
    return [
        Figure("sample photo: render + encode + web copies (median)", per_photo, "ms"),
        Figure("sample network photos (~300) on one core, estimated", per_photo * 300 / 1000, "s"),
    ]
