// datasets.h — reading the published MaxDiff datasets in ../shared/datasets from tests.
#pragma once
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

inline std::string read_dataset(const std::string& name) {
    std::ifstream in(std::string(LOUPE_DATASETS_DIR) + "/" + name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// ricebws1_reference.csv: item name -> column name -> value.
inline std::map<std::string, std::map<std::string, double>> rice_reference() {
    std::istringstream in(read_dataset("ricebws1_reference.csv"));
    auto split = [](const std::string& line) {
        std::vector<std::string> fields;
        std::stringstream s(line);
        for (std::string f; std::getline(s, f, ',');) {
            if (f.size() >= 2 && f.front() == '"') f = f.substr(1, f.size() - 2);
            fields.push_back(f);
        }
        return fields;
    };
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> columns = split(line);
    std::map<std::string, std::map<std::string, double>> ref;
    while (std::getline(in, line)) {
        const std::vector<std::string> f = split(line);
        for (std::size_t c = 1; c < f.size() && c < columns.size(); ++c) ref[f[0]][columns[c]] = std::stod(f[c]);
    }
    return ref;
}
