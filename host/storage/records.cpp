// host/storage/records.cpp - the text forms of the record enums, as stored
// in the database and shown in the API.
#include "storage/records.h"

#include <array>
#include <utility>

namespace ih::host::storage {

namespace {

template <class Enum, size_t N>
const char* nameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <class Enum, size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& text) {
  for (const auto& [candidate, name] : names) {
    if (text == name) return candidate;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<Role, const char*>, 2> kRoles{{{Role::Owner, "owner"}, {Role::Member, "member"}}};
constexpr std::array<std::pair<IssueStatus, const char*>, 2> kIssueStatuses{
    {{IssueStatus::Unresolved, "unresolved"}, {IssueStatus::Resolved, "resolved"}}};
constexpr std::array<std::pair<IntegrationStatus, const char*>, 3> kIntegrationStatuses{
    {{IntegrationStatus::Active, "active"},
     {IntegrationStatus::Disabled, "disabled"},
     {IntegrationStatus::PendingDeletion, "pending_deletion"}}};
constexpr std::array<std::pair<JobState, const char*>, 4> kJobStates{{{JobState::Pending, "pending"},
                                                                      {JobState::Running, "running"},
                                                                      {JobState::Done, "done"},
                                                                      {JobState::Dead, "dead"}}};

}  // namespace

const char* toString(Role role) { return nameOf(kRoles, role); }
std::optional<Role> roleFromString(const std::string& text) { return valueOf(kRoles, text); }
const char* toString(IssueStatus status) { return nameOf(kIssueStatuses, status); }
std::optional<IssueStatus> issueStatusFromString(const std::string& text) { return valueOf(kIssueStatuses, text); }
const char* toString(IntegrationStatus status) { return nameOf(kIntegrationStatuses, status); }
std::optional<IntegrationStatus> integrationStatusFromString(const std::string& text) {
  return valueOf(kIntegrationStatuses, text);
}
const char* toString(JobState state) { return nameOf(kJobStates, state); }
std::optional<JobState> jobStateFromString(const std::string& text) { return valueOf(kJobStates, text); }

}  // namespace ih::host::storage
