// host/inbox/webhook_inbox.h - the webhook inbox as the rest of the host sees
// it: keep a deferred request (the acknowledgement's promise), let a reader
// see what was acknowledged, and apply in the background.
//
// Read-your-acknowledgements: a client that got a delivery's 200 and then
// reads through the API expects to see its change, as it did when the 200
// meant "applied". A request on this host therefore first waits, for a short
// bounded time, until every delivery this host acknowledged before it has
// been applied. The wait is normally the few milliseconds one batch takes;
// during a burst that outruns the applier a reader waits at most the limit
// and may then see the state before the newest deliveries.
#pragma once

#include <chrono>

#include "inbox/inbox_appender.h"
#include "inbox/inbox_applier.h"

namespace ih::host::inbox {

inline constexpr std::chrono::milliseconds kReadAfterAcknowledgementWait{250};

class WebhookInbox {
 public:
  WebhookInbox(storage::Database& database, plugins::PluginRegistry& plugins, const Clock& clock, ops::Metrics& metrics,
               InboxOptions options = {})
      : applier_(database, plugins, clock, metrics, options),
        appender_(
            database, [this] { applier_.wake(); }, options.sealer) {
    applier_.yieldTo(appender_);
  }

  void start() { applier_.start(); }
  void stop() { applier_.stop(); }

  // Calls `done` (on the appender's thread) once `request` is stored
  // durably, or with why it could not be.
  void keepThen(storage::InboxRequest request, InboxAppender::Stored done) {
    appender_.appendThen(std::move(request), std::move(done));
  }
  // Waits (at most kReadAfterAcknowledgementWait) until what this host has
  // acknowledged so far is applied.
  void awaitAcknowledgedApplied() {
    applier_.awaitApplied(appender_.lastStoredId(), kReadAfterAcknowledgementWait);
  }

  InboxApplier& applier() { return applier_; }

 private:
  InboxApplier applier_;
  InboxAppender appender_;
};

}  // namespace ih::host::inbox
