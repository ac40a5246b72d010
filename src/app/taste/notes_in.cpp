// notes_in.cpp — bringing the notes in, and what arrived, on the session screen.
//
// Contribution files and session files chosen (many at once) or dropped anywhere on the page,
// and any pasted text holding contribution codes (a whole e-mail thread will do) go through
// import_into_session (core/taste/import.h): a damaged input changes nothing, a repeat changes
// nothing, and every input gets a line in the report, grouped by what became of it. Then: who has
// sent notes and who has not, and everyone's notes per app, good, bad and ugly.
#include <algorithm>
#include <string>
#include <vector>

#include "core/taste/formats.h"
#include "core/taste/import.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/parts.h"
#include "app/taste/pictures.h"
#include "app/taste/session.h"
#include "app/taste/store.h"
#include "app/widgets.h"

namespace taste_session {
namespace {

using namespace loupe::taste;

constexpr std::size_t kMaxImportBytes = 64u << 20;  // a contribution with 4 pictures a note is far smaller

struct BringIn {
    std::uint64_t session = 0;  // the report below is this session's
    std::vector<ImportLine> report;
    std::string paste;
};
BringIn st;

// Brings `inputs` in; `unreadable` are files the browser could not read (each a damaged line).
void bring_in(Session& session, const Team& team, const std::vector<ImportInput>& inputs,
              std::vector<ImportLine> unreadable) {
    // The pictures already kept, by their metadata alone, so that a file brought in again is
    // "already here" rather than "added" for its pictures (keep() leaves these entries out).
    std::vector<ScreenshotImage> images;
    for (const loupe::taste::Screenshot& s : session.screenshots)
        if (pictures::kept(s.id)) images.push_back({s, {}, {}});
    ImportReport report = import_into_session(session, images, team, inputs);
    pictures::keep(images);
    const bool changed = std::any_of(report.lines.begin(), report.lines.end(), [](const ImportLine& l) {
        return l.status == ImportStatus::Added || l.status == ImportStatus::Updated;
    });
    if (changed) taste_store::save_session(session);
    st.session = session.plan.head.id;
    st.report = std::move(unreadable);
    st.report.insert(st.report.end(), report.lines.begin(), report.lines.end());
    int added = 0;
    for (const ImportLine& l : st.report) added += l.status == ImportStatus::Added || l.status == ImportStatus::Updated;
    notify(added == 0 ? "Nothing new came in: see the report for each input."
                      : std::to_string(added) + (added == 1 ? " contribution" : " contributions") + " brought in.");
}

void bring_in_pasted(Session& session, const Team& team) {
    if (st.paste.find_first_not_of(" \t\r\n") == std::string::npos) {
        notify("Paste the text first: an e-mail or a chat message with contribution codes in it will do.", true);
        return;
    }
    std::vector<ImportInput> inputs{{"Pasted text", std::vector<std::uint8_t>(st.paste.begin(), st.paste.end())}};
    bring_in(session, team, inputs, {});
    if (std::any_of(st.report.begin(), st.report.end(), [](const ImportLine& l) { return l.status != ImportStatus::Damaged; }))
        st.paste.clear();
}

const ImportStatus kStatusOrder[] = {ImportStatus::Added, ImportStatus::Updated, ImportStatus::Unchanged,
                                     ImportStatus::OtherSession, ImportStatus::Damaged};

const char* status_word(ImportStatus s) {  // in test ids
    switch (s) {
        case ImportStatus::Added: return "added";
        case ImportStatus::Updated: return "updated";
        case ImportStatus::Unchanged: return "unchanged";
        case ImportStatus::OtherSession: return "other";
        case ImportStatus::Damaged: return "damaged";
    }
    return "damaged";
}

const char* status_heading(ImportStatus s) {
    switch (s) {
        case ImportStatus::Added: return "Added";
        case ImportStatus::Updated: return "Updated to a newer revision";
        case ImportStatus::Unchanged: return "Already here (nothing changed)";
        case ImportStatus::OtherSession: return "For another session (not brought in)";
        case ImportStatus::Damaged: return "Damaged (nothing taken from them)";
    }
    return "";
}

void report_section(float inner) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, px(8)));
    heading(g_fonts.heading, "What came in", "taste/import/report");
    for (ImportStatus status : kStatusOrder) {
        std::vector<const ImportLine*> lines;
        for (const ImportLine& l : st.report)
            if (l.status == status) lines.push_back(&l);
        if (lines.empty()) continue;
        const std::string title = std::string(status_heading(status)) + " \u00b7 " + std::to_string(lines.size());
        const ImU32 tint = status == ImportStatus::Damaged || status == ImportStatus::OtherSession ? p.danger
                         : status == ImportStatus::Unchanged                                         ? p.muted
                                                                                                    : p.accent;
        ImGui::Dummy(ImVec2(0, px(2)));
        text_wrapped_colored(tint, title.c_str());
        test_rect((std::string("taste/import/group/") + status_word(status)).c_str());
        ImGui::Indent(px(16));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - px(16));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const ImportLine& l = *lines[i];
            std::string text = l.source;
            if (!l.author.empty())
                text += " \u2014 " + l.author + ", " + (l.notes == 1 ? std::string("1 note") : std::to_string(l.notes) + " notes");
            ImGui::TextWrapped("%s", text.c_str());
            test_rect((std::string("taste/import/") + status_word(status) + "/" + std::to_string(i)).c_str());
            if (!l.reason.empty()) text_wrapped_colored(p.muted, l.reason.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::Unindent(px(16));
    }
}

// Who has notes in the session, and who was invited and has none yet, in name order.
struct Who {
    std::vector<std::string> sent, missing;
    std::string sent_text() const {
        return sent.empty() ? "Nobody has sent notes yet." : "Notes from " + taste_ui::joined(sent) + ".";
    }
    std::string missing_text() const {
        return missing.empty() ? "Everyone invited has sent notes." : "Not yet: " + taste_ui::joined(missing) + ".";
    }
};

Who who_has_sent(const Session& session, const Team& team) {
    std::vector<std::uint64_t> sent;
    for (const Note& n : session.notes)
        if (!n.head.deleted && std::find(sent.begin(), sent.end(), n.author) == sent.end()) sent.push_back(n.author);
    Who who;
    for (std::uint64_t id : sent) who.sent.push_back(person_name(session, team, id));
    for (std::uint64_t id : session.plan.invited)
        if (std::find(sent.begin(), sent.end(), id) == sent.end() && find_member(team, id))
            who.missing.push_back(taste_ui::member_name(team, id));
    std::sort(who.sent.begin(), who.sent.end());
    std::sort(who.missing.begin(), who.missing.end());
    return who;
}

void who_section(const Session& session, const Team& team) {
    const Palette& p = palette();
    const Who who = who_has_sent(session, team);
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextWrapped("%s", who.sent_text().c_str());
    test_rect("taste/import/sent");
    text_wrapped_colored(who.missing.empty() ? p.accent : p.muted, who.missing_text().c_str());
    test_rect("taste/import/missing");
}

}  // namespace

std::string bring_in_spoken(const Session& session, const Team& team) {
    std::string said;
    if (st.session == session.plan.head.id && !st.report.empty()) {
        said = "What came in:";
        for (ImportStatus status : kStatusOrder) {
            const auto n = std::count_if(st.report.begin(), st.report.end(), [&](const ImportLine& l) { return l.status == status; });
            if (n > 0) said += std::string(said.back() == ':' ? " " : ", ") + status_heading(status) + " " + std::to_string(n);
        }
        said += ". ";
    }
    const Who who = who_has_sent(session, team);
    return said + who.sent_text() + " " + who.missing_text();
}

void bring_in_files(Session& session, const Team& team, std::vector<platform::OpenedFile>& files) {
    std::vector<ImportInput> inputs;
    std::vector<ImportLine> unreadable;
    for (platform::OpenedFile& f : files) {
        if (!f.error.empty()) {
            ImportLine line;
            line.source = f.name;
            line.reason = f.error;
            unreadable.push_back(std::move(line));
        } else {
            inputs.push_back({f.name, std::move(f.bytes)});
        }
    }
    files.clear();
    bring_in(session, team, inputs, std::move(unreadable));
}

void bring_in_card(Session& session, const Team& team, float width) {
    const Palette& p = palette();
    if (st.session != session.plan.head.id) st = BringIn{}, st.session = session.plan.head.id;
    begin_card(width);
    card_title("Bring the notes in", "taste/import/title",
               "Contribution files and session files (choose them, or drop many at once anywhere on this page), and "
               "any text with contribution codes: a whole e-mail thread will do. A repeat changes nothing, and a "
               "damaged input takes nothing away.");
    const float inner = card_inner_width();
    if (plan_problem(session.plan, team).find("apps") != std::string::npos && session.plan.apps.empty()) {
        text_wrapped_colored(p.muted, "Notes are about the plan's apps: add them first.");
        end_card();
        return;
    }
    if (primary_button("Choose files\u2026", "taste/import/choose", ImVec2(0, button_height())))
        platform::choose_files(".loupe,.txt,.eml", true, kMaxImportBytes);
    ImGui::Dummy(ImVec2(0, px(4)));
    const ImVec2 box_at = ImGui::GetCursorScreenPos();
    ImGui::InputTextMultiline("##paste", &st.paste, ImVec2(inner, px(120)));
    test_rect("taste/import/paste");
    if (st.paste.empty() && !ImGui::IsItemActive()) {
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(g_fonts.body, g_fonts.body->FontSize, ImVec2(box_at.x + pad.x, box_at.y + pad.y),
                                            p.muted, "Or paste text with contribution codes (TASTE-\u2026) here.", nullptr,
                                            inner - 2 * pad.x);
    }
    if (secondary_button("Bring in pasted text", "taste/import/paste-button", ImVec2(0, button_height())))
        bring_in_pasted(session, team);
    if (!st.report.empty()) report_section(inner);
    who_section(session, team);
    end_card();
}

void notes_card(const Session& session, const Team& team, float width) {
    const Palette& p = palette();
    begin_card(width);
    std::size_t live = std::count_if(session.notes.begin(), session.notes.end(), [](const Note& n) { return !n.head.deleted; });
    const std::string help = live == 0 ? "Nothing yet: the notes appear here as you bring them in."
                                       : std::to_string(live) + (live == 1 ? " note" : " notes") + ", per app.";
    card_title("Everyone's notes", "taste/notes/title", help.c_str());
    const char* kinds[] = {"Good", "Bad", "Ugly"};
    for (std::size_t a = 0; a < session.plan.apps.size() && live > 0; ++a) {
        const App& app = session.plan.apps[a];
        ImGui::Dummy(ImVec2(0, px(6)));
        heading(g_fonts.heading, (app.name.empty() ? std::string("(app without a name)") : app.name).c_str(),
                ("taste/notes/app/" + std::to_string(a)).c_str());
        for (std::uint8_t k = 0; k <= kLastKind; ++k) {
            std::vector<const Note*> notes;
            for (const Note& n : session.notes)
                if (!n.head.deleted && n.app == app.id && n.kind == Kind(k)) notes.push_back(&n);
            if (notes.empty()) continue;
            text_wrapped_colored(k == 0 ? p.accent : k == 1 ? p.danger : p.muted,
                                 (std::string(kinds[k]) + " \u00b7 " + std::to_string(notes.size())).c_str());
            ImGui::Indent(px(16));
            for (std::size_t i = 0; i < notes.size(); ++i) {
                const Note& n = *notes[i];
                const std::string who = person_name(session, team, n.author);
                if (is_phone()) {  // the author above the note
                    text_wrapped_colored(p.muted, who.c_str());
                    ImGui::TextWrapped("%s", n.text.c_str());
                } else {  // the author in a column of their own
                    const float column = px(120), x = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
                    ImGui::PushTextWrapPos(x + column - px(12));
                    text_wrapped_colored(p.muted, who.c_str());
                    ImGui::PopTextWrapPos();
                    taste_ui::same_row_at(x + column, y);
                    ImGui::BeginGroup();
                    ImGui::TextWrapped("%s", n.text.c_str());
                }
                test_rect(("taste/notes/app/" + std::to_string(a) + "/" + kind_name(n.kind) + "/" + std::to_string(i)).c_str());
                taste_ui::thumbnail_row(session, n, ("taste/notes/app/" + std::to_string(a) + "/" + kind_name(n.kind) + "/" +
                                                     std::to_string(i) + "/picture/").c_str());
                if (!is_phone()) ImGui::EndGroup();
                ImGui::Dummy(ImVec2(0, px(2)));
            }
            ImGui::Unindent(px(16));
        }
    }
    end_card();
    taste_ui::enlarged_dialog();
}

}  // namespace taste_session
