// choices.cpp — checking ChoiceData, reading and writing the long CSV format.
#include "core/maxdiff/choices.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/shared/text.h"

namespace loupe {

std::string check_choices(const ChoiceData& data) {
    const int k = static_cast<int>(data.items.size());
    if (k < 2) return "There must be at least two items.";
    if (k > kMaxChoiceItems) return "There are more than " + std::to_string(kMaxChoiceItems) + " items.";
    if (data.respondents < 1) return "There are no respondents.";
    if (!data.respondent_ids.empty() && static_cast<int>(data.respondent_ids.size()) != data.respondents)
        return "The number of respondent labels does not match the number of respondents.";
    if (data.tasks.empty()) return "There are no answers.";
    std::vector<int> seen_in(k, -1);  // task that last showed each item: finds repeats without sorting
    for (int t = 0; t < static_cast<int>(data.tasks.size()); ++t) {
        const Task& task = data.tasks[t];
        const std::string where = "Task " + std::to_string(t + 1) + ": ";
        if (task.respondent < 0 || task.respondent >= data.respondents) return where + "the respondent is out of range.";
        if (task.shown.size() < 2) return where + "fewer than two items are shown.";
        for (int item : task.shown) {
            if (item < 0 || item >= k) return where + "an item is out of range.";
            if (seen_in[item] == t) return where + "item '" + data.items[item] + "' is shown twice.";
            seen_in[item] = t;
        }
        if (task.best < 0 || task.best >= k || seen_in[task.best] != t) return where + "the best item is not among those shown.";
        if (task.worst != -1 && (task.worst < 0 || task.worst >= k || seen_in[task.worst] != t))
            return where + "the worst item is not among those shown.";
        if (task.worst == task.best) return where + "the same item is both best and worst.";
    }
    return {};
}

// ---- reading ----------------------------------------------------------------------------------
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// Shown in messages; a pasted binary file must not produce a megabyte of error text.
std::string excerpt(std::string_view s) {
    return s.size() <= 40 ? std::string(s) : std::string(utf8_prefix(s, 40)) + "...";
}

std::string at_line(int line) { return "line " + std::to_string(line) + ": "; }

// Splits delimited text into records, RFC 4180 style: fields may be quoted, a quote inside a
// quoted field is doubled, a quoted field may span lines. Unquoted fields are trimmed.
class CsvRecords {
public:
    CsvRecords(std::string_view text, char separator) : text_(text), separator_(separator) {}

    // Fills `fields` with the next record; false at the end of the text or on error().
    bool next(std::vector<std::string>& fields) {
        fields.clear();
        if (pos_ >= text_.size()) return false;
        record_line_ = line_;
        for (;;) {
            std::string field;
            skip_blanks();
            if (pos_ < text_.size() && text_[pos_] == '"') {
                if (!read_quoted(field)) return false;
            } else {
                const std::size_t start = pos_;
                while (pos_ < text_.size() && !ends_field(text_[pos_])) ++pos_;
                field = trim(text_.substr(start, pos_ - start));
            }
            fields.push_back(std::move(field));
            if (pos_ >= text_.size()) return true;
            const char c = text_[pos_++];
            if (c == separator_) continue;
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            if (c == '\r' || c == '\n') {
                ++line_;
                return true;
            }
            error_ = at_line(line_) + "unexpected text after a closing quote.";
            return false;
        }
    }
    int line() const { return record_line_; }
    const std::string& error() const { return error_; }

private:
    bool ends_field(char c) const { return c == separator_ || c == '\n' || c == '\r'; }
    void skip_blanks() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t') && text_[pos_] != separator_) ++pos_;
    }

    bool read_quoted(std::string& field) {
        const int opened_on = line_;
        ++pos_;
        for (;;) {
            if (pos_ >= text_.size()) {
                error_ = at_line(opened_on) + "a quoted field is never closed.";
                return false;
            }
            const char c = text_[pos_++];
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                    continue;
                }
                skip_blanks();
                return true;
            }
            if (c == '\n') ++line_;
            field += c;
        }
    }

    std::string_view text_;
    char separator_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int record_line_ = 1;
    std::string error_;
};

char guess_separator(std::string_view text) {
    const std::string_view header = text.substr(0, text.find('\n'));
    for (char c : {',', ';', '\t'})
        if (header.find(c) != std::string_view::npos) return c;
    return ',';
}

// What the parser remembers about a task while its rows are being read.
struct TaskLines {
    std::string label;
    int first = 0, best = 0, worst = 0;  // line numbers; 0 = none yet
};

}  // namespace

Result<ChoiceData> read_long_csv(std::string_view text) {
    if (text.size() > kMaxCsvBytes) return failure<ChoiceData>("The file is larger than 64 MiB.");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
    CsvRecords records(text, guess_separator(text));
    std::vector<std::string> fields;
    if (!records.next(fields)) {
        if (!records.error().empty()) return failure<ChoiceData>(records.error());
        return failure<ChoiceData>("The file is empty.");
    }

    // Header: find the four columns by name.
    const char* names[4] = {"respondent", "task", "item", "value"};
    int column[4] = {-1, -1, -1, -1};
    for (int f = 0; f < static_cast<int>(fields.size()); ++f)
        for (int c = 0; c < 4; ++c)
            if (column[c] < 0 && lower(fields[f]) == names[c]) column[c] = f;
    for (int c = 0; c < 4; ++c)
        if (column[c] < 0)
            return failure<ChoiceData>(at_line(records.line()) +
                                       "the header must name the columns respondent, task, item and value; '" +
                                       names[c] + "' is missing.");
    const std::size_t needed = static_cast<std::size_t>(*std::max_element(column, column + 4)) + 1;

    ChoiceData data;
    std::unordered_map<std::string, int> item_index, respondent_index;
    std::map<std::pair<int, std::string>, int> task_index;  // (respondent, task label) -> task
    std::vector<TaskLines> task_lines;
    while (records.next(fields)) {
        const int line = records.line();
        if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
        if (fields.size() < needed)
            return failure<ChoiceData>(at_line(line) + "expected " + std::to_string(needed) + " fields, found " +
                                       std::to_string(fields.size()) + ".");
        const std::string& respondent = fields[column[0]];
        const std::string& task_label = fields[column[1]];
        const std::string& item = fields[column[2]];
        const std::string& value = fields[column[3]];
        for (int c = 0; c < 3; ++c)
            if (fields[column[c]].empty()) return failure<ChoiceData>(at_line(line) + "the " + names[c] + " is empty.");
        int v = 0;
        if (value == "1" || value == "+1") v = 1;
        else if (value == "-1") v = -1;
        else if (value != "0")
            return failure<ChoiceData>(at_line(line) + "value must be 1, 0 or -1, found '" + excerpt(value) + "'.");

        auto [r_it, new_respondent] = respondent_index.try_emplace(respondent, data.respondents);
        if (new_respondent) {
            ++data.respondents;
            data.respondent_ids.push_back(respondent);
        }
        auto [i_it, new_item] = item_index.try_emplace(item, static_cast<int>(data.items.size()));
        if (new_item) {
            if (static_cast<int>(data.items.size()) == kMaxChoiceItems)
                return failure<ChoiceData>(at_line(line) + "more than " + std::to_string(kMaxChoiceItems) + " different items.");
            data.items.push_back(item);
        }
        auto [t_it, new_task] = task_index.try_emplace({r_it->second, task_label}, static_cast<int>(data.tasks.size()));
        if (new_task) {
            data.tasks.push_back(Task{r_it->second, {}, -1, -1});
            task_lines.push_back(TaskLines{task_label, line, 0, 0});
        }
        Task& task = data.tasks[t_it->second];
        TaskLines& seen = task_lines[t_it->second];
        auto which = [&] { return "task '" + excerpt(task_label) + "' of respondent '" + excerpt(respondent) + "'"; };
        if (std::find(task.shown.begin(), task.shown.end(), i_it->second) != task.shown.end())
            return failure<ChoiceData>(at_line(line) + "item '" + excerpt(item) + "' appears twice in " + which() + ".");
        task.shown.push_back(i_it->second);
        if (v == 1) {
            if (seen.best)
                return failure<ChoiceData>(at_line(line) + which() + " already has a best item (line " +
                                           std::to_string(seen.best) + ").");
            task.best = i_it->second;
            seen.best = line;
        } else if (v == -1) {
            if (seen.worst)
                return failure<ChoiceData>(at_line(line) + which() + " already has a worst item (line " +
                                           std::to_string(seen.worst) + ").");
            task.worst = i_it->second;
            seen.worst = line;
        }
    }
    if (!records.error().empty()) return failure<ChoiceData>(records.error());
    if (data.tasks.empty()) return failure<ChoiceData>("The file has a header but no answers.");

    for (std::size_t t = 0; t < data.tasks.size(); ++t) {
        const Task& task = data.tasks[t];
        if (task.shown.size() >= 2 && task.best >= 0) continue;
        const std::string which = "Task '" + excerpt(task_lines[t].label) + "' of respondent '" +
                                  excerpt(data.respondent_ids[task.respondent]) + "' (from line " +
                                  std::to_string(task_lines[t].first) + ")";
        return failure<ChoiceData>(which + (task.shown.size() < 2 ? " shows only one item." : " has no item with value 1."));
    }
    if (data.items.size() < 2) return failure<ChoiceData>("The file names fewer than two items.");
    return data;
}

// ---- writing ----------------------------------------------------------------------------------

std::string csv_field(const std::string& s) {
    const bool plain = s.empty() || (s.find_first_of(",;\t\"\r\n") == std::string::npos && s.front() != ' ' &&
                                     s.back() != ' ');
    if (plain) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string write_long_csv(const ChoiceData& data) {
    std::string out = "respondent,task,item,value\n";
    std::vector<int> task_number(std::max(data.respondents, 0), 0);
    for (const Task& task : data.tasks) {
        if (task.respondent < 0 || task.respondent >= data.respondents) continue;
        const std::string respondent = task.respondent < static_cast<int>(data.respondent_ids.size())
                                           ? csv_field(data.respondent_ids[task.respondent])
                                           : std::to_string(task.respondent + 1);
        const std::string number = std::to_string(++task_number[task.respondent]);
        for (int item : task.shown) {
            if (item < 0 || item >= static_cast<int>(data.items.size())) continue;
            const char* value = item == task.best ? "1" : item == task.worst ? "-1" : "0";
            out += respondent + ',' + number + ',' + csv_field(data.items[item]) + ',' + value + '\n';
        }
    }
    return out;
}

}  // namespace loupe
