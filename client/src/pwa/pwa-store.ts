import { create } from 'zustand';

interface PwaState {
  /** A new service worker is installed and waiting to take over. */
  updateReady: boolean;
  applyUpdate: () => void;
}

export const usePwaStore = create<PwaState>(() => ({
  updateReady: false,
  applyUpdate: () => undefined,
}));
