// Labelled form controls. Every control has a visible <label>; help and
// errors are tied to it with aria-describedby, and an error sets
// aria-invalid, so assistive technology reads them with the field.
import { html, useId } from "../lib/html.js";

function describedBy(id, help, error) {
  return [help ? id + "-help" : null, error ? id + "-error" : null].filter(Boolean).join(" ") || undefined;
}

function FieldFrame({ id, label, help, error, children }) {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      ${children}
      ${help && html`<span class="help" id=${id + "-help"}>${help}</span>`}
      ${error && html`<span class="error" id=${id + "-error"}>${error}</span>`}
    </div>`;
}

export function TextField({ label, value, onInput, type = "text", help, error, required, autocomplete, name, placeholder, disabled }) {
  const id = useId();
  return html`
    <${FieldFrame} id=${id} label=${label} help=${help} error=${error}>
      <input id=${id} name=${name} type=${type} value=${value ?? ""} required=${required} disabled=${disabled}
        autocomplete=${autocomplete} placeholder=${placeholder}
        aria-invalid=${error ? "true" : undefined} aria-describedby=${describedBy(id, help, error)}
        onInput=${(e) => onInput(e.currentTarget.value)} />
    <//>`;
}

export function TextArea({ label, value, onInput, help, error, required, name, className, disabled, rows }) {
  const id = useId();
  return html`
    <${FieldFrame} id=${id} label=${label} help=${help} error=${error}>
      <textarea id=${id} name=${name} class=${className} required=${required} disabled=${disabled} rows=${rows}
        spellcheck=${className === "key" ? false : undefined}
        aria-invalid=${error ? "true" : undefined} aria-describedby=${describedBy(id, help, error)}
        onInput=${(e) => onInput(e.currentTarget.value)} value=${value ?? ""}></textarea>
    <//>`;
}

// choices: [[value, label], ...]; multiple: value is an array.
export function SelectField({ label, value, onChange, choices, help, error, required, multiple, placeholder, disabled, name }) {
  const id = useId();
  const selected = (v) => (multiple ? (value || []).includes(v) : value === v);
  return html`
    <${FieldFrame} id=${id} label=${label} help=${help} error=${error}>
      <select id=${id} name=${name} multiple=${multiple} required=${required} disabled=${disabled}
        aria-invalid=${error ? "true" : undefined} aria-describedby=${describedBy(id, help, error)}
        onChange=${(e) => onChange(multiple ? [...e.currentTarget.selectedOptions].map((o) => o.value) : e.currentTarget.value)}>
        ${!multiple && placeholder !== undefined && html`<option value="" selected=${!value}>${placeholder}</option>`}
        ${choices.map(([v, l]) => html`<option value=${v} selected=${selected(v)}>${l}</option>`)}
      </select>
    <//>`;
}

export function Checkbox({ label, checked, onChange, help, error, disabled }) {
  const id = useId();
  return html`
    <div class="field">
      <div class="check">
        <input id=${id} type="checkbox" checked=${checked} disabled=${disabled}
          aria-describedby=${describedBy(id, help, error)} onChange=${(e) => onChange(e.currentTarget.checked)} />
        <span>
          <label for=${id}>${label}</label>
          ${help && html`<span class="help" id=${id + "-help"}>${help}</span>`}
        </span>
      </div>
      ${error && html`<span class="error" id=${id + "-error"}>${error}</span>`}
    </div>`;
}

// An on/off control (a checkbox with role="switch").
export function Switch({ label, checked, onChange, disabled, help }) {
  const id = useId();
  return html`
    <div class="switch">
      <input id=${id} type="checkbox" role="switch" checked=${checked} disabled=${disabled}
        aria-describedby=${help ? id + "-help" : undefined} onChange=${(e) => onChange(e.currentTarget.checked)} />
      <label for=${id}>${label}</label>
      ${help && html`<span class="help muted small" id=${id + "-help"}>${help}</span>`}
    </div>`;
}
