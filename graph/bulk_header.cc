// Header fields and typed conversion of neo4j-admin import CSV.
#include <algorithm>
#include <cctype>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "graph/bulk_internal.h"

namespace dossier::graph::bulk {
namespace {

bool ParseScalar(std::string_view type, Scalar* out) {
  std::string t = absl::AsciiStrToLower(absl::string_view(type.data(), type.size()));
  if (t == "int" || t == "long" || t == "short" || t == "byte") {
    *out = Scalar::kInt;
  } else if (t == "float" || t == "double") {
    *out = Scalar::kDouble;
  } else if (t == "boolean") {
    *out = Scalar::kBool;
  } else if (t == "string" || t == "char") {
    *out = Scalar::kString;
  } else {
    return false;
  }
  return true;
}

// "ID(Org)" -> ("ID", "Org").
std::pair<std::string, std::string> SplitSpace(std::string_view type) {
  size_t open = type.find('(');
  if (open == std::string_view::npos || type.back() != ')') {
    return {std::string(type), ""};
  }
  return {std::string(type.substr(0, open)),
          std::string(type.substr(open + 1, type.size() - open - 2))};
}

const char* ScalarName(Scalar s) {
  switch (s) {
    case Scalar::kInt:
      return "INTEGER";
    case Scalar::kDouble:
      return "FLOAT";
    case Scalar::kBool:
      return "BOOLEAN";
    case Scalar::kString:
      return "STRING";
  }
  return "?";
}

absl::Status ConvertScalar(const Column& column, std::string_view text,
                           Value* out) {
  absl::string_view t(text.data(), text.size());
  switch (column.type) {
    case Scalar::kString:
      *out = Value::String(text);
      return absl::OkStatus();
    case Scalar::kInt: {
      int64_t v;
      if (absl::SimpleAtoi(absl::StripAsciiWhitespace(t), &v)) {
        *out = Value::Int(v);
        return absl::OkStatus();
      }
      break;
    }
    case Scalar::kDouble: {
      double v;
      if (absl::SimpleAtod(absl::StripAsciiWhitespace(t), &v)) {
        *out = Value::Double(v);
        return absl::OkStatus();
      }
      break;
    }
    case Scalar::kBool: {
      std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(t));
      if (lower == "true" || lower == "false") {
        *out = Value::Bool(lower == "true");
        return absl::OkStatus();
      }
      break;
    }
  }
  std::string shown(text.substr(0, 40));
  if (text.size() > 40) shown += "...";
  return absl::InvalidArgumentError(
      absl::StrCat("column '", column.name, "' expects ",
                   column.array ? "LIST<" : "", ScalarName(column.type),
                   column.array ? ">" : "", ", got '", shown, "'"));
}

}  // namespace

std::vector<std::string_view> SplitArray(std::string_view text,
                                         char delimiter) {
  std::vector<std::string_view> parts;
  if (text.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t at = text.find(delimiter, start);
    parts.push_back(text.substr(start, at == std::string_view::npos
                                           ? std::string_view::npos
                                           : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

absl::StatusOr<std::vector<Column>> ParseHeader(
    const std::vector<CsvField>& fields, std::string_view where) {
  std::vector<Column> columns;
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string_view f = fields[i].text;
    Column c;
    size_t colon = f.rfind(':');
    std::string_view type;
    if (colon == std::string_view::npos) {
      c.name = std::string(f);
    } else {
      c.name = std::string(f.substr(0, colon));
      type = f.substr(colon + 1);
    }
    auto [base, space] = SplitSpace(type);
    std::string upper = absl::AsciiStrToUpper(base);
    if (type.empty()) {
      c.role = Role::kProperty;
    } else if (upper == "ID") {
      c.role = Role::kId;
    } else if (upper == "START_ID") {
      c.role = Role::kStartId;
    } else if (upper == "END_ID") {
      c.role = Role::kEndId;
    } else if (upper == "LABEL") {
      c.role = Role::kLabel;
    } else if (upper == "TYPE") {
      c.role = Role::kType;
    } else if (upper == "IGNORE") {
      c.role = Role::kIgnore;
    } else {
      std::string_view scalar = type;
      if (scalar.size() > 2 && scalar.substr(scalar.size() - 2) == "[]") {
        c.array = true;
        scalar.remove_suffix(2);
      }
      if (!ParseScalar(scalar, &c.type)) {
        return absl::InvalidArgumentError(absl::StrCat(
            std::string(where), ": header field ", i + 1, " '", std::string(f),
            "' has unknown type '", std::string(type),
            "' (int, long, short, byte, float, double, boolean, string, char, "
            "their arrays with [], ID, START_ID, END_ID, LABEL, TYPE, IGNORE)"));
      }
    }
    c.id_space = space;
    if (c.role == Role::kProperty && c.name.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(where), ": header field ", i + 1,
                       " has no property name"));
    }
    columns.push_back(std::move(c));
  }
  return columns;
}

absl::Status ConvertField(const Column& column, const CsvField& field,
                          char array_delimiter, Value* out) {
  if (field.text.empty() && !field.quoted) {
    *out = Value();
    return absl::OkStatus();
  }
  if (!column.array) return ConvertScalar(column, field.text, out);
  ValueList list;
  for (std::string_view part : SplitArray(field.text, array_delimiter)) {
    Value v;
    if (part.empty() && column.type != Scalar::kString) {
      list.emplace_back();  // "1;;3": a null element, as export writes it.
      continue;
    }
    absl::Status s = ConvertScalar(column, part, &v);
    if (!s.ok()) return s;
    list.push_back(std::move(v));
  }
  *out = Value::List(std::move(list));
  return absl::OkStatus();
}

}  // namespace dossier::graph::bulk
