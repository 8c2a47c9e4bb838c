// budget compare: estimated against actual costs, by line and year.
#include <isukit/budget/tables.hpp>

#include <fmt/format.h>

#include "subcommands.hpp"

namespace budget_tool {

using namespace isukit;

namespace {

model::Budget read_one(const std::string &path, model::Budget::Status expected) {
  auto budgets = model::read_budgets({path});
  if (budgets.size() != 1) {
    throw util::Error(util::ExitCode::data, util::Position{path, 0, 0},
                      fmt::format("expected one budget, found {}", budgets.size()));
  }
  if (budgets.front().status != expected) {
    util::fail_data(budgets.front().mark.position(), expected == model::Budget::Status::actual
                                                         ? "expected actual costs (status: actual)"
                                                         : "expected estimates (status: estimate)");
  }
  return std::move(budgets.front());
}

} // namespace

cli::Runner setup_compare(CLI::App &app) {
  struct Options {
    cli::OutputOptions output;
    std::string estimates;
    std::string actuals;
  };
  auto options = std::make_shared<Options>();
  cli::add_output_options(app, options->output);
  cli::file_option(app.add_option("estimates", options->estimates, "The budget of estimates"))
      ->required();
  cli::file_option(
      app.add_option("actuals", options->actuals, "The actual costs: a budget with status: actual"))
      ->required();
  return [options] {
    const auto out = cli::output_config(options->output, {});
    const auto estimates = read_one(options->estimates, model::Budget::Status::estimate);
    const auto actuals = read_one(options->actuals, model::Budget::Status::actual);
    cli::emit(budget::compare_budgets(budget::Evaluation::of(estimates),
                                      budget::Evaluation::of(actuals), out.lang),
              out, {estimates.source, actuals.source});
    return 0;
  };
}

} // namespace budget_tool
