#include <isukit/assess/account_letters.hpp>

namespace isukit::assess {

using io::Node;

namespace {

/// Money as letters show it (io::letter_value).
std::string money(std::int64_t minor, const util::Currency &currency, const util::Lang &lang) {
  return io::letter_value(io::FieldType::money, {}, util::Money(minor, currency).plain(), lang)
      .as_text();
}

/// Money as the letter shows it, or false for zero (a cell or a paragraph the template leaves out).
Node money_or_false(std::int64_t minor, const util::Currency &currency, const util::Lang &lang) {
  return minor == 0 ? Node::boolean(false) : Node::string(money(minor, currency, lang));
}

/// What every letter about an account starts with: to_state's fields dated the as-of date,
/// `as_of_long` and `currency`.
Node account_context(model::StateId state, const ContributionsStatus &status,
                     const model::Treaty &treaty, const model::StateTable &states,
                     const model::LetterKit &kit, const util::Lang &lang) {
  Node context = kit.to_state(state, states, treaty, status.as_of, lang);
  context.add("as_of_long", Node::string(util::long_date(status.as_of, lang)));
  context.add("currency", Node::string(std::string(status.currency.code())));
  return context;
}

/// A part of a line's crediting: "credited to 2024", "credit applied to 2025", "held as credit",
/// a refund's "taken back from 2025" (part_label).
Node part_node(const CreditedPart &part, bool payment, const util::Currency &currency,
               const util::Lang &lang) {
  std::string what = lang.text(part_label(part, payment));
  if (part.year) {
    what += " " + std::to_string(*part.year);
  }
  Node node = Node::mapping();
  node.add("what", Node::string(what));
  node.add("amount", Node::string(money(part.amount, currency, lang)));
  return node;
}

Node line_node(const StatementLine &line, const util::Currency &currency, const util::Lang &lang) {
  const bool payment = line.kind == StatementLine::Kind::payment;
  Node node = Node::mapping();
  node.add("date_long", Node::string(util::long_date(line.date, lang)));
  node.add("entry", Node::string(lang.text(line_label(line), {{"reference", line.reference}})));
  node.add("year", line.year ? Node::string(std::to_string(line.year)) : Node::boolean(false));
  node.add("assessed",
           payment ? Node::boolean(false) : Node::string(money(line.amount, currency, lang)));
  node.add("paid",
           payment ? Node::string(money(line.amount, currency, lang)) : Node::boolean(false));
  node.add("balance", Node::string(money(line.balance, currency, lang)));
  Node parts = Node::sequence();
  for (const auto &part : line.parts) {
    parts.push(part_node(part, payment, currency, lang));
  }
  node.add("parts", std::move(parts));
  return node;
}

/// The Article 19 sentence's fields, or false (see arrears_letters).
Node article_19_node(const StateBalance &balance, const model::Treaty &treaty,
                     const util::Lang &lang) {
  const model::ArrearsConsequence &consequence = treaty.arrears_consequence();
  const std::string &text = consequence.text.in(lang);
  if (!balance.article_19 || text.empty()) {
    return Node::boolean(false);
  }
  Node node = Node::mapping();
  node.add("consequence", Node::string(text));
  const std::string &basis = consequence.basis.in(lang);
  node.add("basis", basis.empty() ? Node::boolean(false) : Node::string(basis));
  return node;
}

} // namespace

void account_position(Node &context, const std::vector<const YearBalance *> &years,
                      std::int64_t credit, const util::Currency &currency, const util::Lang &lang) {
  std::int64_t total = 0;
  std::vector<YearBalance> owed;
  for (const auto *y : years) {
    owed.push_back(*y);
    total += y->outstanding;
  }
  context.add("outstanding", owed.empty() ? Node::boolean(false)
                                          : io::record_context(year_fields(currency), owed, lang));
  context.add("total", Node::string(money(total, currency, lang)));
  context.add("credit", money_or_false(credit, currency, lang));
  context.add("unapplied", Node::boolean(total > 0 && credit > 0));
  context.add("net", total > credit && credit > 0
                         ? Node::string(money(total - credit, currency, lang))
                         : Node::boolean(false));
  context.add("to_pay", Node::boolean(total > 0));
}

std::vector<io::Letter> statement_letters(const std::vector<Statement> &statements,
                                          const ContributionsStatus &status,
                                          const model::Treaty &treaty,
                                          const model::StateTable &states,
                                          const model::LetterKit &kit) {
  std::vector<io::Letter> letters;
  for (const auto &statement : statements) {
    const util::Lang lang = kit.lang_for(statement.state);
    Node context = account_context(statement.state, status, treaty, states, kit, lang);
    Node lines = Node::sequence();
    for (const auto &line : statement.lines) {
      lines.push(line_node(line, status.currency, lang));
    }
    context.add("lines", std::move(lines));
    std::vector<const YearBalance *> owed;
    for (const auto &y : statement.closing.years) {
      if (y.outstanding != 0) {
        owed.push_back(&y);
      }
    }
    account_position(context, owed, statement.closing.credit, status.currency, lang);
    letters.push_back(kit.letter(states[statement.state].code + "-statement", context, lang));
  }
  return letters;
}

std::vector<io::Letter> arrears_letters(const std::vector<StateArrears> &arrears,
                                        const ContributionsStatus &status,
                                        const model::Treaty &treaty,
                                        const model::StateTable &states,
                                        const model::LetterKit &kit) {
  std::vector<io::Letter> letters;
  for (const auto &a : arrears) {
    const model::StateId state = a.balance->state;
    const util::Lang lang = kit.lang_for(state);
    Node context = account_context(state, status, treaty, states, kit, lang);
    account_position(context, a.years, a.balance->credit, status.currency, lang);
    context.add("article_19", article_19_node(*a.balance, treaty, lang));
    letters.push_back(kit.letter(states[state].code + "-arrears", context, lang));
  }
  return letters;
}

} // namespace isukit::assess
