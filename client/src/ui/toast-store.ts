import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show(text: string, kind?: ToastKind, ms?: number): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(text, kind = 'info', ms = 5000) {
    const id = nextId++;
    set((state) => ({ toasts: [...state.toasts.slice(-2), { id, kind, text }] }));
    setTimeout(() => get().dismiss(id), ms);
  },
  dismiss(id) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
}));

export function showToast(text: string, kind?: ToastKind, ms?: number): void {
  useToasts.getState().show(text, kind, ms);
}
