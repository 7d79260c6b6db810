// An SDK plugin whose hooks throw (std::exception and non-std types): the
// SDK's fail-closed barrier must turn each into IHP_E_INTERNAL + 500 + an
// error log line, and the host must keep serving.
//   GET /extensions/sdk-throws/std/   -> throws std::runtime_error
//   GET /extensions/sdk-throws/int/   -> throws an int
//   GET /extensions/sdk-throws/ok/    -> 200 {"ok":true}
//   run_job                           -> throws a struct
#include <stdexcept>

#include "ihp/sdk/plugin.hpp"

namespace {

const ihp_route kRoutes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/sdk-throws/std/"), IHP_ROUTE_PUBLIC},
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/sdk-throws/int/"), IHP_ROUTE_PUBLIC},
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/sdk-throws/ok/"), IHP_ROUTE_PUBLIC},
};

struct NotAnException {
  int code;
};

class SdkThrows : public ihp::sdk::Plugin {
 public:
  explicit SdkThrows(const ihp::sdk::Host&) {}

  ihp_status handleRequest(ihp::sdk::Host&, const ihp_request& request, ihp::sdk::Reply& reply) override {
    switch (request.route_index) {
      case 0: throw std::runtime_error("sdk_throws: std exception from handle_request");
      case 1: throw 42;
      default: reply.json(200, R"({"ok":true})"); return IHP_OK;
    }
  }
  ihp_status runJob(ihp::sdk::Host&, const ihp_job&, ihp::sdk::Reply&) override { throw NotAnException{7}; }
};

const ihp::sdk::Descriptor& descriptor() {
  static const ihp::sdk::Descriptor d{IHP_STR_LIT("sdk_throws"), IHP_STR_LIT("SDK throws"), IHP_STR_LIT("1.0.0"),
                                      nullptr, 0, 0, kRoutes, 3};
  return d;
}

}  // namespace

IHP_DEFINE_PLUGIN(SdkThrows, descriptor)
