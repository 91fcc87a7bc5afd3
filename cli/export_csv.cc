// export --format csv: the layout of `neo4j-admin database import` that
// Kùzu's COPY FROM also reads (DESIGN §6), with an import script for each.
//
// nodes_<Label>.csv   :ID,<key>:<type>…,labels:string[]   (first label)
// rels_<T>_<A>_<B>.csv :START_ID,:END_ID,<key>:<type>…    (type, end labels)
// Columns come in a fixed order: properties sorted by name, the same for
// every file of a label or type. Arrays are joined with ';'.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/export_formats.h"
#include "cli/render.h"

namespace dossier::cli {
namespace {

// A neo4j-admin column type; `array` adds [].
struct ColumnType {
  std::string base;  // long, double, boolean, string.
  bool array = false;
};

std::string ScalarType(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBool: return "boolean";
    case ValueKind::kInt: return "long";
    case ValueKind::kDouble: return "double";
    default: return "string";
  }
}

std::string JoinBase(const std::string& a, const std::string& b) {
  if (a.empty() || a == b) return b;
  if ((a == "long" && b == "double") || (a == "double" && b == "long")) {
    return "double";
  }
  return "string";
}

// Scalars keep their type; a list of scalars is an array; anything else is
// a string holding JSON.
void Observe(const Value& v, ColumnType* t, bool* json) {
  if (v.kind() == ValueKind::kList) {
    t->array = true;
    for (const Value& item : v.AsList()) {
      if (item.kind() == ValueKind::kList || item.kind() == ValueKind::kMap) {
        *json = true;
      } else if (!item.is_null()) {
        t->base = JoinBase(t->base, ScalarType(item));
      }
    }
    if (t->base.empty()) t->base = "string";
  } else if (v.kind() == ValueKind::kMap) {
    *json = true;
  } else {
    t->base = JoinBase(t->base, ScalarType(v));
  }
}

// The property columns of one label or type, in order.
struct Columns {
  std::vector<std::string> names;
  std::vector<ColumnType> types;
};

Columns MakeColumns(const std::vector<const ValueMap*>& rows) {
  std::map<std::string, std::pair<ColumnType, bool>> seen;
  for (const ValueMap* props : rows) {
    for (const auto& [k, v] : *props) {
      if (v.is_null()) continue;
      auto& [type, json] = seen[k];
      bool was_array = type.array;
      bool scalar_seen = !type.base.empty() && !was_array;
      Observe(v, &type, &json);
      // A key holding lists in some rows and scalars in others: JSON text.
      if ((was_array && v.kind() != ValueKind::kList) ||
          (scalar_seen && v.kind() == ValueKind::kList)) {
        json = true;
      }
    }
  }
  Columns c;
  for (auto& [name, tj] : seen) {
    c.names.push_back(name);
    c.types.push_back(tj.second ? ColumnType{"string", false} : tj.first);
  }
  return c;
}

std::string Quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos && !s.empty()) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string ScalarText(const Value& v) {
  static const Result kNoEntities;
  switch (v.kind()) {
    case ValueKind::kNull: return "";
    case ValueKind::kBool: return v.AsBool() ? "true" : "false";
    case ValueKind::kInt: return std::to_string(v.AsInt());
    case ValueKind::kString: return v.AsString();
    default: {
      nlohmann::ordered_json j = ToJson(kNoEntities, v);
      return j.is_string() ? j.get<std::string>() : j.dump();
    }
  }
}

std::string Cell(const Value& v, const ColumnType& t) {
  static const Result kNoEntities;
  if (v.is_null()) return "";
  if (t.array && v.kind() == ValueKind::kList) {
    std::vector<std::string> items;
    for (const Value& item : v.AsList()) items.push_back(ScalarText(item));
    return Quote(absl::StrJoin(items, ";"));
  }
  if (v.kind() == ValueKind::kList || v.kind() == ValueKind::kMap) {
    return Quote(ToJson(kNoEntities, v).dump());
  }
  return Quote(ScalarText(v));
}

std::string Header(const std::string& name, const ColumnType& t) {
  return Quote(absl::StrCat(name, ":", t.base, t.array ? "[]" : ""));
}

std::string KuzuType(const ColumnType& t) {
  std::string base = t.base == "long"      ? "INT64"
                     : t.base == "double"  ? "DOUBLE"
                     : t.base == "boolean" ? "BOOLEAN"
                                           : "STRING";
  return t.array ? base + "[]" : base;
}

// A name usable in a file name and as a Kùzu identifier.
std::string Safe(const std::string& s) {
  std::string out;
  for (char c : s) {
    out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  }
  return out.empty() ? "_" : out;
}

std::string Backtick(const std::string& s) {
  std::string out = "`";
  for (char c : s) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  return out + "`";
}

std::string FirstLabel(const ExportNode& n) {
  return n.labels.empty() ? "Node" : n.labels[0];
}

constexpr const char* kKuzuCsvOptions =
    "HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"'";

// Kùzu's statement loading one file: a plain positional COPY, or, when the
// table has array columns, a COPY from LOAD WITH HEADERS that splits them at
// ';' (Kùzu reads a list cell only in its own "[a,b]" form). Kùzu reads the
// neo4j-admin headers ("name:string") as typed columns, so the LOAD declares
// its own column names and types.
std::string KuzuCopy(const std::string& table, const std::string& file,
                     const std::vector<std::string>& kuzu_types,
                     const std::string& rel_options) {
  bool arrays = false;
  for (const std::string& t : kuzu_types) arrays |= t.ends_with("[]");
  std::string opts = rel_options.empty()
                         ? kKuzuCsvOptions
                         : absl::StrCat(rel_options, ", ", kKuzuCsvOptions);
  if (!arrays) {
    return absl::StrCat("COPY ", table, " FROM '", file, "' (", opts, ");\n");
  }
  std::vector<std::string> decls, exprs;
  for (size_t i = 0; i < kuzu_types.size(); ++i) {
    std::string col = absl::StrCat("c", i);
    const std::string& t = kuzu_types[i];
    if (t.ends_with("[]")) {
      decls.push_back(col + " STRING");
      exprs.push_back(t == "STRING[]" ? absl::StrCat("string_split(", col, ", ';')")
                                      : absl::StrCat("CAST(string_split(", col,
                                                     ", ';') AS ", t, ")"));
    } else {
      decls.push_back(absl::StrCat(col, " ", t));
      exprs.push_back(col);
    }
  }
  return absl::StrCat("COPY ", table, " FROM (LOAD WITH HEADERS (",
                      absl::StrJoin(decls, ", "), ") FROM '", file, "' (",
                      kKuzuCsvOptions, ") RETURN ", absl::StrJoin(exprs, ", "),
                      ")", rel_options.empty() ? "" : " (" + rel_options + ")",
                      ";\n");
}

absl::Status WriteFile(const std::filesystem::path& path,
                       const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    return absl::InternalError(absl::StrCat("cannot write ", path.string()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteCsv(const ExportGraph& g, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::InternalError(
        absl::StrCat("cannot create ", dir, ": ", ec.message()));
  }
  const std::filesystem::path root(dir);

  // Nodes by first label.
  std::map<std::string, std::vector<const ExportNode*>> by_label;
  for (const auto& [id, n] : g.nodes) by_label[FirstLabel(n)].push_back(&n);
  std::string neo4j_args, kuzu_tables, kuzu_copies;
  for (const auto& [label, nodes] : by_label) {
    std::vector<const ValueMap*> props;
    for (const ExportNode* n : nodes) props.push_back(&n->properties);
    Columns cols = MakeColumns(props);
    std::string file = "nodes_" + Safe(label) + ".csv";
    std::vector<std::string> headers = {":ID"};
    std::vector<std::string> ktypes = {"INT64"};
    std::string kcols = "dossier_id INT64";
    for (size_t i = 0; i < cols.names.size(); ++i) {
      headers.push_back(Header(cols.names[i], cols.types[i]));
      ktypes.push_back(KuzuType(cols.types[i]));
      absl::StrAppend(&kcols, ", ", Backtick(cols.names[i]), " ", ktypes.back());
    }
    headers.push_back("labels:string[]");
    ktypes.push_back("STRING[]");
    absl::StrAppend(&kcols, ", labels STRING[]");
    std::string text = absl::StrJoin(headers, ",") + "\n";
    for (const ExportNode* n : nodes) {
      absl::StrAppend(&text, n->id);
      for (size_t i = 0; i < cols.names.size(); ++i) {
        auto it = n->properties.find(cols.names[i]);
        text += ",";
        if (it != n->properties.end()) text += Cell(it->second, cols.types[i]);
      }
      std::vector<std::string> extra(n->labels.size() > 1 ? n->labels.begin() + 1
                                                           : n->labels.end(),
                                     n->labels.end());
      absl::StrAppend(&text, ",", extra.empty() ? "" : Quote(absl::StrJoin(extra, ";")),
                      "\n");
    }
    if (absl::Status s = WriteFile(root / file, text); !s.ok()) return s;
    absl::StrAppend(&neo4j_args, "  --nodes=", Quote(label), "=", file, " \\\n");
    absl::StrAppend(&kuzu_tables, "CREATE NODE TABLE ", Backtick(label), "(",
                    kcols, ", PRIMARY KEY(dossier_id));\n");
    kuzu_copies += KuzuCopy(Backtick(label), file, ktypes, "");
  }

  // Relationships by type, then by (start label, end label).
  std::map<std::string, std::map<std::pair<std::string, std::string>,
                                 std::vector<const ExportEdge*>>>
      by_type;
  for (const auto& [id, e] : g.edges) {
    by_type[e.type][{FirstLabel(g.nodes.at(e.src)), FirstLabel(g.nodes.at(e.dst))}]
        .push_back(&e);
  }
  for (const auto& [type, pairs] : by_type) {
    std::vector<const ValueMap*> props;
    for (const auto& [pair, edges] : pairs) {
      for (const ExportEdge* e : edges) props.push_back(&e->properties);
    }
    Columns cols = MakeColumns(props);
    std::vector<std::string> headers = {":START_ID", ":END_ID"};
    std::vector<std::string> ktypes = {"INT64", "INT64"};
    std::string kcols;
    for (size_t i = 0; i < cols.names.size(); ++i) {
      headers.push_back(Header(cols.names[i], cols.types[i]));
      ktypes.push_back(KuzuType(cols.types[i]));
      absl::StrAppend(&kcols, ", ", Backtick(cols.names[i]), " ", ktypes.back());
    }
    std::string from_to;
    for (const auto& [pair, edges] : pairs) {
      std::string file = absl::StrCat("rels_", Safe(type), "_", Safe(pair.first),
                                      "_", Safe(pair.second), ".csv");
      std::string text = absl::StrJoin(headers, ",") + "\n";
      for (const ExportEdge* e : edges) {
        absl::StrAppend(&text, e->src, ",", e->dst);
        for (size_t i = 0; i < cols.names.size(); ++i) {
          auto it = e->properties.find(cols.names[i]);
          text += ",";
          if (it != e->properties.end()) text += Cell(it->second, cols.types[i]);
        }
        text += "\n";
      }
      if (absl::Status s = WriteFile(root / file, text); !s.ok()) return s;
      absl::StrAppend(&neo4j_args, "  --relationships=", Quote(type), "=", file,
                      " \\\n");
      absl::StrAppend(&from_to, from_to.empty() ? "" : ", ", "FROM ",
                      Backtick(pair.first), " TO ", Backtick(pair.second));
      kuzu_copies += KuzuCopy(
          Backtick(type), file, ktypes,
          absl::StrCat("from='", pair.first, "', to='", pair.second, "'"));
    }
    absl::StrAppend(&kuzu_tables, "CREATE REL TABLE ", Backtick(type), "(",
                    from_to, kcols, ");\n");
  }

  std::string neo4j =
      "#!/bin/sh\n"
      "# Imports the CSV files beside this script into a new Neo4j 5 database\n"
      "# (default name: neo4j). Written by `dossier export --format csv`.\n"
      "set -e\n"
      "cd \"$(dirname \"$0\")\"\n"
      "neo4j-admin database import full \\\n"
      "  --array-delimiter=';' --multiline-fields=true \\\n" +
      neo4j_args + "  \"${1:-neo4j}\"\n";
  if (absl::Status s = WriteFile(root / "neo4j-admin-import.sh", neo4j);
      !s.ok()) {
    return s;
  }
  std::filesystem::permissions(root / "neo4j-admin-import.sh",
                               std::filesystem::perms::owner_exec |
                                   std::filesystem::perms::group_exec |
                                   std::filesystem::perms::others_exec,
                               std::filesystem::perm_options::add, ec);
  std::string kuzu =
      "// Creates the tables and loads the CSV files beside this script into\n"
      "// Kùzu; run it from this folder. Written by `dossier export --format "
      "csv`.\n" +
      kuzu_tables + kuzu_copies;
  return WriteFile(root / "kuzu-import.cypher", kuzu);
}

}  // namespace dossier::cli
