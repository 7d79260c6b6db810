// What every form of the app does on submit: show it is busy, clear the last
// errors, run the action, and keep the API's answer to show it: field errors
// ({"field": "message"}, shown at the fields) and the error itself (shown
// in an alert). Returns {busy, error, fields, submit, clear}; submit's
// arguments (an event, which it stops, or a value) go on to the action.
import { useState } from "./html.js";

export function useSubmit(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [fields, setFields] = useState({});
  const clear = () => {
    setError(null);
    setFields({});
  };
  async function submit(...args) {
    if (args[0] && typeof args[0].preventDefault === "function") args[0].preventDefault();
    setBusy(true);
    clear();
    try {
      await action(...args);
    } catch (e) {
      setFields(e.fields || {});
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fields, submit, clear };
}
