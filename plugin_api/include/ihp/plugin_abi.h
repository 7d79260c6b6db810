/*
 * plugin_abi.h - the integration-host plugin ABI, version 1.
 *
 * This header is the whole contract between the integration host and an
 * integration plugin (.so). It is pure C99 and depends only on <stddef.h> and
 * <stdint.h>, so a plugin can be written in C, C++ or anything with a C FFI.
 * docs/abi.md records every change to this file and why; a pinned hash in the
 * ABI tests fails the build when the header changes without a version bump.
 *
 * Rules (each one is enforced by a test named in docs/abi.md):
 *
 *  1. One entry symbol. A plugin exports exactly IHP_ENTRY_SYMBOL and nothing
 *     else. The entry is called once, on the host's main thread, before
 *     anything else; it negotiates the interface version (Vulkan-style) and
 *     checks the build fingerprint, and may refuse by returning an error.
 *  2. Versions. Major = breaking, minor = additions at the end of a table.
 *     A plugin runs on a host with the same major and a minor at least the
 *     plugin's minimum. Host-table members added after 1.0 must be checked
 *     with IHP_HOST_HAS() before use.
 *  3. Struct safety. Every extensible struct starts with `uint32_t struct_size`
 *     and has a minimum size, IHP_<NAME>_SIZE_V1_0 (its 1.0 layout; a struct
 *     added in 1.n has IHP_<NAME>_SIZE_V1_n, its first layout). Readers
 *     reject a struct_size below that minimum (never compare with sizeof: it
 *     grows with the header, and an older peer would be refused), check the
 *     size before they read a later member (IHP_HAS_MEMBER), and copy at most
 *     the size they know. Tables only grow at the end. ihp_str, ihp_header,
 *     ihp_route and ihp_fingerprint are frozen value types.
 *     Zero is the safe default: a writer that memsets a struct and fills only
 *     what it knows gets the cautious behaviour for every member added since
 *     1.2 (e.g. TLS verification). Two 1.0 values cannot change within major
 *     1 and need care: IHP_ROUTE_PUBLIC is 0 (set `access` explicitly), and
 *     ihp_assignee_sync.event_time_ms 0 turns its ordering guard off.
 *  4. Handles and data. Handles are opaque. Strings and bodies are (ptr, len),
 *     not NUL-terminated, borrowed for the duration of the call only; whoever
 *     keeps them copies them. A NULL ptr means "absent", distinct from empty.
 *  5. Ownership. Results flow through builders owned by the side that keeps
 *     them: a plugin answers through the host's ihp_reply builder (the host
 *     copies), and the host hands variable-size data to the plugin through the
 *     plugin's ihp_sink (the plugin copies). Neither side ever frees memory the
 *     other allocated.
 *  6. Errors. Every fallible call returns an ihp_status. Human-readable detail
 *     travels through the host (ihp_host_api.log or ihp_host_api.reply_error),
 *     never as memory allocated by the plugin. Unknown status values are
 *     treated as IHP_E_PERMANENT.
 *  7. No C++ across the boundary: no exceptions, longjmp, or C++ types. The
 *     C++ SDK (ihp/sdk/plugin.hpp) wraps every export in a fail-closed barrier.
 *  8. Threading. Each hook documents its thread. A plugin that does not set
 *     IHP_PLUGIN_THREAD_SAFE gets its hooks called one at a time (the host
 *     serialises them). Host services are thread-safe and never call back into
 *     the plugin, except through the sink passed to that very call.
 *  9. Lifetime. The host never unloads a plugin while it runs. The host table
 *     and the plugin table stay valid until the process exits.
 *
 * JSON documents exchanged with the host are UTF-8; their shapes are given
 * next to each service. Ids of host records are int64_t; 0 means "none".
 */
#ifndef IHP_PLUGIN_ABI_H
#define IHP_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Versions and the entry point                                             */
/* ------------------------------------------------------------------------ */

#define IHP_ABI_MAJOR 1
#define IHP_ABI_MINOR 6

/* The one symbol a plugin exports. Its type is ihp_entry_fn. */
#define IHP_ENTRY_SYMBOL "ihp_plugin_entry"

#if defined(_WIN32)
#define IHP_EXPORT __declspec(dllexport)
#else
#define IHP_EXPORT __attribute__((visibility("default")))
#endif

/* ------------------------------------------------------------------------ */
/* Status codes (int32_t; unknown values mean IHP_E_PERMANENT)              */
/* ------------------------------------------------------------------------ */

typedef int32_t ihp_status;

#define IHP_OK 0
#define IHP_E_RETRY 1        /* transient failure; the same call may succeed later */
#define IHP_E_PERMANENT 2    /* failed; retrying cannot help */
#define IHP_E_INVALID 3      /* an argument or input was malformed */
#define IHP_E_NOT_FOUND 4    /* the named record does not exist (or is not visible) */
#define IHP_E_INCOMPATIBLE 5 /* ABI version or build fingerprint mismatch */
#define IHP_E_UNAUTHORIZED 6 /* the remote side or the host refused the credentials */
#define IHP_E_CONFLICT 7     /* the record changed or the event is stale */
#define IHP_E_TIMEOUT 8      /* transport: no answer in time */
#define IHP_E_UNREACHABLE 9  /* transport: could not connect (DNS, refused, TLS) */
#define IHP_E_RESET 10       /* transport: connection reset by peer */
#define IHP_E_INTERNAL 11    /* a bug, e.g. an exception caught at the SDK barrier */
#define IHP_E_UNSUPPORTED 12 /* the hook or service is not provided */
#define IHP_E_FORBIDDEN 13   /* the caller may not do this (e.g. plugin disabled for the org) */

/* ------------------------------------------------------------------------ */
/* Frozen value types                                                       */
/* ------------------------------------------------------------------------ */

/* A borrowed byte string. ptr == NULL means absent; then len must be 0. */
typedef struct ihp_str {
  const char *ptr;
  size_t len;
} ihp_str;

/* An ihp_str initializer for a string literal: IHP_STR_LIT("GET"). */
#define IHP_STR_LIT(literal) { (literal), sizeof(literal) - 1 }

/* A borrowed header or name/value pair. */
typedef struct ihp_header {
  ihp_str name;
  ihp_str value;
} ihp_header;

/* ------------------------------------------------------------------------ */
/* Opaque handles                                                           */
/* ------------------------------------------------------------------------ */

/* Host-owned, one per hook call: who is calling, the unit of work the call's
 * storage writes join, and where logs are attributed. Valid during the call. */
typedef struct ihp_host_ctx ihp_host_ctx;

/* Host-owned result builder for one hook call. Valid during the call. */
typedef struct ihp_reply ihp_reply;

/* Plugin-owned instance created by ihp_plugin_api.init. */
typedef struct ihp_plugin ihp_plugin;

/* ------------------------------------------------------------------------ */
/* Plugin-owned output sink                                                  */
/* ------------------------------------------------------------------------ */

/* The host hands variable-size results to the plugin by calling write() zero
 * or more times during the service call; the plugin copies the bytes. The
 * host never keeps the sink after the call returns. */
typedef struct ihp_sink {
  uint32_t struct_size;
  void *self;
  void (*write)(void *self, const char *data, size_t len);
} ihp_sink;

/* ------------------------------------------------------------------------ */
/* Build fingerprint: settings that silently change layout                  */
/* ------------------------------------------------------------------------ */

#define IHP_BYTE_ORDER_MARK 0x01020304u

/* Frozen: compared field by field, struct_size included, so it never grows
 * within a major. */
typedef struct ihp_fingerprint {
  uint32_t struct_size;
  uint32_t abi_major;    /* IHP_ABI_MAJOR the side was built with */
  uint32_t pointer_size; /* sizeof(void *) */
  uint32_t size_t_size;  /* sizeof(size_t) */
  uint32_t byte_order;   /* IHP_BYTE_ORDER_MARK as stored natively */
} ihp_fingerprint;

#define IHP_FINGERPRINT_INIT                                                \
  {                                                                         \
    (uint32_t)sizeof(ihp_fingerprint), IHP_ABI_MAJOR,                       \
        (uint32_t)sizeof(void *), (uint32_t)sizeof(size_t),                 \
        IHP_BYTE_ORDER_MARK                                                 \
  }

/* ------------------------------------------------------------------------ */
/* Size-checking helpers                                                    */
/* ------------------------------------------------------------------------ */

/* True when a struct of the given struct_size contains `member` entirely. */
#define IHP_HAS_MEMBER(type, size, member)                                  \
  ((size_t)(size) >= offsetof(type, member) + sizeof(((type *)0)->member))

/* True when the host table contains `member` and it is set. */
#define IHP_HOST_HAS(api, member)                                           \
  (IHP_HAS_MEMBER(ihp_host_api, (api)->struct_size, member) &&              \
   (api)->member != NULL)

/* The size of a struct's layout up to and including `member`: the minimum
 * sizes below (IHP_<NAME>_SIZE_V1_0) are this for each struct's last 1.0
 * member. */
#define IHP_SIZE_THROUGH(type, member)                                      \
  (offsetof(type, member) + sizeof(((type *)0)->member))

/* The sink as ABI 1.0 defined it; readers accept any size from this. */
#define IHP_SINK_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_sink, write)

/* ------------------------------------------------------------------------ */
/* Outbound HTTP (host service)                                             */
/* ------------------------------------------------------------------------ */

typedef struct ihp_http_request {
  uint32_t struct_size;
  ihp_str method; /* "GET", "POST", ... */
  ihp_str url;    /* absolute http(s) URL, query included */
  const ihp_header *headers;
  size_t header_count;
  ihp_str body;        /* absent or empty for no body */
  uint32_t timeout_ms; /* connect + whole exchange; 0 = host default (30 s) */
  /* Up to 1.1 the only TLS switch: 0 = accept any certificate, nonzero =
   * verify. A host reads it only from a request too small to hold
   * tls_insecure_skip_verify (a plugin built for 1.0 or 1.1). A 1.2 plugin
   * still sets it to 1 when it wants verification, because a 1.0 or 1.1
   * host reads nothing else. */
  uint8_t verify_tls;
  /* Since 1.2, and alone deciding when the request holds it: 0 = verify the
   * server's certificate and name (what a zeroed request gets), 1 = accept
   * any certificate (prefer the host's --tls-ca-file). Any other value is
   * IHP_E_INVALID. A uint32_t, not a uint8_t: a byte would sit in the 1.1
   * struct's tail padding, so struct_size could not tell the layouts apart. */
  uint32_t tls_insecure_skip_verify;
} ihp_http_request;

/* The request as ABI 1.0 and 1.1 defined it; hosts accept any size from this. */
#define IHP_HTTP_REQUEST_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_http_request, verify_tls)

/* Whether a host verifies TLS for this request (the 1.2 rule; `request`
 * points at a struct whose struct_size says how much of it is real). */
#define IHP_HTTP_REQUEST_VERIFIES_TLS(request)                                   \
  (IHP_HAS_MEMBER(ihp_http_request, (request)->struct_size,                      \
                  tls_insecure_skip_verify)                                       \
       ? (request)->tls_insecure_skip_verify != 1                                \
       : (request)->verify_tls != 0)

/* Receives one HTTP response. on_status is called first, then on_header per
 * header, then on_body zero or more times. All data is borrowed. */
typedef struct ihp_http_response_sink {
  uint32_t struct_size;
  void *self;
  void (*on_status)(void *self, int32_t status);
  void (*on_header)(void *self, ihp_str name, ihp_str value);
  void (*on_body)(void *self, const char *data, size_t len);
  /* Since 1.1, optional (NULL or a 1.0-sized sink: not called). When the
   * exchange fails in transport and the host knows why, called once before
   * http_send returns, with the cause in words for an error message
   * ("Connection refused", "TLS: ... certificate verify failed"). Never
   * contains credentials. */
  void (*on_transport_error)(void *self, ihp_str cause);
} ihp_http_response_sink;

/* The response sink as ABI 1.0 defined it; hosts accept any size from this. */
#define IHP_HTTP_RESPONSE_SINK_SIZE_V1_0 \
  (offsetof(ihp_http_response_sink, on_body) + sizeof(void *))

/* ------------------------------------------------------------------------ */
/* OAuth 1.0a RSA-SHA1 signing (host service)                               */
/* ------------------------------------------------------------------------ */

typedef struct ihp_oauth1_request {
  uint32_t struct_size;
  ihp_str method;          /* as sent */
  ihp_str url;             /* as sent, query included (it is signed) */
  ihp_str consumer_key;
  ihp_str private_key_pem; /* PKCS#1 or PKCS#8, unencrypted */
  ihp_str token;           /* absent for the request-token call */
  ihp_str verifier;        /* present only for the access-token call */
} ihp_oauth1_request;

#define IHP_OAUTH1_REQUEST_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_oauth1_request, verifier)

/* ------------------------------------------------------------------------ */
/* Durable jobs (host service)                                              */
/* ------------------------------------------------------------------------ */

typedef struct ihp_job_spec {
  uint32_t struct_size;
  ihp_str kind;           /* plugin-defined, e.g. "status_inbound" */
  ihp_str payload_json;   /* handed back verbatim to run_job */
  ihp_str ordering_key;   /* jobs sharing a key run one at a time, in order; absent = none */
  int64_t organization_id;/* for isolation and listing; 0 = none */
  int64_t integration_id; /* 0 = none */
  int64_t delay_ms;       /* earliest start, relative to now */
} ihp_job_spec;

#define IHP_JOB_SPEC_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_job_spec, delay_ms)

/* ------------------------------------------------------------------------ */
/* Inbound sync (host services shared by every plugin)                      */
/* ------------------------------------------------------------------------ */

/* Assign or unassign every issue linked to (integration, external_key) in
 * every organization that links the integration, has the plugin enabled and
 * has config `sync_reverse_assignment` on. With assign = 1 the assignee is the
 * active user with a verified email equal to `email` (case-insensitive) who is
 * on a team of the issue's project; no such user leaves the issue unchanged.
 * Events older than the per-(org, external issue) assignee watermark are
 * skipped; `event_time_ms` then becomes the watermark. The change is recorded
 * with this integration as its source, so it never syncs back to it.
 * Result JSON: {"affected":N,"assigned":N,"unassigned":N,"unchanged":N,
 *               "stale":N,"userNotFound":N} */
typedef struct ihp_assignee_sync {
  uint32_t struct_size;
  int64_t integration_id;
  ihp_str external_key;
  uint8_t assign;        /* 1 = assign to `email`, 0 = unassign */
  ihp_str email;
  int64_t event_time_ms; /* the provider's time of the change; 0 = unknown (no ordering guard) */
  /* Since 1.3 (all optional; zero = as in 1.0). The remote user as the
   * provider names it: its login name and its stable key. With assign = 1
   * and no email (the provider hides it), or an email that matches no
   * verified address, the organization's user mapping for this name or key
   * decides. The name also goes into the sync log, so never pass secrets. */
  ihp_str remote_user;
  ihp_str remote_user_key;
} ihp_assignee_sync;

#define IHP_ASSIGNEE_SYNC_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_assignee_sync, event_time_ms)

#define IHP_STATUS_ACTION_RESOLVE 1
#define IHP_STATUS_ACTION_UNRESOLVE 2

/* Since 1.4, for ihp_status_sync.flags: the host applies the change only
 * while no job of the ticket other than the calling one is pending or
 * running (jobs whose ordering key is
 * "external-issue:<integration_id>:<external_key>", the plugin's own and the
 * host's outbound ones); otherwise it changes nothing and answers
 * IHP_E_CONFLICT, and the caller queues the change as a job behind them.
 * Lets a plugin apply a change where it arrives (a webhook, a job of
 * another ticket) when nothing is queued, without ever overtaking what is. */
#define IHP_STATUS_SYNC_UNLESS_QUEUED 1u

/* Since 1.6, for ihp_status_sync.flags: the host applies the change only
 * while the ticket's status watermark in the organization is not past
 * `event_time_ms` (no newer status was seen since the event that queued
 * it); otherwise it changes nothing and counts the issues as "stale". For a
 * change that ran late: a job that died and was retried by hand must not
 * put back a status that a newer one has replaced. Needs a struct_size that
 * covers event_time_ms and a time other than 0, else IHP_E_INVALID. */
#define IHP_STATUS_SYNC_UNLESS_SUPERSEDED 2u

/* Resolve or unresolve the issues of ONE organization linked to
 * (integration, external_key), following the org's `resolution_strategy`.
 * Issues already in the target state get no new activity.
 * Result JSON: {"affected":N,"changed":N,"stale":N} ("stale" since 1.6: the
 * issues left alone for a newer change, the host's own still to be written
 * or, with IHP_STATUS_SYNC_UNLESS_SUPERSEDED, a newer status seen) */
typedef struct ihp_status_sync {
  uint32_t struct_size;
  int64_t integration_id;
  int64_t organization_id;
  ihp_str external_key;
  int32_t action; /* IHP_STATUS_ACTION_*; 0 is invalid */
  /* Since 1.4 (zero = as in 1.3): IHP_STATUS_SYNC_* bits; an unknown bit is
   * IHP_E_INVALID. A uint64_t, not a uint32_t: four bytes would sit in the
   * 1.3 struct's tail padding, so struct_size could not tell the layouts
   * apart. */
  uint64_t flags;
  /* Since 1.6: the provider's time of the change, for
   * IHP_STATUS_SYNC_UNLESS_SUPERSEDED; otherwise not read. */
  int64_t event_time_ms;
} ihp_status_sync;

#define IHP_STATUS_SYNC_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_status_sync, action)

/* ------------------------------------------------------------------------ */
/* Sync log (host service, since 1.3)                                       */
/* ------------------------------------------------------------------------ */

#define IHP_SYNC_INBOUND 1
#define IHP_SYNC_OUTBOUND 2

#define IHP_SYNC_APPLIED 1
#define IHP_SYNC_SKIPPED 2
#define IHP_SYNC_PENDING 3
#define IHP_SYNC_FAILED 4

/* One line of the sync log of every issue linked to (integration_id,
 * external_key) in organization_id (0 = every organization that links the
 * integration). Users read `detail` to learn why something did or did not
 * sync, so write it in words: the reason only, the host puts the outcome in
 * front ("no status mapping for project 10000" is shown as "skipped: no
 * status mapping for project 10000"). At most 1000 bytes; never secrets. */
typedef struct ihp_sync_log_entry {
  uint32_t struct_size;
  int64_t organization_id;
  int64_t integration_id;
  ihp_str external_key;
  int32_t direction; /* IHP_SYNC_INBOUND | IHP_SYNC_OUTBOUND */
  int32_t outcome;   /* IHP_SYNC_APPLIED ... IHP_SYNC_FAILED */
  ihp_str kind;      /* "assignee" | "status" | "comment" | "link" | "reconcile" */
  ihp_str detail;
} ihp_sync_log_entry;

#define IHP_SYNC_LOG_ENTRY_SIZE_V1_3 IHP_SIZE_THROUGH(ihp_sync_log_entry, detail)

/* ------------------------------------------------------------------------ */
/* The host's function table                                                */
/* ------------------------------------------------------------------------ */

#define IHP_LOG_DEBUG 10
#define IHP_LOG_INFO 20
#define IHP_LOG_WARNING 30
#define IHP_LOG_ERROR 40

#define IHP_WATERMARK_ASSIGNEE 1
#define IHP_WATERMARK_STATUS 2

typedef struct ihp_host_api {
  uint32_t struct_size;
  uint32_t abi_minor; /* the host's IHP_ABI_MINOR */

  /* --- logging, metrics, clock ------------------------------------------ */

  /* A log line attributed to the plugin. Never pass secrets. */
  void (*log)(ihp_host_ctx *ctx, int32_t level, ihp_str message);
  /* Adds `delta` to the Prometheus counter `ihp_<plugin key>_<name>`, with
   * one optional label (label_name absent = unlabelled). */
  void (*counter_add)(ihp_host_ctx *ctx, ihp_str name, ihp_str label_name,
                      ihp_str label_value, double delta);
  /* Wall clock, milliseconds since the Unix epoch (tests inject a clock). */
  int64_t (*now_ms)(ihp_host_ctx *ctx);

  /* --- outbound HTTP ----------------------------------------------------- */

  /* Sends one request, never retried by the host (a retry would reuse an
   * OAuth nonce). IHP_OK means an HTTP response arrived, whatever its status.
   * Transport failures: IHP_E_TIMEOUT, IHP_E_UNREACHABLE, IHP_E_RESET, with
   * the cause through response->on_transport_error when the sink has it. */
  ihp_status (*http_send)(ihp_host_ctx *ctx, const ihp_http_request *request,
                          const ihp_http_response_sink *response);

  /* --- auth and crypto --------------------------------------------------- */

  ihp_status (*random_bytes)(ihp_host_ctx *ctx, uint8_t *out, size_t len);
  /* HMAC-SHA256(key, data) into out[32]. */
  ihp_status (*hmac_sha256)(ihp_host_ctx *ctx, ihp_str key, ihp_str data,
                            uint8_t *out32);
  /* 1 when equal, 0 otherwise; time depends only on the lengths. */
  int32_t (*constant_time_equals)(ihp_host_ctx *ctx, ihp_str a, ihp_str b);
  /* A compact JWS with header {"alg":"HS256","typ":"JWT"} over claims_json. */
  ihp_status (*jwt_hs256_sign)(ihp_host_ctx *ctx, ihp_str claims_json,
                               ihp_str secret, const ihp_sink *token_out);
  /* Verifies with HS256 only (any other alg, including "none", is refused),
   * constant-time, and checks exp/nbf when present. Writes the claims JSON.
   * IHP_E_INVALID: malformed; IHP_E_UNAUTHORIZED: bad signature/alg/expired. */
  ihp_status (*jwt_hs256_verify)(ihp_host_ctx *ctx, ihp_str token,
                                 ihp_str secret, const ihp_sink *claims_out);
  /* Decodes the claims WITHOUT verifying (to find the key). IHP_E_INVALID if
   * the token is not a three-part JWS with a JSON object payload. */
  ihp_status (*jwt_peek_claims)(ihp_host_ctx *ctx, ihp_str token,
                                const ihp_sink *claims_out);
  /* IHP_OK if pem is an unencrypted PEM private key (PKCS#1 or PKCS#8). */
  ihp_status (*private_key_check)(ihp_host_ctx *ctx, ihp_str pem);
  /* Writes a complete `Authorization` header value with a fresh nonce and
   * timestamp. Sign every attempt anew: Jira rejects a reused nonce. */
  ihp_status (*oauth1_sign)(ihp_host_ctx *ctx, const ihp_oauth1_request *request,
                            const ihp_sink *authorization_out);

  /* --- integration records, credentials, org config ---------------------- */
  /* A plugin only ever sees integrations of its own provider (its key).     */

  /* {"id","provider","externalId","name","status":"active"|"disabled"|"pending_deletion",
   *  "metadata":{...}} for the integration with this external id. */
  ihp_status (*integration_find)(ihp_host_ctx *ctx, ihp_str external_id,
                                 const ihp_sink *integration_out);
  /* Same shape, by id. */
  ihp_status (*integration_get)(ihp_host_ctx *ctx, int64_t integration_id,
                                const ihp_sink *integration_out);
  /* Merges the JSON object into the integration's metadata (joins the unit of work). */
  ihp_status (*integration_merge_metadata)(ihp_host_ctx *ctx, int64_t integration_id,
                                           ihp_str metadata_patch_json);
  /* [{"organizationId","pluginEnabled":bool,"status","config":{...}}] for
   * every organization that links the integration. */
  ihp_status (*org_links_list)(ihp_host_ctx *ctx, int64_t integration_id,
                               const ihp_sink *links_out);
  /* The credentials JSON stored at install for the identity the org link
   * uses (organization_id 0: any identity of the integration, for uninstall). */
  ihp_status (*credentials_get)(ihp_host_ctx *ctx, int64_t integration_id,
                                int64_t organization_id, const ihp_sink *credentials_out);
  /* Merges the JSON object into the org link's stored config, bypassing
   * config_update (for plugin-kept state such as per-project form defaults). */
  ihp_status (*org_config_merge)(ihp_host_ctx *ctx, int64_t organization_id,
                                 int64_t integration_id, ihp_str config_patch_json);

  /* --- domain: issues, users, activities --------------------------------- */

  /* [{"organizationId","issueId","projectId","externalIssueId","status","assigneeId"}]
   * for every issue linked to (integration, external_key), all organizations. */
  ihp_status (*linked_issues_find)(ihp_host_ctx *ctx, int64_t integration_id,
                                   ihp_str external_key, const ihp_sink *issues_out);
  /* [{"id","email","name"}]: active users of the org with a verified email
   * equal to `email` (case-insensitive) on a team that has project_id
   * (project_id 0 = any project of the org). */
  ihp_status (*users_find_by_email)(ihp_host_ctx *ctx, int64_t organization_id,
                                    ihp_str email, int64_t project_id,
                                    const ihp_sink *users_out);
  /* Assigns (user_id > 0) or unassigns (0); writes an activity when it
   * changed something. IHP_E_CONFLICT when nothing changed. */
  ihp_status (*issue_assign)(ihp_host_ctx *ctx, int64_t organization_id,
                             int64_t issue_id, int64_t user_id,
                             int64_t source_integration_id);
  /* Resolves (resolved = 1) or unresolves; activity when it changed something. */
  ihp_status (*issue_set_resolved)(ihp_host_ctx *ctx, int64_t organization_id,
                                   int64_t issue_id, int32_t resolved,
                                   int64_t source_integration_id);
  /* Appends an activity {type, data} to an issue. */
  ihp_status (*activity_write)(ihp_host_ctx *ctx, int64_t organization_id,
                               int64_t issue_id, ihp_str type, ihp_str data_json);
  ihp_status (*sync_assignee_inbound)(ihp_host_ctx *ctx, const ihp_assignee_sync *sync,
                                      const ihp_sink *result_out);
  ihp_status (*sync_status_inbound)(ihp_host_ctx *ctx, const ihp_status_sync *sync,
                                    const ihp_sink *result_out);
  /* Advances the (org, integration, external key) watermark of `kind`
   * (IHP_WATERMARK_*) to event_time_ms. IHP_OK when the event is new,
   * IHP_E_CONFLICT when it is stale: older than the mark (assignee) or
   * older than or equal to it (status). Joins the unit of work. */
  ihp_status (*watermark_advance)(ihp_host_ctx *ctx, int64_t organization_id,
                                  int64_t integration_id, ihp_str external_key,
                                  int32_t kind, int64_t event_time_ms);
  /* Remembers the remote id of a comment posted for a host comment. */
  ihp_status (*comment_link_external)(ihp_host_ctx *ctx, int64_t organization_id,
                                      int64_t comment_id, int64_t external_issue_id,
                                      ihp_str external_comment_id);
  /* Marks an external issue as gone on the remote side (e.g. 404). */
  ihp_status (*external_issue_mark_gone)(ihp_host_ctx *ctx, int64_t organization_id,
                                         int64_t external_issue_id, ihp_str reason);
  /* The remote ticket changed its key (e.g. moved to another project): every
   * organization's external issue (integration, old_key) takes new_key, unless
   * one with new_key already exists there. Joins the unit of work. */
  ihp_status (*external_issue_rekey)(ihp_host_ctx *ctx, int64_t integration_id,
                                     ihp_str old_key, ihp_str new_key);

  /* --- durable jobs ------------------------------------------------------- */

  /* Enqueues a job for this plugin's run_job hook. It commits with the
   * calling hook's unit of work, so a rolled-back hook enqueues nothing. */
  ihp_status (*job_enqueue)(ihp_host_ctx *ctx, const ihp_job_spec *job);

  /* --- reply builder (the only way a hook returns data) ------------------- */

  /* HTTP-like status of the result (default 200). */
  void (*reply_status)(ihp_reply *reply, int32_t http_status);
  void (*reply_header)(ihp_reply *reply, ihp_str name, ihp_str value);
  /* Appends to the body (JSON unless a Content-Type header says otherwise). */
  void (*reply_body)(ihp_reply *reply, const char *data, size_t len);
  /* A human-readable reason for a failed hook (job dead-letter reason, log). */
  void (*reply_error)(ihp_reply *reply, ihp_str message);
  /* Jobs: run again no earlier than this (a 429's Retry-After). */
  void (*reply_retry_after_ms)(ihp_reply *reply, int64_t delay_ms);
  /* Pipelines: the state to keep for the next step (JSON object). */
  void (*reply_pipeline_state)(ihp_reply *reply, ihp_str state_json);
  /* Pipelines: a lookup key for browser callbacks that carry no bearer
   * token (e.g. the OAuth request token). */
  void (*reply_pipeline_ref)(ihp_reply *reply, ihp_str ref);

  /* --- since 1.3 (check with IHP_HOST_HAS) -------------------------------- */

  /* Appends to the sync log (see ihp_sync_log_entry). Joins the unit of
   * work, so a hook that fails leaves no entry; the host itself logs the
   * failures of the jobs it runs. IHP_E_NOT_FOUND when no issue is linked. */
  ihp_status (*sync_log_write)(ihp_host_ctx *ctx, const ihp_sync_log_entry *entry);

  /* --- since 1.5 (check with IHP_HOST_HAS) -------------------------------- */

  /* In an IHP_REQUEST_PHASE_ACCEPT call: keep this request and apply it later
   * (see ihp_request.phase). Ignored in any other call. */
  void (*reply_defer)(ihp_reply *reply);
} ihp_host_api;

/* The size of the 1.0 host table; a host table smaller than this is refused. */
#define IHP_HOST_API_SIZE_V1_0 (offsetof(ihp_host_api, reply_pipeline_ref) + sizeof(void *))

/* ------------------------------------------------------------------------ */
/* Hook inputs                                                              */
/* ------------------------------------------------------------------------ */

/* Route access rules, checked by the host before the plugin runs. */
#define IHP_ROUTE_PUBLIC 0     /* no bearer token (webhooks, browser callbacks) */
#define IHP_ROUTE_ORG_MEMBER 1 /* path has {org}; token of a member; plugin enabled there */

/* A route the plugin serves (frozen: no struct_size). Paths live under /extensions/<key>/ or
 * /extensions/<key with '_' replaced by '-'>/ and may contain {name}
 * segments, e.g. "/extensions/jira-server/issue-updated/{token}/". */
typedef struct ihp_route {
  ihp_str method;
  ihp_str path_pattern;
  int32_t access; /* IHP_ROUTE_*; beware, 0 is IHP_ROUTE_PUBLIC */
} ihp_route;

typedef struct ihp_request {
  uint32_t struct_size;
  uint32_t route_index; /* index into ihp_plugin_api.routes */
  ihp_str method;
  ihp_str path;
  ihp_str query; /* raw, without '?' */
  const ihp_header *headers; /* names lowercase */
  size_t header_count;
  const ihp_header *path_params; /* the {name} segments, percent-decoded */
  size_t path_param_count;
  ihp_str body; /* raw bytes, already size-limited by the host */
  int64_t organization_id; /* IHP_ROUTE_ORG_MEMBER routes; else 0 */
  int64_t user_id;         /* the authenticated user; 0 = superuser or none */
  /* Since 1.5 (zero = as before): IHP_REQUEST_PHASE_*. */
  uint32_t phase;
} ihp_request;

#define IHP_REQUEST_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_request, user_id)

/* Since 1.5, ihp_request.phase. A webhook sender that never retries turns the
 * host's answer into a promise, and keeping it must not wait for the work the
 * request causes; these phases split the two.
 *   INLINE  check, apply and answer in this call (every request before 1.5).
 *   ACCEPT  check the request and answer it. To apply it later, call
 *           reply_defer and answer 2xx: the host stores the request durably
 *           (the same bytes, headers and path), answers once it is on disk,
 *           and calls this hook with APPLY. Without reply_defer the call
 *           counts as an INLINE one: nothing is kept, its writes commit
 *           as usual (so a plugin unaware of phases works unchanged).
 *   APPLY   apply a request accepted earlier, in stored order, possibly on
 *           another host and after a restart. Nobody sees the reply: IHP_OK
 *           with a status below 500 commits and ends the request (a 4xx
 *           drops it, e.g. its integration is gone); anything else rolls
 *           back and the host tries again later. */
#define IHP_REQUEST_PHASE_INLINE 0
#define IHP_REQUEST_PHASE_ACCEPT 1
#define IHP_REQUEST_PHASE_APPLY 2

/* One step of the installation pipeline.
 * The reply's body is the step's `data` object. Its status says what happens:
 *   200 + reply_pipeline_state -> advance to step_index + 1
 *   201                         -> complete: the body is the integration to build
 *       {"externalId","name","metadata":{...},"credentials":{...}}; the host
 *       persists integration, identity and org link atomically
 *   400                         -> the step failed: {"detail"} or field errors */
typedef struct ihp_pipeline_call {
  uint32_t struct_size;
  int64_t organization_id;
  int64_t user_id;       /* the installing user (0 = superuser) */
  uint32_t step_index;   /* 0-based */
  ihp_str state_json;    /* what the previous step stored; "{}" at first */
  ihp_str input_json;    /* the step's form body, or the callback's query as an object */
  ihp_str public_url;    /* the host's absolute URL prefix, no trailing '/' */
} ihp_pipeline_call;

#define IHP_PIPELINE_CALL_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_pipeline_call, public_url)

#define IHP_EVENT_ISSUE_ASSIGNED 1
#define IHP_EVENT_ISSUE_STATUS_CHANGED 2
#define IHP_EVENT_COMMENT_CREATED 3
#define IHP_EVENT_COMMENT_UPDATED 4

/* An outbound event for one linked external issue. The host delivers it from
 * its durable queue (ordered per external issue), so the hook may call the
 * remote side and ask for a retry. Event JSON:
 *   common: {"organizationId","integrationId","config":{...},
 *            "issue":{"id","shortId","title","status","projectId"},
 *            "externalIssue":{"id","key"}}
 *   ISSUE_ASSIGNED: "assignee": null | {"id","name","email","verifiedEmails":[...],
 *                   "remoteUser"? (since 1.3: the organization maps this user to
 *                   that remote user name; assign it without an email search)}
 *   ISSUE_STATUS_CHANGED: "resolved": bool
 *   COMMENT_*: "comment": {"id","text","author":{"id","name"},"externalCommentId"?} */
typedef struct ihp_event {
  uint32_t struct_size;
  int32_t type; /* IHP_EVENT_* */
  ihp_str event_json;
  uint32_t attempt; /* 1 for the first try */
} ihp_event;

#define IHP_EVENT_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_event, attempt)

typedef struct ihp_job {
  uint32_t struct_size;
  int64_t job_id;
  ihp_str kind;
  ihp_str payload_json;
  uint32_t attempt; /* 1 for the first try */
} ihp_job;

#define IHP_JOB_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_job, attempt)

#define IHP_FORM_LINK 1
#define IHP_FORM_CREATE 2

/* Link/create forms for an issue. Context JSON:
 *   {"organizationId","organizationSlug","integrationId","config":{...},
 *    "issue":{"id","shortId","title","url","projectId"},
 *    "params":{...query parameters...}}
 * issue_form replies {"fields":[...]}. issue_action gets the submitted body in
 * input_json and replies 201 {"key","title","description","url"}; the host
 * stores the external issue and links it. Errors: 400 + field errors. */
typedef struct ihp_form_call {
  uint32_t struct_size;
  int32_t form; /* IHP_FORM_* */
  ihp_str context_json;
  ihp_str input_json; /* issue_action only */
} ihp_form_call;

#define IHP_FORM_CALL_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_form_call, input_json)

/* Settings. config_update gets the stored config and the submitted patch and
 * replies 200 with the complete config to store, or 400 with field errors.
 * config_view turns the stored config into what the API shows. */
typedef struct ihp_config_call {
  uint32_t struct_size;
  int64_t organization_id;
  int64_t integration_id;
  ihp_str stored_json;
  ihp_str patch_json; /* config_update only */
} ihp_config_call;

#define IHP_CONFIG_CALL_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_config_call, patch_json)

/* The last organization unlinked the integration: remove what install created
 * on the remote side (e.g. the webhook). Runs from the durable queue; the
 * host deletes the integration and its credentials after IHP_OK. */
typedef struct ihp_uninstall_call {
  uint32_t struct_size;
  int64_t integration_id;
  ihp_str integration_json; /* integration_get's shape, metadata included */
  ihp_str credentials_json;
  uint32_t attempt;
} ihp_uninstall_call;

#define IHP_UNINSTALL_CALL_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_uninstall_call, attempt)

/* Since 1.3. Looks up remote users by name or key for a user mapping.
 * users_json: ["jdoe", "JIRAUSER10100", ...]. Reply 200:
 * [{"query","found":bool,"name","key","displayName"}] in the same order. */
typedef struct ihp_remote_users_call {
  uint32_t struct_size;
  int64_t organization_id;
  int64_t integration_id;
  ihp_str users_json;
} ihp_remote_users_call;

#define IHP_REMOTE_USERS_CALL_SIZE_V1_3 IHP_SIZE_THROUGH(ihp_remote_users_call, users_json)

/* ------------------------------------------------------------------------ */
/* The plugin's table                                                       */
/* ------------------------------------------------------------------------ */

#define IHP_PLUGIN_THREAD_SAFE 0x1u /* hooks may run concurrently */

/* Feature names a plugin may list. */
#define IHP_FEATURE_ISSUE_BASIC "issue-basic"
#define IHP_FEATURE_ISSUE_SYNC "issue-sync"
#define IHP_FEATURE_USER_MAPPING "user-mapping"

typedef struct ihp_plugin_api {
  uint32_t struct_size;
  ihp_fingerprint fingerprint; /* the plugin's build; the host compares it field by field */

  /* Descriptor. key: [a-z0-9_]{1,64}, unique among loaded plugins. */
  ihp_str key;
  ihp_str name;
  ihp_str version;
  const ihp_str *features;
  uint32_t feature_count;
  uint32_t flags; /* IHP_PLUGIN_* */

  const ihp_route *routes;
  uint32_t route_count;
  /* Pipeline: the step names, and the query parameter of the browser callback
   * GET /extensions/<key>/setup/ that carries the pipeline ref (absent = none). */
  const ihp_str *pipeline_steps;
  uint32_t pipeline_step_count;
  ihp_str pipeline_callback_param;

  /* Main thread, once, after the entry succeeded. May refuse (the host then
   * skips the plugin). *instance may be NULL for a stateless plugin. */
  ihp_status (*init)(const ihp_host_api *host, ihp_host_ctx *ctx,
                     ihp_plugin **instance);
  /* Main thread, once, after every other hook has returned. Optional. */
  void (*shutdown)(ihp_plugin *instance);

  /* HTTP server worker threads. */
  ihp_status (*handle_request)(ihp_plugin *instance, ihp_host_ctx *ctx,
                               const ihp_request *request, ihp_reply *reply);
  ihp_status (*pipeline_step)(ihp_plugin *instance, ihp_host_ctx *ctx,
                              const ihp_pipeline_call *call, ihp_reply *reply);
  ihp_status (*issue_form)(ihp_plugin *instance, ihp_host_ctx *ctx,
                           const ihp_form_call *call, ihp_reply *reply);
  ihp_status (*issue_action)(ihp_plugin *instance, ihp_host_ctx *ctx,
                             const ihp_form_call *call, ihp_reply *reply);
  ihp_status (*config_update)(ihp_plugin *instance, ihp_host_ctx *ctx,
                              const ihp_config_call *call, ihp_reply *reply);
  ihp_status (*config_view)(ihp_plugin *instance, ihp_host_ctx *ctx,
                            const ihp_config_call *call, ihp_reply *reply);

  /* Job worker threads. IHP_OK = done; IHP_E_RETRY = try again with backoff
   * (or after reply_retry_after_ms); anything else = dead-letter with the
   * reply_error reason. */
  ihp_status (*handle_event)(ihp_plugin *instance, ihp_host_ctx *ctx,
                             const ihp_event *event, ihp_reply *reply);
  ihp_status (*run_job)(ihp_plugin *instance, ihp_host_ctx *ctx,
                        const ihp_job *job, ihp_reply *reply);
  ihp_status (*uninstall)(ihp_plugin *instance, ihp_host_ctx *ctx,
                          const ihp_uninstall_call *call, ihp_reply *reply);

  /* --- since 1.3 (a smaller table or NULL: not provided) ------------------ */

  /* HTTP server worker threads (validating a user mapping). */
  ihp_status (*remote_users_resolve)(ihp_plugin *instance, ihp_host_ctx *ctx,
                                     const ihp_remote_users_call *call, ihp_reply *reply);
} ihp_plugin_api;

/* The size of the 1.0 plugin table; a smaller table is refused. */
#define IHP_PLUGIN_API_SIZE_V1_0 (offsetof(ihp_plugin_api, uninstall) + sizeof(void *))

/* ------------------------------------------------------------------------ */
/* Entry                                                                     */
/* ------------------------------------------------------------------------ */

typedef struct ihp_entry_args {
  uint32_t struct_size;
  /* in */
  ihp_fingerprint host_fingerprint;
  uint32_t host_abi_major;
  uint32_t host_abi_minor;        /* the highest minor the host implements */
  const ihp_host_api *host_api;   /* valid until the process exits */
  /* out */
  uint32_t plugin_abi_major;      /* the major the plugin was built for */
  uint32_t plugin_min_minor;      /* the lowest host minor the plugin runs on */
  uint32_t negotiated_minor;      /* min(host_abi_minor, the plugin's IHP_ABI_MINOR) */
  const ihp_plugin_api *plugin_api; /* static; valid until the process exits */
} ihp_entry_args;

/* The entry arguments as ABI 1.0 defined them. A plugin checks struct_size
 * against this, not sizeof: the struct may grow, and a plugin built against
 * a newer header must still accept an older host's smaller struct. */
#define IHP_ENTRY_ARGS_SIZE_V1_0 IHP_SIZE_THROUGH(ihp_entry_args, plugin_api)

/* Main thread, once, first. Fill the out members and return IHP_OK, or
 * IHP_E_INCOMPATIBLE when the host's major/minor or fingerprint cannot work. */
typedef ihp_status (*ihp_entry_fn)(ihp_entry_args *args);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* IHP_PLUGIN_ABI_H */
