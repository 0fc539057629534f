"""Orientation and colour: turning decoded pixels upright and into 8-bit sRGB RGB.

Photos are turned upright (EXIF orientation), converted to sRGB when they carry another ICC
profile, CMYK becomes RGB, 16-bit greyscale is scaled to 8 bits and transparency is flattened
on white.
"""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageCms

# EXIF orientation -> the transposition that makes the photo upright (as ImageOps.exif_transpose)
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
_SIXTEEN_BIT = {"I", "I;16", "I;16B", "I;16L", "I;16N", "F"}


def orientation(image: Image.Image) -> int:
    """The EXIF orientation, read into a throwaway ``Exif`` (``getexif()`` would keep the whole
    EXIF, GPS included, cached on the image object)."""
    raw = image.info.get("exif")
    if image.format == "HEIF" or not isinstance(raw, bytes):
        return 1  # libheif already applied the container's rotation; EXIF must not rotate again
    try:
        exif = Image.Exif()
        exif.load(raw)
        value = exif.get(0x0112, 1)
    except Exception:  # unreadable EXIF: the photo is still usable, just not rotated
        return 1
    return value if isinstance(value, int) and value in TRANSPOSE else 1


def to_srgb(image: Image.Image) -> Image.Image:
    """Colour normalisation: RGB, sRGB, transparency flattened on white."""
    icc = image.info.get("icc_profile")
    mode = image.mode
    if mode in _SIXTEEN_BIT:  # 16-bit greyscale PNG: scale to 8 bits rather than clip
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    elif mode == "P" or mode == "1" or (mode in ("L", "RGB") and "transparency" in image.info):
        image = image.convert("RGBA")
    elif mode not in {"RGB", "L", "CMYK"} | _ALPHA_MODES:
        image = image.convert("RGB")
        icc = None
    if image.mode in _ALPHA_MODES:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, (0, 0), rgba)
        image = flat
    if icc:
        image = _apply_icc(image, icc)
    if image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _is_srgb_profile(profile: ImageCms.ImageCmsProfile) -> bool:
    return "srgb" in ImageCms.getProfileDescription(profile).lower()


def is_srgb(icc: bytes) -> bool:
    """Whether an embedded ICC profile is an sRGB one (by its description, as
    :func:`to_srgb` decides); False for a profile lcms cannot read."""
    try:
        return _is_srgb_profile(ImageCms.ImageCmsProfile(BytesIO(icc)))
    except Exception:
        return False


def _apply_icc(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded profile to sRGB; a broken or mismatched profile is ignored."""
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        if image.mode in ("RGB", "L") and _is_srgb_profile(source):
            return image  # already sRGB: nothing to do
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except Exception:  # lcms refuses the profile: keep the pixels as they are
        return image
    return converted if converted is not None else image
