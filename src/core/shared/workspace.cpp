// workspace.cpp — encoding and checking workspace backups.
#include "core/shared/workspace.h"

#include <cstdio>
#include <set>

#include "core/shared/container.h"
#include "core/shared/serialize.h"

namespace loupe {
namespace {
constexpr std::uint16_t kBackupFormat = 1;
}  // namespace

bool is_plain_file_name(const std::string& name) {
    if (name.empty() || name.size() > 100 || name == "." || name == "..") return false;
    for (char c : name)
        if (c < 0x21 || c > 0x7e || c == '/' || c == '\\') return false;
    return true;
}

std::vector<std::uint8_t> encode_backup(const WorkspaceBackup& backup) {
    return seal(FileKind::WorkspaceBackup, kBackupFormat, to_bytes(backup));
}

Result<WorkspaceBackup> decode_backup(std::span<const std::uint8_t> bytes) {
    auto env = open_envelope(bytes, FileKind::WorkspaceBackup, kBackupFormat, kMaxBackupBytes);
    if (!env) return failure<WorkspaceBackup>(env.error());
    auto backup = from_bytes<WorkspaceBackup>(env->payload);
    if (!backup) return failure<WorkspaceBackup>("This workspace backup is damaged: " + backup.error());
    std::set<std::string> seen;
    for (const StoredFile& f : backup->files) {
        if (!is_plain_file_name(f.name))
            return failure<WorkspaceBackup>("This workspace backup holds a file with an invalid name.");
        if (!seen.insert(f.name).second)
            return failure<WorkspaceBackup>("This workspace backup holds \"" + f.name + "\" twice.");
    }
    return backup;
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
std::string iso_date(std::int64_t unix_seconds) {
    std::int64_t z = (unix_seconds >= 0 ? unix_seconds : unix_seconds - 86399) / 86400 + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2);
    char text[64];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day));
    return text;
}

std::string backup_file_name(std::int64_t unix_seconds) {
    return "loupe-backup-" + iso_date(unix_seconds) + ".loupe";
}

}  // namespace loupe
