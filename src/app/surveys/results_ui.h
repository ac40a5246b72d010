// results_ui.h — what the results screen's files share: cards, table cells, numbers in words.
#pragma once
#include <cstdint>
#include <string>

#include "imgui.h"
#include "app/theme.h"

// A surface-coloured card with a border and rounded corners around what is drawn between
// begin_card and end_card (cards do not nest). Returns the width inside its padding.
float begin_results_card();
void end_results_card();

// Moves the next item onto the current line when `width` more still fits inside `right`
// (a screen x), else leaves it for the next line.
void same_line_if_fits(float width, float right);

// A small rounded label, e.g. an import status.
void chip(const char* text, ImU32 text_color, ImU32 fill);
float chip_width(const char* text);

// A checkbox whose label wraps within the text wrap width; clicking the label toggles it too.
// True when it changed. The test id names the box and its label together.
bool checkbox_wrapped(const char* test_id, const std::string& label, bool* value, bool enabled = true);

// What runs and how far, a Cancel button beside it, and a bar `width` wide under both; true when
// Cancel was pressed. Test ids: the button, the bar, and "<bar_test_id>/done" its filled part.
bool progress_with_cancel(const std::string& text, double fraction, float width, const char* cancel_test_id,
                          const char* bar_test_id);

// Table cells: right-aligned numbers, and text in a colour.
void cell_right(const std::string& text, ImU32 color);
void cell_text(const std::string& text, ImU32 color);

// The text cut to `width` with an ellipsis, in `font` at `size`; whole UTF-8 characters only.
std::string shortened(ImFont* font, float size, const std::string& text, float width);

std::string fixed(double value, int decimals);  // "−0.25" with a real minus; "–" when not finite
std::string duration(std::uint64_t milliseconds);  // "48 s", "3 min 12 s"
std::string count_of(long long n, const char* one, const char* many);  // "1 response", "2,500 responses"
