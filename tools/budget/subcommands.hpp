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

/// The budgets in the inputs; none at all is a data error.
std::vector<isukit::model::Budget> read_budgets(const std::vector<std::string> &inputs);
/// The documents each budget's figures were taken from, for the output's sources.
std::vector<isukit::io::Source> sources_of(const std::vector<isukit::model::Budget> &budgets);

} // namespace budget_tool
