// The provider side of RFC 5849: reading the `Authorization: OAuth ...` header and
// rebuilding the signature base string from what the mock itself received. Written
// independently of the host's signer on purpose, so the two cannot share a bug; only
// the generic percent codec (RFC 3986 unreserved = RFC 5849 §3.6) is shared, and it
// is tested against RFC 5849's own vectors.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/http_types.h"

namespace ih::mock {

// Parameters of an OAuth Authorization header, values percent-decoded, in header order;
// nullopt when the header does not use the OAuth scheme.
std::optional<ParamList> parseOAuthHeader(std::string_view authorization);
const std::string* findParam(const ParamList& params, std::string_view name);

// §3.4.1.3: what is signed: the query, the header's parameters without
// oauth_signature and realm, and a form-encoded body's parameters.
ParamList signedParameters(const HttpRequest& request, const ParamList& oauthParams);

// §3.4.1.2: scheme and host lowercase, default port dropped, path as received.
std::string baseStringUri(const UrlParts& configuredBase, std::string_view requestPath);
// §3.4.1: METHOD & encoded URI & encoded, sorted, normalised parameters. `params` must
// already exclude oauth_signature and realm.
std::string signatureBaseString(std::string_view method, std::string_view baseUri, ParamList params);

}  // namespace ih::mock
