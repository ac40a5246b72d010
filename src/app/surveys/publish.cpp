// publish.cpp — publishing a survey: the Publish button, the question asked when responses came
// in through the old link, the link with its QR code, and the files to send.
//
// Publishing copies the survey being edited into published_survey, which is what the link
// carries; imported responses always belong to published_survey. Publishing an edited survey
// makes a new survey (its id is a hash of its content), so responses to the old link could not
// be analysed with the new one: they are kept with the old version as a project of their own.
#include "app/surveys/publish.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/maxdiff/project.h"
#include "core/shared/qr.h"
#include "core/maxdiff/survey.h"
#include "app/form.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

constexpr std::size_t kLongLink = 2000;  // some chat apps and mail programs cut links beyond this
constexpr const char* kOldLinkSuffix = " (old link)";

// The link and its QR code, made once per published survey rather than every frame.
struct SharedLink {
    bool made = false;
    loupe::Survey survey;  // what they were made for
    std::string link;
    loupe::QrCode qr;
    std::string qr_problem;  // why there is no QR code
};
SharedLink shared;

struct PublishState {
    std::uint64_t confirming = 0;  // project whose "publish a new link?" question is open
    std::uint64_t confirmed = 0;   // project to publish at the end of this frame, keeping old responses apart
    std::uint64_t scroll_to = 0;   // project whose link card should scroll into view
    bool whole_link = false;       // the link shown in full rather than its first lines
};
PublishState state;

const SharedLink& link_for(const loupe::Survey& survey) {
    if (!shared.made || !(shared.survey == survey)) {
        shared = {true, survey, loupe::survey_link(survey, platform::page_url()), {}, {}};
        auto qr = loupe::make_qr(shared.link);
        if (qr)
            shared.qr = std::move(*qr);
        else
            shared.qr_problem = qr.error() + " Fewer or shorter items make the link shorter.";
        state.whole_link = false;
    }
    return shared;
}

void publish(loupe::Project& project, const std::string& message) {
    project.published = true;
    project.published_survey = project.survey;
    if (!save_project(project)) return;
    state.scroll_to = project.local_id;
    notify(message);
}

void publish(loupe::Project& project) {
    publish(project, project.published
                         ? "Published again. The old link still opens the old version: send this new link instead."
                         : "Published. Send the link to the people you want to ask.");
}

// The old version and its responses become a project of their own ("<title> (old link)"); this
// one carries on with the new version and no responses. The copy is written first, so if
// storage fails nothing has been taken away from this project.
void publish_keeping_old_responses(loupe::Project& project) {
    const std::uint64_t id = project.local_id;
    loupe::Project old = project;
    old.survey = old.published_survey;
    old.survey.title = cut_utf8(old.survey.title, loupe::kMaxTitleBytes - std::char_traits<char>::length(kOldLinkSuffix)) +
                       kOldLinkSuffix;
    const std::string old_title = old.survey.title;
    const std::size_t responses = old.responses.size();
    const std::uint64_t old_id = add_project(std::move(old)).local_id;  // moves `project`
    std::vector<std::uint8_t> written;
    if (!platform::storage_read(loupe::project_storage_name(old_id), written)) {
        delete_project(old_id);
        notify("Nothing was published: the responses to the old link could not be set aside. Free some space "
               "(or back up your workspace from the menu) and try again.", true);
        return;
    }
    loupe::Project* current = find_project(id);
    current->responses.clear();
    current->excluded_respondents.clear();
    publish(*current, "Published again: send the new link from now on. The " + std::to_string(responses) +
                          (responses == 1 ? " response" : " responses") + " to the old link are kept in \"" +
                          old_title + "\", in your list of surveys.");
}

void republish_dialog(loupe::Project& project) {
    const bool mine = state.confirming == project.local_id;
    if (!begin_dialog("Publish a new link", mine)) return;
    const std::size_t n = project.responses.size();
    heading(g_fonts.heading, "Publish a new link?", "republish/title");
    const std::string body =
        std::to_string(n) + (n == 1 ? " response came" : " responses came") + " in through the old link. They " +
        "belong to the old version of the survey, so they are kept with it, as a separate survey called \"" +
        project.published_survey.title + kOldLinkSuffix + "\". This survey gets a new link and starts with no responses.";
    text_wrapped_colored(palette().muted, body.c_str());
    ImGui::Dummy(ImVec2(0, px(6)));
    ButtonRow row(ImGui::GetContentRegionAvail().x);
    const char* confirm = "Publish and keep them apart";
    row.place(button_width(confirm));
    if (primary_button(confirm, "republish/confirm", ImVec2(0, button_height()))) {
        state.confirmed = project.local_id;
        state.confirming = 0;
        ImGui::CloseCurrentPopup();
    }
    row.place(button_width("Cancel"));
    if (secondary_button("Cancel", "republish/cancel", ImVec2(0, button_height())) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.confirming = 0;
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

// "Cheese preferences" from "Cheese preferences.loupe": the start of every file name we offer.
std::string file_stem(const loupe::Project& project) {
    std::string name = loupe::project_file_name(project);
    return name.substr(0, name.size() - std::char_traits<char>::length(".loupe"));
}

void copy_link(const std::string& link) {
    platform::clipboard_copy(link);
    notify("Link copied. Paste it into an e-mail or a chat message.");
}

void link_details(const loupe::Project& project, const SharedLink& link, float width) {
    const Palette& p = palette();
    if (link_box(link.link, width, state.whole_link, "publish/link", "publish/whole-link")) copy_link(link.link);
    const std::string length = thousands(link.link.size()) + " characters";
    text_wrapped_colored(p.muted, length.c_str());
    test_rect("publish/length");
    if (link.link.size() > kLongLink)
        text_wrapped_colored(p.muted, link.qr.size > 0
            ? "This is a long link: some chat apps and mail programs cut links this long. If someone finds it "
              "broken, send the QR code or the survey file instead, or make the survey shorter."
            : "This is a long link: some chat apps and mail programs cut links this long. If someone finds it "
              "broken, send the survey file instead, or make the survey shorter.");
    ImGui::Dummy(ImVec2(0, px(2)));

    ButtonRow row(width);
    const float h = button_height();
    row.place(button_width("Copy link"));
    if (primary_button("Copy link", "publish/copy", ImVec2(0, h))) copy_link(link.link);
    const char* qr_label = "Download QR code (PNG)";
    if (link.qr.size > 0) {
        row.place(button_width(qr_label));
        if (secondary_button(qr_label, "publish/download-qr", ImVec2(0, h))) {
            const std::string where =
                platform::download(file_stem(project) + " QR code.png", loupe::qr_png(link.qr), "image/png");
            notify("Saved " + where + ".");
        }
    }
    const char* file_label = "Download survey file";
    row.place(button_width(file_label));
    if (secondary_button(file_label, "publish/download-survey", ImVec2(0, h))) {
        const std::string where = platform::download(file_stem(project) + " (survey).loupe",
                                                     loupe::write_survey_file(project.published_survey),
                                                     "application/octet-stream");
        notify("Saved " + where + ". It opens the survey in Loupe, like the link.");
    }
    const std::string& reply_to = project.published_survey.reply_to;
    const std::string where = reply_to.empty()
        ? "No reply-to address: respondents send you their response code or file however you asked them to."
        : "At the end, respondents are offered to e-mail their answers to " + reply_to + ".";
    ImGui::Dummy(ImVec2(0, px(2)));
    text_wrapped_colored(p.muted, where.c_str());
}

}  // namespace

SurveyStatus survey_status(const loupe::Project& project) {
    if (!project.published) return SurveyStatus::Draft;
    if (!project.edited_since_published()) return SurveyStatus::Published;
    const std::string& title = project.survey.title;
    const std::size_t suffix = std::char_traits<char>::length(kOldLinkSuffix);
    if (title.ends_with(kOldLinkSuffix) && title.compare(0, title.size() - suffix, project.published_survey.title) == 0) {
        loupe::Survey without_suffix = project.survey;
        without_suffix.title = project.published_survey.title;
        if (without_suffix == project.published_survey) return SurveyStatus::OldLink;
    }
    return SurveyStatus::EditedSincePublished;
}

const char* status_label(SurveyStatus status) {
    switch (status) {
        case SurveyStatus::Draft: return "Draft";
        case SurveyStatus::Published: return "Published";
        case SurveyStatus::EditedSincePublished: return "Edited since published";
        case SurveyStatus::OldLink: return "Old link";
    }
    return "";
}

ImU32 status_tint(SurveyStatus status) {
    switch (status) {
        case SurveyStatus::Draft: return palette().muted;
        case SurveyStatus::Published: return palette().accent;
        case SurveyStatus::EditedSincePublished: return palette().danger;
        case SurveyStatus::OldLink: return palette().muted;
    }
    return palette().muted;
}

void publish_button(loupe::Project& project, bool has_problem) {
    const SurveyStatus status = survey_status(project);
    if (status == SurveyStatus::Published || status == SurveyStatus::OldLink) return;
    ImGui::BeginDisabled(has_problem);
    if (primary_button(project.published ? "Publish again" : "Publish", "editor/publish", ImVec2(0, button_height()))) {
        if (project.responses.empty())
            publish(project);
        else
            state.confirming = project.local_id;
    }
    ImGui::EndDisabled();
    republish_dialog(project);
}

void publish_card(loupe::Project& project, float width) {
    if (!project.published) return;
    const SharedLink& link = link_for(project.published_survey);
    begin_card(width);
    if (state.scroll_to == project.local_id) {  // just published: make sure the link is in view
        const float visible_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
        if (ImGui::GetCursorScreenPos().y > visible_bottom - px(240)) ImGui::SetScrollHereY(0.25f);
        state.scroll_to = 0;
    }
    const SurveyStatus status = survey_status(project);
    if (status == SurveyStatus::OldLink)
        card_title("The old link", "publish/title",
                   "It still opens the survey as it was. Answers to it belong here; the new link's answers go to the "
                   "survey you published again.");
    else if (status == SurveyStatus::EditedSincePublished)
        card_title("The link people have now", "publish/title",
                   "It opens the survey as you published it, without your later changes.");
    else
        card_title("Your survey link", "publish/title",
                   "Send it by e-mail or chat, or show the QR code. The whole survey travels inside the link: "
                   "nothing is stored on a server.");
    link_with_qr(link.qr.size > 0 ? &link.qr : nullptr, card_inner_width(), "publish/qr",
                 [&](float width) { link_details(project, link, width); },
                 [&] {
                     text_wrapped_colored(palette().muted, link.qr_problem.c_str());
                     test_rect("publish/no-qr");
                 });
    end_card();
}

void finish_publishing(loupe::Project& project) {
    if (state.confirmed != project.local_id) return;
    state.confirmed = 0;
    publish_keeping_old_responses(project);
}
