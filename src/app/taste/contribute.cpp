// contribute.cpp — the participant's side of a taste session: the invite ("#t=...") opened
// straight into the session, "Who are you?", notes per app (good, bad, ugly) with tags and
// screenshots, and sending them back as a code, a file or an e-mail.
//
// Mirrors answering a survey (surveys/take.cpp): the invite is read whole or not at all; the
// participant's copy (core/taste/mine.h) is written to storage after every change and read back
// after a reload or when the invite is opened again; everything on screen is also put into
// words for screen readers (platform::announce).
//
// Index (search for "// ---- " and the name):
//   State                 the copy, the note being written, the code
//   Keeping notes         storage, resume, edits
//   Pictures              attach (chooser, drop, paste), thumbnails, the enlarged view
//   Drawing helpers       pills, cards, the code box
//   Sections              the session, who are you, the app and its notes, the editor, sending
//   Screens (shell.h)
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/shared/text.h"
#include "core/taste/formats.h"
#include "core/taste/merge.h"
#include "core/taste/mine.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/shell.h"
#include "app/taste/pictures.h"
#include "app/widgets.h"


using namespace loupe::taste;

namespace {

// ---- State ------------------------------------------------------------------------------------
struct Contributing {
    MyNotes mine;
    bool open = false;            // an invite was read
    std::size_t app = 0;          // the app on screen (index into the plan's apps)
    std::uint64_t editing = 0;    // the note open in the editor; 0: none
    bool focus_editor = false;    // the editor just opened: put the caret in it
    std::string picture_problem;  // why the last picture could not be attached (shown by the note)
    std::uint64_t enlarged = 0;   // the picture shown large
    std::string code, code_problem;
    std::uint64_t code_of = ~0ull;  // the change count the code was made for
    std::uint64_t changes = 0;      // edits since opening: remakes the code when it moves
    bool code_shown = false;
    bool download_pending = false;  // the file waits for pictures being read from storage
    struct Attaching {
        int request = 0;          // pictures::attach's number for it
        std::uint64_t note = 0;   // the note it goes into
        std::string file_name;    // for the message when it cannot be read
    };
    std::vector<Attaching> attaching;  // pictures being re-encoded
};

Contributing c;
std::string invite_problem;   // why the invite could not be opened; empty when it could
std::string opened_fragment;  // the fragment `c` came from

char note_text[kMaxNoteBytes + 1] = {};
char note_tags[kMaxTagsPerNote * (kMaxNameBytes + 2)] = {};
char guest_name[kMaxNameBytes + 1] = {};
std::string guest_problem;

constexpr float kMaxReadingWidth = 680;
constexpr std::size_t kMaxPictureBytes = 40u << 20;  // a phone's largest photos, with room

float reading_w = 0;
bool narrow() { return reading_w < px(520); }

const Plan& plan() { return c.mine.invite.plan; }

// ---- Keeping notes ------------------------------------------------------------------------------
void save() {
    ++c.changes;
    if (!platform::storage_write(my_notes_storage_name(plan().head.id), encode_my_notes(c.mine)))
        notify("Your notes could not be kept in this browser (its storage is full or blocked). Send them from this "
               "tab before you close it.", true);
}

// Reads the notes kept for this session: a reload, or the invite opened again later.
bool resume(const Invite& invite) {
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(my_notes_storage_name(invite.plan.head.id), bytes)) return false;
    auto stored = decode_my_notes(bytes);
    if (!stored) {
        notify(stored.error() + " Starting with no notes.", true);
        return false;
    }
    c.mine = std::move(*stored);
    if (invite.plan.head.rev > c.mine.invite.plan.head.rev) {
        // The facilitator changed the plan and sent a new invite: follow it, keeping the notes
        // about the apps it still has.
        c.mine.invite = invite;
        const std::size_t before = c.mine.notes.size();
        std::erase_if(c.mine.notes, [&](const Note& n) {
            return !n.head.deleted && note_problem(Note{n.head, n.app, n.author, n.kind, "x", {}, {}}, invite.plan) != "";
        });
        if (c.mine.notes.size() != before)
            notify("The facilitator took an app out of the plan; your notes about it are gone from this list.", true);
    }
    return true;
}

std::string app_name(std::uint64_t id) {
    for (const App& a : plan().apps)
        if (a.id == id) return a.name;
    return "?";
}

std::string person_name(std::uint64_t id) {
    for (const Member& m : c.mine.invite.people)
        if (m.head.id == id) return m.name;
    return {};
}

// Opens the note in the editor with the caret at the end of its text, by touch, mouse or keyboard.
void open_editor(std::uint64_t id) {
    Note* n = find_note(c.mine, id);
    if (!n) return;
    c.editing = id;
    c.focus_editor = true;
    c.picture_problem.clear();
    std::snprintf(note_text, sizeof note_text, "%s", n->text.c_str());
    std::string tags;
    for (const std::string& t : n->tags) tags += (tags.empty() ? "" : ", ") + t;
    std::snprintf(note_tags, sizeof note_tags, "%s", tags.c_str());
}

void close_editor() {
    if (Note* n = find_note(c.mine, c.editing); n && !n->head.deleted && n->text.empty() && n->screenshots.empty()) {
        delete_note(c.mine, n->head.id, unix_now());  // an empty draft is not a note
        save();
    }
    c.editing = 0;
    c.picture_problem.clear();
}

std::vector<std::string> parse_tags(const char* text) {
    std::vector<std::string> tags;
    std::string_view rest(text);
    while (!rest.empty() && tags.size() < kMaxTagsPerNote) {
        const std::size_t comma = rest.find(',');
        std::string_view tag = rest.substr(0, comma);
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '#')) tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        tag = loupe::utf8_prefix(tag, kMaxNameBytes);
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.emplace_back(tag);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return tags;
}

// ---- Pictures -----------------------------------------------------------------------------------
std::size_t attaching_to(std::uint64_t note) {
    return std::size_t(std::count_if(c.attaching.begin(), c.attaching.end(),
                                     [&](const Contributing::Attaching& a) { return a.note == note; }));
}

// Starts re-encoding the picture for the note in the editor; take_attached_pictures puts it in.
void attach_picture(const platform::OpenedFile& file) {
    Note* n = find_note(c.mine, c.editing);
    if (!n) return;
    if (!file.error.empty()) {
        c.picture_problem = file.name + ": " + file.error;
        return;
    }
    if (n->screenshots.size() + attaching_to(n->head.id) >= kMaxScreenshotsPerNote) {
        c.picture_problem = "A note has room for 4 screenshots; " + file.name + " was left out. Remove one first, or "
                            "start another note.";
        return;
    }
    auto request = pictures::attach(file.bytes);
    if (!request) {
        c.picture_problem = file.name + ": " + request.error();
        return;
    }
    c.attaching.push_back({*request, n->head.id, file.name});
    c.picture_problem.clear();
}

// Pictures re-encoded since the last frame go into the notes they were attached to (unless that
// note was deleted meanwhile).
void take_attached_pictures() {
    for (pictures::Attached& done : pictures::take_attached()) {
        auto it = std::find_if(c.attaching.begin(), c.attaching.end(),
                               [&](const Contributing::Attaching& a) { return a.request == done.request; });
        if (it == c.attaching.end()) continue;
        const Contributing::Attaching attaching = *it;
        c.attaching.erase(it);
        if (!done.shot) {
            c.picture_problem = attaching.file_name + ": " + done.shot.error();
            continue;
        }
        Note* n = find_note(c.mine, attaching.note);
        const Screenshot& shot = *done.shot;
        if (!n || std::find(n->screenshots.begin(), n->screenshots.end(), shot.id) != n->screenshots.end()) continue;
        n->screenshots.push_back(shot.id);
        if (std::none_of(c.mine.screenshots.begin(), c.mine.screenshots.end(),
                         [&](const Screenshot& s) { return s.id == shot.id; }))
            c.mine.screenshots.push_back(shot);
        touch_note(c.mine, *n, unix_now());
        save();
    }
}

void remove_picture(Note& n, std::uint64_t id) {
    std::erase(n.screenshots, id);
    std::erase_if(c.mine.screenshots, [&](const Screenshot& s) {
        return s.id == id && std::none_of(c.mine.notes.begin(), c.mine.notes.end(), [&](const Note& o) {
                   return std::find(o.screenshots.begin(), o.screenshots.end(), id) != o.screenshots.end();
               });
    });
    touch_note(c.mine, n, unix_now());
    save();
}

const Screenshot* picture_meta(std::uint64_t id) {
    for (const Screenshot& s : c.mine.screenshots)
        if (s.id == id) return &s;
    return nullptr;
}

// A row of thumbnails; in the editor each has "Remove" under it.
void thumbnails(Note& n, bool editable, const std::string& test_prefix) {
    if (n.screenshots.empty()) return;
    const float box = narrow() ? 72 : 96;  // logical pixels, as pictures:: takes them
    const float gap = px(10);
    std::uint64_t remove = 0;
    for (std::size_t i = 0; i < n.screenshots.size(); ++i) {
        const Screenshot* meta = picture_meta(n.screenshots[i]);
        if (i > 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        const std::string id = test_prefix + "/picture/" + std::to_string(i);
        if (meta && pictures::thumbnail(*meta, ImVec2(box, box), id.c_str())) c.enlarged = meta->id;
        if (editable) {
            ImGui::PushID(int(i));
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));  // the word under the picture's edge
            if (link_button("Remove", (id + "/remove").c_str())) remove = n.screenshots[i];
            ImGui::PopID();
        }
        ImGui::EndGroup();
    }
    if (remove) remove_picture(n, remove);
}

void enlarged_picture() {
    if (!c.enlarged) return;
    const Screenshot* meta = picture_meta(c.enlarged);
    if (!meta) {
        c.enlarged = 0;
        return;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::OpenPopup("picture");
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - px(32), px(900)), display.y - px(32)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(16)));
    if (ImGui::BeginPopupModal("picture", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar)) {
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        pictures::picture(*meta, ImVec2(avail.x / px(1), (avail.y - px(60)) / px(1)));
        test_rect("contribute/picture-large");
        ImGui::Dummy(ImVec2(0, px(8)));
        if (primary_button("Close", "contribute/picture-close", ImVec2(narrow() ? avail.x : px(140), px(44))) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            c.enlarged = 0;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

// ---- Drawing helpers ------------------------------------------------------------------------------
bool dark_theme() {
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette().background);
    return bg.x + bg.y + bg.z < 1.5f;
}

ImU32 kind_color(Kind kind) {
    const bool dark = dark_theme();
    switch (kind) {
        case Kind::Good: return dark ? IM_COL32(102, 199, 124, 255) : IM_COL32(30, 125, 60, 255);
        case Kind::Bad: return dark ? IM_COL32(240, 170, 80, 255) : IM_COL32(170, 95, 0, 255);
        case Kind::Ugly: return palette().danger;
    }
    return palette().text;
}

const char* kind_title(Kind kind) {
    switch (kind) {
        case Kind::Good: return "Good";
        case Kind::Bad: return "Bad";
        case Kind::Ugly: return "Ugly";
    }
    return "";
}

const char* kind_hint(Kind kind) {
    switch (kind) {
        case Kind::Good: return "what works well, worth taking home";
        case Kind::Bad: return "what gets in the way";
        case Kind::Ugly: return "what looks or feels wrong";
    }
    return "";
}

// A pill for choosing the app on screen; filled when it is the one.
bool pill(const char* label, bool chosen, const char* test_id) {
    const Palette& p = palette();
    const float h = px(40);
    ImGui::PushStyleColor(ImGuiCol_Button, chosen ? p.accent : p.surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, chosen ? p.accent : p.surface_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, chosen ? p.accent : p.surface_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, chosen ? p.accent_text : p.text);
    ImGui::PushStyleColor(ImGuiCol_Border, chosen ? p.accent : p.border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, h / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(16), (h - ImGui::GetFontSize()) / 2));
    const bool pressed = ImGui::Button((std::string(label) + "##" + test_id).c_str());
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(5);
    test_rect(test_id);
    draw_focus_ring(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), h / 2);
    return pressed;
}

// A full-width row with a round marker (as a survey's options), for "Who are you?".
bool person_row(const char* label, const char* detail, const char* test_id, float width) {
    const Palette& p = palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = px(52);
    ImGui::PushID(test_id);
    const bool pressed = ImGui::InvisibleButton("##person", ImVec2(width, h));
    ImGui::PopID();
    test_rect(test_id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(at.x + width, at.y + h);
    dl->AddRectFilled(at, end, ImGui::IsItemHovered() ? p.surface_hover : p.surface, px(10));
    dl->AddRect(at, end, p.border, px(10), 0, px(1));
    draw_focus_ring(at, end, px(10));
    dl->AddCircle(ImVec2(at.x + px(26), at.y + h / 2), px(9), p.muted, 24, px(1.6f));
    const float th = ImGui::GetFontSize();
    dl->AddText(ImVec2(at.x + px(46), at.y + (h - th) / 2), p.text, label);
    const float lw = ImGui::CalcTextSize(label).x;
    dl->AddText(ImVec2(at.x + px(46) + lw + px(8), at.y + (h - th) / 2), p.muted, detail);
    return pressed;
}

// Starts a card (a surface with a border) whose height is known only once its content is drawn.
struct Card {
    ImVec2 at;
    float width, inner;  // inner: the content's width
    ImDrawList* dl;
};
Card begin_card(float width, float pad) {
    Card card{ImGui::GetCursorScreenPos(), width, width - 2 * pad - px(6), ImGui::GetWindowDrawList()};
    card.dl->ChannelsSplit(2);
    card.dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(card.at.x + pad + px(6), card.at.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad - px(6));
    return card;
}
void end_card(const Card& card, float pad, ImU32 edge) {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    card.dl->ChannelsSetCurrent(0);
    const Palette& p = palette();
    const ImVec2 end(card.at.x + card.width, bottom);
    card.dl->AddRectFilled(card.at, end, p.surface, px(12));
    card.dl->AddRect(card.at, end, p.border, px(12), 0, px(1));
    if (edge) card.dl->AddRectFilled(ImVec2(card.at.x + px(7), card.at.y + px(12)), ImVec2(card.at.x + px(10), bottom - px(12)),
                                     edge, px(1.5f));
    card.dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.at.x, bottom));
    ImGui::Dummy(ImVec2(card.width, 0));
}

// A note's text as a sentence for the live region: a full stop unless it ends like one already.
std::string sentence(const std::string& text) {
    if (text.empty()) return text;
    const char last = text.back();
    const bool ends = last == '.' || last == '!' || last == '?' || text.ends_with("\xe3\x80\x82") ||  // 。
                      text.ends_with("\xe2\x80\xa6");                                              // …
    return ends ? text : text + ".";
}

std::string counted(std::size_t n, const char* thing) {
    return std::to_string(n) + " " + thing + (n == 1 ? "" : "s");
}

std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') out += char(ch);
        else out += '%', out += hex[ch >> 4], out += hex[ch & 15];
    }
    return out;
}

// The code in lines of 60 symbols: mail programs wrap longer lines, and the reader ignores breaks.
std::string code_for_mail(const std::string& code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); i += 60) out += code.substr(i, 60) + "\r\n";
    return out;
}

// ---- Sections -------------------------------------------------------------------------------------
std::string session_words() {
    const Plan& pl = plan();
    std::string s = pl.category;
    if (const std::string picker = person_name(pl.picker); !picker.empty()) s += ", picked by " + picker;
    s += ". ";
    if (!pl.focus.empty()) s += "Focus: " + pl.focus + ". ";
    s += long_date_text(pl.date) + ". The apps: ";
    for (std::size_t i = 0; i < pl.apps.size(); ++i)
        s += (i ? ", " : "") + pl.apps[i].name + " (" + platform_name(pl.apps[i].platform) + ")";
    return s + ".";
}

void session_header(std::string& spoken) {
    const Palette& p = palette();
    const Plan& pl = plan();
    text_wrapped_colored(p.muted, ("Taste session \xc2\xb7 " + c.mine.invite.team_name).c_str());
    test_rect("contribute/team");
    std::string title = pl.category;
    if (!title.empty()) title[0] = char(std::toupper(static_cast<unsigned char>(title[0])));
    const bool large = font_has_all(g_fonts.title, title.c_str()) && !narrow();
    heading(large ? g_fonts.title : g_fonts.heading, title.c_str(), "contribute/category");
    std::string about = long_date_text(pl.date);
    if (const std::string picker = person_name(pl.picker); !picker.empty()) about += " \xc2\xb7 picked by " + picker;
    if (!pl.focus.empty()) about += " \xc2\xb7 focus: " + pl.focus;
    ImGui::TextWrapped("%s", about.c_str());
    test_rect("contribute/about");
    spoken = session_words();
}

void who_are_you(std::string& spoken) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, px(16)));
    heading(g_fonts.heading, "Who are you?", "contribute/who");
    text_wrapped_colored(p.muted, "Your name goes with your notes, so the team knows who saw what. Your notes stay in "
                                  "this browser until you send them yourself.");
    ImGui::Dummy(ImVec2(0, px(4)));
    spoken += " Who are you? Choose your name:";
    std::vector<const Member*> people;
    for (const Member& m : c.mine.invite.people) people.push_back(&m);
    std::stable_sort(people.begin(), people.end(), [](const Member* a, const Member* b) { return a->name < b->name; });
    for (std::size_t i = 0; i < people.size(); ++i) {
        const Member& m = *people[i];
        const std::string id = "contribute/person/" + std::to_string(i);
        if (person_row(m.name.c_str(), role_name(m.role), id.c_str(), reading_w)) {
            choose_me(c.mine, m, false);
            save();
        }
        spoken += (i ? ", " : " ") + m.name;
    }
    spoken += ", or type your name if it is not there.";
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextUnformatted("Not on the list? Your name:");
    const float button_w = px(120);
    ImGui::SetNextItemWidth(narrow() ? reading_w : reading_w - button_w - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(12), px(10)));
    bool submit = ImGui::InputTextWithHint("##guest", "Your name", guest_name, sizeof guest_name,
                                           ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopStyleVar();
    test_rect("contribute/guest-name");
    if (!narrow()) ImGui::SameLine();
    submit |= secondary_button("That's me", "contribute/guest-ok", ImVec2(narrow() ? reading_w : button_w, 0));
    if (submit) {
        std::string_view typed(guest_name);
        while (!typed.empty() && (typed.front() == ' ' || typed.front() == '\t')) typed.remove_prefix(1);
        while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t')) typed.remove_suffix(1);
        const std::string name(loupe::utf8_prefix(typed, kMaxNameBytes));
        if (name.empty()) guest_problem = "Type your name first.";
        else {
            Member guest;
            const std::uint64_t id = random_id();
            guest.head = {id, next_revision({}, id, unix_now()), false};
            guest.name = name;
            guest.role = Role::Other;
            choose_me(c.mine, guest, true);
            guest_problem.clear();
            save();
        }
    }
    if (!guest_problem.empty()) {
        text_wrapped_colored(p.danger, guest_problem.c_str());
        spoken += " " + guest_problem;
    }
}

void writing_as(std::string& spoken) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, px(6)));
    const std::string who = "Writing as " + c.mine.me.name + (c.mine.guest ? " (guest)" : "");
    ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
    ImGui::TextUnformatted(who.c_str());
    ImGui::PopStyleColor();
    test_rect("contribute/me");
    if (c.mine.notes.empty()) {  // before the first note, a wrong choice is undone freely
        ImGui::SameLine();
        if (link_button("Not you?", "contribute/not-me")) {
            c.mine.me = {};
            c.mine.guest = false;
            save();
        }
    }
    spoken += " " + who + ".";
}

void app_chooser(std::string& spoken) {
    const Plan& pl = plan();
    ImGui::Dummy(ImVec2(0, px(14)));
    const float right = ImGui::GetCursorScreenPos().x + reading_w;
    for (std::size_t i = 0; i < pl.apps.size(); ++i) {
        const std::size_t count = notes_about(c.mine, pl.apps[i].id).size();
        const std::string label = pl.apps[i].name + (count ? " (" + std::to_string(count) + ")" : "");
        if (i > 0) {
            const float w = ImGui::CalcTextSize(label.c_str()).x + px(32);
            ImGui::SameLine(0, px(8));
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        if (pill(label.c_str(), c.app == i, ("contribute/app/" + std::to_string(i)).c_str()) && c.app != i) {
            close_editor();
            c.app = i;
        }
    }
    (void)spoken;
}

void note_editor(Note& n, float inner, std::string& spoken) {
    const Palette& p = palette();
    const std::string prefix = "contribute/editor";
    static bool caret_to_end = false;
    if (c.focus_editor) {
        ImGui::SetKeyboardFocusHere();
        c.focus_editor = false;
        caret_to_end = true;
    }
    const auto to_end = [](ImGuiInputTextCallbackData* data) {
        if (caret_to_end) data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        caret_to_end = false;
        return 0;
    };
    const float w = inner;
    const float left = ImGui::GetCursorScreenPos().x;
    if (ImGui::InputTextMultiline("##note", note_text, sizeof note_text, ImVec2(w, px(narrow() ? 110 : 96)),
                                  ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_WordWrap, to_end)) {
        n.text = std::string(loupe::utf8_prefix(note_text, kMaxNoteBytes));
        touch_note(c.mine, n, unix_now());
        save();
    }
    test_rect("contribute/editor/text");
    if (n.text.size() > kMaxNoteBytes * 3 / 4) {
        const std::string left = std::to_string(kMaxNoteBytes - n.text.size()) + " bytes left";
        text_wrapped_colored(p.muted, left.c_str());
    }
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputTextWithHint("##tags", "Tags, separated by commas (optional)", note_tags, sizeof note_tags)) {
        n.tags = parse_tags(note_tags);
        touch_note(c.mine, n, unix_now());
        save();
    }
    test_rect("contribute/editor/tags");
    ImGui::Dummy(ImVec2(0, px(4)));
    thumbnails(n, true, prefix);
    if (const std::size_t reading = attaching_to(n.head.id); reading > 0) {
        text_wrapped_colored(p.muted, reading == 1 ? "Reading the picture…" : "Reading the pictures…");
        test_rect("contribute/editor/picture-reading");
    }
    if (!c.picture_problem.empty()) {
        text_wrapped_colored(p.danger, c.picture_problem.c_str());
        test_rect("contribute/editor/picture-problem");
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    // Attach and Done side by side while they fit; Delete quieter, apart from them.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool can_attach = n.screenshots.size() + attaching_to(n.head.id) < kMaxScreenshotsPerNote;
    const float attach_w = ImGui::CalcTextSize("Attach screenshot").x + px(32), done_w = px(100);
    const bool stacked = can_attach && attach_w + gap + done_w > w;
    if (can_attach) {
        if (secondary_button("Attach screenshot", "contribute/editor/attach", ImVec2(stacked ? w : attach_w, px(44))))
            platform::choose_files("image/*", true, kMaxPictureBytes);
        if (!stacked) ImGui::SameLine();
    }
    if (primary_button("Done", "contribute/editor/done", ImVec2(stacked ? w : done_w, px(44)))) close_editor();
    const float delete_w = ImGui::CalcTextSize("Delete note").x + px(16);
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + delete_w > left + w + 1) ImGui::NewLine();  // no room beside Done
    ImGui::SetCursorScreenPos(ImVec2(std::max(ImGui::GetCursorScreenPos().x, left + w - delete_w),
                                     ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(8), px(12)));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.overlay);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.overlay);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const bool remove = ImGui::Button("Delete note");
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    test_rect("contribute/editor/delete");
    if (remove) {
        delete_note(c.mine, n.head.id, unix_now());
        c.editing = 0;
        save();
    }
    if (!narrow())
        text_wrapped_colored(p.muted, "You can also drop or paste pictures while the note is open: up to 4 a note.");
    // Not the text itself: the live region would read everything again at every keystroke.
    spoken += std::string(" Writing a ") + kind_name(n.kind) + " note about " + app_name(n.app) +
              ": the text, then tags separated by commas, then Attach screenshot and Done.";
    if (!n.screenshots.empty()) spoken += " " + counted(n.screenshots.size(), "screenshot") + " attached.";
    if (!c.picture_problem.empty()) spoken += " " + c.picture_problem;
}

void note_card(Note& n, std::size_t index, std::string& spoken) {
    const Palette& p = palette();
    const float pad = px(14);
    const std::string id = "contribute/note/" + std::string(kind_name(n.kind)) + "/" + std::to_string(index);
    Card card = begin_card(reading_w, pad);
    ImGui::PushID(id.c_str());
    if (c.editing == n.head.id) {
        note_editor(n, card.inner, spoken);
    } else {
        ImGui::TextWrapped("%s", n.text.c_str());
        test_rect(id.c_str());
        if (!n.tags.empty()) {
            std::string tags;
            for (const std::string& t : n.tags) tags += (tags.empty() ? "#" : "  #") + t;
            text_wrapped_colored(p.muted, tags.c_str());
        }
        if (!n.screenshots.empty()) {
            ImGui::Dummy(ImVec2(0, px(2)));
            thumbnails(n, false, id);
        }
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));  // the link's own padding: its word lines up with the text
        if (link_button("Edit", (id + "/edit").c_str())) open_editor(n.head.id);
        spoken += " " + sentence(n.text);
        if (!n.tags.empty()) {
            spoken += " Tags: ";
            for (std::size_t t = 0; t < n.tags.size(); ++t) spoken += (t ? ", " : "") + n.tags[t];
            spoken += ".";
        }
        if (!n.screenshots.empty()) spoken += " " + counted(n.screenshots.size(), "screenshot") + ".";
    }
    ImGui::PopID();
    end_card(card, pad, kind_color(n.kind));
    ImGui::Dummy(ImVec2(0, px(6)));
}

void app_notes(std::string& spoken) {
    const Palette& p = palette();
    const App& app = plan().apps[c.app];
    ImGui::Dummy(ImVec2(0, px(14)));
    heading(g_fonts.heading, app.name.c_str(), "contribute/app-name");
    std::string where = platform_name(app.platform);
    if (!app.link.empty()) {
        std::string_view host(app.link);  // "https://www.ynab.com/x" -> "www.ynab.com"
        if (const auto scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
        host = host.substr(0, host.find('/'));
        text_wrapped_colored(p.muted, (where + " \xc2\xb7 " + std::string(host)).c_str());
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(8));
        if (link_button(("Open " + app.name + " \xe2\x86\x97").c_str(), "contribute/open-app"))
            platform::open_link(app.link);
    } else {
        text_wrapped_colored(p.muted, where.c_str());
    }
    spoken += " Now: " + app.name + ", " + where + ".";
    for (std::uint8_t k = 0; k <= kLastKind; ++k) {
        const Kind kind = Kind(k);
        ImGui::Dummy(ImVec2(0, px(14)));
        // The title and its hint share a baseline.
        const float y = ImGui::GetCursorPosY();
        ImGui::PushFont(g_fonts.heading);
        ImGui::PushStyleColor(ImGuiCol_Text, kind_color(kind));
        ImGui::TextUnformatted(kind_title(kind));
        ImGui::PopStyleColor();
        const float heading_size = ImGui::GetFontSize();
        ImGui::PopFont();
        ImGui::SameLine(0, px(10));
        ImGui::SetCursorPosY(y + (heading_size - ImGui::GetFontSize()) * 0.8f);
        ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
        ImGui::TextUnformatted(kind_hint(kind));
        ImGui::PopStyleColor();
        ImGui::SetCursorPosY(y + heading_size + px(8));
        std::vector<std::uint64_t> ids;
        for (const Note* n : notes_about(c.mine, app.id))
            if (n->kind == kind) ids.push_back(n->head.id);
        spoken += std::string(" ") + kind_title(kind) + ":";
        if (ids.empty()) spoken += " nothing yet.";
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (Note* n = find_note(c.mine, ids[i])) note_card(*n, i, spoken);
        const std::string add = std::string(kind == Kind::Ugly ? "+ Add an " : "+ Add a ") + kind_name(kind) + " note";
        const std::string add_id = std::string("contribute/add/") + kind_name(kind);
        if (secondary_button(add.c_str(), add_id.c_str(), ImVec2(narrow() ? reading_w : 0, px(44)))) {
            close_editor();
            open_editor(add_note(c.mine, app.id, kind, unix_now()));
            save();
        }
    }
}

void remake_code() {
    if (c.code_of == c.changes) return;
    c.code_of = c.changes;
    auto code = make_contribution_code(my_contribution(c.mine), plan());
    c.code = code ? *code : std::string();
    c.code_problem = code ? std::string() : code.error();
}

std::string file_name() {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(c.mine.me.head.id));
    return "taste-notes-" + date_text(plan().date) + "-" + std::string(hex).substr(0, 8) + ".loupe";
}

std::string reply_to_words() {
    return plan().reply_to.empty() ? std::string("the facilitator") : plan().reply_to;
}

void sent() {
    mark_sent(c.mine);
    save();
}

// The file with the pictures' bytes; waits for pictures still being read from storage.
void download_file() {
    Contribution contribution = my_contribution(c.mine);
    std::vector<std::uint64_t> missing;
    if (!pictures::gather(contribution.screenshots, contribution.images, missing)) {
        c.download_pending = true;
        keep_animating();
        return;
    }
    c.download_pending = false;
    if (!missing.empty())
        notify(std::to_string(missing.size()) + " of your screenshots are no longer kept in this browser; the file "
               "goes without them.", true);
    std::erase_if(contribution.screenshots, [&](const Screenshot& s) {
        return std::find(missing.begin(), missing.end(), s.id) != missing.end();
    });
    for (Note& n : contribution.notes)
        std::erase_if(n.screenshots, [&](std::uint64_t s) { return std::find(missing.begin(), missing.end(), s) != missing.end(); });
    const std::string where = platform::download(file_name(), write_contribution_file(contribution),
                                                 "application/octet-stream");
    sent();
    notify("Saved as " + where + ". Attach it to a message to " + reply_to_words() + ".");
}

void send_section(std::string& spoken) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, px(28)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + reading_w, at.y), p.border, px(1));
    ImGui::Dummy(ImVec2(reading_w, px(14)));
    heading(g_fonts.heading, "Send your notes", "contribute/send-title");
    const std::size_t live = live_note_count(c.mine), changed = unsent_changes(c.mine);
    std::string status;
    if (live == 0 && changed == 0) status = "Nothing to send yet: add a note to any app first.";
    else if (c.mine.sent.empty())
        status = counted(live, "note") + ", not sent yet. Nothing leaves this "
                 "browser until you send it: copy the code into an e-mail or a chat to " + reply_to_words() +
                 ", or download the file, which carries your screenshots too.";
    else if (changed == 0) status = counted(live, "note") + ", all sent.";
    else status = counted(changed, "change") +
                  " since you last sent your notes. Send again: only the changed notes are new to the facilitator.";
    text_wrapped_colored(p.muted, status.c_str());
    test_rect("contribute/send-status");
    spoken += " " + status;
    if (live == 0 && changed == 0) return;
    remake_code();
    ImGui::Dummy(ImVec2(0, px(6)));
    const bool stacked = narrow();
    const ImVec2 size(stacked ? reading_w : 0, px(48));
    if (!c.code_shown) {
        if (primary_button("Show the code", "contribute/show-code", size)) c.code_shown = true;
    } else if (!c.code.empty()) {
        code_box(c.code, reading_w, palette().background, "contribute/code");
        spoken += " Your contribution code is " + c.code + ".";
        ImGui::Dummy(ImVec2(0, px(4)));
        if (primary_button("Copy code", "contribute/copy", size)) {
            platform::clipboard_copy(c.code);
            sent();
            notify("Code copied. Paste it into an e-mail or a chat to " + reply_to_words() + ".");
        }
        if (!plan().reply_to.empty()) {
            if (!stacked) ImGui::SameLine();
            if (secondary_button("E-mail it", "contribute/email", size)) {
                const std::string subject = "My notes: " + plan().category + ", " + date_text(plan().date);
                platform::open_link("mailto:" + plan().reply_to + "?subject=" + percent_encoded(subject) +
                                    "&body=" + percent_encoded(code_for_mail(c.code)));
                sent();
            }
        }
    } else {
        text_wrapped_colored(p.danger, c.code_problem.c_str());
        spoken += " " + c.code_problem;
    }
    if (!stacked) ImGui::SameLine();
    if (c.code_shown || !c.code.empty()) {
        if (secondary_button(c.download_pending ? "Preparing the file\xe2\x80\xa6" : "Download file",
                             "contribute/download", size) && !c.download_pending)
            download_file();
    }
    if (c.download_pending) download_file();
    ImGui::Dummy(ImVec2(0, px(8)));
    text_wrapped_colored(p.muted, "Open the invite again at any time in this browser to see your notes, add more "
                                  "and send them again.");
}

void draw_session() {
    std::string spoken;
    session_header(spoken);
    if (c.mine.me.head.id == 0) {
        who_are_you(spoken);
    } else {
        writing_as(spoken);
        app_chooser(spoken);
        app_notes(spoken);
        send_section(spoken);
    }
    enlarged_picture();
    platform::announce(spoken);
}

void broken_invite_card(const std::string& problem) {
    const Palette& p = palette();
    heading(g_fonts.heading, "This invite does not work", "contribute/broken");
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::TextWrapped("%s", problem.c_str());
    test_rect("contribute/broken-why");
    ImGui::Dummy(ImVec2(0, px(4)));
    text_wrapped_colored(p.muted,
        "The long part after '#' holds the whole plan, so a link that was cut short or changed on the way cannot "
        "open: nothing of it is shown until it is whole.");
    platform::announce("This invite does not work. " + problem);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (secondary_button("Home", "contribute/home", ImVec2(0, px(44)))) navigate("");
}

}  // namespace

// ---- Screens (shell.h) ----------------------------------------------------------------------------
void open_invite_link(const std::string& fragment) {
    if (fragment == opened_fragment && (c.open || !invite_problem.empty())) return;
    opened_fragment = fragment;
    invite_problem.clear();
    auto invite = invite_from_link(fragment);
    if (!invite) {
        invite_problem = invite.error();
        c = {};
        return;
    }
    c = {};
    c.open = true;
    if (!resume(*invite)) {
        c.mine = start_my_notes(*invite);
        save();
    }
}

void contribute_screen() {
    take_attached_pictures();
    begin_column();
    const float w = std::min(column_width(), px(kMaxReadingWidth));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (column_width() - w) / 2);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    reading_w = w;
    ImGui::Dummy(ImVec2(w, narrow() ? px(16) : px(32)));
    if (!invite_problem.empty() || !c.open) broken_invite_card(invite_problem);
    else draw_session();
    ImGui::Dummy(ImVec2(0, px(48)));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    end_column();
}

void taste_notes_changed_elsewhere(const std::vector<std::string>& names) {
    if (!c.open) return;
    const std::string name = my_notes_storage_name(plan().head.id);
    if (std::find(names.begin(), names.end(), name) == names.end()) return;
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(name, bytes)) return;
    auto theirs = decode_my_notes(bytes);
    if (!theirs || *theirs == c.mine) return;
    // Another tab of this browser wrote notes too: keep the newer revision of each note, and both
    // tabs' new ones; write the result back only if it is not what the other tab has already.
    MyNotes& mine = c.mine;
    if (mine.me.head.id == 0) mine.me = theirs->me, mine.guest = theirs->guest;
    if (!(mine.me.head.id == theirs->me.head.id)) return;  // two names in two tabs: each keeps its own
    for (const Note& n : theirs->notes) {
        Note* have = find_note(mine, n.head.id);
        if (!have) mine.notes.push_back(n);
        else if (wins(n, *have) && have->head.id != c.editing) *have = n;
    }
    for (const Screenshot& s : theirs->screenshots)
        if (!picture_meta(s.id)) mine.screenshots.push_back(s);
    mine.next_number = std::max(mine.next_number, theirs->next_number);
    for (const RecordHead& h : theirs->sent)
        if (std::none_of(mine.sent.begin(), mine.sent.end(), [&](const RecordHead& o) { return o == h; }))
            mine.sent.push_back(h);
    ++c.changes;
    if (!(mine == *theirs)) save();
}

void contribute_files(std::vector<platform::OpenedFile>& files) {
    if (!c.open || c.mine.me.head.id == 0) return;
    bool any = false;
    for (const platform::OpenedFile& file : files) {
        if (c.editing == 0) {
            notify("Open a note (Add or Edit) first, then drop or paste the picture into it.", true);
            break;
        }
        attach_picture(file);
        any = true;
    }
    if (any || c.editing == 0) files.clear();
}
