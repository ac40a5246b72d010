// wall_workspace.cpp — a facilitator's workspace for the screenshot wall's memory (bench/taste/wall.mjs).
//
//   bench_wall_workspace OUT PICTURES
// A team of ten and 24 monthly sessions (2025-2026) of 3 apps, 40 notes each: 960 notes. PICTURES
// screenshots are spread over the notes, one to a note and then a second, each a different
// made-up app screen re-encoded as the app keeps them (core/taste/screenshot.h: a JPEG of at most
// 1600 px and its 320 px thumbnail). With 0, the same sessions and notes without any picture: the
// baseline the wall's memory is measured against. Written as a workspace backup, restored in the
// browser through the menu like any other.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/shared/png.h"
#include "core/shared/rng.h"
#include "core/shared/workspace.h"
#include "core/taste/formats.h"
#include "core/taste/screenshot.h"

using namespace loupe;
using namespace loupe::taste;

namespace {

constexpr int kSessions = 24, kNotesPerSession = 40, kMembers = 10;
constexpr std::int64_t kTime = 1'790'000'000;

// A phone screen of a made-up app: a header, rows and a button, in colours that differ per picture
// so every JPEG (and so every id) is different.
std::vector<std::uint8_t> app_screen(int seed) {
    const int w = 390, h = 844;
    std::vector<std::uint8_t> rgba(std::size_t(w) * h * 4);
    Rng rng(std::uint64_t(seed) + 1);
    const std::uint8_t hue[3] = {std::uint8_t(rng.next() % 200), std::uint8_t(rng.next() % 200), std::uint8_t(rng.next() % 200)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* px = &rgba[(std::size_t(y) * w + x) * 4];
            const bool header = y < 90, row = y > 120 && (y - 120) % 70 < 50 && x > 20 && x < w - 20;
            const bool button = y > 760 && y < 810 && x > 20 && x < w - 20;
            for (int c = 0; c < 3; ++c)
                px[c] = header ? hue[c] : button ? std::uint8_t(255 - hue[c]) : row ? std::uint8_t(230 - (y / 70 % 3) * 10) : 250;
            px[3] = 255;
        }
    return encode_png(w, h, rgba);
}

std::string hex(std::uint64_t id) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_wall_workspace OUT PICTURES\n");
        return 2;
    }
    const int pictures = std::stoi(argv[2]);
    const Revision rev{1, kTime, 1};
    Team team;
    team.settings.head = {0x7EA4, rev, false};
    team.settings.name = "Wall squad";
    for (int m = 0; m < kMembers; ++m) {
        Member member;
        member.head = {std::uint64_t(m + 1), rev, false};
        member.name = "Member " + std::to_string(m + 1);
        member.role = Role(m % 4);
        team.members.push_back(member);
        team.settings.rota.order.push_back(member.head.id);
    }
    team.settings.rota.next = 1;

    WorkspaceBackup backup;
    backup.created_unix_seconds = kTime;
    backup.files.push_back({"taste-team.bin", write_team_file(team, Audience::Facilitator)});
    const std::string me = "me 0000000000000001\n";
    backup.files.push_back({"taste-facilitator.bin", std::vector<std::uint8_t>(me.begin(), me.end())});
    std::vector<SessionFile> sessions(kSessions);
    for (int s = 0; s < kSessions; ++s) {
        SessionFile& file = sessions[std::size_t(s)];
        file.team = team;
        Plan& plan = file.session.plan;
        plan.head = {0x5000 + std::uint64_t(s), rev, false};
        plan.team_id = team.settings.head.id;
        plan.date = {std::int16_t(2025 + s / 12), std::uint8_t(s % 12 + 1), 10};
        plan.category = "category " + std::to_string(s + 1);
        plan.picker = std::uint64_t(s % kMembers + 1);
        for (int a = 0; a < 3; ++a)
            plan.apps.push_back(App{std::uint64_t(s * 10 + a + 1), "App " + std::to_string(s * 3 + a + 1), Platform::IOS, ""});
        for (const Member& m : team.members) plan.invited.push_back(m.head.id);
        for (int n = 0; n < kNotesPerSession; ++n) {
            Note note;
            note.head = {std::uint64_t(s) * 1000 + std::uint64_t(n) + 1'000'000, rev, false};
            note.app = plan.apps[n % 3].id;
            note.author = std::uint64_t(n % kMembers + 1);
            note.kind = Kind(n % 3);
            note.text = "Note " + std::to_string(n + 1) + " of session " + std::to_string(s + 1) +
                        ": the onboarding screen shows the empty state before asking for anything.";
            file.session.notes.push_back(note);
        }
    }
    // The pictures, over the notes in turn: a first one to every note, then a second.
    for (int p = 0; p < pictures; ++p) {
        SessionFile& file = sessions[std::size_t(p) % kSessions];
        Note& note = file.session.notes[std::size_t(p / kSessions) % kNotesPerSession];
        auto shot = reencode_screenshot(app_screen(p));
        if (!shot) {
            std::fprintf(stderr, "picture %d: %s\n", p, shot.error().c_str());
            return 1;
        }
        note.screenshots.push_back(shot->meta.id);
        file.session.screenshots.push_back(shot->meta);
        backup.files.push_back({"picture-" + hex(shot->meta.id) + ".jpg", shot->image});
        backup.files.push_back({"picture-" + hex(shot->meta.id) + "-thumb.jpg", shot->thumb});
    }
    for (SessionFile& file : sessions) {
        std::sort(file.session.screenshots.begin(), file.session.screenshots.end(),
                  [](const Screenshot& a, const Screenshot& b) { return a.id < b.id; });
        backup.files.push_back({"taste-session-" + hex(file.session.plan.head.id) + ".bin",
                                write_session_file(file, Audience::Facilitator)});
    }
    const std::vector<std::uint8_t> out = encode_backup(backup);
    std::ofstream(argv[1], std::ios::binary).write(reinterpret_cast<const char*>(out.data()), std::streamsize(out.size()));
    std::printf("%d sessions, %d notes, %d pictures: %zu bytes\n", kSessions, kSessions * kNotesPerSession, pictures, out.size());
    return 0;
}
