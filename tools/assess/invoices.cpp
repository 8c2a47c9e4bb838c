// assess invoices: one invoice per state, from the shipped (or a given) Mustache template.
#include "subcommands.hpp"

#include <isukit/assess/invoices.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include <iostream>

namespace assess_tool {

using namespace isukit;

cli::Runner setup_invoices(CLI::App& app) {
  struct Options {
    cli::DataOptions data;
    std::string output_dir;
    std::string lang = "en";
    std::string template_file;
    std::string issued;
    std::string due;
    std::vector<std::string> inputs;
  };
  auto options = std::make_shared<Options>();
  cli::add_data_options(app, options->data, false);
  app.add_option("-o,--output", options->output_dir, "The directory to write the invoices into")->required();
  app.add_option("--lang", options->lang, "Language of the shipped template and of amounts: " + cli::language_list())->default_str("en");
  app.add_option("--template", options->template_file, "A Mustache template instead of DATA/templates/invoice.LANG.md.mustache");
  app.add_option("--issued", options->issued, "The date of issue, YYYY-MM-DD (default: today)");
  app.add_option("--due", options->due, "The due date (default: 30 days after issue)");
  cli::add_inputs(app, options->inputs, "Assessments files");
  return [options] {
    const auto data_dir = cli::resolve_data_dir(options->data);
    const auto reference = model::Reference::load(data_dir);
    const auto lang = cli::parse_lang_option(options->lang, reference.languages);
    const auto issued = options->issued.empty() ? cli::parse_as_of("") : cli::parse_date_option("--issued", options->issued);
    const auto due = options->due.empty() ? issued.add_days(30) : cli::parse_date_option("--due", options->due);
    const assess::InvoiceSettings settings{issued, due, lang};
    const auto letter = cli::load_letter_template(options->data, "invoice", lang, options->template_file);
    std::vector<io::Letter> letters;
    for (const auto& document : model::read_documents(options->inputs, {"assessments"})) {
      cli::DataOptions data = options->data;
      if (data.treaty.empty()) {
        data.treaty = document.root.at("treaty").as_text();
      }
      const auto treaty = reference.load_treaty(cli::resolve_treaty_file(data));
      for (auto& letter_file : assess::make_invoices(document.root, treaty, reference.states, letter, settings)) {
        letters.push_back(std::move(letter_file));
      }
    }
    io::write_letters(options->output_dir, letters);
    std::cerr << fmt::format("assess: wrote {} invoices to {}\n", letters.size(), options->output_dir);
    return 0;
  };
}

} // namespace assess_tool
