#include <isukit/io/inputs.hpp>
#include <isukit/model/documents.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace {

constexpr std::string_view known_kinds[] = {
    "states", "scale", "treaty", "budget", "budget-table", "budget-totals", "budget-check",
    "budget-comparison", "assessments", "payments", "import-rules", "unmatched-payments", "fund", "contributions-status", "arrears",
    "fund-status", "reports", "obligations", "reports-status", "overdue-reports", "deadlines", "parties", "programme",
    "applications", "selection", "sponsorship-report", "catalogue",
};

std::string known_list() {
  std::string list;
  for (auto kind : known_kinds) {
    list += list.empty() ? "" : ", ";
    list += kind;
  }
  return list;
}

class WantedCollector : public io::DocumentConsumer {
public:
  explicit WantedCollector(std::initializer_list<std::string_view> wanted) : m_wanted(wanted) {}

  std::string_view streamed_list(const std::string& kind, const io::Node& kind_node) override {
    require_known_kind(kind, kind_node);
    return {};
  }
  void on_record(const std::string&, const io::Node&, const io::Node&) override {}
  void on_document(io::Document document) override {
    if (std::find(m_wanted.begin(), m_wanted.end(), document.kind) != m_wanted.end()) {
      documents.push_back(std::move(document));
    }
  }

  std::vector<io::Document> documents;

private:
  std::vector<std::string_view> m_wanted;
};

} // namespace

bool is_known_kind(std::string_view kind) {
  return std::find(std::begin(known_kinds), std::end(known_kinds), kind) != std::end(known_kinds);
}

void require_known_kind(const std::string& kind, const io::Node& kind_node) {
  if (!is_known_kind(kind)) {
    kind_node.fail(fmt::format("unknown kind '{}' (expected one of: {})", kind, known_list()));
  }
}

std::vector<io::Document> read_documents(const std::vector<std::string>& inputs,
                                         std::initializer_list<std::string_view> wanted) {
  WantedCollector collector(wanted);
  io::read_inputs(inputs, collector);
  return std::move(collector.documents);
}

} // namespace isukit::model
