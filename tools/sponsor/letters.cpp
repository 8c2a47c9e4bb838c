// sponsor letters: one letter per applicant from a selection.
#include "subcommands.hpp"

#include <fmt/format.h>

#include <iostream>

namespace sponsor_tool {

using namespace isukit;

cli::Runner setup_letters(CLI::App& app) {
  struct LetterOptions : Options {
    std::string template_file;
  };
  auto options = std::make_shared<LetterOptions>();
  add_options(app, *options, "The selection (from sponsor select)");
  app.get_option("--output")->required()->description("The directory to write the letters into");
  app.add_option("--template", options->template_file,
                 "A Mustache template instead of DATA/templates/sponsorship.LANG.md.mustache");
  return [options] {
    const auto out = cli::output_config(options->output, options->data);
    const io::Node selection = read_selection(options->inputs);
    cli::DataOptions data = options->data;
    if (data.treaty.empty()) {
      data.treaty = selection.at("treaty").as_text();
    }
    const auto context = cli::load_treaty_context(data);
    const auto letter = cli::load_letter_template(data, "sponsorship", out.lang, options->template_file);
    const auto letters =
        sponsor::sponsorship_letters(selection, context.treaty, context.reference.states, letter, out.lang);
    io::write_letters(out.path, letters);
    std::cerr << fmt::format("sponsor: wrote {} letters to {}\n", letters.size(), options->output.output);
    return 0;
  };
}

} // namespace sponsor_tool
