// budget totals: the totals per year and for the period, as assess apportion reads them.
#include <isukit/budget/tables.hpp>

#include "subcommands.hpp"

namespace budget_tool {

using namespace isukit;

cli::Runner setup_totals(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  return [options] {
    const auto out = cli::output_config(options->output, {});
    io::Output output;
    const auto budgets = model::read_budgets(options->inputs);
    for (const auto &b : budgets) {
      output.append(budget::budget_totals(budget::Evaluation::of(b), out.lang));
    }
    cli::emit(output, out, model::sources_of(budgets));
    return 0;
  };
}

} // namespace budget_tool
