// fuzz_taste.cpp — every taste-session decoder, chosen by the first input byte:
//   0 import (the rest as a file's bytes or pasted text)   1 team file       2 session file
//   3 contribution file                                    4 invite link     5 contribution codes
//   6 screenshot re-encoding (the rest as a picture file)
// For 1-3 the rest is also sealed in a correct envelope, for 4 packed as a correct "#t=" link
// and for 5 as a contribution code with a correct length and checksum, which takes the fuzzer
// past the checksums into the decoders behind them. Anything accepted must re-encode and read
// back the same; anything refused must say why.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/shared/container.h"
#include "core/shared/packing.h"
#include "core/shared/serialize.h"
#include "core/taste/import.h"
#include "core/taste/screenshot.h"

using namespace loupe;
using namespace loupe::taste;

namespace {

Team make_team() {
    Team t;
    t.settings.head.id = 1;
    t.settings.name = "Fuzz";
    for (std::uint64_t id : {2, 3, 4}) {
        Member m;
        m.head.id = id;
        m.name = "m" + std::to_string(id);
        t.members.push_back(m);
    }
    return t;
}

Plan make_plan() {
    Plan p;
    p.head.id = 9;
    p.date = {2027, 1, 14};
    p.category = "c";
    p.picker = 2;
    p.apps = {App{11, "a", Platform::Web, ""}, App{12, "b", Platform::IOS, ""}, App{13, "c", Platform::Android, ""}};
    p.invited = {2, 3};
    return p;
}

void check(bool condition) {
    if (!condition) std::abort();
}

template <class T>
void refused_says_why(const Result<T>& r) {
    if (!r) check(!r.error().empty());
}

std::vector<std::uint8_t> packed(std::uint8_t format, std::span<const std::uint8_t> payload, bool two_lengths) {
    std::vector<std::uint8_t> bytes = {format};
    const auto squeezed = deflate(payload);
    put_leb128(bytes, payload.size());
    if (two_lengths) put_leb128(bytes, squeezed.size());
    bytes.insert(bytes.end(), squeezed.begin(), squeezed.end());
    const std::uint32_t crc = crc32(bytes);
    for (int i = 0; i < 4; ++i) bytes.push_back(std::uint8_t(crc >> (8 * i)));
    return bytes;
}

std::string as_code(std::span<const std::uint8_t> bytes) {
    std::string symbols;
    std::uint32_t bits = 0;
    int count = 0;
    for (std::uint8_t b : bytes) {
        bits = bits << 8 | b, count += 8;
        while (count >= 5) symbols += kCodeAlphabet[(bits >> (count -= 5)) & 31];
    }
    if (count > 0) symbols += kCodeAlphabet[(bits << (5 - count)) & 31];
    const std::size_t total = symbols.size() + 3;
    std::string code(kContributionPrefix);
    for (int s = 2; s >= 0; --s) code += kCodeAlphabet[(total >> (5 * s)) & 31];
    return code + symbols;
}

void codes(std::string_view text, const Plan& plan) {
    for (const FoundContribution& found : find_contribution_codes(text, plan)) {
        check(found.end <= text.size() && found.begin < found.end);
        if (!found.ok()) {
            check(!found.problem.empty());
            continue;
        }
        auto again = make_contribution_code(found.contribution, plan);
        check(again.ok());
        auto reread = find_contribution_codes(*again, plan);
        check(reread.size() == 1 && reread[0].ok() && reread[0].contribution == found.contribution);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Team team = make_team();
    static const Plan plan = make_plan();
    if (size == 0) return 0;
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    const std::string_view text(reinterpret_cast<const char*>(rest.data()), rest.size());
    switch (data[0] % 7) {
        case 0: {
            Session session;
            session.plan = plan;
            std::vector<ScreenshotImage> images;
            const std::vector<ImportInput> inputs = {{"input", {rest.begin(), rest.end()}}};
            const ImportReport report = import_into_session(session, images, team, inputs);
            check(!report.lines.empty());
            for (const ImportLine& line : report.lines)
                check(!line.reason.empty() || line.status == ImportStatus::Added ||
                      line.status == ImportStatus::Updated || line.status == ImportStatus::Unchanged);
            break;
        }
        case 1:
            for (const auto& bytes : {std::vector<std::uint8_t>(rest.begin(), rest.end()), seal(FileKind::TasteTeam, 1, rest)}) {
                auto t = read_team_file(bytes);
                refused_says_why(t);
                if (t) check(*read_team_file(write_team_file(*t, Audience::Facilitator)) == *t);
            }
            break;
        case 2:
            for (const auto& bytes : {std::vector<std::uint8_t>(rest.begin(), rest.end()), seal(FileKind::TasteSession, 1, rest)}) {
                auto f = read_session_file(bytes);
                refused_says_why(f);
                if (f) check(*read_session_file(write_session_file(*f, Audience::Facilitator)) == *f);
            }
            break;
        case 3:
            for (const auto& bytes :
                 {std::vector<std::uint8_t>(rest.begin(), rest.end()), seal(FileKind::TasteContribution, 1, rest)}) {
                auto c = read_contribution_file(bytes);
                refused_says_why(c);
                if (c) check(*read_contribution_file(write_contribution_file(*c)) == *c);
            }
            break;
        case 4:
            for (const std::string& link : {std::string(text), "#t=" + base64url_encode(packed(1, rest, true))}) {
                auto invite = invite_from_link(link);
                refused_says_why(invite);
                if (invite) {
                    Team people;
                    people.settings.name = invite->team_name;
                    people.members = invite->people;
                    auto again = invite_from_link(invite_link(people, invite->plan, "x"));
                    check(again && again->plan == invite->plan);
                }
            }
            break;
        case 5:
            codes(text, plan);
            codes(as_code(packed(1, rest, false)), plan);
            break;
        case 6: {
            auto size = check_picture(rest);
            refused_says_why(size);
            if (size) check(std::uint64_t(size->width) * std::uint64_t(size->height) <= kMaxScreenshotPixels);
            auto shot = reencode_screenshot(rest);
            refused_says_why(shot);
            check(!shot || size);
            if (shot)
                check(shot->meta.width <= kScreenshotLongEdge && shot->meta.height <= kScreenshotLongEdge &&
                      shot->meta.id == content_hash(shot->image) && !shot->thumb.empty());
            // What a file brought is shown without re-encoding: the display decoder sees it raw.
            auto kept = check_kept_picture(rest);
            refused_says_why(kept);
            auto shown = decode_for_display(rest);
            refused_says_why(shown);
            check(!shown || kept);
            if (shown) check(shown->rgba.size() == std::size_t(shown->width) * shown->height * 4);
            break;
        }
    }
    return 0;
}
