// budget totals: the totals per year and for the period, as assess apportion reads them.
#include "subcommands.hpp"

#include <isukit/budget/tables.hpp>

namespace budget_tool {

using namespace isukit;

cli::Runner setup_totals(CLI::App& app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  return [options] {
    const auto lang = cli::parse_lang_option(options->output.lang);
    cli::parse_format_option(options->output.format);
    io::Output output;
    for (const auto& b : read_budgets(options->inputs)) {
      output.append(budget::budget_totals(budget::Evaluation::of(b), lang));
    }
    cli::emit(output, options->output);
    return 0;
  };
}

} // namespace budget_tool
