// assess remind: one letter to each state in arrears, the selection of assess arrears.
#include <isukit/util/error.hpp>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

cli::Runner setup_remind(CLI::App &app) {
  struct Options {
    cli::DataOptions data;
    cli::LetterOptions letters;
    std::string as_of;
    ArrearsSelection arrears;
    std::vector<std::string> inputs;
  };
  auto options = std::make_shared<Options>();
  cli::add_data_options(app, options->data, false);
  cli::add_letter_options(app, options->letters, "arrears");
  cli::add_as_of_option(app, options->as_of);
  add_arrears_options(app, options->arrears);
  cli::add_inputs(app, options->inputs, "Assessments and payments (YAML or CSV)");
  return [options] {
    const auto query = parse_arrears_selection(options->arrears);
    LedgerOptions ledger;
    ledger.data = options->data;
    ledger.as_of = options->as_of;
    ledger.inputs = options->inputs;
    const auto loaded = load_ledger(ledger, {"assessments", "payments"});
    const auto &states = loaded.reference.states;
    const auto status = ledger_status(loaded);
    const auto arrears = assess::select_arrears(status, query.in(status.currency));
    const auto treaty = ledger_treaty(loaded, options->data, status.treaty);
    const auto kit =
        cli::letter_kit(options->letters, options->data, loaded.reference, treaty, "arrears");
    const auto letters = assess::arrears_letters(arrears, status, treaty, states, kit);
    cli::write_letter_batch("assess", kit, letters, options->letters, "arrears letter",
                            treaty.id());
    if (letters.empty()) {
      return static_cast<int>(util::ExitCode::ok);
    }
    warn_without_payment(kit, "arrears letters");
    return static_cast<int>(util::ExitCode::found);
  };
}

} // namespace assess_tool
