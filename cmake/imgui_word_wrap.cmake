# imgui_word_wrap.cmake — copies Dear ImGui 1.86's imgui_widgets.cpp with word wrap in multi-line
# text fields: InputTextMultiline(..., ImGuiInputTextFlags_WordWrap) (the flag is in imgui_config.h).
#
# In 1.86 a long line in a multi-line field scrolls sideways, so someone typing two sentences on a
# phone sees only their end. Dear ImGui added ImGuiInputTextFlags_WordWrap in 1.92.3; this is our
# own, smaller version for 1.86. The text is never changed (no characters are inserted): only the
# layout wraps, at the field's inner width minus a scrollbar (always reserved, so that the wrap
# cannot flip as the scrollbar comes and goes). A row ends after blanks or after . , ; ! ? " (as
# TextWrapped's ImFont::CalcWordWrapPositionA), before or after a CJK character (Chinese and
# Japanese have no spaces; not before 、。，．！？」』）), and inside a word that is wider than the
# field. Blanks at the end of a row hang past the edge, as in a textarea.
#
# - One function decides where a row ends (InputTextWrapRowEnd, for UTF-8 and for ImWchar alike,
#   so what is drawn and where the cursor goes always agree). stb_textedit's STB_TEXTEDIT_LAYOUTROW
#   uses it, so clicks, drags and Up/Down follow the rows; drawing, selection, the cursor, the text
#   height (vertical scrollbar, keeping the cursor in view) use it too; horizontal scroll is off.
# - Home/End go to the ends of the row (ImGuiInputTextState::OnKeyPressed).
# - imstb_textedit.h is inlined where imgui_widgets.cpp includes its implementation, with four
#   fixes for rows that do not end in '\n': Down stops only on the last row, Up/Down/clicks past a
#   row's end stay on that row, Page Up finds the previous row rather than the line's start, and the
#   end of the text belongs to its last row (1.86 put Up from there at that row's start; later
#   versions fixed it). Without the flag every one of them behaves as before.
# Usage: cmake -DINPUT=imgui_widgets.cpp -DSTB=imstb_textedit.h -DOUTPUT=imgui_widgets_wrap.cpp -P imgui_word_wrap.cmake

function(patch var old new expected)
  string(LENGTH "${old}" old_length)
  string(REPLACE "${old}" "" without "${${var}}")
  string(LENGTH "${${var}}" length)
  string(LENGTH "${without}" without_length)
  math(EXPR found "(${length} - ${without_length}) / ${old_length}")
  if(NOT found EQUAL expected)
    message(FATAL_ERROR "imgui_word_wrap.cmake: ${INPUT} or ${STB} is not the Dear ImGui 1.86 it was written for (found ${found} of ${expected}: ${old})")
  endif()
  string(REPLACE "${old}" "${new}" result "${${var}}")
  set(${var} "${result}" PARENT_SCOPE)
endfunction()

file(READ "${INPUT}" source)
file(READ "${STB}" stb)

# ---- imstb_textedit.h -------------------------------------------------------------------------
# A click past the end of a row that is not the text's last stays on that row.
patch(stb [==[   if (STB_TEXTEDIT_GETCHAR(str, i+r.num_chars-1) == STB_TEXTEDIT_NEWLINE)
      return i+r.num_chars-1;]==] [==[   if (STB_TEXTEDIT_GETCHAR(str, i+r.num_chars-1) == STB_TEXTEDIT_NEWLINE || i + r.num_chars < n)
      return i+r.num_chars-1;]==] 1)
# The end of the text is on its last row (unless the text ends in '\n').
patch(stb [==[         while (i < z) {
            STB_TEXTEDIT_LAYOUTROW(&r, str, i);
            prev_start = i;
            i += r.num_chars;
         }
         find->first_char = i;
         find->length = 0;
         find->prev_first = prev_start;]==] [==[         int before_last = 0;
         while (i < z) {
            STB_TEXTEDIT_LAYOUTROW(&r, str, i);
            before_last = prev_start;
            prev_start = i;
            i += r.num_chars;
         }
         find->first_char = i;
         find->length = 0;
         find->prev_first = prev_start;
         if (z > 0 && STB_TEXTEDIT_GETCHAR(str, z - 1) != STB_TEXTEDIT_NEWLINE) {
            find->first_char = prev_start;
            find->length = z - prev_start;
            find->prev_first = before_last;
            find->x = r.x1;
         }]==] 1)
# Down stops on the last row only.
patch(stb [==[            if (STB_TEXTEDIT_GETCHAR(str, find.first_char + find.length - 1) != STB_TEXTEDIT_NEWLINE)
               break;]==] [==[            if (start >= STB_TEXTEDIT_STRINGLEN(str) && STB_TEXTEDIT_GETCHAR(str, find.first_char + find.length - 1) != STB_TEXTEDIT_NEWLINE)
               break;]==] 1)
# Up and Down into a row stop before its last character unless it is the text's last row.
patch(stb [==[            x = row.x0;
            for (i=0; i < row.num_chars; ++i) {]==] [==[            x = row.x0;
            int row_last = state->cursor + row.num_chars - (state->cursor + row.num_chars < STB_TEXTEDIT_STRINGLEN(str) ? 1 : 0);
            for (i=0; state->cursor < row_last; ++i) {]==] 2)
# Page Up: the row before, not the start of its line.
patch(stb [==[            while (prev_scan > 0 && STB_TEXTEDIT_GETCHAR(str, prev_scan - 1) != STB_TEXTEDIT_NEWLINE)
               --prev_scan;]==] [==[            while (prev_scan > 0 && STB_TEXTEDIT_GETCHAR(str, prev_scan - 1) != STB_TEXTEDIT_NEWLINE)
               --prev_scan;
            for (StbTexteditRow r; prev_scan < find.prev_first; prev_scan += r.num_chars) {
               STB_TEXTEDIT_LAYOUTROW(&r, str, prev_scan);
               if (r.num_chars <= 0 || prev_scan + r.num_chars >= find.prev_first)
                  break;
            }]==] 1)
patch(source [==[#define STB_TEXTEDIT_IMPLEMENTATION
#include "imstb_textedit.h"]==] "#define STB_TEXTEDIT_IMPLEMENTATION\n${stb}" 1)

# ---- Where rows end, and the helpers that draw and measure them -----------------------------------
patch(source [==[// Wrapper for stb_textedit.h to edit text (our wrapper is for: statically sized buffer, single-line, wchar characters. InputText converts between UTF-8 and wchar)
namespace ImStb
{]==] [==[// [Loupe] Word wrap (cmake/imgui_word_wrap.cmake). The wrap width of the field InputTextEx() is
// running, 0.0f when it does not wrap: stb_textedit's callbacks read it.
static float InputTextWrapWidth = 0.0f;
static inline unsigned int InputTextNextChar(const ImWchar*& p, const ImWchar*) { return *p++; }
static inline unsigned int InputTextNextChar(const char*& p, const char* end) { unsigned int c; p += ImTextCharFromUtf8(&c, p, end); return c; }
static inline bool InputTextWrapAnywhere(unsigned int c) { return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x20000; }
static inline bool InputTextBreakAfter(unsigned int c) { return c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '"'; } // as ImFont::CalcWordWrapPositionA
static inline bool InputTextNoBreakBefore(unsigned int c) { return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E || c == 0xFF01 || c == 0xFF1F || c == 0x300D || c == 0x300F || c == 0xFF09; }

// Where the row that starts at 's' ends: just past its '\n', at 'end', or where the rest moves on.
template<typename CHAR>
static const CHAR* InputTextWrapRowEnd(const CHAR* s, const CHAR* end, float wrap_width)
{
    ImGuiContext& g = *GImGui;
    const float scale = g.FontSize / g.Font->FontSize;
    const CHAR* last_break = NULL;
    unsigned int prev = 0;
    float x = 0.0f;
    for (const CHAR* p = s; p < end; )
    {
        const CHAR* next = p;
        const unsigned int c = InputTextNextChar(next, end);
        if (c == '\n')
            return next;
        const bool blank = ImCharIsBlankW(c);
        if (p > s && !blank && (ImCharIsBlankW(prev) || InputTextBreakAfter(prev) || ((InputTextWrapAnywhere(c) || InputTextWrapAnywhere(prev)) && !InputTextNoBreakBefore(c))))
            last_break = p;
        if (c != '\r')
            x += g.Font->GetCharAdvance((ImWchar)c) * scale;
        if (!blank && x > wrap_width && p > s)
            return last_break ? last_break : p;
        prev = c;
        p = next;
    }
    return end;
}
template<typename CHAR>
static inline bool InputTextWrapIsLastRow(const CHAR* s, const CHAR* e, const CHAR* end) { return e == end && (e == s || e[-1] != '\n'); }

// Where 'at' is drawn, as InputTextEx() measures it (x, bottom of its row); the number of rows.
static ImVec2 InputTextWrapOffset(const ImWchar* text, const ImWchar* text_end, const ImWchar* at, float wrap_width, int* out_rows)
{
    ImGuiContext& g = *GImGui;
    ImVec2 offset;
    int row = 0;
    for (const ImWchar* s = text; ; row++)
    {
        const ImWchar* e = InputTextWrapRowEnd(s, text_end, wrap_width);
        const bool last = InputTextWrapIsLastRow(s, e, text_end);
        if (at >= s && (at < e || last))
        {
            offset = ImVec2(ImMin(InputTextCalcTextSizeW(s, at).x, wrap_width), (row + 1) * g.FontSize);
            if (!out_rows)
                return offset;
        }
        if (last)
            break;
        s = e;
    }
    *out_rows = row + 1;
    return offset;
}

// Draws the text row by row from 'pos' (its top left); returns the number of rows.
static int InputTextWrapDraw(ImDrawList* draw_list, ImVec2 pos, ImU32 col, const char* text, const char* text_end, float wrap_width)
{
    ImGuiContext& g = *GImGui;
    const ImVec2 clip_min = draw_list->GetClipRectMin(), clip_max = draw_list->GetClipRectMax();
    for (int rows = 1; ; rows++, pos.y += g.FontSize)
    {
        const char* e = InputTextWrapRowEnd(text, text_end, wrap_width);
        if (pos.y + g.FontSize >= clip_min.y && pos.y <= clip_max.y)
            draw_list->AddText(g.Font, g.FontSize, pos, col, text, e);
        if (InputTextWrapIsLastRow(text, e, text_end))
            return rows;
        text = e;
    }
}

// Highlights [sel_begin, sel_end) row by row from 'pos' (the text's top left).
static void InputTextWrapDrawSelection(ImDrawList* draw_list, ImVec2 pos, const ImWchar* text, const ImWchar* text_end, const ImWchar* sel_begin, const ImWchar* sel_end, float wrap_width, ImU32 col)
{
    ImGuiContext& g = *GImGui;
    for (const ImWchar* s = text; ; pos.y += g.FontSize)
    {
        const ImWchar* e = InputTextWrapRowEnd(s, text_end, wrap_width);
        if (sel_begin < e && sel_end > s)
        {
            const ImWchar* visible_end = (e > s && e[-1] == '\n') ? e - 1 : e;
            const float x0 = InputTextCalcTextSizeW(s, ImMax(sel_begin, s)).x;
            float x1 = InputTextCalcTextSizeW(s, ImMin(sel_end, visible_end)).x;
            if (x1 <= x0)
                x1 = x0 + IM_FLOOR(g.Font->GetCharAdvance((ImWchar)' ') * 0.50f); // So we can see selected empty lines
            draw_list->AddRectFilled(pos + ImVec2(x0, 0.0f), pos + ImVec2(x1, g.FontSize), col);
        }
        if (e >= sel_end || InputTextWrapIsLastRow(s, e, text_end))
            return;
        s = e;
    }
}

// Wrapper for stb_textedit.h to edit text (our wrapper is for: statically sized buffer, single-line, wchar characters. InputText converts between UTF-8 and wchar)
namespace ImStb
{]==] 1)

# ---- stb_textedit's rows are the wrapped rows ------------------------------------------------------
patch(source [==[    const ImVec2 size = InputTextCalcTextSizeW(text + line_start_idx, text + obj->CurLenW, &text_remaining, NULL, true);]==]
[==[    const ImWchar* row_end = InputTextWrapWidth > 0.0f ? InputTextWrapRowEnd(text + line_start_idx, text + obj->CurLenW, InputTextWrapWidth) : text + obj->CurLenW;
    const ImVec2 size = InputTextCalcTextSizeW(text + line_start_idx, row_end, &text_remaining, NULL, true);]==] 1)

# ---- Home and End: the ends of the row -------------------------------------------------------------
patch(source [==[void ImGuiInputTextState::OnKeyPressed(int key)
{
    stb_textedit_key(this, &Stb, key);]==] [==[void ImGuiInputTextState::OnKeyPressed(int key)
{
    const int move = key & ~STB_TEXTEDIT_K_SHIFT;
    if (InputTextWrapWidth > 0.0f && (move == STB_TEXTEDIT_K_LINESTART || move == STB_TEXTEDIT_K_LINEEND))
    {
        ImStb::stb_textedit_clamp(this, &Stb);
        if (key & STB_TEXTEDIT_K_SHIFT)
            ImStb::stb_textedit_prep_selection_at_cursor(&Stb);
        else
            ImStb::stb_textedit_move_to_first(&Stb);
        ImStb::StbFindState find;
        ImStb::stb_textedit_find_charpos(&find, this, Stb.cursor, 0);
        const int row_end = find.first_char + find.length;
        if (move == STB_TEXTEDIT_K_LINESTART)
            Stb.cursor = find.first_char;
        else
            Stb.cursor = (row_end < CurLenW || (find.length > 0 && TextW[row_end - 1] == '\n')) ? row_end - 1 : row_end;
        if (key & STB_TEXTEDIT_K_SHIFT)
            Stb.select_end = Stb.cursor;
        Stb.has_preferred_x = 0;
    }
    else
        stb_textedit_key(this, &Stb, key);]==] 1)

# ---- InputTextEx ---------------------------------------------------------------------------------
patch(source [==[    const ImRect frame_bb(window->DC.CursorPos, window->DC.CursorPos + frame_size);
    const ImRect total_bb(frame_bb.Min, frame_bb.Min + total_size);
]==] [==[    const ImRect frame_bb(window->DC.CursorPos, window->DC.CursorPos + frame_size);
    const ImRect total_bb(frame_bb.Min, frame_bb.Min + total_size);
    const float wrap_width = (is_multiline && (flags & ImGuiInputTextFlags_WordWrap)) ? ImMax(frame_size.x - style.ScrollbarSize - style.FramePadding.x * 2.0f, 1.0f) : 0.0f;
    InputTextWrapWidth = wrap_width;
    if (wrap_width > 0.0f)
        flags |= ImGuiInputTextFlags_NoHorizontalScroll;
]==] 1)
patch(source [==[        const ImWchar* text_begin = state->TextW.Data;
        ImVec2 cursor_offset, select_start_offset;

        {]==] [==[        const ImWchar* text_begin = state->TextW.Data;
        ImVec2 cursor_offset, select_start_offset;

        if (wrap_width > 0.0f)
        {
            int line_count = 0;
            cursor_offset = InputTextWrapOffset(text_begin, text_begin + state->CurLenW, text_begin + state->Stb.cursor, wrap_width, &line_count);
            if (render_selection)
                select_start_offset = InputTextWrapOffset(text_begin, text_begin + state->CurLenW, text_begin + ImMin(state->Stb.select_start, state->Stb.select_end), wrap_width, NULL);
            text_size = ImVec2(inner_size.x, line_count * g.FontSize);
        }
        else
        {]==] 1)
patch(source [==[        const ImVec2 draw_scroll = ImVec2(state->ScrollX, 0.0f);
        if (render_selection)
        {]==] [==[        const ImVec2 draw_scroll = ImVec2(state->ScrollX, 0.0f);
        if (render_selection && wrap_width > 0.0f)
            InputTextWrapDrawSelection(draw_window->DrawList, draw_pos, text_begin, text_begin + state->CurLenW, text_begin + ImMin(state->Stb.select_start, state->Stb.select_end),
                                       text_begin + ImMax(state->Stb.select_start, state->Stb.select_end), wrap_width, GetColorU32(ImGuiCol_TextSelectedBg, render_cursor ? 1.0f : 0.6f));
        else if (render_selection)
        {]==] 1)
patch(source [==[            draw_window->DrawList->AddText(g.Font, g.FontSize, draw_pos - draw_scroll, col, buf_display, buf_display_end, 0.0f, is_multiline ? NULL : &clip_rect);]==]
[==[            if (wrap_width > 0.0f)
                InputTextWrapDraw(draw_window->DrawList, draw_pos, col, buf_display, buf_display_end, wrap_width);
            else
            draw_window->DrawList->AddText(g.Font, g.FontSize, draw_pos - draw_scroll, col, buf_display, buf_display_end, 0.0f, is_multiline ? NULL : &clip_rect);]==] 1)
patch(source [==[            draw_window->DrawList->AddText(g.Font, g.FontSize, draw_pos, col, buf_display, buf_display_end, 0.0f, is_multiline ? NULL : &clip_rect);]==]
[==[            if (wrap_width > 0.0f)
                text_size.y = InputTextWrapDraw(draw_window->DrawList, draw_pos, col, buf_display, buf_display_end, wrap_width) * g.FontSize;
            else
            draw_window->DrawList->AddText(g.Font, g.FontSize, draw_pos, col, buf_display, buf_display_end, 0.0f, is_multiline ? NULL : &clip_rect);]==] 1)

file(WRITE "${OUTPUT}" "${source}")
