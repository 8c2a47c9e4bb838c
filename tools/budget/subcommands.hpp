// The budget tool's subcommands: each registers its options and returns its runner.
#pragma once

#include <isukit/cli/tool.hpp>
#include <isukit/model/budget.hpp>

namespace budget_tool {

isukit::cli::Runner setup_table(CLI::App &app);
isukit::cli::Runner setup_check(CLI::App &app);
isukit::cli::Runner setup_totals(CLI::App &app);
isukit::cli::Runner setup_compare(CLI::App &app);

/// The options of the subcommands that read budgets: the output and the input files.
struct Options {
  isukit::cli::OutputOptions output;
  std::string years; // table only
  std::vector<std::string> inputs;
};
void add_options(CLI::App &app, Options &options);

} // namespace budget_tool
