// pictures.cpp — screenshots kept apart in storage, read when shown (pictures.h).
//
// Index:
//   Names and state      what is known of each stored picture file, and the textures made
//   Keeping              attach, keep, forget
//   Drawing              thumbnail, picture, the placeholder
//   Files that carry them   gather
//   Each frame           what storage delivered, textures let go
#include "app/taste/pictures.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/shared/packing.h"
#include "core/taste/screenshot.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/theme.h"
#include "app/widgets.h"

namespace pictures {
namespace {

using loupe::taste::Screenshot;
using loupe::taste::ScreenshotImage;

// ---- Names and state ----------------------------------------------------------------------------
std::string image_name(std::uint64_t id) {
    char name[40];
    std::snprintf(name, sizeof name, "picture-%016" PRIx64 ".jpg", id);
    return name;
}
std::string thumb_name(std::uint64_t id) {
    char name[40];
    std::snprintf(name, sizeof name, "picture-%016" PRIx64 "-thumb.jpg", id);
    return name;
}

enum class State { Reading, Shown, Missing };

struct Texture {
    State state = State::Reading;
    ImTextureID id = nullptr;
    int width = 0, height = 0;
    double last_drawn = 0;
};

constexpr double kLetGoSeconds = 20;  // a texture not drawn for this long is freed

std::map<std::string, Texture> textures;              // by storage name
std::map<int, std::string> decoding;                  // platform::decode_picture requests: the texture's name
std::vector<Attached> attached;                       // kept since take_attached() was last called
int last_request = 0;
std::map<std::string, std::vector<std::uint8_t>> read_for_files;  // bytes gather asked for
std::set<std::string> asked_for_files;
std::set<std::string> stored;  // names in storage, from storage_list once, kept up to date here
bool stored_listed = false;

bool is_stored(const std::string& name) {
    if (!stored_listed) {
        for (const std::string& n : platform::storage_list())
            if (platform::is_fetched_on_demand(n)) stored.insert(n);
        stored_listed = true;
    }
    return stored.count(name) != 0;
}

void write(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    if (is_stored(name)) return;  // pictures never change: their name is their content's hash
    if (platform::storage_write(name, bytes)) stored.insert(name);
}

void make_texture(Texture& t, const std::vector<std::uint8_t>& rgba, int width, int height) {
    t.state = State::Missing;
    if (rgba.size() != std::size_t(width) * std::size_t(height) * 4 || width <= 0) return;
    t.id = platform::create_texture(rgba.data(), width, height);
    if (!t.id) return;
    t.state = State::Shown;
    t.width = width, t.height = height;
}

// Asks for a stored JPEG to be decoded; the texture shows when the pixels arrive (new_frame).
void show(const std::string& name, std::span<const std::uint8_t> jpeg) {
    if (!loupe::taste::check_kept_picture(jpeg)) {
        textures[name].state = State::Missing;
        return;
    }
    decoding[++last_request] = name;
    platform::decode_picture(last_request, jpeg);
}

// A picture re-encoded for attach(): kept in storage, its thumbnail drawn from the pixels in hand.
void keep_reencoded(platform::ReencodedPicture& r) {
    if (!r.error.empty()) {
        attached.push_back({r.request, loupe::failure<Screenshot>(r.error)});
        return;
    }
    const ScreenshotImage image = loupe::taste::kept_screenshot(std::move(r.image), {r.width, r.height},
                                                                std::move(r.thumb), {r.thumb_width, r.thumb_height});
    write(image_name(image.meta.id), image.image);
    write(thumb_name(image.meta.id), image.thumb);
    Texture& t = textures[thumb_name(image.meta.id)];
    if (t.state != State::Shown) make_texture(t, r.thumb_rgba, r.thumb_width, r.thumb_height);
    t.last_drawn = platform::now_seconds();
    attached.push_back({r.request, image.meta});
}

// The texture for a stored file, asked for on first use.
Texture& texture(const std::string& name) {
    auto [it, added] = textures.try_emplace(name);
    if (added) platform::storage_fetch(name);
    it->second.last_drawn = platform::now_seconds();
    return it->second;
}

}  // namespace

// ---- Keeping --------------------------------------------------------------------------------------
loupe::Result<int> attach(std::span<const std::uint8_t> bytes) {
    if (auto checked = loupe::taste::check_picture(bytes); !checked) return loupe::failure<int>(checked.error());
    platform::reencode_picture(++last_request, bytes);
    keep_animating();
    return last_request;
}

std::vector<Attached> take_attached() { return std::exchange(attached, {}); }

void keep(const std::vector<ScreenshotImage>& images) {
    for (const ScreenshotImage& image : images) {
        if (image.meta.id != loupe::content_hash(image.image) || !loupe::taste::check_kept_picture(image.image) ||
            !loupe::taste::check_kept_picture(image.thumb))
            continue;
        write(image_name(image.meta.id), image.image);
        write(thumb_name(image.meta.id), image.thumb);
    }
}

bool kept(std::uint64_t id) { return is_stored(image_name(id)) && is_stored(thumb_name(id)); }

void forget(std::span<const std::uint64_t> ids) {
    for (std::uint64_t id : ids)
        for (const std::string& name : {image_name(id), thumb_name(id)})
            if (is_stored(name) && platform::storage_remove(name)) stored.erase(name);
}

// ---- Drawing --------------------------------------------------------------------------------------
namespace {

ImVec2 fitted(int width, int height, ImVec2 box) {
    if (width <= 0 || height <= 0) return box;
    const float scale = std::min(box.x / float(width), box.y / float(height));
    return ImVec2(std::max(1.0f, width * scale), std::max(1.0f, height * scale));
}

// Draws the texture (or its placeholder) centred in the rectangle min..max.
void draw_in(const Texture& t, ImVec2 min, ImVec2 max, float rounding) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& p = palette();
    if (t.state != State::Shown) {
        draw->AddRectFilled(min, max, p.surface_hover, rounding);
        draw->AddRect(min, max, p.border, rounding);
        if (t.state == State::Missing) {
            const char* text = "Not here";
            const ImVec2 size = ImGui::CalcTextSize(text);
            if (size.x < max.x - min.x)
                draw->AddText(ImVec2((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2), p.muted, text);
        }
        return;
    }
    const ImVec2 size = fitted(t.width, t.height, ImVec2(max.x - min.x, max.y - min.y));
    const ImVec2 at((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2);
    draw->AddImageRounded(t.id, at, ImVec2(at.x + size.x, at.y + size.y), ImVec2(0, 0), ImVec2(1, 1),
                          IM_COL32_WHITE, rounding);
    draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), p.border, rounding);
}

}  // namespace

ImVec2 thumbnail_size(const Screenshot& meta, ImVec2 box) {
    return fitted(meta.thumb_width, meta.thumb_height, ImVec2(px(box.x), px(box.y)));
}

bool thumbnail(const Screenshot& meta, ImVec2 box, const char* test_id) {
    ImGui::PushID(test_id);
    const bool clicked = ImGui::InvisibleButton("thumbnail", thumbnail_size(meta, box));
    test_rect(test_id);
    if (!ImGui::IsItemVisible()) {
        ImGui::PopID();
        return clicked;
    }
    const Texture& t = texture(thumb_name(meta.id));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    draw_in(t, min, max, px(6));
    if (ImGui::IsItemHovered()) ImGui::GetWindowDrawList()->AddRect(min, max, palette().accent, px(6), 0, px(2));
    draw_focus_ring(min, max, px(6));
    ImGui::PopID();
    if (t.state == State::Reading) keep_animating();
    return clicked;
}

void picture(const Screenshot& meta, ImVec2 box) {
    const Texture& t = texture(image_name(meta.id));
    const ImVec2 area(px(box.x), px(box.y));
    const ImVec2 size = fitted(meta.width, meta.height, area);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::Dummy(area);
    const ImVec2 min(start.x + (area.x - size.x) / 2, start.y + (area.y - size.y) / 2);
    draw_in(t, min, ImVec2(min.x + size.x, min.y + size.y), px(8));
    if (t.state == State::Reading) keep_animating();
}

// ---- Files that carry them ----------------------------------------------------------------------
bool gather(const std::vector<Screenshot>& metas, std::vector<ScreenshotImage>& out,
            std::vector<std::uint64_t>& missing) {
    out.clear();
    missing.clear();
    bool waiting = false;
    for (const Screenshot& meta : metas) {
        const std::string names[] = {image_name(meta.id), thumb_name(meta.id)};
        std::vector<std::uint8_t>* parts[2] = {nullptr, nullptr};
        bool absent = false;
        for (int i = 0; i < 2; ++i) {
            if (!is_stored(names[i])) { absent = true; continue; }
            auto it = read_for_files.find(names[i]);
            if (it != read_for_files.end()) { parts[i] = &it->second; continue; }
            if (asked_for_files.insert(names[i]).second) platform::storage_fetch(names[i]);
            waiting = true;
        }
        if (absent) { missing.push_back(meta.id); continue; }
        if (parts[0] && parts[1]) out.push_back({meta, *parts[0], *parts[1]});
    }
    if (waiting) {
        keep_animating();
        return false;
    }
    read_for_files.clear();  // the caller has them now
    return true;
}

// ---- Each frame ------------------------------------------------------------------------------------
void new_frame() {
    platform::Inbox& inbox = platform::inbox();
    for (platform::OpenedFile& file : inbox.fetched) {
        if (asked_for_files.erase(file.name)) {
            if (file.error.empty()) read_for_files[file.name] = file.bytes;
            else stored.erase(file.name);  // gone (another tab removed it): gather reports it missing
        }
        auto it = textures.find(file.name);
        if (it == textures.end() || it->second.state != State::Reading) continue;
        if (file.error.empty()) show(file.name, file.bytes);
        else it->second.state = State::Missing;
    }
    for (platform::DecodedPicture& d : inbox.decoded) {
        auto name = decoding.find(d.request);
        if (name == decoding.end()) continue;
        auto it = textures.find(name->second);  // let go meanwhile: nothing to show it in
        if (it != textures.end() && it->second.state == State::Reading) make_texture(it->second, d.rgba, d.width, d.height);
        decoding.erase(name);
    }
    for (platform::ReencodedPicture& r : inbox.reencoded) keep_reencoded(r);
    const double now = platform::now_seconds();
    for (auto it = textures.begin(); it != textures.end();) {
        if (now - it->second.last_drawn > kLetGoSeconds) {
            if (it->second.id) platform::destroy_texture(it->second.id);
            it = textures.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace pictures
