// The subgraph an export writes: nodes and relationships with their data,
// read from a database page by page or gathered from what a query returns.
#ifndef DOSSIER_CLI_EXPORT_GRAPH_H_
#define DOSSIER_CLI_EXPORT_GRAPH_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "dossier/database.h"

namespace dossier::cli {

// A node to export.
struct ExportNode {
  NodeId id = 0;
  std::vector<std::string> labels;
  ValueMap properties;
};

// A relationship to export.
struct ExportEdge {
  EdgeId id = 0;
  std::string type;
  NodeId src = 0;
  NodeId dst = 0;
  ValueMap properties;
};

// Nodes and relationships in id order. Every relationship's endpoints are
// in `nodes`.
struct ExportGraph {
  std::map<NodeId, ExportNode> nodes;
  std::map<EdgeId, ExportEdge> edges;
};

// Reads every node and relationship, `page_size` rows per statement
// (`MATCH (n) WHERE id(n) > $after … LIMIT page`). Errors: as
// Database::Execute.
absl::StatusOr<ExportGraph> ReadWholeGraph(Database& db,
                                           const ExecuteOptions& options,
                                           int64_t page_size = 10000);

// Runs `statement` and gathers the nodes, relationships and paths it returns
// (also inside lists and maps), plus the endpoints of the relationships.
// Errors: as Database::Execute.
absl::StatusOr<ExportGraph> ReadQueryGraph(Database& db,
                                           std::string_view statement,
                                           const ValueMap& params,
                                           const ExecuteOptions& options);

// The node's text for pictures: name, else title, else kind, else "#id".
std::string DisplayName(const ExportNode& node);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_EXPORT_GRAPH_H_
