#include "support/tls_certificates.h"

#include <functional>
#include <memory>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace ih::testing {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test certificate: ") + what + " failed");
}

Key newKey() {
  Key key(EVP_RSA_gen(2048), EVP_PKEY_free);
  check(key != nullptr, "RSA key generation");
  return key;
}

void addExtension(X509* certificate, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, decltype(&X509_EXTENSION_free)> extension(
      X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()), X509_EXTENSION_free);
  check(extension && X509_add_ext(certificate, extension.get(), -1) == 1, "adding an extension");
}

// Valid from an hour ago (clock skew) for a day.
Certificate newCertificate(const std::string& commonName, EVP_PKEY* key, long serial) {
  Certificate certificate(X509_new(), X509_free);
  check(certificate != nullptr, "X509_new");
  X509_set_version(certificate.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 3600);
  X509_set_pubkey(certificate.get(), key);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName.c_str()), -1,
                             -1, 0);
  return certificate;
}

void writePem(const std::string& path, const std::function<int(BIO*)>& write) {
  std::unique_ptr<BIO, decltype(&BIO_free)> file(BIO_new_file(path.c_str(), "w"), BIO_free);
  check(file && write(file.get()) == 1, "writing a PEM file");
}

}  // namespace

TlsFiles writeTlsFiles(const TempDir& dir, const std::string& name, const std::string& dnsName) {
  Key caKey = newKey();
  Certificate ca = newCertificate("ih test CA " + name, caKey.get(), 1);
  X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get()));
  addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  check(X509_sign(ca.get(), caKey.get(), EVP_sha256()) > 0, "signing the CA");

  Key serverKey = newKey();
  Certificate server = newCertificate(dnsName, serverKey.get(), 2);
  X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get()));
  addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
  addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth");
  addExtension(server.get(), ca.get(), NID_subject_alt_name, "DNS:" + dnsName);
  check(X509_sign(server.get(), caKey.get(), EVP_sha256()) > 0, "signing the server certificate");

  TlsFiles files{dir.file(name + "-ca.pem"), dir.file(name + "-server.pem"), dir.file(name + "-server-key.pem")};
  writePem(files.caCertificate, [&](BIO* out) { return PEM_write_bio_X509(out, ca.get()); });
  writePem(files.serverCertificate, [&](BIO* out) { return PEM_write_bio_X509(out, server.get()); });
  writePem(files.serverPrivateKey, [&](BIO* out) {
    return PEM_write_bio_PrivateKey(out, serverKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  return files;
}

}  // namespace ih::testing
