// budget table: the budget as the table of an official document.
#include <isukit/budget/tables.hpp>
#include <isukit/budget/years.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include <map>

#include "subcommands.hpp"

namespace budget_tool {

using namespace isukit;

void add_options(CLI::App &app, Options &options) {
  cli::add_output_options(app, options.output);
  cli::add_inputs(app, options.inputs, "Budget files");
}

namespace {

/// Two documents with one id (an old and a revised copy of a budget) would become two budgets
/// that no reader can tell apart: refused at the second id, naming the first.
void require_new_id(const io::Node &id, std::map<std::string, io::Mark> &seen) {
  const auto [first, inserted] = seen.emplace(id.as_text(), id.mark());
  if (!inserted) {
    id.fail(fmt::format("budget '{}' is given twice (also at {})", id.as_text(),
                        first->second.located()));
  }
}

} // namespace

std::vector<model::Budget> read_budgets(const std::vector<std::string> &inputs) {
  std::vector<model::Budget> budgets;
  std::map<std::string, io::Mark> seen;
  for (const auto &document : model::read_documents(inputs, {"budget"})) {
    budgets.push_back(model::Budget::from_document(document.root));
    require_new_id(document.root.at("id"), seen);
  }
  return budgets;
}

std::vector<io::Source> sources_of(const std::vector<model::Budget> &budgets) {
  std::vector<io::Source> sources;
  sources.reserve(budgets.size());
  for (const auto &budget : budgets) {
    sources.push_back(budget.source);
  }
  return sources;
}

cli::Runner setup_table(CLI::App &app) {
  auto options = std::make_shared<Options>();
  add_options(app, *options);
  app.add_option("--years", options->years, "Restrict the columns to YEAR or FROM-TO");
  return [options] {
    const auto out = cli::output_config(options->output, {});
    std::optional<budget::YearRange> years;
    if (!options->years.empty()) {
      years = budget::parse_year_range(options->years);
    }
    io::Output output;
    const auto budgets = read_budgets(options->inputs);
    for (const auto &budget : budgets) {
      if (years) {
        budget::require_within_period(*years, options->years, budget);
      }
      output.append(budget::budget_table(budget::Evaluation::of(budget), out.lang, years));
    }
    cli::emit(output, out, sources_of(budgets));
    return 0;
  };
}

} // namespace budget_tool
