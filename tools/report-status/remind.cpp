// report-status remind: one reminder letter per party with an overdue report.
#include "subcommands.hpp"

namespace report_status_tool {

using namespace isukit;

cli::Runner setup_remind(CLI::App &app) {
  struct RemindOptions : Options {
    cli::LetterOptions letters;
  };
  auto options = std::make_shared<RemindOptions>();
  add_tracking_options(app, *options, true);
  cli::add_letter_options(app, options->letters, "reminder");
  return [options] {
    const auto t = load_tracking(*options);
    const auto kit = cli::letter_kit(options->letters, options->data, t.context.reference,
                                     t.context.treaty, "reminder");
    const auto letters =
        reports::reminders(t.tracked, t.context.treaty, t.context.reference.states, kit, t.as_of);
    cli::write_letter_batch("report-status", kit, letters, options->letters, "reminder",
                            t.context.treaty.id());
    // As assess remind: 1 when a letter was written, so that a cron line can tell.
    return static_cast<int>(letters.empty() ? util::ExitCode::ok : util::ExitCode::found);
  };
}

} // namespace report_status_tool
