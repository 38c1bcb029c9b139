"""Print a line of text as an SVG path, for the wordmark in script/brand/logo.svg.

The logo carries its words as outlines rather than as <text>, so it renders the
same on every machine whatever fonts are installed. This is how those outlines
were made; run it again only to change the words, and paste its output into
logo.svg in place of the old path:

    python3 script/brand/wordmark.py "Renewal" --size 118 --x 292 --baseline 222

It needs fontTools (Debian: apt-get install python3-fonttools, or
pip install fonttools into a throwaway venv) and the font, DejaVu Sans Bold by
default (Debian: fonts-dejavu-core). DejaVu's licence lets its glyphs be used
this way. Glyphs are placed by their advance widths, without kerning.
"""

# A stand-alone script run by path, not a module of a package.
# ruff: noqa: INP001

import argparse
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def main() -> None:
    """Print the path element and, as a comment, where its ink ends up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("--font", type=Path, default=FONT)
    parser.add_argument("--size", type=float, required=True, help="em size, px")
    parser.add_argument("--x", type=float, required=True, help="left edge of the ink")
    parser.add_argument("--baseline", type=float, required=True)
    parser.add_argument("--css-class", default="ink")
    args = parser.parse_args()

    font = TTFont(args.font)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    units = font["head"].unitsPerEm

    # The outline in font units (y up), each glyph moved along by the advances.
    path = SVGPathPen(glyphs, ntos=lambda number: f"{number:g}")
    bounds = BoundsPen(glyphs)
    advance = 0
    for character in args.text:
        name = cmap[ord(character)]
        for pen in (path, bounds):
            glyphs[name].draw(TransformPen(pen, (1, 0, 0, 1, advance, 0)))
        advance += glyphs[name].width
    assert bounds.bounds is not None
    left, bottom, right, top = bounds.bounds

    scale = args.size / units
    origin = args.x - left * scale
    print(
        f"<!-- {args.text!r}: ink x {args.x:g} to {origin + right * scale:.2f},"
        f" y {args.baseline - top * scale:.2f} to {args.baseline - bottom * scale:.2f} -->"
    )
    print(
        f'<path class="{args.css_class}" transform="translate({origin:.2f} {args.baseline:g})'
        f' scale({scale:g} {-scale:g})" d="{path.getCommands()}"/>'
    )


if __name__ == "__main__":
    main()
