/** Which side drawer is open on narrow screens (on wide screens both panels are always shown). */
import { create } from 'zustand';

export type Drawer = 'palette' | 'inspector';

interface LayoutState {
  drawer: Drawer | null;
  toggle: (drawer: Drawer) => void;
  close: () => void;
}

export const useLayoutStore = create<LayoutState>()((set) => ({
  drawer: null,
  toggle: (drawer) => set((s) => ({ drawer: s.drawer === drawer ? null : drawer })),
  close: () => set({ drawer: null }),
}));
