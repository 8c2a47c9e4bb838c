// report-status obligations, status and overdue: reports owed against reports received.
#include "subcommands.hpp"

namespace report_status_tool {

using namespace isukit;

void add_options(CLI::App &app, Options &options, bool with_reports) {
  cli::add_output_options(app, options.output);
  add_tracking_options(app, options, with_reports);
}

void add_tracking_options(CLI::App &app, Options &options, bool with_reports) {
  cli::add_data_options(app, options.data, false);
  cli::add_as_of_option(app, options.as_of);
  app.add_option(
         "--cycles", options.cycles,
         "Only the annual reports of the N latest due dates (default: all back to the first owed)")
      ->check(cli::a_whole_number(1, 50));
  options.with_reports = with_reports;
  if (with_reports) {
    cli::add_inputs(app, options.inputs, "Reports files");
  }
}

Tracking load_tracking(const Options &options) {
  auto output = cli::output_config(options.output, options.data);
  const auto as_of = cli::parse_as_of(options.as_of);
  // Subcommands without inputs (obligations) track no reports; the others need some.
  const auto documents = options.with_reports ? model::read_reports_documents(options.inputs)
                                              : std::vector<io::Document>{};
  cli::DataOptions data = options.data;
  if (data.treaty.empty()) {
    data.treaty =
        model::named_treaty(documents); // still empty: resolve_treaty_file asks for --treaty
  }
  Tracking t{std::move(output), cli::load_treaty_context(data), as_of, {}, {}, {}};
  const auto &states = t.context.reference.states;
  t.reports = model::parse_reports(documents, t.context.treaty, states);
  reports::check_owed(t.reports, t.context.treaty, states);
  t.obligations =
      reports::compute_obligations(t.context.treaty, states, t.as_of, options.cycles, t.reports);
  t.tracked = reports::track(t.obligations, t.reports, t.as_of);
  return t;
}

cli::Runner setup_obligations(CLI::App &app) {
  struct ObligationOptions : Options {
    bool upcoming = false;
  };
  auto options = std::make_shared<ObligationOptions>();
  add_options(app, *options, false);
  app.add_flag("--upcoming", options->upcoming,
               "Instead, the next report each party owes under each obligation, due after --as-of");
  return [options] {
    const auto t = load_tracking(*options);
    cli::emit(reports::obligations_output(t.obligations, t.context.treaty,
                                          t.context.reference.states, t.as_of, options->upcoming,
                                          t.output.lang),
              t.output, t.context.sources());
    return 0;
  };
}

cli::Runner setup_status(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, true);
  return [options] {
    const auto t = load_tracking(*options);
    cli::emit(reports::status_output(t.tracked, t.context.treaty, t.context.reference.states,
                                     t.as_of, t.output.lang),
              t.output, t.context.sources());
    return 0;
  };
}

cli::Runner setup_overdue(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options, true);
  return [options] {
    const auto t = load_tracking(*options);
    const auto result = reports::overdue_output(t.tracked, t.context.treaty,
                                                t.context.reference.states, t.as_of, t.output.lang);
    cli::emit(result.output, t.output, t.context.sources());
    return static_cast<int>(result.overdue ? util::ExitCode::found : util::ExitCode::ok);
  };
}

} // namespace report_status_tool
