// platform.h — what the app may ask of the machine it runs on.
//
// Implemented twice: platform_web.cpp (browser: IndexedDB, downloads, file picker, clipboard,
// URL fragment, on-screen keyboard) and platform_desktop.cpp (files under the user's data
// folder, SDL clipboard and drops). Things the platform tells the app arrive in Inbox, which
// the app reads once per frame, the way Dear ImGui reads its IO.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

struct ImDrawData;
typedef void* ImTextureID;

namespace platform {

// ---- Durable storage: small named files that survive reloads and restarts --------------------
// The browser keeps them in IndexedDB, loaded before the app starts; each change is written at
// once. Names are plain ("settings.bin").
bool storage_read(const std::string& name, std::vector<std::uint8_t>& out);
bool storage_write(const std::string& name, std::span<const std::uint8_t> bytes);  // atomic
bool storage_remove(const std::string& name);
std::vector<std::string> storage_list();
// Empty when storage works; otherwise why nothing is kept (the browser blocks IndexedDB, or its
// storage could not be read at start: then the app runs on an empty workspace, and writes stay
// in memory so that what is stored is never overwritten by it). It can also come while the app
// runs, once (Inbox::storage_off): the app started before the read, which then failed.
std::string storage_problem();
// Each write reaches the browser's database on its own, so two tabs never undo each other's
// files; a file both change is last-writer-wins, whole. Inbox::storage_changed names the files
// another tab changed since the last frame; Inbox::storage_failures the writes the browser
// refused (the file stays as written in memory) and Inbox::storage_saved those kept again later.
struct StorageUsage {
    double used_bytes = -1;   // what this site keeps; -1 when the browser does not say
    double quota_bytes = -1;  // what it may keep
    bool persistent = false;  // the browser promised not to clear it when space runs low
};
StorageUsage storage_usage();  // as last measured; storage_measure() asks again (arrives later)
void storage_measure();
// Files named "picture-..." are kept apart: they are not read at start-up, so that start-up time
// and memory do not grow with the number of them. storage_list names them and storage_write and
// storage_remove work as for any file, but storage_read does not see them: storage_fetch reads
// one, and it arrives later in Inbox::fetched (with an error instead of bytes when it is not there).
bool is_fetched_on_demand(const std::string& name);
void storage_fetch(const std::string& name);

// ---- Files in and out ------------------------------------------------------------------------
// Saves bytes under a file name (the browser downloads them; the desktop writes them to the
// Downloads folder). Returns where it went, for the message the user sees.
std::string download(const std::string& file_name, std::span<const std::uint8_t> bytes, const char* mime_type);

// Asks the user to choose files (accept: e.g. ".loupe"). Results arrive later in Inbox::files.
// Files larger than max_bytes are never read: they arrive with an error instead.
void choose_files(const char* accept, bool multiple, std::size_t max_bytes);

struct OpenedFile {
    std::string name;
    std::vector<std::uint8_t> bytes;
    std::string error;  // non-empty when the file could not be read (too large, unreadable)
};

// ---- The app's own files, fetched when needed ---------------------------------------------------
// Asks for one of the app's own static files by its path beside the page (e.g.
// "fonts/noto-sans-cjk.otf"). The browser fetches it from the page's own origin (the service
// worker keeps it for offline use); the desktop reads it from beside the program. The result arrives
// later in Inbox::assets, with an error instead of bytes when it could not be had.
void fetch_asset(const std::string& path);

// ---- Pictures -------------------------------------------------------------------------------------
// Draws Dear ImGui draw data into an offscreen image of width x height pixels, on white, without
// touching the screen: pixels row by row from the top, 4 bytes each (RGBA). Empty when the
// graphics driver refuses the size. For saving what the app draws as a picture (a chart).
std::vector<std::uint8_t> render_pixels(const ImDrawData& draw_data, int width, int height);
// A texture for ImGui::Image from RGBA pixels (rows from the top); null when the driver refuses.
ImTextureID create_texture(const std::uint8_t* rgba, int width, int height);
void destroy_texture(ImTextureID texture);
// Turns a picture someone attached into the two JPEGs Loupe keeps (core/taste/screenshot.h): the
// picture decoded, turned upright by a phone photo's EXIF orientation, drawn on white, at most
// kScreenshotLongEdge pixels on its long side; a thumbnail of at most kThumbnailLongEdge from it.
// Nothing but the pixels is kept. The browser does it with its own image code, in the
// background; the desktop with the core's. Call check_picture first: this trusts the header.
// Arrives in Inbox::reencoded under `request`, with the thumbnail's pixels to draw at once, or
// with an error when the picture does not decode.
void reencode_picture(int request, std::span<const std::uint8_t> bytes);
struct ReencodedPicture {
    int request = 0;
    std::vector<std::uint8_t> image, thumb;  // JPEGs
    int width = 0, height = 0, thumb_width = 0, thumb_height = 0;
    std::vector<std::uint8_t> thumb_rgba;    // 4 bytes a pixel, rows from the top
    std::string error;
};
// Decodes a JPEG Loupe kept (check_kept_picture first), in the background, for create_texture:
// Inbox::decoded gets its pixels under `request`, or an error.
void decode_picture(int request, std::span<const std::uint8_t> jpeg);
struct DecodedPicture {
    int request = 0;
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    std::string error;
};

// ---- Where the app was opened from ------------------------------------------------------------
std::string url_fragment();                          // without the '#'
std::string page_url();  // the page's address without its fragment: where a survey link points
void set_url_fragment(const std::string& fragment);  // adds a history entry, so Back works
// The web's link build (a survey or invite link) holds only the respondent's screens: any other
// place is opened by loading the page again, which then starts the full app at the current fragment.
void open_in_full_app();

// ---- Clipboard, text input, look, screen readers ---------------------------------------------------
void clipboard_copy(const std::string& text);
// Reloads the page into the new version that Inbox::update_ready announced.
void apply_update();
// Opens a mailto: (or other) link with the system's handler, leaving the app where it is.
void open_link(const std::string& url);
// What a screen reader should read of the current screen (a polite live region); repeating the
// same text says nothing again.
void announce(const std::string& text);
// Raises the on-screen keyboard on touch devices while a text field is active.
void set_text_input_active(bool active);
bool prefers_dark_theme();
std::uint64_t random_u64();  // from the system's cryptographic source

// ---- What happened since the last frame ---------------------------------------------------------
struct Inbox {
    std::vector<OpenedFile> files;  // chosen with choose_files or dropped on the page
    std::vector<OpenedFile> assets; // asked for with fetch_asset, named by their path
    std::vector<OpenedFile> fetched;  // stored files asked for with storage_fetch
    std::vector<ReencodedPicture> reencoded;  // asked for with reencode_picture
    std::vector<DecodedPicture> decoded;      // asked for with decode_picture
    bool fragment_changed = false;  // Back/Forward, or the user edited the URL
    bool theme_preference_changed = false;
    bool dragging_files = false;    // files are being dragged over the page right now
    std::vector<std::string> storage_changed;   // stored files another tab wrote or removed
    struct StorageFailure { std::string name, why; };
    std::vector<StorageFailure> storage_failures;  // writes the browser refused
    std::vector<std::string> storage_saved;        // files whose write went through after failing
    bool storage_off = false;  // storage_problem() is no longer empty
    bool update_ready = false;  // a new version of the app is installed; apply_update() switches to it
    std::size_t max_drop_bytes = 256u << 20;
};
Inbox& inbox();

// ---- Frames -------------------------------------------------------------------------------------
void wake();           // something arrived: draw a few frames
double now_seconds();  // monotonic
std::uint64_t frames_shown();  // frames drawn and put on screen so far

}  // namespace platform
