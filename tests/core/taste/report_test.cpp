// report_test.cpp — the session reports: the same content in Markdown, HTML, JSON and the CSVs;
// no junior flag and no deleted record in any of them; people's text cannot break the markup;
// the HTML page is self-contained; the CSVs are RFC 4180 and safe to open in a spreadsheet.
//
// Sections: a session with everything in it · content · what never appears · safe text · formats.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>

#include "core/shared/container.h"
#include "core/shared/packing.h"
#include "core/shared/rng.h"
#include "core/shared/serialize.h"
#include "core/taste/report.h"
#include "core/taste/taste_fixtures.h"

namespace loupe::taste {
namespace {

using namespace fixtures;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// ---- a session with everything in it ------------------------------------------------------

constexpr std::uint64_t kAnaNote = 0xA1, kCyNote = 0xC1, kGoneNote = 0xDEAD, kOrphanNote = 0x0A;

Note note(std::uint64_t id, std::uint64_t author, std::uint64_t app, Kind kind, const std::string& text) {
    Note n;
    n.head = {id, {1, 1'800'000'100, author}, false};
    n.author = author;
    n.app = app;
    n.kind = kind;
    n.text = text;
    return n;
}

// Bo's three notes (one per app and kind), Ana's with tags and a picture, Cy's (a junior's), and
// deleted records of every sort, each still holding text so that only the flag can hide it.
SessionFile session_file() {
    SessionFile file;
    file.team = team();
    file.session.plan = plan();
    Session& s = file.session;
    s.notes = contribution(kBo, 3).notes;
    Note ana = note(kAnaNote, kAna, 101, Kind::Good, "Sample data first, then the bank.");
    ana.tags = {"onboarding", "trust"};
    ScreenshotImage picture;
    picture.image = {1, 2, 3, 4};
    picture.meta.id = content_hash(picture.image);
    picture.meta.width = 390, picture.meta.height = 844;
    file.images = {picture};
    s.screenshots = {picture.meta};
    ana.screenshots = {picture.meta.id};
    s.notes.push_back(ana);
    s.notes.push_back(note(kCyNote, kCy, 102, Kind::Good, "Round-ups are explained in one sentence."));
    Note gone = note(kGoneNote, kDee, 103, Kind::Bad, "DELETED NOTE");
    gone.head.deleted = true;
    s.notes.push_back(gone);

    const std::uint64_t bo_first = s.notes[0].head.id;
    s.praise = {Praise{{0x91, {1, 5, kAna}, false}, bo_first, kAna, "so clear"},
                Praise{{0x92, {1, 5, kFacilitator}, false}, bo_first, kFacilitator, ""},
                Praise{{0x93, {2, 6, kDee}, true}, bo_first, kDee, "DELETED PRAISE"},
                Praise{{0x94, {1, 5, kAna}, false}, kGoneNote, kAna, "PRAISE OF A DELETED NOTE"}};
    s.insights = {
        Insight{{0x71, {1, 5, kFacilitator}, false}, "Asking for the bank first costs trust.", {bo_first, kGoneNote}},
        Insight{{0x72, {2, 6, kFacilitator}, true}, "DELETED INSIGHT", {}}};
    Action act{{0x61, {1, 5, kFacilitator}, false},
               "Let people try our app with sample data.",
               kAna,
               ActionStatus::Doing,
               {2027, 2, 11},
               0x71,
               0};
    Action open{
        {0x62, {1, 5, kFacilitator}, false}, "Check our greens for colour blindness.", 0, ActionStatus::Open, {}, 0, 0};
    Action dropped{{0x63, {2, 6, kFacilitator}, true}, "DELETED ACTION", kBo, ActionStatus::Open, {}, 0, 0};
    s.actions = {act, open, dropped};
    return file;
}

struct Outputs {
    std::string markdown, html, json, notes, actions;
};

Outputs all_of(const SessionFile& file) {
    const std::span<const SessionFile> one(&file, 1);
    return {report_markdown(file), report_html(file), report_json(one), notes_csv(one), actions_csv(one)};
}

// ---- content ------------------------------------------------------------------------------

TEST(TasteReport, MarkdownHasTheWholeSession) {
    const SessionFile file = session_file();
    const std::string md = report_markdown(file);
    EXPECT_EQ(md.rfind("# budgeting apps \xE2\x80\x94 2027-01-14\n", 0), 0u) << md;
    EXPECT_TRUE(has(md, "Taste session of Checkout squad, category picked by Ana. Focus: onboarding.")) << md;
    EXPECT_TRUE(has(md, "- **YNAB**, iOS: <https://ynab.com>\n")) << md;
    EXPECT_TRUE(has(md, "\n## Monzo\n\nAndroid \xC2\xB7 <https://monzo.com>\n")) << md;
    // YNAB: Ana's and Bo's good notes, by author's name; Bo's praised twice.
    const std::string ynab = md.substr(md.find("\n## YNAB"), md.find("\n## Monzo") - md.find("\n## YNAB"));
    EXPECT_TRUE(has(ynab, "### Good\n\n- **Ana:** Sample data first, then the bank.")) << ynab;
    EXPECT_FALSE(has(ynab, "### Bad")) << ynab;
    EXPECT_LT(ynab.find("**Ana:**"), ynab.find("**Bo:**"));
    EXPECT_TRUE(has(ynab, "  - Tags: onboarding, trust\n")) << ynab;
    char name[64];
    std::snprintf(name, sizeof name, "screenshot-%016llx.jpg", static_cast<unsigned long long>(file.images[0].meta.id));
    EXPECT_TRUE(has(ynab, std::string("  - Screenshots: `") + name + "`\n")) << ynab;
    EXPECT_TRUE(has(ynab, "  - Praised by Ana: so clear\n  - Praised by Fran\n")) << ynab;
    EXPECT_TRUE(has(md, "### Bad\n\n- **Bo:** Categories are suggested")) << md;
    EXPECT_TRUE(has(md, "### Ugly\n\n- **Bo:** The empty state explains")) << md;
    EXPECT_TRUE(has(md,
                    "\n## Insights\n\n- Asking for the bank first costs trust.\n"
                    "  - Explains YNAB, good, Bo: \xE2\x80\x9CThe first screen asks"))
        << md;
    EXPECT_TRUE(has(md,
                    "\n## Actions\n\n- Check our greens for colour blindness.\n"
                    "  - Owner: nobody yet \xC2\xB7 Status: open \xC2\xB7 Due: no date\n"
                    "- Let people try our app with sample data.\n"
                    "  - Owner: Ana \xC2\xB7 Status: doing \xC2\xB7 Due: 2027-02-11\n"))
        << md;
}

TEST(TasteReport, NotesAboutAnAppNoLongerPlannedComeLast) {
    SessionFile file = session_file();
    file.session.notes.push_back(note(kOrphanNote, kDee, 999, Kind::Ugly, "The app that was dropped."));
    const std::string md = report_markdown(file);
    const std::size_t gone =
        md.find("\n## Apps no longer in the plan\n\n### Ugly\n\n- **Dee:** The app that was dropped.");
    ASSERT_NE(gone, std::string::npos) << md;
    EXPECT_GT(gone, md.find("\n## Copilot"));
    EXPECT_TRUE(has(notes_csv(std::span(&file, 1)), "2027-01-14,budgeting apps,,ugly,Dee,The app that was dropped."));
    rapidjson::Document doc;
    doc.Parse(report_json(std::span(&file, 1)).c_str());
    ASSERT_FALSE(doc.HasParseError());
    const auto& apps = doc["sessions"][0]["apps"];
    ASSERT_EQ(apps.Size(), 4u);
    EXPECT_TRUE(apps[3]["name"].IsNull());
    EXPECT_STREQ(apps[3]["notes"][0]["text"].GetString(), "The app that was dropped.");
}

TEST(TasteReport, SeveralSessionsFollowOneAnother) {
    SessionFile feb = session_file();
    feb.session.plan.head.id = 0xFEB;
    feb.session.plan.category = "note-taking apps";
    feb.session.plan.date = {2027, 2, 11};
    const std::vector<SessionFile> both = {session_file(), feb};
    const std::string md = report_markdown(both);
    EXPECT_EQ(md.rfind("# budgeting apps", 0), 0u);
    EXPECT_TRUE(has(md, "\n---\n\n# note-taking apps \xE2\x80\x94 2027-02-11\n")) << md;
    const std::string html = report_html(both);
    EXPECT_TRUE(has(html, "<title>Taste sessions (2)</title>"));
    std::size_t articles = 0;
    for (std::size_t at = html.find("<article>"); at != std::string::npos; at = html.find("<article>", at + 1))
        ++articles;
    EXPECT_EQ(articles, 2u);
    const std::string csv = notes_csv(both);
    EXPECT_TRUE(has(csv, "\r\n0000000000005e55,2027-01-14,budgeting apps,YNAB,")) << csv;
    EXPECT_TRUE(has(csv, "\r\n0000000000000feb,2027-02-11,note-taking apps,YNAB,")) << csv;
}

// ---- what never appears -------------------------------------------------------------------

TEST(TasteReport, NoJuniorFlagInAnyReport) {
    const SessionFile with = session_file();
    ASSERT_TRUE(is_junior(with.team, kCy));
    SessionFile without = with;
    without.team.juniors.clear();
    const Outputs a = all_of(with), b = all_of(without);
    // Made from the team's view: the flag changes nothing, and the word is nowhere.
    EXPECT_EQ(a.markdown, b.markdown);
    EXPECT_EQ(a.html, b.html);
    EXPECT_EQ(a.json, b.json);
    EXPECT_EQ(a.notes, b.notes);
    EXPECT_EQ(a.actions, b.actions);
    for (const std::string* out : {&a.markdown, &a.html, &a.json, &a.notes, &a.actions})
        EXPECT_FALSE(has(lower(*out), "junior")) << *out;
    EXPECT_TRUE(has(a.markdown, "**Cy:** Round-ups are explained"));  // Cy's note itself is there
}

TEST(TasteReport, DeletedRecordsNeverAppear) {
    const Outputs out = all_of(session_file());
    for (const std::string* text : {&out.markdown, &out.html, &out.json, &out.notes, &out.actions}) {
        for (const char* gone : {"DELETED", "PRAISE OF A DELETED NOTE"}) EXPECT_FALSE(has(*text, gone)) << *text;
        EXPECT_FALSE(has(*text, "Dee")) << *text;  // her only note and her praise are deleted
    }
    // The insight cites its live note only.
    EXPECT_FALSE(has(out.json, "000000000000dead"));
}

// ---- safe text ----------------------------------------------------------------------------

TEST(TasteReport, PeoplesTextCannotBreakTheMarkdown) {
    SessionFile file = session_file();
    file.session.notes[0].text =
        "# Not a heading *not bold* [x](javascript:alert(1)) <b>raw</b> &amp; | ~~ `c` \\\n\n"
        "- not a list\n1. not numbered\n    not code\n=== ";
    file.session.plan.apps[0].name = "C# [app]";
    file.session.plan.apps[1].link = "javascript:alert(1)";
    const std::string md = report_markdown(file);
    EXPECT_TRUE(has(md,
                    "- **Bo:** \\# Not a heading \\*not bold\\* \\[x\\](javascript:alert(1)) \\<b\\>raw\\</b\\> "
                    "\\&amp; \\| \\~\\~ \\`c\\` \\\\\\\n"
                    "  \\- not a list\\\n  1\\. not numbered\\\n  not code\\\n  \\===\n"))
        << md;
    EXPECT_TRUE(has(md, "\n## C\\# \\[app\\]\n"));
    EXPECT_TRUE(has(md, "- **Monzo**, Android: javascript:alert(1)\n")) << md;  // text, not a link
    EXPECT_FALSE(has(md, "<javascript"));
}

TEST(TasteReport, PeoplesTextIsEscapedInHtml) {
    SessionFile file = session_file();
    file.session.notes[0].text = "<script>alert('x')</script> & \"quotes\"";
    file.session.plan.apps[1].link = "javascript:alert(1)";
    file.team.members[1].name = "Ana <img src=x>";
    const std::string page = report_html(file);
    EXPECT_TRUE(has(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")) << page;
    EXPECT_FALSE(has(page, "<script"));
    EXPECT_FALSE(has(page, "<img src=x"));
    EXPECT_FALSE(has(page, "href=\"javascript"));
    EXPECT_TRUE(has(page, "<a href=\"https://ynab.com\">https://ynab.com</a>"));
}

TEST(TasteReport, DamagedTextComesOutAsValidUtf8) {
    SessionFile file = session_file();
    file.session.notes[0].text = "caf\xC3\xA9 \xFF\xC3 end";
    const Outputs out = all_of(file);
    for (const std::string* text : {&out.markdown, &out.html, &out.json, &out.notes}) {
        EXPECT_TRUE(is_valid_utf8(*text));
        EXPECT_TRUE(has(*text, "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD end"));
    }
}

// The app reports from its stored copy, which is read without the checks files get: any bytes
// that read as one give reports that are valid UTF-8 (a damaged kind, status or platform included).
TEST(TasteReport, AnyStoredSessionGivesValidReports) {
    const std::vector<std::uint8_t> good = to_bytes(session_file());
    Rng rng(7);
    int read = 0;
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::uint8_t> payload = good;
        for (int changes = 1 + int(rng.next() % 4); changes > 0; --changes)
            payload[rng.next() % payload.size()] = std::uint8_t(rng.next());
        auto file = read_stored_session(seal(FileKind::TasteSession, 1, payload));  // a sound envelope round it
        if (!file) continue;
        ++read;
        const Outputs out = all_of(*file);
        for (const std::string* text : {&out.markdown, &out.html, &out.json, &out.notes, &out.actions})
            ASSERT_TRUE(is_valid_utf8(*text)) << round;
        rapidjson::Document doc;
        doc.Parse(out.json.c_str());
        ASSERT_FALSE(doc.HasParseError()) << round;
    }
    EXPECT_GT(read, 1000);  // 1995 of the 3000 read with this seed
}

// ---- formats ------------------------------------------------------------------------------

TEST(TasteReport, HtmlIsOneSelfContainedPage) {
    const SessionFile file = session_file();
    const std::string page = report_html(file);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_TRUE(has(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    EXPECT_TRUE(has(page, "default-src 'none'; img-src data:"));
    EXPECT_TRUE(has(page, "@media (prefers-color-scheme:dark)"));
    EXPECT_TRUE(has(page, "@media print"));
    EXPECT_TRUE(has(page, "<title>Taste session: budgeting apps, 2027-01-14</title>"));
    // The picture is inside, in standard base64 with padding; nothing is loaded from elsewhere.
    EXPECT_TRUE(has(page, "src=\"data:image/jpeg;base64,AQIDBA==\" width=\"390\" height=\"844\"")) << page;
    for (const char* outside : {"src=\"http", "<link", "<script", "url(", "@import"}) EXPECT_FALSE(has(page, outside));
    EXPECT_TRUE(has(page, "<h3>Good</h3>") && has(page, "<h3>Bad</h3>") && has(page, "<h3>Ugly</h3>"));
    EXPECT_TRUE(has(page, "<p class=\"by\">Praised by Ana: so clear</p><p class=\"by\">Praised by Fran</p>"));
    EXPECT_TRUE(has(page, "Owner: Ana \xC2\xB7 Status: doing \xC2\xB7 Due: 2027-02-11"));
    // An insight links to the note it explains.
    char anchor[64];
    std::snprintf(anchor, sizeof anchor, "id=\"note-%016llx\"",
                  static_cast<unsigned long long>(file.session.notes[0].head.id));
    EXPECT_TRUE(has(page, anchor));
    EXPECT_TRUE(has(page, std::string("<a href=\"#") + (anchor + 4)));
}

TEST(TasteReport, PicturesAreInStandardBase64) {
    const std::vector<std::pair<std::vector<std::uint8_t>, std::string>> cases = {
        {{1, 2, 3, 4, 5}, "AQIDBAU="}, {{1, 2, 3, 4, 5, 6}, "AQIDBAUG"}, {{0xFB, 0xFF}, "+/8="}, {{0xFF}, "/w=="}};
    for (const auto& [bytes, text] : cases) {
        SessionFile file = session_file();
        file.images[0].image = bytes;
        EXPECT_TRUE(has(report_html(file), ";base64," + text + "\"")) << text;
    }
}

TEST(TasteReport, HtmlSaysWhenAPictureIsNotInTheFile) {
    SessionFile file = session_file();
    file.images.clear();  // the notes came in as a code: ids, no bytes
    const std::string page = report_html(file);
    EXPECT_FALSE(has(page, "data:image"));
    EXPECT_TRUE(has(page, ".jpg (not in this file)</figcaption>"));
}

TEST(TasteReport, NotesCsvFollowsRfc4180AndGuardsAgainstFormulas) {
    SessionFile file = session_file();
    file.session.notes[0].text = "Says \"hi\", twice\nover two lines";
    file.session.notes[1].text = "=HYPERLINK(\"http://evil\",\"x\")";
    file.session.notes[2].text = "-2 for the charts";
    file.session.notes[3].tags = {"@home", "a,b"};
    const std::string csv = notes_csv(std::span(&file, 1));
    EXPECT_EQ(csv.rfind("session,date,category,app,kind,author,text,tags,praised\r\n", 0), 0u);
    EXPECT_TRUE(has(csv,
                    "\r\n0000000000005e55,2027-01-14,budgeting apps,YNAB,good,Bo,"
                    "\"Says \"\"hi\"\", twice\nover two lines\",,Ana: so clear; Fran\r\n"))
        << csv;
    EXPECT_TRUE(has(csv, ",bad,Bo,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,\r\n")) << csv;
    EXPECT_TRUE(has(csv, ",ugly,Bo,'-2 for the charts,,\r\n")) << csv;
    EXPECT_TRUE(has(csv, ",good,Ana,\"Sample data first, then the bank.\",\"'@home; a,b\",\r\n")) << csv;
    // Five live notes, one line each (the one with a line break inside its quotes aside).
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
    EXPECT_EQ(rows, 1u + 5u);
}

TEST(TasteReport, ActionsCsv) {
    const SessionFile file = session_file();
    EXPECT_EQ(
        actions_csv(std::span(&file, 1)),
        "session,date,category,action,owner,status,due\r\n"
        "0000000000005e55,2027-01-14,budgeting apps,Check our greens for colour blindness.,,open,\r\n"
        "0000000000005e55,2027-01-14,budgeting apps,Let people try our app with sample data.,Ana,doing,2027-02-11\r\n");
}

TEST(TasteReport, JsonHasTheSameContent) {
    const SessionFile file = session_file();
    rapidjson::Document doc;
    const std::string json = report_json(std::span(&file, 1));
    doc.Parse(json.c_str());
    ASSERT_FALSE(doc.HasParseError()) << json;
    const auto& s = doc["sessions"][0];
    EXPECT_STREQ(s["id"].GetString(), "0000000000005e55");
    EXPECT_STREQ(s["category"].GetString(), "budgeting apps");
    EXPECT_STREQ(s["picker"].GetString(), "Ana");
    EXPECT_STREQ(s["focus"].GetString(), "onboarding");
    ASSERT_EQ(s["apps"].Size(), 3u);
    const auto& ynab = s["apps"][0];
    EXPECT_STREQ(ynab["platform"].GetString(), "iOS");
    EXPECT_STREQ(ynab["link"].GetString(), "https://ynab.com");
    ASSERT_EQ(ynab["notes"].Size(), 2u);
    const auto& bo = ynab["notes"][1];
    EXPECT_STREQ(bo["author"].GetString(), "Bo");
    EXPECT_STREQ(bo["kind"].GetString(), "good");
    ASSERT_EQ(bo["praised_by"].Size(), 2u);
    EXPECT_STREQ(bo["praised_by"][0]["words"].GetString(), "so clear");
    EXPECT_EQ(ynab["notes"][0]["tags"].Size(), 2u);
    EXPECT_EQ(std::string(ynab["notes"][0]["screenshots"][0].GetString()).rfind("screenshot-", 0), 0u);
    ASSERT_EQ(s["insights"].Size(), 1u);
    ASSERT_EQ(s["insights"][0]["notes"].Size(), 1u);
    EXPECT_STREQ(s["insights"][0]["notes"][0].GetString(), bo["id"].GetString());
    ASSERT_EQ(s["actions"].Size(), 2u);
    EXPECT_STREQ(s["actions"][0]["owner"].GetString(), "");  // open comes before doing
    EXPECT_STREQ(s["actions"][0]["due"].GetString(), "");
    EXPECT_STREQ(s["actions"][1]["due"].GetString(), "2027-02-11");
}

TEST(TasteReport, ScreenshotFileNames) {
    Screenshot shot;
    shot.id = 0x00AB;
    EXPECT_EQ(screenshot_file_name(shot), "screenshot-00000000000000ab.jpg");
    shot.format = ImageFormat::WebP;
    EXPECT_EQ(screenshot_file_name(shot), "screenshot-00000000000000ab.webp");
}

}  // namespace
}  // namespace loupe::taste
