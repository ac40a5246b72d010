// serialize.h — cereal archives for Loupe's binary formats, safe on untrusted input.
//
// ByteOutputArchive writes little-endian fixed-width values into a byte vector.
// BoundedInputArchive reads them back from a byte span and refuses, before allocating, any
// container or string whose claimed element count exceeds the bytes that remain: a 9-byte
// garbage input can no longer make cereal reserve gigabytes (TOOLCHAIN.md, gotcha 8).
// Class versions work as in any cereal archive (LOUPE_CLASS_VERSION, core/shared/class_version.h).
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "core/shared/result.h"

static_assert(std::endian::native == std::endian::little,
              "Loupe's binary formats are little-endian; add byte swapping for this target");

namespace loupe {

class ByteOutputArchive : public cereal::OutputArchive<ByteOutputArchive, cereal::AllowEmptyClassElision> {
public:
    explicit ByteOutputArchive(std::vector<std::uint8_t>& out)
        : OutputArchive<ByteOutputArchive, cereal::AllowEmptyClassElision>(this), out_(out) {}
    void saveBinary(const void* data, std::size_t size) {
        if (size == 0) return;
        const auto* p = static_cast<const std::uint8_t*>(data);
        out_.insert(out_.end(), p, p + size);
    }

private:
    std::vector<std::uint8_t>& out_;
};

class BoundedInputArchive : public cereal::InputArchive<BoundedInputArchive, cereal::AllowEmptyClassElision> {
public:
    explicit BoundedInputArchive(std::span<const std::uint8_t> in)
        : InputArchive<BoundedInputArchive, cereal::AllowEmptyClassElision>(this), in_(in) {}
    void loadBinary(void* data, std::size_t size) {
        if (size == 0) return;  // an empty vector's data() may be null, and memcpy(null, ..., 0) is UB
        if (size > remaining()) throw cereal::Exception("the data ends too early");
        std::memcpy(data, in_.data() + pos_, size);
        pos_ += size;
    }
    std::size_t remaining() const { return in_.size() - pos_; }

private:
    std::span<const std::uint8_t> in_;
    std::size_t pos_ = 0;
};

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_SAVE_FUNCTION_NAME(ByteOutputArchive& ar, const T& t) {
    ar.saveBinary(std::addressof(t), sizeof(t));
}
template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, T& t) {
    ar.loadBinary(std::addressof(t), sizeof(t));
}
// A bool is one byte that must be 0 or 1: any other value read into a bool is undefined
// behaviour, and in a file it can only mean damage.
inline void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, bool& b) {
    std::uint8_t byte = 0;
    ar.loadBinary(&byte, 1);
    if (byte > 1) throw cereal::Exception("a yes/no value in the data is neither");
    b = byte == 1;
}
template <class Archive, class T>
CEREAL_ARCHIVE_RESTRICT(BoundedInputArchive, ByteOutputArchive)
CEREAL_SERIALIZE_FUNCTION_NAME(Archive& ar, cereal::NameValuePair<T>& t) { ar(t.value); }

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(ByteOutputArchive& ar, const cereal::SizeTag<T>& t) {
    ar(static_cast<std::uint32_t>(t.size));
}
// Every element of every container Loupe writes takes at least one byte, so a count larger
// than the bytes left is a lie; reject it before cereal resizes anything.
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::SizeTag<T>& t) {
    std::uint32_t n = 0;
    ar(n);
    if (n > ar.remaining()) throw cereal::Exception("a length in the data is larger than the data itself");
    t.size = n;
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(ByteOutputArchive& ar, const cereal::BinaryData<T>& bd) {
    ar.saveBinary(bd.data, static_cast<std::size_t>(bd.size));
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::BinaryData<T>& bd) {
    ar.loadBinary(bd.data, static_cast<std::size_t>(bd.size));
}

template <class T>
std::vector<std::uint8_t> to_bytes(const T& value) {
    std::vector<std::uint8_t> out;
    {
        ByteOutputArchive ar(out);
        ar(value);
    }
    return out;
}

// Decodes a whole value; trailing bytes are an error (a sign of a foreign or damaged input).
template <class T>
Result<T> from_bytes(std::span<const std::uint8_t> in) {
    try {
        T value{};
        BoundedInputArchive ar(in);
        ar(value);
        if (ar.remaining() != 0) return failure<T>("unexpected bytes after the end of the data");
        return value;
    } catch (const cereal::Exception& e) {
        return failure<T>(e.what());
    } catch (const std::bad_alloc&) {
        return failure<T>("the data describes something too large to load");
    }
}

}  // namespace loupe

CEREAL_REGISTER_ARCHIVE(loupe::ByteOutputArchive)
CEREAL_REGISTER_ARCHIVE(loupe::BoundedInputArchive)
CEREAL_SETUP_ARCHIVE_TRAITS(loupe::BoundedInputArchive, loupe::ByteOutputArchive)
