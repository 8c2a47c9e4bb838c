// The payments CSV reader (model::Ledger on a finance system's export) and the status of
// contributions computed from it. Invariants: an error is a data error inside the CSV; every
// cent read is accounted for (received plus credit equals what each state paid); a file named
// twice is read once; any as-of date, even 0000-01-01, is safe.
#include <isukit/assess/status.hpp>

#include "harness.hpp"

using namespace isukit;

namespace {

/// Assessments for two years and the states the seeds pay from, so that payments meet something
/// to settle. Small on purpose: the whole ledger is read three times per input, and the shipped
/// example (130 states) made a run take seconds under ASan.
const std::string &assessments_file() {
  static const std::string path = fuzz::scratch_file("assessments.yaml", R"(---
kind: assessments
treaty: ccw
year: 2024
currency: USD
total: 1000.00
assessments:
- {state: FRA, amount: 400.00}
- {state: DEU, amount: 300.00}
- {state: JPN, amount: 200.00}
- {state: BRA, amount: 100.00}
---
kind: assessments
treaty: ccw
year: 2025
currency: USD
total: 1000.07
assessments:
- {state: FRA, amount: 400.01}
- {state: DEU, amount: 300.02}
- {state: CHE, amount: 200.03}
- {state: AFG, amount: 100.01}
)");
  return path;
}

__int128 total_paid(const model::Ledger &ledger, model::StateId state) {
  __int128 total = ledger.paid_unnamed(state);
  for (int year = model::Ledger::first_year; year <= model::Ledger::last_year; ++year) {
    total += ledger.paid_for_year(state, year);
  }
  return total;
}

void check_status(const model::Ledger &ledger, const util::Date &as_of) {
  const auto &states = fuzz::reference().states;
  const auto status = assess::compute_status(ledger, states, as_of);
  for (const auto &balance : status.states) {
    __int128 received = balance.credit;
    for (const auto &year : balance.years) {
      fuzz::require(year.received + year.outstanding == year.assessed,
                    "a year's received + outstanding != assessed");
      received += year.received;
    }
    fuzz::require(received == total_paid(ledger, balance.state),
                  "received + credit != paid for " + states[balance.state].code);
  }
  assess::status_output(status, states, fuzz::lang("fr"))
      .build_tables_for(io::Format::table); // its tables are built only for such a format
}

/// A file named twice is read once (issue 12): the sums are those of one reading.
void check_read_once(const model::Ledger &once, const std::vector<std::string> &twice,
                     const util::Date &as_of) {
  const auto &states = fuzz::reference().states;
  const auto ledger = model::Ledger::read(twice, states, as_of);
  for (model::StateId state = 0; state < states.size(); ++state) {
    fuzz::require(total_paid(ledger, state) == total_paid(once, state),
                  "a file named twice was read twice");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view input = fuzz::text_of(data, size);
  const std::string csv = fuzz::scratch_file("payments.csv", input);
  const util::Date as_of(2025, 8, 31);
  model::Ledger ledger;
  const bool read = fuzz::read_or_reject(input, csv, [&] {
    ledger = model::Ledger::read({assessments_file(), csv}, fuzz::reference().states, as_of);
  });
  if (!read) {
    return 0;
  }
  check_read_once(ledger, {assessments_file(), csv, csv}, as_of);
  for (const auto &date : {as_of, util::Date(0, 1, 1), util::Date(9999, 12, 31)}) {
    check_status(ledger, date);
  }
  return 0;
}
