import { create } from 'zustand';

export type Tab = 'sell' | 'history' | 'shift';
export type StoragePersistence = 'persisted' | 'not-persisted' | 'unsupported' | 'unknown';

interface UiState {
  tab: Tab;
  syncDetailsOpen: boolean;
  reauthOpen: boolean;
  storage: StoragePersistence;
  setTab(tab: Tab): void;
  toggleSyncDetails(open?: boolean): void;
  setReauthOpen(open: boolean): void;
  setStorage(storage: StoragePersistence): void;
}

/** UI-only state of the shell; documents live in RxDB, the session in the SessionManager. */
export const useUiStore = create<UiState>((set) => ({
  tab: 'sell',
  syncDetailsOpen: false,
  reauthOpen: false,
  storage: 'unknown',
  setTab: (tab) => set({ tab }),
  toggleSyncDetails: (open) =>
    set((state) => ({ syncDetailsOpen: open ?? !state.syncDetailsOpen })),
  setReauthOpen: (reauthOpen) => set({ reauthOpen }),
  setStorage: (storage) => set({ storage }),
}));
