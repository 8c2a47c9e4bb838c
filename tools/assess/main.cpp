// assess: see man/assess.1.
#include <isukit/cli/tool.hpp>

int main(int argc, char** argv) {
  return isukit::cli::run_tool("assess", "assess", argc, argv, {});
}
