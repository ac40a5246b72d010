// publish.h — publishing a survey: its status, the Publish button, the link people get with its
// QR code, and the files to send. Used by the survey list and the editor (surveys.cpp, editor.cpp).
#pragma once
#include "imgui.h"

namespace loupe { struct Project; }

// OldLink: the version set aside, with its responses, when a survey was published again; only
// its title (" (old link)") differs from what its link carries.
enum class SurveyStatus { Draft, Published, EditedSincePublished, OldLink };
SurveyStatus survey_status(const loupe::Project& project);
const char* status_label(SurveyStatus status);  // "Draft", "Published", "Edited since published", "Old link"
ImU32 status_tint(SurveyStatus status);

// "Publish" or "Publish again" (nothing when the link is current), disabled while `problem` is
// not empty. When imported responses belong to the old link it asks first; what it asks for
// happens in finish_publishing.
void publish_button(loupe::Project& project, bool has_problem);

// The link, its length, its QR code and the downloads; nothing until the survey is published.
void publish_card(loupe::Project& project, float width);

// Carries out a publish the author confirmed this frame. Keeping the old responses may add a
// project, which moves the list `project` lives in: call this last, and use `project` no more.
void finish_publishing(loupe::Project& project);
