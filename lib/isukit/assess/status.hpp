// The status of contributions on a date: crediting payments to assessments, the year's
// collection rate, the arrears of closed years, the Article 19 test; and the fund.
#pragma once

#include <isukit/io/fields.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/ledger.hpp>

#include <array>
#include <vector>

namespace isukit::assess {

/// Outstanding amounts by age, in minor units: [0] the current year, [1] one year old, [2] two
/// years old, [3] three years and older; a year's age is the as-of year minus the year assessed.
using Aging = std::array<std::int64_t, 4>;

/// The aging bucket of an assessment of `year` seen from `current_year` (0..3, 3 = "and older").
std::size_t aging_bucket(int year, int current_year);

struct YearBalance {
  int year = 0;
  std::int64_t assessed = 0; // minor units
  std::int64_t received = 0;
  std::int64_t outstanding = 0;
};

/// A year of a state's account: in the status document `year`, `assessed`, `received`,
/// `outstanding`; in letters the years owed, `year` and `amount` (outstanding).
io::Fields<YearBalance> year_fields(const util::Currency &currency);

struct StateBalance {
  model::StateId state = 0;
  std::vector<YearBalance> years;       // ascending, up to the current year
  std::int64_t credit = 0;              // received beyond everything due, carried forward
  std::int64_t closed_outstanding = 0;  // years before the current one
  std::int64_t current_outstanding = 0; // the current year
  Aging aging{};                        // the outstanding amounts by age
  bool article_19 = false;
};

struct ContributionsStatus {
  util::Date as_of;
  int current_year = 0;
  util::Currency currency;
  std::string treaty;
  std::vector<StateBalance> states; // every assessed state, in ISO code order
  std::int64_t assessed = 0;        // current year
  std::int64_t received = 0;
  std::int64_t outstanding = 0;
  std::int64_t closed_outstanding = 0; // every year before the current one
  std::int64_t credits = 0;
  Aging aging{}; // every state's outstanding amounts by age
  /// The two full years before the current one that the ledger holds no assessments for
  /// (model::Ledger::years): when any, the Article 19 test cannot be made and no state is
  /// flagged (a year not covered is unknown, not zero).
  std::vector<int> article_19_years_missing;
};

/// What a state has paid, as sums: per year named (indexed from model::Ledger::first_year), the
/// net of its payments and refunds; naming no year, the payments and, apart, the refunds (as a
/// positive amount). Minor units.
struct PaidSums {
  std::int64_t unnamed = 0;
  std::int64_t unnamed_refunds = 0;
  std::vector<std::int64_t> named =
      std::vector<std::int64_t>(model::Ledger::last_year - model::Ledger::first_year + 1, 0);
};

/// Credits one state's payments `paid` against its assessments of the ledger's years up to
/// `current_year`, by the rules of compute_status (the one crediting algorithm of isukit: the
/// status, arrears, reminders, Article 19 and statements all derive from it). Article 19 and the
/// closed/current split are left to the caller. No year's `received` is below zero or above
/// its assessment; `credit` is below zero only if the refunds exceed every payment, which
/// model::Ledger::read refuses.
StateBalance credit_state(const model::Ledger &ledger, model::StateId state, const PaidSums &paid,
                          int current_year);

/// Credits each state's payments as of the ledger's date. Payments that name a year go to
/// that year first, up to what is due for it; a payment that names a year after the as-of year
/// is an advance, held as a credit for that year; all other money (payments naming no year, and
/// what exceeds the year named) goes to the oldest outstanding assessment first; what exceeds
/// everything due is a credit carried forward to the next assessment. Assessments of years
/// after the as-of year are not yet due. A payment naming a year the state has no assessment
/// for (a year mistyped) is money naming no year, unless it is an advance (a year after the
/// as-of year, or the as-of year while no assessments document covers it); a year no
/// assessments document covers is otherwise refused by model::Ledger::read.
/// Refunds (negative payments) take money back where it was credited: a refund naming a year
/// is netted with the payments naming that year; what it takes beyond them comes off the
/// year's other receipts (never below zero), and the rest is taken back as a refund naming no
/// year (all of it, when the state has no assessment for that year). A refund naming no year
/// takes back, last credited first: the credit held (money not applied, then advances), then the
/// receipts of the latest year, then the year before, and so on. So no year owes more than was
/// assessed. Because only sums enter, the result does not depend on the order of the inputs.
ContributionsStatus compute_status(const model::Ledger &ledger, const model::StateTable &states,
                                   const util::Date &as_of);

/// The `contributions-status` document and the officer's tables.
io::Output status_output(const ContributionsStatus &status, const model::StateTable &states,
                         const util::Lang &lang);

struct ArrearsOptions {
  bool closed_only = false; // only years before the current one
  int min_years = 1;        // only states with at least this many years outstanding
  std::int64_t min_amount =
      0; // only states owing at least this (minor units) in the years selected
};

/// A state in arrears as the options select it: the years outstanding they keep, their sum
/// and its aging. Points into the ContributionsStatus it was selected from.
struct StateArrears {
  const StateBalance *balance = nullptr;
  std::vector<const YearBalance *> years; // ascending
  std::int64_t amount = 0;                // minor units
  Aging aging{};
};

/// The states in arrears (the one selection of `assess arrears` and `assess remind`), in the
/// status's order: years with an amount outstanding (before the current year only, with
/// closed_only), at least min_years of them and min_amount in all.
std::vector<StateArrears> select_arrears(const ContributionsStatus &status,
                                         const ArrearsOptions &options);

struct ArrearsResult {
  io::Output output;
  std::size_t states_in_arrears = 0;
};

/// The states in arrears with their amounts and years.
ArrearsResult arrears_output(const ContributionsStatus &status, const model::StateTable &states,
                             const ArrearsOptions &options, const util::Lang &lang);

/// The fund's balance on the date, its movements, and the months of costs it covers
/// (`monthly_cost` may be unset). Precondition: the ledger held a `fund` document (its
/// movements may be none: the balance is then zero).
io::Output fund_output(const model::Ledger &ledger, const util::Date &as_of,
                       const std::optional<util::Money> &monthly_cost, const util::Lang &lang);

} // namespace isukit::assess
