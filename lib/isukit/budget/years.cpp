#include <isukit/budget/years.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <string_view>

namespace isukit::budget {

YearRange parse_year_range(const std::string &text) {
  const auto digits_only = [](std::string_view digits) {
    return !digits.empty() && digits.size() <= 4 &&
           digits.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const auto dash = text.find('-');
  const std::string_view all(text);
  const std::string_view from = all.substr(0, dash);
  const std::string_view to = dash == std::string::npos ? from : all.substr(dash + 1);
  if (!digits_only(from) || !digits_only(to)) {
    throw util::Error(util::ExitCode::usage,
                      fmt::format("--years expects YEAR or FROM-TO, got '{}'", text));
  }
  if (from.size() != 4 || to.size() != 4) {
    // "2025-26" would be the years 2025 to 26: the range it stands for is offered instead.
    const std::string hint = from.size() == 4 ? fmt::format(" (did you mean {}-{}{}?)", from,
                                                            from.substr(0, 4 - to.size()), to)
                                              : "";
    throw util::Error(
        util::ExitCode::usage,
        fmt::format("--years {}: write each year in full, with four digits{}", text, hint));
  }
  return YearRange{std::stoi(std::string(from)), std::stoi(std::string(to))};
}

void require_within_period(const YearRange &years, const std::string &text,
                           const model::Budget &budget) {
  if (years.first > years.last) {
    throw util::Error(util::ExitCode::usage,
                      fmt::format("--years {} is a reversed range (did you mean {}-{}?)", text,
                                  years.last, years.first));
  }
  if (years.first < budget.first_year || years.last > budget.last_year) {
    throw util::Error(util::ExitCode::usage,
                      fmt::format("--years {} is outside the budget's period {}-{}", text,
                                  budget.first_year, budget.last_year));
  }
}

} // namespace isukit::budget
