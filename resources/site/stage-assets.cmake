# Stages the public website's static assets from node_modules and resources/site into one folder.
# Run by the carta_site_assets target:
#   cmake -DNODE_MODULES=<dir> -DSITE_SOURCE_DIR=<dir> -DOUTPUT_DIR=<dir> -P stage-assets.cmake
foreach(required NODE_MODULES SITE_SOURCE_DIR OUTPUT_DIR)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "stage-assets.cmake: ${required} is not set")
    endif()
endforeach()

set(nhsuk_dist ${NODE_MODULES}/nhsuk-frontend/dist/nhsuk)
set(minisearch_dist ${NODE_MODULES}/minisearch/dist/umd)
foreach(input
        ${nhsuk_dist}/nhsuk-frontend.min.css
        ${nhsuk_dist}/nhsuk-frontend.min.js
        ${nhsuk_dist}/assets/images
        ${nhsuk_dist}/assets/manifest.json
        ${minisearch_dist}/index.js
        ${NODE_MODULES}/minisearch/LICENSE.txt)
    if(NOT EXISTS ${input})
        message(FATAL_ERROR "stage-assets.cmake: ${input} is missing; did a package change its layout?")
    endif()
endforeach()

# Drops the trailing source-map comment from the text in text_var: the maps are not shipped, and
# browsers' developer tools would fetch them in vain.
function(strip_source_map text_var)
    string(REGEX REPLACE "\n?(/\\*# sourceMappingURL=[^\n]*\\*/|//# sourceMappingURL=[^\n]*)\n*$" "\n"
        text "${${text_var}}")
    set(${text_var} "${text}" PARENT_SCOPE)
endfunction()

function(copy_without_source_map source destination)
    file(READ ${source} text)
    strip_source_map(text)
    file(WRITE ${destination} "${text}")
endfunction()

# Start afresh so that files dropped by a package upgrade do not linger in releases.
file(REMOVE_RECURSE ${OUTPUT_DIR})
set(nhsuk_out ${OUTPUT_DIR}/nhsuk-frontend)
file(MAKE_DIRECTORY ${nhsuk_out} ${OUTPUT_DIR}/minisearch)

# nhsuk-frontend: the CSS names its icons root-relative, as url(/assets/images/...); make them
# relative to the CSS so that the site also works under a sub-path.
file(COPY ${nhsuk_dist}/assets/images ${nhsuk_dist}/assets/manifest.json DESTINATION ${nhsuk_out})
file(READ ${nhsuk_dist}/nhsuk-frontend.min.css css)
string(REPLACE "url(/assets/images/" "url(images/" css "${css}")
strip_source_map(css)
file(WRITE ${nhsuk_out}/nhsuk-frontend.min.css "${css}")

# Every url() must be absolute (the font CDN), inline data, or name a staged file.
string(REGEX MATCHALL "url\\([^)]*\\)" css_urls "${css}")
list(REMOVE_DUPLICATES css_urls)
foreach(css_url IN LISTS css_urls)
    string(REGEX REPLACE "^url\\([\"']?([^\"')?#]*)[^)]*\\)$" "\\1" target "${css_url}")
    if(target MATCHES "^(https:|data:)")
        continue()
    endif()
    if(target MATCHES "^/|(^|/)\\.\\.(/|$)" OR NOT EXISTS ${nhsuk_out}/${target})
        message(FATAL_ERROR "stage-assets.cmake: ${css_url} in nhsuk-frontend.min.css does not resolve inside ${nhsuk_out}")
    endif()
endforeach()

copy_without_source_map(${nhsuk_dist}/nhsuk-frontend.min.js ${nhsuk_out}/nhsuk-frontend.min.js)
# The npm package carries no licence file of its own; this is the project's MIT licence.
file(COPY_FILE ${SITE_SOURCE_DIR}/licenses/nhsuk-frontend-LICENSE.txt ${nhsuk_out}/LICENSE.txt)

# MiniSearch ships no minified build; its UMD build defines the global MiniSearch in a classic script.
copy_without_source_map(${minisearch_dist}/index.js ${OUTPUT_DIR}/minisearch/minisearch.js)
file(COPY_FILE ${NODE_MODULES}/minisearch/LICENSE.txt ${OUTPUT_DIR}/minisearch/LICENSE.txt)

file(COPY ${SITE_SOURCE_DIR}/carta.css ${SITE_SOURCE_DIR}/search.js DESTINATION ${OUTPUT_DIR})
