// BoundQuery: a Statement whose names the binder has checked.
#ifndef DOSSIER_QUERY_BIND_BOUND_QUERY_H_
#define DOSSIER_QUERY_BIND_BOUND_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"

namespace dossier::query {

// What the planner needs besides the AST. The Statement and the query text
// are borrowed and must outlive the BoundQuery and every plan made from it.
struct BoundQuery {
  const Statement* statement = nullptr;
  std::string_view text;
  // True when some clause writes (CREATE, MERGE, SET, REMOVE, DELETE).
  bool writes = false;
  // The result columns (of the first single query of a UNION).
  std::vector<std::string> columns;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_BIND_BOUND_QUERY_H_
