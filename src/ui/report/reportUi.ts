/** Whether the failover report is open (UI-only state, kept beside the report). */
import { create } from 'zustand';

export interface ReportUiState {
  isOpen: boolean;
  setOpen(isOpen: boolean): void;
}

export const useReportUi = create<ReportUiState>()((set) => ({
  isOpen: false,
  setOpen: (isOpen) => set({ isOpen }),
}));
