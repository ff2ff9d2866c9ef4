# rls_add_layer(NAME SOURCES...): the static library rls_NAME built from
# src/NAME/, whose headers resolve as "NAME/header.hpp" only in targets that
# link it. Each layer gets its own include root (build/layers/NAME/, holding
# one link NAME -> src/NAME), never src/ as a whole: a file in store/ that
# writes #include "cli/app.hpp" fails to compile because no include root of
# rls_store contains cli/. The layer's headers are PUBLIC (they are its
# interface); everything it links is chosen by its own CMakeLists.txt.
#
# A layer is a unity build (RLS_UNITY_BUILD): its files are compiled in
# batches of 8 as one translation unit each, so CLI11, nlohmann-json and date
# are parsed, and their inline functions generated, once per batch instead
# of once per file (README "For developers": the measured figures). So two
# files of one layer must not define the same name in an anonymous
# namespace; `-DCMAKE_UNITY_BUILD_BATCH_SIZE=0` (one batch per layer) checks.
function(rls_add_layer name)
  set(root ${PROJECT_BINARY_DIR}/layers/${name})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${name} SYMBOLIC)
  add_library(rls_${name} STATIC ${ARGN})
  target_include_directories(rls_${name} PUBLIC ${root})
  target_link_libraries(rls_${name} PRIVATE rls_warnings)
  set_target_properties(rls_${name} PROPERTIES UNITY_BUILD ${RLS_UNITY_BUILD})
  rls_note_sources(rls_${name})
endfunction()

# Fails the configure step when a .cpp under DIR is in no target's source
# list: the lists are explicit (a newcomer reads what is built), and this
# keeps a forgotten file from silently not being compiled or tested.
function(rls_check_listed dir)
  file(GLOB_RECURSE on_disk CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR}
       ${PROJECT_SOURCE_DIR}/${dir}/*.cpp)
  get_property(listed GLOBAL PROPERTY RLS_LISTED_SOURCES)
  foreach(file IN LISTS on_disk)
    if(NOT file IN_LIST listed)
      message(FATAL_ERROR "${file} is in no target's source list: add it, one "
                          "file per line in sorted order, to the list in the "
                          "CMakeLists.txt of its folder")
    endif()
  endforeach()
endfunction()

# Records a target's sources (relative to the project) for rls_check_listed.
function(rls_note_sources target)
  get_target_property(sources ${target} SOURCES)
  get_target_property(dir ${target} SOURCE_DIR)
  foreach(source IN LISTS sources)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${dir} OUTPUT_VARIABLE abs)
    cmake_path(RELATIVE_PATH abs BASE_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_property(GLOBAL APPEND PROPERTY RLS_LISTED_SOURCES ${abs})
  endforeach()
endfunction()
