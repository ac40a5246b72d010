// session.cpp — one taste session as the facilitator plans it ("#/taste/<16 hex>").
//
// Top to bottom: the plan (date, who picked the category, the category and focus, the 3 to 6
// apps, who is invited, where contributions go), the invite (invite.cpp), bringing the notes in
// and what arrived (notes_in.cpp), the way into the meeting (meeting.cpp), the reports
// (reports.cpp), and deleting it. Every change to the plan is a new revision of it and is saved
// at once; what is wrong with the plan is said next to the field it is about.
#include <algorithm>
#include <string>
#include <vector>

#include "core/taste/formats.h"
#include "core/taste/team.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/parts.h"
#include "app/taste/session.h"
#include "app/taste/store.h"
#include "app/widgets.h"

namespace {

using namespace loupe::taste;

const std::vector<std::string> kPlatformLabels = {"iOS", "Android", "Web", "Desktop"};

struct PlanScreen {
    std::uint64_t session = 0;  // whose date text is below
    std::string date_text;
    bool date_edited = false;
    int focus_app = -1;  // app row whose name takes the keyboard next frame
    bool changed = false;
    bool deleting = false;  // the delete question is open
};
PlanScreen ui;

bool wide() { return column_width() >= px(760); }

void revise(Plan& plan) {
    plan.head.rev = taste_store::revise(plan.head.rev);
    ui.changed = true;
}

std::string apps_problem(const Plan& plan) {
    const std::size_t n = plan.apps.size();
    if (n >= kMinApps && n <= kMaxApps) return {};
    if (n == 0) return "Add 3 to 6 apps to try: fewer leaves little to compare, more is too much for one session.";
    if (n < kMinApps)
        return "A session has 3 to 6 apps to try; this one has " + std::to_string(n) + ". Add " +
               std::to_string(kMinApps - n) + " more.";
    return "A session has 3 to 6 apps to try; this one has " + std::to_string(n) + ". Remove " +
           std::to_string(n - kMaxApps) + ".";
}

void date_field(Plan& plan, const Team& team, float inner) {
    const Palette& p = palette();
    if (ui.session != plan.head.id) ui = PlanScreen{}, ui.session = plan.head.id;
    if (!ui.date_edited) ui.date_text = valid_date(plan.date) ? date_text(plan.date) : "";
    field_label("Date", "Year, month, day");
    if (text_field("taste/plan/date", ui.date_text, 10, std::min(inner, px(200)), "2027-01-14")) {
        ui.date_edited = true;
        if (auto d = parse_date(trim(ui.date_text)); d && *d != plan.date) {
            plan.date = *d;
            revise(plan);
        }
    }
    const bool typing = ImGui::IsItemActive();
    if (!typing) ui.date_edited = false;
    if (ui.date_edited && !parse_date(trim(ui.date_text))) {
        taste_ui::field_problem("Write the date as year-month-day, like 2027-01-14.", "taste/plan/date-problem");
    } else if (valid_date(plan.date)) {
        std::string when = long_date_text(plan.date) + " " + std::to_string(plan.date.year);
        const Cadence& c = team.settings.cadence;
        if (cadence_day(c, plan.date.year, plan.date.month) != plan.date) when += " (not the team's usual day)";
        if (plan.date < taste_store::today()) when += " \u2014 in the past";
        text_wrapped_colored(p.muted, when.c_str());
        test_rect("taste/plan/date-text");
    }
}

void people_fields(Plan& plan, const Team& team, float inner) {
    const auto members = taste_ui::members_in_order(team);
    field_label("Who picked the category", "By default, whose turn it is in the rota.");
    {
        ButtonRow row(inner);
        for (std::size_t i = 0; i < members.size(); ++i) {
            const std::string label = members[i]->name.empty() ? "(no name)" : members[i]->name;
            row.place(button_width(label.c_str()));
            ImGui::PushID(int(i));
            const std::string id = "taste/plan/picker/" + std::to_string(i);
            if (taste_ui::chip(label.c_str(), id.c_str(), plan.picker == members[i]->head.id) &&
                plan.picker != members[i]->head.id) {
                taste_store::change_picker(plan, members[i]->head.id);
                revise(plan);
            }
            ImGui::PopID();
        }
    }
    if (!find_member(team, plan.picker)) taste_ui::field_problem("Choose who picked the category.", "taste/plan/picker-problem");
    ImGui::Dummy(ImVec2(0, px(6)));
    field_label("Invited", "Everyone by default; the invite names only those invited.");
    {
        ButtonRow row(inner);
        for (std::size_t i = 0; i < members.size(); ++i) {
            const std::uint64_t id = members[i]->head.id;
            const bool on = std::find(plan.invited.begin(), plan.invited.end(), id) != plan.invited.end();
            const std::string label = (on ? "\u2713 " : "") + (members[i]->name.empty() ? std::string("(no name)") : members[i]->name);
            row.place(button_width(label.c_str()));
            ImGui::PushID(int(1000 + i));
            const std::string tid = "taste/plan/invited/" + std::to_string(i);
            if (taste_ui::chip(label.c_str(), tid.c_str(), on)) {
                if (on) std::erase(plan.invited, id);
                else plan.invited.push_back(id);
                revise(plan);
            }
            ImGui::PopID();
        }
    }
    if (plan.invited.empty()) taste_ui::field_problem("Nobody is invited yet.", "taste/plan/invited-problem");
}

void apps_fields(Plan& plan, float inner) {
    const Palette& p = palette();
    field_label("Apps to try", "3 to 6, each with the platform to try it on and a link to get it.");
    int remove = -1, up = -1;
    const float small = button_height();
    const float buttons_w = 3 * small + 2 * px(8);
    float chips_w = 0;
    for (const std::string& l : kPlatformLabels) chips_w += button_width(l.c_str()) + ImGui::GetStyle().ItemSpacing.x;
    for (int i = 0; i < int(plan.apps.size()); ++i) {
        App& app = plan.apps[i];
        ImGui::PushID(int(app.id));
        const std::string id = "taste/plan/app/" + std::to_string(i);
        const std::string number = std::to_string(i + 1) + ".";
        const float row_x = ImGui::GetCursorPosX(), row_y = ImGui::GetCursorPosY();
        // Move up, move down, remove: at the end of the row on a desktop, beside the number on a phone.
        auto move_buttons = [&] {
            ImGui::BeginDisabled(i == 0);
            if (secondary_button("\u2191", (id + "/up").c_str(), ImVec2(small, small))) up = i;
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move up");
            ImGui::SameLine(0, px(8));
            ImGui::BeginDisabled(i + 1 == int(plan.apps.size()));
            if (secondary_button("\u2193", (id + "/down").c_str(), ImVec2(small, small))) up = i + 1;
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move down");
            ImGui::SameLine(0, px(8));
            if (secondary_button("\u00d7", (id + "/remove").c_str(), ImVec2(small, small))) remove = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this app");
        };
        ImGui::SetCursorPosY(row_y + (small - ImGui::GetTextLineHeight()) / 2);
        text_wrapped_colored(p.muted, wide() ? number.c_str() : ("App " + number.substr(0, number.size() - 1)).c_str());
        if (!wide()) {
            taste_ui::same_row_at(row_x + inner - buttons_w, row_y);
            move_buttons();
        } else {
            taste_ui::same_row_at(row_x + px(28), row_y);  // a column for the number, whatever its width
        }
        const float indent = ImGui::GetCursorPosX();
        if (!wide()) ImGui::SetCursorPosX(row_x);
        const float room = wide() ? inner - (indent - row_x) : inner;
        if (ui.focus_app == i) ImGui::SetKeyboardFocusHere(), ui.focus_app = -1;
        if (text_field((id + "/name").c_str(), app.name, kMaxNameBytes, wide() ? px(200) : room, "App name"))
            revise(plan);
        if (wide()) ImGui::SameLine();
        int platform_choice = int(app.platform);
        ImGui::BeginGroup();
        if (taste_ui::choice_row((id + "/platform").c_str(), kPlatformLabels, platform_choice, wide() ? chips_w : room)) {
            app.platform = Platform(platform_choice);
            revise(plan);
        }
        ImGui::EndGroup();
        // The link beside the platforms when there is room for a useful field, else under the name.
        const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() - row_x;
        const float beside = inner - used - ImGui::GetStyle().ItemSpacing.x - buttons_w - px(8);
        const bool link_beside = wide() && beside >= px(220);
        if (link_beside) ImGui::SameLine();
        else if (wide()) ImGui::SetCursorPosX(indent);
        const float link_w = link_beside ? beside : wide() ? room - buttons_w - px(8) : room;
        if (text_field((id + "/link").c_str(), app.link, kMaxLinkBytes, link_w, "https://\u2026 (optional link)"))
            revise(plan);
        if (wide()) {
            ImGui::SameLine(0, px(8));
            move_buttons();
        }
        if (app.link.find_first_of(" \t") != std::string::npos) {
            if (wide()) ImGui::SetCursorPosX(indent);
            taste_ui::field_problem("A link has no spaces in it.", (id + "/link-problem").c_str());
        }
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(wide() ? 6 : 14)));
    }
    if (up > 0) {
        std::swap(plan.apps[up - 1], plan.apps[up]);
        revise(plan);
    }
    if (remove >= 0) {
        plan.apps.erase(plan.apps.begin() + remove);
        revise(plan);
    }
    if (plan.apps.size() < kMaxApps && secondary_button("Add an app", "taste/plan/add-app", ImVec2(0, button_height()))) {
        App app;
        while (app.id == 0 || std::any_of(plan.apps.begin(), plan.apps.end(), [&](const App& a) { return a.id == app.id; }))
            app.id = platform::random_u64();
        app.platform = plan.apps.empty() ? Platform::IOS : plan.apps.back().platform;
        plan.apps.push_back(app);
        ui.focus_app = int(plan.apps.size()) - 1;
        revise(plan);
    }
    taste_ui::field_problem(apps_problem(plan), "taste/plan/apps-problem");
}

void plan_card(Plan& plan, const Team& team, float width) {
    begin_card(width);
    card_title("The plan", "taste/plan/title", "What the invite carries: change it here, then send the invite.");
    const float inner = card_inner_width();
    // Date, category and focus side by side on a wide screen, one under the other on a phone.
    const bool row = wide();
    const float text_w = row ? (inner - px(200) - 2 * px(24)) / 2 : std::min(inner, px(420));
    const float top = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    date_field(plan, team, row ? px(200) : inner);
    ImGui::EndGroup();
    if (row) taste_ui::same_row_at(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + px(24), top);
    else ImGui::Dummy(ImVec2(0, px(6)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    field_label("Category", "What kind of apps: budgeting, note-taking…");
    if (text_field("taste/plan/category", plan.category, kMaxNameBytes, text_w, "budgeting apps")) revise(plan);
    if (trim(plan.category).empty()) taste_ui::field_problem("Give the session a category.", "taste/plan/category-problem");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (row) taste_ui::same_row_at(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + px(24), top);
    else ImGui::Dummy(ImVec2(0, px(6)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    field_label("Focus (optional)", "One part to look at closely: onboarding, search…");
    if (text_field("taste/plan/focus", plan.focus, kMaxNameBytes, text_w, "onboarding")) revise(plan);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, px(10)));
    people_fields(plan, team, inner);
    ImGui::Dummy(ImVec2(0, px(6)));
    apps_fields(plan, inner);
    ImGui::Dummy(ImVec2(0, px(6)));
    field_label("Reply-to address (optional)", "Participants are offered to e-mail their notes to it.");
    if (text_field("taste/plan/reply-to", plan.reply_to, kMaxEmailBytes, std::min(inner, px(420)), "you@example.com"))
        revise(plan);
    const std::string problem = plan_problem(plan, team);
    if (problem.find("reply-to") != std::string::npos) taste_ui::field_problem(problem, "taste/plan/reply-to-problem");
    end_card();
}

// ---- The meeting --------------------------------------------------------------------------------
void meeting_card(const Session& session, float width) {
    begin_card(width);
    const Phase phase = session.meeting.phase;
    const char* help = phase == Phase::Planned
                           ? "On the day: last time's actions, who is here, small groups, app by app, and the wrap-up."
                       : phase == Phase::Done ? "Done. Open it to read what was said, decided and praised."
                                              : "Under way: it opens where you left it, timer included.";
    card_title("The meeting", "taste/meeting/title", help);
    const char* label = phase == Phase::Planned ? "Start the meeting" : phase == Phase::Done ? "Open the meeting" : "Continue the meeting";
    if (primary_button(label, "taste/meeting/start", ImVec2(0, button_height())))
        navigate("/taste/" + taste_store::hex_id(session.plan.head.id) + "/meeting");
    end_card();
}

// ---- Deleting -----------------------------------------------------------------------------------
void delete_card(float width) {
    begin_card(width);
    card_title("Delete this session", "taste/delete/title",
               "A session planned by mistake, or one you no longer need, can go. This cannot be undone.");
    if (secondary_button("Delete session\u2026", "taste/delete", ImVec2(0, button_height()))) ui.deleting = true;
    end_card();
}

void delete_dialog(const Session& session) {
    if (!begin_dialog("Delete taste session", ui.deleting)) return;
    const Plan& plan = session.plan;
    const std::string title = plan.category.empty() ? std::string("this session") : "\u201c" + plan.category + "\u201d";
    heading(g_fonts.heading, ("Delete " + title + "?").c_str(), "taste/delete/question");
    const std::size_t notes = std::count_if(session.notes.begin(), session.notes.end(),
                                            [](const Note& n) { return !n.head.deleted; });
    std::string body = "Its plan";
    if (notes > 0) body += " and the " + std::to_string(notes) + (notes == 1 ? " note" : " notes") + " brought in";
    body += " will be removed from this browser, with screenshots no other session shows. A workspace backup "
            "(menu \u2022\u2022\u2022 at the top right) keeps a copy.";
    if (!taste_store::invite_given(plan.head.id).empty())
        body += " The invite you sent still opens, but notes sent for it could only be brought into a copy of this session.";
    text_wrapped_colored(palette().muted, body.c_str());
    ImGui::Dummy(ImVec2(0, px(6)));
    const DeleteAnswer answer = delete_or_keep("Delete session", "taste/delete");
    if (answer == DeleteAnswer::Delete) {
        notify("Deleted the taste session " + title + ".");
        taste_store::delete_session(plan.head.id);
        navigate("/taste");
    }
    if (answer != DeleteAnswer::None) {
        ui.deleting = false;
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

}  // namespace

void taste_session_screen(std::uint64_t id) {
    Team* team = taste_store::team();
    Session* session = taste_store::find_session(id);
    if (!team || !session) return taste_ui::session_gone();
    Plan& plan = session->plan;
    begin_column();
    const std::string title = plan.category.empty() ? std::string("New session") : plan.category;
    std::string intro = valid_date(plan.date) ? long_date_text(plan.date) + " " + std::to_string(plan.date.year) : "No date yet";
    if (find_member(*team, plan.picker)) intro += " · picked by " + taste_ui::member_name(*team, plan.picker);
    if (!plan.focus.empty()) intro += " · focus: " + plan.focus;
    screen_header(title.c_str(), "taste/session/title", intro.c_str(), "\u2190 Team", "/taste");
    std::string spoken = "Taste session: " + title + ". " + intro + ". " + std::to_string(plan.apps.size()) + " apps";
    for (const App& a : plan.apps) spoken += ", " + a.name;
    platform::announce(spoken + ". " + taste_session::bring_in_spoken(*session, *team));
    const float width = column_width();
    ui.changed = false;
    plan_card(plan, *team, width);
    if (ui.changed) taste_store::save_session(*session);
    ImGui::Dummy(ImVec2(0, px(12)));
    taste_session::invite_card(*team, plan, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    taste_session::bring_in_card(*session, *team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    taste_session::notes_card(*session, *team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    meeting_card(*session, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    taste_session::reports_card(*session, *team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    delete_card(width);
    ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the last buttons above the messages
    end_column();
    delete_dialog(*session);  // may delete it: `session` is not used after this
    if (ui.changed) taste_store::sort_sessions();  // the date may have changed
}

void taste_session_files(std::uint64_t id, std::vector<platform::OpenedFile>& files) {
    Team* team = taste_store::team();
    Session* session = taste_store::find_session(id);
    if (!team || !session) return;
    taste_session::bring_in_files(*session, *team, files);
}
