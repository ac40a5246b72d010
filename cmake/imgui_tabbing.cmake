# imgui_tabbing.cmake — copies Dear ImGui 1.86's imgui.cpp with Tab moving through every widget.
#
# In 1.86 Tab stops only at text fields; a keyboard-only respondent must reach the answer buttons
# the way every web page allows. Dear ImGui 1.88 made this change upstream ("Tabbing now cycles
# through all items when ImGuiConfigFlags_NavEnableKeyboard is set"); these are its two lines.
# Usage: cmake -DINPUT=imgui.cpp -DOUTPUT=imgui_tabbing.cpp -P imgui_tabbing.cmake
file(READ "${INPUT}" source)
set(stop_old "const bool is_tab_stop = (item_flags & ImGuiItemFlags_Inputable) && (item_flags & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled)) == 0;")
set(stop_new "const bool is_tab_stop = (item_flags & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled | ImGuiItemFlags_NoNav)) == 0 && ((item_flags & ImGuiItemFlags_Inputable) || (g.IO.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard));")
set(dir_old "g.NavTabbingDir = g.IO.KeyShift ? -1 : (g.ActiveId == 0) ? 0 : +1;")
set(dir_new "g.NavTabbingDir = g.IO.KeyShift ? -1 : (g.NavDisableHighlight == true && g.ActiveId == 0) ? 0 : +1;")
foreach(part stop dir)
  string(FIND "${source}" "${${part}_old}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "imgui_tabbing.cmake: ${INPUT} is not the Dear ImGui 1.86 it was written for")
  endif()
  string(REPLACE "${${part}_old}" "${${part}_new}" source "${source}")
endforeach()
file(WRITE "${OUTPUT}" "${source}")
