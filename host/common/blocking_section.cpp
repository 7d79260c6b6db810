// host/common/blocking_section.cpp - see blocking_section.h.
#include "common/blocking_section.h"

namespace ih::host {

namespace {

thread_local BlockingAware* currentPool = nullptr;

}  // namespace

void BlockingSection::setCurrent(BlockingAware* pool) { currentPool = pool; }

BlockingAware* BlockingSection::current() { return currentPool; }

BlockingSection::BlockingSection() : pool_(currentPool) {
  if (pool_ != nullptr) pool_->blockingBegins();
}

BlockingSection::~BlockingSection() {
  if (pool_ != nullptr) pool_->blockingEnds();
}

}  // namespace ih::host
