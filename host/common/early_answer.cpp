// host/common/early_answer.cpp - see early_answer.h.
#include "common/early_answer.h"

#include <atomic>

namespace ih::host {

namespace {

thread_local EarlyAnswer* currentEarlyAnswer = nullptr;
std::atomic<int> handlersLeftBehind{0};

}  // namespace

int EarlyAnswer::handlersStillInside() { return handlersLeftBehind.load(); }
void EarlyAnswer::handlerLeftBehind() { ++handlersLeftBehind; }
void EarlyAnswer::handlerReturned() { --handlersLeftBehind; }

EarlyAnswerScope::EarlyAnswerScope(EarlyAnswer& answer) : outer_(currentEarlyAnswer) { currentEarlyAnswer = &answer; }

EarlyAnswerScope::~EarlyAnswerScope() { currentEarlyAnswer = outer_; }

EarlyAnswer* EarlyAnswerScope::current() { return currentEarlyAnswer; }

}  // namespace ih::host
