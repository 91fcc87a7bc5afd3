#include "query/values/arithmetic.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "query/values/errors.h"
#include "query/values/literal_text.h"

namespace dossier::query {

using graph::Value;
using graph::ValueKind;

namespace {

absl::Status BadTypes(std::string_view verb, const Value& a, const Value& b) {
  std::string msg = "cannot ";
  msg.append(verb).append(" ").append(graph::KindName(a.kind()));
  msg.append(" and ").append(graph::KindName(b.kind()));
  return TypeError(kInvalidArgumentType, msg);
}

absl::Status Overflow(std::string_view op, int64_t a, int64_t b) {
  return ArithmeticError(kIntegerOverflow,
                         "integer overflow in " + std::to_string(a) + " " +
                             std::string(op) + " " + std::to_string(b));
}

bool BothInt(const Value& a, const Value& b) {
  return a.kind() == ValueKind::kInt && b.kind() == ValueKind::kInt;
}

std::string NumberText(const Value& v) {
  return v.kind() == ValueKind::kInt ? std::to_string(v.AsInt())
                                     : graph::DoubleText(v.AsDouble());
}

}  // namespace

absl::StatusOr<Value> Add(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (BothInt(a, b)) {
    int64_t r;
    if (__builtin_add_overflow(a.AsInt(), b.AsInt(), &r)) {
      return Overflow("+", a.AsInt(), b.AsInt());
    }
    return Value::Int(r);
  }
  if (a.is_number() && b.is_number()) {
    return Value::Double(a.NumberAsDouble() + b.NumberAsDouble());
  }
  if (a.kind() == ValueKind::kList) {
    graph::ValueList out = a.AsList();
    if (b.kind() == ValueKind::kList) {
      out.insert(out.end(), b.AsList().begin(), b.AsList().end());
    } else {
      out.push_back(b);
    }
    return Value::List(std::move(out));
  }
  if (b.kind() == ValueKind::kList) {
    graph::ValueList out;
    out.reserve(b.AsList().size() + 1);
    out.push_back(a);
    out.insert(out.end(), b.AsList().begin(), b.AsList().end());
    return Value::List(std::move(out));
  }
  if (a.kind() == ValueKind::kString && b.kind() == ValueKind::kString) {
    return Value::String(a.AsString() + b.AsString());
  }
  if (a.kind() == ValueKind::kString && b.is_number()) {
    return Value::String(a.AsString() + NumberText(b));
  }
  if (a.is_number() && b.kind() == ValueKind::kString) {
    return Value::String(NumberText(a) + b.AsString());
  }
  return BadTypes("add", a, b);
}

absl::StatusOr<Value> Subtract(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (BothInt(a, b)) {
    int64_t r;
    if (__builtin_sub_overflow(a.AsInt(), b.AsInt(), &r)) {
      return Overflow("-", a.AsInt(), b.AsInt());
    }
    return Value::Int(r);
  }
  if (a.is_number() && b.is_number()) {
    return Value::Double(a.NumberAsDouble() - b.NumberAsDouble());
  }
  return BadTypes("subtract", a, b);
}

absl::StatusOr<Value> Multiply(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (BothInt(a, b)) {
    int64_t r;
    if (__builtin_mul_overflow(a.AsInt(), b.AsInt(), &r)) {
      return Overflow("*", a.AsInt(), b.AsInt());
    }
    return Value::Int(r);
  }
  if (a.is_number() && b.is_number()) {
    return Value::Double(a.NumberAsDouble() * b.NumberAsDouble());
  }
  return BadTypes("multiply", a, b);
}

absl::StatusOr<Value> Divide(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (BothInt(a, b)) {
    if (b.AsInt() == 0) return ArithmeticError(kDivisionByZero, "/ by zero");
    if (a.AsInt() == INT64_MIN && b.AsInt() == -1) {
      return Overflow("/", a.AsInt(), b.AsInt());
    }
    return Value::Int(a.AsInt() / b.AsInt());
  }
  if (a.is_number() && b.is_number()) {
    return Value::Double(a.NumberAsDouble() / b.NumberAsDouble());
  }
  return BadTypes("divide", a, b);
}

absl::StatusOr<Value> Modulo(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (BothInt(a, b)) {
    if (b.AsInt() == 0) return ArithmeticError(kDivisionByZero, "% by zero");
    if (b.AsInt() == -1) return Value::Int(0);  // INT64_MIN % -1 traps in C++
    return Value::Int(a.AsInt() % b.AsInt());
  }
  if (a.is_number() && b.is_number()) {
    return Value::Double(std::fmod(a.NumberAsDouble(), b.NumberAsDouble()));
  }
  return BadTypes("take the modulo of", a, b);
}

absl::StatusOr<Value> Power(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (a.is_number() && b.is_number()) {
    return Value::Double(std::pow(a.NumberAsDouble(), b.NumberAsDouble()));
  }
  return BadTypes("raise to the power", a, b);
}

absl::StatusOr<Value> Negate(const Value& a) {
  switch (a.kind()) {
    case ValueKind::kNull:
      return Value::Null();
    case ValueKind::kInt:
      if (a.AsInt() == INT64_MIN) {
        return ArithmeticError(kIntegerOverflow,
                               "integer overflow in -(" +
                                   std::to_string(a.AsInt()) + ")");
      }
      return Value::Int(-a.AsInt());
    case ValueKind::kDouble:
      return Value::Double(-a.AsDouble());
    default:
      return TypeError(kInvalidArgumentType,
                       "cannot negate " + std::string(graph::KindName(a.kind())));
  }
}

absl::StatusOr<Value> UnaryPlus(const Value& a) {
  if (a.is_null() || a.is_number()) return a;
  return TypeError(kInvalidArgumentType,
                   "cannot apply unary + to " +
                       std::string(graph::KindName(a.kind())));
}

}  // namespace dossier::query
