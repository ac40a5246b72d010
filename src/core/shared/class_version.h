// class_version.h — LOUPE_CLASS_VERSION: a cereal class version known at compile time.
//
// CEREAL_CLASS_VERSION registers its type in a global table at start-up, once in every translation
// unit that includes the header it is written in: 210 registrations in the full app, 16 KB of its
// wasm run before the first frame. cereal asks that table for a type's version when it writes one
// and, finding nothing there, takes Version<T>::version instead, which is all this macro gives: the
// same number goes into every archive, without the start-up work. (Reading an archive takes the
// version stored in it either way.)
#pragma once
#include <cstdint>

#include <cereal/cereal.hpp>

#define LOUPE_CLASS_VERSION(TYPE, VERSION_NUMBER)                         \
    namespace cereal::detail {                                            \
    template <>                                                           \
    struct Version<TYPE> {                                                \
        static constexpr std::uint32_t version = VERSION_NUMBER;         \
    };                                                                    \
    }
