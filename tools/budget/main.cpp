// budget: see man/budget.1.
#include <isukit/cli/tool.hpp>

int main(int argc, char** argv) {
  return isukit::cli::run_tool("budget", "budget", argc, argv, {});
}
