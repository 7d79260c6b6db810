// tests/host_fixture/log_capture.cpp - see log_capture.h.
#include "log_capture.h"

#include <Poco/Logger.h>

namespace ih::test {

class LogCapture::Sink : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(CapturedLine{message.getSource(), message.getPriority(), message.getText()});
  }
  std::vector<CapturedLine> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.clear();
  }

 private:
  mutable std::mutex mutex_;
  std::vector<CapturedLine> lines_;
};

LogCapture::LogCapture() : sink_(new Sink) {
  Poco::Logger& root = Poco::Logger::root();
  previousChannel_ = root.getChannel();
  previousLevel_ = root.getLevel();
  // An AutoPtr copy: a raw pointer would be adopted without a reference.
  Poco::Logger::setChannel("", Poco::Channel::Ptr(sink_));
  Poco::Logger::setLevel("", Poco::Message::PRIO_DEBUG);
}

LogCapture::~LogCapture() {
  Poco::Logger::setChannel("", previousChannel_);
  Poco::Logger::setLevel("", previousLevel_);
}

std::vector<CapturedLine> LogCapture::lines() const { return sink_->lines(); }

std::vector<CapturedLine> LogCapture::matching(const std::string& needle, Poco::Message::Priority atLeast) const {
  std::vector<CapturedLine> out;
  for (auto& line : sink_->lines()) {
    // Poco priorities count down: PRIO_FATAL = 1 ... PRIO_TRACE = 8.
    if (line.priority <= atLeast && line.text.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

void LogCapture::clear() { sink_->clear(); }

std::string LogCapture::dump() const {
  std::string out;
  for (const auto& line : sink_->lines()) out += line.source + ": " + line.text + "\n";
  return out;
}

}  // namespace ih::test
