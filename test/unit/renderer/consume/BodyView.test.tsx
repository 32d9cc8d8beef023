import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyView } from '../../../../renderer/workbench/body-view.js';
import { bytesToWire } from '../../../../renderer/workbench/message-bytes.js';
import { fakeViewport } from '../support/render.js';

const KIB = 1024;

describe('BodyView', () => {
  let restoreViewport: () => void;
  beforeEach(() => {
    restoreViewport = fakeViewport();
  });
  afterEach(() => {
    cleanup();
    restoreViewport();
  });

  it('shows JSON as a tree first, and the same body as text and hex on request', () => {
    render(<BodyView body={{ encoding: 'utf8', data: '{"order":{"id":42,"tags":["a"]}}' }} size={32} truncated={false} contentType="application/json" />);
    expect(screen.getByLabelText('Body as a JSON tree').textContent).toContain('id: 42');
    fireEvent.click(screen.getByRole('radio', { name: 'Text' }));
    expect(screen.getByLabelText('Body as text').textContent).toBe('{"order":{"id":42,"tags":["a"]}}');
    fireEvent.click(screen.getByRole('radio', { name: 'Hex' }));
    expect(screen.getByLabelText('Body in hexadecimal').textContent).toContain('7b 22 6f 72 64 65 72 22');
  });

  it('shows binary as hex only, never as decoded text', () => {
    render(<BodyView body={bytesToWire(new Uint8Array([0, 0xff, 0x10, 0x80]))} size={4} truncated={false} />);
    expect((screen.getByRole('radio', { name: 'Text' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('radio', { name: 'JSON' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText('Body in hexadecimal').textContent).toContain('00 ff 10 80');
  });

  it('says a preview is truncated and loads the whole body in slices', async () => {
    const whole = 'x'.repeat(100 * KIB) + 'END';
    const slices: { offset: number; length: number }[] = [];
    const fetchSlice = async (offset: number, length: number) => {
      slices.push({ offset, length });
      return { size: whole.length, offset, bytes: { encoding: 'utf8' as const, data: whole.slice(offset, offset + length) } };
    };
    render(<BodyView body={{ encoding: 'utf8', data: whole.slice(0, 64 * KIB) }} size={whole.length} truncated fetchSlice={fetchSlice} />);
    expect(screen.getByRole('note').textContent).toContain('Truncated at 64 KiB of 100 KiB');
    fireEvent.click(screen.getByRole('button', { name: 'Load whole body' }));
    await waitFor(() => expect(screen.getByLabelText('Body as text').textContent?.endsWith('END')).toBe(true));
    expect(slices).toEqual([{ offset: 0, length: whole.length }]);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('offers a body above 10 MiB as a file instead of rendering it', () => {
    render(<BodyView body={{ encoding: 'utf8', data: 'y'.repeat(64 * KIB) }} size={12 * KIB * KIB} truncated fetchSlice={async () => ({ size: 0, offset: 0, bytes: { encoding: 'utf8', data: '' } })} />);
    expect(screen.getByRole('note').textContent).toContain('Bodies above 10 MiB are not shown whole.');
    expect(screen.getByRole('button', { name: 'Save whole body to a file' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load whole body' })).toBeNull();
  });

  it('says so when the backend can no longer serve the body', async () => {
    const fetchSlice = async () => {
      throw new Error('no message 7 in holder c1');
    };
    render(<BodyView body={{ encoding: 'utf8', data: 'z'.repeat(64 * KIB) }} size={70 * KIB} truncated fetchSlice={fetchSlice} />);
    fireEvent.click(screen.getByRole('button', { name: 'Load whole body' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the whole body: no message 7 in holder c1');
  });
});
