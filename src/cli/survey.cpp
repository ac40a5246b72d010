// survey.cpp — `loupe survey create` and `loupe survey link`: a survey file from the command line
// and an items file, and the link that publishes it.
#include <cstdio>

#include "cli/cli.h"
#include "core/maxdiff/design.h"

namespace loupe::cli {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// One item per line; blank lines, spaces around items and a UTF-8 byte order mark (which
// Windows editors put first) are not part of any item.
std::vector<std::string> items_from_text(std::string_view text) {
    if (text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
    std::vector<std::string> items;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, end));
        if (!line.empty()) items.emplace_back(line);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return items;
}

// "Label: option | option | ..."; the label ends at the first colon, because options are more
// likely to hold one ("9:00"). The empty label or options this may give are left to
// survey_problem, which names them.
Result<SegmentQuestion> question_from_text(std::string_view text) {
    const std::string example = " e.g. --question \"Team: Sales | Support | Engineering\".";
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return failure<SegmentQuestion>("--question \"" + std::string(text) +
                                        "\" needs a label, a colon, then the options separated by |," + example);
    SegmentQuestion question;
    question.label = trimmed(text.substr(0, colon));
    for (std::string_view rest = text.substr(colon + 1);;) {
        const std::size_t bar = rest.find('|');
        question.options.emplace_back(trimmed(rest.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
    if (question.options.size() < 2)
        return failure<SegmentQuestion>("--question \"" + std::string(text) +
                                        "\" needs at least 2 options separated by |," + example);
    return question;
}

int failed(const Args& args, const std::string& message) {
    std::fprintf(stderr, "loupe %s: %s\n", args.command.c_str(), message.c_str());
    return kExitFailed;
}

}  // namespace

int run_survey_create(const Args& args) {
    if (!args.has("title")) return usage_error(args, "give the survey a title with --title TEXT.");
    if (!args.has("items-file")) return usage_error(args, "name the file that lists the items with --items-file FILE.");
    if (!args.has("out")) return usage_error(args, "say where to write the survey file with --out FILE.");
    const auto seed = int_option(args, "seed", 1, 0, kMaxSeed);
    if (!seed) return usage_error(args, seed.error());

    Survey survey;
    survey.title = *args.value("title");
    if (const std::string* intro = args.value("intro")) survey.intro = *intro;
    if (const std::string* open = args.value("open-question")) survey.open_question = *open;
    if (const std::string* reply_to = args.value("reply-to")) survey.reply_to = *reply_to;
    for (const std::string& text : args.values_of("question")) {
        auto question = question_from_text(text);
        if (!question) return usage_error(args, question.error());
        survey.segments.push_back(std::move(*question));
    }

    const std::string& items_path = *args.value("items-file");
    const auto bytes = read_file(items_path);
    if (!bytes) return failed(args, "--items-file " + items_path + ": " + after_colon(bytes.error()));
    survey.items = items_from_text(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
    const int count = int(survey.items.size());
    if (count < kMinItems || count > kMaxItems)
        return failed(args, items_path + " has " + count_of(count, "item") + "; a survey needs " +
                                std::to_string(kMinItems) + " to " + std::to_string(kMaxItems) + ".");

    const auto params = design_params(args, count, std::uint32_t(*seed));
    if (!params) return usage_error(args, after_colon(params.error()));
    survey.design = *params;
    if (std::string problem = survey_problem(survey); !problem.empty())
        return failed(args, "the survey cannot be published: " + after_colon(problem));

    const std::string& out = *args.value("out");
    if (std::string problem = write_file(out, write_survey_file(survey)); !problem.empty())
        return failed(args, problem);
    std::printf("Wrote the survey \"%s\" to %s (%s; id %s)\n%s\n", survey.title.c_str(), out.c_str(),
                params_text(count, survey.design).c_str(), survey_id_text(survey_id(survey)).c_str(),
                describe_design(count, survey.design).c_str());
    return kExitOk;
}

int run_survey_link(const Args& args) {
    if (args.files.size() != 1) return usage_error(args, "name one survey file.");
    const std::string* base = args.value("base");
    if (!base) return usage_error(args, "say where the Loupe app is served with --base URL.");
    if (base->empty() || base->find_first_of("# \t\r\n") != std::string::npos)
        return usage_error(args, "--base must be a URL without spaces or '#': the survey goes after the '#'.");
    const std::string& path = args.files[0];
    const auto bytes = read_file(path);
    auto survey = bytes ? survey_from_bytes(*bytes) : failure<Survey>(bytes.error());
    if (!survey) return failed(args, path + ": " + after_colon(survey.error()));
    std::printf("%s\n", survey_link(*survey, *base).c_str());
    return kExitOk;
}

}  // namespace loupe::cli
