// fuzz_workspace_backup.cpp — decode_backup on any bytes answers with a backup or a message.
//
// Each input is tried as a whole file and as the payload of a correctly sealed one, so the
// fuzzer reaches the decoder behind the envelope's checksum.
#include <cstdint>
#include <cstdlib>

#include "core/shared/container.h"
#include "core/shared/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    for (const auto& file : {std::vector<std::uint8_t>(bytes.begin(), bytes.end()),
                             loupe::seal(loupe::FileKind::WorkspaceBackup, 1, bytes)}) {
        auto backup = loupe::decode_backup(file);
        if (!backup) {
            if (backup.error().empty()) std::abort();
            continue;
        }
        // Whatever is accepted holds only plain names and survives its own round trip.
        for (const auto& f : backup->files)
            if (!loupe::is_plain_file_name(f.name)) std::abort();
        auto again = loupe::decode_backup(loupe::encode_backup(*backup));
        if (!again || again->files.size() != backup->files.size()) std::abort();
    }
    return 0;
}
