// make_contribution.cpp — a participant's contribution to a session, for the browser tests.
//
//   loupe_e2e_make_contribution SESSION_FILE MEMBER_NAME OUT_FILE [PICTURE]
// Reads the session file the facilitator's app offers, writes a contribution file by the member
// called MEMBER_NAME with one note of each kind on the first app, and prints its contribution
// code, so a test can bring both in through the app as a facilitator would. With a PICTURE
// (PNG, JPEG...), the ugly note has it as its screenshot, re-encoded as the app does.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/taste/formats.h"
#include "core/taste/merge.h"
#include "core/taste/screenshot.h"

int main(int argc, char** argv) {
    using namespace loupe::taste;
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: loupe_e2e_make_contribution SESSION_FILE MEMBER_NAME OUT_FILE [PICTURE]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    auto file = read_session_file(bytes);
    if (!file) {
        std::fprintf(stderr, "%s: %s\n", argv[1], file.error().c_str());
        return 1;
    }
    const Member* author = nullptr;
    for (const Member& m : file->team.members)
        if (!m.head.deleted && m.name == argv[2]) author = &m;
    if (!author) {
        std::fprintf(stderr, "nobody called %s in the team\n", argv[2]);
        return 1;
    }
    Contribution c;
    c.session = file->session.plan.head.id;
    c.author = *author;
    c.author.books_read.clear();
    const char* texts[] = {"Setup took one minute and asked nothing it did not need.",
                           "The totals are tiny and grey on white; hard to read on a phone.",
                           "Three different greens mean three different things."};
    for (std::uint32_t i = 0; i < 3; ++i) {
        Note n;
        n.head = {note_id(author->head.id, i), {1, 1'800'000'000 + i, author->head.id}, false};
        n.app = file->session.plan.apps.front().id;
        n.author = author->head.id;
        n.kind = Kind(i);
        n.text = texts[i];
        c.notes.push_back(n);
    }
    if (argc == 5) {
        std::ifstream picture(argv[4], std::ios::binary);
        const std::vector<std::uint8_t> png{std::istreambuf_iterator<char>(picture), {}};
        auto image = reencode_screenshot(png);
        if (!image) {
            std::fprintf(stderr, "%s: %s\n", argv[4], image.error().c_str());
            return 1;
        }
        c.notes.back().screenshots = {image->meta.id};
        c.screenshots = {image->meta};
        c.images = {*image};
    }
    const auto out = write_contribution_file(c);
    std::ofstream(argv[3], std::ios::binary).write(reinterpret_cast<const char*>(out.data()), std::streamsize(out.size()));
    auto code = make_contribution_code(c, file->session.plan);
    if (!code) {
        std::fprintf(stderr, "%s\n", code.error().c_str());
        return 1;
    }
    std::printf("%s\n", code->c_str());
    return 0;
}
