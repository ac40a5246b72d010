// bench_taste.cpp — how long a contribution code is against the notes it carries.
//
//   bench_taste
// A participant's 12 notes of about 80 characters each (English sentences about budgeting
// apps, tests/core/taste/taste_fixtures.h), as make_contribution_code spells them; also 1, 4
// and 24 notes for the trend (24 repeats the 12 texts, so deflate finds them: a best case). Prints a line per count, starting with the ratio of the code's
// characters to the notes' own text bytes, e.g.
//   "1.18x: 12 notes, 955 bytes of text, code of 1126 characters (target <= 1.3x: ok)"
// and checks that every code reads back to the same notes.
#include <cstdio>
#include <cstdlib>

#include "core/taste/taste_fixtures.h"

using namespace loupe::taste;

int main() {
    for (int count : {1, 4, 12, 24}) {
        const Contribution c = fixtures::contribution(fixtures::kBo, count);
        std::size_t text = 0;
        for (const Note& n : c.notes) text += n.text.size();
        const auto code = make_contribution_code(c, fixtures::plan());
        if (!code) return std::fprintf(stderr, "bench_taste: %s\n", code.error().c_str()), 1;
        const auto found = find_contribution_codes(*code, fixtures::plan());
        if (found.size() != 1 || !found[0].ok() || found[0].contribution != c)
            return std::fprintf(stderr, "bench_taste: the code for %d notes does not read back\n", count), 1;
        const double ratio = double(code->size()) / double(text);
        std::printf("%.2fx: %d note%s, %zu bytes of text, code of %zu characters", ratio, count, count == 1 ? "" : "s", text,
                    code->size());
        if (count == 12) std::printf(" (target <= 1.3x: %s)", ratio <= 1.3 ? "ok" : "MISSED");
        std::printf("\n");
    }
    return 0;
}
