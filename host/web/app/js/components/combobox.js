// Search-as-you-type select (the WAI-ARIA combobox pattern): typing asks the
// plugin's search route for choices ({"value","label"} items), arrow keys
// move through them, Enter or a click picks one, Escape closes the list.
import { html, useEffect, useId, useRef, useState } from "../lib/html.js";
import { api, withQuery } from "../lib/api.js";

const DEBOUNCE_MS = 250;

export function Combobox({ label, url, field, value, valueLabel, onChange, help, error, required, placeholder }) {
  const id = useId();
  const listId = id + "-list";
  const [text, setText] = useState(valueLabel || "");
  const [options, setOptions] = useState([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const timer = useRef(null);
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(query) {
    clearTimeout(timer.current);
    if (!query.trim()) {
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    timer.current = setTimeout(async () => {
      const ticket = ++latest.current;
      setStatus("Searching…");
      try {
        const found = await api.get(withQuery(url, { field, query }));
        if (ticket !== latest.current) return;  // a newer search is under way
        const list = Array.isArray(found) ? found : [];
        setOptions(list);
        setActive(list.length ? 0 : -1);
        setOpen(true);
        setStatus(list.length ? `${list.length} result${list.length === 1 ? "" : "s"}` : "No results");
      } catch (e) {
        if (ticket !== latest.current) return;
        setOptions([]);
        setOpen(false);
        setStatus(e.message);
      }
    }, DEBOUNCE_MS);
  }

  function choose(option) {
    setText(option.label);
    setOpen(false);
    setStatus("");
    onChange(option.value, option.label);
  }

  function onKeyDown(event) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();  // close the list, not the dialog around it
      setOpen(false);
    }
  }

  const describedBy = [help && id + "-help", error && id + "-error", id + "-status"].filter(Boolean).join(" ");
  return html`
    <div class="field combobox">
      <label for=${id}>${label}</label>
      <input id=${id} type="text" role="combobox" autocomplete="off" value=${text} required=${required}
        placeholder=${placeholder} aria-autocomplete="list" aria-expanded=${open ? "true" : "false"}
        aria-controls=${listId} aria-activedescendant=${open && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid=${error ? "true" : undefined} aria-describedby=${describedBy}
        onInput=${(e) => {
          setText(e.currentTarget.value);
          if (value) onChange("", "");
          search(e.currentTarget.value);
        }}
        onKeyDown=${onKeyDown}
        onBlur=${() => setTimeout(() => setOpen(false), 150)} />
      <ul id=${listId} role="listbox" aria-label=${label} hidden=${!open || !options.length}>
        ${options.map((option, i) => html`
          <li id=${`${id}-opt-${i}`} role="option" aria-selected=${i === active ? "true" : "false"}
            onMouseDown=${(e) => { e.preventDefault(); choose(option); }}>${option.label}</li>`)}
      </ul>
      <span class="help" id=${id + "-status"} aria-live="polite">${status}</span>
      ${help && html`<span class="help" id=${id + "-help"}>${help}</span>`}
      ${error && html`<span class="error" id=${id + "-error"}>${error}</span>`}
    </div>`;
}
