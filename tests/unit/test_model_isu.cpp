#include <isukit/model/isu.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

using isukit::model::note_payment_currency;
using isukit::model::NotedCurrencies;
using isukit::model::PaymentInstructions;
using isukit::util::Currency;

namespace {

/// What note_payment_currency says on stderr for an account in `account` and letters in `letters`.
/// `run` holds the pairs noted already.
std::string noted(const PaymentInstructions &payment, const char *letters, NotedCurrencies &run) {
  std::ostringstream err;
  auto *const saved = std::cerr.rdbuf(err.rdbuf());
  note_payment_currency(payment, *Currency::parse(letters), run);
  std::cerr.rdbuf(saved);
  return err.str();
}

} // namespace

TEST_CASE("model::note_payment_currency: once a run for each pair of currencies") {
  NotedCurrencies run;
  PaymentInstructions payment;
  CHECK(noted(payment, "NOK", run).empty()); // no currency given: nothing to compare
  payment.currency = *Currency::parse("SEK");
  CHECK(noted(payment, "SEK", run).empty());
  CHECK(noted(payment, "NOK", run).find("the account is in SEK, the letters' amounts in NOK") !=
        std::string::npos);
  CHECK(noted(payment, "NOK", run).empty()); // the letters of a second treaty in NOK: said already
  CHECK(noted(payment, "ISK", run).find("in ISK") != std::string::npos);
  CHECK(run.size() == 2);
}

TEST_CASE("model::note_payment_currency: what was noted is the caller's, no state of its own") {
  // A function-local static kept the pairs once for the process: a second run in it (a test, a
  // second kit) was silenced by the first.
  PaymentInstructions payment;
  payment.currency = *Currency::parse("CHF");
  NotedCurrencies first;
  NotedCurrencies second;
  CHECK_FALSE(noted(payment, "USD", first).empty());
  CHECK_FALSE(noted(payment, "USD", second).empty());
  CHECK(noted(payment, "USD", first).empty());
}
