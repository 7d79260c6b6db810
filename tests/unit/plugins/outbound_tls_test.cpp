// PocoOutboundClient over real TLS: an in-process HTTPS server whose
// certificate a throwaway CA signed (support/tls_certificates.h). Verification
// on refuses a CA the client does not trust, with a cause that says TLS (and
// never a prompt on stdin); verification off accepts it; a CA given as TlsTrust is
// trusted; and the name is checked even on localhost.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "http/outbound_client.h"
#include "support/temp_dir.h"
#include "support/tls_certificates.h"
#include "support/tls_server.h"

namespace ih::host::http {
namespace {

class OutboundTlsTest : public ::testing::Test {
 protected:
  OutboundRequest get(const std::string& hostName, bool verify) const {
    OutboundRequest request;
    request.url = "https://" + hostName + ":" + std::to_string(server_.port()) + "/";
    request.timeoutMs = 10000;
    request.verifyTls = verify;
    return request;
  }

  ih::testing::TempDir dir_;
  ih::testing::TlsFiles localhost_ = ih::testing::writeTlsFiles(dir_, "localhost", "localhost");
  ih::testing::LocalTlsServer server_{localhost_};
};

TEST_F(OutboundTlsTest, AnUntrustedCertificateFailsWithATlsError) {
  PocoOutboundClient client;
  const OutboundResult result = client.send(get("localhost", true));
  EXPECT_EQ(result.error, TransportError::Unreachable);
  EXPECT_EQ(result.errorText, "Unable to reach host: localhost");
  EXPECT_NE(result.cause.find("TLS: "), std::string::npos) << result.cause;
  EXPECT_NE(result.cause.find("certificate verify failed"), std::string::npos) << result.cause;
  EXPECT_EQ(result.response.status, 0);
}

TEST_F(OutboundTlsTest, VerificationOffAcceptsAnyCertificate) {
  PocoOutboundClient client;
  const OutboundResult result = client.send(get("localhost", false));
  ASSERT_EQ(result.error, TransportError::None) << result.errorText << " (" << result.cause << ")";
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(result.response.body, "hello over tls");
}

TEST_F(OutboundTlsTest, AGivenCaIsTrusted) {
  PocoOutboundClient client(TlsTrust{localhost_.caCertificate});
  const OutboundResult result = client.send(get("localhost", true));
  ASSERT_EQ(result.error, TransportError::None) << result.errorText << " (" << result.cause << ")";
  EXPECT_EQ(result.response.body, "hello over tls");
}

TEST_F(OutboundTlsTest, TrustingOneCaDoesNotTrustAnother) {
  const auto other = ih::testing::writeTlsFiles(dir_, "other", "localhost");
  PocoOutboundClient client(TlsTrust{other.caCertificate});
  EXPECT_EQ(client.send(get("localhost", true)).error, TransportError::Unreachable);
}

TEST_F(OutboundTlsTest, ANameTheCertificateDoesNotCarryFailsEvenOnLocalhost) {
  PocoOutboundClient client(TlsTrust{localhost_.caCertificate});
  // 127.0.0.1 is the same server, but the certificate only names "localhost".
  const OutboundResult result = client.send(get("127.0.0.1", true));
  EXPECT_EQ(result.error, TransportError::Unreachable);
  EXPECT_NE(result.cause.find("Unacceptable certificate from 127.0.0.1"), std::string::npos) << result.cause;
}

TEST(OutboundTlsTrust, AFileWithoutCertificatesIsRefusedUpFront) {
  ih::testing::TempDir dir;
  const std::string notPem = dir.write("ca.pem", "not a certificate\n");
  EXPECT_THROW(PocoOutboundClient(TlsTrust{notPem}), std::invalid_argument);
  EXPECT_THROW(PocoOutboundClient(TlsTrust{dir.file("missing.pem")}), std::invalid_argument);
}

}  // namespace
}  // namespace ih::host::http
