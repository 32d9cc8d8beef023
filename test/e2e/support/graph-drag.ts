import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Box = { x: number; y: number; width: number; height: number };

/** A connection drawn in the topology graph as a user does: from the source node's right handle to the target's left one. */
export async function dragConnection(page: Page, fromId: string, toId: string): Promise<void> {
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const handles = async () => [await node(fromId).locator('.react-flow__handle.source').boundingBox(), await node(toId).locator('.react-flow__handle.target').boundingBox()];
  // A new node starts a layout that moves the others: grab the handles once they stay put.
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await handles());
        const settled = now === last && !now.includes('null');
        last = now;
        return settled;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
  const [from, to] = (await handles()) as [Box, Box];
  // The node clips its handles to its box: press on the half inside it.
  await page.mouse.move(from.x + 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}
