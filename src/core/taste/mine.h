// mine.h — a participant's own copy of one session: the invite they opened, who they are, and
// the notes they write while trying the apps, kept in their browser after every change
// ("taste-mine-<16 hex of the session id>.bin") and sent back as a contribution.
//
// Revisions: a note gets a new revision (next_revision) only when it changes after it was last
// sent. Edits before the first send, or between two sends, only move its time. So a later send
// carries the changed notes at a newer revision and the unchanged ones exactly as before, which
// the facilitator's import reports as unchanged. Deleting is a tombstone (merge.h), kept and sent,
// so the facilitator's copy drops the note too.
//
// The pictures' bytes are not here: they are stored records of their own (app/taste/pictures.h);
// only their metadata is, so the file stays small however many screenshots there are.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/shared/class_version.h"
#include "core/shared/result.h"
#include "core/taste/formats.h"

namespace loupe::taste {

struct MyNotes {
    Invite invite;
    Member me;                        // head.id 0: not chosen yet ("Who are you?")
    bool guest = false;               // a new name, not one of the invited
    std::uint32_t next_number = 1;    // the next note's number: its id is note_id(me.head.id, n)
    std::vector<Note> notes;          // in the order written; tombstones kept
    std::vector<Screenshot> screenshots;  // metadata of the pictures the notes name
    std::vector<RecordHead> sent;     // the notes' heads as last sent (copied, mailed or downloaded)
    bool operator==(const MyNotes&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(invite, me, guest, next_number, notes, screenshots, sent);
    }
};

std::string my_notes_storage_name(std::uint64_t session_id);  // "taste-mine-<16 hex>.bin"
std::vector<std::uint8_t> encode_my_notes(const MyNotes& mine);
// Refuses damage, and notes that do not fit the invite's plan, with a sentence for the user.
Result<MyNotes> decode_my_notes(std::span<const std::uint8_t> bytes);

// Starts a copy for `invite`.
MyNotes start_my_notes(const Invite& invite);
// Says who is writing: one of the invite's people, or a guest (random id, role Other).
void choose_me(MyNotes& mine, const Member& who, bool guest);

// A new, empty note (it is not sent while its text is empty). Returns its id.
std::uint64_t add_note(MyNotes& mine, std::uint64_t app, Kind kind, std::int64_t now);
Note* find_note(MyNotes& mine, std::uint64_t id);
// Call after changing a note's body: gives it the right revision (see above).
void touch_note(MyNotes& mine, Note& note, std::int64_t now);
// Turns the note into a tombstone; one never sent and empty simply goes.
void delete_note(MyNotes& mine, std::uint64_t id, std::int64_t now);

// Live notes (not deleted, with text) about `app`, in the order written.
std::vector<const Note*> notes_about(const MyNotes& mine, std::uint64_t app);
std::size_t live_note_count(const MyNotes& mine);

// What to send: every written note (and tombstone) with the pictures' metadata, no bytes.
Contribution my_contribution(const MyNotes& mine);
// Notes changed (or deleted) since the last send; all of them before the first.
std::size_t unsent_changes(const MyNotes& mine);
void mark_sent(MyNotes& mine);

}  // namespace loupe::taste

LOUPE_CLASS_VERSION(loupe::taste::MyNotes, 1)
