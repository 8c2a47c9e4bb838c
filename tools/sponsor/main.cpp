// sponsor: the sponsorship programme: applications, a fair selection within the fund, the
// programme report and letters (sponsor.1).
#include "subcommands.hpp"

int main(int argc, char **argv) {
  using namespace sponsor_tool;
  return isukit::cli::run_tool(
      "sponsor", "Sponsorship programme: applications, selection, report and letters", argc, argv,
      {
          {"check", "Each application's eligibility (exit 1 when any is not eligible)",
           setup_check},
          {"select", "A deterministic selection within the fund, with every reason", setup_select},
          {"report", "The programme report's tables from a selection", setup_report},
          {"letters", "One letter per applicant from a selection", setup_letters},
      });
}
