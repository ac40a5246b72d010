// editor.cpp — the survey editor ("#/surveys/<id>"): title and introduction, the items, segment
// questions, the optional open question and reply-to address, the design with its balance
// report, publishing (publish.cpp), and a preview exactly as a respondent sees it.
//
// Every edit is saved at once. The design follows the number of items for as long as it is the
// one Loupe suggests; once the author changes it by hand it stays as they set it. Making a
// design takes a moment for some sizes, so the balance report waits until the parameters have
// stopped changing.
#include <algorithm>
#include <string>
#include <vector>

#include "core/maxdiff/design.h"
#include "core/maxdiff/project.h"
#include "core/maxdiff/survey.h"
#include "app/form.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/surveys/publish.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

using loupe::Survey;

struct EditorState {
    std::uint64_t project_id = 0;  // the project this state belongs to
    bool paste_open = false;
    bool focus_paste = false;
    std::string paste_text;
    bool preview_open = false;  // narrow windows: the preview instead of the form
    int focus_item = -1;        // this item's field takes the keyboard next frame
    int focus_segment = -1;     // this segment question's label field takes the keyboard next frame
};
EditorState ed;

// ---- Design ---------------------------------------------------------------------------------------
struct BalanceCheck {
    int item_count = -1;
    loupe::DesignParams params;
    double changed_at = 0;
    bool done = false;
    std::string problem;  // why no design could be made
    loupe::DesignReport report;
};
BalanceCheck balance;
constexpr double kBalanceCalm = 0.5;  // seconds without a change before the design is made

const BalanceCheck& check_balance(int item_count, const loupe::DesignParams& params) {
    if (item_count != balance.item_count || !(params == balance.params))
        balance = {item_count, params, platform::now_seconds(), false, {}, {}};
    if (balance.done) return balance;
    if (platform::now_seconds() - balance.changed_at < kBalanceCalm) {
        keep_animating();  // come back when it is time
        return balance;
    }
    auto design = loupe::make_design(item_count, params);
    if (design)
        balance.report = loupe::report_design(*design);
    else
        balance.problem = design.error();
    balance.done = true;
    return balance;
}

loupe::DesignParams suggested_design(const Survey& s) {
    return loupe::propose_design(static_cast<int>(s.items.size()), s.design.seed).params;
}

// ---- Small helpers ---------------------------------------------------------------------------------
std::string numbered(const char* prefix, int i, const char* suffix) {
    return std::string(prefix) + std::to_string(i) + suffix;
}

bool enter_ended_last_field() {
    return ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
    return text;
}

// Bullets people paste from documents ("- ", "* ", "• ") are not part of an item.
std::string without_bullet(const std::string& line) {
    for (const char* bullet : {"- ", "* ", "\xE2\x80\xA2 "})
        if (line.starts_with(bullet)) return trim(line.substr(std::char_traits<char>::length(bullet)));
    return line;
}

std::vector<std::string> non_empty_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = without_bullet(trim(text.substr(start, end - start)));
        if (!line.empty()) lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

// ---- Paste many ------------------------------------------------------------------------------------
struct PastedItems {
    std::vector<std::string> items;  // new, in order
    int repeated = 0;                // already in the list, or twice in the text
    int shortened = 0;               // longer than an item may be
    int no_room = 0;                 // beyond the most items a survey may have
};

PastedItems read_pasted_items(const std::string& text, const std::vector<std::string>& existing) {
    PastedItems pasted;
    const std::size_t room = loupe::kMaxItems - std::count_if(existing.begin(), existing.end(),
                                                              [](const std::string& s) { return !s.empty(); });
    for (std::string line : non_empty_lines(text)) {
        if (line.size() > loupe::kMaxItemBytes) line = cut_utf8(std::move(line), loupe::kMaxItemBytes), ++pasted.shortened;
        const auto same = [&](const std::string& s) { return s == line; };
        if (std::any_of(existing.begin(), existing.end(), same) || std::any_of(pasted.items.begin(), pasted.items.end(), same))
            ++pasted.repeated;
        else if (pasted.items.size() >= room)
            ++pasted.no_room;
        else
            pasted.items.push_back(std::move(line));
    }
    return pasted;
}

std::string paste_summary(const PastedItems& p) {
    const auto items = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); };
    std::string text = "Added " + items(p.items.size()) + ".";
    if (p.repeated > 0)
        text += " Skipped " + std::to_string(p.repeated) + (p.repeated == 1 ? " line that repeats" : " lines that repeat") +
                " an item.";
    if (p.shortened > 0)
        text += " Shortened " + items(std::size_t(p.shortened)) + " to " + std::to_string(loupe::kMaxItemBytes) +
                " characters.";
    if (p.no_room > 0)
        text += " Left out the last " + std::to_string(p.no_room) + ": a survey holds at most " +
                std::to_string(loupe::kMaxItems) + " items.";
    return text;
}

bool paste_panel(Survey& s, float width) {
    ImGui::Dummy(ImVec2(0, px(4)));
    field_label("Paste items, one per line", "Blank lines, bullets and items already in the list are skipped.");
    if (ed.focus_paste) {
        ImGui::SetKeyboardFocusHere();
        ed.focus_paste = false;
    }
    text_area("editor/paste-text", ed.paste_text, 0, ImVec2(width, px(180)));
    const PastedItems pasted = read_pasted_items(ed.paste_text, s.items);
    const std::size_t n = pasted.items.size();
    const std::string add = n == 0 ? std::string("Add items") : "Add " + std::to_string(n) + (n == 1 ? " item" : " items");
    bool changed = false;
    ImGui::BeginDisabled(n == 0);
    if (primary_button(add.c_str(), "editor/paste-add", ImVec2(0, button_height()))) {
        std::erase_if(s.items, [](const std::string& item) { return trim(item).empty(); });
        s.items.insert(s.items.end(), pasted.items.begin(), pasted.items.end());
        notify(paste_summary(pasted));
        ed.paste_text.clear();
        ed.paste_open = false;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (secondary_button("Cancel", "editor/paste-cancel", ImVec2(0, button_height()))) {
        ed.paste_text.clear();
        ed.paste_open = false;
    }
    return changed;
}

// ---- Sections --------------------------------------------------------------------------------------
bool about_card(Survey& s, float width) {
    bool changed = false;
    begin_card(width);
    card_title("Title and introduction", "editor/about-title", nullptr);
    const float inner = card_inner_width();
    field_label("Title");
    changed |= text_field("editor/title-field", s.title, loupe::kMaxTitleBytes, inner, "What is this survey about?");
    ImGui::Dummy(ImVec2(0, px(2)));
    field_label("Introduction", "Shown before the first question: why you ask, and how long it takes.");
    changed |= prose_field("editor/intro", s.intro, loupe::kMaxIntroBytes, inner, px(108));
    end_card();
    return changed;
}

// Three dots on an empty button: the phone's "more" menu for an item.
bool more_button(const char* test_id, float size) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = secondary_button("##more", test_id, ImVec2(size, size));
    for (int i = -1; i <= 1; ++i)
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + size / 2 + i * px(6), at.y + size / 2), px(2),
                                                    palette().text);
    return pressed;
}

struct ItemMove {
    int from = -1, to = -1;  // to == -1: remove `from`
};

bool items_card(Survey& s, float width) {
    const Palette& p = palette();
    bool changed = false;
    begin_card(width);
    const std::string title = s.items.empty() ? std::string("Items") : "Items (" + std::to_string(s.items.size()) + ")";
    card_title(title.c_str(), "editor/items-title",
               "What respondents compare. Short phrases of the same kind work best; 8 to 30 items is typical.");
    const float inner = card_inner_width();
    const float h = button_height();
    const bool phone = is_phone();
    const float number_w = px(s.items.size() >= 100 ? 36 : 28);
    const float buttons_w = phone ? h : 3 * h + 2 * px(4);
    const float field_w = inner - number_w - buttons_w - px(8) - px(8);

    ItemMove move;
    int insert_after = -1;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(12), (h - ImGui::GetFontSize()) / 2));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(8), px(8)));
    for (int i = 0; i < static_cast<int>(s.items.size()); ++i) {
        ImGui::PushID(i);
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const std::string number = std::to_string(i + 1);
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(row.x + number_w - ImGui::CalcTextSize(number.c_str()).x - px(4), row.y + (h - ImGui::GetFontSize()) / 2),
            p.muted, number.c_str());
        ImGui::SetCursorScreenPos(ImVec2(row.x + number_w + px(8), row.y));
        if (ed.focus_item == i) ImGui::SetKeyboardFocusHere();
        changed |= text_field(numbered("editor/item", i, "/text").c_str(), s.items[i], loupe::kMaxItemBytes, field_w,
                              "Describe one item");
        if (ed.focus_item == i) {
            if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
            ed.focus_item = -1;
        }
        if (enter_ended_last_field()) insert_after = i;
        ImGui::SameLine();
        const bool first = i == 0, last = i + 1 == static_cast<int>(s.items.size());
        if (!phone) {
            ImGui::BeginDisabled(first);
            if (secondary_button("↑", numbered("editor/item", i, "/up").c_str(), ImVec2(h, h))) move = {i, i - 1};
            ImGui::EndDisabled();
            ImGui::SameLine(0, px(4));
            ImGui::BeginDisabled(last);
            if (secondary_button("↓", numbered("editor/item", i, "/down").c_str(), ImVec2(h, h))) move = {i, i + 1};
            ImGui::EndDisabled();
            ImGui::SameLine(0, px(4));
            if (secondary_button("×", numbered("editor/item", i, "/remove").c_str(), ImVec2(h, h))) move = {i, -1};
        } else {
            if (more_button(numbered("editor/item", i, "/more").c_str(), h)) ImGui::OpenPopup("item menu");
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(6), px(6)));
            if (ImGui::BeginPopup("item menu")) {
                const float w = px(200);
                if (!first && menu_item("Move up", "item-menu/up", w)) move = {i, i - 1};
                if (!last && menu_item("Move down", "item-menu/down", w)) move = {i, i + 1};
                if (menu_item("Remove", "item-menu/remove", w)) move = {i, -1};
                ImGui::EndPopup();
            }
            ImGui::PopStyleVar();
        }
        ImGui::PopID();
    }
    ImGui::PopStyleVar(2);

    if (move.from >= 0) {
        if (move.to < 0)
            s.items.erase(s.items.begin() + move.from);
        else
            std::swap(s.items[move.from], s.items[move.to]);
        changed = true;
    }
    const bool full = s.items.size() >= std::size_t(loupe::kMaxItems);
    if (insert_after >= 0 && !full) {
        s.items.insert(s.items.begin() + insert_after + 1, std::string());
        ed.focus_item = insert_after + 1;
        changed = true;
    }

    if (!s.items.empty()) ImGui::Dummy(ImVec2(0, px(2)));
    ButtonRow row(inner);
    ImGui::BeginDisabled(full);
    row.place(button_width("+ Add item"));
    if (secondary_button("+ Add item", "editor/add-item", ImVec2(0, h))) {
        s.items.emplace_back();
        ed.focus_item = static_cast<int>(s.items.size()) - 1;
        changed = true;
    }
    row.place(button_width("Paste many…"));
    if (secondary_button("Paste many…", "editor/paste", ImVec2(0, h))) {
        ed.paste_open = !ed.paste_open;
        ed.focus_paste = ed.paste_open;
    }
    ImGui::EndDisabled();
    if (full)
        text_wrapped_colored(p.muted, ("A survey holds at most " + std::to_string(loupe::kMaxItems) + " items.").c_str());
    if (ed.paste_open && !full) changed |= paste_panel(s, inner);
    end_card();
    return changed;
}

bool segments_card(Survey& s, float width) {
    const Palette& p = palette();
    bool changed = false;
    begin_card(width);
    card_title("Segment questions", "editor/segments-title",
               "Optional single-choice questions asked before the first screen, so you can compare groups: "
               "team, plan, role.");
    const float inner = card_inner_width();
    int remove = -1;
    for (int q = 0; q < static_cast<int>(s.segments.size()); ++q) {
        loupe::SegmentQuestion& question = s.segments[q];
        ImGui::PushID(q);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        if (q > 0) {
            ImGui::GetWindowDrawList()->AddLine(ImVec2(top.x, top.y - px(4)), ImVec2(top.x + inner, top.y - px(4)),
                                                p.border, px(1));
            ImGui::Dummy(ImVec2(0, px(4)));
        }
        // "Question 2" on the left, "Remove" on the right of the same line.
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const std::string name = "Question " + std::to_string(q + 1);
        const char* remove_label = "Remove";
        ImGui::SetCursorScreenPos(ImVec2(row.x + inner - ImGui::CalcTextSize(remove_label).x - 2 * px(8), row.y));
        if (link_button(remove_label, numbered("editor/segment", q, "/remove").c_str())) remove = q;
        ImGui::GetWindowDrawList()->AddText(ImVec2(row.x, row.y + px(6)), p.text, name.c_str());
        if (ed.focus_segment == q) {
            ImGui::SetKeyboardFocusHere();
            ed.focus_segment = -1;
        }
        changed |= text_field(numbered("editor/segment", q, "/label").c_str(), question.label, loupe::kMaxQuestionBytes,
                              inner, "Which team are you in?");
        ImGui::Dummy(ImVec2(0, px(2)));
        field_label("Options, one per line");
        std::string options = join_lines(question.options);
        if (text_area(numbered("editor/segment", q, "/options").c_str(), options, 0, ImVec2(inner, px(124)))) {
            question.options.clear();
            for (std::string& option : non_empty_lines(options))
                question.options.push_back(cut_utf8(std::move(option), loupe::kMaxQuestionBytes));
            changed = true;
        }
        ImGui::Dummy(ImVec2(0, px(4)));
        ImGui::PopID();
    }
    if (remove >= 0) {
        s.segments.erase(s.segments.begin() + remove);
        changed = true;
    }
    const bool full = s.segments.size() >= std::size_t(loupe::kMaxSegmentQuestions);
    ImGui::BeginDisabled(full);
    if (secondary_button("+ Add segment question", "editor/add-segment", ImVec2(0, button_height()))) {
        s.segments.push_back({});
        ed.focus_segment = static_cast<int>(s.segments.size()) - 1;
        changed = true;
    }
    ImGui::EndDisabled();
    end_card();
    return changed;
}

bool ending_card(Survey& s, float width) {
    bool changed = false;
    begin_card(width);
    card_title("At the end", "editor/ending-title", nullptr);
    const float inner = card_inner_width();
    field_label("Open question (optional)", "One free-text question after the last screen. Leave it empty for none.");
    changed |= text_field("editor/open-question", s.open_question, loupe::kMaxQuestionBytes, inner,
                          "Anything else we should know?");
    ImGui::Dummy(ImVec2(0, px(2)));
    field_label("Reply-to e-mail (optional)",
                "Respondents get a one-click \xE2\x80\x9C" "e-mail it\xE2\x80\x9D link that sends you their answers.");
    changed |= text_field("editor/reply-to", s.reply_to, loupe::kMaxEmailBytes, inner, "you@example.com",
                          ImGuiInputTextFlags_CharsNoBlank);
    end_card();
    return changed;
}

// One line of the balance report: a tick when it is as good as it gets, a dot when not.
void report_line(bool good, const char* text, ImU32 warn_colour) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Text, good ? p.accent : warn_colour);
    ImGui::TextUnformatted(good ? "✓" : "●");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, px(8));
    ImGui::TextWrapped("%s", text);
}

void balance_report(const BalanceCheck& check) {
    const Palette& p = palette();
    if (!check.done) {
        text_wrapped_colored(p.muted, "Checking how balanced this design is…");
        return;
    }
    if (!check.problem.empty()) {
        text_wrapped_colored(p.danger, check.problem.c_str());
        return;
    }
    const loupe::DesignReport& r = check.report;
    ImGui::BeginGroup();
    const double worst_version = r.version_item_sd.empty()
        ? 0.0 : *std::max_element(r.version_item_sd.begin(), r.version_item_sd.end());
    report_line(true, worst_version < 1e-9 ? "Every version shows each item equally often."
                                           : "Every version shows each item as evenly as the numbers allow.",
                p.muted);
    const bool pairs_best = r.pair_sd <= r.pair_optimum_sd + 0.05;
    report_line(pairs_best, pairs_best ? "Pairs are as balanced as possible."
                                       : "Pairs are nearly balanced: some pairs meet on a screen a little more often.",
                p.muted);
    if (r.consecutive_repeats == 0) {
        report_line(true, "No item appears on two screens in a row.", p.muted);
    } else {
        const std::string text = std::to_string(r.consecutive_repeats) +
            (r.consecutive_repeats == 1 ? " time" : " times") +
            " an item appears on two screens in a row: hard to avoid with this few items per screen.";
        report_line(false, text.c_str(), p.muted);
    }
    report_line(r.connected, r.connected ? "Every item can be compared with every other."
                                         : "Some items are never compared with the others: add screens or versions.",
                p.danger);
    ImGui::EndGroup();
    test_rect("editor/design-report");
}

bool design_card(Survey& s, float width) {
    const Palette& p = palette();
    bool changed = false;
    begin_card(width);
    card_title("Design", "editor/design-title",
               "How the items are grouped into screens. Loupe suggests one that fits your items; change it only "
               "if you have a reason.");
    const int n = static_cast<int>(s.items.size());
    if (n < loupe::kMinItems) {
        text_wrapped_colored(p.muted, "Add at least two items to see the design.");
        end_card();
        return false;
    }
    const std::string problem = loupe::design_problem(n, s.design);
    if (problem.empty()) {
        const int seconds = s.design.sets_per_version * 12;  // a MaxDiff screen takes about 10–15 s
        const std::string minutes = seconds < 90 ? "about a minute" : "about " + std::to_string((seconds + 30) / 60) + " minutes";
        const std::string summary = loupe::describe_design(n, s.design) + " Answering takes " + minutes + ".";
        ImGui::TextWrapped("%s", summary.c_str());
        test_rect("editor/design-summary");
    }
    ImGui::Dummy(ImVec2(0, px(4)));

    struct Param { const char* label; const char* id; int value, min, max; };
    Param params[] = {
        {"Items per screen", "editor/per-screen", s.design.items_per_set, loupe::kMinItemsPerSet,
         std::min(loupe::kMaxItemsPerSet, n)},
        {"Screens per person", "editor/screens", s.design.sets_per_version, 1, loupe::kMaxSetsPerVersion},
        {"Versions", "editor/versions", s.design.versions, 1, loupe::kMaxVersions},
    };
    const float stepper_w = 2 * button_height() + px(60) + 2 * px(6);
    const float inner = card_inner_width();
    const bool side_by_side = inner >= 3 * stepper_w + 2 * px(24);
    const ImVec2 row_start = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 3; ++i) {
        Param& param = params[i];
        if (side_by_side) {
            // Placed by hand: SameLine would line the labels up with the taller steppers' text.
            ImGui::SetCursorScreenPos(ImVec2(row_start.x + i * (stepper_w + px(24)), row_start.y));
            ImGui::BeginGroup();
            ImGui::TextUnformatted(param.label);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(4));
            changed |= stepper(param.id, param.value, param.min, param.max);
            ImGui::EndGroup();
        } else {
            // The label on the left, the stepper on the right of the same line.
            const ImVec2 row = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(
                ImVec2(row.x, row.y + (button_height() - ImGui::GetFontSize()) / 2), p.text, param.label);
            ImGui::SetCursorScreenPos(ImVec2(row.x + inner - stepper_w, row.y));
            changed |= stepper(param.id, param.value, param.min, param.max);
        }
    }
    if (changed) {
        s.design.items_per_set = static_cast<std::uint8_t>(params[0].value);
        s.design.sets_per_version = static_cast<std::uint16_t>(params[1].value);
        s.design.versions = static_cast<std::uint16_t>(params[2].value);
    }
    if (!(s.design == suggested_design(s))) {
        if (link_button("Use the suggested design", "editor/design-suggested")) {
            s.design = suggested_design(s);
            changed = true;
        }
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    if (problem.empty())
        balance_report(check_balance(n, s.design));
    else
        text_wrapped_colored(p.danger, problem.c_str());
    end_card();
    return changed;
}

// ---- Header, status and preview -------------------------------------------------------------------
void editor_header(const loupe::Project& project) {
    ImGui::Dummy(ImVec2(0, px(12)));
    if (link_button("← Surveys", "back")) navigate("/surveys");
    ImGui::Dummy(ImVec2(0, px(4)));
    const std::string& title = project.survey.title.empty() ? std::string("Untitled survey") : project.survey.title;
    heading(font_has_all(g_fonts.title, title.c_str()) ? g_fonts.title : g_fonts.heading, title.c_str(), "editor/title");
    text_wrapped_colored(palette().muted, "Changes are kept in this browser as you type.");
    ImGui::Dummy(ImVec2(0, px(8)));
}

std::string status_sentence(const loupe::Project& project) {
    const std::size_t n = project.responses.size();
    const std::string responses = n == 0 ? "no responses imported yet"
                                         : std::to_string(n) + (n == 1 ? " response imported" : " responses imported");
    switch (survey_status(project)) {
        case SurveyStatus::Draft: return "Not published yet. Publish to get the link to send.";
        case SurveyStatus::Published: return "The link below is current; " + responses + ".";
        case SurveyStatus::EditedSincePublished: return "You changed it after publishing; " + responses + ".";
        case SurveyStatus::OldLink: return "Kept for the answers to a link you replaced; " + responses + ".";
    }
    return {};
}

void status_card(loupe::Project& project, float width, bool preview_beside) {
    const Palette& p = palette();
    const SurveyStatus status = survey_status(project);
    const std::string problem = loupe::survey_problem(project.survey);
    begin_card(width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const char* label = status_label(status);
    const ImVec2 pill_box = pill(at, label, status_tint(status));
    ImGui::SetCursorScreenPos(ImVec2(at.x + pill_box.x + px(10), at.y + px(3)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_inner_width() - pill_box.x - px(10));
    ImGui::TextWrapped("%s", status_sentence(project).c_str());
    ImGui::PopTextWrapPos();
    test_rect("editor/status");

    if (status == SurveyStatus::EditedSincePublished) {
        ImGui::Dummy(ImVec2(0, px(2)));
        text_wrapped_colored(p.danger,
            "You changed this survey after publishing it. Answers to the old link will not mix with answers to a new "
            "one: publish again to get a new link, and send that one.");
        test_rect("editor/edited-warning");
    }
    ImGui::Dummy(ImVec2(0, px(2)));

    ButtonRow row(card_inner_width());
    const float h = button_height();
    const bool can_publish = status == SurveyStatus::Draft || status == SurveyStatus::EditedSincePublished;
    if (can_publish) {
        row.place(button_width(project.published ? "Publish again" : "Publish"));
        publish_button(project, !problem.empty());
    }
    if (project.published) {
        row.place(button_width("Results"));
        if (secondary_button("Results", "editor/results", ImVec2(0, h)))
            navigate("/surveys/" + loupe::survey_id_text(project.local_id) + "/results");
    }
    if (!preview_beside) {
        const char* toggle = ed.preview_open ? "Back to editing" : "Preview";
        row.place(button_width(toggle));
        if (secondary_button(toggle, "editor/preview-toggle", ImVec2(0, h))) ed.preview_open = !ed.preview_open;
    }
    if (can_publish && !problem.empty()) {
        text_wrapped_colored(p.danger, ("To publish: " + problem).c_str());
        test_rect("editor/problem");
    } else if (can_publish) {
        text_wrapped_colored(p.muted, "Ready to publish.");
        test_rect("editor/ready");
    }
    end_card();
}

constexpr float kPhoneWidth = 360, kPhoneHeight = 640, kBezel = 12;

// The survey in a phone-shaped frame, `width` wide at most, as tall as a phone unless `height` is
// less; on a phone, simply `width` by `height`.
void preview_frame(const Survey& s, float width, float height) {
    const Palette& p = palette();
    text_wrapped_colored(p.muted, "Preview: what respondents see");
    if (is_phone()) {  // on a phone already: no phone drawn around it
        survey_preview(s, ImVec2(width, height));
        test_rect("editor/preview");
        return;
    }
    const float w = std::min(width, px(kPhoneWidth + 2 * kBezel));
    const float h = std::min(height, px(kPhoneHeight + 2 * kBezel));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) / 2);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.surface, px(32));
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), p.border, px(32), 0, px(1.5f));
    const ImVec2 screen(pos.x + px(kBezel), pos.y + px(kBezel));
    const ImVec2 screen_max(pos.x + w - px(kBezel), pos.y + h - px(kBezel));
    dl->AddRectFilled(screen, screen_max, p.background, px(22));
    ImGui::SetCursorScreenPos(screen);
    survey_preview(s, ImVec2(screen_max.x - screen.x, screen_max.y - screen.y));
    test_rect("editor/preview");
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(w, 0));
}

float preview_column_width() { return px(kPhoneWidth + 2 * kBezel); }

}  // namespace

void survey_editor_screen(loupe::Project& project) {
    if (ed.project_id != project.local_id) {  // another survey: start afresh
        ed = EditorState();
        ed.project_id = project.local_id;
    }
    Survey& s = project.survey;
    bool changed = false;
    // A project made without a design (not by this screen) gets the suggested one to start from.
    if (s.design.sets_per_version == 0 && !project.published) {
        s.design = suggested_design(s);
        changed = true;
    }
    const std::size_t count_before = s.items.size();
    const bool design_was_suggested = s.design == suggested_design(s);

    const float width = begin_column();
    editor_header(project);
    const float gap = px(32);
    const bool preview_beside = width >= preview_column_width() + gap + px(560);
    const float form_w = preview_beside ? width - preview_column_width() - gap : width;
    const ImVec2 top = ImGui::GetCursorScreenPos();

    ImGui::BeginGroup();
    const auto space = [] { ImGui::Dummy(ImVec2(0, px(6))); };
    status_card(project, form_w, preview_beside);
    space();
    if (!preview_beside && ed.preview_open) {
        preview_frame(s, form_w, ImGui::GetWindowHeight() - px(48));  // a screenful
    } else {
        if (project.published) {
            publish_card(project, form_w);
            space();
        }
        changed |= about_card(s, form_w);
        space();
        changed |= items_card(s, form_w);
        space();
        changed |= segments_card(s, form_w);
        space();
        changed |= ending_card(s, form_w);
        space();
        changed |= design_card(s, form_w);
        ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the end clear of the messages at the bottom
    }
    ImGui::EndGroup();

    if (preview_beside) {
        // The preview stays in view while the form scrolls, without running past the form's end.
        const float form_bottom = ImGui::GetItemRectMax().y;
        const float preview_h = px(kPhoneHeight + 2 * kBezel) + ImGui::GetTextLineHeightWithSpacing();
        float y = std::max(top.y, ImGui::GetWindowPos().y + px(16));
        y = std::max(top.y, std::min(y, form_bottom - preview_h));
        ImGui::SetCursorScreenPos(ImVec2(top.x + form_w + gap, y));
        ImGui::BeginGroup();
        preview_frame(s, preview_column_width(), px(kPhoneHeight + 2 * kBezel));
        ImGui::EndGroup();
    }
    end_column();

    if (s.items.size() != count_before && design_was_suggested) s.design = suggested_design(s);
    if (changed) save_project(project);
    finish_publishing(project);  // last: it may add a project, which moves `project`
}
