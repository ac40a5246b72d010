// taste_workspace.cpp — a workspace backup with a facilitator's taste sessions, for screenshots.
//
//   loupe_e2e_taste_workspace OUT [--meeting]
// The fixtures' team of five (Fran facilitates, Cy is junior), the planned session on budgeting
// apps with Bo's twelve notes and three of Ana's, and an earlier session that is done. Prints the
// planned session's id, so a script can open "#/taste/<id>" after restoring the backup.
// --meeting: a team of eleven with three juniors, everyone invited (Ana picked, so Bo is next in
// the rota), and the earlier session left an open action for Ana: a meeting to run.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "core/shared/workspace.h"
#include "core/taste/team.h"
#include "core/taste/taste_fixtures.h"

int main(int argc, char** argv) {
    using namespace loupe::taste;
    using namespace loupe::taste::fixtures;
    const bool meeting = argc == 3 && std::string(argv[2]) == "--meeting";
    if (argc != 2 && !meeting) {
        std::fprintf(stderr, "usage: loupe_e2e_taste_workspace OUT [--meeting]\n");
        return 2;
    }
    Team t = team();
    if (meeting) {
        const struct { std::uint64_t id; const char* name; Role role; bool junior; } more[] = {
            {0x6661, "Eli", Role::Designer, true}, {0x6662, "Gus", Role::Engineer, false},
            {0x6663, "Hana", Role::PM, false},     {0x6664, "Ivo", Role::Engineer, true},
            {0x6665, "Jo", Role::Designer, false}, {0x6666, "Kai", Role::Other, false}};
        for (const auto& m : more) {
            t.members.push_back(member(m.id, m.name, m.role));
            t.settings.rota.order.push_back(m.id);
            if (m.junior) t.juniors.push_back(JuniorFlag{{m.id, {1, 1000, kFacilitator}, false}, true});
        }
        t.settings.rota.next = kBo;
    }
    t.books = default_books({1, 1000, kFacilitator});
    for (Member& m : t.members)
        if (m.head.id == kAna || m.head.id == kFacilitator) m.books_read = {1, 3};
    SessionFile planned;
    planned.team = t;
    planned.session.plan = plan();
    planned.session.plan.date = {2030, 1, 10};  // the second Thursday, well ahead
    planned.session.plan.invited.push_back(kFacilitator);
    const Contribution bo = contribution(kBo);
    Contribution ana = contribution(kAna, 3);
    ana.author = t.members[1];
    for (Note& n : ana.notes) n.text = "Ana: " + n.text.substr(0, 60);
    planned.session.notes = bo.notes;
    planned.session.notes.insert(planned.session.notes.end(), ana.notes.begin(), ana.notes.end());
    std::sort(planned.session.notes.begin(), planned.session.notes.end(),
              [](const Note& a, const Note& b) { return a.head.id < b.head.id; });

    SessionFile done = planned;
    done.session.plan.head.id = 0xD0E5;
    done.session.plan.date = {2026, 11, 12};
    done.session.plan.category = "note-taking apps";
    done.session.plan.picker = kFacilitator;
    done.session.plan.focus = "";
    done.session.notes.clear();
    if (meeting) {
        for (const Member& m : t.members)
            if (std::find(planned.session.plan.invited.begin(), planned.session.plan.invited.end(), m.head.id) ==
                planned.session.plan.invited.end())
                planned.session.plan.invited.push_back(m.head.id);
        done.session.plan.invited = planned.session.plan.invited;
        Action action;
        action.head = {0xAC7, {1, 1'790'000'000, kFacilitator}, false};
        action.text = "Show sample data before asking for a bank account";
        action.owner = kAna;
        done.session.actions = {action};
        done.session.meeting.head = {done.session.plan.head.id, {1, 1'790'000'000, kFacilitator}, false};
        done.session.meeting.phase = Phase::Done;
    }

    char hex[17];
    loupe::WorkspaceBackup backup;
    backup.created_unix_seconds = 1'800'000'000;
    backup.files.push_back({"taste-team.bin", write_team_file(t, Audience::Facilitator)});
    const std::string me = "me 0000000000001111\n";
    backup.files.push_back({"taste-facilitator.bin", std::vector<std::uint8_t>(me.begin(), me.end())});
    for (const SessionFile* f : {&planned, &done}) {
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f->session.plan.head.id));
        backup.files.push_back({"taste-session-" + std::string(hex) + ".bin", write_session_file(*f, Audience::Facilitator)});
    }
    const std::vector<std::uint8_t> out = loupe::encode_backup(backup);
    std::ofstream(argv[1], std::ios::binary).write(reinterpret_cast<const char*>(out.data()), std::streamsize(out.size()));
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(planned.session.plan.head.id));
    std::printf("%s\n", hex);
    return 0;
}
