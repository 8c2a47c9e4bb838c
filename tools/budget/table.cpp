// budget table: the budget as the table of an official document.
#include "subcommands.hpp"

#include <isukit/budget/tables.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

namespace budget_tool {

using namespace isukit;

namespace {

/// "2025-2026" or "2025", within the budget's period.
budget::YearRange parse_years(const std::string& text, const model::Budget& budget) {
  int first = 0;
  int last = 0;
  char dash = 0;
  const int fields = std::sscanf(text.c_str(), "%d%c%d", &first, &dash, &last);
  if (fields == 1) {
    last = first;
  } else if (fields != 3 || dash != '-') {
    throw util::Error(util::ExitCode::usage, fmt::format("--years expects YEAR or FROM-TO, got '{}'", text));
  }
  if (first > last || first < budget.first_year || last > budget.last_year) {
    throw util::Error(util::ExitCode::usage, fmt::format("--years {} is outside the budget's period {}-{}",
                                                         text, budget.first_year, budget.last_year));
  }
  return {first, last};
}

} // namespace

void add_options(CLI::App& app, Options& options) {
  cli::add_output_options(app, options.output);
  cli::add_inputs(app, options.inputs, "Budget files");
}

std::vector<model::Budget> read_budgets(const std::vector<std::string>& inputs) {
  std::vector<model::Budget> budgets;
  for (const auto& document : model::read_documents(inputs, {"budget"})) {
    budgets.push_back(model::Budget::from_document(document.root));
  }
  return budgets;
}

std::vector<io::Source> sources_of(const std::vector<model::Budget>& budgets) {
  std::vector<io::Source> sources;
  for (const auto& budget : budgets) {
    sources.push_back(budget.source);
  }
  return sources;
}

cli::Runner setup_table(CLI::App& app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  app.add_option("--years", options->years, "Restrict the columns to YEAR or FROM-TO");
  return [options] {
    const auto out = cli::output_config(options->output, {});
    io::Output output;
    const auto budgets = read_budgets(options->inputs);
    for (const auto& budget : budgets) {
      const auto evaluation = budget::Evaluation::of(budget);
      std::optional<budget::YearRange> years;
      if (!options->years.empty()) {
        years = parse_years(options->years, budget);
      }
      output.append(budget::budget_table(evaluation, out.lang, years));
    }
    cli::emit(output, out, sources_of(budgets));
    return 0;
  };
}

} // namespace budget_tool
