// The report-status tool's subcommands: each registers its options and returns its runner.
#pragma once

#include <isukit/cli/tool.hpp>
#include <isukit/reports/status.hpp>

namespace report_status_tool {

isukit::cli::Runner setup_obligations(CLI::App &app);
isukit::cli::Runner setup_status(CLI::App &app);
isukit::cli::Runner setup_overdue(CLI::App &app);
isukit::cli::Runner setup_deadlines(CLI::App &app);
isukit::cli::Runner setup_remind(CLI::App &app);
isukit::cli::Runner setup_parties(CLI::App &app);
isukit::cli::Runner setup_outreach(CLI::App &app);

/// The options every subcommand shares: the treaty, the date, how many annual cycles.
struct Options {
  isukit::cli::OutputOptions output;
  isukit::cli::DataOptions data;
  std::string as_of;
  std::optional<int> cycles; // every due date back to the first report owed when absent
  bool with_reports = false; // the subcommand reads reports (inputs), and needs some
  std::vector<std::string> inputs;
};
void add_options(CLI::App &app, Options &options, bool with_reports);
/// The same without the output options (-f, -o, --lang...): for the letter commands.
void add_tracking_options(CLI::App &app, Options &options, bool with_reports);

/// The treaty, the obligations as of the date, and the reports matched against them.
struct Tracking {
  isukit::cli::OutputConfig output;
  isukit::cli::TreatyContext context;
  isukit::util::Date as_of;
  std::vector<isukit::reports::Obligation> obligations;
  std::vector<isukit::model::ReportReceived> reports;
  std::vector<isukit::reports::Tracked> tracked;
};
Tracking load_tracking(const Options &options);

} // namespace report_status_tool
