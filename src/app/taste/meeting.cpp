// meeting.cpp — the facilitator runs a taste session ("#/taste/<session>/meeting"), phase by phase:
// last time's actions, who is here, the small groups, app by app, the wrap-up.
//
// Index (search for "// ---- " and the name):
//   State and records     the screen's own state; every click is a record, revised and saved at once
//   The phases            the steps across the top, back and next at the bottom
//   Last time's actions   open actions of earlier sessions: kept, updated, closed
//   Who is here           attendance from the team and the invited; someone else who came
//   Groups                the proposal (core/taste/meeting.h), moving people, shuffling, each group's link
//   App by app            the notes with praise, why and action; a note typed live; the timer;
//                         who speaks next; the presenting view for screen sharing
//   Wrap-up               praise by person, the new actions, who picks next and when; done
//   Dialogs               praise, insight ("why"), action ("apply to our product")
//   What is heard         each phase in words, for screen readers
//   Screen (shell.h)
//
// The meeting's place (phase, app, timer) is the session's Meeting record, so a reload, or the same
// session opened in another tab, comes back to the same phase and app with the timer's time left.
// Who spoke, who was praised, insights and actions are records of their own (records.h), so what
// two browsers recorded adds up when their session files are merged.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include "core/taste/formats.h"
#include "core/taste/import.h"
#include "core/taste/library.h"
#include "core/taste/meeting.h"
#include "core/taste/merge.h"
#include "core/taste/team.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/parts.h"
#include "app/taste/store.h"
#include "app/widgets.h"

namespace {

using namespace loupe::taste;

// ---- State and records --------------------------------------------------------------------------
struct MeetingScreen {
    std::uint64_t session = 0;  // the session the state below belongs to
    bool presenting = false;    // the presenting view: large type, no controls but the app's
    std::uint64_t moving = 0;   // Groups: the person picked up to move into another group
    std::string guest;          // Who is here: the name of someone else who came
    // A note typed live.
    std::string live_text;
    int live_kind = 0;
    std::uint64_t live_author = 0;
    // The open dialog, and what it is about.
    enum class Dialog { None, Praise, Insight, Action } dialog = Dialog::None;
    std::uint64_t about_note = 0, about_insight = 0;
    std::uint64_t praise_by = 0;
    std::uint64_t last_turn = 0;  // the turn just recorded here, which "take back" takes back
    std::string dialog_text;
    std::vector<std::uint64_t> insight_notes;
    std::uint64_t action_owner = 0;
    int action_status = 0;
    std::string action_due;
};
MeetingScreen ui;

std::uint64_t new_id() {
    std::uint64_t id = 0;
    while (id == 0) id = platform::random_u64();
    return id;
}

template <class T>
const T* find_record(const std::vector<T>& records, std::uint64_t id) {
    for (const T& r : records)
        if (r.head.id == id && !r.head.deleted) return &r;
    return nullptr;
}

// Puts `record` into `records` as a new revision of the one with its id (or as a new record).
template <class T>
void put_revised(std::vector<T>& records, T record) {
    Revision seen;
    for (const T& r : records)
        if (r.head.id == record.head.id) seen = r.head.rev;
    record.head.rev = taste_store::revise(seen);
    put_record(records, record);
}

// The same, and the session saved at once.
template <class T>
void keep(Session& session, std::vector<T>& records, T record) {
    put_revised(records, std::move(record));
    taste_store::save_session(session);
}

// Changes the meeting's place. A running timer's time so far is counted first, since it counts
// from the record's revision (timer_left_at).
template <class Change>
void change_meeting(Session& session, Change change) {
    Meeting& m = session.meeting;
    set_timer(m, timer_left_at(m, taste_store::now()), m.timer_running);
    change(m);
    m.head.id = session.plan.head.id;
    m.head.rev = taste_store::revise(m.head.rev);
    taste_store::save_session(session);
}

// "Ana, Bo and Cy"
std::string names_text(const Session& session, const Team& team, const std::vector<std::uint64_t>& ids) {
    std::vector<std::string> names;
    for (std::uint64_t id : ids) names.push_back(person_name(session, team, id));
    return taste_ui::joined(names);
}

std::string app_name(const App& app) { return app.name.empty() ? std::string("(app without a name)") : app.name; }

const App* current_app(const Session& session) {
    for (const App& a : session.plan.apps)
        if (a.id == session.meeting.app) return &a;
    return session.plan.apps.empty() ? nullptr : &session.plan.apps.front();
}

std::vector<const Note*> notes_of(const Session& session, std::uint64_t app, Kind kind) {
    std::vector<const Note*> out;
    for (const Note& n : session.notes)
        if (!n.head.deleted && n.app == app && n.kind == kind) out.push_back(&n);
    std::stable_sort(out.begin(), out.end(), [](const Note* a, const Note* b) { return a->head.rev.time < b->head.rev.time; });
    return out;
}

std::vector<const Praise*> praise_of(const Session& session, std::uint64_t note) {
    std::vector<const Praise*> out;
    for (const Praise& p : session.praise)
        if (!p.head.deleted && p.note == note) out.push_back(&p);
    return out;
}

const std::vector<std::string> kStatusLabels = {"Open", "Doing", "Done", "Dropped"};
const std::vector<std::string> kKindLabels = {"Good", "Bad", "Ugly"};

ImU32 kind_color(Kind k) {
    const Palette& p = palette();
    return k == Kind::Good ? p.accent : k == Kind::Bad ? p.danger : p.muted;
}

std::string count_text(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- The phases ---------------------------------------------------------------------------------
struct PhaseStep {
    Phase phase;
    const char* label;
};
const PhaseStep kSteps[] = {{Phase::LastActions, "Last time's actions"}, {Phase::WhoIsHere, "Who is here"},
                            {Phase::Groups, "Groups"}, {Phase::AppByApp, "App by app"}, {Phase::WrapUp, "Wrap-up"}};

// Groups are for more than 8 people: with fewer, back and next pass it by.
bool groups_apply(const Session& session) { return present_people(session).size() > kMaxOneGroup; }

Phase shown_phase(const Session& session) {
    const Phase p = session.meeting.phase;
    return p == Phase::Planned ? Phase::LastActions : p == Phase::Done ? Phase::WrapUp : p;
}

int step_of(Phase p) {
    for (int i = 0; i < int(std::size(kSteps)); ++i)
        if (kSteps[i].phase == p) return i;
    return 0;
}

void go_to_phase(Session& session, Phase phase) {
    // Going back to a phase of a session marked done opens it again: the wrap-up marks it done anew.
    change_meeting(session, [&](Meeting& m) { m.phase = phase; });
    ui.presenting = false;
    ImGui::SetScrollY(0);
}

// The step `delta` away from the one shown, passing groups by when they do not apply.
int neighbour_step(const Session& session, int delta) {
    int i = step_of(shown_phase(session)) + delta;
    if (i >= 0 && i < int(std::size(kSteps)) && kSteps[i].phase == Phase::Groups && !groups_apply(session)) i += delta;
    return i;
}

void phase_bar(Session& session, float width) {
    ButtonRow row(width);
    const int current = step_of(shown_phase(session));
    for (int i = 0; i < int(std::size(kSteps)); ++i) {
        const std::string label = std::to_string(i + 1) + ". " + kSteps[i].label;
        row.place(button_width(label.c_str()));
        ImGui::PushID(i);
        const std::string id = "meeting/phase/" + std::to_string(i);
        if (taste_ui::chip(label.c_str(), id.c_str(), i == current) && i != current) go_to_phase(session, kSteps[i].phase);
        ImGui::PopID();
    }
}

void back_and_next(Session& session, float width) {
    const int back = neighbour_step(session, -1), next = neighbour_step(session, +1);
    const float h = button_height();
    ImGui::Dummy(ImVec2(0, px(8)));
    const float start = ImGui::GetCursorPosX();
    if (back >= 0) {
        const std::string label = std::string("\u2190 ") + kSteps[back].label;
        if (secondary_button(label.c_str(), "meeting/back", ImVec2(0, h))) go_to_phase(session, kSteps[back].phase);
    }
    if (next < int(std::size(kSteps))) {
        const std::string label = std::string("Next: ") + kSteps[next].label + " \u2192";
        const float w = button_width(label.c_str());
        if (back >= 0) ImGui::SameLine();
        ImGui::SetCursorPosX(start + width - w);  // at the right edge, where the eye expects "next"
        if (primary_button(label.c_str(), "meeting/next", ImVec2(0, h))) go_to_phase(session, kSteps[next].phase);
    }
}

// ---- Last time's actions ------------------------------------------------------------------------
// An action kept in another session: changed there, with that session saved.
void change_action(std::uint64_t session_id, Action action) {
    Session* home = taste_store::find_session(session_id);
    if (!home) return;
    keep(*home, home->actions, std::move(action));
}

void action_row(const Team& team, std::uint64_t session_id, const Action& action, const std::string& from, float inner,
                const std::string& test_id) {
    const Palette& p = palette();
    ImGui::PushID(test_id.c_str());
    ImGui::TextWrapped("%s", action.text.c_str());
    test_rect(test_id.c_str());
    std::string meta = action.owner ? taste_ui::member_name(team, action.owner) : std::string("Nobody yet");
    if (valid_date(action.due)) meta += " \u00b7 due " + date_text(action.due);
    if (!from.empty()) meta += " \u00b7 " + from;
    text_wrapped_colored(p.muted, meta.c_str());
    int status = int(action.status);
    if (taste_ui::choice_row((test_id + "/status").c_str(), kStatusLabels, status, inner)) {
        Action changed = action;
        changed.status = ActionStatus(status);
        change_action(session_id, changed);
        notify("\u201c" + cut_utf8(action.text, 60) + "\u201d is " + kStatusLabels[status] + ".");
    }
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(8)));
}

void last_actions_phase(const Session& session, const Team& team, float width) {
    begin_card(width);
    card_title("Last time's actions", "meeting/actions/title",
               "What the team said it would apply to its own product. Keep each one, update it, or close it.");
    const float inner = card_inner_width();
    const auto owners = open_actions(taste_store::sessions());
    const auto earlier = [&](const OpenAction& a) { return a.session != session.plan.head.id; };
    std::size_t shown = 0;
    for (const OwnerActions& owner : owners) {
        if (std::none_of(owner.doing.begin(), owner.doing.end(), earlier) &&
            std::none_of(owner.open.begin(), owner.open.end(), earlier))
            continue;
        ImGui::Dummy(ImVec2(0, px(4)));
        heading(g_fonts.heading, owner.owner ? taste_ui::member_name(team, owner.owner).c_str() : "Nobody yet",
                ("meeting/actions/owner/" + std::to_string(&owner - owners.data())).c_str());
        for (const auto* list : {&owner.doing, &owner.open})
            for (const OpenAction& a : *list) {
                if (!earlier(a)) continue;
                const std::string from = "from " + a.category + ", " + date_text(a.date);
                action_row(team, a.session, a.action, from, inner, "meeting/actions/" + std::to_string(shown++));
            }
    }
    if (shown == 0) {
        text_wrapped_colored(palette().muted, "No open actions from earlier sessions. The ones this session decides "
                                              "will be here next time.");
        test_rect("meeting/actions/none");
    }
    end_card();
}

// ---- Who is here --------------------------------------------------------------------------------
void set_present(Session& session, std::uint64_t person, bool present) {
    // The first mark writes down everyone invited as here, so marking one person leaves the rest
    // as they were shown (present_people: nobody marked means everyone invited).
    const bool marked = std::any_of(session.attendance.begin(), session.attendance.end(),
                                    [](const Attendance& a) { return !a.head.deleted; });
    if (!marked)
        for (std::uint64_t id : session.plan.invited)
            if (id != person) put_revised(session.attendance, Attendance{{id, {}, false}, true});
    keep(session, session.attendance, Attendance{{person, {}, false}, present});
}

void add_guest(Session& session) {
    const std::string name = trim(ui.guest);
    if (name.empty()) return;
    Guest guest;
    guest.head.id = new_id();
    guest.name = name;
    keep(session, session.guests, guest);
    set_present(session, guest.head.id, true);
    notify(name + " is here.");
    ui.guest.clear();
}

void who_is_here_phase(Session& session, const Team& team, float width) {
    const auto present = present_people(session);
    begin_card(width);
    const std::string help = count_text(present.size(), "person is here", "people are here") +
                             ". Tap a name to mark them here or not; someone who comes late can be added later.";
    card_title("Who is here", "meeting/here/title", help.c_str());
    test_rect("meeting/here/count");
    const float inner = card_inner_width();
    ButtonRow row(inner);
    std::vector<std::pair<std::uint64_t, std::string>> people;
    for (const Member* m : taste_ui::members_in_order(team)) people.push_back({m->head.id, m->name});
    for (const Guest& g : session.guests)
        if (!g.head.deleted) people.push_back({g.head.id, g.name});
    for (std::size_t i = 0; i < people.size(); ++i) {
        const bool here = std::find(present.begin(), present.end(), people[i].first) != present.end();
        const std::string label = (here ? "\u2713 " : "") + people[i].second;
        row.place(button_width(label.c_str()));
        ImGui::PushID(int(i));
        if (taste_ui::chip(label.c_str(), ("meeting/here/" + std::to_string(i)).c_str(), here))
            set_present(session, people[i].first, !here);
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    field_label("Someone else came", "A guest not in the team: their name, then Add.");
    const float field_w = std::min(inner - button_width("Add") - px(8), px(320));
    if (text_field("meeting/here/guest", ui.guest, kMaxNameBytes, field_w, "Name", ImGuiInputTextFlags_EnterReturnsTrue))
        add_guest(session);
    ImGui::SameLine(0, px(8));
    if (secondary_button("Add", "meeting/here/add-guest", ImVec2(0, button_height()))) add_guest(session);
    end_card();
}

// ---- Groups -------------------------------------------------------------------------------------
std::vector<Person> people_here(const Session& session, const Team& team) {
    std::vector<Person> people;
    for (std::uint64_t id : present_people(session)) people.push_back(person_of(team, session, id));
    return people;
}

void propose_and_store(Session& session, const Team& team) {
    store_groups(session, propose_groups(people_here(session, team), groups_seed(session)), taste_store::me(),
                 taste_store::now());
    taste_store::save_session(session);
}

void move_person(Session& session, Groups groups, std::size_t to) {
    if (!move_to_group(groups, ui.moving, to)) return;
    store_groups(session, groups, taste_store::me(), taste_store::now());
    taste_store::save_session(session);
    ui.moving = 0;
}

// What one group's link says: the session's invite, for the group to write its notes in its own
// browser and send them back; they join this session's notes by id when brought in.
std::string group_message(const Session& session, const Team& team, const std::vector<std::uint64_t>& members,
                          std::size_t number) {
    return "Group " + std::to_string(number) + ": " + names_text(session, team, members) +
           ". Open this link in one browser, write the group's notes there, and send them back: " +
           invite_link(team, session.plan, platform::page_url());
}

void group_block(Session& session, const Team& team, const Groups& groups, std::size_t g, float inner) {
    const std::string id = "meeting/group/" + std::to_string(g);
    ImGui::PushID(int(g));
    heading(g_fonts.heading, ("Group " + std::to_string(g + 1) + " \u00b7 " + count_text(groups[g].size(), "person", "people")).c_str(),
            id.c_str());
    ButtonRow row(inner);
    for (std::size_t i = 0; i < groups[g].size(); ++i) {
        const std::uint64_t person = groups[g][i];
        std::string label = person_name(session, team, person);
        row.place(button_width(label.c_str()));
        ImGui::PushID(int(i));
        if (taste_ui::chip(label.c_str(), (id + "/" + std::to_string(i)).c_str(), ui.moving == person))
            ui.moving = ui.moving == person ? 0 : person;
        ImGui::PopID();
    }
    const bool moving_here = ui.moving != 0 && std::find(groups[g].begin(), groups[g].end(), ui.moving) == groups[g].end();
    row.place(button_width(moving_here ? "Move here" : "Copy this group's link"));
    if (moving_here) {
        if (primary_button("Move here", (id + "/move-here").c_str(), ImVec2(0, button_height())))
            move_person(session, groups, g);
    } else if (secondary_button("Copy this group's link", (id + "/link").c_str(), ImVec2(0, button_height()))) {
        platform::clipboard_copy(group_message(session, team, groups[g], g + 1));
        notify("Group " + std::to_string(g + 1) + "'s link copied with its names. Its notes come back as codes or files.");
    }
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(8)));
}

void groups_phase(Session& session, const Team& team, float width) {
    const Palette& p = palette();
    const auto present = present_people(session);
    begin_card(width);
    if (present.size() <= kMaxOneGroup) {
        card_title("Groups", "meeting/groups/title",
                   (count_text(present.size(), "person is", "people are") +
                    " here: one group, everyone together. Small groups are proposed from 9 people on.").c_str());
        end_card();
        return;
    }
    card_title("Groups", "meeting/groups/title",
               "Groups of 2 to 6, sizes within one, juniors and roles spread. Tap someone, then \u201cMove here\u201d on "
               "another group; each group can take its part to its own browser with its link.");
    const float inner = card_inner_width();
    Groups groups = stored_groups(session);
    if (groups.empty()) {
        propose_and_store(session, team);
        groups = stored_groups(session);
    }
    // Who is here but in no group (came late), and who is in a group but no longer here.
    std::vector<std::uint64_t> outside;
    for (std::uint64_t id : present)
        if (std::none_of(groups.begin(), groups.end(), [&](const auto& g) { return std::find(g.begin(), g.end(), id) != g.end(); }))
            outside.push_back(id);
    for (std::size_t g = 0; g < groups.size(); ++g) group_block(session, team, groups, g, inner);
    if (!outside.empty()) {
        text_wrapped_colored(p.muted, "Not in a group yet (tap, then \u201cMove here\u201d):");
        ButtonRow row(inner);
        for (std::size_t i = 0; i < outside.size(); ++i) {
            const std::string label = person_name(session, team, outside[i]);
            row.place(button_width(label.c_str()));
            ImGui::PushID(int(5000 + i));
            if (taste_ui::chip(label.c_str(), ("meeting/groups/outside/" + std::to_string(i)).c_str(), ui.moving == outside[i]))
                ui.moving = ui.moving == outside[i] ? 0 : outside[i];
            ImGui::PopID();
        }
        ImGui::Dummy(ImVec2(0, px(8)));
    }
    ButtonRow row(inner);
    if (ui.moving != 0) {
        row.place(button_width("Into a new group"));
        if (secondary_button("Into a new group", "meeting/groups/new", ImVec2(0, button_height())))
            move_person(session, groups, groups.size());
    }
    row.place(button_width("Shuffle again"));
    if (secondary_button("Shuffle again", "meeting/groups/shuffle", ImVec2(0, button_height()))) {
        change_meeting(session, [](Meeting& m) { m.group_seed = new_id(); });
        propose_and_store(session, team);
        ui.moving = 0;
        notify("New groups, by the same rule.");
    }
    end_card();
}

// ---- App by app ---------------------------------------------------------------------------------
void open_praise(std::uint64_t note) {
    ui.dialog = MeetingScreen::Dialog::Praise;
    ui.about_note = note;
    ui.praise_by = taste_store::me();
    ui.dialog_text.clear();
}

void open_insight(std::uint64_t note) {
    ui.dialog = MeetingScreen::Dialog::Insight;
    ui.insight_notes = {note};
    ui.dialog_text.clear();
}

void open_action(std::uint64_t note, std::uint64_t insight, const std::string& text) {
    ui.dialog = MeetingScreen::Dialog::Action;
    ui.about_note = note, ui.about_insight = insight;
    ui.dialog_text = text;
    ui.action_owner = 0;
    ui.action_status = 0;
    ui.action_due.clear();
}

// One note: kind colour bar, text, author and tags, praise; the buttons unless presenting.
void note_row(const Session& session, const Team& team, const Note& note, float inner, const std::string& test_id) {
    const Palette& p = palette();
    ImGui::PushID(test_id.c_str());
    ImFont* font = ui.presenting ? g_fonts.large : g_fonts.body;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Indent(px(14));
    ImGui::PushFont(font);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - px(14));
    ImGui::TextWrapped("%s", note.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    test_rect(test_id.c_str());
    std::string meta = person_name(session, team, note.author);
    for (const std::string& tag : note.tags) meta += "  #" + tag;
    text_wrapped_colored(p.muted, meta.c_str());
    if (!ui.presenting) {  // quiet links beside the author, so a list of notes stays a list to read
        const float links_w = ImGui::CalcTextSize("Praise  Why\u2026  Action\u2026").x + px(48);
        if (ImGui::GetItemRectSize().x + links_w < inner - px(14)) {
            ImGui::SameLine(0, px(24));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(6));  // the links' text on the author's line
        }
        if (link_button("Praise", (test_id + "/praise-button").c_str())) open_praise(note.head.id);
        ImGui::SameLine(0, px(16));
        if (link_button("Why\u2026", (test_id + "/why").c_str())) open_insight(note.head.id);
        ImGui::SameLine(0, px(16));
        if (link_button("Action\u2026", (test_id + "/action").c_str())) open_action(note.head.id, 0, "");
    }
    for (const Praise* praise : praise_of(session, note.head.id)) {
        std::string line = "Praised by " + person_name(session, team, praise->by);
        if (!praise->words.empty()) line += ": \u201c" + praise->words + "\u201d";
        text_wrapped_colored(p.accent, line.c_str());
        test_rect((test_id + "/praise").c_str());
    }
    taste_ui::thumbnail_row(session, note, (test_id + "/picture/").c_str(), ui.presenting ? 160 : 0);
    ImGui::Unindent(px(14));
    const float bottom = ImGui::GetCursorScreenPos().y;
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + px(4), bottom - px(4)), kind_color(note.kind), px(2));
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(ui.presenting ? 12 : 6)));
}

void notes_column(const Session& session, const Team& team, const App& app, float inner) {
    const Palette& p = palette();
    std::size_t any = 0;
    for (std::uint8_t k = 0; k <= kLastKind; ++k) {
        const auto notes = notes_of(session, app.id, Kind(k));
        any += notes.size();
        ImGui::PushFont(ui.presenting ? g_fonts.large : g_fonts.heading);
        ImGui::PushStyleColor(ImGuiCol_Text, kind_color(Kind(k)));
        ImGui::TextUnformatted((kKindLabels[k] + " \u00b7 " + std::to_string(notes.size())).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        test_rect(("meeting/notes/" + std::string(kind_name(Kind(k)))).c_str());
        for (std::size_t i = 0; i < notes.size(); ++i)
            note_row(session, team, *notes[i], inner, "meeting/note/" + std::string(kind_name(Kind(k))) + "/" + std::to_string(i));
        ImGui::Dummy(ImVec2(0, px(6)));
    }
    if (any == 0)
        text_wrapped_colored(p.muted, "No notes about this app yet: type what people say below, or bring their "
                                      "contributions in (drop the files here).");
}

void insights_section(const Session& session, const App& app) {
    const Palette& p = palette();
    std::vector<const Insight*> here;
    for (const Insight& in : session.insights) {
        if (in.head.deleted) continue;
        const bool about_app = std::any_of(in.notes.begin(), in.notes.end(), [&](std::uint64_t id) {
            const Note* n = find_record(session.notes, id);
            return n && n->app == app.id;
        });
        if (about_app) here.push_back(&in);
    }
    if (here.empty()) return;
    heading(ui.presenting ? g_fonts.large : g_fonts.heading, "Why", "meeting/insights/title");
    for (std::size_t i = 0; i < here.size(); ++i) {
        const std::string id = "meeting/insight/" + std::to_string(i);
        ImGui::PushID(id.c_str());
        ImGui::PushFont(ui.presenting ? g_fonts.large : g_fonts.body);
        ImGui::TextWrapped("\u201c%s\u201d", here[i]->text.c_str());
        ImGui::PopFont();
        test_rect(id.c_str());
        text_wrapped_colored(p.muted, ("From " + count_text(here[i]->notes.size(), "note", "notes")).c_str());
        if (!ui.presenting &&
            secondary_button("Apply to our product\u2026", (id + "/action").c_str(), ImVec2(0, px(32))))
            open_action(0, here[i]->head.id, "");
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(6)));
    }
}

void live_note(Session& session, const Team& team, const App& app, float inner) {
    const auto present = present_people(session);
    if (ui.live_author == 0 || std::find(present.begin(), present.end(), ui.live_author) == present.end())
        ui.live_author = std::find(present.begin(), present.end(), taste_store::me()) != present.end() || present.empty()
                             ? taste_store::me() : present.front();
    field_label("A note said in the meeting", "Typed here for whoever said it; it joins the notes sent in.");
    taste_ui::choice_row("meeting/live/kind", kKindLabels, ui.live_kind, inner);
    std::vector<std::string> names;
    int who = 0;
    for (std::size_t i = 0; i < present.size(); ++i) {
        names.push_back(person_name(session, team, present[i]));
        if (present[i] == ui.live_author) who = int(i);
    }
    if (taste_ui::choice_row("meeting/live/author", names, who, inner)) ui.live_author = present[who];
    const float add_w = button_width("Add note");
    const bool entered = text_field("meeting/live/text", ui.live_text, kMaxNoteBytes, inner - add_w - px(8),
                                    "What they said", ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine(0, px(8));
    const bool add = primary_button("Add note", "meeting/live/add", ImVec2(0, button_height())) || entered;
    if (add && !trim(ui.live_text).empty()) {
        Note note;
        note.head.id = new_id();
        note.app = app.id;
        note.author = ui.live_author;
        note.kind = Kind(ui.live_kind);
        note.text = trim(ui.live_text);
        keep(session, session.notes, note);
        ui.live_text.clear();
    }
}

std::string clock_text(std::uint32_t seconds) {
    char text[16];
    std::snprintf(text, sizeof text, "%u:%02u", seconds / 60, seconds % 60);
    return text;
}

// The countdown, and when it is done a quiet signal: the box fills with the accent tint. No sound.
void timer_box(Session& session, float width) {
    const Palette& p = palette();
    Meeting& m = session.meeting;
    const std::int64_t now = taste_store::now();
    const std::uint32_t left = timer_left_at(m, now);
    if (m.timer_running && left > 0) wake_in(1.0);
    const bool over = left == 0 && m.timer_seconds > 0;
    ImFont* font = ui.presenting ? g_fonts.title : g_fonts.heading;
    const std::string clock = over ? "Time" : clock_text(left);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = font->FontSize + px(20);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), over ? p.overlay : p.surface_hover, px(10));
    if (over) dl->AddRect(at, ImVec2(at.x + width, at.y + h), p.accent, px(10), 0, px(2));
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, clock.c_str());
    dl->AddText(font, font->FontSize, ImVec2(at.x + (width - size.x) / 2, at.y + px(10)), over ? p.accent : p.text,
                clock.c_str());
    ImGui::Dummy(ImVec2(width, h));
    test_rect("meeting/timer");
    if (ui.presenting) return;
    ImGui::Dummy(ImVec2(0, px(4)));
    const float bh = button_height();
    const bool running = m.timer_running && left > 0;
    const char* run = running ? "Pause" : over ? "Start again" : left == m.timer_seconds ? "Start" : "Resume";
    if (primary_button(run, "meeting/timer/run", ImVec2(0, bh)))
        change_meeting(session, [&](Meeting& mm) {  // mm.timer_left is up to date here (change_meeting)
            set_timer(mm, over ? mm.timer_seconds : mm.timer_left, !running);
        });
    ImGui::SameLine(0, px(8));
    if (secondary_button("Reset", "meeting/timer/reset", ImVec2(0, bh)))
        change_meeting(session, [](Meeting& mm) { set_timer(mm, mm.timer_seconds, false); });
    int minutes = int(m.timer_seconds / 60);
    text_wrapped_colored(p.muted, "Minutes per app");
    if (stepper("meeting/timer/minutes", minutes, 1, 60))
        change_meeting(session, [&](Meeting& mm) {
            const bool fresh = mm.timer_left == mm.timer_seconds && !mm.timer_running;
            mm.timer_seconds = std::uint32_t(minutes) * 60;
            if (fresh) set_timer(mm, mm.timer_seconds, false);
        });
}

void record_turn(Session& session, std::uint64_t person, std::uint64_t app) {
    Turn turn;
    turn.head.id = new_id();
    turn.member = person;
    turn.app = app;
    keep(session, session.turns, turn);
    ui.last_turn = turn.head.id;
}


void queue_section(Session& session, const Team& team, const App& app, float width) {
    const Palette& p = palette();
    heading(g_fonts.heading, "Who speaks next", "meeting/queue/title");
    text_wrapped_colored(p.muted, "Those who have not spoken on this app come first. Tap \u201cSpoke\u201d as each person speaks.");
    const auto queue = call_on_queue(present_people(session), session.turns, taste_store::me(), team, app.id, session.plan.apps);
    const float bh = px(32);
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const QueueEntry& e = queue[i];
        const std::string id = "meeting/queue/" + std::to_string(i);
        ImGui::PushID(int(i));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float row_h = bh + px(12);
        if (e.quiet)
            ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + row_h), p.overlay, px(8));
        ImGui::SetCursorScreenPos(ImVec2(at.x + px(8), at.y + px(6) + (bh - ImGui::GetTextLineHeight()) / 2));
        std::string label = person_name(session, team, e.person);
        ImGui::TextUnformatted(label.c_str());
        test_rect(id.c_str());
        std::string detail = count_text(e.turns, "turn", "turns");
        if (e.quiet) detail += " \u00b7 quiet for two apps";
        if (e.facilitator) detail += " \u00b7 you";
        ImGui::SameLine(0, px(8));
        ImGui::PushStyleColor(ImGuiCol_Text, e.quiet ? p.accent : p.muted);
        ImGui::TextUnformatted(detail.c_str());
        ImGui::PopStyleColor();
        test_rect((id + "/detail").c_str());
        const float spoke_w = button_width("Spoke");
        ImGui::SetCursorScreenPos(ImVec2(at.x + width - spoke_w - px(6), at.y + px(6)));
        if (secondary_button("Spoke", (id + "/spoke").c_str(), ImVec2(spoke_w, bh))) record_turn(session, e.person, app.id);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_h + px(2)));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    if (const Turn* t = find_record(session.turns, ui.last_turn)) {
        const std::string label = "Take back: " + person_name(session, team, t->member) + " spoke";
        if (link_button(label.c_str(), "meeting/queue/undo")) {
            keep(session, session.turns, tombstone<Turn>(ui.last_turn, {}));
            ui.last_turn = 0;
        }
    }
}

void app_tabs(Session& session, float width) {
    std::vector<std::string> names;
    int current = 0;
    for (std::size_t i = 0; i < session.plan.apps.size(); ++i) {
        names.push_back(std::to_string(i + 1) + ". " + app_name(session.plan.apps[i]));
        if (session.plan.apps[i].id == session.meeting.app) current = int(i);
    }
    if (taste_ui::choice_row("meeting/app", names, current, width)) {
        const std::uint64_t id = session.plan.apps[current].id;
        change_meeting(session, [&](Meeting& m) {
            m.app = id;
            set_timer(m, m.timer_seconds, false);
        });
    }
}

void app_by_app_phase(Session& session, const Team& team, float width) {
    const App* app = current_app(session);
    if (!app) {
        begin_card(width);
        card_title("App by app", "meeting/app/title", "The plan has no apps yet: add them on the session's page.");
        end_card();
        return;
    }
    if (session.meeting.app != app->id) {
        const std::uint64_t id = app->id;
        change_meeting(session, [&](Meeting& m) { m.app = id, set_timer(m, m.timer_seconds, false); });
        app = current_app(session);
    }
    const App shown = *app;
    app_tabs(session, width);
    ImGui::Dummy(ImVec2(0, px(8)));
    const bool side = width >= px(760);
    const float aside_w = side ? px(300) : width;
    const float main_w = side ? width - aside_w - px(16) : width;
    const float top = ImGui::GetCursorPosY(), left = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    begin_card(main_w);
    std::string sub = platform_name(shown.platform);
    if (!shown.link.empty()) sub += " \u00b7 " + shown.link;
    card_title(app_name(shown).c_str(), "meeting/app/title", sub.c_str());
    const float inner = card_inner_width();
    notes_column(session, team, shown, inner);
    insights_section(session, shown);
    ImGui::Dummy(ImVec2(0, px(6)));
    live_note(session, team, shown, inner);
    end_card();
    ImGui::EndGroup();
    if (side) taste_ui::same_row_at(left + main_w + px(16), top);
    else ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::BeginGroup();
    begin_card(aside_w);
    timer_box(session, card_inner_width());
    ImGui::Dummy(ImVec2(0, px(6)));
    if (secondary_button("Present", "meeting/present", ImVec2(card_inner_width(), button_height()))) {
        ui.presenting = true;
        ImGui::SetScrollY(0);
    }
    text_wrapped_colored(palette().muted, "Large type for sharing your screen; names of who speaks next stay off it.");
    ImGui::Dummy(ImVec2(0, px(10)));
    queue_section(session, team, shown, card_inner_width());
    end_card();
    ImGui::EndGroup();
}

// The presenting view: the app's name, the timer and the notes in large type, good, bad and ugly
// side by side when the screen is wide. Only moving between apps and leaving it are offered.
void presenting_view(Session& session, const Team& team) {
    const float width = begin_column(1800);
    const App* app = current_app(session);
    if (!app) {
        ui.presenting = false;
        end_column();
        return;
    }
    const App shown = *app;
    ImGui::Dummy(ImVec2(0, px(16)));
    const float bh = button_height();
    ButtonRow row(width);
    row.place(button_width("Stop presenting"));
    if (secondary_button("Stop presenting", "meeting/present/stop", ImVec2(0, bh)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ui.presenting = false;
    const auto& apps = session.plan.apps;
    const auto at = std::find_if(apps.begin(), apps.end(), [&](const App& a) { return a.id == shown.id; });
    const auto go = [&](std::uint64_t id) {
        change_meeting(session, [&](Meeting& m) { m.app = id, set_timer(m, m.timer_seconds, false); });
    };
    row.place(button_width("\u2190 Previous app"));
    ImGui::BeginDisabled(at == apps.begin());
    if (secondary_button("\u2190 Previous app", "meeting/present/previous", ImVec2(0, bh))) go(std::prev(at)->id);
    ImGui::EndDisabled();
    row.place(button_width("Next app \u2192"));
    ImGui::BeginDisabled(std::next(at) == apps.end());
    if (secondary_button("Next app \u2192", "meeting/present/next", ImVec2(0, bh))) go(std::next(at)->id);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(12)));
    // The clock beside the app's name, or under it on a narrow screen.
    const bool beside = width >= px(600);
    const float clock_w = beside ? px(220) : width;
    const float top = ImGui::GetCursorPosY(), left = ImGui::GetCursorPosX();
    ImGui::PushFont(font_has_all(g_fonts.title, shown.name.c_str()) ? g_fonts.title : g_fonts.large);
    ImGui::PushTextWrapPos(left + (beside ? width - clock_w - px(24) : width));
    ImGui::TextWrapped("%s", app_name(shown).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    test_rect("meeting/present/app");
    text_wrapped_colored(palette().muted, (std::to_string(at - apps.begin() + 1) + " of " + std::to_string(apps.size()) + " \u00b7 " +
                                           session.plan.category).c_str());
    const float after_title = ImGui::GetCursorPosY();
    if (beside) ImGui::SetCursorPos(ImVec2(left + width - clock_w, top));
    else ImGui::Dummy(ImVec2(0, px(8)));
    timer_box(session, clock_w);
    ImGui::SetCursorPos(ImVec2(left, std::max(after_title, ImGui::GetCursorPosY()) + px(16)));
    // Good, bad and ugly in three columns when each gets at least 420 px, else one under another.
    const bool columns = width >= px(3 * 420);
    const float column_w = columns ? (width - 2 * px(24)) / 3 : width;
    const float row_top = ImGui::GetCursorPosY();
    float bottom = row_top;
    for (std::uint8_t k = 0; k <= kLastKind; ++k) {
        if (columns) ImGui::SetCursorPos(ImVec2(left + k * (column_w + px(24)), row_top));
        ImGui::BeginGroup();
        const auto notes = notes_of(session, shown.id, Kind(k));
        ImGui::PushFont(g_fonts.large);
        ImGui::PushStyleColor(ImGuiCol_Text, kind_color(Kind(k)));
        ImGui::TextUnformatted((kKindLabels[k] + " \u00b7 " + std::to_string(notes.size())).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        test_rect(("meeting/present/" + std::string(kind_name(Kind(k)))).c_str());
        ImGui::Dummy(ImVec2(0, px(6)));
        if (notes.empty()) text_wrapped_colored(palette().muted, "None");
        for (std::size_t i = 0; i < notes.size(); ++i)
            note_row(session, team, *notes[i], column_w,
                     "meeting/present/note/" + std::string(kind_name(Kind(k))) + "/" + std::to_string(i));
        ImGui::EndGroup();
        bottom = std::max(bottom, ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY());
        if (!columns) ImGui::Dummy(ImVec2(0, px(12)));
    }
    if (columns) ImGui::SetCursorPos(ImVec2(left, bottom + px(16)));
    insights_section(session, shown);
    ImGui::Dummy(ImVec2(0, px(96)));
    end_column();
}

// ---- Wrap-up ------------------------------------------------------------------------------------
void wrap_up_phase(Session& session, const Team& team, float width) {
    const Palette& p = palette();
    begin_card(width);
    card_title("Praise", "meeting/wrap/praise/title", "What the team praised, by whose note it was.");
    std::vector<std::uint64_t> authors;
    for (const Praise& pr : session.praise)
        if (const Note* n = pr.head.deleted ? nullptr : find_record(session.notes, pr.note);
            n && std::find(authors.begin(), authors.end(), n->author) == authors.end())
            authors.push_back(n->author);
    std::size_t line = 0;
    for (std::uint64_t author : authors) {
        heading(g_fonts.heading, person_name(session, team, author).c_str(), ("meeting/wrap/praise/" + std::to_string(line)).c_str());
        for (const Praise& pr : session.praise) {
            const Note* n = pr.head.deleted ? nullptr : find_record(session.notes, pr.note);
            if (!n || n->author != author) continue;
            std::string text = "\u201c" + n->text + "\u201d \u2014 praised by " + person_name(session, team, pr.by);
            if (!pr.words.empty()) text += ": " + pr.words;
            ImGui::TextWrapped("%s", text.c_str());
            test_rect(("meeting/wrap/praised/" + std::to_string(line++)).c_str());
        }
    }
    if (authors.empty()) text_wrapped_colored(p.muted, "Nothing was praised this time.");
    end_card();
    ImGui::Dummy(ImVec2(0, px(12)));

    begin_card(width);
    card_title("New actions", "meeting/wrap/actions/title", "What the team will apply to its own product.");
    std::size_t shown = 0;
    for (const Action& a : session.actions)
        if (!a.head.deleted)
            action_row(team, session.plan.head.id, a, "", card_inner_width(), "meeting/wrap/action/" + std::to_string(shown++));
    if (shown == 0) text_wrapped_colored(p.muted, "No actions from this session.");
    end_card();
    ImGui::Dummy(ImVec2(0, px(12)));

    begin_card(width);
    card_title("Next time", "meeting/wrap/next/title");
    const std::uint64_t picker = rota_picker(team.settings.rota);
    const Date next = next_session_date(team.settings.cadence, valid_date(session.plan.date) ? session.plan.date : taste_store::today());
    std::string text = (picker ? taste_ui::member_name(team, picker) + " picks the next category." : std::string("Everyone in the rota is away: choose who picks when you plan.")) +
                       " The next session is on " + long_date_text(next) + " " + std::to_string(next.year) + ".";
    ImGui::TextWrapped("%s", text.c_str());
    test_rect("meeting/wrap/next");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (session.meeting.phase == Phase::Done) {
        text_wrapped_colored(p.accent, "\u2713 This session is done. It is in the library, with its notes, insights and actions.");
        test_rect("meeting/wrap/done");
        if (secondary_button("Plan the next session", "meeting/wrap/plan-next", ImVec2(0, button_height())))
            navigate("/taste/" + taste_store::hex_id(taste_store::plan_next_session()));
    } else if (primary_button("Mark the session done", "meeting/wrap/done-button", ImVec2(0, button_height()))) {
        change_meeting(session, [](Meeting& m) { m.phase = Phase::Done, set_timer(m, m.timer_left, false); });
        notify("The session is done. Thank you all!");
    }
    end_card();
}

// ---- Dialogs ------------------------------------------------------------------------------------
void close_dialog() {
    ui.dialog = MeetingScreen::Dialog::None;
    ImGui::CloseCurrentPopup();
}

bool cancel_row(const char* save_label, const char* prefix, bool can_save) {
    const float h = button_height();
    ImGui::BeginDisabled(!can_save);
    const bool save = primary_button(save_label, (std::string(prefix) + "/save").c_str(), ImVec2(0, h));
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (secondary_button("Cancel", (std::string(prefix) + "/cancel").c_str(), ImVec2(0, h)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        close_dialog();
    return save && can_save;
}

void praise_dialog(Session& session, const Team& team) {
    if (!begin_dialog("Praise", ui.dialog == MeetingScreen::Dialog::Praise)) return;
    const Note* note = find_record(session.notes, ui.about_note);
    heading(g_fonts.heading, "Praise this observation", "meeting/praise/title");
    if (note) text_wrapped_colored(palette().muted, ("\u201c" + note->text + "\u201d").c_str());
    const float inner = ImGui::GetContentRegionAvail().x;
    field_label("Praised by");
    const auto present = present_people(session);
    std::vector<std::string> names;
    int who = -1;
    for (std::size_t i = 0; i < present.size(); ++i) {
        names.push_back(person_name(session, team, present[i]));
        if (present[i] == ui.praise_by) who = int(i);
    }
    if (taste_ui::choice_row("meeting/praise/by", names, who, inner)) ui.praise_by = present[who];
    field_label("In their words (optional)");
    text_field("meeting/praise/words", ui.dialog_text, kMaxNoteBytes, inner, "so clear");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (cancel_row("Praise", "meeting/praise", note != nullptr && ui.praise_by != 0)) {
        Praise praise;
        praise.head.id = new_id();
        praise.note = ui.about_note;
        praise.by = ui.praise_by;
        praise.words = trim(ui.dialog_text);
        keep(session, session.praise, praise);
        close_dialog();
    }
    end_dialog();
}

void insight_dialog(Session& session, const Team& team) {
    if (!begin_dialog("Why", ui.dialog == MeetingScreen::Dialog::Insight)) return;
    heading(g_fonts.heading, "Why does it work, or not?", "meeting/insight/title");
    text_wrapped_colored(palette().muted, "The reason behind the notes, as the team would say it to someone new: "
                                          "\u201cthe empty state teaches the gesture\u201d.");
    const float inner = ImGui::GetContentRegionAvail().x;
    prose_field("meeting/insight/text", ui.dialog_text, kMaxNoteBytes, inner, px(72));
    field_label("About these notes");
    // The app's notes as the page lists them: good, bad, ugly, each in the order written.
    const Note* first = ui.insight_notes.empty() ? nullptr : find_record(session.notes, ui.insight_notes.front());
    std::size_t i = 0;
    for (std::uint8_t k = 0; first && k <= kLastKind; ++k)
        for (const Note* n : notes_of(session, first->app, Kind(k))) {
            bool on = std::find(ui.insight_notes.begin(), ui.insight_notes.end(), n->head.id) != ui.insight_notes.end();
            ImGui::PushID(int(i));
            if (ImGui::Checkbox("##note", &on)) {
                if (on) ui.insight_notes.push_back(n->head.id);
                else std::erase(ui.insight_notes, n->head.id);
            }
            test_rect(("meeting/insight/note/" + std::to_string(i++)).c_str());
            ImGui::SameLine(0, px(10));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - ImGui::GetItemRectSize().x - px(10));
            ImGui::TextWrapped("%s", cut_utf8(n->text, 160).c_str());
            text_wrapped_colored(palette().muted, (kKindLabels[k] + " \u00b7 " + person_name(session, team, n->author)).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
            ImGui::PopID();
        }
    ImGui::Dummy(ImVec2(0, px(6)));
    if (cancel_row("Keep this insight", "meeting/insight", !trim(ui.dialog_text).empty() && !ui.insight_notes.empty())) {
        Insight insight;
        insight.head.id = new_id();
        insight.text = trim(ui.dialog_text);
        insight.notes = ui.insight_notes;
        std::sort(insight.notes.begin(), insight.notes.end());
        keep(session, session.insights, insight);
        close_dialog();
    }
    end_dialog();
}

void action_dialog(Session& session, const Team& team) {
    if (!begin_dialog("Apply to our product", ui.dialog == MeetingScreen::Dialog::Action)) return;
    heading(g_fonts.heading, "Apply to our product", "meeting/action/title");
    const Insight* insight = find_record(session.insights, ui.about_insight);
    const Note* note = find_record(session.notes, ui.about_note);
    if (insight || note)
        text_wrapped_colored(palette().muted, ("From \u201c" + cut_utf8(insight ? insight->text : note->text, 160) + "\u201d").c_str());
    const float inner = ImGui::GetContentRegionAvail().x;
    field_label("What we will do");
    prose_field("meeting/action/text", ui.dialog_text, kMaxNoteBytes, inner, px(72));
    field_label("Owner");
    const auto members = taste_ui::members_in_order(team);
    std::vector<std::string> names;
    int owner = -1;
    for (std::size_t i = 0; i < members.size(); ++i) {
        names.push_back(members[i]->name);
        if (members[i]->head.id == ui.action_owner) owner = int(i);
    }
    if (taste_ui::choice_row("meeting/action/owner", names, owner, inner)) ui.action_owner = members[owner]->head.id;
    field_label("Status");
    taste_ui::choice_row("meeting/action/status", kStatusLabels, ui.action_status, inner);
    field_label("Due (optional)", "Year, month, day");
    text_field("meeting/action/due", ui.action_due, 10, px(160), "2027-02-11");
    const auto due = parse_date(trim(ui.action_due));
    const bool due_ok = trim(ui.action_due).empty() || due;
    if (!due_ok) taste_ui::field_problem("Write the date as year-month-day, like 2027-02-11.", "meeting/action/due-problem");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (cancel_row("Keep this action", "meeting/action", !trim(ui.dialog_text).empty() && due_ok)) {
        Action action;
        action.head.id = new_id();
        action.text = trim(ui.dialog_text);
        action.owner = ui.action_owner;
        action.status = ActionStatus(ui.action_status);
        if (due) action.due = *due;
        action.insight = ui.about_insight;
        action.note = ui.about_note;
        keep(session, session.actions, action);
        notify("Action kept" + (ui.action_owner ? " for " + taste_ui::member_name(team, ui.action_owner) : std::string()) + ".");
        close_dialog();
    }
    end_dialog();
}

// ---- What is heard ------------------------------------------------------------------------------
std::string spoken_phase(const Session& session, const Team& team, Phase phase) {
    const auto present = present_people(session);
    switch (phase) {
        case Phase::LastActions: {
            std::string text;
            std::size_t n = 0;
            for (const OwnerActions& o : open_actions(taste_store::sessions()))
                for (const auto* list : {&o.doing, &o.open})
                    for (const OpenAction& a : *list)
                        if (a.session != session.plan.head.id)
                            ++n, text += " " + a.action.text + " (" + (o.owner ? taste_ui::member_name(team, o.owner) : "nobody yet") +
                                         ", " + kStatusLabels[int(a.action.status)] + ").";
            return count_text(n, "open action", "open actions") + " from earlier sessions." + text;
        }
        case Phase::WhoIsHere: return count_text(present.size(), "person", "people") + " here: " + names_text(session, team, present) + ".";
        case Phase::Groups: {
            if (present.size() <= kMaxOneGroup) return "One group, everyone together.";
            std::string text;
            const Groups groups = stored_groups(session);
            for (std::size_t g = 0; g < groups.size(); ++g)
                text += "Group " + std::to_string(g + 1) + ": " + names_text(session, team, groups[g]) + ". ";
            return text;
        }
        case Phase::AppByApp: {
            const App* app = current_app(session);
            if (!app) return "No apps in the plan.";
            const auto& apps = session.plan.apps;
            const std::size_t place = std::find_if(apps.begin(), apps.end(), [&](const App& a) { return a.id == app->id; }) - apps.begin();
            const Meeting& m = session.meeting;
            std::string text = "App " + std::to_string(place + 1) + " of " + std::to_string(apps.size()) + ": " + app_name(*app) +
                               ". Timer " + clock_text(timer_left_at(m, taste_store::now())) +
                               (m.timer_running ? ", running." : ", paused.");
            for (std::uint8_t k = 0; k <= kLastKind; ++k)
                text += " " + kKindLabels[k] + " " + std::to_string(notes_of(session, app->id, Kind(k)).size()) + ".";
            std::vector<std::uint64_t> order;
            std::string turns;
            for (const QueueEntry& e : call_on_queue(present, session.turns, taste_store::me(), team, app->id, apps)) {
                order.push_back(e.person);
                turns += " " + person_name(session, team, e.person) + " " + std::to_string(e.turns) + (e.quiet ? " quiet;" : ";");
            }
            return text + " Who speaks next: " + names_text(session, team, order) + ". Turns:" + turns;
        }
        default: {
            const std::uint64_t picker = rota_picker(team.settings.rota);
            std::size_t praised = 0, actions = 0;
            for (const Praise& p : session.praise) praised += !p.head.deleted;
            for (const Action& a : session.actions) actions += !a.head.deleted;
            return count_text(praised, "praise", "praises") + ", " + count_text(actions, "new action", "new actions") + ". " +
                   (picker ? taste_ui::member_name(team, picker) + " picks the next category." : std::string()) +
                   (session.meeting.phase == Phase::Done ? " The session is done." : "");
        }
    }
}

}  // namespace

// ---- Screen (shell.h) ---------------------------------------------------------------------------
void taste_meeting_screen(std::uint64_t id) {
    Team* team = taste_store::team();
    Session* session = taste_store::find_session(id);
    if (!team || !session) return taste_ui::session_gone();
    if (ui.session != id) ui = MeetingScreen{}, ui.session = id;
    if (session->meeting.phase == Phase::Planned) go_to_phase(*session, Phase::LastActions);
    want_large_type(ui.presenting);
    if (ui.presenting && shown_phase(*session) == Phase::AppByApp) {
        presenting_view(*session, *team);
        taste_ui::enlarged_dialog();
        return;
    }
    ui.presenting = false;
    const Plan& plan = session->plan;
    begin_column();
    const std::string title = plan.category.empty() ? std::string("The meeting") : plan.category;
    std::string intro = valid_date(plan.date) ? long_date_text(plan.date) + " " + std::to_string(plan.date.year) : "No date";
    intro += " \u00b7 " + count_text(present_people(*session).size(), "person here", "people here");
    screen_header(title.c_str(), "meeting/title", intro.c_str(), "\u2190 Session", ("/taste/" + taste_store::hex_id(id)).c_str());
    const float width = column_width();
    phase_bar(*session, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    const Phase phase = shown_phase(*session);
    platform::announce("Taste session meeting: " + title + ". Step " + std::to_string(step_of(phase) + 1) + " of 5: " +
                       kSteps[step_of(phase)].label + ". " + spoken_phase(*session, *team, phase));
    switch (phase) {
        case Phase::LastActions: last_actions_phase(*session, *team, width); break;
        case Phase::WhoIsHere: who_is_here_phase(*session, *team, width); break;
        case Phase::Groups: groups_phase(*session, *team, width); break;
        case Phase::AppByApp: app_by_app_phase(*session, *team, width); break;
        default: wrap_up_phase(*session, *team, width); break;
    }
    back_and_next(*session, width);
    ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the last buttons above the messages
    end_column();
    praise_dialog(*session, *team);
    insight_dialog(*session, *team);
    action_dialog(*session, *team);
    taste_ui::enlarged_dialog();
}
