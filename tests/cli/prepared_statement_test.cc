// Database::Prepare and PreparedStatement (the embedding API the REPL and
// the examples use).
#include <filesystem>

#include "doctest/doctest.h"
#include "dossier/database.h"

namespace dossier {
namespace {

TEST_CASE("a prepared statement runs with different parameters") {
  std::string dir = std::string(DOSSIER_TEST_TMP) + "/prepared_statement_db";
  std::filesystem::remove_all(dir);
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir);
  REQUIRE(db.ok());
  REQUIRE((*db)->Execute("CREATE (:State {name: 'Ardenza'}), "
                         "(:State {name: 'Borovia'})")
              .ok());
  absl::StatusOr<PreparedStatement> ps =
      (*db)->Prepare("MATCH (s:State {name: $name}) RETURN count(s) AS n");
  REQUIRE(ps.ok());
  CHECK(ps->text().find("$name") != std::string::npos);
  for (const char* name : {"Ardenza", "Borovia", "Nowhere"}) {
    absl::StatusOr<Result> r = ps->Execute({{"name", Value::String(name)}});
    REQUIRE(r.ok());
    REQUIRE(r->Valid());
    CHECK(r->Get(0).AsInt() == (std::string(name) == "Nowhere" ? 0 : 1));
  }
}

TEST_CASE("Prepare reports a syntax error with its position") {
  std::string dir = std::string(DOSSIER_TEST_TMP) + "/prepared_error_db";
  std::filesystem::remove_all(dir);
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(dir);
  REQUIRE(db.ok());
  absl::StatusOr<PreparedStatement> ps = (*db)->Prepare("MATCH (n RETURN n");
  REQUIRE(!ps.ok());
  CHECK(absl::IsInvalidArgument(ps.status()));
  CHECK(std::string(ps.status().message()).find("line 1, column") !=
        std::string::npos);
}

}  // namespace
}  // namespace dossier
