// budget: multi-year ISU budgets that check themselves and print official tables (budget.1).
#include "subcommands.hpp"

int main(int argc, char **argv) {
  return isukit::cli::run_tool(
      "budget", "Multi-year ISU budgets: tables, checks, totals and estimated against actual costs",
      argc, argv,
      {
          {"table", "Print the budget as the official table", budget_tool::setup_table},
          {"check", "Compare every rule and total with the stated figures (exit 1 on a deviation)",
           budget_tool::setup_check},
          {"totals", "Totals per year and for the period, for assess apportion",
           budget_tool::setup_totals},
          {"compare", "Estimated against actual costs, by line and year",
           budget_tool::setup_compare},
      });
}
