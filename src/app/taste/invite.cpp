// invite.cpp — the session's invite, on the session screen: the link whose "#t=" fragment carries
// the plan (no junior flags: formats.h), its QR code, Copy link, Copy message (the ready message
// for chat or e-mail, with the link), the QR code as a PNG and the session file for the team.
//
// Giving the invite out (copying the link or the message, downloading the QR code or the file)
// remembers its fragment (store.h); when the plan changes after that, the card says to send the
// new invite: the old one still opens the plan as it was.
#include <string>
#include <vector>

#include "core/shared/qr.h"
#include "core/taste/formats.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/pictures.h"
#include "app/taste/session.h"
#include "app/taste/store.h"
#include "app/widgets.h"

namespace taste_session {
namespace {

using namespace loupe::taste;

// The link and its QR code, made when the plan or the team changes rather than every frame.
struct InviteView {
    Team team;
    Plan plan;
    bool made = false;
    std::string fragment, link, message;
    loupe::QrCode qr;
    std::string qr_problem;
    bool whole = false;
};
InviteView view;
std::uint64_t downloading = 0;

std::string file_stem(const Plan& plan);  // session whose file waits for its pictures to be read

// The session file for the team, with every picture still kept; called each frame until the
// pictures have been read from storage.
void download_session_file(const Team& team, const Plan& plan) {
    const Session* session = taste_store::find_session(plan.head.id);
    if (!session) {
        downloading = 0;
        return;
    }
    SessionFile file;
    file.team = team;
    file.session = *session;
    std::vector<std::uint64_t> missing;
    if (!pictures::gather(session->screenshots, file.images, missing)) return;  // next frame
    downloading = 0;
    const std::string where = platform::download(file_stem(plan) + " (taste session).loupe",
                                                 write_session_file(file, Audience::Team), "application/octet-stream");
    std::string said = "Saved " + where + ". It holds the plan and the notes so far, without your junior marks.";
    if (!missing.empty())
        said += " " + std::to_string(missing.size()) + (missing.size() == 1 ? " screenshot is" : " screenshots are") +
                " not kept in this browser, so the file lacks them.";
    notify(said);
}

const InviteView& view_for(const Team& team, const Plan& plan) {
    if (!view.made || !(view.plan == plan) || !(view.team == team)) {
        view = InviteView{};
        view.team = team, view.plan = plan, view.made = true;
        view.fragment = invite_fragment(team, plan);
        view.link = invite_link(team, plan, platform::page_url());
        view.message = invite_message(make_invite(team, plan));
        if (auto qr = loupe::make_qr(view.link)) view.qr = std::move(*qr);
        else view.qr_problem = qr.error() + " Shorter names and links make the invite shorter.";
    }
    return view;
}

std::string file_stem(const Plan& plan) {
    std::string stem = plan.category;
    for (char& c : stem)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '-';
    return stem + " " + date_text(plan.date);
}

void given_out(const Plan& plan) { taste_store::set_invite_given(plan.head.id, view.fragment); }

void invite_details(const Team& team, const Plan& plan, float width) {
    const Palette& p = palette();
    if (link_box(view.link, width, view.whole, "taste/invite/link", "taste/invite/whole-link")) {
        platform::clipboard_copy(view.link);
        given_out(plan);
        notify("Invite link copied. Paste it into an e-mail or a chat message.");
    }
    ImGui::Dummy(ImVec2(0, px(2)));
    text_wrapped_colored(p.muted, ("\u201c" + view.message + "\u201d").c_str());
    test_rect("taste/invite/message");
    ImGui::Dummy(ImVec2(0, px(2)));
    ButtonRow row(width);
    const float h = button_height();
    row.place(button_width("Copy link"));
    if (primary_button("Copy link", "taste/invite/copy", ImVec2(0, h))) {
        platform::clipboard_copy(view.link);
        given_out(plan);
        notify("Invite link copied. Paste it into an e-mail or a chat message.");
    }
    row.place(button_width("Copy message"));
    if (secondary_button("Copy message", "taste/invite/copy-message", ImVec2(0, h))) {
        platform::clipboard_copy(view.message + "\n\n" + view.link);
        given_out(plan);
        notify("Message copied with the link. Paste it into the team's chat or an e-mail.");
    }
    const char* qr_label = "Download QR code (PNG)";
    if (view.qr.size > 0) {
        row.place(button_width(qr_label));
        if (secondary_button(qr_label, "taste/invite/download-qr", ImVec2(0, h))) {
            given_out(plan);
            const std::string where = platform::download(file_stem(plan) + " invite QR code.png", loupe::qr_png(view.qr), "image/png");
            notify("Saved " + where + ".");
        }
    }
    const char* file_label = "Download session file";
    row.place(button_width(file_label));
    if (secondary_button(file_label, "taste/invite/download-session", ImVec2(0, h))) {
        given_out(plan);
        downloading = plan.head.id;
    }
    if (downloading == plan.head.id) download_session_file(team, plan);
    const std::string where = plan.reply_to.empty()
        ? "No reply-to address: participants send you their code or file however you asked them to."
        : "Participants are offered to e-mail their notes to " + plan.reply_to + ".";
    text_wrapped_colored(p.muted, where.c_str());
}

}  // namespace

void invite_card(const Team& team, const Plan& plan, float width) {
    const Palette& p = palette();
    begin_card(width);
    const std::string problem = !team_problem(team).empty() ? team_problem(team) : plan_problem(plan, team);
    if (!problem.empty()) {
        card_title("The invite", "taste/invite/title", "It is ready when the plan is:");
        text_wrapped_colored(p.danger, problem.c_str());
        test_rect("taste/invite/problem");
        end_card();
        return;
    }
    const InviteView& v = view_for(team, plan);
    card_title("The invite", "taste/invite/title",
               "Send it to everyone invited. The whole plan travels inside the link: nothing is stored on a server, "
               "and your junior marks are not in it.");
    const std::string given = taste_store::invite_given(plan.head.id);
    if (!given.empty() && given != v.fragment) {
        text_wrapped_colored(p.danger, "You changed the plan after inviting: send the new invite. The old one still "
                                       "opens the plan as it was.");
        test_rect("taste/invite/changed");
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    link_with_qr(v.qr.size > 0 ? &v.qr : nullptr, card_inner_width(), "taste/invite/qr",
                 [&](float w) { invite_details(team, plan, w); },
                 [&] {
                     text_wrapped_colored(p.muted, v.qr_problem.c_str());
                     test_rect("taste/invite/no-qr");
                 });
    end_card();
}

}  // namespace taste_session
