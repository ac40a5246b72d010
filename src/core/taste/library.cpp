// library.cpp — the library's index, search, wall and open actions (see library.h).
//   folded names · one session's part of the index · the index · reading a query ·
//   filter choices · matching · search and the wall · open actions
#include "core/taste/library.h"

#include <algorithm>
#include <bit>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/shared/fold.h"
#include "core/shared/sorting.h"
#include "core/shared/text.h"
#include "core/taste/formats.h"

namespace loupe::taste {
namespace {

// ---- folded names ------------------------------------------------------------------------------

// A name folded, its words separated by single spaces: "Google  Pay!" -> "google pay".
std::string folded_name(std::string_view name) {
    std::string out = fold_for_search(name);
    if (!out.empty()) out.pop_back();
    return out;
}

// A typed value matches a name when the name, or one of its words, starts with it; a chosen
// one only when it is the whole name. Both are folded.
bool name_matches(std::string_view name, std::string_view value, bool whole) {
    if (whole) return name == value;
    for (std::size_t at = 0; at <= name.size();) {
        if (name.substr(at).starts_with(value)) return true;
        const std::size_t space = name.find(' ', at);
        if (space == std::string_view::npos) break;
        at = space + 1;
    }
    return false;
}

// Calls visit(word) for each word of a folded text (fold_for_search: each word ends with a space).
template <class Visit>
void for_each_word(std::string_view folded, Visit visit) {
    for (std::size_t end; (end = folded.find(' ')) != std::string_view::npos; folded.remove_prefix(end + 1))
        visit(folded.substr(0, end));
}

template <class T>
std::vector<const T*> live_by_id(const std::vector<T>& records) {
    std::vector<const T*> out;
    for (const T& r : records)
        if (!r.head.deleted) out.push_back(&r);
    sort_stable(out, [](const T* a, const T* b) { return a->head.id < b->head.id; });
    return out;
}

// The place of record `id` in `sorted` (live_by_id), or sorted.size() when it has none.
template <class T>
std::size_t place_by_id(const std::vector<const T*>& sorted, std::uint64_t id) {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), id,
                                     [](const T* r, std::uint64_t key) { return r->head.id < key; });
    return it != sorted.end() && (*it)->head.id == id ? std::size_t(it - sorted.begin()) : sorted.size();
}

// ---- one session's part of the index ------------------------------------------------------------

// An entry before it has its place among the others.
struct Draft {
    LibraryEntry entry;
    std::uint32_t place = 0;  // its (first) app's place in the plan
    std::uint8_t rank = 0;    // good, bad, ugly, then insights
    std::int64_t time = 0;
    std::string words;  // folded: what search finds it by
    std::vector<std::uint32_t> apps, tags;
    std::vector<LibraryPicture> pictures;
};

std::uint32_t app_place(const LibrarySession& s, std::uint64_t app) {
    for (std::size_t i = 0; i < s.apps.size(); ++i)
        if (s.apps[i].id == app) return std::uint32_t(i);
    return std::uint32_t(s.apps.size());
}

std::uint32_t tag_place(const LibrarySession& s, const std::string& folded) {
    return std::uint32_t(std::lower_bound(s.tags.begin(), s.tags.end(), folded) - s.tags.begin());
}

void add_unique(std::vector<std::uint32_t>& to, std::uint32_t value) {
    if (std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
}

// The words of a note or insight: its own, then its app's name and its session's category.
std::string words_of(std::string_view text, const LibrarySession& s, const std::vector<std::uint32_t>& apps) {
    std::string out = fold_for_search(text);
    for (std::uint32_t place : apps)
        if (place < s.apps.size()) out += s.apps[place].name + ' ';
    return out + s.category + ' ';
}

Draft note_draft(const Note& note, const LibrarySession& s, const std::vector<std::uint64_t>& stored_pictures,
                 const std::string& praise_words) {
    Draft d;
    d.entry.record = note.head.id;
    d.entry.kind = note.kind;
    d.entry.kinds = std::uint8_t(1u << std::uint8_t(note.kind));
    d.entry.app = note.app;
    d.entry.author = note.author;
    d.place = app_place(s, note.app);
    d.rank = std::uint8_t(note.kind);
    d.time = note.head.rev.time;
    d.apps = {d.place};
    std::string text = note.text + ' ' + praise_words;
    for (const std::string& tag : note.tags) {
        add_unique(d.tags, tag_place(s, folded_name(tag)));
        text += ' ' + tag;
    }
    for (std::uint64_t picture : note.screenshots)
        if (std::binary_search(stored_pictures.begin(), stored_pictures.end(), picture))
            d.pictures.push_back({picture, note.head.id, note.app});
    d.words = words_of(text, s, d.apps);
    return d;
}

// An insight takes its apps, kinds, tags and pictures from the notes it explains.
Draft insight_draft(const Insight& insight, const std::vector<const Draft*>& notes, const LibrarySession& s) {
    Draft d;
    d.entry.record = insight.head.id;
    d.entry.insight = true;
    d.entry.author = insight.head.rev.author;
    d.place = std::uint32_t(s.apps.size());
    d.rank = 3;
    d.time = insight.head.rev.time;
    if (!notes.empty()) {
        d.entry.kind = notes[0]->entry.kind;
        d.entry.app = notes[0]->entry.app;
    }
    for (const Draft* note : notes) {
        d.entry.kinds |= note->entry.kinds;
        d.place = std::min(d.place, note->place);
        add_unique(d.apps, note->place);
        for (std::uint32_t tag : note->tags) add_unique(d.tags, tag);
        for (const LibraryPicture& p : note->pictures)
            if (std::none_of(d.pictures.begin(), d.pictures.end(),
                             [&](const LibraryPicture& q) { return q.screenshot == p.screenshot; }))
                d.pictures.push_back(p);
    }
    d.words = words_of(insight.text, s, d.apps);
    return d;
}

// Every tag of the live notes, folded, once.
std::vector<std::string> session_tags(const std::vector<const Note*>& notes) {
    std::vector<std::string> tags;
    for (const Note* n : notes)
        for (const std::string& tag : n->tags) tags.push_back(folded_name(tag));
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

std::vector<Draft> drafts_of(const Session& session, const LibrarySession& s) {
    const auto notes = live_by_id(session.notes);
    std::vector<std::uint64_t> stored_pictures;
    for (const Screenshot& p : session.screenshots) stored_pictures.push_back(p.id);
    std::sort(stored_pictures.begin(), stored_pictures.end());
    std::vector<std::string> praise(notes.size() + 1);  // the last gathers praise of notes not here
    for (const Praise& p : session.praise)
        if (!p.head.deleted) praise[place_by_id(notes, p.note)] += p.words + ' ';

    std::vector<Draft> drafts;
    drafts.reserve(notes.size() + session.insights.size());  // `explained` points into it
    for (std::size_t i = 0; i < notes.size(); ++i)
        drafts.push_back(note_draft(*notes[i], s, stored_pictures, praise[i]));
    for (const Insight* insight : live_by_id(session.insights)) {
        std::vector<const Draft*> explained;
        for (std::uint64_t id : insight->notes)
            if (const std::size_t i = place_by_id(notes, id); i < notes.size()) explained.push_back(&drafts[i]);
        drafts.push_back(insight_draft(*insight, explained, s));
    }
    std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
        return std::tie(a.place, a.rank, a.time, a.entry.record) < std::tie(b.place, b.rank, b.time, b.entry.record);
    });
    return drafts;
}

template <class T>
std::uint32_t append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
    return std::uint32_t(to.size());
}

// The words of every entry, sorted, each with the entries that have it. Words are gathered by
// hashing, and only the distinct ones sorted: sorting every (word, entry) pair took 3 ms a session.
void make_words(LibrarySession& s, const std::vector<Draft>& drafts) {
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::vector<std::string_view> spellings;
    std::vector<std::vector<std::uint32_t>> postings;  // by id, ascending: entries come in order
    for (std::uint32_t e = 0; e < drafts.size(); ++e) {
        for_each_word(drafts[e].words, [&](std::string_view word) {
            if (is_unspaced(word)) return;
            const auto [it, added] = ids.try_emplace(word, std::uint32_t(spellings.size()));
            if (added) {
                spellings.push_back(word);
                postings.emplace_back();
            }
            if (postings[it->second].empty() || postings[it->second].back() != e) postings[it->second].push_back(e);
        });
    }
    std::vector<std::uint32_t> order(spellings.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return spellings[a] < spellings[b]; });
    for (std::uint32_t id : order) {
        const auto spelling = std::uint32_t(s.spelling.size()), first = std::uint32_t(s.postings.size());
        s.spelling += spellings[id];
        s.postings.insert(s.postings.end(), postings[id].begin(), postings[id].end());
        s.words.push_back({spelling, std::uint32_t(s.spelling.size()), first, std::uint32_t(s.postings.size())});
    }
}

LibrarySession session_part(const Session& session) {
    LibrarySession s;
    s.id = session.plan.head.id;
    s.date = session.plan.date;
    s.category = folded_name(session.plan.category);
    for (const App& app : session.plan.apps) s.apps.push_back({app.id, folded_name(app.name)});
    for (const Guest* g : live_by_id(session.guests)) s.guests.push_back({g->head.id, folded_name(g->name)});
    s.tags = session_tags(live_by_id(session.notes));

    const std::vector<Draft> drafts = drafts_of(session, s);
    for (const Draft& d : drafts) {
        LibraryEntry e = d.entry;
        e.apps_begin = std::uint32_t(s.entry_apps.size());
        e.apps_end = append(s.entry_apps, d.apps);
        e.tags_begin = std::uint32_t(s.entry_tags.size());
        e.tags_end = append(s.entry_tags, d.tags);
        e.pictures_begin = std::uint32_t(s.pictures.size());
        e.pictures_end = append(s.pictures, d.pictures);
        e.unspaced_begin = std::uint32_t(s.unspaced.size());
        for_each_word(d.words, [&](std::string_view word) {
            if (is_unspaced(word)) s.unspaced.append(word).push_back(' ');
        });
        e.unspaced_end = std::uint32_t(s.unspaced.size());
        s.entries.push_back(e);
    }
    make_words(s, drafts);
    return s;
}

bool newer(const LibrarySession& a, const LibrarySession& b) { return std::tie(a.date, a.id) > std::tie(b.date, b.id); }

}  // namespace

// ---- the index -----------------------------------------------------------------------------------

LibraryIndex make_library_index(std::span<const Session> sessions, const Team& team) {
    LibraryIndex index;
    index_team(index, team);
    for (const Session& session : sessions)
        if (!session.plan.head.deleted) index.sessions.push_back(session_part(session));
    sort_stable(index.sessions, newer);
    return index;
}

void index_session(LibraryIndex& index, const Session& session) {
    unindex_session(index, session.plan.head.id);
    if (session.plan.head.deleted) return;
    LibrarySession part = session_part(session);
    const auto at = std::lower_bound(index.sessions.begin(), index.sessions.end(), part, newer);
    index.sessions.insert(at, std::move(part));
}

void unindex_session(LibraryIndex& index, std::uint64_t session) {
    std::erase_if(index.sessions, [&](const LibrarySession& s) { return s.id == session; });
}

void index_team(LibraryIndex& index, const Team& team) {
    index.members.clear();
    for (const Member& m : team.members)
        if (!m.head.deleted) index.members.push_back({m.head.id, folded_name(m.name)});
}

// ---- reading a query -----------------------------------------------------------------------------

namespace {

enum class Key : std::uint8_t { Kind, App, Category, Tag, Author, From, To, Date };

struct KeyName {
    std::string_view name;
    Key key;
};
constexpr KeyName kKeys[] = {{"kind", Key::Kind},     {"app", Key::App},   {"category", Key::Category},
                             {"cat", Key::Category},  {"tag", Key::Tag},   {"by", Key::Author},
                             {"author", Key::Author}, {"from", Key::From}, {"to", Key::To},
                             {"date", Key::Date}};

// The length of the space at text[at]: ASCII spaces, and the no-break and ideographic spaces
// (a Japanese input method types the latter); 0 for anything else.
std::size_t space_length(std::string_view text, std::size_t at) {
    const std::string_view rest = text.substr(at);
    if (rest.empty()) return 0;
    if (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r') return 1;
    if (rest.starts_with("\xC2\xA0")) return 2;
    if (rest.starts_with("\xE3\x80\x80")) return 3;
    return 0;
}

const KeyName* key_of(std::string_view word) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    for (const KeyName& k : kKeys)
        if (std::equal(word.begin(), word.end(), k.name.begin(), k.name.end(),
                       [&](char a, char b) { return lower(a) == b; }))
            return &k;
    return nullptr;
}

// A filter's key and value, or text. A value in quotes runs to the closing quote (or to the end
// while it is being typed), spaces and all.
struct Token {
    const KeyName* key = nullptr;
    std::string_view text, value;
};

// The token that starts at text[at]; moves `at` past it.
Token next_token(std::string_view text, std::size_t& at) {
    const std::size_t start = at;
    while (at < text.size() && space_length(text, at) == 0 && text[at] != ':') ++at;
    Token t;
    if (at < text.size() && text[at] == ':') t.key = key_of(text.substr(start, at - start));
    if (t.key && at + 1 < text.size() && text[at + 1] == '"') {
        const std::size_t open = at + 2, close = std::min(text.find('"', open), text.size());
        t.value = text.substr(open, close - open);
        at = std::min(close + 1, text.size());
    } else {
        const std::size_t value = at + 1;
        while (at < text.size() && space_length(text, at) == 0) ++at;
        if (t.key) t.value = text.substr(value, at - value);
    }
    t.text = text.substr(start, at - start);
    return t;
}

std::vector<std::string_view> alternatives(std::string_view value) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at <= value.size();) {
        const std::size_t comma = std::min(value.find(',', at), value.size());
        if (comma > at) out.push_back(value.substr(at, comma - at));
        at = comma + 1;
    }
    return out;
}

void read_kinds(Query& q, std::string_view value) {
    for (std::string_view part : alternatives(value)) {
        const std::string folded = folded_name(part);
        if (folded.empty()) continue;
        bool known = false;
        for (std::uint8_t k = 0; k <= kLastKind; ++k)
            if (std::string_view(kind_name(Kind(k))).starts_with(folded)) {
                known = true;
                if (std::find(q.typed.kinds.begin(), q.typed.kinds.end(), Kind(k)) == q.typed.kinds.end())
                    q.typed.kinds.push_back(Kind(k));
            }
        if (!known) q.problems.push_back("kind:" + std::string(part) + ": a kind is good, bad or ugly.");
    }
}

void read_names(std::vector<std::string>& into, std::string_view value) {
    for (std::string_view part : alternatives(value))
        if (!folded_name(part).empty()) into.emplace_back(part);
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view digits) {
    int n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

// "2025", "2025-03" or "2025-03-14" as its first day, or its last when `last`. A date still being
// typed ("202", "2025-", "2025-0") is empty, with no problem; one that cannot be is a problem.
Result<Date> read_date(std::string_view text, bool last) {
    std::vector<std::string_view> parts;
    for (std::size_t at = 0; at <= text.size() && parts.size() <= 3;) {
        const std::size_t dash = std::min(text.find('-', at), text.size());
        parts.push_back(text.substr(at, dash - at));
        at = dash + 1;
    }
    if (parts.size() > 1 && (parts.back().empty() || parts.back() == "0")) parts.pop_back();  // being typed
    const bool digits =
        std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return !p.empty() && all_digits(p); });
    if (!digits || parts.size() > 3 || parts[0].size() > 4 || (parts.size() > 1 && parts[0].size() < 4) ||
        std::any_of(parts.begin() + 1, parts.end(), [](std::string_view p) { return p.size() > 2; }))
        return failure<Date>("a date is written 2025, 2025-03 or 2025-03-14.");
    if (parts[0].size() < 4) return Date{};
    Date d{std::int16_t(number(parts[0])), std::uint8_t(last ? 12 : 1), std::uint8_t(last ? 31 : 1)};
    if (parts.size() > 1) d.month = std::uint8_t(number(parts[1]));
    if (parts.size() > 2) d.day = std::uint8_t(number(parts[2]));
    const Date check{d.year, d.month, parts.size() > 2 ? d.day : std::uint8_t(1)};
    if (!valid_date(check)) return failure<Date>("there is no such date.");
    return d;
}

void narrow_from(Date& from, const Date& d) {
    if (d.year != 0 && (from.year == 0 || d > from)) from = d;
}
void narrow_to(Date& to, const Date& d) {
    if (d.year != 0 && (to.year == 0 || d < to)) to = d;
}

void read_dates(Query& q, const Token& t) {
    const Key key = t.key->key;
    if (t.value.empty()) return;
    const Result<Date> first = read_date(t.value, false), last = read_date(t.value, true);
    if (!first) return q.problems.push_back(std::string(t.text) + ": " + first.error());
    if (key != Key::To) narrow_from(q.typed.from, *first);
    if (key != Key::From) narrow_to(q.typed.to, *last);
}

void read_filter(Query& q, const Token& t) {
    switch (t.key->key) {
        case Key::Kind: return read_kinds(q, t.value);
        case Key::App: return read_names(q.typed.apps, t.value);
        case Key::Category: return read_names(q.typed.categories, t.value);
        case Key::Tag: return read_names(q.typed.tags, t.value);
        case Key::Author: return read_names(q.typed.authors, t.value);
        case Key::From:
        case Key::To:
        case Key::Date: return read_dates(q, t);
    }
}

}  // namespace

Query parse_query(std::string_view text, const Filters& chosen) {
    text = utf8_prefix(text, kMaxQueryBytes);
    Query q;
    q.chosen = chosen;
    std::string words;
    bool in_a_word = false;  // the text ends inside a word: it is being typed
    for (std::size_t at = 0; at < text.size();) {
        if (const std::size_t space = space_length(text, at)) {
            at += space;
            in_a_word = false;
            continue;
        }
        const Token t = next_token(text, at);
        in_a_word = !t.key;
        if (t.key)
            read_filter(q, t);
        else
            words.append(t.text).push_back(' ');
    }
    for_each_word(fold_for_search(words), [&](std::string_view word) { q.words.emplace_back(word); });
    q.last_word_partial = in_a_word && !q.words.empty();
    return q;
}

// ---- filter choices ------------------------------------------------------------------------------

namespace {

// Names as first written, one per folded spelling, in folded order.
struct NameList {
    std::vector<std::pair<std::string, std::string>> names;  // folded, as written

    void add(const std::string& name) {
        std::string folded = folded_name(name);
        if (!folded.empty()) names.emplace_back(std::move(folded), name);
    }
    std::vector<std::string> sorted() {
        std::stable_sort(names.begin(), names.end(), [](auto& a, auto& b) { return a.first < b.first; });
        std::vector<std::string> out;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (i == 0 || names[i].first != names[i - 1].first) out.push_back(names[i].second);
        return out;
    }
};

}  // namespace

FilterChoices filter_choices(std::span<const Session> sessions, const Team& team) {
    NameList categories, apps, tags, authors;
    std::vector<std::uint64_t> writers;
    std::vector<const Guest*> guests;
    for (const Session& s : sessions) {
        if (s.plan.head.deleted) continue;
        categories.add(s.plan.category);
        for (const App& app : s.plan.apps) apps.add(app.name);
        for (const Note& n : s.notes) {
            if (n.head.deleted) continue;
            for (const std::string& tag : n.tags) tags.add(tag);
            writers.push_back(n.author);
        }
        for (const Insight& i : s.insights)
            if (!i.head.deleted) writers.push_back(i.head.rev.author);
        for (const Guest& g : s.guests)
            if (!g.head.deleted) guests.push_back(&g);
    }
    std::sort(writers.begin(), writers.end());
    const auto wrote = [&](std::uint64_t id) { return std::binary_search(writers.begin(), writers.end(), id); };
    for (const Member& m : team.members)
        if (!m.head.deleted && wrote(m.head.id)) authors.add(m.name);
    for (const Guest* g : guests)
        if (wrote(g->head.id)) authors.add(g->name);
    return {categories.sorted(), apps.sorted(), tags.sorted(), authors.sorted()};
}

// ---- matching ------------------------------------------------------------------------------------

namespace {

// One list of names to match: folded values, typed (word starts) or chosen (whole names).
struct NameFilter {
    std::vector<std::string> values;
    bool whole = false;
};

// The typed and the chosen filter of one sort of name; both must let a name through.
struct NameFilters {
    NameFilter typed, chosen;
    bool active() const { return !typed.values.empty() || !chosen.values.empty(); }
};

bool passes(const NameFilter& f, std::string_view name) {
    return f.values.empty() || std::any_of(f.values.begin(), f.values.end(),
                                           [&](const std::string& v) { return name_matches(name, v, f.whole); });
}
bool passes(const NameFilters& f, std::string_view name) { return passes(f.typed, name) && passes(f.chosen, name); }

NameFilters name_filters(const std::vector<std::string>& typed, const std::vector<std::string>& chosen) {
    NameFilters f;
    f.chosen.whole = true;
    for (const std::string& v : typed) f.typed.values.push_back(folded_name(v));
    for (const std::string& v : chosen) f.chosen.values.push_back(folded_name(v));
    return f;
}

std::uint8_t kind_bits(const std::vector<Kind>& kinds) {
    std::uint8_t bits = 0;
    for (Kind k : kinds) bits |= std::uint8_t(1u << std::uint8_t(k));
    return kinds.empty() ? 0xFF : bits;
}

// A query made ready for the index once per search.
struct Prepared {
    const std::vector<std::string>* words = nullptr;
    bool last_word_partial = false;
    std::uint8_t kinds = 0xFF;
    Date from, to;
    NameFilters apps, categories, tags, authors;
    std::vector<std::uint64_t> members;  // the team's members the author filters let through
};

Prepared prepare(const LibraryIndex& index, const Query& q) {
    Prepared p;
    p.words = &q.words;
    p.last_word_partial = q.last_word_partial;
    p.kinds = kind_bits(q.typed.kinds) & kind_bits(q.chosen.kinds);
    narrow_from(p.from, q.typed.from), narrow_from(p.from, q.chosen.from);
    narrow_to(p.to, q.typed.to), narrow_to(p.to, q.chosen.to);
    p.apps = name_filters(q.typed.apps, q.chosen.apps);
    p.categories = name_filters(q.typed.categories, q.chosen.categories);
    p.tags = name_filters(q.typed.tags, q.chosen.tags);
    p.authors = name_filters(q.typed.authors, q.chosen.authors);
    for (const LibraryPerson& m : index.members)
        if (passes(p.authors, m.name)) p.members.push_back(m.id);
    return p;
}

// What one session lets through, worked out once per session and search.
struct SessionFilter {
    std::vector<char> apps;              // by place, the last for apps not in the plan
    std::vector<char> tags;              // by place in LibrarySession::tags
    std::vector<std::uint64_t> authors;  // sorted
};

// Places that `filters` let through, name(i) naming place i < count; false when there is none.
template <class Name>
bool allowed(const NameFilters& filters, std::size_t count, Name name, std::vector<char>& out) {
    out.assign(count + 1, 0);
    bool any = false;
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = passes(filters, name(i));
        any = any || out[i];
    }
    return any;
}

bool session_passes(const Prepared& p, const LibrarySession& s, SessionFilter& f) {
    if ((p.from.year != 0 && s.date < p.from) || (p.to.year != 0 && s.date > p.to)) return false;
    if (!passes(p.categories, s.category)) return false;
    const auto app = [&](std::size_t i) -> std::string_view { return s.apps[i].name; };
    const auto tag = [&](std::size_t i) -> std::string_view { return s.tags[i]; };
    if (p.apps.active() && !allowed(p.apps, s.apps.size(), app, f.apps)) return false;
    if (p.tags.active() && !allowed(p.tags, s.tags.size(), tag, f.tags)) return false;
    if (p.authors.active()) {
        f.authors = p.members;
        for (const LibraryPerson& g : s.guests)
            if (passes(p.authors, g.name)) f.authors.push_back(g.id);
        if (f.authors.empty()) return false;
        std::sort(f.authors.begin(), f.authors.end());
    }
    return true;
}

bool any_allowed(const std::vector<std::uint32_t>& places, std::uint32_t begin, std::uint32_t end,
                 const std::vector<char>& allowed) {
    for (std::uint32_t i = begin; i < end; ++i)
        if (allowed[places[i]]) return true;
    return false;
}

bool entry_passes(const Prepared& p, const SessionFilter& f, const LibrarySession& s, const LibraryEntry& e) {
    return (p.kinds == 0xFF || (e.kinds & p.kinds) != 0) &&
           (!p.apps.active() || any_allowed(s.entry_apps, e.apps_begin, e.apps_end, f.apps)) &&
           (!p.tags.active() || any_allowed(s.entry_tags, e.tags_begin, e.tags_end, f.tags)) &&
           (!p.authors.active() || std::binary_search(f.authors.begin(), f.authors.end(), e.author));
}

// Entries as bits, one per entry, in the session's order.
using Bits = std::vector<std::uint64_t>;

std::string_view spelling_of(const LibrarySession& s, const LibraryWord& w) {
    return std::string_view(s.spelling).substr(w.spelling_begin, w.spelling_end - w.spelling_begin);
}

// The entries that have `word` (or, when `start`, a word starting with it).
void mark_word(const LibrarySession& s, std::string_view word, bool start, Bits& out) {
    out.assign((s.entries.size() + 63) / 64, 0);
    const auto mark = [&](std::uint32_t e) { out[e / 64] |= std::uint64_t(1) << (e % 64); };
    if (is_unspaced(word)) {
        const std::string_view unspaced = s.unspaced;
        for (std::uint32_t e = 0; e < s.entries.size(); ++e) {
            const LibraryEntry& entry = s.entries[e];
            if (unspaced.substr(entry.unspaced_begin, entry.unspaced_end - entry.unspaced_begin).find(word) !=
                std::string_view::npos)
                mark(e);
        }
        return;
    }
    auto it = std::lower_bound(s.words.begin(), s.words.end(), word,
                               [&](const LibraryWord& w, std::string_view key) { return spelling_of(s, w) < key; });
    for (; it != s.words.end(); ++it) {
        const std::string_view spelling = spelling_of(s, *it);
        if (start ? !spelling.starts_with(word) : spelling != word) break;
        for (std::uint32_t i = it->postings_begin; i < it->postings_end; ++i) mark(s.postings[i]);
    }
}

// The entries that have every word of the query; false when none has.
bool match_words(const Prepared& p, const LibrarySession& s, Bits& found, Bits& word) {
    const std::size_t n = s.entries.size();
    found.assign((n + 63) / 64, ~std::uint64_t(0));
    if (n % 64 != 0) found.back() = (std::uint64_t(1) << (n % 64)) - 1;
    const std::vector<std::string>& words = *p.words;
    for (std::size_t i = 0; i < words.size(); ++i) {
        mark_word(s, words[i], p.last_word_partial && i + 1 == words.size(), word);
        bool any = false;
        for (std::size_t b = 0; b < found.size(); ++b) any |= (found[b] &= word[b]) != 0;
        if (!any) return false;
    }
    return n != 0;
}

// Screenshot ids met so far, at most `most` of them: open addressing with no allocation per id
// (std::unordered_set's made the wall of 10,000 pictures take 2 ms). Ids are spread by Fibonacci
// hashing, so even ids that share their low bits do not pile up.
class SeenIds {
public:
    explicit SeenIds(std::size_t most) : bits_(std::bit_width(2 * most + 1)), slots_(std::size_t(1) << bits_, 0) {}

    // True the first time `id` is met.
    bool first_time(std::uint64_t id) {
        if (id == 0) return !std::exchange(zero_seen_, true);  // 0 marks an empty slot
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = std::size_t((id * 0x9E3779B97F4A7C15ull) >> (64 - bits_)) & mask;; i = (i + 1) & mask) {
            if (slots_[i] == id) return false;
            if (slots_[i] == 0) {
                slots_[i] = id;
                return true;
            }
        }
    }

private:
    int bits_;
    std::vector<std::uint64_t> slots_;
    bool zero_seen_ = false;
};

// Calls visit(session, entry) for every match, in the order of results.
template <class Visit>
void for_each_match(const LibraryIndex& index, const Query& query, Visit visit) {
    const Prepared p = prepare(index, query);
    SessionFilter filter;
    Bits found, word;
    for (const LibrarySession& s : index.sessions) {
        if (!session_passes(p, s, filter) || !match_words(p, s, found, word)) continue;
        for (std::size_t b = 0; b < found.size(); ++b)
            for (std::uint64_t bits = found[b]; bits != 0; bits &= bits - 1) {
                const LibraryEntry& e = s.entries[b * 64 + std::size_t(std::countr_zero(bits))];
                if (entry_passes(p, filter, s, e)) visit(s, e);
            }
    }
}

}  // namespace

// ---- search and the wall -------------------------------------------------------------------------

SearchResult search(const LibraryIndex& index, const Query& query, std::size_t max_hits) {
    SearchResult result;
    for_each_match(index, query, [&](const LibrarySession& s, const LibraryEntry& e) {
        if (result.total++ >= max_hits) return;
        const std::uint64_t picture = e.pictures_begin < e.pictures_end ? s.pictures[e.pictures_begin].screenshot : 0;
        result.hits.push_back({s.id, e.record, e.insight, e.app, e.kind, e.author, s.date, picture});
    });
    return result;
}

Wall wall(const LibraryIndex& index, const Query& query, std::size_t max_pictures) {
    Wall w;
    std::size_t pictures = 0;
    for (const LibrarySession& s : index.sessions) pictures += s.pictures.size();
    SeenIds seen(pictures);
    for_each_match(index, query, [&](const LibrarySession& s, const LibraryEntry& e) {
        if (e.insight) return;
        for (std::uint32_t i = e.pictures_begin; i < e.pictures_end; ++i) {
            const LibraryPicture& p = s.pictures[i];
            if (!seen.first_time(p.screenshot)) continue;
            if (w.total++ < max_pictures) w.pictures.push_back({p.screenshot, p.note, s.id, p.app, s.date});
        }
    });
    return w;
}

// ---- open actions --------------------------------------------------------------------------------

namespace {

// Owners by id, nobody last; then the newest session; then the earliest due date, none last; then id.
bool comes_first(const OpenAction& a, const OpenAction& b) {
    const Action &x = a.action, &y = b.action;
    if (x.owner != y.owner) return x.owner != 0 && (y.owner == 0 || x.owner < y.owner);
    if (a.date != b.date || a.session != b.session) return std::tie(a.date, a.session) > std::tie(b.date, b.session);
    const bool x_due = x.due.year != 0, y_due = y.due.year != 0;
    if (x_due != y_due) return x_due;
    return std::tie(x.due, x.head.id) < std::tie(y.due, y.head.id);
}

}  // namespace

std::vector<OwnerActions> open_actions(std::span<const Session> sessions) {
    std::vector<OpenAction> all;
    for (const Session& s : sessions) {
        if (s.plan.head.deleted) continue;
        for (const Action& a : s.actions)
            if (!a.head.deleted && (a.status == ActionStatus::Open || a.status == ActionStatus::Doing))
                all.push_back({s.plan.head.id, s.plan.date, s.plan.category, a});
    }
    sort_stable(all, comes_first);
    std::vector<OwnerActions> owners;
    for (OpenAction& o : all) {
        if (owners.empty() || owners.back().owner != o.action.owner) owners.push_back({o.action.owner, {}, {}});
        (o.action.status == ActionStatus::Doing ? owners.back().doing : owners.back().open).push_back(std::move(o));
    }
    return owners;
}

}  // namespace loupe::taste
