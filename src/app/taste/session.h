// session.h — the parts of the facilitator's session screen ("#/taste/<session>"), each in its
// own file: the plan (session.cpp, which draws the screen), the invite (invite.cpp), the
// notes coming in and what arrived (notes_in.cpp), and the reports (reports.cpp).
#pragma once
#include <string>
#include <vector>

#include "core/taste/records.h"

namespace platform { struct OpenedFile; }

namespace taste_session {

// invite.cpp: the link, its QR code, copy link and message, the session file; says when the plan
// changed after an invite was given out.
void invite_card(const loupe::taste::Team& team, const loupe::taste::Plan& plan, float width);

// notes_in.cpp: choose, drop or paste contributions; the report; who has sent notes and who not.
void bring_in_card(loupe::taste::Session& session, const loupe::taste::Team& team, float width);
// notes_in.cpp: what a screen reader hears of it: the last report's counts, who has sent notes, who not.
std::string bring_in_spoken(const loupe::taste::Session& session, const loupe::taste::Team& team);
// notes_in.cpp: everyone's notes, per app, good, bad and ugly.
void notes_card(const loupe::taste::Session& session, const loupe::taste::Team& team, float width);
// reports.cpp: the Markdown report, the HTML report with the pictures, the notes and actions CSVs.
void reports_card(const loupe::taste::Session& session, const loupe::taste::Team& team, float width);
// notes_in.cpp: files chosen or dropped while the session is open.
void bring_in_files(loupe::taste::Session& session, const loupe::taste::Team& team,
                    std::vector<platform::OpenedFile>& files);

}  // namespace taste_session
