// qr_test.cpp — QR codes: the smallest size that fits, finder patterns where scanners look for
// them, a real survey link fits, and a text too long is refused with a sentence.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/shared/qr.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;

namespace {

// A finder pattern: a 7x7 dark ring, a light ring inside it, a dark 3x3 centre.
bool finder_at(const QrCode& qr, int left, int top) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            if (qr.dark(left + x, top + y) != (ring != 2)) return false;
        }
    return true;
}

}  // namespace

TEST(Qr, ShortTextMakesTheSmallestCode) {
    const auto qr = make_qr("hello");
    ASSERT_TRUE(qr) << qr.error();
    EXPECT_EQ(qr->size, 21);  // version 1
    EXPECT_EQ(qr->modules.size(), 21u * 21u);
    EXPECT_TRUE(finder_at(*qr, 0, 0));
    EXPECT_TRUE(finder_at(*qr, 14, 0));
    EXPECT_TRUE(finder_at(*qr, 0, 14));
    EXPECT_FALSE(finder_at(*qr, 14, 14));
    for (std::uint8_t m : qr->modules) EXPECT_LE(m, 1);
}

TEST(Qr, DifferentTextsDifferentCodes) {
    const auto a = make_qr("https://example.com/#s=AAAA");
    const auto b = make_qr("https://example.com/#s=AAAB");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->size, b->size);
    EXPECT_NE(a->modules, b->modules);
    EXPECT_EQ(make_qr("https://example.com/#s=AAAA")->modules, a->modules);  // deterministic
}

TEST(Qr, ARealSurveyLinkFits) {
    const std::string link = survey_link(loupe::testing::sample_survey(), "https://loupe.example.com/");
    const auto qr = make_qr(link);
    ASSERT_TRUE(qr) << qr.error();
    std::printf("[ sizes    ] QR code of the sample survey's link (%zu characters): %d x %d modules\n", link.size(),
                qr->size, qr->size);
    EXPECT_LE(qr->size, 177);
    EXPECT_EQ((qr->size - 17) % 4, 0);  // sizes are 17 + 4 * version
}

TEST(Qr, BytesAreTakenAsTheyAre) {
    // Byte mode: a NUL or any UTF-8 in the text is encoded, not cut off or refused.
    const auto with_nul = make_qr(std::string_view("a\0b", 3));
    const auto plain = make_qr("a");
    ASSERT_TRUE(with_nul && plain);
    EXPECT_NE(with_nul->modules, plain->modules);
    EXPECT_TRUE(make_qr("Caf\xc3\xa9 \xe2\x9c\x93"));
}

TEST(Qr, TheLargestCodeHolds2953Bytes) {
    const auto largest = make_qr(std::string(2953, 'x'));
    ASSERT_TRUE(largest) << largest.error();
    EXPECT_EQ(largest->size, 177);  // version 40

    const auto too_long = make_qr(std::string(2954, 'x'));
    ASSERT_FALSE(too_long);
    EXPECT_EQ(too_long.error(), "This link is too long for a QR code (2954 characters; at most about 2,900 fit).");
}
