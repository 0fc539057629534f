"""The pipeline's numbers: what an upload may be, and the sizes and JPEG qualities of what it makes.

Encoder settings: the original when it is re-encoded (quality 95, the upload's chroma
subsampling; a JPEG upload already upright and sRGB keeps its own stream) and the print and
screen copies (quality 92 and 84, 4:2:0) are baseline JPEGs without Huffman optimisation - they
go to storage and into PDFs, never over the web, and optimising would cost as much again as the
encoding for a few per cent of bytes. At 300 ppi, 4:2:0 colour is 150 ppi, finer than any print
screen. Web and thumbnail copies, which do go over the web, are baseline with optimised Huffman
tables, 4:2:0: progressive encoding (always optimised too) cost 8 ms more per photo on the
reference VM for files only 0.8 % smaller - what is lost is the coarse-first rendering of a
progressive file on a slow connection.
"""

from __future__ import annotations

ACCEPTED_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "HEIF": "image/heic",
}
MAX_PIXELS = 40_000_000  # decompression-bomb limit: a 12 MP (or 24 MP) phone photo is fine
MIN_EDGE = 200  # a smaller side is not a product photo
MAX_UPLOAD_BYTES = 32 * 1024 * 1024  # a 12 MP PNG is ~25 MB; phone JPEG/HEIC are 2-8 MB

THUMB_EDGE = 400
WEB_EDGE = 1600
# The print copy is sized for 300 ppi in the largest layout slot the catalogue themes offer: one
# product per page inside the margins of an A4 page, 180 mm across (210 mm less 15 mm each
# side): 180 / 25.4 * 300 = 2126 px. Covers and full-bleed pages use the original, never this
# copy; a theme with a larger slot passes ``print_long_edge_px``. (Going above what the slot
# needs only costs time: shrinking 12 MP to print size is the largest step after decoding.)
PRINT_LONG_EDGE = 2126
ORIGINAL_QUALITY = 95
PRINT_QUALITY = 92
WEB_QUALITY = 84
