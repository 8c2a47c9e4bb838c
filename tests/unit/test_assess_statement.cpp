#include <isukit/assess/statement.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"

using namespace isukit;

namespace {

using fixtures::states;

const std::string assessments = "kind: assessments\nyear: 2024\ncurrency: USD\nassessments:\n"
                                "  - {state: FRA, amount: 100.00}\n"
                                "---\nkind: assessments\nyear: 2025\ncurrency: USD\nassessments:\n"
                                "  - {state: FRA, amount: 120.00}\n"
                                "---\nkind: payments\ncurrency: USD\npayments:\n";

/// FRA's statement of the ledger `text` as of `as_of`.
assess::Statement statement_of(const std::string &text, const util::Date &as_of) {
  const auto path = std::filesystem::temp_directory_path() / "isukit-statement-test.yaml";
  std::ofstream(path) << text;
  const auto ledger = model::Ledger::read({path.string()}, states(), as_of, true);
  const auto statements =
      assess::compute_statements(ledger, states(), as_of, {*states().find("FRA")});
  REQUIRE(statements.size() == 1);
  return statements[0];
}

bool part_is(const assess::CreditedPart &part, std::optional<int> year, std::int64_t amount) {
  return part.year == year && part.amount == amount;
}

} // namespace

TEST_SUITE("assess::statement") {
  TEST_CASE("assess::compute_statements shows a payment split over two years") {
    const auto s = statement_of(
        assessments + "  - {date: 2025-03-01, state: FRA, amount: 150.00, reference: R1}\n",
        util::Date(2025, 8, 31));
    REQUIRE(s.lines.size() == 3); // assessment 2024, assessment 2025, the payment
    const auto &payment = s.lines[2];
    CHECK(payment.reference == "R1");
    REQUIRE(payment.parts.size() == 2);
    CHECK(part_is(payment.parts[0], 2024, 10000));
    CHECK(part_is(payment.parts[1], 2025, 5000));
    CHECK(payment.balance == 7000);
  }

  TEST_CASE("assess::compute_statements carries a credit into the next assessment") {
    const auto s = statement_of(
        assessments + "  - {date: 2024-06-01, state: FRA, amount: 130.00, reference: R1}\n",
        util::Date(2025, 8, 31));
    REQUIRE(s.lines.size() == 3); // assessment 2024, the payment, assessment 2025
    REQUIRE(s.lines[1].parts.size() == 2);
    CHECK(part_is(s.lines[1].parts[0], 2024, 10000));
    CHECK(part_is(s.lines[1].parts[1], std::nullopt, 3000));
    CHECK(s.lines[1].balance == -3000);
    REQUIRE(s.lines[2].parts.size() == 1);
    CHECK(part_is(s.lines[2].parts[0], 2025, 3000));
    CHECK(s.closing.credit == 0);
    CHECK(s.lines[2].balance == 9000);
  }

  TEST_CASE("assess::compute_statements leaves out a payment after the as-of date") {
    const auto s = statement_of(
        assessments + "  - {date: 2025-03-01, state: FRA, amount: 50.00, reference: R1}\n"
                      "  - {date: 2025-09-01, state: FRA, amount: 170.00, reference: R2}\n",
        util::Date(2025, 8, 31));
    REQUIRE(s.lines.size() == 3);
    CHECK(s.lines[2].reference == "R1");
    CHECK(s.lines[2].balance == 17000);
    CHECK(s.closing.years[0].outstanding == 5000);
  }

  TEST_CASE(
      "assess::compute_statements closes on assess status for every state of the CCW example") {
    const auto dir = std::string(ISUKIT_SOURCE_DATADIR) + "/examples/ccw-2025";
    const util::Date as_of(2025, 8, 31);
    const auto ledger = model::Ledger::read({dir}, states(), as_of, true);
    const auto status = assess::compute_status(ledger, states(), as_of);
    const auto statements = assess::compute_statements(ledger, states(), as_of, {});
    REQUIRE(statements.size() == status.states.size());
    for (std::size_t i = 0; i < statements.size(); ++i) {
      const auto &closing = statements[i].closing;
      const auto &expected = status.states[i];
      CAPTURE(states()[expected.state].code);
      CHECK(statements[i].state == expected.state);
      CHECK(closing.credit == expected.credit);
      REQUIRE(closing.years.size() == expected.years.size());
      std::int64_t outstanding = 0;
      for (std::size_t y = 0; y < closing.years.size(); ++y) {
        CHECK(closing.years[y].outstanding == expected.years[y].outstanding);
        outstanding += closing.years[y].outstanding;
      }
      CHECK(outstanding == expected.current_outstanding + expected.closed_outstanding);
      const std::int64_t last_balance =
          statements[i].lines.empty() ? 0 : statements[i].lines.back().balance;
      CHECK(last_balance == outstanding - closing.credit);
    }
  }
}
