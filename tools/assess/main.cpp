// assess: the treaty's scale, assessed contributions, invoices, and the status of
// contributions (assess.1).
#include "subcommands.hpp"

int main(int argc, char **argv) {
  return isukit::cli::run_tool(
      "assess",
      "Assessed contributions: scale, apportionment, invoices, status, arrears and the fund", argc,
      argv,
      {
          {"scale", "The UN scale adjusted to the treaty's paying states",
           assess_tool::setup_scale},
          {"apportion", "Split a total into each state's assessed contribution, to the cent",
           assess_tool::setup_apportion},
          {"invoices", "One invoice per state from a Mustache template",
           assess_tool::setup_invoices},
          {"status", "The status of contributions as of a date", assess_tool::setup_status},
          {"arrears", "The states in arrears (exit 1 when there is any)",
           assess_tool::setup_arrears},
          {"statement",
           "Per state, the statement of account: assessments, payments, crediting, balance",
           assess_tool::setup_statement},
          {"remind", "One letter to each state in arrears (exit 1 when it wrote any)",
           assess_tool::setup_remind},
          {"fund", "The working capital fund: balance, movements, months of costs covered",
           assess_tool::setup_fund},
          {"import", "Payments from bank exports and camt statements, payers matched to states",
           assess_tool::setup_import},
      });
}
