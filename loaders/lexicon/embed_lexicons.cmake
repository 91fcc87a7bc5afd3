# Writes OUT, a C++ source holding every *.tsv of DIR as a string literal, so
# the library carries its default lexicons (no run-time dependency on the
# source tree). Invoked by loaders/CMakeLists.txt at build time.
file(GLOB files ${DIR}/*.tsv)
list(SORT files)
set(body "// Generated from loaders/lexicon/*.tsv by embed_lexicons.cmake. Do not edit.\n")
string(APPEND body "#include \"loaders/lexicon/embedded.h\"\n\nnamespace dossier::loaders {\n")
string(APPEND body "namespace {\nconstexpr EmbeddedLexicon kFiles[] = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  string(APPEND body "  {\"${name}\", R\"dossier_lexicon(${content})dossier_lexicon\"},\n")
endforeach()
string(APPEND body "};\n}  // namespace\n\n")
string(APPEND body "std::span<const EmbeddedLexicon> EmbeddedLexicons() { return kFiles; }\n\n")
string(APPEND body "}  // namespace dossier::loaders\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
