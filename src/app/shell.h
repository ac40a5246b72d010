// shell.h — what every screen shares with the shell (app.cpp): fonts, messages, navigation,
// the centred content column, and the screens themselves, each in its own file.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "imgui.h"
#include "app/theme.h"

#include <vector>

namespace loupe { struct Project; struct Survey; }
namespace platform { struct OpenedFile; }

extern float g_pixel_ratio;
extern Fonts g_fonts;

// ---- Messages and frames ------------------------------------------------------------------------
// A message at the bottom of the screen. Errors stay until dismissed; others fade after 5 s.
void notify(std::string text, bool error = false);
// Work in progress (an estimate running, an animation): draw the next frame too.
void keep_animating();
// A frame `seconds` from now, with nothing else happening (a countdown's next second).
void wake_in(double seconds);

// ---- Navigation ---------------------------------------------------------------------------------
// Goes to a place by its URL fragment ("/surveys", "/surveys/<id>/results") and adds a history
// entry, so Back returns here.
void navigate(const std::string& fragment);

// ---- Layout -------------------------------------------------------------------------------------
bool is_phone();        // narrower than 640 logical pixels
float begin_column(float max_width = 0);  // starts the centred content column (logical max width, 0: the usual); returns its width
void end_column();
float column_width();   // of the current column
void heading(ImFont* font, const char* text, const char* test_id);
// "← Back" (to `back_fragment`, labelled `back_label`), the title and a muted introduction.
void screen_header(const char* title, const char* test_id, const char* intro, const char* back_label = "← Home",
                   const char* back_fragment = "");

// ---- Screens ------------------------------------------------------------------------------------
void take_survey_screen();                         // take.cpp: "#/take", paste a link
void open_survey_link(const std::string& fragment);  // take.cpp: "#s=…", a survey link
void answer_screen();                              // take.cpp: the survey opened from its link
void answers_changed_elsewhere(const std::vector<std::string>& names);  // another tab answered
// take.cpp: the title of the survey whose answers are kept under `storage_name`, if it is the one
// being answered; empty otherwise.
std::string answered_survey_title(const std::string& storage_name);
// contribute.cpp: a taste session's invite ("#t=..."), opened straight into the participant's notes.
void open_invite_link(const std::string& fragment);
void contribute_screen();
// contribute.cpp: pictures chosen, dropped or pasted while a note is open there.
void contribute_files(std::vector<platform::OpenedFile>& files);
void taste_notes_changed_elsewhere(const std::vector<std::string>& names);  // another tab wrote notes
void survey_list_screen();                         // surveys.cpp: "#/surveys"
void survey_editor_screen(loupe::Project& project);  // editor.cpp: "#/surveys/<id>"
void results_screen(loupe::Project& project);      // results.cpp: "#/surveys/<id>/results"

// take.cpp: the survey exactly as a respondent sees it, in a child region of `size`, answerable
// but kept only in memory; it starts over when the survey changes.
void survey_preview(const loupe::Survey& survey, ImVec2 size);
// surveys.cpp: files chosen or dropped while the survey list is open: survey and project files
// become surveys in the list; workspace backups are left in `files` for the shell to restore.
void open_survey_files(std::vector<platform::OpenedFile>& files);
// Taste sessions, the facilitator's side (src/app/taste): the team ("#/taste") and one session
// ("#/taste/<16 hex>"); files chosen or dropped while a session is open are its contributions.
void taste_team_screen();
void taste_session_screen(std::uint64_t session_id);
// meeting.cpp: running the session ("#/taste/<16 hex>/meeting"), phase by phase.
void taste_meeting_screen(std::uint64_t session_id);
void taste_session_files(std::uint64_t session_id, std::vector<platform::OpenedFile>& files);
// library.cpp: every session's notes ("#/taste/library"), its screenshot wall ("…/wall") and the
// open actions ("…/actions"); `view` is what follows "/taste/library/".
void taste_library_screen(const std::string& view);
// results.cpp: files chosen or dropped while the results screen is open (responses, codes, CSV).
void import_files(loupe::Project& project, std::vector<platform::OpenedFile>& files);
