// bench_decode.cpp — how fast Loupe reads what respondents send back (native or wasm).
//
//   bench_decode [count]      (default 100000)
// Makes `count` distinct finished responses to a 20-item survey (12 screens of 4, 10 versions,
// two segment questions, an open question), not timed. Then times (CPU time, see ../cpu_time.h),
// as the median of 3 runs:
//   files: read_response_file (envelope, decoding, validation against the survey) on each
//          response file, keeping the decoded responses;
//   codes: find_response_codes over one big text holding every response code, each on a line
//          of its own after a few words, then read_response_code on each code found;
//   import: the import as the app and `loupe analyze` run it (import.h): every file into one
//          report, then the text of codes into another, each response checked against all
//          those counted before it (this was quadratic: 21-31 s for 100,000 codes).
// Prints three lines, each starting with the median seconds:
//   "0.472 s: 100000 response files decoded and validated (211817 files/s; median of 3)"
//   "1.354 s: 100000 response codes found and read in one text of 8.2 MB (find 0.277 s + ..."
//   "1.901 s: 100000 response files and 100000 codes imported (files 0.551 s + codes 1.350 s; ..."
// and checks that everything decoded equals what was encoded.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../cpu_time.h"
#include "core/maxdiff/codes.h"
#include "core/maxdiff/import.h"
#include "core/shared/rng.h"
#include "core/maxdiff/survey.h"

using namespace loupe;

namespace {

double seconds_since(double start_ms) { return (cpu_ms() - start_ms) / 1000; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size();
    return m % 2 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
}

Survey make_survey() {
    Survey s;
    s.title = "What matters most in our budgeting app?";
    s.intro = "On each screen, pick the feature that matters most to you and the one that matters least.";
    for (int i = 1; i <= 20; ++i) s.items.push_back("Feature number " + std::to_string(i));
    s.segments = {{"How long have you used the app?", {"Under a month", "1-12 months", "1-3 years", "Longer"}},
                  {"Which plan are you on?", {"Free", "Plus", "Family", "Business"}}};
    s.open_question = "Anything we should build that is not on the list?";
    s.design = {4, 12, 10, 20240607};
    return s;
}

// Respondent n > 0 gets id n times an odd constant: distinct, never 0, spread over the versions.
// Answers, times and segment answers at random; every third person writes an open answer.
Response make_response(const Survey& survey, const Design& design, std::uint64_t n, Rng& rng) {
    const std::uint64_t id = n * 0x9E3779B97F4A7C15ull;
    Response r = start_response(survey, design, id, 1717750000 + rng.below(1'000'000));
    for (SetAnswer& a : r.sets) {
        const int m = static_cast<int>(a.shown.size());
        const int best = rng.below(m), worst = (best + 1 + rng.below(m - 1)) % m;
        a.best = static_cast<std::int16_t>(a.shown[best]);
        a.worst = static_cast<std::int16_t>(a.shown[worst]);
        a.milliseconds = static_cast<std::uint32_t>(800 + rng.below(20'000));
    }
    for (auto& answer : r.segment_answers) answer = static_cast<std::int8_t>(rng.below(5) - 1);
    if (n % 3 == 0) r.open_answer = "A widget for the home screen, please (" + std::to_string(n) + ").";
    r.finished_at = r.started_at + 60 + rng.below(600);
    r.complete = true;
    return r;
}

int fail(const std::string& why) {
    std::fprintf(stderr, "bench_decode: %s\n", why.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 100'000;
    constexpr int runs = 3;
    const Survey survey = make_survey();
    Result<Design> design = survey_design(survey);
    if (!design) return fail(design.error());

    // Not timed: the responses, their files, and one text with all their codes.
    Rng rng(7);
    std::vector<Response> responses;
    std::vector<std::vector<std::uint8_t>> files;
    std::string text;
    for (int n = 1; n <= count; ++n) {
        responses.push_back(make_response(survey, *design, static_cast<std::uint64_t>(n), rng));
        files.push_back(write_response_file(responses.back()));
        Result<std::string> code = make_response_code(responses.back(), survey, *design);
        if (!code) return fail(code.error());
        text += "Here is my code: " + *code + "\n";
    }

    std::vector<double> file_times;
    for (int run = 0; run < runs; ++run) {
        std::vector<Response> decoded;
        decoded.reserve(files.size());
        const double start = cpu_ms();
        for (const auto& file : files) {
            Result<Response> r = read_response_file(file, survey);
            if (!r) return fail(r.error());
            decoded.push_back(std::move(*r));
        }
        file_times.push_back(seconds_since(start));
        if (decoded != responses) return fail("a response file did not decode to what was written");
    }

    // Codes carry times only roughly and no open answer: compare the answers themselves.
    auto same_answers = [](const Response& a, const Response& b) {
        if (a.respondent_id != b.respondent_id || a.segment_answers != b.segment_answers || a.sets.size() != b.sets.size())
            return false;
        for (std::size_t s = 0; s < a.sets.size(); ++s)
            if (a.sets[s].shown != b.sets[s].shown || a.sets[s].best != b.sets[s].best || a.sets[s].worst != b.sets[s].worst)
                return false;
        return true;
    };
    std::vector<double> code_times, find_times, read_times;
    for (int run = 0; run < runs; ++run) {
        std::vector<Response> decoded;
        decoded.reserve(responses.size());
        const double start = cpu_ms();
        const std::vector<FoundCode> found = find_response_codes(text);
        const double find_s = seconds_since(start);
        for (const FoundCode& f : found) {
            Result<Response> r = read_response_code(f.code, survey, *design);
            if (!r) return fail(r.error());
            decoded.push_back(std::move(*r));
        }
        code_times.push_back(seconds_since(start));
        find_times.push_back(find_s);
        read_times.push_back(code_times.back() - find_s);
        if (decoded.size() != responses.size()) return fail("not every response code was found");
        for (std::size_t i = 0; i < decoded.size(); ++i)
            if (!same_answers(decoded[i], responses[i])) return fail("a response code did not decode to its answers");
    }

    std::vector<double> import_times, import_file_times;
    for (int run = 0; run < runs; ++run) {
        ImportReport from_files, from_codes;
        const double start = cpu_ms();
        for (const auto& file : files) import_response_file(from_files, survey, "response.loupe", file);
        import_file_times.push_back(seconds_since(start));
        import_response_codes(from_codes, survey, *design, "pasted text", text);
        import_times.push_back(seconds_since(start));
        if (from_files.count(ImportStatus::Accepted) != count || from_codes.count(ImportStatus::Accepted) != count)
            return fail("not every response was accepted by the import");
    }

    const double files_s = median(file_times), codes_s = median(code_times);
    std::printf("%.3f s: %d response files decoded and validated (%.0f files/s; median of %d)\n", files_s, count,
                count / files_s, runs);
    std::printf("%.3f s: %d response codes found and read in one text of %.1f MB (find %.3f s + read %.3f s; "
                "median of %d)\n",
                codes_s, count, text.size() / 1e6, median(find_times), median(read_times), runs);
    const double import_s = median(import_times), import_files_s = median(import_file_times);
    std::printf("%.3f s: %d response files and %d codes imported (files %.3f s + codes %.3f s; median of %d)\n",
                import_s, count, count, import_files_s, import_s - import_files_s, runs);
    return 0;
}
