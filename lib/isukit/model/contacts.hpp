// Who a letter to a state goes to: `contacts` documents (user data, any number of files).
#pragma once

#include <isukit/model/states.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::model {

/// One state's addressee as the user wrote it: the text is the letter's, in whatever language
/// the user chose for that state.
struct Contact {
  StateId state = 0;
  std::string addressee; // "Permanent Mission of ... to the United Nations Office at Geneva"
  std::vector<std::string> address; // lines
  std::string email;
  std::string salutation; // "Excellency,", in `language` (English when empty); a letter in another
                          // language, or none given, uses the catalogue's `letter.salutation`
  std::string language;   // a code of DATA/i18n, or empty
};

class Contacts {
public:
  /// Reads every `contacts` document of `inputs` (files or directories; none: no contacts).
  /// Fails (65) at an unknown state, a state listed twice (naming the first place), or a
  /// language that DATA/i18n does not hold (`languages`: its codes).
  static Contacts read(const std::vector<std::string> &inputs, const StateTable &states,
                       const std::vector<std::string> &languages);

  const Contact *find(StateId state) const;
  /// Whether some contact asks for letters in `code`.
  bool names_language(std::string_view code) const;
  bool empty() const { return m_contacts.empty(); }

private:
  std::vector<Contact> m_contacts;
};

} // namespace isukit::model
