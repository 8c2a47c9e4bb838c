#include <isukit/model/isu.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

using isukit::model::note_payment_currency;
using isukit::model::PaymentInstructions;
using isukit::util::Currency;

namespace {

/// What note_payment_currency says on stderr for an account in `account` and letters in `letters`.
std::string noted(const PaymentInstructions &payment, const char *letters) {
  std::ostringstream err;
  auto *const saved = std::cerr.rdbuf(err.rdbuf());
  note_payment_currency(payment, *Currency::parse(letters));
  std::cerr.rdbuf(saved);
  return err.str();
}

} // namespace

TEST_CASE("model::note_payment_currency: once a run for each pair of currencies") {
  PaymentInstructions payment;
  CHECK(noted(payment, "NOK").empty()); // no currency given: nothing to compare
  payment.currency = *Currency::parse("SEK");
  CHECK(noted(payment, "SEK").empty());
  CHECK(noted(payment, "NOK").find("the account is in SEK, the letters' amounts in NOK") !=
        std::string::npos);
  CHECK(noted(payment, "NOK").empty()); // the letters of a second treaty in NOK: said already
  CHECK(noted(payment, "ISK").find("in ISK") != std::string::npos);
}
