// container.cpp — sealing and opening Loupe's file envelope.
#include "core/shared/container.h"

#include <array>
#include <cstring>

namespace loupe {
namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'L', 'O', 'U', 'P', 'E', '\r', '\n', 0x1a};

void put_u16(std::vector<std::uint8_t>& out, std::uint16_t v) {
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint16_t get_u16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }
std::uint32_t get_u32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}

}  // namespace

const char* file_kind_name(FileKind kind) {
    switch (kind) {
        case FileKind::Survey: return "survey";
        case FileKind::Response: return "response file";
        case FileKind::Project: return "project file";
        case FileKind::TasteSession: return "taste session file";
        case FileKind::WorkspaceBackup: return "workspace backup";
        case FileKind::Settings: return "settings";
        case FileKind::Answering: return "record of answers in progress";
        case FileKind::TasteTeam: return "taste team file";
        case FileKind::TasteContribution: return "taste contribution file";
        case FileKind::TasteMyNotes: return "record of taste notes in progress";
    }
    return "unknown kind of Loupe file";
}

std::uint32_t crc32(std::span<const std::uint8_t> bytes, std::uint32_t crc) {
    static const auto table = make_crc_table();
    crc = ~crc;
    for (std::uint8_t b : bytes) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
    return ~crc;
}

std::vector<std::uint8_t> seal(FileKind kind, std::uint16_t version, std::span<const std::uint8_t> payload) {
    std::vector<std::uint8_t> out(kMagic.begin(), kMagic.end());
    out.reserve(kEnvelopeOverhead + payload.size());
    out.push_back(static_cast<std::uint8_t>(kind));
    out.push_back(0);
    put_u16(out, version);
    put_u32(out, static_cast<std::uint32_t>(payload.size()));
    out.insert(out.end(), payload.begin(), payload.end());
    put_u32(out, crc32(out));
    return out;
}

bool peek_file_kind(std::span<const std::uint8_t> bytes, FileKind& kind) {
    if (bytes.size() <= kMagic.size() || std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0) return false;
    kind = static_cast<FileKind>(bytes[kMagic.size()]);
    return true;
}

Result<Envelope> open_envelope(std::span<const std::uint8_t> bytes, FileKind expected,
                               std::uint16_t newest_version, std::size_t max_payload) {
    const std::string what = file_kind_name(expected);
    if (bytes.size() < kMagic.size() || std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0)
        return failure<Envelope>("This is not a Loupe file.");
    if (bytes.size() < kEnvelopeOverhead)
        return failure<Envelope>("This Loupe file is cut short (only " + std::to_string(bytes.size()) + " bytes).");
    const std::uint8_t* p = bytes.data() + kMagic.size();
    const auto kind = static_cast<FileKind>(p[0]);
    if (kind != expected)
        return failure<Envelope>(std::string("This is a Loupe ") + file_kind_name(kind) + ", not a " + what + ".");
    const std::uint16_t version = get_u16(p + 2);
    if (version > newest_version)
        return failure<Envelope>("This " + what + " was made by a newer version of Loupe (format " +
                                 std::to_string(version) + "); reload the app to update it.");
    const std::uint32_t length = get_u32(p + 4);
    if (length > max_payload)
        return failure<Envelope>("This " + what + " says it holds " + std::to_string(length) +
                                 " bytes, more than a " + what + " can (" + std::to_string(max_payload) + ").");
    if (bytes.size() < kEnvelopeOverhead + length)
        return failure<Envelope>("This " + what + " is cut short: it should be " +
                                 std::to_string(kEnvelopeOverhead + length) + " bytes but is " +
                                 std::to_string(bytes.size()) + ".");
    if (bytes.size() > kEnvelopeOverhead + length)
        return failure<Envelope>("This " + what + " has unexpected bytes after its end.");
    const std::size_t body = bytes.size() - 4;
    if (crc32(bytes.first(body)) != get_u32(bytes.data() + body))
        return failure<Envelope>("This " + what + " is damaged (its checksum does not match).");
    Envelope env;
    env.kind = kind;
    env.version = version;
    const auto* payload = bytes.data() + kEnvelopeOverhead - 4;
    env.payload.assign(payload, payload + length);
    return env;
}

}  // namespace loupe
