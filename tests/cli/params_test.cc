#include "cli/params.h"

#include <doctest/doctest.h>

namespace dossier::cli {
namespace {

TEST_CASE("parameters are JSON values with exact integers") {
  ValueMap p;
  REQUIRE(AddParam("n=9007199254740993", &p).ok());
  CHECK(p["n"].AsInt() == 9007199254740993);
  REQUIRE(AddParam("x=1.5", &p).ok());
  CHECK(p["x"].AsDouble() == 1.5);
  REQUIRE(AddParam("names=[\"Huawei\", \"ZTE\"]", &p).ok());
  CHECK(p["names"].AsList().size() == 2);
  REQUIRE(AddParam("m={\"a\": {\"b\": null}}", &p).ok());
  CHECK(p["m"].AsMap().at("a").AsMap().at("b").is_null());
  REQUIRE(AddParam("who=Huawei", &p).ok());  // A bare word is a string.
  CHECK(p["who"].AsString() == "Huawei");
  REQUIRE(AddParam("eq=a=b", &p).ok());
  CHECK(p["eq"].AsString() == "a=b");
}

TEST_CASE("bad parameters are usage errors") {
  ValueMap p;
  CHECK(absl::IsInvalidArgument(AddParam("novalue", &p)));
  CHECK(absl::IsInvalidArgument(AddParam("=1", &p)));
  CHECK(absl::IsInvalidArgument(AddParam("big=18446744073709551615", &p)));
}

}  // namespace
}  // namespace dossier::cli
