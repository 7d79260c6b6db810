// bench/e2e/wrk_scene.h - the set-up host handed to an outside load tool
// (scripts/bench --side-by-side runs wrk against it): writes into a folder
//   scene.env     HOST_URL, HOST_PID, WEBHOOK_BYTES, HOST_DATA_DIR (shell syntax), and
//   noop.lua      wrk script: valid-token deliveries without changelog;
//   assignee.lua  wrk script: assignee flips over the load tickets, with
//                 fields.updated (the plugin's watermark) growing per request,
//                 so every delivery changes its issue. WRK_PATH in the
//                 environment replaces the webhook path (the peer's route).
// then keeps the stack running until the file `done` appears in the folder.
#pragma once

#include <string>

#include "e2e/bench_stack.h"

namespace ih::bench {

void serveWrkScene(BenchStack& stack, const std::string& directory);

}  // namespace ih::bench
