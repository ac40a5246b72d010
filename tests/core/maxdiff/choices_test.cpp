// choices_test.cpp — the long CSV reader accepts the published datasets and explains bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/maxdiff/choices.h"
#include "datasets.h"

using namespace loupe;

namespace {

std::string error_of(std::string_view csv) {
    Result<ChoiceData> r = read_long_csv(csv);
    return r ? "(no error)" : r.error();
}

}  // namespace

TEST(ChoiceCsv, ReadsRicebws1) {
    Result<ChoiceData> data = read_long_csv(read_dataset("ricebws1_long.csv"));
    ASSERT_TRUE(data) << data.error();
    EXPECT_EQ(data->respondents, 90);
    EXPECT_EQ(data->items.size(), 7u);
    EXPECT_EQ(data->tasks.size(), 90u * 7);
    EXPECT_EQ(data->items[0], "Variety");  // order of first appearance
    const Task& first = data->tasks[0];
    EXPECT_EQ(first.shown.size(), 4u);
    EXPECT_EQ(data->items[first.best], "Milling_date");
    EXPECT_EQ(data->items[first.worst], "Variety");
    EXPECT_EQ(check_choices(*data), "");
}

TEST(ChoiceCsv, ReadsVdata) {
    Result<ChoiceData> data = read_long_csv(read_dataset("vdata_long.csv"));
    ASSERT_TRUE(data) << data.error();
    EXPECT_EQ(data->respondents, 350);
    EXPECT_EQ(data->items.size(), 13u);
    EXPECT_EQ(data->tasks.size(), 350u * 13);
}

TEST(ChoiceCsv, AcceptsQuotesSemicolonsBomAndMissingWorst) {
    Result<ChoiceData> data = read_long_csv(
        "\xEF\xBB\xBF\"Respondent\";\"Task\";\"Item\";\"Value\";\"note\"\r\n"
        "\"a\";1;\"x; \"\"quoted\"\"\";1;n\r\n"
        "\"a\";1;y;0;n\r\n"
        "\r\n"
        "a;1;z;-1;n\r\n"
        "b;1;y;+1;\r\n"
        "b;1; \"z\" ;0;\n");
    ASSERT_TRUE(data) << data.error();
    EXPECT_EQ(data->items, (std::vector<std::string>{"x; \"quoted\"", "y", "z"}));
    EXPECT_EQ(data->respondent_ids, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(data->tasks.size(), 2u);
    EXPECT_EQ(data->tasks[0].best, 0);
    EXPECT_EQ(data->tasks[0].worst, 2);
    EXPECT_EQ(data->tasks[1].best, 1);
    EXPECT_EQ(data->tasks[1].worst, -1);
}

TEST(ChoiceCsv, GroupsRowsOfATaskThatAreNotAdjacent) {
    Result<ChoiceData> data = read_long_csv("respondent,task,item,value\n1,1,a,1\n1,2,a,-1\n1,1,b,-1\n1,2,b,1\n");
    ASSERT_TRUE(data) << data.error();
    ASSERT_EQ(data->tasks.size(), 2u);
    EXPECT_EQ(data->tasks[0].shown, (std::vector<int>{0, 1}));
    EXPECT_EQ(data->tasks[1].best, 1);
}

TEST(ChoiceCsv, SaysWhatIsWrongAndWhere) {
    const std::string header = "respondent,task,item,value\n";
    EXPECT_EQ(error_of(""), "The file is empty.");
    EXPECT_EQ(error_of("respondent,task,thing,value\n1,1,a,1\n"),
              "line 1: the header must name the columns respondent, task, item and value; 'item' is missing.");
    EXPECT_EQ(error_of(header), "The file has a header but no answers.");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,b,x\n"), "line 3: value must be 1, 0 or -1, found 'x'.");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,b\n"), "line 3: expected 4 fields, found 3.");
    EXPECT_EQ(error_of(header + "1,1,,1\n"), "line 2: the item is empty.");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,a,0\n"), "line 3: item 'a' appears twice in task '1' of respondent '1'.");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,b,1\n"), "line 3: task '1' of respondent '1' already has a best item (line 2).");
    EXPECT_EQ(error_of(header + "1,1,a,-1\n1,1,b,0\n1,1,c,-1\n"),
              "line 4: task '1' of respondent '1' already has a worst item (line 2).");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,b,0\n1,2,a,0\n1,2,b,-1\n"),
              "Task '2' of respondent '1' (from line 4) has no item with value 1.");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,b,0\n2,1,a,1\n"), "Task '1' of respondent '2' (from line 4) shows only one item.");
    EXPECT_EQ(error_of(header + "1,1,\"a,1\n"), "line 2: a quoted field is never closed.");
    EXPECT_EQ(error_of(header + "1,1,\"a\"b,1\n"), "line 2: unexpected text after a closing quote.");
    EXPECT_EQ(error_of(header + "1,1,a,1\n1,1,b,0.5" + std::string(100, '0') + "\n"),
              "line 3: value must be 1, 0 or -1, found '0.50000000000000000000000000000000000000...'.");
}

TEST(ChoiceCsv, CountsLinesInsideQuotedFields) {
    EXPECT_EQ(error_of("respondent,task,item,value\n1,1,\"two\nlines\",1\n1,1,b,2\n"),
              "line 4: value must be 1, 0 or -1, found '2'.");
}

TEST(ChoiceCsv, RefusesHugeText) {
    const std::string big(kMaxCsvBytes + 1, ' ');
    EXPECT_EQ(error_of(big), "The file is larger than 64 MiB.");
}

TEST(ChoiceCsv, WritesWhatItReads) {
    Result<ChoiceData> data = read_long_csv(read_dataset("ricebws1_long.csv"));
    ASSERT_TRUE(data) << data.error();
    Result<ChoiceData> again = read_long_csv(write_long_csv(*data));
    ASSERT_TRUE(again) << again.error();
    EXPECT_EQ(again->items, data->items);
    EXPECT_EQ(again->respondent_ids, data->respondent_ids);
    ASSERT_EQ(again->tasks.size(), data->tasks.size());
    for (std::size_t t = 0; t < data->tasks.size(); ++t) {
        EXPECT_EQ(again->tasks[t].shown, data->tasks[t].shown);
        EXPECT_EQ(again->tasks[t].best, data->tasks[t].best);
        EXPECT_EQ(again->tasks[t].worst, data->tasks[t].worst);
    }
}

TEST(ChoiceCsv, QuotesAFieldOnlyWhenItMust) {
    EXPECT_EQ(csv_field("Taste"), "Taste");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("a;b"), "\"a;b\"");
    EXPECT_EQ(csv_field("a\tb"), "\"a\tb\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field(" padded"), "\" padded\"");
    // What is written reads back as it was, spaces and all.
    ChoiceData data;
    data.items = {" padded ", "say \"hi\", twice"};
    data.respondents = 1;
    data.tasks = {{0, {0, 1}, 1, 0}};
    const auto again = read_long_csv(write_long_csv(data));
    ASSERT_TRUE(again) << again.error();
    EXPECT_EQ(again->items, data.items);
}

TEST(ChoiceData, CheckFindsInconsistentData) {
    ChoiceData data;
    data.items = {"a", "b", "c"};
    data.respondents = 1;
    data.tasks = {Task{0, {0, 1, 2}, 0, 2}};
    EXPECT_EQ(check_choices(data), "");
    data.tasks[0].worst = 0;
    EXPECT_EQ(check_choices(data), "Task 1: the same item is both best and worst.");
    data.tasks[0] = Task{0, {0, 1}, 2, -1};
    EXPECT_EQ(check_choices(data), "Task 1: the best item is not among those shown.");
    data.tasks[0] = Task{0, {0, 1, 1}, 0, -1};
    EXPECT_EQ(check_choices(data), "Task 1: item 'b' is shown twice.");
    data.tasks[0] = Task{1, {0, 1}, 0, -1};
    EXPECT_EQ(check_choices(data), "Task 1: the respondent is out of range.");
}
