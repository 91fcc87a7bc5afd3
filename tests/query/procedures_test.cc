// CALL db.labels() / db.relationshipTypes() / db.propertyKeys(): the names
// in use, sorted, as the statement sees them (its own writes included).
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "tests/query/engine_test_util.h"

namespace dossier::testing {
namespace {

using V = std::vector<std::string>;

TEST_CASE("db.* procedures list the vocabulary in use") {
  TestDb db("procedures_db");
  CHECK(Rows(db.Run("CALL db.labels()")).empty());
  CHECK(Rows(db.Run("CALL db.relationshipTypes()")).empty());
  db.Run(
      "CREATE (a:State {name: 'A', iso2: 'AA'})-[:ACCUSES {kind: 'cyber'}]->"
      "(b:Organisation:Company {name: 'B'}), (:Gone {name: 'G'}), "
      "(a)-[:SANCTIONS]->(b)");
  CHECK(Rows(db.Run("CALL db.labels()")) ==
        V{"'Company'", "'Gone'", "'Organisation'", "'State'"});
  CHECK(Rows(db.Run("CALL db.relationshipTypes() YIELD relationshipType AS t "
                    "RETURN t")) == V{"'ACCUSES'", "'SANCTIONS'"});
  CHECK(Rows(db.Run("CALL db.propertyKeys()")) ==
        V{"'iso2'", "'kind'", "'name'"});

  // Committed deletes: a label and a type nobody carries any more vanish.
  db.Run("MATCH (g:Gone) DELETE g");
  db.Run("MATCH ()-[r:SANCTIONS]->() DELETE r");
  db.Run("MATCH (b:Company) REMOVE b:Company");
  CHECK(Rows(db.Run("CALL db.labels()")) == V{"'Organisation'", "'State'"});
  CHECK(Rows(db.Run("CALL db.relationshipTypes()")) == V{"'ACCUSES'"});

  // The statement's own writes, before the CALL.
  CHECK(Rows(db.Run("CREATE (:Fresh)-[:NEWTYPE]->(:Fresh) WITH 1 AS one "
                    "CALL db.relationshipTypes() YIELD relationshipType "
                    "RETURN relationshipType")) == V{"'ACCUSES'", "'NEWTYPE'"});
  CHECK(Rows(db.Run("MATCH (f:Fresh) DETACH DELETE f WITH count(*) AS n "
                    "CALL db.labels() YIELD label RETURN label")) ==
        V{"'Organisation'", "'State'"});
  CHECK(Rows(db.Run("MATCH ()-[r:ACCUSES]->() DELETE r WITH count(*) AS n "
                    "CALL db.relationshipTypes() YIELD relationshipType "
                    "RETURN relationshipType"))
            .empty());
}

TEST_CASE("db.* procedures check their arguments and outputs") {
  TestDb db("procedures_errors_db");
  absl::Status s = db.Fail("CALL db.labels(1)");
  CHECK(std::string(s.message()).find("InvalidNumberOfArguments") !=
        std::string::npos);
  s = db.Fail("CALL db.labels() YIELD name");
  CHECK(std::string(s.message()).find("has no output") != std::string::npos);
  s = db.Fail("CALL db.nothing()");
  CHECK(std::string(s.message()).find("ProcedureNotFound") !=
        std::string::npos);
  // Output names are case-sensitive, as in Neo4j.
  CHECK_FALSE(
      db.Fail("CALL db.relationshipTypes() YIELD relationshiptype").ok());
  CHECK(db.Fail("CALL DB.LABELS() YIELD label RETURN label").ok());
}

}  // namespace
}  // namespace dossier::testing
