/** Machine images taken in this session (like AMIs: kept until the page closes, not saved). */
import { create } from 'zustand';
import type { MachineImage } from '../../core/model/mechanics';

export interface NamedImage extends MachineImage {
  name: string;
}

interface ImageState {
  images: NamedImage[];
  add: (image: MachineImage) => string;
}

export const useImageStore = create<ImageState>()((set, get) => ({
  images: [],
  add: (image) => {
    const name = `ami-${String(get().images.length + 1).padStart(3, '0')} (${image.label || image.source})`;
    set((s) => ({ images: [...s.images, { ...image, name }] }));
    return name;
  },
}));
