// Query parameters given on the command line: `--param name=JSON`.
#ifndef DOSSIER_CLI_PARAMS_H_
#define DOSSIER_CLI_PARAMS_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dossier/value.h"

namespace dossier::cli {

// Parses a JSON text into a Value: integers stay exact int64, other
// numbers become doubles, arrays lists, objects maps. A bare word that is
// not JSON is taken as a string (`--param name=Huawei`). Errors:
// InvalidArgument for an integer beyond int64.
absl::StatusOr<Value> JsonToValue(std::string_view json_text);

// Parses "name=value" and stores it in `params`. Errors: InvalidArgument
// naming the problem (no '=', empty name, bad value).
absl::Status AddParam(std::string_view assignment, ValueMap* params);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_PARAMS_H_
