/** Whether the SPoF panel is open (UI-only state, kept beside the panel). */
import { create } from 'zustand';

export interface AnalysisUiState {
  isOpen: boolean;
  setOpen(isOpen: boolean): void;
}

export const useAnalysisUi = create<AnalysisUiState>()((set) => ({
  isOpen: false,
  setOpen: (isOpen) => set({ isOpen }),
}));
