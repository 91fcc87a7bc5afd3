#include "graph/value_codec.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

#include "graph/value.h"

namespace dossier::graph {
namespace {

Value RoundTrip(const Value& v) {
  std::string bytes;
  REQUIRE(EncodeValue(v, &bytes).ok());
  std::string_view in = bytes;
  absl::StatusOr<Value> out = DecodeValue(&in);
  REQUIRE(out.ok());
  CHECK(in.empty());
  return *out;
}

TEST_CASE("scalar values round-trip") {
  for (const Value& v :
       {Value::Null(), Value::Bool(true), Value::Bool(false), Value::Int(0),
        Value::Int(-1), Value::Int(std::numeric_limits<int64_t>::min()),
        Value::Int(std::numeric_limits<int64_t>::max()), Value::Double(1.5),
        Value::Double(-0.0), Value::Double(std::nan("")),
        Value::Double(INFINITY), Value::String(""),
        Value::String("Bắc Kinh"), Value::String(std::string("a\0b", 3))}) {
    CHECK(RoundTrip(v) == v);
  }
}

TEST_CASE("nested lists and maps round-trip") {
  ValueMap m;
  m["name"] = Value::String("Huawei");
  m["aliases"] = Value::List({Value::String("le géant"), Value::Null()});
  m["n"] = Value::Map({{"x", Value::Double(2.25)}});
  Value v = Value::List({Value::Map(m), Value::Int(7), Value::List({})});
  CHECK(RoundTrip(v) == v);
}

TEST_CASE("small integers encode compactly") {
  std::string bytes;
  REQUIRE(EncodeValue(Value::Int(5), &bytes).ok());
  CHECK(bytes.size() == 2);
  bytes.clear();
  REQUIRE(EncodeValue(Value::Bool(true), &bytes).ok());
  CHECK(bytes.size() == 1);
}

TEST_CASE("nodes, relationships and paths are not storable") {
  std::string bytes;
  CHECK(absl::IsInvalidArgument(EncodeValue(Value::Node(3), &bytes)));
  CHECK(absl::IsInvalidArgument(
      EncodeValue(Value::List({Value::Edge(EdgeRef{1, 2, 3, 0})}), &bytes)));
}

TEST_CASE("truncated and random bytes decode to errors, never crash") {
  std::string bytes;
  REQUIRE(EncodeValue(Value::List({Value::String("hello"), Value::Int(300)}),
                      &bytes)
              .ok());
  for (size_t n = 0; n < bytes.size(); ++n) {
    std::string_view in(bytes.data(), n);
    CHECK_FALSE(DecodeValue(&in).ok());
  }
  std::mt19937 rng(42);
  for (int i = 0; i < 5000; ++i) {
    std::string junk(rng() % 40, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    std::string_view in = junk;
    absl::StatusOr<Value> v = DecodeValue(&in);
    if (!v.ok()) CHECK(absl::IsDataLoss(v.status()));
  }
  // A deep nest of one-element lists is refused.
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "\x06\x01";
  deep += "\x00";
  std::string_view in = deep;
  CHECK(absl::IsDataLoss(DecodeValue(&in).status()));
}

}  // namespace
}  // namespace dossier::graph
