// workspace.h — a full backup of everything Loupe keeps in browser storage, as one file.
//
// Restoring replaces the workspace with the backup's files; a backup that is damaged, foreign
// or from a newer Loupe is refused before anything stored is touched.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/shared/result.h"

namespace loupe {

struct StoredFile {
    std::string name;
    std::vector<std::uint8_t> bytes;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t /*version*/) { ar(name, bytes); }
};

struct WorkspaceBackup {
    std::int64_t created_unix_seconds = 0;
    std::vector<StoredFile> files;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t /*version*/) { ar(created_unix_seconds, files); }
};

constexpr std::size_t kMaxBackupBytes = 256u << 20;

std::vector<std::uint8_t> encode_backup(const WorkspaceBackup& backup);
Result<WorkspaceBackup> decode_backup(std::span<const std::uint8_t> bytes);

// A stored file's name must be plain: no folders, no "..", printable ASCII, at most 100 chars.
bool is_plain_file_name(const std::string& name);

// "2026-11-23" for a Unix time (UTC).
std::string iso_date(std::int64_t unix_seconds);
// "loupe-backup-2026-11-23.loupe"
std::string backup_file_name(std::int64_t unix_seconds);

}  // namespace loupe
