#include <isukit/io/csv_reader.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/layouts.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace {

/// The layout of a kind that require_known_kind has let through.
const io::Shape &layout(const std::string &kind) {
  const io::Shape *shape = layout_of(kind);
  if (!shape) {
    throw util::Error(util::ExitCode::software, fmt::format("no layout for kind '{}'", kind));
  }
  return *shape;
}

class WantedCollector : public io::DocumentConsumer {
public:
  explicit WantedCollector(std::initializer_list<std::string_view> wanted) : m_wanted(wanted) {}

  std::string_view streamed_list(const std::string &kind, const io::Node &kind_node) override {
    require_known_kind(kind, kind_node);
    return {};
  }
  void on_record(const std::string &, const io::Node &, const io::Node &) override {}
  void on_document(io::Document document) override {
    check_layout(document);
    note_unmatched_payments(document);
    if (std::find(m_wanted.begin(), m_wanted.end(), document.kind) != m_wanted.end()) {
      documents.push_back(std::move(document));
    }
  }

  /// A CSV is a table of payments: where payments are wanted (assess invoices, to refuse them
  /// with its advice), an empty document of kind payments at the file stands for it, its rows
  /// unread; elsewhere it is refused.
  void on_csv(io::CsvReader &reader) override {
    if (std::find(m_wanted.begin(), m_wanted.end(), "payments") == m_wanted.end()) {
      io::DocumentConsumer::on_csv(reader);
      return;
    }
    documents.push_back(
        io::Document{"payments", io::Node::container(io::Node::Type::mapping, reader.row_mark())});
  }

  std::vector<io::Document> documents;

private:
  std::vector<std::string_view> m_wanted;
};

/// Whether the inputs held a document of `kind`; a CSV file is payments.
bool holds(const io::InputsRead &read, std::string_view kind) {
  return std::any_of(read.kinds.begin(), read.kinds.end(), [&](const std::string &held) {
    return held == kind || (held == "CSV" && kind == "payments");
  });
}

/// How to say that a list of records is empty, for the kinds that are one: "none received" is
/// said, never left to a missing input.
std::string how_to_say_none(const std::vector<std::string_view> &kinds) {
  for (const std::string_view list : {"payments", "reports", "applications"}) {
    if (kinds.size() == 1 && kinds.front() == list) {
      return fmt::format(" (if there are none, say so: a document of kind '{}' with '{}: []')",
                         list, list);
    }
  }
  return {};
}

/// `'a', 'b'` (or `'a' or 'b'`); a CSV file is named so.
template <typename Kinds> std::string kind_list(const Kinds &kinds, std::string_view separator) {
  std::string text;
  for (const auto &kind : kinds) {
    text += text.empty() ? "" : separator;
    text += kind == "CSV" ? std::string("a payments CSV") : fmt::format("'{}'", kind);
  }
  return text;
}

/// `USD 1500.00 and CHF 20.00`: each currency's sum, in the order first met.
std::string sums_text(const std::vector<util::Money> &sums) {
  std::string text;
  for (std::size_t i = 0; i < sums.size(); ++i) {
    text += i == 0 ? "" : (i + 1 == sums.size() ? " and " : ", ");
    text += fmt::format("{} {}", sums[i].currency().code(), sums[i].plain());
  }
  return text;
}

} // namespace

void note_unmatched_payments(const io::Document &document) {
  const io::Node *list =
      document.kind == "unmatched-payments" ? document.root.find("payments") : nullptr;
  if (!list || list->items().empty()) {
    return;
  }
  std::vector<util::Money> sums; // one a currency
  for (const io::Node &payment : list->items()) {
    const util::Currency currency = payment.at("currency").as_currency();
    const util::Money amount = payment.at("amount").as_money(currency);
    const auto sum = std::find_if(sums.begin(), sums.end(), [&](const util::Money &each) {
      return each.currency() == currency;
    });
    if (sum == sums.end()) {
      sums.push_back(amount);
    } else {
      *sum += amount;
    }
  }
  const std::size_t count = list->items().size();
  util::note(document.root.mark().position(),
             fmt::format("not credited to any State: {} {}, {} in all, that assess import set "
                         "aside, as {} payer matched no State or several; once {} matched (an "
                         "alias in the import rules, then import again), remove this document",
                         count, count == 1 ? "payment" : "payments", sums_text(sums),
                         count == 1 ? "its" : "their", count == 1 ? "it is" : "they are"));
}

bool is_known_kind(std::string_view kind) {
  return layout_of(kind) != nullptr;
}

void require_known_kind(const std::string &kind, const io::Node &kind_node) {
  if (!is_known_kind(kind)) {
    io::require_one_of(kind_node, "kind", known_kinds());
  }
}

void check_layout(const io::Document &document) {
  layout(document.kind).check(document.root);
}

void check_record(const std::string &kind, std::string_view list, const io::Node &record) {
  layout(kind).field(list)->item()->check(record);
}

std::string treaty_id(const io::Node &value) {
  return util::ascii_lower(value.as_text());
}

namespace {

/// Says of each file among the inputs holding a kind that is read through an option, not as an
/// input (a `contacts` document given beside the assessments), that it is not used, and how to
/// give it: the letters would otherwise go to the default addressee without a word.
void note_option_kinds(const io::InputsRead &read, std::initializer_list<std::string_view> needed) {
  static constexpr std::pair<std::string_view, std::string_view> option_kinds[] = {
      {"contacts", "--contacts"}, {"isu", "--isu"}, {"import-rules", "--rules"}};
  for (const auto &[kind, file] : read.files) {
    for (const auto &[option_kind, option] : option_kinds) {
      if (kind == option_kind && std::find(needed.begin(), needed.end(), kind) == needed.end()) {
        util::note(util::Position{file, 0, 0},
                   fmt::format("holds a document of kind {}, which is read with {}, not among "
                               "the inputs: it is not used here",
                               kind, option));
      }
    }
  }
}

} // namespace

void require_kinds(const io::InputsRead &read, std::initializer_list<std::string_view> needed,
                   Need need) {
  note_option_kinds(read, needed);
  if (read.kinds.empty()) {
    throw util::Error(util::ExitCode::no_input,
                      fmt::format("no input: needs {} of kind {}",
                                  needed.size() > 1 ? "documents" : "a document",
                                  kind_list(needed, need == Need::each ? " and " : " or ")));
  }
  std::vector<std::string_view> missing;
  for (const auto kind : needed) {
    if (!holds(read, kind)) {
      missing.push_back(kind);
    }
  }
  if (missing.empty() || (need == Need::one_of && missing.size() < needed.size())) {
    return;
  }
  const auto lacking =
      need == Need::each ? std::vector<std::string_view>{missing.front()} : missing;
  throw util::Error(
      util::ExitCode::data,
      fmt::format("nothing to compute from: needs a document of kind {}; the input holds {}{}",
                  kind_list(lacking, " or "), kind_list(read.kinds, ", "),
                  how_to_say_none(lacking)));
}

std::vector<io::Document> read_documents(const std::vector<std::string> &inputs,
                                         std::initializer_list<std::string_view> wanted,
                                         Need need) {
  WantedCollector collector(wanted);
  require_kinds(io::read_inputs(inputs, collector), wanted, need);
  return std::move(collector.documents);
}

} // namespace isukit::model
