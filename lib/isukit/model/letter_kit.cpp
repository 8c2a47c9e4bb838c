#include <isukit/model/letter_kit.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace isukit::model {

using io::Node;

namespace {

Node text_or_false(const std::string &text) {
  return text.empty() ? Node::boolean(false) : Node::string(text);
}

/// The signature block: the signatory's name and title, else the ISU's name.
Node signature_lines(const Isu &isu, const util::Lang &lang) {
  std::vector<std::string> lines;
  if (!isu.signer.name.empty()) {
    lines.push_back(isu.signer.name);
  }
  if (isu.signer.title.has(lang.code())) {
    lines.push_back(isu.signer.title.in(lang));
  }
  if (lines.empty()) {
    lines.push_back(isu.name.in(lang));
  }
  return line_list(lines);
}

/// {lines: "Bank: ...", one line per field given, labelled in `lang`}; false when a state could
/// not pay from them.
Node payment_lines(const PaymentInstructions &payment, const util::Lang &lang) {
  if (!payment.complete()) {
    return Node::boolean(false);
  }
  const std::string currency(payment.currency.valid() ? payment.currency.code() : "");
  const std::pair<const char *, const std::string *> fields[] = {
      {"payment.account_name", &payment.account_name},
      {"payment.bank", &payment.bank},
      {"payment.iban", &payment.iban},
      {"payment.account_number", &payment.account_number},
      {"payment.swift", &payment.swift},
      {"payment.currency", &currency}};
  std::vector<std::string> lines;
  for (const auto &[id, value] : fields) {
    if (!value->empty()) {
      lines.push_back(lang.text(id, {{"value", *value}}));
    }
  }
  Node block = Node::mapping();
  block.add("lines", line_list(lines));
  return block;
}

} // namespace

Node state_fields(const State &state, const util::Lang &lang) {
  Node who = Node::mapping();
  who.add("code", Node::string(state.code));
  who.add("name", Node::string(state.name(lang)));
  who.add("formal", Node::string(state.formal_name(lang)));
  who.add("of", Node::string(lang.phrase("grammar.of_state", {{"name", state.formal_name(lang)}})));
  return who;
}

Node line_list(const std::vector<std::string> &lines) {
  Node list = Node::sequence();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Node item = Node::mapping();
    item.add("line", Node::string(lines[i]));
    item.add("last", Node::boolean(i + 1 == lines.size()));
    list.push(std::move(item));
  }
  return list;
}

util::Lang LetterKit::lang_for(StateId state) const {
  const Contact *contact = contact_language ? contacts.find(state) : nullptr;
  if (contact && !contact->language.empty()) {
    for (const auto &candidate : languages) {
      if (candidate.code() == contact->language) {
        return candidate;
      }
    }
    util::note(
        {},
        fmt::format("no letter template in '{}' (a contact's language) yet: that letter is in '{}'",
                    contact->language, lang.code()));
  }
  return lang;
}

const io::LetterTemplate &LetterKit::template_for(const util::Lang &which) const {
  const auto it = std::find_if(templates.begin(), templates.end(),
                               [&](const auto &entry) { return entry.first == which.code(); });
  if (it == templates.end()) {
    throw std::logic_error("no letter template loaded for " + which.code());
  }
  return it->second;
}

Node LetterKit::common(const Treaty &treaty, const util::Date &date, const util::Lang &in) const {
  Node context = Node::mapping();
  Node about = Node::mapping();
  about.add("name", Node::string(treaty.name(in)));
  about.add("short_name", Node::string(treaty.short_name(in)));
  context.add("treaty", std::move(about));
  const std::vector<std::string> &address = isu.address_in(in);
  Node from = Node::mapping();
  from.add("name", Node::string(isu.name.in(in)));
  Node lines = Node::sequence();
  for (const auto &line : address) {
    lines.push(Node::string(line));
  }
  from.add("address", std::move(lines));
  from.add("email", isu.email.empty() ? Node::null() : Node::string(isu.email));
  context.add("isu", std::move(from));
  std::vector<std::string> letterhead{isu.name.in(in)};
  letterhead.insert(letterhead.end(), address.begin(), address.end());
  if (!isu.email.empty()) {
    letterhead.push_back(isu.email);
  }
  context.add("letterhead", line_list(letterhead));
  context.add("signature", signature_lines(isu, in));
  context.add("payment", payment_lines(isu.payment, in));
  context.add("date", Node::string(date.iso()));
  context.add("date_long", Node::string(util::long_date(date, in)));
  return context;
}

Node LetterKit::to_state(StateId id, const StateTable &states, const Treaty &treaty,
                         const util::Date &date, const util::Lang &in) const {
  Node context = common(treaty, date, in);
  const State &state = states[id];
  context.add("state", state_fields(state, in));
  const Contact *contact = contacts.find(id);
  std::vector<std::string> to;
  if (contact && !contact->addressee.empty()) {
    to.push_back(contact->addressee);
    to.insert(to.end(), contact->address.begin(), contact->address.end());
  } else {
    to = {in.text("letter.generic_addressee"),
          state.name(in)}; // no contact: the government, by name
  }
  context.add("to", line_list(to));
  context.add("email", contact ? text_or_false(contact->email) : Node::boolean(false));
  // A contact's salutation is written in the contact's language (English when it names none):
  // a letter in another language greets in that language's words, never "Dear Ambassador," in
  // French.
  const bool own_salutation =
      contact && !contact->salutation.empty() &&
      (contact->language.empty() ? std::string("en") : contact->language) == in.code();
  context.add("salutation",
              Node::string(own_salutation ? contact->salutation : in.text("letter.salutation")));
  return context;
}

void add_person_address(Node &context, const std::string &name, const std::string &gender,
                        const util::Lang &lang) {
  const std::string form = gender.empty() ? "other" : gender;
  context.add("salutation", Node::string(lang.text("letter.salutation." + form, {{"name", name}})));
  context.add("form_of_address",
              Node::string(lang.text("letter.form_of_address." + form, {{"name", name}})));
}

io::Letter LetterKit::letter(const std::string &stem, const Node &context,
                             const util::Lang &in) const {
  const io::LetterTemplate &chosen = template_for(in);
  return io::Letter{stem + chosen.output_extension(), chosen.render(context),
                    io::context_fields(context)};
}

void LetterKit::check_fields(const std::vector<io::Letter> &letters) const {
  if (letters.empty()) {
    return;
  }
  std::set<std::string> known = shipped_fields;
  for (const auto &written : letters) {
    known.insert(written.fields.begin(), written.fields.end());
  }
  for (const auto &[code, chosen] : templates) {
    chosen.check_fields(known);
  }
}

} // namespace isukit::model
