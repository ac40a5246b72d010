#!/usr/bin/env python3
# fold_table.py — writes fold_table.h, the letters fold.cpp folds for search (python3 fold_table.py > fold_table.h).
#
# For every letter of the Latin, Greek and Cyrillic blocks: its case folding, decomposed (NFD), without its combining
# marks, first character kept (so Greek's iota subscript goes too). Letters with no decomposition that people still
# write without their stroke fold as Lucene's ASCIIFoldingFilter folds them (ł -> l, ø -> o, đ -> d...); ligatures
# and ß become two ASCII letters. Cyrillic й, ї and ў are letters of their own alphabets, not accented ones: kept.
# Basic Latin, fullwidth Latin and combining marks are handled in fold.cpp's code, not here.
import sys
import unicodedata as ud

STROKES = dict(zip("łøđħŧıŀðƀɨƶȥɍɏŋĸƒǥɉȼȿɀƈɗƙƥƭʈɓɠƴȡȴȵȶȷʉɇɋƚɦɲʂʐɫɬɱɳɽʋɡ",
                   "lodhtildbizzrynqfgjcszcdkpttbgydlntjueqlhnszllmnrvg"))
PAIRS = {"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ĳ": "ij", "þ": "th", "ǆ": "dz", "ǅ": "dz", "ǳ": "dz",
         "ǲ": "dz", "ǉ": "lj", "ǈ": "lj", "ǌ": "nj", "ǋ": "nj"}
KEEP = set("йЙїЇўЎ")
BLOCKS = [(0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF)]


def folded(c):
    if c in KEEP:
        return c.lower()
    low = "i" if c == "İ" else c.casefold()
    if low in PAIRS or c in PAIRS:
        return PAIRS.get(low, PAIRS.get(c))
    base = [ch for ch in ud.normalize("NFD", low) if not ud.combining(ch)]
    base = "".join(STROKES.get(ch, ch) for ch in base).lower()
    if base in PAIRS:
        return PAIRS[base]
    return base[:1] if base else low[:1]


singles, pairs = [], []
for first, last in BLOCKS:
    for cp in range(first, last + 1):
        c = chr(cp)
        if not ud.category(c).startswith("L"):
            continue
        f = folded(c)
        if f == c:
            continue
        (pairs if len(f) == 2 else singles).append((cp, f))

out = sys.stdout
out.write("// fold_table.h — made by fold_table.py (Unicode %s); do not edit. See fold.cpp.\n" % ud.unidata_version)
out.write("// Sorted by code point: a letter and what it folds to, for search.\n#pragma once\n\n")
out.write("constexpr char16_t kFoldSingle[][2] = {\n")
for i in range(0, len(singles), 6):
    out.write("    " + " ".join("{0x%04X, 0x%04X}," % (cp, ord(f)) for cp, f in singles[i:i + 6]) + "\n")
out.write("};\n\nstruct FoldPair {\n    char16_t letter;\n    char ascii[3];\n};\nconstexpr FoldPair kFoldPair[] = {\n")
for i in range(0, len(pairs), 6):
    out.write("    " + " ".join('{0x%04X, "%s"},' % (cp, f) for cp, f in pairs[i:i + 6]) + "\n")
out.write("};\n")
