#include "cli/params.h"

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace dossier::cli {
namespace {

absl::StatusOr<Value> Convert(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value::Null();
    case nlohmann::json::value_t::boolean:
      return Value::Bool(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value::Int(j.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      uint64_t u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) {
        return absl::InvalidArgumentError(
            absl::StrCat("integer ", u, " is beyond the 64-bit range"));
      }
      return Value::Int(static_cast<int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value::Double(j.get<double>());
    case nlohmann::json::value_t::string:
      return Value::String(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      ValueList list;
      for (const auto& e : j) {
        absl::StatusOr<Value> v = Convert(e);
        if (!v.ok()) return v.status();
        list.push_back(*std::move(v));
      }
      return Value::List(std::move(list));
    }
    case nlohmann::json::value_t::object: {
      ValueMap map;
      for (auto it = j.begin(); it != j.end(); ++it) {
        absl::StatusOr<Value> v = Convert(*it);
        if (!v.ok()) return v.status();
        map[it.key()] = *std::move(v);
      }
      return Value::Map(std::move(map));
    }
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      break;
  }
  return absl::InvalidArgumentError("unsupported JSON value");
}

}  // namespace

absl::StatusOr<Value> JsonToValue(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr,
                                           /*allow_exceptions=*/false);
  if (j.is_discarded()) return Value::String(text);
  return Convert(j);
}

absl::Status AddParam(std::string_view assignment, ValueMap* params) {
  size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--param expects name=value, got '", std::string(assignment), "'"));
  }
  absl::StatusOr<Value> v = JsonToValue(assignment.substr(eq + 1));
  if (!v.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--param ", std::string(assignment.substr(0, eq)), ": ",
                     std::string(v.status().message())));
  }
  (*params)[std::string(assignment.substr(0, eq))] = *std::move(v);
  return absl::OkStatus();
}

}  // namespace dossier::cli
