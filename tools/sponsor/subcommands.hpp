// The sponsor tool's subcommands: each registers its options and returns its runner.
#pragma once

#include <isukit/cli/tool.hpp>
#include <isukit/sponsor/selection.hpp>

namespace sponsor_tool {

isukit::cli::Runner setup_check(CLI::App &app);
isukit::cli::Runner setup_select(CLI::App &app);
isukit::cli::Runner setup_report(CLI::App &app);
isukit::cli::Runner setup_letters(CLI::App &app);

struct Options {
  isukit::cli::OutputOptions output;
  isukit::cli::DataOptions data;
  std::vector<std::string> inputs;
};
void add_options(CLI::App &app, Options &options, const std::string &what);

/// The programme, its treaty and the applications in the inputs.
struct Loaded {
  isukit::cli::OutputConfig output;
  isukit::cli::TreatyContext context;
  isukit::model::Programme programme;
  std::vector<isukit::model::Application> applications;
};
Loaded load(const Options &options);

/// The one `selection` document of the inputs, as read: sponsor::check_selection checks it
/// against the states (which the letters load after reading the selection's treaty).
isukit::io::Node read_selection(const std::vector<std::string> &inputs);

} // namespace sponsor_tool
