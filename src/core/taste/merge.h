// merge.h — bringing copies of a team or a session together, record by record.
//
// For one id the record with the newer revision wins (Revision's order: counter, then time,
// then author). Two different records with the same id and revision cannot come from Loupe,
// but a damaged or hand-made file could hold them: the larger encoding wins, so even then
// every copy agrees. Because the winner of any set of copies is the same whichever order
// they are looked at in, merging is commutative, associative and idempotent, and a deletion
// (a tombstone with a newer revision) cannot be undone by merging in an older copy.
// Screenshots never change (their id is their content's hash): they merge by union.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/shared/serialize.h"
#include "core/shared/sorting.h"
#include "core/taste/records.h"

namespace loupe::taste {

// The revision of an edit by `author` at `now` to a record whose newest revision seen is `seen`.
inline Revision next_revision(const Revision& seen, std::uint64_t author, std::int64_t now) {
    return {seen.counter + 1, now, author};
}

// What a deleted record becomes: only its id and the deletion's revision remain.
template <class T>
T tombstone(std::uint64_t id, const Revision& rev) {
    T t{};
    t.head = {id, rev, true};
    return t;
}

template <class T>
const RecordHead& head_of(const T& record) { return record.head; }
inline RecordHead head_of(const Screenshot& s) { return {s.id, {}, false}; }
inline RecordHead head_of(const ScreenshotImage& s) { return {s.meta.id, {}, false}; }

// True when `a` wins over `b` (same id assumed).
template <class T>
bool wins(const T& a, const T& b) {
    const Revision& ra = head_of(a).rev;
    const Revision& rb = head_of(b).rev;
    if (ra != rb) return ra > rb;
    return to_bytes(a) > to_bytes(b);
}

template <class T>
T merged(const T& a, const T& b) { return wins(b, a) ? b : a; }

// Every id once, with its winning record, sorted by id. Either input may be unsorted or hold
// an id twice (a damaged file): the result is the same as for a clean one.
template <class T>
void merge_records(std::vector<T>& into, const std::vector<T>& from) {
    into.insert(into.end(), from.begin(), from.end());
    sort_stable(into, [](const T& a, const T& b) {
        const auto ia = head_of(a).id, ib = head_of(b).id;
        return ia != ib ? ia < ib : wins(a, b);  // per id, the winner first
    });
    into.erase(std::unique(into.begin(), into.end(),
                           [](const T& a, const T& b) { return head_of(a).id == head_of(b).id; }),
               into.end());
}

// One record in: a new one, or a newer revision of one already there; `into` stays sorted by id.
template <class T>
void put_record(std::vector<T>& into, const T& record) {
    merge_records(into, std::vector<T>{record});
}

void merge(Team& into, const Team& from);
void merge(Session& into, const Session& from);

// A note's id as the participant's app makes it: from its author's random id and the note's
// number in their copy. It looks as random as any id, and a contribution code can carry the
// number (a byte or two) instead of the id (eight).
std::uint64_t note_id(std::uint64_t author, std::uint32_t number);

}  // namespace loupe::taste
