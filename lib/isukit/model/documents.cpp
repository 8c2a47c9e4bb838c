#include <isukit/io/inputs.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/layouts.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace {

/// The layout of a kind that require_known_kind has let through.
const io::Shape& layout(const std::string& kind) {
  const io::Shape* shape = layout_of(kind);
  if (!shape) {
    throw util::Error(util::ExitCode::software, fmt::format("no layout for kind '{}'", kind));
  }
  return *shape;
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
    check_layout(document);
    if (std::find(m_wanted.begin(), m_wanted.end(), document.kind) != m_wanted.end()) {
      documents.push_back(std::move(document));
    }
  }

  std::vector<io::Document> documents;

private:
  std::vector<std::string_view> m_wanted;
};

} // namespace

bool is_known_kind(std::string_view kind) { return layout_of(kind) != nullptr; }

void require_known_kind(const std::string& kind, const io::Node& kind_node) {
  if (!is_known_kind(kind)) {
    kind_node.fail(fmt::format("unknown kind '{}' ({})", kind, io::suggestion(kind, known_kinds())));
  }
}

void check_layout(const io::Document& document) { layout(document.kind).check(document.root); }

void check_record(const std::string& kind, std::string_view list, const io::Node& record) {
  layout(kind).field(list)->item()->check(record);
}

std::vector<io::Document> read_documents(const std::vector<std::string>& inputs,
                                         std::initializer_list<std::string_view> wanted) {
  WantedCollector collector(wanted);
  io::read_inputs(inputs, collector);
  return std::move(collector.documents);
}

} // namespace isukit::model
