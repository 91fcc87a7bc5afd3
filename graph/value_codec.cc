#include "graph/value_codec.h"

#include <cstring>

#include "absl/strings/str_cat.h"

namespace dossier::graph {
namespace {

enum Tag : uint8_t {
  kTagNull = 0,
  kTagFalse = 1,
  kTagTrue = 2,
  kTagInt = 3,
  kTagDouble = 4,
  kTagString = 5,
  kTagList = 6,
  kTagMap = 7,
};

constexpr int kMaxDepth = 256;

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

absl::Status Malformed(std::string_view what) {
  return absl::DataLossError(absl::StrCat("malformed value encoding: ", std::string(what)));
}

bool GetBytes(std::string_view* in, std::string_view* bytes) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return false;
  *bytes = in->substr(0, n);
  in->remove_prefix(n);
  return true;
}

absl::StatusOr<Value> Decode(std::string_view* in, int depth) {
  if (depth > kMaxDepth) return Malformed("nesting too deep");
  if (in->empty()) return Malformed("truncated");
  uint8_t tag = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  switch (tag) {
    case kTagNull:
      return Value::Null();
    case kTagFalse:
      return Value::Bool(false);
    case kTagTrue:
      return Value::Bool(true);
    case kTagInt: {
      uint64_t v;
      if (!GetVarint64(in, &v)) return Malformed("truncated integer");
      return Value::Int(UnZigZag(v));
    }
    case kTagDouble: {
      if (in->size() < 8) return Malformed("truncated double");
      uint64_t bits = 0;
      for (int i = 7; i >= 0; --i) {
        bits = (bits << 8) | static_cast<uint8_t>((*in)[i]);
      }
      in->remove_prefix(8);
      double d;
      std::memcpy(&d, &bits, sizeof d);
      return Value::Double(d);
    }
    case kTagString: {
      std::string_view s;
      if (!GetBytes(in, &s)) return Malformed("truncated string");
      return Value::String(s);
    }
    case kTagList: {
      uint64_t n;
      if (!GetVarint64(in, &n) || n > in->size()) {
        return Malformed("bad list length");
      }
      ValueList list;
      list.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        absl::StatusOr<Value> e = Decode(in, depth + 1);
        if (!e.ok()) return e.status();
        list.push_back(*std::move(e));
      }
      return Value::List(std::move(list));
    }
    case kTagMap: {
      uint64_t n;
      if (!GetVarint64(in, &n) || n > in->size()) {
        return Malformed("bad map length");
      }
      ValueMap map;
      for (uint64_t i = 0; i < n; ++i) {
        std::string_view key;
        if (!GetBytes(in, &key)) return Malformed("truncated map key");
        absl::StatusOr<Value> e = Decode(in, depth + 1);
        if (!e.ok()) return e.status();
        map.insert_or_assign(std::string(key), *std::move(e));
      }
      return Value::Map(std::move(map));
    }
    default:
      return Malformed(absl::StrCat("unknown tag ", tag));
  }
}

}  // namespace

void PutVarint64(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint64(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0, i = 0; shift <= 63 && i < static_cast<int>(in->size());
       shift += 7, ++i) {
    uint8_t byte = static_cast<uint8_t>((*in)[i]);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      in->remove_prefix(i + 1);
      *v = result;
      return true;
    }
  }
  return false;
}

absl::Status EncodeValue(const Value& value, std::string* out) {
  switch (value.kind()) {
    case ValueKind::kNull:
      out->push_back(kTagNull);
      return absl::OkStatus();
    case ValueKind::kBool:
      out->push_back(value.AsBool() ? kTagTrue : kTagFalse);
      return absl::OkStatus();
    case ValueKind::kInt:
      out->push_back(kTagInt);
      PutVarint64(ZigZag(value.AsInt()), out);
      return absl::OkStatus();
    case ValueKind::kDouble: {
      out->push_back(kTagDouble);
      uint64_t bits;
      double d = value.AsDouble();
      std::memcpy(&bits, &d, sizeof bits);
      for (int i = 0; i < 8; ++i) {
        out->push_back(static_cast<char>(bits >> (8 * i)));
      }
      return absl::OkStatus();
    }
    case ValueKind::kString:
      out->push_back(kTagString);
      PutVarint64(value.AsString().size(), out);
      out->append(value.AsString());
      return absl::OkStatus();
    case ValueKind::kList:
      out->push_back(kTagList);
      PutVarint64(value.AsList().size(), out);
      for (const Value& e : value.AsList()) {
        if (absl::Status s = EncodeValue(e, out); !s.ok()) return s;
      }
      return absl::OkStatus();
    case ValueKind::kMap:
      out->push_back(kTagMap);
      PutVarint64(value.AsMap().size(), out);
      for (const auto& [k, e] : value.AsMap()) {
        PutVarint64(k.size(), out);
        out->append(k);
        if (absl::Status s = EncodeValue(e, out); !s.ok()) return s;
      }
      return absl::OkStatus();
    case ValueKind::kNode:
    case ValueKind::kEdge:
    case ValueKind::kPath:
      return absl::InvalidArgumentError(absl::StrCat(
          "a ", std::string(KindName(value.kind())), " value cannot be stored as a property"));
  }
  return absl::InternalError("unknown value kind");
}

absl::StatusOr<Value> DecodeValue(std::string_view* in) { return Decode(in, 0); }

}  // namespace dossier::graph
