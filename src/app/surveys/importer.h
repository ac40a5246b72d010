// importer.h — the results screen's import, read a slice per frame so the page keeps drawing.
//
// Any number of inputs (chosen or dropped files, pasted text) are accounted for against the
// published survey: files and texts wait in a queue, a text's codes are read a few at a time
// (core/maxdiff/import.h's CodeImport). The responses already kept count as accepted, so
// bringing them in again makes duplicates. Only finish() changes the project, so an import that
// is dropped before it (the screen's Cancel button) adds nothing. The import reads against its
// own copy of the survey and its design; if the survey is published again meanwhile, finish()
// keeps nothing and says why.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/maxdiff/design.h"
#include "core/maxdiff/import.h"
#include "core/maxdiff/project.h"
#include "platform/platform.h"

// One line of the import report: an entry of the core's report, or an input the core never
// saw (a project file, a text without codes, a file the browser could not read).
struct ReportLine {
    std::string source, status, detail;
    bool accepted = false;
};

class Importer {
public:
    // `design` is the published survey's (null when it cannot be made: texts are then refused).
    Importer(const loupe::Project& project, const loupe::Design* design);

    // A file, or pasted text as a file of that name. A text's codes are counted now, so the
    // progress knows its total from the start.
    void add(platform::OpenedFile file);

    // Reads inputs until platform::now_seconds() passes `until` (at least a few codes or one
    // file); true once every input is read.
    bool step(double until);

    long long done() const;  // of total(): files, choice tables and codes read so far
    long long total() const { return total_; }
    const char* noun() const;           // what total() counts: "codes" (texts only), "files" (none) or "inputs"
    std::size_t new_responses() const;  // accepted so far

    // Keeps what was accepted and saves the project; when that fails, or the survey was
    // published again meanwhile, nothing changes and the report says so. Returns the report.
    std::vector<ReportLine> finish(loupe::Project& project);

private:
    struct Input {
        platform::OpenedFile file;
        std::optional<loupe::CodeImport> codes;  // a text of codes, read a few at a time

        std::string_view text() const;
        long long units() const;  // its share of total()
    };

    void read_some();
    void read_codes(Input& input);
    void read_whole(const Input& input);
    void loupe_file(const platform::OpenedFile& f);
    void take_entries();
    void line(const std::string& source, const char* status, std::string detail);
    std::vector<ReportLine> refuse_all(const std::string& why);

    loupe::Survey survey_;
    std::uint64_t survey_id_ = 0;
    std::optional<loupe::Design> design_;
    std::deque<Input> inputs_;  // a deque: adding inputs never moves the texts being read
    std::size_t next_ = 0, texts_ = 0;
    long long units_done_ = 0, total_ = 0;
    loupe::ImportReport report_;
    std::size_t reported_ = 0, kept_ = 0;
    std::vector<ReportLine> lines_;
};
