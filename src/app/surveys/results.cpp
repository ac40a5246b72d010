// results.cpp — a survey's results screen: importing answers, and what they say.
//
// Top to bottom: import (file chooser, files dropped anywhere on the page, pasted text with
// codes) and a report on every input; who counts (everyone, one segment, or two segments side by
// side; speeders, poor fits and hand-picked respondents left out); the ranked chart; the table per
// item; respondents and their fit; downloads.
//
// An import runs in slices too (importer.h): about 10 ms per frame, with its progress and a
// Cancel button in place of the drop zone; nothing is added until every input is read. Its
// report groups the inputs by status, each group its first lines and "and N more".
//
// Every number comes from core/analysis.h, as `loupe analyze` prints it. Counts and the logit
// model follow the selection at once. Hierarchical Bayes starts by itself whenever the
// respondents who count change, and runs a few milliseconds per frame with a progress bar and a
// Cancel button, so the page keeps answering while it works.
//
// Index (search for "// ---- " and the name):
//   import         chooser, drops and pasted codes, in slices; the report, grouped by status
//   who counts     everyone, a segment, two side by side; speeders, poor fits, hand-picked
//   estimating     hierarchical Bayes in slices, progress and Cancel
//   results        the ranked chart and the table per item
//   respondents    each respondent's fit against the random-answering cut-off
//   downloads      CSVs, the chart as PNG, the project file
//   the screen     results_screen(): all of the above in order
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/form.h"
#include "app/surveys/chart.h"
#include "app/surveys/importer.h"
#include "core/maxdiff/analysis.h"
#include "core/shared/container.h"
#include "core/maxdiff/exports.h"
#include "core/maxdiff/import.h"
#include "core/maxdiff/project.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/surveys/results_ui.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

using loupe::Response;

constexpr std::size_t kMaxImportBytes = 64u << 20;
constexpr double kHbSliceSeconds = 0.025;  // per frame: HB gets most of the time, the page still answers
constexpr int kHbRespondentsPerStep = 250;  // a few milliseconds of HB's work in wasm at 30 items
constexpr double kImportSliceSeconds = 0.010;       // per frame: 100,000 codes take seconds, the page keeps drawing
constexpr const char* kPastedText = "Pasted text";  // the source name of what was pasted

enum class View { Everyone, Segment, Compare };

struct HbRun {
    loupe::HbSampler sampler;
    std::vector<std::uint64_t> ids;  // whom, in the order of the sampler's rows
    bool judges_fit = false;         // made without leaving poor fits out, so it may judge them
};

// The lines of one status in the import report, listed when `open`, else only the first few.
struct ReportGroup {
    std::string status;
    std::vector<ReportLine> lines;
    bool open = false;
};

// What decides the results on screen; they are estimated again when it changes.
struct ResultsKey {
    std::vector<std::uint64_t> counted;
    View view = View::Everyone;
    int question = 0, option_a = 0, option_b = 1;
    int hb_version = 0;
    bool operator==(const ResultsKey&) const = default;
};

struct State {
    std::uint64_t project_id = 0;

    // Import
    std::string paste;
    std::optional<Importer> importing;  // running: a slice per frame
    bool import_read = false;           // every input read: the next frame keeps them and saves
    bool paste_importing = false;       // the pasted text is one of the inputs
    std::string import_note;            // what a cancelled import left
    std::vector<ReportGroup> report;
    bool report_is_new = false;
    std::optional<loupe::Design> design;  // of the published survey
    std::uint64_t design_of = 0;          // that survey's id

    // Who counts
    View view = View::Everyone;
    int question = 0, option_a = 0, option_b = 1;
    bool exclude_speeders = false, exclude_poor_fits = false;
    bool by_fit = true;

    // The results for `key`
    std::optional<ResultsKey> key;
    std::vector<Response> counted;
    std::vector<loupe::Standing> standing;
    loupe::ChoiceData data;
    loupe::Result<loupe::Estimates> estimates = loupe::failure<loupe::Estimates>("");
    std::vector<int> order;
    std::vector<loupe::SegmentResults> compared;
    bool hb_current = false;
    // The speeder limit over all responses, and how many are under it: counted again only when
    // the responses change (over 20,000 of them, every frame, it took 7 ms of each).
    struct Speeders {
        const Response* responses = nullptr;
        std::size_t size = 0;
        double limit_ms = 0;
        long count = 0;
    } speeders;

    // Hierarchical Bayes
    std::optional<HbRun> running;
    std::optional<loupe::HbEstimate> hb;   // the last one finished
    std::optional<loupe::HbEstimate> fit;  // the one that judges poor fits
    std::vector<std::uint64_t> hb_declined;  // cancelled for these respondents: not started again by itself
    std::string hb_problem;
    int hb_version = 0;

    // New results change the layout: a couple more frames let it settle, as after input.
    int frames_to_settle = 0;
};

State st;

State& state_for(const loupe::Project& project) {
    if (st.project_id != project.local_id) {
        if (st.importing)
            notify("The import that was running was stopped when another survey opened; nothing of it was added.");
        st = State{};
        st.project_id = project.local_id;
    }
    return st;
}

std::string short_id(std::uint64_t id) { return loupe::survey_id_text(id).substr(0, 8); }

// ---- import ------------------------------------------------------------------------------------------

const loupe::Design* published_design(const loupe::Project& project) {
    const std::uint64_t id = loupe::survey_id(project.published_survey);
    if (st.design_of != id || !st.design) {
        auto design = loupe::survey_design(project.published_survey);
        st.design = design ? std::optional<loupe::Design>(std::move(*design)) : std::nullopt;
        st.design_of = id;
    }
    return st.design ? &*st.design : nullptr;
}

// Statuses in the order the report lists them: problems first, so none hides among thousands
// of accepted files.
constexpr const char* kReportOrder[] = {"damaged", "other survey", "not imported", "incomplete", "duplicate",
                                        "accepted"};
constexpr std::size_t kListedAtOnce = 5;  // a group shows its first lines; the rest on demand

void show_report(std::vector<ReportLine> lines) {
    st.report.clear();
    for (const char* status : kReportOrder) {
        ReportGroup group{status, {}, false};
        for (ReportLine& l : lines)
            if (l.status == status) group.lines.push_back(std::move(l));
        if (!group.lines.empty()) st.report.push_back(std::move(group));
    }
    st.report_is_new = true;
}

void start_import(loupe::Project& project) {
    st.importing.emplace(project, published_design(project));
    st.import_read = false;
    st.import_note.clear();
    st.report.clear();
}

void import_pasted(loupe::Project& project) {
    if (st.paste.find_first_not_of(" \t\r\n") == std::string::npos) {
        notify("Paste the text first: an e-mail or a chat message with response codes in it will do.", true);
        return;
    }
    if (!st.importing) start_import(project);
    st.importing->add({kPastedText, std::vector<std::uint8_t>(st.paste.begin(), st.paste.end()), ""});
    st.import_read = false;
    st.paste_importing = true;
}

// A slice of the running import per frame; once every input is read, one more frame says
// "Saving…" before the responses are kept and the report shows.
void step_import(loupe::Project& project) {
    if (!st.importing) return;
    keep_animating();
    if (!st.import_read) {
        st.import_read = st.importing->step(platform::now_seconds() + kImportSliceSeconds);
        return;
    }
    std::vector<ReportLine> lines = st.importing->finish(project);
    st.importing.reset();
    // A pasted text that held something is done with; one that held nothing stays, to be fixed.
    if (st.paste_importing && std::any_of(lines.begin(), lines.end(), [](const ReportLine& l) {
            return l.source.starts_with(kPastedText) && l.status != "not imported";
        }))
        st.paste.clear();
    st.paste_importing = false;
    show_report(std::move(lines));
}

void cancel_import(const loupe::Project& project) {
    st.import_note = "Import cancelled after " + thousands(std::size_t(st.importing->done())) + " of " +
                     thousands(std::size_t(st.importing->total())) + " " + st.importing->noun() +
                     ". Nothing was added: the survey keeps its " +
                     count_of(long(project.responses.size()), "response", "responses") + ", as before.";
    st.importing.reset();
    st.paste_importing = false;  // the pasted text stays in its box
}

// Statuses in test ids: one word each.
std::string status_test_name(const std::string& status) {
    std::string name = status;
    std::replace(name.begin(), name.end(), ' ', '-');
    return name;
}

ImU32 status_color(const std::string& status) {
    const Palette& p = palette();
    if (status == "accepted") return p.accent;
    if (status == "duplicate" || status == "incomplete") return p.muted;
    return p.danger;
}

void divider(float width) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + width, at.y), palette().border, px(1));
    ImGui::Dummy(ImVec2(width, px(1)));
}

// A tooltip with room around its text: a title, and a muted line under it when given; long
// text wraps.
void tooltip(const std::string& title, const std::string& detail) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(12), px(10)));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(std::min(px(480), ImGui::GetIO().DisplaySize.x - px(48)));
    ImGui::TextWrapped("%s", title.c_str());
    if (!detail.empty()) text_wrapped_colored(palette().muted, detail.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    ImGui::PopStyleVar();
}

// A line of the report in full: its source, and under it what happened, both wrapped.
// The source and its detail sit close together, so the gap between lines tells them apart.
float report_line_gap() { return px(2); }

void report_line(const ReportLine& line, const std::string& group) {
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, report_line_gap()));
    ImGui::TextWrapped("%s", line.source.c_str());
    if (!line.detail.empty()) text_wrapped_colored(palette().muted, line.detail.c_str());
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    test_rect(("results/report/" + group + "/" + line.source).c_str());
}

// A line of an opened long group, one of thousands: a row of fixed height, so ImGuiListClipper
// draws only those on screen. Its two lines are cut to the width, the whole text is in a
// tooltip; otherwise it looks like report_line().
float report_row_height() {
    return 2 * ImGui::GetTextLineHeight() + report_line_gap() + ImGui::GetStyle().ItemSpacing.y;
}

void report_row(const ReportLine& line, const std::string& group, float width) {
    const Palette& p = palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float size = g_fonts.body->FontSize;
    const std::string source = shortened(g_fonts.body, size, line.source, width);
    const std::string detail = shortened(g_fonts.body, size, line.detail, width);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(at, p.text, source.c_str());
    dl->AddText(ImVec2(at.x, at.y + ImGui::GetTextLineHeight() + report_line_gap()), p.muted, detail.c_str());
    ImGui::Dummy(ImVec2(width, report_row_height() - ImGui::GetStyle().ItemSpacing.y));
    test_rect(("results/report/" + group + "/" + line.source).c_str());
    if (ImGui::IsItemHovered() && (source != line.source || detail != line.detail)) tooltip(line.source, line.detail);
}

// One status: a chip with the count, its first lines, and the rest when asked for.
void report_group(ReportGroup& group, float inner) {
    const Palette& p = palette();
    const ImU32 color = status_color(group.status);
    const std::string name = status_test_name(group.status);
    const std::size_t n = group.lines.size();
    ImGui::PushID(group.status.c_str());
    chip(group.status.c_str(), color, (color & 0x00FFFFFF) | 0x22000000);
    test_rect(("results/report/group/" + name).c_str());
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(3));
    cell_text(count_of(long(n), "input", "inputs"), p.muted);
    // Folding up again is beside the count: the end of a long list is far down the page.
    if (group.open) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(6));
        if (link_button("Show fewer", ("results/report/hide/" + name).c_str())) group.open = false;
    }
    ImGui::Indent(px(12));
    const float width = inner - px(12);
    for (std::size_t i = 0; i < std::min(n, kListedAtOnce); ++i) report_line(group.lines[i], name);
    if (n > kListedAtOnce && group.open) {
        ImGuiListClipper clipper;
        clipper.Begin(int(n - kListedAtOnce), report_row_height());
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                report_row(group.lines[kListedAtOnce + std::size_t(i)], name, width);
    } else if (n > kListedAtOnce) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));  // the link's own padding: line its text up
        if (link_button(("and " + thousands(n - kListedAtOnce) + " more").c_str(),
                        ("results/report/show/" + name).c_str()))
            group.open = true;
    }
    ImGui::Unindent(px(12));
    ImGui::Dummy(ImVec2(inner, px(4)));
    ImGui::PopID();
}

void report_section(float inner) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, px(8)));
    divider(inner);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (st.report_is_new) {
        ImGui::SetScrollHereY(0.1f);
        st.report_is_new = false;
    }
    heading(g_fonts.heading, "Import report", "results/report/title");

    // "5 accepted · 1 duplicate · 1 damaged"
    std::string summary;
    std::size_t inputs = 0;
    for (const ReportGroup& g : st.report) {
        summary += (summary.empty() ? "" : " · ") + thousands(g.lines.size()) + " " + g.status;
        inputs += g.lines.size();
    }
    text_wrapped_colored(p.muted, (count_of(long(inputs), "input: ", "inputs: ") + summary +
                                   ". Only accepted responses were added; nothing else changed.")
                                      .c_str());
    // The test hooks name each count, since the canvas cannot be read as text.
    for (const ReportGroup& g : st.report)
        test_rect(
            ("results/report/count/" + status_test_name(g.status) + "/" + std::to_string(g.lines.size())).c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    for (ReportGroup& g : st.report) report_group(g, inner);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));  // the link's own padding: line its text up
    if (link_button("Close the report", "results/report/close")) st.report.clear();
}

// A tray with an arrow into it, drawn with lines so no icon font is needed.
void draw_tray_icon(ImDrawList* dl, ImVec2 c, float s, ImU32 color) {
    const float w = px(2);
    dl->AddLine(ImVec2(c.x, c.y - s * 0.9f), ImVec2(c.x, c.y + s * 0.2f), color, w);
    dl->AddLine(ImVec2(c.x - s * 0.4f, c.y - s * 0.2f), ImVec2(c.x, c.y + s * 0.2f), color, w);
    dl->AddLine(ImVec2(c.x + s * 0.4f, c.y - s * 0.2f), ImVec2(c.x, c.y + s * 0.2f), color, w);
    const ImVec2 tray[] = {ImVec2(c.x - s, c.y), ImVec2(c.x - s, c.y + s * 0.7f), ImVec2(c.x + s, c.y + s * 0.7f),
                           ImVec2(c.x + s, c.y)};
    dl->AddPolyline(tray, 4, color, 0, w);
}

// Where files can be dropped (anywhere on the page, in fact), with the button to choose them.
void drop_zone(ImVec2 size) {
    const Palette& p = palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(at.x + size.x, at.y + size.y);
    dl->AddRectFilled(at, end, p.overlay, px(10));
    dl->AddRect(at, end, p.accent, px(10), 0, px(1));
    // Phones cannot drag files; there the zone only says what can be chosen.
    const char* title = is_phone() ? "Import files" : "Drop files here";
    const char* kinds = size.x < px(440) ? "response files, codes, CSV" : "response files, texts with codes, choice tables (CSV)";
    const float line = ImGui::GetTextLineHeight(), title_h = g_fonts.heading->FontSize;
    const float button_h = line + px(20);
    const float block = px(30) + px(12) + title_h + px(4) + line + px(16) + button_h;
    float y = at.y + (size.y - block) / 2;
    draw_tray_icon(dl, ImVec2(at.x + size.x / 2, y + px(18)), px(12), p.accent);
    y += px(30) + px(12);
    const float title_w = g_fonts.heading->CalcTextSizeA(title_h, FLT_MAX, 0, title).x;
    dl->AddText(g_fonts.heading, title_h, ImVec2(at.x + (size.x - title_w) / 2, y), p.text, title);
    y += title_h + px(4);
    const std::string kinds_fit = shortened(g_fonts.body, g_fonts.body->FontSize, kinds, size.x - px(24));
    const float kinds_w = ImGui::CalcTextSize(kinds_fit.c_str()).x;
    dl->AddText(ImVec2(at.x + (size.x - kinds_w) / 2, y), p.muted, kinds_fit.c_str());
    y += line + px(16);
    const char* choose = "Choose files…";
    const float button_w = ImGui::CalcTextSize(choose).x + px(32);
    ImGui::SetCursorScreenPos(ImVec2(at.x + (size.x - button_w) / 2, y));
    if (primary_button(choose, "results/import/choose"))
        platform::choose_files(".loupe,.txt,.csv,.eml", true, kMaxImportBytes);
    // The zone itself is the item that follows the layout, so SameLine() puts things beside it.
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(size);
}

void paste_box(loupe::Project& project, ImVec2 size) {
    const Palette& p = palette();
    const float button_h = ImGui::GetTextLineHeight() + px(20);
    const ImVec2 box_at = ImGui::GetCursorScreenPos();
    ImGui::InputTextMultiline("##paste", &st.paste,
                              ImVec2(size.x, size.y - button_h - ImGui::GetStyle().ItemSpacing.y));
    test_rect("results/import/paste");
    if (st.paste.empty() && !ImGui::IsItemActive()) {
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(g_fonts.body, g_fonts.body->FontSize,
                                            ImVec2(box_at.x + pad.x, box_at.y + pad.y), p.muted,
                                            "Or paste text with response codes here: an e-mail, a chat, a list.",
                                            nullptr, size.x - 2 * pad.x);
    }
    if (secondary_button("Import pasted text", "results/import/paste-button")) import_pasted(project);
}

// In place of the drop zone and the paste box while an import runs: how far it is, and Cancel.
void import_progress(const loupe::Project& project, float inner) {
    const Importer& im = *st.importing;
    std::string text = "Importing " + thousands(std::size_t(im.done())) + " of " + thousands(std::size_t(im.total())) +
                       " " + im.noun() + "…";
    if (st.import_read && im.new_responses() > 0)
        text = "Saving " + count_of(long(im.new_responses()), "new response", "new responses") + "…";
    const double fraction = im.total() > 0 ? double(im.done()) / double(im.total()) : 0;
    if (progress_with_cancel(text, fraction, inner, "results/import/cancel", "results/import/progress")) {
        cancel_import(project);
        return;
    }
    test_rect(("results/import/progress/of/" + std::to_string(im.total())).c_str());
    text_wrapped_colored(palette().muted,
                         "Nothing is added until every input is read: Cancel leaves the survey as "
                         "it was. Files dropped meanwhile join this import.");
}

void import_section(loupe::Project& project) {
    const Palette& p = palette();
    const float inner = begin_results_card();
    heading(g_fonts.heading, "Import answers", "results/import/title");
    text_wrapped_colored(p.muted,
        "Response files, choice tables (CSV) and any text holding response codes — a whole e-mail thread will "
        "do. Every input is checked and listed; only new, complete responses to this survey are added.");
    ImGui::Dummy(ImVec2(0, px(4)));
    if (st.importing) {
        import_progress(project, inner);
    } else if (inner < px(600)) {
        drop_zone(ImVec2(inner, px(176)));
        paste_box(project, ImVec2(inner, px(150)));
    } else {
        const float gap = px(16), half = (inner - gap) / 2;
        drop_zone(ImVec2(half, px(176)));
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        paste_box(project, ImVec2(half, px(176)));
        ImGui::EndGroup();
    }
    if (!st.import_note.empty()) {
        ImGui::Dummy(ImVec2(0, px(4)));
        text_wrapped_colored(p.text, st.import_note.c_str());
        test_rect("results/import/cancelled");
    }
    if (!st.report.empty()) report_section(inner);
    end_results_card();
}

// ---- who counts --------------------------------------------------------------------------------------

const State::Speeders& speeders_of(const loupe::Project& project) {
    State::Speeders& s = st.speeders;
    if (s.responses == project.responses.data() && s.size == project.responses.size()) return s;
    s.responses = project.responses.data(), s.size = project.responses.size();
    s.limit_ms = loupe::speeder_limit_ms(project.responses);
    s.count = long(std::count_if(project.responses.begin(), project.responses.end(),
                                 [&](const Response& r) { return loupe::is_speeder(r, s.limit_ms); }));
    return s;
}

loupe::Selection selection_of(const loupe::Project& project) {
    loupe::Selection s;
    if (st.view == View::Segment) s.segment_question = st.question, s.segment_option = st.option_a;
    s.exclude_speeders = st.exclude_speeders;
    s.exclude_poor_fits = st.exclude_poor_fits && st.fit;
    s.excluded = project.excluded_respondents;
    return s;
}

bool segmented_button(const char* label, const char* test_id, bool selected) {
    return selected ? primary_button(label, test_id) : secondary_button(label, test_id);
}

// A dropdown of `options`, its rows those of the app's menus; true when the choice changed.
bool dropdown(const char* id, const char* test_id, const std::vector<std::string>& options, int& chosen, float width) {
    const float row = px(38), pad = px(6);
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                        ImVec2(FLT_MAX, std::min(px(420), row * float(options.size()) + 2 * pad)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));  // read by the list's window
    const char* preview = chosen >= 0 && chosen < int(options.size()) ? options[chosen].c_str() : "";
    const bool open = ImGui::BeginCombo(id, preview, ImGuiComboFlags_NoArrowButton);
    ImGui::PopStyleVar();
    if (open) {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
        for (int i = 0; i < int(options.size()); ++i)
            if (menu_item(options[i].c_str(), (std::string(test_id) + "/" + std::to_string(i)).c_str(), width - 2 * pad)) {
                changed = i != chosen;
                chosen = i;
            }
        ImGui::PopStyleVar();
        ImGui::EndCombo();
    }
    test_rect(test_id);  // the closed box: End() gives back the item before the list
    // A chevron drawn with lines: the fonts carry no arrow glyph of that shape.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 c(max.x - px(18), (min.y + max.y) / 2);
    const float s = px(4);
    const std::array<ImVec2, 3> chevron = {ImVec2(c.x - s, c.y - s / 2), ImVec2(c.x, c.y + s / 2),
                                           ImVec2(c.x + s, c.y - s / 2)};
    ImGui::GetWindowDrawList()->AddPolyline(chevron.data(), 3, palette().muted, 0, px(1.5f));
    return changed;
}

std::vector<std::string> question_labels(const loupe::Survey& survey) {
    std::vector<std::string> labels;
    for (const auto& q : survey.segments) labels.push_back(q.label);
    return labels;
}

void who_counts_section(loupe::Project& project) {
    const Palette& p = palette();
    const loupe::Survey& survey = project.published_survey;
    const float inner = begin_results_card();
    const float right = ImGui::GetCursorScreenPos().x + inner;
    heading(g_fonts.heading, "Who counts", "results/who/title");

    if (survey.segments.empty()) {
        text_wrapped_colored(p.muted, "This survey asks no segment questions, so there is nothing to filter or "
                                      "compare by.");
    } else {
        const char* one = "One segment";
        const char* two = inner < px(440) ? "Compare two" : "Compare two segments";
        if (segmented_button("Everyone", "results/view/everyone", st.view == View::Everyone)) st.view = View::Everyone;
        same_line_if_fits(ImGui::CalcTextSize(one).x + px(32), right);
        if (segmented_button(one, "results/view/segment", st.view == View::Segment)) st.view = View::Segment;
        same_line_if_fits(ImGui::CalcTextSize(two).x + px(32), right);
        if (segmented_button(two, "results/view/compare", st.view == View::Compare)) st.view = View::Compare;
        if (st.view != View::Everyone) {
            st.question = std::clamp(st.question, 0, int(survey.segments.size()) - 1);
            const auto& options = survey.segments[st.question].options;
            st.option_a = std::clamp(st.option_a, 0, int(options.size()) - 1);
            st.option_b = std::clamp(st.option_b, 0, int(options.size()) - 1);
            const bool narrow = inner < px(560);
            const float w = narrow ? inner : (inner - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
            ImGui::Dummy(ImVec2(0, px(2)));
            if (dropdown("##question", "results/segment/question", question_labels(survey), st.question, w)) {
                st.option_a = 0;
                st.option_b = std::min(1, int(survey.segments[st.question].options.size()) - 1);
            }
            if (!narrow) ImGui::SameLine();
            dropdown("##option-a", "results/segment/option", options, st.option_a, w);
            if (st.view == View::Compare) {
                if (!narrow) ImGui::SameLine();
                dropdown("##option-b", "results/compare/option", options, st.option_b, w);
            }
        }
    }

    ImGui::Dummy(ImVec2(0, px(6)));
    const double limit = speeders_of(project).limit_ms;
    const long speeders = speeders_of(project).count;
    std::string speeder_label = "Leave out speeders: " + count_of(speeders, "respondent", "respondents") +
                                " took under 40% of the median time on the choice screens";
    if (limit > 0) speeder_label += " (under " + duration(std::uint64_t(limit)) + ")";
    checkbox_wrapped("results/exclude/speeders", speeder_label + ".", &st.exclude_speeders);

    if (st.fit) {
        const auto poor = std::count_if(project.responses.begin(), project.responses.end(),
                                        [&](const Response& r) { return st.fit->poor_fit(r.respondent_id); });
        const std::string label = "Leave out poor fits: " + count_of(poor, "respondent", "respondents") +
                                  " answered no more consistently than random clicking (fit below " +
                                  fixed(st.fit->hb.rlh_cutoff, 3) + ").";
        checkbox_wrapped("results/exclude/poor-fits", label, &st.exclude_poor_fits);
    } else {
        bool off = false;
        checkbox_wrapped("results/exclude/poor-fits",
                         "Leave out poor fits: known once the individual scores (HB) are estimated.", &off, false);
    }

    if (!project.excluded_respondents.empty()) {
        text_wrapped_colored(p.muted, (count_of(long(project.excluded_respondents.size()), "respondent is",
                                                "respondents are") +
                                       " set aside by hand in the list of respondents below.")
                                          .c_str());
        if (link_button("Count them again", "results/exclude/clear")) {
            project.excluded_respondents.clear();
            save_project(project);
        }
    }
    end_results_card();
}

// ---- estimating ----------------------------------------------------------------------------------------

void start_hb(const loupe::Selection& selection) {
    st.running.reset();
    st.hb_problem.clear();
    const loupe::MnlResult* logit = st.estimates && st.estimates->mnl ? &*st.estimates->mnl : nullptr;
    auto sampler =
        loupe::HbSampler::start(st.data, loupe::plan_hb(loupe::kDefaultHbIterations, loupe::kDefaultHbSeed), logit);
    if (!sampler) {
        st.hb_problem = sampler.error();
        return;
    }
    std::vector<std::uint64_t> ids;
    for (const Response& r : st.counted) ids.push_back(r.respondent_id);
    st.running.emplace(HbRun{std::move(*sampler), std::move(ids), !selection.exclude_poor_fits});
}

void step_hb() {
    if (!st.running) return;
    const double until = platform::now_seconds() + kHbSliceSeconds;
    // Part of an iteration at a time: for 20,000 respondents one takes tens of milliseconds.
    while (!st.running->sampler.done() && platform::now_seconds() < until)
        st.running->sampler.step_respondents(kHbRespondentsPerStep);
    keep_animating();
    if (!st.running->sampler.done()) return;
    auto result = st.running->sampler.result();
    if (result) {
        st.hb.emplace();
        st.hb->hb = std::move(*result);
        st.hb->respondent_ids = std::move(st.running->ids);
        if (st.running->judges_fit) st.fit = st.hb;
        ++st.hb_version;
    } else {
        st.hb_problem = result.error();
    }
    st.running.reset();
}

// Estimates again when the respondents who count or the view changed; starts HB for them.
void refresh(const loupe::Project& project) {
    const loupe::Selection selection = selection_of(project);
    st.standing = loupe::standing(project.responses, selection, st.fit ? &*st.fit : nullptr);
    ResultsKey key{{}, st.view, st.question, st.option_a, st.option_b, st.hb_version};
    for (std::size_t i = 0; i < project.responses.size(); ++i)
        if (st.standing[i] == loupe::Standing::Counted) key.counted.push_back(project.responses[i].respondent_id);
    if (st.key == key) return;
    const bool others = !st.key || st.key->counted != key.counted;
    st.key = key;
    st.frames_to_settle = 2;

    st.counted = loupe::counted_responses(project.responses, selection, st.fit ? &*st.fit : nullptr);
    st.data = loupe::choices_from_responses(project.published_survey, st.counted);
    st.estimates = st.counted.empty() ? loupe::failure<loupe::Estimates>("No respondent counts.")
                                      : loupe::estimate(st.data);
    st.hb_current = st.hb && st.hb->respondent_ids == key.counted;
    if (st.estimates && st.hb_current) {
        st.estimates->hb = st.hb->hb;
        st.estimates->hb_asked = true;
        st.estimates->hb_options = loupe::plan_hb(loupe::kDefaultHbIterations, loupe::kDefaultHbSeed);
    }
    st.order = st.estimates ? loupe::ranking(*st.estimates) : std::vector<int>{};

    st.compared.clear();
    if (st.view == View::Compare && !project.published_survey.segments.empty()) {
        const loupe::HbEstimate* hb = st.hb_current ? &*st.hb : nullptr;
        for (int option : {st.option_a, st.option_b})
            st.compared.push_back(
                loupe::segment_results(project.published_survey, st.counted, st.question, option, hb));
    }

    const bool running_for_them = st.running && st.running->ids == key.counted;
    if (others && !st.hb_current && !running_for_them && st.estimates && key.counted != st.hb_declined)
        start_hb(selection);
    else if (others && st.running && !running_for_them)
        st.running.reset();  // working for respondents who no longer count
}

// ---- results ----------------------------------------------------------------------------------------

// Tables: thin row lines in the border colour, headers on the card's own surface.
void push_table_colors() {
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, palette().border);
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, palette().surface);
}

Chart ranked_chart(const loupe::Survey& survey) {
    Chart chart;
    const loupe::Estimates& e = *st.estimates;
    for (int i : st.order) {
        ChartBar bar;
        bar.label = survey.items[i];
        if (e.hb) {
            bar.value = e.hb->population_scores[i], bar.low = e.hb->scores_low[i], bar.high = e.hb->scores_high[i];
        } else if (e.mnl) {
            const double u = e.mnl->utilities[i], half = 1.96 * e.mnl->standard_errors[i];
            bar.value = u, bar.low = u - half, bar.high = u + half;
        } else {
            bar.value = e.counts[i].standardised, bar.low = bar.high = std::numeric_limits<double>::quiet_NaN();
        }
        chart.bars.push_back(std::move(bar));
    }
    if (e.hb) {
        chart.axis = "Probability score (all items sum to 100); lines: 95% intervals";
    } else if (e.mnl) {
        chart.axis = "Logit utility (zero-centred); lines: 95% intervals";
        chart.decimals = 2;
    } else {
        chart.axis = "Best minus worst, per time shown";
        chart.decimals = 2;
    }
    return chart;
}

std::string what_the_chart_shows() {
    const loupe::Estimates& e = *st.estimates;
    if (e.hb)
        return "Hierarchical Bayes probability scores: the chance each item is picked as most important from a "
               "screen of " + std::to_string(e.hb->set_size) + ", averaged over respondents; they sum to 100.";
    if (e.mnl)
        return "Logit utilities: how strongly each item is preferred, on a log-odds scale centred at 0. The "
               "probability scores replace them once the individual scores are estimated.";
    return "Best minus worst per time shown: the logit model could not be fitted (" + e.mnl.error() + ")";
}

void hb_status(const loupe::Project& project, float inner) {
    const Palette& p = palette();
    if (st.running) {
        const double progress = st.running->sampler.progress();
        const std::string text = "Estimating individual scores (hierarchical Bayes): " +
                                 std::to_string(int(progress * 100)) + "%";
        if (progress_with_cancel(text, progress, inner, "results/hb/cancel", "results/hb/progress")) {
            st.hb_declined = st.running->ids;
            st.running.reset();
        }
        return;
    }
    if (!st.hb_problem.empty())
        text_wrapped_colored(p.danger, ("Individual scores could not be estimated: " + st.hb_problem).c_str());
    if (st.hb_current) {
        const loupe::HbResult& hb = st.hb->hb;
        const std::string text = "Individual scores estimated (hierarchical Bayes, " +
                                 thousands(loupe::kDefaultHbIterations) + " iterations, seed " +
                                 std::to_string(loupe::kDefaultHbSeed) + "). Average fit (RLH) " +
                                 fixed(loupe::mean_rlh(hb), 3) + "; random answering would reach " +
                                 fixed(hb.rlh_cutoff, 3) + ".";
        text_wrapped_colored(p.muted, text.c_str());
        test_rect("results/hb/done");
        return;
    }
    if (primary_button("Estimate individual scores (hierarchical Bayes)", "results/hb/run")) {
        st.hb_declined.clear();
        start_hb(selection_of(project));
    }
}

void chart_section(const loupe::Project& project, const Chart& chart) {
    const Palette& p = palette();
    const float inner = begin_results_card();
    heading(g_fonts.heading, "Ranking", "results/chart/title");
    text_wrapped_colored(p.muted, what_the_chart_shows().c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    hb_status(project, inner);
    ImGui::Dummy(ImVec2(0, px(10)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = chart_height(chart, inner, px(1));
    ImGui::Dummy(ImVec2(inner, height));
    test_rect("results/chart");
    // A finger that scrolled the page stays where it was lifted: a row's detail there would cover
    // the rows under it. It shows again for a tap, or once a mouse moves.
    static bool after_drag = false;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDown[0]) after_drag = io.MouseDragMaxDistanceSqr[0] > px(8) * px(8);
    else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) after_drag = false;
    const bool hover = ImGui::IsItemHovered() && !after_drag;
    const int under = draw_chart(ImGui::GetWindowDrawList(), at, inner, chart, p, px(1), hover);
    if (under >= 0) {
        const ChartBar& b = chart.bars[under];
        std::string detail = fixed(b.value, chart.decimals);
        if (std::isfinite(b.low)) detail += ", 95% interval " + fixed(b.low, chart.decimals) + " to " + fixed(b.high, chart.decimals);
        tooltip(b.label, detail);
    }
    end_results_card();
}

// Text that wraps at the table cell's right edge (a card's wrap position would run past it).
void cell_wrapped(const std::string& text, ImU32 color) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

void item_table_section(const loupe::Survey& survey) {
    const Palette& p = palette();
    const loupe::Estimates& e = *st.estimates;
    const float inner = begin_results_card();
    heading(g_fonts.heading, "Per item", "results/items/title");
    text_wrapped_colored(p.muted, "How often each item was shown and picked as most (best) and least (worst) "
                                  "important; the logit utility with its standard error; and the HB probability "
                                  "score with its 95% interval.");
    ImGui::Dummy(ImVec2(0, px(4)));
    // A phone keeps the rank, the item, best minus worst and the main estimate, its interval under it.
    const bool phone = is_phone();
    const bool hb = bool(e.hb);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(6), px(7)));
    push_table_colors();
    const int columns = phone ? 4 : 8;
    if (ImGui::BeginTable("items", columns, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("#", 0, px(24));
        ImGui::TableSetupColumn("Item", ImGuiTableColumnFlags_WidthStretch);
        if (!phone) {
            ImGui::TableSetupColumn("Shown", 0, px(56));
            ImGui::TableSetupColumn("Best", 0, px(48));
            ImGui::TableSetupColumn("Worst", 0, px(52));
        }
        ImGui::TableSetupColumn("B\u2212W", 0, px(48));
        if (!phone || !hb) ImGui::TableSetupColumn(phone ? "Utility" : "Utility ± SE", 0, px(phone ? 76 : 120));
        if (!phone || hb) ImGui::TableSetupColumn(phone ? "HB score" : "HB score [95%]", 0, px(phone ? 84 : 150));
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < columns; ++c) {
            ImGui::TableSetColumnIndex(c);
            const char* name = ImGui::TableGetColumnName(c);
            if (c == 1) cell_text(name, p.muted); else cell_right(name, p.muted);
        }
        for (std::size_t rank = 0; rank < st.order.size(); ++rank) {
            const int i = st.order[rank];
            const loupe::ItemCounts& c = e.counts[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_right(std::to_string(rank + 1), p.muted);
            ImGui::TableNextColumn();
            cell_wrapped(survey.items[i], p.text);
            if (!phone) {
                ImGui::TableNextColumn();
                cell_right(std::to_string(c.shown), p.text);
                ImGui::TableNextColumn();
                cell_right(std::to_string(c.best), p.text);
                ImGui::TableNextColumn();
                cell_right(std::to_string(c.worst), p.text);
            }
            ImGui::TableNextColumn();
            cell_right(fixed(c.best_minus_worst, 0), p.text);
            if (!phone || !hb) {
                ImGui::TableNextColumn();
                if (!e.mnl) {
                    cell_right("–", p.muted);
                } else if (phone) {
                    cell_right(fixed(e.mnl->utilities[i], 2), p.text);
                    cell_right("± " + fixed(e.mnl->standard_errors[i], 2), p.muted);
                } else {
                    cell_right(fixed(e.mnl->utilities[i], 3) + " ± " + fixed(e.mnl->standard_errors[i], 3), p.text);
                }
            }
            if (!phone || hb) {
                ImGui::TableNextColumn();
                if (!hb) {
                    cell_right(st.running ? "…" : "–", p.muted);
                } else if (phone) {
                    cell_right(fixed(e.hb->population_scores[i], 1), p.text);
                    cell_right(fixed(e.hb->scores_low[i], 1) + "–" + fixed(e.hb->scores_high[i], 1), p.muted);
                } else {
                    cell_right(fixed(e.hb->population_scores[i], 1) + "  [" + fixed(e.hb->scores_low[i], 1) + "–" +
                                   fixed(e.hb->scores_high[i], 1) + "]",
                               p.text);
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    if (!e.mnl) text_wrapped_colored(p.muted, ("The logit model could not be fitted: " + e.mnl.error()).c_str());
    end_results_card();
}

// One segment's score for an item: HB mean when estimated for everyone, else the segment's own logit.
struct SegmentScore {
    double value, low, high;
};

std::optional<SegmentScore> segment_score(const loupe::SegmentResults& s, int item) {
    if (!s.hb.mean.empty()) return SegmentScore{s.hb.mean[item], s.hb.low[item], s.hb.high[item]};
    if (s.estimates && s.estimates->mnl) {
        const double u = s.estimates->mnl->utilities[item], half = 1.96 * s.estimates->mnl->standard_errors[item];
        return SegmentScore{u, u - half, u + half};
    }
    return std::nullopt;
}

void comparison_section(const loupe::Survey& survey) {
    const Palette& p = palette();
    const float inner = begin_results_card();
    const auto& question = survey.segments[st.question];
    const loupe::SegmentResults& a = st.compared[0];
    const loupe::SegmentResults& b = st.compared[1];
    const std::string name_a = question.options[a.option], name_b = question.options[b.option];
    heading(g_fonts.heading, ("Segments side by side: " + name_a + " and " + name_b).c_str(), "results/compare/title");
    const bool hb = !a.hb.mean.empty() && !b.hb.mean.empty();
    std::string intro = question.label + " — " + name_a + ": " + count_of(a.respondents, "respondent", "respondents") +
                        "; " + name_b + ": " + count_of(b.respondents, "respondent", "respondents") + ". ";
    intro += hb ? "Scores are the segment's average individual HB probability scores, with 95% intervals for "
                  "that average."
                : "Scores are each segment's own logit utilities with 95% intervals; the HB averages appear once "
                  "the individual scores are estimated for everyone.";
    text_wrapped_colored(p.muted, intro.c_str());
    if (a.respondents == 0 || b.respondents == 0 || !a.estimates || !b.estimates) {
        text_wrapped_colored(p.danger, "Each segment needs respondents who count before the two can be compared.");
        end_results_card();
        return;
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    const int decimals = hb ? 1 : 2;
    const bool phone = is_phone();
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(6), px(7)));
    push_table_colors();
    if (ImGui::BeginTable("compare", phone ? 4 : 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Item", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(name_a.c_str(), 0, px(phone ? 64 : 130));
        ImGui::TableSetupColumn(name_b.c_str(), 0, px(phone ? 64 : 130));
        ImGui::TableSetupColumn("Gap", 0, px(phone ? 48 : 64));
        if (!phone) ImGui::TableSetupColumn("##plot", 0, px(220));
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableSetColumnIndex(0);
        cell_text("Item", p.muted);
        ImGui::TableSetColumnIndex(1);
        const float column = phone ? px(64) : px(130);
        cell_right(shortened(g_fonts.body, g_fonts.body->FontSize, name_a, column), p.accent);
        ImGui::TableSetColumnIndex(2);
        cell_right(shortened(g_fonts.body, g_fonts.body->FontSize, name_b, column), p.text);
        ImGui::TableSetColumnIndex(3);
        cell_right("Gap", p.muted);
        if (!phone) {  // the plot's legend: a dot in each segment's colour
            ImGui::TableSetColumnIndex(4);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + px(12));
            cell_text("\u25CF " + shortened(g_fonts.body, g_fonts.body->FontSize, name_a, px(90)), p.accent);
            ImGui::SameLine(0, px(12));
            cell_text("\u25CF " + shortened(g_fonts.body, g_fonts.body->FontSize, name_b, px(90)), p.text);
        }

        // The plot column's scale: every interval of both segments fits.
        double lo = 0, hi = 0;
        for (int i : st.order)
            for (const auto* s : {&a, &b})
                if (auto v = segment_score(*s, i))
                    for (double x : {v->value, v->low, v->high})
                        if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
        for (int i : st.order) {
            const auto va = segment_score(a, i), vb = segment_score(b, i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_wrapped(survey.items[i], p.text);
            ImGui::TableNextColumn();
            cell_right(va ? fixed(va->value, decimals) : "–", p.text);
            if (va && !phone) cell_right("[" + fixed(va->low, decimals) + "–" + fixed(va->high, decimals) + "]", p.muted);
            ImGui::TableNextColumn();
            cell_right(vb ? fixed(vb->value, decimals) : "–", p.text);
            if (vb && !phone) cell_right("[" + fixed(vb->low, decimals) + "–" + fixed(vb->high, decimals) + "]", p.muted);
            ImGui::TableNextColumn();
            cell_right(va && vb ? (va->value - vb->value >= 0 ? "+" : "") + fixed(va->value - vb->value, decimals) : "–",
                       p.text);
            if (!phone && va && vb && hi > lo) {
                ImGui::TableNextColumn();
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float w = ImGui::GetContentRegionAvail().x;
                auto x_of = [&](double v) { return at.x + float((v - lo) / (hi - lo)) * w; };
                ImDrawList* dl = ImGui::GetWindowDrawList();
                dl->AddLine(ImVec2(x_of(0), at.y), ImVec2(x_of(0), at.y + px(30)), p.border, px(1));
                int row = 0;
                for (const auto& [v, color] : {std::pair{*va, p.accent}, std::pair{*vb, p.text}}) {
                    const float y = at.y + px(8) + row++ * px(14);
                    if (std::isfinite(v.low))
                        dl->AddLine(ImVec2(x_of(v.low), y), ImVec2(x_of(v.high), y), color, px(2));
                    dl->AddCircleFilled(ImVec2(x_of(v.value), y), px(4.5f), color);
                }
                ImGui::Dummy(ImVec2(w, px(30)));
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    end_results_card();
}

// ---- respondents ----------------------------------------------------------------------------------------

const char* standing_text(loupe::Standing s) {
    switch (s) {
        case loupe::Standing::Counted: return "counted";
        case loupe::Standing::ExcludedByHand: return "set aside by hand";
        case loupe::Standing::Speeder: return "left out: speeder";
        case loupe::Standing::PoorFit: return "left out: poor fit";
        case loupe::Standing::OutsideSegment: return "outside the segment";
    }
    return "";
}

std::string segment_answers_text(const loupe::Survey& survey, const Response& r) {
    std::string text;
    for (std::size_t q = 0; q < survey.segments.size() && q < r.segment_answers.size(); ++q) {
        const int a = r.segment_answers[q];
        if (a < 0) continue;
        text += (text.empty() ? "" : ", ") + survey.segments[q].options[a];
    }
    return text.empty() ? "–" : text;
}

void toggle_exclusion(loupe::Project& project, std::uint64_t id) {
    auto& list = project.excluded_respondents;
    const auto at = std::find(list.begin(), list.end(), id);
    if (at == list.end())
        list.push_back(id);
    else
        list.erase(at);
    save_project(project);
}

// The RLH as a short bar on a 0..1 scale with the random-answering cut-off marked.
void fit_bar(double rlh, double cutoff, bool poor) {
    const Palette& p = palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = px(64), h = px(6), y = at.y + (ImGui::GetTextLineHeight() - h) / 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + w, y + h), p.overlay, h / 2);
    dl->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + w * float(std::clamp(rlh, 0.0, 1.0)), y + h),
                      poor ? p.danger : p.accent, h / 2);
    const float cx = at.x + w * float(cutoff);
    dl->AddLine(ImVec2(cx, y - px(4)), ImVec2(cx, y + h + px(4)), p.text, px(1.5f));
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

void respondents_section(loupe::Project& project) {
    const Palette& p = palette();
    const loupe::Survey& survey = project.published_survey;
    const float inner = begin_results_card();
    const float right = ImGui::GetCursorScreenPos().x + inner;
    heading(g_fonts.heading, "Respondents and fit", "results/respondents/title");
    const double limit = speeders_of(project).limit_ms;
    std::string intro = "Fit (RLH) is how well a respondent's own scores predict their answers: 1 is perfect, and "
                        "random clicking scores about ";
    intro += st.fit ? fixed(st.fit->hb.rlh_cutoff, 2) + " or less. Respondents below that are shaded: their answers "
                                                        "look random."
                    : "as much as the cut-off shown once the individual scores are estimated.";
    intro += " Speeders took under 40% of the median time on the choice screens. Untick a respondent to set them "
             "aside; the results follow at once.";
    text_wrapped_colored(p.muted, intro.c_str());
    if (st.fit) {
        if (segmented_button("Worst fit first", "results/respondents/by-fit", st.by_fit)) st.by_fit = true;
        same_line_if_fits(ImGui::CalcTextSize("In import order").x + px(32), right);
        if (segmented_button("In import order", "results/respondents/by-order", !st.by_fit)) st.by_fit = false;
    }
    ImGui::Dummy(ImVec2(0, px(4)));

    std::vector<int> rows(project.responses.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = int(i);
    auto rlh_of = [&](int i) {
        const int row = st.fit ? st.fit->row_of(project.responses[i].respondent_id) : -1;
        return row >= 0 ? st.fit->hb.rlh[row] : std::numeric_limits<double>::quiet_NaN();
    };
    // Worst fit first; respondents the estimate did not cover go last.
    if (st.fit && st.by_fit)
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
            const double ra = rlh_of(a), rb = rlh_of(b);
            if (std::isnan(ra) || std::isnan(rb)) return !std::isnan(ra) && std::isnan(rb);
            return ra < rb;
        });

    const bool phone = is_phone();
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(6), px(6)));
    push_table_colors();
    const int columns = phone ? 4 : 6;
    if (ImGui::BeginTable("respondents", columns, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Counts", 0, px(phone ? 28 : 56));
        ImGui::TableSetupColumn("Respondent", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(phone ? "Fit" : "Fit (RLH)", 0, px(phone ? 40 : 130));
        ImGui::TableSetupColumn("Time", 0, px(phone ? 84 : 96));
        if (!phone) {
            ImGui::TableSetupColumn("Segment answers", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Status", 0, px(170));
        }
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < columns; ++c) {
            ImGui::TableSetColumnIndex(c);
            cell_text(c == 0 && phone ? "" : ImGui::TableGetColumnName(c), p.muted);
        }
        const float row_h = std::max(ImGui::GetTextLineHeight() * (phone ? 2 : 1), px(24)) + px(12);
        ImGuiListClipper clipper;
        clipper.Begin(int(rows.size()));
        while (clipper.Step()) {
            for (int n = clipper.DisplayStart; n < clipper.DisplayEnd; ++n) {
                const int i = rows[n];
                const Response& r = project.responses[i];
                const loupe::Standing standing = st.standing[i];
                const double rlh = rlh_of(i);
                const bool poor = st.fit && st.fit->poor_fit(r.respondent_id);
                const bool speeder = loupe::is_speeder(r, limit);
                ImGui::TableNextRow(0, row_h);
                if (poor) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, (p.danger & 0x00FFFFFF) | 0x16000000);
                ImGui::PushID(i);
                ImGui::TableNextColumn();
                bool counts = standing != loupe::Standing::ExcludedByHand;
                const std::string id = loupe::survey_id_text(r.respondent_id);
                ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(4), px(4)));
                if (ImGui::Checkbox("##counts", &counts)) toggle_exclusion(project, r.respondent_id);
                ImGui::PopStyleVar();
                test_rect(("results/respondent/" + id).c_str());
                ImGui::TableNextColumn();
                const ImU32 ink = standing == loupe::Standing::Counted ? p.text : p.muted;
                cell_text("#" + std::to_string(i + 1) + "  " + short_id(r.respondent_id), ink);
                if (ImGui::IsItemHovered()) tooltip("Respondent " + id, "");
                std::string status = standing_text(standing);
                if (standing != loupe::Standing::Speeder && speeder) status += " · speeder";
                if (standing != loupe::Standing::PoorFit && poor) status += " · poor fit";
                const ImU32 status_ink = standing == loupe::Standing::Counted && !speeder && !poor ? p.muted : p.danger;
                // A phone has no room for a status column: the status goes under the respondent.
                if (phone) cell_text(status, status_ink);
                ImGui::TableNextColumn();
                if (std::isnan(rlh)) {
                    cell_text("–", p.muted);
                } else if (phone) {
                    cell_right(fixed(rlh, 2), poor ? p.danger : ink);
                } else {
                    fit_bar(rlh, st.fit->hb.rlh_cutoff, poor);
                    ImGui::SameLine();
                    cell_text(fixed(rlh, 2), poor ? p.danger : ink);
                }
                ImGui::TableNextColumn();
                const std::uint64_t ms = loupe::total_milliseconds(r);
                cell_text(ms > 0 ? duration(ms) : "not timed", speeder ? p.danger : ms > 0 ? ink : p.muted);
                if (!phone) {
                    ImGui::TableNextColumn();
                    cell_text(segment_answers_text(survey, r), ink);
                    ImGui::TableNextColumn();
                    cell_text(status, status_ink);
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    end_results_card();
}

// ---- downloads -------------------------------------------------------------------------------------------

std::string file_stem(const loupe::Project& project) {
    std::string name = loupe::project_file_name(project);
    return name.substr(0, name.size() - std::string(".loupe").size());
}

void saved(const std::string& where) { notify("Saved " + where + "."); }

void download_text(const std::string& name, const std::string& text, const char* mime) {
    saved(platform::download(name, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), mime));
}

void downloads_section(const loupe::Project& project, const Chart& chart) {
    const Palette& p = palette();
    const loupe::Estimates& e = *st.estimates;
    const loupe::Survey& survey = project.published_survey;
    const float inner = begin_results_card();
    const float right = ImGui::GetCursorScreenPos().x + inner;
    heading(g_fonts.heading, "Download", "results/downloads/title");
    text_wrapped_colored(p.muted, "The scores, individual scores and choices are for the respondents who count "
                                  "now. The project file holds the survey and every response, for another PM to "
                                  "open in Loupe.");
    ImGui::Dummy(ImVec2(0, px(4)));
    const std::string stem = file_stem(project);
    if (secondary_button("Scores (CSV)", "results/export/scores"))
        download_text(stem + " - scores.csv",
                      loupe::scores_csv(survey.items, e.counts, e.mnl ? &*e.mnl : nullptr, e.hb ? &*e.hb : nullptr),
                      "text/csv");
    same_line_if_fits(ImGui::CalcTextSize("Individual scores (CSV)").x + px(34), right);
    ImGui::BeginDisabled(!e.hb);
    if (secondary_button("Individual scores (CSV)", "results/export/utilities") && e.hb) {
        std::vector<std::string> labels, questions = question_labels(survey);
        std::vector<std::vector<std::string>> answers;
        for (const Response& r : st.counted) {
            labels.push_back(loupe::survey_id_text(r.respondent_id));
            std::vector<std::string> row;
            for (std::size_t q = 0; q < survey.segments.size(); ++q) {
                const int a = q < r.segment_answers.size() ? r.segment_answers[q] : -1;
                row.push_back(a >= 0 ? survey.segments[q].options[a] : "");
            }
            answers.push_back(std::move(row));
        }
        download_text(stem + " - individual scores.csv",
                      loupe::utilities_csv(survey.items, labels, questions, answers, *e.hb), "text/csv");
    }
    ImGui::EndDisabled();
    same_line_if_fits(ImGui::CalcTextSize("Choices, long format (CSV)").x + px(34), right);
    if (secondary_button("Choices, long format (CSV)", "results/export/choices"))
        download_text(stem + " - choices.csv", loupe::write_long_csv(st.data), "text/csv");
    same_line_if_fits(ImGui::CalcTextSize("Chart (PNG)").x + px(34), right);
    if (secondary_button("Chart (PNG)", "results/export/chart")) {
        const std::vector<std::uint8_t> png = chart_png(chart, survey.title, what_the_chart_shows());
        if (png.empty())
            notify("The chart could not be drawn as a picture: this browser's graphics refused its size.", true);
        else
            saved(platform::download(stem + " - chart.png", png, "image/png"));
    }
    same_line_if_fits(ImGui::CalcTextSize("Project file").x + px(34), right);
    if (secondary_button("Project file", "results/export/project"))
        saved(platform::download(loupe::project_file_name(project), loupe::write_project_file(project),
                                 "application/octet-stream"));
    if (!e.hb) text_wrapped_colored(p.muted, "Individual scores can be downloaded once they are estimated.");
    end_results_card();
}

// ---- the screen ------------------------------------------------------------------------------------------

std::string summary_line(const loupe::Project& project) {
    const auto n = long(project.responses.size());
    std::string text = count_of(n, "response", "responses");
    const long counted = long(std::count(st.standing.begin(), st.standing.end(), loupe::Standing::Counted));
    const long outside = long(std::count(st.standing.begin(), st.standing.end(), loupe::Standing::OutsideSegment));
    const long excluded = n - counted - outside;
    if (excluded > 0) text += " · " + std::to_string(excluded) + " left out";
    if (outside > 0) text += " · " + std::to_string(outside) + " outside the segment";
    if (n > 0) text += " · " + std::to_string(counted) + " counted";
    return text;
}

void not_published(loupe::Project& project) {
    const Palette& p = palette();
    begin_results_card();
    heading(g_fonts.heading, "Publish the survey first", "results/unpublished");
    text_wrapped_colored(p.muted,
        "Results need a published survey: every response is matched to the exact survey its link carries, so "
        "answers can only be imported once that link exists. Publish the survey from the editor, send the link, "
        "and import the answers here.");
    ImGui::Dummy(ImVec2(0, px(4)));
    if (primary_button("Open the editor", "results/open-editor"))
        navigate("/surveys/" + loupe::survey_id_text(project.local_id));
    end_results_card();
}

void no_responses() {
    const Palette& p = palette();
    begin_results_card();
    heading(g_fonts.heading, "No responses yet", "results/empty");
    text_wrapped_colored(p.muted,
        "Send the survey's link to the people you want to hear from. Each respondent ends with a response code "
        "and a response file; when they send them back, import them above. The results appear here at once.");
    end_results_card();
}

}  // namespace

void results_screen(loupe::Project& project) {
    state_for(project);
    begin_column();
    screen_header(project.survey.title.c_str(), "results/title", "", "← Surveys", "/surveys");
    if (!project.published) {
        not_published(project);
        end_column();
        return;
    }
    step_import(project);
    refresh(project);
    if (!st.importing) step_hb();  // an import gets the frame's time; its results start HB again anyway
    if (st.frames_to_settle > 0) {
        --st.frames_to_settle;
        keep_animating();
    }
    text_wrapped_colored(palette().muted, summary_line(project).c_str());
    test_rect(("results/count/" + std::to_string(project.responses.size()) + "/" +
               std::to_string(st.key ? st.key->counted.size() : 0)).c_str());
    if (project.edited_since_published())
        text_wrapped_colored(palette().muted, "You edited the survey after publishing it. These results are for the "
                                              "published version, which is what the link people have carries.");
    ImGui::Dummy(ImVec2(0, px(8)));

    import_section(project);
    if (project.responses.empty()) {
        no_responses();
        end_column();
        return;
    }
    who_counts_section(project);
    if (!st.estimates) {
        begin_results_card();
        heading(g_fonts.heading, "Nothing to show", "results/nothing");
        text_wrapped_colored(palette().muted, (st.estimates.error() + " Count more respondents above.").c_str());
        end_results_card();
    } else {
        const Chart chart = ranked_chart(project.published_survey);
        chart_section(project, chart);
        if (st.view == View::Compare && st.compared.size() == 2) comparison_section(project.published_survey);
        item_table_section(project.published_survey);
        respondents_section(project);
        downloads_section(project, chart);
    }
    ImGui::Dummy(ImVec2(0, px(24)));
    end_column();
}

void import_files(loupe::Project& project, std::vector<platform::OpenedFile>& files) {
    state_for(project);
    if (!project.published) {
        notify("Publish the survey first: answers can only be imported for a survey whose link has been sent.", true);
        files.clear();
        return;
    }
    if (!st.importing) start_import(project);
    for (platform::OpenedFile& file : files) st.importing->add(std::move(file));
    st.import_read = false;
    files.clear();
}
