// tickets/ticket_reply.h - the answers the link and create actions share:
// the ticket the host stores (201 {"key","title","description","url"}) and
// Jira failures as the form shows them (Sentry's user-facing mapping: 401 ->
// "Unauthorized: ...", Jira's `errors` -> per-field errors, other HTTP errors
// -> "Error Communicating with Jira Server (HTTP n): <errorMessages>",
// transport errors -> their text). Always 400, so the host shows them.
#pragma once

#include <string>
#include <string_view>

#include "client/api_error.h"
#include "client/issue_api.h"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

inline constexpr std::string_view kUnauthorizedDetail =
    "Unauthorized: either your access token was invalid or you do not have access";

// {base}/browse/{KEY}
std::string browseUrl(std::string_view baseUrl, std::string_view key);

void replyTicket(ihp::sdk::Reply& reply, const JiraIssue& issue, std::string_view baseUrl);

// The one-line text of a Jira failure (no field errors).
std::string jiraErrorDetail(const ApiError& error);

// 400 with Jira's `errors` as field errors when it sent any, else {"detail"}.
void replyJiraError(ihp::sdk::Reply& reply, const ApiError& error);

}  // namespace ih::jira
