// settings.cpp — settings in the standard envelope, so a damaged file is noticed, not trusted.
#include "core/shared/settings.h"

#include "core/shared/container.h"
#include "core/shared/serialize.h"

namespace loupe {
namespace {
constexpr std::uint16_t kSettingsFormat = 1;
constexpr std::size_t kMaxSettingsBytes = 64 * 1024;
}  // namespace

std::vector<std::uint8_t> encode_settings(const Settings& settings) {
    return seal(FileKind::Settings, kSettingsFormat, to_bytes(settings));
}

Result<Settings> decode_settings(std::span<const std::uint8_t> bytes) {
    auto env = open_envelope(bytes, FileKind::Settings, kSettingsFormat, kMaxSettingsBytes);
    if (!env) return failure<Settings>(env.error());
    auto settings = from_bytes<Settings>(env->payload);
    if (settings && static_cast<int>(settings->theme) > static_cast<int>(ThemeChoice::Dark))
        return failure<Settings>("The settings name a theme this version does not know.");
    return settings;
}

}  // namespace loupe
