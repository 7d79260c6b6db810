// Broken on purpose: an SDK plugin whose descriptor function throws while the
// host calls its entry. The SDK's entry must answer IHP_E_INTERNAL (the host
// refuses the plugin and goes on), never let the exception reach its
// noexcept frame, which would end the host.
#include <stdexcept>

#include "ihp/sdk/plugin.hpp"

namespace {

class DescriptorThrows : public ihp::sdk::Plugin {
 public:
  explicit DescriptorThrows(const ihp::sdk::Host&) {}
};

const ihp::sdk::Descriptor& descriptor() { throw std::runtime_error("descriptor_throws: no descriptor today"); }

}  // namespace

IHP_DEFINE_PLUGIN(DescriptorThrows, descriptor)
