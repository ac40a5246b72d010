// fold_test.cpp — text folded for search: case and accents gone in Latin, Greek and Cyrillic,
// words split at punctuation, unspaced scripts in runs of their own, and any bytes survived.
#include <gtest/gtest.h>

#include <string>

#include "core/shared/fold.h"
#include "core/shared/rng.h"

using namespace loupe;

namespace {

TEST(Fold, LatinLosesCaseAndAccents) {
    EXPECT_EQ(fold_for_search("Zażółć gęślą jaźń"), "zazolc gesla jazn ");
    EXPECT_EQ(fold_for_search("ŁÓDŹ, Kraków!"), "lodz krakow ");
    EXPECT_EQ(fold_for_search("Straße ÆSIR Œuvre ĳs"), "strasse aesir oeuvre ijs ");
    EXPECT_EQ(fold_for_search("Ångström Øre Ðað İstanbul ılık"), "angstrom ore dad istanbul ilik ");
    EXPECT_EQ(fold_for_search("Ș Ț ș ț Ǎ Ự ẞ"), "s t s t a u ss ");         // Romanian, pinyin, Vietnamese
    EXPECT_EQ(fold_for_search("cafe\xCC\x81 Cafe\xCC\x81"), "cafe cafe ");  // combining acute accent
}

TEST(Fold, GreekAndCyrillicLoseCaseAndAccents) {
    EXPECT_EQ(fold_for_search("Ελληνικά ΣΟΦΌΣ σοφός"), "ελληνικα σοφοσ σοφοσ ");
    EXPECT_EQ(fold_for_search("ΐ ΰ Ϊ ᾳ Ἀθῆναι"), "ι υ ι α αθηναι ");
    EXPECT_EQ(fold_for_search("Ёлка ПОИСК тёмная"), "елка поиск темная ");
    // й, ї and ў are letters of their own, not и, і and у with an accent.
    EXPECT_EQ(fold_for_search("Йогурт ЇЖАК Ўсход"), "йогурт їжак ўсход ");
    EXPECT_EQ(fold_for_search("ҚАЗАҚ Ґанок"), "қазақ ґанок ");
}

TEST(Fold, WordsSplitAtPunctuationSymbolsAndSpaces) {
    EXPECT_EQ(fold_for_search("  don't—stop…now 🙂 (ok) 3×4 «oui» "), "don t stop now ok 3 4 oui ");
    EXPECT_EQ(fold_for_search(""), "");
    EXPECT_EQ(fold_for_search(" ,.;- "), "");
    EXPECT_EQ(fold_for_search("ＹＮＡＢ １２３"), "ynab 123 ");  // fullwidth, from a Japanese input method
}

TEST(Fold, UnspacedScriptsAreRunsOfTheirOwn) {
    EXPECT_EQ(fold_for_search("YNABの設定、画面"), "ynab の設定 画面 ");
    EXPECT_EQ(fold_for_search("アプリ・ストア"), "アプリ ストア ");
    EXPECT_EQ(fold_for_search("ภาษาไทยABC"), "ภาษาไทย abc ");
    EXPECT_TRUE(is_unspaced("設定"));
    EXPECT_TRUE(is_unspaced("かな"));
    EXPECT_FALSE(is_unspaced("ynab"));
    EXPECT_FALSE(is_unspaced("한국어"));  // Korean puts spaces between words
    EXPECT_FALSE(is_unspaced(""));
}

TEST(Fold, BytesThatAreNotUtf8SeparateWords) {
    EXPECT_EQ(fold_for_search("a\xFF"
                              "b\xC3"),
              "a b ");
    EXPECT_EQ(fold_for_search("a\xE0\x80\x80z"), "a z ");  // an overlong NUL
    EXPECT_EQ(fold_for_search("a\xED\xA0\x80z"), "a z ");  // a surrogate
    Rng rng(11);
    for (int i = 0; i < 2000; ++i) {
        std::string bytes(rng.below(40), '\0');
        for (char& c : bytes) c = char(rng.below(256));
        const std::string folded = fold_for_search(bytes);
        EXPECT_TRUE(folded.empty() || folded.back() == ' ');
        EXPECT_EQ(folded.find("  "), std::string::npos);
    }
}

}  // namespace
