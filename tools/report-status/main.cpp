// report-status: national reports owed under a treaty, their status, overdue reports, treaty
// deadlines and reminder letters (report-status.1).
#include "subcommands.hpp"

int main(int argc, char **argv) {
  using namespace report_status_tool;
  return isukit::cli::run_tool(
      "report-status",
      "National reports: obligations, status, overdue reports, deadlines and reminders; adherence "
      "and outreach",
      argc, argv,
      {
          {"obligations", "Every report each party owes, with its due date", setup_obligations},
          {"status", "Who submitted which report, on time or late, and the rates", setup_status},
          {"overdue", "The parties with an overdue report (exit 1 when there is any)",
           setup_overdue},
          {"deadlines",
           "Treaty deadlines passed or falling within a window (exit 1 when one has passed)",
           setup_deadlines},
          {"remind", "One reminder letter per party that owes a report (exit 1 when it wrote any)",
           setup_remind},
          {"parties", "Every state's standing under each instrument on a date, with counts",
           setup_parties},
          {"outreach", "One letter per state not party to the named instruments", setup_outreach},
      });
}
