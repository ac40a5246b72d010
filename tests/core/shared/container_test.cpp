// container_test.cpp — the file envelope and the bounded cereal archive refuse bad input clearly.
#include <gtest/gtest.h>

#include "core/shared/container.h"
#include "core/shared/serialize.h"

using namespace loupe;

namespace {
std::vector<std::uint8_t> bytes_of(std::string_view s) { return {s.begin(), s.end()}; }
}  // namespace

TEST(Crc32, MatchesTheStandardCheckValue) {
    EXPECT_EQ(crc32(bytes_of("123456789")), 0xCBF43926u);
}

TEST(Envelope, RoundTrips) {
    auto sealed = seal(FileKind::Response, 3, bytes_of("hello"));
    auto opened = open_envelope(sealed, FileKind::Response, 3, 100);
    ASSERT_TRUE(opened) << opened.error();
    EXPECT_EQ(opened->version, 3);
    EXPECT_EQ(opened->payload, bytes_of("hello"));
}

TEST(Envelope, SaysWhatIsWrong) {
    auto sealed = seal(FileKind::Response, 1, bytes_of("payload"));
    EXPECT_EQ(open_envelope(bytes_of("PK\x03\x04 zip"), FileKind::Response, 1, 100).error(),
              "This is not a Loupe file.");
    EXPECT_EQ(open_envelope(sealed, FileKind::Survey, 1, 100).error(),
              "This is a Loupe response file, not a survey.");
    EXPECT_NE(open_envelope(sealed, FileKind::Response, 0, 100).error().find("newer version"), std::string::npos);
    EXPECT_NE(open_envelope(sealed, FileKind::Response, 1, 3).error().find("more than"), std::string::npos);

    auto truncated = sealed;
    truncated.resize(truncated.size() - 2);
    EXPECT_NE(open_envelope(truncated, FileKind::Response, 1, 100).error().find("cut short"), std::string::npos);

    auto flipped = sealed;
    flipped[kEnvelopeOverhead - 2] ^= 0x10;
    EXPECT_NE(open_envelope(flipped, FileKind::Response, 1, 100).error().find("damaged"), std::string::npos);
}

TEST(Envelope, EveryTruncationAndBitFlipIsRefused) {
    auto sealed = seal(FileKind::Survey, 1, bytes_of("a survey payload"));
    for (std::size_t n = 0; n < sealed.size(); ++n) {
        std::span<const std::uint8_t> cut(sealed.data(), n);
        EXPECT_FALSE(open_envelope(cut, FileKind::Survey, 1, 100)) << n;
    }
    for (std::size_t i = 0; i < sealed.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            auto damaged = sealed;
            damaged[i] ^= static_cast<std::uint8_t>(1 << bit);
            EXPECT_FALSE(open_envelope(damaged, FileKind::Survey, 1, 100)) << i << ":" << bit;
        }
}

struct Sample {
    std::string name;
    std::vector<std::uint32_t> values;
    template <class Archive>
    void serialize(Archive& ar, std::uint32_t) { ar(name, values); }
};

TEST(BoundedArchive, RoundTripsAndRefusesLyingLengths) {
    Sample s{"loupe", {1, 2, 3}};
    auto bytes = to_bytes(s);
    auto back = from_bytes<Sample>(bytes);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->name, "loupe");
    EXPECT_EQ(back->values, (std::vector<std::uint32_t>{1, 2, 3}));

    // A nine-byte input claiming a four-billion-character name fails at once, allocating nothing.
    std::vector<std::uint8_t> lie = {0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'x'};
    auto bad = from_bytes<Sample>(lie);
    EXPECT_FALSE(bad);
    EXPECT_NE(bad.error().find("larger than the data"), std::string::npos);

    auto extra = bytes;
    extra.push_back(0);
    EXPECT_FALSE(from_bytes<Sample>(extra));
}

struct Flagged {
    bool flag = false;
    template <class Archive>
    void serialize(Archive& ar, std::uint32_t) { ar(flag); }
};

TEST(BoundedArchive, ABoolMustBeZeroOrOne) {
    EXPECT_TRUE(from_bytes<Flagged>(to_bytes(Flagged{true}))->flag);
    EXPECT_FALSE(from_bytes<Flagged>(to_bytes(Flagged{false}))->flag);
    auto bytes = to_bytes(Flagged{true});
    bytes.back() = 23;  // the flag, after cereal's class version
    auto bad = from_bytes<Flagged>(bytes);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().find("yes/no"), std::string::npos);
}
