// Clock: the time source of query deadlines, injectable for tests.
#ifndef DOSSIER_QUERY_EXEC_CLOCK_H_
#define DOSSIER_QUERY_EXEC_CLOCK_H_

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace dossier::query {

// Reads the current time. Implementations must be thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

// The process clock (absl::Now). Never null; lives forever.
const Clock* SystemClock();

// A clock that only moves when told to (tests). Thread-compatible.
class FakeClock : public Clock {
 public:
  explicit FakeClock(absl::Time start = absl::UnixEpoch()) : now_(start) {}
  absl::Time Now() const override { return now_; }
  void Advance(absl::Duration d) { now_ += d; }

 private:
  absl::Time now_;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_EXEC_CLOCK_H_
