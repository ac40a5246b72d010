// fuzz_response_file.cpp — read_response_file on any bytes answers with a response or a message.
//
// Each input is tried as a whole file and as the payload of a correctly sealed one. The
// survey is small, so that random responses have a chance to match it.
#include <cstdint>
#include <cstdlib>

#include "core/shared/container.h"
#include "core/maxdiff/survey.h"

namespace {
loupe::Survey make_survey() {
    loupe::Survey s;
    s.title = "Fuzz";
    s.items = {"a", "b", "c", "d", "e"};
    s.segments = {{"q", {"x", "y"}}};
    s.design = {2, 3, 2, 1};
    return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const loupe::Survey survey = make_survey();
    const std::span<const std::uint8_t> bytes(data, size);
    for (const auto& file : {std::vector<std::uint8_t>(bytes.begin(), bytes.end()),
                             loupe::seal(loupe::FileKind::Response, 1, bytes)}) {
        auto response = loupe::read_response_file(file, survey);
        if (!response) {
            if (response.error().empty()) std::abort();
            continue;
        }
        if (!loupe::response_problem(*response, survey).empty()) std::abort();
        auto again = loupe::read_response_file(loupe::write_response_file(*response), survey);
        if (!again || !(*again == *response)) std::abort();
    }
    return 0;
}
