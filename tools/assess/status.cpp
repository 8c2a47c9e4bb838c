// assess status: who has paid what, as of a date.
#include "subcommands.hpp"

#include <isukit/model/documents.hpp>

#include <fmt/format.h>

namespace assess_tool {

using namespace isukit;

void add_ledger_options(CLI::App& app, LedgerOptions& options) {
  cli::add_output_options(app, options.output);
  cli::add_data_options(app, options.data, false);
  cli::add_as_of_option(app, options.as_of);
  cli::add_inputs(app, options.inputs, "Assessments, payments (YAML or CSV) and fund files");
}

namespace {

/// Each state an assessments document assesses is a paying party of its treaty (the document's,
/// else --treaty's) in its year; a document that names no treaty, without --treaty, is not checked.
void require_paying_parties(const model::AssessmentDocument& document, const model::Reference& reference,
                            cli::DataOptions data) {
  if (!document.treaty.empty()) {
    data.treaty = document.treaty;
  }
  if (data.treaty.empty()) {
    return;
  }
  const auto treaty = reference.load_treaty(cli::resolve_treaty_file(data));
  for (const auto& [state, mark] : document.states) {
    treaty.require_paying_party(state, document.year, mark, reference.states);
  }
}

} // namespace

LoadedLedger load_ledger(const LedgerOptions& options, std::initializer_list<std::string_view> needs,
                         bool keep_payments) {
  auto output = cli::output_config(options.output, options.data);
  const util::Date as_of = cli::parse_as_of(options.as_of);
  model::Reference reference = model::Reference::load(cli::resolve_data_dir(options.data));
  model::Ledger ledger = model::Ledger::read(options.inputs, reference.states, as_of, keep_payments);
  model::require_kinds(ledger.inputs_read(), needs, model::Need::each);
  for (const auto& document : ledger.assessment_documents()) {
    if (!options.data.treaty.empty() && !document.treaty.empty() && document.treaty != options.data.treaty) {
      const auto treaty = reference.load_treaty(cli::resolve_treaty_file(options.data));
      if (document.treaty != treaty.id()) {
        util::fail_data(document.mark.position(), fmt::format("these are assessments of '{}', not of '{}'",
                                                              document.treaty, treaty.id()));
      }
    }
    require_paying_parties(document, reference, options.data);
  }
  return LoadedLedger{std::move(output), std::move(reference), std::move(ledger), as_of};
}

cli::Runner setup_status(CLI::App& app) {
  auto options = std::make_shared<LedgerOptions>();
  add_ledger_options(app, *options);
  return [options] {
    const auto loaded = load_ledger(*options, {"assessments", "payments"});
    const auto status = assess::compute_status(loaded.ledger, loaded.reference.states, loaded.as_of);
    cli::emit(assess::status_output(status, loaded.reference.states, loaded.output.lang), loaded.output);
    return 0;
  };
}

cli::Runner setup_arrears(CLI::App& app) {
  struct Options : LedgerOptions {
    assess::ArrearsOptions arrears;
  };
  auto options = std::make_shared<Options>();
  add_ledger_options(app, *options);
  app.add_flag("--closed-only", options->arrears.closed_only, "Only the years before the current one");
  app.add_option("--min-years", options->arrears.min_years, "Only states with at least N years outstanding")
      ->check(CLI::PositiveNumber);
  return [options] {
    const auto loaded = load_ledger(*options, {"assessments", "payments"});
    const auto status = assess::compute_status(loaded.ledger, loaded.reference.states, loaded.as_of);
    const auto result = assess::arrears_output(status, loaded.reference.states, options->arrears, loaded.output.lang);
    cli::emit(result.output, loaded.output);
    return static_cast<int>(result.states_in_arrears ? util::ExitCode::found : util::ExitCode::ok);
  };
}

cli::Runner setup_statement(CLI::App& app) {
  struct Options : LedgerOptions {
    std::vector<std::string> codes;
  };
  auto options = std::make_shared<Options>();
  add_ledger_options(app, *options);
  app.add_option("--state", options->codes, "Only this state (ISO code; repeatable)")->allow_extra_args(false);
  return [options] {
    const auto loaded = load_ledger(*options, {"assessments", "payments"}, true);
    std::vector<model::StateId> selection;
    for (const auto& code : options->codes) {
      const auto id = loaded.reference.states.find(code);
      if (!id) {
        throw util::Error(util::ExitCode::usage, fmt::format("--state: unknown state code '{}'", code));
      }
      selection.push_back(*id);
    }
    const auto status = assess::compute_status(loaded.ledger, loaded.reference.states, loaded.as_of);
    const auto statements = assess::compute_statements(loaded.ledger, loaded.reference.states, loaded.as_of, selection);
    cli::emit(assess::statement_output(statements, status, loaded.reference.states, loaded.output.lang),
              loaded.output);
    return 0;
  };
}

} // namespace assess_tool
