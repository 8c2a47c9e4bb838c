// The assess tool's subcommands: each registers its options and returns its runner.
#pragma once

#include <isukit/cli/tool.hpp>

namespace assess_tool {

isukit::cli::Runner setup_scale(CLI::App& app);
isukit::cli::Runner setup_apportion(CLI::App& app);
isukit::cli::Runner setup_invoices(CLI::App& app);
isukit::cli::Runner setup_status(CLI::App& app);
isukit::cli::Runner setup_arrears(CLI::App& app);
isukit::cli::Runner setup_fund(CLI::App& app);

/// The assessment year: --year, else the year of --as-of, else this year.
int resolve_year(int year, const std::string& as_of);

} // namespace assess_tool
