// merge.cpp — merging teams and sessions field by field.
#include "core/taste/merge.h"

#include "core/shared/packing.h"

namespace loupe::taste {

void merge(Team& into, const Team& from) {
    into.settings = merged(into.settings, from.settings);
    merge_records(into.members, from.members);
    merge_records(into.juniors, from.juniors);
    merge_records(into.books, from.books);
}

void merge(Session& into, const Session& from) {
    into.plan = merged(into.plan, from.plan);
    merge_records(into.notes, from.notes);
    merge_records(into.screenshots, from.screenshots);
    merge_records(into.guests, from.guests);
    into.meeting = merged(into.meeting, from.meeting);
    merge_records(into.attendance, from.attendance);
    merge_records(into.groups, from.groups);
    merge_records(into.turns, from.turns);
    merge_records(into.praise, from.praise);
    merge_records(into.insights, from.insights);
    merge_records(into.actions, from.actions);
}

std::uint64_t note_id(std::uint64_t author, std::uint32_t number) {
    const std::uint64_t id = fmix64(author ^ fmix64(0x6e6f7465ull + number));  // "note"
    return id ? id : 1;
}

}  // namespace loupe::taste
