// generate.cpp — `loupe design` and `loupe simulate`: designs, synthetic surveys and answers.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <unordered_set>

#include "cli/cli.h"
#include "core/maxdiff/codes.h"
#include "core/maxdiff/design.h"
#include "core/maxdiff/import.h"
#include "core/shared/rng.h"
#include "core/maxdiff/simulate.h"

namespace loupe::cli {
namespace {

// ---- printing a design -------------------------------------------------------------------------

void print_design_text(const Design& design, const DesignParams& p, const DesignReport& r) {
    std::printf("Design   %s\n         %s\n\n", params_text(design.item_count, p).c_str(),
                describe_design(design.item_count, p).c_str());
    const double worst_version_sd = *std::max_element(r.version_item_sd.begin(), r.version_item_sd.end());
    Table balance;
    balance.max_text_width = 1000;
    balance.rows = {
        {"items within a version", "sd " + fixed(worst_version_sd, 3) + " (the least even version)"},
        {"items over all versions", "sd " + fixed(r.pooled_item_sd, 3)},
        {"pairs on one screen", "mean " + fixed(r.pair_mean, 2) + ", sd " + fixed(r.pair_sd, 3) + " (best possible " +
                                    fixed(r.pair_optimum_sd, 3) + "), fewest " + std::to_string(r.pair_min)},
        {"screen positions", "sd " + fixed(r.position_sd, 3)},
        {"connected", r.connected ? "yes: every item can be compared with every other"
                                  : "NO: some items are never compared, directly or through others"},
        {"on consecutive screens", std::to_string(r.consecutive_repeats) + " times an item is shown twice in a row"},
    };
    std::printf("Balance\n%s", balance.render("  ").c_str());

    const int width = int(std::to_string(design.item_count).size());
    for (std::size_t v = 0; v < design.versions.size(); ++v) {
        std::printf("\nVersion %zu\n", v + 1);
        for (std::size_t s = 0; s < design.versions[v].size(); ++s) {
            std::printf("  screen %2zu: ", s + 1);
            for (int item : design.versions[v][s]) std::printf(" %*d", width, item + 1);
            std::printf("\n");
        }
    }
}

void print_design_json(const Design& design, const DesignParams& p, const DesignReport& r) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.SetIndent(' ', 2);
    json.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    json.StartObject();
    json.Key("items"), json.Int(design.item_count);
    json.Key("params"), json.StartObject();
    json.Key("items_per_set"), json.Int(p.items_per_set);
    json.Key("sets_per_version"), json.Int(p.sets_per_version);
    json.Key("versions"), json.Int(p.versions);
    json.Key("seed"), json.Uint(p.seed);
    json.EndObject();
    json.Key("summary"), json_string(json, describe_design(design.item_count, p));
    json.Key("report"), json.StartObject();
    json.Key("version_item_sd"), json.StartArray();
    for (double sd : r.version_item_sd) json_number(json, sd);
    json.EndArray();
    json.Key("pooled_item_sd"), json_number(json, r.pooled_item_sd);
    json.Key("pair_mean"), json_number(json, r.pair_mean);
    json.Key("pair_sd"), json_number(json, r.pair_sd);
    json.Key("pair_min"), json.Int(r.pair_min);
    json.Key("pair_optimum_sd"), json_number(json, r.pair_optimum_sd);
    json.Key("position_sd"), json_number(json, r.position_sd);
    json.Key("connected"), json.Bool(r.connected);
    json.Key("consecutive_repeats"), json.Int(r.consecutive_repeats);
    json.EndObject();
    json.Key("versions"), json.StartArray();  // [version][screen] -> items, numbered 1..K
    for (const auto& version : design.versions) {
        json.StartArray();
        for (const auto& screen : version) {
            json.StartArray();
            for (int item : screen) json.Int(item + 1);
            json.EndArray();
        }
        json.EndArray();
    }
    json.EndArray();
    json.EndObject();
    std::printf("%s\n", buffer.GetString());
}

// ---- simulated respondents ---------------------------------------------------------------------

constexpr std::int64_t kFirstStart = 1717405200;  // 2024-06-03 09:00 UTC: fixed, so a seed gives the same files

// Synthetic respondents answering the survey's own design. simulate_survey draws their utilities
// and choices (respondent n answers version n mod versions); each gets a random id that selects
// that same version, as the app would have given it to them.
Result<std::vector<Response>> simulate_responses(const Survey& survey, const Design& design, int count,
                                                 std::uint64_t seed) {
    const int k = int(survey.items.size());
    Population population;
    population.covariance.assign(std::size_t(k) * k, 0);
    for (int i = 0; i < k; ++i) {
        population.mean.push_back(1.5 - 3.0 * i / (k - 1));
        population.covariance[std::size_t(i) * k + i] = 1;
    }
    auto simulated = simulate_survey(design.versions, population, count, seed);
    if (!simulated) return failure<std::vector<Response>>(simulated.error());

    Rng rng(~seed);  // a stream apart from simulate_survey's
    const auto versions = std::uint64_t(design.versions.size());
    std::vector<Response> responses;
    std::unordered_set<std::uint64_t> ids;
    std::size_t task = 0;
    for (int n = 0; n < count; ++n) {
        std::uint64_t id = 0;
        while (id == 0 || ids.count(id))
            id = (rng.next() >> 8) * versions + std::uint64_t(n) % versions;  // id % versions = n % versions
        ids.insert(id);
        Response r = start_response(survey, design, id, kFirstStart + 97LL * n);
        std::uint32_t total_ms = 0;
        for (SetAnswer& answer : r.sets) {
            const Task& t = simulated->data.tasks[task++];
            answer.best = std::int16_t(t.best);
            answer.worst = std::int16_t(t.worst);
            answer.milliseconds = std::uint32_t(2000 + rng.below(10000));
            total_ms += answer.milliseconds;
        }
        for (std::size_t q = 0; q < survey.segments.size(); ++q)
            r.segment_answers[q] = std::int8_t(rng.below(int(survey.segments[q].options.size())));
        r.finished_at = r.started_at + total_ms / 1000 + 15;
        r.complete = true;
        if (std::string problem = response_problem(r, survey); !problem.empty())
            return failure<std::vector<Response>>(problem);
        responses.push_back(std::move(r));
    }
    return responses;
}

std::string write_responses(const std::string& folder, const std::vector<Response>& responses) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) return "cannot make the folder " + folder + " (" + error.message() + ").";
    const std::size_t digits = std::max<std::size_t>(4, std::to_string(responses.size()).size());
    for (std::size_t n = 0; n < responses.size(); ++n) {
        std::string number = std::to_string(n + 1);
        number.insert(0, digits - number.size(), '0');
        const std::string path = (std::filesystem::path(folder) / ("response-" + number + ".loupe")).string();
        if (std::string problem = write_file(path, write_response_file(responses[n])); !problem.empty()) return problem;
    }
    return {};
}

Result<std::string> codes_text(const Survey& survey, const Design& design, const std::vector<Response>& responses) {
    std::string text;
    for (const Response& r : responses) {
        auto code = make_response_code(r, survey, design);
        if (!code) return failure<std::string>(code.error());
        text += *code + '\n';
    }
    return text;
}

Survey made_up_survey(int items, const DesignParams& params) {
    Survey survey;
    survey.title = "Simulated survey (" + std::to_string(items) + " items)";
    for (int i = 1; i <= items; ++i) survey.items.push_back("Item " + std::to_string(i));
    survey.design = params;
    return survey;
}

// Checks which flags go together; empty when they do.
std::string simulate_usage_problem(const Args& args) {
    const bool from_file = args.has("survey"), made_up = args.has("items");
    const bool answers = args.has("out") || args.has("codes") || args.has("csv");
    if (from_file == made_up) return "give either --survey FILE or --items K.";
    if (from_file && (args.has("per-set") || args.has("sets") || args.has("versions")))
        return "--per-set, --sets and --versions shape a made-up survey; a survey from --survey has its own design.";
    if (from_file && args.has("write-survey")) return "--write-survey saves a made-up survey; it goes with --items.";
    if (args.has("respondents") && !answers) return "say where the answers go: --out DIR, --codes FILE or --csv FILE.";
    if (answers && !args.has("respondents")) return "say how many respondents to simulate with --respondents N.";
    if (made_up && (args.has("out") || args.has("codes")) && !args.has("write-survey"))
        return "response files and codes can only be read with their survey: save it with --write-survey FILE.";
    if (!answers && !args.has("write-survey")) return "nothing to write: give --write-survey, --out, --codes or --csv.";
    return {};
}

int failed(const std::string& message) {
    std::fprintf(stderr, "loupe simulate: %s\n", message.c_str());
    return kExitFailed;
}

}  // namespace

// ---- design parameters -------------------------------------------------------------------------

Result<DesignParams> design_params(const Args& args, int items, std::uint32_t seed) {
    DesignParams p = propose_design(items, seed).params;
    const auto per_set = int_option(args, "per-set", p.items_per_set, kMinItemsPerSet, kMaxItemsPerSet);
    if (!per_set) return failure<DesignParams>(per_set.error());
    // A different screen size changes how many screens show each item about 3 times; the same
    // rule as propose_design's.
    const long long enough_screens = std::min<long long>((3LL * items + *per_set - 1) / *per_set, 24);
    const auto sets =
        int_option(args, "sets", args.has("per-set") ? enough_screens : p.sets_per_version, 1, kMaxSetsPerVersion);
    if (!sets) return failure<DesignParams>(sets.error());
    const auto versions = int_option(args, "versions", p.versions, 1, kMaxVersions);
    if (!versions) return failure<DesignParams>(versions.error());
    p.items_per_set = std::uint8_t(*per_set);
    p.sets_per_version = std::uint16_t(*sets);
    p.versions = std::uint16_t(*versions);
    if (std::string problem = design_problem(items, p); !problem.empty()) return failure<DesignParams>(problem);
    return p;
}

std::string params_text(int items, const DesignParams& p) {
    return std::to_string(items) + " items, " + std::to_string(p.items_per_set) + " per screen, " +
           std::to_string(p.sets_per_version) + " screens, " + std::to_string(p.versions) +
           (p.versions == 1 ? " version" : " versions") + ", seed " + std::to_string(p.seed);
}

int run_design(const Args& args) {
    if (!args.has("items")) return usage_error(args, "say how many items with --items K.");
    const auto items = int_option(args, "items", 0, kMinItems, kMaxItems);
    if (!items) return usage_error(args, items.error());
    const auto seed = int_option(args, "seed", 1, 0, kMaxSeed);
    if (!seed) return usage_error(args, seed.error());
    const auto params = design_params(args, int(*items), std::uint32_t(*seed));
    if (!params) return usage_error(args, params.error());
    const auto design = make_design(int(*items), *params);
    if (!design) {
        std::fprintf(stderr, "loupe design: %s\n", design.error().c_str());
        return kExitFailed;
    }
    const DesignReport report = report_design(*design);
    if (args.has("json"))
        print_design_json(*design, *params, report);
    else
        print_design_text(*design, *params, report);
    return kExitOk;
}

int run_simulate(const Args& args) {
    if (std::string problem = simulate_usage_problem(args); !problem.empty()) return usage_error(args, problem);
    const auto seed = int_option(args, "seed", 1, 0, kMaxSeed);
    if (!seed) return usage_error(args, seed.error());
    const auto respondents = int_option(args, "respondents", 0, 1, 100000);
    if (!respondents) return usage_error(args, respondents.error());

    Survey survey;
    if (const std::string* path = args.value("survey")) {
        auto bytes = read_file(*path);
        auto read = bytes ? survey_from_bytes(*bytes) : failure<Survey>(bytes.error());
        if (!read) return failed("--survey " + *path + ": " + after_colon(read.error()));
        survey = std::move(*read);
    } else {
        const auto items = int_option(args, "items", 0, kMinItems, kMaxItems);
        if (!items) return usage_error(args, items.error());
        const auto params = design_params(args, int(*items), std::uint32_t(*seed));
        if (!params) return usage_error(args, params.error());
        survey = made_up_survey(int(*items), *params);
    }
    if (const std::string* path = args.value("write-survey")) {
        if (std::string problem = write_file(*path, write_survey_file(survey)); !problem.empty())
            return failed(problem);
        std::printf("Wrote the survey \"%s\" to %s (%s; id %s)\n", survey.title.c_str(), path->c_str(),
                    params_text(int(survey.items.size()), survey.design).c_str(),
                    survey_id_text(survey_id(survey)).c_str());
    }
    if (*respondents == 0) return kExitOk;

    const auto design = survey_design(survey);
    if (!design) return failed(design.error());
    const auto responses = simulate_responses(survey, *design, int(*respondents), std::uint64_t(*seed));
    if (!responses) return failed(responses.error());
    if (const std::string* folder = args.value("out")) {
        if (std::string problem = write_responses(*folder, *responses); !problem.empty()) return failed(problem);
        std::printf("Wrote %s to %s\n", count_of(responses->size(), "response file").c_str(), folder->c_str());
    }
    if (const std::string* path = args.value("codes")) {
        const auto text = codes_text(survey, *design, *responses);
        if (!text) return failed(text.error());
        if (std::string problem = write_file(*path, *text); !problem.empty()) return failed(problem);
        std::printf("Wrote %s to %s\n", count_of(responses->size(), "response code").c_str(), path->c_str());
    }
    if (const std::string* path = args.value("csv")) {
        const ChoiceData data = choices_from_responses(survey, *responses);
        if (std::string problem = write_file(*path, write_long_csv(data)); !problem.empty()) return failed(problem);
        std::printf("Wrote the answers of %s (%s) to %s\n", count_of(data.respondents, "respondent").c_str(),
                    count_of(data.tasks.size(), "screen").c_str(), path->c_str());
    }
    return kExitOk;
}

}  // namespace loupe::cli
