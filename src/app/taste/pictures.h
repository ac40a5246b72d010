// pictures.h — screenshots in the app: kept in storage as records of their own (the picture and
// its thumbnail, "picture-<16 hex>.jpg" and "picture-<16 hex>-thumb.jpg"), which the browser does
// not read at start-up, read when shown and drawn as textures.
//
// Start-up time and memory therefore do not grow with the number of screenshots kept: a picture
// costs memory only while it is on screen (its texture is let go a while after it was last drawn)
// or while a file that carries it is being written (gather).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "imgui.h"
#include "core/shared/result.h"
#include "core/taste/records.h"

namespace pictures {

// Starts re-encoding a picture someone attached (core/taste/screenshot.h: at most 1600 px, a JPEG
// and a thumbnail, EXIF dropped, the id its content hash; platform::reencode_picture does it in
// the background). Returns the number under which take_attached() hands it over once kept, or a
// sentence that says why the picture cannot be taken, from its bytes alone.
loupe::Result<int> attach(std::span<const std::uint8_t> bytes);
struct Attached {
    int request = 0;
    loupe::Result<loupe::taste::Screenshot> shot;  // the metadata for the note, or why not
};
// The pictures attach() started that were kept (or refused) since the last call.
std::vector<Attached> take_attached();
// Keeps pictures that came in a contribution or session file, once each. A picture whose bytes do
// not match its id, or that does not decode, is left out: the note shows it as missing.
void keep(const std::vector<loupe::taste::ScreenshotImage>& images);

// Whether the picture and its thumbnail are both in storage.
bool kept(std::uint64_t id);
// Removes the pictures from storage (the caller knows nothing kept shows them any more). A
// texture still drawn this frame is let go later, as any other.
void forget(std::span<const std::uint64_t> ids);

// Draws the thumbnail fitted into `box` (logical pixels), a quiet placeholder while it is being
// read; records test_rect(test_id). True when clicked or activated by keyboard. One outside the
// visible part of the window takes its place without being read, so a long list of notes reads
// only the pictures scrolled into view.
bool thumbnail(const loupe::taste::Screenshot& meta, ImVec2 box, const char* test_id);
// The size thumbnail() takes for `box` (logical pixels), in framebuffer pixels, to centre it.
ImVec2 thumbnail_size(const loupe::taste::Screenshot& meta, ImVec2 box);
// Draws the whole picture fitted into `box` (logical pixels), centred, for "click to enlarge".
void picture(const loupe::taste::Screenshot& meta, ImVec2 box);

// The pictures' bytes, for a file that carries them. False while some are still being read from
// storage: call again on a later frame (frames keep coming meanwhile). `missing` gets the ids of
// those that are not stored at all; `out` the others, in the order of `metas`.
bool gather(const std::vector<loupe::taste::Screenshot>& metas, std::vector<loupe::taste::ScreenshotImage>& out,
            std::vector<std::uint64_t>& missing);

// The shell's part, once a frame: reads what storage and the picture decoder delivered
// (Inbox::fetched, reencoded and decoded, which the shell clears after), lets go of textures not
// drawn for a while.
void new_frame();

}  // namespace pictures
