// reports.cpp — the session's reports, on the session screen: the Markdown report for a wiki, one
// HTML file with the pictures inside, and the notes and the actions as CSV for a spreadsheet.
//
// They are made by the same core functions as `loupe taste report` (core/taste/report.h), from the
// session as the team's session file holds it (for_the_team: no junior marks), so each download
// is byte for byte what the command prints for the session file downloaded from the same session.
// Only the HTML report carries pictures: it waits for them to be read from storage (pictures.h),
// a frame or a few, as the session file does.
#include <string>
#include <vector>

#include "core/taste/formats.h"
#include "core/taste/report.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/pictures.h"
#include "app/taste/session.h"
#include "app/widgets.h"

namespace taste_session {
namespace {

using namespace loupe::taste;

std::uint64_t html_waiting = 0;  // the session whose HTML report waits for its pictures

SessionFile team_file(const Session& session, const Team& team) {
    SessionFile file;
    file.team = for_the_team(team);
    file.session = session;
    return file;
}

// "taste-budgeting-apps-2027-01-14": letters and digits of the category (any script), dashes between.
std::string stem(const Plan& plan) {
    std::string out = "taste-";
    bool dash = false;
    for (const char c : plan.category) {
        const unsigned char u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!keep) {
            dash = true;
            continue;
        }
        if (dash && out.back() != '-') out += '-';
        dash = false;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    if (out.back() != '-') out += '-';
    if (out == "taste-") out += "session-";
    return out + (valid_date(plan.date) ? date_text(plan.date) : std::string("undated"));
}

void save(const std::string& name, const std::string& text, const char* mime, const char* what) {
    const std::string where = platform::download(name, std::vector<std::uint8_t>(text.begin(), text.end()), mime);
    notify("Saved " + where + ": " + what + ".");
}

// Called each frame until the pictures have been read.
void save_html(const Session& session, const Team& team) {
    SessionFile file = team_file(session, team);
    std::vector<std::uint64_t> missing;
    if (!pictures::gather(session.screenshots, file.images, missing)) return;  // next frame
    html_waiting = 0;
    const std::string html = report_html(file);
    const std::string where =
        platform::download(stem(session.plan) + ".html", std::vector<std::uint8_t>(html.begin(), html.end()), "text/html");
    std::string said = "Saved " + where + ": one page with the pictures inside, to open in any browser or send.";
    if (!missing.empty())
        said += " " + std::to_string(missing.size()) + (missing.size() == 1 ? " screenshot is" : " screenshots are") +
                " not kept in this browser, so the page names them without showing them.";
    notify(said);
}

}  // namespace

void reports_card(const Session& session, const Team& team, float width) {
    begin_card(width);
    card_title("Reports", "taste/report/title",
               "The session as people read it outside Loupe: everyone's notes per app, the insights and the actions. "
               "Your junior marks are in none of them.");
    const float h = button_height();
    ButtonRow row(card_inner_width());
    const char* labels[] = {"Markdown report", "HTML report with pictures", "Notes (CSV)", "Actions (CSV)"};
    row.place(button_width(labels[0]));
    if (primary_button(labels[0], "taste/report/markdown", ImVec2(0, h)))
        save(stem(session.plan) + ".md", report_markdown(team_file(session, team)), "text/markdown",
             "paste it into a wiki, or open it in any editor");
    row.place(button_width(labels[1]));
    if (secondary_button(labels[1], "taste/report/html", ImVec2(0, h))) html_waiting = session.plan.head.id;
    row.place(button_width(labels[2]));
    if (secondary_button(labels[2], "taste/report/csv", ImVec2(0, h)))
        save(stem(session.plan) + "-notes.csv", notes_csv(std::vector{team_file(session, team)}), "text/csv",
             "one row a note, for a spreadsheet");
    row.place(button_width(labels[3]));
    if (secondary_button(labels[3], "taste/report/actions-csv", ImVec2(0, h)))
        save(stem(session.plan) + "-actions.csv", actions_csv(std::vector{team_file(session, team)}), "text/csv",
             "one row an action, for a spreadsheet");
    if (html_waiting == session.plan.head.id) save_html(session, team);
    end_card();
}

}  // namespace taste_session
