// host/domain/sealed_metadata.h - integration metadata at rest.
//
// Plugins keep secrets in an integration's metadata (the Jira plugin's webhook
// JWT secret and Jira DC's signing secret), and a copy of the database must not
// be enough to forge deliveries. So the whole document is sealed with the
// credentials' SecretBox (AES-256-GCM) before it is written, and opened when it
// is read; plugins see plain JSON through the ABI as before. Rows an older host
// wrote in plaintext stay readable, and every start re-seals them.
#pragma once

#include <string>
#include <string_view>

#include "auth/secret_box.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

std::string sealMetadata(const auth::SecretBox& secrets, std::string_view metadataJson);
// Plaintext (a row not re-sealed yet) is returned as is.
std::string openMetadata(const auth::SecretBox& secrets, const std::string& stored);

// Seals every metadata row still in plaintext, in one write transaction;
// returns how many. Idempotent, and safe beside running hosts on the same
// database: a row another host changed meanwhile is left to that writer.
int resealPlaintextMetadata(storage::UnitOfWork& uow, const auth::SecretBox& secrets);

}  // namespace ih::host::domain
