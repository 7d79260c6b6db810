// A modal dialog on the native <dialog> element: showModal() keeps focus
// inside it and makes the rest of the page inert, Escape closes it, and
// focus returns to what opened it.
import { html, useEffect, useRef, useId } from "../lib/html.js";

export function Dialog({ title, open, onClose, children, footer }) {
  const ref = useRef(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement;
      dialog.showModal();
      dialog._opener = opener;
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    const closed = () => {
      if (dialog._opener && dialog._opener.focus) dialog._opener.focus();
      onClose();
    };
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, [onClose]);
  return html`
    <dialog ref=${ref} aria-labelledby=${titleId}>
      ${open && html`
        <div class="dialog-body">
          <h2 id=${titleId}>${title}</h2>
          ${children}
        </div>
        ${footer && html`<div class="dialog-footer">${footer}</div>`}`}
    </dialog>`;
}
