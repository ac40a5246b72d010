// library.h — the library of every session: search as you type, the screenshot wall, and the
// open action items that come back at the next session.
//   the index · queries · search and the wall · open actions
//
// The app keeps every session in memory; the index is made from them once and one session's
// part is made again when that session changes (index_session: 2 ms natively for 330 notes),
// so a keystroke only reads it. Deleted records (tombstones) and deleted sessions are
// left out of the index, so they never appear in a search, on the wall or among the actions.
//
// What is searched: a note's text, its tags, the words of the praise it got, its app's name and
// its session's category; an insight's text and the names of its notes' apps and category.
// An insight is found through its notes too: a kind, app or tag filter lets it through when one
// of its notes' kinds (apps, tags) passes every filter of that sort; its author is its writer.
// Words are compared folded (fold.h: no case, no accents, any script). Every typed word must be
// found as a whole word, except the last one while it is being typed (no space after it yet),
// which may be the start of a word: "empty st" finds "empty state". In scripts written without
// spaces (Japanese, Chinese, Thai...) a typed run is looked for anywhere in the text instead,
// since there are no words to match: "設定" finds "アプリの設定画面".
//
// The query a user types: words and filters, in any order, e.g.  kind:bad app:ynab onboar
//   kind:bad   kind:bad,ugly      good, bad or ugly; a start is enough (kind:b)
//   app:ynab   app:"google pay"   the app's name, or the start of a word of it (app:pay)
//   category:budget   cat:budget  the session's category, likewise
//   tag:onboarding                one of a note's tags, likewise (an insight has its notes' tags)
//   by:ana   author:ana           who wrote the note or insight, likewise
//   from:2025   to:2026-06   date:2025-03   the session's date, inclusive: a year or a month
//                                 counts whole; date: is from: and to: at once
// Commas give alternatives within a filter; different filters and all the words must hold.
// Quotes hold a value with spaces. An unknown key ("note:") is just words; a filter with no
// value yet ("kind:") is ignored while it is being typed; a value that cannot be ("kind:nice",
// "from:2025-13") is ignored and said in Query::problems, to show under the search field.
// The UI's buttons set the same filters in a Filters struct (Query::chosen), whose names are
// whole names ("Ana" is Ana, not Anaïs); they and the typed ones must all hold.
//
// Results come newest session first (date, then id), then in the plan's order of apps (an
// insight with the first of its notes' apps), then good, bad, ugly, insights, each in the order
// written (time of the last edit, then id); at most max_hits of them, with the
// count of all, so a frame never draws 20,000 rows.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/taste/records.h"

namespace loupe::taste {

// ---- the index -------------------------------------------------------------------------------

// Someone who may have written a note: a member of the team or a session's guest.
struct LibraryPerson {
    std::uint64_t id = 0;
    std::string name;  // folded (fold.h), as every string in the index
};

// A note or an insight, as search reads it. Ranges index the arrays of its LibrarySession.
struct LibraryEntry {
    std::uint64_t record = 0;  // Note::head.id or Insight::head.id
    bool insight = false;
    Kind kind = Kind::Good;    // an insight's: its first note's
    std::uint8_t kinds = 0;    // one bit per Kind; an insight has its notes' kinds (none: any kind filter drops it)
    std::uint64_t app = 0;     // App::id; an insight's: its first note's; 0: none
    std::uint64_t author = 0;  // a member's or guest's id; an insight's: its last editor
    std::uint32_t apps_begin = 0, apps_end = 0;          // entry_apps: places in LibrarySession::apps
    std::uint32_t tags_begin = 0, tags_end = 0;          // entry_tags: places in LibrarySession::tags
    std::uint32_t pictures_begin = 0, pictures_end = 0;  // pictures the session has, in the notes' order
    std::uint32_t unspaced_begin = 0, unspaced_end = 0;  // its folded text in unspaced scripts
};

// A folded word and the entries that have it: postings[postings_begin, postings_end), ascending.
struct LibraryWord {
    std::uint32_t spelling_begin = 0, spelling_end = 0;
    std::uint32_t postings_begin = 0, postings_end = 0;
};

struct LibraryPicture {
    std::uint64_t screenshot = 0, note = 0, app = 0;  // the note that has it, and its app
};

struct LibraryApp {
    std::uint64_t id = 0;
    std::string name;
};

// One session's part of the index, made from that session alone (index_session).
struct LibrarySession {
    std::uint64_t id = 0;  // Plan::head.id
    Date date;
    std::string category;
    std::vector<LibraryApp> apps;  // the plan's, in its order; notes about another app have place apps.size()
    std::vector<LibraryPerson> guests;
    std::vector<std::string> tags;      // every tag used, once
    std::vector<LibraryEntry> entries;  // in the order results are shown
    std::vector<std::uint32_t> entry_apps, entry_tags;
    std::vector<LibraryPicture> pictures;
    std::string unspaced;
    std::vector<LibraryWord> words;  // sorted by spelling
    std::string spelling;
    std::vector<std::uint32_t> postings;
};

struct LibraryIndex {
    std::vector<LibrarySession> sessions;  // newest first: date, then id, both descending
    std::vector<LibraryPerson> members;    // the team's
};

LibraryIndex make_library_index(std::span<const Session> sessions, const Team& team);
// Adds the session or makes its part again; a deleted session (plan tombstone) is removed.
void index_session(LibraryIndex& index, const Session& session);
void unindex_session(LibraryIndex& index, std::uint64_t session);
// After a change to the team: members' names (a guest's are in their session).
void index_team(LibraryIndex& index, const Team& team);

// ---- queries ---------------------------------------------------------------------------------

// Empty lists and year-0 dates filter nothing; within a list any value will do.
struct Filters {
    std::vector<Kind> kinds;
    std::vector<std::string> apps, categories, tags, authors;  // names, as people see them
    Date from, to;                                             // inclusive
    bool operator==(const Filters&) const = default;
};

struct Query {
    std::vector<std::string> words;     // folded; unspaced runs among them are looked for anywhere
    bool last_word_partial = false;     // the last word may be the start of a word
    Filters typed;                      // from the text: names match at the start of any of their words
    Filters chosen;                     // from the UI's buttons: whole names
    std::vector<std::string> problems;  // sentences: "kind:nice: a kind is good, bad or ugly."
};

constexpr std::size_t kMaxQueryBytes = 1000;  // longer text is cut (between characters)

Query parse_query(std::string_view text, const Filters& chosen = {});

// What the UI's filter buttons can offer: every name in use, as first written, once per folded
// spelling ("YNAB" and "ynab" are one app), in folded order; people who wrote a note or insight.
struct FilterChoices {
    std::vector<std::string> categories, apps, tags, authors;
};
FilterChoices filter_choices(std::span<const Session> sessions, const Team& team);

// ---- search and the wall ---------------------------------------------------------------------

// Enough for the UI to show the note with its app, session and screenshot.
struct LibraryHit {
    std::uint64_t session = 0;
    std::uint64_t record = 0;  // a Note's id, or an Insight's when `insight`
    bool insight = false;
    std::uint64_t app = 0;
    Kind kind = Kind::Good;
    std::uint64_t author = 0;
    Date date;                     // the session's
    std::uint64_t screenshot = 0;  // the first of the note's (insight's notes') pictures the session has; 0: none
    bool operator==(const LibraryHit&) const = default;
};

struct SearchResult {
    std::vector<LibraryHit> hits;  // the first max_hits, in order
    std::size_t total = 0;         // every match
};

constexpr std::size_t kMaxHits = 200;
SearchResult search(const LibraryIndex& index, const Query& query, std::size_t max_hits = kMaxHits);

// A picture of a note that the query finds. Pictures are notes': an insight found shows its
// notes' pictures only where those notes are found too.
struct WallPicture {
    std::uint64_t screenshot = 0, note = 0, session = 0, app = 0;
    Date date;
    bool operator==(const WallPicture&) const = default;
};

struct Wall {
    std::vector<WallPicture> pictures;  // newest session first, each picture once, the first max_pictures
    std::size_t total = 0;
};

constexpr std::size_t kMaxWallPictures = 200;
Wall wall(const LibraryIndex& index, const Query& query, std::size_t max_pictures = kMaxWallPictures);

// ---- open actions ----------------------------------------------------------------------------

struct OpenAction {
    std::uint64_t session = 0;
    Date date;             // the session's
    std::string category;  // the session's
    Action action;
};

// One owner's actions still to do; owner 0 is "nobody yet". Each list newest session first,
// then by due date (none last), then id.
struct OwnerActions {
    std::uint64_t owner = 0;
    std::vector<OpenAction> doing, open;
};

// Owners by id, nobody last. Done, dropped and deleted actions, and deleted sessions, never.
std::vector<OwnerActions> open_actions(std::span<const Session> sessions);

}  // namespace loupe::taste
