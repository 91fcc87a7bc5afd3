#include "query/values/functions.h"

#include <charconv>
#include <chrono>
#include <functional>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <system_error>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "query/values/errors.h"
#include "query/values/function_impl.h"
#include "query/values/literal_text.h"

namespace dossier::query {

using graph::Value;
using graph::ValueKind;
using internal::Args;
using internal::BadArgument;

namespace {

constexpr double kPi = 3.14159265358979323846;

absl::Status BadConversion(std::string_view fn, const Value& v) {
  return TypeError(kInvalidArgumentValue,
                   std::string(fn) + "() cannot convert a " +
                       std::string(graph::KindName(v.kind())));
}

// ---- conversion ----------------------------------------------------------

// Parses a whole string as a double (leading '+' and '.5' accepted).
std::optional<double> ParseDouble(std::string_view s) {
  std::string t(s);
  size_t sign = 0;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) sign = 1;
  if (t.size() > sign && t[sign] == '.') {
    t = t.substr(0, sign) + "0" + t.substr(sign);
  }
  if (!t.empty() && t[0] == '+') t.erase(0, 1);
  double d = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), d);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size() || t.empty()) {
    return std::nullopt;
  }
  return d;
}

// A double truncated to INTEGER, or null when NaN, infinite or out of range.
Value TruncToInt(double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 ||
      d < -9223372036854775808.0) {
    return Value::Null();
  }
  return Value::Int(static_cast<int64_t>(std::trunc(d)));
}

absl::StatusOr<Value> ToInteger(Args a) {
  const Value& v = a[0];
  switch (v.kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kInt:
      return v;
    case ValueKind::kDouble:
      return TruncToInt(v.AsDouble());
    case ValueKind::kBool:
      return Value::Int(v.AsBool() ? 1 : 0);
    case ValueKind::kString: {
      const std::string& s = v.AsString();
      int64_t i = 0;
      const char* b = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
      auto r = std::from_chars(b, s.data() + s.size(), i);
      if (r.ec == std::errc() && r.ptr == s.data() + s.size() &&
          b != s.data() + s.size()) {
        return Value::Int(i);
      }
      std::optional<double> d = ParseDouble(s);
      if (!d) return Value::Null();
      return TruncToInt(*d);
    }
    default:
      return BadConversion("toInteger", v);
  }
}

absl::StatusOr<Value> ToFloat(Args a) {
  const Value& v = a[0];
  switch (v.kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kInt:
      return Value::Double(static_cast<double>(v.AsInt()));
    case ValueKind::kDouble:
      return v;
    case ValueKind::kString: {
      std::optional<double> d = ParseDouble(v.AsString());
      return d ? Value::Double(*d) : Value::Null();
    }
    default:
      return BadConversion("toFloat", v);
  }
}

absl::StatusOr<Value> ToBoolean(Args a) {
  const Value& v = a[0];
  switch (v.kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kBool:
      return v;
    case ValueKind::kInt:
      return Value::Bool(v.AsInt() != 0);
    case ValueKind::kString: {
      std::string s = v.AsString();
      for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      if (s == "true") return Value::Bool(true);
      if (s == "false") return Value::Bool(false);
      return Value::Null();
    }
    default:
      return BadConversion("toBoolean", v);
  }
}

absl::StatusOr<Value> ToStringFn(Args a) { return ToStringValue(a[0]); }

absl::StatusOr<Value> Coalesce(Args a) {
  for (const Value& v : a) {
    if (!v.is_null()) return v;
  }
  return Value::Null();
}

// ---- math ------------------------------------------------------------------

// Applies a double -> double function; null in, null out.
absl::StatusOr<Value> Unary(std::string_view fn, const Value& v,
                            double (*f)(double)) {
  if (v.is_null()) return Value::Null();
  if (!v.is_number()) return BadArgument(fn, v);
  return Value::Double(f(v.NumberAsDouble()));
}

#define DOSSIER_UNARY_MATH(Name, fn_text, expr)                   \
  absl::StatusOr<Value> Name(Args a) {                            \
    return Unary(fn_text, a[0], [](double x) -> double { return expr; }); \
  }

DOSSIER_UNARY_MATH(Ceil, "ceil", std::ceil(x))
DOSSIER_UNARY_MATH(Floor, "floor", std::floor(x))
DOSSIER_UNARY_MATH(Sqrt, "sqrt", std::sqrt(x))
DOSSIER_UNARY_MATH(Exp, "exp", std::exp(x))
DOSSIER_UNARY_MATH(Log, "log", std::log(x))
DOSSIER_UNARY_MATH(Log10, "log10", std::log10(x))
DOSSIER_UNARY_MATH(Sin, "sin", std::sin(x))
DOSSIER_UNARY_MATH(Cos, "cos", std::cos(x))
DOSSIER_UNARY_MATH(Tan, "tan", std::tan(x))
DOSSIER_UNARY_MATH(Cot, "cot", 1.0 / std::tan(x))
DOSSIER_UNARY_MATH(Asin, "asin", std::asin(x))
DOSSIER_UNARY_MATH(Acos, "acos", std::acos(x))
DOSSIER_UNARY_MATH(Atan, "atan", std::atan(x))
DOSSIER_UNARY_MATH(Degrees, "degrees", x * 180.0 / kPi)
DOSSIER_UNARY_MATH(Radians, "radians", x * kPi / 180.0)
DOSSIER_UNARY_MATH(Haversin, "haversin", (1.0 - std::cos(x)) / 2.0)
#undef DOSSIER_UNARY_MATH

absl::StatusOr<Value> Atan2(Args a) {
  if (a[0].is_null() || a[1].is_null()) return Value::Null();
  if (!a[0].is_number()) return BadArgument("atan2", a[0]);
  if (!a[1].is_number()) return BadArgument("atan2", a[1]);
  return Value::Double(std::atan2(a[0].NumberAsDouble(), a[1].NumberAsDouble()));
}

absl::StatusOr<Value> Pi(Args) { return Value::Double(kPi); }
absl::StatusOr<Value> E(Args) { return Value::Double(2.71828182845904523536); }

absl::StatusOr<Value> Rand(Args) {
  // Seeded from the clock and the thread: std::random_device is not needed
  // for a query-level rand().
  thread_local std::mt19937_64 gen{
      static_cast<uint64_t>(
          std::chrono::steady_clock::now().time_since_epoch().count()) ^
      std::hash<std::thread::id>()(std::this_thread::get_id())};
  return Value::Double(std::uniform_real_distribution<double>(0.0, 1.0)(gen));
}

absl::StatusOr<Value> Abs(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() == ValueKind::kInt) {
    if (v.AsInt() == INT64_MIN) {
      return ArithmeticError(kIntegerOverflow, "abs() of " +
                                                   std::to_string(v.AsInt()));
    }
    return Value::Int(v.AsInt() < 0 ? -v.AsInt() : v.AsInt());
  }
  if (v.kind() == ValueKind::kDouble) return Value::Double(std::fabs(v.AsDouble()));
  return BadArgument("abs", v);
}

absl::StatusOr<Value> Sign(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() == ValueKind::kInt) {
    return Value::Int(v.AsInt() > 0 ? 1 : (v.AsInt() < 0 ? -1 : 0));
  }
  if (v.kind() == ValueKind::kDouble) {
    double d = v.AsDouble();
    return Value::Int(d > 0 ? 1 : (d < 0 ? -1 : 0));
  }
  return BadArgument("sign", v);
}

absl::StatusOr<Value> IsNaN(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value::Null();
  if (v.kind() == ValueKind::kInt) return Value::Bool(false);
  if (v.kind() == ValueKind::kDouble) return Value::Bool(std::isnan(v.AsDouble()));
  return BadArgument("isNaN", v);
}

// Rounds |x| half away from zero to `precision` decimal places, working on
// the shortest decimal text of x so that round(1.005, 2) gives 1.01.
double RoundDecimal(double x, int64_t precision) {
  if (std::isnan(x) || std::isinf(x) || x == 0) return x;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), std::fabs(x),
                           std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = 0;
  std::string_view et = sci.substr(e + 1);
  if (!et.empty() && et[0] == '+') et.remove_prefix(1);
  std::from_chars(et.data(), et.data() + et.size(), exp);
  // x = 0.digits * 10^(exp + 1); keep k leading digits.
  int64_t k = static_cast<int64_t>(exp) + 1 + precision;
  if (k >= static_cast<int64_t>(digits.size())) return x;
  double sign = x < 0 ? -1.0 : 1.0;
  if (k < 0) return sign * 0.0;
  bool up = digits[k] >= '5';
  std::string kept = digits.substr(0, k);
  int scale = exp + 1;
  if (up) {
    int64_t i = k - 1;
    while (i >= 0 && kept[i] == '9') kept[i--] = '0';
    if (i < 0) {
      kept.insert(kept.begin(), '1');
      ++scale;
    } else {
      ++kept[i];
    }
  }
  if (kept.empty()) return sign * 0.0;
  std::string text = "0." + kept + "e" + std::to_string(scale);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return sign * out;
}

absl::StatusOr<Value> Round(Args a) {
  const Value& v = a[0];
  if (v.is_null()) return Value::Null();
  if (!v.is_number()) return BadArgument("round", v);
  double x = v.NumberAsDouble();
  if (a.size() == 1) {
    // Half-way values round up (toward +infinity), as Java's Math.round.
    if (std::isnan(x) || std::fabs(x) >= 4503599627370496.0) {
      return Value::Double(x);
    }
    return Value::Double(std::floor(x + 0.5));
  }
  if (a[1].is_null()) return Value::Null();
  if (a[1].kind() != ValueKind::kInt) return BadArgument("round", a[1]);
  return Value::Double(RoundDecimal(x, a[1].AsInt()));
}

// ---- lists and maps --------------------------------------------------------

absl::StatusOr<Value> Range(Args a) {
  for (const Value& v : a) {
    if (v.is_null()) return Value::Null();
  }
  for (const Value& v : a) {
    if (v.kind() != ValueKind::kInt) {
      return ArgumentError(kInvalidArgumentType,
                           "range() needs INTEGER arguments, got " +
                               std::string(graph::KindName(v.kind())));
    }
  }
  int64_t start = a[0].AsInt(), end = a[1].AsInt();
  int64_t step = a.size() == 3 ? a[2].AsInt() : 1;
  if (step == 0) {
    return ArgumentError(kNumberOutOfRange, "range() step must not be 0");
  }
  __int128 span = static_cast<__int128>(end) - start;
  __int128 count = 0;
  if ((step > 0 && span >= 0) || (step < 0 && span <= 0)) {
    count = span / step + 1;
  }
  if (count > kMaxRangeLength) {
    return absl::ResourceExhaustedError(
        "range() would build a list of more than " +
        std::to_string(kMaxRangeLength) + " elements");
  }
  graph::ValueList out;
  out.reserve(static_cast<size_t>(count));
  __int128 x = start;
  for (__int128 i = 0; i < count; ++i, x += step) {
    out.push_back(Value::Int(static_cast<int64_t>(x)));
  }
  return Value::List(std::move(out));
}

absl::StatusOr<Value> Head(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kList) return BadArgument("head", a[0]);
  const auto& l = a[0].AsList();
  return l.empty() ? Value::Null() : l.front();
}

absl::StatusOr<Value> Last(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kList) return BadArgument("last", a[0]);
  const auto& l = a[0].AsList();
  return l.empty() ? Value::Null() : l.back();
}

absl::StatusOr<Value> Tail(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kList) return BadArgument("tail", a[0]);
  const auto& l = a[0].AsList();
  if (l.empty()) return Value::List({});
  return Value::List(graph::ValueList(l.begin() + 1, l.end()));
}

absl::StatusOr<Value> Keys(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kMap) return BadArgument("keys", a[0]);
  graph::ValueList out;
  for (const auto& [k, v] : a[0].AsMap()) out.push_back(Value::String(k));
  return Value::List(std::move(out));
}

absl::StatusOr<Value> Properties(Args a) {
  if (a[0].is_null()) return Value::Null();
  if (a[0].kind() != ValueKind::kMap) return BadArgument("properties", a[0]);
  return a[0];
}

// ---- the table -------------------------------------------------------------

using Fn = absl::StatusOr<Value> (*)(Args);

struct FunctionEntry {
  std::string_view name;
  int min_args;
  int max_args;  // -1: variadic
  Fn fn;
};

constexpr FunctionEntry kFunctions[] = {
    {"coalesce", 1, -1, Coalesce},
    {"tolower", 1, 1, internal::ToLower},
    {"toupper", 1, 1, internal::ToUpper},
    {"trim", 1, 1, internal::Trim},
    {"ltrim", 1, 1, internal::LTrim},
    {"rtrim", 1, 1, internal::RTrim},
    {"replace", 3, 3, internal::Replace},
    {"split", 2, 2, internal::Split},
    {"substring", 2, 3, internal::Substring},
    {"left", 2, 2, internal::Left},
    {"right", 2, 2, internal::Right},
    {"reverse", 1, 1, internal::Reverse},
    {"size", 1, 1, internal::Size},
    {"tostring", 1, 1, ToStringFn},
    {"tointeger", 1, 1, ToInteger},
    {"tofloat", 1, 1, ToFloat},
    {"toboolean", 1, 1, ToBoolean},
    {"abs", 1, 1, Abs},
    {"ceil", 1, 1, Ceil},
    {"floor", 1, 1, Floor},
    {"round", 1, 2, Round},
    {"sign", 1, 1, Sign},
    {"sqrt", 1, 1, Sqrt},
    {"exp", 1, 1, Exp},
    {"log", 1, 1, Log},
    {"log10", 1, 1, Log10},
    {"sin", 1, 1, Sin},
    {"cos", 1, 1, Cos},
    {"tan", 1, 1, Tan},
    {"cot", 1, 1, Cot},
    {"asin", 1, 1, Asin},
    {"acos", 1, 1, Acos},
    {"atan", 1, 1, Atan},
    {"atan2", 2, 2, Atan2},
    {"degrees", 1, 1, Degrees},
    {"radians", 1, 1, Radians},
    {"haversin", 1, 1, Haversin},
    {"isnan", 1, 1, IsNaN},
    {"pi", 0, 0, Pi},
    {"e", 0, 0, E},
    {"rand", 0, 0, Rand},
    {"range", 2, 3, Range},
    {"head", 1, 1, Head},
    {"last", 1, 1, Last},
    {"tail", 1, 1, Tail},
    {"keys", 1, 1, Keys},
    {"properties", 1, 1, Properties},
};

const FunctionEntry* Find(std::string_view name) {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<std::string_view, const FunctionEntry*>;
    for (const FunctionEntry& e : kFunctions) (*t)[e.name] = &e;
    return t;
  }();
  auto it = table->find(name);
  return it == table->end() ? nullptr : it->second;
}

}  // namespace

absl::StatusOr<Value> ToStringValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kBool:
      return Value::String(v.AsBool() ? "true" : "false");
    case ValueKind::kInt:
      return Value::String(std::to_string(v.AsInt()));
    case ValueKind::kDouble:
      return Value::String(graph::DoubleText(v.AsDouble()));
    case ValueKind::kString:
      return v;
    default:
      return BadConversion("toString", v);
  }
}

bool IsScalarFunction(std::string_view lowercase_name) {
  return Find(lowercase_name) != nullptr;
}

std::optional<std::pair<int, int>> ScalarFunctionArity(
    std::string_view lowercase_name) {
  const FunctionEntry* e = Find(lowercase_name);
  if (e == nullptr) return std::nullopt;
  return std::make_pair(e->min_args, e->max_args);
}

bool IsNonDeterministicFunction(std::string_view lowercase_name) {
  return lowercase_name == "rand";
}

absl::StatusOr<Value> CallScalarFunction(std::string_view lowercase_name,
                                         std::span<const Value> args) {
  const FunctionEntry* e = Find(lowercase_name);
  if (e == nullptr) {
    return SyntaxError("UnknownFunction",
                       "unknown function " + std::string(lowercase_name));
  }
  int n = static_cast<int>(args.size());
  if (n < e->min_args || (e->max_args >= 0 && n > e->max_args)) {
    return SyntaxError("InvalidNumberOfArguments",
                       std::string(lowercase_name) + "() takes " +
                           std::to_string(e->min_args) +
                           (e->max_args == e->min_args
                                ? ""
                                : (e->max_args < 0
                                       ? " or more"
                                       : " to " + std::to_string(e->max_args))) +
                           " arguments, got " + std::to_string(n));
  }
  return e->fn(args);
}

}  // namespace dossier::query
