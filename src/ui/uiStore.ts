/**
 * UI-only state that is neither the document nor the live lab: the active tool, which panels
 * are open, the packet being inspected, the event-log filters.
 */
import { create } from 'zustand';

export type Tool = 'select' | 'fail';

export interface UiState {
  /** `fail`: clicking a device or link fails it, clicking again restores it. */
  tool: Tool;
  /** The LACPDU open in the packet inspector. */
  packet: { link: string; frame: number } | null;
  shareOpen: boolean;
  /** Event-log filters: empty = all. */
  logDevices: string[];
  logTypes: string[];
  setTool(tool: Tool): void;
  openPacket(link: string, frame: number): void;
  closePacket(): void;
  setShareOpen(open: boolean): void;
  setLogFilter(filter: { devices?: string[]; types?: string[] }): void;
}

export const useUiStore = create<UiState>()((set) => ({
  tool: 'select',
  packet: null,
  shareOpen: false,
  logDevices: [],
  logTypes: [],
  setTool: (tool) => set({ tool }),
  openPacket: (link, frame) => set({ packet: { link, frame } }),
  closePacket: () => set({ packet: null }),
  setShareOpen: (shareOpen) => set({ shareOpen }),
  setLogFilter: ({ devices, types }) => set((s) => ({ logDevices: devices ?? s.logDevices, logTypes: types ?? s.logTypes })),
}));
