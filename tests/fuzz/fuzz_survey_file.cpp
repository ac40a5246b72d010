// fuzz_survey_file.cpp — read_survey_file on any bytes answers with a survey or a message.
//
// Each input is tried twice: as a whole file, and as the payload of a correctly sealed one,
// so the fuzzer reaches the binary decoder behind the envelope's checksum.
#include <cstdint>
#include <cstdlib>

#include "core/shared/container.h"
#include "core/maxdiff/survey.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    for (const auto& file : {std::vector<std::uint8_t>(bytes.begin(), bytes.end()),
                             loupe::seal(loupe::FileKind::Survey, 1, bytes)}) {
        auto survey = loupe::read_survey_file(file);
        if (!survey) {
            if (survey.error().empty()) std::abort();
            continue;
        }
        // Whatever is accepted is a valid survey that survives its own round trip.
        auto again = loupe::read_survey_file(loupe::write_survey_file(*survey));
        if (!again || !(*again == *survey) || !loupe::survey_problem(*survey).empty()) std::abort();
    }
    return 0;
}
