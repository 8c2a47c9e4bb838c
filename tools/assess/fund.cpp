// assess fund: the working capital fund's balance, movements and months of costs covered.
#include <isukit/budget/evaluate.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include "subcommands.hpp"

namespace assess_tool {

using namespace isukit;

cli::Runner setup_fund(CLI::App &app) {
  struct Options : LedgerOptions {
    std::string monthly_cost;
    std::string budget;
  };
  auto options = std::make_shared<Options>();
  add_ledger_options(app, *options);
  auto *monthly = app.add_option("--monthly-cost", options->monthly_cost,
                                 "The ISU's monthly cost, in the fund's currency");
  auto *budget = cli::file_option(
      app.add_option("--budget", options->budget,
                     "A budget whose total for the year, over 12, is the monthly cost"));
  monthly->excludes(budget);
  return [options] {
    const auto monthly_cost = cli::parse_amount_option("--monthly-cost", options->monthly_cost,
                                                       "the months covered divide by it", true);
    const auto loaded = load_ledger(*options, {"fund"});
    std::optional<util::Money> cost;
    const auto currency = *loaded.ledger.fund_currency(); // load_ledger required a fund document
    if (!options->budget.empty()) {
      // A twelfth of the year's budget, to the cent.
      const auto budgets = model::read_documents({options->budget}, {"budget", "budget-totals"});
      const auto year_total =
          budget::year_total(budgets, loaded.as_of.year(), currency, options->budget);
      cost = util::to_money(year_total.value() / 12, currency, util::Rounding::half_up);
      if (cost->minor_units() <= 0) {
        throw util::Error(util::ExitCode::data,
                          fmt::format("{}: the budget's total for {} is not above zero, so no "
                                      "month of costs can be counted",
                                      options->budget, loaded.as_of.year()));
      }
    } else if (monthly_cost.given()) {
      cost = monthly_cost.in(currency);
    }
    cli::emit(assess::fund_output(loaded.ledger, loaded.as_of, cost, loaded.output.lang),
              loaded.output, loaded.sources);
    return 0;
  };
}

} // namespace assess_tool
