// sponsor: see man/sponsor.1. The subcommands are not built yet; the tool answers --help and --version.
#include <isukit/cli/tool.hpp>

int main(int argc, char** argv) {
  return isukit::cli::run_tool("sponsor", "Sponsorship programme: applications, selection, report and letters", argc, argv, {});
}
