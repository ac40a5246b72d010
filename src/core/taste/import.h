// import.h — the facilitator brings contributions into a session.
//
// Any number of inputs, each a file's bytes or pasted text: contribution files, session files
// (another copy of the same session, e.g. a group's), and any text holding contribution codes
// (a whole e-mail thread will do). Every input gets at least one line in the report, every code
// found in a text one line of its own: nothing is silently dropped. A damaged input changes
// nothing; a good one is merged record by record (merge.h), so bringing the same thing in twice
// changes nothing the second time.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/taste/formats.h"

namespace loupe::taste {

struct ImportInput {
    std::string source;  // a file name, or "pasted text"
    std::vector<std::uint8_t> bytes;
};

enum class ImportStatus : std::uint8_t { Added, Updated, Unchanged, OtherSession, Damaged };
const char* import_status_name(ImportStatus status);  // "added", "updated to a newer revision", ...

struct ImportLine {
    std::string source;  // "notes.loupe", "mail.txt, code 2"
    ImportStatus status = ImportStatus::Damaged;
    std::string reason;  // for damaged and other-session inputs: a sentence for the user
    std::string author;  // whose notes, when known
    int notes = 0;       // notes it holds (deletions included)
};

struct ImportReport {
    std::vector<ImportLine> lines;
    std::vector<std::uint64_t> sent;     // everyone with notes in the session, in name order
    std::vector<std::uint64_t> missing;  // invited but with no notes yet, in name order
};

// Merges every good input into `session` and its pictures into `images` (sorted by id).
ImportReport import_into_session(Session& session, std::vector<ScreenshotImage>& images, const Team& team,
                                 std::span<const ImportInput> inputs);

// A person's name in the session: a member's, or a guest's; "someone" when unknown.
std::string person_name(const Session& session, const Team& team, std::uint64_t id);

}  // namespace loupe::taste
