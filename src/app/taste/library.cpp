// library.cpp — the library of every taste session ("#/taste/library"): every note and insight
// searched as you type, the wall of screenshots ("…/wall") and the open actions across sessions
// ("…/actions"), each view with its own fragment so a reload comes back to it.
//
// Index (search for "// ---- " and the name):
//   Kept up to date      the index, made once, one session's part again when the store says it changed
//   What a note shows    the strings and pictures of a hit or a wall picture, made with the results
//   Search               the field, what is wrong with the query, the filter chips
//   Notes                the hits, "N of M" when capped, what to do when nothing is found
//   Wall                 the screenshots in a grid, only the rows in view laid out
//   Open actions         by owner, doing then open, with a status that can be changed here
//   The enlarged picture a click on any thumbnail shows it whole, with its note
//   The screen           tabs, views, what a screen reader hears
//
// A keystroke only reads the index (core/taste/library.h); results, with the text each shows, are
// made again only when the query or the sessions change, so a frame draws and reads nothing else.
// Pictures are read only when on screen (pictures.h): the wall lays out only the rows in view
// (ImGuiListClipper), so a thousand screenshots do not ask for a thousand thumbnails at once.
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/taste/formats.h"
#include "core/taste/import.h"
#include "core/taste/library.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/parts.h"
#include "app/taste/pictures.h"
#include "app/taste/store.h"
#include "app/widgets.h"

namespace {

using namespace loupe::taste;

enum class View { Notes, Wall, Actions };

constexpr std::size_t kWallShown = 1000;  // the wall lays out only the rows in view, so it can hold many
constexpr std::size_t kChipsShown = 8;    // per filter before "All N"
constexpr std::size_t kSpokenHits = 10;

const char* const kKindTitles[] = {"Good", "Bad", "Ugly"};
const std::vector<std::string> kStatusLabels = {"Open", "Doing", "Done", "Dropped"};

// What a hit or a wall picture shows of its note (or insight), made with the results.
struct NoteView {
    std::uint64_t session = 0;
    bool insight = false;
    Kind kind = Kind::Good;
    std::string label;  // "Bad · Monzo"
    std::string where;  // "budgeting apps · 14 January 2027", a link to the session
    std::string text, tags, praise, author;
    std::vector<Screenshot> pictures;
};

struct WallCell {
    Screenshot picture;
    NoteView note;
};

struct Library {
    // Kept up to date with the store.
    LibraryIndex index;
    std::map<std::uint64_t, std::uint64_t> indexed;  // session id -> its session_change() when indexed
    std::uint64_t changes = 0;                       // the store's changes() when last brought up to date
    bool made = false;
    std::size_t entries = 0;  // notes and insights in the index
    std::size_t pictures = 0;
    FilterChoices choices;
    std::vector<OwnerActions> actions;
    // The search and its results.
    std::string text;
    Filters chosen;
    Query query;
    bool stale = true;
    std::vector<NoteView> hits;
    std::size_t total = 0;
    std::vector<WallCell> wall;
    std::size_t wall_total = 0;
    bool all_chips[4] = {};  // kind, app, category, author: every chip shown
    bool filters_open = false;  // on a phone, under the search
    // A thumbnail clicked: the picture whole, with its note.
    Screenshot enlarged;
    NoteView enlarged_note;
};
Library lib;

// ---- Kept up to date ------------------------------------------------------------------------------
template <class T>
const T* live(const std::vector<T>& records, std::uint64_t id) {
    for (const T& r : records)
        if (r.head.id == id && !r.head.deleted) return &r;
    return nullptr;
}

// Chosen names no longer offered (the last note of that author deleted) would hide everything
// with no chip left to undo them.
void keep_offered(std::vector<std::string>& chosen, const std::vector<std::string>& offered) {
    std::erase_if(chosen, [&](const std::string& name) {
        return std::find(offered.begin(), offered.end(), name) == offered.end();
    });
}

void bring_up_to_date(const Team& team) {
    if (lib.made && lib.changes == taste_store::changes()) return;
    const std::vector<Session>& sessions = taste_store::sessions();
    if (!lib.made) lib.index = make_library_index(sessions, team);
    else index_team(lib.index, team);
    std::map<std::uint64_t, std::uint64_t> now;
    for (const Session& s : sessions) {
        const std::uint64_t id = s.plan.head.id, change = taste_store::session_change(id);
        const auto seen = lib.indexed.find(id);
        if (lib.made && (seen == lib.indexed.end() || seen->second != change)) index_session(lib.index, s);
        now[id] = change;
    }
    for (const auto& [id, change] : lib.indexed)
        if (!now.count(id)) unindex_session(lib.index, id);
    lib.indexed = std::move(now);
    lib.made = true;
    lib.changes = taste_store::changes();
    lib.entries = lib.pictures = 0;
    for (const LibrarySession& s : lib.index.sessions) lib.entries += s.entries.size(), lib.pictures += s.pictures.size();
    lib.choices = filter_choices(sessions, team);
    keep_offered(lib.chosen.apps, lib.choices.apps);
    keep_offered(lib.chosen.categories, lib.choices.categories);
    keep_offered(lib.chosen.authors, lib.choices.authors);
    lib.actions = open_actions(sessions);
    lib.stale = true;
}

// ---- What a note shows ------------------------------------------------------------------------------
std::string day_text(const Date& d) {
    return valid_date(d) ? long_date_text(d) + " " + std::to_string(d.year) : std::string("no date");
}

// "budgeting apps · 14 January 2027": the link to a session, short enough for a phone's line (a
// link does not wrap), so without the weekday and with a long category cut.
std::string session_text(const Plan& plan) {
    std::string category = plan.category.empty() ? std::string("Category not chosen yet") : plan.category;
    if (category.size() > 40) category = cut_utf8(category, 40) + "\u2026";
    const std::string day = day_text(plan.date);
    return category + " \u00b7 " + (valid_date(plan.date) ? day.substr(day.find(' ') + 1) : day);
}

std::string app_name(const Plan& plan, std::uint64_t app) {
    for (const App& a : plan.apps)
        if (a.id == app) return a.name.empty() ? std::string("(app without a name)") : a.name;
    return "an app no longer in the plan";
}

void add_pictures(NoteView& v, const Session& s, const Note& note) {
    for (std::uint64_t id : note.screenshots)
        for (const Screenshot& shot : s.screenshots)
            if (shot.id == id) v.pictures.push_back(shot);
}

NoteView note_view(const Session& s, const Team& team, const Note& note) {
    NoteView v;
    v.kind = note.kind;
    v.label = std::string(kKindTitles[std::uint8_t(note.kind)]) + " \u00b7 " + app_name(s.plan, note.app);
    v.text = note.text;
    v.author = person_name(s, team, note.author);
    for (std::size_t i = 0; i < note.tags.size(); ++i) v.tags += (i ? ", " : "Tags: ") + note.tags[i];
    std::vector<std::string> praise;
    for (const Praise& p : s.praise)
        if (!p.head.deleted && p.note == note.head.id)
            praise.push_back(person_name(s, team, p.by) + (p.words.empty() ? "" : ": \u201c" + p.words + "\u201d"));
    if (!praise.empty()) v.praise = "Praised by " + taste_ui::joined(praise);
    add_pictures(v, s, note);
    return v;
}

NoteView insight_view(const Session& s, const Team& team, const Insight& insight, std::uint64_t app) {
    NoteView v;
    v.insight = true;
    v.label = "Insight \u00b7 " + app_name(s.plan, app);
    v.text = insight.text;
    v.author = person_name(s, team, insight.head.rev.author);
    std::size_t notes = 0;
    for (std::uint64_t id : insight.notes)
        if (const Note* n = live(s.notes, id)) add_pictures(v, s, *n), ++notes;
    if (notes > 0) v.tags = notes == 1 ? "Explains 1 note" : "Explains " + std::to_string(notes) + " notes";
    return v;
}

// False when the hit's session or record is not held: the index is kept up to date with the same
// sessions, so this is a defence against a damaged copy, not a path the screen takes.
bool view_of(const LibraryHit& hit, const Team& team, NoteView& out) {
    const Session* s = taste_store::find_session(hit.session);
    if (!s) return false;
    if (hit.insight) {
        const Insight* insight = live(s->insights, hit.record);
        if (!insight) return false;
        out = insight_view(*s, team, *insight, hit.app);
    } else {
        const Note* note = live(s->notes, hit.record);
        if (!note) return false;
        out = note_view(*s, team, *note);
    }
    out.session = hit.session;
    out.where = session_text(s->plan);
    return true;
}

void make_results(const Team& team) {
    lib.query = parse_query(lib.text, lib.chosen);
    const SearchResult found = search(lib.index, lib.query);
    lib.hits.clear();
    for (const LibraryHit& hit : found.hits)
        if (NoteView v; view_of(hit, team, v)) lib.hits.push_back(std::move(v));
    lib.total = found.total;
    const Wall pictures = wall(lib.index, lib.query, kWallShown);
    lib.wall.clear();
    for (const WallPicture& p : pictures.pictures) {
        WallCell cell;
        if (!view_of({p.session, p.note, false, p.app, Kind::Good, 0, p.date, p.screenshot}, team, cell.note)) continue;
        for (const Screenshot& shot : cell.note.pictures)
            if (shot.id == p.screenshot) cell.picture = shot;
        if (cell.picture.id) lib.wall.push_back(std::move(cell));
    }
    lib.wall_total = pictures.total;
    lib.stale = false;
}

ImU32 kind_colour(const NoteView& v) {
    const Palette& p = palette();
    if (v.insight) return p.text;
    return v.kind == Kind::Good ? p.accent : v.kind == Kind::Bad ? p.danger : p.muted;
}

// ---- Search ---------------------------------------------------------------------------------------
// One sort of filter: its title over its chips in a row that wraps, the chosen ones always shown,
// the rest up to kChipsShown unless `all`. Returns the index of the chip clicked, or -1.
int chip_group(const char* key, const char* title, const std::vector<std::string>& names,
               const std::function<bool(std::size_t)>& on, bool& all, float inner) {
    text_wrapped_colored(palette().muted, title);
    int clicked = -1;
    ButtonRow row(inner);
    std::size_t shown = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const bool chosen = on(i);
        if (!chosen && !all && shown >= kChipsShown) continue;
        ++shown;
        const std::string label = (chosen ? "\u2713 " : "") + names[i];
        const std::string id = std::string("library/filter/") + key + "/" + std::to_string(i);
        row.place(button_width(label.c_str()));
        ImGui::PushID(id.c_str());
        if (taste_ui::chip(label.c_str(), id.c_str(), chosen)) clicked = int(i);
        ImGui::PopID();
    }
    if (shown < names.size() || all) {
        const std::string more = all ? std::string("Fewer") : "All " + std::to_string(names.size());
        row.place(button_width(more.c_str()));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button_height() - ImGui::GetFrameHeight()) / 2);
        ImGui::PushID(key);
        if (link_button(more.c_str(), (std::string("library/filter/") + key + "/all").c_str())) all = !all;
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    return clicked;
}

template <class T>
void toggle(std::vector<T>& chosen, const T& value) {
    if (std::erase(chosen, value) == 0) chosen.push_back(value);
    lib.stale = true;
}

void name_chips(const char* key, const char* title, const std::vector<std::string>& names,
                std::vector<std::string>& chosen, bool& all, float inner) {
    if (names.size() < 2) return;  // one category, one author: choosing it narrows nothing
    const auto on = [&](std::size_t i) { return std::find(chosen.begin(), chosen.end(), names[i]) != chosen.end(); };
    if (const int i = chip_group(key, title, names, on, all, inner); i >= 0) toggle(chosen, names[i]);
}

std::size_t chosen_count() {
    const Filters& f = lib.chosen;
    return f.kinds.size() + f.apps.size() + f.categories.size() + f.authors.size();
}

// The chips, in a column beside the results on a wide screen, under the search on a phone.
void filters_card(const Team& team, float width) {
    begin_card(width);
    const float inner = card_inner_width();
    const std::vector<std::string> kinds(std::begin(kKindTitles), std::end(kKindTitles));
    const auto kind_on = [&](std::size_t i) {
        return std::find(lib.chosen.kinds.begin(), lib.chosen.kinds.end(), Kind(i)) != lib.chosen.kinds.end();
    };
    if (const int i = chip_group("kind", "Kind", kinds, kind_on, lib.all_chips[0], inner); i >= 0)
        toggle(lib.chosen.kinds, Kind(i));
    name_chips("app", "App", lib.choices.apps, lib.chosen.apps, lib.all_chips[1], inner);
    name_chips("category", "Category", lib.choices.categories, lib.chosen.categories, lib.all_chips[2], inner);
    name_chips("author", "Written by", lib.choices.authors, lib.chosen.authors, lib.all_chips[3], inner);
    end_card();
    if (lib.stale) make_results(team);
}

// Results are made again right after the field, so the problems and results show this frame's query.
void search_card(const Team& team, float width, bool filters_beside) {
    begin_card(width);
    const float inner = card_inner_width();
    field_label("Search every session", "Words, or filters such as kind:bad app:ynab tag:onboarding by:ana "
                                        "cat:budget from:2026-01.");
    if (text_field("library/search", lib.text, kMaxQueryBytes, inner, "Search notes, apps, tags, people\u2026"))
        lib.query = parse_query(lib.text, lib.chosen), lib.stale = true;
    for (std::size_t i = 0; i < lib.query.problems.size(); ++i)
        taste_ui::field_problem(lib.query.problems[i], ("library/problem/" + std::to_string(i)).c_str());
    if (!filters_beside) {
        const std::size_t n = chosen_count();
        const std::string label = lib.filters_open ? std::string("Hide the filters")
                                : n == 0           ? std::string("Filter by kind, app, category, author")
                                                   : "Filters \u00b7 " + std::to_string(n) + " chosen";
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));
        if (link_button(label.c_str(), "library/filters")) lib.filters_open = !lib.filters_open;
    }
    end_card();
    if (lib.stale) make_results(team);
}

// The search, the filters and `results` (drawn in the width they get): the filters in a column on the
// left on a wide screen, so the results are in view as you type.
void searched_view(const Team& team, float width, const std::function<void(float)>& results) {
    const bool beside = width >= px(760);
    search_card(team, width, beside);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (!beside) {
        if (lib.filters_open) {
            filters_card(team, width);
            ImGui::Dummy(ImVec2(0, px(12)));
        }
        return results(width);
    }
    const float filters_w = px(260), gap = px(16);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    filters_card(team, filters_w);
    ImGui::EndGroup();
    const float left_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(top.x + filters_w + gap, top.y));
    ImGui::BeginGroup();  // lines within it start at its left edge (cards indent from there)
    results(width - filters_w - gap);
    ImGui::EndGroup();
    const float bottom = std::max(left_bottom, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(width, 0));
}

bool searching() { return !lib.text.empty() || !(lib.chosen == Filters{}); }

void clear_search() {
    lib.text.clear();
    lib.chosen = {};
    lib.stale = true;
}

// "Nothing found for “xyz”." and what to do about it.
void nothing_found(const char* things, float width) {
    begin_card(width);
    const std::string text = trim(lib.text);
    const std::string title = std::string("No ") + things + (text.empty() ? " with these filters" : " for \u201c" + text + "\u201d");
    card_title(title.c_str(), "library/nothing",
               "Try fewer or shorter words, another spelling, or fewer filters. Words are found whole; the last "
               "one you type may be the start of a word.");
    if (secondary_button("Clear the search", "library/clear", ImVec2(0, button_height()))) clear_search();
    end_card();
}

void empty_state(const char* title, const char* help, float width) {
    begin_card(width);
    card_title(title, "library/empty", help);
    if (primary_button("Go to the team's sessions", "library/empty/team", ImVec2(0, button_height()))) navigate("/taste");
    end_card();
}

// "3 found" or "Showing the first 200 of 1,234", with Clear beside it while searching.
void count_line(std::size_t shown, std::size_t total, const char* one, const char* many) {
    const std::string what = total == 1 ? std::string("1 ") + one : thousands(total) + " " + many;
    const std::string line = shown < total ? "Showing the first " + thousands(shown) + " of " + what +
                                                 ". Add a word or a filter to narrow them down."
                                           : what + (searching() ? " found." : " in the library.");
    const float y = ImGui::GetCursorPosY();
    text_wrapped_colored(palette().muted, line.c_str());
    test_rect("library/count");
    if (searching()) {  // its text on the line's, past the button's padding
        ImGui::SameLine();
        ImGui::SetCursorPosY(y - px(6));
        if (link_button("Clear", "library/clear")) clear_search();
    }
}

// ---- Notes ------------------------------------------------------------------------------------------
// The session a note is from, as a link to it; its text lines up with the text around it.
void session_link(const NoteView& v, const std::string& test_id) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));
    if (link_button(v.where.c_str(), test_id.c_str())) navigate("/taste/" + taste_store::hex_id(v.session));
}
float session_link_width(const NoteView& v) { return ImGui::CalcTextSize(v.where.c_str()).x + px(16); }

void pictures_row(const NoteView& v, const std::string& test_prefix) {
    const float side = is_phone() ? 64 : 88;
    for (std::size_t k = 0; k < v.pictures.size(); ++k) {
        if (k) ImGui::SameLine(0, px(8));
        ImGui::PushID(int(k));
        if (pictures::thumbnail(v.pictures[k], ImVec2(side, side), (test_prefix + std::to_string(k)).c_str()))
            lib.enlarged = v.pictures[k], lib.enlarged_note = v;
        ImGui::PopID();
    }
}

void hit_row(const NoteView& v, std::size_t i, float inner) {
    const Palette& p = palette();
    const std::string id = "library/hit/" + std::to_string(i);
    ImGui::PushID(int(i));
    if (i > 0) {
        ImGui::Dummy(ImVec2(0, px(2)));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + inner, at.y), p.border, px(1));
        ImGui::Dummy(ImVec2(0, px(6)));
    }
    // The kind and app, with the session at the right end of the line when there is room for both.
    const float x = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    ImGui::PushFont(g_fonts.heading);
    const float label_w = ImGui::CalcTextSize(v.label.c_str()).x, label_h = ImGui::GetTextLineHeight();
    text_wrapped_colored(kind_colour(v), v.label.c_str());
    ImGui::PopFont();
    const bool beside = label_w + px(24) + session_link_width(v) <= inner;
    if (beside) {
        // The link's text (past its button's padding) level with the label's.
        taste_ui::same_row_at(x + inner - session_link_width(v) + px(16),
                              y + (label_h - ImGui::GetTextLineHeight()) / 2 - px(6));
        session_link(v, id + "/session");
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y + label_h + ImGui::GetStyle().ItemSpacing.y));
    }
    ImGui::TextWrapped("%s", v.text.c_str());
    std::string about = v.author;
    if (!v.tags.empty()) about += " \u00b7 " + v.tags;
    if (!v.praise.empty()) about += " \u00b7 " + v.praise;
    text_wrapped_colored(p.muted, about.c_str());
    ImGui::EndGroup();
    test_rect(id.c_str());
    if (!beside) session_link(v, id + "/session");
    if (!v.pictures.empty()) pictures_row(v, id + "/picture/");
    ImGui::PopID();
}

void hits_card(float width) {
    if (lib.hits.empty()) return nothing_found("notes", width);
    begin_card(width);
    count_line(lib.hits.size(), lib.total, "note", "notes");
    ImGui::Dummy(ImVec2(0, px(4)));
    const float inner = card_inner_width();
    for (std::size_t i = 0; i < lib.hits.size(); ++i) hit_row(lib.hits[i], i, inner);
    end_card();
}

// ---- Wall -------------------------------------------------------------------------------------------
void wall_cell(const WallCell& cell, std::size_t i, float side) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float caption_h = ImGui::GetTextLineHeight();
    ImGui::BeginGroup();
    const ImVec2 size = pictures::thumbnail_size(cell.picture, ImVec2(side / px(1), side / px(1)));
    ImGui::SetCursorScreenPos(ImVec2(at.x + (side - size.x) / 2, at.y + (side - size.y) / 2));
    if (pictures::thumbnail(cell.picture, ImVec2(side / px(1), side / px(1)), ("library/wall/" + std::to_string(i)).c_str()))
        lib.enlarged = cell.picture, lib.enlarged_note = cell.note;
    const ImVec2 caption(at.x, at.y + side + px(4));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(caption, ImVec2(at.x + side, caption.y + caption_h), true);
    const float caption_w = ImGui::CalcTextSize(cell.note.label.c_str()).x;
    dl->AddText(ImVec2(caption.x + std::max(0.0f, (side - caption_w) / 2), caption.y), kind_colour(cell.note),
                cell.note.label.c_str());
    dl->PopClipRect();
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(side, side + px(4) + caption_h + px(8)));
    ImGui::EndGroup();
}

void wall_card(float width) {
    if (lib.wall.empty()) return nothing_found("screenshots", width);
    begin_card(width);
    count_line(lib.wall.size(), lib.wall_total, "screenshot", "screenshots");
    ImGui::Dummy(ImVec2(0, px(4)));
    const float inner = card_inner_width(), gap = px(12);
    const int columns = std::max(2, int((inner + gap) / (px(is_phone() ? 100 : 150) + gap)));
    const float side = (inner - gap * float(columns - 1)) / float(columns);
    const int rows = int((lib.wall.size() + std::size_t(columns) - 1) / std::size_t(columns));
    const float row_h = side + px(4) + ImGui::GetTextLineHeight() + px(8) + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(rows, row_h);
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r)
            for (int c = 0; c < columns; ++c) {
                const std::size_t i = std::size_t(r) * std::size_t(columns) + std::size_t(c);
                if (i >= lib.wall.size()) break;
                if (c > 0) ImGui::SameLine(0, gap);
                ImGui::PushID(int(i));
                wall_cell(lib.wall[i], i, side);
                ImGui::PopID();
            }
    clipper.End();
    end_card();
}

// ---- Open actions -----------------------------------------------------------------------------------
struct StatusChange {
    std::uint64_t session = 0, action = 0;
    ActionStatus status = ActionStatus::Open;
};

// Revises the action in its session, which is saved at once.
void change_status(const StatusChange& change) {
    Session* s = taste_store::find_session(change.session);
    if (!s) return;
    for (Action& a : s->actions)
        if (a.head.id == change.action && !a.head.deleted) {
            a.status = change.status;
            a.head.rev = taste_store::revise(a.head.rev);
            taste_store::save_session(*s);
            if (change.status == ActionStatus::Done || change.status == ActionStatus::Dropped) {
                const std::string text = a.text.size() > 60 ? cut_utf8(a.text, 60) + "\u2026" : a.text;
                notify("\u201c" + text + "\u201d is " + (change.status == ActionStatus::Done ? "done" : "dropped") +
                       ": no longer among the open actions. The session's report keeps it.");
            }
            return;
        }
}

void action_row(const OpenAction& a, std::size_t i, float inner, StatusChange& change) {
    const Palette& p = palette();
    const std::string id = "library/action/" + std::to_string(i);
    ImGui::PushID(int(i));
    // The status chips at the right of the action on a wide card, under it on a narrow one.
    float chips_w = 0;
    for (const std::string& label : kStatusLabels) chips_w += button_width(label.c_str()) + ImGui::GetStyle().ItemSpacing.x;
    const bool beside = inner >= px(640);
    const float text_w = beside ? inner - chips_w - px(24) : inner;
    const float x = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x + text_w);
    ImGui::TextWrapped("%s", a.action.text.c_str());
    test_rect(id.c_str());
    NoteView from;
    from.session = a.session;
    if (const Session* s = taste_store::find_session(a.session)) from.where = "From " + session_text(s->plan);
    float link_y = ImGui::GetCursorPosY() - px(4);  // the link's text close under the action's
    if (valid_date(a.action.due)) {
        const bool late = a.action.due < taste_store::today();
        std::string due = (late ? "Was due " : "Due ") + day_text(a.action.due);
        const bool one_line = ImGui::CalcTextSize((due + " \u00b7").c_str()).x + session_link_width(from) <= text_w;
        if (one_line) due += " \u00b7";
        const float due_y = ImGui::GetCursorPosY();
        text_wrapped_colored(late ? p.danger : p.muted, due.c_str());
        link_y = ImGui::GetCursorPosY() - px(4);
        if (one_line) {
            ImGui::SameLine(0, px(4));
            link_y = due_y - px(6);  // the link's text on the due date's line, past its padding
        }
    }
    ImGui::SetCursorPosY(link_y);
    session_link(from, id + "/session");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (beside) taste_ui::same_row_at(x + inner - chips_w + ImGui::GetStyle().ItemSpacing.x, y);
    int status = int(a.action.status);
    if (taste_ui::choice_row((id + "/status").c_str(), kStatusLabels, status, beside ? chips_w : inner))
        change = {a.session, a.action.head.id, ActionStatus(status)};
    ImGui::Dummy(ImVec2(0, px(10)));
    ImGui::PopID();
}

void actions_view(const Team& team, float width) {
    if (lib.actions.empty())
        return empty_state("No open actions",
                           "What the team decides to apply to its own product becomes an action with an owner. "
                           "Until it is done or dropped, it is here, whichever session it came from.",
                           width);
    StatusChange change;
    std::size_t i = 0;
    for (std::size_t g = 0; g < lib.actions.size(); ++g) {
        const OwnerActions& owner = lib.actions[g];
        if (g > 0) ImGui::Dummy(ImVec2(0, px(12)));
        begin_card(width);
        const std::string name = owner.owner ? taste_ui::member_name(team, owner.owner) : std::string("Nobody yet");
        const std::size_t n = owner.doing.size() + owner.open.size();
        const std::string help = (n == 1 ? std::string("1 action") : std::to_string(n) + " actions") + " to do";
        card_title(name.c_str(), ("library/owner/" + std::to_string(g)).c_str(), help.c_str());
        const float inner = card_inner_width();
        for (const auto& [title, list] : {std::pair{"Doing", &owner.doing}, std::pair{"Open", &owner.open}}) {
            if (list->empty()) continue;
            text_wrapped_colored(palette().muted, (std::string(title) + " \u00b7 " + std::to_string(list->size())).c_str());
            for (const OpenAction& a : *list) action_row(a, i++, inner, change);
        }
        end_card();
    }
    if (change.action) change_status(change);
}

// ---- The enlarged picture ---------------------------------------------------------------------------
void enlarged_dialog() {
    if (!lib.enlarged.id) return;
    const NoteView& v = lib.enlarged_note;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (!ImGui::IsPopupOpen("library-picture")) ImGui::OpenPopup("library-picture");
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - px(32), px(900)), display.y - px(32)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(20), px(18)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(14));
    const bool open = ImGui::BeginPopupModal("library-picture", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                                            ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(2);
    if (!open) return;
    ImGui::PushFont(g_fonts.heading);
    text_wrapped_colored(kind_colour(v), v.label.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", v.text.c_str());
    test_rect("library/enlarged/text");
    text_wrapped_colored(palette().muted, (v.author + " \u00b7 " + v.where).c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float h = button_height();
    pictures::picture(lib.enlarged, ImVec2(avail.x / px(1), std::max(px(80), avail.y - h - px(12)) / px(1)));
    test_rect("library/enlarged");
    ImGui::Dummy(ImVec2(0, px(4)));
    if (primary_button("Close", "library/enlarged/close", ImVec2(is_phone() ? avail.x : px(140), h)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        lib.enlarged = {};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// ---- The screen ---------------------------------------------------------------------------------------
std::size_t open_count() {
    std::size_t n = 0;
    for (const OwnerActions& o : lib.actions) n += o.doing.size() + o.open.size();
    return n;
}

void tabs(View view, float width) {
    const std::size_t open = open_count();
    const struct { View v; std::string label; const char* id; const char* fragment; } all[] = {
        {View::Notes, "Notes", "library/tab/notes", "/taste/library"},
        {View::Wall, "Screenshots", "library/tab/wall", "/taste/library/wall"},
        {View::Actions, open ? "Open actions \u00b7 " + std::to_string(open) : "Open actions", "library/tab/actions",
         "/taste/library/actions"},
    };
    ButtonRow row(width);
    for (const auto& tab : all) {
        row.place(button_width(tab.label.c_str()));
        if (taste_ui::chip(tab.label.c_str(), tab.id, view == tab.v) && view != tab.v) navigate(tab.fragment);
    }
}

std::string spoken_actions(const Team& team) {
    std::string said = "Open actions: ";
    if (lib.actions.empty()) return said + "none.";
    for (const OwnerActions& o : lib.actions) {
        said += (o.owner ? taste_ui::member_name(team, o.owner) : std::string("nobody yet")) + ". ";
        for (const auto& [title, list] : {std::pair{"Doing: ", &o.doing}, std::pair{"Open: ", &o.open}})
            for (const OpenAction& a : *list) said += title + a.action.text + " (from " + a.category + "). ";
    }
    return said;
}

std::string spoken(View view, const Team& team) {
    std::string said = "Taste library. ";
    if (view == View::Actions) return said + spoken_actions(team);
    said += view == View::Wall ? "Screenshots. " : "Notes. ";
    for (const std::string& problem : lib.query.problems) said += problem + " ";
    const bool wall = view == View::Wall;
    const std::size_t shown = wall ? lib.wall.size() : lib.hits.size(), total = wall ? lib.wall_total : lib.total;
    const char* things = wall ? (total == 1 ? " screenshot" : " screenshots") : (total == 1 ? " note" : " notes");
    said += std::to_string(total) + (searching() ? " found" : things + std::string(" in the library")) +
            (shown < total ? ", the first " + std::to_string(shown) + " shown" : "") + ". ";
    for (std::size_t i = 0; i < std::min(shown, kSpokenHits); ++i) {
        const NoteView& v = wall ? lib.wall[i].note : lib.hits[i];
        said += v.label + ": " + v.text + " (" + v.where + ")" + (v.pictures.empty() || wall ? "" : ", with screenshots") + ". ";
    }
    return said;
}

}  // namespace

void taste_library_screen(const std::string& fragment_view) {
    Team* team = taste_store::team();
    if (!team) {
        navigate("/taste");  // the team comes first: the team screen makes it
        return;
    }
    const View view = fragment_view == "wall" ? View::Wall : fragment_view == "actions" ? View::Actions : View::Notes;
    if (view == View::Notes && !fragment_view.empty()) {
        navigate("/taste/library");
        notify("The library has no part called \u201c" + cut_utf8(fragment_view, 40) + "\u201d; here are its notes.", true);
        return;
    }
    bring_up_to_date(*team);
    if (lib.stale) make_results(*team);
    begin_column();
    screen_header("Library", "library/title",
                  "Every session's notes, screenshots and open actions, found as you type.", "\u2190 Team", "/taste");
    const float width = column_width();
    tabs(view, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (taste_store::sessions().empty())
        empty_state("No sessions yet",
                    "Plan the first session on the team's page. Once its notes are brought in, every note, screenshot "
                    "and action is found here.",
                    width);
    else if (view == View::Actions)
        actions_view(*team, width);
    else if (view == View::Notes && lib.entries == 0)
        empty_state("No notes yet",
                    "Once a session's notes are brought in (open the session from the team's sessions), every note "
                    "is found here, with its app, its session and its screenshots.",
                    width);
    else if (view == View::Wall && lib.pictures == 0)
        empty_state("No screenshots yet",
                    "Screenshots come with the notes people send. Once a session's notes are brought in, every "
                    "screenshot is on this wall.",
                    width);
    else
        searched_view(*team, width, view == View::Wall ? wall_card : hits_card);
    ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the last buttons above the messages
    end_column();
    enlarged_dialog();
    platform::announce(spoken(view, *team));
}
