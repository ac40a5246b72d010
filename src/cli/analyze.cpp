// analyze.cpp — `loupe analyze`: recognise each input, account for it, estimate, print.
//
// Inputs are recognised by content: the Loupe envelope's kind byte for survey and response
// files, the header row for a choice table (long CSV), and anything else as text that may hold
// response codes or a survey link. The core's import report accounts for responses and codes;
// this file adds what only a command line meets (files it cannot read or recognise, responses
// given without their survey, choice tables) and prints it all before the estimates.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>

#include "cli/cli.h"
#include "core/maxdiff/analysis.h"
#include "core/maxdiff/codes.h"
#include "core/shared/container.h"
#include "core/maxdiff/counts.h"
#include "core/maxdiff/hb.h"
#include "core/maxdiff/import.h"
#include "core/maxdiff/mnl.h"

namespace loupe::cli {
namespace {

// ---- recognising inputs ------------------------------------------------------------------------

constexpr std::array<std::uint8_t, 8> kEnvelopeMagic = {'L', 'O', 'U', 'P', 'E', '\r', '\n', 0x1a};  // container.h

constexpr const char* kUnrecognised =
    "This is not a Loupe file, a choice table (a CSV with respondent, task, item and value columns) or text "
    "holding response codes.";

enum class InputKind { Survey, ResponseFile, Codes, ChoiceTable, Damaged, Unreadable, Unrecognised };

struct Input {
    std::string source;  // the path as given, or "stdin"
    InputKind kind = InputKind::Unrecognised;
    std::vector<std::uint8_t> bytes;
    std::optional<loupe::Survey> survey;  // kind Survey when it could be read; kind Codes when it quotes a link
    std::string problem;                  // why not: unreadable, unrecognised, or a survey that failed
};

std::string_view as_text(const std::vector<std::uint8_t>& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::strchr(" \t\r\n\"'", s.front())) s.remove_prefix(1);
    while (!s.empty() && std::strchr(" \t\r\n\"'", s.back())) s.remove_suffix(1);
    return s;
}

// A choice table's first line names the columns respondent, task, item and value (choices.h).
bool is_choice_table(std::string_view text) {
    std::string header(text.substr(0, text.find('\n')));
    for (char& c : header) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    int found = 0;
    for (std::size_t begin = 0; begin <= header.size();) {
        const std::size_t end = std::min(header.find_first_of(",;\t", begin), header.size());
        const std::string_view name = trim(std::string_view(header).substr(begin, end - begin));
        for (const char* column : {"respondent", "task", "item", "value"})
            if (name == column) ++found;
        begin = end + 1;
    }
    return found == 4;
}

void recognise_envelope(Input& in) {
    const auto kind = in.bytes.size() > kEnvelopeMagic.size() ? FileKind(in.bytes[kEnvelopeMagic.size()]) : FileKind{};
    switch (kind) {
        case FileKind::Survey: {
            in.kind = InputKind::Survey;
            auto survey = read_survey_file(in.bytes);
            if (survey)
                in.survey = *survey;
            else
                in.problem = survey.error();
            return;
        }
        case FileKind::Response: in.kind = InputKind::ResponseFile; return;
        case FileKind::Project:
        case FileKind::TasteSession:
        case FileKind::WorkspaceBackup:
        case FileKind::Settings:
        case FileKind::Answering:
        case FileKind::TasteTeam:
        case FileKind::TasteContribution:
        case FileKind::TasteMyNotes:
            in.problem = std::string("This is a Loupe ") + file_kind_name(kind) + ", not a survey or a response file.";
            return;
    }
    const bool cut = in.bytes.size() <= kEnvelopeMagic.size();
    in.kind = cut ? InputKind::Damaged : InputKind::Unrecognised;
    in.problem = cut ? "This Loupe file is cut short."
                     : "This is a kind of Loupe file this version does not know; it may come from a newer Loupe.";
}

// A survey link in `text`: the whole text (a link a mail client broke over lines), or else from
// the first "#s=" to a space or bracket (a link quoted in prose).
Result<loupe::Survey> survey_in_text(std::string_view text) {
    auto whole = survey_from_link(text);
    const std::size_t at = text.find("#s=");
    if (whole || at == std::string_view::npos) return whole;
    return survey_from_link(text.substr(at, text.find_first_of(" \t\r\n<>()[]\"'", at) - at));
}

void recognise_text(Input& in) {
    const std::string_view text = as_text(in.bytes);
    const std::string_view body = trim(text);
    const bool has_link = text.find("#s=") != std::string_view::npos || body.substr(0, 2) == "s=";
    if (is_choice_table(text)) {
        in.kind = InputKind::ChoiceTable;
    } else if (!find_response_codes(text).empty()) {
        in.kind = InputKind::Codes;
        // A reply to the invitation often quotes its link: then the text brings its own survey.
        if (auto survey = has_link ? survey_in_text(text) : failure<loupe::Survey>("")) in.survey = *survey;
    } else if (has_link || body.substr(0, 1) == "{") {
        auto survey = has_link ? survey_in_text(text) : survey_from_json(text);
        in.kind = survey || has_link ? InputKind::Survey : InputKind::Unrecognised;
        if (survey)
            in.survey = *survey;
        else
            in.problem = has_link ? survey.error() : kUnrecognised;
    } else {
        in.problem = kUnrecognised;
    }
}

Input recognise(std::string source, Result<std::vector<std::uint8_t>> bytes) {
    Input in;
    in.source = std::move(source);
    if (!bytes) {
        in.kind = InputKind::Unreadable;
        in.problem = bytes.error();
        return in;
    }
    in.bytes = std::move(*bytes);
    if (in.bytes.size() >= kEnvelopeMagic.size() &&
        std::equal(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), in.bytes.begin()))
        recognise_envelope(in);
    else
        recognise_text(in);
    return in;
}

std::vector<Input> gather(const std::vector<std::string>& paths) {
    std::vector<Input> inputs;
    for (NamedBytes& named : read_inputs(paths)) inputs.push_back(recognise(std::move(named.source), std::move(named.bytes)));
    return inputs;
}

// ---- accounting for inputs ---------------------------------------------------------------------

// One line of the report: the core's import entries, plus "survey", "no survey", "unreadable"
// and "not recognised", which only the command line meets.
struct ReportLine {
    std::string source, status, reason;
};

struct ChoiceTable {
    std::string source;
    ChoiceData data;
};

struct Gathered {
    std::optional<loupe::Survey> survey;
    std::string survey_source;
    std::vector<ReportLine> lines;
    ImportReport import;
    std::vector<ChoiceTable> tables;
    ChoiceData data;  // everything accepted, together
};

bool same_items(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (const std::string& item : b)
        if (std::find(a.begin(), a.end(), item) == a.end()) return false;
    return true;
}

// Appends the respondents of `more` marked in `keep`; its items are those of `into`, in any order.
void append_choices(ChoiceData& into, const ChoiceData& more, const std::vector<bool>& keep) {
    std::vector<int> item_at(more.items.size());
    for (std::size_t i = 0; i < more.items.size(); ++i)
        item_at[i] = int(std::find(into.items.begin(), into.items.end(), more.items[i]) - into.items.begin());
    std::vector<int> respondent_at(more.respondents, -1);
    for (int r = 0; r < more.respondents; ++r) {
        if (!keep[r]) continue;
        respondent_at[r] = into.respondents++;
        into.respondent_ids.push_back(r < int(more.respondent_ids.size()) ? more.respondent_ids[r] : "");
    }
    for (Task task : more.tasks) {
        if (respondent_at[task.respondent] < 0) continue;
        task.respondent = respondent_at[task.respondent];
        for (int& item : task.shown) item = item_at[item];
        task.best = item_at[task.best];
        if (task.worst != -1) task.worst = item_at[task.worst];
        into.tasks.push_back(std::move(task));
    }
}

bool is_respondent_id(const std::string& label) {
    return label.size() == 16 && label.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Everything accepted, together: the survey's responses, then each choice table. A table that
// Loupe exported labels its respondents with their ids (16 hex digits), so a respondent already
// counted from a response file, a code or an earlier table is a duplicate there too.
void combine(Gathered& g) {
    std::map<std::string, std::string> counted_from;  // respondent id -> where it was first counted
    if (g.survey) {
        g.data = choices_from_responses(*g.survey, g.import.accepted);
        for (std::size_t a = 0; a < g.import.accepted.size(); ++a)
            counted_from[survey_id_text(g.import.accepted[a].respondent_id)] =
                g.import.entries[g.import.accepted_entry[a]].source;
    } else if (!g.tables.empty()) {
        g.data.items = g.tables[0].data.items;
    }
    for (const ChoiceTable& table : g.tables) {
        std::vector<bool> keep(table.data.respondents, true);
        for (int r = 0; r < int(table.data.respondent_ids.size()); ++r) {
            const std::string& label = table.data.respondent_ids[r];
            if (!is_respondent_id(label)) continue;
            const auto [first, fresh] = counted_from.emplace(label, table.source);
            if (fresh) continue;
            keep[r] = false;
            g.lines.push_back(
                {table.source + ", respondent " + label, "duplicate",
                 "This respondent was already counted from " + first->second + "; this copy is left out."});
        }
        append_choices(g.data, table.data, keep);
    }
}

// The survey that responses and codes are read with: --survey, else the one among the inputs.
// Returns an exit code when there is no single answer, else -1.
int choose_survey(const Args& args, const std::vector<Input>& inputs, Gathered& g) {
    if (const std::string* path = args.value("survey")) {
        auto bytes = read_file(*path);
        auto survey = bytes ? survey_from_bytes(*bytes) : failure<loupe::Survey>(bytes.error());
        if (!survey) {
            std::fprintf(stderr, "loupe analyze: --survey %s: %s\n", path->c_str(),
                         after_colon(survey.error()).c_str());
            return kExitFailed;
        }
        g.survey = *survey;
        g.survey_source = *path;
        return -1;
    }
    std::vector<const Input*> distinct;
    for (const Input& in : inputs)
        if (in.survey && std::none_of(distinct.begin(), distinct.end(),
                                      [&](const Input* d) { return survey_id(*d->survey) == survey_id(*in.survey); }))
            distinct.push_back(&in);
    if (distinct.size() > 1) {
        std::string list;
        for (const Input* d : distinct)
            list += "\n  " + d->source + ": \"" + d->survey->title + "\" (id " + survey_id_text(survey_id(*d->survey)) +
                    ")";
        return usage_error(args, "the files hold " + std::to_string(distinct.size()) + " different surveys:" + list +
                                     "\nChoose the one to analyse with --survey FILE.");
    }
    if (distinct.size() == 1) g.survey = *distinct[0]->survey, g.survey_source = distinct[0]->source;
    return -1;
}

void add_import_lines(Gathered& g, std::size_t first_entry) {
    for (std::size_t e = first_entry; e < g.import.entries.size(); ++e) {
        const ImportEntry& entry = g.import.entries[e];
        g.lines.push_back({entry.source, import_status_name(entry.status), entry.reason});
    }
}

void account_for(const Input& in, Gathered& g, std::optional<Design>& design) {
    const std::size_t first_entry = g.import.entries.size();
    const std::string needs_survey =
        " can only be read with their survey: add the survey file, or name it with --survey.";
    switch (in.kind) {
        case InputKind::Survey:
            if (!in.survey)
                g.lines.push_back({in.source, "damaged", in.problem});
            else if (survey_id(*in.survey) != survey_id(*g.survey))
                g.lines.push_back(
                    {in.source, "other survey",
                     "This is another survey (\"" + in.survey->title + "\") than the one given with --survey."});
            else
                g.lines.push_back({in.source, "survey", ""});
            return;
        case InputKind::ResponseFile:
            if (!g.survey) return g.lines.push_back({in.source, "no survey", "Response files" + needs_survey});
            import_response_file(g.import, *g.survey, in.source, in.bytes);
            return add_import_lines(g, first_entry);
        case InputKind::Codes:
            if (!g.survey) return g.lines.push_back({in.source, "no survey", "Response codes" + needs_survey});
            if (!design) {
                auto made = survey_design(*g.survey);
                if (!made) return g.lines.push_back({in.source, "damaged", "The survey's design: " + made.error()});
                design = std::move(*made);
            }
            import_response_codes(g.import, *g.survey, *design, in.source, as_text(in.bytes));
            return add_import_lines(g, first_entry);
        case InputKind::ChoiceTable: {
            auto table = read_long_csv(as_text(in.bytes));
            if (!table)
                return g.lines.push_back(
                    {in.source, "damaged", "This choice table cannot be read: " + after_colon(table.error())});
            // Choice tables join the survey's responses, or the first table, when they share its items.
            const auto* items = g.survey ? &g.survey->items : g.tables.empty() ? nullptr : &g.tables[0].data.items;
            if (items && !same_items(*items, table->items))
                return g.lines.push_back({in.source, "other survey",
                                          "This choice table is about other items than " +
                                              (g.survey ? "the survey" : g.tables[0].source) + "."});
            g.tables.push_back({in.source, std::move(*table)});
            return g.lines.push_back({in.source, "accepted", ""});
        }
        case InputKind::Damaged: return g.lines.push_back({in.source, "damaged", in.problem});
        case InputKind::Unreadable: return g.lines.push_back({in.source, "unreadable", in.problem});
        case InputKind::Unrecognised: return g.lines.push_back({in.source, "not recognised", in.problem});
    }
}

// ---- estimating --------------------------------------------------------------------------------

// Runs the sampler in slices so a person at a terminal sees how far it is.
Result<HbResult> run_hb(const ChoiceData& data, const HbOptions& options) {
    auto sampler = HbSampler::start(data, options);
    if (!sampler) return failure<HbResult>(sampler.error());
    const bool show = isatty(STDERR_FILENO);
    const int slice = std::max(1, (options.burn_in + options.draws * options.thin) / 100);
    while (!sampler->done()) {
        sampler->step(slice);
        if (show) std::fprintf(stderr, "\rHierarchical Bayes: %3.0f%%", 100 * sampler->progress());
    }
    if (show) std::fputs("\r                          \r", stderr);
    return sampler->result();
}

// ---- printing ----------------------------------------------------------------------------------

// Statuses in the order the summary names them.
constexpr const char* kStatuses[] = {"accepted", "duplicate", "incomplete",     "other survey",
                                     "damaged",  "no survey", "not recognised", "unreadable"};

// The problems, one line per kind: a folder of responses to another survey is one line, not fifty.
void print_problems(const std::vector<ReportLine>& lines) {
    Table problems;
    problems.max_text_width = 10000;
    std::vector<bool> printed(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (printed[i] || lines[i].status == "accepted" || lines[i].status == "survey") continue;
        std::string sources;
        int same = 0;
        for (std::size_t j = i; j < lines.size(); ++j) {
            if (lines[j].status != lines[i].status || lines[j].reason != lines[i].reason) continue;
            printed[j] = true;
            if (++same <= 3) sources += (same > 1 ? ", " : "") + lines[j].source;
        }
        if (same > 3) sources += " and " + std::to_string(same - 3) + " more";
        problems.rows.push_back({lines[i].status, sources + ": " + after_colon(lines[i].reason)});
    }
    std::fputs(problems.render("  ").c_str(), stdout);
}

void print_table(const Gathered& g, const Estimates& e) {
    if (g.survey)
        std::printf("Survey   \"%s\" (%s), from %s\n", g.survey->title.c_str(),
                    count_of(g.survey->items.size(), "item").c_str(), g.survey_source.c_str());
    for (const ChoiceTable& table : g.tables)
        std::printf("Choices  %s (%s, %s)\n", table.source.c_str(),
                    count_of(table.data.respondents, "respondent").c_str(),
                    count_of(table.data.items.size(), "item").c_str());
    std::string summary;
    int inputs = 0;
    for (const char* status : kStatuses) {
        const auto n =
            std::count_if(g.lines.begin(), g.lines.end(), [&](const ReportLine& l) { return l.status == status; });
        if (n > 0) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + status;
        inputs += int(n);
    }
    if (inputs == 0)
        std::printf("Inputs   no response files, codes or choice tables\n");
    else
        std::printf("Inputs   %d: %s\n", inputs, summary.c_str());
    print_problems(g.lines);
    if (e.counts.empty()) return;

    std::printf("Answers  %s, %s\n", count_of(g.data.respondents, "respondent").c_str(),
                count_of(g.data.tasks.size(), "answered screen").c_str());
    if (e.mnl)
        std::printf("Logit    log-likelihood %.3f (%.3f if every answer were a guess)%s\n", e.mnl->log_likelihood,
                    e.mnl->null_log_likelihood,
                    e.mnl->converged ? "" : "; did not converge: an item always or never chosen has no finite utility");
    else
        std::printf("Logit    not estimated: %s\n", after_colon(e.mnl.error()).c_str());
    if (e.hb_asked && e.hb) {
        const HbOptions& o = e.hb_options;
        const std::string every =
            o.thin == 1 ? "every iteration" : "one every " + std::to_string(o.thin) + " iterations";
        std::printf("HB       %d iterations: %d burn-in, %d draws kept (%s), seed %llu\n", o.burn_in + o.draws * o.thin,
                    o.burn_in, o.draws, every.c_str(), static_cast<unsigned long long>(o.seed));
        std::printf("         fit (RLH) %.3f on average; %d of %d respondents below %.3f, the fit of random answers\n",
                    mean_rlh(*e.hb), below_cutoff(*e.hb), g.data.respondents, e.hb->rlh_cutoff);
    } else if (e.hb_asked) {
        std::printf("HB       not estimated: %s\n", after_colon(e.hb.error()).c_str());
    }

    Table table;
    table.header = {"Item", "Shown", "Best", "Worst", "B-W", "B-W/shown", "Utility", "SE"};
    if (e.hb) table.header.insert(table.header.end(), {"Score", "95% interval"});
    table.right_aligned.assign(table.header.size(), true);
    table.right_aligned[0] = false;
    for (int i : ranking(e)) {
        const ItemCounts& c = e.counts[i];
        std::vector<std::string> row = {g.data.items[i],
                                        std::to_string(c.shown),
                                        std::to_string(c.best),
                                        std::to_string(c.worst),
                                        std::to_string(c.best_minus_worst),
                                        fixed(c.standardised, 3)};
        row.push_back(e.mnl ? fixed(e.mnl->utilities[i], 3) : "-");
        row.push_back(e.mnl ? fixed(e.mnl->standard_errors[i], 3) : "-");
        if (e.hb)
            row.insert(row.end(), {fixed(e.hb->population_scores[i], 1),
                                   fixed(e.hb->scores_low[i], 1) + " - " + fixed(e.hb->scores_high[i], 1)});
        table.rows.push_back(std::move(row));
    }
    std::printf("\n%s", table.render("").c_str());
    if (e.mnl) std::printf("\nUtilities are zero-centred: their mean is 0.\n");
    if (e.hb) std::printf("%sScores are HB probability scores: they sum to 100.\n", e.mnl ? "" : "\n");
}

void print_json(const Gathered& g, const Estimates& e) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.SetIndent(' ', 2);
    json.StartObject();
    json.Key("respondents"), json.Int(g.data.respondents);
    json.Key("tasks"), json.Uint64(g.data.tasks.size());
    json.Key("survey");
    if (g.survey) {
        json.StartObject();
        json.Key("title"), json_string(json, g.survey->title);
        json.Key("id"), json_string(json, survey_id_text(survey_id(*g.survey)));
        json.Key("items"), json.Uint64(g.survey->items.size());
        json.Key("source"), json_string(json, g.survey_source);
        json.EndObject();
    } else {
        json.Null();
    }
    json.Key("inputs"), json.StartArray();
    for (const ReportLine& line : g.lines) {
        json.StartObject();
        json.Key("source"), json_string(json, line.source);
        json.Key("status"), json_string(json, line.status);
        json.Key("reason"), json_string(json, line.reason);
        json.EndObject();
    }
    json.EndArray();

    json.Key("mnl");
    if (e.mnl) {
        json.StartObject();
        json.Key("loglik"), json_number(json, e.mnl->log_likelihood);
        json.Key("null_loglik"), json_number(json, e.mnl->null_log_likelihood);
        json.Key("converged"), json.Bool(e.mnl->converged);
        json.EndObject();
    } else {
        json.Null();
        if (!e.counts.empty()) json.Key("mnl_problem"), json_string(json, e.mnl.error());
    }
    if (e.hb_asked) {
        json.Key("hb");
        if (e.hb) {
            const HbOptions& o = e.hb_options;
            json.StartObject();
            json.Key("iterations"), json.Int(o.burn_in + o.draws * o.thin);
            json.Key("burn_in"), json.Int(o.burn_in);
            json.Key("draws"), json.Int(o.draws);
            json.Key("thin"), json.Int(o.thin);
            json.Key("seed"), json.Uint64(o.seed);
            json.Key("acceptance"), json_number(json, e.hb->acceptance);
            json.Key("mean_rlh"), json_number(json, mean_rlh(*e.hb));
            json.Key("rlh_cutoff"), json_number(json, e.hb->rlh_cutoff);
            json.Key("respondents_below_cutoff"), json.Int(below_cutoff(*e.hb));
            json.EndObject();
        } else {
            json.Null();
            if (!e.counts.empty()) json.Key("hb_problem"), json_string(json, e.hb.error());
        }
    }

    json.Key("items"), json.StartArray();
    for (std::size_t i = 0; i < e.counts.size(); ++i) {
        const ItemCounts& c = e.counts[i];
        json.StartObject();
        json.Key("name"), json_string(json, g.data.items[i]);
        json.Key("shown"), json.Int(c.shown);
        json.Key("best"), json.Int(c.best);
        json.Key("worst"), json.Int(c.worst);
        json.Key("bw"), json.Int(c.best_minus_worst);
        json.Key("standardised"), json_number(json, c.standardised);
        json.Key("mnl");
        if (e.mnl) {
            json.StartObject();
            json.Key("utility"), json_number(json, e.mnl->utilities[i]);
            json.Key("se"), json_number(json, e.mnl->standard_errors[i]);
            json.EndObject();
        } else {
            json.Null();
        }
        if (e.hb_asked) {
            json.Key("hb");
            if (e.hb) {
                json.StartObject();
                json.Key("probability_score"), json_number(json, e.hb->population_scores[i]);
                json.Key("ci_low"), json_number(json, e.hb->scores_low[i]);
                json.Key("ci_high"), json_number(json, e.hb->scores_high[i]);
                json.EndObject();
            } else {
                json.Null();
            }
        }
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    std::printf("%s\n", buffer.GetString());
}

}  // namespace

Result<loupe::Survey> survey_from_bytes(std::span<const std::uint8_t> bytes) {
    const Input in = recognise("", std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
    if (in.survey) return *in.survey;  // also from a text with codes that quotes the survey's link
    switch (in.kind) {
        case InputKind::Survey: return failure<loupe::Survey>(in.problem);
        case InputKind::ResponseFile: return failure<loupe::Survey>("This is a response file, not a survey.");
        case InputKind::Codes: return failure<loupe::Survey>("This text holds response codes, not a survey link.");
        case InputKind::ChoiceTable: return failure<loupe::Survey>("This is a choice table, not a survey.");
        case InputKind::Damaged:
        case InputKind::Unreadable:
        case InputKind::Unrecognised: break;
    }
    return failure<loupe::Survey>("This is not a survey file, a survey link or a survey's JSON export.");
}

int run_analyze(const Args& args) {
    const bool hb = args.has("hb");
    const auto iterations = int_option(args, "iterations", kDefaultHbIterations, 2, 10'000'000);
    const auto seed = int_option(args, "seed", kDefaultHbSeed, 0, LLONG_MAX);
    if (!iterations) return usage_error(args, iterations.error());
    if (!seed) return usage_error(args, seed.error());
    if (!hb && (args.has("iterations") || args.has("seed")))
        return usage_error(args, "--iterations and --seed set up hierarchical Bayes; add --hb to use them.");
    if (args.files.empty())
        return usage_error(args,
                           "name the files to analyse: response files with their survey, text holding "
                           "response codes, or a choice table (CSV).");

    std::vector<Input> inputs = gather(args.files);
    Gathered g;
    if (int exit = choose_survey(args, inputs, g); exit >= 0) return exit;
    std::optional<Design> design;
    for (const Input& in : inputs) account_for(in, g, design);

    combine(g);

    Estimates e;
    std::string nothing = "nothing could be analysed: no input was accepted.";
    if (g.data.respondents > 0) {
        auto estimates = estimate(g.data);
        if (estimates) {
            e = std::move(*estimates);
            e.hb_asked = hb;
            if (hb) {
                e.hb_options = plan_hb(int(*iterations), std::uint64_t(*seed));
                e.hb = run_hb(g.data, e.hb_options);
            }
        } else {
            nothing = "nothing could be analysed: " + after_colon(estimates.error());
        }
    }
    if (args.has("json"))
        print_json(g, e);
    else
        print_table(g, e);
    if (e.counts.empty()) std::fprintf(stderr, "loupe analyze: %s\n", nothing.c_str());
    return e.counts.empty() ? kExitFailed : kExitOk;
}

}  // namespace loupe::cli
