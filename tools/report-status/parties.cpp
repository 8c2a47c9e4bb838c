// report-status parties and outreach: who is party to what on a date, and letters to those
// who are not.
#include <isukit/reports/parties.hpp>

#include <fmt/format.h>

#include <iostream>
#include <map>

#include "subcommands.hpp"

namespace report_status_tool {

using namespace isukit;

namespace {

/// What both subcommands ask about: the treaty, the date, the instruments.
struct AdherenceOptions {
  cli::DataOptions data;
  std::string as_of;
  std::vector<std::string> instruments;
};

void add_adherence_options(CLI::App &app, AdherenceOptions &options) {
  cli::add_data_options(app, options.data, true);
  cli::add_as_of_option(app, options.as_of);
  app.add_option("--instrument", options.instruments,
                 "An instrument id of the treaty file (repeatable)");
}

/// --status: the words party, signatory, non-party, all; nullopt for another.
std::optional<reports::AdherenceFilter> parse_adherence_filter(std::string_view text) {
  static const std::map<std::string_view, reports::AdherenceFilter> words = {
      {"party", reports::AdherenceFilter::party},
      {"signatory", reports::AdherenceFilter::signatory},
      {"non-party", reports::AdherenceFilter::non_party},
      {"all", reports::AdherenceFilter::all}};
  const auto found = words.find(text);
  return found == words.end() ? std::nullopt : std::optional(found->second);
}

} // namespace

cli::Runner setup_parties(CLI::App &app) {
  struct PartiesOptions : AdherenceOptions {
    cli::OutputOptions output;
    std::string status = "all";
  };
  auto options = std::make_shared<PartiesOptions>();
  cli::add_output_options(app, options->output);
  add_adherence_options(app, *options);
  app.add_option("--status", options->status,
                 "Which states to list: party, signatory, non-party, all (default)");
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const auto filter = parse_adherence_filter(options->status);
    if (!filter) {
      throw util::Error(util::ExitCode::usage,
                        fmt::format("--status expects party, signatory, non-party or all, got '{}'",
                                    options->status));
    }
    const auto as_of = cli::parse_as_of(options->as_of);
    const auto context = cli::load_treaty_context(options->data);
    const auto &states = context.reference.states;
    const auto instruments = reports::select_instruments(context.treaty, options->instruments);
    cli::emit(
        reports::parties_output(reports::adherence_on(context.treaty, states, instruments, as_of),
                                context.treaty, states, as_of, *filter, out.lang),
        out, context.sources());
    return 0;
  };
}

cli::Runner setup_outreach(CLI::App &app) {
  struct OutreachOptions : AdherenceOptions {
    cli::LetterOptions letters;
  };
  auto options = std::make_shared<OutreachOptions>();
  cli::add_letter_options(app, options->letters, "outreach");
  add_adherence_options(app, *options);
  app.get_option("--instrument")->required();
  return [options] {
    const auto as_of = cli::parse_as_of(options->as_of);
    const auto context = cli::load_treaty_context(options->data);
    const auto named = reports::select_instruments(context.treaty, options->instruments);
    const auto kit = cli::letter_kit(options->letters, options->data, context.reference,
                                     context.treaty, "outreach");
    cli::write_letter_batch(
        "report-status", kit,
        reports::outreach_letters(context.treaty, context.reference.states, named, kit, as_of),
        options->letters, "outreach letter", context.treaty.id());
    return 0;
  };
}

} // namespace report_status_tool
