// budget table: the budget as the table of an official document.
#include <isukit/budget/tables.hpp>
#include <isukit/budget/years.hpp>

#include "subcommands.hpp"

namespace budget_tool {

using namespace isukit;

void add_options(CLI::App &app, Options &options) {
  cli::add_output_options(app, options.output);
  cli::add_inputs(app, options.inputs, "Budget files");
}

cli::Runner setup_table(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  app.add_option("--years", options->years, "Restrict the columns to YEAR or FROM-TO");
  return [options] {
    const auto out = cli::output_config(options->output, {});
    std::optional<budget::YearRange> years;
    if (!options->years.empty()) {
      years = budget::parse_year_range(options->years);
    }
    io::Output output;
    const auto budgets = model::read_budgets(options->inputs);
    for (const auto &budget : budgets) {
      if (years) {
        budget::require_within_period(*years, options->years, budget);
      }
      output.append(budget::budget_table(budget::Evaluation::of(budget), out.lang, years));
    }
    cli::emit(output, out, model::sources_of(budgets));
    return 0;
  };
}

} // namespace budget_tool
