// platform_desktop.cpp — the desktop side of platform.h (Linux, macOS; for development and tests).
//
// Storage is a folder ($XDG_DATA_HOME/loupe or ~/.local/share/loupe; LOUPE_DATA_DIR overrides it,
// which the tests use). Downloads go to ~/Downloads. Files are opened by dropping them on the
// window, or through zenity's file dialog when it is installed. Pictures are re-encoded and
// decoded by the core's own image code (core/taste/screenshot.h), at once.
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "core/taste/screenshot.h"
#include "loop.h"
#include "platform.h"

namespace fs = std::filesystem;

namespace {

platform::Inbox the_inbox;
std::string clipboard;
std::string fragment;

fs::path home() {
    const char* h = std::getenv("HOME");
    return h ? fs::path(h) : fs::current_path();
}

fs::path data_dir() {
    static const fs::path dir = [] {
        if (const char* d = std::getenv("LOUPE_DATA_DIR")) return fs::path(d);
        if (const char* x = std::getenv("XDG_DATA_HOME")) return fs::path(x) / "loupe";
        return home() / ".local/share/loupe";
    }();
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir;
}

bool read_file(const fs::path& path, std::vector<std::uint8_t>& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

void open_path(const fs::path& path, std::size_t max_bytes) {
    platform::OpenedFile file{path.filename().string(), {}, {}};
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        file.error = "it could not be read.";
    else if (size > max_bytes)
        file.error = "this file is larger than Loupe can open.";
    else if (!read_file(path, file.bytes))
        file.error = "it could not be read.";
    the_inbox.files.push_back(std::move(file));
}

}  // namespace

namespace platform {

bool storage_read(const std::string& name, std::vector<std::uint8_t>& out) { return read_file(data_dir() / name, out); }

bool storage_write(const std::string& name, std::span<const std::uint8_t> bytes) {
    const fs::path path = data_dir() / name, temp = data_dir() / (name + ".partial");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
            return false;
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    return !ec;
}

bool storage_remove(const std::string& name) {
    std::error_code ec;
    return fs::remove(data_dir() / name, ec);
}

std::vector<std::string> storage_list() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(data_dir(), ec))
        if (entry.is_regular_file() && entry.path().extension() != ".partial")
            names.push_back(entry.path().filename().string());
    return names;
}

std::string storage_problem() {
    std::error_code ec;
    return fs::is_directory(data_dir(), ec) ? std::string() : "cannot create " + data_dir().string();
}

// Files in the user's data folder stay until the user removes them.
StorageUsage storage_usage() {
    StorageUsage usage;
    usage.used_bytes = 0;
    usage.persistent = true;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(data_dir(), ec))
        if (entry.is_regular_file(ec)) usage.used_bytes += static_cast<double>(entry.file_size(ec));
    const fs::space_info space = fs::space(data_dir(), ec);
    if (!ec) usage.quota_bytes = static_cast<double>(space.available) + usage.used_bytes;
    return usage;
}
void storage_measure() {}

// The desktop reads every file from disk when asked, so nothing is kept apart from start-up.
bool is_fetched_on_demand(const std::string& name) { return name.starts_with("picture-"); }
void storage_fetch(const std::string& name) {
    OpenedFile file{name, {}, {}};
    if (!storage_read(name, file.bytes)) file.error = "It is not in Loupe's storage.";
    the_inbox.fetched.push_back(std::move(file));
    wake();
}

std::string download(const std::string& file_name, std::span<const std::uint8_t> bytes, const char*) {
    fs::path dir = home() / "Downloads";
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path path = dir / file_name;
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return path.string();
}

void choose_files(const char* accept, bool multiple, std::size_t max_bytes) {
    const std::string command = std::string("zenity --file-selection ") + (multiple ? "--multiple --separator='\n' " : "") +
                                "--file-filter='*" + accept + "' 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return;
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string path = line;
        while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
        if (!path.empty()) open_path(path, max_bytes);
    }
    if (pclose(pipe) == 127 << 8)
        the_inbox.files.push_back({"", {}, "There is no file dialog here (install zenity), but you can drop files onto the window."});
    wake();
}

// Beside the program, as the web build installs them beside the page (the desktop build installs
// none: text that would need one keeps its placeholder glyphs).
void fetch_asset(const std::string& path) {
    platform::OpenedFile file{path, {}, {}};
    char* base = SDL_GetBasePath();
    const fs::path where = fs::path(base ? base : "") / path;
    SDL_free(base);
    if (!read_file(where, file.bytes)) file.error = where.string() + " is not installed.";
    the_inbox.assets.push_back(std::move(file));
    platform::wake();
}

void reencode_picture(int request, std::span<const std::uint8_t> bytes) {
    ReencodedPicture out;
    out.request = request;
    auto shot = loupe::taste::reencode_screenshot(bytes);
    auto thumb = shot ? loupe::taste::decode_for_display(shot->thumb) : loupe::failure<loupe::taste::RgbaPixels>("");
    if (!shot) {
        out.error = shot.error();
    } else if (!thumb) {
        out.error = thumb.error();
    } else {
        out.image = std::move(shot->image), out.thumb = std::move(shot->thumb);
        out.width = shot->meta.width, out.height = shot->meta.height;
        out.thumb_width = thumb->width, out.thumb_height = thumb->height;
        out.thumb_rgba = std::move(thumb->rgba);
    }
    the_inbox.reencoded.push_back(std::move(out));
    platform::wake();
}

void decode_picture(int request, std::span<const std::uint8_t> jpeg) {
    DecodedPicture out;
    out.request = request;
    if (auto pixels = loupe::taste::decode_for_display(jpeg)) {
        out.width = pixels->width, out.height = pixels->height;
        out.rgba = std::move(pixels->rgba);
    } else {
        out.error = pixels.error();
    }
    the_inbox.decoded.push_back(std::move(out));
    platform::wake();
}

std::string url_fragment() { return fragment; }
std::string page_url() { return "http://localhost:8080/"; }  // where ./run.sh serves the web app
void set_url_fragment(const std::string& f) { fragment = f; }
void clipboard_copy(const std::string& text) { SDL_SetClipboardText(text.c_str()); }
void set_text_input_active(bool active) {
    if (active != static_cast<bool>(SDL_IsTextInputActive())) active ? SDL_StartTextInput() : SDL_StopTextInput();
}
bool prefers_dark_theme() { return false; }
void open_link(const std::string& url) { SDL_OpenURL(url.c_str()); }
void apply_update() {}  // the desktop build never reports one (Inbox::update_ready)
void announce(const std::string&) {}  // no screen-reader bridge on the desktop build
std::uint64_t random_u64() {
    std::random_device device;
    return (std::uint64_t(device()) << 32) ^ device();
}
Inbox& inbox() { return the_inbox; }
double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace platform

void platform_init() {
    if (const char* f = std::getenv("LOUPE_FRAGMENT")) fragment = f;
}
void platform_first_frame_drawn() {}
void platform_start_failed(const char* why) { std::fprintf(stderr, "Loupe could not start: %s\n", why); }
void platform_dropped_file(const char* path) { open_path(path, the_inbox.max_drop_bytes); }
const char* platform_clipboard_text() {
    char* text = SDL_GetClipboardText();
    clipboard = text ? text : "";
    SDL_free(text);
    return clipboard.c_str();
}
