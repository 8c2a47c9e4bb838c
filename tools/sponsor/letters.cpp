// sponsor letters: one letter per applicant from a selection.
#include <isukit/model/documents.hpp>

#include "subcommands.hpp"

namespace sponsor_tool {

using namespace isukit;

cli::Runner setup_letters(CLI::App &app) {
  struct LetterOptions {
    cli::DataOptions data;
    cli::LetterOptions letters;
    std::string as_of;
    std::vector<std::string> inputs;
  };
  auto options = std::make_shared<LetterOptions>();
  cli::add_data_options(app, options->data, false);
  cli::add_letter_options(app, options->letters, "sponsorship");
  app.add_option("--as-of", options->as_of, "The date of the letters, YYYY-MM-DD (default: today)");
  cli::add_inputs(app, options->inputs, "The selection (from sponsor select)");
  return [options] {
    const auto date = cli::parse_as_of(options->as_of);
    const io::Node selection = read_selection(options->inputs);
    cli::DataOptions data = options->data;
    if (data.treaty.empty()) {
      data.treaty = model::treaty_id(selection.at("treaty"));
    }
    const auto context = cli::load_treaty_context(data);
    sponsor::check_selection(selection, context.reference.states);
    const auto kit =
        cli::letter_kit(options->letters, data, context.reference, context.treaty, "sponsorship");
    cli::write_letter_batch("sponsor", kit,
                            sponsor::sponsorship_letters(selection, context.treaty,
                                                         context.reference.states, kit, date),
                            options->letters, "letter",
                            "programme " + selection.at("programme").as_text());
    return 0;
  };
}

} // namespace sponsor_tool
