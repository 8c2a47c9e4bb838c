#include <isukit/model/contacts.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

using io::Node;

namespace {

Contact read_contact(const Node &record, const StateTable &states,
                     const std::vector<std::string> &languages) {
  Contact contact;
  contact.state = states.require(record.at("state"));
  contact.addressee = record.text_or("addressee");
  if (const Node *address = record.find("address")) {
    for (const auto &line : address->as_sequence()) {
      contact.address.push_back(line.as_text());
    }
  }
  contact.email = record.text_or("email");
  contact.salutation = record.text_or("salutation");
  // Read as --lang is (util::ascii_lower): `FR` and `fr` are French.
  contact.language = util::ascii_lower(record.text_or("language"));
  if (!contact.language.empty() &&
      std::find(languages.begin(), languages.end(), contact.language) == languages.end()) {
    record.at("language")
        .fail(fmt::format("no catalogue for language '{}' (DATA/i18n holds {})",
                          record.at("language").text(), fmt::join(languages, ", ")));
  }
  return contact;
}

} // namespace

Contacts Contacts::read(const std::vector<std::string> &inputs, const StateTable &states,
                        const std::vector<std::string> &languages) {
  Contacts result;
  if (inputs.empty()) {
    return result; // no contacts: every letter has the generic addressee
  }
  std::vector<io::Mark> seen(states.size());
  std::vector<bool> listed(states.size(), false); // by StateId
  for (const auto &document : read_documents(inputs, {"contacts"})) {
    for (const auto &record : document.root.at("contacts").as_sequence()) {
      Contact contact = read_contact(record, states, languages);
      if (listed[contact.state]) {
        record.at("state").fail(fmt::format("{} is listed twice (first at {})",
                                            states[contact.state].code,
                                            seen[contact.state].located()));
      }
      listed[contact.state] = true;
      seen[contact.state] = record.mark();
      result.m_contacts.push_back(std::move(contact));
    }
  }
  return result;
}

const Contact *Contacts::find(StateId state) const {
  const auto it = std::find_if(m_contacts.begin(), m_contacts.end(),
                               [state](const Contact &c) { return c.state == state; });
  return it == m_contacts.end() ? nullptr : &*it;
}

bool Contacts::names_language(std::string_view code) const {
  return std::any_of(m_contacts.begin(), m_contacts.end(),
                     [code](const Contact &c) { return c.language == code; });
}

} // namespace isukit::model
