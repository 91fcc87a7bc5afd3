# Installs the embedding API: the headers of include/dossier/ (and the
# graph/value.h they include), the static libraries behind them, and a CMake
# package, so that another project writes
#
#   find_package(dossier REQUIRED)
#   target_link_libraries(app PRIVATE dossier::dossier)
#
# The package is written by hand rather than by install(EXPORT): the
# libraries take their include paths from the source tree, which an export
# may not name. Their link dependencies are read from the targets here, so
# a library added to a layer reaches the package by itself; the packages
# that define those targets are found in dossierConfig.cmake.in.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Static libraries, users first (the order a static link needs).
set(DOSSIER_INSTALL_LIBS
  dossier_api dossier_loaders dossier_query dossier_cypher_parser dossier_graph)

# The non-Dossier link dependencies of the libraries, in order, deduplicated.
set(_dossier_deps "")
foreach(lib ${DOSSIER_INSTALL_LIBS})
  get_target_property(_links ${lib} INTERFACE_LINK_LIBRARIES)
  if(NOT _links)
    continue()
  endif()
  foreach(dep ${_links})
    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
    if(dep MATCHES "^dossier_" OR dep MATCHES "^\\$<")
      continue()
    endif()
    list(APPEND _dossier_deps "${dep}")
  endforeach()
endforeach()
list(REMOVE_DUPLICATES _dossier_deps)

# pkg-config modules behind PkgConfig:: targets (module names by prefix).
set(_dossier_pkg_modules "")
foreach(dep ${_dossier_deps})
  if(dep MATCHES "^PkgConfig::(.*)$")
    set(_prefix ${CMAKE_MATCH_1})
    set(_module "${${_prefix}_MODULE_NAME}")
    if(NOT _module)
      string(TOLOWER "${_prefix}" _module)
      string(REGEX REPLACE "^dossier_" "" _module "${_module}")
      if(_module STREQUAL "hs")
        set(_module libhs)
      endif()
    endif()
    string(APPEND _dossier_pkg_modules
           "pkg_check_modules(${_prefix} REQUIRED IMPORTED_TARGET ${_module})\n")
  endif()
endforeach()

set(DOSSIER_PACKAGE_LIBS "")
foreach(lib ${DOSSIER_INSTALL_LIBS})
  list(APPEND DOSSIER_PACKAGE_LIBS
       "\${_dossier_prefix}/${CMAKE_INSTALL_LIBDIR}/lib${lib}.a")
endforeach()
list(APPEND DOSSIER_PACKAGE_LIBS ${_dossier_deps})
set(DOSSIER_PKG_CHECKS "${_dossier_pkg_modules}")

file(GLOB DOSSIER_PUBLIC_HEADERS CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/include/dossier/*.h)
install(FILES ${DOSSIER_PUBLIC_HEADERS}
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dossier COMPONENT dossier)
install(FILES ${PROJECT_SOURCE_DIR}/graph/value.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/graph COMPONENT dossier)
foreach(lib ${DOSSIER_INSTALL_LIBS})
  install(FILES $<TARGET_FILE:${lib}>
          DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dossier)
endforeach()

set(_dossier_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/dossier)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/dossierConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/dossierConfig.cmake
  INSTALL_DESTINATION ${_dossier_cmake_dir})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/dossierConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/dossierConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/dossierConfigVersion.cmake
        DESTINATION ${_dossier_cmake_dir} COMPONENT dossier)

# The `dossier` command, once cli/ has defined it.
function(dossier_install_cli)
  if(TARGET dossier)
    install(PROGRAMS $<TARGET_FILE:dossier>
            DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dossier)
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL dossier_install_cli)
