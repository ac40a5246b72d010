// cli.h — what the parts of the `loupe` command-line tool share: the parsed command line,
// file access, and the two output forms (aligned text tables and JSON).
//
// The tool is a thin layer over the core: everything that decides something about surveys,
// responses or estimates lives in src/core; this folder reads files, parses flags and prints.
#pragma once
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/shared/result.h"
#include "core/maxdiff/survey.h"

namespace loupe::cli {

// Exit codes: 1 means the inputs could not be used, 2 that the command line is wrong.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

// ---- command line ------------------------------------------------------------------------------

struct Args {
    std::string command;                                      // "analyze", "survey create", "taste team create", ...
    std::vector<std::string> files;                           // positional arguments
    std::vector<std::pair<std::string, std::string>> values;  // "--name value" or "--name=value"
    std::vector<std::string> switches;                        // "--json", "--hb"

    bool has(std::string_view name) const;                  // a switch or a value option was given
    const std::string* value(std::string_view name) const;  // null when not given; the first if repeated
    std::vector<std::string> values_of(std::string_view name) const;  // every value of a repeatable option
};

// A whole number option in [low, high]; `fallback` when it was not given. The error is a
// sentence naming the option and its range.
Result<long long> int_option(const Args& args, std::string_view name, long long fallback, long long low,
                             long long high);

// Prints "loupe <command>: <message>" and a pointer to --help on stderr; returns kExitUsage.
int usage_error(const Args& args, const std::string& message);

// ---- files -------------------------------------------------------------------------------------

// Nothing Loupe reads is anywhere near this; refusing early keeps a wrong argument (a video, a
// disk image) from being loaded into memory.
constexpr std::size_t kMaxInputBytes = 64u << 20;

// The whole file, or why not in words for the user ("There is no such file."). "-" is stdin.
Result<std::vector<std::uint8_t>> read_file(const std::string& path);
// Files as named on the command line, each read with read_file; a folder stands for the files in
// it (not its subfolders, not hidden files), in name order so what is printed is stable.
struct NamedBytes {
    std::string source;  // the path, or "stdin"
    Result<std::vector<std::uint8_t>> bytes;
};
std::vector<NamedBytes> read_inputs(const std::vector<std::string>& paths);
// Empty on success, else why not.
std::string write_file(const std::string& path, std::span<const std::uint8_t> bytes);
std::string write_file(const std::string& path, std::string_view text);

// A survey from a survey file, a text holding its link, or its JSON export (as `analyze` and
// `simulate` accept for --survey); otherwise why not.
Result<Survey> survey_from_bytes(std::span<const std::uint8_t> bytes);

// ---- designs -----------------------------------------------------------------------------------

constexpr long long kMaxSeed = 0xFFFFFFFFll;  // design seeds are 32 bits (DesignParams::seed)

// Loupe's proposal for `items` items (propose_design), with whatever --per-set, --sets and
// --versions set instead; a failure is a sentence for a usage error.
Result<DesignParams> design_params(const Args& args, int items, std::uint32_t seed);
std::string params_text(int items, const DesignParams& p);  // "12 items, 4 per screen, 9 screens, ..."

// ---- output ------------------------------------------------------------------------------------

// A core sentence ("This response is cut short.") fit to follow "file: " in a list.
std::string after_colon(std::string sentence);

std::string fixed(double value, int decimals);        // "1.234"; "-" for NaN or infinity
std::string count_of(long long n, const char* noun);  // "1 respondent", "2 respondents"

// Columns aligned by display width (UTF-8 aware); numbers right-aligned, text left-aligned.
struct Table {
    std::vector<std::string> header;  // empty: no header row
    std::vector<bool> right_aligned;  // per column; missing columns are left-aligned
    std::vector<std::vector<std::string>> rows;
    std::size_t max_text_width = 40;  // longer left-aligned cells are shortened with "…"

    std::string render(std::string_view indent) const;
};

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
void json_number(JsonWriter& json, double value);  // null for NaN or infinity, which JSON lacks
void json_string(JsonWriter& json, std::string_view text);

// ---- commands ----------------------------------------------------------------------------------

int run_analyze(const Args& args);
int run_design(const Args& args);
int run_simulate(const Args& args);
int run_survey_create(const Args& args);
int run_survey_link(const Args& args);
int run_taste_team_create(const Args& args);
int run_taste_plan(const Args& args);
int run_taste_invite(const Args& args);
int run_taste_calendar(const Args& args);
int run_taste_groups(const Args& args);
int run_taste_report(const Args& args);

}  // namespace loupe::cli
