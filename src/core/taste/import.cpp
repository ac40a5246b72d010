// import.cpp — merging contributions into a session, with a line for every input.
#include "core/taste/import.h"

#include <algorithm>
#include <set>

#include "core/shared/container.h"
#include "core/taste/merge.h"

namespace loupe::taste {
namespace {

// Whether merging `from` into `into` would add records, make some newer, or neither.
template <class T>
ImportStatus compare(const std::vector<T>& into, const std::vector<T>& from) {
    bool added = false, updated = false;
    for (const T& record : from) {
        const auto at = std::find_if(into.begin(), into.end(),
                                     [&](const T& r) { return head_of(r).id == head_of(record).id; });
        if (at == into.end()) added = true;
        else if (wins(record, *at)) updated = true;
    }
    return updated ? ImportStatus::Updated : added ? ImportStatus::Added : ImportStatus::Unchanged;
}

// Pictures never change (their id is their content's hash): each is new or already here. (The app
// passes the pictures it keeps by their metadata alone, without their bytes.)
ImportStatus compare(const std::vector<ScreenshotImage>& into, const std::vector<ScreenshotImage>& from) {
    for (const ScreenshotImage& image : from)
        if (std::none_of(into.begin(), into.end(), [&](const ScreenshotImage& i) { return i.meta.id == image.meta.id; }))
            return ImportStatus::Added;
    return ImportStatus::Unchanged;
}

ImportStatus combine(ImportStatus a, ImportStatus b) {
    if (a == ImportStatus::Updated || b == ImportStatus::Updated) return ImportStatus::Updated;
    if (a == ImportStatus::Added || b == ImportStatus::Added) return ImportStatus::Added;
    return ImportStatus::Unchanged;
}

// Merges a contribution's notes, pictures and (for a guest) its author; says what that changed.
ImportStatus bring_in(Session& session, std::vector<ScreenshotImage>& images, const Team& team, const Contribution& c) {
    ImportStatus status = combine(compare(session.notes, c.notes), compare(images, c.images));
    merge_records(session.notes, c.notes);
    merge_records(session.screenshots, c.screenshots);
    std::vector<Screenshot> metas;
    for (const ScreenshotImage& image : c.images) metas.push_back(image.meta);
    merge_records(session.screenshots, metas);
    merge_records(images, c.images);
    if (!find_member(team, c.author.head.id)) {
        status = combine(status, compare(session.guests, {c.author}));
        merge_records(session.guests, {c.author});
    }
    return status;
}

std::string contribution_problem(const Contribution& c, const Session& session) {
    for (const Note& n : c.notes)
        if (auto p = note_problem(n, session.plan); !p.empty()) return "This contribution is damaged: " + p;
    return {};
}

int note_count(const Contribution& c) { return int(c.notes.size()); }

void import_text(ImportReport& report, Session& session, std::vector<ScreenshotImage>& images, const Team& team,
                 const ImportInput& input) {
    const std::string_view text(reinterpret_cast<const char*>(input.bytes.data()), input.bytes.size());
    const auto codes = find_contribution_codes(text, session.plan);
    if (codes.empty()) {
        ImportLine line;
        line.source = input.source;
        line.reason = "This holds no contribution code (codes start with TASTE-) and is not a Loupe file.";
        report.lines.push_back(std::move(line));
        return;
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
        ImportLine line;
        line.source = codes.size() == 1 ? input.source : input.source + ", code " + std::to_string(i + 1);
        const FoundContribution& found = codes[i];
        line.author = found.contribution.author.name;
        line.notes = note_count(found.contribution);
        if (found.other_session) {
            line.status = ImportStatus::OtherSession, line.reason = found.problem;
        } else if (!found.ok()) {
            line.status = ImportStatus::Damaged, line.reason = found.problem;
        } else {
            line.status = bring_in(session, images, team, found.contribution);
        }
        report.lines.push_back(std::move(line));
    }
}

void import_file(ImportReport& report, Session& session, std::vector<ScreenshotImage>& images, const Team& team,
                 const ImportInput& input) {
    ImportLine line;
    line.source = input.source;
    FileKind kind{};
    if (peek_file_kind(input.bytes, kind) && kind == FileKind::TasteSession) {
        auto file = read_session_file(input.bytes);
        if (!file) {
            line.reason = file.error();
        } else if (file->session.plan.head.id != session.plan.head.id) {
            line.status = ImportStatus::OtherSession;
            line.reason = "This session file is for another session (" + file->session.plan.category + ", " +
                          date_text(file->session.plan.date) + ").";
        } else {
            const Session& from = file->session;
            line.notes = int(from.notes.size());
            const ImportStatus notes = compare(session.notes, from.notes);
            Session merged = session;
            merge(merged, from);
            // By its notes; when only something else changed (a newer plan, praise...): updated.
            line.status = merged == session ? ImportStatus::Unchanged
                          : notes == ImportStatus::Unchanged ? ImportStatus::Updated
                                                             : notes;
            session = std::move(merged);
            line.status = combine(line.status, compare(images, file->images));
            merge_records(images, file->images);
        }
        report.lines.push_back(std::move(line));
        return;
    }
    auto c = read_contribution_file(input.bytes);
    if (!c) {
        line.reason = c.error();
    } else {
        line.author = c->author.name;
        line.notes = note_count(*c);
        if (c->session != session.plan.head.id) {
            line.status = ImportStatus::OtherSession;
            line.reason = "This contribution is for another session.";
        } else if (auto p = contribution_problem(*c, session); !p.empty()) {
            line.reason = p;
        } else {
            line.status = bring_in(session, images, team, *c);
        }
    }
    report.lines.push_back(std::move(line));
}

}  // namespace

const char* import_status_name(ImportStatus status) {
    switch (status) {
        case ImportStatus::Added: return "added";
        case ImportStatus::Updated: return "updated to a newer revision";
        case ImportStatus::Unchanged: return "unchanged (already here)";
        case ImportStatus::OtherSession: return "another session";
        case ImportStatus::Damaged: return "damaged";
    }
    return "damaged";
}

std::string person_name(const Session& session, const Team& team, std::uint64_t id) {
    if (const Member* m = find_member(team, id)) return m->name;
    for (const Guest& g : session.guests)
        if (g.head.id == id && !g.head.deleted) return g.name;
    return "someone";
}

ImportReport import_into_session(Session& session, std::vector<ScreenshotImage>& images, const Team& team,
                                 std::span<const ImportInput> inputs) {
    ImportReport report;
    for (const ImportInput& input : inputs) {
        FileKind kind{};
        if (peek_file_kind(input.bytes, kind)) import_file(report, session, images, team, input);
        else import_text(report, session, images, team, input);
    }
    std::set<std::uint64_t> authors;
    for (const Note& n : session.notes)
        if (!n.head.deleted) authors.insert(n.author);
    const auto by_name = [&](std::uint64_t a, std::uint64_t b) {
        return person_name(session, team, a) < person_name(session, team, b);
    };
    report.sent.assign(authors.begin(), authors.end());
    std::sort(report.sent.begin(), report.sent.end(), by_name);
    for (std::uint64_t id : session.plan.invited)
        if (!authors.count(id)) report.missing.push_back(id);
    std::sort(report.missing.begin(), report.missing.end(), by_name);
    return report;
}

}  // namespace loupe::taste
