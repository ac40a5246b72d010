// read_contribution.cpp — reads what a participant sent back, for the browser tests.
//
//   loupe_e2e_read_contribution SESSION_FILE INPUT
// INPUT is a contribution file, or a text file holding contribution codes (as pasted from a
// mail). Prints JSON: for each contribution found, its problem (empty when it reads), its
// author and its notes (kind, app name, text, tags, screenshot count, revision counter, deleted),
// and for a file the pictures it carries. A check of the core's own readers, not of the app.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/shared/container.h"
#include "core/taste/formats.h"

using namespace loupe::taste;

namespace {

std::string json(const std::string& s) {
    std::string out = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\', out += char(ch);
        else if (ch < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", ch); out += b; }
        else out += char(ch);
    }
    return out + "\"";
}

std::string app_name(const Plan& plan, std::uint64_t id) {
    for (const App& a : plan.apps)
        if (a.id == id) return a.name;
    return "";
}

void print(const std::string& problem, const Contribution& c, const Plan& plan, bool file) {
    std::printf("{\"problem\":%s,\"author\":%s,\"author_id\":\"%016llx\",\"notes\":[", json(problem).c_str(),
                json(c.author.name).c_str(), static_cast<unsigned long long>(c.author.head.id));
    for (std::size_t i = 0; i < c.notes.size(); ++i) {
        const Note& n = c.notes[i];
        std::string tags;
        for (const std::string& t : n.tags) tags += (tags.empty() ? "" : ",") + json(t);
        std::printf("%s{\"kind\":\"%s\",\"app\":%s,\"text\":%s,\"tags\":[%s],\"screenshots\":%zu,\"counter\":%u,"
                    "\"deleted\":%s}",
                    i ? "," : "", kind_name(n.kind), json(app_name(plan, n.app)).c_str(), json(n.text).c_str(),
                    tags.c_str(), n.screenshots.size(), n.head.rev.counter, n.head.deleted ? "true" : "false");
    }
    std::printf("],\"screenshots\":%zu", c.screenshots.size());
    if (file) {
        std::printf(",\"images\":[");
        for (std::size_t i = 0; i < c.images.size(); ++i)
            std::printf("%s{\"width\":%u,\"height\":%u,\"bytes\":%zu,\"jpeg\":%s}", i ? "," : "", c.images[i].meta.width,
                        c.images[i].meta.height, c.images[i].image.size(),
                        c.images[i].image.size() > 2 && c.images[i].image[0] == 0xFF && c.images[i].image[1] == 0xD8
                            ? "true" : "false");
        std::printf("]");
    }
    std::printf("}");
}

std::vector<std::uint8_t> slurp(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: loupe_e2e_read_contribution SESSION_FILE INPUT\n");
        return 2;
    }
    auto session = read_session_file(slurp(argv[1]));
    if (!session) {
        std::fprintf(stderr, "%s: %s\n", argv[1], session.error().c_str());
        return 1;
    }
    const Plan& plan = session->session.plan;
    const auto bytes = slurp(argv[2]);
    loupe::FileKind kind{};
    std::printf("[");
    if (loupe::peek_file_kind(bytes, kind)) {
        auto c = read_contribution_file(bytes);
        print(c ? "" : c.error(), c ? *c : Contribution{}, plan, true);
    } else {
        const auto found = find_contribution_codes(std::string(bytes.begin(), bytes.end()), plan);
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (i) std::printf(",");
            print(found[i].problem, found[i].contribution, plan, false);
        }
    }
    std::printf("]\n");
    return 0;
}
