// take.cpp — the respondent's side: a survey opened from its link and answered screen by screen.
//
// The same drawing serves three places: the survey opened from a link (kept in storage after
// every answer), the author's preview (kept only in memory), and the "paste a link" screen that
// leads to the first. Everything a screen shows is also put into words for screen readers.
#include <algorithm>
#include <string>

#include "core/maxdiff/answering.h"
#include "core/maxdiff/codes.h"
#include "core/maxdiff/design.h"
#include "core/maxdiff/survey.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

// ---- State ------------------------------------------------------------------------------------
struct Taking {
    loupe::Survey survey;
    loupe::Design design;
    // A link's design is made after its introduction is on screen (make_design_after_first_frame):
    // for a long survey it takes a moment the respondent would otherwise spend looking at the
    // loading screen, and the introduction needs only the number of screens.
    bool design_made = false;
    std::uint64_t frames_at_open = 0;  // platform::frames_shown() when the link was opened
    std::uint64_t survey_id = 0;
    loupe::Answering answering;
    std::string code;           // the response code, once finished
    std::string open_answer;    // the open question's text field
    double shown_at = 0;        // when the current screen appeared (now_seconds)
    bool stored = false;        // false for the author's preview: nothing is written
    bool scroll_to_top = false;
    bool focus_first = false;   // a keyboard user moved on: focus the new screen's first control
};

Taking taking;                 // the survey opened from a link
std::string link_problem;      // why the link could not be opened; empty when it could
std::string opened_fragment;   // the fragment `taking` came from
Taking preview;

char pasted_link[4096] = {};
std::string pasted_problem;

constexpr float kMaxReadingWidth = 680;
constexpr double kMaxSecondsPerVisit = 30 * 60;  // a screen left open over lunch is not 2 hours of thought

// ---- Keeping answers ------------------------------------------------------------------------------
void make_design(Taking& t);

void make_code(Taking& t) {
    make_design(t);
    auto code = loupe::make_response_code(t.answering.response, t.survey, t.design);
    t.code = code ? *code : std::string();
}

// Adds the time since the screen appeared to the set on screen.
void account_time(Taking& t) {
    const double now = platform::now_seconds();
    if (t.answering.stage == loupe::Stage::Sets && t.answering.screen < t.answering.response.sets.size()) {
        const double seconds = std::clamp(now - t.shown_at, 0.0, kMaxSecondsPerVisit);
        t.answering.response.sets[t.answering.screen].milliseconds += std::uint32_t(seconds * 1000);
    }
    t.shown_at = now;
}

void save(Taking& t) {
    ++t.answering.revision;
    if (!t.stored) return;
    if (!platform::storage_write(loupe::answering_storage_name(t.survey_id), loupe::encode_answering(t.answering)))
        notify("Your answers could not be kept in this browser (its storage is full or blocked). Finish in this tab "
               "without reloading, and keep the code you get at the end.", true);
}

void go_to(Taking& t, loupe::Stage stage, int screen) {
    make_design(t);
    account_time(t);
    t.answering.stage = stage;
    t.answering.screen = std::uint16_t(std::max(0, screen));
    t.scroll_to_top = true;
    t.focus_first = !GImGui->NavDisableHighlight;
    save(t);
}

// A survey opened, before its design is made: its introduction can be drawn.
void open(Taking& t, const loupe::Survey& survey, bool stored) {
    t = {};
    t.survey = survey;
    t.survey_id = loupe::survey_id(survey);
    t.stored = stored;
    t.shown_at = platform::now_seconds();
    t.frames_at_open = platform::frames_shown();
}

// The author's preview: opened with its design, never stored.
void start_preview(Taking& t, const loupe::Survey& survey, loupe::Design design) {
    open(t, survey, false);
    t.design = std::move(design);
    t.design_made = true;
    t.answering.response = loupe::start_response(survey, t.design, 1, unix_now());
}

// Makes the design of a survey opened from its link, if not made yet. Answers kept from an earlier
// visit already hold their screens; a fresh start gets its screens from the design, and is kept.
void make_design(Taking& t) {
    if (t.design_made) return;
    t.design_made = true;
    if (auto design = loupe::survey_design(t.survey)) t.design = std::move(*design);  // checked at open
    if (!t.answering.response.sets.empty()) return;
    t.answering.response = loupe::start_response(t.survey, t.design, random_id(), unix_now());
    save(t);
}

void make_design_after_first_frame(Taking& t) {
    if (t.design_made) return;
    if (platform::frames_shown() > t.frames_at_open) make_design(t);
    else keep_animating();
}

// Reads this survey's stored answers: a reload, a second tab, or a return after finishing.
bool resume(Taking& t) {
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(loupe::answering_storage_name(t.survey_id), bytes)) return false;
    auto stored = loupe::decode_answering(bytes, t.survey);
    if (!stored) {
        notify(stored.error() + " Starting again from the beginning.", true);
        return false;
    }
    t.answering = std::move(*stored);
    t.open_answer = t.answering.response.open_answer;
    if (t.answering.stage == loupe::Stage::Done) make_code(t);
    t.shown_at = platform::now_seconds();
    return true;
}

// ---- Drawing helpers ---------------------------------------------------------------------------------
// Keyboard users land on the first control of a new screen, as a screen reader expects.
void focus_here_if_new(Taking& t) {
    if (!t.focus_first) return;
    ImGui::SetKeyboardFocusHere();
    t.focus_first = false;
}

float reading_w = 0;  // set by whoever draws the survey: the answer screen or the preview
float reading_width() { return reading_w; }
bool narrow() { return reading_width() < px(520); }  // a phone, or the author's phone-sized preview

void progress_bar(float fraction, const char* label) {
    const Palette& p = palette();
    text_wrapped_colored(p.muted, label);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = reading_width(), h = px(6);
    ImGui::Dummy(ImVec2(w, h));
    test_rect("answer/progress");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), p.border, h / 2);
    if (fraction > 0) dl->AddRectFilled(at, ImVec2(at.x + w * std::min(1.0f, fraction), at.y + h), p.accent, h / 2);
}

// A pill that shows whether it is chosen: filled with the accent colour and a tick when it is.
bool choice_button(const char* label, bool chosen, const char* test_id, ImVec2 size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, chosen ? p.accent : p.surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, chosen ? p.accent : p.surface_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, chosen ? p.accent : p.surface_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, chosen ? p.accent_text : p.text);
    ImGui::PushStyleColor(ImGuiCol_Border, chosen ? p.accent : p.border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, size.y / 2);
    const std::string text = (chosen ? "\u2713 " : "") + std::string(label) + "##" + test_id;
    const bool pressed = ImGui::Button(text.c_str(), size);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    test_rect(test_id);
    draw_focus_ring(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), size.y / 2);
    return pressed;
}

// A full-width row with a round marker, for one option of a segment question.
bool option_row(const char* label, bool chosen, const char* test_id, float width) {
    const Palette& p = palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float text_w = width - px(56);
    const float h = std::max(px(48), ImGui::CalcTextSize(label, nullptr, false, text_w).y + px(24));
    ImGui::PushID(test_id);
    const bool pressed = ImGui::InvisibleButton("##option", ImVec2(width, h));
    ImGui::PopID();
    test_rect(test_id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(at.x + width, at.y + h);
    dl->AddRectFilled(at, end, ImGui::IsItemHovered() ? p.surface_hover : p.surface, px(10));
    dl->AddRect(at, end, chosen ? p.accent : p.border, px(10), 0, chosen ? px(2) : px(1));
    draw_focus_ring(at, end, px(10));
    const ImVec2 c(at.x + px(26), at.y + h / 2);
    dl->AddCircle(c, px(9), chosen ? p.accent : p.muted, 24, px(1.6f));
    if (chosen) dl->AddCircleFilled(c, px(5), p.accent, 20);
    const float text_h = ImGui::CalcTextSize(label, nullptr, false, text_w).y;
    dl->AddText(nullptr, 0, ImVec2(at.x + px(46), at.y + (h - text_h) / 2), p.text, label, nullptr, text_w);
    return pressed;
}

// Back (when there is somewhere to go back to) and Next, which says why it is not yet possible.
enum class Nav { None, Back, Next };
Nav nav_buttons(bool can_go_back, bool can_go_on, const char* next_label, const char* why_not,
                const char* next_id = "answer/next") {
    ImGui::Dummy(ImVec2(0, px(12)));
    const float w = reading_width();
    const float button_w = narrow() ? (w - ImGui::GetStyle().ItemSpacing.x) / 2 : px(150);
    const ImVec2 size(button_w, px(48));
    Nav nav = Nav::None;
    if (can_go_back) {
        if (secondary_button("Back", "answer/back", size)) nav = Nav::Back;
        ImGui::SameLine();
    }
    if (!can_go_on) ImGui::BeginDisabled();
    if (primary_button(next_label, next_id, size)) nav = Nav::Next;
    if (!can_go_on) ImGui::EndDisabled();
    if (!can_go_on && why_not) {
        ImGui::Dummy(ImVec2(0, px(2)));
        text_wrapped_colored(palette().muted, why_not);
    }
    return nav;
}

std::string item_list(const Taking& t, const loupe::SetAnswer& set) {
    std::string s;
    for (std::size_t i = 0; i < set.shown.size(); ++i)
        s += (i ? "; " : "") + std::to_string(i + 1) + ": " + t.survey.items[set.shown[i]];
    return s;
}

// ---- Stages ----------------------------------------------------------------------------------------------
void intro_stage(Taking& t, std::string& spoken) {
    const Palette& p = palette();
    // The large title face holds only ASCII (it is kept small to load fast).
    const bool large = font_has_all(g_fonts.title, t.survey.title.c_str()) && !narrow();
    heading(large ? g_fonts.title : g_fonts.heading, t.survey.title.c_str(), "answer/title");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (!t.survey.intro.empty()) ImGui::TextWrapped("%s", t.survey.intro.c_str());
    const int screens = int(t.survey.design.sets_per_version);
    const int minutes = std::max(1, (screens * 12 + 59) / 60);
    const std::string about = std::to_string(screens) + " short screens, about " + std::to_string(minutes) +
                              (minutes == 1 ? " minute" : " minutes") +
                              ". Your answers stay in this browser until you send them yourself.";
    ImGui::Dummy(ImVec2(0, px(6)));
    text_wrapped_colored(p.muted, about.c_str());
    spoken = t.survey.title + ". " + t.survey.intro + " " + about;
    focus_here_if_new(t);
    if (nav_buttons(false, true, "Start", nullptr, "answer/start") == Nav::Next)
        go_to(t, loupe::next_stage(loupe::Stage::Intro, t.survey), 0);
}

void segments_stage(Taking& t, std::string& spoken) {
    auto& answers = t.answering.response.segment_answers;
    const float w = reading_width();
    spoken = "A few questions about you.";
    heading(g_fonts.heading, "A few questions about you", "answer/segments-title");
    text_wrapped_colored(palette().muted, "They let the results be compared between groups. You may skip any of them.");
    for (std::size_t q = 0; q < t.survey.segments.size(); ++q) {
        const loupe::SegmentQuestion& question = t.survey.segments[q];
        ImGui::Dummy(ImVec2(0, px(10)));
        ImGui::PushFont(g_fonts.heading);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextWrapped("%s", question.label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        spoken += " " + question.label + " ";
        for (std::size_t o = 0; o < question.options.size(); ++o) {
            const bool chosen = answers[q] == int(o);
            const std::string id = "answer/segment/" + std::to_string(q) + "/" + std::to_string(o);
            if (q == 0 && o == 0) focus_here_if_new(t);
            if (option_row(question.options[o].c_str(), chosen, id.c_str(), w)) {
                answers[q] = chosen ? -1 : std::int8_t(o);  // choosing it again un-chooses: "skip" stays possible
                save(t);
            }
            if (chosen) spoken += "Chosen: " + question.options[o] + ". ";
        }
        if (answers[q] < 0) spoken += "Nothing chosen yet. ";
    }
    switch (nav_buttons(true, true, "Next", nullptr)) {
        case Nav::Back: go_to(t, loupe::Stage::Intro, 0); break;
        case Nav::Next: go_to(t, loupe::Stage::Sets, 0); break;
        case Nav::None: break;
    }
}

void sets_stage(Taking& t, std::string& spoken) {
    const Palette& p = palette();
    auto& sets = t.answering.response.sets;
    const int screen = t.answering.screen;
    loupe::SetAnswer& set = sets[screen];
    const std::string where = "Screen " + std::to_string(screen + 1) + " of " + std::to_string(sets.size());
    progress_bar(float(screen) / float(sets.size()), where.c_str());
    ImGui::Dummy(ImVec2(0, px(12)));
    const char* question = "Which of these matters most to you, and which matters least?";
    heading(g_fonts.heading, question, "answer/question");
    ImGui::Dummy(ImVec2(0, px(6)));

    const float w = reading_width();
    const float pill_w = narrow() ? px(74) : px(96), pill_h = px(44), gap = px(12);
    const float text_w = w - 2 * pill_w - 4 * gap;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t place = 0; place < set.shown.size(); ++place) {
        const int item = set.shown[place];
        const char* text = t.survey.items[item].c_str();
        const float text_h = ImGui::CalcTextSize(text, nullptr, false, text_w).y;
        const float row_h = std::max(pill_h + px(16), text_h + px(24));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool is_best = set.best == item, is_worst = set.worst == item;
        dl->AddRectFilled(at, ImVec2(at.x + w, at.y + row_h), p.surface, px(12));
        dl->AddRect(at, ImVec2(at.x + w, at.y + row_h), is_best || is_worst ? p.accent : p.border, px(12), 0, px(1));
        const float pill_y = at.y + (row_h - pill_h) / 2;
        const std::string n = std::to_string(place);
        ImGui::SetCursorScreenPos(ImVec2(at.x + gap, pill_y));
        if (place == 0) focus_here_if_new(t);
        if (choice_button("Most", is_best, ("answer/most/" + n).c_str(), ImVec2(pill_w, pill_h))) {
            loupe::choose(set, item, true);
            save(t);
        }
        dl->AddText(nullptr, 0, ImVec2(at.x + pill_w + 2 * gap, at.y + (row_h - text_h) / 2), p.text, text, nullptr,
                    text_w);
        ImGui::SetCursorScreenPos(ImVec2(at.x + w - gap - pill_w, pill_y));
        if (choice_button("Least", is_worst, ("answer/least/" + n).c_str(), ImVec2(pill_w, pill_h))) {
            loupe::choose(set, item, false);
            save(t);
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_h + px(8)));
        ImGui::Dummy(ImVec2(w, 0));
    }

    const auto name = [&](int item) { return item < 0 ? std::string("not chosen yet") : t.survey.items[item]; };
    spoken = where + ". " + question + " The items: " + item_list(t, set) + ". Most important: " + name(set.best) +
             ". Least important: " + name(set.worst) + ".";
    const bool answered = set.best >= 0 && set.worst >= 0;
    const bool last = screen + 1 == int(sets.size());
    const loupe::Stage after = loupe::next_stage(loupe::Stage::Sets, t.survey);
    const char* next_label = last && after == loupe::Stage::Done ? "Finish" : "Next";
    const char* why = set.best < 0 && set.worst < 0 ? "Pick one item as most and one as least important."
                      : set.best < 0                ? "Now pick the one that matters most."
                                                    : "Now pick the one that matters least.";
    switch (nav_buttons(true, answered, next_label, why)) {
        case Nav::Back:
            if (screen > 0) go_to(t, loupe::Stage::Sets, screen - 1);
            else go_to(t, loupe::previous_stage(loupe::Stage::Sets, t.survey), 0);
            break;
        case Nav::Next:
            if (!last) go_to(t, loupe::Stage::Sets, screen + 1);
            else if (after != loupe::Stage::Done) go_to(t, after, screen);
            else {
                account_time(t);
                if (loupe::finish(t.answering, unix_now())) make_code(t);
                t.scroll_to_top = true;
                t.focus_first = !GImGui->NavDisableHighlight;
                save(t);
            }
            break;
        case Nav::None: break;
    }
}

void open_question_stage(Taking& t, std::string& spoken) {
    heading(g_fonts.heading, t.survey.open_question.c_str(), "answer/open-question");
    text_wrapped_colored(palette().muted, "Optional. Write as much or as little as you like.");
    ImGui::Dummy(ImVec2(0, px(6)));
    focus_here_if_new(t);
    char buffer[loupe::kMaxOpenAnswerBytes + 1];
    std::snprintf(buffer, sizeof buffer, "%s", t.open_answer.c_str());
    if (ImGui::InputTextMultiline("##open", buffer, sizeof buffer, ImVec2(reading_width(), px(140)),
                                  ImGuiInputTextFlags_WordWrap)) {
        t.open_answer = buffer;
        t.answering.response.open_answer = buffer;
        save(t);
    }
    test_rect("answer/open-answer");
    spoken = t.survey.open_question + " Optional.";
    switch (nav_buttons(true, true, "Finish", nullptr)) {
        case Nav::Back: go_to(t, loupe::Stage::Sets, int(t.answering.response.sets.size()) - 1); break;
        case Nav::Next:
            if (loupe::finish(t.answering, unix_now())) make_code(t);
            t.scroll_to_top = true;
            t.focus_first = !GImGui->NavDisableHighlight;
            save(t);
            break;
        case Nav::None: break;
    }
}

std::string response_file_name(const Taking& t) {
    return "response-" + loupe::survey_id_text(t.answering.response.respondent_id).substr(0, 8) + ".loupe";
}

std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += char(c);
        else out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}

void done_stage(Taking& t, std::string& spoken) {
    const Palette& p = palette();
    const float w = reading_width();
    heading(g_fonts.heading, "Thank you! One last step: send your answers", "answer/done-title");
    const std::string who = t.survey.reply_to.empty() ? "the person who sent you this survey" : t.survey.reply_to;
    const std::string how = "Nothing has been sent: your answers are in the code below. Send it to " + who +
                            " by e-mail or chat, or download the response file and send that.";
    text_wrapped_colored(p.muted, how.c_str());
    ImGui::Dummy(ImVec2(0, px(8)));

    code_box(t.code, w, p.surface, "answer/code");
    ImGui::Dummy(ImVec2(0, px(4)));

    const bool stacked = narrow();
    const ImVec2 size(stacked ? w : 0, px(48));
    const bool preview_only = !t.stored;
    focus_here_if_new(t);
    if (primary_button("Copy code", "answer/copy", size)) {
        if (preview_only) notify("This is the preview: respondents copy their code here.");
        else {
        platform::clipboard_copy(t.code);
        notify("Code copied. Paste it into an e-mail or a chat to " + who + ".");
        }
    }
    if (!t.survey.reply_to.empty()) {
        if (!stacked) ImGui::SameLine();
        if (secondary_button("E-mail it", "answer/email", size) && !preview_only) {
            const std::string subject = "My answers: " + t.survey.title;
            platform::open_link("mailto:" + t.survey.reply_to + "?subject=" + percent_encoded(subject) +
                                "&body=" + percent_encoded(t.code + "\r\n"));
        }
    }
    if (!stacked) ImGui::SameLine();
    if (secondary_button("Download response file", "answer/download", size)) {
        if (preview_only) notify("This is the preview: respondents download their response file here.");
        else {
        const std::string where = platform::download(response_file_name(t),
                                                     loupe::write_response_file(t.answering.response),
                                                     "application/octet-stream");
        notify("Saved as " + where + ". Attach it to a message to " + who + ".");
        }
    }
    ImGui::Dummy(ImVec2(0, px(10)));
    text_wrapped_colored(p.muted, t.answering.response.open_answer.empty()
        ? "You can open the survey link again at any time in this browser to see this code."
        : "Your written answer is in the response file; the code carries only your choices. You can open the "
          "survey link again at any time in this browser to see this page.");
    spoken = "Thank you. Your response code is " + t.code + ". " + how;
}

// Draws the survey in the space available, as the respondent sees it.
void draw_taking(Taking& t) {
    if (t.scroll_to_top) {
        ImGui::SetScrollY(0);
        t.scroll_to_top = false;
    }
    std::string spoken;
    switch (t.answering.stage) {
        case loupe::Stage::Intro: intro_stage(t, spoken); break;
        case loupe::Stage::Segments: segments_stage(t, spoken); break;
        case loupe::Stage::Sets: sets_stage(t, spoken); break;
        case loupe::Stage::OpenQuestion: open_question_stage(t, spoken); break;
        case loupe::Stage::Done: done_stage(t, spoken); break;
    }
    if (t.stored) platform::announce(spoken);
}

// The problem with a link, in words, and what to do about it.
void broken_link_card(const std::string& problem) {
    const Palette& p = palette();
    heading(g_fonts.heading, "This survey link does not work", "answer/broken");
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    text_wrapped_colored(p.muted,
        "Ask the person who sent it to send the link again, and copy it whole: the long part after '#' holds "
        "the survey itself, so a link that was cut short or changed cannot open.");
    platform::announce("This survey link does not work. " + problem);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (secondary_button("Paste the link instead", "answer/paste-instead", ImVec2(0, px(44)))) navigate("/take");
}

// The author's edits that change only words keep the preview's design and where it is: making a
// design can take a noticeable moment, and the preview should not jump back at every keystroke.
bool same_screens(const Taking& t, const loupe::Survey& edited) {
    const loupe::Survey& was = t.survey;
    if (t.survey_id == 0 || was.items.size() != edited.items.size() || !(was.design == edited.design) ||
        was.segments.size() != edited.segments.size() || was.open_question.empty() != edited.open_question.empty())
        return false;
    for (std::size_t q = 0; q < was.segments.size(); ++q)
        if (was.segments[q].options.size() != edited.segments[q].options.size()) return false;
    return loupe::survey_problem(edited).empty();
}

void retitle(Taking& t, const loupe::Survey& edited) {
    t.survey = edited;
    t.survey_id = loupe::survey_id(edited);
    t.answering.response.survey_id = t.survey_id;
    if (t.answering.stage == loupe::Stage::Done) make_code(t);
}

}  // namespace

// ---- Screens (shell.h) ----------------------------------------------------------------------------------
void open_survey_link(const std::string& fragment) {
    if (fragment == opened_fragment && (taking.survey_id != 0 || !link_problem.empty())) return;
    opened_fragment = fragment;
    link_problem.clear();
    auto survey = loupe::survey_from_link(fragment);
    if (!survey) {
        link_problem = survey.error();
        taking = {};
        return;
    }
    if (auto problem = loupe::design_problem(int(survey->items.size()), survey->design); !problem.empty()) {
        link_problem = problem;
        taking = {};
        return;
    }
    open(taking, *survey, true);
    resume(taking);
}

void answer_screen() {
    begin_column();
    const float w = std::min(column_width(), px(kMaxReadingWidth));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (column_width() - w) / 2);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    reading_w = w;
    ImGui::Dummy(ImVec2(w, narrow() ? px(16) : px(32)));
    if (!link_problem.empty()) {
        broken_link_card(link_problem);
    } else {
        draw_taking(taking);
        make_design_after_first_frame(taking);
    }
    ImGui::Dummy(ImVec2(0, px(32)));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    end_column();
}

std::string answered_survey_title(const std::string& storage_name) {
    if (taking.survey_id == 0 || storage_name != loupe::answering_storage_name(taking.survey_id)) return {};
    return taking.survey.title;
}

void answers_changed_elsewhere(const std::vector<std::string>& names) {
    if (taking.survey_id == 0) return;
    const std::string mine = loupe::answering_storage_name(taking.survey_id);
    if (std::find(names.begin(), names.end(), mine) == names.end()) return;
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(mine, bytes)) return;
    auto theirs = loupe::decode_answering(bytes, taking.survey);
    if (!theirs || theirs->revision <= taking.answering.revision) return;
    taking.answering = std::move(*theirs);  // the other tab went further: follow it
    taking.open_answer = taking.answering.response.open_answer;
    if (taking.answering.stage == loupe::Stage::Done) make_code(taking);
}

void take_survey_screen() {
    const Palette& p = palette();
    const float width = begin_column();
    screen_header("Take a survey", "take/title",
                  "A survey link opens straight into the survey. If you copied the link from an e-mail or a chat, "
                  "paste it here.");
    ImGui::TextUnformatted("Survey link");
    const float button_w = px(100);
    const bool narrow = width < px(480);
    ImGui::SetNextItemWidth(narrow ? width : width - button_w - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(12), px(10)));  // as tall as the button beside it
    bool submit = ImGui::InputTextWithHint("##link", "https://…#s=…", pasted_link, sizeof pasted_link,
                                           ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::PopStyleVar();
    test_rect("take/link");
    if (!narrow) ImGui::SameLine();
    submit |= primary_button("Open", "take/open", ImVec2(narrow ? width : button_w, 0));
    if (submit) {
        const std::string link = pasted_link;
        const auto hash = link.find('#');
        pasted_problem.clear();
        if (link.find_first_not_of(" \t\r\n") == std::string::npos)
            pasted_problem = "Paste the link first: it is in the message the survey's author sent you.";
        else if (hash == std::string::npos || hash + 1 >= link.size())
            pasted_problem = "This link has no survey in it: the part after '#' is missing. "
                             "Copy the whole link again, or ask the sender to send it once more.";
        else if (auto survey = loupe::survey_from_link(link); !survey)
            pasted_problem = survey.error() + " Ask the sender to send the link again.";
        else
            navigate(loupe::survey_fragment(*survey));
    }
    if (!pasted_problem.empty()) {
        ImGui::Dummy(ImVec2(0, px(2)));
        text_wrapped_colored(p.danger, pasted_problem.c_str());
        test_rect("take/message");
    }
    end_column();
}

void survey_preview(const loupe::Survey& survey, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(8)));
    ImGui::BeginChild("preview", size, false, ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (!(preview.survey == survey)) {
        if (same_screens(preview, survey)) retitle(preview, survey);  // typing: no new design, same screen
        else if (auto problem = loupe::survey_problem(survey); !problem.empty()) preview = {}, preview.survey = survey, preview.code = problem;
        else if (auto design = loupe::survey_design(survey)) start_preview(preview, survey, std::move(*design));
        else preview = {}, preview.survey = survey, preview.code = design.error();
    }
    reading_w = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, px(8)));
    if (preview.survey_id == 0) {
        heading(g_fonts.heading, "Nothing to preview yet", "preview/problem");
        text_wrapped_colored(palette().muted, preview.code.c_str());
    } else {
        draw_taking(preview);
    }
    ImGui::EndChild();
}
