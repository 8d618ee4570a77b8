/**
 * Puts a text field back the way it was before a scanner burst typed into it. The value is
 * written through the prototype's setter and announced with an input event, because React
 * only notices a change when the DOM value differs from the one it last wrote itself.
 */

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export interface FieldSnapshot {
  field: TextField;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', '']);

export function asTextField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return target;
  return null;
}

export function snapshotField(target: EventTarget | null): FieldSnapshot | null {
  const field = asTextField(target);
  if (field === null) return null;

  return {
    field,
    value: field.value,
    selectionStart: field.selectionStart,
    selectionEnd: field.selectionEnd,
  };
}

function writeValue(field: TextField, value: string): void {
  const prototype =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Undoes the character the first key of a scan typed into a field. */
export function restoreField(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  if (!field.isConnected || field.value === snapshot.value) return;

  writeValue(field, snapshot.value);
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
  }
}
