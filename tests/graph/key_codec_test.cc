#include "graph/key_codec.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace dossier::graph {
namespace {

std::string Enc(const Value& v) {
  std::string out;
  REQUIRE(AppendOrderedValue(v, &out));
  return out;
}

TEST_CASE("integers encode big-endian in key order") {
  std::string a, b;
  AppendU64(255, &a);
  AppendU64(256, &b);
  CHECK(a < b);
  CHECK(ReadU64(b) == 256);
  std::string c;
  AppendU32(0xdeadbeef, &c);
  CHECK(ReadU32(c) == 0xdeadbeefu);
}

TEST_CASE("numbers share one order across integers and doubles") {
  std::vector<Value> sorted = {
      Value::Double(-INFINITY),
      Value::Int(std::numeric_limits<int64_t>::min()),
      Value::Double(-1e18),
      Value::Int(-2),
      Value::Double(-1.5),
      Value::Int(-1),
      Value::Int(0),
      Value::Double(0.25),
      Value::Int(1),
      Value::Double(1.5),
      Value::Int(2),
      Value::Int((int64_t{1} << 53) + 1),
      Value::Double(9007199254740994.0),  // 2^53 + 2
      Value::Int(std::numeric_limits<int64_t>::max()),
      Value::Double(INFINITY),
  };
  for (size_t i = 0; i + 1 < sorted.size(); ++i) {
    INFO(sorted[i].DebugString(), " < ", sorted[i + 1].DebugString());
    CHECK(Enc(sorted[i]) < Enc(sorted[i + 1]));
  }
  CHECK(Enc(Value::Int(2)) == Enc(Value::Double(2.0)));
  CHECK(Enc(Value::Double(-0.0)) == Enc(Value::Double(0.0)));
}

TEST_CASE("random integers and doubles keep numeric order") {
  std::mt19937_64 rng(7);
  std::vector<Value> values;
  for (int i = 0; i < 2000; ++i) {
    if (rng() % 2) {
      values.push_back(Value::Int(static_cast<int64_t>(rng()) >> (rng() % 60)));
    } else {
      values.push_back(Value::Double(
          std::ldexp(static_cast<double>(static_cast<int64_t>(rng())),
                     static_cast<int>(rng() % 40) - 80)));
    }
  }
  auto num = [](const Value& v) {
    return v.kind() == ValueKind::kInt ? (long double)v.AsInt()
                                       : (long double)v.AsDouble();
  };
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    const Value& a = values[i];
    const Value& b = values[i + 1];
    int key_order = Enc(a).compare(Enc(b));
    key_order = key_order < 0 ? -1 : key_order > 0;
    int num_order = num(a) < num(b) ? -1 : num(a) > num(b);
    CHECK(key_order == num_order);
  }
}

TEST_CASE("strings sort by code points and types never mix") {
  CHECK(Enc(Value::String("a")) < Enc(Value::String("ab")));
  CHECK(Enc(Value::String("ab")) < Enc(Value::String("b")));
  CHECK(Enc(Value::String("Z")) < Enc(Value::String("a")));
  CHECK(Enc(Value::String("é")) > Enc(Value::String("z")));
  CHECK(Enc(Value::String(std::string("a\0", 2))) > Enc(Value::String("a")));
  CHECK(Enc(Value::String(std::string("a\0", 2))) < Enc(Value::String("a\x01")));
  // booleans < numbers < strings
  CHECK(Enc(Value::Bool(true)) < Enc(Value::Int(std::numeric_limits<int64_t>::min())));
  CHECK(Enc(Value::Double(INFINITY)) < Enc(Value::String("")));
  CHECK(Enc(Value::Bool(false)) < Enc(Value::Bool(true)));
}

TEST_CASE("long strings are truncated and flagged") {
  std::string longer(kMaxIndexedStringBytes + 10, 'x');
  std::string out;
  bool truncated = false;
  REQUIRE(AppendOrderedValue(Value::String(longer), &out, &truncated));
  CHECK(truncated);
  CHECK(out.size() == 1 + kMaxIndexedStringBytes + 2);
  CHECK(Enc(Value::String(std::string(kMaxIndexedStringBytes, 'x'))) < out);
}

TEST_CASE("null, lists and maps are not indexable") {
  std::string out;
  CHECK_FALSE(AppendOrderedValue(Value::Null(), &out));
  CHECK_FALSE(AppendOrderedValue(Value::List({}), &out));
  CHECK(out.empty());
}

TEST_CASE("adjacency keys decode") {
  AdjEntry e = DecodeAdjKey(AdjKey(1, 2, 3, 4));
  CHECK(e.from == 1);
  CHECK(e.type == 2);
  CHECK(e.to == 3);
  CHECK(e.id == 4);
  CHECK(AdjKey(1, 2, 3, 4).starts_with(AdjPrefix(1, 2)));
  CHECK(AdjKey(1, 0xffffffff, 3, 4) < AdjKey(2, 0, 0, 0));
}

}  // namespace
}  // namespace dossier::graph
