import { useCallback, useState } from 'react';

/** Where the panel remembers its height and whether it is open. */
export const PANEL_STORAGE_KEY = 'scale-out-lab/metrics-panel';
export const MIN_HEIGHT = 140;
/** Default height: 30 % of the window, between MIN_HEIGHT and 320 px, so the canvas keeps room. */
export const DEFAULT_SHARE = 0.3;
export const MAX_DEFAULT_HEIGHT = 320;
/** The panel never takes more than this share of the window. */
export const MAX_SHARE = 0.8;

interface Layout {
  open: boolean;
  height: number;
}

const maxHeight = () => Math.max(MIN_HEIGHT, Math.round(window.innerHeight * MAX_SHARE));
export const clampHeight = (h: number) =>
  Math.min(maxHeight(), Math.max(MIN_HEIGHT, Math.round(h)));
const defaultHeight = () =>
  clampHeight(Math.min(MAX_DEFAULT_HEIGHT, window.innerHeight * DEFAULT_SHARE));

function read(): Layout {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PANEL_STORAGE_KEY) ?? 'null');
    if (raw && typeof raw === 'object') {
      const r = raw as Record<string, unknown>;
      return {
        open: typeof r['open'] === 'boolean' ? r['open'] : true,
        height:
          typeof r['height'] === 'number' && Number.isFinite(r['height'])
            ? clampHeight(r['height'])
            : defaultHeight(),
      };
    }
  } catch {
    // Unreadable or blocked storage: start with the defaults.
  }
  return { open: true, height: defaultHeight() };
}

/** The panel's open state and height, remembered across reloads. */
export function usePanelLayout() {
  const [layout, setLayout] = useState<Layout>(read);
  const update = useCallback((next: Partial<Layout>) => {
    setLayout((l) => {
      const merged = { ...l, ...next };
      try {
        localStorage.setItem(PANEL_STORAGE_KEY, JSON.stringify(merged));
      } catch {
        // Not remembered; the layout still applies to this tab.
      }
      return merged;
    });
  }, []);
  return {
    ...layout,
    setOpen: (open: boolean) => update({ open }),
    setHeight: (height: number) => update({ height: clampHeight(height) }),
  };
}
