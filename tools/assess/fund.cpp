// assess fund: the working capital fund's balance, movements and months of costs covered.
#include "subcommands.hpp"

#include <isukit/budget/evaluate.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

namespace assess_tool {

using namespace isukit;

namespace {

/// A twelfth of the budget's total for the as-of year.
util::Money monthly_cost_from_budget(const std::string& path, int year) {
  for (const auto& document : model::read_documents({path}, {"budget"})) {
    const auto budget = model::Budget::from_document(document.root);
    if (year >= budget.first_year && year <= budget.last_year) {
      return util::to_money(budget::Evaluation::of(budget).year_total(year).value() / 12, budget.currency,
                            util::Rounding::half_up);
    }
  }
  throw util::Error(util::ExitCode::data, util::Position{path, 0, 0}, fmt::format("no budget for {}", year));
}

} // namespace

cli::Runner setup_fund(CLI::App& app) {
  struct Options : LedgerOptions {
    std::string monthly_cost;
    std::string budget;
  };
  auto options = std::make_shared<Options>();
  add_ledger_options(app, *options);
  auto* monthly = app.add_option("--monthly-cost", options->monthly_cost, "The ISU's monthly cost, in the fund's currency");
  auto* budget = app.add_option("--budget", options->budget, "A budget whose total for the year, over 12, is the monthly cost");
  monthly->excludes(budget);
  return [options] {
    const auto loaded = load_ledger(*options);
    std::optional<util::Money> cost;
    if (!options->budget.empty()) {
      cost = monthly_cost_from_budget(options->budget, loaded.as_of.year());
    } else if (!options->monthly_cost.empty() && !loaded.ledger.fund_movements().empty()) {
      const auto currency = loaded.ledger.fund_movements().front().amount.currency();
      const auto parsed = util::parse_money(options->monthly_cost, currency);
      if (!parsed.money) {
        throw util::Error(util::ExitCode::usage, "--monthly-cost: " + parsed.error);
      }
      cost = parsed.money;
    }
    cli::emit(assess::fund_output(loaded.ledger, loaded.as_of, cost, cli::parse_lang_option(options->output.lang)),
              options->output);
    return 0;
  };
}

} // namespace assess_tool
