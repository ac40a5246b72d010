# imgui_tabbing.cmake — copies Dear ImGui 1.86's imgui.cpp with Tab moving through every widget.
#
# In 1.86 Tab stops only at text fields; a keyboard-only respondent must reach the answer buttons
# the way every web page allows. Dear ImGui 1.88 made this change upstream ("Tabbing now cycles
# through all items when ImGuiConfigFlags_NavEnableKeyboard is set"); these are its two lines.
# Also without the .ini readers and writers of window and table settings: the app keeps no
# imgui.ini (imgui_config.h), and they would bring sscanf and 6 KB gzipped to every download.
# Usage: cmake -DINPUT=imgui.cpp -DOUTPUT=imgui_tabbing.cpp -P imgui_tabbing.cmake
file(READ "${INPUT}" source)
set(stop_old "const bool is_tab_stop = (item_flags & ImGuiItemFlags_Inputable) && (item_flags & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled)) == 0;")
set(stop_new "const bool is_tab_stop = (item_flags & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled | ImGuiItemFlags_NoNav)) == 0 && ((item_flags & ImGuiItemFlags_Inputable) || (g.IO.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard));")
set(dir_old "g.NavTabbingDir = g.IO.KeyShift ? -1 : (g.ActiveId == 0) ? 0 : +1;")
set(dir_new "g.NavTabbingDir = g.IO.KeyShift ? -1 : (g.NavDisableHighlight == true && g.ActiveId == 0) ? 0 : +1;")
set(settings_old [==[    // Add .ini handle for ImGuiWindow type
    {
        ImGuiSettingsHandler ini_handler;
        ini_handler.TypeName = "Window";
        ini_handler.TypeHash = ImHashStr("Window");
        ini_handler.ClearAllFn = WindowSettingsHandler_ClearAll;
        ini_handler.ReadOpenFn = WindowSettingsHandler_ReadOpen;
        ini_handler.ReadLineFn = WindowSettingsHandler_ReadLine;
        ini_handler.ApplyAllFn = WindowSettingsHandler_ApplyAll;
        ini_handler.WriteAllFn = WindowSettingsHandler_WriteAll;
        g.SettingsHandlers.push_back(ini_handler);
    }

    // Add .ini handle for ImGuiTable type
    TableSettingsInstallHandler(context);]==])
set(settings_new "    // [Loupe] No .ini handlers: no imgui.ini is ever read or written (cmake/imgui_tabbing.cmake).")
foreach(part stop dir settings)
  string(FIND "${source}" "${${part}_old}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "imgui_tabbing.cmake: ${INPUT} is not the Dear ImGui 1.86 it was written for")
  endif()
  string(REPLACE "${${part}_old}" "${${part}_new}" source "${source}")
endforeach()
file(WRITE "${OUTPUT}" "${source}")
