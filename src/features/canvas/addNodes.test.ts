import { describe, expect, it } from 'vitest';
import { addNode, emptyTopology } from '../../core/model';
import { cardOrigin, freeSpot, isKindId, revealOffset } from './addNodes';
import { CARD_HEIGHT, CARD_WIDTH } from './flowMapping';

describe('placing new nodes', () => {
  it('centres a card on the drop point, on the grid', () => {
    expect(cardOrigin({ x: 500, y: 300 })).toEqual({ x: 390, y: 250 });
  });

  it('lays repeated additions out side by side without overlaps', () => {
    let t = emptyTopology();
    const placed: { x: number; y: number }[] = [];
    for (let i = 0; i < 9; i++) {
      const p = freeSpot(t, { x: 100, y: 100 });
      placed.push(p);
      t = addNode(t, 'server', p.x, p.y).topology;
    }
    expect(placed[0]).toEqual({ x: 100, y: 100 });
    expect(placed[1]).toEqual({ x: 100 + CARD_WIDTH + 50, y: 100 });
    expect(placed[2]).toEqual({ x: 100 + 2 * (CARD_WIDTH + 50), y: 100 });
    expect(placed[4]).toEqual({ x: 100, y: 100 + CARD_HEIGHT + 40 });
    for (let a = 0; a < placed.length; a++)
      for (let b = a + 1; b < placed.length; b++) {
        const pa = placed[a]!;
        const pb = placed[b]!;
        const apart = Math.abs(pa.x - pb.x) >= CARD_WIDTH || Math.abs(pa.y - pb.y) >= CARD_HEIGHT;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
  });

  it('pans just enough to reveal a card outside the view', () => {
    const view = { x: 0, y: 0, width: 500, height: 400 };
    const card = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
    expect(revealOffset(view, card(100, 100), 20)).toEqual({ dx: 0, dy: 0 });
    expect(revealOffset(view, card(450, 100), 20)).toEqual({ dx: 70, dy: 0 });
    expect(revealOffset(view, card(-30, 380), 20)).toEqual({ dx: -50, dy: 50 });
    // Bigger than the view: centre it.
    expect(revealOffset({ x: 0, y: 0, width: 80, height: 400 }, card(0, 100), 20)).toEqual({
      dx: 10,
      dy: 0,
    });
  });

  it('accepts only registered kinds from a drop', () => {
    expect(isKindId('lb')).toBe(true);
    expect(isKindId('toaster')).toBe(false);
  });
});
