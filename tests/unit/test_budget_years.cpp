#include <isukit/budget/years.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace isukit;

namespace {

/// The usage error (64) that parse_year_range or require_within_period gives, or empty.
template <typename Call> std::string usage_error(Call call) {
  try {
    call();
  } catch (const util::Error &e) {
    CHECK(e.code() == util::ExitCode::usage);
    return e.message();
  }
  return "";
}

std::string parse_error(const std::string &text) {
  return usage_error([&] { budget::parse_year_range(text); });
}

/// The error of --years `text` for a budget of 2025-2027.
std::string period_error(const std::string &text) {
  model::Budget budget;
  budget.first_year = 2025;
  budget.last_year = 2027;
  return usage_error(
      [&] { budget::require_within_period(budget::parse_year_range(text), text, budget); });
}

} // namespace

TEST_SUITE("budget::years") {
  TEST_CASE("budget::parse_year_range: one year, or first to last") {
    const auto one = budget::parse_year_range("2026");
    CHECK(one.first == 2026);
    CHECK(one.last == 2026);
    const auto two = budget::parse_year_range("2025-2027");
    CHECK(two.first == 2025);
    CHECK(two.last == 2027);
    CHECK(period_error("2025-2027").empty());
    CHECK(period_error("2026").empty());
  }

  TEST_CASE("budget::parse_year_range: anything else is a usage error naming what was written") {
    CHECK(parse_error("2025/26") == "--years expects YEAR or FROM-TO, got '2025/26'");
    CHECK(parse_error("") == "--years expects YEAR or FROM-TO, got ''");
    CHECK(parse_error("2025-") == "--years expects YEAR or FROM-TO, got '2025-'");
    CHECK(parse_error("20255") == "--years expects YEAR or FROM-TO, got '20255'");
    CHECK(parse_error("2025-26") ==
          "--years 2025-26: write each year in full, with four digits (did you mean 2025-2026?)");
    CHECK(parse_error("25-26") == "--years 25-26: write each year in full, with four digits");
  }

  TEST_CASE("budget::require_within_period: a reversed range, or one outside the period") {
    CHECK(period_error("2027-2025") == "--years 2027-2025 is a reversed range (did you mean "
                                       "2025-2027?)");
    CHECK(period_error("2024-2026") ==
          "--years 2024-2026 is outside the budget's period 2025-2027");
    CHECK(period_error("2028") == "--years 2028 is outside the budget's period 2025-2027");
  }
}
