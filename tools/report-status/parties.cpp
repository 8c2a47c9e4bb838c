// report-status parties and outreach: who is party to what on a date, and letters to those
// who are not.
#include "subcommands.hpp"

#include <isukit/reports/parties.hpp>

#include <fmt/format.h>

#include <iostream>

namespace report_status_tool {

using namespace isukit;

namespace {

struct AdherenceOptions {
  cli::OutputOptions output;
  cli::DataOptions data;
  std::string as_of;
  std::vector<std::string> instruments;
};

void add_adherence_options(CLI::App& app, AdherenceOptions& options) {
  cli::add_output_options(app, options.output);
  cli::add_data_options(app, options.data, true);
  cli::add_as_of_option(app, options.as_of);
  app.add_option("--instrument", options.instruments, "An instrument id of the treaty file (repeatable)");
}

} // namespace

cli::Runner setup_parties(CLI::App& app) {
  struct PartiesOptions : AdherenceOptions {
    std::string status = "all";
  };
  auto options = std::make_shared<PartiesOptions>();
  add_adherence_options(app, *options);
  app.add_option("--status", options->status, "Which states to list: party, signatory, non-party, all (default)");
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const auto filter = reports::parse_adherence_filter(options->status);
    if (!filter) {
      throw util::Error(util::ExitCode::usage, fmt::format("--status expects party, signatory, non-party or all, got '{}'",
                                                           options->status));
    }
    const auto as_of = cli::parse_as_of(options->as_of);
    const auto context = cli::load_treaty_context(options->data);
    const auto& states = context.reference.states;
    const auto instruments = reports::select_instruments(context.treaty, options->instruments);
    cli::emit(reports::parties_output(reports::adherence_on(context.treaty, states, instruments, as_of), context.treaty,
                                      states, as_of, *filter, out.lang),
              out);
    return 0;
  };
}

cli::Runner setup_outreach(CLI::App& app) {
  struct OutreachOptions : AdherenceOptions {
    std::string template_file;
  };
  auto options = std::make_shared<OutreachOptions>();
  add_adherence_options(app, *options);
  app.get_option("--instrument")->required();
  app.get_option("--output")->required()->description("The directory to write the letters into");
  app.add_option("--template", options->template_file,
                 "A Mustache template instead of DATA/templates/outreach.LANG.md.mustache");
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const auto& lang = out.lang;
    const auto as_of = cli::parse_as_of(options->as_of);
    const auto context = cli::load_treaty_context(options->data);
    const auto named = reports::select_instruments(context.treaty, options->instruments);
    const auto letter = cli::load_letter_template(options->data, "outreach", lang, options->template_file);
    const auto letters = reports::outreach_letters(context.treaty, context.reference.states, named, letter, as_of, lang);
    io::write_letters(out.path, letters);
    std::cerr << fmt::format("report-status: wrote {} outreach letters to {}\n", letters.size(), options->output.output);
    return 0;
  };
}

} // namespace report_status_tool
