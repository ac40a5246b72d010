// report.h — a session as people read it outside Loupe: Markdown to paste into a wiki, one
// self-contained HTML page with the pictures, CSVs of the notes and of the actions, and JSON.
//
// Sections: the reports (Markdown, HTML, JSON) · the CSVs · names shared with other exports.
//
// Every report shows the same content: the session's category, date, team, picker, focus and apps
// (platform, link); per app its notes under Good, Bad and Ugly, each with its author, text, tags,
// praise ("praised by Ana: so clear") and screenshots; the insights with the notes they explain;
// the actions with owner, status and due date. Notes about an app that is no longer in the plan
// come last, under their own heading, rather than being lost. Order: apps as planned; within a
// kind, notes by author's name, then by when they were last edited; insights by when last edited;
// actions open, doing, done, dropped, each soonest due first (no date last).
//
// What a team member may see, and nothing more: reports are built from for_the_team(team), so no
// junior flag ever appears. Deleted records (tombstones) never appear, nor praise of a deleted note.
//
// Outside text is made safe for each format: Markdown escapes what would make markup (a note
// cannot open a heading, a link or raw HTML), HTML escapes everything, and only http(s) links are
// ever made clickable. Text that is not valid UTF-8 (a damaged stored copy) is repaired with U+FFFD
// so every output is valid UTF-8. Line breaks inside a note are kept (HTML, CSV, JSON) or become
// Markdown hard line breaks (blank lines dropped).
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "core/taste/formats.h"

namespace loupe::taste {

// ---- the reports ---------------------------------------------------------------------------

// CommonMark (GitHub, GitLab and most wikis read it). Several sessions follow one another, each
// opening with its own level-1 heading, separated by a horizontal rule.
std::string report_markdown(const SessionFile& file);
std::string report_markdown(std::span<const SessionFile> files);

// One HTML5 file that needs nothing else: the pictures inside as data: URIs, an inline stylesheet
// (light and dark by prefers-color-scheme, readable on a phone, printable), and a
// Content-Security-Policy that lets the page load nothing from anywhere. No script.
std::string report_html(const SessionFile& file);
std::string report_html(std::span<const SessionFile> files);

// {"sessions": [{"id", "team", "date", "category", "picker", "focus",
//   "apps": [{"name", "platform", "link", "notes": [{"id", "kind", "author", "text", "tags": [...],
//             "praised_by": [{"name", "words"}], "screenshots": ["screenshot-....jpg"]}]}],
//   "insights": [{"text", "notes": [note ids]}], "actions": [{"text", "owner", "status", "due"}]}]}
// Ids are 16 hexadecimal digits (a 64-bit id does not fit in a JSON number readers keep exactly);
// "focus", "link", "owner" and "due" are "" when there is none. The group of notes about apps no
// longer in the plan has "name", "platform" and "link" null.
std::string report_json(std::span<const SessionFile> files);

// ---- the CSVs ------------------------------------------------------------------------------
// RFC 4180: UTF-8, a header row, "\r\n" after every row; a field holding a comma, a quote, CR or
// LF is quoted with its quotes doubled. Against formula injection (a note "=HYPERLINK(...)" run by
// a spreadsheet), a field that starts with = + - @, a tab or CR gets a leading apostrophe, which
// spreadsheets show as text (OWASP's advice). Sessions in the order given, notes as in the reports.

// session,date,category,app,kind,author,text,tags,praised
// session is the session's id (16 hex digits); app is empty for an app no longer in the plan;
// kind is good, bad or ugly; tags are joined with "; "; praised is empty when nobody praised the
// note, else who did, joined with "; ", each with their words after a colon when they gave some
// ("Ana: so clear; Bo"): names say more than yes/no, and an empty cell still reads as "no".
std::string notes_csv(std::span<const SessionFile> files);

// session,date,category,action,owner,status,due
// status is open, doing, done or dropped; owner and due are empty when there is none.
std::string actions_csv(std::span<const SessionFile> files);

// ---- names shared with other exports ---------------------------------------------------------

// "screenshot-0123456789abcdef.jpg" (".webp" for WebP): the name the reports give a picture, and
// the name it will have in a zip of the session.
std::string screenshot_file_name(const Screenshot& shot);

}  // namespace loupe::taste
