// assess status: who has paid what, as of a date.
#include <isukit/model/documents.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

void add_ledger_options(CLI::App &app, LedgerOptions &options) {
  cli::add_output_options(app, options.output);
  cli::add_data_options(app, options.data, false);
  cli::add_as_of_option(app, options.as_of);
  cli::add_inputs(app, options.inputs, "Assessments, payments (YAML or CSV) and fund files");
}

namespace {

/// Treaty files by the name --treaty or a document gives, each read once: the assessments
/// documents of a ledger name the same treaty, and reading it costs more than checking them.
using TreatiesRead = std::map<std::string, model::Treaty, std::less<>>;

const model::Treaty &read_treaty(TreatiesRead &read, const model::Reference &reference,
                                 cli::DataOptions data, const std::string &name) {
  auto it = read.find(name);
  if (it == read.end()) {
    data.treaty = name;
    it = read.emplace(name, reference.load_treaty(cli::resolve_treaty_file(data))).first;
  }
  return it->second;
}

/// The treaty an assessments document is checked against: --treaty's (a name or a file, whose
/// id must be the one the document names), else the document's; none (nullptr) when neither
/// names one. So a treaty file given with --treaty is the one used, never the treaty of the
/// same id in DATA/treaties.
const model::Treaty *document_treaty(const model::AssessmentDocument &document,
                                     const model::Reference &reference,
                                     const cli::DataOptions &data, TreatiesRead &treaties) {
  const std::string &name = data.treaty.empty() ? document.treaty : data.treaty;
  if (name.empty()) {
    return nullptr;
  }
  const auto &treaty = read_treaty(treaties, reference, data, name);
  require_assessments_of(treaty, document.treaty, document.mark.position());
  return &treaty;
}

} // namespace

void require_assessments_of(const model::Treaty &treaty, const std::string &named,
                            const util::Position &where) {
  if (!named.empty() && named != treaty.id()) {
    util::fail_data(where,
                    fmt::format("these are assessments of '{}', not of '{}'", named, treaty.id()));
  }
}

LoadedLedger load_ledger(const LedgerOptions &options,
                         std::initializer_list<std::string_view> needs, bool keep_payments) {
  auto output = cli::output_config(options.output, options.data);
  const util::Date as_of = cli::parse_as_of(options.as_of);
  model::Reference reference = model::Reference::load(cli::resolve_data_dir(options.data));
  model::Ledger ledger = model::Ledger::read(options.inputs, reference.states, as_of, keep_payments,
                                             {}, &reference.languages);
  model::require_kinds(ledger.inputs_read(), needs, model::Need::each);
  TreatiesRead treaties;
  for (const auto &document : ledger.assessment_documents()) {
    // Each state the document assesses is a paying party of its treaty in its year; a document
    // that names no treaty, without --treaty, is not checked.
    if (const auto *treaty = document_treaty(document, reference, options.data, treaties)) {
      for (const auto &[state, mark] : document.states) {
        treaty->require_paying_party(state, document.year, mark, reference.states);
      }
    }
  }
  std::vector<io::Source> sources{reference.states.source()};
  for (const auto &[name, treaty] : treaties) {
    sources.push_back(treaty.source());
  }
  return LoadedLedger{std::move(output), std::move(reference), std::move(ledger), as_of,
                      std::move(sources)};
}

assess::ContributionsStatus ledger_status(const LoadedLedger &loaded) {
  auto status = assess::compute_status(loaded.ledger, loaded.reference.states, loaded.as_of);
  if (!status.article_19_years_missing.empty() && status.closed_outstanding > 0) {
    util::note({}, fmt::format("Article 19 is not assessed: its test compares the arrears with "
                               "the contributions of {} and {}, and the inputs hold no "
                               "assessments for {}",
                               status.current_year - 2, status.current_year - 1,
                               fmt::join(status.article_19_years_missing, " and ")));
  }
  return status;
}

cli::Runner setup_status(CLI::App &app) {
  auto options = std::make_shared<LedgerOptions>();
  add_ledger_options(app, *options);
  return [options] {
    const auto loaded = load_ledger(*options, {"assessments", "payments"});
    const auto status = ledger_status(loaded);
    cli::emit(assess::status_output(status, loaded.reference.states, loaded.output.lang),
              loaded.output, loaded.sources);
    return 0;
  };
}

void add_arrears_options(CLI::App &app, ArrearsSelection &selection) {
  app.add_flag("--closed-only", selection.closed_only, "Only the years before the current one");
  app.add_option("--min-years", selection.min_years,
                 "Only states with at least N years outstanding")
      ->check(cli::a_whole_number(1, 200));
  app.add_option(
      "--min-amount", selection.min_amount,
      "Only states owing at least AMOUNT (in the accounts' currency) in the years counted");
}

ArrearsQuery parse_arrears_selection(const ArrearsSelection &selection) {
  return ArrearsQuery{selection.closed_only, selection.min_years,
                      cli::parse_amount_option("--min-amount", selection.min_amount,
                                               "it is the least a state owes")};
}

assess::ArrearsOptions ArrearsQuery::in(const util::Currency &currency) const {
  return assess::ArrearsOptions{closed_only, min_years,
                                min_amount.given() ? min_amount.in(currency).minor_units() : 0};
}

cli::Runner setup_arrears(CLI::App &app) {
  struct Options : LedgerOptions {
    ArrearsSelection arrears;
  };
  auto options = std::make_shared<Options>();
  add_ledger_options(app, *options);
  add_arrears_options(app, options->arrears);
  return [options] {
    const auto query = parse_arrears_selection(options->arrears);
    const auto loaded = load_ledger(*options, {"assessments", "payments"});
    const auto status = ledger_status(loaded);
    const auto result = assess::arrears_output(status, loaded.reference.states,
                                               query.in(status.currency), loaded.output.lang);
    cli::emit(result.output, loaded.output, loaded.sources);
    return static_cast<int>(result.states_in_arrears ? util::ExitCode::found : util::ExitCode::ok);
  };
}

namespace {

/// The states --state names, or none (every state).
std::vector<model::StateId> selected_states(const std::vector<std::string> &codes,
                                            const model::StateTable &states) {
  std::vector<model::StateId> selection;
  for (const auto &code : codes) {
    const auto id = states.find(code);
    if (!id) {
      throw util::Error(util::ExitCode::usage,
                        fmt::format("--state: {}", states.unknown_code(code)));
    }
    selection.push_back(*id);
  }
  return selection;
}

/// -o DIR writes letters, stdout the data: an option of the one given to the other is refused
/// rather than ignored.
void require_statement_options(const CLI::App &app, bool letters) {
  static const std::vector<std::string> data_only{"--format", "--table", "--standalone"};
  static const std::vector<std::string> letters_only{"--template", "--contacts", "--isu",
                                                     "--contact-lang"};
  for (const auto &name : letters ? data_only : letters_only) {
    if (app.count(name) != 0) {
      throw util::Error(
          util::ExitCode::usage,
          letters
              ? fmt::format("{} is for the data on standard output; -o DIR writes the statements "
                            "as letters (Markdown)",
                            name)
              : fmt::format("{} is for the letters that -o DIR writes", name));
    }
  }
}

} // namespace

model::Treaty ledger_treaty(const LoadedLedger &loaded, cli::DataOptions data,
                            const std::string &ledger_treaty_id) {
  if (data.treaty.empty()) {
    data.treaty = ledger_treaty_id;
  }
  return loaded.reference.load_treaty(cli::resolve_treaty_file(data));
}

cli::Runner setup_statement(CLI::App &app) {
  struct Options : LedgerOptions {
    std::vector<std::string> codes;
    cli::LetterOptions letters;
  };
  auto options = std::make_shared<Options>();
  add_ledger_options(app, *options);
  app.add_option("--state", options->codes, "Only this state (ISO code; repeatable)")
      ->allow_extra_args(false);
  cli::add_letter_source_options(app, options->letters, "statement");
  return [options, &app] {
    const bool letters = !options->output.output.empty() && options->output.output != "-";
    require_statement_options(app, letters);
    const auto loaded = load_ledger(*options, {"assessments", "payments"}, true);
    const auto &states = loaded.reference.states;
    // Statements show no Article 19 flag: no note when its test cannot be made.
    const auto status = assess::compute_status(loaded.ledger, states, loaded.as_of);
    const auto statements = assess::compute_statements(loaded.ledger, states, loaded.as_of,
                                                       selected_states(options->codes, states));
    if (!letters) {
      cli::emit(assess::statement_output(statements, status, states, loaded.output.lang),
                loaded.output, loaded.sources);
      return 0;
    }
    options->letters.output_dir = options->output.output;
    options->letters.run = options->codes.empty() ? util::BatchRun::whole : util::BatchRun::part;
    options->letters.lang = options->output.lang;
    const auto treaty = ledger_treaty(loaded, options->data, status.treaty);
    const auto kit =
        cli::letter_kit(options->letters, options->data, loaded.reference, treaty, "statement");
    const auto written = assess::statement_letters(statements, status, treaty, states, kit);
    cli::write_letter_batch("assess", kit, written, options->letters, "statement", treaty.id());
    if (!written.empty()) {
      warn_without_payment(kit, "statements");
    }
    return 0;
  };
}

} // namespace assess_tool
