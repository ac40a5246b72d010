// mine.cpp — a participant's own copy of a session (mine.h).
#include "core/taste/mine.h"

#include <algorithm>
#include <cstdio>

#include "core/shared/container.h"
#include "core/shared/serialize.h"
#include "core/taste/merge.h"

namespace loupe::taste {
namespace {

constexpr std::uint16_t kMyNotesFormat = 1;
constexpr std::size_t kMaxMyNotesBytes = 16u << 20;  // text only: thousands of notes

const RecordHead* sent_head(const MyNotes& mine, std::uint64_t id) {
    for (const RecordHead& h : mine.sent)
        if (h.id == id) return &h;
    return nullptr;
}

bool sendable(const Note& n) { return n.head.deleted || !n.text.empty(); }

}  // namespace

std::string my_notes_storage_name(std::uint64_t session_id) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(session_id));
    return std::string("taste-mine-") + hex + ".bin";
}

std::vector<std::uint8_t> encode_my_notes(const MyNotes& mine) {
    return seal(FileKind::TasteMyNotes, kMyNotesFormat, to_bytes(mine));
}

Result<MyNotes> decode_my_notes(std::span<const std::uint8_t> bytes) {
    auto envelope = open_envelope(bytes, FileKind::TasteMyNotes, kMyNotesFormat, kMaxMyNotesBytes);
    if (!envelope) return failure<MyNotes>(envelope.error());
    auto mine = from_bytes<MyNotes>(envelope->payload);
    const std::string damaged = "The notes kept in this browser for this session are damaged (";
    if (!mine) return failure<MyNotes>(damaged + mine.error() + ").");
    if (mine->invite.plan.head.id == 0 || mine->invite.plan.apps.empty())
        return failure<MyNotes>(damaged + "they name no session).");
    for (const Note& n : mine->notes) {
        Note probe = n;  // a note being written may still be empty
        if (probe.text.empty()) probe.text = " ";
        if (auto p = note_problem(probe, mine->invite.plan); !p.empty()) return failure<MyNotes>(damaged + p + ")");
        if (n.author != mine->me.head.id) return failure<MyNotes>(damaged + "a note has another author).");
    }
    return mine;
}

MyNotes start_my_notes(const Invite& invite) {
    MyNotes mine;
    mine.invite = invite;
    return mine;
}

void choose_me(MyNotes& mine, const Member& who, bool guest) {
    mine.me = who;
    mine.me.books_read.clear();
    mine.guest = guest;
    for (Note& n : mine.notes) n.author = who.head.id;  // only while nothing was sent (the UI asks so)
}

std::uint64_t add_note(MyNotes& mine, std::uint64_t app, Kind kind, std::int64_t now) {
    Note n;
    std::uint64_t id = 0;
    do id = note_id(mine.me.head.id, mine.next_number++);
    while (std::any_of(mine.notes.begin(), mine.notes.end(), [&](const Note& o) { return o.head.id == id; }));
    n.head.id = id;
    n.head.rev = next_revision({}, mine.me.head.id, now);
    n.app = app;
    n.author = mine.me.head.id;
    n.kind = kind;
    mine.notes.push_back(std::move(n));
    return id;
}

Note* find_note(MyNotes& mine, std::uint64_t id) {
    for (Note& n : mine.notes)
        if (n.head.id == id) return &n;
    return nullptr;
}

void touch_note(MyNotes& mine, Note& note, std::int64_t now) {
    const RecordHead* sent = sent_head(mine, note.head.id);
    if (note.head.rev.counter == 0 || (sent && sent->rev == note.head.rev))
        note.head.rev = next_revision(note.head.rev, mine.me.head.id, now);
    else
        note.head.rev.time = std::max(note.head.rev.time, now);
}

void delete_note(MyNotes& mine, std::uint64_t id, std::int64_t now) {
    auto it = std::find_if(mine.notes.begin(), mine.notes.end(), [&](const Note& n) { return n.head.id == id; });
    if (it == mine.notes.end() || it->head.deleted) return;
    if (!sent_head(mine, id)) {
        mine.notes.erase(it);  // nobody has it: nothing to take back
    } else {
        const std::uint64_t app = it->app, author = it->author;
        *it = tombstone<Note>(id, next_revision(it->head.rev, mine.me.head.id, now));
        it->app = app;  // kept so the screen can still place the deletion; not sent
        it->author = author;
    }
    // Pictures no note names any more are not sent.
    std::erase_if(mine.screenshots, [&](const Screenshot& s) {
        return std::none_of(mine.notes.begin(), mine.notes.end(), [&](const Note& n) {
            return std::find(n.screenshots.begin(), n.screenshots.end(), s.id) != n.screenshots.end();
        });
    });
}

std::vector<const Note*> notes_about(const MyNotes& mine, std::uint64_t app) {
    std::vector<const Note*> out;
    for (const Note& n : mine.notes)
        if (n.app == app && !n.head.deleted) out.push_back(&n);
    return out;
}

std::size_t live_note_count(const MyNotes& mine) {
    return std::size_t(std::count_if(mine.notes.begin(), mine.notes.end(),
                                     [](const Note& n) { return !n.head.deleted && !n.text.empty(); }));
}

Contribution my_contribution(const MyNotes& mine) {
    Contribution c;
    c.session = mine.invite.plan.head.id;
    c.author = mine.me;
    for (const Note& n : mine.notes) {
        if (!sendable(n)) continue;
        c.notes.push_back(n);
        if (n.head.deleted) c.notes.back().app = 0;
        for (std::uint64_t s : n.screenshots)
            for (const Screenshot& meta : mine.screenshots)
                if (meta.id == s && std::none_of(c.screenshots.begin(), c.screenshots.end(),
                                                 [&](const Screenshot& o) { return o.id == s; }))
                    c.screenshots.push_back(meta);
    }
    return c;
}

std::size_t unsent_changes(const MyNotes& mine) {
    std::size_t changed = 0;
    for (const Note& n : mine.notes) {
        if (!sendable(n)) continue;
        const RecordHead* sent = sent_head(mine, n.head.id);
        if (!sent || !(*sent == n.head)) ++changed;
    }
    return changed;
}

void mark_sent(MyNotes& mine) {
    mine.sent.clear();
    for (const Note& n : mine.notes)
        if (sendable(n)) mine.sent.push_back(n.head);
}

}  // namespace loupe::taste
