"""Tests that the brand images are what Home Assistant and the brands rules ask for.

Home Assistant 2026.3 and later serve a custom integration's icon and logo from
its brand/ folder, by these file names only (homeassistant/components/brands).
The sizes are the home-assistant/brands README's: PNG, icon 256x256 and
512x512 for @2x, a logo's shortest side 128 to 256 and 256 to 512 for @2x.
script/brand/render makes the images from the SVG sources.
"""

from pathlib import Path
import struct
from typing import NamedTuple

import pytest

ROOT = Path(__file__).parent.parent
BRAND = ROOT / "custom_components" / "esim_renewal" / "brand"
SOURCES = ROOT / "script" / "brand"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG colour type 6: red, green, blue and alpha.
RGBA = 6

ICONS = ["icon.png", "icon@2x.png"]
LOGOS = ["logo.png", "logo@2x.png", "dark_logo.png", "dark_logo@2x.png"]
# Every name Home Assistant serves from brand/ (ALLOWED_IMAGES).
SERVED = {
    f"{dark}{kind}{hdpi}.png"
    for dark in ("", "dark_")
    for kind in ("icon", "logo")
    for hdpi in ("", "@2x")
}


class Header(NamedTuple):
    """The parts of a PNG's IHDR chunk that the rules are about."""

    width: int
    height: int
    bit_depth: int
    colour_type: int


def header(name: str) -> Header:
    """Read a brand image's size and pixel format from its IHDR chunk."""
    data = (BRAND / name).read_bytes()
    signature, length, chunk, width, height, bit_depth, colour_type = struct.unpack(
        ">8sI4sIIBB", data[:26]
    )
    assert signature == PNG_SIGNATURE, name
    assert (length, chunk) == (13, b"IHDR"), name
    return Header(width, height, bit_depth, colour_type)


def test_brand_holds_only_served_images() -> None:
    """brand/ has the expected images and nothing Home Assistant would not serve."""
    names = {path.name for path in BRAND.iterdir()}
    assert names == set(ICONS + LOGOS)
    assert names <= SERVED


@pytest.mark.parametrize("name", ICONS + LOGOS)
def test_image_is_rgba(name: str) -> None:
    """Each image is an 8-bit PNG with an alpha channel, for a transparent background."""
    image = header(name)
    assert (image.bit_depth, image.colour_type) == (8, RGBA)


@pytest.mark.parametrize(("name", "side"), [("icon.png", 256), ("icon@2x.png", 512)])
def test_icon_size(name: str, side: int) -> None:
    """The icon is exactly 256x256, and 512x512 for hDPI."""
    image = header(name)
    assert (image.width, image.height) == (side, side)


@pytest.mark.parametrize("name", LOGOS)
def test_logo_size(name: str) -> None:
    """A logo is landscape, with its shortest side in the brands README's range."""
    image = header(name)
    shortest = min(image.width, image.height)
    if "@2x" in name:
        assert 256 <= shortest <= 512
    else:
        assert 128 <= shortest <= 256
    assert image.width >= image.height


@pytest.mark.parametrize("name", ["logo.png", "dark_logo.png"])
def test_hdpi_logo_is_twice_the_size(name: str) -> None:
    """The @2x logo is the same picture at twice the size."""
    normal = header(name)
    hdpi = header(name.replace(".png", "@2x.png"))
    assert (hdpi.width, hdpi.height) == (2 * normal.width, 2 * normal.height)


def test_dark_logo_matches_logo() -> None:
    """The dark logo is the light one recoloured, so it has the same size."""
    assert header("dark_logo.png")[:2] == header("logo.png")[:2]


def test_svg_sources_exist() -> None:
    """The images are made from the SVG sources in script/brand/."""
    sources = sorted(path.name for path in SOURCES.glob("*.svg"))
    assert sources == ["icon.svg", "logo.svg"]
    for name in sources:
        assert "<svg" in (SOURCES / name).read_text(), name
