// Loading API data in a component: {data, error, loading, reload}. A path of
// null loads nothing. Answers arriving after the path changed are dropped.
import { useCallback, useEffect, useRef, useState } from "./html.js";
import { api } from "./api.js";

export function useResource(path) {
  const [state, setState] = useState({ data: undefined, error: null, loading: Boolean(path) });
  const generation = useRef(0);
  const load = useCallback(
    async (quiet = false) => {
      if (!path) return;
      const mine = ++generation.current;
      if (!quiet) setState((s) => ({ ...s, loading: true }));
      try {
        const data = await api.get(path);
        if (mine === generation.current) setState({ data, error: null, loading: false });
      } catch (error) {
        if (mine === generation.current) setState((s) => ({ data: s.data, error, loading: false }));
      }
    },
    [path],
  );
  useEffect(() => {
    setState({ data: undefined, error: null, loading: Boolean(path) });
    load();
  }, [load]);
  return { ...state, reload: load };
}

// Runs `task` every `ms` while the page is visible (e.g. to show changes made in Jira).
export function usePolling(task, ms) {
  const saved = useRef(task);
  saved.current = task;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") saved.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
