// taste_workspace.cpp — a workspace backup with a facilitator's taste sessions, for screenshots.
//
//   loupe_e2e_taste_workspace OUT [--meeting]
// The fixtures' team of five (Fran facilitates, Cy is junior), the planned session on budgeting
// apps with Bo's twelve notes (three with screenshots) and three of Ana's, and an earlier session
// on note-taking apps that is done: notes in Greek and Japanese, screenshots, praise, an insight
// and actions open, doing and done, for the library. Prints the planned session's id, so a script
// can open "#/taste/<id>" after restoring the backup.
// --meeting: a team of eleven with three juniors, everyone invited (Ana picked, so Bo is next in
// the rota), and the earlier session left one open action, Ana's: a meeting to run.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "core/shared/png.h"
#include "core/shared/workspace.h"
#include "core/taste/screenshot.h"
#include "core/taste/team.h"
#include "core/taste/taste_fixtures.h"

namespace {

using namespace loupe::taste;

// A made-up app screen, `width` x `height`: a header bar in `header`, a few fields, a button.
ScreenshotImage app_screen(int width, int height, const std::uint8_t (&header)[3]) {
    std::vector<std::uint8_t> rgba(std::size_t(width) * std::size_t(height) * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const bool top = y < height / 9, margin = x > width / 12 && x < width - width / 12;
            const bool field = margin && y > height / 6 && y < height * 3 / 4 && y % (height / 8) < height / 20;
            const bool button = margin && y > height * 5 / 6 && y < height * 11 / 12;
            const std::uint8_t grey[3] = {250, 250, 250}, line[3] = {226, 230, 236}, green[3] = {24, 150, 96};
            const std::uint8_t* c = top ? header : button ? green : field ? line : grey;
            std::uint8_t* px = &rgba[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4];
            px[0] = c[0], px[1] = c[1], px[2] = c[2], px[3] = 255;
        }
    return *reencode_screenshot(loupe::encode_png(width, height, rgba));
}

Note note(std::uint64_t author, std::uint32_t number, std::uint64_t app, Kind kind, const char* text) {
    Note n;
    n.head = {note_id(author, number), {1, 1'790'000'000 + number * 60, author}, false};
    n.app = app, n.author = author, n.kind = kind, n.text = text;
    return n;
}

Action action(std::uint64_t id, const char* text, std::uint64_t owner, ActionStatus status, Date due) {
    Action a;
    a.head = {id, {1, 1'790'000'000, fixtures::kFacilitator}, false};
    a.text = text, a.owner = owner, a.status = status, a.due = due;
    return a;
}

template <class T>
void sort_by_id(std::vector<T>& records) {
    std::sort(records.begin(), records.end(), [](const T& a, const T& b) { return a.head.id < b.head.id; });
}

// The session on note-taking apps, done: what the library shows beside the planned one.
void fill_done_session(Session& s, const std::vector<ScreenshotImage>& shots) {
    using namespace fixtures;
    s.plan.apps = {App{201, "Notion", Platform::Web, "https://notion.so"}, App{202, "Bear", Platform::IOS, "https://bear.app"},
                   App{203, "Obsidian", Platform::Desktop, "https://obsidian.md"}};
    s.notes = {note(kAna, 100, 202, Kind::Good, "Typing # starts a tag anywhere, and the sidebar shows it at once."),
               note(kBo, 100, 201, Kind::Bad, "Το κουμπί κοινής χρήσης κρύβεται πίσω από τρεις τελείες."),
               note(kDee, 100, 203, Kind::Ugly, "初回の設定画面が長すぎて、途中でやめたくなった。"),
               note(kFacilitator, 100, 201, Kind::Good, "The template gallery starts me from a real example, not a blank page."),
               note(kCy, 100, 202, Kind::Bad, "Search ignores accents: “cafe” does not find “café”.")};
    s.notes[0].tags = {"tags", "speed"};
    s.notes[2].screenshots = {shots[2].meta.id};
    s.notes[3].screenshots = {shots[3].meta.id};
    s.notes[3].tags = {"onboarding"};
    sort_by_id(s.notes);
    s.screenshots = {shots[2].meta, shots[3].meta};
    Praise praise;
    praise.head = {0x9A15E, {1, 1'790'000'500, kAna}, false};
    praise.note = note_id(kFacilitator, 100), praise.by = kAna, praise.words = "so true";
    s.praise = {praise};
    Insight insight;
    insight.head = {0x1D5, {1, 1'790'000'600, kFacilitator}, false};
    insight.text = "A real example beats a blank page: show one before asking for anything.";
    insight.notes = {note_id(kFacilitator, 100)};
    s.insights = {insight};
    s.actions = {action(0xAC1, "Add sample data to our first-run screen", kAna, ActionStatus::Doing, {2026, 12, 15}),
                 action(0xAC2, "Move Share out of the overflow menu", kBo, ActionStatus::Open, {2027, 1, 31}),
                 action(0xAC3, "Try a template gallery for new projects", 0, ActionStatus::Open, {}),
                 action(0xAC4, "Audit the colours of our status badges", kAna, ActionStatus::Open, {}),
                 action(0xAC5, "Make the totals bigger", kBo, ActionStatus::Done, {2026, 12, 1})};
}

}  // namespace

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

    const std::uint8_t blue[3] = {32, 96, 210}, purple[3] = {120, 60, 200}, orange[3] = {230, 120, 30}, teal[3] = {20, 140, 150};
    const std::vector<ScreenshotImage> shots = {app_screen(390, 844, blue), app_screen(390, 844, purple),
                                                app_screen(1280, 800, orange), app_screen(390, 844, teal)};
    for (std::size_t i = 0; i < 2; ++i) planned.session.notes[i].screenshots = {shots[i].meta.id};
    planned.session.notes[2].screenshots = {shots[0].meta.id, shots[1].meta.id};
    planned.session.screenshots = {shots[0].meta, shots[1].meta};
    std::sort(planned.session.screenshots.begin(), planned.session.screenshots.end(),
              [](const Screenshot& a, const Screenshot& b) { return a.id < b.id; });

    SessionFile done = planned;
    done.session.plan.head.id = 0xD0E5;
    done.session.plan.date = {2026, 11, 12};
    done.session.plan.category = "note-taking apps";
    done.session.plan.picker = kFacilitator;
    done.session.plan.focus = "";
    fill_done_session(done.session, shots);
    std::sort(done.session.screenshots.begin(), done.session.screenshots.end(),
              [](const Screenshot& a, const Screenshot& b) { return a.id < b.id; });
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
    for (const ScreenshotImage& shot : shots) {
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(shot.meta.id));
        backup.files.push_back({"picture-" + std::string(hex) + ".jpg", shot.image});
        backup.files.push_back({"picture-" + std::string(hex) + "-thumb.jpg", shot.thumb});
    }
    const std::vector<std::uint8_t> out = loupe::encode_backup(backup);
    std::ofstream(argv[1], std::ios::binary).write(reinterpret_cast<const char*>(out.data()), std::streamsize(out.size()));
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(planned.session.plan.head.id));
    std::printf("%s\n", hex);
    return 0;
}
