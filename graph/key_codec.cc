#include "graph/key_codec.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace dossier::graph {
namespace {

enum OrderedTagValue : uint8_t {
  kOrdBool = 0x10,
  kOrdNumber = 0x20,
  kOrdString = 0x30,
};

// Maps a double to 8 bytes whose unsigned order is the numeric order
// (-inf < ... < -0 = +0 < ... < +inf < NaN).
uint64_t OrderedDoubleBits(double d) {
  if (d == 0) d = 0;  // -0 and +0 encode alike.
  if (std::isnan(d)) return std::numeric_limits<uint64_t>::max();
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
}

// The exact integer part used to order numbers that round to the same double.
int64_t TieBreak(const Value& v) {
  if (v.kind() == ValueKind::kInt) return v.AsInt();
  double d = v.AsDouble();
  if (std::isnan(d)) return std::numeric_limits<int64_t>::max();
  if (d >= 9223372036854775807.0) return std::numeric_limits<int64_t>::max();
  if (d <= -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(std::floor(d));
}

}  // namespace

namespace {

// Writes v big-endian at p (sizeof(v) bytes).
template <typename T>
void StoreBigEndian(T v, char* p) {
  for (int i = static_cast<int>(sizeof(T)) - 1; i >= 0; --i) {
    p[i] = static_cast<char>(v);
    v >>= 8;
  }
}

}  // namespace

void AppendU32(uint32_t v, std::string* out) {
  char buf[4];
  StoreBigEndian(v, buf);
  out->append(buf, sizeof(buf));
}

void AppendU64(uint64_t v, std::string* out) {
  char buf[8];
  StoreBigEndian(v, buf);
  out->append(buf, sizeof(buf));
}

uint32_t ReadU32(std::string_view in, size_t pos) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}

uint64_t ReadU64(std::string_view in, size_t pos) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}

bool IsIndexable(const Value& value) { return OrderedTag(value) != 0; }

uint8_t OrderedTag(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kBool:
      return kOrdBool;
    case ValueKind::kInt:
    case ValueKind::kDouble:
      return kOrdNumber;
    case ValueKind::kString:
      return kOrdString;
    case ValueKind::kNull:
    case ValueKind::kList:
    case ValueKind::kMap:
    case ValueKind::kNode:
    case ValueKind::kEdge:
    case ValueKind::kPath:
      return 0;
  }
  return 0;
}

bool AppendOrderedValue(const Value& value, std::string* out,
                        bool* truncated) {
  if (truncated != nullptr) *truncated = false;
  uint8_t tag = OrderedTag(value);
  if (tag == 0) return false;
  out->push_back(static_cast<char>(tag));
  switch (tag) {
    case kOrdBool:
      out->push_back(value.AsBool() ? 1 : 0);
      return true;
    case kOrdNumber:
      AppendU64(OrderedDoubleBits(value.NumberAsDouble()), out);
      AppendU64(static_cast<uint64_t>(TieBreak(value)) ^ (uint64_t{1} << 63),
                out);
      return true;
    case kOrdString: {
      std::string_view s = value.AsString();
      bool cut = s.size() > kMaxIndexedStringBytes;
      if (cut) s = s.substr(0, kMaxIndexedStringBytes);
      for (char c : s) {
        out->push_back(c);
        if (c == 0) out->push_back(static_cast<char>(0xFF));
      }
      out->push_back(0);
      // A truncated string sorts after every complete string it prefixes.
      out->push_back(cut ? 2 : 1);
      if (truncated != nullptr) *truncated = cut;
      return true;
    }
  }
  return false;
}

std::string NodeKey(NodeId id) {
  std::string k;
  AppendU64(id, &k);
  return k;
}

std::string EdgeKey(EdgeId id) { return NodeKey(id); }

std::string AdjKey(NodeId from, TypeId type, NodeId to, EdgeId id) {
  std::string k;
  k.reserve(28);
  AppendAdjKey(from, type, to, id, &k);
  return k;
}

void AppendAdjKey(NodeId from, TypeId type, NodeId to, EdgeId id,
                  std::string* out) {
  char buf[28];
  StoreBigEndian(from, buf);
  StoreBigEndian(type, buf + 8);
  StoreBigEndian(to, buf + 12);
  StoreBigEndian(id, buf + 20);
  out->append(buf, sizeof(buf));
}

std::string AdjPrefix(NodeId from) { return NodeKey(from); }

std::string AdjPrefix(NodeId from, TypeId type) {
  std::string k = NodeKey(from);
  AppendU32(type, &k);
  return k;
}

std::string LabelKey(LabelId label, NodeId id) {
  std::string k;
  AppendU32(label, &k);
  AppendU64(id, &k);
  return k;
}

std::string LabelPrefix(LabelId label) {
  std::string k;
  AppendU32(label, &k);
  return k;
}

std::string PropPrefix(LabelId label, PropKeyId key) {
  std::string k;
  AppendU32(label, &k);
  AppendU32(key, &k);
  return k;
}

std::string AliasKey(LabelId label, std::string_view folded_name) {
  std::string k;
  AppendU32(label, &k);
  k.append(folded_name);
  return k;
}

AdjEntry DecodeAdjKey(std::string_view key) {
  return AdjEntry{ReadU64(key, 0), ReadU32(key, 8), ReadU64(key, 12),
                  ReadU64(key, 20)};
}

}  // namespace dossier::graph
