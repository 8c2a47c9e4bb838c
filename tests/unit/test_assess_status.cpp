#include <isukit/assess/status.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"

using namespace isukit;

namespace {

using fixtures::states;

/// Writes `text` to a file and computes the status on `as_of`.
assess::ContributionsStatus status_of(const std::string &text, const util::Date &as_of) {
  const auto path = std::filesystem::temp_directory_path() / "isukit-status-test.yaml";
  std::ofstream(path) << text;
  const auto ledger = model::Ledger::read({path.string()}, states(), as_of);
  return assess::compute_status(ledger, states(), as_of);
}

const assess::YearBalance &year_of(const assess::ContributionsStatus &s, const std::string &code,
                                   int year) {
  for (const auto &b : s.states) {
    if (states()[b.state].code == code) {
      for (const auto &y : b.years) {
        if (y.year == year) {
          return y;
        }
      }
    }
  }
  FAIL("no such state-year");
  throw;
}

const std::string assessments =
    "kind: assessments\nyear: 2023\ncurrency: USD\nassessments:\n"
    "  - {state: FRA, amount: 100.00}\n  - {state: DEU, amount: 80.00}\n"
    "---\nkind: assessments\nyear: 2024\ncurrency: USD\nassessments:\n"
    "  - {state: FRA, amount: 100.00}\n  - {state: DEU, amount: 80.00}\n"
    "---\nkind: assessments\nyear: 2025\ncurrency: USD\nassessments:\n"
    "  - {state: FRA, amount: 120.00}\n  - {state: DEU, amount: 90.00}\n"
    "---\nkind: payments\ncurrency: USD\npayments:\n";

} // namespace

TEST_SUITE("assess::status") {
  TEST_CASE("assess::compute_status oldest assessment first") {
    const auto s = status_of(assessments + "  - {date: 2025-03-01, state: FRA, amount: 150.00}\n",
                             util::Date(2025, 8, 31));
    CHECK(year_of(s, "FRA", 2023).outstanding == 0);
    CHECK(year_of(s, "FRA", 2024).received == 5000);
    CHECK(year_of(s, "FRA", 2024).outstanding == 5000);
    CHECK(year_of(s, "FRA", 2025).outstanding == 12000);
    CHECK(s.closed_outstanding == 5000 + 16000);
  }

  TEST_CASE("assess::compute_status a named year is credited to that year first") {
    const auto s =
        status_of(assessments + "  - {date: 2025-03-01, state: FRA, amount: 150.00, year: 2025}\n",
                  util::Date(2025, 8, 31));
    CHECK(year_of(s, "FRA", 2025).received == 12000);
    // The 30.00 beyond 2025 goes to the oldest year.
    CHECK(year_of(s, "FRA", 2023).received == 3000);
    CHECK(year_of(s, "FRA", 2024).received == 0);
  }

  TEST_CASE("assess::compute_status partial payments, the current year and the rate") {
    const auto s =
        status_of(assessments + "  - {date: 2023-06-01, state: FRA, amount: 100.00, year: 2023}\n"
                                "  - {date: 2024-06-01, state: FRA, amount: 100.00, year: 2024}\n"
                                "  - {date: 2025-06-01, state: FRA, amount: 60.00, year: 2025}\n",
                  util::Date(2025, 8, 31));
    CHECK(s.assessed == 21000);
    CHECK(s.received == 6000);
    CHECK(s.outstanding == 15000);
    const auto out = assess::status_output(s, states(), fixtures::lang("en"));
    CHECK(out.documents[0].at("current_year").at("collection_rate").text() == "28.6");
  }

  TEST_CASE("assess::compute_status carries a credit forward") {
    const auto s = status_of(assessments + "  - {date: 2025-01-10, state: DEU, amount: 300.00}\n",
                             util::Date(2025, 8, 31));
    CHECK(year_of(s, "DEU", 2025).outstanding == 0);
    CHECK(s.credits == 5000);
  }

  TEST_CASE("assess::compute_status holds an advance for a future year as a credit") {
    // Paid in 2025 for 2026: it must not settle FRA's arrears of 2023 and 2024.
    const auto s =
        status_of(assessments + "  - {date: 2025-08-01, state: FRA, amount: 120.00, year: 2026}\n",
                  util::Date(2025, 8, 31));
    CHECK(year_of(s, "FRA", 2023).received == 0);
    CHECK(s.credits == 12000);
    CHECK(s.closed_outstanding == 36000);
  }

  TEST_CASE("assess::compute_status keeps the advance of a state not yet assessed") {
    // A new party pays ahead for 2026 before any assessment of it exists.
    const auto s =
        status_of(assessments + "  - {date: 2025-08-01, state: VUT, amount: 50.00, year: 2026}\n",
                  util::Date(2025, 8, 31));
    CHECK(s.credits == 5000);
  }

  TEST_CASE("assess::compute_status a refund naming no year takes back a year named") {
    // The tester's finding: the refund was charged to the oldest year, which then owed 200.00.
    const auto s =
        status_of(assessments + "  - {date: 2025-02-01, state: FRA, amount: 120.00, year: 2025}\n"
                                "  - {date: 2025-03-01, state: FRA, amount: -120.00}\n",
                  util::Date(2025, 8, 31));
    for (int year : {2023, 2024, 2025}) {
      CHECK(year_of(s, "FRA", year).received == 0);
      CHECK(year_of(s, "FRA", year).outstanding == year_of(s, "FRA", year).assessed);
    }
    CHECK(s.received == 0);
    CHECK(s.closed_outstanding == 20000 + 16000);
  }

  TEST_CASE("assess::compute_status a refund naming no year cancels credit first") {
    // An advance is taken back last: a refund naming no year takes 2023's receipts first, one
    // naming the advance's year takes the advance.
    const std::string paid = "  - {date: 2025-02-01, state: FRA, amount: 100.00}\n"
                             "  - {date: 2025-02-01, state: FRA, amount: 50.00, year: 2026}\n";
    const auto advance =
        status_of(assessments + paid + "  - {date: 2025-03-01, state: FRA, amount: -50.00}\n",
                  util::Date(2025, 8, 31));
    CHECK(year_of(advance, "FRA", 2023).received == 5000);
    CHECK(advance.credits == 5000);
    const auto named = status_of(
        assessments + paid + "  - {date: 2025-03-01, state: FRA, amount: -50.00, year: 2026}\n",
        util::Date(2025, 8, 31));
    CHECK(year_of(named, "FRA", 2023).received == 10000);
    CHECK(named.credits == 0);
    // The second tester's case: a payment and its refund, then an advance paid later: the
    // advance stays held, as if the first two had not been made.
    const auto later =
        status_of(assessments + "  - {date: 2025-02-11, state: FRA, amount: 70.00}\n"
                                "  - {date: 2025-02-13, state: FRA, amount: -70.00}\n"
                                "  - {date: 2025-09-09, state: FRA, amount: 70.00, year: 2026}\n",
                  util::Date(2025, 12, 31));
    CHECK(later.credits == 7000);
    for (int year : {2023, 2024, 2025}) {
      CHECK(year_of(later, "FRA", year).received == 0);
    }
    // Money not applied, then the latest year's receipts: 350 paid, 30 held, 50 refunded.
    const auto latest =
        status_of(assessments + "  - {date: 2025-02-01, state: FRA, amount: 350.00}\n"
                                "  - {date: 2025-03-01, state: FRA, amount: -50.00}\n",
                  util::Date(2025, 8, 31));
    CHECK(latest.credits == 0);
    CHECK(year_of(latest, "FRA", 2025).received == 10000);
    CHECK(year_of(latest, "FRA", 2024).received == 10000);
  }

  TEST_CASE("assess::compute_status a refund naming a year takes back that year's receipts") {
    // Netted with the payments naming the year: the 30.00 beyond 2025 is what is refunded.
    const auto netted =
        status_of(assessments + "  - {date: 2025-02-01, state: FRA, amount: 150.00, year: 2025}\n"
                                "  - {date: 2025-03-01, state: FRA, amount: -30.00, year: 2025}\n",
                  util::Date(2025, 8, 31));
    CHECK(year_of(netted, "FRA", 2025).received == 12000);
    CHECK(year_of(netted, "FRA", 2023).received == 0);
    // Beyond the payments naming it: off the year's other receipts, never below zero.
    const auto other =
        status_of(assessments + "  - {date: 2025-02-01, state: FRA, amount: 320.00}\n"
                                "  - {date: 2025-03-01, state: FRA, amount: -50.00, year: 2024}\n",
                  util::Date(2025, 8, 31));
    CHECK(year_of(other, "FRA", 2024).received == 5000);
    CHECK(year_of(other, "FRA", 2025).received == 12000);
    // Beyond the year's receipts: the rest as a refund naming no year, the latest year first.
    const auto beyond =
        status_of(assessments + "  - {date: 2025-02-01, state: FRA, amount: 150.00}\n"
                                "  - {date: 2025-03-01, state: FRA, amount: -80.00, year: 2025}\n",
                  util::Date(2025, 8, 31));
    CHECK(year_of(beyond, "FRA", 2025).received == 0);
    CHECK(year_of(beyond, "FRA", 2024).received == 0);
    CHECK(year_of(beyond, "FRA", 2023).received == 7000);
    CHECK(year_of(beyond, "FRA", 2023).outstanding == 3000);
  }

  TEST_CASE("assess::compute_status ignores payments after the as-of date and future years") {
    const auto s = status_of(assessments + "  - {date: 2025-09-01, state: FRA, amount: 320.00}\n",
                             util::Date(2025, 8, 31));
    CHECK(s.received == 0);
    CHECK(s.closed_outstanding == 36000);
    const auto earlier = status_of(assessments + "  []\n", util::Date(2024, 12, 31)); // no payments
    CHECK(earlier.current_year == 2024);
    CHECK(earlier.assessed == 18000); // the 2025 assessments are not yet due
  }

  TEST_CASE("assess::compute_status Article 19: arrears of two full years") {
    const auto s =
        status_of(assessments + "  - {date: 2024-01-10, state: DEU, amount: 10.00, year: 2024}\n",
                  util::Date(2025, 8, 31));
    REQUIRE(s.states.size() == 2);
    for (const auto &b : s.states) {
      if (states()[b.state].code == "FRA") {
        CHECK(b.article_19); // owes 2023 and 2024 in full: 200 >= 100 + 100
      } else {
        CHECK_FALSE(b.article_19); // owes 150 < 80 + 80
      }
    }
  }

  TEST_CASE("assess::compute_status Article 19 with both preceding years in the ledger") {
    // 2023 and 2024 are covered: the test is made. FRA owes both in full (200 >= 100 + 100);
    // DEU paid 2023 and owes 2024 only (80 < 80 + 80).
    const auto s =
        status_of(assessments + "  - {date: 2023-05-10, state: DEU, amount: 80.00, year: 2023}\n",
                  util::Date(2025, 8, 31));
    CHECK(s.article_19_years_missing.empty());
    REQUIRE(s.states.size() == 2);
    CHECK_FALSE(s.states[0].article_19); // DEU
    CHECK(s.states[1].article_19);       // FRA
  }

  TEST_CASE("assess::compute_status Article 19 is not tested when a preceding year is missing") {
    // The ledger starts in 2024: 2023 is unknown, not a contribution of 0, so one year of
    // arrears (FRA owes 2024 only: 100 >= 100 + 0 if 2023 counted as 0) is no flag.
    const std::string two_years =
        "kind: assessments\nyear: 2024\ncurrency: USD\nassessments:\n"
        "  - {state: FRA, amount: 100.00}\n"
        "---\nkind: assessments\nyear: 2025\ncurrency: USD\nassessments:\n"
        "  - {state: FRA, amount: 120.00}\n"
        "---\nkind: payments\ncurrency: USD\npayments: []\n";
    const auto s = status_of(two_years, util::Date(2025, 8, 31));
    CHECK(s.article_19_years_missing == std::vector<int>{2023});
    REQUIRE(s.states.size() == 1);
    CHECK(s.states[0].closed_outstanding == 10000);
    CHECK_FALSE(s.states[0].article_19);
    // A year later the ledger holds both preceding years (2024, 2025): the test is made.
    const auto later = status_of(two_years, util::Date(2026, 3, 1));
    CHECK(later.article_19_years_missing.empty());
    CHECK(later.states[0].article_19); // 220 >= 100 + 120
  }

  TEST_CASE("assess::compute_status Article 19: a state assessed 0 in a covered year") {
    // ITA was not a party in 2023, which the ledger covers (FRA assessed): its 2023 contribution
    // is a real 0, so its 2024 arrears are two years' contributions (50 >= 0 + 50). Without the
    // 2023 document, the same arrears are no flag: 2023 is then unknown.
    const std::string later_years =
        "kind: assessments\nyear: 2024\ncurrency: USD\nassessments:\n"
        "  - {state: FRA, amount: 100.00}\n  - {state: ITA, amount: 50.00}\n"
        "---\nkind: assessments\nyear: 2025\ncurrency: USD\nassessments:\n"
        "  - {state: FRA, amount: 100.00}\n  - {state: ITA, amount: 60.00}\n"
        "---\nkind: payments\ncurrency: USD\npayments:\n"
        "  - {date: 2024-03-01, state: FRA, amount: 100.00, year: 2024}\n";
    const std::string year_2023 = "kind: assessments\nyear: 2023\ncurrency: USD\nassessments:\n"
                                  "  - {state: FRA, amount: 100.00}\n---\n";
    const auto s = status_of(year_2023 + later_years, util::Date(2025, 8, 31));
    CHECK(s.article_19_years_missing.empty());
    REQUIRE(s.states.size() == 2);
    CHECK_FALSE(s.states[0].article_19); // FRA owes 2023 only: 100 < 100 + 100
    CHECK(s.states[1].article_19);       // ITA
    const auto without_2023 = status_of(later_years, util::Date(2025, 8, 31));
    CHECK_FALSE(without_2023.states[1].article_19);
  }

  TEST_CASE("assess::compute_status the CCW 2025 example reproduces the ISU report") {
    const auto dir = std::string(ISUKIT_SOURCE_DATADIR) + "/examples/ccw-2025";
    const auto ledger = model::Ledger::read({dir}, states(), util::Date(2025, 8, 31));
    const auto s = assess::compute_status(ledger, states(), util::Date(2025, 8, 31));
    CHECK(util::Money(s.assessed, ledger.currency()).plain() == "1362200.20");
    CHECK(util::Money(s.outstanding, ledger.currency()).plain() == "117469.14");
    CHECK(util::Money(s.closed_outstanding, ledger.currency()).plain() == "169048.65");
    const auto out = assess::status_output(s, states(), fixtures::lang("en"));
    CHECK(out.documents[0].at("current_year").at("collection_rate").text() == "91.4");
    const auto fund =
        assess::fund_output(ledger, util::Date(2025, 8, 31), std::nullopt, fixtures::lang("en"));
    CHECK(fund.documents[0].at("balance").text() == "407504.00");
  }

  TEST_CASE("assess::aging_bucket counts years from the year assessed, three and older together") {
    CHECK(assess::aging_bucket(2026, 2026) == 0);
    CHECK(assess::aging_bucket(2025, 2026) == 1);
    CHECK(assess::aging_bucket(2024, 2026) == 2);
    CHECK(assess::aging_bucket(2023, 2026) == 3);
    CHECK(assess::aging_bucket(2010, 2026) == 3);
  }

  TEST_CASE("assess::compute_status ages what is outstanding, per state and in total") {
    // FRA pays 150.00: 2023 paid, 2024 half paid (50.00 left); DEU pays nothing.
    const auto s = status_of(assessments + "  - {date: 2025-03-01, state: FRA, amount: 150.00}\n",
                             util::Date(2026, 2, 1));
    const auto &fra = s.states.at(1); // ISO code order: DEU, FRA
    REQUIRE(states()[fra.state].code == "FRA");
    CHECK(fra.aging == assess::Aging{0, 12000, 5000, 0});
    CHECK(s.aging == assess::Aging{0, 12000 + 9000, 5000 + 8000, 8000});
  }
}

TEST_SUITE("assess::select_arrears") {
  // As of 2025-08-31: FRA owes 100 (2023), 100 (2024), 120 (2025); DEU owes 90 (2025) only.
  const std::string paid_deu = "  - {date: 2024-05-01, state: DEU, amount: 160.00}\n";

  TEST_CASE("assess::select_arrears keeps every state with a year outstanding") {
    const auto s = status_of(assessments + paid_deu, util::Date(2025, 8, 31));
    const auto all = assess::select_arrears(s, {});
    REQUIRE(all.size() == 2);
    CHECK(states()[all[0].balance->state].code == "DEU");
    CHECK(all[0].amount == 9000);
    CHECK(all[1].amount == 32000);
    CHECK(all[1].years.size() == 3);
  }

  TEST_CASE("assess::select_arrears --closed-only, --min-years and --min-amount") {
    const auto s = status_of(assessments + paid_deu, util::Date(2025, 8, 31));
    const auto closed = assess::select_arrears(s, {true, 1, 0});
    REQUIRE(closed.size() == 1); // DEU owes only the current year
    CHECK(closed[0].amount == 20000);
    CHECK(closed[0].aging[0] == 0);
    CHECK(assess::select_arrears(s, {false, 3, 0}).size() == 1);
    CHECK(assess::select_arrears(s, {false, 1, 9000}).size() == 2); // at least: 90.00 is kept
    CHECK(assess::select_arrears(s, {false, 1, 9001}).size() == 1);
    CHECK(assess::select_arrears(s, {true, 1, 20001}).empty()); // closed years only count
  }
}
