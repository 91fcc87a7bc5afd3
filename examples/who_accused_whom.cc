// who_accused_whom: a report of the accusations in a Dossier database.
//
//   who_accused_whom DB
//
// Shows Database::Open, Execute with LevelDB-style iteration, the entity
// data of returned nodes and relationships, and a prepared statement run
// once per accused party.
#include <cstdio>
#include <iostream>
#include <string>

#include "dossier/dossier.h"

namespace {

// The string property `key` of an entity, or "?".
std::string Prop(const dossier::EntityData* e, const char* key) {
  if (e == nullptr) return "?";
  auto it = e->properties.find(key);
  if (it == e->properties.end() ||
      it->second.kind() != dossier::ValueKind::kString) {
    return "?";
  }
  return it->second.AsString();
}

int Report(dossier::Database& db) {
  absl::StatusOr<dossier::Result> rows = db.Execute(
      "MATCH (a)-[r:ACCUSES]->(b) RETURN a, r, b "
      "ORDER BY a.name, b.name, r.kind");
  if (!rows.ok()) {
    std::cerr << "error: " << rows.status().message() << "\n";
    return 1;
  }
  std::cout << "Accusations (" << rows->size() << "):\n";
  for (; rows->Valid(); rows->Next()) {
    const dossier::EntityData* accuser = rows->Node(rows->Get(0).AsNode());
    const dossier::EntityData* edge =
        rows->Relationship(rows->Get(1).AsEdge().id);
    const dossier::EntityData* accused = rows->Node(rows->Get(2).AsNode());
    std::cout << "  " << Prop(accuser, "name") << " (" << accuser->labels[0]
              << ") accuses " << Prop(accused, "name") << " ("
              << accused->labels[0] << ") of " << Prop(edge, "kind") << "\n";
  }

  // One prepared statement, run with a parameter per accused party.
  absl::StatusOr<dossier::PreparedStatement> accusers = db.Prepare(
      "MATCH (a)-[:ACCUSES]->(b {name: $name}) "
      "RETURN count(DISTINCT a) AS accusers");
  absl::StatusOr<dossier::Result> accused = db.Execute(
      "MATCH ()-[:ACCUSES]->(b) RETURN DISTINCT b.name AS name ORDER BY name");
  if (!accusers.ok() || !accused.ok()) {
    std::cerr << "error: "
              << (!accusers.ok() ? accusers.status() : accused.status()).message()
              << "\n";
    return 1;
  }
  std::cout << "Accused parties:\n";
  for (; accused->Valid(); accused->Next()) {
    const dossier::Value& name = accused->Get(0);
    absl::StatusOr<dossier::Result> n = accusers->Execute({{"name", name}});
    if (!n.ok()) {
      std::cerr << "error: " << n.status().message() << "\n";
      return 1;
    }
    std::cout << "  " << name.AsString() << ": " << n->Get(0).AsInt()
              << (n->Get(0).AsInt() == 1 ? " accuser\n" : " accusers\n");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: who_accused_whom DB\n";
    return 2;
  }
  dossier::DatabaseOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<dossier::Database>> db =
      dossier::Database::Open(argv[1], options);
  if (!db.ok()) {
    std::cerr << "error: " << db.status().message() << "\n";
    return 1;
  }
  return Report(**db);
}
