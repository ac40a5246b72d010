// cli_test.cpp — the `loupe` executable, run as a user would: published data gives the published
// results, simulated surveys chain through analyze, bad inputs are listed and the good ones still
// analysed, and wrong command lines get exit status 2 with a pointer to --help.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "core/maxdiff/design.h"
#include "core/shared/serialize.h"
#include "core/maxdiff/survey.h"
#include "core/taste/formats.h"
#include "core/taste/meeting.h"
#include "core/taste/merge.h"
#include "datasets.h"

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Outcome {
    int exit_code = -1;
    std::string out, err;
};

// Each test works in its own temporary folder, removed afterwards.
class Cli : public ::testing::Test {
protected:
    fs::path dir;

    void SetUp() override {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::temp_directory_path() /
              ("loupe-cli-" + std::to_string(getpid()) + "-" + test->test_suite_name() + "-" + test->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    fs::path at(const std::string& name) const { return dir / name; }

    // Runs `loupe <args>` in the test's folder; arguments are passed to the shell as written.
    Outcome loupe(const std::string& args) const {
        const std::string command = "cd '" + dir.string() + "' && '" + LOUPE_EXECUTABLE + "' " + args + " >'" +
                                    at("stdout").string() + "' 2>'" + at("stderr").string() + "'";
        const int status = std::system(command.c_str());
        Outcome run;
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.out = read_text(at("stdout"));
        run.err = read_text(at("stderr"));
        return run;
    }

    // A simulated 8-item survey and its respondents: s.loupe, answers/response-NNNN.loupe, codes.txt.
    void simulate(int respondents) const {
        const Outcome run = loupe("simulate --items 8 --write-survey s.loupe --respondents " +
                                  std::to_string(respondents) + " --out answers --codes codes.txt --seed 5");
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }

    std::string code(int respondent) const {  // 1-based, as the files are numbered
        std::istringstream lines(read_text(at("codes.txt")));
        std::string line;
        for (int n = 0; n < respondent; ++n) std::getline(lines, line);
        return line;
    }

    static std::string response_name(int respondent) {
        char name[32];
        std::snprintf(name, sizeof name, "response-%04d.loupe", respondent);
        return name;
    }
};

rapidjson::Document parse_json(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    EXPECT_FALSE(doc.HasParseError()) << text.substr(0, 400);
    EXPECT_TRUE(doc.IsObject());
    return doc;
}

const rapidjson::Value* find_item(const rapidjson::Document& doc, const std::string& name) {
    for (const auto& item : doc["items"].GetArray())
        if (name == item["name"].GetString()) return &item;
    return nullptr;
}

// source -> status and reason, from "inputs".
std::map<std::string, std::pair<std::string, std::string>> inputs_of(const rapidjson::Document& doc) {
    std::map<std::string, std::pair<std::string, std::string>> inputs;
    for (const auto& in : doc["inputs"].GetArray())
        inputs[in["source"].GetString()] = {in["status"].GetString(), in["reason"].GetString()};
    return inputs;
}

int count_status(const rapidjson::Document& doc, const std::string& status) {
    int n = 0;
    for (const auto& in : doc["inputs"].GetArray()) n += status == in["status"].GetString();
    return n;
}

const std::string kRice = "'" + std::string(LOUPE_DATASETS_DIR) + "/ricebws1_long.csv'";

}  // namespace

// ---- published data ------------------------------------------------------------------------------

TEST_F(Cli, Ricebws1MatchesTheReference) {
    const Outcome run = loupe("analyze " + kRice + " --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const rapidjson::Document doc = parse_json(run.out);
    EXPECT_EQ(doc["respondents"].GetInt(), 90);
    EXPECT_EQ(doc["tasks"].GetInt(), 630);
    EXPECT_NEAR(doc["mnl"]["loglik"].GetDouble(), -1309.708, 1e-3);
    EXPECT_FALSE(doc.HasMember("hb"));

    const auto ref = rice_reference();
    ASSERT_EQ(doc["items"].Size(), ref.size());
    const rapidjson::Value* milling = find_item(doc, "Milling_date");
    ASSERT_NE(milling, nullptr);
    const double milling_utility = (*milling)["mnl"]["utility"].GetDouble();
    for (const auto& [name, r] : ref) {
        const rapidjson::Value* item = find_item(doc, name);
        ASSERT_NE(item, nullptr) << name;
        EXPECT_EQ((*item)["shown"].GetInt(), 360) << name;
        EXPECT_EQ((*item)["best"].GetInt(), r.at("B")) << name;
        EXPECT_EQ((*item)["worst"].GetInt(), r.at("W")) << name;
        EXPECT_EQ((*item)["bw"].GetInt(), r.at("BW")) << name;
        EXPECT_NEAR((*item)["standardised"].GetDouble(), r.at("mean.stdBW"), 1e-12) << name;
        EXPECT_NEAR((*item)["mnl"]["utility"].GetDouble() - milling_utility, r.at("sequential_coef"), 1e-4) << name;
        EXPECT_GT((*item)["mnl"]["se"].GetDouble(), 0.05) << name;
        EXPECT_LT((*item)["mnl"]["se"].GetDouble(), 0.15) << name;
        EXPECT_FALSE(item->HasMember("hb"));
    }
}

TEST_F(Cli, Ricebws1TableListsTheBestFirst) {
    const Outcome run = loupe("analyze " + kRice);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(contains(run.out, "90 respondents")) << run.out;
    EXPECT_TRUE(contains(run.out, "log-likelihood -1309.708")) << run.out;
    std::size_t last = run.out.find("Item ");
    ASSERT_NE(last, std::string::npos) << run.out;
    for (const char* item :
         {"Safety", "Price", "Taste", "Place_of_origin", "Variety", "Milling_date", "Washfree_rice"}) {
        const std::size_t at = run.out.find(std::string("\n") + item + " ", last);
        ASSERT_NE(at, std::string::npos) << item << " missing or out of order:\n" << run.out;
        last = at;
    }
}

// ---- simulated surveys, chained ------------------------------------------------------------------

TEST_F(Cli, BadInputsAreListedAndTheGoodOnesAnalysed) {
    simulate(35);
    fs::create_directories(at("in"));
    for (int n = 1; n <= 30; ++n) fs::copy_file(at("answers") / response_name(n), at("in") / response_name(n));
    fs::copy_file(at("answers") / response_name(1), at("in") / "second-copy.loupe");
    const std::string whole = read_text(at("answers") / response_name(35));
    write_text(at("in") / "truncated.loupe", whole.substr(0, whole.size() / 2));
    ASSERT_EQ(loupe("simulate --items 8 --seed 6 --write-survey other.loupe --respondents 1 --out other").exit_code, 0);
    fs::copy_file(at("other") / response_name(1), at("in") / "theirs.loupe");

    // An e-mail thread: two codes, a quoted reply repeating the first, one split over two lines
    // by a mail client, and one with a typo.
    std::string typo = code(34);
    typo[20] = typo[20] == 'A' ? 'B' : 'A';
    write_text(at("thread.txt"), "Subject: survey answers\n\nHi, mine is " + code(31) + "\nand Bob's: " + code(32) +
                                     "\n\n> On Monday you wrote:\n> " + code(31) + "\n\nCarol:\n" +
                                     code(33).substr(0, 30) + "\n" + code(33).substr(30) + "\nDan: " + typo + "\n");

    const Outcome json_run = loupe("analyze s.loupe in thread.txt --json");
    ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
    const rapidjson::Document doc = parse_json(json_run.out);
    EXPECT_EQ(doc["respondents"].GetInt(), 33);  // 30 files and 3 codes
    EXPECT_EQ(doc["tasks"].GetInt(), 33 * 6);
    EXPECT_STREQ(doc["survey"]["source"].GetString(), "s.loupe");
    EXPECT_EQ(count_status(doc, "accepted"), 33);
    EXPECT_EQ(count_status(doc, "duplicate"), 2);
    EXPECT_EQ(count_status(doc, "damaged"), 2);
    EXPECT_EQ(count_status(doc, "other survey"), 1);
    auto inputs = inputs_of(doc);
    EXPECT_EQ(inputs["s.loupe"].first, "survey");
    EXPECT_EQ(inputs["in/truncated.loupe"].first, "damaged");
    EXPECT_TRUE(contains(inputs["in/truncated.loupe"].second, "cut short")) << inputs["in/truncated.loupe"].second;
    EXPECT_EQ(inputs["in/theirs.loupe"].first, "other survey");
    EXPECT_EQ(inputs["in/second-copy.loupe"].first, "duplicate");
    EXPECT_EQ(inputs["thread.txt, code 3 (line 7)"].first, "duplicate");
    EXPECT_EQ(inputs["thread.txt, code 4 (line 10)"].first, "accepted");
    EXPECT_EQ(inputs["thread.txt, code 5 (line 12)"].first, "damaged");
    EXPECT_TRUE(contains(inputs["thread.txt, code 5 (line 12)"].second, "typo"));
    // True utilities fall from Item 1 to Item 8.
    EXPECT_GT((*find_item(doc, "Item 1"))["mnl"]["utility"].GetDouble(),
              (*find_item(doc, "Item 8"))["mnl"]["utility"].GetDouble());

    const Outcome table_run = loupe("analyze s.loupe in thread.txt");
    ASSERT_EQ(table_run.exit_code, 0) << table_run.err;
    EXPECT_TRUE(contains(table_run.out, "33 accepted, 2 duplicate, 1 other survey, 2 damaged")) << table_run.out;
    EXPECT_TRUE(contains(table_run.out, "in/truncated.loupe: this response file is cut short")) << table_run.out;
    EXPECT_TRUE(contains(table_run.out, "in/theirs.loupe: this response is for a different survey.")) << table_run.out;
    EXPECT_TRUE(contains(table_run.out, "33 respondents")) << table_run.out;
}

TEST_F(Cli, HierarchicalBayesScoresSumTo100) {
    simulate(30);
    const Outcome run = loupe("analyze s.loupe answers --hb --iterations 1000 --seed 3 --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const rapidjson::Document doc = parse_json(run.out);
    EXPECT_EQ(doc["respondents"].GetInt(), 30);
    EXPECT_EQ(doc["hb"]["burn_in"].GetInt(), 500);
    EXPECT_EQ(doc["hb"]["draws"].GetInt(), 100);
    EXPECT_EQ(doc["hb"]["thin"].GetInt(), 5);
    EXPECT_EQ(doc["hb"]["seed"].GetInt(), 3);
    double sum = 0;
    for (const auto& item : doc["items"].GetArray()) {
        const auto& hb = item["hb"];
        const double score = hb["probability_score"].GetDouble();
        sum += score;
        EXPECT_LE(hb["ci_low"].GetDouble(), score);
        EXPECT_GE(hb["ci_high"].GetDouble(), score);
    }
    EXPECT_NEAR(sum, 100, 1e-6);
    EXPECT_GT((*find_item(doc, "Item 1"))["hb"]["probability_score"].GetDouble(),
              (*find_item(doc, "Item 8"))["hb"]["probability_score"].GetDouble());
    // The same seed gives the same estimates.
    EXPECT_EQ(loupe("analyze s.loupe answers --hb --iterations 1000 --seed 3 --json").out, run.out);

    const Outcome table = loupe("analyze s.loupe answers --hb --iterations 1000 --seed 3");
    EXPECT_TRUE(contains(table.out, "95% interval")) << table.out;
    EXPECT_TRUE(contains(table.out, "500 burn-in, 100 draws kept (one every 5 iterations)")) << table.out;
}

TEST_F(Cli, SurveyMayComeAsALinkOrJsonAndAnswersAsACsv) {
    simulate(12);
    const std::string bytes = read_text(at("s.loupe"));
    auto survey = loupe::read_survey_file(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    ASSERT_TRUE(survey) << survey.error();
    const std::string link = loupe::survey_link(*survey, "https://example.com/loupe/");
    std::string wrapped = link;
    for (std::size_t at = 60; at < wrapped.size(); at += 61) wrapped.insert(at, "\n");  // by a mail client
    write_text(at("link.txt"), wrapped + "\n");
    write_text(at("survey.json"), loupe::survey_to_json(*survey));

    for (const char* survey_file : {"link.txt", "survey.json"}) {
        const Outcome run = loupe(std::string("analyze --survey ") + survey_file + " answers codes.txt --json");
        ASSERT_EQ(run.exit_code, 0) << survey_file << ": " << run.err;
        const rapidjson::Document doc = parse_json(run.out);
        EXPECT_EQ(doc["respondents"].GetInt(), 12) << survey_file;
        EXPECT_EQ(count_status(doc, "duplicate"), 12) << survey_file;  // the codes repeat the files
    }

    // A reply quoting the invitation brings its own survey.
    write_text(at("reply.txt"), "Re: our survey\n\n> Please answer at " + link + " (two minutes)\n\nDone: " + code(1) +
                                    "\nAnd Bob's: " + code(2) + "\n");
    const Outcome reply = loupe("analyze reply.txt --json");
    ASSERT_EQ(reply.exit_code, 0) << reply.err;
    const rapidjson::Document reply_doc = parse_json(reply.out);
    EXPECT_EQ(reply_doc["respondents"].GetInt(), 2);
    EXPECT_STREQ(reply_doc["survey"]["source"].GetString(), "reply.txt");

    ASSERT_EQ(loupe("simulate --survey s.loupe --respondents 20 --csv choices.csv --seed 9").exit_code, 0);
    const Outcome csv = loupe("analyze choices.csv --json");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const rapidjson::Document doc = parse_json(csv.out);
    EXPECT_EQ(doc["respondents"].GetInt(), 20);
    EXPECT_TRUE(doc["survey"].IsNull());
    EXPECT_EQ(doc["items"].Size(), 8u);

    // A table joins the survey's responses; respondents it repeats (Loupe labels them with their
    // ids, and the same seed simulates the same respondents) count once.
    ASSERT_EQ(loupe("simulate --survey s.loupe --respondents 12 --csv same.csv --seed 5").exit_code, 0);
    const Outcome joined = loupe("analyze s.loupe answers choices.csv same.csv --json");
    ASSERT_EQ(joined.exit_code, 0) << joined.err;
    const rapidjson::Document joined_doc = parse_json(joined.out);
    EXPECT_EQ(joined_doc["respondents"].GetInt(), 12 + 20);
    EXPECT_EQ(count_status(joined_doc, "duplicate"), 12);
}

TEST_F(Cli, NothingUsableExitsWithOne) {
    simulate(1);
    const std::string whole = read_text(at("answers") / response_name(1));
    write_text(at("cut.loupe"), whole.substr(0, 20));
    write_text(at("notes.txt"), "Remember to send the survey on Monday.\n");
    write_text(at("huge.bin"), "");
    fs::resize_file(at("huge.bin"), (64u << 20) + 1);  // sparse: costs no disk

    const Outcome run = loupe("analyze s.loupe cut.loupe notes.txt huge.bin");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_TRUE(contains(run.out, "cut.loupe: this response file is cut short")) << run.out;
    EXPECT_TRUE(contains(run.out, "notes.txt: this is not a Loupe file")) << run.out;
    EXPECT_TRUE(contains(run.out, "huge.bin: it is larger than 64 MiB")) << run.out;
    EXPECT_TRUE(contains(run.err, "nothing could be analysed")) << run.err;

    const Outcome without_survey = loupe("analyze answers");
    EXPECT_EQ(without_survey.exit_code, 1);
    EXPECT_TRUE(contains(without_survey.out, "can only be read with their survey")) << without_survey.out;
}

// ---- design --------------------------------------------------------------------------------------

TEST_F(Cli, DesignReportsItsBalanceAndEveryScreen) {
    const Outcome run = loupe("design --items 12 --versions 3 --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const rapidjson::Document doc = parse_json(run.out);
    EXPECT_EQ(doc["params"]["items_per_set"].GetInt(), 4);
    EXPECT_EQ(doc["params"]["sets_per_version"].GetInt(), 9);
    EXPECT_TRUE(doc["report"]["connected"].GetBool());
    EXPECT_TRUE(contains(doc["summary"].GetString(), "sees every item 3 times"));
    ASSERT_EQ(doc["versions"].Size(), 3u);
    for (const auto& version : doc["versions"].GetArray()) {
        ASSERT_EQ(version.Size(), 9u);
        for (const auto& screen : version.GetArray()) {
            ASSERT_EQ(screen.Size(), 4u);
            for (const auto& item : screen.GetArray()) EXPECT_TRUE(item.GetInt() >= 1 && item.GetInt() <= 12);
        }
    }

    const Outcome text = loupe("design --items 12 --per-set 3 --versions 1");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_TRUE(contains(text.out, "Each person answers 12 screens of 3 items")) << text.out;
    EXPECT_TRUE(contains(text.out, "screen 12:")) << text.out;
}

// ---- survey create and link ----------------------------------------------------------------------

namespace {

loupe::Survey survey_in(const fs::path& path) {
    const std::string bytes = read_text(path);
    auto survey = loupe::read_survey_file(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    EXPECT_TRUE(survey) << survey.error();
    return survey ? *survey : loupe::Survey{};
}

}  // namespace

TEST_F(Cli, SurveyCreateThenLinkGivesTheSameSurvey) {
    // A byte order mark, Windows line ends, blank lines and padding: none of it is an item.
    write_text(at("items.txt"),
               "\xef\xbb\xbf  Price, of course  \r\n\r\nThe \"fresh\" taste\r\n\tColour\n\n  \nMade locally");
    const Outcome create =
        loupe("survey create --title 'What matters?' --items-file items.txt --intro 'Two minutes.' "
              "--question 'Plan: Free | Plus | Family' --question='Team:Sales|Support' "
              "--open-question 'Anything else?' --reply-to research@example.com --out s.loupe");
    ASSERT_EQ(create.exit_code, 0) << create.err;
    EXPECT_TRUE(contains(create.out, "Wrote the survey \"What matters?\" to s.loupe")) << create.out;

    const loupe::Survey survey = survey_in(at("s.loupe"));
    EXPECT_EQ(survey.title, "What matters?");
    EXPECT_EQ(survey.intro, "Two minutes.");
    EXPECT_EQ(survey.items,
              (std::vector<std::string>{"Price, of course", "The \"fresh\" taste", "Colour", "Made locally"}));
    ASSERT_EQ(survey.segments.size(), 2u);
    EXPECT_EQ(survey.segments[0].label, "Plan");
    EXPECT_EQ(survey.segments[0].options, (std::vector<std::string>{"Free", "Plus", "Family"}));
    EXPECT_EQ(survey.segments[1].label, "Team");
    EXPECT_EQ(survey.segments[1].options, (std::vector<std::string>{"Sales", "Support"}));
    EXPECT_EQ(survey.open_question, "Anything else?");
    EXPECT_EQ(survey.reply_to, "research@example.com");
    EXPECT_EQ(survey.design, loupe::propose_design(4, 1).params);  // what the app would propose

    const Outcome link = loupe("survey link s.loupe --base https://example.com/loupe/");
    ASSERT_EQ(link.exit_code, 0) << link.err;
    ASSERT_FALSE(link.out.empty());
    EXPECT_EQ(link.out.back(), '\n');
    EXPECT_EQ(link.out.rfind("https://example.com/loupe/#s=", 0), 0u) << link.out;
    const auto from_link = loupe::survey_from_link(link.out);
    ASSERT_TRUE(from_link) << from_link.error();
    EXPECT_EQ(*from_link, survey);
    EXPECT_EQ(link.out, loupe::survey_link(survey, "https://example.com/loupe/") + "\n");

    // The link works as a survey for analyze and for another link.
    write_text(at("link.txt"), link.out);
    const Outcome again = loupe("survey link link.txt --base https://other.example/");
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(*loupe::survey_from_link(again.out), survey);
}

TEST_F(Cli, SurveyCreateTakesTheDesignFromTheCommandLine) {
    std::string items;
    for (int i = 1; i <= 12; ++i) items += "Feature " + std::to_string(i) + "\n";
    write_text(at("items.txt"), items);
    ASSERT_EQ(loupe("survey create --title T --items-file items.txt --per-set 3 --versions 2 --seed 7 --out a.loupe")
                  .exit_code,
              0);
    const loupe::DesignParams a = survey_in(at("a.loupe")).design;
    EXPECT_EQ(a.items_per_set, 3);
    EXPECT_EQ(a.sets_per_version, 12);  // each item about 3 times at 3 per screen
    EXPECT_EQ(a.versions, 2);
    EXPECT_EQ(a.seed, 7u);
    ASSERT_EQ(loupe("survey create --title T --items-file items.txt --sets 5 --out b.loupe").exit_code, 0);
    const loupe::DesignParams b = survey_in(at("b.loupe")).design;
    EXPECT_EQ(b.items_per_set, 4);
    EXPECT_EQ(b.sets_per_version, 5);
    EXPECT_EQ(b.versions, 10);
}

TEST_F(Cli, SurveyCreateAndLinkSayWhatIsWrong) {
    write_text(at("items.txt"), "A\nB\nC\n");
    write_text(at("one.txt"), "\n  Only item  \n\n");
    write_text(at("twice.txt"), "A\nB\nA\n");
    const std::string base = "survey create --title T --items-file items.txt ";
    const std::vector<std::tuple<std::string, int, std::string>> cases = {
        {"survey delete", 2, "unknown command 'delete'"},
        {"survey create --items-file items.txt --out s.loupe", 2, "--title"},
        {"survey create --title T --out s.loupe", 2, "--items-file"},
        {base, 2, "--out FILE"},
        {base + "--out s.loupe --question 'Plan Free'", 2, "needs a label, a colon"},
        {base + "--out s.loupe --question 'Plan: Free'", 2, "needs at least 2 options"},
        {base + "--out s.loupe --title U", 2, "--title is given twice"},
        {base + "--out s.loupe --per-set 9", 2, "--per-set must be a whole number from 2 to 8"},
        {base + "--out s.loupe --per-set 4", 2, "show at most 3 items per screen"},
        {"survey create --title T --items-file missing.txt --out s.loupe", 1, "missing.txt: there is no such file."},
        {"survey create --title T --items-file one.txt --out s.loupe", 1,
         "one.txt has 1 item; a survey needs 2 to 200."},
        {"survey create --title T --items-file twice.txt --out s.loupe", 1, "items 1 and 3 are the same."},
        {base + "--out s.loupe --question 'Plan: Free | '", 1, "option 2 of Segment question 1 is empty."},
        {base + "--out s.loupe --reply-to nobody", 1, "does not look like an e-mail address"},
        {base + "--out no/such/folder/s.loupe", 1, "cannot write no/such/folder/s.loupe"},
        {"survey link --base https://example.com/", 2, "name one survey file"},
        {"survey link s.loupe", 2, "--base URL"},
        {"survey link s.loupe --base 'https://example.com/#app'", 2, "without spaces or '#'"},
        {"survey link items.txt --base https://example.com/", 1, "items.txt: this is not a survey file"},
    };
    for (const auto& [args, exit_code, message] : cases) {
        const Outcome run = loupe(args);
        EXPECT_EQ(run.exit_code, exit_code) << "loupe " << args;
        EXPECT_TRUE(contains(run.err, message)) << "loupe " << args << ":\n" << run.err;
        EXPECT_FALSE(fs::exists(at("s.loupe"))) << "loupe " << args;
    }
}

// ---- usage errors --------------------------------------------------------------------------------

TEST_F(Cli, WrongCommandLinesExitWithTwoAndSayWhy) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "say what to do"},
        {"frobnicate", "unknown command 'frobnicate'"},
        {"survey", "say what to do: create or link"},
        {"analyze", "name the files to analyse"},
        {"analyze x.csv --frobnicate", "unknown option --frobnicate"},
        {"analyze x.csv --iterations 100", "add --hb"},
        {"analyze x.csv --hb --iterations lots", "--iterations must be a whole number"},
        {"analyze x.csv --survey", "--survey needs a value"},
        {"design", "--items"},
        {"design --items 1", "--items must be a whole number from 2 to 200"},
        {"design --items 10 extra", "unexpected argument 'extra'"},
        {"simulate --items 8 --survey s.loupe --csv c.csv --respondents 3", "either --survey FILE or --items K"},
        {"simulate --items 8 --respondents 3", "say where the answers go"},
        {"simulate --items 8 --out answers --respondents 3", "--write-survey"},
    };
    for (const auto& [args, message] : cases) {
        const Outcome run = loupe(args);
        EXPECT_EQ(run.exit_code, 2) << "loupe " << args;
        EXPECT_TRUE(contains(run.err, message)) << "loupe " << args << ":\n" << run.err;
        EXPECT_TRUE(contains(run.err, "loupe --help")) << "loupe " << args << ":\n" << run.err;
    }

    ASSERT_EQ(loupe("simulate --items 8 --write-survey a.loupe --seed 1").exit_code, 0);
    ASSERT_EQ(loupe("simulate --items 8 --write-survey b.loupe --seed 2").exit_code, 0);
    const Outcome two = loupe("analyze a.loupe b.loupe");
    EXPECT_EQ(two.exit_code, 2);
    EXPECT_TRUE(contains(two.err, "2 different surveys")) << two.err;
    EXPECT_TRUE(contains(two.err, "--survey FILE")) << two.err;

    const Outcome help = loupe("--help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_TRUE(contains(help.out, "loupe analyze FILE...")) << help.out;
    EXPECT_TRUE(contains(help.out, "--iterations N")) << help.out;
    EXPECT_EQ(loupe("analyze --help").out, help.out);
}

// ---- taste sessions ------------------------------------------------------------------------------

namespace {
std::vector<std::uint8_t> read_bytes(const fs::path& path) {
    const std::string text = read_text(path);
    return {text.begin(), text.end()};
}

std::string without_dtstamp(std::string ics) {
    const std::size_t at = ics.find("\r\nDTSTAMP:");
    if (at != std::string::npos) ics.erase(at, ics.find("\r\n", at + 2) - at);
    return ics;
}
}  // namespace

TEST_F(Cli, TasteTeamPlanInviteAndCalendar) {
    const Outcome team = loupe(
        "taste team create --name 'Checkout squad' --member 'Fran:PM' --member 'Ana:designer' "
        "--member 'Bo:engineer:junior' --member 'Cy:Engineer' --member 'Dee:other' "
        "--cadence 'monthly last friday 10:30 90' --out team.loupe");
    ASSERT_EQ(team.exit_code, 0) << team.err;
    EXPECT_TRUE(contains(team.out, "5 members (1 junior, marked only in this file)")) << team.out;
    auto saved = loupe::taste::read_team_file(read_bytes(at("team.loupe")));
    ASSERT_TRUE(saved) << saved.error();
    EXPECT_EQ(saved->members.size(), 5u);
    ASSERT_EQ(saved->juniors.size(), 1u);
    EXPECT_EQ(loupe::taste::find_member(*saved, saved->juniors[0].head.id)->name, "Bo");
    EXPECT_EQ(saved->settings.cadence.week, -1);
    EXPECT_EQ(saved->books.size(), 3u);

    const Outcome plan = loupe(
        "taste plan team.loupe --date 2027-01-29 --category 'budgeting apps' --focus onboarding "
        "--app 'YNAB | iOS | https://ynab.com' --app 'Monzo | Android | https://monzo.com' --app 'Copilot | web' "
        "--picker Ana --reply-to fran@example.com --out jan.loupe");
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    EXPECT_TRUE(contains(plan.out, "This month: budgeting apps, picked by Ana. Focus: onboarding. Try YNAB, Monzo "
                                   "and Copilot before Friday 29 January"))
        << plan.out;
    auto session = loupe::taste::read_session_file(read_bytes(at("jan.loupe")));
    ASSERT_TRUE(session) << session.error();
    EXPECT_EQ(session->session.plan.apps.size(), 3u);
    EXPECT_EQ(session->session.plan.invited.size(), 5u);
    EXPECT_EQ(session->team.juniors.size(), 1u);  // the facilitator's own file keeps the mark

    const Outcome invite = loupe("taste invite jan.loupe --base https://example.com/loupe/");
    ASSERT_EQ(invite.exit_code, 0) << invite.err;
    EXPECT_EQ(invite.out, loupe::taste::invite_link(session->team, session->session.plan, "https://example.com/loupe/") +
                              "\n");
    auto opened = loupe::taste::invite_from_link(invite.out);
    ASSERT_TRUE(opened) << opened.error();
    EXPECT_EQ(opened->plan, session->session.plan);
    // The invite's decoded bytes are the invite made from the team's view, with no junior flag.
    EXPECT_EQ(loupe::to_bytes(*opened),
              loupe::to_bytes(loupe::taste::make_invite(loupe::taste::for_the_team(session->team), session->session.plan)));

    const Outcome ics = loupe("taste calendar team.loupe --from 2027-01-02");
    ASSERT_EQ(ics.exit_code, 0) << ics.err;
    EXPECT_EQ(ics.out.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    EXPECT_TRUE(contains(ics.out, "\r\nDTSTART:20270129T103000\r\nDTEND:20270129T120000\r\n")) << ics.out;
    EXPECT_TRUE(contains(ics.out, "\r\nRRULE:FREQ=MONTHLY;BYDAY=-1FR\r\n")) << ics.out;
    char uid[64];
    std::snprintf(uid, sizeof uid, "UID:taste-%016llx@loupe", static_cast<unsigned long long>(saved->settings.head.id));
    EXPECT_TRUE(contains(ics.out, uid));
    // A session file holds the same team, so the same calendar, but for DTSTAMP (the moment each
    // file was made: the two runs may fall in different seconds).
    EXPECT_EQ(without_dtstamp(loupe("taste calendar jan.loupe --from 2027-01-02").out), without_dtstamp(ics.out));
}

TEST_F(Cli, TastePlanSaysWhatIsWrong) {
    ASSERT_EQ(loupe("taste team create --name T --member 'Ana:designer' --member 'Bo:PM' --out t.loupe").exit_code, 0);
    const std::string apps = " --app 'A | web' --app 'B | iOS' --app 'C | desktop'";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"taste plan t.loupe --date 2027-02-30 --category x --out s.loupe" + apps, "no day 2027-02-30"},
        {"taste plan t.loupe --date 14.01.2027 --category x --out s.loupe" + apps, "YYYY-MM-DD"},
        {"taste plan t.loupe --date 2027-01-14 --category x --out s.loupe --app 'A | web' --app 'B | web'",
         "3 to 6 apps"},
        {"taste plan t.loupe --date 2027-01-14 --category x --out s.loupe" + apps + apps + " --app 'D | web'",
         "3 to 6 apps"},
        {"taste plan t.loupe --date 2027-01-14 --category x --out s.loupe" + apps + " --picker Zed",
         "--picker \"Zed\" is not in the team (Ana, Bo)"},
        {"taste plan t.loupe --date 2027-01-14 --category x --out s.loupe --app 'A | tv' --app B --app C",
         "\"tv\" is not a platform"},
        {"taste plan t.loupe --date 2027-01-14 --category '' --out s.loupe" + apps, "category is empty"},
        {"taste team create --name T --member 'Ana' --out x.loupe", "needs a name and a role"},
        {"taste team create --name T --member 'Ana:boss' --out x.loupe", "\"boss\" is not a role"},
        {"taste team create --name T --member 'Ana:PM' --cadence 'every week' --out x.loupe", "not a cadence"},
        {"taste invite --base https://x/", "name one session file"},
        {"taste calendar", "name one team file"},
        {"taste frobnicate", "team create, plan, invite, calendar, groups or report"},
    };
    for (const auto& [args, message] : cases) {
        const Outcome run = loupe(args);
        EXPECT_EQ(run.exit_code, 2) << "loupe " << args;
        EXPECT_TRUE(contains(run.err, message)) << "loupe " << args << ":\n" << run.err;
    }
    EXPECT_FALSE(fs::exists(at("s.loupe")));
    const Outcome wrong_file = loupe("taste invite t.loupe --base https://x/");
    EXPECT_EQ(wrong_file.exit_code, 1);
    EXPECT_TRUE(contains(wrong_file.err, "taste team file, not a taste session file")) << wrong_file.err;
    const Outcome missing = loupe("taste calendar nowhere.loupe");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_TRUE(contains(missing.err, "no such file")) << missing.err;
}

namespace {
// A member's contribution to the session in `session_path`: one note per text, on the first app.
loupe::taste::Contribution contribution_of(const fs::path& session_path, const std::string& name,
                                           const std::vector<std::string>& texts) {
    using namespace loupe::taste;
    const auto file = read_session_file(read_bytes(session_path));
    EXPECT_TRUE(file) << file.error();
    Contribution c;
    c.session = file->session.plan.head.id;
    for (const Member& m : file->team.members)
        if (m.name == name) c.author = m;
    c.author.books_read.clear();
    for (std::uint32_t i = 0; i < texts.size(); ++i) {
        Note n;
        n.head = {note_id(c.author.head.id, i), {1, 1'800'000'000 + i, c.author.head.id}, false};
        n.app = file->session.plan.apps.front().id;
        n.author = c.author.head.id;
        n.kind = Kind(i % 3);
        n.text = texts[i];
        c.notes.push_back(n);
    }
    return c;
}

std::string code_of(const loupe::taste::Contribution& c, const fs::path& session_path) {
    const auto file = loupe::taste::read_session_file(read_bytes(session_path));
    return *loupe::taste::make_contribution_code(c, file->session.plan);
}
}  // namespace

TEST_F(Cli, TasteReportBringsEverythingInAndAccountsForIt) {
    ASSERT_EQ(loupe("taste team create --name Checkout --member 'Ana:designer' --member 'Bo:engineer:junior' "
                    "--member 'Cy:PM' --out team.loupe")
                  .exit_code,
              0);
    const std::string apps = " --app 'YNAB | iOS | https://ynab.com' --app 'Monzo | Android' --app 'Copilot | web'";
    ASSERT_EQ(
        loupe("taste plan team.loupe --date 2027-01-14 --category 'budgeting apps' --out jan.loupe" + apps).exit_code,
        0);
    ASSERT_EQ(loupe("taste plan team.loupe --date 2027-02-11 --category 'note apps' --out feb.loupe" + apps).exit_code,
              0);

    const auto ana = contribution_of(at("jan.loupe"), "Ana", {"Setup took a minute.", "Totals are =tiny, grey"});
    const auto ana_file = loupe::taste::write_contribution_file(ana);
    write_text(at("ana.loupe"), std::string(ana_file.begin(), ana_file.end()));
    std::string typo = code_of(contribution_of(at("jan.loupe"), "Cy", {"Another note."}), at("jan.loupe"));
    typo[12] = typo[12] == 'A' ? 'B' : 'A';
    write_text(at("mail.txt"),
               "Bo wrote:\n> " + code_of(contribution_of(at("jan.loupe"), "Bo", {"Bo's note."}), at("jan.loupe")) +
                   "\nand for February:\n" +
                   code_of(contribution_of(at("feb.loupe"), "Cy", {"Cy in February."}), at("feb.loupe")) +
                   "\nand a typo: " + typo + "\n");
    write_text(at("hello.txt"), "just saying hi");

    const Outcome jan = loupe("taste report jan.loupe ana.loupe mail.txt hello.txt team.loupe ana.loupe");
    ASSERT_EQ(jan.exit_code, 0) << jan.err;
    EXPECT_EQ(jan.err,
              "jan.loupe: the session, budgeting apps on 2027-01-14, 0 notes\n"
              "ana.loupe: added, Ana's 2 notes\n"
              "mail.txt, code 1: added, Bo's 1 note\n"
              "mail.txt, code 2: another session: this contribution code is for a session not given here.\n"
              "mail.txt, code 3: damaged: this contribution code has a typo: its checksum does not match.\n"
              "hello.txt: not used: it holds no contribution code (codes start with TASTE-) and is not a Loupe file.\n"
              "team.loupe: not used: it is a Loupe taste team file, not a session file, a contribution file or text "
              "with contribution codes.\n"
              "ana.loupe: unchanged (already here), Ana's 2 notes\n"
              "budgeting apps on 2027-01-14: notes from Ana, Bo; none yet from Cy.\n");
    EXPECT_EQ(jan.out.rfind("# budgeting apps \xE2\x80\x94 2027-01-14\n", 0), 0u) << jan.out;
    EXPECT_TRUE(contains(jan.out, "- **Ana:** Setup took a minute.\n")) << jan.out;
    EXPECT_TRUE(contains(jan.out, "- **Bo:** Bo's note.\n")) << jan.out;
    EXPECT_FALSE(contains(jan.out, "junior"));

    // Both sessions: one report with each, and February's code goes to February.
    const Outcome both = loupe("taste report jan.loupe feb.loupe mail.txt --markdown");
    ASSERT_EQ(both.exit_code, 0) << both.err;
    EXPECT_TRUE(contains(both.err, "mail.txt, code 2: added, Cy's 1 note\n")) << both.err;
    EXPECT_TRUE(contains(both.err, "note apps on 2027-02-11: notes from Cy; none yet from Ana, Bo.\n")) << both.err;
    EXPECT_TRUE(contains(both.out, "\n---\n\n# note apps \xE2\x80\x94 2027-02-11\n")) << both.out;
    EXPECT_TRUE(contains(both.out, "- **Cy:** Cy in February.\n"));

    const Outcome csv = loupe("taste report jan.loupe ana.loupe --csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("session,date,category,app,kind,author,text,tags,praised\r\n", 0), 0u) << csv.out;
    EXPECT_TRUE(contains(csv.out, ",2027-01-14,budgeting apps,YNAB,bad,Ana,\"Totals are =tiny, grey\",,\r\n"))
        << csv.out;
    EXPECT_EQ(loupe("taste report jan.loupe --actions-csv").out, "session,date,category,action,owner,status,due\r\n");
    const Outcome json = loupe("taste report jan.loupe ana.loupe --json");
    const rapidjson::Document doc = parse_json(json.out);
    EXPECT_EQ(doc["sessions"][0]["apps"][0]["notes"].Size(), 2u);
    const Outcome html = loupe("taste report jan.loupe ana.loupe --html");
    EXPECT_EQ(html.out.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_TRUE(contains(html.out, "Setup took a minute."));
    for (const Outcome* run : {&csv, &json, &html}) EXPECT_FALSE(contains(run->out, "junior"));
}

TEST_F(Cli, TasteReportSaysWhatIsWrong) {
    ASSERT_EQ(loupe("taste team create --name T --member 'Ana:designer' --out t.loupe").exit_code, 0);
    ASSERT_EQ(loupe("taste plan t.loupe --date 2027-01-14 --category x --out s.loupe --app 'A | web' --app 'B | iOS' "
                    "--app 'C | desktop'")
                  .exit_code,
              0);
    const Outcome two = loupe("taste report s.loupe --csv --json");
    EXPECT_EQ(two.exit_code, 2);
    EXPECT_TRUE(contains(two.err, "choose one of --markdown, --html, --csv, --actions-csv and --json")) << two.err;
    const Outcome none = loupe("taste report");
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_TRUE(contains(none.err, "name the session file")) << none.err;
    write_text(at("mail.txt"), "no codes here");
    const Outcome no_session = loupe("taste report mail.txt t.loupe");
    EXPECT_EQ(no_session.exit_code, 1);
    EXPECT_TRUE(contains(no_session.err, "mail.txt: not used: there is no session file to read it against.\n"))
        << no_session.err;
    EXPECT_TRUE(contains(no_session.err, "no session file could be read")) << no_session.err;
    EXPECT_EQ(no_session.out, "");
    auto damaged = read_bytes(at("s.loupe"));
    damaged[damaged.size() / 2] ^= 1;
    write_text(at("bad.loupe"), std::string(damaged.begin(), damaged.end()));
    const Outcome bad = loupe("taste report bad.loupe");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_TRUE(contains(bad.err, "bad.loupe: damaged: ")) << bad.err;
}

namespace {
// The names per group as the core proposes them for `file`'s people, the way the app will.
std::vector<std::vector<std::string>> core_groups(const loupe::taste::SessionFile& file,
                                                  const std::vector<std::uint64_t>& present, std::uint64_t seed) {
    std::vector<loupe::taste::Person> people;
    for (std::uint64_t id : present) people.push_back(loupe::taste::person_of(file.team, file.session, id));
    std::vector<std::vector<std::string>> names;
    for (const auto& group : loupe::taste::propose_groups(people, seed)) {
        names.emplace_back();
        for (std::uint64_t id : group) names.back().push_back(loupe::taste::find_member(file.team, id)->name);
    }
    return names;
}

std::string group_lines(const std::vector<std::vector<std::string>>& groups) {
    std::string out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        out += "Group " + std::to_string(g + 1) + ":";
        for (std::size_t k = 0; k < groups[g].size(); ++k) out += (k ? ", " : " ") + groups[g][k];
        out += "\n";
    }
    return out;
}
}  // namespace

TEST_F(Cli, TasteGroupsProposesWhatTheAppWill) {
    const char* members[] = {"Ana:designer:junior", "Bo:engineer", "Cy:engineer:junior", "Dee:PM", "Eli:designer",
                             "Fay:engineer", "Gus:other", "Hal:PM:junior", "Ivy:designer", "Jo:engineer",
                             "Kim:engineer:junior", "Lu:designer", "Max:PM"};
    std::string command = "taste team create --name Product --out team.loupe";
    for (const char* m : members) command += std::string(" --member '") + m + "'";
    ASSERT_EQ(loupe(command).exit_code, 0);
    auto team = loupe::taste::read_team_file(read_bytes(at("team.loupe")));
    ASSERT_TRUE(team) << team.error();
    loupe::taste::SessionFile from_team;
    from_team.team = *team;

    // A team file: everyone, seed 1; three groups of 4 or 5.
    const Outcome all = loupe("taste groups team.loupe");
    ASSERT_EQ(all.exit_code, 0) << all.err;
    const auto expected = core_groups(from_team, team->settings.rota.order, 1);
    ASSERT_EQ(expected.size(), 3u);
    EXPECT_EQ(all.out, group_lines(expected));
    EXPECT_EQ(loupe("taste groups team.loupe --seed 1").out, all.out);
    const Outcome other_seed = loupe("taste groups team.loupe --seed 2");
    EXPECT_EQ(other_seed.out, group_lines(core_groups(from_team, team->settings.rota.order, 2)));
    EXPECT_NE(other_seed.out, all.out);

    // --json: the same groups.
    const Outcome json = loupe("taste groups team.loupe --json");
    ASSERT_EQ(json.exit_code, 0) << json.err;
    rapidjson::Document doc;
    doc.Parse(json.out.c_str());
    ASSERT_FALSE(doc.HasParseError()) << json.out;
    EXPECT_EQ(doc["seed"].GetUint64(), 1u);
    ASSERT_EQ(doc["groups"].Size(), expected.size());
    for (rapidjson::SizeType g = 0; g < doc["groups"].Size(); ++g) {
        std::vector<std::string> names;
        for (const auto& name : doc["groups"][g].GetArray()) names.emplace_back(name.GetString());
        EXPECT_EQ(names, expected[g]);
    }

    // Some of them: eight or fewer are one group, in the order named.
    const Outcome few = loupe("taste groups team.loupe --present Cy --present Ana --present Max");
    ASSERT_EQ(few.exit_code, 0) << few.err;
    EXPECT_EQ(few.out, "Group 1: Cy, Ana, Max\n");

    // A session file: the invited (everyone), with the session's id as the seed.
    ASSERT_EQ(loupe("taste plan team.loupe --date 2027-01-14 --category 'budgeting apps' --app 'A | web' "
                    "--app 'B | iOS' --app 'C | Android' --out jan.loupe")
                  .exit_code,
              0);
    auto session = loupe::taste::read_session_file(read_bytes(at("jan.loupe")));
    ASSERT_TRUE(session) << session.error();
    const Outcome planned = loupe("taste groups jan.loupe");
    ASSERT_EQ(planned.exit_code, 0) << planned.err;
    EXPECT_EQ(planned.out, group_lines(core_groups(*session, session->session.plan.invited,
                                                   loupe::taste::groups_seed(session->session))));
    const Outcome nine = loupe(
        "taste groups jan.loupe --seed 18446744073709551615 --present Ana --present Bo --present Cy --present Dee "
        "--present Eli --present Fay --present Gus --present Hal --present Ivy");
    ASSERT_EQ(nine.exit_code, 0) << nine.err;
    std::vector<std::uint64_t> first_nine(session->team.settings.rota.order.begin(),
                                          session->team.settings.rota.order.begin() + 9);
    EXPECT_EQ(nine.out, group_lines(core_groups(*session, first_nine, 18446744073709551615ull)));
}

TEST_F(Cli, TasteGroupsSaysWhatIsWrong) {
    ASSERT_EQ(
        loupe("taste team create --name Product --member 'Ana:designer' --member 'Bo:PM' --out t.loupe").exit_code, 0);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"taste groups t.loupe --present Ana --present Eve", "no one named 'Eve' in the team 'Product' (Ana, Bo)"},
        {"taste groups t.loupe --present Ana --present Ana", "'Ana' is named twice"},
        {"taste groups t.loupe --seed -1", "--seed must be a whole number from 0"},
        {"taste groups t.loupe --seed 18446744073709551616", "--seed must be a whole number"},
        {"taste groups", "name one team file or session file"},
        {"taste groups t.loupe --json=yes", "--json takes no value"},
    };
    for (const auto& [args, message] : cases) {
        const Outcome run = loupe(args);
        EXPECT_EQ(run.exit_code, 2) << "loupe " << args;
        EXPECT_TRUE(contains(run.err, message)) << "loupe " << args << ":\n" << run.err;
    }
    write_text(at("notes.txt"), "just some text");
    const Outcome foreign = loupe("taste groups notes.txt");
    EXPECT_EQ(foreign.exit_code, 1);
    EXPECT_TRUE(contains(foreign.err, "notes.txt: ")) << foreign.err;
    const Outcome missing = loupe("taste groups nowhere.loupe");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_TRUE(contains(missing.err, "no such file")) << missing.err;
}
