// report.cpp — building the reports: first one view of each session (only what a team member may
// see, names looked up, deleted records left out, text repaired to UTF-8), then a writer per format
// over that view, so every format shows the same thing.
//
// Sections: the view · safe text (UTF-8, Markdown, HTML, links, CSV) · Markdown · HTML · JSON ·
// CSV · public functions.
#include "core/taste/report.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/shared/packing.h"
#include "core/shared/sorting.h"
#include "core/shared/text.h"
#include "core/taste/import.h"

namespace loupe::taste {
namespace {

// ---- the view ------------------------------------------------------------------------------

struct Shot {
    std::string file_name;
    const ScreenshotImage* image = nullptr;  // null when the file holds only the picture's id (a code)
    bool webp = false;
    std::uint16_t width = 0, height = 0;
};

struct PraiseLine {
    std::string by, words;
};

struct NoteLine {
    std::uint64_t id = 0;
    std::int64_t time = 0;  // for the order of one author's notes
    std::string author, text;
    std::vector<std::string> tags;
    std::vector<PraiseLine> praise;
    std::vector<Shot> shots;
};

struct AppSection {
    bool in_plan = true;  // false: the notes about apps no longer in the plan
    std::string name, platform, link;
    std::array<std::vector<NoteLine>, kLastKind + 1> notes;  // by kind

    bool has_notes() const {
        return std::any_of(notes.begin(), notes.end(), [](const auto& n) { return !n.empty(); });
    }
};

// A note as an insight cites it.
struct Quote {
    std::uint64_t note = 0;
    std::string app, kind, author, text;
};

struct InsightLine {
    std::string text;
    std::vector<Quote> notes;
};

struct ActionLine {
    std::string text, owner, status, due;  // owner and due empty when there is none
};

struct SessionView {
    std::uint64_t id = 0;
    std::string team, date, category, picker, focus;
    std::vector<AppSection> apps;  // as planned, then the notes about apps no longer in the plan
    std::vector<InsightLine> insights;
    std::vector<ActionLine> actions;
};

constexpr const char* kKindHeadings[] = {"Good", "Bad", "Ugly"};
constexpr std::string_view kGoneApps = "Apps no longer in the plan";
constexpr std::size_t kQuoteBytes = 140;

// Valid UTF-8, with U+FFFD for each byte that does not start a whole character.
std::string clean(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i + length <= text.size() && is_valid_utf8(text.substr(i, length))) {
            out += text.substr(i, length), i += length;
        } else {
            out += "\xEF\xBF\xBD", i += 1;
        }
    }
    return out;
}

std::string hex_id(std::uint64_t id) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
    return text;
}

const char* status_name(ActionStatus status) {
    switch (status) {
        case ActionStatus::Open: return "open";
        case ActionStatus::Doing: return "doing";
        case ActionStatus::Done: return "done";
        case ActionStatus::Dropped: return "dropped";
    }
    return "open";
}

// What the reports know of a picture: its stored metadata, else the metadata its bytes came with.
Shot shot_of(const SessionFile& file, std::uint64_t id) {
    Shot shot;
    Screenshot meta;
    meta.id = id;
    const auto image =
        std::find_if(file.images.begin(), file.images.end(), [&](const ScreenshotImage& i) { return i.meta.id == id; });
    const auto stored = std::find_if(file.session.screenshots.begin(), file.session.screenshots.end(),
                                     [&](const Screenshot& s) { return s.id == id; });
    if (image != file.images.end()) shot.image = &*image, meta = image->meta;
    if (stored != file.session.screenshots.end()) meta = *stored;
    shot.file_name = screenshot_file_name(meta);
    shot.webp = meta.format == ImageFormat::WebP;
    shot.width = meta.width, shot.height = meta.height;
    return shot;
}

NoteLine note_line(const SessionFile& file, const Team& team, const Note& note) {
    const Session& s = file.session;
    NoteLine line;
    line.id = note.head.id;
    line.time = note.head.rev.time;
    line.author = clean(person_name(s, team, note.author));
    line.text = clean(note.text);
    for (const std::string& tag : note.tags) line.tags.push_back(clean(tag));
    for (const Praise& p : s.praise)
        if (!p.head.deleted && p.note == note.head.id)
            line.praise.push_back({clean(person_name(s, team, p.by)), clean(p.words)});
    for (std::uint64_t id : note.screenshots) line.shots.push_back(shot_of(file, id));
    return line;
}

std::string excerpt(const std::string& text) {
    const std::string_view start = utf8_prefix(text, kQuoteBytes);
    return start.size() == text.size() ? text : std::string(start) + "\xE2\x80\xA6";
}

// Notes with their app and kind, by author's name, then as written; each also as a quote for insights.
void add_notes(SessionView& view, const SessionFile& file, const Team& team, std::map<std::uint64_t, Quote>& quotes) {
    const Plan& plan = file.session.plan;
    AppSection gone;
    gone.in_plan = false;
    gone.name = kGoneApps;
    for (const Note& note : file.session.notes) {
        const std::size_t kind = static_cast<std::size_t>(note.kind);
        if (note.head.deleted || kind > kLastKind) continue;
        const auto app =
            std::find_if(plan.apps.begin(), plan.apps.end(), [&](const App& a) { return a.id == note.app; });
        AppSection& section = app == plan.apps.end() ? gone : view.apps[std::size_t(app - plan.apps.begin())];
        NoteLine line = note_line(file, team, note);
        quotes[line.id] = {line.id, section.in_plan ? section.name : "an app no longer in the plan",
                           kind_name(note.kind), line.author, excerpt(line.text)};
        section.notes[kind].push_back(std::move(line));
    }
    if (gone.has_notes()) view.apps.push_back(std::move(gone));
    for (AppSection& section : view.apps)
        for (auto& notes : section.notes)
            sort_stable(notes, [](const NoteLine& a, const NoteLine& b) {
                return std::tie(a.author, a.time, a.id) < std::tie(b.author, b.time, b.id);
            });
}

// Records in the order they were made (as far as their last edit tells), not by their random ids.
template <class T>
std::vector<T> by_time(std::vector<T> records) {
    sort_stable(records, [](const T& a, const T& b) {
        return std::pair(a.head.rev.time, a.head.id) < std::pair(b.head.rev.time, b.head.id);
    });
    return records;
}

SessionView view_of(const SessionFile& file) {
    const Team team = for_the_team(file.team);  // what a team member may see: no junior flag
    const Session& s = file.session;
    SessionView view;
    view.id = s.plan.head.id;
    view.team = clean(team.settings.name);
    view.date = date_text(s.plan.date);
    view.category = clean(s.plan.category);
    view.picker = clean(person_name(s, team, s.plan.picker));
    view.focus = clean(s.plan.focus);
    for (const App& app : s.plan.apps) {
        AppSection section;
        section.name = clean(app.name);
        section.platform = platform_name(app.platform);
        section.link = clean(app.link);
        view.apps.push_back(std::move(section));
    }
    std::map<std::uint64_t, Quote> quotes;
    add_notes(view, file, team, quotes);
    for (const Insight& insight : by_time(s.insights)) {
        if (insight.head.deleted) continue;
        InsightLine line{clean(insight.text), {}};
        for (std::uint64_t id : insight.notes)
            if (const auto quote = quotes.find(id); quote != quotes.end()) line.notes.push_back(quote->second);
        view.insights.push_back(std::move(line));
    }
    std::vector<Action> actions = by_time(s.actions);  // then what is still to do first, soonest due first
    sort_stable(actions, [](const Action& a, const Action& b) {
        const auto due = [](const Action& x) { return x.due.year ? x.due : Date{9999, 12, 31}; };
        return std::pair(a.status, due(a)) < std::pair(b.status, due(b));
    });
    for (const Action& action : actions) {
        if (action.head.deleted) continue;
        view.actions.push_back({clean(action.text), action.owner ? clean(person_name(s, team, action.owner)) : "",
                                status_name(action.status), action.due.year ? date_text(action.due) : ""});
    }
    return view;
}

std::vector<SessionView> views_of(std::span<const SessionFile> files) {
    std::vector<SessionView> views;
    for (const SessionFile& file : files) views.push_back(view_of(file));
    return views;
}

// ---- safe text -----------------------------------------------------------------------------

// The lines of `text` without the spaces around them, blank ones left out.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find_first_of("\r\n"), text.size());
        std::string_view line = text.substr(0, end);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (!line.empty()) lines.push_back(line);
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return lines;
}

// One line of people's text as Markdown shows it literally. Backslash-escaped: what marks up
// anywhere (emphasis, code, links, raw HTML, entities, tables, strikethrough, headings' #), and what
// opens a block at a line's start (a list item, a setext underline, an ordered item "1." or "1)").
std::string md_line(std::string_view line) {
    constexpr std::string_view kAnywhere = "\\`*_[]<>|~&#";
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const bool opens_block =
            (i == 0 && (c == '+' || c == '-' || c == '=')) || (i == digits && digits > 0 && (c == '.' || c == ')'));
        if (kAnywhere.find(c) != std::string_view::npos || opens_block) out += '\\';
        out += c;
    }
    return out;
}

// Text on one line (a heading, a name): its lines joined with spaces.
std::string md_inline(std::string_view text) {
    std::string out;
    for (std::string_view line : lines_of(text)) out += (out.empty() ? "" : " ") + md_line(line);
    return out;
}

// Text that may span lines (a note) inside a list item indented by `indent`: hard line breaks.
std::string md_block(std::string_view text, std::string_view indent) {
    std::string out;
    for (std::string_view line : lines_of(text)) {
        if (!out.empty()) out += "\\\n" + std::string(indent);
        out += md_line(line);
    }
    return out;
}

std::string html(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// Only web links become clickable: a "javascript:" link in a report would run when clicked.
bool web_link(std::string_view link) {
    const auto starts = [&](std::string_view scheme) {
        return link.size() > scheme.size() &&
               std::equal(scheme.begin(), scheme.end(), link.begin(),
                          [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : b); });
    };
    return (starts("http://") || starts("https://")) && std::none_of(link.begin(), link.end(), [](char c) {
               return (unsigned char)c <= ' ' || c == '<' || c == '>';
           });
}

std::string md_link(const std::string& link) { return web_link(link) ? "<" + link + ">" : md_inline(link); }

std::string html_link(const std::string& link) {
    return web_link(link) ? "<a href=\"" + html(link) + "\">" + html(link) + "</a>" : html(link);
}

// RFC 4180, with OWASP's guard against formula injection (report.h).
std::string csv(std::string_view text) {
    std::string cell;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell = "'";
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? "\"\"" : std::string(1, c);
    return quoted + '"';
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

// What to say of a praise: "Ana" or "Ana: so clear".
std::string praise_text(const PraiseLine& p) { return p.words.empty() ? p.by : p.by + ": " + p.words; }

// ---- Markdown ------------------------------------------------------------------------------

void md_note(std::string& out, const NoteLine& note) {
    out += "- **" + md_inline(note.author) + ":** " + md_block(note.text, "  ") + "\n";
    if (!note.tags.empty()) {
        std::vector<std::string> tags;
        for (const std::string& tag : note.tags) tags.push_back(md_inline(tag));
        out += "  - Tags: " + joined(tags, ", ") + "\n";
    }
    for (const PraiseLine& p : note.praise)
        out += "  - Praised by " + md_inline(p.by) + (p.words.empty() ? "" : ": " + md_inline(p.words)) + "\n";
    if (!note.shots.empty()) {
        std::vector<std::string> names;
        for (const Shot& shot : note.shots) names.push_back("`" + shot.file_name + "`");
        out += "  - Screenshots: " + joined(names, ", ") + "\n";
    }
}

void md_app(std::string& out, const AppSection& app) {
    out += "## " + md_inline(app.name) + "\n\n";
    if (app.in_plan) out += app.platform + (app.link.empty() ? "" : " \xC2\xB7 " + md_link(app.link)) + "\n\n";
    if (!app.has_notes()) out += "No notes.\n\n";
    for (std::size_t kind = 0; kind <= kLastKind; ++kind) {
        if (app.notes[kind].empty()) continue;
        out += std::string("### ") + kKindHeadings[kind] + "\n\n";
        for (const NoteLine& note : app.notes[kind]) md_note(out, note);
        out += "\n";
    }
}

void md_session(std::string& out, const SessionView& v) {
    out += "# " + md_inline(v.category) + " \xE2\x80\x94 " + v.date + "\n\n";
    out += "Taste session of " + md_inline(v.team) + ", category picked by " + md_inline(v.picker) + ".";
    if (!v.focus.empty()) out += " Focus: " + md_inline(v.focus) + ".";
    out += "\n\nApps:\n\n";
    for (const AppSection& app : v.apps)
        if (app.in_plan)
            out += "- **" + md_inline(app.name) + "**, " + app.platform +
                   (app.link.empty() ? "" : ": " + md_link(app.link)) + "\n";
    out += "\n";
    for (const AppSection& app : v.apps) md_app(out, app);
    if (!v.insights.empty()) {
        out += "## Insights\n\n";
        for (const InsightLine& insight : v.insights) {
            out += "- " + md_block(insight.text, "  ") + "\n";
            for (const Quote& q : insight.notes)
                out += "  - Explains " + md_inline(q.app) + ", " + q.kind + ", " + md_inline(q.author) +
                       ": \xE2\x80\x9C" + md_inline(q.text) + "\xE2\x80\x9D\n";
        }
        out += "\n";
    }
    if (!v.actions.empty()) {
        out += "## Actions\n\n";
        for (const ActionLine& a : v.actions)
            out += "- " + md_block(a.text, "  ") +
                   "\n  - Owner: " + (a.owner.empty() ? "nobody yet" : md_inline(a.owner)) +
                   " \xC2\xB7 Status: " + a.status + " \xC2\xB7 Due: " + (a.due.empty() ? "no date" : a.due) + "\n";
        out += "\n";
    }
    out.pop_back();  // every block above ends with a blank line; the session ends with one line break
}

// ---- HTML ----------------------------------------------------------------------------------

constexpr const char* kStyle = R"(
:root{color-scheme:light dark;--bg:#fff;--fg:#1d1d1f;--muted:#5c5f66;--line:#d7d8dd;--card:#f5f5f7;
--good:#1a7f37;--bad:#b25e00;--ugly:#c62828;--link:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#131316;--fg:#ececf1;--muted:#a3a5ad;--line:#37383e;
--card:#1d1e22;--good:#57c778;--bad:#f0a452;--ugly:#ff7070;--link:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem}
article+article{margin-top:3rem;border-top:3px double var(--line);padding-top:1rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .4rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .3rem;text-transform:uppercase;letter-spacing:.05em}
.good h3{color:var(--good)}.bad h3{color:var(--bad)}.ugly h3{color:var(--ugly)}
.meta,.by,figcaption{color:var(--muted)}
.by{font-size:.9rem;margin:.3rem 0 0}
a{color:var(--link);overflow-wrap:anywhere}
ul.cards{list-style:none;padding:0;margin:0}
.cards>li{background:var(--card);border-left:4px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.5rem 0;
break-inside:avoid}
.good .cards>li{border-left-color:var(--good)}.bad .cards>li{border-left-color:var(--bad)}
.ugly .cards>li{border-left-color:var(--ugly)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.tag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;margin:0 .2rem .2rem 0;
font-size:.85rem}
.shots{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.6rem;margin-top:.6rem}
figure{margin:0}
img{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
figcaption{font-size:.75rem;overflow-wrap:anywhere}
blockquote{margin:.3rem 0 0;padding-left:.7rem;border-left:2px solid var(--line);color:var(--muted);font-size:.9rem}
@media print{:root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#444;--line:#aaa;--card:#fff}
main{max-width:none;padding:0}h2,h3{break-after:avoid}.shots{grid-template-columns:repeat(4,1fr)}
img{max-height:9cm;object-fit:contain}}
)";

// Standard base64 with padding (RFC 4648 §4), as data: URIs take it: base64url's - and _ are not read
// there. Three bytes at a time into a string sized once: a page's pictures are megabytes.
std::string base64(std::span<const std::uint8_t> bytes) {
    constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string text((bytes.size() + 2) / 3 * 4, '=');
    std::size_t at = 0, i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8 | bytes[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) text[at++] = kAlphabet[(v >> shift) & 63];
    }
    if (const std::size_t left = bytes.size() - i; left > 0) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | (left == 2 ? std::uint32_t(bytes[i + 1]) << 8 : 0);
        text[at++] = kAlphabet[v >> 18], text[at++] = kAlphabet[(v >> 12) & 63];
        if (left == 2) text[at] = kAlphabet[(v >> 6) & 63];
    }
    return text;
}

void html_shot(std::string& out, const Shot& shot, const NoteLine& note) {
    out += "<figure>";
    if (shot.image) {
        out += std::string("<img src=\"data:") + (shot.webp ? "image/webp" : "image/jpeg") + ";base64,";
        out += base64(shot.image->image);  // appended on its own: the picture is most of the page
        out += '"';
        if (shot.width && shot.height)
            out += " width=\"" + std::to_string(shot.width) + "\" height=\"" + std::to_string(shot.height) + "\"";
        out += " alt=\"" + html("Screenshot for " + note.author + "'s note: " + excerpt(note.text)) + "\">";
        out += "<figcaption>" + shot.file_name + "</figcaption>";
    } else {
        out += "<figcaption>" + shot.file_name + " (not in this file)</figcaption>";
    }
    out += "</figure>";
}

void html_note(std::string& out, const NoteLine& note) {
    out += "<li id=\"note-" + hex_id(note.id) + "\"><p class=\"text\">" + html(note.text) + "</p><p class=\"by\">" +
           html(note.author);
    if (!note.tags.empty()) out += " \xC2\xB7 ";
    for (const std::string& tag : note.tags) out += "<span class=\"tag\">" + html(tag) + "</span>";
    out += "</p>";
    for (const PraiseLine& p : note.praise) out += "<p class=\"by\">Praised by " + html(praise_text(p)) + "</p>";
    if (!note.shots.empty()) {
        out += "<div class=\"shots\">";
        for (const Shot& shot : note.shots) html_shot(out, shot, note);
        out += "</div>";
    }
    out += "</li>\n";
}

void html_app(std::string& out, const AppSection& app) {
    out += "<section>\n<h2>" + html(app.name) + "</h2>\n";
    if (app.in_plan)
        out += "<p class=\"meta\">" + app.platform + (app.link.empty() ? "" : " \xC2\xB7 " + html_link(app.link)) +
               "</p>\n";
    if (!app.has_notes()) out += "<p class=\"meta\">No notes.</p>\n";
    for (std::size_t kind = 0; kind <= kLastKind; ++kind) {
        if (app.notes[kind].empty()) continue;
        out += std::string("<div class=\"") + kind_name(Kind(kind)) + "\"><h3>" + kKindHeadings[kind] +
               "</h3><ul class=\"cards\">\n";
        for (const NoteLine& note : app.notes[kind]) html_note(out, note);
        out += "</ul></div>\n";
    }
    out += "</section>\n";
}

void html_session(std::string& out, const SessionView& v) {
    out += "<article>\n<header><h1>" + html(v.category) + " \xE2\x80\x94 <time datetime=\"" + v.date + "\">" + v.date +
           "</time></h1>\n<p class=\"meta\">Taste session of " + html(v.team) + ", category picked by " +
           html(v.picker) + "." + (v.focus.empty() ? "" : " Focus: " + html(v.focus) + ".") + "</p>\n<ul>\n";
    for (const AppSection& app : v.apps)
        if (app.in_plan)
            out += "<li><strong>" + html(app.name) + "</strong>, " + app.platform +
                   (app.link.empty() ? "" : ": " + html_link(app.link)) + "</li>\n";
    out += "</ul></header>\n";
    for (const AppSection& app : v.apps) html_app(out, app);
    if (!v.insights.empty()) {
        out += "<section>\n<h2>Insights</h2><ul class=\"cards\">\n";
        for (const InsightLine& insight : v.insights) {
            out += "<li><p class=\"text\">" + html(insight.text) + "</p>";
            for (const Quote& q : insight.notes)
                out += "<blockquote>Explains <a href=\"#note-" + hex_id(q.note) + "\">" + html(q.app) + ", " + q.kind +
                       ", " + html(q.author) + "</a>: \xE2\x80\x9C" + html(q.text) + "\xE2\x80\x9D</blockquote>";
            out += "</li>\n";
        }
        out += "</ul></section>\n";
    }
    if (!v.actions.empty()) {
        out += "<section>\n<h2>Actions</h2><ul class=\"cards\">\n";
        for (const ActionLine& a : v.actions)
            out += "<li><p class=\"text\">" + html(a.text) +
                   "</p><p class=\"by\">Owner: " + (a.owner.empty() ? "nobody yet" : html(a.owner)) +
                   " \xC2\xB7 Status: " + a.status + " \xC2\xB7 Due: " + (a.due.empty() ? "no date" : a.due) +
                   "</p></li>\n";
        out += "</ul></section>\n";
    }
    out += "</article>\n";
}

// ---- JSON ----------------------------------------------------------------------------------

using Json = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void json_text(Json& json, std::string_view text) { json.String(text.data(), rapidjson::SizeType(text.size())); }

void json_note(Json& json, const NoteLine& note, Kind kind) {
    json.StartObject();
    json.Key("id"), json_text(json, hex_id(note.id));
    json.Key("kind"), json_text(json, kind_name(kind));
    json.Key("author"), json_text(json, note.author);
    json.Key("text"), json_text(json, note.text);
    json.Key("tags"), json.StartArray();
    for (const std::string& tag : note.tags) json_text(json, tag);
    json.EndArray();
    json.Key("praised_by"), json.StartArray();
    for (const PraiseLine& p : note.praise) {
        json.StartObject();
        json.Key("name"), json_text(json, p.by);
        json.Key("words"), json_text(json, p.words);
        json.EndObject();
    }
    json.EndArray();
    json.Key("screenshots"), json.StartArray();
    for (const Shot& shot : note.shots) json_text(json, shot.file_name);
    json.EndArray();
    json.EndObject();
}

void json_app(Json& json, const AppSection& app) {
    json.StartObject();
    using Field = std::pair<const char*, const std::string*>;
    for (const Field& field : {Field{"name", &app.name}, Field{"platform", &app.platform}, Field{"link", &app.link}}) {
        json.Key(field.first);
        if (app.in_plan)
            json_text(json, *field.second);
        else
            json.Null();
    }
    json.Key("notes"), json.StartArray();
    for (std::size_t kind = 0; kind <= kLastKind; ++kind)
        for (const NoteLine& note : app.notes[kind]) json_note(json, note, Kind(kind));
    json.EndArray();
    json.EndObject();
}

void json_session(Json& json, const SessionView& v) {
    json.StartObject();
    json.Key("id"), json_text(json, hex_id(v.id));
    json.Key("team"), json_text(json, v.team);
    json.Key("date"), json_text(json, v.date);
    json.Key("category"), json_text(json, v.category);
    json.Key("picker"), json_text(json, v.picker);
    json.Key("focus"), json_text(json, v.focus);
    json.Key("apps"), json.StartArray();
    for (const AppSection& app : v.apps) json_app(json, app);
    json.EndArray();
    json.Key("insights"), json.StartArray();
    for (const InsightLine& insight : v.insights) {
        json.StartObject();
        json.Key("text"), json_text(json, insight.text);
        json.Key("notes"), json.StartArray();
        for (const Quote& q : insight.notes) json_text(json, hex_id(q.note));
        json.EndArray();
        json.EndObject();
    }
    json.EndArray();
    json.Key("actions"), json.StartArray();
    for (const ActionLine& a : v.actions) {
        json.StartObject();
        json.Key("text"), json_text(json, a.text);
        json.Key("owner"), json_text(json, a.owner);
        json.Key("status"), json_text(json, a.status);
        json.Key("due"), json_text(json, a.due);
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
}

// ---- CSV -----------------------------------------------------------------------------------

void csv_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + csv(cells[c]);
    out += "\r\n";
}

}  // namespace

// ---- public functions ----------------------------------------------------------------------

std::string screenshot_file_name(const Screenshot& shot) {
    return "screenshot-" + hex_id(shot.id) + (shot.format == ImageFormat::WebP ? ".webp" : ".jpg");
}

std::string report_markdown(const SessionFile& file) { return report_markdown(std::span(&file, 1)); }

std::string report_markdown(std::span<const SessionFile> files) {
    std::string out;
    for (const SessionView& view : views_of(files)) {
        if (!out.empty()) out += "\n---\n\n";
        md_session(out, view);
    }
    return out;
}

std::string report_html(const SessionFile& file) { return report_html(std::span(&file, 1)); }

std::string report_html(std::span<const SessionFile> files) {
    const std::vector<SessionView> views = views_of(files);
    const std::string title = views.size() == 1 ? "Taste session: " + views[0].category + ", " + views[0].date
                                                : "Taste sessions (" + std::to_string(views.size()) + ")";
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
        "style-src 'unsafe-inline'\">\n<title>" +
        html(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
    for (const SessionView& view : views) html_session(out, view);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string report_json(std::span<const SessionFile> files) {
    rapidjson::StringBuffer buffer;
    Json json(buffer);
    json.StartObject();
    json.Key("sessions"), json.StartArray();
    for (const SessionView& view : views_of(files)) json_session(json, view);
    json.EndArray();
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string notes_csv(std::span<const SessionFile> files) {
    std::string out;
    csv_row(out, {"session", "date", "category", "app", "kind", "author", "text", "tags", "praised"});
    for (const SessionView& v : views_of(files))
        for (const AppSection& app : v.apps)
            for (std::size_t kind = 0; kind <= kLastKind; ++kind)
                for (const NoteLine& note : app.notes[kind]) {
                    std::vector<std::string> praised;
                    for (const PraiseLine& p : note.praise) praised.push_back(praise_text(p));
                    csv_row(out, {hex_id(v.id), v.date, v.category, app.in_plan ? app.name : "", kind_name(Kind(kind)),
                                  note.author, note.text, joined(note.tags, "; "), joined(praised, "; ")});
                }
    return out;
}

std::string actions_csv(std::span<const SessionFile> files) {
    std::string out;
    csv_row(out, {"session", "date", "category", "action", "owner", "status", "due"});
    for (const SessionView& v : views_of(files))
        for (const ActionLine& a : v.actions)
            csv_row(out, {hex_id(v.id), v.date, v.category, a.text, a.owner, a.status, a.due});
    return out;
}

}  // namespace loupe::taste
