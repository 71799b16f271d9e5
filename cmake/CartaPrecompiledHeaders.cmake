# Precompiled headers: two shared ones, each compiled once per build tree and reused by every
# Carta target (REUSE_FROM). Parsing the standard and Qt headers took ~3.5 s of each ~10 s
# compile; see docs/decisions.md.
#
#   carta_pch_core     standard library + QtCore        every target that links carta_build_flags
#   carta_pch_widgets  the above + QtGui/QtWidgets      targets that link Qt6::Widgets (directly or
#                                                       through carta_app)
#
# GCC uses a precompiled header only when the compile that uses it has the same code-generation
# flags and defines every macro the header was made with, identically (-Winvalid-pch, which CMake
# adds, says so, and -Werror makes it an error in CI). So each header is owned by a small object
# library that links nothing but its Qt modules and carta_build_flags: its defines are a subset
# of every user's. QtTest stays out: it reads QT_TESTCASE_SOURCEDIR, which differs per folder.

option(CARTA_PCH "Compile the common standard and Qt headers once (precompiled headers)" ON)

set(CARTA_PCH_CORE_HEADERS
    <algorithm> <array> <atomic> <chrono> <functional> <map> <memory> <mutex> <optional>
    <string> <string_view> <utility> <vector>
    <QByteArray> <QCoreApplication> <QCryptographicHash> <QDate> <QDateTime> <QDir>
    <QDirIterator> <QElapsedTimer> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QLocale> <QObject> <QPointer> <QProcess>
    <QRandomGenerator> <QRegularExpression> <QSaveFile> <QSet> <QStandardPaths> <QString>
    <QStringList> <QTemporaryDir> <QTimeZone> <QTimer> <QUrl> <QUuid> <QVariant>)
set(CARTA_PCH_WIDGETS_HEADERS
    <QAbstractItemView> <QAbstractTableModel> <QAction> <QApplication> <QCheckBox> <QComboBox>
    <QCompleter> <QDialog> <QFormLayout> <QHBoxLayout> <QHeaderView> <QKeyEvent> <QLabel>
    <QLineEdit> <QListWidget> <QMenu> <QMessageBox> <QPlainTextEdit> <QPushButton> <QSplitter>
    <QStyle> <QTabWidget> <QTableView> <QTextBrowser> <QToolButton> <QTreeWidget> <QVBoxLayout>
    <QWidget>)

# An object library owning one precompiled header; its only source is an empty file.
function(_carta_pch_owner name)
    cmake_parse_arguments(ARG "" "" "LIBRARIES;HEADERS" ${ARGN})
    set(source ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp)
    file(CONFIGURE OUTPUT ${source} CONTENT "// Owner of the ${name} precompiled header.\n")
    add_library(${name} OBJECT ${source})
    set_target_properties(${name} PROPERTIES AUTOMOC OFF)
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} carta_build_flags)
    target_precompile_headers(${name} PRIVATE ${ARG_HEADERS})
endfunction()

# True in ${out} when ${target} links ${wanted}, directly or through other targets.
function(_carta_links target wanted out)
    set(pending ${target})
    set(seen "")
    while(pending)
        list(POP_FRONT pending current)
        if(current IN_LIST seen OR NOT TARGET ${current})
            continue()
        endif()
        list(APPEND seen ${current})
        get_target_property(type ${current} TYPE)
        set(links "")
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(direct ${current} LINK_LIBRARIES)
            if(direct)
                list(APPEND links ${direct})
            endif()
        endif()
        get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND links ${interface})
        endif()
        foreach(link IN LISTS links)
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(link STREQUAL wanted)
                set(${out} TRUE PARENT_SCOPE)
                return()
            endif()
            list(APPEND pending ${link})
        endforeach()
    endwhile()
    set(${out} FALSE PARENT_SCOPE)
endfunction()

# Every buildsystem target under ${dir}, depth first.
function(_carta_targets_under dir out)
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirectories DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    foreach(subdirectory IN LISTS subdirectories)
        _carta_targets_under(${subdirectory} more)
        list(APPEND targets ${more})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

# AUTOMOC compiles the moc files of a target's headers in one mocs_compilation.cpp; when no
# header has a Q_OBJECT (every test: their classes are in the .cpp), that file is empty and
# loading the header would cost it ~0.5 s for nothing.
function(_carta_skip_pch_for_empty_moc_file target)
    get_target_property(automoc ${target} AUTOMOC)
    if(NOT automoc)
        return()
    endif()
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    foreach(source IN LISTS sources)
        if(source MATCHES "\\.(h|hpp)$")
            cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${source_dir})
            file(STRINGS ${source} qt_meta_object LIMIT_COUNT 1 REGEX "Q_OBJECT|Q_GADGET|Q_NAMESPACE")
            if(qt_meta_object)
                return()
            endif()
        endif()
    endforeach()
    get_target_property(binary_dir ${target} BINARY_DIR)
    set_source_files_properties(${binary_dir}/${target}_autogen/mocs_compilation.cpp
        TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()

# Call once, after every add_subdirectory: gives each Carta C++ target one of the two headers.
function(carta_reuse_precompiled_headers)
    if(NOT CARTA_PCH)
        return()
    endif()
    _carta_pch_owner(carta_pch_core LIBRARIES Qt6::Core HEADERS ${CARTA_PCH_CORE_HEADERS})
    # The desktop app finds Widgets in its own folder; imported targets are seen only there.
    find_package(Qt6 QUIET COMPONENTS Widgets)
    set(widgets_owner "")
    if(TARGET Qt6::Widgets)
        _carta_pch_owner(carta_pch_widgets LIBRARIES Qt6::Widgets
            HEADERS ${CARTA_PCH_CORE_HEADERS} ${CARTA_PCH_WIDGETS_HEADERS})
        set(widgets_owner carta_pch_widgets)
    endif()

    _carta_targets_under(${PROJECT_SOURCE_DIR} targets)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$"
           OR target MATCHES "^carta_pch_")
            continue()
        endif()
        get_target_property(links ${target} LINK_LIBRARIES)
        get_target_property(own ${target} PRECOMPILE_HEADERS)
        if(NOT links OR NOT "carta_build_flags" IN_LIST links OR own)
            continue()
        endif()
        set(owner carta_pch_core)
        if(widgets_owner)
            _carta_links(${target} Qt6::Widgets uses_widgets)
            if(uses_widgets)
                set(owner ${widgets_owner})
            endif()
        endif()
        target_precompile_headers(${target} REUSE_FROM ${owner})
        _carta_skip_pch_for_empty_moc_file(${target})
    endforeach()
endfunction()
