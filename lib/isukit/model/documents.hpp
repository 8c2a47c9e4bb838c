// The kinds of document isukit knows, and reading the ones a subcommand wants.
#pragma once

#include <isukit/io/inputs.hpp>
#include <isukit/io/yaml_reader.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::model {

/// Every kind isukit reads or writes (model/layouts). A document of any other kind is an error
/// wherever it is read, so a misspelt kind is never silently skipped.
bool is_known_kind(std::string_view kind);

/// Fails at `kind_node` unless the kind is known.
void require_known_kind(const std::string &kind, const io::Node &kind_node);

/// Fails at the first value of the document that its kind's layout (model/layouts) does not
/// allow: an unknown key at any level, a list that is not a list.
void check_layout(const io::Document &document);

/// The same for one record streamed from the list `list` of a document of `kind`.
void check_record(const std::string &kind, std::string_view list, const io::Node &record);

/// Says on stderr, at an `unmatched-payments` document (what `assess import --unmatched`
/// writes) found among the inputs, how many payments it holds and their sum in each currency:
/// money received from payers matched to no State is credited to none, and a ledger folder
/// holding it would otherwise leave it out without a word. Nothing for another kind, or for
/// a document with no payment (the import set none aside). Fails (65) at a payment whose
/// amount or currency cannot be read.
void note_unmatched_payments(const io::Document &document);

/// The treaty a document names (its `treaty:` value), in lower case: a treaty id is the same
/// in any case (`CCM` is ccm), as --treaty's is (man report-status), in every tool.
std::string treaty_id(const io::Node &value);

/// Whether a subcommand needs one of the kinds it names (a budget or its totals) or each.
enum class Need { one_of, each };

/// Nothing is computed from nothing: fails unless the inputs held documents of the `needed`
/// kinds (one of them, or each); a payments CSV counts as a 'payments' document. Inputs that held
/// nothing at all (a folder without data files; an empty file was refused by io::read_inputs)
/// are exit 66, "no input: needs documents of kind 'assessments' and 'payments'"; inputs of
/// other kinds are exit 65, naming the kinds read and the kind missing. For a list of records
/// (payments, reports, applications) the message says how to state "none": the document with an
/// empty list (`reports: []`).
void require_kinds(const io::InputsRead &read, std::initializer_list<std::string_view> needed,
                   Need need = Need::one_of);

/// Reads every document of the inputs and keeps those of the `wanted` kinds, in input order;
/// known kinds the caller does not want are skipped (a directory holds a whole set of
/// accounts). Fails as require_kinds does unless the wanted kinds were read (one, or each).
/// A CSV, where payments are wanted, is kept as an empty document of kind payments at its file
/// (its rows unread: its caller refuses it); elsewhere it is refused (65).
std::vector<io::Document> read_documents(const std::vector<std::string> &inputs,
                                         std::initializer_list<std::string_view> wanted,
                                         Need need = Need::one_of);

} // namespace isukit::model
