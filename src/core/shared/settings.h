// settings.h — the user's preferences, kept in storage as "settings.bin".
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/shared/result.h"

namespace loupe {

enum class ThemeChoice : std::uint8_t { System = 0, Light = 1, Dark = 2 };

struct Settings {
    ThemeChoice theme = ThemeChoice::System;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t /*version*/) { ar(theme); }
};

std::vector<std::uint8_t> encode_settings(const Settings& settings);
Result<Settings> decode_settings(std::span<const std::uint8_t> bytes);

}  // namespace loupe
