// Issue 12's integrity checks of payments, in memory flat in the number of payments (issue
// 21): no identical payment read twice, and no refund that takes a state's net receipts below
// zero. Each check reads the payments once and keeps a compact summary; when that summary
// cannot decide (a payment that may repeat an earlier one, a month whose days matter), it
// asks for a second reading of the same payments, in the same order, which settles it
// exactly. Neither ever accepts what the exact check refuses, and each error names the
// positions it always named.
#pragma once

#include <isukit/io/fingerprints.hpp>
#include <isukit/io/node.hpp>
#include <isukit/model/states.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/money.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace isukit::model {

/// A 64-bit fingerprint of a payment's identity: what a test gives to force collisions.
using FingerprintFunction = std::uint64_t (*)(std::string_view identity);
/// XXH3's fingerprint of a payment from its parts, without building its identity's bytes (it
/// runs for every payment): `amount` in minor units, `packed` its date, state and currency
/// (any packing that tells them apart), then its `reference`. XXH3 of `packed` seeded with the
/// amount seeds XXH3 of the reference. What the duplicate check uses unless a test gives a
/// FingerprintFunction: any 64-bit hash of the payment will do, the same one in both readings.
std::uint64_t parts_fingerprint(std::int64_t amount, std::uint64_t packed,
                                std::string_view reference);

/// Identical payments. What makes two payments the same is their identity, bytes the caller
/// builds (state, date, amount, currency and reference). First reading: the fingerprint of
/// each payment's identity (the caller's, the same in both readings) in io::Fingerprints, two
/// to four bytes a payment. If some fingerprint may repeat, a second reading compares, byte
/// for byte, the payments of those fingerprints ("candidates", their identity and position
/// kept): each one identical to an earlier one is a duplicate of the first of them.
class DuplicateCheck {
public:
  explicit DuplicateCheck(std::size_t wide_limit = io::Fingerprints::default_wide_limit);

  /// First reading, every payment's fingerprint in order.
  void read(std::uint64_t fingerprint) {
    ++m_count;
    m_fingerprints.insert(fingerprint);
  }
  /// First reading, `count` payments' fingerprints in order at once (io::Fingerprints::
  /// insert_all: faster than `read` each, for a batch of a payments file).
  void read_all(const std::uint64_t *fingerprints, std::size_t count) {
    m_count += count;
    m_fingerprints.insert_all(fingerprints, count);
  }
  /// After the first reading: whether some payment may repeat another.
  bool needs_second_reading() { return m_fingerprints.settle(); }

  /// Second reading, every payment again in order: true when this payment may repeat another
  /// (a candidate); the caller then gives it to `candidate` with its position, before the
  /// next payment's read_again.
  bool read_again(std::uint64_t fingerprint);
  void candidate(std::string_view identity, const io::Mark &at);
  /// Payments counted in the first and in the second reading (the same unless an input changed).
  std::size_t count() const { return m_count; }
  std::size_t count_again() const { return m_count_again; }

  /// Every payment that repeats an earlier one: an error at it naming the first, added to
  /// `diagnostics` at the order of the payments read before it (0 for the first payment), so
  /// that it takes its place, in the order read, among errors the reader added at that order.
  void report(util::Diagnostics &diagnostics) const;

private:
  struct Repeat {
    io::Mark at, first;
    std::size_t payments_before; // read before it
  };
  io::Fingerprints m_fingerprints;
  std::unordered_map<std::string, io::Mark> m_first; // of each candidate identity
  std::vector<Repeat> m_repeats;                     // in the order read
  std::size_t m_count = 0;
  std::size_t m_count_again = 0;
};

/// Refunds: a state's net receipts, walked by date (a day's receipts before its refunds, the
/// smaller refund first, then in the order read), never go below zero. First reading: each
/// state's net per month (from 1950 to 2149, allocated per state as it pays) and every refund
/// with its position. A month with a refund that its receipts before the month could not
/// cover on their own needs its receipts per day: the second reading gives them.
class RefundCheck {
public:
  explicit RefundCheck(std::size_t states);

  /// First reading. `refund_at` is asked for refunds only (a negative amount).
  template <class Position>
  void read(StateId state, const util::Date &date, std::int64_t amount, Position refund_at) {
    month_net(state)[month_index(date)] += amount; // the ledger bounds the sum of magnitudes
    if (amount < 0) {
      m_refunds.push_back(Refund{date, amount, state, m_refunds.size(), refund_at()});
    }
  }
  /// After the first reading (and before check): whether some month needs its receipts per day.
  bool needs_second_reading();
  /// Second reading, every payment again.
  void read_again(StateId state, const util::Date &date, std::int64_t amount);

  /// Fails (65) at the first refund, by state then date, that takes net receipts below zero.
  void check(const StateTable &states, const util::Currency &currency) const;

private:
  struct Refund {
    util::Date date;
    std::int64_t amount;
    StateId state;
    std::size_t number; // in the order read
    io::Mark at;
  };
  static constexpr int months = (util::last_year - util::first_year + 1) * 12;
  static int month_index(const util::Date &date) {
    return (date.year() - util::first_year) * 12 + static_cast<int>(date.month()) - 1;
  }
  std::int64_t *month_net(StateId state) {
    return m_month_net.get() + static_cast<std::size_t>(state) * months;
  }
  /// Net receipts of `state` before `month`.
  std::int64_t net_before(StateId state, int month) const;
  /// The end of the refunds of the state and month of refund `first`.
  std::size_t month_end(std::size_t first) const;
  /// Walks the days of the month of refund `first` (one that needs its days); fails at the
  /// refund that takes net receipts below zero.
  void check_days(const StateTable &states, const util::Currency &currency, std::size_t first,
                  std::size_t end) const;

  struct FreeDeleter {
    void operator()(std::int64_t *p) const;
  };
  // Per state, `months` nets, in one zeroed allocation: the pages of states and years no
  // payment reaches are never touched, so cost no memory.
  std::unique_ptr<std::int64_t[], FreeDeleter> m_month_net;
  std::vector<Refund> m_refunds;
  std::map<std::pair<StateId, int>, std::vector<std::int64_t>>
      m_days; // receipts per day of the months that need them
};

} // namespace isukit::model
