// report-status: see man/report-status.1. The subcommands are not built yet; the tool answers --help and --version.
#include <isukit/cli/tool.hpp>

int main(int argc, char** argv) {
  return isukit::cli::run_tool("report-status", "National reports: obligations, status, overdue reports, deadlines and reminders", argc, argv, {});
}
