// report-status remind: one reminder letter per party with an overdue report.
#include "subcommands.hpp"

#include <fmt/format.h>

#include <iostream>

namespace report_status_tool {

using namespace isukit;

cli::Runner setup_remind(CLI::App& app) {
  struct RemindOptions : Options {
    std::string template_file;
  };
  auto options = std::make_shared<RemindOptions>();
  add_options(app, *options, true);
  app.get_option("--output")->required()->description("The directory to write the letters into");
  app.add_option("--template", options->template_file,
                 "A Mustache template instead of DATA/templates/reminder.LANG.md.mustache");
  return [options] {
    const auto t = load_tracking(*options);
    const auto& lang = t.output.lang;
    const auto letter = cli::load_letter_template(options->data, "reminder", lang, options->template_file);
    const auto letters = reports::reminders(t.tracked, t.context.treaty, t.context.reference.states, letter, t.as_of, lang);
    io::write_letters(t.output.path, letters);
    std::cerr << fmt::format("report-status: wrote {} reminders to {}\n", letters.size(), options->output.output);
    return 0;
  };
}

} // namespace report_status_tool
