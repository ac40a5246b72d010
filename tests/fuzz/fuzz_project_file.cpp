// fuzz_project_file.cpp — read_project_file (a survey and its responses, sent by another PM) on
// any bytes answers with a project or a message.
//
// Each input is tried twice: as a whole file, and as the payload of a correctly sealed one,
// so the fuzzer reaches the binary decoder behind the envelope's checksum.
#include <cstdint>
#include <cstdlib>

#include "core/shared/container.h"
#include "core/maxdiff/project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    for (const auto& file : {std::vector<std::uint8_t>(bytes.begin(), bytes.end()),
                             loupe::seal(loupe::FileKind::Project, 1, bytes)}) {
        auto project = loupe::read_project_file(file);
        if (!project) {
            if (project.error().empty()) std::abort();
            continue;
        }
        // Whatever is accepted survives its own round trip.
        auto again = loupe::read_project_file(loupe::write_project_file(*project));
        if (!again || !(*again == *project)) std::abort();
    }
    return 0;
}
