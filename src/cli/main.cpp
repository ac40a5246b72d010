// main.cpp — `loupe`: the help text, the command line, file access and output helpers.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(loupe - private MaxDiff (best-worst scaling) surveys: making them, analysis, designs, test data;
and monthly taste sessions: the team, the plan, the invite, the calendar, the meeting's groups,
the report.

Usage:
  loupe analyze FILE... [--survey FILE] [--hb [--iterations N] [--seed S]] [--json]
  loupe design --items K [--per-set k] [--sets S] [--versions V] [--seed S] [--json]
  loupe simulate (--survey FILE | --items K [--per-set k] [--sets S] [--versions V])
                 [--write-survey FILE] [--respondents N] [--out DIR] [--codes FILE]
                 [--csv FILE] [--seed S]
  loupe survey create --title TEXT --items-file FILE --out FILE [--intro TEXT]
                      [--question "LABEL: OPTION | OPTION | ..."]... [--open-question TEXT]
                      [--reply-to ADDRESS] [--per-set k] [--sets S] [--versions V] [--seed S]
  loupe survey link FILE --base URL
  loupe taste team create --name TEXT --member "NAME:ROLE[:junior]"... [--cadence TEXT] --out FILE
  loupe taste plan TEAM_FILE --date YYYY-MM-DD --category TEXT --app "NAME | PLATFORM | LINK"...
                   [--focus TEXT] [--picker NAME] [--reply-to ADDRESS] --out FILE
  loupe taste invite SESSION_FILE --base URL
  loupe taste calendar TEAM_FILE [--from YYYY-MM-DD]
  loupe taste groups FILE [--present NAME]... [--seed S] [--json]
  loupe taste report FILE... [--markdown | --html | --csv | --actions-csv | --json]
  loupe --help | --version

loupe analyze FILE...
  Reads answers and prints per item: how often it was shown, chosen best and worst, best minus
  worst (raw and per showing), and its utility in the sequential best-worst logit model with a
  standard error (utilities are zero-centred: their mean is 0). Items are listed best first.
  FILE may be any mix of the following, recognised by content, not by name; a folder stands for
  the files in it, and - for standard input:
    survey file     the survey the responses answer (saved from Loupe)
    response file   one respondent's answers (saved from Loupe)
    text            any text holding response codes (LOUPE-...): a saved e-mail thread will do;
                    a survey link quoted in it counts as a survey file
    choice table    a CSV whose header names the columns respondent, task, item and value
                    (1 = most important, -1 = least important, 0 = shown); it names its own
                    items and needs no survey, but joins the responses of a survey (or another
                    table) that has the same items
  Every input is accounted for. Response files and codes are accepted, or reported as damaged,
  for another survey, incomplete (left out) or duplicate (the same respondent again: counted
  once); the good ones are analysed even when others are not.
  --survey FILE   the survey that response files and codes belong to: a survey file, a text file
                  holding its link, or its JSON export. Without it, the survey file among FILE...
                  is used; several different ones are an error.
  --hb            also estimate hierarchical Bayes probability scores (they sum to 100) with 95%
                  intervals, and sort by them
  --iterations N  HB iterations in all (default 20000): the first half is burn-in; from the
                  second half one iteration in 10 is kept as a draw, or more when that keeps at
                  least 100 draws (1000 iterations: 500 burn-in, 100 draws, one in 5)
  --seed S        HB random seed (default 1); the same seed gives the same estimates
  --json          print JSON instead of a table:
                  {"respondents": N, "tasks": T, "survey": {...} or null,
                   "inputs": [{"source", "status", "reason"}],
                   "mnl": {"loglik", "null_loglik", "converged"} or null,
                   "hb": {"iterations", "burn_in", "draws", "thin", "seed", "rlh_cutoff", ...},
                   "items": [{"name", "shown", "best", "worst", "bw", "standardised",
                              "mnl": {"utility", "se"}, "hb": {"probability_score", "ci_low",
                              "ci_high"}}]}
                  items in the survey's (or the table's) order; "hb" only with --hb; an input's
                  status is accepted, duplicate, incomplete, other survey, damaged, no survey,
                  not recognised, unreadable, or survey (the survey file itself)
  Exit status: 0 when something was analysed, 1 when nothing could be, 2 for a wrong command line.

loupe design --items K
  Makes the design Loupe would use for K items (2 to 200) and reports its balance: how evenly
  items, pairs and screen positions are spread, whether every item is linked to every other, and
  repeats on consecutive screens. Then prints every screen of every version (items numbered 1..K).
  --per-set k     items per screen, 2 to 8 (default: 3 for up to 7 items, 4 up to 30, else 5)
  --sets S        screens per respondent, 1 to 60 (default: enough to show each item about 3
                  times, at most 24)
  --versions V    versions of the design, 1 to 50 (default 10)
  --seed S        design seed (default 1)
  --json          print {"items", "params", "summary", "report", "versions"} instead

loupe simulate
  Makes synthetic respondents and writes their answers. Their true utilities fall evenly from
  +1.5 for the first item to -1.5 for the last; each respondent's own utilities vary around those
  with standard deviation 1, and they answer by the sequential best-worst logit.
  --survey FILE        answer this survey (a survey file, a text file with its link, or its JSON)
  --items K            or make one up: items "Item 1".."Item K", design as for loupe design with
                       --per-set, --sets, --versions and --seed
  --write-survey FILE  save the made-up survey as a survey file (needed for --out and --codes,
                       whose answers are only readable with their survey)
  --respondents N      how many respondents (1 to 100000)
  --out DIR            write one response file per respondent: DIR/response-0001.loupe, ...
  --codes FILE         write their response codes, one line each
  --csv FILE           write their answers as a choice table (respondent,task,item,value)
  --seed S             random seed for the answers, and for a made-up survey's design (default 1)

loupe survey create
  Writes a survey file, ready to publish, after checking it as the app would.
  --title TEXT            the survey's title
  --items-file FILE       the items, one per line; blank lines and spaces around an item are
                          ignored (so item numbers in messages count the items, not the lines)
  --out FILE              where to write the survey file
  --intro TEXT            what respondents read first
  --question "LABEL: OPTION | OPTION | ..."
                          a question each respondent answers by picking one option, to compare
                          groups of respondents; the label ends at the first colon, options are
                          separated by |. Repeat for more questions (at most 10).
  --open-question TEXT    a question answered in the respondent's own words
  --reply-to ADDRESS      the e-mail address answers should be sent to
  --per-set, --sets, --versions, --seed
                          the design, as for loupe design (default: what Loupe proposes for the
                          number of items, seed 1)

loupe survey link FILE --base URL
  Prints the link that opens the survey in FILE (a survey file, a text file with its link, or its
  JSON) in the Loupe app served at URL. The survey travels inside the link, after '#'.

loupe taste team create
  Writes the facilitator's team file: the members, the rota of who picks the category (in the
  order given, the first picks first), the cadence and the default reading list.
  --name TEXT        the team's name
  --member "NAME:ROLE[:junior]"
                     a member; ROLE is PM, designer, engineer or other; "junior" marks someone
                     the meeting calls on first. The mark is kept in this file only: no invite,
                     contribution or file for the team carries it. Repeat for every member.
  --cadence TEXT     when sessions are, e.g. "monthly second thursday 15:00 60" (first, second,
                     third, fourth or last; a weekday; 24-hour time; minutes). Default: that one.
  --out FILE         where to write the team file

loupe taste plan TEAM_FILE
  Plans a session for the team in TEAM_FILE (a team file or a session file) and writes the
  facilitator's session file; prints the invite's ready message. Everyone in the team is invited.
  --date YYYY-MM-DD  the day of the session
  --category TEXT    what kind of apps, e.g. "budgeting apps"
  --app "NAME | PLATFORM | LINK"
                     an app to try; PLATFORM is iOS, Android, web or desktop; the link may be
                     left out. Repeat: 3 to 6 apps.
  --focus TEXT       what to look at, e.g. onboarding
  --picker NAME      who picked the category (default: whose turn it is in the rota)
  --reply-to ADDRESS where participants send their notes
  --out FILE         where to write the session file

loupe taste invite SESSION_FILE --base URL
  Prints the invite link for the session in SESSION_FILE, for the Loupe app served at URL: the
  same link the app makes. The plan travels inside the link, after '#', without junior marks.

loupe taste calendar TEAM_FILE
  Prints the team's sessions as an iCalendar file (RFC 5545) to import into a calendar: one
  event repeating monthly on the cadence, at local time wherever it is opened.
  --from YYYY-MM-DD  the first session is the first cadence day on or after this (default: today)

loupe taste groups FILE
  Prints the small groups the meeting would split into, one line each ("Group 1: Ana, Bo, Cy"):
  the same proposal the app shows for the same people and seed. Up to 8 people: one group. More:
  as few groups of at most 6 as possible, their sizes within one of each other, the juniors
  within one, and each role (PM, designer, engineer, other) as evenly as the numbers allow.
  FILE is a team file or a session file. Only the facilitator's files know who is junior: with
  a copy made for the team, the groups spread sizes and roles only.
  --present NAME   someone who is here; repeat for everyone. Default: for a session file, those
                   marked present in the meeting, or everyone invited while nobody is marked; for
                   a team file, the whole team.
  --seed S         the shuffle, 0 to 2^64-1. Default: for a session file, the meeting's shuffle
                   (the app's "shuffle again"), or the session's id while it was never shuffled;
                   for a team file, 1. Another seed gives other groups under the same rule.
  --json           print {"seed": S, "groups": [["NAME", ...], ...]} instead
loupe taste report FILE...
  Prints a report of the session with everyone's notes brought in, as the team may see it (no
  junior marks, nothing deleted): per app the good, bad and ugly notes with their authors, tags,
  praise and screenshots, then the insights and the actions. FILE may be any mix of the following,
  recognised by content; a folder stands for the files in it, and - for standard input:
    session file       the facilitator's file of the session (needed: it holds the plan that
                       contributions and codes are read against); another copy of the same
                       session, e.g. a group's, is merged into it
    contribution file  one participant's notes, with their pictures
    text               any text holding contribution codes (TASTE-...): a saved e-mail thread will do
  Every input is accounted for on standard error ("notes.loupe: added, Ana's 4 notes",
  "mail.txt, code 2: damaged: ..."), then who has sent notes and who not yet; the report goes to
  standard output. Session files of different sessions make one report with each session in the
  order first given, and each contribution or code goes to the session it is for.
  --markdown     Markdown to paste into a wiki (the default)
  --html         one self-contained HTML page with the screenshots inside
  --csv          the notes as CSV: session,date,category,app,kind,author,text,tags,praised
                 (tags joined with "; "; praised: who praised the note, with their words after a
                 colon, joined with "; ", empty when nobody did)
  --actions-csv  the actions as CSV: session,date,category,action,owner,status,due
  --json         {"sessions": [{"id", "team", "date", "category", "picker", "focus",
                   "apps": [{"name", "platform", "link", "notes": [...]}], "insights", "actions"}]}
  A CSV cell that starts with = + - @ gets a leading ' so a spreadsheet shows it as text.
  Exit status: 0 when a report was printed, 1 when no session file could be read, 2 for a wrong
  command line.

Examples:
  loupe survey create --title "Our app" --items-file items.txt --question "Plan: Free | Plus" --out s.loupe
  loupe survey link s.loupe --base https://example.com/loupe/
  loupe simulate --items 12 --write-survey s.loupe --respondents 40 --out answers
  loupe analyze s.loupe answers/ mail-thread.txt --hb
  loupe analyze choices.csv --json
  loupe taste team create --name Checkout --member "Ana:designer" --member "Bo:engineer:junior" \
        --member "Cy:PM" --out team.loupe
  loupe taste plan team.loupe --date 2027-01-14 --category "budgeting apps" \
        --app "YNAB | iOS | https://ynab.com" --app "Monzo | Android" --app "Copilot | web" --out jan.loupe
  loupe taste invite jan.loupe --base https://example.com/loupe/
  loupe taste calendar team.loupe > taste.ics
  loupe taste groups jan.loupe --present Ana --present Bo --present Cy --seed 7
  loupe taste report jan.loupe contributions/ mail-thread.txt --html > jan.html
)";

struct CommandSpec {
    const char* name;  // one to three words: "analyze", "survey create", "taste team create"
    std::vector<std::string_view> value_options;
    std::vector<std::string_view> switches;
    bool takes_files;
    int (*run)(const Args&);
    std::vector<std::string_view> repeatable = {};  // value options that may be given more than once
};

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> specs = {
        {"analyze", {"survey", "iterations", "seed"}, {"hb", "json"}, true, run_analyze},
        {"design", {"items", "per-set", "sets", "versions", "seed"}, {"json"}, false, run_design},
        {"simulate",
         {"survey", "items", "per-set", "sets", "versions", "write-survey", "respondents", "out", "codes", "csv",
          "seed"},
         {},
         false,
         run_simulate},
        {"survey create",
         {"title", "items-file", "out", "intro", "question", "open-question", "reply-to", "per-set", "sets", "versions",
          "seed"},
         {},
         false,
         run_survey_create,
         {"question"}},
        {"survey link", {"base"}, {}, true, run_survey_link},
        {"taste team create", {"name", "member", "cadence", "out"}, {}, false, run_taste_team_create, {"member"}},
        {"taste plan",
         {"date", "category", "app", "focus", "picker", "reply-to", "out"},
         {},
         true,
         run_taste_plan,
         {"app"}},
        {"taste invite", {"base"}, {}, true, run_taste_invite},
        {"taste calendar", {"from"}, {}, true, run_taste_calendar},
        {"taste groups", {"present", "seed"}, {"json"}, true, run_taste_groups, {"present"}},
        {"taste report", {}, {"markdown", "html", "csv", "actions-csv", "json"}, true, run_taste_report},
    };
    return specs;
}

bool listed(const std::vector<std::string_view>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// How many of argv[1..] name the command `spec` (its words); 0 when they name another.
int command_words(const CommandSpec& spec, int argc, char** argv) {
    std::string_view name = spec.name;
    int words = 0;
    for (;;) {
        const std::size_t space = name.find(' ');
        if (1 + words >= argc || argv[1 + words] != name.substr(0, space)) return 0;
        ++words;
        if (space == std::string_view::npos) return words;
        name.remove_prefix(space + 1);
    }
}

// Fills `args` from the arguments after the command's name (argv[first..]); returns an error
// sentence, or "" when the command line is sound.
std::string parse(const CommandSpec& spec, int first, int argc, char** argv, Args& args) {
    args.command = spec.name;
    for (int i = first; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.size() < 2 || arg[0] != '-') {
            if (!spec.takes_files) return "unexpected argument '" + std::string(arg) + "'.";
            args.files.emplace_back(arg);
            continue;
        }
        if (arg.substr(0, 2) != "--") return "unknown option " + std::string(arg) + ".";
        const std::size_t equals = arg.find('=');
        const std::string name(arg.substr(2, equals == std::string_view::npos ? std::string_view::npos : equals - 2));
        if (args.has(name) && !listed(spec.repeatable, name)) return "--" + name + " is given twice.";
        if (listed(spec.switches, name)) {
            if (equals != std::string_view::npos) return "--" + name + " takes no value.";
            args.switches.push_back(name);
        } else if (listed(spec.value_options, name)) {
            if (equals != std::string_view::npos)
                args.values.emplace_back(name, std::string(arg.substr(equals + 1)));
            else if (i + 1 < argc)
                args.values.emplace_back(name, argv[++i]);
            else
                return "--" + name + " needs a value.";
        } else {
            return "unknown option --" + name + ".";
        }
    }
    return {};
}

// Display width of UTF-8 text: one column per code point (continuation bytes do not count).
std::size_t display_width(std::string_view s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first `width - 1` code points and "…", when `s` is wider than `width`.
std::string clip(const std::string& s, std::size_t width) {
    if (display_width(s) <= width) return s;
    std::size_t end = 0;
    for (std::size_t kept = 0; end < s.size(); ++end)
        if ((s[end] & 0xC0) != 0x80 && kept++ == width - 1) break;
    return s.substr(0, end) + "\xe2\x80\xa6";
}

}  // namespace

// ---- command line ------------------------------------------------------------------------------

bool Args::has(std::string_view name) const {
    return std::find(switches.begin(), switches.end(), name) != switches.end() || value(name) != nullptr;
}

const std::string* Args::value(std::string_view name) const {
    for (const auto& [key, text] : values)
        if (key == name) return &text;
    return nullptr;
}

std::vector<std::string> Args::values_of(std::string_view name) const {
    std::vector<std::string> found;
    for (const auto& [key, text] : values)
        if (key == name) found.push_back(text);
    return found;
}

Result<long long> int_option(const Args& args, std::string_view name, long long fallback, long long low,
                             long long high) {
    const std::string* text = args.value(name);
    if (!text) return fallback;
    long long number = 0;
    const char* end = text->data() + text->size();
    const auto [stop, error] = std::from_chars(text->data(), end, number);
    if (error != std::errc() || stop != end || number < low || number > high)
        return failure<long long>("--" + std::string(name) + " must be a whole number from " + std::to_string(low) +
                                  " to " + std::to_string(high) + ", not '" + *text + "'.");
    return number;
}

int usage_error(const Args& args, const std::string& message) {
    std::fprintf(stderr, "loupe %s: %s\nRun 'loupe --help' to see the commands and their options.\n",
                 args.command.c_str(), message.c_str());
    return kExitUsage;
}

// ---- files -------------------------------------------------------------------------------------

Result<std::vector<std::uint8_t>> read_file(const std::string& path) {
    using Bytes = std::vector<std::uint8_t>;
    const std::string too_large = "It is larger than 64 MiB, far more than any survey, response or choice table.";
    if (path == "-") {
        Bytes bytes;
        char chunk[65536];
        for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0;) {
            if (bytes.size() + n > kMaxInputBytes) return failure<Bytes>(too_large);
            bytes.insert(bytes.end(), chunk, chunk + n);
        }
        return bytes;
    }
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) return failure<Bytes>("There is no such file.");
    if (std::filesystem::is_directory(status)) return failure<Bytes>("It is a folder, not a file.");
    const auto size = std::filesystem::file_size(path, error);
    if (error) return failure<Bytes>("It cannot be read (" + error.message() + ").");
    if (size > kMaxInputBytes) return failure<Bytes>(too_large);
    std::ifstream in(path, std::ios::binary);
    Bytes bytes(size);
    if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size)))
        return failure<Bytes>(std::string("It cannot be read (") + std::strerror(errno) + ").");
    return bytes;
}

std::vector<NamedBytes> read_inputs(const std::vector<std::string>& paths) {
    std::vector<NamedBytes> inputs;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path == "-" || !std::filesystem::is_directory(path, error)) {
            inputs.push_back({path == "-" ? "stdin" : path, read_file(path)});
            continue;
        }
        std::vector<std::filesystem::path> files;
        // increment(error) rather than a range-for, whose ++ throws when a folder cannot be read.
        for (std::filesystem::directory_iterator it(path, error), end; !error && it != end; it.increment(error))
            if (it->is_regular_file(error) && it->path().filename().string().front() != '.')
                files.push_back(it->path());
        std::sort(files.begin(), files.end());
        if (error || files.empty())
            inputs.push_back({path, failure<std::vector<std::uint8_t>>(
                                        error ? "This folder cannot be read (" + error.message() + ")."
                                              : std::string("This folder holds no files."))});
        for (const auto& file : files) inputs.push_back({file.string(), read_file(file.string())});
    }
    return inputs;
}

std::string write_file(const std::string& path, std::span<const std::uint8_t> bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (out) out.close();
    return out ? std::string() : "cannot write " + path + " (" + std::strerror(errno) + ").";
}

std::string write_file(const std::string& path, std::string_view text) {
    return write_file(path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

// ---- output ------------------------------------------------------------------------------------

std::string after_colon(std::string sentence) {
    // "This ..." becomes "this ...", but "LOUPE-..." or "CSV ..." keep their capitals.
    if (sentence.size() >= 2 && sentence[0] >= 'A' && sentence[0] <= 'Z' && sentence[1] >= 'a' && sentence[1] <= 'z')
        sentence[0] = char(sentence[0] - 'A' + 'a');
    return sentence;
}

std::string fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "-";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string count_of(long long n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string Table::render(std::string_view indent) const {
    std::size_t columns = header.size();
    for (const auto& row : rows) columns = std::max(columns, row.size());
    auto right = [&](std::size_t c) { return c < right_aligned.size() && right_aligned[c]; };
    auto cell = [&](const std::vector<std::string>& row, std::size_t c) {
        const std::string text = c < row.size() ? row[c] : std::string();
        return right(c) ? text : clip(text, max_text_width);
    };
    std::vector<std::size_t> width(columns, 0);
    for (std::size_t c = 0; c < columns; ++c) {
        width[c] = display_width(cell(header, c));
        for (const auto& row : rows) width[c] = std::max(width[c], display_width(cell(row, c)));
    }
    std::string out;
    auto add_row = [&](const std::vector<std::string>& row) {
        std::string line(indent);
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string text = cell(row, c);
            const std::string pad(width[c] - display_width(text), ' ');
            line += right(c) ? pad + text : text + pad;
            if (c + 1 < columns) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    };
    if (!header.empty()) add_row(header);
    for (const auto& row : rows) add_row(row);
    return out;
}

void json_number(JsonWriter& json, double value) {
    if (std::isfinite(value))
        json.Double(value);
    else
        json.Null();
}

void json_string(JsonWriter& json, std::string_view text) {
    json.String(text.data(), rapidjson::SizeType(text.size()));
}

}  // namespace loupe::cli

int main(int argc, char** argv) {
    using namespace loupe::cli;
    const std::string_view first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h" || first == "help") {
        std::fputs(kHelp, stdout);
        return kExitOk;
    }
    if (first == "--version") {
        std::puts("loupe 0.1.0");
        return kExitOk;
    }
    for (int i = 2; i < argc; ++i)
        if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") {
            std::fputs(kHelp, stdout);
            return kExitOk;
        }
    for (const CommandSpec& spec : commands()) {
        const int words = command_words(spec, argc, argv);
        if (words == 0) continue;
        Args args;
        if (std::string problem = parse(spec, 1 + words, argc, argv, args); !problem.empty())
            return usage_error(args, problem);
        return spec.run(args);
    }
    std::string message;
    if (first.empty())
        message = "loupe: say what to do: analyze, design, simulate, survey or taste.";
    else if (first == "survey")
        message = argc > 2 ? "loupe survey: unknown command '" + std::string(argv[2]) + "'; it is create or link."
                           : "loupe survey: say what to do: create or link.";
    else if (first == "taste" && argc > 2 && std::string_view(argv[2]) == "team")
        message = "loupe taste team: say what to do: create.";
    else if (first == "taste")
        message = argc > 2 ? "loupe taste: unknown command '" + std::string(argv[2]) +
                                 "'; it is team create, plan, invite, calendar, groups or report."
                           : "loupe taste: say what to do: team create, plan, invite, calendar, groups or report.";
    else
        message = "loupe: unknown command '" + std::string(first) +
                  "'; the commands are analyze, design, simulate, survey and taste.";
    std::fprintf(stderr, "%s\nRun 'loupe --help' to see the commands and their options.\n", message.c_str());
    return kExitUsage;
}
