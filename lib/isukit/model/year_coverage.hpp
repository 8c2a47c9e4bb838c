// Whether the assessments read cover the years the payments name (tester 3, item 5): a payment
// naming a year for which no assessments document was read would otherwise be credited to other
// years without a word, and a year missing between two assessed years would make the arrears
// of the years around it look paid.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/error.hpp>

#include <vector>

namespace isukit::model {

/// The years of the assessments documents read and, for each year the payments name, where the
/// first payment naming it was read. Memory is one entry a year, whatever the payments.
class YearCoverage {
public:
  /// An assessments document of `year` (even one of no assessments, `assessments: []`, which
  /// says nothing was assessed that year) read at `document`.
  void assessed(int year, const io::Mark &document);
  /// A payment (`refund`: a negative one) names `year`; `at()` gives the position of the year
  /// it names (line 0 when unknown: a row read ahead, the reader gone on), asked for only for
  /// the first payment naming each year.
  template <class At> void named(int year, bool refund, At &&at) {
    Named &first = m_named[index(year)];
    if (!first.named) {
      first = Named{true, at(), refund};
    }
  }
  /// The same payments read again, in the same order, each at its position: gives the first
  /// payment naming a year the position the first reading left unknown (needs_positions).
  template <class At> void named_again(int year, bool refund, At &&at) {
    Named &first = m_named[index(year)];
    if (first.named && !first.at.line) {
      first = Named{true, at(), refund};
    }
  }
  /// Whether some error of `check` has no position yet: the payments are to be read again.
  bool needs_positions(int as_of_year) const;

  /// The errors (65) of the inputs, added to `diagnostics`, when any assessments document was
  /// read (none read is for model::require_kinds to say): each year missing between the first
  /// and the last year assessed, at the first document after it ("assessments for 2023 and
  /// 2025 were given, but none for 2024"); and each year a payment names that no document
  /// covers, at the first payment naming it, unless the payment is an advance: a year after
  /// every year assessed and not before `as_of_year` (its assessments are not issued yet).
  void check(int as_of_year, util::Diagnostics &diagnostics) const;

private:
  struct Named {
    bool named = false; // some payment names the year
    io::Mark at;        // where the first payment naming it names it (line 0: unknown)
    bool refund = false;
  };
  /// Whether a payment naming `year` is an error: no document covers the year, and the
  /// payment is no advance (see check); `last` is the last year assessed (0: none).
  bool uncovered(int year, int last, int as_of_year) const;
  int last_assessed() const;
  static std::size_t index(int year) { return static_cast<std::size_t>(year - util::first_year); }
  void check_gaps(util::Diagnostics &diagnostics) const;
  void check_named(int as_of_year, util::Diagnostics &diagnostics) const;

  std::vector<io::Mark> m_assessed =
      std::vector<io::Mark>(util::last_year - util::first_year + 1); // the first document a year
  std::vector<Named> m_named = std::vector<Named>(util::last_year - util::first_year + 1);
};

} // namespace isukit::model
