// Which state a payment came from, read from the payer's name on a bank line. Nothing is
// guessed: a payer is matched only when its folded text is exactly a state's code, one of its
// names, or a user's alias; otherwise the closest states are offered, never chosen.
#pragma once

#include <isukit/model/states.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace isukit::assess {

struct PayerMatch {
  enum class Outcome { matched, unmatched, ambiguous };
  Outcome outcome = Outcome::unmatched;
  model::StateId state = 0; // when matched
  std::string how; // when matched: "alias", "code", "name_en", "name_fr"..., "formal_en"...
  std::vector<model::StateId>
      candidates;       // otherwise: the closest states, closest first (at most 5)
  std::size_t tied = 0; // how many candidates share the closest place
};

class PayerMatcher {
public:
  /// `aliases` (payer text as the bank writes it, state) win over names and codes, so the
  /// user decides any clash; `drop_words` are phrases removed wherever they occur as whole
  /// words ("Permanent Mission of", "Embassy of"). All texts are compared folded
  /// (util::fold_text).
  PayerMatcher(const model::StateTable &states,
               const std::vector<std::pair<std::string, model::StateId>> &aliases,
               const std::vector<std::string> &drop_words);

  /// Matches a payer text: an alias, else a code, else a name or formal name (with or without
  /// its leading article: "French Republic", "République française") in any language of the
  /// data, equal to the payer text once folded and rid of the drop words. Unmatched texts get
  /// as candidates first the states whose names (formal ones too) occur in them as whole words,
  /// a name occurring only within a longer name of another state aside ("Guinea" in "Embassy
  /// of the Republic of Guinea-Bissau" names Guinea-Bissau alone), then those whose short names
  /// share the most words of four letters or more, words found in the names of more than five
  /// states (Republic, Kingdom, Democratic) aside; the outcome is `ambiguous` when several
  /// states tie as closest (both Congos named in one text; names that overlap, neither holding
  /// the other, "Papua New Guinea-Bissau"; "Korea"), else `unmatched`. A text that shares no
  /// word with any name gets the state whose name it spells but for a slip in its words
  /// (io::nearest: "Frnace", "Unted Kingdom"), if any.
  PayerMatch match(std::string_view payer) const;

  /// The folded payer text the matching compares ("switzerland").
  std::string normalize(std::string_view payer) const;

private:
  /// The candidates of a payer text that matches nothing exactly.
  PayerMatch closest(const std::string &text) const;
  /// The state of the first name (not code) whose words the text's words spell but for slips
  /// (io::nearest, word by word: "frnace" for "france"), when one does.
  std::optional<model::StateId> misspelt(const std::vector<std::string> &text_words) const;
  struct Key {
    std::string folded;
    model::StateId state;
    std::string how;
    std::vector<std::string> words; // of `folded`, for names and codes
  };
  int shared_words(const std::vector<std::string> &text_words, const Key &name) const;
  std::set<model::StateId> named_whole(const std::vector<std::string> &text_words) const;
  void add_names(const model::State &state, model::StateId id);
  void find_generic_words();

  std::vector<Key> m_aliases;
  std::vector<Key> m_names; // codes, names and formal names
  std::unordered_map<std::string, std::vector<std::size_t>> m_exact; // folded -> m_names indices
  std::unordered_set<std::string> m_generic;                         // folded generic words
  std::vector<std::string> m_drop_words;                             // folded, longest first
};

} // namespace isukit::assess
