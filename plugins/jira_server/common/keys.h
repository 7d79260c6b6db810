// common/keys.h - the names of the JSON documents this plugin writes at install
// and reads back later: integration metadata, stored credentials, org config
// toggles, job kinds. One place, so setup (writer) and webhook/sync/client
// (readers) cannot drift apart, and part 2 extends the same lists.
#pragma once

#include <string_view>

namespace ih::jira::keys {

// --- integration metadata (never served by the host, sealed by it at rest:
//     webhook secrets live here)
inline constexpr std::string_view kBaseUrl = "base_url";
inline constexpr std::string_view kDomainName = "domain_name";
inline constexpr std::string_view kVerifySsl = "verify_ssl";
inline constexpr std::string_view kWebhookSecret = "webhook_secret";        // signs the URL JWT
inline constexpr std::string_view kWebhookId = "webhook_id";                // string; null when Jira gave none
inline constexpr std::string_view kWebhookApi = "webhook_api";              // "legacy" | "jira-webhook"
inline constexpr std::string_view kDcWebhookSecret = "dc_webhook_secret";   // Jira DC 10 X-Hub-Signature key
// Jira's status list shared by every host (sync/status_categories.h):
// {"fetched_at_ms": N, "by_id": {"<status id>": "<category key>"}}.
inline constexpr std::string_view kStatusCategories = "status_categories";
inline constexpr std::string_view kStatusCategoriesFetchedAt = "fetched_at_ms";
inline constexpr std::string_view kStatusCategoriesById = "by_id";

// --- credentials (stored sealed by the host, per identity)
inline constexpr std::string_view kAuthType = "auth_type";                  // "oauth1" | "pat"
inline constexpr std::string_view kAuthTypeOAuth1 = "oauth1";
inline constexpr std::string_view kAuthTypePat = "pat";
inline constexpr std::string_view kConsumerKey = "consumer_key";
inline constexpr std::string_view kPrivateKey = "private_key";
inline constexpr std::string_view kAccessToken = "access_token";
inline constexpr std::string_view kAccessTokenSecret = "access_token_secret";
inline constexpr std::string_view kPersonalAccessToken = "personal_access_token";  // part 2 (PAT auth)

// --- org-link config toggles read by the inbound paths
inline constexpr std::string_view kSyncReverseAssignment = "sync_reverse_assignment";  // host-side gate
inline constexpr std::string_view kSyncStatusReverse = "sync_status_reverse";

// --- durable job kinds handled by run_job
inline constexpr std::string_view kJobStatusInbound = "status_inbound";
// Started by the host (POST .../reconcile/, --reconcile-interval-s) with every live linked ticket.
inline constexpr std::string_view kJobReconcile = "reconcile";

}  // namespace ih::jira::keys
