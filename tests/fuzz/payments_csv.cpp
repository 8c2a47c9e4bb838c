// The payments CSV reader (model::Ledger on a finance system's export) and the status of
// contributions computed from it. Invariants: an error is a data error inside the CSV; every
// cent read is accounted for (received plus credit equals what each state paid); reading the
// file twice exactly doubles every sum; any as-of date, even 0000-01-01, is safe.
#include "harness.hpp"

#include <isukit/assess/status.hpp>

#include <filesystem>

using namespace isukit;

namespace {

/// The shipped example assessments, so that payments meet something to settle.
const std::string& assessments_file() {
  static const std::string path =
      (std::filesystem::path(ISUKIT_SOURCE_DATADIR) / "examples" / "ccw-2025" / "assessments-2025.yaml").string();
  return path;
}

__int128 total_paid(const model::Ledger& ledger, model::StateId state) {
  __int128 total = ledger.paid_unnamed(state);
  for (int year = model::Ledger::first_year; year <= model::Ledger::last_year; ++year) {
    total += ledger.paid_for_year(state, year);
  }
  return total;
}

void check_status(const model::Ledger& ledger, const util::Date& as_of) {
  const auto& states = fuzz::reference().states;
  const auto status = assess::compute_status(ledger, states, as_of);
  for (const auto& balance : status.states) {
    __int128 received = balance.credit;
    for (const auto& year : balance.years) {
      fuzz::require(year.received + year.outstanding == year.assessed, "a year's received + outstanding != assessed");
      received += year.received;
    }
    fuzz::require(received == total_paid(ledger, balance.state),
                  "received + credit != paid for " + states[balance.state].code);
  }
  (void)assess::status_output(status, states, fuzz::lang("fr"));
}

void check_doubling(const model::Ledger& once, const std::vector<std::string>& twice, const util::Date& as_of) {
  const auto& states = fuzz::reference().states;
  model::Ledger ledger;
  try {
    ledger = model::Ledger::read(twice, states, as_of);
  } catch (const util::Error& error) {
    // Only a sum that no longer fits may fail the second time, and it must say where.
    fuzz::require(error.position().line > 0, "a doubled ledger failed without a position: " + error.located_message());
    return;
  }
  for (model::StateId state = 0; state < states.size(); ++state) {
    fuzz::require(total_paid(ledger, state) == 2 * total_paid(once, state), "reading twice does not double the sums");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
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
  check_doubling(ledger, {assessments_file(), csv, csv}, as_of);
  for (const auto& date : {as_of, util::Date(0, 1, 1), util::Date(9999, 12, 31)}) {
    check_status(ledger, date);
  }
  return 0;
}
