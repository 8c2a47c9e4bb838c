// A bare pass of yaml-cpp's event parser over a file: the floor for reading YAML, against which
// `assess status` on the same file is measured (bench/run).
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <fstream>
#include <iostream>

namespace {

/// Counts events and touches every scalar, so the parse cannot be optimised away.
class Counter : public YAML::EventHandler {
public:
  std::size_t events = 0;
  std::size_t bytes = 0;
  void OnDocumentStart(const YAML::Mark &) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark &, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark &, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                const std::string &value) override {
    ++events;
    bytes += value.size();
  }
  void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: yaml_baseline FILE\n";
    return 64;
  }
  std::ifstream in(argv[1], std::ios::binary);
  YAML::Parser parser(in);
  Counter counter;
  while (parser.HandleNextDocument(counter)) {
  }
  std::cout << counter.events << " events, " << counter.bytes << " scalar bytes\n";
  return 0;
}
