// taste.cpp — `loupe taste team create`, `plan`, `invite`, `calendar`, `groups` and `report`: a
// taste-session team and a month's plan from the command line, the invite link the app would make,
// the .ics, the meeting's small groups as the app proposes them, and the sessions with everyone's
// notes brought in, as a report.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <random>

#include "cli/cli.h"
#include "core/shared/container.h"
#include "core/taste/formats.h"
#include "core/taste/meeting.h"
#include "core/taste/import.h"
#include "core/taste/merge.h"
#include "core/taste/report.h"
#include "core/taste/team.h"

namespace loupe::cli {
namespace {

using namespace loupe::taste;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (;;) {
        const std::size_t at = text.find(separator);
        parts.push_back(trimmed(text.substr(0, at)));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + 1);
    }
}

int failed(const Args& args, const std::string& message) {
    std::fprintf(stderr, "loupe %s: %s\n", args.command.c_str(), message.c_str());
    return kExitFailed;
}

// Ids must differ between runs and machines, so they come from the system's random source.
Rng fresh_rng() {
    std::random_device device;
    return Rng(std::uint64_t(device()) << 32 | device());
}

std::int64_t now() { return std::int64_t(std::time(nullptr)); }

// "NAME:ROLE[:junior]"
Result<NewMember> member_from_text(std::string_view text) {
    const std::string example = " e.g. --member \"Ana:designer\" or --member \"Bo:engineer:junior\".";
    const auto parts = split(text, ':');
    if (parts.size() < 2 || parts.size() > 3)
        return failure<NewMember>("--member \"" + std::string(text) + "\" needs a name and a role separated by a colon," +
                                  example);
    NewMember m;
    m.name = parts[0];
    auto role = parse_role(parts[1]);
    if (!role) return failure<NewMember>("--member \"" + std::string(text) + "\": " + after_colon(role.error()));
    m.role = *role;
    if (parts.size() == 3) {
        if (parts[2] != "junior")
            return failure<NewMember>("--member \"" + std::string(text) + "\": the third part can only be \"junior\".");
        m.junior = true;
    }
    return m;
}

// "NAME | PLATFORM | LINK"; the link may be left out.
Result<App> app_from_text(std::string_view text, Rng& rng) {
    const auto parts = split(text, '|');
    if (parts.size() < 2 || parts.size() > 3)
        return failure<App>("--app \"" + std::string(text) +
                            "\" needs a name, a platform and a link separated by |, e.g. --app \"YNAB | iOS | "
                            "https://ynab.com\".");
    App app;
    app.id = rng.next() | 1;
    app.name = parts[0];
    auto platform = parse_platform(parts[1]);
    if (!platform) return failure<App>("--app \"" + std::string(text) + "\": " + after_colon(platform.error()));
    app.platform = *platform;
    if (parts.size() == 3) app.link = parts[2];
    return app;
}

// A team from a team file, or from a session file's copy of it.
Result<Team> team_from_bytes(std::span<const std::uint8_t> bytes) {
    auto team = read_team_file(bytes);
    if (team) return team;
    if (auto session = read_session_file(bytes)) return session->team;
    return team;
}

const Member* member_named(const Team& team, std::string_view name) {
    for (const Member& m : team.members)
        if (!m.head.deleted && m.name == name) return &m;
    return nullptr;
}

std::string names(const Team& team) {  // in the rota's order, which is the order they were given in
    std::string out;
    for (std::uint64_t id : team.settings.rota.order)
        if (const Member* m = find_member(team, id)) out += (out.empty() ? "" : ", ") + m->name;
    return out;
}

// A session file as it is, or a team file as a session file with no session in it (plan id 0,
// which a session file never has).
Result<SessionFile> team_or_session_file(std::span<const std::uint8_t> bytes) {
    FileKind kind{};
    if (peek_file_kind(bytes, kind) && kind == FileKind::TasteSession) return read_session_file(bytes);
    auto team = read_team_file(bytes);
    if (!team) return failure<SessionFile>(team.error());
    SessionFile file;
    file.team = std::move(*team);
    return file;
}

// The whole team, in the order they were given (the rota's), then anyone the rota lacks.
std::vector<std::uint64_t> everyone(const Team& team) {
    std::vector<std::uint64_t> ids;
    for (std::uint64_t id : team.settings.rota.order)
        if (find_member(team, id)) ids.push_back(id);
    for (const Member& m : team.members)
        if (!m.head.deleted && std::find(ids.begin(), ids.end(), m.head.id) == ids.end()) ids.push_back(m.head.id);
    return ids;
}

// --present NAME...: members (or the session's guests) by name, in the order named.
Result<std::vector<std::uint64_t>> named_present(const std::vector<std::string>& names_given, const Team& team,
                                                 const Session& session) {
    std::vector<std::uint64_t> ids;
    for (const std::string& name : names_given) {
        const Member* m = member_named(team, name);
        for (const Guest& g : session.guests)
            if (!m && !g.head.deleted && g.name == name) m = &g;
        if (!m)
            return failure<std::vector<std::uint64_t>>("no one named '" + name + "' in the team '" +
                                                       team.settings.name + "' (" + names(team) + ").");
        if (std::find(ids.begin(), ids.end(), m->head.id) != ids.end())
            return failure<std::vector<std::uint64_t>>("'" + name + "' is named twice with --present.");
        ids.push_back(m->head.id);
    }
    return ids;
}

// The name of a member or guest by id, as the groups list them.
std::string name_of(const Team& team, const Session& session, std::uint64_t id) {
    if (const Member* m = find_member(team, id)) return m->name;
    for (const Guest& g : session.guests)
        if (g.head.id == id && !g.head.deleted) return g.name;
    return "someone not in the team";
}

// --seed: any 64-bit number, as a session's id (the default seed for its groups) is one.
Result<std::uint64_t> seed_option(const Args& args, std::uint64_t fallback) {
    const std::string* text = args.value("seed");
    if (!text) return fallback;
    std::uint64_t seed = 0;
    const char* end = text->data() + text->size();
    const auto [stop, error] = std::from_chars(text->data(), end, seed);
    if (error != std::errc() || stop != end)
        return failure<std::uint64_t>("--seed must be a whole number from 0 to 18446744073709551615, not '" + *text +
                                      "'.");
    return seed;
}

void print_groups_json(const Groups& groups, const Team& team, const Session& session, std::uint64_t seed) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.SetIndent(' ', 2);
    json.StartObject();
    json.Key("seed"), json.Uint64(seed);
    json.Key("groups"), json.StartArray();
    for (const auto& group : groups) {
        json.StartArray();
        for (std::uint64_t id : group) json_string(json, name_of(team, session, id));
        json.EndArray();
    }
    json.EndArray();
    json.EndObject();
    std::printf("%s\n", buffer.GetString());
}

}  // namespace

int run_taste_team_create(const Args& args) {
    if (!args.has("name")) return usage_error(args, "give the team a name with --name TEXT.");
    if (!args.has("member")) return usage_error(args, "name the members with --member \"NAME:ROLE[:junior]\"...");
    if (!args.has("out")) return usage_error(args, "say where to write the team file with --out FILE.");
    std::vector<NewMember> members;
    for (const std::string& text : args.values_of("member")) {
        auto m = member_from_text(text);
        if (!m) return usage_error(args, m.error());
        members.push_back(std::move(*m));
    }
    Cadence cadence;
    if (const std::string* text = args.value("cadence")) {
        auto parsed = parse_cadence(*text);
        if (!parsed) return usage_error(args, "--cadence: " + after_colon(parsed.error()));
        cadence = *parsed;
    }
    Rng rng = fresh_rng();
    auto team = make_team(*args.value("name"), members, cadence, rng.next() | 1, now(), rng);
    if (!team) return usage_error(args, after_colon(team.error()));

    const std::string& out = *args.value("out");
    if (std::string problem = write_file(out, write_team_file(*team, Audience::Facilitator)); !problem.empty())
        return failed(args, problem);
    std::size_t juniors = 0;
    for (const NewMember& m : members) juniors += m.junior;
    std::printf("Wrote the team \"%s\" to %s: %s%s; %s; %s picks the first category.\n", team->settings.name.c_str(),
                out.c_str(), count_of(long(members.size()), "member").c_str(),
                juniors ? (" (" + count_of(long(juniors), "junior") + ", marked only in this file)").c_str() : "",
                cadence_text(cadence).c_str(), find_member(*team, rota_picker(team->settings.rota))->name.c_str());
    return kExitOk;
}

int run_taste_plan(const Args& args) {
    if (args.files.size() != 1) return usage_error(args, "name one team file.");
    if (!args.has("date")) return usage_error(args, "give the session's day with --date YYYY-MM-DD.");
    if (!args.has("category")) return usage_error(args, "say what kind of apps with --category TEXT.");
    if (!args.has("out")) return usage_error(args, "say where to write the session file with --out FILE.");
    const std::string& path = args.files[0];
    const auto bytes = read_file(path);
    auto team = bytes ? team_from_bytes(*bytes) : failure<Team>(bytes.error());
    if (!team) return failed(args, path + ": " + after_colon(team.error()));

    auto date = parse_date(*args.value("date"));
    if (!date) return usage_error(args, "--date: " + after_colon(date.error()));
    Rng rng = fresh_rng();
    Plan plan;
    plan.head = {rng.next() | 1, {1, now(), team->settings.head.rev.author}, false};
    plan.team_id = team->settings.head.id;
    plan.date = *date;
    plan.category = *args.value("category");
    if (const std::string* focus = args.value("focus")) plan.focus = *focus;
    if (const std::string* reply_to = args.value("reply-to")) plan.reply_to = *reply_to;
    for (const std::string& text : args.values_of("app")) {
        auto app = app_from_text(text, rng);
        if (!app) return usage_error(args, app.error());
        plan.apps.push_back(std::move(*app));
    }
    if (plan.apps.size() < kMinApps || plan.apps.size() > kMaxApps)
        return usage_error(args, "a session has 3 to 6 apps to try; give each with --app \"NAME | PLATFORM | LINK\" (" +
                                     count_of(long(plan.apps.size()), "app") + " given).");
    if (const std::string* name = args.value("picker")) {
        const Member* m = member_named(*team, *name);
        if (!m) return usage_error(args, "--picker \"" + *name + "\" is not in the team (" + names(*team) + ").");
        plan.picker = m->head.id;
    } else {
        plan.picker = rota_picker(team->settings.rota);
    }
    for (const Member& m : team->members)
        if (!m.head.deleted) plan.invited.push_back(m.head.id);
    if (std::string problem = plan_problem(plan, *team); !problem.empty()) return usage_error(args, after_colon(problem));

    SessionFile file;
    file.team = *team;
    file.session.plan = plan;
    const std::string& out = *args.value("out");
    if (std::string problem = write_file(out, write_session_file(file, Audience::Facilitator)); !problem.empty())
        return failed(args, problem);
    std::printf("Wrote the session to %s.\n%s\n", out.c_str(), invite_message(make_invite(*team, plan)).c_str());
    return kExitOk;
}

int run_taste_invite(const Args& args) {
    if (args.files.size() != 1) return usage_error(args, "name one session file.");
    const std::string* base = args.value("base");
    if (!base) return usage_error(args, "say where the Loupe app is served with --base URL.");
    if (base->empty() || base->find_first_of("# \t\r\n") != std::string::npos)
        return usage_error(args, "--base must be a URL without spaces or '#': the plan goes after the '#'.");
    const std::string& path = args.files[0];
    const auto bytes = read_file(path);
    auto file = bytes ? read_session_file(*bytes) : failure<SessionFile>(bytes.error());
    if (!file) return failed(args, path + ": " + after_colon(file.error()));
    std::printf("%s\n", invite_link(file->team, file->session.plan, *base).c_str());
    return kExitOk;
}

int run_taste_calendar(const Args& args) {
    if (args.files.size() != 1) return usage_error(args, "name one team file.");
    const std::string& path = args.files[0];
    const auto bytes = read_file(path);
    auto team = bytes ? team_from_bytes(*bytes) : failure<Team>(bytes.error());
    if (!team) return failed(args, path + ": " + after_colon(team.error()));
    Date from = date_of_unix(now());
    if (const std::string* text = args.value("from")) {
        auto date = parse_date(*text);
        if (!date) return usage_error(args, "--from: " + after_colon(date.error()));
        from = *date;
    }
    const Date first = next_session_date(team->settings.cadence, add_days(from, -1));  // on or after `from`
    std::fputs(team_calendar(*team, first, now()).c_str(), stdout);
    return kExitOk;
}

int run_taste_groups(const Args& args) {
    if (args.files.size() != 1) return usage_error(args, "name one team file or session file.");
    const std::string& path = args.files[0];
    const auto bytes = read_file(path);
    auto file = bytes ? team_or_session_file(*bytes) : failure<SessionFile>(bytes.error());
    if (!file) return failed(args, path + ": " + after_colon(file.error()));
    const Team& team = file->team;
    const Session& session = file->session;
    const bool is_session = session.plan.head.id != 0;

    std::vector<std::uint64_t> present;
    if (args.has("present")) {
        auto named = named_present(args.values_of("present"), team, session);
        if (!named) return usage_error(args, named.error());
        present = std::move(*named);
    } else {
        present = is_session ? present_people(session) : everyone(team);
    }
    auto seed = seed_option(args, is_session ? groups_seed(session) : 1);
    if (!seed) return usage_error(args, seed.error());

    std::vector<Person> people;
    for (std::uint64_t id : present) people.push_back(person_of(team, session, id));
    const Groups groups = propose_groups(people, *seed);
    if (args.has("json")) {
        print_groups_json(groups, team, session, *seed);
        return kExitOk;
    }
    if (groups.empty()) std::printf("Nobody is here, so there are no groups.\n");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::string line = "Group " + std::to_string(g + 1) + ":";
        for (std::size_t k = 0; k < groups[g].size(); ++k)
            line += (k ? ", " : " ") + name_of(team, session, groups[g][k]);
        std::printf("%s\n", line.c_str());
    }
    return kExitOk;
}

// ---- taste report ----------------------------------------------------------------------------

namespace {

// The sessions being reported, each with the pictures that came with it.
struct Reported {
    std::vector<SessionFile> sessions;
    std::vector<std::string> lines;  // one or more per input, for stderr

    SessionFile* find(std::uint64_t id) {
        for (SessionFile& s : sessions)
            if (s.session.plan.head.id == id) return &s;
        return nullptr;
    }
};

// "notes.loupe: added, Ana's 4 notes", "mail.txt, code 2: damaged: this contribution code has a typo..."
std::string line_text(const ImportLine& line) {
    std::string text = line.source + ": " + import_status_name(line.status);
    const bool read = line.status != ImportStatus::Damaged && line.status != ImportStatus::OtherSession;
    if (read) text += ", " + (line.author.empty() ? std::string() : line.author + "'s ") + count_of(line.notes, "note");
    if (!line.reason.empty()) text += ": " + after_colon(line.reason);
    return text;
}

void bring_in(Reported& r, SessionFile& into, ImportInput input) {
    const std::vector<ImportInput> one = {std::move(input)};
    for (const ImportLine& line : import_into_session(into.session, into.images, into.team, one).lines)
        r.lines.push_back(line_text(line));
}

// A session file starts a session of the report, or is merged into the copy already there.
void add_session_file(Reported& r, const std::string& source, const std::vector<std::uint8_t>& bytes) {
    auto file = read_session_file(bytes);
    if (!file) return r.lines.push_back(source + ": damaged: " + after_colon(file.error()));
    if (SessionFile* known = r.find(file->session.plan.head.id)) {
        merge(known->team, file->team);
        return bring_in(r, *known, {source, bytes});
    }
    const Plan& plan = file->session.plan;
    std::size_t notes = 0;
    for (const Note& n : file->session.notes) notes += !n.head.deleted;
    r.lines.push_back(source + ": the session, " + plan.category + " on " + date_text(plan.date) + ", " +
                      count_of(long(notes), "note"));
    r.sessions.push_back(std::move(*file));
}

// Each code goes to the session it is for; a code for none of them is said to be so.
void add_codes(Reported& r, const std::string& source, std::string_view text) {
    std::vector<std::vector<FoundContribution>> found;  // per session
    for (const SessionFile& s : r.sessions) found.push_back(find_contribution_codes(text, s.session.plan));
    const std::size_t codes = found.front().size();
    if (codes == 0)
        return r.lines.push_back(source +
                                 ": not used: it holds no contribution code (codes start with TASTE-) and "
                                 "is not a Loupe file.");
    for (std::size_t i = 0; i < codes; ++i) {
        const std::string name = codes == 1 ? source : source + ", code " + std::to_string(i + 1);
        std::size_t k = 0;
        while (k < found.size() && (i >= found[k].size() || found[k][i].other_session)) ++k;
        if (k == found.size()) {
            r.lines.push_back(name + ": another session: this contribution code is for a session not given here.");
            continue;
        }
        const FoundContribution& code = found[k][i];
        const std::string_view piece = text.substr(code.begin, code.end - code.begin);
        bring_in(r, r.sessions[k], {name, std::vector<std::uint8_t>(piece.begin(), piece.end())});
    }
}

void add_other(Reported& r, const std::string& source, const std::vector<std::uint8_t>& bytes) {
    FileKind kind{};
    if (!peek_file_kind(bytes, kind))
        return add_codes(r, source, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    if (kind != FileKind::TasteContribution)
        return r.lines.push_back(source + ": not used: it is a Loupe " + file_kind_name(kind) +
                                 ", not a session file, a contribution file or text with contribution codes.");
    auto c = read_contribution_file(bytes);
    if (!c) return r.lines.push_back(source + ": damaged: " + after_colon(c.error()));
    SessionFile* into = r.find(c->session);
    if (!into)
        return r.lines.push_back(source + ": another session: " + c->author.name +
                                 "'s contribution is for a session not given here.");
    bring_in(r, *into, {source, bytes});
}

// What one input brings in. Session files come in the first pass, the rest in the second: contributions
// and codes are read against the sessions' plans.
void account_for(Reported& r, const NamedBytes& in, bool sessions_pass) {
    FileKind kind{};
    const bool session = in.bytes && peek_file_kind(*in.bytes, kind) && kind == FileKind::TasteSession;
    if (sessions_pass) {
        if (!in.bytes)
            r.lines.push_back(in.source + ": cannot be read: " + after_colon(in.bytes.error()));
        else if (session)
            add_session_file(r, in.source, *in.bytes);
    } else if (in.bytes && !session) {
        if (r.sessions.empty())
            r.lines.push_back(in.source + ": not used: there is no session file to read it against.");
        else
            add_other(r, in.source, *in.bytes);
    }
}

// Who has sent notes to each session and who not yet, after everything was brought in.
void add_who_sent(Reported& r) {
    for (SessionFile& s : r.sessions) {
        const ImportReport who = import_into_session(s.session, s.images, s.team, {});
        const auto names = [&](const std::vector<std::uint64_t>& ids) {
            std::string text;
            for (std::uint64_t id : ids) text += (text.empty() ? "" : ", ") + person_name(s.session, s.team, id);
            return text.empty() ? std::string("nobody") : text;
        };
        r.lines.push_back(s.session.plan.category + " on " + date_text(s.session.plan.date) + ": notes from " +
                          names(who.sent) +
                          (who.missing.empty() ? "; everyone invited has sent some."
                                               : "; none yet from " + names(who.missing) + "."));
    }
}

}  // namespace

int run_taste_report(const Args& args) {
    const char* formats[] = {"markdown", "html", "csv", "actions-csv", "json"};
    const auto chosen =
        std::count_if(std::begin(formats), std::end(formats), [&](const char* f) { return args.has(f); });
    if (chosen > 1) return usage_error(args, "choose one of --markdown, --html, --csv, --actions-csv and --json.");
    if (args.files.empty())
        return usage_error(args, "name the session file, and any contribution files or texts with contribution codes.");

    const std::vector<NamedBytes> inputs = read_inputs(args.files);
    Reported r;
    std::vector<std::vector<std::string>> lines(inputs.size());  // printed in the inputs' order
    for (const bool sessions_pass : {true, false})
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            account_for(r, inputs[i], sessions_pass);
            lines[i].insert(lines[i].end(), r.lines.begin(), r.lines.end());
            r.lines.clear();
        }
    add_who_sent(r);
    for (const auto& input_lines : lines)
        for (const std::string& line : input_lines) std::fprintf(stderr, "%s\n", line.c_str());
    for (const std::string& line : r.lines) std::fprintf(stderr, "%s\n", line.c_str());
    if (r.sessions.empty()) {
        std::fprintf(stderr,
                     "loupe %s: no session file could be read: a report needs the session's file, which "
                     "holds the plan that contributions and codes are read against.\n",
                     args.command.c_str());
        return kExitFailed;
    }

    const std::string out = args.has("html")          ? report_html(r.sessions)
                            : args.has("csv")         ? notes_csv(r.sessions)
                            : args.has("actions-csv") ? actions_csv(r.sessions)
                            : args.has("json")        ? report_json(r.sessions)
                                                      : report_markdown(r.sessions);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
}

}  // namespace loupe::cli
