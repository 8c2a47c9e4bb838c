// budget table: the budget as the table of an official document.
#include <isukit/budget/tables.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include "subcommands.hpp"

namespace budget_tool {

using namespace isukit;

namespace {

/// --years: "2025-2026" or "2025"; anything else is a usage error (64). A year is written in
/// full: "2025-26" would be the years 2025 to 26, so a shortened year is refused with the range
/// it stands for.
budget::YearRange parse_years(const std::string &text) {
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
    const std::string hint = from.size() == 4 ? fmt::format(" (did you mean {}-{}{}?)", from,
                                                            from.substr(0, 4 - to.size()), to)
                                              : "";
    throw util::Error(
        util::ExitCode::usage,
        fmt::format("--years {}: write each year in full, with four digits{}", text, hint));
  }
  return budget::YearRange{std::stoi(std::string(from)), std::stoi(std::string(to))};
}

/// The years asked for, first to last, within the budget's period; else a usage error (64): a
/// reversed range says so, one outside the period names both.
void require_within(const budget::YearRange &years, const std::string &text,
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

} // namespace

void add_options(CLI::App &app, Options &options) {
  cli::add_output_options(app, options.output);
  cli::add_inputs(app, options.inputs, "Budget files");
}

std::vector<model::Budget> read_budgets(const std::vector<std::string> &inputs) {
  std::vector<model::Budget> budgets;
  for (const auto &document : model::read_documents(inputs, {"budget"})) {
    budgets.push_back(model::Budget::from_document(document.root));
  }
  return budgets;
}

std::vector<io::Source> sources_of(const std::vector<model::Budget> &budgets) {
  std::vector<io::Source> sources;
  sources.reserve(budgets.size());
  for (const auto &budget : budgets) {
    sources.push_back(budget.source);
  }
  return sources;
}

cli::Runner setup_table(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  app.add_option("--years", options->years, "Restrict the columns to YEAR or FROM-TO");
  return [options] {
    const auto out = cli::output_config(options->output, {});
    std::optional<budget::YearRange> years;
    if (!options->years.empty()) {
      years = parse_years(options->years);
    }
    io::Output output;
    const auto budgets = read_budgets(options->inputs);
    for (const auto &budget : budgets) {
      if (years) {
        require_within(*years, options->years, budget);
      }
      output.append(budget::budget_table(budget::Evaluation::of(budget), out.lang, years));
    }
    cli::emit(output, out, sources_of(budgets));
    return 0;
  };
}

} // namespace budget_tool
