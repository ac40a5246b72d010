// taste_fixtures.h — a team of five (one junior), a planned session and a participant's notes,
// for the taste-session tests.
#pragma once
#include <string>

#include "core/taste/formats.h"
#include "core/taste/merge.h"

namespace loupe::taste::fixtures {

constexpr std::uint64_t kFacilitator = 0x1111, kAna = 0x2222, kBo = 0x3333, kCy = 0x4444, kDee = 0x5555;

inline Member member(std::uint64_t id, const char* name, Role role) {
    Member m;
    m.head = {id, {1, 1000, kFacilitator}, false};
    m.name = name;
    m.role = role;
    return m;
}

inline Team team() {
    Team t;
    t.settings.head = {0xABCDEF, {1, 1000, kFacilitator}, false};
    t.settings.name = "Checkout squad";
    t.members = {member(kFacilitator, "Fran", Role::PM), member(kAna, "Ana", Role::Designer),
                 member(kBo, "Bo", Role::Engineer), member(kCy, "Cy", Role::Engineer),
                 member(kDee, "Dee", Role::Other)};
    t.juniors = {JuniorFlag{{kCy, {1, 1000, kFacilitator}, false}, true}};
    t.settings.rota.order = {kAna, kBo, kCy, kDee, kFacilitator};
    t.settings.rota.next = kAna;
    return t;
}

inline Plan plan() {
    Plan p;
    p.head = {0x5E55, {1, 2000, kFacilitator}, false};
    p.team_id = 0xABCDEF;
    p.date = {2027, 1, 14};
    p.category = "budgeting apps";
    p.picker = kAna;
    p.focus = "onboarding";
    p.apps = {App{101, "YNAB", Platform::IOS, "https://ynab.com"},
              App{102, "Monzo", Platform::Android, "https://monzo.com"},
              App{103, "Copilot", Platform::Web, "https://copilot.money"}};
    p.invited = {kAna, kBo, kCy, kDee};
    p.reply_to = "fran@example.com";
    return p;
}

// Twelve notes of about 80 characters, as a participant writes them.
inline Contribution contribution(std::uint64_t author = kBo, int notes = 12) {
    static const char* kTexts[] = {
        "The first screen asks for my bank before showing me anything; I almost gave up.",
        "Categories are suggested from my last month of spending, which felt like magic.",
        "The empty state explains the envelope method with a tiny animation. Lovely touch.",
        "Two different greens mean 'on track' and 'over budget' - I could not tell them apart.",
        "Search finds payees by nickname, and the results update as I type without lag.",
        "The undo toast after deleting a transaction stays for ten seconds: plenty of time.",
        "Settings are buried three levels deep behind an icon that looks like a profile.",
        "Charts animate every time I switch tabs, which is slow and makes me a bit dizzy.",
        "Onboarding lets me skip linking an account and try it with sample data first.",
        "The font on the totals is tiny on my phone and the contrast is far too low.",
        "Rules for recurring bills are written in plain words, like a sentence I can edit.",
        "Notifications arrive in bursts of five at 9am with no way to group them at all.",
    };
    const Plan p = plan();
    Contribution c;
    c.session = p.head.id;
    c.author = member(author, "Bo", Role::Engineer);
    for (int i = 0; i < notes; ++i) {
        Note n;
        n.head = {note_id(author, std::uint32_t(i)), {1, 1'800'000'000 + i * 40, author}, false};
        n.app = p.apps[i % 3].id;
        n.author = author;
        n.kind = Kind(i % 3);
        n.text = kTexts[i % 12];
        c.notes.push_back(n);
    }
    return c;
}

}  // namespace loupe::taste::fixtures
