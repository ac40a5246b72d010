// result.h — a value or a human-readable reason why there is none.
//
// Decoders and parsers return Result<T> instead of throwing across module boundaries, so the
// UI can always show a clear message and never sees an exception or an abort.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace loupe {

template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    static Result failure(std::string why) { Result r; r.error_ = std::move(why); return r; }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }
    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }

private:
    Result() = default;
    std::optional<T> value_;
    std::string error_;
};

template <class T>
Result<T> failure(std::string why) { return Result<T>::failure(std::move(why)); }

}  // namespace loupe
