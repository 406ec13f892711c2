/** Puts the cursor in the form's field named as the contract names it (the core's BAD_INPUT field). */
export function focusField(name: string): void {
  const el = document.querySelector<HTMLElement>(`main [name="${CSS.escape(name)}"]`);
  el?.focus();
}
