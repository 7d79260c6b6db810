// host/plugins/host_api_guard.cpp - see host_api_guard.h.
#include "plugins/host_api_guard.h"

#include <Poco/Logger.h>

#include <typeinfo>

#include "common/errors.h"

namespace ih::host::plugins::api {

namespace {

std::string pluginKey(const ihp_host_ctx* ctx) {
  return ctx != nullptr && ctx->plugin != nullptr ? ctx->plugin->key : std::string("?");
}

Poco::Logger& hostApiLogger() { return Poco::Logger::get("plugins.host_api"); }

}  // namespace

ihp_status statusForCurrentException(const ihp_host_ctx* ctx, const char* service) noexcept {
  try {
    try {
      throw;
    } catch (const NotFoundError&) {
      return IHP_E_NOT_FOUND;
    } catch (const ValidationError&) {
      return IHP_E_INVALID;
    } catch (const BadRequestError&) {
      return IHP_E_INVALID;
    } catch (const ForbiddenError&) {
      return IHP_E_FORBIDDEN;
    } catch (const ConflictError&) {
      return IHP_E_CONFLICT;
    } catch (const CallAbandoned&) {
      return IHP_E_TIMEOUT;  // the caller already answered; nothing to log per service
    } catch (const AbiViolation& e) {
      // Our own text: names the argument, never its value.
      hostApiLogger().warning("plugin %s: %s: %s", pluginKey(ctx), std::string(service), std::string(e.what()));
      return IHP_E_INVALID;
    } catch (const std::invalid_argument&) {
      return IHP_E_INVALID;  // e.g. a bad key handed to the OAuth signer
    } catch (const HostError& e) {
      // Host error messages are secret-free by contract (common/errors.h).
      hostApiLogger().error("plugin %s: %s failed: %s", pluginKey(ctx), std::string(service), std::string(e.what()));
      return IHP_E_INTERNAL;
    } catch (const std::exception& e) {
      // Library messages may quote data (SQL values, JSON): only the type.
      hostApiLogger().error("plugin %s: %s failed with an unexpected %s", pluginKey(ctx), std::string(service),
                     std::string(typeid(e).name()));
      return IHP_E_INTERNAL;
    } catch (...) {
      hostApiLogger().error("plugin %s: %s failed with a non-standard exception", pluginKey(ctx), std::string(service));
      return IHP_E_INTERNAL;
    }
  } catch (...) {
    return IHP_E_INTERNAL;  // logging itself failed
  }
}

ihp_host_ctx& context(ihp_host_ctx* ctx) {
  if (ctx == nullptr || ctx->plugin == nullptr || ctx->services == nullptr) throw AbiViolation("ctx is NULL");
  return *ctx;
}

storage::UnitOfWork& unitOfWork(ihp_host_ctx& ctx) {
  if (ctx.uow == nullptr) throw AbiViolation("this call has no unit of work");
  if (ctx.gate != nullptr) GateLease::hold(*ctx.gate);
  return *ctx.uow;
}

std::string_view text(ihp_str s, const char* what) {
  if (s.ptr == nullptr) {
    if (s.len != 0) throw AbiViolation(std::string(what) + " has a NULL pointer with a non-zero length");
    return {};
  }
  return std::string_view(s.ptr, s.len);
}

std::optional<std::string_view> optionalText(ihp_str s, const char* what) {
  if (s.ptr == nullptr && s.len == 0) return std::nullopt;
  return text(s, what);
}

std::string_view requiredText(ihp_str s, const char* what) {
  std::string_view value = text(s, what);
  if (value.empty()) throw AbiViolation(std::string(what) + " is missing");
  return value;
}

SinkWriter::SinkWriter(const ihp_sink* sink, const char* what)
    : sink_(structArgument(sink, what, IHP_SINK_SIZE_V1_0)) {
  if (sink_.write == nullptr) throw AbiViolation(std::string(what) + " has no write function");
}

void SinkWriter::write(std::string_view data) const { sink_.write(sink_.self, data.data(), data.size()); }

}  // namespace ih::host::plugins::api
