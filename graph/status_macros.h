// Error propagation helpers shared by every layer.
//
// DOSSIER_RETURN_IF_ERROR(expr): evaluates an absl::Status expression and
// returns it from the enclosing function when it is not OK.
// DOSSIER_ASSIGN_OR_RETURN(lhs, expr): evaluates an absl::StatusOr<T>
// expression; on error returns its status, otherwise moves the value into lhs
// (which may be a declaration such as `auto x`).
#ifndef DOSSIER_GRAPH_STATUS_MACROS_H_
#define DOSSIER_GRAPH_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define DOSSIER_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::absl::Status dossier_status_ = (expr);   \
    if (!dossier_status_.ok()) return dossier_status_; \
  } while (0)

#define DOSSIER_STATUS_CONCAT_INNER_(a, b) a##b
#define DOSSIER_STATUS_CONCAT_(a, b) DOSSIER_STATUS_CONCAT_INNER_(a, b)

#define DOSSIER_ASSIGN_OR_RETURN(lhs, expr)                                  \
  DOSSIER_ASSIGN_OR_RETURN_IMPL_(                                            \
      DOSSIER_STATUS_CONCAT_(dossier_statusor_, __LINE__), lhs, expr)

#define DOSSIER_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // DOSSIER_GRAPH_STATUS_MACROS_H_
