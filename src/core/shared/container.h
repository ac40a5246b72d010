// container.h — the envelope around every file Loupe writes.
//
// Layout (little-endian):
//   magic "LOUPE\r\n\x1a" (8 bytes; catches text-mode mangling and foreign files)
//   kind u8 · reserved u8 (0) · format version u16 · payload length u32
//   payload
//   CRC-32 of everything before it (u32)
// Opening checks, in order, everything a user could have got wrong and says which it was.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/shared/result.h"

namespace loupe {

enum class FileKind : std::uint8_t {
    Survey = 1,
    Response = 2,
    Project = 3,
    TasteSession = 4,
    WorkspaceBackup = 5,
    Settings = 6,
    Answering = 7,
    TasteTeam = 8,
    TasteContribution = 9,
    TasteMyNotes = 10,  // a participant's notes in progress (taste/mine.h)
};

const char* file_kind_name(FileKind kind);  // "survey", "response file", ...

struct Envelope {
    FileKind kind{};
    std::uint16_t version = 0;
    std::vector<std::uint8_t> payload;
};

constexpr std::size_t kEnvelopeOverhead = 8 + 1 + 1 + 2 + 4 + 4;

std::uint32_t crc32(std::span<const std::uint8_t> bytes, std::uint32_t crc = 0);

std::vector<std::uint8_t> seal(FileKind kind, std::uint16_t version, std::span<const std::uint8_t> payload);

// The kind of Loupe file `bytes` says it is, without checking anything else (to send an input
// to the right reader); false when it does not start like a Loupe file.
bool peek_file_kind(std::span<const std::uint8_t> bytes, FileKind& kind);

// Opens an envelope of the expected kind whose version is at most `newest_version` and whose
// payload is at most `max_payload` bytes. Never allocates more than the input's own size.
Result<Envelope> open_envelope(std::span<const std::uint8_t> bytes, FileKind expected,
                               std::uint16_t newest_version, std::size_t max_payload);

}  // namespace loupe
