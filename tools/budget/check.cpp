// budget check: every rule and total against the stated figures; exit 1 on a deviation.
#include <isukit/budget/tables.hpp>

#include "subcommands.hpp"

namespace budget_tool {

using namespace isukit;

cli::Runner setup_check(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  return [options] {
    const auto out = cli::output_config(options->output, {});
    const auto budgets = model::read_budgets(options->inputs);
    std::vector<budget::Evaluation> evaluations;
    evaluations.reserve(budgets.size());
    for (const auto &b : budgets) {
      evaluations.push_back(budget::Evaluation::of(b));
    }
    const auto result = budget::check_budgets(evaluations, out.lang);
    cli::emit(result.output, out, model::sources_of(budgets));
    return static_cast<int>(result.deviations ? util::ExitCode::found : util::ExitCode::ok);
  };
}

} // namespace budget_tool
