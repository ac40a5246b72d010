// library_test.cpp — the library: search as you type (words, the partly typed last word, any
// script, the query's filters and the UI's), results in order and capped, the screenshot wall,
// open actions across sessions, updates of one session, and deleted records never shown.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/shared/fold.h"
#include "core/shared/rng.h"
#include "core/taste/library.h"
#include "core/taste/taste_fixtures.h"

namespace loupe::taste {
namespace {

using namespace fixtures;

constexpr std::uint64_t kYnab = 101, kMonzo = 102, kCopilot = 103, kGuest = 0x7777;

Note note(std::uint64_t id, std::uint64_t app, std::uint64_t author, Kind kind, const char* text,
          std::vector<std::string> tags = {}, std::vector<std::uint64_t> screenshots = {}) {
    Note n;
    n.head = {id, {1, std::int64_t(1'800'000'000 + id), author}, false};
    n.app = app;
    n.author = author;
    n.kind = kind;
    n.text = text;
    n.tags = std::move(tags);
    n.screenshots = std::move(screenshots);
    return n;
}

Screenshot picture(std::uint64_t id) {
    Screenshot s;
    s.id = id;
    s.width = s.height = 100;
    return s;
}

// January 2027: budgeting apps, with a guest, praise, an insight and pictures.
Session january() {
    Session s;
    s.plan = plan();
    s.notes = {
        note(1, kMonzo, kAna, Kind::Good, "The empty state explains the envelope method.", {"Onboarding"}, {0xA1}),
        note(2, kYnab, kBo, Kind::Bad, "Onboarding asks for my bank first; I almost gave up.", {}, {0xA9, 0xA2}),
        note(3, kYnab, kAna, Kind::Good, "Zażółć gęślą jaźń: wyszukiwanie działa świetnie.", {"Search"}),
        note(4, kCopilot, kGuest, Kind::Ugly, "Η αναζήτηση είναι πολύ αργή, Σοφός.", {}, {0xA3}),
        note(5, kYnab, kCy, Kind::Ugly, "Тёмная тема ломает ПОИСК.", {"dark mode"}),
        note(6, kMonzo, kDee, Kind::Bad, "アプリの設定画面が分かりにくい", {"設定"}),
    };
    s.screenshots = {picture(0xA1), picture(0xA2), picture(0xA3)};  // 0xA9 never arrived
    Guest g = member(kGuest, "Anaïs", Role::Other);
    s.guests = {g};
    s.praise = {Praise{{0x91, {1, 5, kAna}, false}, 2, kAna, "brilliant catch"}};
    s.insights = {Insight{{0x81, {1, 6, kDee}, false}, "Trust comes before the bank link", {2, 1}}};
    return s;
}

// An older session, December 2026, about banking apps.
Session december() {
    Session s;
    s.plan = plan();
    s.plan.head.id = 0x5E54;
    s.plan.date = {2026, 12, 10};
    s.plan.category = "banking apps";
    s.plan.apps = {App{201, "Google Pay", Platform::Android, ""}, App{202, "Revolut", Platform::IOS, ""},
                   App{203, "N26", Platform::Web, ""}};
    s.notes = {note(11, 201, kBo, Kind::Good, "Onboarding took one tap.", {"onboarding"}, {0xB1}),
               note(12, 202, kAna, Kind::Bad, "The empty statement list looks broken.", {}, {0xA1}),
               note(13, 203, kCy, Kind::Good, "Search by amount works.")};
    s.screenshots = {picture(0xB1), picture(0xA1)};
    return s;
}

LibraryIndex index_of(const std::vector<Session>& sessions) { return make_library_index(sessions, team()); }

std::vector<std::uint64_t> records(const SearchResult& r) {
    std::vector<std::uint64_t> out;
    for (const LibraryHit& h : r.hits) out.push_back(h.record);
    return out;
}

std::vector<std::uint64_t> found(const LibraryIndex& index, std::string_view text, const Filters& chosen = {}) {
    return records(search(index, parse_query(text, chosen)));
}

using Ids = std::vector<std::uint64_t>;

// ---- words ----------------------------------------------------------------------------------

TEST(TasteLibrary, TypedWordsAreWholeButTheLastMayBeItsStart) {
    const LibraryIndex index = index_of({january()});
    EXPECT_EQ(found(index, "empty st"), Ids{1});  // "st" is being typed: state
    EXPECT_EQ(found(index, "empty st "), Ids{});  // a space after it: the word "st"
    EXPECT_EQ(found(index, "empty state "), Ids{1});
    EXPECT_EQ(found(index, "onb"), (Ids{2, 1}));  // YNAB before Monzo; 1 by its tag
    EXPECT_EQ(found(index, "ONBOARDING BANK"), Ids{2});
    EXPECT_EQ(found(index, "bank onb"), Ids{2});
    EXPECT_EQ(found(index, "envelope nothing"), Ids{});
}

TEST(TasteLibrary, EveryKeystrokeOfAWordNarrowsTheResults) {
    const LibraryIndex index = index_of({january(), december()});
    std::size_t before = search(index, parse_query("")).total;
    EXPECT_EQ(before, 10u);  // January's 6 notes and its insight, December's 3 notes
    for (std::string typed : {"o", "on", "onb", "onbo", "onboa", "onboar", "onboard", "onboardi", "onboarding"}) {
        const std::size_t now = search(index, parse_query(typed)).total;
        EXPECT_LE(now, before) << typed;
        before = now;
    }
    EXPECT_EQ(found(index, "onboarding"), (Ids{2, 1, 11}));
}

TEST(TasteLibrary, AnyScriptWithoutCaseOrAccents) {
    const LibraryIndex index = index_of({january()});
    EXPECT_EQ(found(index, "zazolc GESLA wyszuk"), Ids{3});
    EXPECT_EQ(found(index, "Działa"), Ids{3});
    EXPECT_EQ(found(index, "ΑΝΑΖΗΤΗΣΗ σοφοσ"), Ids{4});
    EXPECT_EQ(found(index, "αργη"), Ids{4});
    EXPECT_EQ(found(index, "темная поиск"), Ids{5});
    EXPECT_EQ(found(index, "ТЁМН"), Ids{5});
}

TEST(TasteLibrary, JapaneseIsFoundAnywhereInTheText) {
    const LibraryIndex index = index_of({january()});
    EXPECT_EQ(found(index, "設定"), Ids{6});
    EXPECT_EQ(found(index, "画面"), Ids{6});
    EXPECT_EQ(found(index, "設定　分かりにくい"), Ids{6});  // an ideographic space between
    EXPECT_EQ(found(index, "検索"), Ids{});
}

TEST(TasteLibrary, TagsPraiseAppsAndCategoriesAreWordsToo) {
    const LibraryIndex index = index_of({january(), december()});
    EXPECT_EQ(found(index, "brilliant"), Ids{2});  // praise
    EXPECT_EQ(found(index, "dark mode"), Ids{5});  // a tag
    EXPECT_EQ(found(index, "copilot"), Ids{4});    // the app's name
    EXPECT_EQ(found(index, "revolut empty"), Ids{12});
    EXPECT_EQ(search(index, parse_query("budgeting")).total, 7u);  // January's category: 6 notes and the insight
}

TEST(TasteLibrary, InsightsAreFoundByTheirTextAndHaveTheirNotesKindsAndApps) {
    const LibraryIndex index = index_of({january()});
    const SearchResult r = search(index, parse_query("trust"));
    ASSERT_EQ(r.hits.size(), 1u);
    const LibraryHit& h = r.hits[0];
    EXPECT_TRUE(h.insight);
    EXPECT_EQ(h.record, 0x81u);
    EXPECT_EQ(h.author, kDee);
    EXPECT_EQ(h.app, kYnab);  // its first note's (2, bad, about YNAB, whose first stored picture is 0xA2)
    EXPECT_EQ(h.kind, Kind::Bad);
    EXPECT_EQ(h.screenshot, 0xA2u);
    EXPECT_EQ(found(index, "trust kind:good app:monzo"), Ids{0x81});  // note 1 is good, about Monzo
    EXPECT_EQ(found(index, "trust kind:bad"), Ids{0x81});             // note 2 is bad
    EXPECT_EQ(found(index, "trust app:ynab"), Ids{0x81});             // note 2 is about YNAB
    EXPECT_EQ(found(index, "trust kind:ugly"), Ids{});
}

// ---- filters ------------------------------------------------------------------------------------

TEST(TasteLibrary, TypedFilters) {
    const LibraryIndex index = index_of({january(), december()});
    EXPECT_EQ(found(index, "kind:bad"), (Ids{2, 0x81, 6, 12}));
    EXPECT_EQ(found(index, "kind:b onb"), Ids{2});
    EXPECT_EQ(found(index, "kind:bad,ugly app:ynab"), (Ids{2, 5, 0x81}));
    EXPECT_EQ(found(index, "app:pay"), Ids{11});  // the start of a word of "Google Pay"
    EXPECT_EQ(found(index, "app:\"google pay\" onboarding"), Ids{11});
    EXPECT_EQ(found(index, "app:\"google p"), Ids{11});  // the quote not closed yet
    EXPECT_EQ(found(index, "cat:bank"), (Ids{11, 12, 13}));
    EXPECT_EQ(found(index, "category:budget kind:good"), (Ids{3, 0x81, 1}));
    EXPECT_EQ(found(index, "tag:onboarding"), (Ids{0x81, 1, 11}));  // the insight has note 1's tags
    EXPECT_EQ(found(index, "tag:設定"), Ids{6});
    EXPECT_EQ(found(index, "by:ana"), (Ids{3, 1, 4, 12}));  // Ana, and the guest Anaïs
    EXPECT_EQ(found(index, "author:ANAIS"), Ids{4});
    EXPECT_EQ(found(index, "by:dee kind:good"), Ids{0x81});  // Dee wrote the insight
    EXPECT_EQ(found(index, "from:2027"), (Ids{3, 2, 5, 0x81, 1, 6, 4}));
    EXPECT_EQ(found(index, "to:2026"), (Ids{11, 12, 13}));
    EXPECT_EQ(found(index, "date:2026-12 search"), Ids{13});
    EXPECT_EQ(found(index, "from:2026-12-11 to:2027-01-14 search"), Ids{3});
    EXPECT_EQ(found(index, "from:2027-01-15"), Ids{});
}

TEST(TasteLibrary, FiltersBeingTypedAndFiltersThatCannotBe) {
    const LibraryIndex index = index_of({january(), december()});
    for (const char* typing : {"kind:", "app:", "from:", "from:202", "from:2026-", "from:2026-1", "to:2027-0"}) {
        const Query q = parse_query(typing);
        EXPECT_TRUE(q.problems.empty()) << typing;
        EXPECT_EQ(search(index, q).total, 10u) << typing;
    }
    Query q = parse_query("kind:nice from:2025-13 onboarding");
    ASSERT_EQ(q.problems.size(), 2u);
    EXPECT_EQ(q.problems[0], "kind:nice: a kind is good, bad or ugly.");
    EXPECT_EQ(q.problems[1], "from:2025-13: there is no such date.");
    EXPECT_EQ(search(index, q).total, 3u);  // the words still count
    EXPECT_EQ(parse_query("to:march").problems[0], "to:march: a date is written 2025, 2025-03 or 2025-03-14.");
    // An unknown key is words: "note: empty" looks for "note" and "empty".
    EXPECT_EQ(parse_query("note:empty").words, (std::vector<std::string>{"note", "empty"}));
}

TEST(TasteLibrary, ChosenFiltersAreWholeNames) {
    const LibraryIndex index = index_of({january(), december()});
    Filters chosen;
    chosen.authors = {"Ana"};
    EXPECT_EQ(found(index, "", chosen), (Ids{3, 1, 12}));  // not Anaïs
    chosen.kinds = {Kind::Good};
    EXPECT_EQ(found(index, "", chosen), (Ids{3, 1}));
    EXPECT_EQ(found(index, "kind:bad", chosen), Ids{});  // typed and chosen both hold
    Filters app;
    app.apps = {"google"};
    EXPECT_EQ(found(index, "", app), Ids{});
    app.apps = {"Google Pay", "YNAB"};
    EXPECT_EQ(found(index, "", app), (Ids{3, 2, 5, 0x81, 11}));
    Filters dates;
    dates.from = {2026, 12, 1};
    dates.to = {2026, 12, 31};
    EXPECT_EQ(found(index, "", dates), (Ids{11, 12, 13}));
    Filters tags;
    tags.tags = {"onboarding"};
    tags.categories = {"Budgeting apps"};
    EXPECT_EQ(found(index, "", tags), (Ids{0x81, 1}));
}

TEST(TasteLibrary, FilterChoicesAreTheNamesInUseOnce) {
    Session jan = january(), dec = december();
    jan.notes[0].tags.push_back("ONBOARDING");  // the same tag as note 1's "Onboarding"
    dec.plan.apps[1].name = "ynab";             // the same app as January's "YNAB"
    const FilterChoices c = filter_choices(std::vector<Session>{jan, dec}, team());
    EXPECT_EQ(c.categories, (std::vector<std::string>{"banking apps", "budgeting apps"}));
    EXPECT_EQ(c.apps, (std::vector<std::string>{"Copilot", "Google Pay", "Monzo", "N26", "YNAB"}));
    EXPECT_EQ(c.tags, (std::vector<std::string>{"dark mode", "Onboarding", "Search", "設定"}));
    // Fran wrote nothing; Dee wrote a note and the insight; the guest Anaïs a note.
    EXPECT_EQ(c.authors, (std::vector<std::string>{"Ana", "Anaïs", "Bo", "Cy", "Dee"}));
}

// ---- results ------------------------------------------------------------------------------------

TEST(TasteLibrary, NewestSessionFirstThenAppsThenKindsThenInsights) {
    const LibraryIndex index = index_of({december(), january()});
    // January: YNAB (good 3, bad 2, ugly 5, the insight), Monzo (good 1, bad 6), Copilot (ugly 4).
    EXPECT_EQ(found(index, ""), (Ids{3, 2, 5, 0x81, 1, 6, 4, 11, 12, 13}));
    const SearchResult r = search(index, parse_query(""));
    EXPECT_EQ(r.hits[0].session, 0x5E55u);
    EXPECT_EQ(r.hits.back().session, 0x5E54u);
    EXPECT_EQ(r.hits.back().date, (Date{2026, 12, 10}));
}

TEST(TasteLibrary, AHitSaysWhereToShowIt) {
    const LibraryIndex index = index_of({january()});
    const SearchResult r = search(index, parse_query("gave"));
    ASSERT_EQ(r.hits.size(), 1u);
    const LibraryHit want{0x5E55, 2, false, kYnab, Kind::Bad, kBo, {2027, 1, 14}, 0xA2};  // 0xA9 never arrived
    EXPECT_EQ(r.hits[0], want);
    EXPECT_EQ(search(index, parse_query("темная")).hits[0].screenshot, 0u);
}

TEST(TasteLibrary, ResultsAreCappedAndCounted) {
    std::vector<Session> sessions;
    for (int i = 0; i < 30; ++i) {
        Session s = january();
        s.plan.head.id = 1000 + std::uint64_t(i);
        for (Note& n : s.notes) n.head.id += std::uint64_t(i) * 100;
        sessions.push_back(s);
    }
    const LibraryIndex index = index_of(sessions);
    const SearchResult r = search(index, parse_query(""), 50);
    EXPECT_EQ(r.hits.size(), 50u);
    EXPECT_EQ(r.total, 30u * 7);
    EXPECT_EQ(search(index, parse_query("")).hits.size(), kMaxHits);
}

// ---- the wall -----------------------------------------------------------------------------------

TEST(TasteLibrary, TheWallShowsEachPictureOnceNewestFirst) {
    const LibraryIndex index = index_of({december(), january()});
    const Wall w = wall(index, parse_query(""));
    ASSERT_EQ(w.total, 4u);  // 0xA1 is in both sessions: shown once, with the newest
    const std::vector<WallPicture> want = {{0xA2, 2, 0x5E55, kYnab, {2027, 1, 14}},
                                           {0xA1, 1, 0x5E55, kMonzo, {2027, 1, 14}},
                                           {0xA3, 4, 0x5E55, kCopilot, {2027, 1, 14}},
                                           {0xB1, 11, 0x5E54, 201, {2026, 12, 10}}};
    EXPECT_EQ(w.pictures, want);
    EXPECT_EQ(wall(index, parse_query("kind:good")).total, 2u);  // 0xA1, 0xB1
    EXPECT_EQ(wall(index, parse_query("trust")).total, 0u);      // pictures are notes', not insights'
    EXPECT_EQ(wall(index, parse_query("kind:bad")).pictures[0].screenshot, 0xA2u);
    EXPECT_EQ(wall(index, parse_query(""), 1).pictures.size(), 1u);
}

// ---- deleted records ----------------------------------------------------------------------------

TEST(TasteLibrary, DeletedRecordsNeverAppear) {
    Session s = january();
    s.notes[1] = tombstone<Note>(2, {2, 9, kBo});            // "bank", with 0xA2
    s.praise[0].head.deleted = true;                         // "brilliant"
    s.insights[0] = tombstone<Insight>(0x81, {2, 9, kDee});  // "trust"
    s.notes[2].head.deleted = true;                          // a tombstone that kept its body: still gone
    s.guests[0].head.deleted = true;
    const LibraryIndex index = index_of({s});
    EXPECT_EQ(found(index, "bank"), Ids{});
    EXPECT_EQ(found(index, "brilliant"), Ids{});
    EXPECT_EQ(found(index, "trust"), Ids{});
    EXPECT_EQ(found(index, "zazolc"), Ids{});
    EXPECT_EQ(found(index, "by:anais"), Ids{});
    EXPECT_EQ(found(index, ""), (Ids{5, 1, 6, 4}));
    for (const WallPicture& p : wall(index, parse_query("")).pictures) EXPECT_NE(p.screenshot, 0xA2u);

    Session gone = december();
    gone.plan.head.deleted = true;
    EXPECT_TRUE(index_of({gone}).sessions.empty());
}

// ---- updates --------------------------------------------------------------------------------------

TEST(TasteLibrary, OneSessionIsIndexedAgainAlone) {
    LibraryIndex index = index_of({january()});
    EXPECT_EQ(found(index, "tap"), Ids{});
    index_session(index, december());  // added, in its place: older, so last
    EXPECT_EQ(found(index, "tap"), Ids{11});
    ASSERT_EQ(index.sessions.size(), 2u);
    EXPECT_EQ(index.sessions[1].id, 0x5E54u);

    Session changed = january();
    changed.notes[0].text = "A calmer first screen.";
    changed.notes[0].head.rev.counter = 2;
    index_session(index, changed);
    EXPECT_EQ(index.sessions.size(), 2u);
    EXPECT_EQ(found(index, "envelope"), Ids{});
    EXPECT_EQ(found(index, "calmer"), Ids{1});

    Session deleted = december();
    deleted.plan = tombstone<Plan>(0x5E54, {2, 9, kFacilitator});
    index_session(index, deleted);
    EXPECT_EQ(found(index, "tap"), Ids{});
    unindex_session(index, 0x5E55);
    EXPECT_TRUE(index.sessions.empty());
}

TEST(TasteLibrary, ARenamedMemberIsFoundByTheNewName) {
    LibraryIndex index = index_of({january()});
    Team t = team();
    t.members[1].name = "Anna";  // Ana
    index_team(index, t);
    EXPECT_EQ(found(index, "by:anna"), (Ids{3, 1}));
    EXPECT_EQ(found(index, "by:bo"), Ids{2});
}

// ---- open actions ---------------------------------------------------------------------------------

Action action(std::uint64_t id, std::uint64_t owner, ActionStatus status, Date due = {}) {
    Action a;
    a.head = {id, {1, 10, kFacilitator}, false};
    a.text = "Action " + std::to_string(id);
    a.owner = owner;
    a.status = status;
    a.due = due;
    return a;
}

std::vector<std::uint64_t> ids(const std::vector<OpenAction>& actions) {
    std::vector<std::uint64_t> out;
    for (const OpenAction& a : actions) out.push_back(a.action.head.id);
    return out;
}

TEST(TasteLibrary, OpenActionsComeBackByOwnerAndStatus) {
    Session jan = january(), dec = december(), gone = december();
    dec.actions = {action(1, kBo, ActionStatus::Open), action(2, kAna, ActionStatus::Doing),
                   action(3, kAna, ActionStatus::Done), action(4, 0, ActionStatus::Open),
                   action(5, kAna, ActionStatus::Dropped)};
    jan.actions = {action(6, kAna, ActionStatus::Open), action(7, kAna, ActionStatus::Open, {2027, 3, 1}),
                   action(8, kAna, ActionStatus::Open, {2027, 2, 1}), tombstone<Action>(9, {2, 11, kAna}),
                   action(10, kAna, ActionStatus::Doing)};
    jan.actions.back().head.deleted = true;
    gone.plan.head = {0x5E53, {2, 9, kFacilitator}, true};
    gone.actions = {action(11, kBo, ActionStatus::Open)};
    const std::vector<OwnerActions> owners = open_actions(std::vector<Session>{dec, gone, jan});
    ASSERT_EQ(owners.size(), 3u);
    EXPECT_EQ(owners[0].owner, kAna);                // 0x2222 < 0x3333; nobody last
    EXPECT_EQ(ids(owners[0].open), (Ids{8, 7, 6}));  // January, due first; then no due date
    EXPECT_EQ(ids(owners[0].doing), Ids{2});
    EXPECT_EQ(owners[0].doing[0].session, 0x5E54u);
    EXPECT_EQ(owners[0].doing[0].category, "banking apps");
    EXPECT_EQ(owners[0].doing[0].date, (Date{2026, 12, 10}));
    EXPECT_EQ(owners[1].owner, kBo);
    EXPECT_EQ(ids(owners[1].open), Ids{1});
    EXPECT_EQ(owners[2].owner, 0u);
    EXPECT_EQ(ids(owners[2].open), Ids{4});
    EXPECT_TRUE(open_actions(std::vector<Session>{}).empty());
}

// ---- against a plain scan ------------------------------------------------------------------------

// What search should find, read straight from the sessions with none of the index's machinery:
// the (session, record) of every note and insight that the query lets through.
struct Plain {
    std::uint64_t session = 0, record = 0;
    Date date;
    std::string words;  // " " + folded words + " "
    std::vector<Kind> kinds;
    std::vector<std::string> apps, tags, authors;  // folded names
    std::string category;
};

std::string plain_name(const std::string& name) {
    std::string f = fold_for_search(name);
    if (!f.empty()) f.pop_back();
    return f;
}

bool plain_name_passes(const std::string& name, const std::vector<std::string>& values, bool whole) {
    if (values.empty()) return true;
    for (const std::string& v : values) {
        const std::string value = plain_name(v);
        if (whole ? name == value : (" " + name).find(" " + value) != std::string::npos) return true;
    }
    return false;
}

// One of `names` passes both the typed and the chosen values, or neither has any.
bool plain_some_passes(const std::vector<std::string>& names, const std::vector<std::string>& typed,
                       const std::vector<std::string>& chosen) {
    if (typed.empty() && chosen.empty()) return true;
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
        return plain_name_passes(n, typed, false) && plain_name_passes(n, chosen, true);
    });
}

bool plain_passes(const Plain& e, const Query& q) {
    for (std::size_t i = 0; i < q.words.size(); ++i) {
        const std::string& w = q.words[i];
        const bool start = q.last_word_partial && i + 1 == q.words.size();
        const std::string look = is_unspaced(w) ? w : " " + w + (start ? "" : " ");
        if (e.words.find(look) == std::string::npos) return false;
    }
    const auto kind_in = [](Kind k, const std::vector<Kind>& ks) {
        return ks.empty() || std::count(ks.begin(), ks.end(), k);
    };
    const bool kinds_filtered = !q.typed.kinds.empty() || !q.chosen.kinds.empty();
    if (kinds_filtered && std::none_of(e.kinds.begin(), e.kinds.end(),
                                       [&](Kind k) { return kind_in(k, q.typed.kinds) && kind_in(k, q.chosen.kinds); }))
        return false;
    const auto after = [](const Date& d, const Date& from) { return from.year != 0 && d < from; };
    const auto before = [](const Date& d, const Date& to) { return to.year != 0 && d > to; };
    if (after(e.date, q.typed.from) || after(e.date, q.chosen.from) || before(e.date, q.typed.to) ||
        before(e.date, q.chosen.to))
        return false;
    return plain_some_passes(e.apps, q.typed.apps, q.chosen.apps) &&
           plain_some_passes(e.tags, q.typed.tags, q.chosen.tags) &&
           plain_some_passes({e.category}, q.typed.categories, q.chosen.categories) &&
           plain_some_passes(e.authors, q.typed.authors, q.chosen.authors);
}

std::vector<Plain> plain_entries(const std::vector<Session>& sessions, const Team& t) {
    std::vector<Plain> out;
    for (const Session& s : sessions) {
        if (s.plan.head.deleted) continue;
        const auto app_name = [&](std::uint64_t id) {
            for (const App& a : s.plan.apps)
                if (a.id == id) return std::optional(plain_name(a.name));
            return std::optional<std::string>();
        };
        const auto names_of = [&](std::uint64_t id) {
            std::vector<std::string> names;
            for (const Member& m : t.members)
                if (m.head.id == id && !m.head.deleted) names.push_back(plain_name(m.name));
            for (const Guest& g : s.guests)
                if (g.head.id == id && !g.head.deleted) names.push_back(plain_name(g.name));
            return names;
        };
        const auto live_note = [&](std::uint64_t id) -> const Note* {
            for (const Note& n : s.notes)
                if (n.head.id == id && !n.head.deleted) return &n;
            return nullptr;
        };
        const std::string category = plain_name(s.plan.category);
        for (const Note& n : s.notes) {
            if (n.head.deleted) continue;
            Plain e{s.plan.head.id,     n.head.id, s.plan.date, " " + fold_for_search(n.text), {n.kind}, {}, {},
                    names_of(n.author), category};
            for (const Praise& p : s.praise)
                if (p.note == n.head.id && !p.head.deleted) e.words += fold_for_search(p.words);
            for (const std::string& tag : n.tags) e.words += fold_for_search(tag), e.tags.push_back(plain_name(tag));
            if (const auto name = app_name(n.app)) e.apps.push_back(*name), e.words += *name + " ";
            e.words += category + " ";
            out.push_back(e);
        }
        for (const Insight& i : s.insights) {
            if (i.head.deleted) continue;
            Plain e{s.plan.head.id,
                    i.head.id,
                    s.plan.date,
                    " " + fold_for_search(i.text),
                    {},
                    {},
                    {},
                    names_of(i.head.rev.author),
                    category};
            for (std::uint64_t id : i.notes)
                if (const Note* n = live_note(id)) {
                    e.kinds.push_back(n->kind);
                    for (const std::string& tag : n->tags) e.tags.push_back(plain_name(tag));
                    if (const auto name = app_name(n->app)) e.apps.push_back(*name), e.words += *name + " ";
                }
            e.words += category + " ";
            out.push_back(e);
        }
    }
    return out;
}

template <std::size_t N>
const char* any_of(Rng& rng, const char* const (&list)[N]) {
    return list[rng.below(int(N))];
}

const char* const kWords[] = {"alpha", "alps", "Alpha!", "beta", "bet", "Łódź", "lodz", "ελληνικά", "設定画面", "画面"};
const char* const kAppNames[] = {"YNAB", "You Need", "Google Pay", "Monzo"};
const char* const kTagNames[] = {"onboarding", "on", "Search", "設定"};
const char* const kPeople[] = {"Ana", "Anaïs", "Bo", "Cy"};

std::string random_text(Rng& rng) {
    std::string text;
    for (int i = rng.below(5); i > 0; --i) text += std::string(any_of(rng, kWords)) + (rng.below(3) ? " " : ", ");
    return text;
}

Session random_session(Rng& rng, std::uint64_t id) {
    Session s;
    s.plan.head = {id, {1, 1, kFacilitator}, rng.below(8) == 0};
    s.plan.date = {std::int16_t(2026 + rng.below(2)), std::uint8_t(1 + rng.below(12)), 10};
    s.plan.category = rng.below(2) ? "budgeting apps" : "banking";
    for (std::uint64_t a = 1; a <= 3; ++a)
        s.plan.apps.push_back({id * 10 + a, any_of(rng, kAppNames), Platform::Web, ""});
    if (rng.below(2)) s.guests = {member(0x9000 + id, "Anaïs", Role::Other)};
    const std::uint64_t authors[] = {kAna, kBo, kCy, 0x9000 + id, 0x1234};
    for (std::uint64_t n = 1; n <= std::uint64_t(rng.below(12)); ++n) {
        Note note;
        note.head = {id * 100 + n, {1, rng.below(5), kAna}, rng.below(6) == 0};
        note.app = id * 10 + std::uint64_t(rng.below(4));  // sometimes an app the plan does not have
        note.author = authors[rng.below(5)];
        note.kind = Kind(rng.below(3));
        note.text = random_text(rng);
        for (int t = rng.below(3); t > 0; --t) note.tags.push_back(any_of(rng, kTagNames));
        s.notes.push_back(note);
        if (rng.below(4) == 0)
            s.praise.push_back({{id * 100 + 50 + n, {1, 1, kBo}, rng.below(3) == 0}, note.head.id, kBo, "beta"});
    }
    for (std::uint64_t i = 1; i <= std::uint64_t(rng.below(3)); ++i) {
        Insight insight{{id * 100 + 90 + i, {1, 3, authors[rng.below(5)]}, rng.below(6) == 0}, random_text(rng), {}};
        for (int k = rng.below(3); k > 0; --k) insight.notes.push_back(id * 100 + 1 + std::uint64_t(rng.below(12)));
        s.insights.push_back(insight);
    }
    return s;
}

std::string random_query(Rng& rng, Filters& chosen) {
    std::string q;
    for (int i = rng.below(4); i > 0; --i) {
        switch (rng.below(9)) {
            case 0: q += std::string("kind:") + (rng.below(2) ? "b" : "good,ugly"); break;
            case 1: q += std::string("app:\"") + std::string(any_of(rng, kAppNames)).substr(0, 3) + "\""; break;
            case 2: q += std::string("tag:") + any_of(rng, kTagNames); break;
            case 3: q += std::string("by:") + any_of(rng, kPeople); break;
            case 4: q += rng.below(2) ? "from:2027" : "to:2026-06"; break;
            case 5: q += "cat:bank"; break;
            default: {
                const std::string w = any_of(rng, kWords);
                q += rng.below(2) ? w : w.substr(0, 1 + std::size_t(rng.below(int(w.size()))));
            }
        }
        q += ' ';
    }
    if (rng.below(2)) q.pop_back();  // the last word still being typed
    chosen = {};
    if (rng.below(4) == 0) chosen.kinds = {Kind(rng.below(3))};
    if (rng.below(4) == 0) chosen.apps = {any_of(rng, kAppNames)};
    if (rng.below(4) == 0) chosen.authors = {any_of(rng, kPeople)};
    if (rng.below(4) == 0) chosen.tags = {any_of(rng, kTagNames)};
    if (rng.below(6) == 0) chosen.from = {2026, 7, 1};
    return q;
}

TEST(TasteLibrary, FindsWhatAPlainScanFinds) {
    Rng rng(2027);
    for (int round = 0; round < 200; ++round) {
        std::vector<Session> sessions;
        for (std::uint64_t id = 1; id <= std::uint64_t(1 + rng.below(4)); ++id)
            sessions.push_back(random_session(rng, id));
        LibraryIndex index = index_of({});
        for (const Session& s : sessions) index_session(index, s);  // one at a time, as the app updates it
        const std::vector<Plain> plain = plain_entries(sessions, team());
        for (int i = 0; i < 20; ++i) {
            Filters chosen;
            const std::string text = random_query(rng, chosen);
            const Query q = parse_query(text, chosen);
            std::vector<std::pair<std::uint64_t, std::uint64_t>> want, got;
            for (const Plain& e : plain)
                if (plain_passes(e, q)) want.emplace_back(e.session, e.record);
            const SearchResult r = search(index, q, SIZE_MAX);
            for (const LibraryHit& h : r.hits) got.emplace_back(h.session, h.record);
            for (std::size_t h = 1; h < r.hits.size(); ++h) EXPECT_GE(r.hits[h - 1].date, r.hits[h].date) << text;
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            EXPECT_EQ(got, want) << "query: " << text;
            EXPECT_EQ(r.total, want.size());
        }
    }
}

// ---- outside input --------------------------------------------------------------------------------

TEST(TasteLibrary, AnyQueryIsRead) {
    const LibraryIndex index = index_of({january(), december()});
    const std::string long_query(5000, 'e');
    EXPECT_EQ(parse_query(long_query).words[0].size(), kMaxQueryBytes);
    const std::string greek = std::string(999, 'x') + "λ";  // cut before the λ, not inside it
    EXPECT_EQ(parse_query(greek).words[0].size(), 999u);
    Rng rng(5);
    const std::string pieces[] = {"kind:", "app:", "\"",   ",",     " ",    "by:", "from:", "-",           "2027",
                                  "on",    "設定", "\xFF", "date:", "tag:", ":",   "ł",     "\xE3\x80\x80"};
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        for (int j = rng.below(8); j > 0; --j) text += pieces[rng.below(int(std::size(pieces)))];
        const Query q = parse_query(text);
        const SearchResult r = search(index, q);
        EXPECT_LE(r.hits.size(), r.total);
        EXPECT_LE(wall(index, q).total, 5u);
    }
}

}  // namespace
}  // namespace loupe::taste
