// String functions of the scalar function table; UTF-8 in and out,
// positions and lengths in code points, case mapping by ICU's root locale.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "query/values/errors.h"
#include "query/values/function_impl.h"
#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace dossier::query::internal {

using graph::Value;
using graph::ValueKind;

absl::Status BadArgument(std::string_view fn, const Value& v) {
  return TypeError(kInvalidArgumentType,
                   std::string(fn) + "() cannot take a " +
                       std::string(graph::KindName(v.kind())));
}

namespace {

// Byte offsets of each code point start, plus s.size() at the end.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> out;
  out.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

// Decodes the code point at byte i (lenient on malformed input).
UChar32 CodePointAt(const std::string& s, size_t i, size_t end) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n = end - i;
  if (c < 0x80 || n == 1) return c;
  if ((c & 0xE0) == 0xC0) return ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
  if ((c & 0xF0) == 0xE0 && n >= 3) {
    return ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
  }
  if (n >= 4) {
    return ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) |
           ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
  }
  return c;
}

bool IsSpace(UChar32 cp) { return u_isUWhiteSpace(cp) || cp == 0; }

absl::StatusOr<Value> TrimImpl(std::string_view fn, Args a, bool left,
                               bool right) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kString) return BadArgument(fn, a[0]);
  const std::string& s = a[0].AsString();
  std::vector<size_t> cps = CodePointStarts(s);
  size_t first = 0, last = cps.size() - 1;  // code point indices [first,last)
  if (left) {
    while (first < last && IsSpace(CodePointAt(s, cps[first], cps[first + 1]))) {
      ++first;
    }
  }
  if (right) {
    while (last > first && IsSpace(CodePointAt(s, cps[last - 1], cps[last]))) {
      --last;
    }
  }
  return Value::String(s.substr(cps[first], cps[last] - cps[first]));
}

absl::StatusOr<Value> CaseMap(std::string_view fn, Args a, bool upper) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kString) return BadArgument(fn, a[0]);
  const std::string& s = a[0].AsString();
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  std::string out;
  if (ascii) {
    out = s;
    for (char& c : out) {
      if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return Value::String(std::move(out));
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (upper) {
    u.toUpper(icu::Locale::getRoot());
  } else {
    u.toLower(icu::Locale::getRoot());
  }
  u.toUTF8String(out);
  return Value::String(std::move(out));
}

// Reads an INTEGER count or position argument; null stays nullopt-like.
absl::Status IntArgument(std::string_view fn, const Value& v, int64_t* out) {
  if (v.kind() != ValueKind::kInt) return BadArgument(fn, v);
  *out = v.AsInt();
  return absl::OkStatus();
}

absl::Status NonNegative(std::string_view fn, std::string_view what,
                         int64_t n) {
  if (n >= 0) return absl::OkStatus();
  return ArgumentError(kNumberOutOfRange, std::string(fn) + "(): " +
                                              std::string(what) +
                                              " must not be negative, got " +
                                              std::to_string(n));
}

}  // namespace

absl::StatusOr<Value> ToLower(Args a) { return CaseMap("toLower", a, false); }
absl::StatusOr<Value> ToUpper(Args a) { return CaseMap("toUpper", a, true); }
absl::StatusOr<Value> Trim(Args a) { return TrimImpl("trim", a, true, true); }
absl::StatusOr<Value> LTrim(Args a) { return TrimImpl("ltrim", a, true, false); }
absl::StatusOr<Value> RTrim(Args a) { return TrimImpl("rtrim", a, false, true); }

absl::StatusOr<Value> Replace(Args a) {
  for (const Value& v : a) {
    if (v.is_null()) return Value::Null();
  }
  for (const Value& v : a) {
    if (v.kind() != ValueKind::kString) return BadArgument("replace", v);
  }
  const std::string& s = a[0].AsString();
  const std::string& from = a[1].AsString();
  const std::string& to = a[2].AsString();
  std::string out;
  if (from.empty()) {
    // As Java's String.replace: the replacement around every code point.
    std::vector<size_t> cps = CodePointStarts(s);
    out = to;
    for (size_t i = 0; i + 1 < cps.size(); ++i) {
      out.append(s, cps[i], cps[i + 1] - cps[i]).append(to);
    }
    return Value::String(std::move(out));
  }
  size_t pos = 0;
  while (true) {
    size_t hit = s.find(from, pos);
    if (hit == std::string::npos) break;
    out.append(s, pos, hit - pos).append(to);
    pos = hit + from.size();
  }
  out.append(s, pos, std::string::npos);
  return Value::String(std::move(out));
}

absl::StatusOr<Value> Split(Args a) {
  if (a[0].is_null() || a[1].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kString) return BadArgument("split", a[0]);
  std::vector<std::string> delims;
  if (a[1].kind() == ValueKind::kString) {
    delims.push_back(a[1].AsString());
  } else if (a[1].kind() == ValueKind::kList) {
    for (const Value& d : a[1].AsList()) {
      if (d.is_null()) return Value::Null();
      if (d.kind() != ValueKind::kString) return BadArgument("split", d);
      delims.push_back(d.AsString());
    }
  } else {
    return BadArgument("split", a[1]);
  }
  const std::string& s = a[0].AsString();
  graph::ValueList out;
  bool all_empty = std::all_of(delims.begin(), delims.end(),
                               [](const std::string& d) { return d.empty(); });
  if (all_empty) {
    std::vector<size_t> cps = CodePointStarts(s);
    for (size_t i = 0; i + 1 < cps.size(); ++i) {
      out.push_back(Value::String(s.substr(cps[i], cps[i + 1] - cps[i])));
    }
    return Value::List(std::move(out));
  }
  size_t start = 0, pos = 0;
  while (pos < s.size()) {
    size_t match = 0;
    for (const std::string& d : delims) {
      if (!d.empty() && s.compare(pos, d.size(), d) == 0) {
        match = std::max(match, d.size());
      }
    }
    if (match > 0) {
      out.push_back(Value::String(s.substr(start, pos - start)));
      pos += match;
      start = pos;
    } else {
      ++pos;
    }
  }
  out.push_back(Value::String(s.substr(start)));
  return Value::List(std::move(out));
}

absl::StatusOr<Value> Substring(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kString) return BadArgument("substring", a[0]);
  int64_t start = 0;
  if (absl::Status st = IntArgument("substring", a[1], &start); !st.ok()) {
    return st;
  }
  if (absl::Status st = NonNegative("substring", "start", start); !st.ok()) {
    return st;
  }
  const std::string& s = a[0].AsString();
  std::vector<size_t> cps = CodePointStarts(s);
  int64_t n = static_cast<int64_t>(cps.size()) - 1;
  int64_t len = n;
  if (a.size() == 3) {
    if (absl::Status st = IntArgument("substring", a[2], &len); !st.ok()) {
      return st;
    }
    if (absl::Status st = NonNegative("substring", "length", len); !st.ok()) {
      return st;
    }
  }
  int64_t b = std::min(start, n);
  int64_t e = len > n - b ? n : b + len;
  return Value::String(s.substr(cps[b], cps[e] - cps[b]));
}

absl::StatusOr<Value> Left(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kString) return BadArgument("left", a[0]);
  int64_t len = 0;
  if (absl::Status st = IntArgument("left", a[1], &len); !st.ok()) return st;
  if (absl::Status st = NonNegative("left", "length", len); !st.ok()) return st;
  const std::string& s = a[0].AsString();
  std::vector<size_t> cps = CodePointStarts(s);
  int64_t n = static_cast<int64_t>(cps.size()) - 1;
  return Value::String(s.substr(0, cps[std::min(len, n)]));
}

absl::StatusOr<Value> Right(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kString) return BadArgument("right", a[0]);
  int64_t len = 0;
  if (absl::Status st = IntArgument("right", a[1], &len); !st.ok()) return st;
  if (absl::Status st = NonNegative("right", "length", len); !st.ok()) {
    return st;
  }
  const std::string& s = a[0].AsString();
  std::vector<size_t> cps = CodePointStarts(s);
  int64_t n = static_cast<int64_t>(cps.size()) - 1;
  return Value::String(s.substr(cps[n - std::min(len, n)]));
}

absl::StatusOr<Value> Reverse(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() == ValueKind::kList) {
    graph::ValueList out(a[0].AsList().rbegin(), a[0].AsList().rend());
    return Value::List(std::move(out));
  }
  if (a[0].kind() != ValueKind::kString) return BadArgument("reverse", a[0]);
  const std::string& s = a[0].AsString();
  std::vector<size_t> cps = CodePointStarts(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = cps.size() - 1; i > 0; --i) {
    out.append(s, cps[i - 1], cps[i] - cps[i - 1]);
  }
  return Value::String(std::move(out));
}

absl::StatusOr<Value> Size(Args a) {
  switch (a[0].kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kString:
      return Value::Int(
          static_cast<int64_t>(CodePointStarts(a[0].AsString()).size()) - 1);
    case ValueKind::kList:
      return Value::Int(static_cast<int64_t>(a[0].AsList().size()));
    default:
      return BadArgument("size", a[0]);
  }
}

}  // namespace dossier::query::internal
