# cjk_unicodes.py — the Chinese, Japanese and Korean characters Loupe's CJK font keeps, as a
# fontTools --unicodes-file: kana, CJK punctuation and full-width forms, the JIS X 0208 level 1
# kanji (which hold nearly all the Joyo kanji), the GB2312 level 1 hanzi (the 3,755 most common)
# and the 2,350 Hangul syllables of KS X 1001. Taken from Python's own codecs, so no list is kept here.
# Usage: python3 cjk_unicodes.py OUTPUT
import sys

code_points = set()


def rows(codec, first, last):
    """Every character of the two-byte codec's rows first..last (EUC lead bytes)."""
    for lead in range(first, last + 1):
        for trail in range(0xA1, 0xFF):
            try:
                code_points.update(map(ord, bytes([lead, trail]).decode(codec)))
            except UnicodeDecodeError:
                pass


rows("euc_jp", 0xB0, 0xCF)  # JIS X 0208 level 1 kanji
rows("gb2312", 0xB0, 0xD7)  # GB2312 level 1 hanzi
rows("euc_kr", 0xB0, 0xC8)  # KS X 1001 Hangul syllables
for first, last in [(0x3000, 0x30FF), (0x31F0, 0x31FF), (0x3130, 0x318F), (0xFF00, 0xFFEF)]:
    code_points.update(range(first, last + 1))  # punctuation, kana, compatibility Jamo, full-width forms

with open(sys.argv[1], "w") as out:
    out.write(",".join("U+%04X" % c for c in sorted(code_points)) + "\n")
