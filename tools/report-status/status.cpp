// report-status obligations, status and overdue: reports owed against reports received.
#include "subcommands.hpp"

namespace report_status_tool {

using namespace isukit;

void add_options(CLI::App& app, Options& options, bool with_reports) {
  cli::add_output_options(app, options.output);
  cli::add_data_options(app, options.data, true);
  cli::add_as_of_option(app, options.as_of);
  app.add_option("--cycles", options.cycles, "Annual reports of the N latest due dates (default 1)")
      ->check(CLI::Range(1, 50));
  if (with_reports) {
    cli::add_inputs(app, options.inputs, "Reports files");
  }
}

Tracking load_tracking(const Options& options) {
  cli::parse_lang_option(options.output.lang);
  cli::parse_format_option(options.output.format);
  Tracking t{cli::load_treaty_context(options.data), cli::parse_as_of(options.as_of), {}, {}, {}};
  t.obligations = reports::compute_obligations(t.context.treaty, t.context.reference.states, t.as_of, options.cycles);
  if (!options.inputs.empty()) {
    t.reports = model::read_reports(options.inputs, t.context.treaty, t.context.reference.states);
  }
  t.tracked = reports::track(t.obligations, t.reports, t.as_of);
  return t;
}

cli::Runner setup_obligations(CLI::App& app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, false);
  return [options] {
    const auto t = load_tracking(*options);
    cli::emit(reports::obligations_output(t.obligations, t.context.treaty, t.context.reference.states, t.as_of,
                                          cli::parse_lang_option(options->output.lang)),
              options->output);
    return 0;
  };
}

cli::Runner setup_status(CLI::App& app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, true);
  return [options] {
    const auto t = load_tracking(*options);
    cli::emit(reports::status_output(t.tracked, t.context.treaty, t.context.reference.states, t.as_of,
                                     cli::parse_lang_option(options->output.lang)),
              options->output);
    return 0;
  };
}

cli::Runner setup_overdue(CLI::App& app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, true);
  return [options] {
    const auto t = load_tracking(*options);
    const auto result = reports::overdue_output(t.tracked, t.context.treaty, t.context.reference.states, t.as_of,
                                                cli::parse_lang_option(options->output.lang));
    cli::emit(result.output, options->output);
    return static_cast<int>(result.overdue ? util::ExitCode::found : util::ExitCode::ok);
  };
}

} // namespace report_status_tool
