// host/domain/sealed_metadata.cpp - see sealed_metadata.h.
#include "domain/sealed_metadata.h"

#include "storage/integration_repositories.h"

namespace ih::host::domain {

std::string sealMetadata(const auth::SecretBox& secrets, std::string_view metadataJson) {
  return secrets.seal(metadataJson);
}

std::string openMetadata(const auth::SecretBox& secrets, const std::string& stored) {
  return auth::SecretBox::isSealed(stored) ? secrets.open(stored) : stored;
}

int resealPlaintextMetadata(storage::UnitOfWork& uow, const auth::SecretBox& secrets) {
  uow.beginWrite();
  storage::IntegrationRepository integrations(uow);
  int sealed = 0;
  for (const auto& integration : integrations.listMetadataNotStartingWith(auth::SecretBox::sealedPrefix())) {
    if (integrations.replaceMetadataIfUnchanged(integration.id, integration.metadataJson,
                                                sealMetadata(secrets, integration.metadataJson))) {
      ++sealed;
    }
  }
  return sealed;
}

}  // namespace ih::host::domain
