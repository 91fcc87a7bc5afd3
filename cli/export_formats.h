// The export writers: one function per format, each taking an ExportGraph.
// Formats are documented in docs/cli.md (`dossier export`).
#ifndef DOSSIER_CLI_EXPORT_FORMATS_H_
#define DOSSIER_CLI_EXPORT_FORMATS_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "cli/export_graph.h"

namespace dossier::cli {

// One JSON object per line in the APOC form of cli/render.h: the nodes,
// then the relationships, in id order.
void WriteJsonl(const ExportGraph& graph, std::ostream& out);

// GraphML with typed keys (boolean, long, double, string; lists and maps
// as JSON text), readable by networkx, Gephi and yEd. Nodes carry a
// `labels` key (":State"), a `label` key (display name); relationships a
// `label` key (their type).
void WriteGraphml(const ExportGraph& graph, std::ostream& out);

// Graphviz: one shape per label (State box, Organisation ellipse, Person
// plaintext, Facility house, Place diamond, Accusation note, Article
// folder); ACCUSES edges red with their kind as label.
void WriteDot(const ExportGraph& graph, std::ostream& out);

// The CSV layout of DESIGN §6 in directory `dir` (created when missing):
// nodes_<Label>.csv per first label, rels_<TYPE>_<From>_<To>.csv per
// relationship type and endpoint labels, neo4j-admin-import.sh and
// kuzu-import.cypher. Errors: Internal naming a file that cannot be written.
absl::Status WriteCsv(const ExportGraph& graph, const std::string& dir);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_EXPORT_FORMATS_H_
