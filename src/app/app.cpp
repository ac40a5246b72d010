// app.cpp — the Loupe shell: top bar, navigation, the home screen and its three front doors,
// theme, messages, workspace backup and restore.
//
// Screens are plain functions drawing into one full-window ImGui window; the survey screens
// live in their own files (shell.h lists them). The current place is mirrored in the URL
// fragment (#/surveys/<id> ...) so Back, Forward and bookmarks work.
//
// Index (search for "// ---- " and the name):
//   State                      the screen, settings, messages, storage state
//   Settings and theme
//   Navigation                 places and their URL fragments
//   Workspace backup           back up, restore, files dropped on the shell
//   Storage that fails         the bar that says what is not saved, and the menu's storage row
//   Top bar                    wordmark, section tabs, theme toggle, the menu
//   Screens                    home (the taste sessions' screens are in src/app/taste)
//   Overlays                   messages (toasts), dialogs, the drop overlay
//   What the screens share     shell.h: notify, navigate, the content column, headings
//   The platform layer's entry points   app_init, app_frame, test hooks
#include "app/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "core/shared/settings.h"
#include "core/shared/sorting.h"
#include "core/shared/workspace.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/taste/pictures.h"
#include "app/taste/store.h"
#include "app/shell.h"
#include "app/theme.h"
#include "app/widgets.h"

float g_pixel_ratio = 1.0f;
Fonts g_fonts;

namespace {

// The full app, or the link build a survey or invite link opens (cmake/app.cmake: answering, a
// participant's notes, "Take a survey"). The link build's shell calls no other screen, so the
// linker leaves them and the core they use out of what every respondent downloads.
#ifdef LOUPE_LINK_BUILD
constexpr bool kFullApp = false;
#else
constexpr bool kFullApp = true;
#endif

// ---- State ------------------------------------------------------------------------------------
enum class Screen { Home, TakeSurvey, Answer, SurveyList, SurveyEditor, Results, TasteSessions, TasteSession,
                    TasteMeeting, Contribute, TasteLibrary };

struct Toast {
    std::string text;
    bool error = false;
    double expires = 0;  // 0: stays until dismissed
    bool offers_reload = false;  // "a new version is ready": a Reload button switches to it
};

struct PendingRestore {
    loupe::WorkspaceBackup backup;
    std::string file_name;
    bool open = false;
};

struct AppState {
    Screen screen = Screen::Home;
    std::uint64_t project_id = 0;  // the survey open in the editor or on the results screen
    std::uint64_t taste_session = 0;  // the taste session open
    std::string taste_library_view;   // "", "wall" or "actions": the library's view
    loupe::Settings settings;
    bool dark = false;
    std::vector<Toast> toasts;
    PendingRestore restore;
    bool about_open = false;
    bool animating = false;  // a screen asked for the next frame
    double wake_in = -1;     // a screen asked for a frame this many seconds from now (wake_in); -1: none
    bool scroll_to_top = false;  // the place changed: the new screen starts at its top
    float touch_scroll_start = 0;
    std::string storage_problem;       // nothing is kept in this page (from the start, or from an early start's read)
    std::vector<std::string> unsaved;  // stored files whose last write the browser refused
    std::string unsaved_why;
};

AppState app;

constexpr const char* kSettingsFile = "settings.bin";
float current_column_width = 0;
constexpr float kMaxContentWidth = 1040;

// ---- Settings and theme -------------------------------------------------------------------------
bool wants_dark() {
    switch (app.settings.theme) {
        case loupe::ThemeChoice::Light: return false;
        case loupe::ThemeChoice::Dark: return true;
        case loupe::ThemeChoice::System: break;
    }
    return platform::prefers_dark_theme();
}

void refresh_theme() {
    app.dark = wants_dark();
    apply_theme(app.dark, g_pixel_ratio);
}

void load_settings() {
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(kSettingsFile, bytes)) return;
    auto settings = loupe::decode_settings(bytes);
    if (settings)
        app.settings = *settings;
    else
        notify("Your saved settings could not be read (" + settings.error() + ") — using the defaults.", true);
}

void save_settings() {
    if (!platform::storage_write(kSettingsFile, loupe::encode_settings(app.settings)))
        notify("Could not save your settings: this browser's storage is full or unavailable.", true);
}

void cycle_theme() {
    using loupe::ThemeChoice;
    const ThemeChoice next[] = {ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System};
    app.settings.theme = next[static_cast<int>(app.settings.theme)];
    save_settings();
    refresh_theme();
}

// ---- Navigation ---------------------------------------------------------------------------------
// Places and their fragments: "" home, "/take", "/surveys", "/surveys/<id>", "/surveys/<id>/results",
// "/taste", "/taste/<id>", "/taste/library" (and its "/wall" and "/actions"). An unknown or stale
// place says so and shows the nearest sensible screen.
std::string fragment_of(Screen s) {
    const std::string project = "/surveys/" + loupe::survey_id_text(app.project_id);
    switch (s) {
        case Screen::Home: return "";
        case Screen::TakeSurvey: return "/take";
        case Screen::Answer: return platform::url_fragment();
        case Screen::SurveyList: return "/surveys";
        case Screen::SurveyEditor: return project;
        case Screen::Results: return project + "/results";
        case Screen::TasteSessions: return "/taste";
        case Screen::TasteSession: return "/taste/" + taste_store::hex_id(app.taste_session);
        case Screen::TasteMeeting: return "/taste/" + taste_store::hex_id(app.taste_session) + "/meeting";
        case Screen::Contribute: return platform::url_fragment();
        case Screen::TasteLibrary: return "/taste/library" + (app.taste_library_view.empty() ? "" : "/" + app.taste_library_view);
    }
    return "";
}

// The project named by "<16 hex digits>" at the start of `rest`, or 0.
std::uint64_t project_in(std::string_view rest) {
    if (rest.size() < 16 || rest.substr(0, 16).find_first_not_of("0123456789abcdef") != std::string_view::npos)
        return 0;
    const std::uint64_t id = std::stoull(std::string(rest.substr(0, 16)), nullptr, 16);
    return find_project(id) ? id : 0;
}

// The full app's places: every one but the links and "Take a survey".
void follow_app_place(const std::string& f) {
    if (f.empty() || f == "/") app.screen = Screen::Home;
    else if (f == "/taste") app.screen = Screen::TasteSessions;
    else if (f == "/taste/library" || f.starts_with("/taste/library/")) {
        app.screen = Screen::TasteLibrary;
        app.taste_library_view = f.substr(std::min(f.size(), std::size_t(15)));
    }
    else if (f.starts_with("/taste/")) {
        const std::string_view rest = std::string_view(f).substr(7);  // "<16 hex>" or "<16 hex>/meeting"
        const bool meeting = rest.size() == 16 + 8 && rest.ends_with("/meeting");
        app.taste_session = taste_store::parse_hex_id(meeting ? rest.substr(0, 16) : rest);
        app.screen = Screen::TasteSessions;
        if (app.taste_session != 0 && taste_store::find_session(app.taste_session))
            app.screen = meeting ? Screen::TasteMeeting : Screen::TasteSession;
        else notify("That taste session is not kept in this browser (it may have been deleted); here is your team.", true);
    }
    else if (f == "/surveys") app.screen = Screen::SurveyList;
    else if (f.starts_with("/surveys/")) {
        const std::string_view rest = std::string_view(f).substr(9);
        app.project_id = project_in(rest);
        if (app.project_id == 0) {
            app.screen = Screen::SurveyList;
            notify("That survey is not kept in this browser (it may have been deleted); here are the ones that are.", true);
        } else {
            app.screen = rest.substr(16) == "/results" ? Screen::Results : Screen::SurveyEditor;
        }
    } else {
        app.screen = Screen::Home;
        notify("This link points to a part of Loupe that does not exist (#" + f.substr(0, 40) +
               "); here is the home screen instead.", true);
    }
}

// The link build's places come first; web/boot.js picks that build for the same three.
void follow_fragment() {
    const std::string f = platform::url_fragment();
    const Screen before = app.screen;
    if (f == "/take") app.screen = Screen::TakeSurvey;
    else if (f.starts_with("s=")) {
        app.screen = Screen::Answer;
        open_survey_link(f);
    }
    else if (f.starts_with("t=")) {
        app.screen = Screen::Contribute;
        open_invite_link(f);
    }
    else if constexpr (kFullApp) follow_app_place(f);
    else {
        platform::open_in_full_app();
        return;
    }
    if (app.screen != before) {
        ImGui::SetScrollY(0);      // the content region, when a screen navigates while drawing
        app.scroll_to_top = true;  // and when the URL changed: applied once the content region begins
    }
}

void go(Screen s) {
    if (s == app.screen) return;
    navigate(fragment_of(s));
}

// ---- Workspace backup ---------------------------------------------------------------------------
// Screenshots are not in memory (platform.h: fetched on demand): a backup asks for each and is
// written once the last has arrived, a frame or a few later.
struct PendingBackup {
    loupe::WorkspaceBackup backup;
    std::vector<std::string> waiting;  // stored files asked for and not yet arrived
    int unreadable = 0;                // asked for, but storage could not give them
};
std::optional<PendingBackup> pending_backup;

void finish_backup() {
    loupe::WorkspaceBackup& backup = pending_backup->backup;
    loupe::sort_stable(backup.files,
                       [](const loupe::StoredFile& a, const loupe::StoredFile& b) { return a.name < b.name; });
    const std::string name = loupe::backup_file_name(backup.created_unix_seconds);
    const std::string where = platform::download(name, loupe::encode_backup(backup), "application/octet-stream");
    const int unreadable = pending_backup->unreadable;
    pending_backup.reset();
    if (unreadable == 0) notify("Backup saved as " + where + ".");
    else notify("Backup saved as " + where + ", without " + std::to_string(unreadable) +
                " screenshot files that this browser's storage could not read.", true);
}

void back_up_workspace() {
    if (pending_backup) return;  // one is being gathered
    pending_backup.emplace();
    pending_backup->backup.created_unix_seconds = static_cast<std::int64_t>(std::time(nullptr));
    for (const std::string& name : platform::storage_list()) {
        loupe::StoredFile file{name, {}};
        if (platform::is_fetched_on_demand(name)) {
            pending_backup->waiting.push_back(name);
            platform::storage_fetch(name);
        } else if (platform::storage_read(name, file.bytes)) {
            pending_backup->backup.files.push_back(std::move(file));
        }
    }
    if (pending_backup->waiting.empty()) finish_backup();
}

// With what storage delivered this frame.
void continue_backup(std::vector<platform::OpenedFile>& fetched) {
    if (!pending_backup) return;
    for (platform::OpenedFile& file : fetched) {
        auto it = std::find(pending_backup->waiting.begin(), pending_backup->waiting.end(), file.name);
        if (it == pending_backup->waiting.end()) continue;
        pending_backup->waiting.erase(it);
        if (file.error.empty()) pending_backup->backup.files.push_back({file.name, file.bytes});
        else ++pending_backup->unreadable;
    }
    if (pending_backup->waiting.empty()) finish_backup();  // each arrival wakes the frame loop
}

void restore_workspace(const loupe::WorkspaceBackup& backup) {
    std::vector<std::string> kept;
    for (const auto& f : backup.files)
        if (!platform::storage_write(f.name, f.bytes)) {
            notify("The restore stopped: this browser's storage is full or unavailable.", true);
            return;
        } else {
            kept.push_back(f.name);
        }
    for (const std::string& name : platform::storage_list())
        if (std::find(kept.begin(), kept.end(), name) == kept.end()) platform::storage_remove(name);
    app.settings = {};
    load_settings();
    refresh_theme();
    if constexpr (kFullApp) {
        load_projects();
        taste_store::load();
    }
    follow_fragment();
    notify("Workspace restored from the backup of " + loupe::iso_date(backup.created_unix_seconds) + ".");
}

// ---- Storage that fails -------------------------------------------------------------------------
// What a stored file is, in the words of the person who made it.
std::string describe_stored_file(const std::string& name) {
    if (name == kSettingsFile) return "your settings";
    if (const std::string title = answered_survey_title(name); !title.empty()) return "your answers to \u201c" + title + "\u201d";
    if (name.starts_with("answer-")) return "your answers to a survey";
    if (platform::is_fetched_on_demand(name)) return "a screenshot";
    if constexpr (!kFullApp) return name;
    if (taste_store::is_taste_storage_name(name)) return taste_store::describe(name);
    for (const loupe::Project& project : projects())
        if (loupe::project_storage_name(project.local_id) == name)
            return "the survey \u201c" + (project.survey.title.empty() ? std::string("Untitled") : project.survey.title) + "\u201d";
    return name;
}

void follow_storage(platform::Inbox& inbox) {
    if (inbox.storage_off) {
        inbox.storage_off = false;
        app.storage_problem = platform::storage_problem();
    }
    for (const auto& failure : inbox.storage_failures) {
        if (std::find(app.unsaved.begin(), app.unsaved.end(), failure.name) == app.unsaved.end())
            app.unsaved.push_back(failure.name);
        app.unsaved_why = failure.why;
    }
    for (const std::string& name : inbox.storage_saved) std::erase(app.unsaved, name);
    inbox.storage_failures.clear();
    inbox.storage_saved.clear();
}

// A bar under the top bar for as long as something is not kept: what, why, and a way to keep it.
void storage_banner() {
    if (app.storage_problem.empty() && app.unsaved.empty()) return;
    const Palette& p = palette();
    const bool answering = app.screen == Screen::Answer;
    std::string title, text;
    if (!app.storage_problem.empty()) {
        title = "This browser's storage cannot be used";
        text = "Loupe could not read what it keeps here (" + app.storage_problem + "). Nothing stored was changed, "
               "and what you do now stays in this page only while it is open.";
    } else {
        title = "Not saved in this browser";
        std::string what;
        for (std::size_t i = 0; i < app.unsaved.size(); ++i)
            what += (i == 0 ? "" : i + 1 == app.unsaved.size() ? " and " : ", ") + describe_stored_file(app.unsaved[i]);
        text = "The browser refused to save " + what + " (" + app.unsaved_why +
               "). Everything stays in this page while it is open.";
    }
    text += answering ? " Finish the survey here and keep the code you get at the end, or download a backup."
                      : " Download a backup before you close the page.";
    ImGui::Dummy(ImVec2(0, px(4)));
    const float width = begin_column();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Dummy(ImVec2(width, px(4)));
    ImGui::Indent(px(16));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - px(32));
    ImGui::PushFont(g_fonts.heading);
    text_wrapped_colored(p.danger, title.c_str());
    ImGui::PopFont();
    text_wrapped_colored(p.text, text.c_str());
    ImGui::PopTextWrapPos();
    test_rect("storage/banner");
    if (ImGui::Button("Download a backup")) back_up_workspace();
    test_rect("storage/backup");
    ImGui::Unindent(px(16));
    ImGui::Dummy(ImVec2(width, px(4)));
    end_column();
    dl->ChannelsSetCurrent(0);
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y);
    dl->AddRectFilled(start, end, p.surface, px(10));
    dl->AddRect(start, end, p.danger, px(10), 0, px(1.5f));
    dl->ChannelsMerge();
}

// "1.2 MB kept in this browser": what the menu says of storage.
std::string storage_usage_text() {
    const platform::StorageUsage usage = platform::storage_usage();
    if (!app.storage_problem.empty()) return "Nothing is kept in this browser";
    if (usage.used_bytes < 0) return "Kept in this browser";
    char size[32];
    const double kb = usage.used_bytes / 1024;
    if (kb < 1000) std::snprintf(size, sizeof size, "%.0f KB", std::max(1.0, kb));
    else std::snprintf(size, sizeof size, "%.1f MB", kb / 1024);
    return std::string(size) + " kept in this browser";
}

// On the full app's screens: responses for the results and contributions for a session, which
// take every file (true); survey and project files on the survey list.
bool app_screen_took_files(std::vector<platform::OpenedFile>& files) {
    if (loupe::Project* project = find_project(app.project_id); project && app.screen == Screen::Results) {
        import_files(*project, files);
        return true;
    }
    if (app.screen == Screen::TasteSession || app.screen == Screen::TasteMeeting) {
        taste_session_files(app.taste_session, files);
        return true;
    }
    if (app.screen == Screen::SurveyList) open_survey_files(files);  // leaves the backups
    return false;
}

// What is left anywhere else is a workspace backup to restore, or a file that has no place here.
void restore_files(std::vector<platform::OpenedFile>& files) {
    for (platform::OpenedFile& file : files) {
        if (!file.error.empty()) {
            notify(file.name + ": " + file.error, true);
            continue;
        }
        auto backup = loupe::decode_backup(file.bytes);
        if (!backup) {
            notify(file.name + " can't be opened here. " + backup.error() +
                   " Only Loupe workspace backups open on this screen for now.", true);
            continue;
        }
        app.restore = {std::move(*backup), file.name, true};
    }
    files.clear();
}

void open_files(std::vector<platform::OpenedFile>& files) {
    if (files.empty()) return;
    if constexpr (kFullApp)
        if (app_screen_took_files(files)) return;
    if (app.screen == Screen::Contribute) contribute_files(files);  // pictures for the open note
    restore_files(files);
}

// ---- Top bar ------------------------------------------------------------------------------------
void draw_logo(ImVec2 pos, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 accent = palette().accent;
    const ImVec2 c(pos.x + size * 0.42f, pos.y + size * 0.42f);
    dl->AddCircle(c, size * 0.32f, accent, 28, px(2.5f));
    dl->AddLine(ImVec2(c.x + size * 0.24f, c.y + size * 0.24f), ImVec2(pos.x + size * 0.92f, pos.y + size * 0.92f),
                accent, px(3.5f));
}

// The theme button shows what is in force: a sun, a moon, or a half disc for "as the system".
void draw_theme_icon(ImVec2 c, float r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = palette().text;
    switch (app.settings.theme) {
        case loupe::ThemeChoice::Light:
            dl->AddCircleFilled(c, r * 0.45f, col, 20);
            for (int i = 0; i < 8; ++i) {
                const float a = i * IM_PI / 4;
                dl->AddLine(ImVec2(c.x + cosf(a) * r * 0.7f, c.y + sinf(a) * r * 0.7f),
                            ImVec2(c.x + cosf(a) * r, c.y + sinf(a) * r), col, px(1.6f));
            }
            break;
        case loupe::ThemeChoice::Dark:
            dl->PathArcTo(c, r * 0.8f, IM_PI * 0.35f, IM_PI * 1.65f + IM_PI * 0.3f, 24);
            dl->PathStroke(col, 0, px(1.8f));
            dl->AddCircleFilled(ImVec2(c.x + r * 0.45f, c.y - r * 0.25f), r * 0.55f, ImGui::GetColorU32(ImGuiCol_WindowBg), 20);
            break;
        case loupe::ThemeChoice::System:
            dl->AddCircle(c, r * 0.8f, col, 24, px(1.6f));
            dl->PathArcTo(c, r * 0.8f, -IM_PI / 2, IM_PI / 2, 16);
            dl->PathFillConvex(col);
            break;
    }
}

const char* theme_label() {
    switch (app.settings.theme) {
        case loupe::ThemeChoice::Light: return "Light theme";
        case loupe::ThemeChoice::Dark: return "Dark theme";
        case loupe::ThemeChoice::System: break;
    }
    return "Theme follows the system";
}

void top_bar() {
    const Palette& p = palette();
    const float height = px(60);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetIO().DisplaySize.x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(origin.x, origin.y + height), ImVec2(origin.x + width, origin.y + height), p.border, px(1));

    const float margin = is_phone() ? px(16) : px(32);
    const float content = std::min(width - 2 * margin, px(kMaxContentWidth));
    const float left = (width - content) / 2;
    const float right = left + content;

    // Wordmark: goes home.
    ImGui::SetCursorPos(ImVec2(left - px(6), (height - px(40)) / 2));
    const ImVec2 mark_pos = ImGui::GetCursorScreenPos();
    ImGui::PushFont(g_fonts.heading);
    const float mark_w = px(30) + ImGui::CalcTextSize("Loupe").x + px(12);
    if (ImGui::InvisibleButton("##home", ImVec2(mark_w, px(40)))) go(Screen::Home);
    test_rect("nav/home");
    if (ImGui::IsItemHovered()) dl->AddRectFilled(mark_pos, ImVec2(mark_pos.x + mark_w, mark_pos.y + px(40)), p.overlay, px(8));
    draw_focus_ring(mark_pos, ImVec2(mark_pos.x + mark_w, mark_pos.y + px(40)), px(8));
    draw_logo(ImVec2(mark_pos.x + px(6), mark_pos.y + px(9)), px(22));
    dl->AddText(ImVec2(mark_pos.x + px(34), mark_pos.y + (px(40) - ImGui::GetFontSize()) / 2), p.text, "Loupe");
    ImGui::PopFont();

    // Section tabs (desktop only; on a phone the home screen lists them). A respondent sees none:
    // the survey is all they came for.
    if (!is_phone() && app.screen != Screen::Answer) {
        ImGui::SameLine(0, px(20));
        const struct { Screen s; const char* label; const char* id; } tabs[] = {
            {Screen::TakeSurvey, "Take a survey", "nav/take"},
            {Screen::SurveyList, "Surveys", "nav/surveys"},
            {Screen::TasteSessions, "Taste sessions", "nav/taste"},
        };
        for (const auto& tab : tabs) {
            ImGui::SetCursorPosY((height - ImGui::GetFrameHeight()) / 2);
            const bool current = app.screen == tab.s || (tab.s == Screen::SurveyList && (app.screen == Screen::SurveyEditor ||
                                                                                           app.screen == Screen::Results)) ||
                                 (tab.s == Screen::TasteSessions && (app.screen == Screen::TasteSession ||
                                                                     app.screen == Screen::TasteMeeting ||
                                                                     app.screen == Screen::TasteLibrary));
            ImGui::PushStyleColor(ImGuiCol_Text, current ? p.text : p.muted);
            ImGui::PushStyleColor(ImGuiCol_Button, current ? p.overlay : IM_COL32(0, 0, 0, 0));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.overlay);
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
            if (ImGui::Button(tab.label)) go(tab.s);
            test_rect(tab.id);
            ImGui::PopStyleVar();
            ImGui::PopStyleColor(3);
            ImGui::SameLine(0, px(4));
        }
    }

    // Right side: theme toggle and the menu.
    const float button = px(40);
    ImGui::SetCursorPos(ImVec2(right - 2 * button - px(2), (height - button) / 2));
    ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##theme", ImVec2(button, button))) cycle_theme();
    test_rect("theme-toggle");
    if (ImGui::IsItemHovered()) {
        dl->AddRectFilled(at, ImVec2(at.x + button, at.y + button), p.overlay, px(8));
        ImGui::SetTooltip("%s — click to change", theme_label());
    }
    draw_focus_ring(at, ImVec2(at.x + button, at.y + button), px(8));
    draw_theme_icon(ImVec2(at.x + button / 2, at.y + button / 2), px(9));

    ImGui::SameLine(0, px(2));
    at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##menu", ImVec2(button, button))) {
        ImGui::OpenPopup("menu");
        platform::storage_measure();
    }
    test_rect("menu");
    if (ImGui::IsItemHovered()) dl->AddRectFilled(at, ImVec2(at.x + button, at.y + button), p.overlay, px(8));
    draw_focus_ring(at, ImVec2(at.x + button, at.y + button), px(8));
    for (int i = -1; i <= 1; ++i)
        dl->AddCircleFilled(ImVec2(at.x + button / 2 + i * px(6), at.y + button / 2), px(2), p.text);

    ImGui::SetNextWindowPos(ImVec2(at.x + button, at.y + button + px(6)), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(6), px(6)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(6), px(2)));
    if (ImGui::BeginPopup("menu")) {
        const float w = px(250);
        if (menu_item("Back up workspace", "menu/backup", w)) back_up_workspace();
        if (menu_item("Restore from a backup…", "menu/restore", w))
            platform::choose_files(".loupe", false, loupe::kMaxBackupBytes);
        ImGui::Separator();
        menu_note(storage_usage_text().c_str(), platform::storage_usage().persistent
                      ? "The browser keeps it until you clear this site's data."
                      : "The browser may clear it when the device runs low on space: keep a backup.",
                  "menu/storage", w);
        ImGui::Separator();
        if (menu_item("About Loupe", "menu/about", w)) app.about_open = true;
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    ImGui::SetCursorPos(ImVec2(0, height));
}

// ---- Screens ------------------------------------------------------------------------------------
void home_screen() {
    const Palette& p = palette();
    const float width = begin_column();
    ImGui::Dummy(ImVec2(0, is_phone() ? px(20) : px(44)));
    heading(g_fonts.title, "What would you like to do?", "home/title");
    ImGui::Dummy(ImVec2(0, px(2)));
    text_wrapped_colored(p.muted,
        "Private MaxDiff surveys and monthly taste sessions. Everything stays in this browser: "
        "no account, no server, nothing sent anywhere.");
    ImGui::Dummy(ImVec2(0, is_phone() ? px(12) : px(24)));

    struct Door { Screen s; const char* id; const char* title; const char* body; const char* action; };
    const Door doors[] = {
        {Screen::TakeSurvey, "home/take", "Take a survey",
         "Answer a survey someone sent you. It takes about two minutes, and your answers go only where you send them.",
         "Start answering →"},
        {Screen::SurveyList, "home/surveys", "Surveys",
         "Write a MaxDiff survey, share it as a link, and analyse everyone's answers offline.", "Open surveys →"},
        {Screen::TasteSessions, "home/taste", "Taste sessions",
         "Plan the monthly session, gather the team's notes on each app and keep the library.",
         "Open taste sessions →"},
    };
    const bool stacked = width < px(760);
    const float gap = px(16);
    const float card_w = stacked ? width : (width - 2 * gap) / 3;
    float card_h = 0;
    for (const Door& d : doors) card_h = std::max(card_h, nav_card_height(d.body, card_w));
    for (int i = 0; i < 3; ++i) {
        if (i > 0 && !stacked) ImGui::SameLine(0, gap);
        if (nav_card(doors[i].id, doors[i].title, doors[i].body, doors[i].action, card_w, card_h, i)) go(doors[i].s);
        if (stacked) ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y * 2));
    }
    ImGui::Dummy(ImVec2(0, px(24)));
    text_wrapped_colored(p.muted, app.storage_problem.empty()
        ? "Your work is kept in this browser's storage. Use the menu at the top right (•••) to back it up to a file or "
          "restore it on another computer."
        : "Nothing is kept in this browser for now (see above): back your work up to a file from the menu at the top "
          "right (•••) before you close the page.");
    ImGui::Dummy(ImVec2(0, px(24)));
    end_column();
}

// The screen of the current place, in the full app.
void app_screen() {
    loupe::Project* project = find_project(app.project_id);
    if ((app.screen == Screen::SurveyEditor || app.screen == Screen::Results) && !project) {
        app.screen = Screen::SurveyList;  // deleted here or in another tab
        platform::set_url_fragment(fragment_of(app.screen));
    }
    switch (app.screen) {
        case Screen::Home: home_screen(); break;
        case Screen::TakeSurvey: take_survey_screen(); break;
        case Screen::Answer: answer_screen(); break;
        case Screen::SurveyList: survey_list_screen(); break;
        case Screen::SurveyEditor: survey_editor_screen(*project); break;
        case Screen::Results: results_screen(*project); break;
        case Screen::TasteSessions: taste_team_screen(); break;
        case Screen::TasteSession: taste_session_screen(app.taste_session); break;
        case Screen::TasteMeeting: taste_meeting_screen(app.taste_session); break;
        case Screen::Contribute: contribute_screen(); break;
        case Screen::TasteLibrary: taste_library_screen(app.taste_library_view); break;
    }
}

// The link build's: any other place has already sent the page to the full app (follow_fragment).
void link_screen() {
    switch (app.screen) {
        case Screen::TakeSurvey: take_survey_screen(); break;
        case Screen::Answer: answer_screen(); break;
        case Screen::Contribute: contribute_screen(); break;
        default: break;
    }
}

// ---- Overlays -----------------------------------------------------------------------------------
void toasts() {
    const Palette& p = palette();
    const double now = platform::now_seconds();
    std::erase_if(app.toasts, [now](const Toast& t) { return t.expires > 0 && now > t.expires; });
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(display.x - px(32), px(560));
    float y = display.y - px(16);
    for (int i = static_cast<int>(app.toasts.size()) - 1; i >= 0; --i) {
        Toast& t = app.toasts[i];
        ImGui::PushFont(g_fonts.body);
        const float button_w = t.offers_reload ? ImGui::CalcTextSize("Reload").x + px(32 + 12) : 0;
        const float text_w = width - px(16 + 16 + 32) - button_w;
        const float text_h = ImGui::CalcTextSize(t.text.c_str(), nullptr, false, text_w).y;
        const float h = std::max(text_h, t.offers_reload ? ImGui::GetFontSize() + px(20) : 0) + px(28);
        ImGui::PopFont();
        y -= h;
        ImGui::SetNextWindowPos(ImVec2((display.x - width) / 2, y));
        ImGui::SetNextWindowSize(ImVec2(width, h));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
        ImGui::PushStyleColor(ImGuiCol_Border, t.error ? p.danger : p.border);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, px(1));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(10));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(14)));
        const std::string name = "##toast" + std::to_string(i);
        ImGui::Begin(name.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        if (t.offers_reload) ImGui::SetCursorPosY((h - text_h) / 2);  // level with its button
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        text_wrapped_colored(t.error ? p.danger : p.text, t.text.c_str());
        ImGui::PopTextWrapPos();
        test_rect(t.error ? "toast/error" : t.offers_reload ? "toast/update" : "toast/info");
        if (t.offers_reload) {
            ImGui::SetCursorPos(ImVec2(width - px(40 + 8) - button_w + px(12), (h - ImGui::GetFontSize() - px(20)) / 2));
            if (primary_button("Reload", "toast/reload")) platform::apply_update();
        }
        ImGui::SetCursorPos(ImVec2(width - px(40), (h - px(28)) / 2));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
        if (ImGui::Button("×", ImVec2(px(28), px(28)))) t.expires = 1;  // expired: gone next frame
        test_rect("toast/dismiss");
        ImGui::PopStyleColor();
        ImGui::PopStyleVar(2);
        ImGui::End();
        ImGui::PopStyleVar(3);
        ImGui::PopStyleColor(2);
        y -= px(8);
    }
}

void modal_frame_begin(const char* name, bool& open) {
    if (open && !ImGui::IsPopupOpen(name)) ImGui::OpenPopup(name);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - px(32), px(460)), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(22)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(14));
}

void restore_dialog() {
    modal_frame_begin("Restore backup", app.restore.open);
    if (ImGui::BeginPopupModal("Restore backup", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        heading(g_fonts.heading, "Restore this backup?", "restore/title");
        const std::size_t n = app.restore.backup.files.size();
        const std::string holds = n == 0 ? "is empty" : n == 1 ? "holds 1 stored item" : "holds " + std::to_string(n) + " stored items";
        const std::string what = app.restore.file_name + " was made on " +
                                 loupe::iso_date(app.restore.backup.created_unix_seconds) + " and " + holds +
                                 ". Restoring replaces everything Loupe keeps in this browser.";
        text_wrapped_colored(palette().muted, what.c_str());
        ImGui::Dummy(ImVec2(0, px(8)));
        if (primary_button("Restore", "restore/confirm")) {
            restore_workspace(app.restore.backup);
            app.restore = {};
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (secondary_button("Cancel", "restore/cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            app.restore = {};
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

void about_dialog() {
    modal_frame_begin("About Loupe", app.about_open);
    if (ImGui::BeginPopupModal("About Loupe", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        heading(g_fonts.heading, "Loupe 0.1", "about/title");
        text_wrapped_colored(palette().muted,
            "Private MaxDiff surveys and monthly taste sessions, entirely in your browser. Nothing you type "
            "leaves this device unless you send a file or a code yourself.");
        const std::size_t n = platform::storage_list().size();
        const std::string stored = n == 0 ? "Nothing is kept in this browser yet."
                                 : n == 1 ? "1 item is kept in this browser."
                                          : std::to_string(n) + " items are kept in this browser.";
        ImGui::TextWrapped("%s", stored.c_str());
        ImGui::Dummy(ImVec2(0, px(8)));
        if (primary_button("Close", "about/close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            app.about_open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

void drop_overlay() {
    const Palette& p = palette();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(ImVec2(0, 0), display, (p.background & 0x00FFFFFF) | 0xE0000000);
    const float inset = px(16);
    dl->AddRect(ImVec2(inset, inset), ImVec2(display.x - inset, display.y - inset), p.accent, px(16), 0, px(2));
    const char* text = app.screen == Screen::Results      ? "Drop response files, codes or a choice table to import them"
                       : app.screen == Screen::SurveyList ? "Drop a survey file to open it"
                       : app.screen == Screen::TasteSession || app.screen == Screen::TasteMeeting
                           ? "Drop contribution files to bring the notes in"
                       : app.screen == Screen::Contribute ? "Drop screenshots to attach them to the open note"
                                                          : "Drop a Loupe backup to restore it";
    const ImVec2 size = g_fonts.heading->CalcTextSizeA(g_fonts.heading->FontSize, FLT_MAX, 0, text);
    dl->AddText(g_fonts.heading, g_fonts.heading->FontSize,
                ImVec2((display.x - size.x) / 2, (display.y - size.y) / 2), p.text, text);
}

// Touch screens: a finger dragged over the page scrolls it, as in any web page.
void touch_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0]) return;
    if (ImGui::IsMouseClicked(0)) app.touch_scroll_start = ImGui::GetScrollY();
    const ImVec2 drag = ImGui::GetMouseDragDelta(0, px(8));
    if (drag.y == 0 || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveIdWindow == g.CurrentWindow && !g.ActiveIdIsJustActivated) {
        // Selecting text in a field already being typed in, not scrolling; a field this very touch
        // landed on is let go, so a finger that starts on a field still scrolls the page.
        if (io.WantTextInput && g.ActiveIdTimer > io.MouseDownDuration[0] + 0.05f) return;
        ImGui::ClearActiveID();
    }
    ImGui::SetScrollY(app.touch_scroll_start - drag.y);
}

}  // namespace

// ---- What the screens share (shell.h) ------------------------------------------------------------
void notify(std::string text, bool error) {
    // Errors stay until dismissed: the user must get the chance to read what went wrong.
    app.toasts.push_back({std::move(text), error, error ? 0.0 : platform::now_seconds() + 5.0});
}

void keep_animating() { app.animating = true; }

void wake_in(double seconds) {
    if (app.wake_in < 0 || seconds < app.wake_in) app.wake_in = std::max(0.0, seconds);
}

void navigate(const std::string& fragment) {
    platform::set_url_fragment(fragment);
    follow_fragment();
}

bool is_phone() { return ImGui::GetIO().DisplaySize.x < px(640); }

float begin_column(float max_width) {
    const float avail = ImGui::GetIO().DisplaySize.x;
    const float margin = is_phone() ? px(16) : px(32);
    const float width = std::min(avail - 2 * margin, px(max_width > 0 ? max_width : kMaxContentWidth));
    current_column_width = width;
    ImGui::SetCursorPosX((avail - width) / 2);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    return width;
}

void end_column() {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

float column_width() { return current_column_width; }

void heading(ImFont* font, const char* text, const char* test_id) {
    ImGui::PushFont(font);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
    test_rect(test_id);
}

void screen_header(const char* title, const char* test_id, const char* intro, const char* back_label,
                   const char* back_fragment) {
    ImGui::Dummy(ImVec2(0, px(12)));
    if (link_button(back_label, "back")) navigate(back_fragment);
    ImGui::Dummy(ImVec2(0, px(4)));
    heading(g_fonts.title, title, test_id);
    if (intro && *intro) text_wrapped_colored(palette().muted, intro);
    ImGui::Dummy(ImVec2(0, px(12)));
}

// ---- The platform layer's entry points --------------------------------------------------------------
void app_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window layout is not a thing users should find in storage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // no frames are drawn while idle, so a blink would freeze
    app.storage_problem = platform::storage_problem();
    load_settings();
    refresh_theme();  // the fonts and a first theme were set up before storage could be read (loop.cpp)
    if constexpr (kFullApp) {
        load_projects();
        taste_store::load();
    }
    follow_fragment();
}

void app_set_pixel_ratio(float pixel_ratio) {
    g_pixel_ratio = pixel_ratio;
    g_fonts = load_fonts(pixel_ratio);
    refresh_theme();
}

FrameRequest app_frame() {
    platform::Inbox& inbox = platform::inbox();
    if (inbox.fragment_changed) {
        inbox.fragment_changed = false;
        follow_fragment();
    }
    if (inbox.theme_preference_changed) {
        inbox.theme_preference_changed = false;
        refresh_theme();
    }
    if (!inbox.storage_changed.empty()) {
        if constexpr (kFullApp) {
            reload_projects(inbox.storage_changed);
            taste_store::reload(inbox.storage_changed);
        }
        answers_changed_elsewhere(inbox.storage_changed);
        taste_notes_changed_elsewhere(inbox.storage_changed);
        inbox.storage_changed.clear();
    }
    follow_storage(inbox);
    continue_backup(inbox.fetched);
    pictures::new_frame();
    inbox.fetched.clear();
    inbox.reencoded.clear();
    inbox.decoded.clear();
    // A new version waits while someone is answering a survey or writing taste notes: a reload would
    // break their flow.
    if (inbox.update_ready && app.screen != Screen::Answer && app.screen != Screen::Contribute) {
        inbox.update_ready = false;
        if (std::none_of(app.toasts.begin(), app.toasts.end(), [](const Toast& t) { return t.offers_reload; }))
            app.toasts.push_back({"A new version of Loupe is ready.", false, 0.0, true});
    }
    open_files(inbox.files);
    clear_test_rects();
    app.animating = false;
    app.wake_in = -1;
    want_large_type(false);  // the presenting view asks for it again while it is drawn

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushFont(g_fonts.body);
    ImGui::Begin("Loupe", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    top_bar();
    storage_banner();
    // NavFlattened: arrow keys move between the top bar and the page as one surface.
    ImGui::BeginChild("content", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    if (app.scroll_to_top) {  // takes effect in the next frame: draw it
        ImGui::SetScrollY(0);
        app.scroll_to_top = false;
        keep_animating();
    }
    if constexpr (kFullApp) app_screen();
    else link_screen();
    touch_scroll();
    ImGui::EndChild();
    restore_dialog();
    about_dialog();
    ImGui::End();
    toasts();
    if (inbox.dragging_files) drop_overlay();
    ImGui::PopFont();

    // A screen that changed took the focused widget with it: the next Tab starts again from the
    // top, as on a freshly loaded web page (otherwise Dear ImGui finds no widget to tab from).
    if (GImGui->NavId != 0 && !GImGui->NavIdIsAlive) GImGui->NavDisableHighlight = true;
    platform::set_text_input_active(io.WantTextInput);
    FrameRequest request;
    request.animating = app.animating;
    request.wake_in_seconds = app.wake_in;
    request.fonts_changed = fonts_update(inbox.assets);
    request.fonts_fetching = fonts_fetching();
    for (const Toast& t : app.toasts)
        if (t.expires > 0) {
            const double in = t.expires - platform::now_seconds();
            if (request.wake_in_seconds < 0 || in < request.wake_in_seconds) request.wake_in_seconds = std::max(0.0, in);
        }
    return request;
}

bool app_widget_rect(const char* id, float out[4], bool off_screen_too) {
    ImVec4 r;
    if (!find_test_rect(id, r, off_screen_too)) return false;
    out[0] = r.x, out[1] = r.y, out[2] = r.z, out[3] = r.w;
    return true;
}

const char* app_focused_widget() { return focused_test_widget(); }
const char* app_placeholder_glyphs() { return fonts_placeholders_drawn().c_str(); }
